"""A persistent key → value store in `.cache/`: one file of pickled frames, appended to as builds add.

An edit adds a few entries to stores of thousands (an article, its body): rewriting the whole file
each time cost a 10,000-article edit 0.6 s, so a build appends a frame with only what it added, and
the file is rewritten whole only when a key gets a new value, or when entries no build uses any more
would make up more than a fifth of it.
"""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path
from typing import Any

SLACK = 16  # unused entries a small store may hold before it is rewritten


class Store:
    """Values by content key. Keys must say everything the value depends on, so entries never go stale.

    With `prune`, entries not used by a build are dropped when the file is next rewritten, so the file
    holds about one site's worth.
    """

    def __init__(self, file: Path, prune: bool = True):
        self.file = file
        self.prune = prune
        self.entries: dict[str, Any] = {}
        self.readable = True  # False: missing or unreadable, to be written whole
        try:
            with open(file, "rb") as frames:
                while frames.peek(1):
                    self.entries.update(pickle.load(frames))
        except Exception:  # garbled bytes raise anything (UnicodeDecodeError, OverflowError…): start over
            self.entries, self.readable = {}, False  # start empty: the build recomputes
        self.in_file = set(self.entries)
        self.used: set[str] = set()
        self.added: dict[str, Any] = {}

    def get(self, key: str) -> Any | None:
        value = self.entries.get(key)
        if value is not None:
            self.used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = value
        self.used.add(key)
        self.added[key] = value

    def save(self) -> None:
        """Append what this build added, or rewrite the file with only the entries kept when a key is
        replaced (the manifest, every build) or when unused entries would pass a fifth of it; atomic
        either way (a rewrite replaces the file, an append is one write of a whole frame; a torn one
        makes the file unreadable, so the next build recomputes and rewrites it)."""
        kept = self.used if self.prune else self.entries.keys()
        appendable = self.readable and not (self.added.keys() & self.in_file)
        if appendable and len(self.in_file) + len(self.added) <= len(kept) * 5 // 4 + SLACK:
            if self.added:
                self.file.parent.mkdir(parents=True, exist_ok=True)
                with open(self.file, "ab") as frames:
                    frames.write(pickle.dumps(self.added, protocol=pickle.HIGHEST_PROTOCOL))
        else:
            self.entries = {key: self.entries[key] for key in sorted(kept)}
            self.file.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.file.with_name(self.file.name + ".tmp")
            temporary.write_bytes(pickle.dumps(self.entries, protocol=pickle.HIGHEST_PROTOCOL))
            if self.file.is_dir() and not self.file.is_symlink():  # read as unreadable: started over
                shutil.rmtree(self.file)
            os.replace(temporary, self.file)
            self.in_file, self.readable = set(self.entries), True
        self.in_file |= self.added.keys()
        self.added = {}
