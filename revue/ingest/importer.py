"""`python build.py import`: every `seeds/*.txt` without Markdown yet → `content/<slug>.md`.

An editor's file is never overwritten: a seed whose Markdown exists (found by
`source.seed`) is left alone and reported, and a new file is created only where
no file exists. All seeds are checked before anything is written.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from slugify import slugify

from revue.core.errors import BuildError, Problem, display_path
from revue.core.project import Project
from revue.core.yamlsource import YamlSyntaxError, load_mapping
from revue.ingest import detect, glued_words
from revue.ingest.agency_text import AgencyText, Photo, TextError, parse
from revue.ingest.markdown_text import escape
from revue.site.config import SiteConfig

SOURCE_KEYS = ("date", "url")


@dataclass(frozen=True)
class SourceEntry:
    """What `seeds/sources.yaml` says about one seed."""

    date: datetime.date | None
    url: str | None


@dataclass(frozen=True)
class Article:
    """One seed turned into the Markdown file the importer writes."""

    seed: str
    slug: str
    markdown: str
    title: str
    date: detect.DateFinding
    countries: tuple[str, ...]
    repairs: tuple[glued_words.Repair, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ImportReport:
    """What happened to one seed, for the editor running `import`."""

    seed: str
    path: str
    imported: bool
    title: str = ""
    date: str = ""
    countries: tuple[str, ...] = ()
    repairs: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    def format(self) -> str:
        if not self.imported:
            return f"{self.seed}: kept {self.path} ({self.warnings[0]})"
        lines = [
            f"{self.seed} → {self.path}",
            f"  title: {self.title}",
            f"  date: {self.date}",
            f"  countries: {', '.join(self.countries) or 'none found — fill `countries`'}",
        ]
        if self.repairs:
            lines.append(f"  words repaired ({len(self.repairs)}): {'; '.join(self.repairs)}")
        lines += [f"  warning: {warning}" for warning in self.warnings]
        return "\n".join(lines)


def _as_date(value: object) -> datetime.date | None:
    """A YAML date, bare (a date) or quoted (a string)."""
    if type(value) is datetime.date:
        return value
    try:
        return datetime.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def load_sources(path: Path, root: Path) -> dict[str, SourceEntry]:
    """`seeds/sources.yaml`, checked; no file means no known dates or URLs."""
    shown = display_path(path, root)
    try:
        data = load_mapping(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise BuildError([Problem(shown, None, "is not UTF-8 text — save it as UTF-8")]) from None
    except YamlSyntaxError as error:
        raise BuildError([Problem(shown, error.line, error.message)]) from None
    entries, problems = {}, []
    for seed, value in data.values.items():
        line = data.line(seed, 1)
        fields = value if isinstance(value, dict) else {}
        if not isinstance(value, dict):
            problems.append(
                Problem(shown, line, f"`{seed}` needs `date:` and `url:` lines indented below it")
            )
        for key in fields:
            if key not in SOURCE_KEYS:
                problems.append(
                    Problem(
                        shown,
                        data.line(seed, 1, str(key)),
                        f"`{seed}`: unknown key `{key}` — use `date` and `url`",
                    )
                )
        date, url = _as_date(fields.get("date")), fields.get("url")
        if fields.get("date") is not None and date is None:
            problems.append(
                Problem(
                    shown,
                    data.line(seed, 1, "date"),
                    f"`{seed}`: date `{fields['date']}` is not a date — write YYYY-MM-DD",
                )
            )
        if url is not None and not (isinstance(url, str) and url.startswith(("https://", "http://"))):
            problems.append(
                Problem(
                    shown,
                    data.line(seed, 1, "url"),
                    f"`{seed}`: url `{url}` is not a web address — or write null",
                )
            )
            url = None
        if not (path.parent / seed).is_file():
            problems.append(
                Problem(
                    shown,
                    line,
                    f"`{seed}` names no file in {shown.parent}/ — correct the file name, or remove the entry",
                )
            )
        entries[seed] = SourceEntry(date, url)
    if problems:
        raise BuildError(sorted(problems, key=lambda problem: problem.line or 0))
    return entries


def _repaired(text: AgencyText) -> tuple[AgencyText, tuple[glued_words.Repair, ...]]:
    """`text` with glued words split in its title, standfirst, paragraphs and captions."""
    repairs: list[glued_words.Repair] = []

    def fix(value: str) -> str:
        fixed, found = glued_words.repair(value)
        repairs.extend(found)
        return fixed

    fixed = replace(
        text,
        title=fix(text.title),
        standfirst=fix(text.standfirst) if text.standfirst else None,
        paragraphs=tuple(fix(p) for p in text.paragraphs),
        photos=tuple(Photo(fix(photo.caption), photo.credit) for photo in text.photos),
    )
    return fixed, tuple(repairs)


def _front_matter(values: dict[str, Any]) -> str:
    return yaml.safe_dump(
        values, allow_unicode=True, sort_keys=False, width=float("inf"), default_flow_style=None
    )


def convert(seed: str, raw: str, source: SourceEntry, config: SiteConfig) -> Article:
    """One raw agency text → the Markdown file for it; TextError when it holds no article."""
    text, repairs = _repaired(parse(raw))
    slug = slugify(text.title)
    if not slug:
        raise TextError(
            1, f"the title `{text.title}` has no letters or digits to name the file — give it words"
        )
    found = detect.find_date(text, source.date)
    summary = text.standfirst or text.paragraphs[0]
    countries = detect.partner_countries(
        [text.title, summary, *text.paragraphs, *(photo.caption for photo in text.photos)],
        config.home_country,
    )
    values: dict[str, Any] = {"title": text.title}
    if found.date:
        values["date"] = found.date
    values["countries"] = [country.name for country in countries]
    values["summary"] = summary
    if text.dateline and text.dateline.place:
        values["place"] = text.dateline.place
    values["source"] = {"agency": text.agency, **({"url": source.url} if source.url else {}), "seed": seed}
    if text.photos:
        values["photos"] = [
            {"caption": photo.caption, **({"credit": photo.credit} if photo.credit else {})}
            for photo in text.photos
        ]
    values["slug"] = slug
    if not found.date:
        values["draft"] = True
    body = "\n\n".join(escape(paragraph) for paragraph in text.paragraphs)
    return Article(
        seed=seed,
        slug=slug,
        markdown=f"---\n{_front_matter(values)}---\n\n{body}\n",
        title=text.title,
        date=found,
        countries=tuple(values["countries"]),
        repairs=repairs,
        warnings=(*text.warnings, *found.warnings),
    )


def _recorded_seed(path: Path) -> str | None:
    """The `source.seed` a content file's front matter records, if it can be read."""
    try:
        text = path.read_text(encoding="utf-8")
        head, separator, _ = text.removeprefix("---\n").partition("\n---\n")
        source = load_mapping(head).values.get("source") if text.startswith("---\n") and separator else None
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return None  # the site build reports unreadable content files
    seed = source.get("seed") if isinstance(source, dict) else None
    return seed if isinstance(seed, str) else None


def _read_seed(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TextError(None, "is not UTF-8 text — save it as UTF-8") from None


def _date_line(article: Article, path: str) -> str:
    if article.date.date is None:
        return f"unknown — imported as `draft: true`: fill `date` in {path}"
    return f"{article.date.date.isoformat()} (from {article.date.origin})"


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: the files it would create, and the seeds it keeps as they are."""

    new: tuple[tuple[Path, Article], ...]
    kept: tuple[ImportReport, ...]


def plan_import(project: Project, config: SiteConfig) -> ImportPlan:
    """Convert every seed without writing anything (`check` stops here); BuildError on any problem."""
    sources = load_sources(project.sources_yaml, project.root)
    existing = {}
    for path in sorted(project.content.glob("*.md")):
        if (seed := _recorded_seed(path)) and seed not in existing:
            existing[seed] = path
    problems: list[Problem] = []
    reports: list[ImportReport] = []
    new: dict[Path, Article] = {}
    for seed_path in sorted(project.seeds.glob("*.txt")):
        seed, shown = seed_path.name, display_path(seed_path, project.root)
        try:
            article = convert(seed, _read_seed(seed_path), sources.get(seed, SourceEntry(None, None)), config)
        except TextError as error:
            if seed not in existing:
                problems.append(Problem(shown, error.line, error.message))
            article = None
        if seed in existing:
            path = existing[seed]
            edited = article is None or path.read_bytes() != article.markdown.encode("utf-8")
            why = "edited since import: never overwritten" if edited else "unchanged since import"
            reports.append(ImportReport(seed, str(display_path(path, project.root)), False, warnings=(why,)))
            continue
        if article is None:
            continue
        path = project.content / f"{article.slug}.md"
        target = display_path(path, project.root)
        if path in new:
            problems.append(
                Problem(
                    shown, 1, f"its title gives {target}, as does {new[path].seed} — change one of the titles"
                )
            )
        elif path.exists():
            problems.append(
                Problem(
                    shown,
                    1,
                    f"{target} already exists and is not this seed's import — rename that file "
                    "or change this seed's title",
                )
            )
        else:
            new[path] = article
    if problems:
        raise BuildError(problems)
    return ImportPlan(tuple(new.items()), tuple(reports))


def import_seeds(project: Project, config: SiteConfig) -> list[ImportReport]:
    """Import every seed without Markdown; BuildError, with nothing written, on any problem."""
    plan = plan_import(project, config)
    reports = list(plan.kept)
    project.content.mkdir(parents=True, exist_ok=True)
    for path, article in plan.new:
        with path.open("x", encoding="utf-8", newline="\n") as file:
            file.write(article.markdown)
        shown_path = str(display_path(path, project.root))
        reports.append(
            ImportReport(
                seed=article.seed,
                path=shown_path,
                imported=True,
                title=article.title,
                date=_date_line(article, shown_path),
                countries=article.countries,
                repairs=tuple(str(repair) for repair in article.repairs),
                warnings=article.warnings,
            )
        )
    return sorted(reports, key=lambda report: report.seed)
