"""`site.yaml`: the site's settings."""

from __future__ import annotations

from revue.core.messages.wording import quoted

SITE_YAML_MISSING = (
    "introuvable — lancez la commande dans le dossier du projet, ou indiquez-le : --root DOSSIER"
)


def text_setting_missing(key: str) -> str:
    return f'{key}: champ absent ou vide — écrivez-le entre guillemets, par exemple `{key}: "…"`'


def count_setting_missing(key: str) -> str:
    return f"{key}: champ absent — ajoutez une ligne comme `{key}: 10`"


def timezone_unknown(value: object) -> str:
    return (
        f"{quoted(value)} n’est pas un fuseau horaire connu — écrivez son nom IANA, comme "
        "`Asia/Ho_Chi_Minh` ou `Europe/Paris` (il fixe le jour où paraît un article programmé)"
    )


def count_setting_invalid(key: str, value: object) -> str:
    return f"{key}: {quoted(value)} n’est pas un nombre entier d’au moins 1 — écrivez par exemple `{key}: 10`"


def base_url_invalid(value: object) -> str:
    return f"{quoted(value)} n’est pas une adresse web complète — écrivez par exemple https://org.github.io/repo/"


def home_country_unknown(value: object) -> str:
    if value is None:
        return "home_country: champ absent — ajoutez une ligne `home_country: VN` (le code ISO du pays)"
    return f"home_country: {quoted(value)} n’est pas un pays connu — écrivez son code ISO, par exemple VN"
