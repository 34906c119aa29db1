"""`Site` → `[(path, bytes)]` in memory, through Jinja2 templates that get typed objects."""

from __future__ import annotations

import datetime
import json
import os
import re
import traceback
from collections import Counter
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

import jinja2
from babel.dates import format_date
from markupsafe import Markup

from revue.content.config import SiteConfig
from revue.content.group import (
    ArticlePage,
    HomePage,
    ListPage,
    NotFoundPage,
    OfflinePage,
    Page,
    RedirectPage,
    SearchPage,
    Site,
)
from revue.content.model import Article, ShownPhoto
from revue.core import messages, urls
from revue.core.digest import digest
from revue.core.errors import Problem, display_path
from revue.core.frontmatter import not_utf8_problem
from revue.render.article_view import arrange_body
from revue.render.links import LinkedBody
from revue.render.markup import BodyImage
from revue.render.photos import lead_figure, place_photos, thumbnail
from revue.render.typography import french_markup, french_text


@dataclass(frozen=True)
class RenderedFile:
    """One file of the finished site."""

    path: str  # relative to the output folder, e.g. "articles/x/index.html"
    content: bytes


def french_date(day: datetime.date) -> str:
    """`9 février 2023`, `1er mai 2020`, never broken at the end of a line (the typography's date rule)."""
    return french_text(format_date(day, "d MMMM y", locale="fr"))


def french_day(day: datetime.date) -> str:
    """`9 février`, `1er mai`: a date under its year's heading."""
    return french_text(format_date(day, "d MMMM", locale="fr"))


def atom_time(day: datetime.date) -> str:
    """RFC 3339 timestamp of a day: articles carry dates, feeds need times."""
    return f"{day.isoformat()}T00:00:00Z"


def script_json(value: object) -> Markup:
    """JSON safe inside `<script>`: no `<`, `>` or `&` that could close the element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def make_environment(templates: Path, config: SiteConfig) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        french_date=french_date, french_day=french_day, atom_time=atom_time, href=config.href, url=config.url
    )
    env.filters["json"] = script_json
    env.filters["typo"] = lru_cache(maxsize=1 << 16)(french_text)  # titles recur on many pages
    env.filters["typeset"] = lru_cache(maxsize=1 << 16)(french_markup)  # the same, shown: `1<sup>er</sup>`
    env.globals["arrange_body"] = arrange_body
    env.globals["thumbnail"] = partial(thumbnail, href=config.href)
    env.globals.update(site=config, urls=urls)  # templates build paths with the same functions as pages
    return env


MODULE_PATH = re.compile(r"'(?:\w+\.)+(?=\w+ object')")


@dataclass(frozen=True)
class TemplateFailure:
    """A template mistake met while rendering one file: the same mistake on many files is one problem."""

    path: Path  # the template, as editors type it
    line: int | None
    detail: str  # Jinja's words
    rendering: str  # the file it stopped


def template_frame(error: Exception, templates: Path) -> traceback.FrameSummary | None:
    """The innermost line of a template the error went through, if any."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if Path(frame.filename).resolve().is_relative_to(templates.resolve()):
            return frame
    return None


def template_failure(error: Exception, templates: Path, root: Path, rendering: str) -> TemplateFailure:
    """Name the template line that failed, and what was being rendered."""
    line = getattr(error, "lineno", None)
    name = getattr(error, "filename", None) or getattr(error, "name", None)
    frame = template_frame(error, templates)
    if frame:
        name, line = frame.filename, frame.lineno
    path = display_path(templates / name, root) if name else display_path(templates, root)
    words = getattr(error, "message", None) or str(error)
    if not isinstance(error, jinja2.TemplateError):  # a filter's own error, in Python's words
        python = f"{type(error).__name__}: {words}" if words else type(error).__name__
        words = messages.template_value_refused(python)
    detail = MODULE_PATH.sub("'", words)  # not Revue's internals
    return TemplateFailure(path, line, detail, rendering)


def undecodable_template(error: UnicodeDecodeError, templates: Path, root: Path) -> Problem:
    """The template Jinja could not read as UTF-8. Its loader does not say which: the error holds the
    file's bytes, so the file is the one with those bytes."""
    for path in sorted(templates.rglob("*")):
        if path.is_file() and path.read_bytes() == error.object:
            return not_utf8_problem(display_path(path, root), error.object, error)
    return Problem(display_path(templates, root), None, messages.not_utf8())  # changed since Jinja read it


def template_problems(failures: Iterable[Problem | TemplateFailure]) -> list[Problem]:
    """Each problem once: a template mistake that stopped many files names the first and counts the others
    (one wrong line of article.html would otherwise print one line per article)."""
    firsts: dict[object, Problem | TemplateFailure] = {}
    counts: Counter[object] = Counter()
    for failure in failures:
        key = (
            (failure.path, failure.line, failure.detail) if isinstance(failure, TemplateFailure) else failure
        )
        firsts.setdefault(key, failure)
        counts[key] += 1
    return [
        Problem(
            first.path, first.line, messages.template_error(first.detail, first.rendering, counts[key] - 1)
        )
        if isinstance(first, TemplateFailure)
        else first
        for key, first in firsts.items()
    ]


NOJEKYLL = RenderedFile(urls.NOJEKYLL, b"")  # tells GitHub Pages to serve the files as they are


def asset_files(static: Path) -> list[RenderedFile]:
    """`templates/static/` as it is, under `assets/`: files of the site like the pages."""
    files = sorted(path for path in static.rglob("*") if path.is_file()) if static.is_dir() else []
    return [
        RenderedFile(urls.ASSETS + path.relative_to(static).as_posix(), path.read_bytes()) for path in files
    ]


@dataclass(frozen=True)
class RenderJob:
    """One file to render: the template, what it gets, and what its bytes depend on."""

    template: str
    path: str  # the output file
    rendering: str  # what a template error names
    context: dict[str, object]
    # Beside templates, config and code. A body follows from its article's file, but for where its links
    # lead: those addresses are inputs of each page that shows the body.
    inputs: tuple[object, ...]


def site_jobs(
    site: Site,
    bodies: dict[str, LinkedBody],
    images: dict[str, tuple[BodyImage, ...]],
    photos: dict[str, tuple[ShownPhoto, ...]],
    config: SiteConfig,
) -> list[RenderJob]:
    """Every page and feed, plus the sitemap and robots.txt. Photos, like the addresses links lead to,
    are inputs of the article's page, of the feeds that carry it, and (its first photo, the cover) of
    the pages that list it: a new photo file re-renders those, and no other page."""
    jobs = []
    for page in site.pages:
        linked = bodies[page.article.slug] if isinstance(page, ArticlePage) else None
        shown = photos.get(page.article.slug, ()) if isinstance(page, ArticlePage) else ()
        covers = {a.slug: photos[a.slug][0] for a in listed_articles(page) if photos.get(a.slug)}
        jobs.append(
            RenderJob(
                page.template,
                urls.output_file(page.path),
                what_is_rendered(page),
                {
                    "page": page,
                    "body_html": place_photos(linked.html, images[page.article.slug], shown, config.href)
                    if linked
                    else "",
                    "photos": shown,
                    "lead_photo": lead_figure(shown, config.href),
                    "covers": covers,
                },
                (
                    page,
                    *((linked.targets,) if linked and linked.targets else ()),
                    *((shown,) if shown else ()),
                    *((tuple(covers.items()),) if covers else ()),
                ),
            )
        )
    in_feeds = {article.slug for feed in site.feeds for article in feed.articles}
    feed_bodies = {
        slug: place_photos(bodies[slug].html, images[slug], photos.get(slug, ()), config.url, True)
        for slug in in_feeds
    }
    for feed in site.feeds:
        targets = tuple(target for article in feed.articles for target in bodies[article.slug].targets)
        carried = tuple(photos.get(article.slug, ()) for article in feed.articles)
        inputs = (feed, *((targets,) if targets else ()), *((carried,) if any(carried) else ()))
        jobs.append(
            RenderJob("atom.xml", feed.path, feed.path, {"feed": feed, "bodies": feed_bodies}, inputs)
        )
    pages = sitemap_pages(site)
    jobs.append(RenderJob("sitemap.xml", urls.SITEMAP, urls.SITEMAP, {"pages": pages}, (pages,)))
    jobs.append(RenderJob("robots.txt", urls.ROBOTS, urls.ROBOTS, {}, ()))
    jobs.append(RenderJob("manifest.webmanifest", urls.MANIFEST, urls.MANIFEST, {}, ()))
    return jobs


# What the service worker keeps at install: the home page, the offline note, and what every page loads.
OFFLINE_FILES = (
    urls.HOME,
    urls.OFFLINE,
    urls.ASSETS + "style.css",
    urls.ASSETS + "favicon.svg",
    urls.ASSETS + "icon-192.png",
    urls.MANIFEST,
)


def service_worker_jobs(shas: dict[str, str], config: SiteConfig) -> list[RenderJob]:
    """The service worker, made once the bytes of the site's files are known (`shas`, by output path):
    its version is a digest of those it keeps, so that the same site gives the same worker, and a
    site whose kept files changed gives a new one, which browsers install in place of the old."""
    kept = [path for path in OFFLINE_FILES if urls.output_file(path) in shas]
    version = digest(*(f"{path}:{shas[urls.output_file(path)]}" for path in kept))[:16]
    precache = [config.href(path) for path in kept]
    context = {"version": version, "precache": precache}
    return [RenderJob("sw.js", urls.SERVICE_WORKER, urls.SERVICE_WORKER, context, (version, tuple(precache)))]


@lru_cache(maxsize=4)
def cached_environment(templates: Path, config: SiteConfig, compiled: Path) -> jinja2.Environment:
    """One environment per process and site: workers reuse compiled templates across jobs, and processes
    reuse Jinja's compiled code from `compiled/` (checked against each template's source by Jinja):
    compiling the templates again would cost a one-article build about 40 ms."""
    environment = make_environment(templates, config)
    environment.bytecode_cache = CompiledTemplates(str(compiled))
    return environment


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's compiled templates in a folder that may vanish while a process keeps its environment
    (`.cache/` deleted between two builds of one process, or during one): made again when needed; one
    that cannot be read or written only means compiling again, the build's own writes say what is wrong."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):  # unreadable (`.cache` not a folder…): the template is compiled
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)


def render_page(
    job: RenderJob, config: SiteConfig, templates: Path, root: Path, compiled: Path
) -> bytes | Problem | TemplateFailure:
    """The file's bytes, or the template problem that stopped it."""
    try:
        text = (
            cached_environment(templates, config, compiled).get_template(job.template).render(**job.context)
        )
    except jinja2.TemplateError as error:
        return template_failure(error, templates, root, job.rendering)
    except UnicodeDecodeError as error:  # Jinja's loader reads each template as UTF-8
        return undecodable_template(error, templates, root)
    except Exception as error:  # a filter given what it cannot take (`title | french_date`)…
        if template_frame(error, templates) is None:
            raise  # …and not Revue's own bug, which must not pass for the template's
        return template_failure(error, templates, root, job.rendering)
    return text.encode("utf-8")


def listed_articles(page: Page) -> tuple[Article, ...]:
    """The articles a page shows as cards, each with its cover photo: the home page's latest, a list's,
    an article's « À lire aussi »."""
    if isinstance(page, HomePage):
        return page.latest
    if isinstance(page, ListPage):
        return page.articles
    if isinstance(page, ArticlePage):
        return page.related
    return ()


def what_is_rendered(page: Page) -> str:
    return page.article.file if isinstance(page, ArticlePage) else f"/{page.path}"


def sitemap_pages(site: Site) -> list[tuple[str, datetime.date | None]]:
    """Every page a search engine should know, with its last change where it shows articles: the
    article's (its correction, else its date), or the latest among those a list shows."""
    entries = []
    for page in site.pages:
        if isinstance(page, SearchPage | NotFoundPage | OfflinePage | RedirectPage):
            continue
        if isinstance(page, ArticlePage):
            newest = page.article.last_modified
        elif isinstance(page, ListPage | HomePage):
            shown = page.articles if isinstance(page, ListPage) else page.latest
            newest = max((article.last_modified for article in shown), default=None)
        else:
            newest = None
        entries.append((page.path, newest))
    return entries
