"""How every message is worded: counts and numbers, what the editor wrote quoted, lists, and what
a character or a system error is. Every topic of the catalogue words its messages with these.
"""

from __future__ import annotations

import errno
import unicodedata
from collections.abc import Iterable


def count(number: int, singular: str, plural: str | None = None) -> str:
    """`1 problème`, `0 brouillon`, `2 problèmes`: French keeps 0 and 1 in the singular."""
    return f"{number} {singular if number < 2 else plural or singular + 's'}"


def grouped(number: int) -> str:
    """`100 000`: thousands grouped by an ordinary space (see Typography, above)."""
    return f"{number:,}".replace(",", " ")


# Characters a message shows by their escape (`\n`, `\x0b`, `\ud800`): line breaks, controls, surrogates,
# which a terminal would not show as themselves (or could not print at all).
INVISIBLE_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def visible(text: object) -> str:
    """`text` with each character a terminal would not show written as Python escapes it: `abc\n`."""
    return "".join(
        repr(character)[1:-1] if unicodedata.category(character) in INVISIBLE_CATEGORIES else character
        for character in str(text)
    )


def quoted(text: object) -> str:
    """What the editor wrote, as a message quotes it: `« Japn »`, `« abc\n »`."""
    return f"« {visible(text)} »"


def listed(words: Iterable[str]) -> str:
    return ", ".join(words)


def refused_character(code: int) -> str:
    """A character no page or feed can carry (`validate.refused_character`), by what it is."""
    if 0xD800 <= code <= 0xDFFF:  # a lone surrogate: a YAML `\ud800`, or a byte of another encoding
        return f"un caractère incomplet (U+{code:04X}), que rien ne peut afficher"
    if code in (0x0B, 0x0C):
        return f"un saut de ligne de Word (U+{code:04X}), invisible"
    if code < 0xA0:
        return f"un caractère de contrôle invisible (U+{code:04X})"
    return f"un non-caractère Unicode (U+{code:04X}), invisible"


def mebibytes(size: int) -> str:
    """`1 Mio`, `3,2 Mio`: sizes as a French file manager shows them."""
    value = f"{size / 1024 / 1024:.1f}".removesuffix(".0").replace(".", ",")
    return f"{value} Mio"


def several(items: Iterable[str]) -> str:
    return " ; ".join(items)


WARNING = "attention : "  # opens each warning's message: the build went on, without what it names


# What the system says when a file cannot be written or read, in French for the usual causes.
SYSTEM_ERRORS = {
    "EACCES": "accès refusé",
    "EPERM": "opération non permise",
    "ENOSPC": "plus de place sur le disque",
    "EDQUOT": "quota du disque dépassé",
    "EROFS": "disque en lecture seule",
    "ENOENT": "introuvable",
    "ENOTDIR": "un fichier se trouve là où un dossier est attendu",
    "EISDIR": "un dossier se trouve là où un fichier est attendu",
    "ENAMETOOLONG": "nom de fichier trop long",
    "EEXIST": "existe déjà",
    "EIO": "erreur de lecture ou d’écriture du disque",
}


def system_error(error: OSError) -> str:
    """Why the system refused, in French when it is a usual cause, else in its own words."""
    return SYSTEM_ERRORS.get(errno.errorcode.get(error.errno or 0, ""), error.strerror or str(error))
