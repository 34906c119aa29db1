"""`serve`: what the preview says in the terminal and over the page (no build imports this module)."""

from __future__ import annotations


def serving(url: str) -> str:
    return f"Aperçu sur {url} (Ctrl+C pour arrêter)"


SERVE_STOPPED = "Aperçu arrêté."


PAGES_RELOAD = "Les pages ouvertes se rechargent."


STILL_SERVING = (
    "Le site affiché reste la dernière version correcte : enregistrez une correction pour reconstruire."
)


def build_stopped(code: int) -> str:
    return f"la construction s’est arrêtée (code {code}) sans donner de raison — lisez le terminal"


def preview_other_host(port: int) -> str:
    """The page a request gets that is not addressed to the preview by its own name (DNS rebinding)."""
    return (
        f"l’aperçu ne répond qu’à son adresse — ouvrez http://127.0.0.1:{port}/ ou http://localhost:{port}/"
    )


PREVIEW_NUL_IN_PATH = "adresse invalide (un caractère nul) — corrigez l’adresse"


PORT_BUSY = (
    "ce port est déjà pris (par un autre `serve` ?) — arrêtez-le, ou choisissez un autre port : "
    "--port 8080, ou --port 0 pour n’importe quel port libre"
)


# The overlay over a page whose latest edit broke the build (`live_reload.js` shows the problems between).
OVERLAY = {
    "title": "La dernière modification contient une erreur : le site affiché est la dernière version correcte.",
    "hint": "Corrigez le fichier indiqué et enregistrez : la page se mettra à jour toute seule.",
}
