"""What a page leaves out of an article's body, and links in bodies that lead nowhere."""

from __future__ import annotations

from datetime import date

from revue.core.messages.values import french_day
from revue.core.messages.wording import quoted


def dropped_image(what: str) -> str:
    return (
        f"image {quoted(what)} retirée — le site ne publie que les photos enregistrées dans content/ : "
        "enregistrez-la à côté de l’article et écrivez `![description](nom.jpg)`"
    )


def dropped_embed(tag: str, address: str | None) -> str:
    where = f" ({address})" if address else ""
    return (
        f"{quoted(f'<{tag}>')}{where} retiré — le site n’intègre pas le contenu d’autres sites (vidéo, carte, "
        "publication) : mettez plutôt un lien, [texte](https://…)"
    )


def dropped_code(tag: str) -> str:
    return f"{quoted(f'<{tag}>')} retiré avec son contenu — une page ne publie ni code ni style : retirez-le"


def dropped_tag(tag: str) -> str:
    return (
        f"balise {quoted(f'<{tag}>')} retirée, son texte est gardé — mettez-le en forme en Markdown : une ligne "
        "vide entre deux paragraphes, **gras**, *italique*, ## intertitre"
    )


def dropped_void(tag: str) -> str:
    return f"balise {quoted(f'<{tag}>')} retirée — un article ne contient que du texte : retirez-la"


def dropped_unknown(tag: str) -> str:
    return (
        f"{quoted(f'<{tag}>')} lu comme une balise HTML, et retiré — pour montrer des chevrons, écrivez "
        f"&lt;{tag}&gt;, ou mettez des guillemets : {quoted(tag)}"
    )


def dropped_link(address: str) -> str:
    return (
        f"lien {quoted(address)} retiré, son texte est gardé — une adresse de lien commence par https://, "
        "http:// ou mailto:"
    )


def dropped_attribute(attribute: str, tag: str) -> str:
    return f"attribut {quoted(attribute)} de {quoted(f'<{tag}>')} retiré — la mise en forme vient du site : retirez-le"


HOW_TO_LINK = (
    "un article se lie par son fichier, [texte](autre-article.md), ou par son adresse, "
    "[texte](/articles/son-slug/)"
)


def link_to_missing_file(written: str, target: str, close: str | None) -> str:
    hint = f"vouliez-vous dire {quoted(close)} ?" if close else f"vérifiez le nom du fichier ; {HOW_TO_LINK}"
    return f"lien {quoted(written)} : aucun article {target} — {hint}"


def link_to_renamed_file(written: str, target: str, slug: str, now: str, relative: str) -> str:
    """The file was renamed (`git mv`): the article whose address is the old file's name is elsewhere."""
    return (
        f"lien {quoted(written)} : aucun article {target} — renommé ? L’article d’adresse {quoted(slug)} est "
        f"maintenant {now} : écrivez `({relative})`"
    )


def link_to_missing_slug(written: str, slug: str, close: str | None) -> str:
    hint = f"vouliez-vous dire {quoted('/' + close)} ?" if close else HOW_TO_LINK
    return f"lien {quoted(written)} : aucun article n’a le slug {quoted(slug)} — {hint}"


def link_to_draft(written: str, target: object) -> str:
    return (
        f"lien {quoted(written)} : {target} est un brouillon, sa page n’est pas publiée et le lien mènerait "
        "à une page introuvable — publiez-le (`draft: false`) ou retirez le lien"
    )


def link_to_scheduled(written: str, target: object, day: date) -> str:
    return (
        f"lien {quoted(written)} : {target} est programmé pour le {french_day(day)}, sa page n’existe pas "
        "encore et le lien mènerait à une page introuvable — retirez le lien jusqu’à ce jour-là, ou "
        "programmez cet article-ci pour le même jour"
    )


def scheduled_link_to_draft(written: str, target: object, day: date) -> str:
    return (
        f"lien {quoted(written)} : cet article est programmé pour le {french_day(day)}, mais {target} est un "
        "brouillon : ce jour-là, le lien mènerait à une page introuvable et bloquerait la publication — "
        "publiez le brouillon (`draft: false`) d’ici là, ou retirez le lien"
    )


def scheduled_link_to_later(written: str, target: object, its_day: date, day: date) -> str:
    return (
        f"lien {quoted(written)} : cet article est programmé pour le {french_day(day)}, mais {target} ne paraît "
        f"que le {french_day(its_day)} : entre-temps, le lien mènerait à une page introuvable et bloquerait "
        "la publication — retirez le lien, ou programmez les deux articles pour le même jour"
    )


def link_to_missing_page(written: str, close: str | None) -> str:
    hint = (
        f"vouliez-vous dire {quoted(close)} ?"
        if close
        else "écrivez l’adresse d’une page du site sans le nom de domaine, par exemple /pays/japon/"
    )
    return f"lien {quoted(written)} : aucune page du site à cette adresse — {hint}"


def link_leads_nowhere(written: str) -> str:
    return (
        f"lien {quoted(written)} : ni un article ni une page du site — {HOW_TO_LINK} ; une autre page du "
        "site, par son adresse (/pays/japon/) ; un autre site, par son adresse entière (https://…)"
    )
