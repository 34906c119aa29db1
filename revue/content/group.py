"""Published articles → every page of the site, as typed objects that templates read.

Sorting happens once here: newest first, then by slug, so ties are stable and output
is deterministic. Two articles claiming one URL were already refused by `read`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from math import ceil

from revue.content.config import SiteConfig
from revue.content.model import Article
from revue.content.schedule import is_scheduled
from revue.core import urls
from revue.core.collation import french_sort_key
from revue.core.countries import Partner

RELATED_ARTICLES = 3
TIMELINE_ARTICLES = 3  # the titles a partner's timeline shows for each year, the newest


@dataclass(frozen=True)
class Pagination:
    """Where one page of a paginated list stands among its siblings."""

    page: int
    pages: int
    previous_path: str | None
    next_path: str | None


@dataclass(frozen=True)
class Count:
    """A link with how many articles lie behind it (a partner, a year, a cell of the overview)."""

    label: str
    path: str
    count: int


@dataclass(frozen=True)
class HomePage:
    path: str
    latest: tuple[Article, ...]
    countries: tuple[Count, ...]
    years: tuple[Count, ...]
    template: str = "home.html"


@dataclass(frozen=True)
class ArticlePage:
    path: str
    article: Article
    related: tuple[Article, ...]
    previous_in_country: tuple[tuple[Partner, Article], ...]  # per country: the older neighbour
    next_in_country: tuple[tuple[Partner, Article], ...]  # per country: the newer neighbour
    template: str = "article.html"


@dataclass(frozen=True)
class OverviewRow:
    """One partner (a country or an organisation) in the partner × year overview."""

    country: Count
    cells: tuple[Count | None, ...]  # one per year of `CountryIndexPage.years`; None where no article


@dataclass(frozen=True)
class CountryIndexPage:
    path: str
    countries: tuple[Count, ...]
    years: tuple[int, ...]
    rows: tuple[OverviewRow, ...]
    template: str = "countries.html"


@dataclass(frozen=True)
class TimelineYear:
    """One year of a partner's timeline: how many articles (a link to that year's page) and the newest."""

    year: Count
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class ListPage:
    """A paginated list of articles: one partner, one year, or one partner in one year."""

    path: str
    heading: str
    articles: tuple[Article, ...]
    pagination: Pagination
    country: Partner | None = None
    year: int | None = None
    feed_path: str | None = None
    sub_pages: tuple[Count, ...] = ()  # a partner's years, or a year's partners
    timeline: tuple[TimelineYear, ...] = ()  # a partner's first page: the relationship, year by year
    template: str = "list.html"


@dataclass(frozen=True)
class YearIndexPage:
    path: str
    years: tuple[Count, ...]
    template: str = "years.html"


@dataclass(frozen=True)
class SearchPage:
    path: str = urls.SEARCH
    template: str = "search.html"


@dataclass(frozen=True)
class NotFoundPage:
    path: str = urls.NOT_FOUND
    template: str = "404.html"


@dataclass(frozen=True)
class OfflinePage:
    """What the service worker shows for a page the reader never opened, when the network is gone."""

    path: str = urls.OFFLINE
    template: str = "offline.html"


@dataclass(frozen=True)
class RedirectPage:
    """An article's old address (`aliases:`): sends readers and search engines on to the article,
    and is listed nowhere (no list, feed, sitemap or search index)."""

    path: str
    article: Article
    template: str = "redirect.html"


Page = (
    HomePage
    | ArticlePage
    | CountryIndexPage
    | ListPage
    | YearIndexPage
    | SearchPage
    | NotFoundPage
    | OfflinePage
    | RedirectPage
)


@dataclass(frozen=True)
class Feed:
    """An Atom feed: the whole digest, or one partner."""

    path: str
    title: str
    alternate_path: str
    articles: tuple[Article, ...]
    updated: datetime.date


@dataclass(frozen=True)
class Site:
    """Everything render needs: the pages, the feeds and the published articles."""

    pages: tuple[Page, ...]
    feeds: tuple[Feed, ...]
    articles: tuple[Article, ...]


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date, a.slug), reverse=True)


def paginate(
    base_path: str, articles: list[Article], per_page: int
) -> list[tuple[str, tuple[Article, ...], Pagination]]:
    """Split a list into pages: `base/`, `base/page/2/`, …"""
    pages = max(1, ceil(len(articles) / per_page))

    def path(n: int) -> str:
        return urls.numbered(base_path, n)

    return [
        (
            path(n),
            tuple(articles[(n - 1) * per_page : n * per_page]),
            Pagination(n, pages, path(n - 1) if n > 1 else None, path(n + 1) if n < pages else None),
        )
        for n in range(1, pages + 1)
    ]


class Positions:
    """Where each article stands in each of its partners' newest-first lists, found once for the whole
    site: every article page asks for its neighbours and its related articles."""

    def __init__(self, by_country: dict[Partner, list[Article]]):
        self.places: dict[int, dict[Partner, tuple[list[Article], int]]] = defaultdict(dict)
        for country, listed in by_country.items():
            for index, article in enumerate(listed):
                self.places[id(article)][country] = (listed, index)

    def related(self, article: Article, shown: Iterable[Article]) -> tuple[Article, ...]:
        """Other articles of the article's partners, newest first (ties: slug, as lists), leaving out the
        ones the page already `shown` (its neighbours): « À lire aussi » never repeats a link. Each list
        is newest first, so the first few of each that are not left out are enough."""
        left_out = {id(article), *map(id, shown)}
        found: dict[int, Article] = {}
        for listed, _ in self.places[id(article)].values():
            taken = 0
            for other in listed:
                if taken == RELATED_ARTICLES:
                    break
                if id(other) not in left_out:
                    found[id(other)] = other
                    taken += 1
        return tuple(newest_first(list(found.values()))[:RELATED_ARTICLES])

    def neighbours(self, article: Article, step: int) -> tuple[tuple[Partner, Article], ...]:
        """Per country of the article, the next article in that country's newest-first list at `step`."""
        places = self.places[id(article)]
        found = []
        for country in article.countries:
            listed, index = places[country]
            if 0 <= index + step < len(listed):
                found.append((country, listed[index + step]))
        return tuple(found)


def group(
    articles: list[Article], config: SiteConfig, today: datetime.date, with_drafts: bool = False
) -> Site:
    """Build every page from the articles published by `today`: a later date waits for its day. A preview
    (`with_drafts`) shows the drafts that have a date and the scheduled articles too, each marked."""
    if with_drafts:
        shown = [replace(a, scheduled=True) if is_scheduled(a, today) else a for a in articles if a.date]
    else:
        shown = [a for a in articles if not a.draft and not is_scheduled(a, today)]
    published = newest_first(shown)
    by_country: dict[Partner, list[Article]] = defaultdict(list)
    by_year: dict[int, list[Article]] = defaultdict(list)
    by_country_year: dict[tuple[Partner, int], list[Article]] = defaultdict(list)
    for article in published:
        by_year[article.year].append(article)
        for country in article.countries:
            by_country[country].append(article)
            by_country_year[country, article.year].append(article)
    countries = sorted(by_country, key=lambda c: (-len(by_country[c]), french_sort_key(c.name)))
    years = sorted(by_year, reverse=True)
    country_counts = tuple(Count(c.name, c.path, len(by_country[c])) for c in countries)
    year_counts = tuple(Count(str(y), urls.year(y), len(by_year[y])) for y in years)

    pages: list[Page] = [
        HomePage(urls.HOME, tuple(published[: config.home_articles]), country_counts, year_counts),
        CountryIndexPage(
            urls.COUNTRIES, country_counts, tuple(years), overview(countries, years, by_country_year)
        ),
        YearIndexPage(urls.YEARS, year_counts),
        SearchPage(),
        NotFoundPage(),
        OfflinePage(),
    ]
    positions = Positions(by_country)
    for article in published:
        previous, following = positions.neighbours(article, +1), positions.neighbours(article, -1)
        related = positions.related(article, (other for _, other in (*previous, *following)))
        pages.append(ArticlePage(article.url_path, article, related, previous, following))
        pages.extend(RedirectPage(urls.article(alias), article) for alias in article.aliases)
    for country in countries:
        base = country.path
        country_years = tuple(
            Count(str(y), urls.partner_year(country.path, y), len(by_country_year[country, y]))
            for y in years
            if (country, y) in by_country_year
        )
        timeline = tuple(
            TimelineYear(year, tuple(by_country_year[country, int(year.label)][:TIMELINE_ARTICLES]))
            for year in country_years
        )
        for path, chunk, pagination in paginate(base, by_country[country], config.per_page):
            first = pagination.page == 1
            pages.append(
                ListPage(
                    path,
                    country.name,
                    chunk,
                    pagination,
                    country,
                    None,
                    urls.feed(base),
                    country_years,
                    timeline if first else (),
                )
            )
        for year_count in country_years:
            year = int(year_count.label)
            for path, chunk, pagination in paginate(
                year_count.path, by_country_year[country, year], config.per_page
            ):
                pages.append(ListPage(path, f"{country.name} en {year}", chunk, pagination, country, year))
    for year in years:
        year_countries = tuple(
            Count(c.name, urls.partner_year(c.path, year), len(by_country_year[c, year]))
            for c in countries
            if (c, year) in by_country_year
        )
        for path, chunk, pagination in paginate(urls.year(year), by_year[year], config.per_page):
            pages.append(ListPage(path, f"Année {year}", chunk, pagination, None, year, None, year_countries))

    feeds = [feed(urls.feed(), config.title, urls.HOME, published, config)]
    feeds += [
        feed(
            urls.feed(c.path),
            f"{config.title} — {c.name}",
            c.path,
            by_country[c],
            config,
        )
        for c in countries
    ]
    return Site(tuple(pages), tuple(feeds), tuple(published))


def overview(
    countries: list[Partner], years: list[int], by_country_year: dict[tuple[Partner, int], list[Article]]
) -> tuple[OverviewRow, ...]:
    """The partner × year table: a cell per year, linking to that partner-year page."""
    rows = []
    for country in countries:
        cells = tuple(
            Count(str(y), urls.partner_year(country.path, y), len(by_country_year[country, y]))
            if (country, y) in by_country_year
            else None
            for y in years
        )
        total = sum(cell.count for cell in cells if cell)
        rows.append(OverviewRow(Count(country.name, country.path, total), cells))
    return tuple(rows)


def feed(path: str, title: str, alternate: str, articles: list[Article], config: SiteConfig) -> Feed:
    """The newest articles; the feed's `updated` is the latest change among them, a correction included."""
    chosen = tuple(articles[: config.feed_articles])
    updated = max((a.last_modified for a in chosen), default=datetime.date(1970, 1, 1))
    return Feed(path, title, alternate, chosen, updated)
