"""Article bodies: Markdown → HTML that cannot carry a script, whatever an editor pasted."""

from __future__ import annotations

import markdown
import nh3

from revue.typography import french_html

# Bump when the HTML produced for the same Markdown changes (the body cache keys on it).
RENDERER_VERSION = "2"

ALLOWED_TAGS = {
    "p", "a", "em", "strong", "ul", "ol", "li", "blockquote", "h2", "h3", "h4",
    "br", "hr", "code", "pre", "abbr", "sup", "sub", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


def body_html(markdown_text: str) -> str:
    """Render an article body, keep only harmless tags and attributes, then set it in French typography."""
    html = markdown.markdown(markdown_text, extensions=["tables", "sane_lists"], output_format="html")
    return french_html(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer",
        )
    )
