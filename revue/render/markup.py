"""Article bodies: Markdown → HTML that cannot carry a script, whatever an editor pasted.

What the sanitiser takes out (a remote image, an embedded video, a `<div>`, a `javascript:` link) is
not lost in silence: `render_body` says what, on which line of the body, and how to write it instead.
An image naming a file (`![texte alternatif](pont.jpg)`) is a photo of the article: it leaves the body
as a token that the page replaces with the photo's sizes (render/photos.py), once the build made them.
"""

from __future__ import annotations

import html
import re
import threading
from dataclasses import dataclass

import markdown
import nh3

from revue.core import messages
from revue.render.typography import french_html

ALLOWED_TAGS = {
    "p", "a", "em", "strong", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "h5", "h6",
    "br", "hr", "code", "pre", "abbr", "sup", "sub", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
# `start`: a list the editor numbered from 3 starts at 3; `style`: a table column's alignment (`|:--|`),
# the one property kept (ALLOWED_STYLES).
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"scope", "style"},
    "td": {"style"},
}
ALLOWED_STYLES = {"text-align"}
URL_SCHEMES = {"http", "https", "mailto"}

# Plain prose: lines of text in paragraphs, with nothing Python-Markdown would read as syntax. For such a
# text it only wraps each paragraph in <p>…</p>, so that is done here, without its parser (most bodies are
# like that). tests/unit/test_markup.py checks both paths give the same HTML; widen this only with it.
NOT_PLAIN = re.compile(
    r"[\\`*_\[\]<>&|\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029]"
)  # syntax, HTML, entities, tables, tabs
# Searched in "\n" + text + "\n", from each line break (a multiline ^ or $ is tried at every position):
# whitespace at a line's end (a line break, a blank line that is not empty), or a line that may open a
# block: indented (code), list, heading, quote, rule, setext underline.
NOT_PLAIN_LINE = re.compile(r"\n(?:(?<=[^\S\n]\n)|[^\S\n]|[-+=#>]|\d+\.)")
PARAGRAPH_BREAK = re.compile(r"\n{2,}")

# The page title is the h1, so a body's headings are h2 to h6: its largest heading (`#`, or `##` when
# the body has no `#`) becomes h2 and the others keep their distance below it, down to h6 at most.
HEADING = re.compile(r"<(/?)[hH]([1-6])(?=[\s>])")
KEPT_TAGS = ALLOWED_TAGS | {"h1"}  # Markdown's tags that reach the page: h1 as h2 (body_headings)
EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>\n?")  # what is left of a paragraph that held only an image

# The elements of Markdown's HTML (before sanitising), to find what the sanitiser will take out.
# Comments are notes to colleagues, meant to stay out of the page: they are skipped, never reported.
ELEMENT = re.compile(
    r"""<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>
    |<([a-zA-Z][^\s/>]*)((?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*/?>""",
    re.S | re.I | re.X,
)
ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>"']+))?""")
SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")
ALIGNMENT_ONLY = re.compile(r"^\s*(?:text-align\s*:\s*[a-z]+\s*;?\s*)*$", re.I)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)  # its `<div>` is shown, not dropped

IMAGES = {"img", "picture"}
EMBEDDED = {
    "iframe", "frame", "frameset", "video", "audio", "source", "track", "object", "embed", "applet",
    "svg", "canvas", "math", "map", "area",
}  # fmt: skip
CODE = {"script", "style", "noscript", "template", "link", "meta", "base"}
CODE_WITH_CONTENT = CODE - {"link", "meta", "base"}  # void elements: no content to drop
VOID = {"input", "wbr", "col", "keygen", "param", "command"}  # no text of their own to keep
# Tags a browser knows; `<Hanoï>` or `<note>` is text the editor meant to show in angle brackets.
HTML_TAGS = nh3.ALLOWED_TAGS | IMAGES | EMBEDDED | CODE | VOID | {
    "form", "button", "select", "option", "optgroup", "textarea", "label", "fieldset", "legend", "datalist",
    "output", "progress", "meter", "dialog", "slot", "font", "big", "blink", "marquee", "nobr", "html",
    "head", "body", "title", "main", "section", "search", "menu", "portal",
}  # fmt: skip

SHOWN_LENGTH = 60  # characters of an address quoted in a message


@dataclass(frozen=True)
class Dropped:
    """Something in a body that readers will not see: its 1-based line in the body, and what to do."""

    line: int
    message: str


@dataclass(frozen=True)
class Link:
    """A link in a body to this site (no scheme, no host): its 1-based line in the body, and its
    address as written. Where it leads depends on the other articles (see links.py), so the cached
    HTML keeps it as written."""

    line: int
    href: str


@dataclass(frozen=True)
class BodyImage:
    """An image of the body that names a file: a photo, at its 1-based line in the body."""

    line: int
    file: str
    alt: str
    title: str  # `![alt](file "title")`: the photo's caption


@dataclass(frozen=True)
class RenderedBody:
    """A body's HTML, everything of the Markdown that did not make it into that HTML, its links to
    this site, and its photos, each left in the HTML as `photo_token(index)`."""

    html: str
    dropped: tuple[Dropped, ...]
    links: tuple[Link, ...] = ()
    images: tuple[BodyImage, ...] = ()


# Private-use characters: kept as text by the sanitiser and the typography, never typed by an editor.
PHOTO_TOKEN = re.compile("\ue000(\\d+)\ue001")
IMAGE_IN_MARKDOWN = re.compile(r"!\[|<img\b", re.I)


def photo_token(index: int) -> str:
    return f"\ue000{index}\ue001"


class _Converters(threading.local):
    """One Markdown converter per thread, reset between texts: building one costs more than most bodies,
    so it is built when a body first needs it (many builds render none)."""

    markdown: markdown.Markdown | None = None


_converters = _Converters()


def converter() -> markdown.Markdown:
    """This thread's converter. Its extensions are given as objects: given by name, Markdown looks
    them up among the entry points of every installed package, which costs every build 15 ms."""
    if _converters.markdown is None:
        from markdown.extensions.sane_lists import SaneListExtension
        from markdown.extensions.tables import TableExtension

        _converters.markdown = markdown.Markdown(
            extensions=[TableExtension(), SaneListExtension()], output_format="html"
        )
    return _converters.markdown


def is_plain(markdown_text: str) -> bool:
    """Is the text plain prose, which Python-Markdown would only cut into paragraphs?"""
    return NOT_PLAIN.search(markdown_text) is None and NOT_PLAIN_LINE.search(f"\n{markdown_text}\n") is None


def plain_html(markdown_text: str) -> str:
    """What Python-Markdown gives for plain prose: its paragraphs, each in <p>."""
    text = markdown_text.strip("\n")
    return "\n".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPH_BREAK.split(text)) if text else ""


def markdown_html(markdown_text: str) -> str:
    """What `markdown.markdown(markdown_text, extensions=["tables", "sane_lists"], output_format="html")`
    returns."""
    if is_plain(markdown_text):
        return plain_html(markdown_text)
    return converter().reset().convert(markdown_text)


def body_headings(fragment: str) -> str:
    """Move the fragment's headings so that the largest is h2 (see HEADING)."""
    levels = [int(match[2]) for match in HEADING.finditer(fragment) if not match[1]]
    if not levels:
        return fragment
    shift = 2 - min(levels)
    return HEADING.sub(lambda match: f"<{match[1]}h{min(6, int(match[2]) + shift)}", fragment)


def sanitise(fragment: str) -> str:
    """Keep only harmless tags and attributes, and no paragraph they leave empty."""
    cleaned = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        filter_style_properties=ALLOWED_STYLES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        clean_content_tags=CODE_WITH_CONTENT,  # as the warning says: `<noscript>`'s text went out loose
    )
    return EMPTY_PARAGRAPH.sub("", cleaned) if "<p></p>" in cleaned else cleaned


def render_body(markdown_text: str) -> RenderedBody:
    """Render an article body in French typography, and say what of it the page will not show."""
    if is_plain(markdown_text):  # nothing in it to take out
        return RenderedBody(french_html(plain_html(markdown_text)), ())
    produced, images, rest = take_photos(markdown_html(markdown_text), markdown_text)
    return RenderedBody(
        french_html(sanitise(body_headings(produced))),
        dropped(produced, rest),
        site_links(produced, markdown_text),
        images,
    )


def is_site_link(href: str) -> bool:
    """An address within this site: no scheme, no host, not only a `#fragment` of the same page."""
    return not SCHEME.match(href) and not href.startswith(("//", "#"))


def site_links(produced: str, markdown_text: str) -> tuple[Link, ...]:
    """The links of `produced` (Markdown's HTML for `markdown_text`) to this site, each at its line."""
    searched = without_code_spans(markdown_text)
    found: list[Link] = []
    position = 0
    for element in ELEMENT.finditer(produced):
        if (element[2] or "").lower() != "a":
            continue
        attributes = {name.lower(): value for name, value in ATTRIBUTE.findall(element[3] or "")}
        href = html.unescape(attributes.get("href", "").strip("\"'"))
        if not href or not is_site_link(href):
            continue
        at = searched.find(href, position)  # links follow the Markdown's order
        if at < 0:
            at = searched.find(href)
        else:
            position = at + len(href)
        line = searched.count("\n", 0, at) + 1 if at >= 0 else found[-1].line if found else 1
        found.append(Link(line, href))
    return tuple(found)


def is_local(address: str) -> bool:
    """`pont.jpg`, `medias/pont.jpg`: a file of content/; not `https://…`, `/…`, `data:…` or empty."""
    return bool(address) and not SCHEME.match(address) and not address.startswith(("/", "#", "?"))


def take_photos(produced: str, markdown_text: str) -> tuple[str, tuple[BodyImage, ...], str]:
    """Replace each image of Markdown's HTML that names a file with a token. Returns that HTML, the
    images with their lines, and the Markdown with those images' openings blanked, so that what the
    sanitiser drops is found at its own line."""
    if "<img" not in produced.lower():
        return produced, (), markdown_text
    searched = without_code_spans(markdown_text)
    rest = list(markdown_text)
    images: list[BodyImage] = []
    position = 0

    def replace(element: re.Match[str]) -> str:
        nonlocal position
        if (element[2] or "").lower() != "img":
            return element[0]
        found = IMAGE_IN_MARKDOWN.search(searched, position)
        position = found.end() if found else position
        attributes = {
            name.lower(): html.unescape(value.strip("\"'")) if value else ""
            for name, value in ATTRIBUTE.findall(element[3] or "")
        }
        if not is_local(attributes.get("src", "").strip()):
            return element[0]  # left for the sanitiser, and reported
        line = searched.count("\n", 0, found.start()) + 1 if found else 1
        if found:
            rest[found.start() : found.end()] = " " * (found.end() - found.start())
        images.append(
            BodyImage(
                line,
                attributes["src"].strip(),
                attributes.get("alt", "").strip(),
                attributes.get("title", ""),
            )
        )
        return photo_token(len(images) - 1)

    return ELEMENT.sub(replace, produced), tuple(images), "".join(rest)


def dropped(produced: str, markdown_text: str) -> tuple[Dropped, ...]:
    """What `sanitise` will take out of `produced` (Markdown's HTML for `markdown_text`), line by line."""
    searched = without_code_spans(markdown_text)
    found: list[Dropped] = []
    position = 0
    for needle, message in taken_out(produced):
        match = needle.search(searched, position) or needle.search(searched)
        if match:  # HTML follows the Markdown's order: search on from the last thing found
            position = match.end()
        line = searched.count("\n", 0, match.start()) + 1 if match else found[-1].line if found else 1
        if Dropped(line, message) not in found:
            found.append(Dropped(line, message))
    return tuple(sorted(found, key=lambda item: item.line))


def without_code_spans(markdown_text: str) -> str:
    """The text with each `code span` blanked, line breaks kept: what it shows is not what it does."""
    return CODE_SPAN.sub(lambda span: re.sub(r"[^\n]", " ", span[0]), markdown_text)


def taken_out(produced: str) -> list[tuple[re.Pattern[str], str]]:
    """Each element or attribute of `produced` that `sanitise` removes: where to find it in the
    Markdown, and the message."""
    out = []
    for element in ELEMENT.finditer(produced):
        written = element[1] or element[2] or ""
        tag = written.lower()
        if not tag or (tag in KEPT_TAGS and not element[3]):
            continue  # a comment, or a tag kept whole
        attributes = {
            name.lower(): html.unescape(value.strip("\"'")) if value else ""
            for name, value in ATTRIBUTE.findall(element[3] or "")
        }
        where = re.compile(rf"<{re.escape(tag)}(?![^\s/>])", re.I)
        if tag not in KEPT_TAGS:
            out.append(
                (
                    IMAGE_IN_MARKDOWN,
                    messages.dropped_image(shown(attributes.get("src") or attributes.get("alt", ""))),
                )
                if tag in IMAGES
                else (where, dropped_tag_message(written, attributes))
            )
            continue
        for name, value in attributes.items():
            scheme = SCHEME.match(value) if name == "href" else None
            if scheme and scheme[1].lower() not in URL_SCHEMES:
                needle = re.compile(re.escape(value) if value else r"\]\(|<a\b", re.I)
                out.append((needle, messages.dropped_link(shown(value))))
            elif name not in ALLOWED_ATTRIBUTES.get(tag, ()) or (
                name == "style" and not ALIGNMENT_ONLY.match(value)
            ):
                out.append((where, messages.dropped_attribute(name, tag)))
    return out


def dropped_tag_message(written: str, attributes: dict[str, str]) -> str:
    """The message for an element `sanitise` removes, by what it held."""
    tag = written.lower()
    if tag not in HTML_TAGS:
        return messages.dropped_unknown(written)
    if tag in EMBEDDED:
        address = attributes.get("src") or attributes.get("data") or attributes.get("href")
        return messages.dropped_embed(tag, shown(address) if address else None)
    if tag in CODE:
        return messages.dropped_code(tag)
    return messages.dropped_void(tag) if tag in VOID else messages.dropped_tag(tag)


def shown(text: str) -> str:
    """An address as a message quotes it: whole, or its start."""
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 1] + "…"
