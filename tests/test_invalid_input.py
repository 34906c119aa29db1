"""Each folder of tests/invalid/ is a bad input beside the exact messages the build must print.

A case folder holds files laid over an empty project (content/, templates/, site.yaml)
and `expected.txt` (and `arguments.txt`, options given to both commands). The build must exit 1,
print exactly those lines, and leave the previous output/ untouched; `check` must print the same lines.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from revue.cli import main
from tests.conftest import copy_project

CASES = Path(__file__).parent / "invalid"


def footer(problems: int) -> str:
    return f"Échec de la construction : {problems} problème{'s' if problems > 1 else ''}. Rien n’a été écrit dans output/."


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_bad_input_is_reported_exactly_and_output_is_kept(case: str, tmp_path: Path, capsys) -> None:
    project = copy_project(tmp_path / "site", with_content=False)
    for source in (CASES / case).rglob("*"):
        if source.is_file() and source.name != "expected.txt":
            target = project.root / source.relative_to(CASES / case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, target)
    (project.output / "articles").mkdir(parents=True)
    (project.output / "index.html").write_text("previous site")
    (project.output / "articles" / "keep.html").write_text("previous article")
    before = snapshot(project.output)

    # `arguments.txt`: options of both commands, e.g. `--today 2024-06-01` for a check that needs a day.
    options = CASES / case / "arguments.txt"
    arguments = options.read_text(encoding="utf-8").split() if options.is_file() else []

    exit_code = main(["--root", str(project.root), "build", *arguments])

    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    stderr = capsys.readouterr().err.splitlines()
    assert exit_code == 1
    assert stderr == [*expected, footer(len(expected))]
    assert snapshot(project.output) == before
    assert main(["--root", str(project.root), "check", *arguments]) == 1
    assert capsys.readouterr().err.splitlines()[:-1] == expected  # check says what build says
    assert not list(project.root.glob(".output-*")), "a failed build must not leave its staging folder behind"
