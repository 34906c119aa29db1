"""French month names, and a day of the year given without its year (`14 novembre`)."""

from __future__ import annotations

from dataclasses import dataclass

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
        """`14 novembre`, `1er mars`."""
        return f"{'1er' if self.day == 1 else self.day} {MONTH_NAMES[self.month - 1]}"

    def placeholder(self, year: str = "????") -> str:
        """The date with its year left to fill: `????-11-14` (or `20YY-11-14`, to show where it goes)."""
        return f"{year}-{self.month:02d}-{self.day:02d}"
