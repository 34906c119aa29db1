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
    "text-unidecode",  # python-slugify's transliteration: it shapes every URL
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
# Code that never shapes a byte of output or of the cache, as paths under `revue/`: the command line
# and what only it says (its help texts, its reports), the preview server, the benchmark, and the
# importer (what it writes is read back as content, by bytes). No module the build imports is here
# (tests/unit/test_digest.py follows every import of the pipeline).
NOT_SHAPING = (
    "cli.py",
    "github.py",
    "preview",
    "dev",
    "ingest",
    "core/messages/command_line.py",
    "core/messages/preview.py",
    "core/messages/import_report.py",
)


def shaping_sources(package: Path = PACKAGE) -> list[Path]:
    """The modules of `package` that shape output and cache: all but NOT_SHAPING (not __pycache__:
    compiling is no change)."""
    return sorted(
        path
        for path in package.rglob("*.py")
        if not any(
            (relative := path.relative_to(package).as_posix()) == left_out
            or relative.startswith(left_out + "/")
            for left_out in NOT_SHAPING
        )
    )


@cache
def code_digest() -> str:
    """The generator's code that shapes output and cache, and the versions of the libraries that do."""
    return package_digest(PACKAGE)


def package_digest(package: Path) -> str:
    """`code_digest` of the package at `package`: each shaping module by its path and bytes."""
    return digest(
        *(
            part
            for source in shaping_sources(package)
            for part in (str(source.relative_to(package)), source.read_bytes())
        ),
        *(f"{name}=={installed_version(name)}" for name in LIBRARIES),
    )


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
