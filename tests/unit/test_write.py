"""Publishing: the previous output/ survives any failure, including a failing indexer; an update moves in
only what changed and removes what the site no longer has."""

from __future__ import annotations

from pathlib import Path

import pytest

from revue.build.publish import publish
from revue.build.search import NewSite
from revue.render.templates import RenderedFile


def previous_site(tmp_path: Path) -> Path:
    output = tmp_path / "output"
    (output / "articles/old").mkdir(parents=True)
    (output / "articles/kept").mkdir(parents=True)
    (output / "index.html").write_text("ancien site")
    (output / "articles/old/index.html").write_text("supprimé depuis")
    (output / "articles/kept/index.html").write_text("inchangé")
    return output


@pytest.mark.parametrize("update", [False, True], ids=["staged", "update"])
def test_a_failure_while_finishing_leaves_the_previous_site_and_no_staging(
    tmp_path: Path, update: bool
) -> None:
    output = previous_site(tmp_path)
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}

    def failing_indexer(site: NewSite) -> None:
        assert Path(site.locate("index.html")).read_text() == "nouveau site"
        assert Path(site.locate("articles/kept/index.html")).read_text() == "inchangé"
        raise RuntimeError("pagefind exploded")

    with pytest.raises(RuntimeError):
        publish(
            [RenderedFile("index.html", b"nouveau site")],
            output,
            failing_indexer,
            kept=["articles/kept/index.html"],
            update=update,
        )
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


@pytest.mark.parametrize("update", [False, True], ids=["staged", "update"])
def test_success_leaves_exactly_the_new_site(tmp_path: Path, update: bool) -> None:
    output = previous_site(tmp_path)
    (output / "stray.txt").write_text("déposé à la main")
    kept_inode = (output / "articles/kept/index.html").stat().st_ino
    publish(
        [RenderedFile("index.html", b"nouveau site")],
        output,
        kept=["articles/kept/index.html"],
        update=update,
    )
    assert sorted(str(p.relative_to(output)) for p in output.rglob("*")) == [
        "articles",
        "articles/kept",
        "articles/kept/index.html",
        "index.html",
    ], "the removed article's page and folder, and the stray file, are gone"
    assert (output / "index.html").read_text() == "nouveau site"
    assert (output / "articles/kept/index.html").stat().st_ino == kept_inode, "kept files are not rewritten"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]
