"""Digests that say when cached work is still valid: of the code, of folders, of a page's inputs.

A cache keyed on these can never be stale: any change to what produced a result changes its key.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from functools import cache
from importlib.metadata import version
from pathlib import Path

from revue.site.model import Article

# Libraries whose upgrade can change the bytes we produce.
LIBRARIES = ("Jinja2", "Markdown", "nh3", "Babel", "PyYAML", "python-slugify", "MarkupSafe")


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each length-prefixed so ("ab", "c") and ("a", "bc") differ."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def folder_digest(folder: Path) -> str:
    """Every file's relative path and bytes under `folder` (empty when it does not exist)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    return digest(*(part for p in files for part in (str(p.relative_to(folder)), p.read_bytes())))


@cache
def code_digest() -> str:
    """The generator's own source and the versions of the libraries that shape its output."""
    sources = sorted(Path(__file__).parents[1].rglob("*.py"))  # not __pycache__: compiling is no change
    return digest(
        *(source.read_bytes() for source in sources), *(f"{name}=={version(name)}" for name in LIBRARIES)
    )


SCALARS = frozenset({str, int, float, bool, type(None), datetime.date})


class InputsKey:
    """A stable text for a page's inputs, each article reduced to a digest of all it says.

    `article_keys` gives that digest by `id(article)` when the reader already has one; parts shared
    between pages (the same counts on every page) are reduced once, memoised by identity while the
    values live (each forked worker keeps its own memo).
    """

    def __init__(self, article_keys: dict[int, str]):
        self.memo: dict[int, str] = dict(article_keys)

    def __call__(self, value: object) -> str:
        if type(value) in SCALARS:
            return repr(value)
        known = self.memo.get(id(value))
        if known is None:
            if isinstance(value, Article):
                known = digest(repr(value))
            elif dataclasses.is_dataclass(value):
                known = f"{type(value).__name__}({','.join(map(self, vars(value).values()))})"
            elif isinstance(value, tuple | list):
                known = f"[{','.join(map(self, value))}]"
            else:
                known = repr(value)
            self.memo[id(value)] = known
        return known
