"""The command line itself speaks French: its help, argparse's own errors, its report, a missing library."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from revue.core.messages import command_line
from revue.core.project import Project
from revue.core.uninterrupted import uninterrupted
from revue.publish.lock import command_of, exclusive
from tests.build_cli import build_py
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (
            ["buidl"],
            "python build.py : erreur : COMMANDE : « buidl » n’existe pas — choisissez parmi 'build', "
            "'import', 'new', 'check', 'serve', 'bench'",
        ),
        (["new"], "python build.py new : erreur : il manque TITRE, --country — voyez --help"),
        (
            ["serve", "--port", "huit"],
            "python build.py serve : erreur : --port : « huit » n’est pas un nombre entier — écrivez-le en "
            "chiffres, par exemple 8080",
        ),
        (
            ["bench", "--runs", "0"],
            "python build.py bench : erreur : --runs : « 0 » n’est pas un nombre entier d’au moins 1 — "
            "écrivez-le en chiffres, par exemple 3",
        ),
        *(
            (
                ["serve", "--port", port],
                f"python build.py serve : erreur : --port : « {port} » n’est pas un port — choisissez un nombre "
                "de 0 à 65535, par exemple 8080 (0 : n’importe quel port libre)",
            )
            for port in ("99999", "-1")
        ),
        (["serve", "--port"], "python build.py serve : erreur : --port : une valeur doit suivre l’option"),
        (
            ["--today", "2031-05-01", "new", "Titre", "--country", "Japon"],
            "python build.py : erreur : --today ne vaut que pour build, check et serve — retirez-le de la "
            "commande new",
        ),
        (["check", "--brouillons"], "python build.py : erreur : inconnu : --brouillons — voyez --help"),
        *(  # an option the command would ignore: `new` writes no page, so no address to give it
            (
                arguments,
                "python build.py : erreur : --base-url ne vaut que pour build, check et serve — retirez-le de "
                f"la commande {command}",
            )
            for command, arguments in (
                ("new", ["new", "Titre", "--country", "Japon", "--base-url", "https://org.github.io/revue/"]),
                ("import", ["--base-url", "https://org.github.io/revue/", "import"]),
                ("bench", ["bench", "--base-url", "https://org.github.io/revue/"]),
            )
        ),
    ],
)
def test_a_mistyped_command_line_is_explained_in_french(
    project: Project, args: list[str], error: str
) -> None:
    result = build_py(project, *args)

    assert result.returncode == 2
    assert result.stderr.startswith("usage : python build.py")
    assert result.stderr.splitlines()[-1] == error
    assert not project.output.exists()  # refused before anything is built


@pytest.mark.parametrize("command", [[], ["build"], ["check"]])
def test_today_goes_before_the_command_too(project: Project, command: list[str]) -> None:
    """As `--root` and `--base-url` do: `build.py --today 2031-05-01` is `build.py build --today …`."""
    result = build_py(project, "--today", "2025-07-10", *command)  # the day before the newest article's

    assert (result.returncode, result.stderr) == (0, "")
    assert "1 article programmé : content/" in result.stdout


def test_the_help_is_in_french(project: Project) -> None:
    result = build_py(project, "new", "--help")

    assert result.returncode == 0
    assert result.stdout.startswith("usage : python build.py new [-h] [--root DOSSIER] [--base-url ADRESSE]")
    assert "\narguments :\n  TITRE " in result.stdout
    assert "\noptions :\n  -h, --help            afficher cette aide\n" in result.stdout
    assert "Écrit content/<slug>.md, avec tous les champs de l’en-tête, prêt à remplir." in result.stdout


def test_the_build_reports_in_french(project: Project) -> None:
    result = build_py(project, "build")

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[-2] == (
        f"Site construit : 6 articles (0 brouillon laissé de côté), 45 pages et flux dans {project.output} "
        "pour https://revue.example.org/ ; 45 fichiers écrits, les autres inchangés"
    )


def test_a_python_without_the_libraries_is_told_to_run_make_site(project: Project) -> None:
    """`-S`: the project's Python without its site-packages, as a Python the setup never ran for."""
    result = subprocess.run(
        [sys.executable, "-S", str(REPO / "build.py"), "--root", str(project.root), "check"],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert re.fullmatch(
        f"Les bibliothèques de Revue ne sont pas installées pour {re.escape(sys.executable)} "
        r"\(\w+ manque\)\.\n"
        r"Lancez `make site` une fois, puis utilisez \.venv/bin/python build\.py … "
        r"\(ou `source \.venv/bin/activate`\)\.\n",
        result.stderr,
    ), result.stderr


def test_a_refused_import_says_content_is_untouched(project: Project) -> None:
    (project.seeds / "005_vide.txt").write_text("\n", encoding="utf-8")

    result = build_py(project, "import")

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "seeds/005_vide.txt: ne contient aucun texte — collez-y l’article : son titre sur la première ligne, "
        "puis son texte",
        "Import refusé : 1 problème. Rien n’a été écrit dans content/.",
    ]


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (
            "build",
            "Construction interrompue : output/ garde un site entier, l’ancien, ou le nouveau s’il était déjà "
            "en place — relancez `python build.py`.",
        ),
        (
            "check",
            "Vérification interrompue : rien n’a été écrit hors de .cache/ — relancez `python build.py check`.",
        ),
        (
            "import",
            "Import interrompu : aucun article n’est à moitié écrit dans content/ — relancez "
            "`python build.py import`.",
        ),
    ],
)
def test_ctrl_c_stops_a_command_with_one_french_line(project: Project, command: str, said: str) -> None:
    """A real SIGINT, sent once the run waits for the project's lock, which this test holds."""
    with exclusive(project.root, lambda: None):
        run = subprocess.Popen(
            [sys.executable, str(REPO / "build.py"), "--root", str(project.root), command],
            cwd=project.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert run.stderr is not None
        assert (
            run.stderr.readline()
            == command_line.waiting(project.root, os.getpid(), command_of(os.getpid())) + "\n"
        )
        run.send_signal(signal.SIGINT)
        stdout, stderr = run.communicate(timeout=60)

    assert (run.returncode, stdout, stderr) == (130, "", said + "\n")
    assert not project.output.exists()
    assert build_py(project, command).returncode == 0  # the lock is free again


def test_ctrl_c_during_a_few_renames_waits_for_their_end() -> None:
    """What must not be cut halfway (`output/` swapped, a seed's article written) finishes first."""
    done = []
    with pytest.raises(KeyboardInterrupt), uninterrupted():
        os.kill(os.getpid(), signal.SIGINT)
        done.append("the block's end")
    assert done == ["the block's end"]


@pytest.mark.parametrize("command", ["build", "check"])
def test_a_project_folder_whose_name_holds_a_control_character_is_refused_in_french(
    tmp_path: Path, command: str
) -> None:
    """Its name would reach pages, caches and messages: one French line, exit 1, no traceback."""
    folder = tmp_path / "revue\x1b"
    folder.mkdir()
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(folder), command],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "le dossier du projet" in result.stderr
    assert "renommez-le" in result.stderr
