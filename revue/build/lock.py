"""One run at a time per project: two builds sharing `.cache/` and `output/` would trip over each other."""

from __future__ import annotations

import fcntl
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def exclusive(cache: Path, on_wait: Callable[[], None]) -> Iterator[None]:
    """Hold the project's lock; when another run holds it, call `on_wait` once, then wait for it.

    An advisory lock on `.cache/lock`: the system releases it when the holder exits, even killed.
    """
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / "lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
