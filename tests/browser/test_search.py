"""Searching the seed site in headless Chromium, on a phone, served under a sub-path as on GitHub Pages."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from revue.site.config import SiteConfig, load_config
from revue.site.model import Article
from tests.conftest import REPO, ServedSite, built_and_served, copy_project, read_all, set_shard_size

AXE = REPO / "node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="module", params=["one shard", "a shard per year"])
def served_site(
    request: pytest.FixtureRequest, served_site: ServedSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServedSite]:
    """Every search behaves the same whether the index is one shard or four merged in the browser."""
    if request.param == "one shard":
        yield served_site
        return
    project = copy_project(tmp_path_factory.mktemp("sharded") / "site")
    set_shard_size(project, 1)
    with built_and_served(project) as site:
        assert len(list((project.output / "pagefind").glob("*/pagefind-entry.json"))) == 4
        yield site


@pytest.fixture(scope="module")
def config(served_site: ServedSite) -> SiteConfig:
    return load_config(served_site.project.site_yaml, served_site.base_url)


@pytest.fixture(scope="module")
def articles(served_site: ServedSite, config: SiteConfig) -> dict[str, Article]:
    """The seed articles by ISO date: the issue names them by day."""
    published = [
        a for a in read_all(served_site.project.content, config, served_site.project.root) if not a.draft
    ]
    assert len(published) == 6, "the six seed articles are in content/"
    return {a.date.isoformat(): a for a in published if a.date}


def names(article: Article) -> list[str]:
    return [partner.name for partner in article.countries]


def open_search(page: Page, served_site: ServedSite, query: str = "") -> None:
    page.goto(served_site.url(f"recherche/{query}"))
    expect(page.locator("#recherche[data-ready]")).to_be_attached()


def results(page: Page):
    return page.locator("#recherche-resultats h2 a")


def hrefs(page: Page) -> list[str]:
    return [link.get_attribute("href") or "" for link in results(page).all()]


@pytest.mark.parametrize(
    ("words", "day"),
    [
        ("masques", "2020-05-08"),
        ("Gunma", "2016-02-18"),
        ("modernisation", "2023-02-09"),
        ("coopération décentralisée", "2020-01-13"),
    ],
)
def test_typed_words_find_the_remembered_article_first(
    page: Page,
    served_site: ServedSite,
    config: SiteConfig,
    articles: dict[str, Article],
    words: str,
    day: str,
) -> None:
    open_search(page, served_site)
    page.get_by_label("Mots à rechercher").fill(words)
    expect(results(page).first).to_have_attribute("href", config.href(articles[day].url_path))
    expect(page).to_have_url(served_site.url("recherche/?" + urlencode({"q": words})))


def test_words_without_accents_find_articles_written_with_them(
    page: Page, served_site: ServedSite, config: SiteConfig, articles: dict[str, Article]
) -> None:
    writing_it = {config.href(a.url_path) for a in articles.values() if "coopération" in a.body_markdown}
    assert len(writing_it) >= 2
    open_search(page, served_site, "?q=cooperation")
    expect(page.locator("#recherche-etat")).to_contain_text("trouvé")
    assert writing_it <= set(hrefs(page))


def test_year_and_country_filters(
    page: Page, served_site: ServedSite, config: SiteConfig, articles: dict[str, Article]
) -> None:
    open_search(page, served_site)
    page.get_by_label("Année").select_option("2020")
    expect(results(page)).to_have_count(2)
    assert set(hrefs(page)) == {config.href(articles[d].url_path) for d in ("2020-01-13", "2020-05-08")}
    expect(page).to_have_url(re.compile(r"\?annee=2020$"))
    page.get_by_label("Année").select_option("")
    page.get_by_label("Partenaire").select_option("Japon")
    expect(results(page)).to_have_count(5)


def test_organisations_are_partners_in_the_filter_and_in_shared_links(
    page: Page, served_site: ServedSite, config: SiteConfig, articles: dict[str, Article]
) -> None:
    """The partner filter offers countries and organisations in French order; `?pays=` keeps working."""
    open_search(page, served_site)
    offered = page.locator("#recherche-pays option").all_inner_texts()
    assert offered == ["Tous les partenaires", "États-Unis", "Japon", "Royaume-Uni", "Union européenne"]
    page.get_by_label("Partenaire").select_option("Union européenne")
    expect(results(page)).to_have_count(1)
    assert hrefs(page) == [config.href(articles["2025-07-11"].url_path)]
    expect(page).to_have_url(served_site.url("recherche/?" + urlencode({"pays": "Union européenne"})))
    open_search(page, served_site, "?" + urlencode({"q": "ministres", "pays": "Union européenne"}))
    expect(page.get_by_label("Partenaire")).to_have_value("Union européenne")
    expect(results(page)).to_have_count(1)


def test_results_sort_by_date_newest_first(
    page: Page, served_site: ServedSite, config: SiteConfig, articles: dict[str, Article]
) -> None:
    open_search(page, served_site, "?pays=Japon&tri=date")
    expect(results(page)).to_have_count(5)
    newest_first = sorted((day for day, a in articles.items() if "Japon" in names(a)), reverse=True)
    assert hrefs(page) == [config.href(articles[day].url_path) for day in newest_first]


def test_every_result_link_opens_its_article_under_the_sub_path(
    page: Page, served_site: ServedSite, config: SiteConfig, articles: dict[str, Article]
) -> None:
    open_search(page, served_site, "?pays=Japon")
    expect(results(page)).to_have_count(5)
    titles = {link.get_attribute("href"): link.inner_text() for link in results(page).all()}
    assert set(titles) == {config.href(a.url_path) for a in articles.values() if "Japon" in names(a)}
    for href, title in titles.items():
        open_search(page, served_site, "?pays=Japon")
        page.locator(f'#recherche-resultats a[href="{href}"]').click()
        expect(page).to_have_url(served_site.url(href.removeprefix(config.base_path)))
        expect(page.locator("h1")).to_have_text(title)


def test_a_shared_search_link_shows_results_without_typing(
    page: Page, served_site: ServedSite, config: SiteConfig, articles: dict[str, Article]
) -> None:
    open_search(page, served_site, "?q=Gunma")
    expect(page.get_by_label("Mots à rechercher")).to_have_value("Gunma")
    expect(results(page).first).to_have_attribute("href", config.href(articles["2016-02-18"].url_path))


def test_the_header_search_on_an_article_leads_to_results(
    page: Page, served_site: ServedSite, config: SiteConfig, articles: dict[str, Article]
) -> None:
    page.goto(served_site.url(articles["2023-02-09"].url_path))
    page.locator(".site-header .menu > summary").click()  # the field is one tap away, in the menu
    page.locator(".site-header").get_by_role("searchbox").fill("masques")
    page.locator(".site-header").get_by_role("searchbox").press("Enter")
    expect(page).to_have_url(served_site.url("recherche/?q=masques"))
    expect(results(page).first).to_have_attribute("href", config.href(articles["2020-05-08"].url_path))


def test_axe_finds_no_violation_on_the_search_page_with_results(page: Page, served_site: ServedSite) -> None:
    open_search(page, served_site, "?q=coop%C3%A9ration")
    expect(results(page).first).to_be_visible()
    page.add_script_tag(path=Path(AXE))
    violations = page.evaluate("axe.run().then(r => r.violations.map(v => v.id + ': ' + v.help))")
    assert violations == []


def test_an_unknown_word_says_nothing_was_found(page: Page, served_site: ServedSite) -> None:
    open_search(page, served_site, "?q=zzzzzz")
    expect(page.locator("#recherche-etat")).to_have_text(re.compile(r"^Aucun article trouvé"))
    expect(results(page)).to_have_count(0)


def test_words_typed_while_the_index_loads_are_kept_and_searched(
    page: Page, served_site: ServedSite, config: SiteConfig, articles: dict[str, Article]
) -> None:
    """A reader types at once; Pagefind arrives later and must neither erase nor ignore the words."""
    held = []
    page.route("**/pagefind/pagefind.js", lambda route: held.append(route))
    with page.expect_request("**/pagefind/pagefind.js"):
        page.goto(served_site.url("recherche/"), wait_until="domcontentloaded")
    field = page.get_by_label("Mots à rechercher")
    field.press_sequentially("masques")
    held[0].continue_()
    expect(page.locator("#recherche[data-ready]")).to_be_attached()
    expect(field).to_have_value("masques")
    expect(results(page).first).to_have_attribute("href", config.href(articles["2020-05-08"].url_path))


def test_excerpts_quote_the_article_not_its_date_line(page: Page, served_site: ServedSite) -> None:
    """The header's date, place, reading time and tags are metadata: they never crowd the excerpt."""
    open_search(page, served_site, "?q=Gunma")
    excerpt = page.locator("#recherche-resultats li p:not(.meta)").first
    expect(excerpt).to_contain_text("Gunma")
    expect(excerpt).not_to_contain_text("min de lecture")


def test_a_word_no_article_holds_finds_nothing_rather_than_every_article_by_its_start(
    page: Page, served_site: ServedSite
) -> None:
    """Pagefind matches a word it lacks by the longest indexed word that starts it: `déminage` by `de`."""
    for query in ("?q=d%C3%A9minage", "?q=masques+d%C3%A9minage"):
        open_search(page, served_site, query)
        expect(page.locator("#recherche-etat")).to_have_text(re.compile(r"^Aucun article trouvé"))
        expect(results(page)).to_have_count(0)


def test_a_word_still_being_typed_finds_the_articles_it_starts(
    page: Page, served_site: ServedSite, config: SiteConfig, articles: dict[str, Article]
) -> None:
    open_search(page, served_site, "?q=masq")
    expect(results(page).first).to_have_attribute("href", config.href(articles["2020-05-08"].url_path))


def test_choosing_a_year_loads_only_the_shards_holding_it(page: Page, served_site: ServedSite) -> None:
    shards = json.loads((served_site.project.output / "pagefind/shards.json").read_text(encoding="utf-8"))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_search(page, served_site, "?q=coop%C3%A9ration&annee=2020")
    expect(results(page)).to_have_count(2)
    folders = {found.group(1) for url in requested if (found := re.search(r"/pagefind/([^/]+)/", url))}
    assert folders == {shard["folder"] for shard in shards["shards"] if "2020" in shard["years"]}


@pytest.fixture(scope="module")
def standfirst_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """One article whose first paragraph says its summary again but for one word: the page shows it once."""
    project = copy_project(tmp_path_factory.mktemp("standfirst") / "site", with_content=False)
    (project.content / "chapeau.md").write_text(
        '---\ntitle: "Un chapeau repris"\ndate: 2021-03-04\ncountries: [Japon]\n'
        'summary: "Les deux pays renforcent leur coopération portuaire dans le delta du Mékong."\n---\n'
        "Les deux pays renforcent leur coopération dans le delta du Mékong, a-t-on appris.\n\nSuite du texte.\n",
        encoding="utf-8",
    )
    with built_and_served(project) as site:
        yield site


def test_a_word_only_in_the_summary_finds_the_article(page: Page, standfirst_site: ServedSite) -> None:
    article = (standfirst_site.project.output / "articles/un-chapeau-repris/index.html").read_text()
    shown = '<p class="standfirst">Les deux pays renforcent leur coopération dans le delta du Mékong'
    assert shown in article, "the first paragraph stands for the summary: the page never shows `portuaire`"
    open_search(page, standfirst_site, "?q=portuaire")
    expect(results(page)).to_have_count(1)
    expect(page.locator("#recherche-resultats li p:not(.meta)")).to_contain_text("portuaire")


def test_a_site_without_articles_says_there_is_nothing_to_search_yet(
    page: Page, tmp_path_factory: pytest.TempPathFactory
) -> None:
    project = copy_project(tmp_path_factory.mktemp("empty") / "site", with_content=False)
    with built_and_served(project) as site:
        open_search(page, site, "?q=masques")
        expect(page.locator("#recherche-etat")).to_have_text("Aucun article n’est encore publié.")
