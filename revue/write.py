"""Rendered files → a staging folder → `output/`, swapped in only once everything succeeded."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from revue.render import RenderedFile


def write_files(files: list[RenderedFile], static: Path, folder: Path) -> None:
    """Write the rendered files and copy the static assets under `assets/`."""
    for file in files:
        target = folder / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    if static.is_dir():
        shutil.copytree(static, folder / "assets", dirs_exist_ok=True)


def publish(
    files: list[RenderedFile], static: Path, output: Path, finish: Callable[[Path], None] = lambda _: None
) -> None:
    """Build the whole site beside `output/`, run `finish` on it (indexing), then swap it in.

    If anything fails, `output/` is left exactly as it was and the staging folder is removed.
    """
    staging = output.with_name(f".{output.name}-staging")
    previous = output.with_name(f".{output.name}-previous")
    for leftover in (staging, previous):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
        write_files(files, static, staging)
        finish(staging)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if output.exists():
        output.rename(previous)
    staging.rename(output)
    shutil.rmtree(previous, ignore_errors=True)
