"""Files and folders: which files of `content/` are articles, what cannot be read, where Revue writes."""

from __future__ import annotations

from revue.core.messages.wording import mebibytes, quoted, refused_character


def markdown_misnamed(name: str) -> str:
    return f"fichier laissé de côté — seuls les fichiers .md sont des articles : renommez-le {name} pour le publier"


NOT_AN_ARTICLE = (
    "fichier laissé de côté, ce n’est pas un article (.md) — rangez-le hors de content/ pour ne plus voir "
    "cet avertissement"
)


def name_refused(code: int) -> str:
    """A name of content/ that is not UTF-8 (its bytes come as surrogates), or holds a control character."""
    if 0xDC80 <= code <= 0xDCFF:
        return f"ce nom n’est pas écrit en UTF-8 (octet 0x{code - 0xDC00:02x}) — renommez-le"
    return f"ce nom contient {refused_character(code)} — renommez-le"


def project_folder_refused(folder: str, code: int) -> str:
    """The project's folder (`--root`, or the current one) has such a name: pages and caches would hold it."""
    return f"le dossier du projet, {quoted(folder)} : {name_refused(code)}"


def names_collide(other: object, decomposed: bool | None) -> str:
    """Two names of content/ that macOS and Windows take for one. `decomposed`: None when they differ by
    capitals; else whether this name writes its accents as a letter then the accent (NFD, macOS's way)."""
    if decomposed is None:
        how = "que par les majuscules"
    else:
        this, that = ("deux caractères (la lettre puis l’accent, NFD)", "un seul (NFC)")
        if not decomposed:
            this, that = that, this
        how = f"que par ses accents, écrits ici en {this}, là en {that}"
    return (
        f"ne diffère de {other} {how} : sur macOS et Windows, c’est le même fichier, et l’un des deux "
        "serait perdu — renommez l’un des deux en retapant son nom"
    )


SKIPPED_NOT_REGULAR = (
    "laissé de côté, ce n’est pas un fichier ordinaire (un tube, un périphérique ou une socket) — "
    "remplacez-le par un fichier, ou supprimez-le"
)


NOT_A_READABLE_FILE = (
    "lien laissé de côté, il ne mène pas à un fichier (mais à rien, à un dossier ou à lui-même) — "
    "remplacez-le par le fichier, ou supprimez-le"
)


NOT_A_REGULAR_FILE = (
    "n’est pas un fichier ordinaire (un tube, un périphérique ou une socket), il ne se lit pas — "
    "remplacez-le par un fichier, ou supprimez-le"
)


def file_too_large(size: int, limit: int) -> str:
    return (
        f"pèse {mebibytes(size)}, au-delà des {mebibytes(limit)} que Revue lit d’un tel fichier — "
        "vérifiez que c’est le bon fichier, ou allégez-le"
    )


def cannot_read(reason: str) -> str:
    return f"illisible ({reason}) — vérifiez ses droits d’accès"


CHANGED_DURING_BUILD = (
    "modifié ou supprimé pendant la construction — relancez-la : elle prendra sa version enregistrée"
)


CONTENT_IS_NOT_A_FOLDER = (
    "n’est pas un dossier — les articles vont dans un dossier de ce nom : renommez ou déplacez ce fichier"
)


OUTPUT_IS_NOT_A_FOLDER = (
    "n’est pas un dossier — Revue y écrit le site et remplacerait ce fichier : renommez-le ou déplacez-le"
)


CACHE_IS_NOT_A_FOLDER = (
    "un fichier porte le nom du dossier de cache de Revue — supprimez-le (Revue y range ce qu’elle "
    "a déjà calculé, et le recrée)"
)


def cache_not_saved(reason: str) -> str:
    return (
        f"cache non enregistré ({reason}) — rien n’est perdu, mais la prochaine commande refera ce "
        "travail ; si cela se répète, supprimez le dossier .cache/ (`make clean`)"
    )


def cannot_write(reason: str) -> str:
    return f"{reason} — vérifiez les droits du dossier et la place libre sur le disque"
