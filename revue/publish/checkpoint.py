"""Named moments of a build where a test can freeze it, to kill it exactly there.

A killed build must leave no process behind and `output/` whole (README "Reliability"). The test
(`tests/test_faults.py`) runs a real build in a session of its own with `REVUE_STOP_AT=<moment>`:
the build stops its whole process group there (itself, its forked workers, Pagefind), the test sees
it stopped (`waitpid(…, WUNTRACED)`: no sleeping, whatever the machine's speed) and kills it. Unset,
as everywhere else, a moment costs one lookup in the environment.
"""

from __future__ import annotations

import os
import signal

STOP_AT = "REVUE_STOP_AT"


def reached(moment: str) -> None:
    if os.environ.get(STOP_AT) == moment:
        os.killpg(os.getpgrp(), signal.SIGSTOP)
