"""Editors' Markdown cannot inject scripts into pages, and the fast rendering gives the plain one's bytes."""

from __future__ import annotations

import html
import re

import markdown
import nh3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revue.render.markup import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, body_html, markdown_html
from revue.render.typography import french_text


def test_scripts_handlers_and_javascript_links_are_removed() -> None:
    html = body_html(
        'Texte <script>alert(1)</script> <img src=x onerror="alert(2)">\n\n'
        '[lien](javascript:alert(3)) <a href="https://vnanet.vn" onclick="alert(4)">VNA</a>\n\n'
        "<iframe src='https://evil.example'></iframe><style>body{}</style>"
    )
    for forbidden in (
        "<script",
        "alert(1)",
        "onerror",
        "javascript:",
        "onclick",
        "<iframe",
        "<style",
        "<img",
    ):
        assert forbidden not in html
    assert '<a href="https://vnanet.vn" rel="noopener noreferrer">VNA</a>' in html


# The reference: body rendering as it was written before it was made fast, rule by rule, no shortcuts
# (a new Markdown converter per text, every rule on every text node). Keep it that simple.
NBSP, NNBSP = "\u00a0", "\u202f"
MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
SPACES = f"[ \t{NBSP}{NNBSP}]"
REFERENCE_RULES = (
    (r"(?<=\w)'|'(?=\w)", "’"),
    (rf'(?:(?<=^)|(?<=[\s(\[{NBSP}]))"{SPACES}*', f"«{NBSP}"),
    (rf'{SPACES}*"', f"{NBSP}»"),
    (rf"«{SPACES}*", f"«{NBSP}"),
    (rf"{SPACES}*»", f"{NBSP}»"),
    (rf"{SPACES}+(?=[;:!?])", NNBSP),
    (rf"(?<=[^\s{NBSP}{NNBSP}«(\[;:!?])(?=[;:!?](?:[\s{NBSP}»)\]!?’]|$))", NNBSP),
    (rf"\b1(?:er)?{SPACES}+(?=(?:{MONTHS})\b)", f"1er{NBSP}"),
)
BLOCKS = {"p", "li", "td", "th", "br", "h2", "h3", "h4", "blockquote"}


def reference_french_text(text: str) -> str:
    parts = re.split(r"(https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+)", text)
    for index in range(0, len(parts), 2):
        for pattern, replacement in REFERENCE_RULES:
            parts[index] = re.sub(pattern, replacement, parts[index])
    return "".join(parts)


def reference_french_html(fragment: str) -> str:
    out: list[str] = []
    inside_code = 0
    before = ""
    for part in re.split(r"(<!--.*?-->|<[^>]*>)", fragment, flags=re.S):
        if part.startswith("<"):
            match = re.match(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)", part)
            if match and match[2].lower() in {"code", "pre", "kbd", "samp", "script", "style"}:
                inside_code = max(0, inside_code + (-1 if match[1] else 1))
            if match and match[2].lower() in BLOCKS:
                before = ""
            out.append(part)
        elif inside_code or not part:
            out.append(part)
        else:
            text = html.unescape(part)
            result = reference_french_text(before + text)
            text = (
                result[len(before) :] if before and result.startswith(before) else reference_french_text(text)
            )
            before = text[-1:] or before
            out.append(html.escape(text, quote=False))
    return "".join(out)


def reference_markdown_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")


def reference_body_html(text: str) -> str:
    cleaned = nh3.clean(
        reference_markdown_html(text),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return reference_french_html(cleaned)


# French-ish agency copy: words, the characters the typography rules act on, dates, and Markdown.
WORDS = ["l'Etat", "aujourd'hui", "Hanoï", "Vietnam-Japon", "M.", "coopération", "11", "2021", "mai", "juin"]
PROSE = [
    " ", "  ", " ", ",", ".", "'", '"', "«", "»", " « ", " » ", ";", ":", "!", "?", "?!", " :", " ;",
    "(", ")", "1 mai", "1er janvier", "1  août", "le 21 juin", "10:30", "’", NBSP, NNBSP, ".\nLe ",
    ".\n\nLe ", ".\n\n\nIl ",
]  # fmt: skip
MARKUP = [
    "\t", "\r\n", "\r", "&", "&amp;", "&lt;", "&#39;", "&nbsp;", "<", ">", "*", "_", "`", "\\", "[", "]", "|",
    "#", "=", "-", "+", "~", "*em*", "**fort**", "_x_", "`a = 'b'; c?`", "[lien](https://x.vn/?q=a:b \"l'Etat\")",
    "[lien]: https://x.vn", "https://fr.vietnamplus.vn/a?b=c'd:", "redaction@vnanet.vn!", "www.vnanet.vn",
    "<em>\"Doi moi\"</em>", "<code>'x'</code>", "<script>a('b')</script>", "\x02", "\x85", "\u2028", "\x0c",
    "\n- ", "\n+ ", "\n* ", "\n1. ", "\n2021. ", "\n1) ", "\n# ", "\n## ", "\n> ", "\n ", "\n   ", "\n    ",
    "\n", "\n\t", "\n" + NBSP, " \n", "  \n", "\n\n \n", "\n---\n", "\n===\n", "\n___\n", "\n| a | b |\n|---|---|\n| c : | d |\n",
]  # fmt: skip
prose = st.lists(st.sampled_from(WORDS + PROSE), max_size=30)


@st.composite
def french_markdown(draw: st.DrawFn, most: int = 3) -> str:
    """Prose with up to `most` pieces of Markdown, HTML or odd characters put anywhere in it."""
    pieces = draw(prose)
    for _ in range(draw(st.integers(0, most))):
        pieces.insert(draw(st.integers(0, len(pieces))), draw(st.sampled_from(MARKUP)))
    return "".join(pieces)


@settings(max_examples=1000, deadline=None)
@given(french_markdown(most=1))
def test_markdown_html_gives_the_reference_html(text: str) -> None:
    """Mostly prose, with one piece at most: what puts the plain-prose shortcut to the test."""
    assert markdown_html(text) == reference_markdown_html(text)


@settings(max_examples=500, deadline=None)
@given(french_markdown())
def test_body_html_gives_the_reference_bytes(text: str) -> None:
    assert markdown_html(text) == reference_markdown_html(text)
    assert body_html(text) == reference_body_html(text)


@settings(max_examples=500, deadline=None)
@given(french_markdown())
def test_french_text_follows_the_reference_rules(text: str) -> None:
    assert french_text(text) == reference_french_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "", "\n\n", "Le 1 mai.\n\n\nIl a dit \"oui\" : l'Etat!", "a\tb", "a\rb", "a\x0cb", "a\x02b", "1. a", "2021. a",
        "1) a", "a  \nb", "a \n\nb", "a\n\n \nb", " a", "    a", "\ta", "\u00a0a", "a\u00a0", "# a", "- a", "+ a",
        "> a", "a\n---", "a\n===", "x_y_z", "a*b*", "a & b", "a < b", "a | b\n--|--", "[a]: https://x.vn",
    ],
)  # fmt: skip
def test_markdown_html_edge_cases_give_the_reference_html(text: str) -> None:
    assert markdown_html(text) == reference_markdown_html(text)
