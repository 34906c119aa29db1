"""Ctrl-C held back while a few renames or writes run, which cut halfway would leave a folder half
old and half new (`output/` while the new site is swapped in, an article being written from a seed)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Run the block to its end even if Ctrl-C comes meanwhile, then deliver the Ctrl-C as usual."""
    if threading.current_thread() is not threading.main_thread():  # only there can Python take signals
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        signal.raise_signal(signal.SIGINT)
