"""Publishing: the previous output/ survives any failure, including a failing indexer; success leaves
exactly the new site, unchanged files kept (same inode), whether the site is assembled from the
mirror the last publish left or linked whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from revue.publish.search import NewSite
from revue.publish.swap import publish
from revue.render.templates import RenderedFile


def previous_site(tmp_path: Path, with_mirror: bool) -> tuple[Path, str]:
    """The site a publish left, and the token of the mirror it left beside it ("" when none)."""
    output = tmp_path / "output"
    files = [
        RenderedFile("index.html", b"ancien site"),
        RenderedFile("articles/old/index.html", "supprimé depuis".encode()),
        RenderedFile("articles/kept/index.html", "inchangé".encode()),
    ]
    mirror = publish(files, output).mirror
    assert mirror
    if not with_mirror:
        for folder in tmp_path.glob(".output-mirror-*"):
            for path in sorted(folder.rglob("*"), reverse=True):
                path.rmdir() if path.is_dir() else path.unlink()
            folder.rmdir()
    return output, mirror if with_mirror else ""


def beside(tmp_path: Path) -> list[str]:
    return sorted("mirror" if p.name.startswith(".output-mirror-") else p.name for p in tmp_path.iterdir())


@pytest.mark.parametrize("with_mirror", [False, True], ids=["linked", "mirror"])
def test_a_failure_while_finishing_leaves_the_previous_site_and_no_staging(
    tmp_path: Path, with_mirror: bool
) -> None:
    output, mirror = previous_site(tmp_path, with_mirror)
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    left = beside(tmp_path)

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
            mirror=mirror,
        )
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert beside(tmp_path) == left


@pytest.mark.parametrize("with_mirror", [False, True], ids=["linked", "mirror"])
def test_success_leaves_exactly_the_new_site(tmp_path: Path, with_mirror: bool) -> None:
    output, mirror = previous_site(tmp_path, with_mirror)
    (output / "stray.txt").write_text("déposé à la main")
    kept_inode = (output / "articles/kept/index.html").stat().st_ino
    published = publish(
        [RenderedFile("index.html", b"nouveau site")],
        output,
        kept=["articles/kept/index.html"],
        mirror=mirror,
    )
    expected = ["articles", "articles/kept", "articles/kept/index.html", "index.html"]
    assert sorted(str(p.relative_to(output)) for p in output.rglob("*")) == expected, (
        "the removed article's page and folder, and the stray file, are gone"
    )
    assert (output / "index.html").read_text() == "nouveau site"
    assert (output / "articles/kept/index.html").stat().st_ino == kept_inode, "kept files are not rewritten"
    assert beside(tmp_path) == ["mirror", "output"]
    mirror_folder = tmp_path / f".output-mirror-{published.mirror}"
    assert sorted(str(p.relative_to(mirror_folder)) for p in mirror_folder.rglob("*")) == expected
    assert (mirror_folder / "index.html").stat().st_ino == (output / "index.html").stat().st_ino
