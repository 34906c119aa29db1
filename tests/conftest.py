"""Fixtures shared by every test: a copy of the project, the seed site built and served under a sub-path."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from revue.content.config import SiteConfig
from revue.content.files import content_files
from revue.content.model import Article
from revue.content.read import articles_or_problems, read_article
from revue.core.project import Project
from revue.pipeline import Options, build
from revue.preview.static_server import start_server

REPO = Path(__file__).resolve().parent.parent
SUB_PATH = "/revue-test/"


def copy_project(target: Path, with_content: bool = True) -> Project:
    """A throwaway copy of this project's site.yaml and templates, and (optionally) its content and seeds."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yaml", target / "site.yaml")
    shutil.copytree(REPO / "templates", target / "templates")
    if with_content:  # the seeds too: a build imports any seed no article records
        shutil.copytree(REPO / "seeds", target / "seeds")
        shutil.copytree(REPO / "content", target / "content")
    else:
        (target / "content").mkdir()
    return Project(target)


TYPED_ARTICLE = "chiffres"


def add_typed_article(project: Project) -> Path:
    """`content/chiffres.md`, typed as agency copy is: a `1 mai`, dates broken across lines, counts,
    percentages, `Hanoi` as place and in the text; what the typography must set right."""
    article = project.content / f"{TYPED_ARTICLE}.md"
    article.write_text(
        "---\n"
        'title: "Le 1 mai, 140 000 masques pour Hanoi"\n'
        "date: 2023-05-01\n"
        "countries: [Japon]\n"
        "place: Hanoi\n"
        'summary: "Une hausse de 6% des dons, du 3 au 5 novembre 2023."\n'
        f"slug: {TYPED_ARTICLE}\n"
        "---\n"
        "Hanoi (VNA) – Le 20\nnovembre 2023, le Japon a remis 140 000 masques et 2 500 tonnes de riz,\n"
        "une hausse de 6 % en février 2023 ; en 2020 et en 2021, 12 pays ont suivi.\n",
        encoding="utf-8",
    )
    return article


def read_all(content: Path, config: SiteConfig, root: Path) -> list[Article]:
    """Every article under `content`, drafts included, as the build reads them (BuildError if any is bad)."""
    files = content_files(content, root).files
    return articles_or_problems([read_article(file.path, file.raw, config) for file in files], [])


def indexed_texts(output: Path) -> dict[str, str]:
    """Each page in the search shards (its URL) → the text Pagefind indexed of it: each fragment is gzip
    of `pagefind_dcd` + JSON (Pagefind 1.5)."""
    fragments = (gzip.decompress(f.read_bytes()) for f in (output / "pagefind").glob("*/fragment/*"))
    pages = (json.loads(f.removeprefix(b"pagefind_dcd")) for f in fragments)
    return {page["url"]: page["content"] for page in pages}


def indexed_urls(output: Path) -> set[str]:
    """Pages in the search shards."""
    return set(indexed_texts(output))


# Pagefind 1.5.2 writes these in hash-map order, different on each run (Pagefind issue #638),
# in each search shard's folder.
PAGEFIND_UNORDERED = re.compile(r"^pagefind/[^/]+/(filter/|pagefind\.[\w-]+\.pf_meta$|pagefind-entry\.json$)")


def reproducible_files(folder: Path) -> list[Path]:
    files = (p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
    return sorted(f for f in files if not PAGEFIND_UNORDERED.match(f.as_posix()))


def set_shard_size(project: Project, size: int) -> None:
    """At most `size` articles per search shard, so that a few articles make several shards."""
    site_yaml = project.site_yaml.read_text(encoding="utf-8")
    project.site_yaml.write_text(
        re.sub(r"(?m)^search_shard_size: .*$", f"search_shard_size: {size}", site_yaml)
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    """`make test`'s `--dist loadgroup` runs a module marked `xdist_group` on one worker, so its large
    sites are built once; pytest-xdist marks those tests by a suffix to their ids, which pytest 9.2
    ignores (pytest-xdist issue #1386): every worker then built them, silently, for minutes."""
    grouped = getattr(item.config.option, "loadgroup", False) and item.get_closest_marker("xdist_group")
    if grouped and "@" not in item.nodeid:
        pytest.fail(
            "pytest-xdist lost this test's group (pytest-xdist issue #1386): pin a pytest it supports"
        )


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """The seed project, copied: tests may edit it freely."""
    return copy_project(tmp_path / "site")


@dataclass(frozen=True)
class ServedSite:
    """The seed site, built for and served at `base_url` (a sub-path on 127.0.0.1)."""

    project: Project
    base_url: str

    def url(self, path: str = "") -> str:
        return self.base_url + path.lstrip("/")


@contextmanager
def built_and_served(project: Project) -> Iterator[ServedSite]:
    """Build `project` for a local URL under SUB_PATH and serve it there, as GitHub Pages would."""
    project.output.mkdir()
    server = start_server(project.output, SUB_PATH)
    base_url = f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}"
    build(project, options=Options(base_url))
    try:
        yield ServedSite(project, base_url)
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """Build the seed site once per session and serve it under SUB_PATH."""
    with built_and_served(copy_project(tmp_path_factory.mktemp("served") / "site")) as site:
        yield site


@pytest.fixture(scope="session")
def served_photo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """A site whose one article shows three photos (tests/photos.py), built and served under SUB_PATH."""
    from tests.photos import add_photo_article

    project = copy_project(tmp_path_factory.mktemp("photos") / "site", with_content=False)
    add_photo_article(project)
    with built_and_served(project) as site:
        yield site


@pytest.fixture(scope="session")
def served_mixed_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The seed site with the three-photo article among its articles: lists show its photo beside its
    title, among articles without one."""
    from tests.photos import add_photo_article

    project = copy_project(tmp_path_factory.mktemp("mixed") / "site")
    add_photo_article(project)
    with built_and_served(project) as site:
        yield site
