"""The import report: what the importer decided about each seed, and why (`import` only: the
build never imports this module).
"""

from __future__ import annotations

from collections.abc import Iterable

from revue.core.messages.seeds import IMPORTED_YAML
from revue.core.messages.wording import count, quoted, several


def seed_imported(seed: str, path: str) -> str:
    return f"{seed} → {path}"


def seed_kept(seed: str, path: str, why: str) -> str:
    return f"{seed}: {path} gardé tel quel ({why})"


def seed_not_imported_again(seed: str, path: str) -> str:
    return (
        f"{seed}: déjà importé dans {path}, supprimé depuis : pas importé de nouveau — pour l’importer "
        f"de nouveau, retirez sa ligne de {IMPORTED_YAML}"
    )


EDITED_SINCE_IMPORT = "modifié depuis l’import : jamais écrasé"


UNCHANGED_SINCE_IMPORT = "inchangé depuis l’import"


def date_unknown(path: str) -> str:
    return f"inconnue — importé en brouillon (`draft: true`) : remplissez `date` dans {path}"


def imported_without_year(placeholder: str, what_to_do: str) -> str:
    return f"{placeholder}, importé en brouillon (`draft: true`) — {what_to_do}"


NO_COUNTRY_FOUND = "aucun trouvé — remplissez `countries`"


def report_evidence(evidence: str) -> str:
    return f"indice : {evidence}"


def report_set_aside(what: str) -> str:
    return f"écarté : {what}"


def report_partner(country: str, reason: str) -> str:
    return f"{country} : {reason}"


def report_venue(country: str, reason: str) -> str:
    return f"écarté : {country}, {reason}"


def report_dropped(line: int, excerpt: str, why: str) -> str:
    return f"laissé de côté, ligne {line} : {quoted(excerpt)} — {why}"


def report_repairs(repairs: list[str]) -> str:
    return f"mots séparés ({len(repairs)}) : {several(repairs)}"


# Where in an agency text something was found.
IN_TITLE = "titre"


IN_STANDFIRST = "chapeau"


IN_DATELINE = "attaque"


IN_TEXT = "texte"


def in_paragraph(number: int) -> str:
    return f"paragraphe {number}"


def in_caption(number: int) -> str:
    return f"légende {number}"


def found_in(where: str, written: str) -> str:
    """`paragraphe 2 : « le 29 octobre »`."""
    return f"{where} : {quoted(written)}"


# How the text names a partner (partner_finding's kinds of naming).
NAMING_KINDS = {"name": "nom", "adjective": "adjectif", "compound": "nom composé"}


def partner_named(kind: str, written: str, where: str, mentions: int) -> str:
    more = f", {mentions} mentions en tout" if mentions > 1 else ""
    return f"{NAMING_KINDS[kind]} {quoted(written)} ({where}){more}"


def venue_only(venues: Iterable[tuple[str, str]]) -> str:
    named = several(f"{quoted(written)} ({where})" for written, where in venues)
    return f"nommé seulement comme lieu de l’article ou de l’événement : {named}"


# Why a day the text mentions is not the event's day.
A_RANGE = "une période, pas un jour"


PERIOD_EDGE = "le début ou la fin d’une période"


IN_BRACKETS = "entre parenthèses : un anniversaire ou une date passée"


EARLIER_EVENT = "un événement antérieur"


PAST_YEAR = "une année passée, citée en passant"


NO_SUCH_DAY = "ce jour n’existe pas"


def another_day(word: str) -> str:
    return f"{quoted(word)} : un autre jour que celui de l’événement"


def set_aside_day(where: str, written: str, why: str) -> str:
    return f"{found_in(where, written)} — {why}"


def year_from_anniversary(anniversary: str, founded: str) -> str:
    return f"année tirée de {quoted(f'{anniversary} … {founded}')}"


def year_from_weekday(year: int, weekday: str) -> str:
    return f"année {year} : la plus récente que nomme le texte, et le jour y tombe bien un {weekday}"


def no_day_in_text(only: str | None) -> str:
    return "pas de jour ni de mois dans le texte" + (f", seulement {only}" if only else "")


def day_does_not_exist(evidence: str) -> str:
    return f"{evidence} : {NO_SUCH_DAY}"


ORIGIN_TEXT = "texte"  # the date came from the text itself (else from `sources.yaml`)


def date_contradicted(said: str, known: str, origin: str) -> str:
    return f"le texte dit {said}, mais la date est {known} ({origin}) : vérifiez `date`"


def weekday_contradicted(weekday: str, where: str, known: str, known_weekday: str, origin: str) -> str:
    return f"le texte dit {weekday} ({where}), mais le {known} est un {known_weekday} ({origin}) : vérifiez `date`"


# What the parser of an agency text noticed, for the editor to check.
TITLE_BEFORE_PHOTO = (
    "pas de ligne de titre : le titre est le texte qui précède le premier « ảnh » d’une légende — vérifiez-le"
)


NO_DATELINE = "aucune attaque comme « Hanoï (VNA) – » n’ouvre le premier paragraphe : `place` reste vide"


TITLE_FROM_SENTENCE = (
    "pas de ligne de titre : le titre est la première phrase de l’article — écrivez-en un vrai"
)


NO_STANDFIRST = "pas de chapeau entre le titre et l’article : `summary` reprend le premier paragraphe"


def kept_after_sign_off(paragraphs: int) -> str:
    if paragraphs == 1:
        return "1 paragraphe gardé après la signature : vérifiez qu’il fait partie de l’article"
    return f"{paragraphs} paragraphes gardés après la signature : vérifiez qu’ils font partie de l’article"


# Why a line of an agency text was left out of the article.
def teasers_follow(lines: int) -> str:
    return f"les annonces d’autres articles qui suivent le sont aussi : {count(lines, 'ligne')}"


LINK_TO_ANOTHER = "lien vers un autre article"


FOOTER = "pied de page, après la signature"


TEASER_CAPTION = "légende d’une annonce d’un autre article, après la signature"


TEASER = "annonce d’un autre article, après la signature (titre et paragraphe)"


TEASER_HEADLINE = "titre d’une annonce d’un autre article, après la signature"


CREDIT_ALONE = "crédit photo sans légende"
