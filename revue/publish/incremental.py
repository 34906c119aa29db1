"""Rebuild only what changed: render pages whose inputs changed, publish only files whose bytes changed.

The manifest remembers, for every file of `output/`, the key of its inputs, the digest of its bytes
and the inode, size and mtime it was written with. A file whose key is unchanged and whose stat still
matches is not rendered; a rendered file whose bytes are unchanged is not written. It remembers the
stat of every file of the search bundle too: one changed or deleted by hand is put back. If nothing
changed at all, `output/` is not touched; otherwise the new site is assembled beside it, unchanged
files hard-linked, and swapped in (see swap.py), so a failed build still leaves `output/` intact.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from revue.content.config import SiteConfig
from revue.content.model import Article
from revue.core import messages
from revue.core.digest import code_digest, digest, folder_digest
from revue.core.errors import BuildError, Problem
from revue.core.filestat import output_stat
from revue.core.project import Project
from revue.publish import search
from revue.publish.manifest import Entry, Manifest
from revue.publish.pagefind import BUNDLE
from revue.publish.parallel import fork_map
from revue.publish.swap import publish
from revue.render.template_errors import TemplateFailure, template_problems
from revue.render.templates import RenderedFile, RenderJob, render_page


@dataclass(frozen=True)
class RenderedSite:
    """The site this build makes, beside `output/` as the last build left it."""

    files: dict[str, Entry]  # every file of the new site
    changed: tuple[RenderedFile, ...]  # files whose bytes are new
    previous: Manifest


@dataclass(frozen=True)
class Publication:
    """What publishing did, for the build report and the benchmark."""

    manifest: Manifest  # `output/` as this build leaves it
    written: int  # files written with new bytes
    index_seconds: float  # 0 when the previous index was kept
    search_repaired: bool  # the search bundle in output/ was not as the last build left it: put back


KEYS_SERIAL_BELOW = 3000  # a key takes ~30 µs: below this many pages, starting workers costs more
SCALARS = frozenset({str, int, float, bool, type(None), datetime.date})


class InputsKey:
    """A stable text for a page's inputs, each article reduced to the digest of all it says.

    Parts shared between pages (the same counts on every page) are reduced once, memoised by identity
    while the values live (each forked worker keeps its own memo).
    """

    def __init__(self, article_keys: dict[str, str]):
        self.article_keys = article_keys
        self.memo: dict[int, str] = {}

    def __call__(self, value: object) -> str:
        if type(value) in SCALARS:
            return repr(value)
        known = self.memo.get(id(value))
        if known is None:
            if isinstance(value, Article):
                known = self.article_keys.get(value.slug) or digest(repr(value))
                # The one thing `group` adds to what the file says: the preview marks it as scheduled.
                known += "+scheduled" if value.scheduled else ""
            elif dataclasses.is_dataclass(value):
                known = f"{type(value).__name__}({','.join(map(self, vars(value).values()))})"
            elif isinstance(value, tuple | list):
                known = f"[{','.join(map(self, value))}]"
            else:
                known = repr(value)
            self.memo[id(value)] = known
        return known


def index_key(entries: dict[str, Entry], shard_size: int) -> str:
    """What the search index depends on: the indexed pages' bytes, the shard size and the indexer's version."""
    pages = sorted((path, entry.sha) for path, entry in entries.items() if entry.indexed)
    return digest(search.indexer_version(), str(shard_size), *(part for page in pages for part in page))


def _page_key(shared: tuple[list[RenderJob], InputsKey, str], index: int) -> str:
    """Everything page `index` is made from: template, path, its inputs and the site-wide context."""
    jobs, inputs_key, context = shared
    job = jobs[index]
    return digest(context, job.template, job.path, inputs_key(job.inputs))


def _render(
    shared: tuple[list[RenderJob], SiteConfig, Project, Path], index: int
) -> bytes | Problem | TemplateFailure:
    jobs, config, project, compiled = shared
    return render_page(jobs[index], config, project.templates, project.root, compiled)


def render_changes(
    jobs: list[RenderJob],
    ready: list[RenderedFile],
    article_keys: dict[str, str],
    previous: Manifest,
    project: Project,
    config: SiteConfig,
    compiled: Path,
    then: Callable[[dict[str, str]], list[RenderJob]] | None = None,
) -> RenderedSite:
    """Render, on all cores, every page whose inputs (or whose file in `output/`) changed since `previous`.

    `ready` files (assets) come with their bytes; `compiled`: where Jinja keeps its compiled templates
    (BuildCache.compiled_templates). `then` makes the files that depend on the others'
    bytes (the service worker, versioned by the files it keeps), from the digest of each file's bytes.
    BuildError lists every template problem, each once.
    """
    context = digest(code_digest(), folder_digest(project.templates), repr(config))  # shared by every page
    files, changed = rendered(jobs, ready, article_keys, previous, project, config, context, compiled)
    if then is not None:
        shas = {path: entry.sha for path, entry in files.items()}
        late, late_changed = rendered(
            then(shas), [], article_keys, previous, project, config, context, compiled
        )
        files.update(late)
        changed += late_changed
    return RenderedSite(files, tuple(changed), previous)


def rendered(
    jobs: list[RenderJob],
    ready: list[RenderedFile],
    article_keys: dict[str, str],
    previous: Manifest,
    project: Project,
    config: SiteConfig,
    context: str,
    compiled: Path,
) -> tuple[dict[str, Entry], list[RenderedFile]]:
    """Every file of `jobs` and `ready` with its entry, and those whose bytes are new."""
    output = project.output
    page_keys = fork_map(_page_key, (jobs, InputsKey(article_keys), context), len(jobs), KEYS_SERIAL_BELOW)
    keys = {job.path: key for job, key in zip(jobs, page_keys, strict=True)}
    keys.update({file.path: digest(file.content) for file in ready})

    def unchanged(path: str, key: str | None = None, sha: str | None = None) -> bool:
        """`output/path` is still as the manifest says, with this key or these bytes."""
        entry = previous.files.get(path)
        return (
            entry is not None
            and key in (None, entry.key)
            and sha in (None, entry.sha)
            and output_stat(f"{output}/{path}") == entry.stat
        )

    files = {path: previous.files[path] for path, key in keys.items() if unchanged(path, key=key)}
    todo = [job for job in jobs if job.path not in files]
    results = fork_map(_render, (todo, config, project, compiled), len(todo))
    problems = template_problems(result for result in results if not isinstance(result, bytes))
    if problems:
        raise BuildError(problems)
    fresh = [RenderedFile(job.path, content) for job, content in zip(todo, results, strict=True)]  # type: ignore[arg-type]
    if undated := undated_pages(todo, fresh, project.templates):  # found here, `check` finds them too
        raise BuildError(undated)
    changed = []
    for file in fresh + [f for f in ready if f.path not in files]:
        sha = digest(file.content)
        if unchanged(file.path, sha=sha):
            files[file.path] = replace(previous.files[file.path], key=keys[file.path])
        else:
            changed.append(file)
            files[file.path] = Entry(keys[file.path], sha, (0, 0, 0), search.is_indexed(file.content))
    return files, changed


def undated_pages(jobs: list[RenderJob], pages: list[RenderedFile], templates: Path) -> list[Problem]:
    """Pages the search index would take that have no date to be sharded by: one problem per template,
    naming its first such page and counting the others (like a template mistake)."""
    found: dict[str, list[str]] = {}
    for job, page in zip(jobs, pages, strict=True):
        if search.is_indexed(page.content) and search.undated(page.path, page.content):
            found.setdefault(job.template, []).append(page.path)
    return [
        Problem(templates / template, None, messages.indexed_pages_without_date(min(paths), len(paths) - 1))
        for template, paths in found.items()
    ]


def publish_changes(changes: RenderedSite, output: Path, search_store: Path, shard_size: int) -> Publication:
    """Publish the new site if any byte of it differs, indexing it first when its indexed pages changed
    or its search bundle is not as the last build left it: the shards whose pages changed, the others
    from `search_store` (a shard folder of `output/` still as it was is kept)."""
    files, previous = changes.files, changes.previous
    indexed_pages = index_key(files, shard_size)  # the stats set below do not change it
    in_place, bundle_intact = search_in_place(output, previous.search)
    keep_index = indexed_pages == previous.index and bundle_intact
    seconds = 0.0
    indexed: list[search.IndexReport] = []
    search_files, mirror = previous.search, previous.mirror
    if changes.changed or files.keys() != previous.files.keys() or not keep_index:

        def finish(site: search.NewSite) -> None:
            nonlocal seconds
            if not keep_index:
                started = time.perf_counter()
                pages = {path: entry.sha for path, entry in files.items() if entry.indexed}
                indexed.append(search.index_site(site, pages, search_store, shard_size))
                seconds = time.perf_counter() - started

        written = {file.path for file in changes.changed}
        kept = [path for path in files if path not in written] + ([BUNDLE] if keep_index else [])
        published = publish(list(changes.changed), output, finish, kept, previous.mirror, in_place)
        files = {
            path: replace(entry, stat=output_stat(f"{output}/{path}") or (0, 0, 0))
            if path in written
            else entry
            for path, entry in files.items()
        }
        if not keep_index:
            search_files = search_stats(output, previous.search, published.search_written)
        mirror = published.mirror
    report = indexed[0] if indexed else previous.report and replace(previous.report, reindexed=0)
    manifest = Manifest(files, indexed_pages, report, search_files, mirror)
    repaired = bool(previous.search) and not bundle_intact
    return Publication(manifest, len(changes.changed), seconds, repaired)


def search_in_place(output: Path, recorded: dict[str, tuple[int, int, int]]) -> tuple[frozenset[str], bool]:
    """The shard folders of `output/pagefind/` whose every file is as the last build left it, and
    whether the whole bundle is (its `shards.json` and `pagefind.js` too)."""
    damaged: set[str] = set()
    folders: set[str] = set()
    for path, stat in recorded.items():
        parts = path.split("/", 2)
        folder = parts[1] if len(parts) == 3 else ""  # "": a file of pagefind/ itself
        folders.add(folder)
        if folder not in damaged and output_stat(f"{output}/{path}") != stat:
            damaged.add(folder)
    return frozenset(folders - damaged - {""}), bool(recorded) and not damaged


def search_stats(
    output: Path, previous: dict[str, tuple[int, int, int]], written: frozenset[str]
) -> dict[str, tuple[int, int, int]]:
    """The stat of every file of `output/pagefind/`: taken again for what this build `written` there,
    the last build's for the rest."""
    bundle = output / BUNDLE
    kept = {entry.name for entry in os.scandir(bundle) if entry.is_dir()} - written
    found = {}
    for path, stat in previous.items():
        parts = path.split("/", 2)
        if len(parts) == 3 and parts[1] in kept:
            found[path] = stat

    def visit(folder: str, relative: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    visit(entry.path, f"{relative}{entry.name}/")
                else:
                    found[relative + entry.name] = output_stat(entry.path) or (0, 0, 0)

    for name in written:
        if (bundle / name).is_dir():
            visit(str(bundle / name), f"{BUNDLE}/{name}/")
        else:
            found[f"{BUNDLE}/{name}"] = output_stat(f"{bundle}/{name}") or (0, 0, 0)
    return found
