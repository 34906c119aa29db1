"""A template mistake as editors read it: the template and line, what Jinja or the filter said, and
the file it stopped — one problem for the same mistake on many files."""

from __future__ import annotations

import re
import traceback
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from revue.core import messages
from revue.core.errors import Problem, display_path
from revue.core.frontmatter import not_utf8_problem

MODULE_PATH = re.compile(r"'(?:\w+\.)+(?=\w+ object')")


@dataclass(frozen=True)
class TemplateFailure:
    """A template mistake met while rendering one file: the same mistake on many files is one problem."""

    path: Path  # the template, as editors type it
    line: int | None
    detail: str  # Jinja's words
    rendering: str  # the file it stopped


def template_frame(error: Exception, templates: Path) -> traceback.FrameSummary | None:
    """The innermost line of a template the error went through, if any."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if Path(frame.filename).resolve().is_relative_to(templates.resolve()):
            return frame
    return None


def template_failure(error: Exception, templates: Path, root: Path, rendering: str) -> TemplateFailure:
    """Name the template line that failed, and what was being rendered."""
    line = getattr(error, "lineno", None)
    name = getattr(error, "filename", None) or getattr(error, "name", None)
    frame = template_frame(error, templates)
    if frame:
        name, line = frame.filename, frame.lineno
    path = display_path(templates / name, root) if name else display_path(templates, root)
    words = getattr(error, "message", None) or str(error)
    if not isinstance(error, jinja2.TemplateError):  # a filter's own error, in Python's words
        python = f"{type(error).__name__}: {words}" if words else type(error).__name__
        words = messages.template_value_refused(python)
    detail = MODULE_PATH.sub("'", words)  # not Revue's internals
    return TemplateFailure(path, line, detail, rendering)


def undecodable_template(error: UnicodeDecodeError, templates: Path, root: Path) -> Problem:
    """The template Jinja could not read as UTF-8. Its loader does not say which: the error holds the
    file's bytes, so the file is the one with those bytes."""
    for path in sorted(templates.rglob("*")):
        if path.is_file() and path.read_bytes() == error.object:
            return not_utf8_problem(display_path(path, root), error.object, error)
    return Problem(display_path(templates, root), None, messages.not_utf8())  # changed since Jinja read it


def template_problems(failures: Iterable[Problem | TemplateFailure]) -> list[Problem]:
    """Each problem once: a template mistake that stopped many files names the first and counts the others
    (one wrong line of article.html would otherwise print one line per article)."""
    firsts: dict[object, Problem | TemplateFailure] = {}
    counts: Counter[object] = Counter()
    for failure in failures:
        key = (
            (failure.path, failure.line, failure.detail) if isinstance(failure, TemplateFailure) else failure
        )
        firsts.setdefault(key, failure)
        counts[key] += 1
    return [
        Problem(
            first.path, first.line, messages.template_error(first.detail, first.rendering, counts[key] - 1)
        )
        if isinstance(first, TemplateFailure)
        else first
        for key, first in firsts.items()
    ]
