"""Escaping: a paragraph's Markdown renders back to exactly the paragraph's text."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from revue.ingest.agency_text import normalise_spaces
from revue.ingest.markdown_text import escape


def rendered_text(paragraph: str) -> str:
    """What a reader sees: the rendered HTML's text."""
    rendered = markdown.markdown(escape(paragraph))
    return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()


@pytest.mark.parametrize(
    "paragraph",
    [
        "- une liste qui n'en est pas une",
        "+ plus",
        "1. premier point",
        "2025. Une année",
        "# pas un titre",
        "> pas une citation",
        "---",
        "* étoile",
        "a * b et _souligné_ et **gras**",
        "<b>pas du HTML</b> & &eacute; &#65;",
        "[lien](http://example.org) et ![image](x.png) et `code` et \\",
    ],
)
def test_markup_stays_literal_text(paragraph: str) -> None:
    assert rendered_text(paragraph) == paragraph


def test_plain_french_text_is_written_as_is() -> None:
    assert (
        escape("Le 14ᵉ Congrès « l’amitié » – 500.000 (PLD).")
        == "Le 14ᵉ Congrès « l’amitié » – 500.000 (PLD)."
    )


MARKUP = st.sampled_from(list("-+*_#>=1.<&;`[]()!\\|:~ aé\t")) | st.characters(blacklist_categories=("Cs",))


@given(st.text(alphabet=MARKUP, max_size=80))
def test_any_paragraph_round_trips(raw: str) -> None:
    paragraph = normalise_spaces(raw)
    if paragraph:
        assert rendered_text(paragraph) == paragraph
