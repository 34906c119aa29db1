"""YAML mappings that remember the line of each key, without YAML 1.1's traps.

`NO`, `yes`, `on` stay strings (Norway's code, a title): only `true` and `false`
are booleans. Bare dates stay strings too, so that `2016-02-30` reaches the
caller's own check (and its precise message) instead of crashing PyYAML.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from revue.core import messages
from revue.core.errors import BuildError, LineError, Problem
from revue.core.inputfile import read_text_input
from revue.core.validate import refused_character


class _Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans."""


_NOT_IMPLICIT = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}
_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _NOT_IMPLICIT]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class TypedInt(int):
    """A number as the editor typed it: `010` is 8 to YAML 1.1, "010" in a title (`typed`)."""

    typed: str


class TypedFloat(float):
    """`12:30` is 750.0 to YAML 1.1 (base 60), `1.50` is 1.5: "12:30" and "1.50" in a text."""

    typed: str


def _typed(kind: type[TypedInt] | type[TypedFloat], construct: Any) -> Any:
    def constructor(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> TypedInt | TypedFloat:
        number = kind(construct(loader, node))
        number.typed = node.value
        return number

    return constructor


_Loader.add_constructor("tag:yaml.org,2002:int", _typed(TypedInt, yaml.SafeLoader.construct_yaml_int))
_Loader.add_constructor("tag:yaml.org,2002:float", _typed(TypedFloat, yaml.SafeLoader.construct_yaml_float))


class _FastLoader(yaml.CSafeLoader):
    """The same rules on libyaml's parser: several times faster, for the files that parse."""


_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
_FastLoader.yaml_constructors = _Loader.yaml_constructors


def as_typed(value: Any) -> Any:
    """`value`, a number being the text the editor typed."""
    return value.typed if isinstance(value, TypedInt | TypedFloat) else value


@dataclass(frozen=True)
class Mapping:
    """A top-level YAML mapping, with the 1-based line of every key, and of every key or list item one level down."""

    values: dict[str, Any]
    lines: dict[str, int]
    nested_lines: dict[tuple[str, str], int] = field(default_factory=dict)
    # Keys whose value is written between double quotes: a `"` inside was escaped (`\\"`) on purpose.
    double_quoted: frozenset[str] = frozenset()

    def line(self, key: str, default: int, nested: str | None = None) -> int:
        """The line of `key` (or of `key.nested`, falling back to `key`'s own line)."""
        own = self.lines.get(key, default)
        return own if nested is None else self.nested_lines.get((key, nested), own)


QUOTED_VALUE = re.compile(r"""^\s*([\w-]+):\s*(["'])(.*)$""")


def unclosed_quote(text: str) -> tuple[int, str, str] | None:
    """The first `key: "value` line whose quote never closes on that line: (0-based line, key, quote).

    PyYAML reads on to the next quote and then blames a later line; editors need this one.
    """
    for number, line in enumerate(text.split("\n")):
        match = QUOTED_VALUE.match(line)
        if match:
            key, quote, rest = match.groups()
            closed = rest.replace(quote * 2, "") if quote == "'" else re.sub(r"\\.", "", rest)
            if quote not in closed:
                return number, key, quote
    return None


# `key: "…" more text`: the value's quote closes before the line ends (a quote inside the value).
QUOTE_CLOSED_EARLY = re.compile(r"""^([\w-]+):[ \t]*(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*[^\s#]""")
OPEN_BRACKET = re.compile(r"^([\w-]+):[ \t]*([\[{])")


def quote_closed_early(text: str) -> tuple[int, str, str] | None:
    """The first `key: "value" more` line: (0-based line, key, the quote that closed too early)."""
    for number, line in enumerate(text.split("\n")):
        match = QUOTE_CLOSED_EARLY.match(line)
        if match:
            return number, match[1], line[line.index(":") + 1 :].strip()[0]
    return None


def bracket_not_closed(text: str) -> tuple[int, str, str] | None:
    """The first `key: [a, b` line whose list (or mapping) is not closed on that line."""
    for number, line in enumerate(text.split("\n")):
        match = OPEN_BRACKET.match(line)
        if match and {"[": "]", "{": "}"}[match[2]] not in line:
            return number, match[1], match[2]
    return None


# A value pasted from Word opens with a typographic quote, which YAML reads as a letter: with a « : »
# inside, the line no longer reads as `key: value`.
CURLY_QUOTED = re.compile(r"""^([\w-]+):[ \t]+[“”„‟‘’‚‛]\s*(.*?)\s*[“”‟‘’‛]?[ \t]*$""")


def curly_quoted(text: str) -> tuple[int, str, str] | None:
    """The first `key: “… : …”` line: (0-based line, key, the value without its typographic quotes)."""
    for number, line in enumerate(text.split("\n")):
        match = CURLY_QUOTED.match(line)
        if match and ": " in match[2]:
            return number, match[1], match[2]
    return None


# Spaces a word processor types that YAML does not read as spaces: no-break, narrow no-break, figure,
# thin, ideographic. Invisible in an editor; where YAML wants a space, the line no longer parses, or a
# key indented by one becomes another key (`\xa0date`).
ODD_SPACE = "\u00a0\u202f\u2007\u2009\u3000"
SPACE_WHERE_YAML_READS = re.compile(rf"^(?:([ \t]*[{ODD_SPACE}])|([\w-]+):[{ODD_SPACE}])", re.MULTILINE)


def odd_space(text: str) -> tuple[int, str | None] | None:
    """The first line with such a space in its indentation or right after its `key:`: (0-based line,
    the key, None for indentation)."""
    if not any(space in text for space in ODD_SPACE):
        return None
    found = SPACE_WHERE_YAML_READS.search(text)
    return (text.count("\n", 0, found.start()), found[2]) if found else None


UNQUOTED_COLON = re.compile(r"""^([\w-]+):[ \t]+([^\s"'\[{#|>&*!%@`].*?):\s""")


def unquoted_colon(text: str) -> tuple[int, str] | None:
    """The first top-level `key: text : more` line: a French colon that YAML reads as a new key."""
    for number, line in enumerate(text.split("\n")):
        match = UNQUOTED_COLON.match(line)
        if match:
            return number, match[1]
    return None


def leading_tab(text: str, error: yaml.MarkedYAMLError) -> int | None:
    """The 0-based line of the tab that stopped PyYAML, when it stands in the line's indentation
    (a tab before `date:`, or after the `-` of a list item): YAML indents with spaces only, and PyYAML
    says so in its own words."""
    mark = error.problem_mark
    if mark is None or "'\\t'" not in str(error.problem):
        return None
    line = text.split("\n")[mark.line]
    return (
        mark.line
        if re.fullmatch(r"[ \t-]*", line[: mark.column]) and "\t" in line[: mark.column + 1]
        else None
    )


# Nesting levels a YAML text of Revue may have: the deepest it needs is 3 (a photo's key, in a mapping,
# in the `photos:` list). PyYAML composes nodes recursively: 1,000 levels were a RecursionError, and
# 50,000 a segmentation fault of its C extension; so the depth is counted before any parser runs.
MAX_DEPTH = 20
# PyYAML's own parser, in Python, words errors better than libyaml but reads about 170 KB a second: a
# longer text (a `sources.yaml` of thousands of seeds) gets the line libyaml gives.
WORDED_ERRORS_LIMIT = 64 * 1024
FLOW_BRACKET = re.compile(r"[\[\]{}]")
# A line's indentation, and the block collections it opens at once: `- - x`, `? - x`, `- key:`.
BLOCK_LINE = re.compile(r"( *)((?:[-?:](?: +|$))*)")
NESTED_LINE = re.compile(r"^[ \-?:]", re.MULTILINE)


def too_deep(text: str) -> int | None:
    """The 0-based line where `text` nests collections more than MAX_DEPTH deep, or None. Counted
    without a parser, generously: brackets count even inside quotes (a title holding twenty `[` would
    be refused), and each deeper indentation is a level."""
    if text.count("[") + text.count("{") > MAX_DEPTH:
        depth = 0
        for bracket in FLOW_BRACKET.finditer(text):
            depth = depth + 1 if bracket[0] in "[{" else max(depth - 1, 0)
            if depth > MAX_DEPTH:
                return text.count("\n", 0, bracket.start())
    if not NESTED_LINE.search(text):  # every line at the left margin, none opening a block collection
        return None
    indents: list[int] = []  # the indentations of the lines the current one is nested in
    for number, line in enumerate(text.split("\n")):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        block = BLOCK_LINE.match(line)
        assert block is not None  # the pattern matches any line, if only on nothing
        while indents and indents[-1] >= len(block[1]):
            indents.pop()
        indents.append(len(block[1]))
        if len(indents) + sum(map(block[2].count, "-?:")) > MAX_DEPTH:
            return number
    return None


def first_alias(text: str) -> int | None:
    """The 0-based line of the first alias (`*name`), or None. A YAML alias repeats a value written
    elsewhere: a few lines of them make billions of values (« billion laughs »), and no field of
    Revue needs one. Found by libyaml's parser, which only reads events (no recursion, no values),
    once `too_deep` has passed; a text it cannot parse is left to `load_mapping`'s messages."""
    if "*" not in text:
        return None
    try:
        for event in yaml.parse(text, Loader=_FastLoader):
            if isinstance(event, yaml.AliasEvent):
                assert event.start_mark is not None  # the parser marks every event it reads
                return event.start_mark.line
    except yaml.YAMLError:
        return None
    return None


def load_mapping(text: str, first_line: int = 1) -> Mapping:
    """Parse `text` as a mapping; `first_line` is the file line the text starts on. Bounded work
    whatever the text: its nesting is counted before any parser runs, and aliases are refused."""
    space = odd_space(text)
    if space is not None:
        line, key = space
        raise LineError(line + first_line, messages.space_after_key(key) if key else messages.SPACE_INDENT)
    deep = too_deep(text)
    if deep is not None:
        raise LineError(deep + first_line, messages.yaml_too_deep(MAX_DEPTH))
    alias = first_alias(text)
    if alias is not None:
        raise LineError(alias + first_line, messages.YAML_ALIAS)
    try:
        try:
            loader: yaml.SafeLoader | yaml.CSafeLoader = _FastLoader(text)
            node = loader.get_single_node()
        except yaml.YAMLError:  # libyaml words errors its own way: the messages come from PyYAML's parser
            if len(text) > WORDED_ERRORS_LIMIT:
                raise
            loader = _Loader(text)
            node = loader.get_single_node()
        if node is None:
            return Mapping({}, {})
        if not isinstance(node, yaml.MappingNode):
            raise LineError(node.start_mark.line + first_line, messages.NOT_A_MAPPING)
        values = loader.construct_document(node)  # parsed once: the node gives lines, then the values
    except yaml.reader.ReaderError as error:  # a character YAML refuses anywhere, even quoted
        line = text[: error.position].count("\n") + first_line
        raise LineError(line, messages.control_character(error.character)) from None
    except yaml.MarkedYAMLError as error:
        tab = leading_tab(text, error)
        if tab is not None:
            raise LineError(tab + first_line, messages.TAB_INDENT) from None
        early = quote_closed_early(text)
        if early:
            line, key, quote = early
            raise LineError(line + first_line, messages.quote_closes_early(key, quote)) from None
        bracket = bracket_not_closed(text)
        if bracket:
            line, key, opening = bracket
            raise LineError(line + first_line, messages.bracket_never_closed(key, opening)) from None
        curly = curly_quoted(text)
        if curly:
            line, key, value = curly
            raise LineError(line + first_line, messages.curly_quotes(key, value)) from None
        colon = unquoted_colon(text)
        if colon:
            line, key = colon
            raise LineError(line + first_line, messages.value_holds_colon(key)) from None
        unclosed = unclosed_quote(text)
        if unclosed:
            line, key, quote = unclosed
            raise LineError(line + first_line, messages.quote_never_closed(key, quote)) from None
        # The context (e.g. where an unclosed quote opened) is where the editor must look.
        mark = error.context_mark or error.problem_mark
        raise LineError((mark.line if mark else 0) + first_line, messages.YAML_SYNTAX) from None
    # A value can hold a character no page can carry only through an escape, or typed as such where
    # libyaml's reader lets it through (U+0085, U+FDD0…): the text tells, without visiting each value.
    checked_tree(node, first_line, characters="\\" in text or refused_character(text) is not None)
    lines = {str(key.value): key.start_mark.line + first_line for key, _ in node.value}
    nested = {
        (str(key.value), str(inner.value)): inner.start_mark.line + first_line
        for key, value in node.value
        if isinstance(value, yaml.MappingNode)
        for inner, _ in value.value
    }
    nested.update(  # each item of a list, as `#0`, `#1`…: a photo's line under `photos:`
        ((str(key.value), f"#{index}"), item.start_mark.line + first_line)
        for key, value in node.value
        if isinstance(value, yaml.SequenceNode)
        for index, item in enumerate(value.value)
    )
    quoted = frozenset(
        str(key.value)
        for key, value in node.value
        if isinstance(value, yaml.ScalarNode) and value.style == '"'
    )
    return Mapping({str(k): v for k, v in values.items()}, lines, nested, quoted)


def checked_tree(node: yaml.Node, first_line: int, key: str | None = None, characters: bool = True) -> None:
    """LineError at a key written twice in any mapping of the document (a photo's `alt:` too): YAML
    keeps the last one, silently, so an editor's `draft: false` above a forgotten `draft: true` would
    be lost. And at a value whose escape (`"\\x01"`, `"\\e"`, `"\\ud800"`) writes a character no page or
    feed can carry: the reader refuses those characters typed as they are, not written as escapes.
    `key`: the top-level key the node is under, as messages name it; `characters`: whether to look
    at the characters at all."""
    if isinstance(node, yaml.ScalarNode):
        refused = refused_character(node.value) if characters else None
        if refused:
            line, code = node.start_mark.line + first_line, ord(refused)
            message = (
                messages.escaped_control_character(key, code) if key else messages.control_character(code)
            )
            raise LineError(line, message)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value in node.value:
            checked_tree(key_node, first_line, characters=characters)
            name, line = str(key_node.value), key_node.start_mark.line + first_line
            if name in seen:
                raise LineError(line, messages.key_repeated(name, seen[name]))
            seen[name] = line
            checked_tree(value, first_line, key or name, characters)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            checked_tree(item, first_line, key, characters)


def load_mapping_file(path: Path, shown: Path) -> Mapping | None:
    """A YAML file of settings (`site.yaml`, `seeds/sources.yaml`…) read, bounded, and parsed; None when
    there is no such file; BuildError naming it as `shown` (with the line) when it cannot be read."""
    try:
        return load_mapping(read_text_input(path))
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise BuildError([Problem(shown, None, messages.not_utf8())]) from None
    except LineError as error:
        raise BuildError([Problem(shown, error.line, error.message)]) from None
    except OSError as error:
        raise BuildError([Problem(shown, None, messages.cannot_read(messages.system_error(error)))]) from None
