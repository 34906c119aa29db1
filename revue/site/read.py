"""`content/*.md` → validated `Article`s, every problem in every file collected before failing."""

from __future__ import annotations

import calendar
import datetime
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slugify import slugify

from revue.core import countries
from revue.core.errors import BuildError, Problem, closest_key, display_path, unknown_key_message
from revue.core.yamlsource import Mapping, YamlSyntaxError, load_mapping
from revue.site.config import SiteConfig
from revue.site.model import Article, Photo, Source

KNOWN_KEYS = ("title", "date", "countries", "summary", "place", "source", "photos", "slug", "draft")
SOURCE_KEYS = ("agency", "url", "seed")
PHOTO_KEYS = ("caption", "credit")
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# What `python build.py new` writes as the body: never published (see scaffold.py).
PLACEHOLDER_BODY = "Écrivez ici le texte de l’article, en paragraphes séparés par une ligne vide."


@dataclass(frozen=True)
class Document:
    """A Markdown file split into front matter and body, with the body's first line number."""

    front_matter: Mapping
    body: str
    closing_line: int  # the `---` that ends the front matter
    body_line: int  # the body's first line of text


class FileProblems(Exception):
    """Problems that stop one file from being read further."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems


def split_front_matter(path: Path, raw: bytes) -> Document:
    """Decode a file and separate its `---` front matter from its Markdown body."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FileProblems(
            [
                Problem(
                    path, line, f"is not UTF-8 text (byte 0x{raw[error.start]:02x}) — save the file as UTF-8"
                )
            ]
        ) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise FileProblems(
            [Problem(path, 1, "no front matter — start the file with a line `---`, the keys, then `---`")]
        )
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if closing is None:
        raise FileProblems(
            [
                Problem(
                    path,
                    1,
                    "front matter opened with `---` is never closed — add a line `---` after the last key",
                )
            ]
        )
    try:
        front_matter = load_mapping("\n".join(lines[1:closing]), first_line=2)
    except YamlSyntaxError as error:
        raise FileProblems([Problem(path, error.line, error.message)]) from None
    after = lines[closing + 1 :]
    blank = next((i for i, line in enumerate(after) if line.strip()), len(after))
    return Document(front_matter, "\n".join(after).strip("\n") + "\n", closing + 1, closing + 2 + blank)


def parse_date(value: Any) -> datetime.date | str:
    """A date, or the reason it is not one."""
    text = str(value).strip()
    if not DATE_PATTERN.match(text):
        return f'date: "{text}" is not a date — write YYYY-MM-DD, e.g. 2023-02-09'
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        year, month, _ = (int(part) for part in text.split("-"))
        if not 1 <= month <= 12:
            return f'date: "{text}" is not a real date — the month comes second and runs from 01 to 12'
        days = calendar.monthrange(year, month)[1]
        return f'date: "{text}" is not a real date — {calendar.month_name[month]} {year} has {days} days'


def as_text(value: Any) -> str:
    """Scalars an editor meant as text (`title: 2020`) become text; anything else is empty."""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


class ArticleReader:
    """Validates one document's front matter, collecting problems instead of stopping at the first."""

    def __init__(self, path: Path, document: Document, config: SiteConfig):
        self.path = path
        self.document = document
        self.config = config
        self.fm = document.front_matter
        self.problems: list[Problem] = []

    def bad(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.path, self.fm.line(key, 1), message))

    def missing(self, key: str, message: str) -> None:
        """Report a missing key, unless a misspelled key (`titel`) already points the editor to it."""
        if key not in self.misspelled:
            self.bad(key, message)

    def read(self) -> Article | None:
        unknown = [key for key in self.fm.values if key not in KNOWN_KEYS]
        self.misspelled = {closest_key(key, KNOWN_KEYS) for key in unknown}
        for key in unknown:
            self.bad(key, unknown_key_message(key, KNOWN_KEYS))
        draft = self.draft()
        article = Article(
            path=self.path,
            title=self.title(),
            date=self.date(draft),
            countries=self.countries(),
            summary=self.optional_text("summary"),
            place=self.optional_text("place"),
            source=self.source(),
            photos=self.photos(),
            slug=self.slug(),
            draft=draft,
            body_markdown=self.document.body,
            body_line=self.document.body_line,
        )
        if not self.document.body.strip():
            self.problems.append(
                Problem(
                    self.path,
                    self.document.closing_line,
                    "the article has no text — write it below the closing `---`",
                )
            )
        elif self.document.body.strip() == PLACEHOLDER_BODY and not draft:
            self.problems.append(
                Problem(
                    self.path,
                    self.document.body_line,
                    "the article still holds the example text written by `new` — replace it with the article",
                )
            )
        return None if self.problems else article

    def unpaired_quote(self, key: str, value: str) -> None:
        """`title: Le sommet"` builds, but shows a stray » to readers: a quote char comes in pairs."""
        if value.count('"') % 2:
            self.bad(key, f'{key}: has an unpaired " — put the whole value in quotes, or remove the stray "')

    def title(self) -> str:
        title = as_text(self.fm.values.get("title"))
        self.unpaired_quote("title", title)
        if not title:
            self.missing(
                "title", 'title: missing or empty — add a line such as `title: "Le titre de l\'article"`'
            )
        return title

    def draft(self) -> bool:
        value = self.fm.values.get("draft", False)
        if not isinstance(value, bool):
            self.bad(
                "draft", f'draft: "{value}" is not true or false — write `draft: true` or `draft: false`'
            )
            return False
        return value

    def date(self, draft: bool) -> datetime.date | None:
        value = self.fm.values.get("date")
        if value in (None, ""):
            if not draft:
                self.missing("date", "date: missing — add a line such as `date: 2023-02-09` (YYYY-MM-DD)")
            return None
        parsed = parse_date(value)
        if isinstance(parsed, str):
            self.bad("date", parsed)
            return None
        return parsed

    def countries(self) -> tuple[countries.Country, ...]:
        value = self.fm.values.get("countries")
        names = [value] if isinstance(value, str) else value
        if not isinstance(names, list) or not names:
            self.missing(
                "countries",
                "countries: missing or empty — list the partner countries, e.g. `countries: [Japon]`",
            )
            return ()
        found: list[countries.Country] = []
        for name in names:
            country = countries.resolve_partner(str(name), self.config.home_country)
            if isinstance(country, str):
                self.bad("countries", f"countries: {country}")
            elif country not in found:
                found.append(country)
        return tuple(found)

    def optional_text(self, key: str) -> str:
        value = self.fm.values.get(key)
        if value is not None and not as_text(value):
            self.bad(key, f"{key}: expected text, found {value!r} — write it in quotes")
        self.unpaired_quote(key, as_text(value))
        return as_text(value)

    def source(self) -> Source | None:
        value = self.fm.values.get("source")
        if value is None:
            return None
        if not isinstance(value, dict):
            self.bad(
                "source",
                "source: expected keys agency, url, seed — e.g. `source: {agency: VNA, url: https://…}`",
            )
            return None
        for key in value:
            if key not in SOURCE_KEYS:
                self.bad("source", "source: " + unknown_key_message(str(key), SOURCE_KEYS))
        url = value.get("url")
        if url is not None and not re.match(r"^https?://\S+$", str(url)):
            self.bad("source", f'source: url "{url}" is not a web address — write it starting with https://')
        return Source(agency=as_text(value.get("agency")) or "VNA", url=url, seed=value.get("seed"))

    def photos(self) -> tuple[Photo, ...]:
        value = self.fm.values.get("photos") or []
        if not isinstance(value, list) or not all(
            isinstance(p, dict) and as_text(p.get("caption")) for p in value
        ):
            self.bad(
                "photos", "photos: expected a list of `{caption: …, credit: …}` — every photo needs a caption"
            )
            return ()
        for key in sorted({str(key) for photo in value for key in photo} - set(PHOTO_KEYS)):
            self.bad("photos", "photos: " + unknown_key_message(key, PHOTO_KEYS))
        return tuple(Photo(as_text(p["caption"]), as_text(p.get("credit"))) for p in value)

    def slug(self) -> str:
        value = self.fm.values.get("slug")
        if value is None:
            return slugify(as_text(self.fm.values.get("title"))) or slugify(self.path.stem)
        if not SLUG_PATTERN.match(str(value)):
            self.bad(
                "slug", f'slug: "{value}" may hold only a-z, 0-9 and hyphens — e.g. "{slugify(str(value))}"'
            )
        return str(value)


def read_article(path: Path, raw: bytes, config: SiteConfig) -> Article:
    """Validate one file; raises FileProblems with everything wrong in it."""
    document = split_front_matter(path, raw)
    reader = ArticleReader(path, document, config)
    article = reader.read()
    if article is None:
        raise FileProblems(reader.problems)
    return article


def content_sources(content_dir: Path, root: Path) -> list[tuple[Path, bytes]]:
    """Every `*.md` under `content_dir`, sorted: its path as shown in messages, and its bytes (read once)."""
    shown_dir = display_path(content_dir, root)
    found = []
    for folder, _, names in os.walk(content_dir):  # os.walk: pathlib's glob costs 0.3 s per 10,000 files
        relative = Path(folder).relative_to(content_dir)
        found += [relative / name for name in names if name.endswith(".md")]
    return [(shown_dir / name, (content_dir / name).read_bytes()) for name in sorted(found)]


def check_articles(
    sources: list[tuple[Path, bytes]], config: SiteConfig, read_one: Callable[..., Article] = read_article
) -> list[Article]:
    """Every article, drafts included, or a BuildError listing every problem in every file.

    `read_one` has `read_article`'s signature: the build passes a cached one (revue/memo.py).
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    for shown, raw in sources:
        try:
            articles.append(read_one(shown, raw, config))
        except FileProblems as error:
            problems.extend(sorted(error.problems, key=lambda p: p.line or 0))
    problems.extend(duplicate_slugs(articles))
    if problems:
        raise BuildError(problems)
    return articles


def read_articles(content_dir: Path, config: SiteConfig, root: Path) -> list[Article]:
    """Every article under `content_dir`, drafts included, or a BuildError listing every problem."""
    return check_articles(content_sources(content_dir, root), config)


def duplicate_slugs(articles: list[Article]) -> list[Problem]:
    """Two articles may not claim one URL, drafts included (a draft becomes public one day)."""
    first_by_slug: dict[str, Article] = {}
    problems = []
    for article in articles:
        first = first_by_slug.setdefault(article.slug, article)
        if first is not article:
            problems.append(
                Problem(
                    article.path,
                    1,
                    f'slug "{article.slug}" is already used by {first.path} — give one of them another '
                    f"`slug:` or title",
                )
            )
    return problems
