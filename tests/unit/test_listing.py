"""Listing `content/`: a file is read again whenever it may have changed, and only then."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from revue.content import files
from revue.content.config import load_config
from revue.content.files import content_files
from revue.core import messages
from revue.core.errors import BuildError
from revue.publish.cache import BuildCache
from tests.conftest import copy_project


def listing(root: Path, known: dict | None = None) -> files.Listing:
    return content_files(root / "content", root, known)


@pytest.fixture
def settled_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Listings happen a minute from now: every file written by the test has settled."""
    later = time.time_ns() + 60 * 10**9
    monkeypatch.setattr(files.time, "time_ns", lambda: later)


def write(root: Path, name: str, text: str) -> Path:
    path = root / "content" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_that_just_changed_is_read_again_by_the_next_listing(tmp_path: Path) -> None:
    write(tmp_path, "a.md", "un")
    assert listing(tmp_path).settled == {}  # changed within the timestamps' granularity: never trusted


def test_a_settled_file_keeps_its_digest_until_its_stat_changes(tmp_path: Path, settled_clock: None) -> None:
    path = write(tmp_path, "a.md", "un")
    first = listing(tmp_path)
    ((stat, sha),) = first.settled.values()
    known = {"a.md": (stat, "digest-of-the-earlier-listing")}
    unchanged = listing(tmp_path, known).files[0]
    assert (unchanged.sha, unchanged.contents) == ("digest-of-the-earlier-listing", None)  # not read

    before = path.stat()
    path.write_text("UN", encoding="utf-8")  # same size, and the old mtime put back, as `cp -p` does
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    rewritten = listing(tmp_path, known).files[0]
    assert (rewritten.raw, rewritten.sha) == (b"UN", listing(tmp_path).settled["a.md"][1])
    assert rewritten.sha != sha


@pytest.mark.parametrize("change", ["saved again", "deleted"])
def test_a_trusted_file_changed_before_it_is_read_is_never_parsed_under_its_old_digest(
    tmp_path: Path, settled_clock: None, change: str
) -> None:
    """Its bytes are read only on a cache miss, later in the build: an editor may have saved it since.
    Parsed, they would be cached under the digest of the version the listing saw, and published
    whenever that version came back (an undo, a `git checkout`)."""
    path = write(tmp_path, "a.md", "title: avant")
    trusted = listing(tmp_path, listing(tmp_path).settled).files[0]
    if change == "deleted":
        path.unlink()
    else:
        path.write_text("title: APRÈS", encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        _ = trusted.raw
    (problem,) = raised.value.problems
    assert problem.path == Path("content/a.md")
    assert problem.message == messages.CHANGED_DURING_BUILD


def test_an_article_saved_during_the_build_is_not_cached_under_the_digest_listed(
    tmp_path: Path, settled_clock: None
) -> None:
    project = copy_project(tmp_path / "site")
    config = load_config(project.site_yaml)
    cache = BuildCache(project.cache)
    listed = content_files(
        project.content, project.root, content_files(project.content, project.root).settled
    )
    edited = project.content / listed.files[0].path.relative_to("content")
    edited.write_bytes(edited.read_bytes().replace(b"title: ", b"title: ANCIEN ", 1))

    outcomes = cache.read_articles(listed.files, config)  # no article cached yet: every file is read
    assert isinstance(outcomes[0], BuildError)
    assert outcomes[0].problems[0].message == messages.CHANGED_DURING_BUILD
    cache.save()
    again = BuildCache(project.cache).read_articles(
        listed.files[:1], config
    )  # that digest again: nothing may answer it
    assert isinstance(again[0], BuildError), "nothing was cached under the digest of the listed version"


def test_a_build_compares_the_files_stamps_with_the_clock_of_their_file_system(tmp_path: Path) -> None:
    """A network drive stamps files by its own clock: a listing takes `now` from a file it touches in
    `.cache/` (here a local disk, so it agrees with this machine's clock within a tick); with no
    `.cache/` yet, this machine's clock."""
    cache = BuildCache(tmp_path / ".cache")
    before = time.time_ns()
    assert before <= cache.clock() <= time.time_ns()  # no .cache/: this machine's clock
    cache.make_folder()
    touched = cache.clock()
    assert touched == (tmp_path / ".cache" / "clock").stat().st_mtime_ns
    assert abs(touched - time.time_ns()) < 10**9


@pytest.mark.parametrize("written", [5, {"a.md": 3}, {"a.md": ((1, 2, 3, 4), 5)}])
def test_a_listing_cache_of_another_shape_is_ignored(tmp_path: Path, written: object) -> None:
    cache = BuildCache(tmp_path / ".cache")
    cache.store("listing").put("content", written)
    cache.save()
    write(tmp_path, "a.md", "un")
    assert listing(tmp_path, BuildCache(tmp_path / ".cache").listed()).files[0].raw == b"un"


def test_files_are_ordered_as_editors_number_them_whatever_digits_their_names_hold() -> None:
    """`depeche-2.md` before `depeche-10.md`; a superscript « ¹ » (a digit to `str.isdigit`, not to
    `int`) is text, not a crash of every report that sorts problems (found by the fuzz)."""
    names = ["depeche-10.md", "note¹", "depeche-2.md", "0¹"]
    assert sorted(names, key=files.natural_order) == ["0¹", "depeche-2.md", "depeche-10.md", "note¹"]
