"""One run at a time per project: two builds sharing `.cache/` and `output/` would trip over each other."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive(root: Path, on_wait: Callable[[], None]) -> Iterator[None]:
    """Hold the project's lock; when another run holds it, call `on_wait` once, then wait for it.

    An advisory lock on the project's folder itself, not on a file in `.cache/`, which an editor may
    delete while a build runs (a second build would then have started beside the first). The system
    releases it when the holder exits, even killed.
    """
    try:
        folder = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    except FileNotFoundError:  # no project there: the run says so (no site.yaml) and writes nothing
        folder = None
    if folder is None:
        yield
        return
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)
