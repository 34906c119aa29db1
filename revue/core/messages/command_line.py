"""The command line: each command's report and last line, its help, argparse's own words, GitHub
Actions' annotations and summary. Printed by `cli.py` alone: no build imports this module, so a
help text changes no digest and rebuilds nothing (`core/digest.py`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from revue.core.messages.seeds import IMPORTED_YAML
from revue.core.messages.values import french_day
from revue.core.messages.wording import count, listed, quoted


def seeds_deleted(seeds: Iterable[tuple[object, str]]) -> str:
    """Seeds imported once whose article was deleted: not published, and how to import one again."""
    seeds = list(seeds)
    named = listed(f"{seed} (devenu {path})" for seed, path in seeds)
    return (
        f"{count(len(seeds), 'texte importé dont l’article a été supprimé', 'textes importés dont l’article a été supprimé')}"
        f", donc pas publié : {named} — pour en importer un de nouveau, retirez sa ligne de {IMPORTED_YAML}"
        " puis lancez `python build.py import`"
    )


def created(path: object) -> str:
    return (
        f"{path} créé, en brouillon : écrivez l’article sous son en-tête, prévisualisez-le avec "
        "`python build.py serve`, puis écrivez `draft: false` pour le publier"
    )


def built(
    articles: int, drafts: int, drafts_shown: bool, files: int, output: object, base_url: str, written: int
) -> str:
    if drafts_shown:
        draft_part = count(
            drafts, "brouillon montré, marqué comme tel", "brouillons montrés, marqués comme tels"
        )
    else:
        draft_part = count(drafts, "brouillon laissé de côté", "brouillons laissés de côté")
    return (
        f"Site construit : {count(articles, 'article')} ({draft_part}), "
        f"{count(files, 'page ou flux', 'pages et flux')} dans {output} pour {base_url} ; "
        f"{count(written, 'fichier écrit', 'fichiers écrits')}, les autres inchangés"
    )


def indexed(pages: int, kibibytes: float, reindexed: int, carried_over: int) -> str:
    return (
        f"Recherche : {count(pages, 'page indexée', 'pages indexées')}, {kibibytes:.0f} Kio dans pagefind/ "
        f"({count(reindexed, 'période réindexée', 'périodes réindexées')}, "
        f"{count(carried_over, 'reprise telle quelle', 'reprises telles quelles')})"
    )


SEARCH_REPAIRED = (
    "pagefind/ avait été modifié depuis la dernière construction (un fichier changé ou supprimé) : "
    "remis en état"
)


def scheduled(waiting: Iterable[tuple[object, date]]) -> str:
    """`1 article programmé : content/x.md le 1er mai 2031`: left out of the site until that day."""
    waiting = list(waiting)
    named = listed(f"{path} le {french_day(day)}" for path, day in waiting)
    appears = "il paraîtra" if len(waiting) < 2 else "ils paraîtront"
    return (
        f"{count(len(waiting), 'article programmé', 'articles programmés')} : {named} — "
        f"{appears} à la première construction de ce jour-là"
    )


def checked(articles: int) -> str:
    return f"Vérifiés : site.yaml, les modèles et {count(articles, 'article')} — aucun problème"


def nothing_to_import(folder: object) -> str:
    return f"Aucun texte dans {folder}/ : rien à importer"


def waiting(root: object, pid: int | None = None, command: str = "") -> str:
    """Said once by a run that waits for the project's lock, naming who holds it when the system says."""
    holder = f" (processus {pid}{f' : {command}' if command else ''})" if pid else ""
    return f"Une autre construction de {root} est en cours{holder} : attente de sa fin…"


# The last line of a failure, by command: what happened and what to do next.
def build_failed(problems: int) -> str:
    return f"Échec de la construction : {count(problems, 'problème')}. Rien n’a été écrit dans output/."


def import_failed(problems: int) -> str:
    return f"Import refusé : {count(problems, 'problème')}. Rien n’a été écrit dans content/."


def check_failed(problems: int) -> str:
    return f"Vérification échouée : {count(problems, 'problème')}. Corrigez, puis relancez `python build.py check`."


def new_refused(problems: int) -> str:
    return f"Nouvel article refusé : {count(problems, 'problème')}. Rien n’a été écrit."


def serve_failed(problems: int) -> str:
    return f"Impossible de lancer l’aperçu : {count(problems, 'problème')}."


DEPENDENCIES_MISSING = (
    "Les bibliothèques de Revue ne sont pas installées pour {python} ({module} manque).\n"
    "Lancez `make site` une fois, puis utilisez .venv/bin/python build.py … (ou `source .venv/bin/activate`)."
)


ANNOTATION_TITLES = {"error": "Revue : à corriger", "warning": "Revue : attention"}


ANNOTATIONS_HINT = (
    "Chaque problème est aussi signalé sur sa ligne : dans une demande de fusion, onglet « Files changed »."
)


SUMMARY_TITLES = {
    "build": "Revue : site construit",
    "check": "Revue : vérification réussie",
    "import": "Revue : textes de l’agence importés",
}


FAILURE_TITLES = {
    "build": "Revue : échec de la construction",
    "check": "Revue : vérification échouée",
    "import": "Revue : import refusé",
}


# What a row of the summary counts, by command: `check` publishes nothing, it says what would be.
PUBLISHED_LABELS = {"build": "Articles publiés", "check": "Articles à publier"}


SUMMARY_LABELS = {
    "drafts": "Brouillons (jamais publiés)",
    "scheduled": "Programmés (publiés à leur date)",
    "warnings": "Avertissements",
    "address": "Adresse du site",
    "imported": "Textes importés (à relire)",
    "left": "Textes déjà importés, laissés tels quels",
}


SUMMARY_SECTIONS = {
    "warnings": "Avertissements",
    "scheduled": "Programmés",
    "seeds": "Textes de l’agence",
    "report": "Compte rendu de l’import",
}


IMPORT_SUMMARY_HINT = (
    "Relisez chaque article créé dans content/ (onglet « Files changed » de la demande de fusion) et "
    "corrigez-le au besoin avec le crayon du fichier ; il sera publié une fois la demande fusionnée, sauf "
    "s’il est en brouillon (`draft: true`)."
)


# On Ctrl-C: what the run leaves (`output/` and content/ are never left half written).
BUILD_INTERRUPTED = (
    "Construction interrompue : output/ garde un site entier, l’ancien, ou le nouveau s’il était déjà en "
    "place — relancez `python build.py`."
)


CHECK_INTERRUPTED = (
    "Vérification interrompue : rien n’a été écrit hors de .cache/ — relancez `python build.py check`."
)


IMPORT_INTERRUPTED = "Import interrompu : aucun article n’est à moitié écrit dans content/ — relancez `python build.py import`."


INTERRUPTED = "Commande interrompue."


HELP = {
    "revue": "Construit le site de la Revue dans output/, à partir de site.yaml, content/ et templates/.",
    "--root": "dossier du projet (par défaut : le dossier courant)",
    "--base-url": "publier sous cette adresse plutôt que sous le base_url de site.yaml "
    "(par exemple https://org.github.io/repo/)",
    "build": "Construit output/ à partir de content/ (la commande par défaut).",
    "--drafts": "montrer aussi les brouillons datés et les articles programmés, marqués comme tels : ce "
    "que montre serve ; à ne jamais publier",
    "--today": "construire comme si l’on était ce jour-là (AAAA-MM-JJ) : les articles datés d’ici là "
    "paraissent (par défaut : aujourd’hui, dans le fuseau `timezone` de site.yaml)",
    "import": "Transforme chaque seeds/*.txt pas encore importé en content/<slug>.md, à relire, et le note "
    "dans seeds/imported.yaml ; n’écrase jamais rien.",
    "new": "Écrit content/<slug>.md, avec tous les champs de l’en-tête, prêt à remplir.",
    "TITRE": 'le titre de l’article, entre guillemets : "Le Vietnam et le Japon …"',
    "--country": "partenaire, pays ou organisation, en français (répétez l’option pour plusieurs)",
    "--date": "date de l’événement (par défaut : aujourd’hui)",
    "check": "Vérifie site.yaml, content/ et templates/ comme la construction, sans rien écrire.",
    "serve": "Construit le site, le sert sur 127.0.0.1 sous son chemin de base (celui de --base-url s’il "
    "est donné), puis le reconstruit et recharge les pages à chaque modification.",
    "--port": "0 choisit un port libre (par défaut : 8000)",
    "bench": "Mesure la durée de constructions complètes et partielles d’un corpus synthétique (sur tmpfs).",
    "--articles": "taille du corpus (par défaut : 10000)",
    "--runs": "nombre de tours dont on prend la médiane (par défaut : 3)",
    "--compare": "chronométrer Revue contre Hugo puis Pagefind sur le même corpus, en tours appariés (demande `hugo` dans le PATH)",
}


def not_a_whole_number(text: str) -> str:
    return f"{quoted(text)} n’est pas un nombre entier — écrivez-le en chiffres, par exemple 8080"


def not_a_port(text: str) -> str:
    return (
        f"{quoted(text)} n’est pas un port — choisissez un nombre de 0 à 65535, par exemple 8080 "
        "(0 : n’importe quel port libre)"
    )


def option_not_for(option: str, commands: Iterable[str], command: str) -> str:
    """An option the command would silently ignore: `new --base-url …` publishes nothing."""
    *others, last = commands
    return f"{option} ne vaut que pour {', '.join(others)} et {last} — retirez-le de la commande {command}"


def not_at_least_one(text: str) -> str:
    return f"{quoted(text)} n’est pas un nombre entier d’au moins 1 — écrivez-le en chiffres, par exemple 3"


# argparse's messages (Python 3.11's wording) that a command line can show, by their English text.
ARGPARSE = {
    "usage: ": "usage : ",
    # Headings: argparse adds the colon; the space is French's before it.
    "positional arguments": "arguments ",
    "options": "options ",
    "show this help message and exit": "afficher cette aide",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s : %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "« %(value)s » n’existe pas — choisissez parmi %(choices)s",
    "the following arguments are required: %s": "il manque %s — voyez --help",
    "unrecognized arguments: %s": "inconnu : %s — voyez --help",
    "expected one argument": "une valeur doit suivre l’option",
    "invalid %(type)s value: %(value)r": "« %(value)s » n’est pas une valeur possible",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut désigner "
    "%(matches)s — écrivez-la en entier",
    "ignored explicit argument %r": "cette option ne prend pas de valeur, et reçoit %r — retirez la valeur",
}


def argparse_text(text: str) -> str:
    return ARGPARSE.get(text, text)
