"""Put on PYTHONPATH by the benchmark: each `build.py` it runs writes, at exit, its own peak RSS and
its largest child's. The kernel gives its parent only the larger of the two (wait4), and `resource`
can tell them apart only from inside. Stays out of the way: it imports `os` (already loaded) and the
built-in `atexit`, and does nothing at all unless REVUE_BENCH_RUSAGE names a folder."""

import atexit
import os


def write_peak_memory(folder: str) -> None:
    """`<folder>/<pid>`: "own children" peak RSS in KiB, read by revue.dev.bench."""
    import resource  # at exit only: start-up stays as it is

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(os.path.join(folder, str(os.getpid())), "w", encoding="ascii") as report:
        report.write(f"{own} {children}\n")


if "REVUE_BENCH_RUSAGE" in os.environ:
    atexit.register(write_peak_memory, os.environ["REVUE_BENCH_RUSAGE"])
