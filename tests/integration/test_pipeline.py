"""One pipeline for build, check and import: the cases where separate copies used to disagree."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from revue.core import messages
from revue.core.messages import command_line
from revue.core.project import Project
from revue.pipeline import Options, build
from revue.publish.lock import command_of, exclusive, shown_command
from tests.build_cli import build_py
from tests.conftest import REPO


def imported_afresh(project: Project) -> None:
    """The seeds imported into an empty content/, as they were first."""
    shutil.rmtree(project.content)
    project.imported_yaml.unlink()
    assert build_py(project, "import").returncode == 0


def test_an_article_saved_with_a_byte_order_mark_is_still_its_seeds_import(project: Project) -> None:
    """A BOM is stripped by the one reader: the seed stays imported, no second copy is planned."""
    imported_afresh(project)
    project.imported_yaml.unlink()  # only the article says where its seed went
    [article] = [p for p in project.content.glob("*.md") if "seed: 000_" in p.read_text(encoding="utf-8")]
    article.write_bytes("\ufeff".encode() + article.read_bytes())

    for command in ("build", "check", "import"):
        result = build_py(project, command)
        assert (command, result.returncode, result.stderr) == (command, 0, "")
    assert len(list(project.content.rglob("*.md"))) == 5


def test_an_imported_article_moved_into_a_subfolder_is_not_imported_again(project: Project) -> None:
    imported_afresh(project)
    project.imported_yaml.unlink()
    (project.content / "japon").mkdir()
    for article in project.content.glob("*.md"):
        article.rename(project.content / "japon" / article.name)

    result = build_py(project, "import")

    assert (result.returncode, result.stderr) == (0, "")
    assert list(project.content.glob("*.md")) == []
    assert len(list(project.content.rglob("*.md"))) == 5


def test_a_source_url_with_a_space_is_refused_by_import_at_its_line(project: Project) -> None:
    """The planned file goes through the build's own checks: import cannot write what build would refuse."""
    shutil.rmtree(project.content)
    project.content.mkdir()
    project.imported_yaml.unlink()
    lines = project.sources_yaml.read_text(encoding="utf-8").splitlines(keepends=True)
    line = next(n for n, text in enumerate(lines, 1) if "url: https://" in text)
    cut = lines[line - 1].rindex("/") + 1
    lines[line - 1] = lines[line - 1][:cut] + " " + lines[line - 1][cut:]  # a space pasted into the address
    project.sources_yaml.write_text("".join(lines), encoding="utf-8")

    result = build_py(project, "import")

    assert result.returncode == 1
    assert result.stderr.startswith(f"seeds/sources.yaml:{line}: ")
    assert "n’est pas une adresse web" in result.stderr
    assert list(project.content.iterdir()) == []
    assert not project.imported_yaml.exists()


ARTICLE = """---
title: "Un article"
date: 2024-02-09
countries: [Japon]
---

Premier paragraphe.

![Le président à Tokyo](https://vnanet.vn/photo.jpg)

Dernier paragraphe.
"""


def test_what_a_page_drops_is_a_warning_at_its_line_in_build_and_check(project: Project) -> None:
    (project.content / "un-article.md").write_text(ARTICLE, encoding="utf-8")

    build, check = build_py(project, "build"), build_py(project, "check")

    assert build.returncode == check.returncode == 0
    [warning] = build.stderr.splitlines()
    assert warning.startswith(
        "content/un-article.md:9: attention : image « https://vnanet.vn/photo.jpg » retirée"
    )
    assert check.stderr == build.stderr
    page = (project.output / "articles/un-article/index.html").read_text(encoding="utf-8")
    assert "Dernier paragraphe" in page and "<p></p>" not in page


def test_editor_scratch_files_are_skipped_and_a_misnamed_article_is_a_warning(project: Project) -> None:
    """An editor's lock, backup or misnamed file never stops the build; only the misnamed one is mentioned."""
    (project.content / ".#un-article.md").symlink_to("personne@machine.12345:1700000000")  # Emacs' lock
    (project.content / "un-article.md~").write_text("sauvegarde", encoding="utf-8")
    (project.content / ".un-article.md.swp").write_bytes(b"\x00\x01vim")
    (project.content / "brouillon.MD").write_text(ARTICLE, encoding="utf-8")

    result = build_py(project, "build")

    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/brouillon.MD: attention : fichier laissé de côté — seuls les fichiers .md sont des articles : "
        "renommez-le brouillon.md pour le publier"
    ]


def test_a_link_to_nothing_is_a_warning_that_says_what_to_do(project: Project) -> None:
    (project.content / "perdu.md").symlink_to("nulle-part.md")

    result = build_py(project, "build")

    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "content/perdu.md: attention : lien laissé de côté, il ne mène pas à un fichier (mais à rien, à un "
        "dossier ou à lui-même) — remplacez-le par le fichier, ou supprimez-le"
    ]


def test_the_preview_shows_drafts_with_a_banner_and_the_published_site_never_does(project: Project) -> None:
    draft = ARTICLE.replace("countries: [Japon]", "countries: [Japon]\ndraft: true")
    (project.content / "un-article.md").write_text(draft, encoding="utf-8")
    page = project.output / "articles/un-article/index.html"

    build(project, options=Options(drafts=True))  # what `serve` runs
    assert "Brouillon — visible dans l’aperçu seulement" in page.read_text(encoding="utf-8")
    assert "(brouillon)" in (project.output / "pays/japon/index.html").read_text(encoding="utf-8")

    build(project)
    assert not page.exists()
    assert "un-article" not in (project.output / "pays/japon/index.html").read_text(encoding="utf-8")


def test_two_builds_at_once_both_succeed_one_after_the_other(project: Project) -> None:
    command = [sys.executable, str(REPO / "build.py"), "--root", str(project.root), "build"]
    runs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in "ab"
    ]
    outcomes = [(run.wait(timeout=120), run.stderr.read() if run.stderr else "") for run in runs]

    for run, (returncode, stderr) in zip(runs, outcomes, strict=True):
        assert returncode == 0, stderr
        other = next(other for other in runs if other is not run)  # the one that held the lock
        assert set(stderr.splitlines()) <= {
            command_line.waiting(project.root, other.pid, shown_command(command)),
            command_line.waiting(project.root),  # the holder let go while the waiter looked it up
        }
    assert (project.output / "index.html").is_file()


def test_a_build_waits_for_the_running_one_even_when_the_cache_is_deleted_meanwhile(project: Project) -> None:
    """The lock is the project's folder, not a file in `.cache/` that an editor may delete."""
    command = [sys.executable, str(REPO / "build.py"), "--root", str(project.root), "build"]
    with exclusive(project.root, lambda: None):  # another build is running
        shutil.rmtree(project.cache, ignore_errors=True)
        waiting = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert waiting.stderr is not None
        first_line = waiting.stderr.readline()  # printed before it waits: the lock is still held here
        assert first_line == command_line.waiting(project.root, os.getpid(), command_of(os.getpid())) + "\n"
    assert waiting.wait(timeout=120) == 0
    assert (project.output / "index.html").is_file()


def test_a_mistyped_root_creates_no_folder_and_says_where_the_project_should_be(tmp_path: Path) -> None:
    missing = tmp_path / "pas-de-projet"
    done = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(missing), "build"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("site.yaml: introuvable — lancez la commande dans le dossier du projet")
    assert not missing.exists()


def test_a_reader_that_stops_early_gets_no_traceback(project: Project) -> None:
    """`build.py | head -1`: the pipe closes while the build reports; the build is done all the same."""
    shell = f"'{sys.executable}' '{REPO / 'build.py'}' --root '{project.root}' build | head -c 1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell], capture_output=True, text=True, timeout=120
    )

    assert done.stdout == "S"  # of "Site construit : …"
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
    assert (project.output / "index.html").is_file()


def test_a_file_in_place_of_the_cache_folder_is_named_with_what_to_do(project: Project) -> None:
    (project.root / ".cache").write_text("un fichier là où le cache doit être un dossier", encoding="utf-8")

    result = build_py(project, "build")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f".cache: {messages.CACHE_IS_NOT_A_FOLDER}",
        "Échec de la construction : 1 problème. Rien n’a été écrit dans output/.",
    ]


def test_a_project_named_by_a_relative_path_builds_and_indexes(project: Project) -> None:
    """`--root ../autre-site`, as docs/commands.md shows: Pagefind runs in a folder of its own."""
    done = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", project.root.name, "build"],
        cwd=project.root.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert list((project.output / "pagefind").glob("*/pagefind-entry.json"))
