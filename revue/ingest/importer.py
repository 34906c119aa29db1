"""The import plan: every `seeds/*.txt` not imported yet → a new `content/<slug>.md`.

A seed is imported once: when an article records it as its `source.seed` (wherever the article is under
`content/`), or when `seeds/imported.yaml` lists it (its article may have been deleted since), it is
never imported again. An editor's file is never overwritten: a new file is planned only where no file
exists. The pipeline reads every planned file back with the build's own reader before anything is
written, then writes them all, and the seeds they come from into `seeds/imported.yaml`, or nothing.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from textwrap import shorten
from typing import TYPE_CHECKING

from revue.content.config import SiteConfig
from revue.content.files import SourceFile, name_problems
from revue.core import messages
from revue.core.errors import BuildError, LineError, Problem, display_path
from revue.core.messages import import_report
from revue.core.project import Project
from revue.core.uninterrupted import uninterrupted
from revue.core.validate import missing_year
from revue.ingest.imported import imported_yaml_text
from revue.ingest.sources import SourceEntry, load_sources

if TYPE_CHECKING:
    from revue.ingest.convert import ConvertedSeed

SEED_PATTERN = "*.txt"
# A line the parser left out is quoted in the report up to this many characters: enough to recognise it.
DROPPED_EXCERPT = 60


@dataclass(frozen=True)
class ImportReport:
    """What happened to one seed, for the editor running `import` or `build`: what the importer
    decided, and under each decision, one line per reason, so it can be checked in a glance."""

    seed: str
    path: str
    imported: bool
    title: str = ""
    date: str = ""
    date_evidence: tuple[str, ...] = ()  # what gave the date, then the day mentions passed over
    countries: tuple[str, ...] = ()
    partner_evidence: tuple[str, ...] = ()  # why each partner, then the countries set aside
    dropped: tuple[str, ...] = ()  # lines of the copy left out of the article
    repairs: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    deleted: bool = False  # imported before, and its article deleted since: not imported again

    def format(self) -> str:
        if self.deleted:
            return import_report.seed_not_imported_again(self.seed, self.path)
        if not self.imported:
            return import_report.seed_kept(self.seed, self.path, self.warnings[0])
        lines = [
            import_report.seed_imported(self.seed, self.path),
            f"  title: {self.title}",
            f"  date: {self.date}",
            *(f"    {line}" for line in self.date_evidence),
            f"  countries: {', '.join(self.countries) or import_report.NO_COUNTRY_FOUND}",
            *(f"    {line}" for line in self.partner_evidence),
            *(f"  {line}" for line in self.dropped),
        ]
        if self.repairs:
            lines.append(f"  {import_report.report_repairs(list(self.repairs))}")
        lines += [f"  {messages.WARNING}{warning}" for warning in self.warnings]
        return "\n".join(lines)


@dataclass(frozen=True)
class PlannedFile:
    """A file the import would create: the seed it comes from, the file, and the report."""

    seed: Path  # as shown in messages
    file: SourceFile  # path as shown in messages, and the bytes to write
    report: ImportReport


@dataclass(frozen=True)
class ImportPlan:
    """What an import would do: the files it would create, the seeds it leaves as they are (their article
    kept, or deleted since it was imported), and `seeds/imported.yaml` as it will then be."""

    files: tuple[PlannedFile, ...]
    kept: tuple[ImportReport, ...]
    imported: dict[str, str]  # every seed imported, with the article it became
    imported_before: dict[str, str]  # `seeds/imported.yaml` as it is

    @property
    def reports(self) -> list[ImportReport]:
        return sorted([*self.kept, *(planned.report for planned in self.files)], key=lambda r: r.seed)


def seed_files(project: Project) -> list[Path]:
    return sorted(project.seeds.glob(SEED_PATTERN)) if project.seeds.is_dir() else []


def plan_import(
    project: Project,
    config: SiteConfig,
    recorded: dict[str, Path],
    imported: dict[str, str],
    unknown: frozenset[Path] = frozenset(),
) -> ImportPlan:
    """Convert every seed neither an article records nor `seeds/imported.yaml` lists, without writing;
    BuildError listing every problem.

    `recorded` maps each seed an article records to that article's path (as shown); those seeds are
    converted too, to say whether their article was edited since. `imported` is `seeds/imported.yaml`.
    `unknown`: articles (as shown) whose front matter cannot be read; a seed that would be written there
    waits, unreported, until the file reads and says whether it came from that seed.
    """
    sources = load_sources(project.sources_yaml, project.root)
    seeds = seed_files(project)
    # A name that is not UTF-8 text would be written into the article's `source.seed`.
    problems = name_problems([seed.name for seed in seeds], str(display_path(project.seeds, project.root)))
    refused = {problem.path.name for problem in problems}
    deleted = [
        ImportReport(seed.name, imported[seed.name], False, deleted=True)
        for seed in seeds
        if seed.name in imported and seed.name not in recorded
    ]
    todo = [
        seed
        for seed in seeds
        if (seed.name in recorded or seed.name not in imported) and seed.name not in refused
    ]
    # Seeds whose article records them are listed too: a file that came before the list, or whose line an
    # editor removed while keeping the article, is still the seed's import.
    now_imported = {**imported, **{seed: Path(path).as_posix() for seed, path in recorded.items()}}
    if not todo:
        if problems:
            raise BuildError(problems)
        return ImportPlan((), tuple(deleted), now_imported, imported)
    from revue.ingest.convert import convert, read_seed  # only now: it loads wordfreq's lists

    kept: list[ImportReport] = []
    planned: dict[Path, PlannedFile] = {}
    for seed_path in todo:
        seed, shown = seed_path.name, display_path(seed_path, project.root)
        try:
            converted = convert(
                seed, read_seed(seed_path), sources.get(seed, SourceEntry(None, None)), config
            )
        except LineError as error:
            if seed not in recorded:
                problems.append(Problem(shown, error.line, error.message))
            converted = None
        if seed in recorded:
            path = project.root / recorded[seed]
            edited = converted is None or path.read_bytes() != converted.markdown.encode("utf-8")
            why = import_report.EDITED_SINCE_IMPORT if edited else import_report.UNCHANGED_SINCE_IMPORT
            kept.append(ImportReport(seed, str(recorded[seed]), False, warnings=(why,)))
            continue
        if converted is None:
            continue
        path = project.content / f"{converted.slug}.md"
        target = display_path(path, project.root)
        if target in planned:
            problems.append(Problem(shown, 1, messages.same_file_as(target, planned[target].seed.name)))
        elif target in unknown:
            continue
        elif path.exists() or path.is_symlink():
            problems.append(Problem(shown, 1, messages.file_taken(target)))
        else:
            planned[target] = PlannedFile(
                shown,
                SourceFile(str(target), converted.markdown.encode("utf-8")),
                imported_report(converted, str(target)),
            )
    if problems:
        raise BuildError(problems)
    now_imported.update((planned.seed.name, target.as_posix()) for target, planned in planned.items())
    return ImportPlan(tuple(planned.values()), (*kept, *deleted), now_imported, imported)


def imported_report(converted: ConvertedSeed, path: str) -> ImportReport:
    """The report on a seed's import: its date, partners and left-out lines, each with why."""
    found, partners = converted.date, converted.partners
    if found.date:
        date = found.date.isoformat()
    elif found.partial:
        date = import_report.imported_without_year(found.partial.placeholder(), missing_year(found.partial))
    else:
        date = import_report.date_unknown(path)
    return ImportReport(
        seed=converted.seed,
        path=path,
        imported=True,
        title=converted.title,
        date=date,
        date_evidence=(
            import_report.report_evidence(found.evidence),
            *(import_report.report_set_aside(day) for day in found.set_aside),
        ),
        countries=tuple(country.name for country in partners.countries),
        partner_evidence=(
            *(import_report.report_partner(why.country.name, why.reason) for why in partners.evidence),
            *(import_report.report_venue(why.country.name, why.reason) for why in partners.set_aside),
        ),
        dropped=tuple(
            import_report.report_dropped(
                line.line, shorten(line.text, DROPPED_EXCERPT, placeholder=" …"), line.why
            )
            for line in converted.dropped
        ),
        repairs=tuple(str(repair) for repair in converted.repairs),
        warnings=converted.warnings,
    )


def write_imports(project: Project, plan: ImportPlan) -> None:
    """Create the planned files and list their seeds in `seeds/imported.yaml`: all of it, or nothing.

    Each file is first written whole beside its place, then linked there (a file that appeared since the
    plan is never overwritten: linking fails); the list replaces its old version last. If any step fails,
    the files already in place are removed before the error goes on.
    """
    staged: list[tuple[Path, Path]] = []
    placed: list[Path] = []
    record = project.imported_yaml
    record_text = imported_yaml_text(plan.imported) if plan.imported != plan.imported_before else None
    with uninterrupted():  # Ctrl-C leaves no article half written, and no article without its line
        try:
            for planned in plan.files:
                path = project.root / planned.file.path
                path.parent.mkdir(parents=True, exist_ok=True)
                temporary = path.with_name(f".{path.name}.tmp")  # a scratch name: never read as an article
                temporary.write_bytes(planned.file.raw)
                staged.append((temporary, path))
            if record_text is not None:
                temporary = record.with_name(f".{record.name}.tmp")
                temporary.write_text(record_text, encoding="utf-8")
                staged.append((temporary, record))
            for temporary, path in staged:
                if path == record:
                    os.replace(temporary, record)
                else:
                    os.link(temporary, path)
                    placed.append(path)
        except BaseException:
            for path in placed:
                path.unlink(missing_ok=True)
            raise
        finally:
            for temporary, _ in staged:
                temporary.unlink(missing_ok=True)
