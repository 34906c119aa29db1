"""Rendered files → `output/`, changed only once everything succeeded (indexing included).

Everything this build writes goes first to a folder beside `output/` (same file system). Then either
the changed files are renamed into `output/` one by one and the files the site no longer has removed
(an update: the last build's `output/` is there, untouched), or the whole new site is assembled there,
unchanged files hard-linked, and swapped in (a first build, or an `output/` someone else changed).
If anything fails before that (Ctrl-C included), `output/` is left exactly as it was and the folder
removed; once it starts changing, Ctrl-C waits until it holds the whole new site.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Collection
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from revue.build.checkpoint import reached
from revue.build.search import BUNDLE, MANIFEST, NewSite
from revue.core.uninterrupted import uninterrupted
from revue.render.templates import RenderedFile


def make_parent(target: str, made: set[str]) -> None:
    """Create the folder of `target` unless this run already did (strings: this runs once per page)."""
    parent = os.path.dirname(target)
    if parent not in made:
        os.makedirs(parent, exist_ok=True)
        made.add(parent)


def write_files(files: list[RenderedFile], folder: Path) -> None:
    made: set[str] = set()
    for file in files:
        target = f"{folder}/{file.path}"
        make_parent(target, made)
        with open(target, "wb") as written:
            written.write(file.content)


def link_kept(kept: Collection[str], previous: Path, folder: Path) -> None:
    """Hard-link files and folders of the previous site into the new one: same inode, same mtime."""
    made: set[str] = set()
    for name in kept:
        source, target = f"{previous}/{name}", f"{folder}/{name}"
        if os.path.isdir(source):
            shutil.copytree(source, target, copy_function=os.link)
            continue
        make_parent(target, made)
        os.link(source, target)


def publish(
    files: list[RenderedFile],
    output: Path,
    finish: Callable[[NewSite], None] = lambda _: None,
    kept: Collection[str] = (),
    update: bool = False,
) -> None:
    """Publish the site made of `files` (new bytes) and `kept` (files of `output/` still right), after
    `finish` (indexing) succeeded on it. `update`: `output/` holds exactly the last build's files, so
    only what changed is moved in; otherwise the whole site is staged and swapped in.
    """
    staging = output.with_name(f".{output.name}-staging")
    previous = output.with_name(f".{output.name}-previous")
    for leftover in (staging, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    update = update and output.is_dir()
    written = frozenset(file.path for file in files)
    try:
        staging.mkdir(parents=True)
        write_files(files, staging)
        if not update:
            link_kept(kept, output, staging)
        with ThreadPoolExecutor(1) as pool:  # indexing waits on Pagefind: look for old files meanwhile
            indexing = pool.submit(finish, NewSite(staging, output if update else staging, written))
            old = old_files(output, set(kept), written) if update else []
            indexing.result()
    except BaseException:  # Ctrl-C included: `output/` untouched, and no staging folder left behind
        shutil.rmtree(staging, ignore_errors=True)
        raise
    reached("publish:staged")
    with uninterrupted():  # from here on, `output/` changes: Ctrl-C waits until it is the new site
        if update:
            move_changes(staging, output, written, old)
            shutil.rmtree(staging, ignore_errors=True)
            return
        if output.exists():
            output.rename(previous)
        staging.rename(output)
        shutil.rmtree(previous, ignore_errors=True)


def move_changes(staging: Path, output: Path, written: Collection[str], old: list[str]) -> None:
    """Rename each new file over its old one, add the new search folders, then remove what the site no
    longer has: its `old` files, its search folders, and the folders they leave empty."""
    made: set[str] = set()
    for path in sorted(written):
        target = f"{output}/{path}"
        make_parent(target, made)
        os.replace(f"{staging}/{path}", target)
        reached("publish:moving")
    new_bundle, bundle = staging / BUNDLE, output / BUNDLE
    if new_bundle.is_dir():
        bundle.mkdir(exist_ok=True)
        for entry in sorted(os.scandir(new_bundle), key=lambda entry: entry.name == MANIFEST):
            os.replace(entry.path, bundle / entry.name)  # shards first, the manifest naming them last
        shards = json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))["shards"]
        listed = {shard["folder"] for shard in shards}
        for entry in os.scandir(bundle):
            if entry.is_dir() and entry.name not in listed:
                shutil.rmtree(entry.path)
    for path in sorted(old, reverse=True):
        os.unlink(f"{output}/{path}")
        remove_empty_parents(output, path)


def old_files(output: Path, kept: set[str], written: Collection[str]) -> list[str]:
    """Files of `output/` (outside the search bundle) that are neither kept nor written: removed pages,
    and anything put there by hand (a first build would not have it either)."""
    found: list[str] = []

    def visit(folder: str, relative: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                path = relative + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if path != BUNDLE:
                        visit(entry.path, path + "/")
                elif path not in kept and path not in written:
                    found.append(path)

    visit(str(output), "")
    return found


def remove_empty_parents(output: Path, path: str) -> None:
    parent = os.path.dirname(path)
    while parent:
        try:
            os.rmdir(f"{output}/{parent}")
        except OSError:  # not empty
            return
        parent = os.path.dirname(parent)
