"""The output manifest: `output/` as the last build left it, file by file, and whether it still is.

Apart from the cache that keeps it (cache.py): what a manifest holds is publishing's, where it is kept
is the cache's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from revue.core.filestat import OutputStat, output_stat
from revue.publish.search import IndexReport


@dataclass(frozen=True)
class Entry:
    """One file of `output/` as the last build left it."""

    key: str  # digest of everything its bytes were made from
    sha: str  # digest of its bytes
    stat: OutputStat  # inode, size, mtime_ns: any change means someone else touched it
    indexed: bool  # the search index reads it


@dataclass(frozen=True)
class Manifest:
    """`output/` as the last build left it."""

    files: dict[str, Entry]
    index: str  # index_key of the pages the search bundle was built from
    report: IndexReport | None  # what that bundle holds
    search: dict[str, OutputStat] = field(default_factory=dict)  # stat of each file of pagefind/
    mirror: str = ""  # the token of the mirror publishing left beside output/ (publish/swap.py)


NO_MANIFEST = Manifest({}, "", None)


def output_intact(output: Path, manifest: Manifest) -> bool:
    """Is every file the last build left in `output/`, search bundle included, still there, untouched
    (same inode, size, mtime)?"""
    return (
        bool(manifest.files)
        and bool(manifest.search)
        and all(output_stat(f"{output}/{path}") == entry.stat for path, entry in manifest.files.items())
        and all(output_stat(f"{output}/{path}") == stat for path, stat in manifest.search.items())
    )
