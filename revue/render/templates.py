"""`Site` → `[(path, bytes)]` in memory: the render jobs (each file, its template, what it gets and what
its bytes depend on), rendered through Jinja2 templates that get typed objects (environment.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from revue.content.config import SiteConfig
from revue.content.group import (
    ArticlePage,
    HomePage,
    ListPage,
    Page,
    Site,
)
from revue.content.model import Article, ShownPhoto
from revue.core import urls
from revue.core.digest import digest
from revue.core.errors import Problem
from revue.render.environment import cached_environment
from revue.render.links import LinkedBody, absolute_links
from revue.render.markup import BodyImage
from revue.render.photos import lead_figure, place_photos
from revue.render.sitemap import sitemap_pages
from revue.render.template_errors import (
    TemplateFailure,
    template_failure,
    template_frame,
    undecodable_template,
)


@dataclass(frozen=True)
class RenderedFile:
    """One file of the finished site."""

    path: str  # relative to the output folder, e.g. "articles/x/index.html"
    content: bytes


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
        article = page.article if isinstance(page, ArticlePage) else None
        linked = bodies[article.slug] if article else None
        shown = photos.get(article.slug, ()) if article else ()
        covers = {a.slug: photos[a.slug][0] for a in listed_articles(page) if photos.get(a.slug)}
        jobs.append(
            RenderJob(
                page.template,
                urls.output_file(page.path),
                what_is_rendered(page),
                {
                    "page": page,
                    "body_html": place_photos(linked.html, images[article.slug], shown, config.href)
                    if linked and article
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
        slug: place_photos(
            absolute_links(bodies[slug], config), images[slug], photos.get(slug, ()), config.url, True
        )
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
    context: dict[str, object] = {"version": version, "precache": precache}
    return [RenderJob("sw.js", urls.SERVICE_WORKER, urls.SERVICE_WORKER, context, (version, tuple(precache)))]


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
