"""`new`: the file it writes, and what it refuses."""

from __future__ import annotations

from revue.core.messages.wording import refused_character

NEW_TITLE = "le titre"


NEW_TITLE_EMPTY = "le titre est vide — donnez à l’article un titre, entre guillemets"


NEW_FILE_EXISTS = "existe déjà — modifiez-le, ou choisissez un autre titre pour le nouvel article"


def new_argument_refused(what: str, code: int) -> str:
    """`new` given a title (or `--country`, `--date`) holding a character no page can carry: a byte of
    another encoding, a control character pasted along."""
    return f"{what} contient {refused_character(code)} — retapez-le"


def option_problem(option: str, problem: str) -> str:
    """A problem with a command-line option, named as typed: `--country « Japn » n’est pas…`."""
    return f"{option} {problem}"


# What `new` writes above each key of the new file: editors discover the fields in the file itself.
NEW_COMMENTS = {
    "title": "Titre affiché en tête de l’article et dans les listes.",
    "date": "Date de l’événement, au format AAAA-MM-JJ.",
    "updated": "Jour de la dernière correction, AAAA-MM-JJ : les lecteurs de flux la reçoivent (facultatif).",
    "countries": "Partenaires, pays ou organisations, en français, séparés par des virgules : [Japon, Union européenne]",
    "summary": "Chapeau : une ou deux phrases reprises dans les listes et les moteurs de recherche (facultatif).",
    "place": 'Lieu de l’événement, par exemple "Hanoï" (facultatif).',
    "source": "Source : {agency: VNA, url: https://…} (facultatif).",
    "photos": 'Photos : [{file: photo.jpg, alt: "Ce qu’elle montre", caption: "Légende", credit: "VNA"}] (facultatif).',
    "slug": "Adresse de la page (articles/<slug>/), fixée à la création : elle ne change pas si le titre change.",
    "aliases": "Anciennes adresses, si le slug a changé après publication : [ancien-slug] (facultatif).",
    "draft": "true = brouillon : visible dans l’aperçu (serve), jamais publié. Écrivez false pour publier.",
}
