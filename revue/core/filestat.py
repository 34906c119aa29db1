"""A file's identity without reading its bytes: what tells a run that a file is the one a run before saw."""

from __future__ import annotations

import os

FileStat = tuple[int, int, int, int]  # inode, size, mtime_ns, ctime_ns
OutputStat = tuple[int, int, int]  # inode, size, mtime_ns


def file_stat(path: str) -> FileStat | None:
    """Inode, size, mtime and ctime (a copy of another file with its old mtime put back has a new
    ctime); None if it cannot be had. A string, not a Path: this runs once per file."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)


def output_stat(path: str) -> OutputStat | None:
    """`file_stat` of a file Revue wrote in `output/`, without the ctime: publishing hard-links each
    page into the next build's mirror (publish/swap.py), which moves the ctime of a page untouched."""
    stat = file_stat(path)
    return stat[:3] if stat else None
