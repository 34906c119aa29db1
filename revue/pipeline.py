"""One build, top to bottom: what `build`, `check`, `import` and `serve` all run.

    site.yaml → list content/ → (nothing changed? done) → read → plan the import → group → bodies
    → render what changed → publish: write the imported files, stage and index output/, swap it in

`check` is the same run with `publish=False`: every stage runs, nothing is written but `.cache/`.
`import` stops after the plan. Every stage collects all the problems it can see before failing, and
nothing is written before every stage has succeeded.
"""

from __future__ import annotations

import datetime
import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from revue.build.cache import BuildCache, Manifest, output_intact
from revue.core import messages, urls
from revue.core.collation import known_sort_keys, remember_sort_keys
from revue.core.digest import code_digest, digest, folder_digest
from revue.core.errors import BuildError, Problem
from revue.core.project import Project
from revue.site.files import Listing, SourceFile, content_files, folder_or_absent, natural_order
from revue.site.schedule import Window, future_corrections, is_scheduled, scheduled, today_in, window

if TYPE_CHECKING:
    from revue.build.search import IndexReport
    from revue.ingest.importer import ImportPlan, ImportReport
    from revue.render.markup import RenderedBody
    from revue.render.templates import RenderJob
    from revue.site.config import SiteConfig
    from revue.site.group import Site
    from revue.site.model import Article


ARTICLE_PAGE = re.compile(r"^articles/[^/]+/index\.html$")


@dataclass(frozen=True)
class BuildResult:
    """What a run did, for the report the CLI prints."""

    base_url: str
    articles: int  # published
    drafts: int
    scheduled: tuple[tuple[Path, datetime.date], ...]  # articles waiting for their day: path, date
    files: int  # pages and feeds of the site (0 after `import`)
    imports: tuple[ImportReport, ...]  # seeds imported (and, for `import`, the seeds kept as they are)
    warnings: tuple[Problem, ...]  # what the build left out, and why
    written: int = 0  # files whose bytes changed; 0: output/ was left untouched
    index: IndexReport | None = None  # None when nothing was published
    index_seconds: float = 0.0  # 0 when nothing indexed changed and the previous index was kept


def build(
    project: Project,
    base_url: str | None = None,
    publish: bool = True,
    only_import: bool = False,
    drafts: bool = False,
    today: datetime.date | None = None,
) -> BuildResult:
    """Run the build; `publish=False` writes nothing (`check`); `only_import` stops once seeds are imported;
    `drafts` (the preview) also shows the drafts that have a date and the scheduled articles, marked as
    such; `today` (`--today`) replaces the day in the site's time zone, which decides what is scheduled."""
    with no_cycle_collection():
        return run(project, base_url, publish, only_import, drafts, today)


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


def run(
    project: Project,
    base_url: str | None,
    publish: bool,
    only_import: bool,
    drafts: bool,
    today: datetime.date | None,
) -> BuildResult:
    cache = BuildCache(project.cache)
    folder_or_absent(project.output, project.output, messages.OUTPUT_IS_NOT_A_FOLDER)
    listing = content_files(project.content, project.root, cache.listed(), cache.clock())
    settings = settings_state(project)
    inputs = build_inputs(settings, base_url, drafts, listing)
    if not only_import and (known := unchanged_result(cache, inputs, project.output, publish, today)):
        cache.set_listed(listing.settled)  # files that have settled since are not read again
        return with_warnings(known, cache.save())
    # Only past the shortcut: the stages load Jinja, Markdown, Babel and PyYAML, which cost a run with
    # nothing to do more than all the rest of it.
    from revue.build.incremental import publish_changes, render_changes
    from revue.build.photos import find_photos, publish_photos, unused_images
    from revue.build.search import SEARCH_STORE
    from revue.ingest.importer import write_imports
    from revue.render.links import link_bodies
    from revue.render.templates import NOJEKYLL, asset_files, service_worker_jobs, site_jobs
    from revue.site.config import load_config
    from revue.site.group import group
    from revue.site.model import Article
    from revue.site.read import accept

    config = load_config(project.site_yaml, base_url)
    cache.make_folder()
    day = today or today_in(config.timezone)
    remember_sort_keys(cache.sort_keys())
    read = cache.read_articles(listing.files, config)
    plan, imported, plan_problems = import_stage(project, config, cache, listing.files, read, only_import)
    valid = [outcome for outcome in read + imported if isinstance(outcome, Article)]
    # Checked here, not in `read`: the read cache holds for every day, this check for today only.
    unread_problems: list[Problem] = []
    try:
        articles = accept(read + imported, plan_problems + future_corrections(valid, day))
    except BuildError as error:
        if only_import:
            raise
        # The later stages still look at the articles that could be read: every problem in one run.
        # One per address: a second one claiming it is reported, and the site has one page there.
        first_by_slug: dict[str, Article] = {}
        for article in valid:
            first_by_slug.setdefault(article.slug, article)
        articles, unread_problems = list(first_by_slug.values()), error.problems
    if only_import:
        if publish:
            write_imports(project, plan)
        return summary(config, articles, day, plan, listing, files=0)

    unread = frozenset(problem.path.as_posix() for problem in unread_problems if problem.path)
    site = group(articles, config, day, with_drafts=drafts)
    cache.set_sort_keys(known_sort_keys())
    bodies = cache.bodies(site.articles)
    found = find_photos(site.articles, unshown(site, articles), bodies, project.content, project.root)
    linked = link_bodies(site, articles, bodies, config, day, unread)
    if unread_problems:  # sizing photos and rendering wait for a site that reads whole
        raise BuildError([*unread_problems, *sorted_problems([*found.problems, *linked.problems])])
    made = cache.photo_sizes(list({file.key: file for p in found.photos.values() for _, file in p}.values()))
    photos, photo_files, unreadable = publish_photos(found, made, site.articles)
    if found.problems or linked.problems or unreadable:
        raise BuildError(sorted_problems([*found.problems, *unreadable, *linked.problems]))
    images = {slug: body.images for slug, body in bodies.items()}
    jobs = site_jobs(site, linked.bodies, images, photos, config)
    ready = [NOJEKYLL, *asset_files(project.static), *photo_files]
    previous = cache.manifest(project.output)
    worker = partial(service_worker_jobs, config=config)
    changes = render_changes(jobs, ready, cache.article_keys, previous, project, config, worker)
    result = summary(config, articles, day, plan, listing, files=len(changes.files) - len(photo_files))
    unused = unused_images(listing, found.used, project.content, project.root)
    result = with_warnings(result, (*body_warnings(site.articles, bodies), *unused))
    holds = window(articles, day, config.timezone)
    # Said by each run that sees the page go, until a build publishes the site without it.
    vanished = vanished_articles(project, previous, jobs, articles, day)
    # Saved while the run read them: what it made follows neither version, and would be remembered as
    # following the first.
    now = settings_state(project)
    changed = [path for (path, before), (_, after) in zip(settings, now, strict=True) if before != after]
    if changed:
        raise BuildError([Problem(path, None, messages.CHANGED_DURING_BUILD) for path in changed])
    if publish:
        write_imports(project, plan)
        outcome = publish_changes(
            changes, project.output, project.cache / SEARCH_STORE, config.search_shard_size
        )
        cache.set_manifest(project.output, outcome.manifest)
        result = replace(
            result,
            written=outcome.written,
            index=outcome.manifest.report,
            index_seconds=outcome.index_seconds,
        )
        cache.remember(f"built:{project.output.resolve()}", (inputs, result, holds))
    cache.remember("checked", (inputs, result if publish else with_warnings(result, vanished), holds))
    cache.set_listed(listing.settled)
    return with_warnings(result, (*vanished, *cache.save()))


def unshown(site: Site, articles: list[Article]) -> list[Article]:
    """Articles the site does not show (drafts, scheduled ones): their photos are still in use."""
    shown = {article.slug for article in site.articles}
    return [article for article in articles if article.slug not in shown]


def sorted_problems(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda problem: (natural_order(str(problem.path)), problem.line or 0))


def with_warnings(result: BuildResult, warnings: tuple[Problem, ...]) -> BuildResult:
    return replace(result, warnings=result.warnings + warnings)


def settings_state(project: Project) -> tuple[tuple[Path, str], ...]:
    """`site.yaml`, `templates/` (static files included) and `seeds/`, each by a digest of what it holds
    now: taken when a run starts, and again before it publishes."""
    return (
        (project.site_yaml, digest(project.site_yaml.read_bytes() if project.site_yaml.is_file() else b"")),
        (project.templates, folder_digest(project.templates)),
        (project.seeds, folder_digest(project.seeds)),
    )


def build_inputs(
    settings: tuple[tuple[Path, str], ...], base_url: str | None, drafts: bool, listing: Listing
) -> str:
    """One digest of everything a run reads: code and libraries, settings, templates, seeds, every article
    and image of content/ (images by their stat: reading every photo would cost more than the run), and
    the files it leaves out, which its report warns about."""
    return digest(
        code_digest(),
        str(base_url),
        str(drafts),
        *(state for _, state in settings),
        *(part for file in listing.files for part in (file.shown, file.sha)),
        *(f"{media.name}:{media.stat}" for media in listing.media),  # a replaced photo has a new stat
        *(f"{warning.path}:{warning.message}" for warning in listing.warnings),  # files left out
    )


def unchanged_result(
    cache: BuildCache, inputs: str, output: Path, publish: bool, today: datetime.date | None
) -> BuildResult | None:
    """The last good run's result when nothing it read has changed since, no article has changed side of
    "today" (its Window), and `output/` is as it left it."""
    slot = f"built:{output.resolve()}" if publish else "checked"
    remembered = cache.remembered(slot)
    if remembered is None or remembered[0] != inputs:
        return None
    holds: Window = remembered[2]
    if not holds.holds(today):
        return None
    if publish and not output_intact(output, cache.manifest(output)):
        return None
    last: BuildResult = remembered[1]  # nothing to read, render, write or index
    index = last.index and replace(last.index, reindexed=0)
    return replace(last, written=0, index_seconds=0.0, index=index)


def import_stage(
    project: Project,
    config: SiteConfig,
    cache: BuildCache,
    files: tuple[SourceFile, ...],
    read: list[Article | BuildError],
    list_kept: bool,
) -> tuple[ImportPlan, list[Article | BuildError], list[Problem]]:
    """Plan the import of every seed no article records, and read each planned file as the build will."""
    from revue.ingest.importer import ImportPlan, plan_import
    from revue.site.model import Article
    from revue.site.read import recorded_seed

    recorded = {}
    unknown = set()  # files whose front matter cannot be read: their own problem is reported
    for file, outcome in zip(files, read, strict=True):
        if isinstance(outcome, Article):
            seed = outcome.source.seed if outcome.source else None
        else:  # a file with problems may still record its seed: it must not be imported a second time
            try:
                seed = recorded_seed(file)
            except BuildError:
                unknown.add(file.path)
                continue
        if seed and seed not in recorded:
            recorded[seed] = file.path
    try:
        plan = plan_import(project, config, recorded, list_kept, frozenset(unknown))
    except BuildError as error:
        return ImportPlan((), ()), [], error.problems
    imported = cache.read_articles(tuple(planned.file for planned in plan.files), config)
    problems = [
        Problem(planned.seed, None, messages.import_would_not_build(problem))
        for planned, outcome in zip(plan.files, imported, strict=True)
        if isinstance(outcome, BuildError)
        for problem in outcome.problems
    ]
    return plan, [outcome for outcome in imported if isinstance(outcome, Article)], problems


def body_warnings(articles: tuple[Article, ...], bodies: dict[str, RenderedBody]) -> tuple[Problem, ...]:
    """What each published body loses on the page (an image, a frame…), at its line in the file."""
    return tuple(
        Problem(article.path, article.body_line + dropped.line - 1, dropped.message)
        for article in articles
        for dropped in bodies[article.slug].dropped
    )


def vanished_articles(
    project: Project,
    previous: Manifest,
    jobs: list[RenderJob],
    articles: list[Article],
    today: datetime.date,
) -> tuple[Problem, ...]:
    """Article pages the last build published and this one drops (a new slug, a deleted file): links
    readers kept to them will break, unless the article lists the old slug in `aliases:`."""
    made = {job.path for job in jobs}
    drafts = {  # the preview's: drafts, and articles scheduled for a later day
        urls.output_file(article.url_path)
        for article in articles
        if article.draft or is_scheduled(article, today)
    }
    return tuple(
        Problem(project.output / path, None, messages.article_address_gone(path.split("/")[1]))
        for path in sorted(previous.files)
        if ARTICLE_PAGE.match(path) and path not in made and path not in drafts
    )


def summary(
    config: SiteConfig,
    articles: list[Article],
    today: datetime.date,
    plan: ImportPlan,
    listing: Listing,
    files: int,
) -> BuildResult:
    drafts = sum(article.draft for article in articles)
    waiting = tuple((article.path, article.date) for article in scheduled(articles, today))
    reports = sorted(
        [*plan.kept, *(planned.report for planned in plan.files)], key=lambda report: report.seed
    )
    return BuildResult(
        config.base_url,
        len(articles) - drafts - len(waiting),
        drafts,
        waiting,
        files,
        tuple(reports),
        listing.warnings,
    )
