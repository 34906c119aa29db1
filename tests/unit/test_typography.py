"""French typography: what a French reader expects, and never a change inside URLs, tags or code."""

from __future__ import annotations

import pytest

from revue.render.typography import french_html, french_text

NBSP = "\u00a0"
NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("l'Etat et aujourd'hui", "l’Etat et aujourd’hui"),
        ('il a dit "Doi moi" hier', f"il a dit «{NBSP}Doi moi{NBSP}» hier"),
        ("«80 ans d’indépendance»", f"«{NBSP}80 ans d’indépendance{NBSP}»"),
        ("« déjà espacés »", f"«{NBSP}déjà espacés{NBSP}»"),
        ("Photo: VNA", f"Photo{NNBSP}: VNA"),
        ("Pourquoi ? Enfin !", f"Pourquoi{NNBSP}? Enfin{NNBSP}!"),
        ("défense ; sécurité", f"défense{NNBSP}; sécurité"),
        ("Vraiment?!", f"Vraiment{NNBSP}?!"),
        ("le 1 mai 2020 et le 1er janvier", f"le 1er{NBSP}mai 2020 et le 1er{NBSP}janvier"),
        ("le 11 mai, le 21 juin", "le 11 mai, le 21 juin"),
        ("à 10:30 précises", "à 10:30 précises"),
    ],
)
def test_plain_text_follows_french_rules(typed: str, expected: str) -> None:
    assert french_text(typed) == expected


def test_urls_and_addresses_are_left_alone() -> None:
    text = "Voir https://fr.vietnamplus.vn/a?b=c'd: ou redaction@vnanet.vn!"
    assert french_text(text) == "Voir https://fr.vietnamplus.vn/a?b=c'd: ou redaction@vnanet.vn!"


def test_html_changes_text_but_never_tags_attributes_or_code() -> None:
    fragment = (
        '<p><a href="https://x.vn/?q=a:b" title="l\'Etat">l\'Etat</a>: '
        "<code>a = 'b'; c?</code> &amp; fin!</p>"
    )
    assert french_html(fragment) == (
        '<p><a href="https://x.vn/?q=a:b" title="l\'Etat">l’Etat</a>' + NNBSP + ": "
        "<code>a = 'b'; c?</code> &amp; fin" + NNBSP + "!</p>"
    )


def test_quotes_around_markup_pair_up() -> None:
    assert french_html('<p>"<em>Doi moi</em>"</p>') == f"<p>«{NBSP}<em>Doi moi</em>{NBSP}»</p>"


def test_entities_stay_escaped() -> None:
    assert french_html("<p>a &lt;b&gt; &amp; c</p>") == "<p>a &lt;b&gt; &amp; c</p>"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("une hausse de 6%", f"une hausse de 6{NNBSP}%"),
        ("une hausse de 6 %", f"une hausse de 6{NNBSP}%"),
        ("6,5 % du PIB", f"6,5{NNBSP}% du PIB"),
        ("200 000 personnes", f"200{NNBSP}000 personnes"),
        (f"200{NBSP}000 personnes", f"200{NNBSP}000 personnes"),
        ("1 000 000 de doses", f"1{NNBSP}000{NNBSP}000 de doses"),
        ("1 500,5 tonnes", f"1{NNBSP}500,5 tonnes"),
        ("200000 tonnes de riz", f"200{NNBSP}000 tonnes de riz"),
        ("15000 USD", f"15{NNBSP}000 USD"),
        ("1250000 dollars", f"1{NNBSP}250{NNBSP}000 dollars"),
        ("12000 km²", f"12{NNBSP}000 km²"),
        ("une croissance de 1 000 %", f"une croissance de 1{NNBSP}000{NNBSP}%"),
    ],
)
def test_numbers_get_narrow_no_break_spaces(typed: str, expected: str) -> None:
    assert french_text(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "en 2023 et 2024",  # years
        "2023 dollars",  # four digits stay solid
        "75001 Paris",  # a postal code: no unit follows
        "200000 masques",  # no unit of measure nor currency: left as written
        "appelez le 024 3825 1234 ou le +84 24 3825 1234",  # phone numbers
        "12 345 6789",  # groups that are not thousands
        "en 2023 200 000 touristes",  # a year touching the number: which is which?
        "1,5 million",  # decimals
        "0,125 mm",
        "140.000 masques",  # the agency's dotted thousands: left to the editor
        "COVID-19 et A320",
        "https://fr.vietnamplus.vn/200000 tonnes",
    ],
)
def test_years_codes_phone_numbers_and_decimals_are_left_alone(typed: str) -> None:
    assert french_text(typed) == typed


def test_numbers_in_code_and_attributes_are_left_alone() -> None:
    fragment = '<p><a href="https://x.vn/?q=6%" title="200 000">6%</a> <code>200 000 t; 6%</code></p>'
    assert french_html(fragment) == (
        f'<p><a href="https://x.vn/?q=6%" title="200 000">6{NNBSP}%</a> <code>200 000 t; 6%</code></p>'
    )
