"""Rendered files → a staging folder → `output/`, swapped in only once everything succeeded."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Collection
from pathlib import Path

from revue.render.templates import RenderedFile


def write_files(files: list[RenderedFile], folder: Path) -> None:
    for file in files:
        target = folder / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)


def link_kept(kept: Collection[str], previous: Path, folder: Path) -> None:
    """Hard-link files and folders of the previous site into the new one: same inode, same mtime."""
    made: set[str] = set()
    for name in kept:
        source, target = f"{previous}/{name}", f"{folder}/{name}"  # strings: this runs once per page
        if os.path.isdir(source):
            shutil.copytree(source, target, copy_function=os.link)
            continue
        parent = os.path.dirname(target)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        os.link(source, target)


def publish(
    files: list[RenderedFile],
    output: Path,
    finish: Callable[[Path], None] = lambda _: None,
    kept: Collection[str] = (),
) -> None:
    """Build the whole site beside `output/`, run `finish` on it (indexing), then swap it in.

    `kept` names files and folders of the current `output/` that are still right: they are hard-linked,
    not rewritten. Nothing in `output/` is ever written in place, so if anything fails, `output/` is left
    exactly as it was and the staging folder is removed.
    """
    staging = output.with_name(f".{output.name}-staging")
    previous = output.with_name(f".{output.name}-previous")
    for leftover in (staging, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        link_kept(kept, output, staging)
        write_files(files, staging)
        finish(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
