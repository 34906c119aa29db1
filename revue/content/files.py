"""The files of `content/`: which are articles, and their digests; which are skipped, and why.

Kept apart from `read` (which parses and validates) and light to import: every run lists the files,
even one that finds nothing changed and stops there. So a listing reads only the files that changed:
a file whose stat (inode, size, mtime, ctime) is the one an earlier listing saw keeps that listing's
digest, and its bytes are read only if something needs them (and must then still have it). As in
git's "racily clean" rule, a file that had changed less than `SETTLED_NS` before the listing that saw
it, by its file system's clock, is never trusted that way: a second write within the file system's
timestamp granularity could leave the same stat.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from revue.core import messages
from revue.core.errors import BuildError, LineError, Problem, display_path
from revue.core.filestat import FileStat, file_stat
from revue.core.inputfile import read_input
from revue.core.validate import refused_character

SETTLED_NS = 2_000_000_000  # a file changed less than this before a listing is read again by the next


@dataclass(frozen=True)
class SourceFile:
    """One article file: its path as shown in messages (relative to the project), and its bytes, given
    or read from `location` when first needed."""

    shown: str  # its path as shown, as text (a Path is made only for a file that is read)
    contents: bytes | None = None  # the bytes, when already read (by the listing, or made by the importer)
    location: str = ""  # where to read them otherwise
    known_sha: str = ""  # their digest, taken by an earlier listing of this file, unchanged since

    @cached_property
    def path(self) -> Path:
        return Path(self.shown)

    @cached_property
    def raw(self) -> bytes:
        """The bytes; BuildError naming the file when it cannot be read any more, or when they are no
        longer those of `known_sha`: saved again since the listing, they would be parsed and cached
        under the digest of the version the listing saw."""
        if self.contents is not None:
            return self.contents
        try:
            raw = read_article_file(self.location)
        except LineError as error:
            raise BuildError([Problem(self.path, None, error.message)]) from None
        if self.known_sha and hashlib.sha256(raw).hexdigest() != self.known_sha:
            raise BuildError([Problem(self.path, None, messages.CHANGED_DURING_BUILD)])
        return raw

    @cached_property
    def sha(self) -> str:
        """Digest of the bytes, taken once: the run's inputs and the article cache are keyed on it."""
        return self.known_sha or hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True)
class MediaFile:
    """An image of `content/` that an article may show: its name under `content/`, and its stat, which
    tells a run that nothing changed without reading the bytes."""

    name: str
    # Inode, size, mtime, ctime: a copy of another photo with its old mtime put back has a new ctime.
    stat: FileStat | None


@dataclass(frozen=True)
class Listing:
    """The article files of `content/`, its images, and a warning for each other file that looks meant
    but is left out (an image no article shows is warned about once the articles are read)."""

    files: tuple[SourceFile, ...]
    warnings: tuple[Problem, ...]
    media: tuple[MediaFile, ...] = ()
    # What the next listing may trust: by name under content/, the stat and digest of each file that
    # had settled when this listing saw it.
    settled: dict[str, tuple[FileStat, str]] = field(default_factory=dict)


ARTICLE_SUFFIX = ".md"
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")  # what Pillow reads and a camera or phone writes
# Editors' tools leave these beside the files they edit: never articles, never worth a word.
DIGITS = re.compile(r"(\d+)")
SCRATCH_NAME = re.compile(r"^(?:\.|#)|(?:~|\.swp|\.swx|\.tmp|\.bak|\.orig|#)$")


def content_files(
    content_dir: Path,
    root: Path,
    known: Mapping[str, tuple[FileStat, str]] | None = None,
    now: int | None = None,
) -> Listing:
    """Every `*.md` under `content_dir`, sorted, read unless `known` (an earlier listing's `settled`)
    has it with its stat, and every image (not read); other files skipped, with a warning if unexpected.
    `now` (ns): the time the files' stamps are compared with, by their file system's clock if it can
    be had (this machine's otherwise).

    Plain strings and os.scandir, not pathlib: this runs on every build, over every article.
    """
    listed_at = time.time_ns() if now is None else now
    known = known or {}
    shown_dir = str(display_path(content_dir, root))
    found: list[tuple[str, FileStat | None]] = []
    media: list[MediaFile] = []
    warnings: list[Problem] = []
    names: list[str] = []  # every name listed, folders with their `/`: to compare them

    def visit(folder: str, relative: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                name = relative + entry.name
                if SCRATCH_NAME.search(entry.name):
                    continue
                names.append(name)
                try:
                    is_folder = entry.is_dir(follow_symlinks=False)  # a linked folder could loop
                    is_file = entry.is_file()  # a link to an article is an article
                except OSError:  # a link to itself
                    is_folder = is_file = False
                if is_folder:
                    names[-1] += "/"
                    visit(entry.path, name + "/")
                elif is_file and name.lower().endswith(IMAGE_SUFFIXES):
                    media.append(MediaFile(name, file_stat(entry.path)))
                elif not name.endswith(ARTICLE_SUFFIX):
                    warnings.append(Problem(Path(shown_dir, name), None, ignored_file_message(name)))
                elif not is_file:
                    why = messages.NOT_A_READABLE_FILE if entry.is_symlink() else messages.SKIPPED_NOT_REGULAR
                    warnings.append(Problem(Path(shown_dir, name), None, why))
                else:
                    found.append((name, file_stat(entry.path)))

    folder_or_absent(content_dir, Path(shown_dir), messages.CONTENT_IS_NOT_A_FOLDER)
    if content_dir.is_dir():
        visit(str(content_dir), "")
    files, problems, settled = [], name_problems(names, shown_dir), {}
    refused = {str(problem.path) for problem in problems}
    for name, stat in sorted(found, key=lambda found: natural_order(found[0])):
        if f"{shown_dir}/{name}" in refused:
            continue
        shown, location = f"{shown_dir}/{name}", f"{content_dir}/{name}"
        seen = known.get(name)
        if stat is not None and seen is not None and seen[0] == stat:
            file = SourceFile(shown, location=location, known_sha=seen[1])
        else:
            try:
                file = SourceFile(shown, read_article_file(location))
            except LineError as error:
                problems.append(Problem(Path(shown), None, error.message))
                continue
        files.append(file)
        if stat is not None and max(stat[2], stat[3]) < listed_at - SETTLED_NS:
            settled[name] = (stat, file.sha)
    if problems:
        raise BuildError(problems)
    warnings.sort(key=lambda p: natural_order(str(p.path)))
    return Listing(tuple(files), tuple(warnings), tuple(sorted(media, key=lambda m: m.name)), settled)


def name_problems(names: list[str], shown_dir: str) -> list[Problem]:
    """A problem for each name that is not UTF-8 text without control characters (messages could not
    show it, nor git on every system keep it), and for each name that macOS and Windows take for an
    earlier one: the same but for capitals (`Casse.md`, `casse.md`), or for how its accents are
    written (NFC and NFD: `é` as one character, or as `e` and an accent). On their checkouts one of
    the two files would silently be lost, so the site would depend on who builds it."""
    problems = []
    by_key: dict[str, str] = {}
    for name in sorted(names, key=natural_order):
        shown = Path(f"{shown_dir}/{name}".removesuffix("/"))
        if not (name.isascii() and name.isprintable()) and (refused := refused_character(name)):
            problems.append(Problem(shown, None, messages.name_refused(ord(refused))))
            continue
        key = name.lower() if name.isascii() else unicodedata.normalize("NFC", name).casefold()
        first = by_key.setdefault(key, name)
        if first != name:
            decomposed = None  # they differ by capitals, or by how accents are written
            if unicodedata.normalize("NFC", first) == unicodedata.normalize("NFC", name):
                decomposed = not unicodedata.is_normalized("NFC", name)
            other = f"{shown_dir}/{first}".removesuffix("/")
            problems.append(Problem(shown, None, messages.names_collide(other, decomposed)))
    return problems


def folder_or_absent(path: Path, shown: Path, message: str) -> None:
    """BuildError when something else stands where Revue wants a folder (`content/`, `output/`): every
    command names it alike, and none replaces it."""
    if os.path.lexists(path) and not path.is_dir():
        raise BuildError([Problem(shown, None, message)])


def read_article_file(location: str) -> bytes:
    """An article's bytes, bounded (`inputfile.read_input`: a file replaced by a pipe since it was
    listed never holds the build); LineError with the reason it cannot be read."""
    try:
        return read_input(location)
    except FileNotFoundError:  # listed a moment ago
        raise LineError(None, messages.CHANGED_DURING_BUILD) from None
    except OSError as error:
        raise LineError(None, messages.cannot_read(messages.system_error(error))) from None


def natural_order(name: str) -> list[str | int]:
    """`depeche-2.md` before `depeche-10.md`, as editors number their files (and as `ls -v` lists them)."""
    # The odd parts are the runs of digits `\d` found; `str.isdigit` would also take « ¹ », which `int` refuses.
    return [
        int(part) if odd else part for odd, part in zip(itertools.cycle((False, True)), DIGITS.split(name))
    ]


def ignored_file_message(name: str) -> str:
    """Why a file of `content/` is not an article, and how to make it one if it was meant to be."""
    stem = name.split(".")[0] or name
    if re.search(r"\.(?:md|markdown|mdown|txt)(?:\.txt)?$", name, re.IGNORECASE):
        return messages.markdown_misnamed(stem + ARTICLE_SUFFIX)
    return messages.NOT_AN_ARTICLE
