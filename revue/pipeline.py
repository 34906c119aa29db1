"""One build, top to bottom: what `build`, `check`, `import` and `serve` all run. Read `run_phases` first.

    site.yaml → list content/ → (nothing changed? done) → read the sources → check the site (seeds not
    imported, group, bodies, photos, links) → size the photos → render what changed → publish: stage
    and index output/, swap it in

`Mode.CHECK` runs every phase but publishing: nothing is written but `.cache/`. `Mode.IMPORT` reads
content/, then plans the import of the new seeds, reads each planned file back as the build will, and
writes them. A build never imports: a seed becomes an article only by `import`, which an editor reviews.
Every phase collects all the problems it can see before the run stops, and nothing is written before
every phase has succeeded. The phases themselves are in phases.py.
"""

from __future__ import annotations

import datetime
import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from revue.content.files import Listing, content_files, folder_or_absent, natural_order
from revue.content.schedule import Window, scheduled, window
from revue.core import messages, urls
from revue.core.digest import code_digest, digest, folder_digest
from revue.core.errors import BuildError, Problem
from revue.core.project import Project
from revue.publish.cache import BuildCache
from revue.publish.manifest import output_intact

if TYPE_CHECKING:
    from revue.content.group import Site
    from revue.content.model import Article
    from revue.ingest.importer import ImportReport
    from revue.phases import CheckedSite, Sources
    from revue.publish.incremental import Publication
    from revue.publish.search import IndexReport
    from revue.render.templates import RenderJob


class Mode(Enum):
    """What a run is for."""

    BUILD = "build"  # every phase, then publish output/
    CHECK = "check"  # every phase but publishing: nothing is written but `.cache/`
    IMPORT = "import"  # read content/, then import the new seeds into it


@dataclass(frozen=True)
class Options:
    """What the command line sets for a run."""

    base_url: str | None = None  # `--base-url`, instead of site.yaml's
    drafts: bool = False  # the preview: also the drafts that have a date and the scheduled articles, marked
    today: datetime.date | None = None  # `--today`, instead of the day in the site's time zone


@dataclass(frozen=True)
class BuildResult:
    """What a run did, for the report the CLI prints."""

    base_url: str
    articles: int  # published
    drafts: int
    scheduled: tuple[tuple[Path, datetime.date], ...]  # articles waiting for their day: path, date
    files: int  # pages and feeds of the site (0 after `import`)
    imports: tuple[ImportReport, ...]  # `import`: the seeds imported, and those left as they are
    warnings: tuple[Problem, ...]  # what the build left out, and why
    written: int = 0  # files whose bytes changed; 0: output/ was left untouched
    index: IndexReport | None = None  # None when nothing was published
    index_seconds: float = 0.0  # 0 when nothing indexed changed and the previous index was kept
    deleted_seeds: tuple[tuple[Path, str], ...] = ()  # seeds imported, and their article deleted since
    search_repaired: bool = False  # output/pagefind/ had been changed since the last build: put back


@dataclass(frozen=True)
class RunRecord:
    """What a good run leaves for the next one's shortcut."""

    inputs: str  # build_inputs: everything it read
    result: BuildResult
    window: Window  # the days its result holds for


CHECKED = "checked"  # the slot of the last good check's RunRecord (a build's is per output folder)


class Problems:
    """What a run finds wrong and what it leaves out, collected as the phases go: the warnings are said
    even when a later phase stops the run, and a phase's problems stop it all at once."""

    def __init__(self) -> None:
        self.warnings: list[Problem] = []

    def warn(self, warnings: Iterable[Problem]) -> None:
        self.warnings += warnings

    def stop(self, problems: Iterable[Problem], unread: Sequence[Problem] = ()) -> None:
        """Stop the run if there is any problem: those of the files that do not read first, as reading
        found them, then the others by file and line."""
        found = sorted_problems(list(problems))
        if unread or found:
            raise BuildError([*unread, *found])

    def failed(self, error: BuildError) -> BuildError:
        return BuildError(error.problems, tuple(self.warnings))


def build(project: Project, mode: Mode = Mode.BUILD, options: Options = Options()) -> BuildResult:
    """Run the phases `mode` asks for; a BuildError holds every problem, with the warnings found before."""
    problems = Problems()
    with no_cycle_collection():
        try:
            return run_phases(project, mode, options, problems)
        except BuildError as error:
            raise problems.failed(error) from None


@contextmanager
def no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector off for the build: it would scan the hundreds of thousands of objects
    the caches load, again and again as the build allocates (a second of an edit's 4.9 s at 10,000
    articles), to free next to nothing, everything here being freed by reference counting. A process
    that goes on after a build (the tests; `serve` runs each build as a process of its own) collects
    afterwards, as usual."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def run_phases(project: Project, mode: Mode, options: Options, problems: Problems) -> BuildResult:
    """The phases of one run, in order; or the last good run's result when nothing it read has changed."""
    cache = BuildCache(project.cache)
    folder_or_absent(project.output, project.output, messages.OUTPUT_IS_NOT_A_FOLDER)
    listing = content_files(project.content, project.root, cache.listed(), cache.clock())
    problems.warn(listing.warnings)
    settings = settings_state(project)
    inputs = build_inputs(settings, options, listing)
    if mode is not Mode.IMPORT and (known := unchanged_result(cache, inputs, project.output, mode, options)):
        return with_warnings(known, cache.record_run(listing.settled))  # files settled since: not read again
    # Only past the shortcut: the phases load Jinja, Markdown, Babel and PyYAML, which cost a run with
    # nothing to do more than all the rest of it.
    from revue import phases

    sources = phases.read_sources(project, cache, listing, options.base_url, options.today)
    if mode is Mode.IMPORT:
        imported = phases.import_seeds(project, cache, listing, sources)
        return summary(sources, imported.articles, imported.reports, listing, files=0)
    checked = phases.check_site(project, cache, listing, sources, options.drafts)
    problems.warn((*checked.seeds.warnings, *checked.dropped))
    if checked.unread:  # sizing photos and rendering wait for a site that reads whole
        problems.stop([*checked.photos.problems, *checked.linked.problems], unread=checked.unread)
    photos = phases.size_photos(cache, checked)
    problems.stop([*checked.photos.problems, *photos.unreadable, *checked.linked.problems])
    rendered = phases.render(project, cache, sources.config, checked, photos)
    record = run_record(inputs, sources, listing, checked, rendered.pages)
    # Said by each run that sees the page go, until a build publishes the site without it.
    published = cache.last_run(published_slot(project)) or {}
    vanished = vanished_articles(published, rendered.jobs, checked.articles)
    stop_if_settings_changed(project, settings)
    publication = phases.publish(project, cache, sources.config, rendered) if mode is Mode.BUILD else None
    return recorded(cache, project, options, listing, record, checked.site, vanished, publication)


def recorded(
    cache: BuildCache,
    project: Project,
    options: Options,
    listing: Listing,
    record: RunRecord,
    site: Site,
    vanished: tuple[Problem, ...],
    publication: Publication | None,
) -> BuildResult:
    """The run's result, once its record is saved for the next run's shortcut: a check's with the pages
    it sees vanish; a build's, as published, is also the last good check's, and with it go the article
    pages it published and the manifest of `output/`."""
    if publication is None:
        checked = {CHECKED: replace(record, result=with_warnings(record.result, vanished))}
        return with_warnings(record.result, (*vanished, *cache.record_run(listing.settled, checked)))
    record = replace(record, result=published_result(record.result, publication))
    runs: dict[str, object] = {built_slot(project.output): record, CHECKED: record}
    if not options.drafts:  # a preview's pages (drafts, scheduled articles) were never the public's
        runs[published_slot(project)] = article_pages(site)
    saved = cache.record_run(listing.settled, runs, (project.output, publication.manifest))
    return with_warnings(record.result, (*vanished, *saved))


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: (natural_order(str(problem.path)), problem.line or 0))


def with_warnings(result: BuildResult, warnings: tuple[Problem, ...]) -> BuildResult:
    return replace(result, warnings=result.warnings + warnings)


def stop_if_settings_changed(project: Project, before: tuple[tuple[Path, str], ...]) -> None:
    """Settings saved while the run read them stop it: what it made follows neither version, and would
    be remembered as following the first."""
    now = settings_state(project)
    changed = [path for (path, was), (_, is_now) in zip(before, now, strict=True) if was != is_now]
    if changed:
        raise BuildError([Problem(path, None, messages.CHANGED_DURING_BUILD) for path in changed])


def built_slot(output: Path) -> str:
    """The slot of the last good build's RunRecord: per output folder."""
    return f"built:{output.resolve()}"


def published_slot(project: Project) -> str:
    """The slot of the article pages the last public build published into this output folder."""
    return f"published:{project.output.resolve()}"


def settings_state(project: Project) -> tuple[tuple[Path, str], ...]:
    """`site.yaml`, `templates/` (static files included) and `seeds/`, each by a digest of what it holds
    now: taken when a run starts, and again before it publishes."""
    return (
        (project.site_yaml, digest(project.site_yaml.read_bytes() if project.site_yaml.is_file() else b"")),
        (project.templates, folder_digest(project.templates)),
        (project.seeds, folder_digest(project.seeds)),
    )


def build_inputs(settings: tuple[tuple[Path, str], ...], options: Options, listing: Listing) -> str:
    """One digest of everything a run reads: code and libraries, settings, templates, seeds, every article
    and image of content/ (images by their stat: reading every photo would cost more than the run), and
    the files it leaves out, which its report warns about."""
    return digest(
        code_digest(),
        str(options.base_url),
        str(options.drafts),
        *(state for _, state in settings),
        *(part for file in listing.files for part in (file.shown, file.sha)),
        *(f"{media.name}:{media.stat}" for media in listing.media),  # a replaced photo has a new stat
        *(f"{warning.path}:{warning.message}" for warning in listing.warnings),  # files left out
    )


def unchanged_result(
    cache: BuildCache, inputs: str, output: Path, mode: Mode, options: Options
) -> BuildResult | None:
    """The last good run's result when nothing it read has changed since, no article has changed side of
    "today" (its Window), and `output/` is as it left it."""
    record = cache.last_run(built_slot(output) if mode is Mode.BUILD else CHECKED)
    if not isinstance(record, RunRecord) or record.inputs != inputs or not record.window.holds(options.today):
        return None
    if mode is Mode.BUILD and not output_intact(output, cache.manifest(output)):
        return None
    last = record.result  # nothing to read, render, write or index
    index = last.index and replace(last.index, reindexed=0)
    return replace(last, written=0, index_seconds=0.0, index=index, search_repaired=False)


def run_record(
    inputs: str, sources: Sources, listing: Listing, checked: CheckedSite, pages: int
) -> RunRecord:
    """What the run found, as its report says it (publishing adds what it wrote), and the days it holds for."""
    result = summary(sources, checked.articles, (), listing, pages)
    warnings = (*checked.dropped, *checked.unused, *checked.seeds.warnings)
    result = replace(with_warnings(result, warnings), deleted_seeds=checked.seeds.deleted)
    return RunRecord(inputs, result, window(checked.articles, sources.day, sources.config.timezone))


def published_result(result: BuildResult, publication: Publication) -> BuildResult:
    return replace(
        result,
        written=publication.written,
        index=publication.manifest.report,
        index_seconds=publication.index_seconds,
        search_repaired=publication.search_repaired,
    )


def article_pages(site: Site) -> dict[str, str]:
    """Each article page of the site and each old address's, with the file of the article it shows."""
    return {
        urls.output_file(urls.article(slug)): article.file
        for article in site.articles
        for slug in (article.slug, *article.aliases)
    }


def vanished_articles(
    published: dict[str, str], jobs: list[RenderJob], articles: list[Article]
) -> tuple[Problem, ...]:
    """Article pages the last public build published (`article_pages`; never a preview's, which shows
    drafts) and this run drops (a new slug, a deleted file): links readers kept to them will break,
    unless the article lists the old slug in `aliases:`. Named by the article's file, at its `slug:`
    (or `title:`) line when it is still there."""
    made = {job.path for job in jobs}
    by_file = {article.file: article for article in articles}
    problems = []
    for path, file in sorted(published.items()):
        if path in made:
            continue
        article = by_file.get(file)
        message = messages.article_address_gone(urls.slug_in_path(path) or path)
        problems.append(Problem(Path(file), article.slug_line if article else None, message))
    return tuple(problems)


def summary(
    sources: Sources, articles: list[Article], imports: tuple[ImportReport, ...], listing: Listing, files: int
) -> BuildResult:
    drafts = sum(article.draft for article in articles)
    waiting = tuple((a.path, a.date) for a in scheduled(articles, sources.day) if a.date)  # scheduled: dated
    return BuildResult(
        sources.config.base_url,
        len(articles) - drafts - len(waiting),
        drafts,
        waiting,
        files,
        imports,
        listing.warnings,
    )
