"""French alphabetical order for what readers see in lists: `Égypte` and `États-Unis` among the E,
before `Laos`, not after `Zimbabwe` as code points would put them."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyuca


@cache
def _collator() -> pyuca.Collator:
    """The Unicode Collation Algorithm with its default table (DUCET). CLDR tailors it for no French
    but Canada's, so this is the order of French dictionaries; the table loads once, in about 0.2 s."""
    import pyuca  # here: most builds find every key they need in the cache

    return pyuca.Collator()


SortKey = tuple[tuple[int, ...], str]
_known: dict[str, SortKey] = {}  # text → its key, as computed here or remembered by the build cache


def french_sort_key(text: str) -> SortKey:
    """Sort key in French order: accents and case count only between otherwise equal words."""
    key = _known.get(text)
    if key is None:
        key = _known[text] = (_collator().sort_key(text), text)
    return key


def known_sort_keys() -> dict[str, SortKey]:
    """Every key computed so far, for the build cache: a build that sorts only names sorted before never
    loads the collation table, which costs an edit's build more than sorting itself (0.2 s)."""
    return dict(_known)


def remember_sort_keys(keys: dict[str, SortKey]) -> None:
    _known.update(keys)
