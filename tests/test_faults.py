"""Faults (issue 23, points 1–4 and 8): a killed build, a poisoned cache, a full disk, a failed publish.

Real builds: `build.py` in a process of its own, the real Pagefind, stopped and killed where the test
chooses (`revue/publish/checkpoint.py`: the build freezes its process group at a named moment, the test
sees it stopped, then kills it).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from revue.core import messages
from revue.core.messages import command_line
from revue.core.project import Project
from revue.dev.corpus import write_corpus
from revue.pipeline import build
from revue.publish.checkpoint import STOP_AT
from revue.publish.lock import shown_command
from tests.build_cli import build_py
from tests.conftest import REPO, copy_project, reproducible_files, set_shard_size

pytestmark = pytest.mark.xdist_group("faults")

# Enough articles for reading and rendering to go to forked workers (parallel.SERIAL_BELOW), and
# small search shards so that several Pagefind processes run at once.
ARTICLES = 70
SHARD_SIZE = 16
STILL_ALIVE_FOR = (
    20.0  # seconds: a process killed with its parent is gone long before; the old code's never went
)


def site_project(folder: Path) -> Project:
    project = copy_project(folder, with_content=False)
    write_corpus(project.content, REPO / "seeds", ARTICLES)
    set_shard_size(project, SHARD_SIZE)
    return project


def edit_site(project: Project) -> None:
    """An edit that goes through every stage with workers and Pagefind: a new site title (every article
    read and every page rendered again) and one article's body (its search shard indexed again)."""
    settings = project.site_yaml.read_text(encoding="utf-8")
    project.site_yaml.write_text(settings.replace('title: "Revue', 'title: "La Revue', 1), encoding="utf-8")
    article = project.content / "bench-00007.md"
    article.write_text(article.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")


def site_files(output: Path) -> dict[str, bytes] | None:
    """The site as a reader gets it: every file's bytes, the Pagefind bundle's by name only, without
    the files Pagefind names differently on each run; None when there is no output/."""
    if not output.is_dir():
        return None
    found = {}
    for relative in reproducible_files(output):
        in_bundle = relative.parts[0] == "pagefind"
        found[relative.as_posix()] = b"" if in_bundle else (output / relative).read_bytes()
    return found


def scratch_build(project: Project, folder: Path) -> dict[str, bytes] | None:
    """The site a build from scratch makes of the project's sources."""
    fresh = Project(folder)
    shutil.copytree(project.root, fresh.root, ignore=shutil.ignore_patterns(".cache", "output", ".output*"))
    assert build_py(fresh).returncode == 0
    return site_files(fresh.output)


def processes_in_group(group: int) -> Iterator[tuple[int, str]]:
    """Live processes of a process group (zombies are dead: they wait for a parent to read them)."""
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        name, fields = stat[stat.index("(") + 1 : stat.rindex(")")], stat[stat.rindex(")") + 2 :].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp == group and state != "Z":
            yield int(entry.name), name


def survivors(group: int) -> list[tuple[int, str]]:
    """What is left of the group once every process killed with its parent had the time to go."""
    import time

    deadline = time.monotonic() + STILL_ALIVE_FOR
    while (left := list(processes_in_group(group))) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def stopped_build(project: Project, moment: str) -> subprocess.Popen[bytes]:
    """`build.py` started in a session of its own, stopped (with its workers and Pagefind) at `moment`."""
    build = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--root", str(project.root)],
        cwd=project.root,
        env={**os.environ, STOP_AT: moment},
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status = os.waitpid(build.pid, os.WUNTRACED)
    if not os.WIFSTOPPED(status):
        build.returncode = os.waitstatus_to_exitcode(status)
        pytest.fail(f"the build ended without reaching {moment}: {build.stderr.read().decode()}")
    return build


def kill(build: subprocess.Popen[bytes], signal_number: int) -> None:
    """Kill the build process alone (not its group), as `kill PID` does, then let the rest of its
    group run again, as it would have had the test not stopped it (a worker stopped before it asked
    to die with its parent must find out by itself that the build is gone)."""
    os.kill(build.pid, signal_number)
    os.kill(build.pid, signal.SIGCONT)  # a stopped process acts on SIGTERM once it runs again
    build.wait()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(build.pid, signal.SIGCONT)


# Where each kind of process runs: forked workers while reading and rendering, Pagefind while indexing.
MOMENTS = {
    "fork_map:_read": "python",
    "fork_map:_render": "python",
    "pagefind": "pagefind",
    "publish:staged": None,
    "publish:swapped": None,
}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, dict[str, bytes] | None]]:
    """Two starting points, each with the site a build from scratch makes of its sources: a project
    never built, and one built then edited."""
    folder = tmp_path_factory.mktemp("kill")
    fresh = site_project(folder / "fresh")
    edited = Project(folder / "edited")
    shutil.copytree(fresh.root, edited.root)
    assert build_py(edited).returncode == 0
    edit_site(edited)
    return {
        name: (project.root, scratch_build(project, folder / f"{name}-scratch"))
        for name, project in (("fresh", fresh), ("edited", edited))
    }


# Each moment once from nothing and once after an edit, with either signal (both end the process
# without its own clean-up: Python's default for SIGTERM is to die).
KILLS = [
    ("fresh", "fork_map:_read", signal.SIGKILL),
    ("edited", "fork_map:_read", signal.SIGTERM),
    ("fresh", "fork_map:_render", signal.SIGTERM),
    ("edited", "fork_map:_render", signal.SIGKILL),
    ("fresh", "pagefind", signal.SIGKILL),
    ("edited", "pagefind", signal.SIGTERM),
    ("fresh", "publish:staged", signal.SIGTERM),
    ("edited", "publish:staged", signal.SIGKILL),
    ("edited", "publish:swapped", signal.SIGKILL),
]


@pytest.mark.parametrize(
    ("start", "moment", "signal_number"),
    KILLS,
    ids=[f"{start}-{moment}-{signal.Signals(number).name}" for start, moment, number in KILLS],
)
def test_a_killed_build_leaves_no_process_and_a_whole_site(
    sites: dict[str, tuple[Path, dict[str, bytes] | None]],
    tmp_path: Path,
    start: str,
    moment: str,
    signal_number: int,
) -> None:
    """Issue 23, point 1: `kill -9` or `kill -TERM` of `build.py` while it reads, renders, indexes or
    publishes leaves no worker and no Pagefind alive (they held the project's lock: every later
    command waited for ever), `output/` is the old site or the new one, and the next build completes
    with the site a build from scratch makes."""
    source, new = sites[start]
    project = Project(tmp_path / "project")
    shutil.copytree(source, project.root)
    old = site_files(project.output)
    build = stopped_build(project, moment)
    try:
        if MOMENTS[moment] == "pagefind":
            running = {name for _, name in processes_in_group(build.pid)}
            assert "pagefind" in running, f"no Pagefind running at {moment}"
        elif MOMENTS[moment] == "python" and (os.cpu_count() or 1) > 1:
            assert len(list(processes_in_group(build.pid))) > 1, f"no worker at {moment}"
        kill(build, signal_number)
        assert survivors(build.pid) == []
    finally:
        with_group_killed(build.pid)
    assert site_files(project.output) in (old, new), "output/ is neither the old site nor the new one"
    rebuilt = build_py(project)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert site_files(project.output) == new


def with_group_killed(group: int) -> None:
    """Whatever the code under test left of the group it started: gone, so that a failure leaves no
    stopped process on the machine."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)


def test_a_waiting_build_names_the_holder_and_goes_on_once_it_is_killed(
    sites: dict[str, tuple[Path, dict[str, bytes] | None]], tmp_path: Path
) -> None:
    """Issue 23, point 1: a run waiting for the project's lock says which process holds it, and goes
    on when that process is killed (its workers kept the lock: the wait never ended)."""
    project = Project(tmp_path / "project")
    shutil.copytree(sites["fresh"][0], project.root)
    holder = stopped_build(project, "fork_map:_read")
    try:
        waiting = subprocess.Popen(
            [sys.executable, str(REPO / "build.py"), "--root", str(project.root), "check"],
            cwd=project.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert waiting.stderr is not None
        command = shown_command([sys.executable, str(REPO / "build.py"), "--root", str(project.root)])
        assert waiting.stderr.readline() == command_line.waiting(project.root, holder.pid, command) + "\n"
        kill(holder, signal.SIGKILL)
        assert waiting.wait(timeout=120) == 0
    finally:
        with_group_killed(holder.pid)


LEAVES_A_CHILD_WITH_THE_LOCK = """
import fcntl, os, sys, time
folder = os.open(sys.argv[1], os.O_RDONLY | os.O_DIRECTORY)
fcntl.flock(folder, fcntl.LOCK_EX)
if os.fork() == 0:  # the child keeps the descriptor, hence the lock, as the workers of old did
    print(os.getpid(), flush=True)
    time.sleep(600)
os._exit(0)
"""


def test_a_lock_kept_by_a_process_left_behind_is_named_instead_of_waited_for(tmp_path: Path) -> None:
    """Issue 23, point 1: once the process that took the lock is gone, a process it left holding the
    lock is named, with how to stop it; the run does not wait for ever."""
    project = copy_project(tmp_path / "project", with_content=False)
    taker = subprocess.Popen(
        [sys.executable, "-c", LEAVES_A_CHILD_WITH_THE_LOCK, str(project.root)],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert taker.stdout is not None
    child = int(taker.stdout.readline())
    try:
        taker.wait()
        done = build_py(project, "check")
        command = shown_command([sys.executable, "-c", LEAVES_A_CHILD_WITH_THE_LOCK, str(project.root)])
        assert done.returncode == 1
        assert done.stderr.splitlines()[-2:] == [
            ".: " + messages.lock_kept(taker.pid, [(child, command)]),  # the project's folder
            command_line.check_failed(1),
        ]
    finally:
        with_group_killed(taker.pid)


@pytest.fixture
def small_site(tmp_path: Path) -> Project:
    """A site of a few articles in two search shards, built."""
    project = copy_project(tmp_path / "site", with_content=False)
    write_corpus(project.content, REPO / "seeds", 8)
    set_shard_size(project, 2)
    build(project)
    return project


def shard_file(output: Path, name: str) -> Path:
    return sorted((output / "pagefind").glob(f"*/{name}"))[0]


def test_a_file_of_output_pagefind_changed_by_hand_never_reaches_the_cache(small_site: Project) -> None:
    """Issue 23, point 2: the search store in `.cache/search/` was hard-linked into `output/pagefind/`:
    truncating a file there (a sync client, any tool writing into output/) truncated the store, and
    every later build published the empty file, even after `rm -rf output`."""
    wasm = shard_file(small_site.output, "wasm.fr.pagefind")
    published = wasm.read_bytes()
    wasm.write_bytes(b"")
    stored = sorted((small_site.cache / "search").glob(f"*/{wasm.name}"))
    assert stored and all(copy.read_bytes() == published for copy in stored)

    result = build(small_site)
    assert wasm.read_bytes() == published
    assert result.search_repaired
    shutil.rmtree(small_site.output)
    build(small_site)
    assert shard_file(small_site.output, "wasm.fr.pagefind").read_bytes() == published


@pytest.mark.parametrize(
    "damage",
    [
        "delete shards.json",
        "delete pagefind.js",
        "delete a shard's pagefind-entry.json",
        "change a shard's pagefind-entry.json",
        "delete a shard's folder",
        "change a fragment",
    ],
)
def test_output_pagefind_is_repaired_from_the_manifest(small_site: Project, damage: str) -> None:
    """Issue 23, point 2: a file of `output/pagefind/` deleted or changed is written again by the next
    build, which says so (it said « 0 fichier écrit » and left the search broken)."""
    output = small_site.output
    before = site_files(output)
    bundle = {path: path.read_bytes() for path in (output / "pagefind").rglob("*") if path.is_file()}
    if damage == "delete shards.json":
        (output / "pagefind/shards.json").unlink()
    elif damage == "delete pagefind.js":
        (output / "pagefind/pagefind.js").unlink()
    elif damage == "delete a shard's pagefind-entry.json":
        shard_file(output, "pagefind-entry.json").unlink()
    elif damage == "change a shard's pagefind-entry.json":
        shard_file(output, "pagefind-entry.json").write_text("{}", encoding="utf-8")
    elif damage == "delete a shard's folder":
        shutil.rmtree(shard_file(output, "pagefind-entry.json").parent)
    else:
        fragment = sorted((output / "pagefind").glob("*/fragment/*"))[0]
        fragment.write_bytes(fragment.read_bytes()[:10])

    result = build(small_site)
    assert result.search_repaired
    assert site_files(output) == before
    assert {path: path.read_bytes() for path in (output / "pagefind").rglob("*") if path.is_file()} == bundle
    assert not build(small_site).search_repaired  # and then it is as the manifest says


def test_a_folder_made_where_the_site_has_a_file_is_replaced_and_nothing_else_changes(
    small_site: Project, tmp_path: Path
) -> None:
    """Issue 23, point 4: a folder where `sitemap.xml` was stopped an incremental publish halfway:
    ten pages with the new title, the old search index, and « Rien n’a été écrit dans output/ ». The
    new site is now assembled beside `output/` and swapped in whole."""
    sitemap = small_site.output / "sitemap.xml"
    sitemap.unlink()
    sitemap.mkdir()
    (sitemap / "x").write_text("posé là", encoding="utf-8")
    article = small_site.content / "bench-00003.md"
    article.write_text(article.read_text(encoding="utf-8").replace("title: ", 'title: "Nouveau" #', 1))

    build(small_site)
    assert site_files(small_site.output) == scratch_build(small_site, tmp_path / "scratch")


def test_output_is_there_at_every_moment_of_publishing(small_site: Project) -> None:
    """Issue 23, point 4: a full publish renamed `output/` away, then the new one in: a reader or a
    sync client saw no `output/` for a moment. Every file-system call the build makes is checked."""
    missing: list[str] = []
    watching = [False]

    def check(event: str, _arguments: tuple[object, ...]) -> None:
        if watching[0] and event.startswith(("os.", "shutil.", "ctypes.")) and not small_site.output.is_dir():
            missing.append(event)

    sys.addaudithook(check)  # for the rest of this process: it does nothing once `watching` is off
    shutil.rmtree(small_site.cache)  # a build from scratch beside an existing output/: a full swap
    watching[0] = True
    try:
        build(small_site)
    finally:
        watching[0] = False
    assert missing == []


def test_a_symlinked_output_is_published_into_its_target(small_site: Project, tmp_path: Path) -> None:
    """Issue 23, point 4: a symlinked `output/` (a folder published elsewhere) was replaced by a folder,
    its target left stale."""
    target = tmp_path / "published" / "site"
    target.parent.mkdir()
    small_site.output.rename(target)
    small_site.output.symlink_to(target, target_is_directory=True)
    article = small_site.content / "bench-00003.md"
    article.write_text(article.read_text(encoding="utf-8").replace("title: ", 'title: "Nouveau" #', 1))

    build(small_site)
    assert small_site.output.is_symlink() and small_site.output.resolve() == target
    assert site_files(target) == scratch_build(small_site, tmp_path / "scratch")
    assert sorted(p.name for p in target.parent.iterdir() if not p.name.startswith(".site-mirror-")) == [
        "site"
    ]


def in_private_mounts(script: str) -> None:
    """Run a shell script in a mount namespace of its own, where it may mount a small tmpfs: a real
    full disk, seen by the build and Pagefind alike, gone with the namespace."""
    prefix = ["unshare", "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        prefix = ["unshare", "--user", "--map-root-user", "--mount"]
    if shutil.which("unshare") is None or subprocess.run([*prefix, "true"], check=False).returncode:
        pytest.skip("no mount namespace here: a full disk cannot be made")
    done = subprocess.run([*prefix, "sh", "-c", script], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr


def run_in(folder: Path, name: str, project: Project) -> str:
    """Shell lines running `build.py` on `project`, its exit code and what it printed kept in `folder`."""
    build_py_path = REPO / "build.py"
    command = (
        f"{sys.executable} {build_py_path} --root {project.root} > {folder}/{name}.out 2> {folder}/{name}.err"
    )
    return f"if {command}; then echo 0 > {folder}/{name}.code; else echo $? > {folder}/{name}.code; fi\n"


def outcome(folder: Path, name: str) -> tuple[int, list[str]]:
    return int((folder / f"{name}.code").read_text()), (folder / f"{name}.err").read_text().splitlines()


def test_pagefind_on_a_full_disk_is_one_french_line_and_nothing_is_stored(tmp_path: Path) -> None:
    """Issue 23, point 3: on a full disk Pagefind exits 0 leaving empty files; the build stored that
    shard, then crashed on it with a JSONDecodeError traceback on every later build, or published an
    empty `wasm` file with exit 0. A tmpfs just larger than the pages Pagefind is given, mounted on
    `.cache/search/`: the build now fails with one line naming the store and the free room, stores
    nothing, and builds once there is room again."""
    project = copy_project(tmp_path / "site", with_content=False)
    write_corpus(project.content, REPO / "seeds", 40)  # one search shard
    sizes = scratch_build(project, tmp_path / "measured")
    assert sizes is not None
    blocks = sum(-(-len(page) // 4096) for path, page in sizes.items() if path.startswith("articles/"))
    store, report = project.cache / "search", tmp_path / "report"
    store.mkdir(parents=True)
    report.mkdir()
    in_private_mounts(
        f"set -e\nmount -t tmpfs -o size={(blocks + 16) * 4}k tmpfs {store}\n"
        + run_in(report, "full", project)
        + f"find {store} -type f -size 0 > {report}/empty-in-store\n"
        + run_in(report, "still-full", project)
        + f"mount -o remount,size=64m {store}\n"
        + run_in(report, "room", project)
        + f"find {project.output}/pagefind -type f -size 0 > {report}/empty-in-output\n"
    )
    for attempt in ("full", "still-full"):
        code, printed = outcome(report, attempt)
        assert code == 1
        assert len(printed) == 2, printed
        assert printed[0].startswith(".cache/search: Pagefind a laissé un index incomplet ("), printed
        assert "le disque est sans doute plein (il reste " in printed[0]
        assert printed[1] == command_line.build_failed(1)
    assert (report / "empty-in-store").read_text() == ""
    assert outcome(report, "room") == (0, [])
    assert (report / "empty-in-output").read_text() == ""


def test_a_full_disk_while_publishing_names_the_file_in_output_and_leaves_output_as_it_was(
    tmp_path: Path,
) -> None:
    """Issue 23, points 3 and 4: a file that cannot be written was named in `.output-staging/…`,
    with « Rien n’a été écrit dans output/ » after a half-done update. The project on a tmpfs, filled
    after a first build: the edit's build names the page in `output/`, and `output/` is as it was."""
    disk, report = tmp_path / "disk", tmp_path / "report"
    disk.mkdir()
    report.mkdir()
    project = Project(disk / "site")
    source = site_project(tmp_path / "source")
    article = project.content / "bench-00007.md"
    listing = f"cd {project.output} && find . -type f -exec sha256sum {{}} + | sort"
    in_private_mounts(
        f"set -e\nmount -t tmpfs -o size=64m tmpfs {disk}\ncp -a {source.root} {project.root}\n"
        + run_in(report, "first", project)
        + f"({listing}) > {report}/before\n"
        + f"echo 'Une phrase ajoutée.' >> {article}\n"
        + f"dd if=/dev/zero of={disk}/filler bs=4k 2>/dev/null || true\n"
        + run_in(report, "full", project)
        + f"({listing}) > {report}/after\n"
        + f"ls -a {disk}/site > {report}/beside\n"
    )
    assert outcome(report, "first")[0] == 0
    code, printed = outcome(report, "full")
    assert code == 1
    assert len(printed) == 2, printed
    assert printed[0].startswith("output/"), printed
    assert printed[0].endswith(": plus de place sur le disque — " + messages.cannot_write("").split(" — ")[1])
    assert printed[1] == command_line.build_failed(1)
    assert (report / "after").read_text() == (report / "before").read_text()
    beside = (report / "beside").read_text().split()
    assert [name for name in beside if name.startswith(".output") and "mirror" not in name] == []


def test_check_finds_an_indexed_page_without_a_date_as_build_does(small_site: Project) -> None:
    """Issue 23, point 8: `check` passed where `build` failed: an indexed page without a date was found
    only while indexing, which `check` never does. One problem per template, in both."""
    template = small_site.templates / "article.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace(' data-pagefind-sort="date:{{ article.date.isoformat() }}"', ""))
    checked, built = build_py(small_site, "check"), build_py(small_site, "build")
    assert (checked.returncode, built.returncode) == (1, 1)
    problem = "templates/article.html: " + messages.indexed_pages_without_date(
        "articles/bench-00000/index.html", 7
    )
    assert checked.stderr.splitlines() == [problem, command_line.check_failed(1)]
    assert built.stderr.splitlines() == [problem, command_line.build_failed(1)]


def code_copy(folder: Path) -> Path:
    """`build.py` and the `revue` package, copied: a version of the code this test may edit."""
    folder.mkdir()
    shutil.copy(REPO / "build.py", folder / "build.py")
    shutil.copytree(REPO / "revue", folder / "revue", ignore=shutil.ignore_patterns("__pycache__"))
    return folder / "build.py"


def edit_code(build_script: Path, module: str, old: str, new: str) -> None:
    source = build_script.parent / "revue" / module
    text = source.read_text(encoding="utf-8")
    assert old in text
    source.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_code(build_script: Path, project: Project) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(build_script), "--root", str(project.root)],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_code_that_shapes_no_page_rewrites_no_page(small_site: Project, tmp_path: Path) -> None:
    """Issue 23, point 8: changing one help text of the message catalogue rewrote every page of the
    site (the code digest covered text no page shows, and the manifest was kept per version of the
    code). A help text changes nothing a build does; a warning's words, or a comment in the code that
    renders, change what the build says or does, and still write no page whose bytes are the same."""
    (small_site.content / "notes.odt").write_bytes(b"")  # a warning: not an article
    code = code_copy(tmp_path / "code")
    assert run_code(code, small_site).returncode == 0
    before = {path: path.stat().st_ino for path in small_site.output.rglob("*") if path.is_file()}

    edit_code(code, "core/messages/command_line.py", '"--port": "', '"--port": "Le port : ')
    help_changed = run_code(code, small_site)
    assert help_changed.stdout.splitlines()[0].endswith("; 0 fichier écrit, les autres inchangés")

    edit_code(
        code,
        "render/templates.py",
        '"""',
        '"""A comment.\n',
    )
    code_changed = run_code(code, small_site)
    assert code_changed.stdout.splitlines()[0].endswith("; 0 fichier écrit, les autres inchangés")

    warning = "NOT_AN_ARTICLE = ("
    edit_code(code, "core/messages/files.py", warning, warning + '"(reformulé) "\n')
    reworded = run_code(code, small_site)
    assert "(reformulé)" in reworded.stderr
    assert reworded.stdout.splitlines()[0].endswith("; 0 fichier écrit, les autres inchangés")
    after = {path: path.stat().st_ino for path in small_site.output.rglob("*") if path.is_file()}
    assert after == before
