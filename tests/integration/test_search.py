"""Indexing with the real Pagefind binary: articles only, in shards by period, only changed shards redone."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from revue.cli import main
from revue.content.config import load_config
from revue.core.errors import BuildError
from revue.core.project import Project
from revue.pipeline import Options, build
from revue.publish.index_view import ELIDED, index_view
from revue.publish.search import PageFacts, shard_key
from revue.publish.shards import plan_shards
from revue.render.typography import french_text
from tests.conftest import REPO, copy_project, indexed_texts, read_all, reproducible_files, set_shard_size
from tests.photos import add_photo_article


def write_article(project: Project, slug: str, date: str, draft: bool = False, words: str = "") -> None:
    (project.content / f"{slug}.md").write_text(
        f'---\ntitle: "Article {slug}"\ndate: {date}\ncountries: [Japon]\ndraft: {str(draft).lower()}\n---\n'
        f"Texte de {slug} sur la coopération. {words}\n",
        encoding="utf-8",
    )


def shard_pages(output: Path) -> dict[str, set[str]]:
    """Shard id → the URLs its Pagefind bundle holds (each fragment is gzip of `pagefind_dcd` + JSON)."""
    shards = json.loads((output / "pagefind/shards.json").read_text(encoding="utf-8"))["shards"]
    return {
        shard["id"]: {
            json.loads(gzip.decompress(f.read_bytes()).removeprefix(b"pagefind_dcd"))["url"]
            for f in (output / "pagefind" / shard["folder"] / "fragment").iterdir()
        }
        for shard in shards
    }


def inodes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def shard_files(output: Path) -> dict[str, dict[str, int]]:
    """Shard id → the inodes of its folder's files, by path in `pagefind/`."""
    shards = json.loads((output / "pagefind/shards.json").read_text(encoding="utf-8"))["shards"]
    return {shard["id"]: inodes(output / "pagefind" / shard["folder"]) for shard in shards}


@pytest.fixture
def three_periods(tmp_path: Path) -> Project:
    """Three articles in 2000, three in 2016, one in 2024: the newest year alone, then a shard per old year."""
    project = copy_project(tmp_path / "site", with_content=False)
    set_shard_size(project, 2)  # 2 in the newest year's shards, 4 in older ones'
    for slug, date in (("a", "2000-03-01"), ("b", "2000-05-01"), ("c", "2000-07-01")):
        write_article(project, slug, date)
    write_article(project, "gunma", "2016-02-18")
    write_article(project, "visite", "2016-09-01")
    write_article(project, "accord", "2016-11-30")
    write_article(project, "masques", "2024-05-08")
    result = build(project)
    assert result.index is not None and (result.index.shards, result.index.reindexed) == (3, 3)
    assert shard_pages(project.output) == {
        "2024": {"/articles/article-masques/"},
        "2016": {"/articles/article-gunma/", "/articles/article-visite/", "/articles/article-accord/"},
        "2000": {"/articles/article-a/", "/articles/article-b/", "/articles/article-c/"},
    }
    return project


def test_only_published_articles_are_indexed_and_the_report_matches_the_bundle(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site", with_content=False)
    write_article(project, "masques", "2020-05-08")
    write_article(project, "gunma", "2016-02-18")
    write_article(project, "brouillon", "2021-01-01", draft=True)
    result = build(project, options=Options("https://org.github.io/repo/"))
    bundle = project.output / "pagefind"
    assert result.index is not None
    assert result.index.pages == 2, "home, lists, search and 404 pages carry no data-pagefind-body"
    assert result.index.bytes == sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    assert (bundle / "pagefind.js").is_file()
    shards = json.loads((bundle / "shards.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"2016_2020-[0-9a-f]{16}", shards["shards"][0].pop("folder"))
    assert shards.pop("words") == {"elided": list(ELIDED), "group_mark": "~"}, "what search.js undoes"
    assert shards == {
        "shards": [
            {
                "id": "2016_2020",
                "first": "2016",
                "last": "2020",
                "pages": 2,
                "years": ["2016", "2020"],
                "countries": ["Japon"],
            }
        ]
    }
    assert shard_pages(project.output) == {
        "2016_2020": {"/articles/article-masques/", "/articles/article-gunma/"}
    }


def test_editing_one_article_reindexes_exactly_its_shard(three_periods: Project) -> None:
    before = shard_files(three_periods.output)
    write_article(three_periods, "visite", "2016-09-01", words="Une phrase ajoutée.")
    result = build(three_periods)
    assert result.index is not None
    assert (result.index.shards, result.index.reindexed, result.index.carried_over) == (3, 1, 2)
    after = shard_files(three_periods.output)
    assert after["2000"] == before["2000"] and after["2024"] == before["2024"], "carried over as they were"
    assert after["2016"] != before["2016"]
    folders = {p.name for p in (three_periods.output / "pagefind").iterdir() if p.is_dir()}
    assert len(folders) == 3, "the edited shard's previous folder is gone"


def test_moving_an_article_to_another_year_reindexes_both_shards(three_periods: Project) -> None:
    write_article(three_periods, "visite", "2000-09-01")
    result = build(three_periods)
    assert result.index is not None
    assert (result.index.shards, result.index.reindexed, result.index.carried_over) == (3, 2, 1)
    assert shard_pages(three_periods.output) == {
        "2024": {"/articles/article-masques/"},
        "2016": {"/articles/article-gunma/", "/articles/article-accord/"},
        "2000": {
            "/articles/article-a/",
            "/articles/article-b/",
            "/articles/article-c/",
            "/articles/article-visite/",
        },
    }


def test_another_address_for_the_same_path_reindexes_nothing(three_periods: Project) -> None:
    """The preview's local address changes every page's head (canonical URL), not what Pagefind reads."""
    result = build(three_periods, options=Options("http://127.0.0.1:8000/"))
    assert result.index is not None and result.written > 0
    assert (result.index.reindexed, result.index.carried_over) == (0, 3)


def test_a_build_without_the_cache_gives_the_same_site(three_periods: Project, tmp_path: Path) -> None:
    write_article(three_periods, "visite", "2016-09-01", words="Une phrase ajoutée.")
    write_article(three_periods, "nouveau", "2024-11-30")
    build(three_periods)
    incremental = tmp_path / "incremental"
    shutil.copytree(three_periods.output, incremental)
    shutil.rmtree(three_periods.cache)
    shutil.rmtree(three_periods.output)
    result = build(three_periods)
    assert result.index is not None and result.index.reindexed == result.index.shards
    assert shard_pages(three_periods.output) == shard_pages(incremental)
    files = reproducible_files(incremental)
    assert files == reproducible_files(three_periods.output)
    assert [
        f for f in files if (incremental / f).read_bytes() != (three_periods.output / f).read_bytes()
    ] == []


def test_a_pagefind_failure_is_a_build_error_that_keeps_the_previous_output(
    three_periods: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_article(three_periods, "masques", "2024-05-08", words="Une phrase ajoutée.")
    before = inodes(three_periods.output)
    monkeypatch.setenv("PAGEFIND_GLOB", "**/*.nothing")  # Pagefind's own setting: it finds no page
    with pytest.raises(BuildError) as raised:
        build(three_periods)
    message = str(raised.value)
    assert message.startswith("pagefind/2024: Pagefind n’a pas pu indexer le site : ")
    assert "not able to build an index" in message, "says what Pagefind printed"
    assert "pip install -r requirements.txt" in message, "says what to do"
    assert inodes(three_periods.output) == before
    monkeypatch.delenv("PAGEFIND_GLOB")
    result = build(three_periods)
    assert result.index is not None and (result.index.reindexed, result.index.carried_over) == (1, 2)


def test_words_that_only_look_like_the_mark_index_nothing_more(tmp_path: Path) -> None:
    """An article quoting `data-pagefind-body` puts it in list pages' text: they stay out of the index."""
    project = copy_project(tmp_path / "site", with_content=False)
    write_article(
        project, "balise", "2020-05-08", words="Pagefind lit data-pagefind-body et data-pagefind-body>."
    )
    (project.content / "balise.md").write_text(
        (project.content / "balise.md")
        .read_text(encoding="utf-8")
        .replace("draft: false", 'draft: false\nsummary: "Le repère data-pagefind-body>, expliqué."'),
        encoding="utf-8",
    )
    result = build(project)
    assert result.index is not None and result.index.pages == 1
    assert shard_pages(project.output) == {"2020": {"/articles/article-balise/"}}


def test_the_build_command_reports_pages_shards_and_index_size(
    three_periods: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    write_article(three_periods, "gunma", "2016-02-18", words="Une phrase ajoutée.")
    # an edit (one period reindexed), then nothing changed
    for periods in (
        "1 période réindexée, 2 reprises telles quelles",
        "0 période réindexée, 3 reprises telles quelles",
    ):
        assert main(["--root", str(three_periods.root), "build"]) == 0
        assert re.search(
            rf"^Recherche : 7 pages indexées, [1-9]\d* Kio dans pagefind/ \({periods}\)$",
            capsys.readouterr().out,
            re.MULTILINE,
        )


@pytest.mark.parametrize(
    ("written", "read"),
    [
        (
            "d’investissement, l'Économie, QU’IL, jusqu’à, Lorsqu’il",
            "d’ investissement, l' Économie, QU’ IL, jusqu’ à, Lorsqu’ il",
        ),
        (
            "aujourd’hui, quelqu’un, presqu’île, l’2024, O’Neill",
            "aujourd’hui, quelqu’un, presqu’île, l’2024, O’Neill",
        ),
        ("« l’Asie-Pacifique »", "« l’ Asie-Pacifique »"),
        (
            "140\u202f000 masques, 1\u202f500,5 t, 12\u202f%, 2023 200\u202f000",
            "140~000 masques, 1~500,5 t, 12\u202f%, 2023 200~000",
        ),
        (
            '<a data-pagefind-filter="pays">Côte d’Ivoire</a> l’État',
            '<a data-pagefind-filter="pays">Côte d’Ivoire</a> l’ État',
        ),
    ],
)
def test_the_index_view_sets_elided_words_apart_and_joins_a_number_s_groups(written: str, read: str) -> None:
    """What Pagefind reads: each word a reader sees stands alone (a filter's value stays as the filter
    names it); search.js undoes both changes in what it shows."""
    assert index_view(written.encode("utf-8")).decode("utf-8") == read


def test_a_page_with_nothing_to_change_is_given_to_pagefind_as_it_is() -> None:
    page = b"<p>Le Japon et le Vietnam, 2023.</p>"
    assert index_view(page) is page


def test_pagefind_indexes_the_index_view_and_the_published_page_keeps_its_words(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site", with_content=False)
    write_article(project, "plan", "2024-05-08", words="Un plan d’investissement de 140 000 dollars.")
    build(project)
    page = (project.output / "articles/article-plan/index.html").read_text(encoding="utf-8")
    assert "plan d’investissement de 140\u202f000\u00a0dollars" in page, "readers get the page as written"
    (fragment,) = (project.output / "pagefind").glob("*/fragment/*")
    content = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))["content"]
    assert "plan d’ investissement de 140~000 dollars" in content


def test_a_new_index_view_changes_every_shard_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached shard made from another index view is never carried over: INDEXER is in its key."""
    shard = plan_shards({"articles/a/index.html": "2024-05"}, 64)[0]
    facts = {"articles/a/index.html": PageFacts(True, "2024-05", ("Japon",), "digest")}
    before = shard_key(shard, facts, "1.5.2")
    monkeypatch.setattr("revue.publish.search.INDEXER", "another-view")
    assert shard_key(shard, facts, "1.5.2") != before


WORD = re.compile(r"\w+")


def test_a_search_finds_no_article_by_the_page_s_own_labels_or_photo_credits(project: Project) -> None:
    """« original » and « photo » find the articles whose own words hold them (a title, the summary, the
    body, a caption), never one by what the page adds: « Photos de l’article original », « Lire
    l’article original (VNA) », « (Photo : VNA) », which its excerpt would then quote. Captions stay found: the seeds' (listed without their photo)
    and those of photos shown in figures (tests/photos.py)."""
    add_photo_article(project)
    build(project)
    indexed = indexed_texts(project.output)
    config = load_config(REPO / "site.yaml")
    articles = [a for a in read_all(project.content, config, project.root) if not a.draft]
    page = {
        a.slug: next(text for url, text in indexed.items() if url.endswith(f"/articles/{a.slug}/"))
        for a in articles
    }
    own = {
        a.slug: " ".join((a.title, a.summary, a.body_markdown, *(photo.caption for photo in a.photos)))
        for a in articles
    }
    assert [url for url, text in indexed.items() if "(Photo" in text] == [], "a credit is indexed"
    for word in ("original", "photo"):
        starts = re.compile(rf"(?<!\w){word}", re.IGNORECASE)
        found = {slug for slug, text in page.items() if starts.search(text)}
        assert found == {slug for slug, text in own.items() if starts.search(text)}, word
    for article in articles:
        indexed_words = set(WORD.findall(page[article.slug].lower()))
        for photo in article.photos:
            assert set(WORD.findall(french_text(photo.caption).lower())) <= indexed_words, photo.caption
