"""Scheduled publication: an article dated after today is in no file of the site, the search index
included, until a build runs on its day; then it appears, and the incremental output is byte-identical
to a build from scratch. "Today" is fixed with `today=` (`--today` on the command line)."""

from __future__ import annotations

import datetime
import gzip
import shutil
from pathlib import Path

import pytest

from revue.content.files import content_files
from revue.core.project import Project
from revue.dev.corpus import write_corpus
from revue.pipeline import Mode, Options, build, build_inputs, settings_state, unchanged_result
from revue.publish.cache import BuildCache
from tests.build_cli import build_py
from tests.conftest import REPO, copy_project, indexed_urls

pytestmark = pytest.mark.xdist_group("incremental")

DAY = datetime.date(2031, 5, 1)  # the corpus ends in 2024: this is the site's newest date
EVE = DAY - datetime.timedelta(days=1)
SLUG = "sommet-du-xylophone"
WORDS = (SLUG.encode(), b"xylophon", b"islande", b"2031")  # its slug, title, only country, year
SCHEDULED = f"""---
title: "Le sommet du Xylophone"
date: {DAY.isoformat()}
countries: [Islande]
slug: {SLUG}
summary: "Une visite annoncée."
---
Le Vietnam et l’Islande tiendront le sommet du Xylophone.
"""


def scheduled_project(folder: Path) -> Project:
    project = copy_project(folder, with_content=False)
    write_corpus(project.content, REPO / "seeds", 30)
    (project.content / f"{SLUG}.md").write_text(SCHEDULED, encoding="utf-8")
    return project


def readable(path: Path) -> bytes:
    """A file's bytes as a reader's browser gets them: Pagefind's index files are gzipped."""
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def mentions(output: Path) -> dict[str, list[bytes]]:
    """Every file of output/ (pagefind/ included) that names the scheduled article, with what it names."""
    found = {}
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        text = readable(path).lower()
        if named := [word for word in WORDS if word in text]:
            found[str(path.relative_to(output))] = named
    return found


def contents(output: Path) -> dict[str, bytes]:
    """The site's bytes, Pagefind's bundle aside (not byte-deterministic: see docs/search.md "Determinism")."""
    return {
        str(p.relative_to(output)): p.read_bytes()
        for p in output.rglob("*")
        if p.is_file() and p.relative_to(output).parts[0] != "pagefind"
    }


def stamps(output: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(output)): (p.stat().st_ino, p.stat().st_mtime_ns) for p in output.rglob("*")}


def from_scratch(project: Project, folder: Path, today: datetime.date, drafts: bool = False) -> dict:
    fresh = Project(folder)
    shutil.copytree(project.root, fresh.root, ignore=shutil.ignore_patterns(".cache", "output"))
    build(fresh, options=Options(today=today, drafts=drafts))
    return contents(fresh.output)


def shortcut_taken(project: Project, today: datetime.date) -> bool:
    """Would a build on `today` return the last result without reading an article?"""
    listing = content_files(project.content, project.root)
    inputs = build_inputs(settings_state(project), Options(), listing)
    cache = BuildCache(project.cache)
    return unchanged_result(cache, inputs, project.output, Mode.BUILD, Options(today=today)) is not None


def test_a_scheduled_article_is_in_no_file_until_its_day_then_appears_as_from_scratch(tmp_path: Path) -> None:
    project = scheduled_project(tmp_path / "site")

    waiting = build(project, options=Options(today=EVE))

    assert mentions(project.output) == {}
    assert waiting.scheduled == ((Path(f"content/{SLUG}.md"), DAY),)
    assert (waiting.articles, waiting.index.pages) == (30, 30)
    assert shortcut_taken(project, EVE - datetime.timedelta(days=300))  # nothing changes side before DAY
    assert not shortcut_taken(project, DAY)

    before, before_stamps = contents(project.output), stamps(project.output)
    published = build(project, options=Options(today=DAY))  # same content, the day has come

    after = contents(project.output)
    assert published.scheduled == () and published.articles == 31
    assert f"/articles/{SLUG}/" in indexed_urls(project.output)
    assert {"articles/sommet-du-xylophone/index.html", "atom.xml", "sitemap.xml", "index.html"} <= set(
        mentions(project.output)
    )
    assert after == from_scratch(project, tmp_path / "fresh", DAY)
    differing = {path for path in after if before.get(path) != after[path]}
    rewritten = {path for path in after if before_stamps.get(path) != stamps(project.output)[path]}
    assert rewritten == differing


def test_the_preview_shows_a_scheduled_article_with_its_day_and_drops_the_mark_on_that_day(
    tmp_path: Path,
) -> None:
    project = scheduled_project(tmp_path / "site")
    page = project.output / "articles" / SLUG / "index.html"

    build(project, options=Options(today=EVE, drafts=True))

    assert "Programmé pour le 1<sup>er</sup>\u00a0mai\u00a02031" in page.read_text(encoding="utf-8")
    assert "(programmé)" in (project.output / "index.html").read_text(encoding="utf-8")

    build(
        project, options=Options(today=DAY, drafts=True)
    )  # the same preview the next day: nothing marks it any more

    assert "Programmé" not in page.read_text(encoding="utf-8")
    assert "(programmé)" not in (project.output / "index.html").read_text(encoding="utf-8")
    assert contents(project.output) == from_scratch(project, tmp_path / "fresh", DAY, drafts=True)


def test_build_and_check_name_the_scheduled_article_and_today_can_be_given(project: Project) -> None:
    (project.content / f"{SLUG}.md").write_text(SCHEDULED, encoding="utf-8")
    line = (
        f"1 article programmé : content/{SLUG}.md le 1er mai 2031 — il paraîtra à la première "
        "construction de ce jour-là"
    )

    built = build_py(project, "build", "--today", EVE.isoformat())
    checked = build_py(project, "check", "--today", EVE.isoformat())
    on_the_day = build_py(project, "check", "--today", DAY.isoformat())

    assert (built.returncode, built.stderr) == (0, "")
    assert line in built.stdout.splitlines()
    assert built.stdout.splitlines()[-2].startswith(
        "Site construit : 6 articles (0 brouillon laissé de côté)"
    )
    assert line in checked.stdout.splitlines()
    assert "programmé" not in on_the_day.stdout


def test_today_must_be_a_date(project: Project) -> None:
    result = build_py(project, "build", "--today", "demain")

    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].endswith(
        "--today : « demain » n’est pas une date — écrivez-la AAAA-MM-JJ, par exemple 2023-02-09"
    )


def test_publishing_after_a_preview_does_not_warn_that_the_scheduled_page_went(tmp_path: Path) -> None:
    """The preview wrote the scheduled article's page; the published site drops it until its day, as
    it drops a draft's: no « n’y est plus » warning (that one is for a changed slug)."""
    project = scheduled_project(tmp_path / "site")
    build(project, options=Options(today=EVE, drafts=True))

    published = build(project, options=Options(today=EVE))

    assert published.warnings == ()
    assert mentions(project.output) == {}
