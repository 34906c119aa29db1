"""Article bodies: Markdown → HTML that cannot carry a script, whatever an editor pasted."""

from __future__ import annotations

import re
import threading

import markdown
import nh3

from revue.render.typography import french_html

ALLOWED_TAGS = {
    "p", "a", "em", "strong", "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
    "br", "hr", "code", "pre", "abbr", "sup", "sub", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
EXTENSIONS = ("tables", "sane_lists")

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


class _Converters(threading.local):
    """One Markdown converter per thread, reset between texts: building one costs more than most bodies."""

    def __init__(self) -> None:
        self.markdown = markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")


_converters = _Converters()


def markdown_html(markdown_text: str) -> str:
    """What `markdown.markdown(markdown_text, extensions=EXTENSIONS, output_format="html")` returns."""
    if NOT_PLAIN.search(markdown_text) is None and NOT_PLAIN_LINE.search(f"\n{markdown_text}\n") is None:
        text = markdown_text.strip("\n")
        return "\n".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPH_BREAK.split(text)) if text else ""
    return _converters.markdown.reset().convert(markdown_text)


def body_html(markdown_text: str) -> str:
    """Render an article body, keep only harmless tags and attributes, then set it in French typography."""
    return french_html(
        nh3.clean(
            markdown_html(markdown_text),
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer",
        )
    )
