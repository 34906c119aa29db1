"""Run `python build.py` as editors do: a real subprocess on a project copy, output captured."""

from __future__ import annotations

import os
import subprocess
import sys

from revue.core.project import Project
from tests.conftest import REPO

# Set by GitHub Actions: a test suite running there must not see its own run's annotations and summary.
GITHUB_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE")


def build_py(
    project: Project, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python build.py --root <project> ARGS…`, from the project folder so paths print as editors see them;
    `env` adds variables to an environment without GitHub Actions' own."""
    environment = {name: value for name, value in os.environ.items() if name not in GITHUB_VARIABLES}
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(project.root), *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**environment, **(env or {})},
    )
