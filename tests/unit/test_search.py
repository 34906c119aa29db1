"""Indexing with the real Pagefind binary: articles only, reported, and a failure stops the build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from revue.build.publish import publish
from revue.build.search import index_site
from revue.cli import main
from revue.core.errors import BuildError
from revue.core.project import Project
from revue.pipeline import build
from revue.render.templates import RenderedFile
from tests.conftest import copy_project


def write_article(project: Project, slug: str, date: str, draft: bool = False) -> None:
    (project.content / f"{slug}.md").write_text(
        f'---\ntitle: "Article {slug}"\ndate: {date}\ncountries: [Japon]\ndraft: {str(draft).lower()}\n---\n'
        f"Texte de {slug} sur la coopération.\n",
        encoding="utf-8",
    )


def test_only_published_articles_are_indexed_and_the_report_matches_the_bundle(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site", with_content=False)
    write_article(project, "masques", "2020-05-08")
    write_article(project, "gunma", "2016-02-18")
    write_article(project, "brouillon", "2021-01-01", draft=True)
    result = build(project, "https://org.github.io/repo/")
    bundle = project.output / "pagefind"
    assert result.index is not None
    assert result.index.pages == 2, "home, lists, search and 404 pages carry no data-pagefind-body"
    assert result.index.bytes == sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    assert (bundle / "pagefind.js").is_file()
    assert (bundle / "pagefind-entry.json").is_file()


def test_a_pagefind_failure_is_a_build_error_that_keeps_the_previous_output(tmp_path: Path) -> None:
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("ancien site")
    not_html = [RenderedFile("notes.txt", b"pas de page HTML")]  # Pagefind refuses a site without HTML
    with pytest.raises(BuildError) as raised:
        publish(not_html, output, index_site)
    message = str(raised.value)
    assert "Pagefind n’a pas pu indexer le site : " in message
    assert "not able to build an index" in message, "says what Pagefind printed"
    assert "pip install -r requirements.txt" in message, "says what to do"
    assert (output / "index.html").read_text() == "ancien site"


def test_the_build_command_reports_pages_indexed_and_index_size(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(project.root), "build"]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"^Recherche : 5 pages indexées, [1-9]\d* Kio dans pagefind/$", printed, re.MULTILINE)
