"""Links written in bodies to other articles and pages of the site → their address under the base path.

An editor links to an article by its file (`[texte](autre-article.md)`, relative to the linking
file), by its slug or by its address (`/articles/son-slug/`, an old slug included), and to any other
page by its path (`/pays/japon/`). Each becomes a root-relative link under the base path
(`/revue/articles/son-slug/`), the `?query` and `#fragment` kept. A link that would lead nowhere on
the published site (a missing file, a draft, an unknown page) is a problem at its line. A scheduled
article's links are checked now as they will be on its day: else its day's build would fail on them.
In the preview, a draft's link to any page the preview shows (a draft, a scheduled article) leads
there; every other article's links are checked as the public build checks them.

Feeds get the same links absolute (`absolute_links`). Bodies are cached as written (markup.py); this
runs on every build, after the cache, because where a link leads depends on the other articles. Only
bodies with such links cost anything.
"""

from __future__ import annotations

import bisect
import datetime
import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from revue.content.config import SiteConfig
from revue.content.group import Site, group
from revue.content.model import Article
from revue.content.schedule import is_scheduled, scheduled
from revue.core import messages, urls
from revue.core.errors import Problem
from revue.core.validate import closest_key
from revue.render.markup import RenderedBody

HREF = re.compile(r'(<a\s[^>]*?href=")([^"]*)(")')


@dataclass(frozen=True)
class LinkedBody:
    """A body's HTML with its links to the site resolved, and where they lead: what the page's bytes
    depend on beyond the article's own file."""

    html: str
    targets: tuple[str, ...]


@dataclass(frozen=True)
class Linked:
    """Each shown article's body with its links resolved, and the links that would lead nowhere."""

    bodies: dict[str, LinkedBody]
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class Resolution:
    """Where a link leads (a root-relative address, None if nowhere) and, if readers would not get
    there, why and how to fix it."""

    address: str | None
    problem: str | None = None


class Addresses:
    """Where each article and page of the site can be reached, to resolve one link."""

    def __init__(
        self,
        articles: Iterable[Article],
        site: Site,
        config: SiteConfig,
        today: datetime.date,
        unread: frozenset[str],
        preview: bool,
    ):
        self.articles = list(articles)
        self.config = config
        self.today = today
        self.preview = preview
        self.shown = {article.slug for article in site.articles}
        self.unread = unread  # files whose problems are reported: a link to one is not a problem too
        self.by_file: dict[str, Article] = {}
        self.by_slug: dict[str, Article] = {}
        self.by_name: dict[str, Article] = {}  # slugs, old slugs and file names: to suggest the one meant
        for article in self.articles:
            self.by_file[article.file] = article
            self.by_slug[article.slug] = article
            for alias in article.aliases:
                self.by_slug.setdefault(alias, article)
            self.by_name.setdefault(posixpath.splitext(posixpath.basename(article.file))[0], article)
        self.by_name.update(self.by_slug)
        self.pages = site_paths(site)
        # The days on which pages may come: those of the scheduled articles.
        self.coming = sorted({a.date for a in scheduled(self.articles, today) if a.date})
        self.pages_later: dict[datetime.date, set[str]] = {}  # the site's pages on each of those days
        self.first_days: dict[str, datetime.date | None] = {}

    def resolve(self, href: str, article: Article) -> Resolution:
        """Where the link `href`, written in `article`, leads."""
        parts = urlsplit(href)
        path = unquote(parts.path)
        suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
        if path.endswith(".md") and not path.startswith("/"):
            return self.to_file(href, path, suffix, article)
        site_path = path.lstrip("/") if path.startswith("/") else ""
        in_path = urls.slug_in_path(site_path) if site_path else None
        slug_written = in_path if in_path else "" if site_path else path.removesuffix("/")
        if in_path or urls.SLUG.fullmatch(slug_written):
            found = self.by_slug.get(slug_written)
            if found is None:  # when some files could not be read, it may be one of theirs
                return Resolution(None, None if self.unread else self.missing_slug(href, slug_written))
            return self.to_article(href, found, suffix, article)
        if not path.startswith("/"):
            return Resolution(None, messages.link_leads_nowhere(href))
        for candidate in (site_path, site_path + "/", site_path.removesuffix("index.html")):
            if candidate in self.pages or self.exists_by(candidate, article):
                return Resolution(self.config.href(candidate) + suffix)
        close = closest_key(site_path, tuple(self.pages))
        return Resolution(
            None, messages.link_to_missing_page(href, f"/{close}" if close is not None else None)
        )

    def to_file(self, href: str, path: str, suffix: str, article: Article) -> Resolution:
        folder = posixpath.dirname(article.file)
        target = posixpath.normpath(posixpath.join(folder, path))
        found = self.by_file.get(target)
        if found is not None:
            return self.to_article(href, found, suffix, article)
        if target in self.unread:
            return Resolution(None)
        # `new` and the importer name a file after its slug, which a rename (`git mv`) keeps.
        stem = posixpath.splitext(posixpath.basename(target))[0]
        renamed = self.by_slug.get(stem)
        if renamed is not None:
            now = posixpath.relpath(renamed.file, folder) + suffix
            return Resolution(None, messages.link_to_renamed_file(href, target, stem, renamed.file, now))
        written = posixpath.relpath(target, folder)  # compared as the editor would write each file
        close = closest_key(written, tuple(posixpath.relpath(known, folder) for known in self.by_file))
        return Resolution(None, messages.link_to_missing_file(href, target, close))

    def to_article(self, href: str, target: Article, suffix: str, article: Article) -> Resolution:
        """A draft's page exists only in the preview, a scheduled article's from its day on: readers of
        the published site following the link before then would get a 404."""
        address = self.config.href(target.url_path) + suffix
        if self.preview and article.draft and target.slug in self.shown:
            # A draft is checked when it is published; the pages it links to are in the preview. Any
            # other article's link is checked as the public build will check it: the preview says it.
            return Resolution(address)
        day = article.date if article.date is not None and is_scheduled(article, self.today) else None
        if target.draft:
            if day is not None:
                return Resolution(address, messages.scheduled_link_to_draft(href, target.path, day))
            return Resolution(address, messages.link_to_draft(href, target.path))
        published = day or self.today  # when readers can follow the link
        if target.date is not None and target.date > published:
            if day is not None:
                return Resolution(
                    address, messages.scheduled_link_to_later(href, target.path, target.date, day)
                )
            return Resolution(address, messages.link_to_scheduled(href, target.path, target.date))
        return Resolution(address)

    def exists_by(self, path: str, article: Article) -> bool:
        """Whether the page at `path`, not on the site today, is there on the day the scheduled `article`
        comes out (a year's page may come with it). Never in the preview, which shows that day's pages."""
        if self.preview or not is_scheduled(article, self.today) or article.date is None:
            return False
        if path not in self.first_days:
            # Pages only come as articles do: the first day it exists, found grouping the site on few days.
            first = bisect.bisect_left(self.coming, True, key=lambda day: path in self.pages_on(day))
            self.first_days[path] = self.coming[first] if first < len(self.coming) else None
        first_day = self.first_days[path]
        return first_day is not None and first_day <= article.date

    def pages_on(self, day: datetime.date) -> set[str]:
        if day not in self.pages_later:
            self.pages_later[day] = site_paths(group(self.articles, self.config, day))
        return self.pages_later[day]

    def missing_slug(self, href: str, slug: str) -> str:
        close = closest_key(slug, tuple(self.by_name))
        meant = self.by_name[close].url_path if close is not None else None
        return messages.link_to_missing_slug(href, slug, meant)


def link_bodies(
    site: Site,
    articles: Iterable[Article],
    bodies: dict[str, RenderedBody],
    config: SiteConfig,
    today: datetime.date,
    unread: frozenset[str] = frozenset(),
    preview: bool = False,
    waiting: tuple[Article, ...] = (),
) -> Linked:
    """Each shown article's body with its links resolved, and a problem at the line of every link of a
    published or `waiting` (scheduled, not shown: its body is in `bodies` too) article that would lead
    nowhere on its day. A draft's links (in the preview) may lead to drafts; one that leads nowhere is
    left as written, to be reported when the draft is published. `unread`: the files that could not be
    read (their problems are reported), so links to them are not. `preview`: drafts and scheduled
    articles are shown, and a draft's links to them lead to their pages."""
    addresses: Addresses | None = None
    problems = []
    linked = {}
    for article in (*site.articles, *waiting):
        body = bodies[article.slug]
        if not body.links:
            linked[article.slug] = LinkedBody(body.html, ())
            continue
        addresses = addresses or Addresses(articles, site, config, today, unread, preview)
        resolved = {}
        for link in body.links:
            outcome = addresses.resolve(link.href, article)
            if outcome.problem and not article.draft:
                problems.append(Problem(article.path, article.body_line + link.line - 1, outcome.problem))
            elif outcome.address is not None:
                resolved[link.href] = outcome.address
        linked[article.slug] = LinkedBody(_rewrite_links(body.html, resolved), tuple(resolved.values()))
    shown = {article.slug for article in site.articles}
    return Linked({slug: body for slug, body in linked.items() if slug in shown}, tuple(problems))


def site_paths(site: Site) -> set[str]:
    """Every page and feed address of `site`, without the base path."""
    return {page.path for page in site.pages} | {feed.path for feed in site.feeds}


def absolute_links(body: LinkedBody, config: SiteConfig) -> str:
    """The body's HTML with its links to the site absolute, for feeds: a feed reader shows an entry
    away from the site, and not every reader resolves a root-relative link (nor `xml:base`)."""
    if not body.targets:
        return body.html
    return _rewrite_links(body.html, {target: urljoin(config.base_url, target) for target in body.targets})


def _rewrite_links(fragment: str, resolved: dict[str, str]) -> str:
    """Each `<a href>` of `fragment` whose address is a key of `resolved`, pointed at its value."""

    def replace(match: re.Match[str]) -> str:
        target = resolved.get(html.unescape(match[2]))
        return match[0] if target is None else f"{match[1]}{html.escape(target)}{match[3]}"

    return HREF.sub(replace, fragment)
