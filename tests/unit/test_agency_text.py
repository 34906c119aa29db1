"""Structure of raw agency texts: every variant the agency's pages come in."""

from __future__ import annotations

import pytest

from revue.ingest.agency_text import Dateline, Photo, TextError, parse

TITLE = "Le Vietnam et le Japon renforcent leur coopération"
STANDFIRST = "Le ministre a reçu le 10 octobre son homologue japonais."
CAPTION = f"{TITLE} ảnh 1Le ministre et son homologue à Hanoï. Photo: VNA"


def text(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


def test_caption_before_the_dateline_paragraph() -> None:
    parsed = parse(
        f"{TITLE}\n\n{STANDFIRST}\n{CAPTION}\n\nHanoï (VNA) – Le ministre a reçu son homologue.\n\nFin. -VNA\n"
    )
    assert parsed.title == TITLE
    assert parsed.standfirst == STANDFIRST
    assert parsed.photos == (Photo("Le ministre et son homologue à Hanoï.", "VNA"),)
    assert parsed.dateline == Dateline("Hanoï", None, None, None, "VNA", "Hanoï (VNA) –")
    assert parsed.paragraphs == ("Le ministre a reçu son homologue.", "Fin.")
    assert parsed.warnings == ()


def test_caption_after_the_dateline_paragraph_and_several_captions() -> None:
    parsed = parse(
        text(
            TITLE,
            STANDFIRST,
            "Hanoï, 9 février (VNA) -Le ministre a reçu son homologue.",
            f"{TITLE} ảnh 1Le ministre.\xa0 Photo : VNA",
            "Deuxième paragraphe.",
            f"{TITLE} ảnh 2Lors de l'entretien.\xa0 Photo : QDND",
            "Dernier paragraphe.- VNA",
            "source",
            "Voir plus",
            "Un autre article. Photo: VNA",
            "Teaser sans rapport",
        )
    )
    assert parsed.dateline == Dateline("Hanoï", 9, 2, None, "VNA", "Hanoï, 9 février (VNA) -")
    assert parsed.photos == (Photo("Le ministre.", "VNA"), Photo("Lors de l'entretien.", "QDND"))
    assert parsed.paragraphs == (
        "Le ministre a reçu son homologue.",
        "Deuxième paragraphe.",
        "Dernier paragraphe.",
    )


def test_no_caption_no_sign_off_and_a_date_only_dateline_without_space() -> None:
    parsed = parse(text(TITLE, STANDFIRST, "17 décembre(VNA) - La réunion a eu lieu.", "Suite."))
    assert parsed.photos == ()
    assert parsed.dateline == Dateline(None, 17, 12, None, "VNA", "17 décembre(VNA) -")
    assert parsed.paragraphs == ("La réunion a eu lieu.", "Suite.")


def test_agency_only_dateline_without_spaces_and_avi_sign_off() -> None:
    parsed = parse(text(TITLE, STANDFIRST, "(VNA) –L'évolution est positive.", "Fin du texte-AVI"))
    assert parsed.dateline == Dateline(None, None, None, None, "VNA", "(VNA) –")
    assert parsed.paragraphs == ("L'évolution est positive.", "Fin du texte")


def test_no_dateline_is_warned_and_the_sign_off_names_the_agency() -> None:
    parsed = parse(text(TITLE, STANDFIRST, "Le texte commence ici.", "Il finit là.-AVI"))
    assert parsed.dateline is None
    assert parsed.agency == "AVI"
    assert parsed.paragraphs == ("Le texte commence ici.", "Il finit là.")
    assert parsed.warnings == (
        "no dateline such as `Hanoï (VNA) –` opens the first paragraph: `place` left out",
    )


def test_sign_off_glued_to_the_last_word() -> None:
    parsed = parse(text(TITLE, STANDFIRST, "Hanoi (VNA) - Un texte entre les deux pays.-VNA"))
    assert parsed.paragraphs == ("Un texte entre les deux pays.",)


def test_paragraphs_on_single_lines_and_spaces_normalised() -> None:
    parsed = parse(f"{TITLE}\n\n{STANDFIRST}\n\nHanoi (VNA) - Un\xa0 texte  ici.\nUn autre\tparagraphe.\n")
    assert parsed.paragraphs == ("Un texte ici.", "Un autre paragraphe.")


def test_text_after_the_sign_off_is_kept_and_warned() -> None:
    parsed = parse(text(TITLE, STANDFIRST, "Hanoi (VNA) - Texte. -VNA", "Note de la rédaction."))
    assert parsed.paragraphs == ("Texte.", "Note de la rédaction.")
    assert parsed.warnings == ("1 paragraph(s) after the sign-off kept: check they belong to the article",)


def test_no_standfirst_is_warned() -> None:
    parsed = parse(text(TITLE, "Hanoi (VNA) - Texte."))
    assert parsed.standfirst is None
    assert parsed.warnings == (
        "no standfirst between the title and the article: `summary` is the first paragraph",
    )


@pytest.mark.parametrize(
    ("raw", "line", "message"),
    [
        ("", None, "holds no text — paste the article: its title on the first line, then its text"),
        (
            "\n \nVoir plus\nteaser",
            None,
            "holds no text — paste the article: its title on the first line, then its text",
        ),
        (
            "\nTitre seul\n",
            2,
            "has a title but no article paragraphs — paste the article's text below its title",
        ),
        (
            "Titre\n\nChapeau\n\nHanoi (VNA) - -VNA",
            5,
            "the article has a dateline but no text — paste the article's text",
        ),
    ],
)
def test_texts_without_an_article_are_refused(raw: str, line: int | None, message: str) -> None:
    with pytest.raises(TextError) as error:
        parse(raw)
    assert (error.value.line, error.value.message) == (line, message)
