"""The article body as shown: the dateline opens the first paragraph, the standfirst is said once."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from revue.content.model import Article, Source
from revue.render.article_view import arrange_body

VNA = Source("VNA", None, None)
STANDFIRST = "Le président a reçu jeudi à Hanoi la délégation de Gunma, en visite au Vietnam."


def article(summary: str = STANDFIRST, place: str = "Hanoï") -> Article:
    return Article(
        "content/a.md", "Titre", datetime.date(2016, 2, 18), (), summary, place,
        Source("VNA", None, None), (), "a", False, "", 5, 1,
    )  # fmt: skip


def test_a_repeated_standfirst_is_shown_once_with_the_dateline_first() -> None:
    body = "<p>Hanoi (VNA) – Le président a reçu jeudi à Hanoi la délégation de Gunma conduite par M. Osawa, en visite au Vietnam.</p>\n<p>Suite.</p>"
    shown = arrange_body(body, article())
    assert not shown.show_standfirst
    assert shown.html.startswith(
        '<p class="standfirst"><span class="dateline" data-pagefind-ignore>HANOÏ (VNA) —</span> Le président'
    )
    assert shown.html.count("(VNA)") == 1
    assert shown.html.endswith("<p>Suite.</p>")


def test_a_different_first_paragraph_keeps_the_standfirst() -> None:
    shown = arrange_body("<p>Les deux pays ont signé trois accords sur l’énergie.</p>", article())
    assert shown.show_standfirst
    assert (
        shown.html
        == '<p><span class="dateline" data-pagefind-ignore>HANOÏ (VNA) —</span> Les deux pays ont signé trois accords sur l’énergie.</p>'
    )


def test_reading_time_counts_words() -> None:
    assert arrange_body("<p>" + "mot " * 1000 + "</p>", article(summary="")).minutes == 5
    assert arrange_body("<p>Court.</p>", article(summary="")).minutes == 1


def test_the_newsrooms_own_copy_names_no_agency_in_its_dateline() -> None:
    own = replace(article(summary=""), source=None)
    shown = arrange_body("<p>Les deux pays ont signé trois accords.</p>", own)
    assert shown.html.startswith(
        '<p><span class="dateline" data-pagefind-ignore>HANOÏ —</span> Les deux pays'
    )


def opening_of(first_paragraph: str, place: str = "Paris", source: Source | None = VNA) -> str:
    """The first paragraph as the page shows it, for an article without a standfirst."""
    shown = arrange_body(
        f"<p>{first_paragraph}</p>", replace(article(summary="", place=place), source=source)
    )
    return str(shown.html)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Le Fonds monétaire international (FMI) prévoit une croissance de 6 % cette année.",
        "L’Union européenne (UE) est le troisième partenaire commercial du Vietnam.",
        "Le Parti communiste du Vietnam (PCV) – qui tient son congrès – a élu son secrétaire général.",
        "Le président – qui arrive demain – sera reçu à Hanoï.",
    ],
)
def test_a_subject_in_brackets_is_no_dateline_and_keeps_every_word(paragraph: str) -> None:
    assert (
        opening_of(paragraph)
        == f'<p><span class="dateline" data-pagefind-ignore>PARIS (VNA) —</span> {paragraph}</p>'
    )


@pytest.mark.parametrize(
    ("paragraph", "place"),
    [
        ("Hanoi (VNA) – Le président a reçu la délégation.", "Hanoï"),
        ("Hanoï, 9 février (VNA) - Le président a reçu la délégation.", "Hanoï"),
        ("Hanoï (AVI) – Le président a reçu la délégation.", "Hanoï"),
        ("Da Nang (VNA) -Le président a reçu la délégation.", "Da Nang"),
    ],
)
def test_the_agencys_dateline_gives_way_to_the_house_one(paragraph: str, place: str) -> None:
    assert opening_of(paragraph, place) == (
        f'<p><span class="dateline" data-pagefind-ignore>{place.upper()} (VNA) —</span> Le président a reçu la délégation.</p>'
    )


@pytest.mark.parametrize(
    ("paragraph", "place", "dateline"),
    [
        ("Pékin, 3 mai – Les deux pays ont signé.", "Pékin", "Pékin, 3 mai –"),
        ("Pékin, 3 mai – Les deux pays ont signé.", "Hanoï", "Pékin, 3 mai –"),
        ("PÉKIN — Les deux pays ont signé.", "Pékin", "PÉKIN —"),
        ("<strong>PÉKIN</strong> — Les deux pays ont signé.", "Pékin", "PÉKIN —"),
        ("Pékin – Les deux pays ont signé.", "Pékin", "Pékin –"),
        ("Tokyo (VNA) – Les deux pays ont signé.", "Hanoï", "Tokyo (VNA) –"),
    ],
)
def test_an_editors_own_dateline_is_kept_as_written_and_not_doubled(
    paragraph: str, place: str, dateline: str
) -> None:
    assert opening_of(paragraph, place) == (
        f'<p><span class="dateline" data-pagefind-ignore>{dateline}</span> Les deux pays ont signé.</p>'
    )


def test_copy_without_a_source_keeps_the_agency_its_dateline_names() -> None:
    assert opening_of("Hanoï (VNA) – Les deux pays ont signé.", "Hanoï", source=None) == (
        '<p><span class="dateline" data-pagefind-ignore>HANOÏ (VNA) —</span> Les deux pays ont signé.</p>'
    )
