"""French order: accented capitals among their letter, as a French reader looks for them."""

from __future__ import annotations

from revue.core.collation import french_sort_key


def test_countries_sort_as_in_a_french_dictionary() -> None:
    names = ["Zimbabwe", "Laos", "États-Unis", "Espagne", "Éthiopie", "Égypte", "Inde", "Îles Cook", "Chine"]
    assert sorted(names, key=french_sort_key) == [
        "Chine", "Égypte", "Espagne", "États-Unis", "Éthiopie", "Îles Cook", "Inde", "Laos", "Zimbabwe",
    ]  # fmt: skip


def test_accents_and_case_only_break_ties() -> None:
    assert sorted(["côte", "Côte", "cote", "coté"], key=french_sort_key) == ["cote", "coté", "côte", "Côte"]
