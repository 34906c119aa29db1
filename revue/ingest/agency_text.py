"""A raw VNA text → its parts: title, standfirst, dateline, paragraphs, photo captions.

The agency's pages were copied as plain text, so the structure is recovered from
conventions: the first line is the title (unless the copy starts lower, at a
caption or at the article), the block before the dateline is the standfirst, the
first paragraph opens with a dateline (`Hanoï, 9 février (VNA) -`), captions carry
an `ảnh 1` marker or end in `Photo: VNA`, the last paragraph ends in a sign-off
(`-VNA`), and `Voir plus` or headline-and-paragraph pairs after the sign-off are
teasers of other articles. Everything left out is listed in `AgencyText.dropped`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from revue.core import messages, urls
from revue.core.agencies import AGENCY_PATTERN
from revue.core.countries import fold
from revue.core.errors import LineError
from revue.core.messages import import_report
from revue.core.months import MONTH_NAMES
from revue.core.urls import MAX_IMPORTED_SLUG_LENGTH
from revue.ingest import glued_words

# Each month by its French name, and without its accent as keyboards often type it (`fevrier`).
MONTHS = {
    spelling: number
    for number, name in enumerate(MONTH_NAMES, start=1)
    for spelling in dict.fromkeys((name, fold(name)))
}
MONTH_PATTERN = "|".join(MONTHS)
# Longer first lines are paragraphs, whatever their punctuation: agency titles are far shorter.
MAX_TITLE_WORDS = 30
# A teaser's headline is a short line without a final full stop.
MAX_HEADLINE_WORDS = 25
# In a text copied from below its title, a line this short before the dateline is a caption
# that lost its credit (`Le vice-Premier ministre Trinh Dinh Dung.`), not a standfirst.
MAX_UNCREDITED_CAPTION_WORDS = 10
# A photo credit is a name or two (`Hông Pha/VNA/CVN`): a longer "credit" is running text.
MAX_CREDIT = 60
# Words that end an abbreviation, not a sentence: `M. Trung`, `H.R. McMaster`.
ABBREVIATIONS = frozenset(
    {"M", "MM", "Mme", "Mmes", "Mlle", "Dr", "Pr", "St", "Ste", "Jr", "etc", "av", "env", "n°"}
)
# Words a shortened title does not end on: `… lors d’une causerie à` → `… lors d’une causerie`.
DANGLING = frozenset({
    "à", "a", "au", "aux", "de", "du", "des", "d", "la", "le", "les", "l", "un", "une", "et", "ou", "en",
    "par", "pour", "sur", "avec", "dans", "entre", "son", "sa", "ses", "leur", "leurs", "qui", "que", "qu", "ce",
})  # fmt: skip

# Characters YAML cannot hold and no article needs (controls, BOM, zero-width space).
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u200b\ufeff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_TEASERS = re.compile(r"voir plus\W*", re.IGNORECASE)
_SOURCE_LINE = re.compile(r"source\W*", re.IGNORECASE)
# Le Courrier du Vietnam's links to other articles: `>>Le Vietnam et le Japon signent…`.
_LINK_LINE = re.compile(r">>")
# A news site's footer after the sign-off: `Rédactrice en chef : …`, `Adresse : …`, `back to top`.
_FOOTER = re.compile(
    r"(?:rédact\w*(?: en chef)?|directeur de (?:la )?publication|adresse|permis de publication|tél(?:éphone)?"
    r"|fax|e-?mail|copyright|back to top|retour en haut)\b|©",
    re.IGNORECASE,
)
# `ảnh 1`, `- ảnh 1`, `hinh anh 1`: the photo number the agency's pages put in captions.
_PHOTO_MARKER = re.compile(r"\s*(?:-\s*)?(?:h[iì]nh\s+[aả]nh|ảnh)\s*\d+\s*")
# `Photo: VNA`, `ảnh 2Photo : VNA` (glued to the number), `(Photo: Yonhap/VNA)`,
# `Photo d’illustration : VNA`, `Photo: qdnd.vn` (a web address: dots inside the credit).
_CREDIT = re.compile(
    r"\s*\(?\s*(?<![^\W\d_])Photos?(?:\s+d['’]illustration)?\s*:\s*"
    r"(?P<credit>(?:[^.:()\s]|\s(?!\s*\)?\s*\.?\s*$)|\.(?=[^\W_]))+)\s*\)?\s*\.?\s*$"
)
# `-VNA`, `.-VNA`, `- VNA`, `-AVI`, `-NDEL/VNA`, `–VOV/VNA`, or a line of its own: `VNA/CVN`.
_SIGN_OFF = re.compile(
    rf"(?:^|\s*[-–—])\s*(?:[A-Z]{{2,6}}/)*(?P<agency>{AGENCY_PATTERN})(?:/[A-Z]{{2,6}})*\s*$"
)
_PLACE_WORD = r"[^\W\d_](?:[^\W\d_'’-]|\.(?=[^\W\d_]))*"  # `Hanoï`, `Hô Chi Minh-Ville`, `D.C`
# The agency's code is one of revue/core/agencies.py, in its own capitals, as the page's dateline reads it.
_DATELINE = re.compile(
    rf"""^(?:(?P<place>{_PLACE_WORD}(?:[\s'’-]{_PLACE_WORD}){{0,3}}?)\s*,?\s*)?
    (?:(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{MONTH_PATTERN})(?:\s+(?P<year>\d{{4}}))?\s*)?
    \((?P<agency>(?-i:{AGENCY_PATTERN}))\)\s*[-–—]\s*""",
    re.VERBOSE | re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?:\.\.\.|[.!?…])+(?=[\s»\"”)]*(?:\s+[«\"“]?[A-ZÀ-ÖØ-Þ0-9]|$))")
_ENDS_SENTENCE = re.compile(r"(?:\.\.\.|[.!?…])[\s»\"”)]*$")
_FINAL_PUNCTUATION = re.compile(r"[\s.!?…:;,–—-]+$")


@dataclass(frozen=True)
class Caption:
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

    def quoted(self) -> str:
        """The dateline as the import report quotes it, without its dash: `Hanoï, 9 février (VNA)`."""
        return self.written.rstrip(" -–—")


@dataclass(frozen=True)
class Dropped:
    """Lines of the copied page that are not the article and were left out, for the import report."""

    line: int
    text: str
    why: str


@dataclass(frozen=True)
class AgencyText:
    """An article's parts, noise removed, spaces normalised, words as written."""

    title: str
    standfirst: str | None
    paragraphs: tuple[str, ...]
    photos: tuple[Caption, ...]
    dateline: Dateline | None
    agency: str
    warnings: tuple[str, ...]
    dropped: tuple[Dropped, ...] = ()

    def parts(self) -> Iterator[tuple[str, str]]:
        """The text's parts with where they are, as the import report names them."""
        yield self.title, import_report.IN_TITLE
        yield from self.told()
        for number, photo in enumerate(self.photos, start=1):
            yield photo.caption, import_report.in_caption(number)

    def told(self) -> Iterator[tuple[str, str]]:
        """The standfirst and paragraphs, with where they are: the parts that tell the event, and its day."""
        if self.standfirst:
            yield self.standfirst, import_report.IN_STANDFIRST
        for number, paragraph in enumerate(self.paragraphs, start=1):
            yield paragraph, import_report.in_paragraph(number)


@dataclass(frozen=True)
class _Block:
    line: int
    text: str


def normalise_spaces(text: str) -> str:
    """One plain space between words; invisible characters removed."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def _words(text: str) -> int:
    return len(text.split())


def _ends_sentence(text: str) -> bool:
    return bool(_ENDS_SENTENCE.search(text))


def _blocks(raw: str) -> tuple[list[_Block], list[Dropped]]:
    """Non-empty lines up to `Voir plus`, without the stray `source` line and links; what was left out."""
    blocks, dropped = [], []
    lines = raw.splitlines()
    for number, line in enumerate(lines, start=1):
        text = normalise_spaces(line)
        if _TEASERS.fullmatch(text):
            rest = sum(1 for later in lines[number:] if normalise_spaces(later))
            dropped.append(Dropped(number, text, import_report.teasers_follow(rest)))
            break
        if _LINK_LINE.match(text):
            dropped.append(Dropped(number, text, import_report.LINK_TO_ANOTHER))
        elif text and not _SOURCE_LINE.fullmatch(text):
            blocks.append(_Block(number, text))
    return blocks, dropped


def _credit(text: str) -> re.Match[str] | None:
    match = _CREDIT.search(text)
    return match if match and len(match.group("credit")) <= MAX_CREDIT else None


def _is_photo_line(text: str) -> bool:
    return bool(_PHOTO_MARKER.search(text) or _credit(text))


def _photo(text: str) -> Caption | None:
    """The caption in a line that is one (`… ảnh 1Caption. Photo: VNA`), else None (also with no caption)."""
    marker = _PHOTO_MARKER.search(text)
    credit = _credit(text)
    start = marker.end() if marker else 0
    end = credit.start() if credit else len(text)
    caption = text[start:end].strip()
    return Caption(caption, credit.group("credit") if credit else None) if caption else None


def _is_title(block: _Block) -> bool:
    """A first line that reads as a headline: not a dateline paragraph, caption or full sentence."""
    text = block.text
    return not (
        _DATELINE.match(text)
        or _is_photo_line(text)
        or _ends_sentence(text)
        or _words(text) > MAX_TITLE_WORDS
    )


def _title_before_marker(block: _Block) -> str | None:
    """`Titre ảnh 1Légende. Photo: VNA` opening the copy: the title is what precedes the marker."""
    marker = _PHOTO_MARKER.search(block.text)
    return normalise_spaces(block.text[: marker.start()]) or None if marker else None


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
        agency=match.group("agency"),
        written=match.group().strip(),
    )
    return dateline, paragraph[match.end() :]


def _is_headline(text: str) -> bool:
    return not _ends_sentence(text) and _words(text) <= MAX_HEADLINE_WORDS


def _after_sign_off(blocks: list[_Block]) -> list[Dropped] | None:
    """The blocks after the sign-off as dropped teasers and footer, or None when they may be the article's.

    Teasers are headline-and-paragraph pairs (with their captions); a note such as
    `Note de la rédaction.` is neither, so it is kept for the editor to judge.
    """
    dropped, headline = [], None
    for block in blocks:
        if _FOOTER.match(block.text):
            dropped.append(Dropped(block.line, block.text, import_report.FOOTER))
        elif _is_photo_line(block.text):
            dropped.append(Dropped(block.line, block.text, import_report.TEASER_CAPTION))
        elif headline is None and _is_headline(block.text):
            headline = block
        elif headline is not None and _ends_sentence(block.text):
            why = import_report.TEASER
            dropped += [Dropped(headline.line, headline.text, why), Dropped(block.line, block.text, why)]
            headline = None
        else:
            return None
    if headline is not None:
        dropped.append(Dropped(headline.line, headline.text, import_report.TEASER_HEADLINE))
    return sorted(dropped, key=lambda item: item.line)


def _sign_off(blocks: list[_Block]) -> tuple[str | None, list[_Block], list[Dropped], list[str]]:
    """The agency signing the article; its blocks up to the sign-off (removed); what was dropped; warnings."""
    for index in range(len(blocks) - 1, -1, -1):
        match = None if _is_photo_line(blocks[index].text) else _SIGN_OFF.search(blocks[index].text)
        if not match:
            continue
        last = _Block(blocks[index].line, blocks[index].text[: match.start()].strip())
        kept, after = [*blocks[:index], *([last] if last.text else [])], blocks[index + 1 :]
        dropped = _after_sign_off(after) if after else []
        if dropped is None:
            count = sum(1 for block in after if not _is_photo_line(block.text))
            warning = import_report.kept_after_sign_off(count)
            return match.group("agency"), [*kept, *after], [], [warning] if count else []
        return match.group("agency"), kept, dropped, []
    return None, blocks, [], []


def _is_abbreviation(word: str) -> bool:
    return word.rstrip(".") in ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word))


def sentences(paragraph: str) -> list[str]:
    """The paragraph cut into sentences, not at `M. Trung`, `H.R. McMaster` or `1.000`."""
    found, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : match.start()].split()
        if match.group() == "." and before and _is_abbreviation(before[-1]):
            continue
        found.append(paragraph[start : match.end()].strip())
        start = match.end()
    rest = paragraph[start:].strip()
    return [*found, rest] if rest else found


def _title_from_sentence(sentence: str) -> str:
    """A short title from a sentence: no final punctuation, cut at a word so its slug needs no cut."""
    title = _FINAL_PUNCTUATION.sub("", glued_words.repair(sentence)[0])
    if len(urls.slug(title, 0)) <= MAX_IMPORTED_SLUG_LENGTH:
        return title
    return _FINAL_PUNCTUATION.sub("", " ".join(cut_at_a_word(title.split()))) + "…"


def cut_at_a_word(words: list[str]) -> list[str]:
    """The first `words`, as many as make a slug of at most MAX_IMPORTED_SLUG_LENGTH, never ending on a
    word that leads to the next (`de`, `la`, `à`…): a shortened title or address that still reads."""
    while len(words) > 1 and (
        len(urls.slug(" ".join(words), 0)) > MAX_IMPORTED_SLUG_LENGTH or words[-1].lower() in DANGLING
    ):
        words = words[:-1]
    return words


def _photos(blocks: list[_Block]) -> tuple[list[Caption], list[_Block], list[Dropped]]:
    """Captions lifted out of `blocks`; the text blocks left; credits that caption nothing."""
    photos, text_blocks, dropped = [], [], []
    for block in blocks:
        credit = _credit(block.text)
        if not _is_photo_line(block.text):
            text_blocks.append(block)
        elif photo := _photo(block.text):
            photos.append(photo)
        elif (
            credit
            and text_blocks
            and text_blocks[-1].line == block.line - 1
            and not _ends_sentence(text_blocks[-1].text)
        ):
            caption = text_blocks.pop()  # `Légende,` and on the next line `Photo : VNA/CVN`
            photos.append(Caption(_FINAL_PUNCTUATION.sub("", caption.text), credit.group("credit")))
        else:
            dropped.append(Dropped(block.line, block.text, import_report.CREDIT_ALONE))
    return photos, text_blocks, dropped


def parse(raw: str) -> AgencyText:
    """Split a raw agency text into its parts; LineError when it holds no article."""
    blocks, dropped = _blocks(raw)
    if not blocks:
        raise LineError(None, messages.SEED_EMPTY)
    first_line, warnings = blocks[0].line, []
    title: str | None = None
    if _is_title(blocks[0]):
        title, blocks = blocks[0].text, blocks[1:]
    elif title := _title_before_marker(blocks[0]):
        warnings.append(import_report.TITLE_BEFORE_PHOTO)
    signed_by, blocks, after_sign_off, sign_off_warnings = _sign_off(blocks)
    photos, text_blocks, credits_alone = _photos(blocks)
    dropped += after_sign_off + credits_alone
    standfirst = None
    at_dateline = next((i for i, block in enumerate(text_blocks[:3]) if _DATELINE.match(block.text)), None)
    if at_dateline is None and title is not None and text_blocks:
        standfirst = text_blocks.pop(0).text
    elif at_dateline:
        before, text_blocks = text_blocks[:at_dateline], text_blocks[at_dateline:]
        if title is None and _words(before[0].text) <= MAX_UNCREDITED_CAPTION_WORDS:
            photos.insert(0, Caption(_FINAL_PUNCTUATION.sub("", before.pop(0).text), None))
        standfirst = " ".join(block.text for block in before) or None
    if not text_blocks:
        raise LineError(first_line, messages.SEED_TITLE_ONLY)
    dateline, first = _dateline(text_blocks[0].text)
    if dateline is None:
        warnings.append(import_report.NO_DATELINE)
    paragraphs = [p for p in (first, *(block.text for block in text_blocks[1:])) if p]
    if not paragraphs:
        raise LineError(text_blocks[0].line, messages.SEED_DATELINE_ONLY)
    if title is None:
        title = _title_from_sentence(sentences(paragraphs[0])[0])
        warnings.append(import_report.TITLE_FROM_SENTENCE)
    if standfirst is None:
        warnings.append(import_report.NO_STANDFIRST)
    return AgencyText(
        title=title,
        standfirst=standfirst,
        paragraphs=tuple(paragraphs),
        photos=tuple(photos),
        dateline=dateline,
        agency=dateline.agency if dateline else signed_by or "VNA",
        warnings=(*warnings, *sign_off_warnings),
        dropped=tuple(sorted(dropped, key=lambda item: item.line)),
    )
