"""Processes a build starts die with it: forked workers and Pagefind, even when it is killed (`kill -9`).

On Linux each child asks the kernel for SIGKILL when its parent dies (`prctl(PR_SET_PDEATHSIG)`),
then checks that the parent it was started by is still its parent: one killed in between would not
be there to send it. Elsewhere (macOS has no such call) a child outlives a killed build until its
work is done. A forked worker also closes the descriptor of the project's lock, which it inherits
(fork copies every descriptor, close-on-exec or not): holding it, a worker left behind kept every
later command waiting.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from functools import cache

PR_SET_PDEATHSIG = 1  # linux/prctl.h


@cache
def _prctl() -> Callable[..., int] | None:
    """libc's `prctl`, looked up before any fork: a child between fork and exec should do little."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: a build with nothing to do starts no child

    return ctypes.CDLL(None, use_errno=True).prctl


def prepare() -> int:
    """Call in the parent before starting children: their parent's pid, for `die_with_parent`."""
    _prctl()
    return os.getpid()


def die_with_parent(parent: int) -> None:
    """In a child: be killed when `parent` dies, or exit now if it already has."""
    prctl = _prctl()
    if prctl is not None:
        prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)
