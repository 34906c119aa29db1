"""What the text says about itself: its partner countries and, when it fixes it, its date."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from revue.core import countries
from revue.core.countries import Country
from revue.ingest.agency_text import MONTH_PATTERN, MONTHS, AgencyText

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTH_NAMES = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
# An anniversary fixes the year only for an event this close to the anniversary day.
ANNIVERSARY_WINDOW_DAYS = 31

# CLDR names that are also common words or first names: `la réunion` (meeting), Maurice, Dominique.
NOT_IN_RUNNING_TEXT = frozenset({"RE", "MU", "DM"})

_WORD_GROUP = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{MONTH_PATTERN})(?:\s+(?P<year>\d{{4}}))?\b", re.I
)
_WEEKDAY = re.compile(rf"\b(?P<weekday>{'|'.join(WEEKDAYS)})\b", re.I)
_ANNIVERSARY = re.compile(r"\b(?P<years>\d{1,3})\s*(?:e|è|ème|eme|ᵉ)\s+anniversaire\b", re.I)
_VENUE_BEFORE = re.compile(r"[^\W\d_]\s*\(\s*$")
_VENUE_AFTER = re.compile(r"\s*\)")


# --- Countries -------------------------------------------------------------------------------------


@cache
def _country_names() -> dict[str, Country]:
    """Folded CLDR names and aliases; not ISO codes, which are French words (`de`, `la`)."""
    known = countries.all_countries()
    names = {countries.fold(c.name): c for c in known.values()}
    for code, aliases in countries.ALIASES.items():
        names.update({countries.fold(alias): known[code] for alias in aliases})
    return {name: country for name, country in names.items() if country.code not in NOT_IN_RUNNING_TEXT}


@cache
def _multi_word_names() -> re.Pattern[str]:
    spaced = sorted((n for n in _country_names() if " " in n), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, spaced)) + r")(?![\w-])")


def _term(word: str) -> Country | None:
    return _country_names().get(word) or countries.adjective_forms().get(word)


def _compound(parts: list[str]) -> list[Country] | None:
    """`nippo-vietnamien`, `vietnam-etats-unis`: every part names a country, else None."""
    if not parts:
        return []
    for cut in range(len(parts), 0, -1):
        country = _term("-".join(parts[:cut]))
        rest = _compound(parts[cut:]) if country else None
        if country and rest is not None:
            return [country, *rest]
    return None


def _is_venue(folded: str, start: int, end: int) -> bool:
    """`Cebu (Philippines)`: a country in brackets after a place names where, not whom."""
    return bool(_VENUE_BEFORE.search(folded, 0, start) and _VENUE_AFTER.match(folded, end))


def partner_countries(texts: Iterable[str], home: Country) -> tuple[Country, ...]:
    """Countries named in `texts` by name, adjective or compound, except `home` and venues."""
    found: set[Country] = set()
    for text in texts:
        folded = countries.fold(text)
        for match in _multi_word_names().finditer(folded):
            if not _is_venue(folded, match.start(), match.end()):
                found.add(_country_names()[match.group()])
        blanked = _multi_word_names().sub(lambda m: " " * len(m.group()), folded)
        for match in _WORD_GROUP.finditer(blanked):
            if _is_venue(folded, match.start(), match.end()):
                continue
            parts = match.group().split("-")
            named = _compound(parts)
            if named is None:  # `Indo-Pacifique`, `Gunma-Vietnam`: only full country names count
                named = [c for part in parts if (c := _country_names().get(part))]
            found.update(named)
    found.discard(home)
    return tuple(sorted(found))


# --- Date ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventDay:
    """The day the text says the event happened, as far as it says: `jeudi`, `9 février`."""

    day: int | None
    month: int | None
    year: int | None
    weekday: int | None
    where: str

    def describe(self) -> str:
        words = [WEEKDAYS[self.weekday]] if self.weekday is not None else []
        if self.day and self.month:
            words += [str(self.day), MONTH_NAMES[self.month - 1]]
        if self.year:
            words.append(str(self.year))
        return f"{' '.join(words)} ({self.where})"


@dataclass(frozen=True)
class DateFinding:
    """The article's date and where it came from: `sources.yaml`, the text, or unknown (None)."""

    date: date | None
    origin: str
    warnings: tuple[str, ...]


def event_day(text: AgencyText) -> EventDay:
    """The dateline's date, else the first day and weekday in the standfirst or first paragraph."""
    lead = [(text.standfirst, "standfirst"), (text.paragraphs[0], "first paragraph")]
    weekday = next(((m, where) for t, where in lead if t and (m := _WEEKDAY.search(t))), None)
    weekday_number = WEEKDAYS.index(weekday[0].group("weekday").lower()) if weekday else None
    dateline = text.dateline
    if dateline and dateline.day and dateline.month:
        return EventDay(dateline.day, dateline.month, dateline.year, weekday_number, "dateline")
    # A dated mention (`22 décembre 1992`) in the lead is history, not the event: only the dateline's year counts.
    undated = ((m, where) for t, where in lead if t for m in _DAY_MONTH.finditer(t) if not m.group("year"))
    day_month = next(undated, None)
    if day_month:
        match, where = day_month
        month = MONTHS[match.group("month").lower()]
        return EventDay(int(match.group("day")), month, None, weekday_number, where)
    return EventDay(None, None, None, weekday_number, weekday[1] if weekday else "text")


def _make_date(year: int, month: int | None, day: int | None) -> date | None:
    try:
        return date(year, month, day) if month and day else None
    except ValueError:
        return None


def _anniversary_year(text: AgencyText, event: EventDay) -> tuple[int, str] | None:
    """`30e anniversaire … (22 décembre 1992)` for an event on 14 December fixes 2022."""
    for paragraph in (text.standfirst or "", *text.paragraphs):
        for mention in _ANNIVERSARY.finditer(paragraph):
            founded = _DAY_MONTH.search(paragraph, mention.end())
            if not founded or not founded.group("year"):
                continue
            year = int(founded.group("year")) + int(mention.group("years"))
            anniversary = _make_date(year, MONTHS[founded.group("month").lower()], int(founded.group("day")))
            happened = _make_date(year, event.month, event.day)
            if anniversary and happened and abs((happened - anniversary).days) <= ANNIVERSARY_WINDOW_DAYS:
                return year, f"{mention.group()} … {founded.group()}"
    return None


def _contradictions(event: EventDay, known: date, origin: str) -> list[str]:
    """Warnings where the text's day, month, year or weekday disagree with `known`."""
    warnings = []
    other_day = bool(event.day and event.month and (event.day, event.month) != (known.day, known.month))
    if other_day or (event.year and event.year != known.year):
        warnings.append(
            f"the text says {event.describe()} but the date is {known.isoformat()} ({origin}): check `date`"
        )
    if event.weekday is not None and event.weekday != known.weekday():
        warnings.append(
            f"the text says {WEEKDAYS[event.weekday]} ({event.where}) but {known.isoformat()} "
            f"is a {WEEKDAYS[known.weekday()]} ({origin}): check `date`"
        )
    return warnings


def find_date(text: AgencyText, known: date | None) -> DateFinding:
    """`known` (sources.yaml) wins; else a date the text fixes; else None — never a guess."""
    event = event_day(text)
    if known is not None:
        return DateFinding(known, "sources.yaml", tuple(_contradictions(event, known, "sources.yaml")))
    if event.year:
        fixed = _make_date(event.year, event.month, event.day)
        if fixed:
            origin = f"text: {event.describe()}"
            return DateFinding(fixed, origin, tuple(_contradictions(event, fixed, "text")))
    anniversary = _anniversary_year(text, event)
    if anniversary:
        year, evidence = anniversary
        fixed = _make_date(year, event.month, event.day)
        if fixed:
            origin = f"text: {event.describe()}, year from “{evidence}”"
            return DateFinding(fixed, origin, tuple(_contradictions(event, fixed, "text")))
    return DateFinding(None, "unknown", ())
