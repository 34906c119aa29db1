"""A sharded index answers as one index does: 2,000 benchmark articles searched in Chromium on a phone.

Three builds of the same articles are served side by side: in shards, reached by an incremental build;
in the same shards, built with no cache; through one unsharded index (revue/dev/one_index.py). Every query must find the same set of articles
in all three, through the search page itself (every result, past "Plus de résultats").
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml
from playwright.sync_api import Page, expect

from revue.core.project import Project
from revue.dev.corpus import write_corpus
from revue.dev.one_index import index_as_one
from revue.pipeline import build
from tests.conftest import REPO, SUB_PATH, ServedSite, built_and_served, copy_project, set_shard_size

# One worker runs this module, so that its three 2,000-article sites are built once (50 s each time).
pytestmark = pytest.mark.xdist_group("search-shards")

ARTICLES = 2000
SHARD_SIZE = 50  # 27 shards: the newest year in runs of months, each older year on its own
# Rare words laid into chosen articles, so that some queries find a few articles in a few shards only:
# every other shard then falls back to a shorter word it holds ("des", "la"), sharding's riskiest case.
IN_BODY = {"désalinisation": (3, 400, 777, 1200, 1999), "éléphanteau": (50, 400, 1500, 1800)}
IN_SUMMARY = {"lamantin": (10, 1000)}
QUERIES = [
    {"q": "désalinisation"},
    {"q": "Desalinisation"},
    {"q": "désalin"},
    {"q": "éléphanteau"},
    {"q": "elephanteau"},
    {"q": "ELEPHANTEAU"},
    {"q": "désalinisation éléphanteau"},
    {"q": "désalinisation masques"},
    {"q": "lamantin"},
    {"q": "laman"},
    {"q": "déminage"},
    {"q": "désalinisation", "pays": "Japon"},
    {"q": "masques", "pays": "Japon", "annee": "2010"},
    {"q": "cooperation", "annee": "2015"},
    {"q": "coopération décentralisée", "annee": "2019"},
    {"q": "vietnam japon", "annee": "2012", "tri": "date"},
    {"q": "masques", "pays": "Japon"},
    {"q": "president", "pays": "Corée du Sud"},
    {"q": "Gunma", "pays": "Laos", "tri": "date"},
    {"q": "développement", "pays": "France", "annee": "2020"},
    {"pays": "Laos", "annee": "2005"},
    {"pays": "Cuba", "tri": "date"},
    {"annee": "2024", "pays": "Japon"},
]


def lay_rare_words(content: Path) -> None:
    for word, numbers in IN_BODY.items():
        for number in numbers:
            article = content / f"bench-{number:05d}.md"
            article.write_text(
                article.read_text(encoding="utf-8") + f"\nUn {word} passe.\n", encoding="utf-8"
            )
    for word, numbers in IN_SUMMARY.items():
        for number in numbers:
            article = content / f"bench-{number:05d}.md"
            text = article.read_text(encoding="utf-8")
            line = re.search(r"(?m)^summary: (.*)$", text)
            assert line, f"{article.name} has a summary"
            summary = json.dumps(f"Un {word} passe. {yaml.safe_load(line.group(1))}", ensure_ascii=False)
            article.write_text(text.replace(line.group(0), f"summary: {summary}"), encoding="utf-8")


def project_of(root: Path, content: Path, shard_size: int) -> Project:
    project = copy_project(root, with_content=False)
    shutil.rmtree(project.content)
    shutil.copytree(content, project.content)
    set_shard_size(project, shard_size)
    return project


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, ServedSite]]:
    folder = tmp_path_factory.mktemp("corpus")
    content = folder / "content"
    write_corpus(content, REPO / "seeds", ARTICLES)
    lay_rare_words(content)
    last = content / f"bench-{ARTICLES - 1:05d}.md"
    held_back = last.read_text(encoding="utf-8")
    last.unlink()
    with ExitStack() as stack:
        incremental = stack.enter_context(
            built_and_served(project_of(folder / "sharded", content, SHARD_SIZE))
        )
        (incremental.project.content / last.name).write_text(held_back, encoding="utf-8")
        result = build(incremental.project, incremental.base_url)
        assert result.index is not None and result.index.reindexed == 1, "one new article: one shard redone"
        assert result.index.carried_over >= 10
        last.write_text(held_back, encoding="utf-8")
        yield {
            "sharded, incremental": incremental,
            "sharded, no cache": stack.enter_context(
                built_and_served(project_of(folder / "fresh", content, SHARD_SIZE))
            ),
            "one shard": stack.enter_context(one_index(project_of(folder / "one", content, SHARD_SIZE))),
        }


@contextmanager
def one_index(project: Project) -> Iterator[ServedSite]:
    """The site served with one unsharded Pagefind index, the reference the shards must match."""
    with built_and_served(project) as site:
        index_as_one(project.output)
        yield site


def every_result(page: Page, site: ServedSite, query: dict[str, str]) -> tuple[str, set[str]]:
    """The status line and every result the search page lists, clicking "Plus de résultats" to the end."""
    page.goto(site.url("recherche/?" + urlencode(query)))
    expect(page.locator("#recherche[data-ready]")).to_be_attached()
    status = page.locator("#recherche-etat")
    # A generous wait, not a time limit: 27 shards to load on a machine other tests keep busy.
    expect(status).to_have_text(re.compile("trouvé"), timeout=60_000)
    items = page.locator("#recherche-resultats li")
    more = page.get_by_role("button", name="Plus de résultats")
    while more.is_visible():
        shown = items.count()
        more.click()
        expect(items).not_to_have_count(shown)
    links = page.locator("#recherche-resultats h2 a").all()
    return status.inner_text(), {link.get_attribute("href") or "" for link in links}


def test_the_shards_are_the_same_with_or_without_the_cache(sites: dict[str, ServedSite]) -> None:
    layouts = [
        json.loads((site.project.output / "pagefind/shards.json").read_text(encoding="utf-8"))
        for site in sites.values()
    ]
    assert layouts[0] == layouts[1]
    assert 20 <= len(layouts[0]["shards"]) <= 35
    assert len(layouts[2]["shards"]) == 1


@pytest.mark.parametrize("query", QUERIES, ids=lambda query: urlencode(query))
def test_sharded_search_finds_what_one_index_finds(
    page: Page, sites: dict[str, ServedSite], query: dict[str, str]
) -> None:
    answers = {name: every_result(page, site, query) for name, site in sites.items()}
    statuses = {name: status for name, (status, _) in answers.items()}
    found = {name: urls for name, (_, urls) in answers.items()}
    assert len(set(statuses.values())) == 1, statuses
    assert found["sharded, incremental"] == found["one shard"]
    assert found["sharded, no cache"] == found["one shard"]
    count = re.match(r"\d+", statuses["one shard"])
    assert len(found["one shard"]) == (int(count.group()) if count else 0)


def test_rare_words_find_exactly_the_articles_that_hold_them(
    page: Page, sites: dict[str, ServedSite]
) -> None:
    site = sites["sharded, incremental"]
    for word, numbers in (*IN_BODY.items(), *IN_SUMMARY.items()):
        _, urls = every_result(page, site, {"q": word})
        assert urls == {f"{SUB_PATH}articles/bench-{number:05d}/" for number in numbers}


def test_more_results_come_thirty_at_a_time_and_focus_the_first_new_one(
    page: Page, sites: dict[str, ServedSite]
) -> None:
    site = sites["sharded, incremental"]
    page.goto(site.url("recherche/?" + urlencode({"q": "masques", "pays": "Japon"})))
    status = page.locator("#recherche-etat")
    expect(status).to_have_text(re.compile(r"^\d+ articles trouvés"))
    total = int(status.inner_text().split()[0])
    assert 30 < total <= 60
    items = page.locator("#recherche-resultats li")
    expect(items).to_have_count(30)
    page.get_by_role("button", name="Plus de résultats").click()
    expect(items).to_have_count(total)
    expect(items.nth(30).locator("h2 a")).to_be_focused()
    expect(page.get_by_role("button", name="Plus de résultats")).to_be_hidden()
