"""An article's front matter and body: its fields, its address and its old addresses."""

from __future__ import annotations

from datetime import date

from revue.core.messages.values import french_day
from revue.core.messages.wording import grouped, quoted

NO_BODY = "l’article n’a pas de texte — écrivez-le sous la ligne `---` qui ferme l’en-tête"


PLACEHOLDER_LEFT = (
    "l’article contient encore le texte d’exemple écrit par `new` — remplacez-le par le texte de l’article"
)


TITLE_MISSING = 'title: champ absent ou vide — ajoutez une ligne comme `title: "Le titre de l’article"`'


DATE_MISSING = "date: champ absent — ajoutez une ligne comme `date: 2023-02-09` (AAAA-MM-JJ)"


COUNTRIES_MISSING = "countries: champ absent ou vide — indiquez les partenaires, pays ou organisations, par exemple `countries: [Japon]`"


SOURCE_NOT_A_MAPPING = "source: les champs attendus sont agency, url et seed — par exemple `source: {agency: VNA, url: https://…}`"


PHOTOS_INVALID = (
    'photos: une liste de photos est attendue, chacune avec ses champs — une photo : `{file: pont.jpg, alt: "Ce que montre la photo", '
    'caption: "Légende", credit: "VNA"}` ; une légende de l’agence sans image : `{caption: "Légende", credit: "VNA"}`'
)


def body_too_long(length: int, most: int) -> str:
    return (
        f"le texte compte {grouped(length)} caractères, au-delà des {grouped(most)} qu’un article peut "
        "compter — coupez-le en plusieurs articles"
    )


def body_nested_too_deep(most: int) -> str:
    return (
        f"une liste ou une citation imbriquée sur plus de {most} niveaux — un article en compte 2 ou 3 : "
        "retirez les retraits ou les > en trop"
    )


def body_rescanned(opener: str) -> str:
    return (
        f"à cette ligne, des {opener} jamais refermés, ou imbriqués par milliers, feraient relire le texte "
        f"des milliers de fois à la mise en forme — refermez-les, ou écrivez `\\{opener}` pour montrer le "
        "caractère lui-même"
    )


def updated_before_date(updated: str, date: str) -> str:
    return (
        f"updated: {quoted(updated)} est avant la date de l’article ({date}) — `updated` est le jour de la "
        "dernière correction : écrivez-le, ou retirez la ligne"
    )


def updated_in_future(updated: str, today: date) -> str:
    return (
        f"updated: {quoted(updated)} est dans le futur (nous sommes le {french_day(today)}) — écrivez le jour "
        "de la correction, au plus tard aujourd’hui"
    )


def unpaired_quote(key: str) -> str:
    return (
        f'{key}: un guillemet " est seul — mettez toute la valeur entre guillemets, ou retirez ce guillemet'
    )


def draft_not_boolean(value: object) -> str:
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):  # `draft: "false"`
        return f"draft: {quoted(value)} est entre guillemets, donc un texte — écrivez `draft: {value.strip().lower()}` sans guillemets"
    return f"draft: {quoted(value)} n’est ni true ni false — écrivez `draft: true` ou `draft: false`"


def not_text(key: str, value: object) -> str:
    return f"{key}: {quoted(repr(value))} n’est pas un texte — écrivez-le entre guillemets"


def slug_characters(value: object, example: str) -> str:
    return (
        f"slug: {quoted(value)} ne peut contenir que a-z, 0-9 et des traits d’union — "
        f"par exemple `slug: {example}`"
    )


NO_SLUG_FROM_TITLE = (
    "ni le titre ni le nom du fichier n’ont de lettre ou de chiffre pour faire l’adresse de l’article — "
    "écrivez-la : `slug: mots-de-l-adresse`"
)


def slug_too_long(length: int, limit: int, example: str) -> str:
    return f"slug: {length} caractères, plus que {limit} — raccourcissez-le, par exemple `slug: {example}`"


def duplicate_slug(slug: str, first: object) -> str:
    return (
        f"le slug {quoted(slug)} est déjà celui de {first} — donnez à cet article son propre `slug:` "
        "(ou un autre titre)"
    )


def alias_not_an_address(value: object, example: str) -> str:
    return (
        f"aliases: {quoted(value)} n’est pas une ancienne adresse d’article — écrivez l’ancien slug, "
        f"ou l’ancienne adresse /articles/ancien-slug/ : par exemple `aliases: [{example or 'ancien-slug'}]`"
    )


def alias_too_long(length: int, limit: int) -> str:
    return (
        f"aliases: une ancienne adresse de {length} caractères, plus que les {limit} d’un slug — aucun "
        "article n’a jamais eu cette adresse : copiez de nouveau l’ancien slug"
    )


def alias_is_own_slug(alias: str) -> str:
    return f"aliases: {quoted(alias)} est le slug actuel de cet article — retirez-le de `aliases:`"


def alias_is_a_slug(alias: str, owner: object) -> str:
    return (
        f"aliases: {quoted(alias)} est le slug actuel de {owner} — une adresse ne mène qu’à un article : "
        f"retirez-la de `aliases:`, ou, si c’est {owner} qui a pris cette adresse par erreur, donnez-lui "
        "un autre `slug:`"
    )


def alias_taken(alias: str, first: object) -> str:
    return (
        f"aliases: {quoted(alias)} est déjà une ancienne adresse de {first} — une adresse ne mène "
        "qu’à un article : gardez-la dans un seul des deux"
    )


def article_address_gone(slug: str) -> str:
    return (
        f"l’article publié à l’adresse /articles/{slug}/ n’y est plus : les liens que les lecteurs en ont "
        f"gardés mèneront à une page introuvable — s’il a changé de slug, ajoutez `aliases: [{slug}]` à son "
        "en-tête ; s’il a été retiré exprès, il n’y a rien à faire"
    )
