"""`seeds/sources.yaml`: what editors know about each raw text that the text does not say (date, URL)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from revue.core import messages
from revue.core.errors import BuildError, LineError, Problem, display_path
from revue.core.inputfile import read_text_input
from revue.core.validate import parse_date, unknown_key_message, web_address_problem
from revue.core.yamlsource import load_mapping

ENTRY_KEYS = ("date", "url")


@dataclass(frozen=True)
class SourceEntry:
    """What `seeds/sources.yaml` says about one seed."""

    date: datetime.date | None
    url: str | None


def load_sources(path: Path, root: Path) -> dict[str, SourceEntry]:
    """`seeds/sources.yaml`, checked; no file means no known dates or URLs."""
    shown = display_path(path, root)
    try:
        data = load_mapping(read_text_input(path))
    except FileNotFoundError:
        return {}
    except UnicodeDecodeError:
        raise BuildError([Problem(shown, None, messages.not_utf8())]) from None
    except LineError as error:
        raise BuildError([Problem(shown, error.line, error.message)]) from None
    except OSError as error:
        raise BuildError([Problem(shown, None, messages.cannot_read(messages.system_error(error)))]) from None
    entries, problems = {}, []
    for seed, value in data.values.items():
        line = data.line(seed, 1)
        fields = value if isinstance(value, dict) else {}
        if not isinstance(value, dict):
            problems.append(
                Problem(shown, line, messages.seed_entry_problem(seed, messages.SEED_ENTRY_NOT_A_MAPPING))
            )
        for key in fields:
            if key not in ENTRY_KEYS:
                problems.append(
                    Problem(
                        shown,
                        data.line(seed, 1, str(key)),
                        messages.seed_entry_problem(seed, unknown_key_message(str(key), ENTRY_KEYS)),
                    )
                )
        date = parse_date(fields["date"]) if fields.get("date") is not None else None
        if isinstance(date, str):
            problem = messages.seed_entry_problem(seed, messages.key_problem("date", date))
            problems.append(Problem(shown, data.line(seed, 1, "date"), problem))
            date = None
        url = fields.get("url")
        if url is not None and (problem := web_address_problem(url)):
            problem = messages.seed_entry_problem(seed, messages.seed_url_invalid(problem))
            problems.append(Problem(shown, data.line(seed, 1, "url"), problem))
            url = None
        if not (path.parent / seed).is_file():
            problems.append(
                Problem(
                    shown,
                    line,
                    messages.seed_entry_problem(seed, messages.seed_not_found(shown.parent)),
                )
            )
        entries[seed] = SourceEntry(date, url)
    if problems:
        raise BuildError(sorted(problems, key=lambda problem: problem.line or 0))
    return entries
