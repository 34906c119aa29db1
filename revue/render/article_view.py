"""An article's body as the page shows it: dateline first, the standfirst never said twice, reading time.

The agency opens most dispatches with `Hanoi (VNA) –` and often repeats the standfirst as the
first paragraph; readers should see one dateline, in house style, and each sentence once. Only a
dateline is ever taken out of the text, and only in the agency's form; an editor's own dateline
(`Pékin, 3 mai – …`, `PÉKIN — …`) is kept as written and gets no second one.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from markupsafe import Markup, escape

from revue.content.model import Article
from revue.core.agencies import AGENCY_PATTERN
from revue.core.countries import fold
from revue.render.typography import MONTHS, french_text

WORDS_PER_MINUTE = 200  # a steady reading pace for news copy in French
REPEAT_SHARE = 0.75  # share of the standfirst's words found, in order, in the first paragraph
FIRST_PARAGRAPH = re.compile(r"^\s*<p>(.*?)</p>", re.S)
# What may open a first paragraph as a dateline: a place (up to four words, no digit), maybe a date,
# maybe a known agency's code in brackets, then a dash; bold or italics around it allowed.
# `Le Fonds monétaire international (FMI) prévoit` is no dateline: FMI is no agency, and no dash follows.
OPENING_DATELINE = re.compile(
    rf"""^\s*(?P<written>(?:<(?P<tag>strong|em)>)?
    (?P<place>[^\W\d_][^\W\d_]*(?:[\s'’.-]+[^\W\d_]+){{0,3}})
    (?P<date>\s*,?\s*(?:le\s+)?\d{{1,2}}(?:er)?\s+(?:{MONTHS})(?:\s+\d{{4}})?)?
    (?:\s*\((?P<agency>{AGENCY_PATTERN})\))?
    (?:</(?P=tag)>)?\s*[–—-](?:</(?P=tag)>)?)(?P<space>\s*)""",
    re.VERBOSE,
)
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


def dateline(article: Article, agency: str | None = None) -> str:
    """`HANOÏ (VNA) —`: the place in capitals, then the agency (the source's, else the one the body
    named); `HANOÏ —` for the newsroom's own copy."""
    agency = article.source.agency if article.source else agency
    return french_text(f"{article.place.upper()}{f' ({agency})' if agency else ''} —")


def opening(paragraph: str, article: Article) -> tuple[str, str]:
    """The first paragraph's dateline as the page shows it, and the text that follows it.

    The agency's (`Hanoi (VNA) –`: the article's place and a known agency) gives way to the house
    dateline. Any other (a place and a known agency, or the article's place, a place in capitals or a
    place and a date, then a dash and a space) is the editor's: it stays word for word, and the page
    shows no second one."""
    found = OPENING_DATELINE.match(paragraph)
    if found:
        same_place = fold(found["place"]) == fold(article.place)
        if found["agency"] and same_place:
            return dateline(article, found["agency"]), paragraph[found.end() :]
        if found["agency"] or (found["space"] and (same_place or found["place"].isupper() or found["date"])):
            written = TAGS.sub("", found["written"])
            return html.unescape(written), paragraph[found.end() :]
    return dateline(article), paragraph


def arrange_body(body_html: str, article: Article) -> ArticleBody:
    """Put the dateline at the start of the first paragraph, and drop a standfirst the body repeats."""
    minutes = max(1, round(len(words(body_html)) / WORDS_PER_MINUTE))
    first = FIRST_PARAGRAPH.match(body_html)
    if not first:
        return ArticleBody(Markup(body_html), bool(article.summary), minutes)
    shown_dateline, text = opening(first[1], article) if article.place else ("", first[1])
    repeated = bool(article.summary) and repeats(article.summary, text)
    start = '<p class="standfirst">' if repeated else "<p>"
    if shown_dateline:  # the place and agency, metadata: out of the search index and its excerpts
        start += f'<span class="dateline" data-pagefind-ignore>{escape(shown_dateline)}</span> '
    rebuilt = start + text + "</p>" + body_html[first.end() :]
    return ArticleBody(Markup(rebuilt), bool(article.summary) and not repeated, minutes)
