"""`site.yaml` → a validated, frozen `SiteConfig`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from revue.core import countries, messages, urls
from revue.core.errors import BuildError, Problem
from revue.core.schema import Field, Refused, Schema
from revue.core.yamlsource import as_typed, load_mapping_file

TITLE_DASH = " — "  # between the site's name and what it is about, in `title:`


@dataclass(frozen=True)
class SiteConfig:
    """What `site.yaml` says, checked."""

    title: str
    description: str
    base_url: str  # absolute, always ends with "/"
    home_country: countries.Partner
    per_page: int
    home_articles: int
    feed_articles: int
    author: str
    search_shard_size: int  # most articles a search shard holds (one Pagefind process each; see shards.py)
    timezone: str  # the newsroom's: "today", which decides what is scheduled

    @property
    def short_title(self) -> str:
        """The title's name, before its dash (`Revue — le Vietnam…` → `Revue`): what a phone's header
        and a home screen have room for; the whole title when it has no dash."""
        return self.title.partition(TITLE_DASH)[0].strip() or self.title

    @property
    def tagline(self) -> str:
        """What the title says after its name, or nothing."""
        return self.title.partition(TITLE_DASH)[2].strip()

    @property
    def base_path(self) -> str:
        """The URL path the site lives under: "/" or "/repo/"."""
        return urlsplit(self.base_url).path

    def url(self, path: str) -> str:
        """Absolute URL of a site path such as `articles/x/`."""
        return self.base_url + path.lstrip("/")

    def href(self, path: str) -> str:
        """Root-relative link to a site path, valid under any sub-path."""
        return self.base_path + path.lstrip("/")


def _text_setting(key: str) -> Field:
    """A text the site shows (`title: 2024` is the text `2024`), spaces around it dropped."""

    def convert(value: Any) -> str:
        text = as_typed(value)
        if not isinstance(text, str) or not text.strip():
            raise Refused(messages.text_setting_missing(key))
        return text.strip()

    return Field(key, convert, missing=messages.text_setting_missing(key))


def _count_setting(key: str, default: int | None = None) -> Field:
    """A whole number of articles, 1 or more; without a default, required."""

    def convert(value: Any) -> int:
        if value is None and default is not None:
            return default
        if value is None:
            raise Refused(messages.count_setting_missing(key))
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise Refused(messages.count_setting_invalid(key, value))
        return value

    return Field(key, convert, None if default else messages.count_setting_missing(key), default)


def _base_url_setting(value: Any) -> str:
    url = urls.base_url(value) if isinstance(value, str) else None
    if url is None:
        raise Refused(messages.key_problem("base_url", messages.base_url_invalid(value)))
    return url


def _home_country_setting(value: Any) -> countries.Partner:
    home = countries.lookup(str(value))
    if home is None or home.is_organisation:
        raise Refused(messages.home_country_unknown(value))
    return home


def _timezone_setting(value: Any) -> str:
    if not _known_timezone(value):
        raise Refused(messages.key_problem("timezone", messages.timezone_unknown(value)))
    return str(value)


SITE_YAML = Schema((
    _text_setting("title"),
    _text_setting("description"),
    _text_setting("author"),
    Field("base_url", _base_url_setting, messages.key_problem("base_url", messages.base_url_invalid(None))),
    Field("home_country", _home_country_setting, messages.home_country_unknown(None)),
    _count_setting("per_page"),
    _count_setting("home_articles"),
    _count_setting("feed_articles"),
    _count_setting("search_shard_size", default=1000),
    Field("timezone", _timezone_setting, default="Asia/Ho_Chi_Minh"),
))  # fmt: skip


def load_config(path: Path, base_url: str | None = None) -> SiteConfig:
    """Read and check `site.yaml`; `base_url` (from the command line) wins over the file's."""
    data = load_mapping_file(path, path)
    if data is None:
        raise BuildError([Problem(path, None, messages.SITE_YAML_MISSING)])
    values, found = SITE_YAML.read(data.values)
    if base_url is not None:  # the file's is neither read nor checked
        found = [(key, message) for key, message in found if key != "base_url"]
        values["base_url"] = urls.base_url(base_url)
    problems = [Problem(path, data.line(key, 1), message) for key, message in found]
    if base_url is not None and values["base_url"] is None:
        problems.append(Problem(Path("--base-url"), None, messages.base_url_invalid(base_url)))
    if problems:
        raise BuildError(sorted(problems, key=lambda p: p.line or 0))
    return SiteConfig(**values)


def _known_timezone(name: object) -> bool:
    """Is `name` a time zone of the IANA database (`Asia/Ho_Chi_Minh`, `Europe/Paris`)?"""
    if not isinstance(name, str):
        return False
    try:
        ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):  # ValueError: a name that is no path (`../x`, ``)
        return False
    return True
