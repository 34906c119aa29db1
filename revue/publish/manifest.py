"""The output manifest: `output/` as the last build left it, file by file, and whether it still is.

Apart from the cache that keeps it (cache.py): what a manifest holds is publishing's, where it is kept
is the cache's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from revue.publish.search import IndexReport


@dataclass(frozen=True)
class Entry:
    """One file of `output/` as the last build left it."""

    key: str  # digest of everything its bytes were made from
    sha: str  # digest of its bytes
    stat: tuple[int, int, int]  # inode, size, mtime_ns: any change means someone else touched it
    indexed: bool  # the search index reads it


@dataclass(frozen=True)
class Manifest:
    """`output/` as the last build left it."""

    files: dict[str, Entry]
    index: str  # index_key of the pages the search bundle was built from
    report: IndexReport | None  # what that bundle holds
    search: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # stat of each file of pagefind/
    mirror: str = ""  # the token of the mirror publishing left beside output/ (publish/swap.py)


NO_MANIFEST = Manifest({}, "", None)


def file_stat(path: str) -> tuple[int, int, int] | None:
    try:
        stat = os.stat(path)  # a string, not a Path: this runs once per page
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def output_intact(output: Path, manifest: Manifest) -> bool:
    """Is every file the last build left in `output/`, search bundle included, still there, untouched
    (same inode, size, mtime)?"""
    return (
        bool(manifest.files)
        and bool(manifest.search)
        and all(file_stat(f"{output}/{path}") == entry.stat for path, entry in manifest.files.items())
        and all(file_stat(f"{output}/{path}") == stat for path, stat in manifest.search.items())
    )
