"""Problems found in editors' input, reported compiler style and all at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from revue.core import messages


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, and how to fix it."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        path = messages.visible(
            self.path
        )  # a file named with a control character, or bytes that are not UTF-8
        where = f"{path}:{self.line}" if self.line else path
        return f"{where}: {self.message}"


class BuildError(Exception):
    """Raised once a stage has collected every problem it can see; `warnings`: what the run had found to
    warn about before it stopped, said with the problems, so that one run shows everything to fix."""

    def __init__(self, problems: list[Problem], warnings: tuple[Problem, ...] = ()):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems
        self.warnings = warnings


def display_path(path: Path, root: Path | None = None) -> Path:
    """Paths in messages are relative to the project when they can be, as editors type them."""
    if not path.is_absolute():
        return path
    try:  # the folder resolved, not the name: a link is shown by its own name, not its target's
        return (path.parent.resolve() / path.name).relative_to((root or Path.cwd()).resolve())
    except ValueError:
        return path


class LineError(ValueError):
    """One problem at a 1-based line (None: the whole text) of a text not yet tied to a file.

    Raised by parsers of raw text (YAML, agency copy); the caller knows the file and makes the Problem.
    """

    def __init__(self, line: int | None, message: str):
        super().__init__(message)
        self.line = line
        self.message = message
