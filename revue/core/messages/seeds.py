"""`seeds/`: `sources.yaml`, `imported.yaml` and the agency texts, as the build and the import read them."""

from __future__ import annotations

from revue.core.messages.wording import quoted


def seed_entry_problem(seed: str, problem: str) -> str:
    """A problem in one seed's entry, named as the editor typed it: `005.txt: date: « hier » …`."""
    return f"{seed}: {problem}"


SEED_ENTRY_NOT_A_MAPPING = (
    "les lignes `date:` et `url:` manquent — écrivez-les en dessous, indentées de deux espaces"
)


def seed_url_invalid(problem: str) -> str:
    return f"url: {problem}, ou écrivez `url: null`"


def seed_not_found(folder: object) -> str:
    return f"aucun fichier de ce nom dans {folder}/ — corrigez le nom du fichier, ou retirez cette entrée"


IMPORTED_YAML = "seeds/imported.yaml"


# The comment `import` writes at the top of seeds/imported.yaml, one line each.
IMPORTED_YAML_HEADER = (
    "Les textes de seeds/ déjà importés dans content/, et l’article que chacun est devenu.",
    "Écrit par `python build.py import` : un texte listé ici n’est plus jamais importé,",
    "même si son article est supprimé. Pour importer un texte de nouveau, supprimez sa ligne.",
)


def imported_entry_not_a_path(seed: str) -> str:
    return (
        f"{seed}: le nom de l’article importé manque — écrivez-le après les deux-points "
        f"(`{seed}: content/article.md`), ou supprimez la ligne pour importer ce texte de nouveau"
    )


IMPORT_PULL_REQUEST = "Textes de l’agence à relire"  # the title of the pull request the import workflow opens


SEED_NOT_IMPORTED = (
    "texte de l’agence pas encore importé, donc pas publié — importez-le avec `python build.py import`, puis "
    f"relisez l’article créé dans content/ ; sur GitHub, relisez et fusionnez la demande « {IMPORT_PULL_REQUEST} »"
)


SEED_EMPTY = "ne contient aucun texte — collez-y l’article : son titre sur la première ligne, puis son texte"


SEED_TITLE_ONLY = "a un titre mais pas de paragraphes — collez le texte de l’article sous son titre"


SEED_DATELINE_ONLY = "l’article a une attaque mais pas de texte — collez le texte de l’article"


def seed_title_without_words(title: str) -> str:
    return f"le titre {quoted(title)} n’a ni lettre ni chiffre pour nommer le fichier — donnez-lui des mots"


def same_file_as(target: object, other_seed: str) -> str:
    return f"son titre donne {target}, comme celui de {other_seed} — changez l’un des deux titres"


def file_taken(target: object) -> str:
    return (
        f"{target} existe déjà et ne vient pas de ce texte — renommez {target}, ou changez le titre (la première "
        "ligne) de ce texte"
    )


def import_would_not_build(problem: object) -> str:
    return f"une fois importé, il ne passerait pas la construction ({problem}) — corrigez le texte ou seeds/sources.yaml"
