"""Run CPU-bound work on every core: forked workers inherit the inputs instead of unpickling them."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

from revue.publish import children, lock
from revue.publish.checkpoint import reached

Result = TypeVar("Result")
WORKERS = os.cpu_count() or 1
SERIAL_BELOW = 64  # fewer items than this: starting workers costs more than it saves

_shared: Any = None  # set just before forking, so workers see it without pickling


def _run_chunk(task: tuple[Callable[[Any, int], Any], int, int]) -> list[Any]:
    function, start, stop = task
    return [function(_shared, index) for index in range(start, stop)]


def _start_worker(parent: int) -> None:
    """Each worker dies with the build and lets go of the project's lock (publish/children.py)."""
    children.die_with_parent(parent)
    lock.forget_in_child()


def fork_map(
    function: Callable[[Any, int], Result], shared: Any, count: int, serial_below: int = SERIAL_BELOW
) -> list[Result]:
    """`[function(shared, i) for i in range(count)]`, split over all cores; results in order.

    `function` must be a module-level function; only it, the indexes and the results are pickled.
    `serial_below`: fewer items are done here (lower it when each item is long, like resizing a photo).
    Call it from the main thread: the kernel kills the workers when the thread that forked them ends.
    """
    if count < serial_below or WORKERS == 1:
        return [function(shared, index) for index in range(count)]
    import multiprocessing  # here: most rebuilds have too little to do to start workers
    from concurrent.futures import ProcessPoolExecutor

    global _shared
    _shared = shared
    chunk = max(1, count // (WORKERS * 8)) if count >= SERIAL_BELOW else 1
    tasks = [(function, start, min(start + chunk, count)) for start in range(0, count, chunk)]
    try:
        context = multiprocessing.get_context("fork")
        parent = children.prepare()
        with ProcessPoolExecutor(WORKERS, context, initializer=_start_worker, initargs=(parent,)) as pool:
            parts = pool.map(_run_chunk, tasks)  # every worker started, every task sent
            reached(f"fork_map:{function.__name__}")
            return [result for part in parts for result in part]
    finally:
        _shared = None
