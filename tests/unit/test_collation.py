"""French order: accented capitals among their letter, as a French reader looks for them."""

from __future__ import annotations

from revue.core.collation import french_sort_key
from revue.core.countries import lookup


def test_countries_sort_as_in_a_french_dictionary() -> None:
    names = ["Zimbabwe", "Laos", "États-Unis", "Espagne", "Éthiopie", "Égypte", "Inde", "Îles Cook", "Chine"]
    assert sorted(names, key=french_sort_key) == [
        "Chine", "Égypte", "Espagne", "États-Unis", "Éthiopie", "Îles Cook", "Inde", "Laos", "Zimbabwe",
    ]  # fmt: skip


def test_accents_and_case_only_break_ties() -> None:
    assert sorted(["côte", "Côte", "cote", "coté"], key=french_sort_key) == ["cote", "coté", "côte", "Côte"]


def test_countries_sort_by_their_french_names() -> None:
    found = [lookup(name) for name in ("Laos", "États-Unis", "Égypte", "Chine")]
    assert [country.name for country in sorted(found)] == ["Chine", "Égypte", "États-Unis", "Laos"]
