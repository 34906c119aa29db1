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
