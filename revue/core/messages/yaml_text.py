"""Reading a text file: its encoding, its characters, its YAML and its `---` front matter."""

from __future__ import annotations

from revue.core.messages.wording import refused_character


def not_utf8(byte: int | None = None) -> str:
    which = f" (octet 0x{byte:02x})" if byte is not None else ""
    return f"n’est pas un texte UTF-8{which} — enregistrez le fichier en UTF-8"


NOT_A_MAPPING = "des lignes `champ: valeur` sont attendues ici — écrivez un champ par ligne, par exemple `date: 2023-02-09`"


def control_character(code: int) -> str:
    return f"contient {refused_character(code)} — retapez la ligne sans lui"


def escaped_control_character(key: str, code: int) -> str:
    """A YAML escape between double quotes (`"\\x01"`, `\\e`, `\\ud800`) that writes such a character."""
    return (
        f"{key}: une séquence `\\…` entre guillemets y écrit {refused_character(code)} — "
        "retirez-la : les pages et les flux ne peuvent pas le porter"
    )


SPACE_INDENT = (
    "une espace insécable en début de ligne, invisible, que YAML ne lit pas comme une espace — "
    "retapez l’indentation avec des espaces ordinaires"
)


def space_after_key(key: str) -> str:
    return (
        f"{key}: une espace insécable suit `{key}:`, invisible, que YAML ne lit pas comme une espace — "
        f"retapez l’espace après `{key}:` (une espace ordinaire)"
    )


def curly_quotes(key: str, value: str) -> str:
    """`title: “Vietnam : un partenaire”`, pasted from Word: typographic quotes are letters to YAML."""
    straight = value.replace("\\", "\\\\").replace('"', '\\"')
    return (
        f"{key}: la valeur est entre guillemets typographiques (ceux de Word), que YAML ne lit pas comme des "
        f'guillemets — écrivez des guillemets droits : `{key}: "{straight}"`'
    )


TAB_INDENT = "une tabulation en début de ligne — indentez avec des espaces"


def key_repeated(key: str, first: int) -> str:
    return f"{key}: ce champ est déjà écrit ligne {first} — gardez une seule des deux lignes"


def value_holds_colon(key: str) -> str:
    return f'{key}: la valeur contient « : » — mettez toute la valeur entre guillemets : `{key}: "…"`'


def quote_never_closed(key: str, quote: str) -> str:
    return f"{key}: la valeur ouverte par {quote} n’est jamais refermée — terminez-la par {quote}"


def quote_closes_early(key: str, quote: str) -> str:
    if quote == "'":
        return (
            f"{key}: l’apostrophe ' ferme la valeur avant la fin de la ligne — écrivez la valeur entre "
            f"guillemets : `{key}: \"…\"`, ou doublez chaque apostrophe intérieure : ''"
        )
    return (
        f'{key}: le guillemet " ferme la valeur avant la fin de la ligne — à l’intérieur, citez avec « … » '
        f'(ou écrivez \\" pour chaque guillemet intérieur)'
    )


def bracket_never_closed(key: str, opening: str) -> str:
    closing = {"[": "]", "{": "}"}[opening]
    return f"{key}: la liste ouverte par {opening} n’est jamais refermée — terminez-la par {closing}"


YAML_ALIAS = (
    "une valeur commence par *, que YAML lit comme un renvoi à une autre valeur (un alias), ce que Revue "
    'n’accepte pas — écrivez la valeur en entier, entre guillemets si elle commence par * : `"*…*"`'
)


def yaml_too_deep(most: int) -> str:
    return (
        f"des listes ou des champs imbriqués sur plus de {most} niveaux, quand Revue en lit 3 au plus (une "
        "photo, dans `photos:`) — vérifiez les crochets et l’indentation"
    )


YAML_SYNTAX = "cette ligne ne se lit pas comme `champ: valeur` — vérifiez les guillemets, les deux-points et l’indentation"


NO_FRONT_MATTER = "pas d’en-tête — commencez le fichier par une ligne `---`, puis les champs, puis `---`"


FRONT_MATTER_NOT_CLOSED = (
    "l’en-tête ouvert par `---` n’est jamais fermé — ajoutez une ligne `---` après le dernier champ"
)
