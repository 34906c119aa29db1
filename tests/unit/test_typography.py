"""French typography: what a French reader expects, and never a change inside URLs, tags or code."""

from __future__ import annotations

import pytest

from revue.render.typography import french_html, french_markup, french_text

NBSP = "\u00a0"
NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("l'Etat et aujourd'hui", "l’Etat et aujourd’hui"),
        ('il a dit "Doi moi" hier', f"il a dit «{NBSP}Doi moi{NBSP}» hier"),
        ("«80 ans d’indépendance»", f"«{NBSP}80{NBSP}ans d’indépendance{NBSP}»"),
        ("« déjà espacés »", f"«{NBSP}déjà espacés{NBSP}»"),
        ("Photo: VNA", f"Photo{NNBSP}: VNA"),
        ("Pourquoi ? Enfin !", f"Pourquoi{NNBSP}? Enfin{NNBSP}!"),
        ("défense ; sécurité", f"défense{NNBSP}; sécurité"),
        ("Vraiment?!", f"Vraiment{NNBSP}?!"),
        ("le 1 mai 2020 et le 1er janvier", f"le 1er{NBSP}mai{NBSP}2020 et le 1er{NBSP}janvier"),
        ("le 11 mai, le 21 juin", f"le 11{NBSP}mai, le 21{NBSP}juin"),
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
        ("200 000 personnes", f"200{NNBSP}000{NBSP}personnes"),
        (f"200{NBSP}000 personnes", f"200{NNBSP}000{NBSP}personnes"),
        ("1 000 000 de doses", f"1{NNBSP}000{NNBSP}000 de doses"),
        ("1 500,5 tonnes", f"1{NNBSP}500,5{NBSP}tonnes"),
        ("200000 tonnes de riz", f"200{NNBSP}000{NBSP}tonnes de riz"),
        ("15000 USD", f"15{NNBSP}000{NBSP}USD"),
        ("1250000 dollars", f"1{NNBSP}250{NNBSP}000{NBSP}dollars"),
        ("12000 km²", f"12{NNBSP}000{NBSP}km²"),
        ("une croissance de 1 000 %", f"une croissance de 1{NNBSP}000{NNBSP}%"),
    ],
)
def test_numbers_get_narrow_no_break_spaces(typed: str, expected: str) -> None:
    assert french_text(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("en 2023 et 2024", "en 2023 et 2024"),  # years
        ("2023 dollars", f"2023{NBSP}dollars"),  # four digits stay solid
        ("75001 Paris", f"75001{NBSP}Paris"),  # a postal code: no unit follows
        ("200000 masques", f"200000{NBSP}masques"),  # no unit of measure nor currency: left as written
        (
            "appelez le 024 3825 1234 ou le +84 24 3825 1234",
            "appelez le 024 3825 1234 ou le +84 24 3825 1234",
        ),
        ("12 345 6789", "12 345 6789"),  # groups that are not thousands
        ("en 2023 200 000 touristes", "en 2023 200 000 touristes"),  # a year touching the number: which?
        ("1,5 million", f"1,5{NBSP}million"),  # decimals
        ("0,125 mm", f"0,125{NBSP}mm"),
        ("140.000 masques", f"140.000{NBSP}masques"),  # the agency's dotted thousands: left to the editor
        ("COVID-19 et A320", "COVID-19 et A320"),
        ("https://fr.vietnamplus.vn/200000 tonnes", "https://fr.vietnamplus.vn/200000 tonnes"),
    ],
)
def test_years_codes_phone_numbers_and_decimals_keep_their_digits(typed: str, expected: str) -> None:
    assert french_text(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("le 20 novembre 2023, à", f"le 20{NBSP}novembre{NBSP}2023, à"),
        ("le 20\nnovembre  2023", f"le 20{NBSP}novembre{NBSP}2023"),
        ("en février 2023.", f"en février{NBSP}2023."),
        ("du 3 au 5 novembre", f"du 3 au 5{NBSP}novembre"),
        ("140 000 masques médicaux", f"140{NNBSP}000{NBSP}masques médicaux"),
        ("en 2020 et le mandat 2020-2021", "en 2020 et le mandat 2020-2021"),  # a year, not a quantity
        ("la COVID-19 dans le monde", "la COVID-19 dans le monde"),
        ("un accord sur 3 ans", f"un accord sur 3{NBSP}ans"),
        ("Fin 2025 Le Japon", "Fin 2025 Le Japon"),
        ("l’an 2000 ou 2001", "l’an 2000 ou 2001"),
        ("décembre2023", "décembre2023"),
    ],
)
def test_dates_and_counted_words_never_break(typed: str, expected: str) -> None:
    assert french_text(typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("reçu jeudi à Hanoi la délégation", "reçu jeudi à Hanoï la délégation"),
        ("HANOI (VNA) –", "HANOÏ (VNA) –"),
        ("de Ha Noi à Hà Nội", "de Hanoï à Hanoï"),
        ("Ho Chi Minh-Ville et Hô Chi Minh Ville", "Hô Chi Minh-Ville et Hô Chi Minh-Ville"),
        ("le président Hô Chi Minh", "le président Hô Chi Minh"),  # a man, not the city
        ("les Hanoiens", "les Hanoiens"),
    ],
)
def test_a_place_has_one_spelling(typed: str, expected: str) -> None:
    assert french_text(typed) == expected


def test_ordinals_are_raised_in_html_only() -> None:
    assert french_text("le 1 mai, le 2e sommet") == f"le 1er{NBSP}mai, le 2e sommet"
    assert french_html("<p>le 1 mai, le 2e sommet, la 1re fois, COVID-19e</p>") == (
        f"<p>le 1<sup>er</sup>{NBSP}mai, le 2<sup>e</sup> sommet, la 1<sup>re</sup> fois, COVID-19e</p>"
    )
    assert french_markup("Le 1er mai & après") == f"Le 1<sup>er</sup>{NBSP}mai &amp; après"


def test_numbers_in_code_and_attributes_are_left_alone() -> None:
    fragment = '<p><a href="https://x.vn/?q=6%" title="200 000">6%</a> <code>200 000 t; 6%</code></p>'
    assert french_html(fragment) == (
        f'<p><a href="https://x.vn/?q=6%" title="200 000">6{NNBSP}%</a> <code>200 000 t; 6%</code></p>'
    )
