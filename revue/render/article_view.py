"""An article's body as the page shows it: dateline first, the standfirst never said twice, reading time.

The agency opens most dispatches with `Hanoi (VNA) –` and often repeats the standfirst as the
first paragraph; readers should see one dateline, in house style, and each sentence once.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from markupsafe import Markup, escape

from revue.render.typography import french_text
from revue.site.model import Article

WORDS_PER_MINUTE = 200  # a steady reading pace for news copy in French
REPEAT_SHARE = 0.75  # share of the standfirst's words found, in order, in the first paragraph
FIRST_PARAGRAPH = re.compile(r"^\s*<p>(.*?)</p>", re.S)
AGENCY_DATELINE = re.compile(r"^\s*[^\W\d][^()<>]{0,40}\((?:VNA|AVI|[A-Z]{2,8})\)\s*[–—-]?\s*")
TAGS = re.compile(r"<[^>]+>")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ArticleBody:
    """What article.html needs beyond the article itself."""

    html: Markup
    show_standfirst: bool  # False when the first paragraph already says it
    minutes: int


def words(fragment: str) -> list[str]:
    return WORD.findall(html.unescape(TAGS.sub(" ", fragment)).lower())


def repeats(standfirst: str, paragraph_html: str) -> bool:
    """Does the paragraph say the standfirst again, give or take a few words?"""
    said = words(standfirst)
    if not said:
        return False
    blocks = SequenceMatcher(None, said, words(paragraph_html), autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) >= REPEAT_SHARE * len(said)


def dateline(article: Article) -> str:
    """`HANOÏ (VNA) —`: the place in capitals, then the agency; `HANOÏ —` for the newsroom's own copy."""
    agency = f" ({article.source.agency})" if article.source else ""
    return french_text(f"{article.place.upper()}{agency} —")


def arrange_body(body_html: str, article: Article) -> ArticleBody:
    """Put the dateline at the start of the first paragraph, and drop a standfirst the body repeats."""
    minutes = max(1, round(len(words(body_html)) / WORDS_PER_MINUTE))
    first = FIRST_PARAGRAPH.match(body_html)
    if not first:
        return ArticleBody(Markup(body_html), bool(article.summary), minutes)
    text = AGENCY_DATELINE.sub("", first[1], count=1) if article.place else first[1]
    repeated = bool(article.summary) and repeats(article.summary, text)
    opening = '<p class="standfirst">' if repeated else "<p>"
    if article.place:
        opening += f'<span class="dateline">{escape(dateline(article))}</span> '
    rebuilt = opening + text + "</p>" + body_html[first.end() :]
    return ArticleBody(Markup(rebuilt), bool(article.summary) and not repeated, minutes)
