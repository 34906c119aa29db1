"""The `.cache/` store: what one build puts, the next finds; it stays about one site's worth in size."""

from __future__ import annotations

import pickle
from pathlib import Path

from revue.publish.store import SLACK, Store


def build_using(file: Path, used: range, added: range = range(0)) -> Store:
    """One build: it reads the entries `used` and puts `added`, then saves."""
    store = Store(file)
    for n in used:
        assert store.get(f"k{n}") == f"v{n}", f"entry {n} should survive"
    for n in added:
        store.put(f"k{n}", f"v{n}")
    store.save()
    return store


def test_an_edit_appends_what_it_added_and_keeps_the_rest_of_the_file(tmp_path: Path) -> None:
    file = tmp_path / "articles.pickle"
    build_using(file, range(0), range(100))
    first = file.read_bytes()
    build_using(file, range(1, 100), range(100, 101))  # one article edited: k0 replaced by k100
    assert file.read_bytes().startswith(first), "appended, not rewritten"
    build_using(file, range(1, 101))


def test_entries_no_build_uses_are_dropped_once_they_pass_a_fifth(tmp_path: Path) -> None:
    file = tmp_path / "articles.pickle"
    build_using(file, range(0), range(100))
    for edit in range(1, 60):  # each edit replaces one entry: the oldest is used no more
        build_using(file, range(edit, 99 + edit), range(99 + edit, 100 + edit))
    store = Store(file)
    assert len(store.entries) <= 100 * 5 // 4 + SLACK, "the unused ones went with a rewrite"
    assert {f"k{n}" for n in range(59, 159)} <= set(store.entries)


def test_a_torn_file_is_recomputed_and_written_whole_again(tmp_path: Path) -> None:
    file = tmp_path / "articles.pickle"
    build_using(file, range(0), range(100))
    file.write_bytes(file.read_bytes()[:-7])  # a build killed while writing
    store = Store(file)
    assert store.entries == {}
    for n in range(100):
        store.put(f"k{n}", f"v{n}")
    store.save()
    build_using(file, range(100))


def test_garbled_bytes_are_recomputed_never_a_traceback(tmp_path: Path) -> None:
    """A disk or an editor's tool may overwrite bytes in the middle: any error reading means start over."""
    file = tmp_path / "bodies.pickle"
    store = Store(file)
    for n in range(20):
        store.put(f"k{n}", f"<p>Hanoï, {n} — une phrase accentuée, « citée ».</p>" * 5)
    store.save()
    data = file.read_bytes()
    for start in range(0, len(data) - 16, 7):
        file.write_bytes(data[:start] + bytes(range(200, 216)) + data[start + 16 :])
        assert set(Store(file).entries) <= {f"k{n}" for n in range(20)}


def test_a_key_given_a_new_value_is_written_once(tmp_path: Path) -> None:
    """The manifest (one big value under one key) is replaced every build: never appended twice."""
    file = tmp_path / "manifest.pickle"
    for run in range(3):
        store = Store(file)
        store.put("output", f"manifest {run}")
        store.save()
    assert Store(file).get("output") == "manifest 2"
    assert file.stat().st_size < 2 * len(pickle.dumps({"output": "manifest 2"}))


def test_a_store_that_is_never_pruned_keeps_what_no_build_used(tmp_path: Path) -> None:
    file = tmp_path / "runs.pickle"
    for run in range(3):
        store = Store(file, prune=False)
        store.put(f"run {run}", run)
        store.save()
    assert Store(file, prune=False).entries == {"run 0": 0, "run 1": 1, "run 2": 2}


def test_a_folder_in_place_of_the_file_is_started_over(tmp_path: Path) -> None:
    file = tmp_path / "bodies.pickle"
    (file / "inside").mkdir(parents=True)
    build_using(file, range(0), range(3))
    assert file.is_file()
    build_using(file, range(3))
