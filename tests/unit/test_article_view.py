"""The article body as shown: the dateline opens the first paragraph, the standfirst is said once."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

from revue.render.article_view import arrange_body
from revue.site.model import Article, Source

STANDFIRST = "Le président a reçu jeudi à Hanoi la délégation de Gunma, en visite au Vietnam."


def article(summary: str = STANDFIRST, place: str = "Hanoï") -> Article:
    return Article(
        Path("content/a.md"), "Titre", datetime.date(2016, 2, 18), (), summary, place,
        Source("VNA", None, None), (), "a", False, "", 5, 1,
    )  # fmt: skip


def test_a_repeated_standfirst_is_shown_once_with_the_dateline_first() -> None:
    body = "<p>Hanoi (VNA) – Le président a reçu jeudi à Hanoi la délégation de Gunma conduite par M. Osawa, en visite au Vietnam.</p>\n<p>Suite.</p>"
    shown = arrange_body(body, article())
    assert not shown.show_standfirst
    assert shown.html.startswith(
        '<p class="standfirst"><span class="dateline">HANOÏ (VNA) —</span> Le président'
    )
    assert shown.html.count("(VNA)") == 1
    assert shown.html.endswith("<p>Suite.</p>")


def test_a_different_first_paragraph_keeps_the_standfirst() -> None:
    shown = arrange_body("<p>Les deux pays ont signé trois accords sur l’énergie.</p>", article())
    assert shown.show_standfirst
    assert (
        shown.html
        == '<p><span class="dateline">HANOÏ (VNA) —</span> Les deux pays ont signé trois accords sur l’énergie.</p>'
    )


def test_reading_time_counts_words() -> None:
    assert arrange_body("<p>" + "mot " * 1000 + "</p>", article(summary="")).minutes == 5
    assert arrange_body("<p>Court.</p>", article(summary="")).minutes == 1


def test_the_newsrooms_own_copy_names_no_agency_in_its_dateline() -> None:
    own = replace(article(summary=""), source=None)
    shown = arrange_body("<p>Les deux pays ont signé trois accords.</p>", own)
    assert shown.html.startswith('<p><span class="dateline">HANOÏ —</span> Les deux pays')
