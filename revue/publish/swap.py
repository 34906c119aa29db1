"""Rendered files → `output/`, in one atomic step, once everything succeeded (indexing included).

Everything this build writes goes first to `.output-staging/` beside `output/` (same file system),
where the changed search shards are indexed. Then the whole new site is assembled in `.output-next/`
and swapped with `output/` in one system call (Linux's `renameat2(RENAME_EXCHANGE)`): `output/`
holds the old site or the new one, at every moment, whatever kills the build. If anything fails
before the swap, `output/` is as it was and the folders beside it are removed.

Assembling a whole site for an edit of one page would link 25,000 files at 10,000 articles. So the
old site, swapped out, is brought up to date (hard links to the new files) and kept as
`.output-mirror-<token>/`: the next build takes it as its `.output-next/` and changes only what it
changes. The token, recorded in the manifest (publish/cache.py), says which build left the mirror: one
a killed build left, or one that no manifest names, is removed, and the next build links a whole
site again. Hard links: the mirror takes no room, and unchanged files keep their inode and mtime.

A symlinked `output/` (a folder published from elsewhere) is published into the folder it points to.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import sys
from collections.abc import Callable, Collection, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from revue.core import messages
from revue.core.errors import BuildError, Problem
from revue.core.uninterrupted import uninterrupted
from revue.publish.checkpoint import reached
from revue.publish.pagefind import BUNDLE
from revue.publish.search import MANIFEST, NewSite, copy_tree
from revue.render.templates import RenderedFile

AT_FDCWD = -100  # fcntl.h: paths relative to the working folder
RENAME_EXCHANGE = 2  # linux/fs.h: swap the two names, both must exist


@dataclass(frozen=True)
class Folders:
    """`output/` (the folder a symlinked one points to) and the folders Revue keeps beside it."""

    output: Path
    shown: Path  # `output/` as the project names it, for messages

    @property
    def staging(self) -> Path:
        return self.output.with_name(f".{self.output.name}-staging")

    @property
    def next(self) -> Path:
        return self.output.with_name(f".{self.output.name}-next")

    def mirror(self, token: str) -> Path:
        return self.output.with_name(f".{self.output.name}-mirror-{token}")

    @property
    def aside(self) -> Path:
        return self.output.with_name(f".{self.output.name}-aside")

    def leftovers(self, keep: Path | None) -> Iterator[Path]:
        """What a killed build left beside `output/` (`-previous`: older versions'), and mirrors no
        manifest names."""
        yield from (
            self.staging,
            self.next,
            self.aside,
            self.output.with_name(f".{self.output.name}-previous"),
        )
        mirrors = f".{self.output.name}-mirror-"
        for entry in os.scandir(self.output.parent) if self.output.parent.is_dir() else ():
            if entry.name.startswith(mirrors) and Path(entry.path) != keep:
                yield Path(entry.path)


@dataclass(frozen=True)
class Published:
    """What publishing left: the mirror beside `output/`, and the search files it wrote."""

    mirror: str  # its token, "" when none could be kept
    search_written: frozenset[str]  # entries of pagefind/ (shard folders, files) that are new


def publish(
    files: list[RenderedFile],
    output: Path,
    finish: Callable[[NewSite], None] = lambda _: None,
    kept: Collection[str] = (),
    mirror: str = "",
    in_place: frozenset[str] = frozenset(),
) -> Published:
    """Publish the site made of `files` (new bytes) and `kept` (files of `output/` still right), after
    `finish` (indexing) succeeded on it. `mirror`: the token of the mirror the last build left;
    `in_place`: the search shard folders of `output/` still as the last build left them.
    """
    folders = Folders(Path(os.path.realpath(output)), output)
    claimed = folders.mirror(mirror) if mirror else None
    claimed = claimed if claimed and claimed.is_dir() else None
    if not folders.output.exists() and folders.aside.is_dir():  # killed between two renames of `swap`
        folders.aside.rename(folders.output)
    for leftover in folders.leftovers(keep=claimed):
        remove(leftover)
    written = frozenset(file.path for file in files)
    target = folders.output
    try:
        with real_paths(folders):
            folders.staging.mkdir(parents=True)
            write_files(files, folders.staging)
            with ThreadPoolExecutor(1) as pool:  # indexing waits on Pagefind: look for old files meanwhile
                indexing = pool.submit(finish, NewSite(folders.staging, target, written, in_place))
                old = old_files(target, set(kept), written) if target.is_dir() else []
                indexing.result()
            search = assemble(folders, claimed, kept, written, old)
    except BaseException:  # Ctrl-C included: `output/` untouched, and nothing left beside it
        for folder in (folders.staging, folders.next):
            remove(folder)
        raise
    reached("publish:staged")
    with uninterrupted():  # one system call, or two renames where the system cannot swap
        swap(folders.next, target)
    reached("publish:swapped")
    remove(folders.staging)
    token = keep_as_mirror(folders, written, old, search)
    return Published(token, search)


def assemble(
    folders: Folders, claimed: Path | None, kept: Collection[str], written: frozenset[str], old: list[str]
) -> frozenset[str]:
    """The whole new site in `folders.next`: the mirror with this build's changes, or links to every
    file kept and the files written. Returns the entries of pagefind/ that this build wrote."""
    site = folders.next
    if claimed is not None:
        claimed.rename(site)
        for path in old:
            with suppress(FileNotFoundError, NotADirectoryError):  # put in `output/` by hand
                os.unlink(f"{site}/{path}")
            remove_empty_parents(site, path)
    else:
        site.mkdir()
        link_kept(kept, folders.output, site)
    made: set[str] = set()
    for path in sorted(written):
        target = f"{site}/{path}"
        make_parent(target, made)
        if os.path.isdir(target):  # a folder made by hand where the site has a file
            shutil.rmtree(target)
        os.replace(f"{folders.staging}/{path}", target)
    return move_bundle(folders.staging / BUNDLE, site / BUNDLE, folders.output / BUNDLE)


def move_bundle(new: Path, bundle: Path, published: Path) -> frozenset[str]:
    """Move the search files this build wrote into the new site's `pagefind/`, link the shard folders
    it keeps from the published one, and drop the folders `shards.json` no longer lists."""
    if not new.is_dir():  # the index did not change: kept whole
        return frozenset()
    bundle.mkdir(exist_ok=True)
    moved = frozenset(entry.name for entry in os.scandir(new))
    for name in sorted(moved):
        target = bundle / name
        if target.is_dir():  # a shard folder damaged in `output/`, put back from the store
            shutil.rmtree(target)
        os.replace(new / name, target)
    listed = {shard["folder"] for shard in json.loads((bundle / MANIFEST).read_bytes())["shards"]}
    for entry in os.scandir(bundle):
        if entry.is_dir() and entry.name not in listed:
            shutil.rmtree(entry.path)
    for name in sorted(listed - {entry.name for entry in os.scandir(bundle)}):
        link_tree(published / name, bundle / name)
    return moved


def swap(new: Path, output: Path) -> None:
    """Put `new` in place of `output/` in one step; the old site ends up at `new`'s name."""
    if not output.exists():
        new.rename(output)
        return
    if exchange(new, output):
        return
    aside = Folders(output, output).aside  # a system that cannot swap: two renames
    output.rename(aside)
    new.rename(output)
    aside.rename(new)


def exchange(first: Path, second: Path) -> bool:
    """Swap two folders' names atomically (Linux 3.15+); False where the system or the file system
    cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:  # a C library older than glibc 2.28
        return False
    if renameat2(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second), RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def keep_as_mirror(folders: Folders, written: frozenset[str], old: list[str], search: frozenset[str]) -> str:
    """Bring the old site, at `folders.next` since the swap, up to date as the next build's mirror;
    its token, or "" when it cannot be (the next build then links a whole site)."""
    token = os.urandom(8).hex()
    site, output = folders.next, folders.output
    try:
        if not site.exists():  # no old site: a first build
            link_tree(output, site)
        else:
            made: set[str] = set()
            for path in sorted(written):
                target = f"{site}/{path}"
                make_parent(target, made)
                remove(Path(target))
                os.link(f"{output}/{path}", target)
            for path in old:
                with suppress(FileNotFoundError, NotADirectoryError):  # gone with a folder above
                    os.unlink(f"{site}/{path}")
                remove_empty_parents(site, path)
            mirror_bundle(site / BUNDLE, output / BUNDLE, search)
        site.rename(folders.mirror(token))
    except OSError:  # the site is published; only the next build's head start is lost
        remove(site)
        return ""
    return token


def mirror_bundle(bundle: Path, published: Path, search: frozenset[str]) -> None:
    """Make the old `pagefind/` the published one: its new entries linked, its dropped ones removed."""
    if not search:
        return
    bundle.mkdir(exist_ok=True)
    names = {entry.name for entry in os.scandir(published)}
    for entry in os.scandir(bundle):
        if entry.name not in names or entry.name in search:
            remove(Path(entry.path))
    for name in sorted(names - {entry.name for entry in os.scandir(bundle)}):
        if (published / name).is_dir():
            link_tree(published / name, bundle / name)
        else:
            os.link(published / name, bundle / name)


@contextmanager
def real_paths(folders: Folders) -> Iterator[None]:
    """A file that cannot be written (a full disk, a folder without permission) is named as the editor
    knows it, in `output/`, not in the folders beside it that are gone by the time they read it."""
    try:
        yield
    except OSError as error:
        if not error.filename:
            raise
        where = Path(str(error.filename))
        for beside in (folders.staging, folders.next):
            if where.is_relative_to(beside):
                where = folders.shown / where.relative_to(beside)
        reason = messages.cannot_write(messages.system_error(error))
        raise BuildError([Problem(where, None, reason)]) from None


def make_parent(target: str, made: set[str]) -> None:
    """Create the folder of `target` unless this run already did (strings: this runs once per page)."""
    parent = os.path.dirname(target)
    if parent not in made:
        os.makedirs(parent, exist_ok=True)
        made.add(parent)


def write_files(files: list[RenderedFile], folder: Path) -> None:
    made: set[str] = set()
    for file in files:
        target = f"{folder}/{file.path}"
        make_parent(target, made)
        try:
            with open(target, "wb") as written:
                written.write(file.content)
        except OSError as error:  # a write that fails (a full disk) names no file: this one
            raise OSError(error.errno, error.strerror, target) from None


def link_kept(kept: Collection[str], previous: Path, folder: Path) -> None:
    """Hard-link files and folders of the previous site into the new one: same inode, same mtime."""
    made: set[str] = set()
    for name in kept:
        source, target = f"{previous}/{name}", f"{folder}/{name}"
        if os.path.isdir(source):
            link_tree(Path(source), Path(target))
            continue
        make_parent(target, made)
        os.link(source, target)


def link_tree(source: Path, target: Path) -> None:
    """`target` made a copy of the folder `source` of hard links."""
    copy_tree(source, target, os.link)


def remove(path: Path) -> None:
    """Remove a file or a folder of Revue's, whatever is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with suppress(FileNotFoundError):
            path.unlink()


def old_files(output: Path, kept: set[str], written: Collection[str]) -> list[str]:
    """Files of `output/` (outside the search bundle) that are neither kept nor written: removed pages,
    and anything put there by hand (a first build would not have it either)."""
    found: list[str] = []

    def visit(folder: str, relative: str) -> None:
        with os.scandir(folder) as entries:
            for entry in entries:
                path = relative + entry.name
                if entry.is_dir(follow_symlinks=False):
                    if path != BUNDLE:
                        visit(entry.path, path + "/")
                elif path not in kept and path not in written:
                    found.append(path)

    visit(str(output), "")
    return found


def remove_empty_parents(output: Path, path: str) -> None:
    parent = os.path.dirname(path)
    while parent:
        try:
            os.rmdir(f"{output}/{parent}")
        except OSError:  # not empty
            return
        parent = os.path.dirname(parent)
