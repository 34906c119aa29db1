"""Seeds become articles only by `import`, an editor's act reviewed before publication: a build names a
seed not imported yet and never publishes it, and an imported seed whose article was deleted stays
deleted."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from revue.cli import main
from revue.core.project import Project
from tests.build_cli import build_py

FIXTURE = Path(__file__).parents[1] / "fixtures" / "agency" / "day-without-year.txt"
SEED = "005_echanges-agricoles.txt"
TITLE = "Le Vietnam et le Japon font le point sur leurs échanges agricoles"
ARTICLE = "content/le-vietnam-et-le-japon-font-le-point-sur-leurs-echanges-agricoles.md"
PAGE = "articles/le-vietnam-et-le-japon-font-le-point-sur-leurs-echanges-agricoles/index.html"
NOT_IMPORTED = (
    "texte de l’agence pas encore importé, donc pas publié — importez-le avec `python build.py import`, puis "
    "relisez l’article créé dans content/ ; sur GitHub, relisez et fusionnez la demande « Textes de l’agence "
    "à relire »"
)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def add_seed(project: Project) -> None:
    """An agency text whose date the editors know (in seeds/sources.yaml): an import would publish it."""
    (project.seeds / SEED).write_bytes(FIXTURE.read_bytes())
    with project.sources_yaml.open("a", encoding="utf-8") as sources:
        sources.write(f"{SEED}:\n  date: 2018-11-14\n  url: null\n")


def github_run(project: Project, *args: str) -> tuple[int, str, str, str]:
    """`build.py ARGS` as GitHub Actions runs it: exit code, stdout, stderr and the step summary."""
    summary = project.root.parent / "summary.md"
    summary.unlink(missing_ok=True)
    result = build_py(
        project,
        *args,
        env={
            "GITHUB_ACTIONS": "true",
            "GITHUB_STEP_SUMMARY": str(summary),
            "GITHUB_WORKSPACE": str(project.root),
        },
    )
    return result.returncode, result.stdout, result.stderr, summary.read_text(encoding="utf-8")


def test_a_new_seed_with_a_known_date_is_not_published_and_is_named_in_a_warning_annotation(
    project: Project,
) -> None:
    add_seed(project)

    code, stdout, stderr, summary = github_run(project, "build", "--base-url", "https://org.github.io/revue/")

    assert code == 0
    assert stderr.splitlines() == [f"seeds/{SEED}: attention : {NOT_IMPORTED}"]
    assert stdout.splitlines()[0] == (
        f"::warning file=seeds/{SEED},title=Revue %3A attention::{NOT_IMPORTED}"
    )
    assert not (project.output / PAGE).exists()
    assert not any(TITLE.encode() in data for data in snapshot(project.output).values())
    assert "| Avertissements | 1 |" in summary
    assert not (project.root / ARTICLE).exists()


def test_an_imported_article_deleted_stays_deleted_and_the_build_says_how_to_import_it_again(
    project: Project,
) -> None:
    add_seed(project)
    imported = build_py(project, "import")
    assert imported.returncode == 0
    assert f"{SEED} → {ARTICLE}" in imported.stdout
    assert f"{SEED}: {ARTICLE}\n" in project.imported_yaml.read_text(encoding="utf-8")
    assert build_py(project, "build").returncode == 0
    assert (project.output / PAGE).is_file()

    (project.root / ARTICLE).unlink()
    build, check = build_py(project, "build"), build_py(project, "check")

    deleted = (
        f"1 texte importé dont l’article a été supprimé, donc pas publié : seeds/{SEED} (devenu {ARTICLE}) — "
        "pour en importer un de nouveau, retirez sa ligne de seeds/imported.yaml puis lancez "
        "`python build.py import`"
    )
    assert build.returncode == check.returncode == 0
    assert deleted in build.stdout.splitlines() and deleted in check.stdout.splitlines()
    assert "pas encore importé" not in build.stderr + check.stderr
    assert not (project.output / PAGE).exists()
    assert not (project.root / ARTICLE).exists()
    again = build_py(project, "import")
    assert again.returncode == 0
    assert (
        f"{SEED}: déjà importé dans {ARTICLE}, supprimé depuis : pas importé de nouveau — pour l’importer de "
        "nouveau, retirez sa ligne de seeds/imported.yaml"
    ) in again.stdout.splitlines()
    assert not (project.root / ARTICLE).exists()

    # The way back, as the build says: the seed's line removed, then imported again.
    lines = project.imported_yaml.read_text(encoding="utf-8").splitlines(keepends=True)
    project.imported_yaml.write_text("".join(line for line in lines if SEED not in line), encoding="utf-8")
    assert build_py(project, "import").returncode == 0
    assert (project.root / ARTICLE).is_file()


def test_a_build_writes_nothing_into_content_or_seeds_whether_it_fails_or_not(project: Project) -> None:
    """Issue 23 point 8: a build that failed still wrote the imported seeds into content/. A build
    imports nothing now, so it writes nothing there, failed or not."""
    add_seed(project)
    before = {**snapshot(project.content), **snapshot(project.seeds)}

    assert build_py(project, "build").returncode == 0
    assert {**snapshot(project.content), **snapshot(project.seeds)} == before

    (project.content / "casse.md").write_text("---\ntitle: Cassé\ndate: 2024-02-30\n---\n\nTexte.\n")
    assert build_py(project, "build").returncode == 1
    assert {**snapshot(project.content), **snapshot(project.seeds)} == {
        **before,
        "casse.md": (project.content / "casse.md").read_bytes(),
    }


def test_an_import_that_cannot_finish_writes_nothing(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The disk fills up as seeds/imported.yaml is replaced, after the articles are in place: they are
    removed again, so content/ never holds an article whose seed is not recorded as imported."""
    add_seed(project)
    (project.seeds / "006_deuxieme.txt").write_text(
        "Le Vietnam et la Corée renforcent leurs liens\n\nLe chapeau, le 9 février.\n\n"
        "Hanoï (VNA) - La Corée du Sud et le Vietnam. -VNA\n",
        encoding="utf-8",
    )
    before = {**snapshot(project.content), **snapshot(project.seeds)}

    def full_disk(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr("revue.ingest.importer.os.replace", full_disk)
    code = main(["--root", str(project.root), "import"])

    assert code == 1
    assert capsys.readouterr().err.splitlines() == [
        "seeds/imported.yaml: plus de place sur le disque — vérifiez les droits du dossier et la place libre "
        "sur le disque",
        "Import refusé : 1 problème. Rien n’a été écrit dans content/.",
    ]
    assert {**snapshot(project.content), **snapshot(project.seeds)} == before
