"""Glued-word repair: split what lost its space, never a real word or a name."""

from __future__ import annotations

import pytest

from revue.ingest.glued_words import Repair, repair, split_token


@pytest.mark.parametrize(
    ("token", "parts"),
    [
        ("leurentretien", ("leur", "entretien")),
        ("asuggéré", ("a", "suggéré")),
        ("lesdeux", ("les", "deux")),
        ("unpartenaire", ("un", "partenaire")),
        ("relationsdiplomatiques", ("relations", "diplomatiques")),
        ("prêtà", ("prêt", "à")),
        ("eten", ("et", "en")),
        ("NguyenPhuTrong", ("Nguyen", "Phu", "Trong")),
        ("auJapon", ("au", "Japon")),
        ("Vietnamet", ("Vietnam", "et")),
    ],
)
def test_glued_words_are_split(token: str, parts: tuple[str, ...]) -> None:
    assert split_token(token) == parts


@pytest.mark.parametrize(
    "token",
    [
        "élargirait",
        "vietnamiennes",
        "Kishida",
        "Gunma",
        "Nikai",
        "Atanas",
        "Matsuzawa",
        "coprésider",
        "YouTube",
        "ASEAN",
        "qdnd",
        "demultilatéralisation",  # `multilatéralisation` is too rare to be sure
    ],
)
def test_words_and_names_are_never_split(token: str) -> None:
    assert split_token(token) is None


def test_repair_lists_every_change_and_spaces_glued_punctuation() -> None:
    text, repairs = repair(
        "Le Parti libéral-démocrate(PLD) asuggéré le commerce,l’agriculture et 500.000 (Japon)"
    )
    assert text == "Le Parti libéral-démocrate (PLD) a suggéré le commerce, l’agriculture et 500.000 (Japon)"
    assert [str(r) for r in repairs] == [
        "asuggéré → a suggéré",
        "commerce,l’agriculture → commerce, l’agriculture",
        "libéral-démocrate(PLD) → libéral-démocrate (PLD)",
    ]
    assert repairs[0] == Repair("asuggéré", "a suggéré")


def test_words_in_inclusive_writing_and_decimals_are_left_alone() -> None:
    assert repair("les député(e)s, 1,5 million") == ("les député(e)s, 1,5 million", ())
