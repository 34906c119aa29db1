"""Editors' Markdown cannot inject scripts into pages, and the fast rendering gives the plain one's bytes."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import markdown
import nh3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revue.render.markup import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_STYLES,
    ALLOWED_TAGS,
    BodyImage,
    Dropped,
    markdown_html,
    photo_token,
    render_body,
    take_photos,
)
from revue.render.typography import LITTLE_WORDS, UNITS, french_text


def html_of(markdown_text: str) -> str:
    return render_body(markdown_text).html


def test_code_said_to_be_removed_with_its_content_is_removed_with_it() -> None:
    body = render_body("Avant.\n\n<noscript>MOTCACHE</noscript><template>MODELE</template>\n\nApres.")
    assert "MOTCACHE" not in body.html and "MODELE" not in body.html and "Apres" in body.html
    assert {dropped.message.split(" ")[1] for dropped in body.dropped} >= {"<noscript>", "<template>"}


def test_scripts_handlers_and_javascript_links_are_removed() -> None:
    html = html_of(
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


def is_inch_mark(quote: re.Match[str]) -> bool:
    """A `"` right after a digit, with no « opened in the 2,000 characters before it and not closed since
    (by » or by a `"`, which closes in the same pass)."""
    before = quote.string[max(0, quote.start() - 2000) : quote.start()]
    if quote[0] != '"' or not re.search(r"[0-9]$", before):
        return False
    opened = before.rfind("«")
    return opened < 0 or re.search(r'[»"]', before[opened:]) is not None


REFERENCE_RULES = (
    (r"(?<=\w)'|'(?=\w)", "’"),
    (rf'(?:(?<=^)|(?<=[\s(\[{NBSP}]))"{SPACES}*', f"«{NBSP}"),
    (rf'{SPACES}*"', lambda quote: "″" if is_inch_mark(quote) else f"{NBSP}»"),
    (rf"«{SPACES}*", f"«{NBSP}"),
    (rf"{SPACES}*»", f"{NBSP}»"),
    (rf"{SPACES}+(?=[;:!?])", NNBSP),
    (rf"(?<=[^\s{NBSP}{NNBSP}«(\[;:!?])(?=[;:!?](?:[\s{NBSP}»)\]!?’]|$))", NNBSP),
    (
        rf"(?<![\w.,:])(\d{{1,2}}(?:er)?){SPACES}+({MONTHS})\b(?:{SPACES}+(\d{{4}})(?!\d|,\d))?",
        lambda date: NBSP.join(
            part for part in ("1er" if date[1] in ("1", "1er") else date[1], date[2], date[3]) if part
        ),
    ),
    (rf"(?<!\w)({MONTHS}){SPACES}+(\d{{4}})(?!\d|,\d)", rf"\1{NBSP}\2"),
    (rf"(?<=\d){SPACES}*%", f"{NNBSP}%"),
    (
        rf"(?<![\w.,])(?<!\d[ {NBSP}{NNBSP}])\d{{1,3}}(?:[ {NBSP}{NNBSP}]\d{{3}})+(?!\d|[ {NBSP}{NNBSP}]\d)",
        lambda number: re.sub(f"[ {NBSP}]", NNBSP, number[0]),
    ),
    (
        rf"(?<![\w.,])(?<!\d[ {NBSP}{NNBSP}])\d{{5,}}(?={SPACES}+(?:{UNITS})(?!\w))",
        lambda number: re.sub(r"(?<=\d)(?=(?:\d{3})+$)", NNBSP, number[0]),
    ),
    (
        rf"(?<![\w.,:-])(?<!\d[ {NBSP}{NNBSP}])(\d[\d{NNBSP},.]*\d|\d)[ \t\n]+([^\W\d_][\w²³]*)",
        lambda found: (
            found[0]
            if found[2].lower() in LITTLE_WORDS
            or (re.fullmatch(r"(?:1[89]|20)\d\d", found[1]) and not re.fullmatch(UNITS, found[2]))
            else f"{found[1]}{NBSP}{found[2]}"
        ),
    ),
    (
        r"(?i)(?<!\w)(?:Hanoi|Ha\s?Noi|Hà\s?Nội)(?!\w)",
        lambda place: "HANOÏ" if place[0].isupper() else "Hanoï",
    ),
    (
        r"(?i)(?<!\w)H[oô][\s-]?Chi[\s-]?Minh[\s-]?Ville(?!\w)",
        lambda place: "HÔ CHI MINH-VILLE" if place[0].isupper() else "Hô Chi Minh-Ville",
    ),
)
BLOCKS = {"p", "li", "td", "th", "br", "h2", "h3", "h4", "h5", "h6", "blockquote"}


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
            escaped = html.escape(text, quote=False)
            out.append(re.sub(r"(?<![\w.,-])(\d+)(ers?|res?|es?)(?!\w)", r"\1<sup>\2</sup>", escaped))
    return "".join(out)


def reference_markdown_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")


def reference_headings(fragment: str) -> str:
    """The largest heading becomes h2, the others keep their distance below it, down to h6."""
    levels = [int(level) for level in re.findall(r"<[hH]([1-6])[\s>]", fragment)]
    return re.sub(
        r"<(/?)[hH]([1-6])(?=[\s>])", lambda m: f"<{m[1]}h{min(6, int(m[2]) - min(levels) + 2)}", fragment
    )


def reference_body_html(text: str) -> str:
    cleaned = nh3.clean(
        reference_headings(reference_markdown_html(text)),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        filter_style_properties=ALLOWED_STYLES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return reference_french_html(re.sub(r"<p>\s*</p>\n?", "", cleaned))


# French-ish agency copy: words, the characters the typography rules act on, dates, and Markdown.
WORDS = [
    "l'Etat", "aujourd'hui", "Hanoï", "Vietnam-Japon", "M.", "coopération", "11", "2021", "mai", "juin",
    "6%", "200 000", "200000", "1,5", "75001", "024 3825 1234", "tonnes", "USD", "km", "mots",
    "Hanoi", "HANOI", "Ha Noi", "Hà Nội", "Ho Chi Minh Ville", "Hô-Chi-Minh-Ville", "février", "novembre 2023",
    "2e", "21e", "1re", "1ers", "masques", "au", "et", "COVID-19", "2020-2021",
]  # fmt: skip
PROSE = [
    " ", "  ", " ", ",", ".", "'", '"', "«", "»", " « ", " » ", ";", ":", "!", "?", "?!", " :", " ;",
    "(", ")", "1 mai", "1er janvier", "1  août", "le 21 juin", "10:30", "’", NBSP, NNBSP, ".\nLe ",
    "%", " %", "000", " 000", "5", ",", ".",
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
    assert html_of(text) == reference_body_html(text)


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


IMAGE = "image « https://vnanet.vn/photo.jpg » retirée — le site ne publie que les photos enregistrées dans content/ : enregistrez-la à côté de l’article et écrivez `![description](nom.jpg)`"
IFRAME = "« <iframe> » (https://www.youtube.com/embed/x) retiré — le site n’intègre pas le contenu d’autres sites (vidéo, carte, publication) : mettez plutôt un lien, [texte](https://…)"
DIV = "balise « <div> » retirée, son texte est gardé — mettez-le en forme en Markdown : une ligne vide entre deux paragraphes, **gras**, *italique*, ## intertitre"


def test_a_remote_image_leaves_no_empty_paragraph_and_is_reported_on_its_line() -> None:
    body = render_body(
        "Premier paragraphe.\n\n![Le pont](pont.jpg)\n\n![Le président](https://vnanet.vn/photo.jpg)\n\nFin.\n"
    )
    assert body.html == f"<p>Premier paragraphe.</p>\n<p>{photo_token(0)}</p>\n<p>Fin.</p>"
    assert body.dropped == (Dropped(5, IMAGE),)


def test_an_image_naming_a_file_is_a_photo_with_its_line_alt_text_and_caption() -> None:
    body = render_body(
        'Texte.\n\n![Le pont Long Bien](medias/pont.jpg "Hanoï, 2024")\n\n<img src="port.png">\n'
    )
    assert body.images == (
        BodyImage(3, "medias/pont.jpg", "Le pont Long Bien", "Hanoï, 2024"),
        BodyImage(5, "port.png", "", ""),
    )
    assert body.html == f"<p>Texte.</p>\n<p>{photo_token(0)}</p>\n<p>{photo_token(1)}</p>"
    assert body.dropped == ()


def test_embedded_frames_and_html_blocks_are_reported_with_how_to_fix_them() -> None:
    body = render_body(
        "Texte.\n\n<iframe src='https://www.youtube.com/embed/x'></iframe>\n\n"
        '<div class="encadre">Chiffres clés</div>\n\n<script>alert(1)</script>\n'
    )
    assert "Chiffres clés" in body.html
    assert body.dropped == (
        Dropped(3, IFRAME),
        Dropped(5, DIV),
        Dropped(7, "« <script> » retiré avec son contenu — une page ne publie ni code ni style : retirez-le"),
    )


def test_links_and_attributes_the_sanitiser_removes_are_reported() -> None:
    body = render_body(
        "Voir [le texte](javascript:alert(1)).\n\n<p class='note'>Note.</p>\n\n[VNA](https://vnanet.vn)\n"
    )
    assert body.dropped == (
        Dropped(
            1,
            "lien « javascript:alert(1) » retiré, son texte est gardé — une adresse de lien commence "
            "par https://, http:// ou mailto:",
        ),
        Dropped(3, "attribut « class » de « <p> » retiré — la mise en forme vient du site : retirez-le"),
    )


def test_words_in_angle_brackets_are_reported_as_taken_for_html() -> None:
    body = render_body("La délégation de <Gunma> est arrivée.")
    assert body.html == "<p>La délégation de  est arrivée.</p>"
    assert body.dropped == (
        Dropped(
            1,
            "« <Gunma> » lu comme une balise HTML, et retiré — pour montrer des chevrons, écrivez "
            "&lt;Gunma&gt;, ou mettez des guillemets : « Gunma »",
        ),
    )


def test_html_shown_as_code_is_not_reported_and_lines_skip_it() -> None:
    body = render_body("Le code `<div>` est montré.\n\nMais <div>ceci</div> non.\n")
    assert "<code>&lt;div&gt;</code>" in body.html
    assert body.dropped == (Dropped(3, DIV),)


@pytest.mark.parametrize(
    ("markdown_text", "expected"),
    [
        ("# Un\n\n## Deux\n\n###### Six", "<h2>Un</h2>\n<h3>Deux</h3>\n<h6>Six</h6>"),
        ("## Deux\n\n### Trois", "<h2>Deux</h2>\n<h3>Trois</h3>"),
        ("### Trois seul", "<h2>Trois seul</h2>"),
        ("Titre\n=====\n\nTexte", "<h2>Titre</h2>\n<p>Texte</p>"),
        ("##### Cinq\n\nTexte", "<h2>Cinq</h2>\n<p>Texte</p>"),
    ],
)
def test_every_heading_keeps_a_heading_tag_below_the_page_title(markdown_text: str, expected: str) -> None:
    body = render_body(markdown_text)
    assert (body.html, body.dropped) == (expected, ())


def test_markdown_the_site_keeps_is_not_reported() -> None:
    body = render_body(
        "*Italique*, **gras**, [lien](https://vnanet.vn) et <https://vnanet.vn>.\n\n"
        "3. trois\n4. quatre\n\n| a | b |\n|:--|--:|\n| c | d |\n\n<!-- note pour la rédaction -->\n"
    )
    assert body.dropped == ()
    assert '<ol start="3">' in body.html
    assert '<th style="text-align:left">a</th>' in body.html
    assert "note pour la rédaction" not in body.html


class StartTags(HTMLParser):
    """Every start tag with its attributes, by an HTML parser that owes nothing to markup.py."""

    def __init__(self, fragment: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[tuple[str, str], ...]]] = []
        self.feed(fragment)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = tuple(sorted((name, kept_value(name, value or "")) for name, value in attrs if name != "rel"))
        self.tags.append((re.sub("^h[1-6]$", "h", tag), kept))


def kept_value(name: str, value: str) -> str:
    """What matters in an attribute's value: a style's declarations, or only that it is there."""
    return re.sub(r"[\s;]", "", value) if name == "style" else ""


HTML_PIECES = [
    "![photo](photo.jpg)", "<img src=a.jpg>", "<iframe src='https://x.vn'></iframe>", "<div>bloc</div>",
    "<span class=x>mot</span>", "<script>a()</script>", "<style>p{}</style>", "<!-- note -->",
    "<p class='x'>para</p>", "[lien](javascript:a())", "[lien](/articles/a/)", "<Gunma>", "<br>", "<em>e</em>",
    "`<div>`", "\n# Titre\n", "\n##### Cinq\n", "\n| a | b |\n|:--|---|\n| c | d |\n", "\n3. trois\n",
    "<a href='https://x.vn' target=_blank>x</a>", "<b>gras</b>", "\n<h1>Grand</h1>\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + PROSE + HTML_PIECES), max_size=25).map("".join))
def test_whatever_the_sanitiser_removes_is_reported_and_nothing_else(text: str) -> None:
    before = StartTags(take_photos(markdown_html(text), text)[0]).tags  # a file's image is a photo
    body = render_body(text)
    after = StartTags(body.html).tags
    # The typography raises ordinals (`1<sup>er</sup>`): a plain <sup> is never one the sanitiser removes.
    before, after = ([tag for tag in tags if tag != ("sup", ())] for tags in (before, after))
    assert (before != after) == bool(body.dropped), (before, after, body.dropped)
