"""The whole build, top to bottom: config → import → read → group → render → write (+ index)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from revue.build.cache import Caches, bodies_cached, open_caches, read_cached
from revue.build.incremental import output_intact, publish_changes
from revue.build.search import IndexReport, index_site
from revue.build.store import Store
from revue.core.digest import code_digest, digest, folder_digest
from revue.core.project import Project
from revue.render.templates import NOJEKYLL, RenderedFile, render_jobs, render_site, site_jobs
from revue.site.config import SiteConfig, load_config
from revue.site.group import Site, group
from revue.site.model import Article
from revue.site.read import content_sources


@dataclass(frozen=True)
class BuildResult:
    """What a build did, for the report the CLI prints."""

    articles: int
    drafts: int
    files: int
    config: SiteConfig
    index: IndexReport | None = None  # None when only checked: the index is built while publishing
    written: int = 0  # files whose bytes changed; 0: output/ was left untouched
    index_seconds: float = 0.0  # 0 when nothing indexed changed and the previous index was kept


@dataclass(frozen=True)
class LoadedSite:
    """Everything read, checked and grouped, with the article bodies rendered; no page rendered yet."""

    config: SiteConfig
    articles: list[Article]  # drafts included
    site: Site
    bodies: dict[str, str]  # body HTML by slug
    article_keys: dict[int, str]  # by id(article): a digest of everything the article says
    caches: Caches  # saved by the caller once its work is done

    def result(self, files: int) -> BuildResult:
        published = len(self.articles) - sum(a.draft for a in self.articles)
        return BuildResult(published, len(self.articles) - published, files, self.config)


@dataclass(frozen=True)
class PreparedSite:
    """Everything checked and rendered in memory; nothing written yet."""

    config: SiteConfig
    articles: list[Article]  # drafts included
    files: list[RenderedFile]


def load_site(
    project: Project, base_url: str | None = None, sources: list[tuple[Path, bytes]] | None = None
) -> LoadedSite:
    """Read, validate and group; bodies come from `.cache/` when their Markdown was rendered before."""
    config = load_config(project.site_yaml, base_url)
    if sources is None:
        sources = content_sources(project.content, project.root)
    caches = open_caches(project.cache)
    articles, keys = read_cached(sources, config, caches.articles)
    site = group(articles, config)
    return LoadedSite(config, articles, site, bodies_cached(site.articles, caches.bodies), keys, caches)


def prepare_site(project: Project, base_url: str | None = None) -> PreparedSite:
    """Load, validate and render everything without touching disk: what `check` runs."""
    loaded = load_site(project, base_url)
    files = render_site(loaded.site, loaded.bodies, loaded.config, project.templates, project.root)
    loaded.caches.save()
    return PreparedSite(loaded.config, loaded.articles, files)


def build_site(project: Project, base_url: str | None = None) -> BuildResult:
    """Bring `output/` up to date, rendering and writing only what changed (revue/incremental.py)."""
    sources = content_sources(project.content, project.root)
    inputs = build_inputs(project, load_config(project.site_yaml, base_url), sources)
    last_builds = Store(project.cache / "last-build.pickle")
    slot = str(project.output.resolve())
    remembered = last_builds.get(slot)
    if remembered and remembered[0] == inputs and output_intact(project.output, project.cache):
        return replace(remembered[1], written=0, index_seconds=0.0)  # nothing to read, render or write
    loaded = load_site(project, base_url, sources)
    jobs = site_jobs(loaded.site, loaded.bodies)
    outcome = publish_changes(
        jobs,
        [NOJEKYLL],
        lambda todo: render_jobs(todo, loaded.config, project.templates, project.root),
        loaded.config,
        project.templates,
        project.output,
        project.cache,
        index_site,
        loaded.article_keys,
    )
    result = replace(
        loaded.result(len(jobs) + 1),
        index=outcome.index,
        written=outcome.written,
        index_seconds=outcome.index_seconds,
    )
    loaded.caches.save()
    last_builds.put(slot, (inputs, result))
    last_builds.save()
    return result


def build_inputs(project: Project, config: SiteConfig, sources: list[tuple[Path, bytes]]) -> str:
    """One digest of everything a build reads: code and libraries, config, templates and every article."""
    return digest(
        code_digest(),
        repr(config),
        folder_digest(project.templates),
        *(part for shown, raw in sources for part in (str(shown), raw)),
    )
