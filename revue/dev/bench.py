"""`python build.py bench`: time whole `build.py` processes on a synthetic corpus of N articles.

Every build is `<python> build.py --root <project>`, one process each, exactly as editors and CI run
it, in a temporary project on tmpfs (/dev/shm when there is one), never in content/. Nothing of the
build is imported or patched, so the figures survive any rewrite of the pipeline: wall time covers
Python's start-up, CPU time and memory come from the kernel, and files written are read from
output/ itself (a file is written when its inode or mtime changed).
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from revue.core.project import Project
from revue.dev.corpus import corpus, write_corpus

TMPFS = Path("/dev/shm")
# The command editors run; its own copy, as revue.cli imports this module.
BUILD_PY = Path(__file__).resolve().parents[2] / "build.py"
RUSAGE_HOOK = Path(__file__).resolve().parent / "rusage"  # its sitecustomize.py reports peak memory
EDITED_ARTICLE = "bench-00000.md"  # dated 2018: an older year, whose search shard is a block of years
EDITED_TEMPLATE = "article.html"
MAIN_BLOCK = re.compile(r"{%-?\s*block\s+main\s*-?%}")  # the edit goes where every article page shows it
SEARCH_BUNDLE = "pagefind"  # Pagefind's folder in the output, as readers' browsers fetch it (/pagefind/)
KIB_PER_MIB = 1024


@dataclass(frozen=True)
class Process:
    """One finished process, measured from outside it."""

    seconds: float  # wall time from spawn to exit: start-up included
    cpu: float  # user + system seconds of the process and of every child it waited for
    peak_kb: int  # peak RSS of the process or of any of those children, whichever is larger
    own_kb: int | None  # the process's own peak RSS, when it is a Python that ran RUSAGE_HOOK
    children_kb: int | None  # the largest child's, likewise


@dataclass(frozen=True)
class Build:
    """One `build.py` run and what it did to output/."""

    process: Process
    written: int  # files of the site created or replaced
    search_written: int  # the same, under pagefind/
    files: int  # files of the site afterwards, pagefind/ left out
    search_files: int


def run_process(command: list[str], scratch: Path) -> Process:
    """Run `command` to its end; stop the benchmark, showing what it printed, if it fails."""
    log, reports = scratch / "printed.log", scratch / "rusage"
    reports.mkdir(exist_ok=True)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(RUSAGE_HOOK), os.environ.get("PYTHONPATH")])),
        "REVUE_BENCH_RUSAGE": str(reports),
    }
    actions = [
        (os.POSIX_SPAWN_OPEN, 1, str(log), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644),
        (os.POSIX_SPAWN_DUP2, 1, 2),
    ]
    started = time.perf_counter()
    pid = os.posix_spawn(command[0], command, env, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    printed = log.read_text(encoding="utf-8", errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed, the benchmark stops here. It printed:\n{printed}")
    report = reports / str(pid)
    own, children = map(int, report.read_text().split()) if report.exists() else (None, None)
    report.unlink(missing_ok=True)  # a later process may get the same pid
    return Process(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, own, children)


def file_stamps(folder: Path) -> dict[Path, tuple[int, int]]:
    """Inode and mtime of every file under `folder`: a file rewritten or replaced changes one of them."""
    stamps = {}
    for path in folder.rglob("*") if folder.is_dir() else ():
        status = path.lstat()
        if stat.S_ISREG(status.st_mode):
            stamps[path.relative_to(folder)] = (status.st_ino, status.st_mtime_ns)
    return stamps


def run_build(project: Project, scratch: Path, command: str = "build") -> Build:
    """`<python> build.py <command> --root <project>` in a process of its own."""
    before = file_stamps(project.output)
    process = run_process([sys.executable, str(BUILD_PY), command, "--root", str(project.root)], scratch)
    after = file_stamps(project.output)
    written = [path for path, stamp in after.items() if before.get(path) != stamp]
    return Build(
        process,
        written=sum(not is_search_file(path) for path in written),
        search_written=sum(map(is_search_file, written)),
        files=sum(not is_search_file(path) for path in after),
        search_files=sum(map(is_search_file, after)),
    )


def is_search_file(path: Path) -> bool:
    return path.parts[0] == SEARCH_BUNDLE


def append_sentence(article: Path, round_: int) -> None:
    with article.open("a", encoding="utf-8") as text:
        text.write(f"\nUne phrase ajoutée par l'édition {round_}.\n")


def edit_template(template: Path, round_: int) -> None:
    text = template.read_text(encoding="utf-8")
    if not MAIN_BLOCK.search(text):
        raise SystemExit(f"{template} has no {{% block main %}}: the benchmark edits the article page there")
    edited = MAIN_BLOCK.sub(lambda block: f"{block[0]}<!-- edited, round {round_} -->", text, count=1)
    template.write_text(edited, encoding="utf-8")


def newest_article(seeds: Path, articles: int) -> str:
    """The file of the corpus's newest article: what editors correct most, in the newest year's shard."""
    newest = max(corpus(seeds, articles), key=lambda article: (article.date, article.number))
    return f"{newest.slug}.md"


def forget_builds(project: Project) -> None:
    """Back to a fresh clone: no cache, no output."""
    shutil.rmtree(project.cache, ignore_errors=True)
    shutil.rmtree(project.output, ignore_errors=True)


COLD = "cold build (no .cache/, no output/)"
UNCHANGED = "nothing changed"
CHECK = "`check`, nothing changed"
ARTICLE_EDITED = "one article of an older year edited"
RECENT_EDITED = "one article of the newest year edited"
TEMPLATE_EDITED = "one template edited"


def round_of_builds(project: Project, scratch: Path, round_: int, newest: str) -> dict[str, Build]:
    """The builds of one round, in this order, each on what the previous one left."""
    forget_builds(project)
    builds = {COLD: run_build(project, scratch)}
    builds[UNCHANGED] = run_build(project, scratch)
    builds[CHECK] = run_build(project, scratch, "check")
    append_sentence(project.content / EDITED_ARTICLE, round_)
    builds[ARTICLE_EDITED] = run_build(project, scratch)
    append_sentence(project.content / newest, round_)
    builds[RECENT_EDITED] = run_build(project, scratch)
    edit_template(project.templates / EDITED_TEMPLATE, round_)
    builds[TEMPLATE_EDITED] = run_build(project, scratch)
    return builds


@contextmanager
def bench_project(repo: Project, articles: int) -> Iterator[tuple[Project, Path]]:
    """A temporary project on tmpfs with the repository's site.yaml and templates, the corpus as
    content/, and a scratch folder beside it; removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="revue-bench-", dir=TMPFS if TMPFS.is_dir() else None) as folder:
        project, scratch = Project(Path(folder) / "revue"), Path(folder) / "scratch"
        scratch.mkdir()
        shutil.copytree(repo.templates, project.templates)
        shutil.copy(repo.site_yaml, project.site_yaml)
        started = time.perf_counter()
        write_corpus(project.content, repo.seeds, articles)
        progress(f"corpus of {articles} articles written in {time.perf_counter() - started:.1f} s")
        yield project, scratch


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_line(start: float) -> str:
    """The benchmark shares the machine: say how busy it was, so a reader can discount a table."""
    return (
        f"load average (1 min) {start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, "
        f"on {os.cpu_count()} cores"
    )


def mib(kb: float | None) -> str:
    return "–" if kb is None else f"{kb / KIB_PER_MIB:.0f}"


def table(rounds: list[dict[str, Build]], articles: int, load_start: float) -> str:
    """Medians over the rounds, one line per scenario."""
    lines = [
        f"{articles} articles, median of {len(rounds)} round(s); each build a whole process: "
        f"{Path(sys.executable).name} build.py --root <project on tmpfs>",
        load_line(load_start),
        "| scenario | wall s | CPU/wall | files written | search files written "
        "| build RSS MiB | largest child RSS MiB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in rounds[0]:
        builds = [builds[name] for builds in rounds]

        def middle(field: Callable[[Build], float | None], builds: list[Build] = builds) -> float | None:
            values = [value for build in builds if (value := field(build)) is not None]
            return statistics.median(values) if len(values) == len(builds) else None

        lines.append(
            f"| {name} | {middle(lambda b: b.process.seconds):.2f} "
            f"| {middle(lambda b: b.process.cpu / b.process.seconds):.2f} "
            f"| {middle(lambda b: b.written):.0f} | {middle(lambda b: b.search_written):.0f} "
            f"| {mib(middle(lambda b: b.process.own_kb))} | {mib(middle(lambda b: b.process.children_kb))} |"
        )
    cold = rounds[-1][COLD]
    lines.append(f"After a cold build: {cold.files} files in output/, and {cold.search_files} in pagefind/")
    return "\n".join(lines)


def benchmark(repo: Project, articles: int, rounds: int) -> str:
    """Build the corpus in a temporary project, run the rounds, return the table."""
    load_start = os.getloadavg()[0]
    with bench_project(repo, articles) as (project, scratch):
        newest = newest_article(repo.seeds, articles)
        results = []
        for round_ in range(1, rounds + 1):
            results.append(round_of_builds(project, scratch, round_, newest))
            progress(f"round {round_}/{rounds} done, load average {os.getloadavg()[0]:.1f}")
    return table(results, articles, load_start)
