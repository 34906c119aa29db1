"""Templates, the search index and the project's lock: what stops publishing."""

from __future__ import annotations

from revue.core.messages.wording import count, listed


def template_error(detail: str, rendering: str, others: int = 0) -> str:
    """Jinja's own words (English) on what failed, framed: the template's author needs them as they are.
    `others`: how many more pages or feeds the same mistake stopped, named once rather than on each."""
    also = f" et {count(others, 'autre page', 'autres pages')}" if others else ""
    return f"erreur de modèle : {detail} (en construisant {rendering}{also}) — corrigez le modèle"


def template_value_refused(python: str) -> str:
    return f"un filtre ou une fonction a reçu une valeur qu’il ne sait pas traiter ({python})"


def pagefind_failed(printed: str) -> str:
    return (
        f"Pagefind n’a pas pu indexer le site : {printed or 'il n’a rien affiché'} — réinstallez-le "
        "(pip install -r requirements.txt) et vérifiez les attributs data-pagefind-* des modèles"
    )


def pagefind_incomplete(file: str, free_kib: int) -> str:
    """Pagefind exited without error but left a file empty or cut: as a rule, the disk is full."""
    return (
        f"Pagefind a laissé un index incomplet ({file} vide ou tronqué), sans signaler d’erreur : le "
        f"disque est sans doute plein (il reste {free_kib} Kio libres) — libérez de la place, puis relancez"
    )


INDEXED_PAGE_WITHOUT_DATE = (
    'porte data-pagefind-body mais pas data-pagefind-sort="date:AAAA-MM-JJ" : l’index de recherche est '
    "découpé par date — donnez sa date à chaque page indexée, comme le fait templates/article.html"
)


def indexed_pages_without_date(first: str, others: int) -> str:
    """Pages of one template that the index would take without a date: the first, and how many more."""
    also = f" (et {count(others, 'autre page', 'autres pages')})" if others else ""
    return f"{first}{also} : la page {INDEXED_PAGE_WITHOUT_DATE}"


def lock_kept(taken_by: int, holders: list[tuple[int, str]]) -> str:
    """The lock outlived the process that took it: processes it left behind hold it."""
    named = listed(f"{pid}{f' ({command})' if command else ''}" for pid, command in holders)
    pids = " ".join(str(pid) for pid, _ in holders)
    which, them = ("le processus", "arrêtez-le") if len(holders) == 1 else ("les processus", "arrêtez-les")
    return (
        f"le projet reste verrouillé alors que la commande qui l’a verrouillé (processus {taken_by}) "
        f"est terminée : le verrou est tenu par {which} {named} — {them} (`kill {pids}`), "
        "puis relancez la commande"
    )
