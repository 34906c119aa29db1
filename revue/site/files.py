"""The files of `content/`: which are articles, read once as bytes; which are skipped, and why.

Kept apart from `read` (which parses and validates) and light to import: every run lists the files,
even one that finds nothing changed and stops there.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from revue.core import messages
from revue.core.errors import BuildError, Problem, display_path


@dataclass(frozen=True)
class SourceFile:
    """One article file: its path as shown in messages (relative to the project) and its bytes."""

    path: Path
    raw: bytes

    @cached_property
    def sha(self) -> str:
        """Digest of the bytes, taken once: the run's inputs and the article cache are keyed on it."""
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True)
class MediaFile:
    """An image of `content/` that an article may show: its name under `content/`, and its stat, which
    tells a run that nothing changed without reading the bytes."""

    name: str
    stat: tuple[int, int, int]  # inode, size, mtime_ns


@dataclass(frozen=True)
class Listing:
    """The article files of `content/`, its images, and a warning for each other file that looks meant
    but is left out (an image no article shows is warned about once the articles are read)."""

    files: tuple[SourceFile, ...]
    warnings: tuple[Problem, ...]
    media: tuple[MediaFile, ...] = ()


ARTICLE_SUFFIX = ".md"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")  # what Pillow reads and a camera or phone writes
# Editors' tools leave these beside the files they edit: never articles, never worth a word.
DIGITS = re.compile(r"(\d+)")
SCRATCH_NAME = re.compile(r"^(?:\.|#)|(?:~|\.swp|\.swx|\.tmp|\.bak|\.orig|#)$")


def content_files(content_dir: Path, root: Path) -> Listing:
    """Every `*.md` under `content_dir`, sorted and read once, and every image (not read); other files
    skipped, with a warning if unexpected.

    Plain strings and os.scandir, not pathlib: this runs on every build, over every article.
    """
    shown_dir = str(display_path(content_dir, root))
    found: list[str] = []
    media: list[MediaFile] = []
    warnings: list[Problem] = []

    def visit(folder: str, relative: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = relative + entry.name
                if SCRATCH_NAME.search(entry.name):
                    continue
                try:
                    is_folder = entry.is_dir(follow_symlinks=False)  # a linked folder could loop
                    is_file = entry.is_file()  # a link to an article is an article
                except OSError:  # a link to itself
                    is_folder = is_file = False
                if is_folder:
                    visit(entry.path, name + "/")
                elif is_file and name.lower().endswith(IMAGE_SUFFIXES):
                    stat = entry.stat()
                    media.append(MediaFile(name, (stat.st_ino, stat.st_size, stat.st_mtime_ns)))
                elif not name.endswith(ARTICLE_SUFFIX):
                    warnings.append(Problem(Path(shown_dir, name), None, ignored_file_message(name)))
                elif not is_file:
                    warnings.append(Problem(Path(shown_dir, name), None, messages.NOT_A_READABLE_FILE))
                else:
                    found.append(name)

    if content_dir.is_dir():
        visit(str(content_dir), "")
    files, problems = [], []
    for name in sorted(found, key=natural_order):
        try:
            with open(f"{content_dir}/{name}", "rb") as file:
                files.append(SourceFile(Path(f"{shown_dir}/{name}"), file.read()))
        except OSError as error:
            problems.append(
                Problem(Path(shown_dir, name), None, messages.cannot_read(messages.system_error(error)))
            )
    if problems:
        raise BuildError(problems)
    warnings.sort(key=lambda p: natural_order(str(p.path)))
    return Listing(tuple(files), tuple(warnings), tuple(sorted(media, key=lambda m: m.name)))


def natural_order(name: str) -> list[str | int]:
    """`depeche-2.md` before `depeche-10.md`, as editors number their files (and as `ls -v` lists them)."""
    return [int(part) if part.isdigit() else part for part in DIGITS.split(name)]


def ignored_file_message(name: str) -> str:
    """Why a file of `content/` is not an article, and how to make it one if it was meant to be."""
    stem = name.split(".")[0] or name
    if re.search(r"\.(?:md|markdown|mdown|txt)(?:\.txt)?$", name, re.IGNORECASE):
        return messages.markdown_misnamed(stem + ARTICLE_SUFFIX)
    return messages.NOT_AN_ARTICLE
