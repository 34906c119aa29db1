"""One run at a time per project: two builds sharing `.cache/` and `output/` would trip over each other."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from revue.core import messages
from revue.core.errors import BuildError, Problem

POLL_SECONDS = 0.2  # how often a waiting run looks again whether the lock is free, or its holder gone
COMMAND_SHOWN = 160  # characters of a holder's command line a message shows
_held: set[int] = set()  # descriptors of the locks this process holds: a forked worker closes them


@dataclass(frozen=True)
class Holder:
    """A process holding the project's lock, as the system names it."""

    pid: int
    command: str  # "" when the system does not say


@contextmanager
def exclusive(root: Path, on_wait: Callable[[Holder | None], None]) -> Iterator[None]:
    """Hold the project's lock; while another run holds it, wait, calling `on_wait` with the holder
    (None when the system does not say who) once and again each time it is another process.

    An advisory lock on the project's folder itself, not on a file in `.cache/`, which an editor may
    delete while a build runs (a second build would then have started beside the first). The system
    releases it when the holder exits, even killed; the descriptor is not inherited by Pagefind
    (close-on-exec) and forked workers close it (publish/children.py). A lock still held once the
    process that took it is gone is held by a process it left: the wait ends there, naming it.
    """
    try:
        folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except FileNotFoundError:  # no project there: the run says so (no site.yaml) and writes nothing
        folder = None
    if folder is None:
        yield
        return
    try:
        wait_for(folder, root, on_wait)
        _held.add(folder)
        yield
    finally:
        _held.discard(folder)
        os.close(folder)


def wait_for(folder: int, root: Path, on_wait: Callable[[Holder | None], None]) -> None:
    said: tuple[Holder | None, ...] = ()  # the holder last named, once named
    while True:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        holder = lock_holder(root)
        if holder is not None and not alive(holder.pid):
            left = open_by(root)
            if left:
                named = [(process.pid, process.command) for process in left]
                raise BuildError([Problem(root, None, messages.lock_kept(holder.pid, named))])
        elif said != (holder,):
            on_wait(holder)
            said = (holder,)
        time.sleep(POLL_SECONDS)


def forget_in_child() -> None:
    """In a forked worker: close the inherited lock descriptors (the parent's lock stays held)."""
    for folder in _held:
        os.close(folder)
    _held.clear()


def lock_holder(root: Path) -> Holder | None:
    """The process that took the lock on `root` (Linux's /proc/locks), or None if the system does not say."""
    status = os.stat(root)
    device = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino}"
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as locks:
            for line in locks:
                fields = line.split()
                # `1: FLOCK  ADVISORY  WRITE 5246 fe:00:2204057 0 EOF` (`->` marks a waiter)
                if len(fields) > 5 and fields[1] == "FLOCK" and fields[5] == device and fields[4].isdigit():
                    pid = int(fields[4])
                    return Holder(pid, command_of(pid)) if pid > 0 else None
    except OSError:
        return None
    return None


def command_of(pid: int) -> str:
    """The command line of process `pid`, on one line and not too long to be read in a message."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return shown_command(cmdline.read().decode("utf-8", "replace").split("\0"))
    except OSError:
        return ""


def shown_command(arguments: list[str]) -> str:
    """A command line as a message shows it: one line (newlines are spaces), cut when too long."""
    command = " ".join(" ".join(arguments).split())
    return command if len(command) <= COMMAND_SHOWN else command[: COMMAND_SHOWN - 1] + "…"


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: there
        return True
    return _state(pid) != "Z"


def _state(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rpartition(")")[2].split()[0]
    except (OSError, IndexError):
        return ""


def open_by(root: Path) -> tuple[Holder, ...]:
    """Processes with a descriptor open on `root`: those among them hold the lock."""
    found = []
    target = os.path.realpath(root)
    for entry in os.scandir("/proc") if os.path.isdir("/proc") else ():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            descriptors = os.listdir(f"{entry.path}/fd")
        except OSError:
            continue
        for descriptor in descriptors:
            try:
                if os.readlink(f"{entry.path}/fd/{descriptor}") == target:
                    found.append(Holder(int(entry.name), command_of(int(entry.name))))
                    break
            except OSError:
                continue
    return tuple(found)
