"""One French date formatter (core/french_dates.py): what a message says of a day is what pages write."""

from __future__ import annotations

import datetime

from revue.core import messages
from revue.core.months import DayMonth
from revue.render.environment import french_date, french_day

LEAP_YEAR = [datetime.date(2024, 1, 1) + datetime.timedelta(days=n) for n in range(366)]


def test_messages_and_pages_write_every_day_of_a_year_alike() -> None:
    """Pages put no-break spaces in (the typography); messages write ordinary ones, the same words."""
    for day in LEAP_YEAR:
        assert french_date(day).replace("\xa0", " ") == messages.french_day(day)
        assert french_day(day).replace("\xa0", " ") == DayMonth(day.day, day.month).describe()
    assert messages.french_day(datetime.date(2031, 5, 1)) == "1er mai 2031"


def test_a_day_its_month_does_not_have_is_named_as_written() -> None:
    assert DayMonth(31, 2).describe() == "31 février"
