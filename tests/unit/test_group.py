"""Grouping: newest first, related articles, neighbours in a partner, the partner × year overview."""

from __future__ import annotations

import datetime

from revue.content.config import load_config
from revue.content.group import ArticlePage, CountryIndexPage, ListPage, group
from revue.content.model import Article
from revue.core.countries import lookup
from tests.conftest import REPO

CONFIG = load_config(REPO / "site.yaml")
TODAY = datetime.date(2024, 6, 1)


def article(
    slug: str, date: str, *countries: str, draft: bool = False, updated: str | None = None
) -> Article:
    return Article(
        file=f"content/{slug}.md",
        title=slug,
        date=datetime.date.fromisoformat(date),
        countries=tuple(lookup(c) for c in countries),
        summary="",
        place="",
        source=None,
        photos=(),
        slug=slug,
        draft=draft,
        body_markdown="x",
        body_line=5,
        slug_line=1,
        updated=datetime.date.fromisoformat(updated) if updated else None,
    )


ARTICLES = [
    article("a2016", "2016-02-18", "Japon"),
    article("b2020", "2020-01-13", "Japon", "Chine"),
    article("c2020", "2020-05-08", "Japon"),
    article("d2023", "2023-02-09", "Chine"),
    article("brouillon", "2024-01-01", "Japon", draft=True),
]


def pages_of(kind: type, site) -> list:
    return [p for p in site.pages if isinstance(p, kind)]


def test_lists_are_newest_first_and_drafts_are_left_out() -> None:
    site = group(ARTICLES, CONFIG, TODAY)
    assert [a.slug for a in site.articles] == ["d2023", "c2020", "b2020", "a2016"]
    japan = next(p for p in pages_of(ListPage, site) if p.path == "pays/japon/")
    assert [a.slug for a in japan.articles] == ["c2020", "b2020", "a2016"]
    assert [c.label for c in japan.sub_pages] == ["2020", "2016"]


def test_neighbours_stay_in_the_country() -> None:
    site = group(ARTICLES, CONFIG, TODAY)
    page = next(p for p in pages_of(ArticlePage, site) if p.article.slug == "b2020")
    assert [(c.name, a.slug) for c, a in page.next_in_country] == [("Japon", "c2020"), ("Chine", "d2023")]
    assert [(c.name, a.slug) for c, a in page.previous_in_country] == [("Japon", "a2016")]


def test_related_articles_are_the_newest_of_the_same_partners_but_the_neighbours() -> None:
    """« À lire aussi » never repeats « Précédent » or « Suivant »: other articles of the same partners."""
    more = [
        article("e2021", "2021-03-01", "Japon"),
        article("f2022", "2022-03-01", "Chine"),
        article("g2024", "2024-01-02", "Japon"),
        article("h2024", "2024-01-03", "Laos"),
        article("i2024", "2024-01-04", "Japon"),
    ]
    site = group([*ARTICLES, *more], CONFIG, TODAY)
    pages = {p.article.slug: p for p in pages_of(ArticlePage, site)}

    page = pages["b2020"]  # Japon and Chine
    shown = {a.slug for _, a in (*page.previous_in_country, *page.next_in_country)}
    assert shown == {"a2016", "c2020", "f2022"}
    assert [a.slug for a in page.related] == ["i2024", "g2024", "d2023"]
    for page in pages.values():
        neighbours = {a.slug for _, a in (*page.previous_in_country, *page.next_in_country)}
        assert not neighbours & {a.slug for a in page.related}, page.article.slug
        assert page.article not in page.related
        partners = set(page.article.countries)
        assert all(partners & set(a.countries) for a in page.related)
        assert list(page.related) == sorted(page.related, key=lambda a: a.date, reverse=True)
    assert pages["h2024"].related == ()  # Laos: no other article


def test_country_year_pages_and_the_overview_agree() -> None:
    site = group(ARTICLES, CONFIG, TODAY)
    paths = {p.path for p in pages_of(ListPage, site)}
    assert {"pays/japon/2016/", "pays/japon/2020/", "pays/chine/2020/", "pays/chine/2023/"} <= paths
    assert "pays/japon/2023/" not in paths
    [overview] = pages_of(CountryIndexPage, site)
    assert overview.years == (2023, 2020, 2016)
    japan = next(r for r in overview.rows if r.country.label == "Japon")
    assert [c.count if c else 0 for c in japan.cells] == [0, 2, 1]


def test_feeds_are_dated_by_their_newest_article() -> None:
    site = group(ARTICLES, CONFIG, TODAY)
    by_path = {f.path: f for f in site.feeds}
    assert by_path["atom.xml"].updated == datetime.date(2023, 2, 9)
    assert by_path["pays/japon/atom.xml"].updated == datetime.date(2020, 5, 8)


def test_countries_with_as_many_articles_come_in_french_order() -> None:
    articles = [
        article("a", "2020-01-01", "Laos"),
        article("b", "2020-01-02", "États-Unis"),
        article("c", "2020-01-03", "Égypte"),
        article("d", "2020-01-04", "Zimbabwe", "Laos"),
    ]
    [index] = pages_of(CountryIndexPage, group(articles, CONFIG, TODAY))
    assert [count.label for count in index.countries] == ["Laos", "Égypte", "États-Unis", "Zimbabwe"]


def test_organisations_are_partners_among_countries_in_french_order() -> None:
    articles = [
        article("a", "2020-01-01", "Union européenne", "Japon"),
        article("b", "2021-01-02", "ASEAN"),
        article("c", "2021-01-03", "États-Unis"),
    ]
    site = group(articles, CONFIG, TODAY)
    [index] = pages_of(CountryIndexPage, site)
    assert [(c.label, c.path) for c in index.countries] == [
        ("ASEAN", "organisations/asean/"),
        ("États-Unis", "pays/etats-unis/"),
        ("Japon", "pays/japon/"),
        ("Union européenne", "organisations/union-europeenne/"),
    ]
    union = next(r for r in index.rows if r.country.label == "Union européenne")
    assert [c.path if c else None for c in union.cells] == [None, "organisations/union-europeenne/2020/"]
    year = next(p for p in pages_of(ListPage, site) if p.path == "annees/2020/")
    assert [c.path for c in year.sub_pages] == ["pays/japon/2020/", "organisations/union-europeenne/2020/"]


def test_a_scheduled_article_is_on_no_page_and_in_no_feed_until_its_day() -> None:
    soon = article("programme", "2024-06-02", "Japon", "Laos")

    before = group([*ARTICLES, soon], CONFIG, TODAY)
    on_the_day = group([*ARTICLES, soon], CONFIG, datetime.date(2024, 6, 2))

    assert "programme" not in repr(before)  # no page, list, count, overview cell or feed names it
    assert "Laos" not in repr(before) and "2024" not in {
        p.path.split("/")[1] for p in before.pages if "/" in p.path
    }
    assert before == group(ARTICLES, CONFIG, TODAY)
    assert on_the_day.articles[0].slug == "programme"
    assert {f.path for f in on_the_day.feeds} >= {"atom.xml", "pays/laos/atom.xml"}


def test_the_preview_shows_a_scheduled_article_marked_as_such() -> None:
    soon = article("programme", "2024-06-02", "Japon")

    site = group([*ARTICLES, soon], CONFIG, TODAY, with_drafts=True)

    shown = {a.slug: a for a in site.articles}
    assert shown["programme"].scheduled and not shown["d2023"].scheduled
    assert not shown["brouillon"].scheduled  # a past draft is a draft, nothing more


def test_a_correction_dates_the_feeds_entry_and_the_feed() -> None:
    corrected = article("corrige", "2020-03-01", "Japon", updated="2024-05-03")

    site = group([*ARTICLES, corrected], CONFIG, TODAY)

    by_path = {f.path: f for f in site.feeds}
    assert by_path["atom.xml"].updated == datetime.date(2024, 5, 3)  # newer than the newest article's date
    assert by_path["pays/chine/atom.xml"].updated == datetime.date(2023, 2, 9)
