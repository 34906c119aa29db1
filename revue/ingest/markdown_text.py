"""Plain paragraphs → Markdown that renders back to the same text, whatever characters they hold."""

from __future__ import annotations

import re

# Characters Python-Markdown reads as markup anywhere in a line: backslash-escaped.
_INLINE = re.compile(r"([\\`*_\[\]])")
# What starts a heading, quote, list or rule at the beginning of a paragraph.
_BLOCK_START = re.compile(r"^(#|>|[-+](?=\s|$)|-+$|\d+(?=\.\s|\.$))")
# Entities and HTML would be interpreted: `&eacute;` stays those seven characters.
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape(paragraph: str) -> str:
    """`paragraph` (one line, spaces normalised) as Markdown rendering to exactly that text."""
    text = _INLINE.sub(r"\\\1", paragraph)
    text = _ENTITY.sub("&amp;", text).replace("<", "&lt;")
    match = _BLOCK_START.match(text)
    if not match:
        return text
    marker = match.group()
    if marker[0].isdigit():
        return f"{marker}\\{text[len(marker) :]}"
    return "".join(f"\\{c}" for c in marker) + text[len(marker) :]
