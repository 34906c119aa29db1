"""French month names, as texts write them (to read dates), and a day of the year given without its
year (`14 novembre`), worded by the one French date formatter (french_dates.py)."""

from __future__ import annotations

import calendar
import datetime
from dataclasses import dataclass

from revue.core.french_dates import french_date, french_month

MONTH_NAMES = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
# A year every day and month exists in (29 February included): checks a day without its year is real.
LEAP_YEAR = 2000


@dataclass(frozen=True)
class DayMonth:
    """A day the text gives without its year: `14 novembre`, kept by a draft as `????-11-14`."""

    day: int
    month: int

    def describe(self) -> str:
        """`14 novembre`, `1er mars`; `31 février`, a day its month does not have, as the editor wrote it."""
        if 1 <= self.day <= calendar.monthrange(LEAP_YEAR, self.month)[1]:
            return french_date(datetime.date(LEAP_YEAR, self.month, self.day), with_year=False)
        return f"{self.day} {french_month(self.month)}"

    def placeholder(self, year: str = "????") -> str:
        """The date with its year left to fill: `????-11-14` (or `20YY-11-14`, to show where it goes)."""
        return f"{year}-{self.month:02d}-{self.day:02d}"
