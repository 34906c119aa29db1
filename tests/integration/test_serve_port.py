"""`serve` on a port that is taken says so and how to pick another, instead of a traceback."""

from __future__ import annotations

import socket

from revue.core.project import Project
from tests.build_cli import build_py


def test_a_busy_port_is_a_clear_error_and_nothing_is_built(project: Project) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        result = build_py(project, "serve", "--port", str(port))

    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"127.0.0.1:{port}: ce port est déjà pris (par un autre `serve` ?) — arrêtez-le, ou choisissez un "
        "autre port : --port 8080, ou --port 0 pour n’importe quel port libre",
        "Impossible de lancer l’aperçu : 1 problème.",
    ]
    assert not project.output.exists()
