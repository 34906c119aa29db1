"""Publishing: the previous output/ survives any failure, including a failing indexer."""

from __future__ import annotations

from pathlib import Path

import pytest

from revue.build.publish import publish
from revue.render.templates import RenderedFile


def test_a_failure_while_finishing_leaves_the_previous_site_and_no_staging(tmp_path: Path) -> None:
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("ancien site")

    def failing_indexer(folder: Path) -> None:
        assert (folder / "index.html").read_text() == "nouveau site"
        raise RuntimeError("pagefind exploded")

    with pytest.raises(RuntimeError):
        publish([RenderedFile("index.html", b"nouveau site")], output, failing_indexer)
    assert (output / "index.html").read_text() == "ancien site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_success_replaces_the_whole_site(tmp_path: Path) -> None:
    output = tmp_path / "output"
    (output / "articles/old").mkdir(parents=True)
    (output / "articles/old/index.html").write_text("supprimé depuis")
    publish([RenderedFile("index.html", b"nouveau site")], output)
    assert [str(p.relative_to(output)) for p in output.rglob("*")] == ["index.html"]
