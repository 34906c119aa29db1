"""One build, top to bottom: what `build`, `check`, `import` and `serve` all run.

    site.yaml → list content/ → (nothing changed? done) → read → seeds not imported (warnings) → group
    → bodies → render what changed → publish: stage and index output/, swap it in

`check` is the same run with `publish=False`: every stage runs, nothing is written but `.cache/`.
`import` reads content/, then plans the import of the new seeds, reads each planned file back as the
build will, and writes them. A build never imports: a seed becomes an article only by `import`, which
an editor reviews. Every stage collects all the problems it can see before failing, and nothing is
written before every stage has succeeded.
"""

from __future__ import annotations

import datetime
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from revue.content.files import Listing, SourceFile, content_files, folder_or_absent, natural_order
from revue.content.schedule import Window, future_corrections, scheduled, today_in, window
from revue.core import messages, urls
from revue.core.collation import known_sort_keys, remember_sort_keys
from revue.core.digest import code_digest, digest, folder_digest
from revue.core.errors import BuildError, Problem, display_path
from revue.core.project import Project
from revue.publish.cache import BuildCache, output_intact

if TYPE_CHECKING:
    from revue.content.config import SiteConfig
    from revue.content.group import Site
    from revue.content.model import Article
    from revue.ingest.importer import ImportReport
    from revue.publish.search import IndexReport
    from revue.render.markup import RenderedBody
    from revue.render.templates import RenderJob


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


def build(
    project: Project,
    base_url: str | None = None,
    publish: bool = True,
    only_import: bool = False,
    drafts: bool = False,
    today: datetime.date | None = None,
) -> BuildResult:
    """Run the build; `publish=False` writes nothing (`check`); `only_import` imports the new seeds instead;
    `drafts` (the preview) also shows the drafts that have a date and the scheduled articles, marked as
    such; `today` (`--today`) replaces the day in the site's time zone, which decides what is scheduled."""
    warned: list[Problem] = []  # filled by the stages as they go: said even if a later one fails
    with no_cycle_collection():
        try:
            return run(project, base_url, publish, only_import, drafts, today, warned)
        except BuildError as error:
            raise BuildError(error.problems, tuple(warned)) from None


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
    warned: list[Problem],
) -> BuildResult:
    cache = BuildCache(project.cache)
    folder_or_absent(project.output, project.output, messages.OUTPUT_IS_NOT_A_FOLDER)
    listing = content_files(project.content, project.root, cache.listed(), cache.clock())
    warned += listing.warnings
    settings = settings_state(project)
    inputs = build_inputs(settings, base_url, drafts, listing)
    if not only_import and (known := unchanged_result(cache, inputs, project.output, publish, today)):
        cache.set_listed(listing.settled)  # files that have settled since are not read again
        return with_warnings(known, cache.save())
    # Only past the shortcut: the stages load Jinja, Markdown, Babel and PyYAML, which cost a run with
    # nothing to do more than all the rest of it.
    from revue.content.config import load_config
    from revue.content.group import group
    from revue.content.model import Article
    from revue.content.read import accept
    from revue.publish.incremental import publish_changes, render_changes
    from revue.publish.photos import find_photos, publish_photos, unused_images
    from revue.publish.search import SEARCH_STORE
    from revue.render.links import link_bodies
    from revue.render.templates import NOJEKYLL, asset_files, service_worker_jobs, site_jobs

    config = load_config(project.site_yaml, base_url)
    cache.make_folder()
    day = today or today_in(config.timezone)
    remember_sort_keys(cache.sort_keys())
    read = cache.read_articles(listing.files, config)
    if only_import:
        return import_seeds(project, config, cache, listing, read, day, publish)
    seeds = seed_states(project, listing.files, read)
    warned += seeds.warnings
    valid = [outcome for outcome in read if isinstance(outcome, Article)]
    # Checked here, not in `read`: the read cache holds for every day, this check for today only.
    unread_problems: list[Problem] = []
    try:
        articles = accept(read, seeds.problems + future_corrections(valid, day))
    except BuildError as error:
        # The later stages still look at the articles that could be read: every problem in one run.
        # One per address: a second one claiming it is reported, and the site has one page there.
        first_by_slug: dict[str, Article] = {}
        for article in valid:
            first_by_slug.setdefault(article.slug, article)
        articles, unread_problems = list(first_by_slug.values()), error.problems

    unread = frozenset(problem.path.as_posix() for problem in unread_problems if problem.path)
    site = group(articles, config, day, with_drafts=drafts)
    cache.set_sort_keys(known_sort_keys())
    bodies = cache.bodies(site.articles)
    dropped = body_warnings(site.articles, bodies)
    warned += dropped
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
    result = summary(config, articles, day, (), listing, files=len(changes.files) - len(photo_files))
    unused = unused_images(listing, found.used, project.content, project.root)
    result = replace(result, deleted_seeds=seeds.deleted)
    result = with_warnings(result, (*dropped, *unused, *seeds.warnings))
    holds = window(articles, day, config.timezone)
    # Said by each run that sees the page go, until a build publishes the site without it.
    published_slot = f"published:{project.output.resolve()}"
    vanished = vanished_articles(cache.remembered(published_slot) or {}, jobs, articles)
    # Saved while the run read them: what it made follows neither version, and would be remembered as
    # following the first.
    now = settings_state(project)
    changed = [path for (path, before), (_, after) in zip(settings, now, strict=True) if before != after]
    if changed:
        raise BuildError([Problem(path, None, messages.CHANGED_DURING_BUILD) for path in changed])
    if publish:
        outcome = publish_changes(
            changes, project.output, project.cache / SEARCH_STORE, config.search_shard_size
        )
        cache.set_manifest(project.output, outcome.manifest)
        result = replace(
            result,
            written=outcome.written,
            index=outcome.manifest.report,
            index_seconds=outcome.index_seconds,
            search_repaired=outcome.search_repaired,
        )
        cache.remember(f"built:{project.output.resolve()}", (inputs, result, holds))
        if not drafts:  # a preview's pages (drafts, scheduled articles) were never the public's
            cache.remember(published_slot, article_pages(site))
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
    return replace(last, written=0, index_seconds=0.0, index=index, search_repaired=False)


def recorded_seeds(
    files: tuple[SourceFile, ...], read: list[Article | BuildError]
) -> tuple[dict[str, Path], frozenset[Path]]:
    """The seed each article records (`source.seed`) → that article; and the files whose front matter
    cannot be read, so whether they record a seed is unknown (their own problem is reported)."""
    from revue.content.model import Article
    from revue.content.read import recorded_seed

    recorded: dict[str, Path] = {}
    unknown = set()
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
    return recorded, frozenset(unknown)


@dataclass(frozen=True)
class SeedStates:
    """What a build says of `seeds/`: the seeds not imported yet (a warning each: never published), the
    seeds whose article was deleted since their import, and what is wrong with `seeds/imported.yaml`."""

    warnings: tuple[Problem, ...]
    deleted: tuple[tuple[Path, str], ...]  # the seed, as shown; the article it became
    problems: list[Problem]


def seed_states(
    project: Project, files: tuple[SourceFile, ...], read: list[Article | BuildError]
) -> SeedStates:
    """Seeds neither an article records nor `seeds/imported.yaml` lists, and seeds it lists whose article
    is gone. The build reads no seed's text: importing is `import`'s, an editor's act."""
    from revue.ingest.imported import load_imported
    from revue.ingest.importer import seed_files

    recorded, unknown = recorded_seeds(files, read)
    try:
        imported = load_imported(project.imported_yaml, project.root)
    except BuildError as error:
        return SeedStates((), (), error.problems)
    seeds = [(seed, display_path(seed, project.root)) for seed in seed_files(project)]
    # A file whose front matter cannot be read may record any seed: none is named until it reads (its
    # own problem stops the run meanwhile).
    waiting = tuple(
        Problem(shown, None, messages.SEED_NOT_IMPORTED)
        for seed, shown in seeds
        if seed.name not in recorded and seed.name not in imported and not unknown
    )
    deleted = tuple(
        (shown, imported[seed.name])
        for seed, shown in seeds
        if seed.name in imported and seed.name not in recorded
    )
    return SeedStates(waiting, deleted, [])


def import_seeds(
    project: Project,
    config: SiteConfig,
    cache: BuildCache,
    listing: Listing,
    read: list[Article | BuildError],
    day: datetime.date,
    publish: bool,
) -> BuildResult:
    """`import`: plan the import of every new seed, read each planned file as the build will, and write
    them all (with `seeds/imported.yaml`) only if every one reads and content/ has no problem."""
    from revue.content.model import Article
    from revue.content.read import accept
    from revue.ingest.imported import load_imported
    from revue.ingest.importer import ImportPlan, plan_import, write_imports

    recorded, unknown = recorded_seeds(listing.files, read)
    problems: list[Problem] = []
    try:
        plan = plan_import(
            project, config, recorded, load_imported(project.imported_yaml, project.root), unknown
        )
    except BuildError as error:
        plan, problems = ImportPlan((), (), {}, {}), error.problems
    planned = cache.read_articles(tuple(planned.file for planned in plan.files), config)
    problems += [
        Problem(planned.seed, None, messages.import_would_not_build(problem))
        for planned, outcome in zip(plan.files, planned, strict=True)
        if isinstance(outcome, BuildError)
        for problem in outcome.problems
    ]
    imported = [outcome for outcome in planned if isinstance(outcome, Article)]
    valid = [outcome for outcome in read + imported if isinstance(outcome, Article)]
    articles = accept(read + imported, problems + future_corrections(valid, day))
    if publish:
        write_imports(project, plan)
    return summary(config, articles, day, tuple(plan.reports), listing, files=0)


def body_warnings(articles: tuple[Article, ...], bodies: dict[str, RenderedBody]) -> tuple[Problem, ...]:
    """What each published body loses on the page (an image, a frame…), at its line in the file."""
    return tuple(
        Problem(article.path, article.body_line + dropped.line - 1, dropped.message)
        for article in articles
        for dropped in bodies[article.slug].dropped
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
    config: SiteConfig,
    articles: list[Article],
    today: datetime.date,
    imports: tuple[ImportReport, ...],
    listing: Listing,
    files: int,
) -> BuildResult:
    drafts = sum(article.draft for article in articles)
    waiting = tuple((article.path, article.date) for article in scheduled(articles, today))
    return BuildResult(
        config.base_url,
        len(articles) - drafts - len(waiting),
        drafts,
        waiting,
        files,
        imports,
        listing.warnings,
    )
