"""One pipeline for build, check and import: the cases where separate copies used to disagree."""

from __future__ import annotations

import shutil

from revue.core.project import Project
from tests.build_cli import build_py


def test_an_article_saved_with_a_byte_order_mark_is_still_its_seeds_import(project: Project) -> None:
    """A BOM is stripped by the one reader: the seed stays imported, no second copy is planned."""
    shutil.rmtree(project.content)
    assert build_py(project, "build").returncode == 0
    [article] = [p for p in project.content.glob("*.md") if "gunma" in p.name]
    article.write_bytes("\ufeff".encode() + article.read_bytes())

    for command in ("build", "check"):
        result = build_py(project, command)
        assert (command, result.returncode, result.stderr) == (command, 0, "")
    assert len(list(project.content.rglob("*.md"))) == 5


def test_an_imported_article_moved_into_a_subfolder_is_not_imported_again(project: Project) -> None:
    shutil.rmtree(project.content)
    assert build_py(project, "build").returncode == 0
    (project.content / "japon").mkdir()
    for article in project.content.glob("*.md"):
        article.rename(project.content / "japon" / article.name)

    result = build_py(project, "build")

    assert (result.returncode, result.stderr) == (0, "")
    assert list(project.content.glob("*.md")) == []
    assert len(list(project.content.rglob("*.md"))) == 5


def test_a_source_url_with_a_space_is_refused_by_check_as_by_build(project: Project) -> None:
    """The planned file goes through the build's own checks: check cannot pass what build refuses."""
    shutil.rmtree(project.content)
    project.content.mkdir()
    lines = project.sources_yaml.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if "url: https://" in text)
    cut = lines[line - 1].rindex("/") + 1
    lines[line - 1] = lines[line - 1][:cut] + " " + lines[line - 1][cut:]  # a space pasted into the address
    project.sources_yaml.write_text("".join(lines), encoding="utf-8")

    check, build = build_py(project, "check"), build_py(project, "build")

    assert check.returncode == build.returncode == 1
    assert check.stderr.splitlines()[:-1] == build.stderr.splitlines()[:-1]
    assert check.stderr.startswith(f"seeds/sources.yaml:{line}: ")
    assert "is not a web address" in check.stderr
    assert list(project.content.iterdir()) == []
