"""Glued-word repair: split what lost its space, never a real word or a name."""

from __future__ import annotations

from pathlib import Path

import pytest

from revue.ingest.agency_text import parse
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
        ("àHanoi", ("à", "Hanoi")),
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
        "iPhone",
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


def test_the_glue_of_real_agency_texts_is_repaired() -> None:
    """Numbers, sentences, elisions and short words, each as the agency's copies glue them."""
    text, repairs = repair(
        "12milliards en 2013.L'investissement au Japon.En outre del'industrie àl'approfondissement "
        "leJapon Lechef chefde continuerad'intensifier Nguyên Vu Tu.La République M.Nguyên du 5au 7 avril"
    )
    assert text == (
        "12 milliards en 2013. L'investissement au Japon. En outre de l'industrie à l'approfondissement "
        "le Japon Le chef chef de continuera d'intensifier Nguyên Vu Tu. La République M. Nguyên du 5 au 7 avril"
    )
    assert "continuerad' → continuera d'" in [str(r) for r in repairs]


@pytest.mark.parametrize(
    "text",
    [
        "intensifierait, élargiraient, réaffirmeront, consolideront",  # future and conditional verbs
        "let's go, don't, aujourd'hui, jusqu'à, quelqu'un, presqu'île, grand'mère, O'Neill",
        "le 1er mars, le 10ème, le 45e, 20h30, km2, mp3, COVID-19, covid19, 100MW, A320neo, H5N1, 50km",
        "H.R. McMaster, Washington D.C, TP.HCM, www.VietnamPlus.vn, qdnd.vn, 8.000 projets, 1,5 million",
        "Deroche, Lechat, Leblanc, Delors, McMaster, macOS",  # surnames and names wordfreq knows
    ],
)
def test_words_numbers_names_and_addresses_that_only_look_glued_stay(text: str) -> None:
    assert repair(text) == (text, ())


def test_a_glued_agency_text_reads_as_french_once_repaired() -> None:
    parsed = parse(
        (Path(__file__).resolve().parents[1] / "fixtures" / "agency" / "glued-words.txt").read_text()
    )
    assert [repair(paragraph)[0] for paragraph in parsed.paragraphs] == [
        "Le chef du gouvernement a reçu une délégation d'entreprises japonaises venues étudier le développement "
        "de l'industrie auxiliaire.",
        "Les investissements japonais ont atteint 12 milliards de dollars en 2013. L'investissement dans "
        "l'électronique domine. Le Vietnam continuera d'intensifier sa coopération avec le Japon. En outre, "
        "le chef de la délégation a appelé à l'approfondissement des liens.",
    ]
