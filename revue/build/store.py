"""A persistent key → value store in `.cache/`: one pickle file, rewritten only when it changed."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any


class Store:
    """Values by content key. Keys must say everything the value depends on, so entries never go stale.

    With `prune`, entries not used by a build are dropped when it saves, so the file holds one site's worth.
    """

    def __init__(self, file: Path, prune: bool = True):
        self.file = file
        self.prune = prune
        try:
            self.entries: dict[str, Any] = pickle.loads(file.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            self.entries = {}  # missing or unreadable: start empty, the build recomputes
        self.used: set[str] = set()
        self.changed = False

    def get(self, key: str) -> Any | None:
        value = self.entries.get(key)
        if value is not None:
            self.used.add(key)
        return value

    def put(self, key: str, value: Any) -> None:
        self.entries[key] = value
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Write the used entries atomically, if anything was added or dropped."""
        if not self.changed and (not self.prune or self.used == self.entries.keys()):
            return
        kept = {key: self.entries[key] for key in sorted(self.used if self.prune else self.entries)}
        self.file.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.file.with_name(self.file.name + ".tmp")
        temporary.write_bytes(pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(temporary, self.file)
        self.entries, self.changed = kept, False
