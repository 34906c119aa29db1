"""Scheduled publication: what "today" is, which articles wait for their day, and how long a build holds.

An article dated after today is scheduled: `group` leaves it out of every page, list, feed and the
sitemap (the preview shows it, marked), and the build report names it. Today is the day in the site's
time zone (`timezone` in site.yaml), or the one given with `--today`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from revue.core import messages
from revue.core.errors import Problem

if TYPE_CHECKING:  # the pipeline's nothing-changed shortcut reads a Window and loads no article
    from revue.content.model import Article


def today_in(timezone: str) -> datetime.date:
    """The date now in `timezone`: an article dated today comes out at midnight there, not in UTC."""
    return datetime.datetime.now(ZoneInfo(timezone)).date()


def is_scheduled(article: Article, today: datetime.date) -> bool:
    return article.date is not None and article.date > today


def scheduled(articles: list[Article], today: datetime.date) -> tuple[Article, ...]:
    """The articles that wait for their day (drafts are not: they wait for `draft: false`), soonest first."""
    waiting = [a for a in articles if not a.draft and is_scheduled(a, today)]
    return tuple(sorted(waiting, key=lambda a: (a.date, a.file)))


def future_corrections(articles: list[Article], today: datetime.date) -> list[Problem]:
    """`updated:` says when an article was corrected: a day after today cannot be one yet."""
    return [
        Problem(a.path, a.updated_line, messages.updated_in_future(a.updated.isoformat(), today))
        for a in articles
        if a.updated is not None and a.updated > today
    ]


@dataclass(frozen=True)
class Window:
    """The days over which a run's result holds: from the latest date of an article on or before its
    today to the day before the earliest one after it (None: unbounded). No article changes side of
    "today" inside it, so a run with the same inputs on any of these days makes the same site."""

    timezone: str
    first: datetime.date | None
    until: datetime.date | None  # the first day outside

    def holds(self, today: datetime.date | None) -> bool:
        day = today or today_in(self.timezone)
        return (self.first is None or self.first <= day) and (self.until is None or day < self.until)


def window(articles: list[Article], today: datetime.date, timezone: str) -> Window:
    """The Window of a run on `today`: every date and correction date an article gives is a boundary."""
    days = {day for a in articles for day in (a.date, a.updated) if day is not None}
    return Window(
        timezone,
        max((day for day in days if day <= today), default=None),
        min((day for day in days if day > today), default=None),
    )
