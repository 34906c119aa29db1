"""French alphabetical order for what readers see in lists: `Égypte` and `États-Unis` among the E,
before `Laos`, not after `Zimbabwe` as code points would put them."""

from __future__ import annotations

from functools import cache

import pyuca


@cache
def _collator() -> pyuca.Collator:
    """The Unicode Collation Algorithm with its default table (DUCET). CLDR tailors it for no French
    but Canada's, so this is the order of French dictionaries; the table loads once, in about 0.1 s."""
    return pyuca.Collator()


def french_sort_key(text: str) -> tuple[tuple[int, ...], str]:
    """Sort key in French order: accents and case count only between otherwise equal words."""
    return _collator().sort_key(text), text
