"""Digests that say when cached work is still valid: of bytes, of folders, of the code.

A cache keyed on these can never be stale: any change to what produced a result changes its key.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from functools import cache
from pathlib import Path

# Libraries whose upgrade can change the bytes we produce.
LIBRARIES = (
    "Jinja2",
    "Markdown",
    "nh3",
    "Babel",
    "PyYAML",
    "python-slugify",
    "MarkupSafe",
    "Pillow",
    "pyuca",
)


def digest(*parts: str | bytes) -> str:
    """sha256 of the parts, each length-prefixed so ("ab", "c") and ("a", "bc") differ. A file name that
    is not UTF-8 (its bytes as surrogates) is digested by its bytes."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "little"))
        hasher.update(data)
    return hasher.hexdigest()


def folder_digest(folder: Path) -> str:
    """Every file's relative path and bytes under `folder` (empty when it does not exist); each file is
    hashed as it is read, so a large one dropped there is never held in memory."""
    files = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []
    return digest(*(part for p in files for part in (str(p.relative_to(folder)), file_sha256(p))))


def file_sha256(path: Path) -> str:
    """The file's sha256; empty when it went, or became a pipe (opened without waiting), since listed:
    the digest then differs, which is all the caller needs."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return ""
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return ""
        return hashlib.file_digest(file, "sha256").hexdigest()


PACKAGE = Path(__file__).parents[1]
# Code that never shapes a byte of output or of the cache: the command line (its help texts), the
# preview server, the benchmark, and the importer (what it writes is read back as content, by bytes).
NOT_SHAPING = ("cli.py", "preview", "dev", "ingest")
CATALOGUE = Path("core") / "messages.py"  # digested for the definitions the shaping code uses, only
# How every module names a message (`messages.NAME`; no `\b` in front: ten times quicker).
MESSAGE_USE = re.compile(rb"messages\.([A-Za-z_]\w*)")
# A top-level definition of the catalogue: `def name(`, `class Name`, `NAME = …`, `NAME: type = …`.
DEFINITION = re.compile(rb"(?:def|class)\s+(\w+)|(\w+)\s*(?::[^=\n]*)?=(?!=)")
IDENTIFIER = re.compile(rb"[A-Za-z_]\w*")


@cache
def code_digest() -> str:
    """The generator's code that shapes output and cache, and the versions of the libraries that do.

    Of the message catalogue, only what that code uses counts (a message may be data: the text `new`
    writes, which a build recognises): a help text of the command line, or a word of `serve`, is
    read by no build and rebuilds nothing."""
    sources = sorted(
        path
        for path in PACKAGE.rglob("*.py")  # not __pycache__: compiling is no change
        if path.relative_to(PACKAGE).parts[0] not in NOT_SHAPING and path.relative_to(PACKAGE) != CATALOGUE
    )
    texts = {str(source.relative_to(PACKAGE)): source.read_bytes() for source in sources}
    return digest(
        *(part for name, text in texts.items() for part in (name, text)),
        used_messages(list(texts.values()), (PACKAGE / CATALOGUE).read_bytes()),
        *(f"{name}=={installed_version(name)}" for name in LIBRARIES),
    )


def catalogue_definitions(catalogue: bytes) -> tuple[bytes, dict[str, bytes]]:
    """The catalogue's text before its first definition, and each top-level definition's text by name
    (up to the next definition: the comments above a definition go with the one before)."""
    starts: list[tuple[int, str]] = []
    offset = 0
    for line in catalogue.splitlines(keepends=True):
        if line[:1].isalpha() or line[:1] == b"_":  # a statement at the top level, or a docstring's line
            found = DEFINITION.match(line)
            if found:
                starts.append((offset, (found.group(1) or found.group(2)).decode("ascii")))
        offset += len(line)
    ends = [start for start, _ in starts[1:]] + [len(catalogue)]
    definitions: dict[str, bytes] = {}
    for (start, name), end in zip(starts, ends, strict=True):
        definitions[name] = definitions.get(name, b"") + catalogue[start:end]
    return catalogue[: starts[0][0]] if starts else catalogue, definitions


def used_messages(sources: list[bytes], catalogue: bytes) -> str:
    """A digest of the catalogue's definitions that `sources` use, and of those these use in turn."""
    head, definitions = catalogue_definitions(catalogue)
    todo = {name.decode("ascii") for source in sources for name in MESSAGE_USE.findall(source)}
    used: set[str] = set()
    while todo:
        name = todo.pop()
        if name in used or name not in definitions:
            continue
        used.add(name)
        todo |= {word.decode("ascii") for word in IDENTIFIER.findall(definitions[name])} & definitions.keys()
    return digest(head, *(part for name in sorted(used) for part in (name, definitions[name])))


@cache
def installed_versions() -> dict[str, str]:
    """Every installed distribution's version, by normalised name, read off its `*.dist-info` folder.

    The same answer as importlib.metadata, which takes longer to import than a whole run with nothing
    to do spends on everything else but reading the articles.
    """
    found: dict[str, str] = {}
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and "-" in name:
                project, _, version = name[: -len(".dist-info")].partition("-")
                found.setdefault(normalised(project), version)
    return found


def normalised(project: str) -> str:
    return re.sub(r"[-_.]+", "-", project).lower()


def installed_version(project: str) -> str:
    return installed_versions().get(normalised(project), "not installed")
