"""Run `python build.py` as editors do: a real subprocess on a project copy, output captured."""

from __future__ import annotations

import subprocess
import sys

from revue.core.project import Project
from tests.conftest import REPO


def build_py(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    """`python build.py --root <project> ARGS…`, from the project folder so paths print as editors see them."""
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(project.root), *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
