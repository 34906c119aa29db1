"""The whole build, top to bottom: config → import → read → group → render → write (+ index)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from revue.config import SiteConfig, load_config
from revue.group import group
from revue.markup import body_html
from revue.model import Article
from revue.project import Project
from revue.read import read_articles
from revue.render import RenderedFile, render_site
from revue.search import IndexReport, index_site
from revue.write import publish


@dataclass(frozen=True)
class BuildResult:
    """What a build did, for the report the CLI prints."""

    articles: int
    drafts: int
    files: int
    config: SiteConfig
    index: IndexReport | None = None  # None when only checked: the index is built while publishing


def load_articles(project: Project, config: SiteConfig) -> list[Article]:
    return read_articles(project.content, config, project.root)


@dataclass(frozen=True)
class PreparedSite:
    """Everything checked and rendered in memory; nothing written yet."""

    config: SiteConfig
    articles: list[Article]  # drafts included
    files: list[RenderedFile]

    def result(self) -> BuildResult:
        published = len(self.articles) - sum(a.draft for a in self.articles)
        return BuildResult(published, len(self.articles) - published, len(self.files), self.config)


def prepare_site(project: Project, base_url: str | None = None) -> PreparedSite:
    """Load, validate and render everything without touching disk: shared by `build` and `check`."""
    config = load_config(project.site_yaml, base_url)
    articles = load_articles(project, config)
    site = group(articles, config)
    bodies = {a.slug: body_html(a.body_markdown) for a in site.articles}
    files = render_site(site, bodies, config, project.templates, project.root)
    return PreparedSite(config, articles, files)


def build_site(project: Project, base_url: str | None = None) -> BuildResult:
    """Build `output/` from the project, or raise BuildError with every problem found."""
    prepared = prepare_site(project, base_url)
    indexed: list[IndexReport] = []  # indexing is publish's last step before the swap
    publish(
        prepared.files, project.static, project.output, lambda staging: indexed.append(index_site(staging))
    )
    return replace(prepared.result(), index=indexed[0])
