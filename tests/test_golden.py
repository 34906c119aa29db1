"""The seed site's output, compared file by file with the reviewed copy in tests/golden/site/.

After an intended change, regenerate with `REVUE_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_golden.py`
and read `git diff tests/golden` before committing: a golden file is a claim that its bytes are right.
Left out: the Pagefind index (binary; the search tests check it) and assets/ (copied
byte for byte from templates/static/).
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

from revue.pipeline import Options, build
from tests.conftest import copy_project

GOLDEN = Path(__file__).parent / "golden" / "site"
BASE_URL = "https://org.github.io/revue/"


def site_files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not {"pagefind", "assets"} & set(p.relative_to(folder).parts)
    }


def test_seed_site_matches_the_golden_files(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site")
    build(project, options=Options(BASE_URL))
    built = site_files(project.output)
    if os.environ.get("REVUE_UPDATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, content in built.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_bytes(content)
    expected = site_files(GOLDEN)
    assert sorted(built) == sorted(expected), "files added or missing: regenerate and review"
    diffs = []
    for name in expected:
        if built[name] != expected[name]:
            diff = difflib.unified_diff(
                expected[name].decode("utf-8", "replace").splitlines(),
                built[name].decode("utf-8", "replace").splitlines(),
                f"golden/{name}",
                f"built/{name}",
                lineterm="",
            )
            diffs.append("\n".join(diff))
    assert not diffs, "\n\n".join(diffs)
