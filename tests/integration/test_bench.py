"""`python build.py bench`: each scenario is a whole `build.py` process, seen from outside by what it
did to output/; `--compare hugo` builds the same corpus with Hugo and Pagefind. No timing is asserted."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from revue.core.project import Project
from revue.dev.compare import hugo_text
from revue.dev.corpus import article_text, corpus
from tests.build_cli import build_py
from tests.conftest import REPO

ARTICLES = 30


def table_rows(printed: str) -> dict[str, dict[str, str]]:
    """The Markdown table's rows by scenario, each cell under its column's header."""
    lines = [line.strip("|").split("|") for line in printed.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in lines[0]]
    return {
        cells[0].strip(): dict(zip(header, (c.strip() for c in cells), strict=True)) for cells in lines[1:]
    }


def front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


def test_each_scenario_is_a_build_process_that_does_what_a_build_does() -> None:
    done = build_py(Project(REPO), "bench", "--articles", str(ARTICLES), "--runs", "1")
    assert done.returncode == 0, done.stderr
    rows = table_rows(done.stdout)
    assert list(rows) == [
        "cold build (no .cache/, no output/)",
        "nothing changed",
        "`check`, nothing changed",
        "one article of an older year edited",
        "one article of the newest year edited",
        "one template edited",
    ]
    cold, unchanged, check, article, recent, template = rows.values()
    files = int(done.stdout.split("After a cold build: ")[1].split()[0])
    assert int(cold["files written"]) == files > ARTICLES
    assert int(cold["search files written"]) > 0
    # The second process found what the first one left: nothing to write, Pagefind not rerun.
    assert unchanged["files written"] == unchanged["search files written"] == "0"
    assert check["files written"] == check["search files written"] == "0"
    for edited in (article, recent):
        assert 1 <= int(edited["files written"]) < files
        assert int(edited["search files written"]) > 0
    assert int(template["files written"]) >= ARTICLES  # every article page shows the edited block
    for row in rows.values():
        assert float(row["wall s"]) > 0 and float(row["CPU/wall"]) > 0
        assert int(row["build RSS MiB"]) > 0  # reported by the build process itself, at its exit


def test_hugo_gets_the_same_articles_with_their_front_matter_in_hugos_terms() -> None:
    for article in corpus(REPO / "seeds", 5):
        revue, hugo = front_matter(article_text(article)), front_matter(hugo_text(article))
        assert {k: hugo[k] for k in ("title", "date", "slug", "place")} == {
            k: revue[k] for k in ("title", "date", "slug", "place")
        }
        assert hugo["pays"] == revue["countries"] and hugo["description"] == revue["summary"]
        assert hugo["annees"] == [str(article.date.year)] and hugo["draft"] is False
        assert hugo_text(article).split("---\n", 2)[2] == article_text(article).split("---\n", 2)[2]


@pytest.mark.skipif(shutil.which("hugo") is None, reason="hugo is not installed (apt-get install hugo)")
def test_compare_builds_comparable_sites_with_revue_and_with_hugo_then_pagefind() -> None:
    done = build_py(Project(REPO), "bench", "--compare", "hugo", "--articles", str(ARTICLES), "--runs", "1")
    assert done.returncode == 0, done.stderr
    rows = table_rows(done.stdout)
    assert list(rows) == [
        "cold build, search included",
        "nothing changed",
        "one article of an older year edited",
        "one article of the newest year edited",
    ]
    for row in rows.values():
        assert set(row) == {
            "scenario",
            "Revue",
            "Hugo",
            "Pagefind",
            "Hugo + Pagefind",
            "Revue ÷ (Hugo + Pagefind)",
            "Revue ÷ Hugo",
        }
        assert all(float(row[column]) > 0 for column in row if column != "scenario")
    # Both sites mark exactly the articles for Pagefind, so both indexes hold the same pages.
    assert done.stdout.count(f"{ARTICLES} pages marked for search") == 2


def test_compare_without_hugo_says_how_to_install_it_in_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "bench", "--compare", "hugo", "--articles", "5"],
        cwd=REPO,
        env={"PATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "apt-get install hugo" in done.stderr, done.stderr
    assert done.stdout == ""
