"""The data that flows between stages: frozen, typed, and nothing more."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from revue.core import urls
from revue.core.countries import Partner


@dataclass(frozen=True)
class Photo:
    """A photo of the article: an image file of content/ with its alt text, or (no `file`) the caption
    of a photo the agency published, kept without the image."""

    caption: str
    credit: str
    file: str = ""  # as the editor wrote it, relative to the article's folder or content/medias/
    alt: str = ""
    line: int = 0  # where the editor named it in the article file


@dataclass(frozen=True)
class PhotoSize:
    """One width of a published photo: its two files (site paths), WebP and JPEG for older browsers."""

    width: int
    height: int
    webp: str
    jpeg: str


@dataclass(frozen=True)
class ShownPhoto:
    """A photo as pages show it: what the editor wrote, and the sizes the build made of the file."""

    photo: Photo
    sizes: tuple[PhotoSize, ...]  # narrowest first; the last is the largest

    @property
    def largest(self) -> PhotoSize:
        return self.sizes[-1]


@dataclass(frozen=True)
class Source:
    """Where the article comes from."""

    agency: str
    url: str | None
    seed: str | None


@dataclass(frozen=True)
class Article:
    """One `content/*.md`, validated: what the editor wrote plus what is derived once."""

    file: str  # its path as shown in messages, relative to the project (text: a Path costs every build
    # 0.09 s to unpickle 10,000 of them)
    title: str
    date: datetime.date | None  # None only in drafts
    countries: tuple[Partner, ...]
    summary: str
    place: str
    source: Source | None
    photos: tuple[Photo, ...]
    slug: str
    draft: bool
    body_markdown: str
    body_line: int  # file line where the body starts, for messages about the body
    slug_line: int  # the line the slug comes from (`slug:`, else `title:`), for messages about the URL
    aliases: tuple[str, ...] = ()  # old slugs: each gets a page that redirects to this article
    aliases_line: int = 0  # the line of `aliases:`, for messages about them
    updated: datetime.date | None = None  # the last correction (`updated:`), never before `date`
    updated_line: int = 1  # the line of `updated:`, for the check that needs today (content/schedule.py)
    # Set only by `group` for the preview: the date is after today, so the page says when it comes out.
    scheduled: bool = False

    @property
    def path(self) -> Path:
        return Path(self.file)

    @property
    def url_path(self) -> str:
        return urls.article(self.slug)

    @property
    def last_modified(self) -> datetime.date:
        """What feeds and the sitemap give as the article's last change: its correction, else its date."""
        assert self.date is not None, "published articles always have a date"
        return self.updated or self.date

    @property
    def year(self) -> int:
        assert self.date is not None, "published articles always have a date"
        return self.date.year
