"""The import plan: every `seeds/*.txt` that no article records as its `source.seed` → a new `content/<slug>.md`.

An editor's file is never overwritten: seeds already imported are found from the articles the build
read (wherever they are under `content/`), and a new file is planned only where no file exists. The
pipeline reads every planned file back with the build's own reader before anything is written, and
writes them only when the whole build succeeds.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from textwrap import shorten
from typing import TYPE_CHECKING

from revue.core import messages
from revue.core.errors import BuildError, LineError, Problem, display_path
from revue.core.project import Project
from revue.core.uninterrupted import uninterrupted
from revue.core.validate import missing_year
from revue.ingest.sources import SourceEntry, load_sources
from revue.site.config import SiteConfig
from revue.site.files import SourceFile, name_problems

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

    def format(self) -> str:
        if not self.imported:
            return messages.seed_kept(self.seed, self.path, self.warnings[0])
        lines = [
            messages.seed_imported(self.seed, self.path),
            f"  title: {self.title}",
            f"  date: {self.date}",
            *(f"    {line}" for line in self.date_evidence),
            f"  countries: {', '.join(self.countries) or messages.NO_COUNTRY_FOUND}",
            *(f"    {line}" for line in self.partner_evidence),
            *(f"  {line}" for line in self.dropped),
        ]
        if self.repairs:
            lines.append(f"  {messages.report_repairs(list(self.repairs))}")
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
    """What an import would do: the files it would create, and (on request) the seeds it keeps as they are."""

    files: tuple[PlannedFile, ...]
    kept: tuple[ImportReport, ...]


def plan_import(
    project: Project,
    config: SiteConfig,
    recorded: dict[str, Path],
    list_kept: bool = False,
    unknown: frozenset[Path] = frozenset(),
) -> ImportPlan:
    """Convert every seed no article records, without writing; BuildError listing every problem.

    `recorded` maps each seed an article records to that article's path (as shown). With `list_kept`,
    those seeds are converted too, to say whether their article was edited since. `unknown`: articles
    (as shown) whose front matter cannot be read; a seed that would be written there waits, unreported,
    until the file reads and says whether it came from that seed.
    """
    sources = load_sources(project.sources_yaml, project.root)
    seeds = sorted(project.seeds.glob(SEED_PATTERN)) if project.seeds.is_dir() else []
    # A name that is not UTF-8 text would be written into the article's `source.seed`.
    problems = name_problems([seed.name for seed in seeds], str(display_path(project.seeds, project.root)))
    refused = {problem.path.name for problem in problems}
    todo = [seed for seed in seeds if (list_kept or seed.name not in recorded) and seed.name not in refused]
    if not todo:
        if problems:
            raise BuildError(problems)
        return ImportPlan((), ())
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
            why = messages.EDITED_SINCE_IMPORT if edited else messages.UNCHANGED_SINCE_IMPORT
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
    return ImportPlan(tuple(planned.values()), tuple(kept))


def imported_report(converted: ConvertedSeed, path: str) -> ImportReport:
    """The report on a seed's import: its date, partners and left-out lines, each with why."""
    found, partners = converted.date, converted.partners
    if found.date:
        date = found.date.isoformat()
    elif found.partial:
        date = messages.imported_without_year(found.partial.placeholder(), missing_year(found.partial))
    else:
        date = messages.date_unknown(path)
    return ImportReport(
        seed=converted.seed,
        path=path,
        imported=True,
        title=converted.title,
        date=date,
        date_evidence=(
            messages.report_evidence(found.evidence),
            *(messages.report_set_aside(day) for day in found.set_aside),
        ),
        countries=tuple(country.name for country in partners.countries),
        partner_evidence=(
            *(messages.report_partner(why.country.name, why.reason) for why in partners.evidence),
            *(messages.report_venue(why.country.name, why.reason) for why in partners.set_aside),
        ),
        dropped=tuple(
            messages.report_dropped(
                line.line, shorten(line.text, DROPPED_EXCERPT, placeholder=" …"), line.why
            )
            for line in converted.dropped
        ),
        repairs=tuple(str(repair) for repair in converted.repairs),
        warnings=converted.warnings,
    )


def write_imports(project: Project, plan: ImportPlan) -> None:
    """Create the planned files; `x` mode: a file that appeared since the plan is never overwritten."""
    with uninterrupted():  # Ctrl-C leaves no article half written
        for planned in plan.files:
            path = project.root / planned.file.path
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("xb") as file:
                file.write(planned.file.raw)
