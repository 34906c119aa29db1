"""In GitHub Actions, every error and warning is also a workflow command on its file and line, and the
run appends a French summary to the step's summary file; elsewhere, nothing of the kind is printed."""

from __future__ import annotations

from pathlib import Path

from revue.core.errors import Problem
from revue.core.project import Project
from revue.github import Workflow, escape_data, escape_property, fenced
from tests.build_cli import build_py
from tests.integration.test_seeds import github_run

# A body image from another site (a warning: dropped) and two links to nothing (errors), in a file whose
# name holds a comma: a property of the workflow command, which a comma would cut.
ARTICLE = """---
title: "Hausse des échanges"
date: 2024-02-09
countries: [Japon]
---

Premier paragraphe, avec [un lien](hausse-de-50%.md).

![Le port de Hai Phong](https://vnanet.vn/photo.jpg)

Dernier paragraphe, avec [un autre](/articles/nulle-part/).
"""
FILE = "content/echanges,2024.md"


def test_an_article_with_two_errors_and_a_warning_prints_three_annotations_at_their_lines(
    project: Project,
) -> None:
    (project.root / FILE).write_text(ARTICLE, encoding="utf-8")

    code, stdout, stderr, summary = github_run(project, "build")

    where = "file=content/echanges%2C2024.md"
    assert code == 1
    assert stdout.splitlines() == [
        f"::warning {where},line=9,title=Revue %3A attention::image « https://vnanet.vn/photo.jpg » retirée "
        "— le site ne publie que les photos enregistrées dans content/ : enregistrez-la à côté de l’article "
        "et écrivez `![description](nom.jpg)`",
        f"::error {where},line=7,title=Revue %3A à corriger::lien « hausse-de-50%25.md » : aucun article "
        "content/hausse-de-50%25.md — vérifiez le nom du fichier ; un article se lie par son fichier, "
        "[texte](autre-article.md), ou par son adresse, [texte](/articles/son-slug/)",
        f"::error {where},line=11,title=Revue %3A à corriger::lien « /articles/nulle-part/ » : aucun article "
        "n’a le slug « nulle-part » — un article se lie par son fichier, [texte](autre-article.md), ou par "
        "son adresse, [texte](/articles/son-slug/)",
    ]
    # The terminal's lines are the ones they always were, the warning included.
    *lines, last = stderr.splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"{FILE}:9", f"{FILE}:7", f"{FILE}:11"]
    assert last == "Échec de la construction : 2 problèmes. Rien n’a été écrit dans output/."
    assert summary.startswith(
        "## Revue : échec de la construction\n\n"
        "Échec de la construction : 2 problèmes. Rien n’a été écrit dans output/. Chaque problème est aussi "
        "signalé sur sa ligne : dans une demande de fusion, onglet « Files changed ».\n"
    )
    assert f"\n{FILE}:7: lien « hausse-de-50%.md »" in summary
    assert "\n**Avertissements**\n" in summary and f"\n{FILE}:9: attention : image" in summary


def test_check_prints_the_same_annotations_as_the_build(project: Project) -> None:
    (project.root / FILE).write_text(ARTICLE, encoding="utf-8")

    build, check = github_run(project, "build"), github_run(project, "check")

    assert check[0] == 1 and check[1] == build[1]
    assert check[3].startswith("## Revue : vérification échouée\n")


def test_the_summary_of_a_good_build_holds_its_counts_and_the_sites_address(project: Project) -> None:
    (project.content / "brouillon.md").write_text(
        ARTICLE.replace("date: 2024-02-09", "date: 2024-02-09\ndraft: true"), encoding="utf-8"
    )
    (project.content / "plus-tard.md").write_text(
        '---\ntitle: "Plus tard"\ndate: 2031-05-01\ncountries: [Japon]\n---\n\nTexte.\n', encoding="utf-8"
    )
    (project.content / "notes.MD").write_text("à faire", encoding="utf-8")

    code, stdout, _, summary = github_run(project, "build", "--base-url", "https://org.github.io/revue/")

    assert code == 0
    assert stdout.startswith("::warning file=content/notes.MD,title=Revue %3A attention::fichier laissé")
    assert summary.startswith(
        "## Revue : site construit\n\n"
        "| | |\n|---|---|\n"
        "| Articles publiés | 6 |\n"
        "| Brouillons (jamais publiés) | 1 |\n"
        "| Programmés (publiés à leur date) | 1 |\n"
        "| Avertissements | 1 |\n"
        "| Adresse du site | https://org.github.io/revue/ |\n"
    )
    assert "\n**Programmés**\n\n~~~\n1 article programmé : content/plus-tard.md le 1er mai 2031" in summary


def test_outside_github_actions_nothing_but_the_usual_lines_is_printed(project: Project) -> None:
    (project.root / FILE).write_text(ARTICLE, encoding="utf-8")

    result = build_py(project, "build")

    assert "::" not in result.stdout + result.stderr


def test_messages_and_properties_are_escaped_as_workflow_commands_require() -> None:
    assert escape_data("50 %\r\nfin") == "50 %25%0D%0Afin"
    assert escape_property("a: b, c%") == "a%3A b%2C c%25"
    workflow = Workflow.from_environ({"GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": "/depot"})
    assert workflow is not None and workflow.summary is None
    problem = Problem(Path("content/a.md"), None, "deux\nlignes")
    assert workflow.annotation("error", problem, Path("/depot/site")) == (
        "::error file=site/content/a.md,title=Revue %3A à corriger::deux%0Alignes"
    )
    assert Workflow.from_environ({"GITHUB_ACTIONS": "false"}) is None


def test_a_fence_is_longer_than_any_run_of_tildes_it_holds() -> None:
    assert fenced(["a ~~~ b"]) == "~~~~\na ~~~ b\n~~~~\n"
