"""`site.yaml` → a validated, frozen `SiteConfig`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from revue.core import countries, messages, urls
from revue.core.errors import BuildError, Problem
from revue.core.validate import unknown_key_message
from revue.core.yamlsource import as_typed, load_mapping_file


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
    search_shard_size: int = (
        1000  # most articles a search shard holds (one Pagefind process each; see shards.py)
    )
    timezone: str = "Asia/Ho_Chi_Minh"  # the newsroom's: "today", which decides what is scheduled

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


TITLE_DASH = " — "  # between the site's name and what it is about, in `title:`
TEXT_KEYS = ("title", "description", "author")
COUNT_KEYS = ("per_page", "home_articles", "feed_articles")
OPTIONAL_COUNT_KEYS = ("search_shard_size",)  # absent: the SiteConfig default
KNOWN_KEYS = (*TEXT_KEYS, "base_url", "home_country", *COUNT_KEYS, *OPTIONAL_COUNT_KEYS, "timezone")


def load_config(path: Path, base_url: str | None = None) -> SiteConfig:
    """Read and check `site.yaml`; `base_url` (from the command line) wins over the file's."""
    data = load_mapping_file(path, path)
    if data is None:
        raise BuildError([Problem(path, None, messages.SITE_YAML_MISSING)])
    problems: list[Problem] = []

    def bad(key: str, message: str) -> None:
        problems.append(Problem(path, data.line(key, 1), message))

    for key in data.values:
        if key not in KNOWN_KEYS:
            bad(key, unknown_key_message(key, KNOWN_KEYS))
    values = dict(data.values)
    values.update({key: as_typed(values[key]) for key in TEXT_KEYS if key in values})  # `title: 2024`
    for key in TEXT_KEYS:
        if not isinstance(values.get(key), str) or not values[key].strip():
            bad(key, messages.text_setting_missing(key))
    for key in (*COUNT_KEYS, *OPTIONAL_COUNT_KEYS):
        value = values.get(key)
        if value is None and key in COUNT_KEYS:
            bad(key, messages.count_setting_missing(key))
        elif value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
            bad(key, messages.count_setting_invalid(key, value))
    wanted = values.get("base_url") if base_url is None else base_url
    url = urls.base_url(wanted) if isinstance(wanted, str) else None
    if url is None and base_url is None:
        bad("base_url", messages.key_problem("base_url", messages.base_url_invalid(wanted)))
    elif url is None:
        problems.append(Problem(Path("--base-url"), None, messages.base_url_invalid(wanted)))
    home = countries.lookup(str(values.get("home_country", "")))
    if home is None or home.is_organisation:
        bad("home_country", messages.home_country_unknown(values.get("home_country")))
    timezone = values.get("timezone", SiteConfig.timezone)
    if not known_timezone(timezone):
        bad("timezone", messages.key_problem("timezone", messages.timezone_unknown(timezone)))
    if problems:
        raise BuildError(sorted(problems, key=lambda p: p.line or 0))
    return SiteConfig(
        title=values["title"].strip(),
        description=values["description"].strip(),
        base_url=url,
        home_country=home,
        per_page=values["per_page"],
        home_articles=values["home_articles"],
        feed_articles=values["feed_articles"],
        author=values["author"].strip(),
        search_shard_size=values.get("search_shard_size", SiteConfig.search_shard_size),
        timezone=timezone,
    )


def known_timezone(name: object) -> bool:
    """Is `name` a time zone of the IANA database (`Asia/Ho_Chi_Minh`, `Europe/Paris`)?"""
    if not isinstance(name, str):
        return False
    try:
        ZoneInfo(name)
    except (ValueError, ZoneInfoNotFoundError):  # ValueError: a name that is no path (`../x`, ``)
        return False
    return True
