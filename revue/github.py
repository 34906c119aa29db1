"""What a run says to GitHub Actions, beside what it prints: each problem and warning as a workflow
command, so GitHub shows it on its file and line (in a pull request's changed files), and a summary of
the run in Markdown for the run's page.

Only the text is made here; `revue/cli.py` prints it and appends the summary to its file.
Workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from revue.core.errors import Problem, display_path
from revue.core.messages import command_line


@dataclass(frozen=True)
class Workflow:
    """A run inside GitHub Actions: the repository's folder, which annotations name files from, and
    the file the step's summary is appended to (None when the runner gives none)."""

    workspace: Path
    summary: Path | None

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Workflow | None:
        """The run's workflow when GitHub Actions runs it (`GITHUB_ACTIONS=true`), else None."""
        if environ.get("GITHUB_ACTIONS") != "true":
            return None
        summary = environ.get("GITHUB_STEP_SUMMARY")
        return cls(Path(environ.get("GITHUB_WORKSPACE") or Path.cwd()), Path(summary) if summary else None)

    def annotation(self, kind: str, problem: Problem, root: Path) -> str:
        """`::error file=…,line=…,title=…::message` (`kind`: error or warning), the file relative to the
        repository, as GitHub finds it in a pull request's changes."""
        path = problem.path if problem.path.is_absolute() else root / problem.path
        where = {"file": display_path(path, self.workspace).as_posix()}
        if problem.line:
            where["line"] = str(problem.line)
        where["title"] = command_line.ANNOTATION_TITLES[kind]
        properties = ",".join(f"{name}={escape_property(value)}" for name, value in where.items())
        return f"::{kind} {properties}::{escape_data(problem.message)}"


def escape_data(text: str) -> str:
    """A command's message: `%`, CR and LF would end or garble it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property's value: also `:` and `,`, which separate the properties from each other and the message."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def fenced(lines: Iterable[str]) -> str:
    """Lines shown as written (backticks, `<iframe>`, `|` included), in a fence no line can close."""
    text = "\n".join(lines)
    longest = max((len(run) for run in re.findall(r"~+", text)), default=0)
    fence = "~" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}\n"


def summary_table(rows: Iterable[tuple[str, str]]) -> str:
    body = "".join(f"| {label} | {value} |\n" for label, value in rows)
    return f"| | |\n|---|---|\n{body}"


def section(title: str, lines: list[str]) -> str:
    return f"\n**{title}**\n\n{fenced(lines)}" if lines else ""


def build_summary(
    title: str,
    counts: list[tuple[str, str]],
    sections: list[tuple[str, list[str]]],
) -> str:
    """The summary of a run that succeeded: its figures, then what it left out or put off, line by line."""
    return (
        f"## {title}\n\n{summary_table(counts)}{''.join(section(name, lines) for name, lines in sections)}\n"
    )


def failure_summary(title: str, conclusion: str, problems: list[str]) -> str:
    """The summary of a run that failed: what it means, then every problem as the log prints it."""
    return f"## {title}\n\n{conclusion} {command_line.ANNOTATIONS_HINT}\n\n{fenced(problems)}\n"
