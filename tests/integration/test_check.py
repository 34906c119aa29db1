"""`python build.py check`: the build's own messages, from every input at once, and nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from revue.core.project import Project
from tests.build_cli import build_py

BROKEN_ARTICLE = """---
title: "Un article"
date: 2024-02-30
countries: [Japn]
auteur: "Moi"
---

Texte.
"""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_check_passes_a_valid_project_and_writes_nothing(project: Project) -> None:
    articles = len(list(project.content.glob("*.md")))
    before = snapshot(project.root)

    result = build_py(project, "check")

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (f"Vérifiés : site.yaml, les modèles et {articles} articles — aucun problème\n")
    after = {path: data for path, data in snapshot(project.root).items() if not path.startswith(".cache/")}
    assert after == before  # no output/, no imported seed; only the build's own cache may be filled


def test_check_reports_the_same_problems_as_the_build_and_leaves_output_alone(project: Project) -> None:
    assert build_py(project, "build").returncode == 0
    published = snapshot(project.output)
    (project.content / "un-article.md").write_text(BROKEN_ARTICLE, encoding="utf-8")

    check = build_py(project, "check")
    build = build_py(project, "build")

    problems = [
        "content/un-article.md:3: date: « 2024-02-30 » n’est pas une date réelle — février 2024 compte 29 jours",
        "content/un-article.md:4: countries: « Japn » n’est pas un pays connu — vouliez-vous dire « Japon » ?",
        "content/un-article.md:5: champ inconnu « auteur » — champs possibles : title, date, updated, countries, "
        "summary, place, source, photos, slug, aliases, draft",
    ]
    assert check.returncode == 1
    assert check.stderr.splitlines() == [
        *problems,
        "Vérification échouée : 3 problèmes. Corrigez, puis relancez `python build.py check`.",
    ]
    assert build.stderr.splitlines()[:-1] == problems
    assert snapshot(project.output) == published


def test_import_reports_sources_yaml_and_content_problems_together(project: Project) -> None:
    (project.content / "un-article.md").write_text(
        BROKEN_ARTICLE.replace('auteur: "Moi"\n', ""), encoding="utf-8"
    )
    (project.seeds / "005_nouveau.txt").write_text("Titre\n\nChapeau.\n\nTexte.\n", encoding="utf-8")
    with project.sources_yaml.open("a", encoding="utf-8") as sources:
        sources.write("005_nouveau.txt:\n  date: hier\n")
    before = snapshot(project.root)

    result = build_py(project, "import")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "content/un-article.md:3: date: « 2024-02-30 » n’est pas une date réelle — février 2024 compte 29 jours",
        "content/un-article.md:4: countries: « Japn » n’est pas un pays connu — vouliez-vous dire « Japon » ?",
        "seeds/sources.yaml:22: 005_nouveau.txt: date: « hier » n’est pas une date — écrivez-la AAAA-MM-JJ, "
        "par exemple 2023-02-09",
        "Import refusé : 3 problèmes. Rien n’a été écrit dans content/.",
    ]
    assert {
        path: data for path, data in snapshot(project.root).items() if not path.startswith(".cache/")
    } == before


def test_check_reports_a_broken_site_yaml_as_the_build_does(project: Project) -> None:
    text = project.site_yaml.read_text(encoding="utf-8")
    project.site_yaml.write_text(text.replace("per_page: 10", "per_page: dix"), encoding="utf-8")

    check = build_py(project, "check")
    build = build_py(project, "build")

    line = text.splitlines().index("per_page: 10") + 1
    assert check.returncode == build.returncode == 1
    assert check.stderr.startswith(f"site.yaml:{line}: per_page: ")
    assert check.stderr.splitlines() == [
        *build.stderr.splitlines()[:-1],
        "Vérification échouée : 1 problème. Corrigez, puis relancez `python build.py check`.",
    ]


@pytest.mark.parametrize(
    ("folder", "message"),
    [
        ("content", "les articles vont dans un dossier de ce nom : renommez ou déplacez ce fichier"),
        ("output", "Revue y écrit le site et remplacerait ce fichier : renommez-le ou déplacez-le"),
    ],
)
def test_a_file_in_place_of_a_folder_is_named_by_check_as_by_the_build_and_kept(
    project: Project, folder: str, message: str
) -> None:
    shutil.rmtree(project.root / folder, ignore_errors=True)
    (project.root / folder).write_text("mes notes", encoding="utf-8")

    check = build_py(project, "check")
    build = build_py(project, "build")

    assert check.returncode == build.returncode == 1
    assert (
        check.stderr.splitlines()[0]
        == build.stderr.splitlines()[0]
        == f"{folder}: n’est pas un dossier — {message}"
    )
    assert build.stderr.splitlines()[1:] == [
        "Échec de la construction : 1 problème. Rien n’a été écrit dans output/."
    ]
    assert (project.root / folder).read_text(encoding="utf-8") == "mes notes"


def test_check_renders_the_templates_and_reports_their_errors(project: Project) -> None:
    robots = project.templates / "robots.txt"
    robots.write_text(robots.read_text(encoding="utf-8") + "{{ site.nothing_here }}\n", encoding="utf-8")

    result = build_py(project, "check")

    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "Vérification échouée : 1 problème. Corrigez, puis relancez `python build.py check`."
    )
    assert "templates/robots.txt" in result.stderr and "nothing_here" in result.stderr


def test_check_and_build_name_a_new_seed_without_reading_it_and_import_refuses_it(project: Project) -> None:
    """A seed becomes an article only by `import`: check and build agree on naming it, unread, and only
    the import reads it, refusing it here."""
    (project.seeds / "999_latin1.txt").write_bytes("Titre\n\nRésumé\n".encode("latin-1"))
    before = snapshot(project.content)

    check, build, imported = (
        build_py(project, "check"),
        build_py(project, "build"),
        build_py(project, "import"),
    )

    warning = (
        "seeds/999_latin1.txt: attention : texte de l’agence pas encore importé, donc pas publié — importez-le "
        "avec `python build.py import`, puis relisez l’article créé dans content/ ; sur GitHub, relisez et "
        "fusionnez la demande « Textes de l’agence à relire »"
    )
    assert (check.returncode, build.returncode) == (0, 0)
    assert check.stderr.splitlines() == build.stderr.splitlines() == [warning]
    assert imported.returncode == 1
    assert imported.stderr.splitlines() == [
        "seeds/999_latin1.txt: n’est pas un texte UTF-8 — enregistrez le fichier en UTF-8",
        "Import refusé : 1 problème. Rien n’a été écrit dans content/.",
    ]
    assert snapshot(project.content) == before


def test_a_draft_imported_with_the_day_but_not_the_year_waits_for_it_and_check_and_build_agree(
    project: Project,
) -> None:
    fixture = Path(__file__).parents[1] / "fixtures" / "agency" / "day-without-year.txt"
    (project.seeds / "005_sans-annee.txt").write_bytes(fixture.read_bytes())
    assert build_py(project, "import").returncode == 0
    imported = project.content / "le-vietnam-et-le-japon-font-le-point-sur-leurs-echanges-agricoles.md"
    text = imported.read_text(encoding="utf-8")
    assert '\ndate: "????-11-14"\n' in text and "\ndraft: true\n" in text
    assert build_py(project, "check").returncode == 0

    imported.write_text(text.replace("\ndraft: true\n", "\ndraft: false\n"), encoding="utf-8")
    check, build = build_py(project, "check"), build_py(project, "build")

    problem = (
        f"content/{imported.name}:3: date: « ????-11-14 » n’a pas d’année — le texte donne le 14 novembre ; "
        "écrivez l’année : 20AA-11-14"
    )
    assert (check.returncode, build.returncode) == (1, 1)
    assert check.stderr.splitlines() == [
        problem,
        "Vérification échouée : 1 problème. Corrigez, puis relancez `python build.py check`.",
    ]
    assert build.stderr.splitlines() == [
        problem,
        "Échec de la construction : 1 problème. Rien n’a été écrit dans output/.",
    ]

    completed = text.replace('"????-11-14"', "2018-11-14").replace("draft: true", "draft: false")
    imported.write_text(completed, encoding="utf-8")
    assert build_py(project, "build").returncode == 0
    assert (project.output / "articles" / imported.stem / "index.html").is_file()
