"""`python build.py bench`: time cold, warm and incremental builds of a synthetic corpus of N articles.

The corpus lives in a temporary project on tmpfs (/dev/shm when there is one), never in content/.
Each build runs in a fresh process, so its peak memory and CPU time are its own.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from revue.core.project import Project
from revue.dev.corpus import write_corpus

TMPFS = Path("/dev/shm")
EDITED_ARTICLE = "bench-00000.md"
EDITED_TEMPLATE = "article.html"
BLOCK = re.compile(r"{%-?\s*block\s+\w+\s*-?%}")  # the edit goes inside the first block: it shows

# Run in the child: build once, report wall time, CPU time and memory before indexing, and the index.
CHILD = """
import time
process_started = time.perf_counter()
import json, resource, sys
from pathlib import Path
from revue import pipeline
from revue.build import search
from revue.core.project import Project

before_index = {}
index_site = search.index_site

def measured_index(*args):
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    before_index.update(
        seconds=time.perf_counter() - started,
        process=time.perf_counter() - process_started,
        cpu=own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        workers_kb=children.ru_maxrss,
    )
    return index_site(*args)

search.index_site = measured_index
started = time.perf_counter()
result = pipeline.build(Project(Path(sys.argv[1])))
seconds = time.perf_counter() - started
own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps(dict(
    seconds=seconds,
    before_index=before_index.get("seconds", seconds),
    process=before_index.get("process", time.perf_counter() - process_started),
    cpu=before_index.get("cpu", own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime),
    index_seconds=result.index_seconds,
    written=result.written,
    files=result.files,
    main_kb=own.ru_maxrss,
    workers_kb=before_index.get("workers_kb", children.ru_maxrss),
    with_index_kb=children.ru_maxrss,
)))
"""


@dataclass(frozen=True)
class Run:
    """One build, as the child measured it."""

    seconds: float  # whole build, indexing included
    before_index: float  # read, render and write
    process: float  # the same, from the child's start: what `cpu` is spent over
    cpu: float  # CPU seconds of the child and its workers before indexing, imports included
    index_seconds: float  # 0 when Pagefind did not run
    written: int
    files: int
    main_kb: int  # peak RSS of the build process
    workers_kb: int  # peak RSS of the largest worker
    with_index_kb: int  # peak RSS of the largest child, Pagefind included


def build_once(root: Path) -> Run:
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(root)], cwd=repo, capture_output=True, text=True, check=True
    )
    return Run(**json.loads(done.stdout.splitlines()[-1]))


def scenarios(project: Project, run: int) -> dict[str, Run]:
    """The four builds of one round: cold, untouched, one article edited, one template edited."""
    shutil.rmtree(project.cache, ignore_errors=True)
    shutil.rmtree(project.output, ignore_errors=True)
    runs = {"cold build (no cache)": build_once(project.root)}
    runs["warm rebuild, nothing changed"] = build_once(project.root)
    with (project.content / EDITED_ARTICLE).open("a", encoding="utf-8") as article:
        article.write(f"\nUne phrase ajoutée par l'édition {run}.\n")
    runs["rebuild after editing one article"] = build_once(project.root)
    template = project.templates / EDITED_TEMPLATE
    text = BLOCK.sub(
        lambda block: f"{block[0]}<!-- edited, round {run} -->", template.read_text("utf-8"), count=1
    )
    template.write_text(text, encoding="utf-8")
    runs["rebuild after editing one template"] = build_once(project.root)
    return runs


def table(rounds: list[dict[str, Run]], articles: int) -> str:
    """Medians over the rounds, one line per scenario."""
    lines = [
        f"{articles} articles, median of {len(rounds)} round(s); times in seconds, memory in MiB; "
        f"load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        "| scenario | before index | index | CPU/wall | files written | pages | main RSS | worker RSS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name in rounds[0]:
        runs = [r[name] for r in rounds]

        def median(field: str, runs: list[Run] = runs) -> float:
            return statistics.median(getattr(run, field) for run in runs)

        lines.append(
            f"| {name} | {median('before_index'):.2f} | {median('index_seconds'):.2f} "
            f"| {statistics.median(r.cpu / r.process for r in runs):.2f} | {median('written'):.0f} "
            f"| {median('files'):.0f} | {median('main_kb') / 1024:.0f} | {median('workers_kb') / 1024:.0f} |"
        )
    pagefind = max(r.with_index_kb for rounds_ in rounds for r in rounds_.values())
    lines.append(f"Largest child including Pagefind: {pagefind / 1024:.0f} MiB peak RSS")
    return "\n".join(lines)


def benchmark(repo: Project, articles: int, rounds: int) -> str:
    """Build the corpus in a temporary project, run the rounds, return the table."""
    base = TMPFS if TMPFS.is_dir() else None
    with tempfile.TemporaryDirectory(prefix="revue-bench-", dir=base) as folder:
        project = Project(Path(folder))
        shutil.copy(repo.site_yaml, project.site_yaml)
        shutil.copytree(repo.templates, project.templates)
        started = time.perf_counter()
        write_corpus(project.content, repo.seeds, articles)
        print(
            f"corpus of {articles} articles written in {time.perf_counter() - started:.1f} s", file=sys.stderr
        )
        results = []
        for run in range(1, rounds + 1):
            results.append(scenarios(project, run))
            print(f"round {run}/{rounds} done", file=sys.stderr)
    return table(results, articles)
