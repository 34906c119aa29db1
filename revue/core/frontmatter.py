"""A Markdown file's `---` front matter: split from its body when read, dumped when written.

The one place that knows the format: read, import, `new`, the benchmark corpus and the tests all go
through it, so a file one of them writes is always a file the others read the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from revue.core import messages
from revue.core.errors import BuildError, LineError, Problem
from revue.core.validate import refused_character
from revue.core.yamlsource import Mapping, load_mapping

BYTE_ORDER_MARK = "\ufeff"


@dataclass(frozen=True)
class Document:
    """A Markdown file split into front matter and body, with the body's first line number."""

    front_matter: Mapping
    body: str
    closing_line: int  # the `---` that ends the front matter
    body_line: int  # the body's first line of text


def not_utf8_problem(path: Path, raw: bytes, error: UnicodeDecodeError) -> Problem:
    """A file that is not UTF-8, at the line of its first bad byte: articles, templates."""
    return Problem(path, raw[: error.start].count(b"\n") + 1, messages.not_utf8(raw[error.start]))


def decode(path: Path, raw: bytes) -> str:
    """UTF-8 text without a byte-order mark and with `\\n` line ends; BuildError naming the bad byte, or
    each line holding a character no page or feed can carry (`validate.refused_character`)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BuildError([not_utf8_problem(path, raw, error)]) from None
    text = text.removeprefix(BYTE_ORDER_MARK).replace("\r\n", "\n")
    if refused_character(text):
        refused = ((number, refused_character(line)) for number, line in enumerate(text.split("\n"), 1))
        raise BuildError(
            [
                Problem(path, number, messages.control_character(ord(found)))
                for number, found in refused
                if found
            ]
        )
    return text


class NoFrontMatter(BuildError):
    """The file does not open with `---`: it has no front matter at all (so it records nothing)."""


def split(path: Path, raw: bytes) -> Document:
    """Decode a file and separate its `---` front matter from its Markdown body."""
    lines = decode(path, raw).split("\n")
    if lines[0].strip() != "---":
        raise NoFrontMatter([Problem(path, 1, messages.NO_FRONT_MATTER)])
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if closing is None:
        raise BuildError([Problem(path, 1, messages.FRONT_MATTER_NOT_CLOSED)])
    try:
        front_matter = load_mapping("\n".join(lines[1:closing]), first_line=2)
    except LineError as error:
        raise BuildError([Problem(path, error.line, error.message)]) from None
    after = lines[closing + 1 :]
    blank = next((i for i, line in enumerate(after) if line.strip()), len(after))
    return Document(front_matter, "\n".join(after).strip("\n") + "\n", closing + 1, closing + 2 + blank)


class _Keys(dict[str, object]):
    """The front matter's own mapping: always one `key: value` line per key, never `{…}`."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes collections of scalars in flow style (`[Japon]`), the keys as lines, and
    quotes a text with double quotes, as the guide tells editors to: `'L''été : …'` invites mistakes."""

    def choose_scalar_style(self) -> str:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


class Quoted(str):
    """A text written in double quotes: `date: "????-11-14"` reads as a value to complete, not a date."""


_Dumper.add_representer(
    _Keys, lambda dumper, keys: dumper.represent_mapping("tag:yaml.org,2002:map", keys, flow_style=False)
)
_Dumper.add_representer(
    Quoted, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
)


def dump_value(key: str, value: Any) -> str:
    """`key: value` as YAML; None as an empty value, as `new` leaves the optional keys."""
    if value is None:
        return f"{key}:\n"
    return yaml.dump(
        _Keys({key: value}),
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=float("inf"),
        default_flow_style=None,
    )


def dump(values: dict[str, Any], body: str, comments: dict[str, str] | None = None) -> str:
    """A whole Markdown file: front matter in `values`' order, each key after its comment if any, then the body."""
    lines = []
    for key, value in values.items():
        if comments and key in comments:
            lines.append(f"# {comments[key]}\n")
        lines.append(dump_value(key, value))
    return f"---\n{''.join(lines)}---\n\n{body}"
