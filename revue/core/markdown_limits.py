"""Bounds on an article's Markdown body, checked before Python-Markdown sees it.

Python-Markdown reads a `[`, a `<`, a `*`, a `_` or a backtick as the start of something and scans on
for its end; one that never ends is scanned to the end of its paragraph (of the whole text, for
`<`), and each of thousands does it again: 20 KB of `[` took 18 s, `"![" * 50000` never finished.
Its block parser recurses once per level of a list or a quotation: 250 levels were a RecursionError.
So a body is refused, at the line that causes it, when it is longer than `MAX_BODY_CHARACTERS`,
nests deeper than `MAX_NESTING`, or when the text those scans would read adds up to more than
`MAX_RESCANNED` characters — a count made here, in one pass over the few characters that matter,
far above what any article needs (the benchmark corpus's bodies and the seeds' articles need at most
a few thousand).

In core, not in `render/markup.py`, so that `content/read.py` refuses such a body with the article's
other problems, drafts included (the preview renders them), and `check` and `build` alike.
"""

from __future__ import annotations

import re

from revue.core import messages

MAX_BODY_CHARACTERS = 100_000  # a long agency article is 8,000; the longest of the seeds 6,000
MAX_NESTING = 20  # lists in lists, quotations in quotations; an article uses 2 or 3
MAX_RESCANNED = 300_000  # characters Python-Markdown may read again: about half a second at worst

# A line opening lists or quotations, and how deep: `>` each, a list marker each, 4 spaces each.
# Searched from each line break of "\n" + the text: ten times faster than a multiline `^`.
STRUCTURE = re.compile(rf"\n[ \t>*+\-.)\d]{{{MAX_NESTING},}}")
RULE = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*")  # `- - - - -`: a rule, not lists
LEVEL = re.compile(r">|(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)|\t| +")
# What opens or closes a scan, a paragraph break, and an escaped character (which opens nothing).
SCANNED = re.compile(r"\\.|\n[ \t]*(?=\n)|[\[\]()<>`*_]")
OPENERS = "[<`*_"  # without one, nothing is scanned again (most bodies: plain prose)


def nesting(line: str) -> int:
    """How many lists and quotations the start of `line` opens, as Python-Markdown nests them: each `>`
    and each list marker a level, each 4 spaces of indentation (a tab) a level."""
    depth = spaces = position = 0
    while level := LEVEL.match(line, position):
        token, position = level[0], level.end()
        if token.startswith(" "):
            spaces += len(token)
        else:
            depth += 1
    return depth + spaces // 4


def rescanned(text: str) -> tuple[int, int]:
    """The characters Python-Markdown would scan again from each opener to its end, summed, and the
    position of the opener that costs most. Conservative: an opener never closed costs the rest of
    its paragraph (of the text, for `<`)."""
    total, worst, worst_at = 0, 0, 0
    brackets: list[int] = []  # `[` not yet closed
    parentheses: list[tuple[int, bool]] = []  # `(` not yet closed, and whether it opens a link's address
    angles: list[int] = []  # `<` not yet closed by a `>`
    last: dict[str, int] = {}  # the last `*` and `_` of the paragraph

    def cost(opener: int, end: int) -> None:
        nonlocal total, worst, worst_at
        total += end - opener
        if end - opener > worst:
            worst, worst_at = end - opener, opener

    def paragraph_ends(end: int) -> None:
        for opener in brackets:
            cost(opener, end)
        for opener, is_link in parentheses:
            if is_link:
                cost(opener, end)
        for opener in last.values():
            cost(opener, end)
        brackets.clear()
        parentheses.clear()
        last.clear()

    for found in SCANNED.finditer(text):
        mark, at = found[0], found.start()
        if mark[0] == "\\":
            continue
        if len(mark) > 1:  # a blank line: the paragraph ends
            paragraph_ends(at)
        elif mark == "`":  # a code span is looked for to the next backtick, on its line only
            line_end = text.find("\n", at)
            closing = text.find("`", at + 1, line_end if line_end >= 0 else len(text))
            cost(at, closing if closing >= 0 else line_end if line_end >= 0 else len(text))
        elif mark == "[":
            brackets.append(at)
        elif mark == "]" and brackets:
            cost(brackets.pop(), at)
        elif mark == "(":
            parentheses.append((at, at > 0 and text[at - 1] == "]"))
        elif mark == ")" and parentheses:
            opener, is_link = parentheses.pop()
            if is_link:
                cost(opener, at)
        elif mark == "<":
            angles.append(at)
        elif mark == ">":
            for opener in angles:
                cost(opener, at)
            angles.clear()
        elif mark in "*_":
            if mark in last:
                cost(last[mark], at)
            last[mark] = at
    paragraph_ends(len(text))
    for opener in angles:
        cost(opener, len(text))
    return total, worst_at


def body_limit(text: str) -> tuple[int, str] | None:
    """Why Python-Markdown must not be given this body, at which 1-based line of it; None when it may."""
    for candidate in STRUCTURE.finditer("\n" + text):
        start = candidate.start()  # the line's first character, in `text`
        line_end = text.find("\n", start)
        line = text[start : line_end if line_end >= 0 else len(text)]
        if not RULE.fullmatch(line) and nesting(line) > MAX_NESTING:
            return text.count("\n", 0, start) + 1, messages.body_nested_too_deep(MAX_NESTING)
    if len(text) > MAX_BODY_CHARACTERS:
        line_number = text.count("\n", 0, MAX_BODY_CHARACTERS) + 1
        return line_number, messages.body_too_long(len(text), MAX_BODY_CHARACTERS)
    total, worst_at = rescanned(text) if any(opener in text for opener in OPENERS) else (0, 0)
    if total > MAX_RESCANNED:
        return text.count("\n", 0, worst_at) + 1, messages.body_rescanned(text[worst_at])
    return None
