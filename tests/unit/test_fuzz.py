"""Whatever lands in content/ — any bytes, any name, links anywhere — a run ends in a result or in
problems naming files, never in a traceback."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revue.core.errors import BuildError
from revue.core.project import Project
from revue.pipeline import build
from tests.conftest import copy_project

VALID = "---\ntitle: Un titre\ndate: 2024-01-02\ncountries: [Japon]\n---\n\nTexte.\n"
NAME_CHARACTERS = st.characters(codec="utf-8", exclude_characters="/\x00")
names = st.one_of(
    st.text(NAME_CHARACTERS, min_size=1, max_size=40).map(lambda name: name + ".md"),
    st.text(NAME_CHARACTERS, min_size=1, max_size=40),
    st.sampled_from([".#a.md", "a.md~", "#a.md#", ".a.md.swp", "a.MD", "a.md.txt", "a.markdown", "-.md"]),
    st.just("x" * 200 + ".md"),
).filter(lambda name: name not in {".", ".."} and len(name.encode()) < 250)
contents = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda text: text.encode("utf-8")),
    st.builds(
        lambda head, tail: (VALID[: len(VALID) // 2] + head + VALID[len(VALID) // 2 :] + tail).encode(
            "utf-8"
        ),
        st.text(max_size=40),
        st.text(max_size=80),
    ),
    st.just(
        (
            "---\ntitle: " + "très long titre " * 40 + "\ndate: 2024-01-02\ncountries: [Japon]\n---\n\nT.\n"
        ).encode()
    ),
)
entries = st.lists(
    st.tuples(
        names, st.sampled_from(["file", "dangling link", "link to folder", "folder", "link loop"]), contents
    ),
    max_size=6,
)


def lay_out(content: Path, chosen: list[tuple[str, str, bytes]]) -> None:
    for name, kind, data in chosen:
        path = content / name
        if path.exists() or path.is_symlink():
            continue
        if kind == "file":
            path.write_bytes(data)
        elif kind == "dangling link":
            path.symlink_to(content / "nowhere" / name)
        elif kind == "link to folder":
            path.symlink_to(content.parent / "templates")
        elif kind == "link loop":
            path.symlink_to(path)
        else:
            path.mkdir()
            (path / "index.md").write_bytes(data)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return copy_project(tmp_path_factory.mktemp("fuzz") / "site", with_content=False)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=entries, publish=st.booleans())
def test_any_content_folder_gives_a_site_or_problems_never_a_traceback(
    base: Project,
    tmp_path_factory: pytest.TempPathFactory,
    chosen: list[tuple[str, str, bytes]],
    publish: bool,
) -> None:
    project = Project(tmp_path_factory.mktemp("run") / "site")
    shutil.copytree(base.root, project.root, symlinks=True)
    lay_out(project.content, chosen)
    try:
        build(project, publish=publish)
    except BuildError as error:
        assert error.problems
        for problem in error.problems:
            assert str(problem.path).startswith(("content", "templates", "site.yaml")), problem
            assert " — " in problem.message, f"says how to fix it: {problem}"
    if publish and os.path.isdir(project.output):
        assert (project.output / "index.html").is_file()
