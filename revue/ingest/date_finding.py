"""The day an agency text says its event happened, when it fixes it, with its evidence: a short phrase
quoting the text (`paragraphe 2 : « le 29 octobre »`, worded by `messages`), so the import report can
say why, and the editor can check in a glance.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from revue.core import messages
from revue.core.messages import import_report
from revue.core.months import LEAP_YEAR, DayMonth
from revue.core.validate import FIRST_YEAR
from revue.ingest.agency_text import MONTH_PATTERN, MONTHS, AgencyText

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# An anniversary fixes the year only for an event this close to the anniversary day.
ANNIVERSARY_WINDOW_DAYS = 31
# Set-aside mentions listed in a finding, at most: the first ones say enough.
MAX_SET_ASIDE = 5

_DAY = r"\d{1,2}(?:er)?"
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{MONTH_PATTERN})(?:\s+(?P<year>\d{{4}}))?\b", re.I
)
# `le 29 octobre`, `mardi 20 septembre`, `mercredi après-midi 31 mai`, `Le 10 septembre 2023`.
_MENTION = re.compile(
    rf"""(?:\b(?:le|ce|du|au)\s+)?
    (?:\b(?P<weekday>{"|".join(WEEKDAYS)})\s+(?:(?:matin|midi|soir|après-midi)\s+)?)?
    \b(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{MONTH_PATTERN})(?:\s+(?P<year>\d{{4}}))?\b""",
    re.I | re.X,
)
# `du 22 au 24 juin`, `du 31 octobre au 4 novembre`, `3-5 mai`, `les 9 et 10 septembre`, `entre le 3 et le 5 mai`.
_DAY_MONTH_YEAR = rf"{_DAY}(?:\s+(?:{MONTH_PATTERN})(?:\s+\d{{4}})?)?"
_RANGE = re.compile(
    rf"""(?:\b(?:du\s+)?{_DAY_MONTH_YEAR}\s*(?:au|-|–)
    |\b(?:les|entre\s+le)\s+{_DAY_MONTH_YEAR}\s*et(?:\s+le)?)
    \s*{_DAY}\s+(?:{MONTH_PATTERN})(?:\s+\d{{4}})?""",
    re.I | re.X,
)
_OPEN_RANGE = re.compile(r"(?:jusqu['’]au|à\s+partir\s+du|depuis\s+le)\s*$", re.I)
_NOT_THE_DAY = re.compile(r"^\s*(?P<word>dernier|prochain)\b", re.I)
_EARLIER = re.compile(r"\b(?:auparavant|précédemment|plus\s+tôt)\b", re.I)
# `Depuis l'établissement de leur partenariat le 25 septembre 2013`, `depuis sa visite du 3 mars`: a
# day after « depuis » in its sentence starts a period that runs to the event, and is not its day.
_SINCE = re.compile(r"\bdepuis\b", re.I)
# `l'établissement des relations … le 21 septembre 1973`: what anniversaries celebrate, an earlier event.
_FOUNDING = re.compile(
    r"\b(?:établissement|établi(?:e|s|es)?|fondation|fondée?s?|création|créée?s?|normalisation|instauration)\b",
    re.I,
)
_WEEKDAY = re.compile(rf"\b(?P<weekday>{'|'.join(WEEKDAYS)})\b", re.I)
_ANNIVERSARY = re.compile(r"\b(?P<years>\d{1,3})\s*(?:e|è|ème|eme|ᵉ)\s+anniversaire\b", re.I)
_YEAR = re.compile(r"(?<![\d,.])\b(?P<year>(?:19|20)\d\d)\b(?![\d,.]\d)")
# `(25 septembre 2013-2023)`: an anniversary written as the span from the day it celebrates to the
# year of the event; that end year is the text's own, though a year after a dash otherwise looks ahead.
_DAY_TO_YEAR = re.compile(
    rf"\b{_DAY}\s+(?:{MONTH_PATTERN})\s+(?:19|20)\d\d\s*[-–]\s*(?P<year>(?:19|20)\d\d)\b", re.I
)
# Years a text looks ahead to (`d'ici 2030`, `la période 2021-2030`) say nothing of its own year.
_AHEAD = re.compile(
    r"(?:d['’]ici|horizon|vision|jusqu['’](?:en|à)|vers|\bà|\d{4}\s*[-–])\s*(?:l['’]an\s+)?$", re.I
)


@dataclass(frozen=True)
class EventDay:
    """The day the text says the event happened, as far as it says: `jeudi`, `9 février`."""

    day: int | None
    month: int | None
    year: int | None
    weekday: int | None
    where: str
    written: str = ""

    def describe(self) -> str:
        words = [WEEKDAYS[self.weekday]] if self.weekday is not None else []
        if self.day and self.month:
            words.append(DayMonth(self.day, self.month).describe())
        if self.year:
            words.append(str(self.year))
        return f"{' '.join(words)} ({self.where})"

    def evidence(self) -> str:
        """`attaque : « Hanoï, 9 février (VNA) »`, `paragraphe 2 : « le 29 octobre »`."""
        return import_report.found_in(self.where, self.written)


@dataclass(frozen=True)
class DateFinding:
    """The article's date and why: `sources.yaml`, the text, or unknown (`date` None).

    `evidence` quotes what fixed it (or the day the text gives); `partial` holds that
    day when the year is unknown, for a draft's `????-11-14`; `set_aside` lists the
    day mentions passed over (ranges, anniversaries, past years), each with why.
    """

    date: date | None
    source: str
    evidence: str
    warnings: tuple[str, ...] = ()
    partial: DayMonth | None = None
    set_aside: tuple[str, ...] = ()


def _make_date(year: int, month: int | None, day: int | None) -> date | None:
    try:
        return date(year, month, day) if month and day else None
    except ValueError:
        return None


def _lead_weekday(text: AgencyText) -> tuple[int, str] | None:
    """The first weekday in the standfirst or first paragraph (`a reçu jeudi`), and where."""
    lead = [
        (text.standfirst, import_report.IN_STANDFIRST),
        (text.paragraphs[0], import_report.in_paragraph(1)),
    ]
    found = next(((m, where) for t, where in lead if t and (m := _WEEKDAY.search(t))), None)
    return (WEEKDAYS.index(found[0].group("weekday").lower()), found[1]) if found else None


def _years_named(text: AgencyText) -> Counter[int]:
    """How often the text names each year, not counting years it looks ahead to (`d'ici 2030`)."""
    years: Counter[int] = Counter()
    for part, _ in text.parts():
        ends = {match.start("year") for match in _DAY_TO_YEAR.finditer(part)}
        for match in _YEAR.finditer(part):
            if match.start() in ends or not _AHEAD.search(part, 0, match.start()):
                years[int(match.group("year"))] += 1
    return years


def _why_not(part: str, match: re.Match[str], years: Counter[int]) -> str | None:
    """Why a day mention (not in a range) is not the event's day, or None when it may be."""
    if _OPEN_RANGE.search(part, 0, match.start("day")):
        return import_report.PERIOD_EDGE
    if part[: match.start()].count("(") > part[: match.start()].count(")"):
        return import_report.IN_BRACKETS
    if later := _NOT_THE_DAY.match(part, match.end()):
        return import_report.another_day(later.group("word"))
    sentence_start = max(part.rfind(". ", 0, match.start()), 0)
    if _SINCE.search(part, sentence_start, match.start()):
        return import_report.PERIOD_EDGE
    if _EARLIER.search(part, sentence_start, match.start()) or _FOUNDING.search(
        part, sentence_start, match.start()
    ):
        return import_report.EARLIER_EVENT
    year = match.group("year")
    # A year before the digest's first (`le 3 février 1930` recalled) is history, never the event.
    if year and (int(year) < FIRST_YEAR or years[int(year)] < 2 or max(years, default=0) > int(year)):
        return import_report.PAST_YEAR
    if not _make_date(
        int(year) if year else LEAP_YEAR, MONTHS[match.group("month").lower()], int(match.group("day"))
    ):
        return import_report.NO_SUCH_DAY
    return None


def _event_day(text: AgencyText) -> tuple[EventDay, tuple[str, ...]]:
    """The event's day by order of evidence: the dateline, then the first dated sentence that is
    not a range, an anniversary or a past year cited in passing; and the mentions set aside.

    When the day is not found, or gives no weekday, the lead's first weekday (`a reçu jeudi`) fills in.
    """
    dateline = text.dateline
    if dateline and dateline.day and dateline.month:
        event = EventDay(
            dateline.day, dateline.month, dateline.year, None, import_report.IN_DATELINE, dateline.quoted()
        )
        return event, ()
    years = _years_named(text)
    set_aside = []
    weekday = _lead_weekday(text)
    for part, where in text.told():
        ranges, listed = list(_RANGE.finditer(part)), 0
        for match in _MENTION.finditer(part):
            passed = [span for span in ranges if span.start() <= match.start("day")]
            set_aside += [
                import_report.set_aside_day(where, span.group(), import_report.A_RANGE)
                for span in passed[listed:]
            ]
            listed = len(passed)
            if any(match.start("day") < span.end() for span in passed):
                continue
            why = _why_not(part, match, years)
            if why:
                set_aside.append(import_report.set_aside_day(where, match.group(), why))
                continue
            named = match.group("weekday")
            event = EventDay(
                int(match.group("day")),
                MONTHS[match.group("month").lower()],
                int(match.group("year")) if match.group("year") else None,
                WEEKDAYS.index(named.lower()) if named else weekday[0] if weekday else None,
                where,
                match.group(),
            )
            return event, tuple(set_aside[:MAX_SET_ASIDE])
    unknown = EventDay(
        None, None, None, weekday[0] if weekday else None, weekday[1] if weekday else import_report.IN_TEXT
    )
    return unknown, tuple(set_aside[:MAX_SET_ASIDE])


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
                return year, import_report.year_from_anniversary(mention.group(), founded.group())
    return None


def _weekday_year(text: AgencyText, event: EventDay) -> tuple[int, str] | None:
    """`mardi 20 septembre` in a text whose latest year is 2022: 20 September 2022 is a Tuesday."""
    years = _years_named(text)
    if event.weekday is None or not years:
        return None
    year = max(years)
    happened = _make_date(year, event.month, event.day)
    if not happened or happened.weekday() != event.weekday:
        return None
    return year, import_report.year_from_weekday(year, WEEKDAYS[event.weekday])


def _contradictions(event: EventDay, known: date, origin: str) -> list[str]:
    """Warnings where the text's day, month, year or weekday disagree with `known`."""
    warnings = []
    other_day = bool(event.day and event.month and (event.day, event.month) != (known.day, known.month))
    if other_day or (event.year and event.year != known.year):
        warnings.append(import_report.date_contradicted(event.describe(), known.isoformat(), origin))
    if event.weekday is not None and event.weekday != known.weekday():
        warnings.append(
            import_report.weekday_contradicted(
                WEEKDAYS[event.weekday], event.where, known.isoformat(), WEEKDAYS[known.weekday()], origin
            )
        )
    return warnings


def _year(text: AgencyText, event: EventDay) -> tuple[int, str] | None:
    """The event's year and how the text gives it: written, an anniversary, or the weekday."""
    if event.year:
        return event.year, ""
    return _anniversary_year(text, event) or _weekday_year(text, event)


def find_date(text: AgencyText, known: date | None) -> DateFinding:
    """`known` (sources.yaml) wins; else a date the text fixes; else the day it gives — never a guess."""
    event, set_aside = _event_day(text)
    if known is not None:
        warnings = tuple(_contradictions(event, known, "sources.yaml"))
        return DateFinding(known, "sources.yaml", "seeds/sources.yaml", warnings, set_aside=set_aside)
    if not (event.day and event.month):
        only = event.describe() if event.weekday is not None else None
        return DateFinding(None, "unknown", import_report.no_day_in_text(only), set_aside=set_aside)
    if not _make_date(LEAP_YEAR, event.month, event.day):
        return DateFinding(
            None, "unknown", import_report.day_does_not_exist(event.evidence()), set_aside=set_aside
        )
    year = _year(text, event)
    fixed = _make_date(year[0], event.month, event.day) if year else None
    if year and fixed:
        evidence = messages.several(filter(None, (event.evidence(), year[1])))
        warnings = tuple(_contradictions(event, fixed, import_report.ORIGIN_TEXT))
        return DateFinding(fixed, "text", evidence, warnings, set_aside=set_aside)
    partial = DayMonth(event.day, event.month)
    return DateFinding(None, "unknown", event.evidence(), partial=partial, set_aside=set_aside)
