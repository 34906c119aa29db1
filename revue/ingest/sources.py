"""`seeds/sources.yaml`: what editors know about each raw text that the text does not say (date, URL)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from revue.core import messages
from revue.core.errors import BuildError, Problem, display_path
from revue.core.schema import Field, Refused, Schema
from revue.core.validate import parse_date, web_address_problem
from revue.core.yamlsource import load_mapping_file


@dataclass(frozen=True)
class SourceEntry:
    """What `seeds/sources.yaml` says about one seed."""

    date: datetime.date | None
    url: str | None


def _entry_date(value: Any) -> datetime.date | None:
    parsed = parse_date(value) if value is not None else None
    if isinstance(parsed, str):
        raise Refused(messages.key_problem("date", parsed))
    return parsed


def _entry_url(value: Any) -> str | None:
    if value is not None and (problem := web_address_problem(value)):
        raise Refused(messages.seed_url_invalid(problem))
    return None if value is None else str(value)


SOURCES_ENTRY = Schema((Field("date", _entry_date), Field("url", _entry_url)))


def load_sources(path: Path, root: Path) -> dict[str, SourceEntry]:
    """`seeds/sources.yaml`, checked; no file means no known dates or URLs."""
    shown = display_path(path, root)
    data = load_mapping_file(path, shown)
    if data is None:
        return {}
    entries, problems = {}, []
    for seed, value in data.values.items():
        line = data.line(seed, 1)
        if not isinstance(value, dict):
            problems.append(
                Problem(shown, line, messages.seed_entry_problem(seed, messages.SEED_ENTRY_NOT_A_MAPPING))
            )
        fields, found = SOURCES_ENTRY.read(value if isinstance(value, dict) else {})
        problems += [
            Problem(shown, data.line(seed, 1, key), messages.seed_entry_problem(seed, message))
            for key, message in found
        ]
        if not (path.parent / seed).is_file():
            problems.append(
                Problem(
                    shown,
                    line,
                    messages.seed_entry_problem(seed, messages.seed_not_found(shown.parent)),
                )
            )
        entries[seed] = SourceEntry(**fields)
    if problems:
        raise BuildError(sorted(problems, key=lambda problem: problem.line or 0))
    return entries
