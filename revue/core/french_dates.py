"""The one French date formatter, for pages and messages alike: « 1er mai 2031 », « 14 novembre ».

Babel's, as the templates' filters use it, with the ordinal French writes for the first of a month
(Babel writes « 1 mai »). Babel is imported when a date is first formatted, not with this module: the
message catalogue imports it, and `build.py` reads that catalogue to say, in French, that the
libraries are missing.
"""

from __future__ import annotations

import datetime


def french_date(day: datetime.date, with_year: bool = True) -> str:
    """`1er mai 2031`, `14 novembre 2024`; `14 novembre` without the year. Ordinary spaces: pages give
    it to the typography, which puts the no-break spaces in."""
    from babel.dates import format_date

    text = format_date(day, "d MMMM y" if with_year else "d MMMM", locale="fr")
    return "1er" + text[1:] if day.day == 1 else text


def french_month(month: int) -> str:
    """`février`: a month's name, for what an editor wrote of a month of any year (year 0 included,
    which no date holds)."""
    from babel.dates import format_date

    return format_date(datetime.date(2000, month, 1), "MMMM", locale="fr")
