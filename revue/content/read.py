"""`content/*.md` → validated `Article`s, every problem in every file collected before failing."""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from revue.content.config import SiteConfig
from revue.content.files import SourceFile
from revue.content.model import Article, Photo, Source
from revue.core import countries, frontmatter, messages, urls
from revue.core.errors import BuildError, Problem
from revue.core.frontmatter import Document
from revue.core.markdown_limits import body_limit
from revue.core.schema import Field, Refused, Schema, as_written
from revue.core.validate import (
    closest_key,
    missing_year,
    parse_date,
    parse_partial_date,
    web_address_problem,
)
from revue.core.yamlsource import as_typed

SOURCE = Schema((Field("agency"), Field("url"), Field("seed")))
# What `python build.py new` writes as the body: never published (see scaffold.py).
PLACEHOLDER_BODY = "Écrivez ici le texte de l’article, en paragraphes séparés par une ligne vide."


HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def _as_text(value: Any) -> str:
    """Scalars an editor meant as text (`title: 2020`, `alt: 010`) become the text typed; anything
    else is empty."""
    value = as_typed(value)
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _draft(value: Any) -> bool:
    """Absent, or left empty as the guide allows for optional fields: not a draft."""
    if value is None:
        return False
    if not isinstance(value, bool):
        raise Refused(messages.draft_not_boolean(value))
    return value


def _optional_text(key: str) -> Callable[[Any], str]:
    def convert(value: Any) -> str:
        if value is not None and not _as_text(value):
            raise Refused(messages.not_text(key, value))
        return _as_text(value)

    return convert


def _field(
    key: str, convert: Callable[[Any], Any] = as_written, default: Any = None, new_value: Any = None
) -> Field:
    return Field(key, convert, default=default, comment=messages.NEW_COMMENTS[key], new_value=new_value)


# A photo's fields, each a text: `credit: [VNA, AFP]` would vanish from the page.
PHOTO = Schema(
    tuple(Field(key, _optional_text(key), default="") for key in ("file", "alt", "caption", "credit"))
)


# An article's fields, in the order `new` writes them, each with its comment there. A field whose check
# reads other fields (no date needed in a draft, `updated` after `date`, the slug made from the title)
# or nested lines (a photo's own) is checked by the _ArticleReader method of its name.
FRONT_MATTER = Schema((
    _field("title"), _field("date"), _field("updated"), _field("countries"),
    _field("summary", _optional_text("summary"), default=""),
    _field("place", _optional_text("place"), default=""),
    _field("source"), _field("photos", new_value=[]), _field("slug"), _field("aliases", new_value=[]),
    _field("draft", _draft, default=False, new_value=True),
))  # fmt: skip


class _ArticleReader:
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
        unknown = FRONT_MATTER.unknown(self.fm.values)
        self.misspelled = {closest_key(key, FRONT_MATTER.keys) for key, _ in unknown}
        for key, message in unknown:
            self.bad(key, message)
        draft: bool = self.checked("draft")
        date = self.date(draft)
        article = Article(
            file=self.path.as_posix(),
            title=self.title(),
            date=date,
            updated=self.updated(date),
            countries=self.countries(),
            summary=self.optional_text("summary"),
            place=self.optional_text("place"),
            source=self.source(),
            photos=self.photos(),
            slug=self.slug(),
            draft=draft,
            body_markdown=self.document.body,
            body_line=self.document.body_line,
            slug_line=self.fm.line("slug", self.fm.line("title", 1)),
            aliases=self.aliases(),
            aliases_line=self.fm.line("aliases", 1),
            updated_line=self.fm.line("updated", 1),
        )
        if not HTML_COMMENT.sub("", self.document.body).strip():  # a comment alone shows nothing
            self.problems.append(Problem(self.path, self.document.closing_line, messages.NO_BODY))
        elif self.document.body.strip() == PLACEHOLDER_BODY and not draft:
            self.problems.append(Problem(self.path, self.document.body_line, messages.PLACEHOLDER_LEFT))
        elif limit := body_limit(self.document.body):  # what would hold Python-Markdown for minutes
            line, message = limit
            self.problems.append(Problem(self.path, self.document.body_line + line - 1, message))
        return None if self.problems else article

    def unpaired_quote(self, key: str, value: str) -> None:
        """`title: Le sommet"` builds, but shows a stray » to readers: a quote char comes in pairs. Not
        in a value written between double quotes, where a `"` is escaped on purpose (`"15\\" …"`)."""
        if value.count('"') % 2 and key not in self.fm.double_quoted:
            self.bad(key, messages.unpaired_quote(key))

    def title(self) -> str:
        value = self.fm.values.get("title")
        title = _as_text(value)
        self.unpaired_quote("title", title)
        if value is not None and not isinstance(value, str) and not title:  # `title: [a, b]`: not absent
            self.bad("title", messages.not_text("title", value))
        elif not title:
            self.missing("title", messages.TITLE_MISSING)
        return title

    def checked(self, key: str) -> Any:
        """A field the schema checks alone: its value, or its default and the problem at its line."""
        value, problem = FRONT_MATTER.field(key).take(self.fm.values.get(key))
        if problem is not None:
            self.bad(key, problem)
        return value

    def date(self, draft: bool) -> datetime.date | None:
        value = self.fm.values.get("date")
        if value in (None, ""):
            if not draft:
                self.missing("date", messages.DATE_MISSING)
            return None
        partial = parse_partial_date(value)  # `????-11-14`: a draft waiting for its year
        if isinstance(partial, str):
            self.bad("date", f"date: {partial}")
        elif partial and not draft:
            self.bad("date", messages.date_has_no_year(partial.placeholder(), missing_year(partial)))
        if partial is not None:
            return None
        parsed = parse_date(value)
        if isinstance(parsed, str):
            self.bad("date", messages.key_problem("date", parsed))
            return None
        return parsed

    def updated(self, date: datetime.date | None) -> datetime.date | None:
        """The day of the last correction: optional, a real date, never before the article's own."""
        value = self.fm.values.get("updated")
        if value in (None, ""):
            return None
        parsed = parse_date(value)
        if isinstance(parsed, str):
            self.bad("updated", messages.key_problem("updated", parsed))
            return None
        if date is not None and parsed < date:
            self.bad("updated", messages.updated_before_date(parsed.isoformat(), date.isoformat()))
            return None
        return parsed

    def countries(self) -> tuple[countries.Partner, ...]:
        value = self.fm.values.get("countries")
        listed = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        # `countries: France, Chine` (no brackets) is one text to YAML, and a list to the editor.
        parts = [part.strip(" \"'") for item in listed if item is not None for part in str(item).split(",")]
        names = [name for name in parts if name]
        if not names:
            self.missing("countries", messages.COUNTRIES_MISSING)
            return ()
        found: list[countries.Partner] = []
        for name in names:
            country = countries.resolve_partner(name, self.config.home_country)
            if isinstance(country, str):
                self.bad("countries", messages.key_problem("countries", country))
            elif country not in found:
                found.append(country)
        return tuple(found)

    def optional_text(self, key: str) -> str:
        text: str = self.checked(key)
        self.unpaired_quote(key, text)
        return text

    def source(self) -> Source | None:
        value = self.fm.values.get("source")
        if value is None:
            return None
        if not isinstance(value, dict):
            self.bad("source", messages.SOURCE_NOT_A_MAPPING)
            return None
        for _, message in SOURCE.unknown(value):
            self.bad("source", messages.key_problem("source", message))
        url = value.get("url")
        if url is not None and (problem := web_address_problem(url)):
            self.bad("source", messages.key_problem("source", messages.key_problem("url", problem)))
        for key in ("agency", "seed"):  # `seed: [a.txt, b.txt]`: one article comes from one text
            if value.get(key) is not None and not _as_text(value[key]):
                self.bad("source", messages.key_problem("source", messages.not_text(key, value[key])))
        seed = _as_text(value.get("seed")) or None
        return Source(agency=_as_text(value.get("agency")) or "VNA", url=url, seed=seed)

    def photos(self) -> tuple[Photo, ...]:
        """Photos with a `file` (alt text checked once the body's images are known: see publish/photos.py),
        and agency captions without one."""
        value = self.fm.values.get("photos") or []
        if not isinstance(value, list) or not all(
            isinstance(p, dict) and (_as_text(p.get("file")) or _as_text(p.get("caption"))) for p in value
        ):
            self.bad("photos", messages.PHOTOS_INVALID)
            return ()
        for _, message in PHOTO.unknown(sorted({str(key) for photo in value for key in photo})):
            self.bad("photos", messages.key_problem("photos", message))
        photos = []
        for index, photo in enumerate(value):
            line = self.fm.line("photos", 1, f"#{index}")
            texts = {}
            for field in PHOTO.fields:
                texts[field.key], problem = field.take(photo.get(field.key))
                if problem is not None:
                    self.problems.append(Problem(self.path, line, messages.key_problem("photos", problem)))
            photos.append(Photo(**texts, line=line))
        return tuple(photos)

    def slug(self) -> str:
        """The article's address: `slug:` as written, checked by the one rule (`urls.is_slug`), or, when
        absent or empty (« tirée du titre », as the guide says), made from the title."""
        value = as_typed(self.fm.values.get("slug"))
        if value is None or value == "":
            made = urls.slug(_as_text(self.fm.values.get("title"))) or urls.slug(self.path.stem)
            if not made:  # `title: "???"` in `---.md`: the page would be /articles/ itself
                self.bad("slug" if "slug" in self.fm.lines else "title", messages.NO_SLUG_FROM_TITLE)
            return made
        written = str(value)
        if not urls.SLUG.fullmatch(written):
            self.bad("slug", messages.slug_characters(written, urls.slug(written)))
        elif not urls.is_slug(written):
            self.bad("slug", messages.slug_too_long(len(written), urls.MAX_SLUG_LENGTH, urls.slug(written)))
        return written

    def aliases(self) -> tuple[str, ...]:
        """The article's old slugs, however the editor wrote each old address, each checked by the rule
        of slugs (`urls.is_slug`): an old address is a folder of `output/`, as a slug is."""
        value = self.fm.values.get("aliases")
        listed = [] if value is None else value if isinstance(value, list) else [value]
        found: list[str] = []
        for item in listed:
            written = as_typed(item) if isinstance(as_typed(item), str) else _as_text(item)
            slug = urls.slug_in_address(written) or written.strip("/")
            if not urls.SLUG.fullmatch(slug):
                example = urls.slug(slug) if "/" not in slug else ""  # `/pays/japon/` is no article's
                self.bad("aliases", messages.alias_not_an_address(written or item, example))
            elif not urls.is_slug(slug):
                self.bad("aliases", messages.alias_too_long(len(slug), urls.MAX_SLUG_LENGTH))
            elif slug not in found:
                found.append(slug)
        return tuple(found)


def read_article(path: Path, raw: bytes, config: SiteConfig) -> Article:
    """Validate one file; raises BuildError with everything wrong in it, in line order."""
    reader = _ArticleReader(path, frontmatter.split(path, raw), config)
    article = reader.read()
    if article is None:
        raise BuildError(sorted(reader.problems, key=lambda p: p.line or 0))
    return article


def articles_or_problems(read: list[Article | BuildError], problems: list[Problem]) -> list[Article]:
    """The articles, drafts included, or one BuildError listing every problem: each file's, those found
    before (`problems`: the import's), and slugs claimed twice."""
    articles = [outcome for outcome in read if isinstance(outcome, Article)]
    found = [problem for outcome in read if isinstance(outcome, BuildError) for problem in outcome.problems]
    found += [*problems, *_duplicate_slugs(articles), *claimed_aliases(articles)]
    if found:
        raise BuildError(found)
    return articles


def recorded_seed(file: SourceFile) -> str | None:
    """The `source.seed` a file records, read even when the file has other problems (they are reported);
    None when it has no front matter at all; BuildError when it has one that cannot be read, so whether
    it records a seed is unknown."""
    try:
        source = frontmatter.split(file.path, file.raw).front_matter.values.get("source")
    except frontmatter.NoFrontMatter:
        return None
    seed = source.get("seed") if isinstance(source, dict) else None
    return seed if isinstance(seed, str) else None


def first_per_slug(articles: list[Article]) -> dict[str, Article]:
    """Each slug's first article in reading order: the one its address leads to when several claim it."""
    first: dict[str, Article] = {}
    for article in articles:
        first.setdefault(article.slug, article)
    return first


def _duplicate_slugs(articles: list[Article]) -> list[Problem]:
    """Two articles may not claim one URL, drafts included (a draft becomes public one day)."""
    first = first_per_slug(articles)
    return [
        Problem(
            article.path, article.slug_line, messages.duplicate_slug(article.slug, first[article.slug].path)
        )
        for article in articles
        if first[article.slug] is not article
    ]


def claimed_aliases(articles: list[Article]) -> list[Problem]:
    """An old address leads to one article: never its own slug, another's slug or another's old
    address (drafts included, as for slugs)."""
    by_slug = {article.slug: article for article in articles}
    first_by_alias: dict[str, Article] = {}
    problems = []
    for article in articles:
        for alias in article.aliases:
            owner = by_slug.get(alias)
            first = first_by_alias.setdefault(alias, article)
            if owner is article:
                message = messages.alias_is_own_slug(alias)
            elif owner is not None:
                message = messages.alias_is_a_slug(alias, owner.path)
            elif first is not article:
                message = messages.alias_taken(alias, first.path)
            else:
                continue
            problems.append(Problem(article.path, article.aliases_line, message))
    return problems
