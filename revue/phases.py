"""The phases of a run past the nothing-changed shortcut, which pipeline.py calls in order: read the
sources, check the site, size its photos, render, publish; `import` reads the sources then imports.

Each phase is a function of typed inputs returning a frozen dataclass, and none prints. The problems
that other phases may add to are returned, for the pipeline's collector to stop the run with; a
phase that cannot go on at all (`site.yaml` unreadable, a template mistake) raises them itself. Only
the pipeline imports this module, and only once a run has something to do: what it imports (Jinja,
Markdown, Babel, PyYAML) costs a run with nothing to do more than all the rest of it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from revue.content.config import SiteConfig, load_config
from revue.content.files import Listing, SourceFile
from revue.content.group import Site, group
from revue.content.model import Article, ShownPhoto
from revue.content.read import articles_or_problems, first_per_slug, recorded_seed
from revue.content.schedule import future_corrections, scheduled, today_in
from revue.core import messages
from revue.core.errors import BuildError, Problem, display_path
from revue.core.project import Project
from revue.ingest.imported import load_imported
from revue.ingest.importer import ImportPlan, ImportReport, plan_import, seed_files, write_imports
from revue.publish.cache import BuildCache
from revue.publish.incremental import Publication, RenderedSite, publish_changes, render_changes
from revue.publish.photos import PhotosFound, find_photos, publish_photos, unused_images
from revue.render.assets import NOJEKYLL, asset_files
from revue.render.links import Linked, link_bodies
from revue.render.markup import RenderedBody
from revue.render.templates import RenderedFile, RenderJob, service_worker_jobs, site_jobs


@dataclass(frozen=True)
class SeedStates:
    """What a build says of `seeds/`: the seeds not imported yet (a warning each: never published), the
    seeds whose article was deleted since their import, and what is wrong with `seeds/imported.yaml`."""

    warnings: tuple[Problem, ...]
    deleted: tuple[tuple[Path, str], ...]  # the seed, as shown; the article it became
    problems: list[Problem]


@dataclass(frozen=True)
class Sources:
    """What a run reads: the settings, its day, and each file of `content/` read, or its problems."""

    config: SiteConfig
    day: datetime.date  # `--today`, or the day in the site's time zone: it decides what is scheduled
    read: list[Article | BuildError]


@dataclass(frozen=True)
class CheckedSite:
    """The site the articles that read make, and what is wrong with it."""

    articles: list[Article]  # every article that reads, drafts and scheduled ones included
    site: Site  # what the site shows
    bodies: dict[str, RenderedBody]  # by slug
    dropped: tuple[Problem, ...]  # what the bodies lose on the page: warnings
    photos: PhotosFound
    unused: list[Problem]  # images of content/ no article shows: warnings
    linked: Linked
    seeds: SeedStates
    unread: list[Problem]  # the problems of the files that do not read: the run stops before sizing photos


@dataclass(frozen=True)
class SizedPhotos:
    """Every shown photo at every width, as pages show them and as files; the images Pillow cannot read."""

    shown: dict[str, tuple[ShownPhoto, ...]]  # by slug
    files: list[RenderedFile]
    unreadable: list[Problem]


@dataclass(frozen=True)
class Rendered:
    """The new site: its pages' jobs, and every file of it beside `output/` as the last build left it."""

    jobs: list[RenderJob]
    site: RenderedSite
    pages: int  # pages and feeds: the files that are not photos


@dataclass(frozen=True)
class ImportedSeeds:
    """`import`: the articles content/ would hold once the planned files are written, and what happened to
    each new seed."""

    articles: list[Article]
    reports: tuple[ImportReport, ...]


def read_sources(
    project: Project, cache: BuildCache, listing: Listing, base_url: str | None, today: datetime.date | None
) -> Sources:
    """`site.yaml`, then every file of `content/` (a file read before with these bytes is not parsed)."""
    config = load_config(project.site_yaml, base_url)
    cache.make_folder()
    day = today or today_in(config.timezone)
    cache.load_sort_keys()
    return Sources(config, day, cache.read_articles(listing.files, config))


def check_site(
    project: Project, cache: BuildCache, listing: Listing, sources: Sources, drafts: bool
) -> CheckedSite:
    """Say which seeds are not imported, group the articles that read into the site, render their bodies,
    find their photos and resolve their links. When some files do not read, the others are still
    checked: every problem in one run."""
    config, day = sources.config, sources.day
    seeds = seed_states(project, listing.files, sources.read)
    valid = [outcome for outcome in sources.read if isinstance(outcome, Article)]
    unread: list[Problem] = []
    try:
        # Checked here, not in `read`: the read cache holds for every day, this check for today only.
        articles = articles_or_problems(sources.read, seeds.problems + future_corrections(valid, day))
    except BuildError as error:
        # One per address: a second one claiming it is reported, and the site has one page there.
        articles, unread = list(first_per_slug(valid).values()), error.problems
    site = group(articles, config, day, with_drafts=drafts)
    bodies = cache.bodies(site.articles)
    dropped = body_warnings(site.articles, bodies)
    photos = find_photos(site.articles, unshown(site, articles), bodies, project.content, project.root)
    unread_files = frozenset(problem.path.as_posix() for problem in unread if problem.path)
    # A public site leaves scheduled articles out; their links are checked now, as on their day.
    waiting = () if drafts else scheduled(articles, day)
    ahead = cache.bodies(waiting) if waiting else {}
    linked = link_bodies(site, articles, bodies | ahead, config, day, unread_files, drafts, waiting)
    unused = unused_images(listing, photos.used, project.content, project.root)
    return CheckedSite(articles, site, bodies, dropped, photos, unused, linked, seeds, unread)


def size_photos(cache: BuildCache, checked: CheckedSite) -> SizedPhotos:
    """Every width of every photo the site shows (an image sized before is not sized again)."""
    found = checked.photos
    made = cache.photo_sizes(list({file.key: file for p in found.photos.values() for _, file in p}.values()))
    return SizedPhotos(*publish_photos(found, made, checked.site.articles))


def render(
    project: Project, cache: BuildCache, config: SiteConfig, checked: CheckedSite, photos: SizedPhotos
) -> Rendered:
    """Every page whose inputs changed since the last build, on all cores; the other files as they are."""
    images = {slug: body.images for slug, body in checked.bodies.items()}
    jobs = site_jobs(checked.site, checked.linked.bodies, images, photos.shown, config)
    ready = [NOJEKYLL, *asset_files(project.static), *photos.files]
    previous = cache.manifest(project.output)
    worker = partial(service_worker_jobs, config=config)
    compiled = cache.compiled_templates(config)
    site = render_changes(jobs, ready, cache.article_keys, previous, project, config, compiled, worker)
    return Rendered(jobs, site, len(site.files) - len(photos.files))


def publish(project: Project, cache: BuildCache, config: SiteConfig, rendered: Rendered) -> Publication:
    """The new site indexed and swapped into `output/`, if any byte of it differs."""
    return publish_changes(rendered.site, project.output, cache.search_store, config.search_shard_size)


def unshown(site: Site, articles: list[Article]) -> list[Article]:
    """Articles the site does not show (drafts, scheduled ones): their photos are still in use."""
    shown = {article.slug for article in site.articles}
    return [article for article in articles if article.slug not in shown]


def body_warnings(articles: tuple[Article, ...], bodies: dict[str, RenderedBody]) -> tuple[Problem, ...]:
    """What each published body loses on the page (an image, a frame…), at its line in the file."""
    return tuple(
        Problem(article.path, article.body_line + dropped.line - 1, dropped.message)
        for article in articles
        for dropped in bodies[article.slug].dropped
    )


def recorded_seeds(
    files: tuple[SourceFile, ...], read: list[Article | BuildError]
) -> tuple[dict[str, Path], frozenset[Path]]:
    """The seed each article records (`source.seed`) → that article; and the files whose front matter
    cannot be read, so whether they record a seed is unknown (their own problem is reported)."""
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


def seed_states(
    project: Project, files: tuple[SourceFile, ...], read: list[Article | BuildError]
) -> SeedStates:
    """Seeds neither an article records nor `seeds/imported.yaml` lists, and seeds it lists whose article
    is gone. The build reads no seed's text: importing is `import`'s, an editor's act."""
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


def import_seeds(project: Project, cache: BuildCache, listing: Listing, sources: Sources) -> ImportedSeeds:
    """`import`: plan the import of every new seed, read each planned file as the build will, and write
    them all (with `seeds/imported.yaml`) only if every one reads and content/ has no problem."""
    config, read = sources.config, sources.read
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
    valid = [outcome for outcome in [*read, *imported] if isinstance(outcome, Article)]
    articles = articles_or_problems([*read, *imported], problems + future_corrections(valid, sources.day))
    write_imports(project, plan)
    return ImportedSeeds(articles, tuple(plan.reports))
