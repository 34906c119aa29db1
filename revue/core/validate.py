"""The checks every input shares — dates, web addresses, known keys — each with its one message.

`site.yaml`, `seeds/sources.yaml`, articles and `new`'s options all use these, so one mistake gets
one wording wherever an editor makes it.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from collections.abc import Sequence

from revue.core import messages, urls
from revue.core.months import LEAP_YEAR, MONTH_NAMES, DayMonth

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# `????-11-14`: the day and month an agency text gives, its year left for the editor to write.
PARTIAL_DATE_PATTERN = re.compile(r"^\?{4}-(?P<month>\d{2})-(?P<day>\d{2})$")
# The digest follows Vietnam's relations since independence (1945); a year outside these bounds is a
# typo (`0024` for `2024`, `2204` for `2024`), not an event. A date after today but within them is
# scheduled (see content/schedule.py), and the build report names it, so a nearer slip still shows.
FIRST_YEAR = 1945
LAST_YEAR = 2099
# Characters no page or feed can carry, refused wherever text comes in (bodies, front matter and its
# YAML escapes such as `"\x01"`, `site.yaml`, `new`'s arguments): XML 1.0 has no place for the C0
# controls but tab, line feed and carriage return, for surrogates, nor for U+FFFE and U+FFFF, and
# HTML refuses DEL, the C1 controls and every noncharacter too. Refused rather than dropped: no editor
# means one (a `\x0b` is Word's manual line break, pasted along), and a file that keeps it would be
# warned about on every build; the message names its line.
NOT_IN_PAGES = re.compile(
    "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff]"
)
# The noncharacters beyond the BMP, apart: in one class with the others they make every search of a
# text ten times slower (150 µs for an article); only a text with a character beyond the BMP (its
# UTF-16 longer than two bytes a character, which encoding tells in 5 µs) is searched for them.
NOT_IN_PAGES_BEYOND_BMP = re.compile(
    "["
    + "".join(chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(1, 17))
    + "]"
)


def refused_character(text: str) -> str | None:
    """A character of `text` that no page or feed can carry (see NOT_IN_PAGES), or None."""
    found = NOT_IN_PAGES.search(text)
    if (
        found is None
        and not text.isascii()
        and len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)
    ):
        found = NOT_IN_PAGES_BEYOND_BMP.search(text)
    return found[0] if found else None


# Dashes a word processor puts where the editor typed `-`: a hyphen, a non-breaking hyphen (Word's
# Ctrl+Shift+-), a figure dash, an en dash, an em dash, a minus sign.
DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
MONTHS_WRITTEN = {
    spelling: number
    for number, name in enumerate(MONTH_NAMES, start=1)
    for spelling in (name, unicodedata.normalize("NFD", name).encode("ascii", "ignore").decode())
}
# Dates as people write them: `2024-3-5`, `2024/03/05`, `5/3/2024` and `05.03.2024` (day first, as in
# French), `12 mars 2024`, `1er mars 2024`, `mardi 12 mars 2024`.
DATES_AS_WRITTEN = (
    re.compile(r"(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})"),
    re.compile(r"(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>\d{4})"),
    re.compile(
        rf"(?:[^\W\d_]+\s+)?(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{'|'.join(MONTHS_WRITTEN)})\s+(?P<year>\d{{4}})",
        re.IGNORECASE,
    ),
)


def parse_date(value: object) -> datetime.date | str:
    """A date written YYYY-MM-DD between FIRST_YEAR and LAST_YEAR, or the reason it is not one (the end
    of a message)."""
    text = value.isoformat() if isinstance(value, datetime.date) else str(value).strip()
    if not DATE_PATTERN.match(text):
        return written_otherwise(text) or messages.not_a_date(text)
    if not FIRST_YEAR <= int(text[:4]) <= LAST_YEAR:
        return messages.year_out_of_range(text, FIRST_YEAR, LAST_YEAR)
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        year, month, _ = (int(part) for part in text.split("-"))
        if not 1 <= month <= 12:
            return messages.month_not_real(text)
        days = calendar.monthrange(year, month)[1]
        return messages.date_not_real(text, month, year, days)


def written_otherwise(text: str) -> str | None:
    """When `text` is a date written another way than YYYY-MM-DD, what to write instead (the end of a
    message): `2024-03-12` for `12 mars 2024`, or that its day does not exist (`31/02/2024`)."""
    dashed = text.translate(DASHES)
    for pattern in DATES_AS_WRITTEN:
        match = pattern.fullmatch(dashed)
        if match is None:
            continue
        month = match["month"]
        year, day = int(match["year"]), int(match["day"])
        number = MONTHS_WRITTEN[month.lower()] if month.isalpha() else int(month)
        if not (1 <= number <= 12 and FIRST_YEAR <= year <= LAST_YEAR):
            return None
        days = calendar.monthrange(year, number)[1]
        if not 1 <= day <= days:
            return messages.day_not_in_month(text, DayMonth(day, number).describe(), number, year, days)
        iso = datetime.date(year, number, day).isoformat()
        return (
            messages.date_with_odd_dashes(text, iso)
            if dashed != text
            else messages.date_written_otherwise(text, iso)
        )
    return None


def parse_partial_date(value: object) -> DayMonth | str | None:
    """The day of a date written without its year (`????-11-14`), the reason it is no day (the end
    of a message), or None when `value` is not written that way."""
    match = PARTIAL_DATE_PATTERN.match(str(value).strip())
    if not match:
        return None
    month, day = int(match.group("month")), int(match.group("day"))
    if not 1 <= month <= 12:
        return messages.partial_month_not_real(match.group())
    days = calendar.monthrange(LEAP_YEAR, month)[1]
    if not 1 <= day <= days:
        return messages.partial_day_not_real(match.group(), month, days)
    return DayMonth(day, month)


def missing_year(day: DayMonth) -> str:
    """What to do with a day whose year the text does not give: the import report and `check` say it."""
    return messages.write_the_year(day.describe(), day.placeholder(messages.YEAR_PLACEHOLDER))


def web_address_problem(value: object) -> str | None:
    """None for an absolute http(s) address, else what is wrong with it (the end of a message)."""
    if urls.is_web_address(value):
        return None
    return messages.not_a_web_address(value)


# How alike a misspelled key, path or slug and the one meant are at least: rapidfuzz's ratio, the share
# of their letters in common, in percent (`titel` and `title`: 80).
ALIKE_ENOUGH = 70


def closest(written: str, known: Sequence[str], max_slips: int | None = None) -> int | None:
    """Where in `known` is what an editor probably meant by `written` (the one « did you mean »), None
    when nothing is close. By default the most alike, at least ALIKE_ENOUGH, the last in alphabetical
    order on a tie; with `max_slips`, the first at most that many typing slips away (a letter missed,
    doubled, swapped or wrong), for names whose slips would otherwise reach another (`Afrique`)."""
    from rapidfuzz import fuzz, process  # here: only a mistake needs it
    from rapidfuzz.distance import OSA

    if max_slips is not None:
        slipped = process.extractOne(written, known, scorer=OSA.distance, score_cutoff=max_slips)
        return slipped[2] if slipped else None
    alike = process.extract(written, known, scorer=fuzz.ratio, score_cutoff=ALIKE_ENOUGH, limit=None)
    return max(alike, key=lambda found: (found[1], found[0]))[2] if alike else None


def closest_key(key: str, known: Sequence[str]) -> str | None:
    """The known key (or path, or slug) an editor probably meant by a misspelled one."""
    index = closest(key, known)
    return known[index] if index is not None else None


def unknown_key_message(key: str, known: tuple[str, ...]) -> str:
    """The message for a key that is not one of `known`, with the one meant if it is close."""
    return messages.unknown_key(key, closest_key(key, known), known)
