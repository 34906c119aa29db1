"""A raw VNA text → its parts: title, standfirst, dateline, paragraphs, photo captions.

The agency's pages were copied as plain text, so the structure is recovered from
conventions: the first line is the title, the second block the standfirst, the
first paragraph opens with a dateline (`Hanoï, 9 février (VNA) -`), captions carry
an `ảnh 1` marker or end in `Photo: VNA`, the last paragraph ends in a sign-off
(`-VNA`), and `Voir plus` starts the teasers of other articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AGENCIES = "VNA|AVI"
MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
MONTH_PATTERN = "|".join(MONTHS)

# Characters YAML cannot hold and no article needs (controls, BOM, zero-width space).
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\ufeff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_TEASERS = re.compile(r"voir plus\W*", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"source\W*", re.IGNORECASE)
_PHOTO_MARKER = re.compile(r"\s*ảnh\s*\d+\s*")
_CREDIT = re.compile(r"\s*\bPhotos?\s*:\s*(?P<credit>[^.:]{1,60}?)\s*\.?$")
_SIGN_OFF = re.compile(rf"\s*[-–—]\s*(?P<agency>{AGENCIES})\s*$")
_DATELINE = re.compile(
    rf"""^(?:(?P<place>[^\W\d_][^\W\d_'’-]*(?:[\s'’-][^\W\d_]+){{0,3}}?)\s*,?\s*)?
    (?:(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{MONTH_PATTERN})(?:\s+(?P<year>\d{{4}}))?\s*)?
    \((?P<agency>{AGENCIES})\)\s*[-–—]\s*""",
    re.VERBOSE | re.IGNORECASE,
)


class TextError(ValueError):
    """The text cannot be read as an article; `line` is 1-based when known."""

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class Photo:
    """A photo caption lifted out of the body, with its credit when the text gives one."""

    caption: str
    credit: str | None


@dataclass(frozen=True)
class Dateline:
    """`Hanoï, 9 février (VNA) -`: place, day and month (year rarely) as written."""

    place: str | None
    day: int | None
    month: int | None
    year: int | None
    agency: str
    written: str


@dataclass(frozen=True)
class AgencyText:
    """An article's parts, noise removed, spaces normalised, words as written."""

    title: str
    standfirst: str | None
    paragraphs: tuple[str, ...]
    photos: tuple[Photo, ...]
    dateline: Dateline | None
    agency: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Block:
    line: int
    text: str


def normalise_spaces(text: str) -> str:
    """One plain space between words; invisible characters removed."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def _blocks(raw: str) -> list[_Block]:
    """Non-empty lines up to `Voir plus`, without the stray `source` line."""
    blocks = []
    for number, line in enumerate(raw.splitlines(), start=1):
        text = normalise_spaces(line)
        if _TEASERS.fullmatch(text):
            break
        if text and not _SOURCE_LINE.fullmatch(text):
            blocks.append(_Block(number, text))
    return blocks


def _photo(text: str) -> Photo | None:
    """The caption in a line that is one (`… ảnh 1Caption. Photo: VNA`), else None."""
    marker = _PHOTO_MARKER.search(text)
    credit = _CREDIT.search(text)
    if not marker and not credit:
        return None
    start = marker.end() if marker else 0
    end = credit.start() if credit else len(text)
    return Photo(caption=text[start:end].strip(), credit=credit.group("credit") if credit else None)


def _dateline(paragraph: str) -> tuple[Dateline | None, str]:
    """The dateline opening `paragraph`, and the paragraph without it."""
    match = _DATELINE.match(paragraph)
    if not match:
        return None, paragraph
    month = match.group("month")
    dateline = Dateline(
        place=match.group("place"),
        day=int(match.group("day")) if match.group("day") else None,
        month=MONTHS[month.lower()] if month else None,
        year=int(match.group("year")) if match.group("year") else None,
        agency=match.group("agency").upper(),
        written=match.group().strip(),
    )
    return dateline, paragraph[match.end() :]


def _sign_off(paragraphs: list[str]) -> tuple[str | None, list[str], list[str]]:
    """The agency signing the article, and its paragraphs without the sign-off; warnings."""
    for index in range(len(paragraphs) - 1, -1, -1):
        match = _SIGN_OFF.search(paragraphs[index])
        if match:
            kept = [*paragraphs[:index], paragraphs[index][: match.start()], *paragraphs[index + 1 :]]
            after = len(paragraphs) - index - 1
            warnings = [f"{after} paragraph(s) after the sign-off kept: check they belong to the article"]
            return match.group("agency").upper(), [p for p in kept if p], warnings if after else []
    return None, paragraphs, []


def parse(raw: str) -> AgencyText:
    """Split a raw agency text into its parts; TextError when it holds no article."""
    blocks = _blocks(raw)
    if not blocks:
        raise TextError(None, "holds no text — paste the article: its title on the first line, then its text")
    title, rest = blocks[0], blocks[1:]
    photos = [photo for block in rest if (photo := _photo(block.text))]
    text_blocks = [block for block in rest if not _photo(block.text)]
    warnings = []
    standfirst = None
    if text_blocks and not _DATELINE.match(text_blocks[0].text):
        standfirst = text_blocks.pop(0).text
    if not text_blocks:
        raise TextError(
            title.line, "has a title but no article paragraphs — paste the article's text below its title"
        )
    dateline, first = _dateline(text_blocks[0].text)
    if dateline is None:
        warnings.append("no dateline such as `Hanoï (VNA) –` opens the first paragraph: `place` left out")
    paragraphs = [first, *(block.text for block in text_blocks[1:])]
    signed_by, paragraphs, sign_off_warnings = _sign_off([p for p in paragraphs if p])
    if not paragraphs:
        raise TextError(
            text_blocks[0].line, "the article has a dateline but no text — paste the article's text"
        )
    if standfirst is None:
        warnings.append("no standfirst between the title and the article: `summary` is the first paragraph")
    return AgencyText(
        title=title.text,
        standfirst=standfirst,
        paragraphs=tuple(paragraphs),
        photos=tuple(photos),
        dateline=dateline,
        agency=dateline.agency if dateline else signed_by or "VNA",
        warnings=(*warnings, *sign_off_warnings),
    )
