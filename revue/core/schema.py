"""The fields of a YAML file Revue reads, each declared once: its key, how its value is checked and
converted, its French message when absent, its default, and the comment `new` writes above it.

One `Schema` per file kind (`site.yaml`, an article's front matter, an entry of `seeds/sources.yaml`,
of `seeds/imported.yaml`), in the spirit of MkDocs' `config_options`. A schema answers with the key of
each problem; the file's reader turns the key into a line (and frames the message when the fields are
one level down), so every problem keeps the line the editor reads.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from revue.core.validate import unknown_key_message


class Refused(Exception):
    """A value a field does not take: `message` (from the catalogue) says why and how to fix it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def as_written(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Field:
    """One key of a file. `convert` takes the value as YAML read it, null included, and gives it as
    the code uses it, or raises Refused; `missing` is the problem an absent key is (None: optional,
    `default` then stands for it); `comment` is what `new` writes above the key, and `new_value` what
    it writes as its value when the editor's request does not say."""

    key: str
    convert: Callable[[Any], Any] = as_written
    missing: str | None = None
    default: Any = None
    comment: str = ""
    new_value: Any = None

    def take(self, value: Any) -> tuple[Any, str | None]:
        """The value converted, or the default and why it is refused."""
        try:
            return self.convert(value), None
        except Refused as refused:
            return self.default, refused.message


@dataclass(frozen=True)
class Schema:
    """The fields of one kind of mapping, in the order editors read them and problems are reported."""

    fields: tuple[Field, ...]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(field.key for field in self.fields)

    def field(self, key: str) -> Field:
        return next(field for field in self.fields if field.key == key)

    def unknown(self, keys: Iterable[object]) -> list[tuple[str, str]]:
        """(key, problem) for each key that is none of the fields, with the field probably meant."""
        return [(str(key), unknown_key_message(str(key), self.keys)) for key in keys if key not in self.keys]

    def read(self, values: Mapping[Any, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
        """Every field's value (its default when absent or refused), and (key, problem) for each
        unknown key, then each field absent though required or refused, in the fields' order."""
        problems = self.unknown(values)
        read: dict[str, Any] = {}
        for field in self.fields:
            if field.key not in values:
                read[field.key] = field.default
                if field.missing is not None:
                    problems.append((field.key, field.missing))
                continue
            read[field.key], problem = field.take(values[field.key])
            if problem is not None:
                problems.append((field.key, problem))
        return read, problems
