"""Links written in bodies to other articles and pages of the site → their address under the base path.

An editor links to an article by its file (`[texte](autre-article.md)`, relative to the linking
file), by its slug or by its address (`/articles/son-slug/`, an old slug included), and to any other
page by its path (`/pays/japon/`). Each becomes a root-relative link under the base path
(`/revue/articles/son-slug/`), the `?query` and `#fragment` kept. A link that would lead nowhere on
the published site (a missing file, a draft, an unknown page) is a problem at its line.

Feeds get the same links absolute (`absolute_links`). Bodies are cached as written (markup.py); this
runs on every build, after the cache, because where a link leads depends on the other articles. Only
bodies with such links cost anything.
"""

from __future__ import annotations

import datetime
import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from revue.content.config import SiteConfig
from revue.content.group import Site
from revue.content.model import Article
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
    ):
        self.config = config
        self.today = today
        self.unread = unread  # files whose problems are reported: a link to one is not a problem too
        self.by_file: dict[str, Article] = {}
        self.by_slug: dict[str, Article] = {}
        self.by_name: dict[str, Article] = {}  # slugs, old slugs and file names: to suggest the one meant
        for article in articles:
            self.by_file[article.file] = article
            self.by_slug[article.slug] = article
            for alias in article.aliases:
                self.by_slug.setdefault(alias, article)
            self.by_name.setdefault(posixpath.splitext(posixpath.basename(article.file))[0], article)
        self.by_name.update(self.by_slug)
        self.pages = {page.path for page in site.pages} | {feed.path for feed in site.feeds}

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
            if candidate in self.pages:
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
        if target.draft:
            return Resolution(address, messages.link_to_draft(href, target.path))
        published = max(self.today, article.date or self.today)  # when readers can follow the link
        if target.date is not None and target.date > published:
            return Resolution(address, messages.link_to_scheduled(href, target.path, target.date))
        return Resolution(address)

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
) -> Linked:
    """Each shown article's body with its links resolved, and a problem at the line of every link of a
    published article that would lead nowhere. A draft's links (in the preview) may lead to drafts; one
    that leads nowhere is left as written, to be reported when the draft is published. `unread`: the
    files that could not be read (their problems are reported), so links to them are not."""
    addresses: Addresses | None = None
    problems = []
    linked = {}
    for article in site.articles:
        body = bodies[article.slug]
        if not body.links:
            linked[article.slug] = LinkedBody(body.html, ())
            continue
        addresses = addresses or Addresses(articles, site, config, today, unread)
        resolved = {}
        for link in body.links:
            outcome = addresses.resolve(link.href, article)
            if outcome.problem and not article.draft:
                problems.append(Problem(article.path, article.body_line + link.line - 1, outcome.problem))
            elif outcome.address is not None:
                resolved[link.href] = outcome.address
        linked[article.slug] = LinkedBody(_rewrite_links(body.html, resolved), tuple(resolved.values()))
    return Linked(linked, tuple(problems))


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
