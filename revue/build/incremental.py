"""Rebuild only what changed: render pages whose inputs changed, write files whose bytes changed.

`.cache/manifest.pickle` remembers, for every file of `output/`, the key of its inputs, the digest
of its bytes and the inode, size and mtime it was written with. A file whose key is unchanged and
whose stat still matches is not rendered; a rendered file whose bytes are unchanged is not written.
If nothing changed at all, `output/` is not touched; otherwise the new site is staged beside it with
unchanged files hard-linked (see write.publish), so a failed build still leaves `output/` intact.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path

from revue.build.parallel import fork_map
from revue.build.publish import publish
from revue.build.search import BUNDLE, IndexReport, folder_size, indexed_pages
from revue.build.store import Store
from revue.core.digest import InputsKey, code_digest, digest, folder_digest
from revue.render.templates import RenderedFile, RenderJob
from revue.site.config import SiteConfig

INDEXED_MARK = b"data-pagefind-body"  # Pagefind indexes only the pages that carry it


@dataclass(frozen=True)
class Entry:
    """One file of `output/` as the last build left it."""

    key: str  # digest of everything its bytes were made from
    sha: str  # digest of its bytes
    stat: tuple[int, int, int]  # inode, size, mtime_ns: any change means someone else touched it
    indexed: bool  # Pagefind reads it


@dataclass(frozen=True)
class Manifest:
    """`output/` as the last build left it."""

    files: dict[str, Entry]
    index: str  # index_key of the pages the search bundle was built from
    report: IndexReport | None  # what that bundle holds


@dataclass(frozen=True)
class Outcome:
    """What publishing did, for the build report and the benchmark."""

    written: int  # files written with new bytes; 0 means output/ was not touched
    index: IndexReport
    index_seconds: float  # 0 when the previous index was kept


def file_stat(path: str) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)  # a string, not a Path: this runs once per page
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def index_key(entries: dict[str, Entry]) -> str:
    """What the search index depends on: the indexed pages' bytes and Pagefind's version."""
    pages = sorted((path, entry.sha) for path, entry in entries.items() if entry.indexed)
    return digest(version("pagefind-bin"), *(part for page in pages for part in page))


def _page_key(shared: tuple[list[RenderJob], InputsKey, str], index: int) -> str:
    """Everything page `index` is made from: template, path, its inputs and the site-wide context."""
    jobs, inputs_key, context = shared
    job = jobs[index]
    return digest(context, job.template, job.path, inputs_key(job.inputs))


def manifest_slot(output: Path) -> str:
    """Where `output/`'s manifest lives in the store: per folder, and per code version that shaped it."""
    return digest(code_digest(), str(output.resolve()))


def output_intact(output: Path, cache: Path) -> bool:
    """Is every file the last build left in `output/` still there, untouched (same inode, size, mtime)?"""
    manifest: Manifest | None = Store(cache / "manifest.pickle").get(manifest_slot(output))
    return (
        manifest is not None
        and (output / BUNDLE).is_dir()
        and all(file_stat(output / path) == entry.stat for path, entry in manifest.files.items())
    )


def publish_changes(
    jobs: list[RenderJob],
    ready: list[RenderedFile],
    render: Callable[[list[RenderJob]], list[RenderedFile]],
    config: SiteConfig,
    templates: Path,
    output: Path,
    cache: Path,
    index: Callable[[Path], object],
    article_keys: dict[int, str],
) -> Outcome:
    """Render what may have changed, then publish only if some byte of the site differs."""
    store = Store(cache / "manifest.pickle")
    slot = manifest_slot(output)
    previous: Manifest = store.get(slot) or Manifest({}, "", None)
    context = digest(code_digest(), folder_digest(templates), repr(config))
    page_keys = fork_map(_page_key, (jobs, InputsKey(article_keys), context), len(jobs))
    keys = {job.path: key for job, key in zip(jobs, page_keys, strict=True)}
    keys.update({file.path: digest(file.content) for file in ready})

    def unchanged(path: str, key: str | None = None, sha: str | None = None) -> bool:
        """`output/path` is still as the manifest says, with this key or these bytes."""
        entry = previous.files.get(path)
        return (
            entry is not None
            and key in (None, entry.key)
            and sha in (None, entry.sha)
            and file_stat(f"{output}/{path}") == entry.stat
        )

    files = {path: previous.files[path] for path, key in keys.items() if unchanged(path, key=key)}
    fresh = render([job for job in jobs if job.path not in files]) + [f for f in ready if f.path not in files]
    changed = []
    for file in fresh:
        sha = digest(file.content)
        if unchanged(file.path, sha=sha):
            files[file.path] = replace(previous.files[file.path], key=keys[file.path])
        else:
            changed.append(file)
            files[file.path] = Entry(keys[file.path], sha, (0, 0, 0), INDEXED_MARK in file.content)
    bundle = output / BUNDLE
    keep_index = index_key(files) == previous.index and bundle.is_dir()
    same_assets = folder_digest(templates / "static") == folder_digest(output / "assets")
    seconds = 0.0
    if changed or files.keys() != previous.files.keys() or not keep_index or not same_assets:

        def finish(staging: Path) -> None:
            nonlocal seconds
            if not keep_index:
                started = time.perf_counter()
                index(staging)
                seconds = time.perf_counter() - started

        written = {file.path for file in changed}
        kept = [path for path in files if path not in written] + ([BUNDLE] if keep_index else [])
        publish(changed, templates / "static", output, finish, kept)
        files = {
            path: replace(entry, stat=file_stat(f"{output}/{path}") or (0, 0, 0))
            for path, entry in files.items()
        }
    report = (
        previous.report
        if keep_index and previous.report
        else IndexReport(indexed_pages(bundle), folder_size(bundle))
    )
    manifest = Manifest(files, index_key(files), report)
    if manifest != previous:
        store.put(slot, manifest)
    store.save()
    return Outcome(len(changed), report, seconds)
