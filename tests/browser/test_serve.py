"""`python build.py serve`: edits show up in the open page; a broken edit shows its error, a fix recovers."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from revue.core.project import Project
from revue.dev.corpus import write_corpus
from tests.build_cli import build_py
from tests.conftest import REPO, copy_project
from tests.photos import PHOTO_ARTICLE, add_photo_article

TITLE = "Le Vietnam et la Norvège signent un accord sur la pêche"
SLUG = "le-vietnam-et-la-norvege-signent-un-accord-sur-la-peche"
# Rebuilds wait for the file watcher's debounce, then build the whole site: a generous wait, not a time
# limit (a machine other tests keep busy took over 30 s to start serve).
WAIT_MS = 120_000


@dataclass
class DevServer:
    """A running `serve` subprocess and every line it printed, stdout and stderr merged."""

    process: subprocess.Popen[str]
    lines: queue.Queue[str]
    seen: list[str]

    def wait_for_line(self, start: str, timeout: float = WAIT_MS / 1000) -> str:
        """The first line starting with `start`, printed since the server started."""
        deadline = time.monotonic() + timeout
        while not any(line.startswith(start) for line in self.seen):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None:
                raise AssertionError(f"serve never printed {start!r}; it printed:\n" + "".join(self.seen))
            try:
                self.seen.append(self.lines.get(timeout=remaining))
            except queue.Empty:
                continue
        return next(line for line in self.seen if line.startswith(start))


def start_serve(project: Project, *options: str) -> DevServer:
    process = subprocess.Popen(
        [
            sys.executable,
            str(REPO / "build.py"),
            "--root",
            str(project.root),
            "serve",
            "--port",
            "0",
            *options,
        ],
        cwd=project.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    return DevServer(process, lines, [])


@pytest.fixture
def article(tmp_path: Path) -> Iterator[tuple[Project, Path]]:
    project = copy_project(tmp_path / "site")
    assert build_py(project, "new", TITLE, "--country", "Norvège", "--date", "2024-03-01").returncode == 0
    yield project, project.content / f"{SLUG}.md"


def set_body(path: Path, body: str) -> None:
    head, _, _ = path.read_text(encoding="utf-8").rpartition("---\n")
    path.write_text(f"{head}---\n\n{body}\n", encoding="utf-8")


def test_serve_rebuilds_and_reloads_shows_errors_and_recovers(
    page: Page, article: tuple[Project, Path]
) -> None:
    project, path = article
    set_body(path, "Première version du texte.")
    server = start_serve(project)
    try:
        url = server.wait_for_line("Aperçu sur http://127.0.0.1:").split()[2]
        assert url.endswith("/") and "127.0.0.1" in url
        page.goto(f"{url}articles/{SLUG}/")
        expect(page.get_by_text("Première version du texte.")).to_be_visible()
        canonical = page.locator('link[rel="canonical"]')
        expect(canonical).to_have_attribute("href", f"{url}articles/{SLUG}/")  # built for the local URL

        set_body(path, "Deuxième version, corrigée par l’éditrice.")
        expect(page.get_by_text("Deuxième version, corrigée par l’éditrice.")).to_be_visible(timeout=WAIT_MS)

        good = path.read_text(encoding="utf-8")
        path.write_text(good.replace("date: 2024-03-01", "date: 2024-02-30"), encoding="utf-8")
        problem = f"content/{SLUG}.md:5: date: « 2024-02-30 » n’est pas une date réelle — février 2024 compte 29 jours"
        overlay = page.get_by_role("alert")
        expect(overlay).to_contain_text(problem, timeout=WAIT_MS)
        expect(overlay).to_contain_text(
            "La dernière modification contient une erreur : le site affiché est la dernière version correcte."
        )
        expect(overlay).to_contain_text(
            "Corrigez le fichier indiqué et enregistrez : la page se mettra à jour toute seule."
        )
        expect(page.get_by_text("Deuxième version, corrigée par l’éditrice.")).to_be_visible()
        assert server.wait_for_line(problem)
        assert server.wait_for_line("Échec de la construction : 1 problème. Rien n’a été écrit dans output/.")
        assert server.wait_for_line(
            "Le site affiché reste la dernière version correcte : enregistrez une correction pour reconstruire."
        )

        path.write_text(good.replace("Deuxième version", "Troisième version"), encoding="utf-8")
        expect(page.get_by_text("Troisième version, corrigée par l’éditrice.")).to_be_visible(timeout=WAIT_MS)
        expect(overlay).to_have_count(0)
        built = (project.output / "articles" / SLUG / "index.html").read_text(encoding="utf-8")
        assert "Troisième version" in built and "REVUE_LIVE" not in built  # the script is never written
    finally:
        server.process.kill()
        server.process.wait(timeout=10)


def test_a_file_saved_during_the_first_build_is_built_next(tmp_path: Path) -> None:
    """The first build of a big site takes a while: an editor who saves meanwhile sees that save."""
    project = copy_project(tmp_path / "site")
    write_corpus(project.content, REPO / "seeds", 300)
    path = project.content / "bench-00007.md"
    server = start_serve(project)
    try:
        deadline = time.monotonic() + WAIT_MS / 1000
        while not project.cache.is_dir():  # made once the first build has listed content/
            assert time.monotonic() < deadline and server.process.poll() is None, "".join(server.seen)
            time.sleep(0.01)
        path.write_text(path.read_text("utf-8") + "\nEnregistré pendant la première construction.\n", "utf-8")
        server.wait_for_line("Aperçu sur http://127.0.0.1:")
        built = project.output / "articles" / "bench-00007" / "index.html"
        while "Enregistré pendant la première construction." not in built.read_text("utf-8"):
            assert time.monotonic() < deadline, "the save made during the first build was never built"
            time.sleep(0.1)
    finally:
        server.process.kill()
        server.process.wait(timeout=10)


def test_serve_previews_the_site_under_the_sub_path_of_base_url(page: Page, tmp_path: Path) -> None:
    """As GitHub Pages serves a project site: everything under /revue/, the bare address leading there,
    and the live reload still working."""
    project = copy_project(tmp_path / "site")
    add_photo_article(project)
    server = start_serve(project, "--base-url", "https://example.org/revue/")
    try:
        url = server.wait_for_line("Aperçu sur http://127.0.0.1:").split()[2]
        origin = url.removesuffix("/revue/")
        assert url.endswith("/revue/") and origin.startswith("http://127.0.0.1:")

        page.goto(origin + "/")  # the server's bare address
        expect(page).to_have_url(url)
        expect(page.locator("main")).to_contain_text("Une visite à Hanoï en trois photos")

        page.get_by_role("link", name="Une visite à Hanoï en trois photos").first.click()
        expect(page).to_have_url(f"{url}articles/{PHOTO_ARTICLE}/")
        photo = page.get_by_alt_text("Le pont Long Bien au lever du jour, vu depuis la rive du fleuve Rouge")
        expect(photo).to_be_visible()
        assert photo.evaluate("image => image.complete && image.naturalWidth > 0")
        assert photo.evaluate("image => image.currentSrc").startswith(f"{url}photos/")

        page.goto(f"{url}recherche/?q=masques")
        result = page.locator("#recherche-resultats h2 a").first
        expect(result).to_have_attribute(
            "href", "/revue/articles/le-vietnam-remet-des-fournitures-medicales-au-japon/"
        )
        result.click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Le Vietnam remet des fournitures médicales au Japon"
        )

        article = project.content / "le-vietnam-remet-des-fournitures-medicales-au-japon.md"
        text = article.read_text(encoding="utf-8")
        article.write_text(text.replace("140.000 masques", "140 000 masques"), encoding="utf-8")
        expect(page.get_by_text("140 000 masques médicaux du gouvernement").first).to_be_visible(
            timeout=WAIT_MS
        )  # the open page reloaded itself under the sub-path
    finally:
        server.process.kill()
        server.process.wait(timeout=10)
