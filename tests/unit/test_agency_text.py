"""Structure of raw agency texts: every variant the agency's pages come in."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revue.core import urls
from revue.core.agencies import AGENCY_CODES
from revue.core.errors import LineError
from revue.ingest.agency_text import AgencyText, Caption, Dateline, Dropped, parse
from revue.render.article_view import OPENING_DATELINE

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
    assert parsed.photos == (Caption("Le ministre et son homologue à Hanoï.", "VNA"),)
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
    assert parsed.photos == (Caption("Le ministre.", "VNA"), Caption("Lors de l'entretien.", "QDND"))
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
        "aucune attaque comme « Hanoï (VNA) – » n’ouvre le premier paragraphe : `place` reste vide",
    )


@pytest.mark.parametrize("code", AGENCY_CODES)
def test_every_agency_the_page_knows_opens_a_dateline_and_signs_off(code: str) -> None:
    """One list (revue/core/agencies.py): what the page reads as a dateline, the importer reads as one."""
    opening = f"Tokyo, 3 mai ({code}) – "
    parsed = parse(text(TITLE, STANDFIRST, f"{opening}Le texte.", f"La fin. -{code}"))
    assert parsed.dateline == Dateline("Tokyo", 3, 5, None, code, opening.strip())
    assert parsed.paragraphs == ("Le texte.", "La fin.")
    page = OPENING_DATELINE.match(f"{opening}Le texte.")
    assert page and page.group("agency") == code
    signed = parse(text(TITLE, STANDFIRST, "Le texte commence ici.", f"Il finit là.-{code}"))
    assert (signed.agency, signed.paragraphs) == (code, ("Le texte commence ici.", "Il finit là."))


def test_capitals_in_brackets_that_name_no_agency_open_no_dateline() -> None:
    parsed = parse(text(TITLE, STANDFIRST, "Le Fonds monétaire international (FMI) – une note.", "Fin. -VNA"))
    assert parsed.dateline is None
    assert parsed.paragraphs[0] == "Le Fonds monétaire international (FMI) – une note."


def test_sign_off_glued_to_the_last_word() -> None:
    parsed = parse(text(TITLE, STANDFIRST, "Hanoi (VNA) - Un texte entre les deux pays.-VNA"))
    assert parsed.paragraphs == ("Un texte entre les deux pays.",)


def test_paragraphs_on_single_lines_and_spaces_normalised() -> None:
    parsed = parse(f"{TITLE}\n\n{STANDFIRST}\n\nHanoi (VNA) - Un\xa0 texte  ici.\nUn autre\tparagraphe.\n")
    assert parsed.paragraphs == ("Un texte ici.", "Un autre paragraphe.")


def test_text_after_the_sign_off_is_kept_and_warned() -> None:
    parsed = parse(text(TITLE, STANDFIRST, "Hanoi (VNA) - Texte. -VNA", "Note de la rédaction."))
    assert parsed.paragraphs == ("Texte.", "Note de la rédaction.")
    assert parsed.warnings == (
        "1 paragraphe gardé après la signature : vérifiez qu’il fait partie de l’article",
    )


def test_no_standfirst_is_warned() -> None:
    parsed = parse(text(TITLE, "Hanoi (VNA) - Texte."))
    assert parsed.standfirst is None
    assert parsed.warnings == (
        "pas de chapeau entre le titre et l’article : `summary` reprend le premier paragraphe",
    )


@pytest.mark.parametrize(
    ("raw", "line", "message"),
    [
        (
            "",
            None,
            "ne contient aucun texte — collez-y l’article : son titre sur la première ligne, puis son texte",
        ),
        (
            "\n \nVoir plus\nteaser",
            None,
            "ne contient aucun texte — collez-y l’article : son titre sur la première ligne, puis son texte",
        ),
        (
            "\nTitre seul\n",
            2,
            "a un titre mais pas de paragraphes — collez le texte de l’article sous son titre",
        ),
        (
            "Titre\n\nChapeau\n\nHanoi (VNA) - -VNA",
            5,
            "l’article a une attaque mais pas de texte — collez le texte de l’article",
        ),
    ],
)
def test_texts_without_an_article_are_refused(raw: str, line: int | None, message: str) -> None:
    with pytest.raises(LineError) as error:
        parse(raw)
    assert (error.value.line, error.value.message) == (line, message)


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "agency"


def fixture(name: str) -> AgencyText:
    return parse((FIXTURES / name).read_text(encoding="utf-8"))


def test_a_text_without_title_line_gets_its_first_sentence_cut_to_a_short_file_name() -> None:
    parsed = fixture("no-title-line.txt")
    assert parsed.title == (
        "Le président de l'Assemblée nationale du Laos, à la tête d'une délégation de haut…"
    )
    assert len(urls.slug(parsed.title, 0)) <= 80
    assert parsed.paragraphs[0].startswith("Le président de l'Assemblée nationale du Laos, à la tête")
    assert parsed.dateline == Dateline("Hanoï", None, None, None, "VNA", "Hanoï (VNA) –")
    assert (
        "pas de ligne de titre : le titre est la première phrase de l’article — écrivez-en un vrai"
        in parsed.warnings
    )


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("Le Vietnam et le Japon signent un accord.", "Le Vietnam et le Japon signent un accord"),
        (
            "M. Trung a reçu H.R. McMaster à Hanoï. Puis il est parti.",
            "M. Trung a reçu H.R. McMaster à Hanoï",
        ),
        ("Le commerce atteint 1.500 milliards! Suite.", "Le commerce atteint 1.500 milliards"),
    ],
)
def test_a_title_from_a_short_first_sentence_drops_only_the_final_punctuation(
    sentence: str, title: str
) -> None:
    assert parse(f"Hanoï (VNA) – {sentence} -VNA").title == title


def test_a_copy_opening_on_a_caption_takes_its_title_from_before_the_photo_number() -> None:
    parsed = parse(
        text(
            "La coopération Vietnam-Japon progresse hinh anh 1Les deux ministres à Tokyo. Photo: VNA",
            "Hanoi (VNA) - Les deux ministres se sont rencontrés à Tokyo. -VNA",
        )
    )
    assert parsed.title == "La coopération Vietnam-Japon progresse"
    assert parsed.photos == (Caption("Les deux ministres à Tokyo.", "VNA"),)
    assert parsed.paragraphs == ("Les deux ministres se sont rencontrés à Tokyo.",)


def test_a_copy_opening_on_an_uncredited_caption_keeps_it_as_a_caption() -> None:
    parsed = parse(
        text(
            "Le vice-Premier ministre Tran Van Ba.",
            "Quang Nam (VNA) - Le vice-Premier ministre a ouvert un forum d'affaires.",
            "Fin. -VNA",
        )
    )
    assert parsed.photos == (Caption("Le vice-Premier ministre Tran Van Ba", None),)
    assert parsed.standfirst is None
    assert parsed.title == "Le vice-Premier ministre a ouvert un forum d'affaires"


def test_credits_glued_to_the_photo_number_or_written_as_web_addresses_leave_the_body() -> None:
    parsed = fixture("glued-credits.txt")
    assert parsed.photos == (
        Caption("Des tisserandes lao présentent leurs écharpes.", "qdnd.vn"),
        Caption("Le stand de la province de Luang Prabang.", "baodansinh.vn"),
    )
    assert [(d.line, d.why) for d in parsed.dropped] == [(7, "crédit photo sans légende")]
    assert not any("Caption" in paragraph or "ảnh" in paragraph for paragraph in parsed.paragraphs)
    assert parsed.paragraphs[-1] == "La foire se tiendra jusqu'au 14 avril."


@pytest.mark.parametrize(
    ("caption", "photo"),
    [
        ("Le président (Photo: Yonhap/VNA)", Caption("Le président", "Yonhap/VNA")),
        ("La porte-frontière. Photo d’illustration : VNA", Caption("La porte-frontière.", "VNA")),
        ("Les ministres. Photo : Hông Pha/VNA/CVN", Caption("Les ministres.", "Hông Pha/VNA/CVN")),
    ],
)
def test_credit_forms(caption: str, photo: Caption) -> None:
    assert parse(text(TITLE, STANDFIRST, caption, "Hanoï (VNA) – Texte. -VNA")).photos == (photo,)


def test_teasers_after_the_sign_off_are_dropped_and_listed() -> None:
    parsed = fixture("teasers-after-sign-off.txt")
    assert parsed.paragraphs[-1] == "Ils ont convenu d'échanger leurs cartes des zones dangereuses."
    why = "annonce d’un autre article, après la signature (titre et paragraphe)"
    assert parsed.dropped == (
        Dropped(8, "Festival des cerfs-volants à Hué", why),
        Dropped(
            9,
            "Plus de deux cents cerfs-volants venus de douze pays ont coloré le ciel de l'ancienne capitale "
            "ce week-end.",
            why,
        ),
        Dropped(10, "Ouverture d'une ligne aérienne entre Da Nang et Séoul", why),
        Dropped(11, "Une compagnie à bas prix relie désormais les deux villes trois fois par semaine.", why),
    )
    assert parsed.warnings == ()


def test_voir_plus_is_listed_with_the_number_of_lines_left_out() -> None:
    parsed = parse(text(TITLE, STANDFIRST, "Hanoï (VNA) – Texte. -VNA", "Voir plus", "Un titre", "Un texte."))
    assert parsed.dropped == (
        Dropped(7, "Voir plus", "les annonces d’autres articles qui suivent le sont aussi : 2 lignes"),
    )


def test_news_site_links_footer_sign_off_and_a_credit_on_the_next_line() -> None:
    parsed = parse(
        "Le ministre reçoit des ambassadeurs\n\nLe ministre a reçu le 19 mai les ambassadeurs.\n\n"
        ">>Une autre nouvelle\n\nLe ministre et l'ambassadeur,\nPhoto : Hông Pha/VNA/CVN\n\n"
        "Le ministre a salué leur travail.\n\nVNA/CVN\n\nRédactrice en chef : Une Personne\n\nback to top\n"
    )
    assert parsed.photos == (Caption("Le ministre et l'ambassadeur", "Hông Pha/VNA/CVN"),)
    assert parsed.paragraphs == ("Le ministre a salué leur travail.",)
    assert [(d.line, d.why) for d in parsed.dropped] == [
        (5, "lien vers un autre article"),
        (14, "pied de page, après la signature"),
        (16, "pied de page, après la signature"),
    ]


@pytest.mark.parametrize("sign_off", ["-NDEL/VNA", "–VOV/VNA", " -CPV/VNA", ". – VNA"])
def test_sign_offs_naming_a_partner_paper(sign_off: str) -> None:
    parsed = parse(text(TITLE, STANDFIRST, f"Hanoï (VNA) – Fin du texte{sign_off}", "Un titre", "Un texte."))
    assert parsed.paragraphs == ("Fin du texte" + ("." if sign_off.startswith(".") else ""),)
    assert parsed.agency == "VNA" and len(parsed.dropped) == 2


def test_a_dateline_place_with_initials() -> None:
    parsed = parse(text(TITLE, STANDFIRST, "Washington D.C (VNA) – Texte. -VNA"))
    assert parsed.dateline is not None and parsed.dateline.place == "Washington D.C"


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab é.:-–()VNAảnh12 \nPhoto»>")) | st.characters(), max_size=300)
)
def test_any_text_is_an_article_or_one_clear_error(raw: str) -> None:
    try:
        parsed = parse(raw)
    except LineError as error:
        assert error.message and (error.line is None or error.line >= 1)
        return
    assert parsed.paragraphs and all(parsed.paragraphs) and isinstance(parsed.title, str)
    if any("pas de ligne de titre" in warning for warning in parsed.warnings):
        assert len(urls.slug(parsed.title, 0)) <= 80
