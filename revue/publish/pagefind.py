"""Driving the pinned Pagefind binary: one shard's pages staged as their index views, indexed by one
Pagefind process that dies with the build, and the bundle it wrote checked whole before it is stored.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from revue.core import messages, urls
from revue.core.errors import BuildError, Problem
from revue.publish import children
from revue.publish.checkpoint import reached
from revue.publish.index_view import index_view
from revue.publish.shards import Shard

if TYPE_CHECKING:
    from revue.publish.search import NewSite

BUNDLE = urls.SEARCH_BUNDLE.rstrip("/")  # the folder the search page loads `shards.json` and the shards from
ENTRY = "pagefind-entry.json"  # what Pagefind says a bundle holds: its languages and their pages
UNUSED = (  # Pagefind's ready-made interfaces: the search page uses its JS API only
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# Pagefind's compressed files: gzip, whose last bytes hold its length and checksum.
COMPRESSED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")
# A full disk leaves a file of at most one block either empty or whole: only larger ones can be cut,
# and only those are decompressed (the thousand fragments of a shard, a few hundred bytes each,
# would cost an edit 0.15 s).
ONE_BLOCK = 4096


def pagefind_binary() -> Path:
    import pagefind_bin  # here: only a run that indexes needs the binary's package

    try:
        return pagefind_bin.get_executable()
    except FileNotFoundError as error:
        raise BuildError([pagefind_problem(Path(BUNDLE), str(error))]) from None


def index_shard(binary: Path, site: NewSite, shard: Shard, store: Path, key: str) -> Problem | None:
    """Index one shard on a site of its pages' index views (`stage_page`), into `store/key/`; a Problem if
    Pagefind fails."""
    import tempfile

    store.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"{key[:12]}-", dir=store) as work:
        # Absolute: Pagefind runs in `work`, where a path relative to ours (`--root ../site`) leads nowhere.
        pages, out = Path(work).absolute() / "site", Path(work).absolute() / BUNDLE
        for path in shard.pages:
            (pages / path).parent.mkdir(parents=True, exist_ok=True)
            stage_page(site.locate(path), pages / path)
        command = [str(binary), "--site", str(pages), "--output-path", str(out), "--quiet"]
        returncode, printed = run_pagefind(command, work)
        if returncode != 0:
            return pagefind_problem(Path(BUNDLE) / shard.id, printed)
        for name in UNUSED:
            (out / name).unlink(missing_ok=True)
        if wrong := bundle_fault(out):
            return incomplete_bundle(store, wrong)
        out.rename(store / key)  # whole or absent: a shard in the store is always complete
    return None


def run_pagefind(command: list[str], folder: str) -> tuple[int, str]:
    """Run Pagefind in `folder`: its exit code and what it printed. It is killed with the build: the
    thread that starts it waits for it, so it never outlives that thread (the kernel's signal follows
    the thread that forked)."""
    from functools import partial

    with subprocess.Popen(
        command,
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=partial(children.die_with_parent, children.prepare()),  # it dies with the build
    ) as indexer:
        reached("pagefind")
        printed, _ = indexer.communicate()
    return indexer.returncode, printed.strip()


def stage_page(source: str, target: Path) -> None:
    """Put a page where Pagefind will read it: its index view, or a link to it when that is the page."""
    with open(source, "rb") as file:
        page = file.read()
    view = index_view(page)
    if view is page:
        link_or_copy(source, str(target))
    else:
        target.write_bytes(view)


def pagefind_problem(where: Path, printed: str) -> Problem:
    return Problem(where, None, messages.pagefind_failed(printed))


def link_or_copy(source: str, target: str) -> None:
    """A hard link, or a copy when the two folders are on different file systems (pages given to
    Pagefind, which reads them only)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def entry_pages(bundle: Path) -> int | None:
    """How many pages Pagefind says the bundle holds; None when its entry file cannot be read."""
    try:
        entry = json.loads((bundle / ENTRY).read_bytes())
        return int(sum(language["page_count"] for language in entry["languages"].values()))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def stored(store: Path, key: str) -> bool:
    """Is the shard `key` in the store, readable? A bundle a build verified can still be damaged by
    hand: it is indexed again rather than published broken."""
    return entry_pages(store / key) is not None


def bundle_fault(bundle: Path) -> str | None:
    """What is wrong with the bundle Pagefind just wrote, or None. Pagefind exits 0 when the disk is
    full, leaving empty or cut files: every file must be there, not empty, its entry readable, each
    compressed file larger than a block whole."""
    if entry_pages(bundle) is None:
        return ENTRY
    for name in ("pagefind.js", "pagefind-worker.js"):
        if not (bundle / name).is_file():
            return name
    entry = json.loads((bundle / ENTRY).read_bytes())
    for language in entry["languages"].values():
        for name in (f"wasm.{language['wasm']}.pagefind", f"pagefind.{language['hash']}.pf_meta"):
            if not (bundle / name).is_file():
                return name
    folders = [bundle]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                    continue
                size = entry.stat().st_size
                if size == 0 or (
                    size > ONE_BLOCK and entry.name.endswith(COMPRESSED) and not whole(entry.path)
                ):
                    return Path(entry.path).relative_to(bundle).as_posix()
    return None


def whole(compressed: str) -> bool:
    """Does this gzip file decompress to its end (its last bytes hold its length and checksum)?"""
    import gzip
    import zlib

    try:
        with open(compressed, "rb") as file:
            gzip.decompress(file.read())
    except (OSError, EOFError, zlib.error):
        return False
    return True


def incomplete_bundle(store: Path, wrong: str) -> Problem:
    free = shutil.disk_usage(store).free // 1024
    return Problem(store, None, messages.pagefind_incomplete(wrong, free))


@contextmanager
def store_errors(store: Path) -> Iterator[None]:
    """A file of the store that cannot be written (a full disk) is one problem naming the store, not
    the temporary folder Pagefind was working in."""
    try:
        yield
    except OSError as error:
        if error.filename and not str(error.filename).startswith(str(store)):
            raise
        raise BuildError(
            [Problem(store, None, messages.cannot_write(messages.system_error(error)))]
        ) from None
