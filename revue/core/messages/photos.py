"""Photos: image files of `content/` shown in an article."""

from __future__ import annotations

from revue.core.messages.wording import grouped, quoted


def photo_alt_missing(file: str) -> str:
    return (
        f"la photo {quoted(file)} n’a pas de texte alternatif — décrivez ce qu’elle montre pour qui ne la voit "
        f'pas : `alt: "…"` dans `photos:`, ou `![description]({file})` dans le texte'
    )


def photo_not_found(file: str, beside: str, close: str | None) -> str:
    if close:
        return f"la photo {quoted(file)} est introuvable — vouliez-vous dire {quoted(close)} ?"
    return (
        f"la photo {quoted(file)} est introuvable — placez le fichier dans {beside} (à côté de l’article) "
        "ou dans content/medias/, ou corrigez son nom (majuscules et extension comprises)"
    )


def photo_unreadable(file: str, reason: str) -> str:
    return (
        f"la photo {quoted(file)} n’est pas une image lisible ({reason}) — enregistrez-la de nouveau en JPEG, "
        "PNG ou WebP depuis un logiciel de photo"
    )


def photo_refused(file: str, reason: str) -> str:
    """A photo file Revue does not read: `reason` is `inputfile`'s (« pèse 250 Mio, au-delà… »)."""
    return f"la photo {quoted(file)} {reason}"


def photo_too_large(file: str, pixels: int, most: int) -> str:
    return (
        f"la photo {quoted(file)} compte {pixels / 1e6:.0f} millions de pixels, plus que les "
        f"{most / 1e6:.0f} millions que Revue accepte — réduisez-la dans un logiciel de photo "
        "(4 000 pixels de large suffisent : le site la montre sur 1 080 au plus)"
    )


def photo_too_thin(file: str, width: int, height: int) -> str:
    return (
        f"la photo {quoted(file)} fait {grouped(width)} × {grouped(height)} pixels, trop mince pour être "
        "publiée (une page web ne peut la montrer qu’en moins d’un pixel de large) — recadrez-la dans un "
        "logiciel de photo"
    )


UNKNOWN_IMAGE_FORMAT = "ni JPEG, ni PNG, ni WebP, ni GIF, ou fichier abîmé"


def in_body(problem: str) -> str:
    """A problem with an image placed in the body, `![…](…)`, rather than listed under `photos:`."""
    return f"image dans le texte : {problem}"


UNUSED_PHOTO = (
    "image laissée de côté, aucun article ne l’utilise — ajoutez-la aux `photos:` d’un article ou placez-la "
    "dans son texte avec `![description](nom.jpg)`, sinon rangez-la hors de content/"
)
