"""Dates, web addresses and keys: one wording wherever an editor makes the mistake (articles,
`site.yaml`, `seeds/sources.yaml`, `new`'s options).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from revue.core.french_dates import french_date, french_month
from revue.core.messages.wording import listed, quoted


def not_a_date(text: str) -> str:
    return f"{quoted(text)} n’est pas une date — écrivez-la AAAA-MM-JJ, par exemple 2023-02-09"


def date_written_otherwise(text: str, iso: str) -> str:
    """`12 mars 2024`, `2024-3-5`, `05/03/2024`: the date meant, written as the site reads it."""
    return f"{quoted(text)} n’est pas écrite AAAA-MM-JJ — écrivez `{iso}`"


def date_with_odd_dashes(text: str, iso: str) -> str:
    return (
        f"{quoted(text)} est écrite avec des tirets ou des traits d’union insécables (‑), que l’on ne "
        f"distingue pas du trait d’union — retapez-la : `{iso}`"
    )


def day_not_in_month(text: str, day: str, month: int, year: int, days: int) -> str:
    """`31/02/2024`: « le 31 février n’existe pas »."""
    return (
        f"{quoted(text)} n’est pas une date réelle : le {day} n’existe pas — {french_month(month)} {year} "
        f"compte {days} jours ; écrivez la date AAAA-MM-JJ"
    )


def month_not_real(text: str) -> str:
    return f"{quoted(text)} n’est pas une date réelle — le mois vient en second, de 01 à 12"


def date_not_real(text: str, month: int, year: int, days: int) -> str:
    """`« 2016-02-30 » … février 2016 compte 29 jours`."""
    return f"{quoted(text)} n’est pas une date réelle — {french_month(month)} {year} compte {days} jours"


def year_out_of_range(text: str, first: int, last: int) -> str:
    """`« 0024-05-01 »`, `« 2204-05-01 »`: a year the digest cannot hold is a typo."""
    if int(text[:4]) < 1000:  # a year cut short
        return f"{quoted(text)} tombe avant {first}, où commence la revue — vérifiez l’année, écrite en entier (2024, pas 0024)"
    if int(text[:4]) < first:
        return f"{quoted(text)} tombe avant {first}, où commence la revue — vérifiez l’année : la revue suit les relations du Vietnam depuis {first}"
    return f"{quoted(text)} tombe après {last} — vérifiez l’année (2024, pas 2204)"


def partial_month_not_real(text: str) -> str:
    return f"{quoted(text)} n’est pas un jour réel — le mois vient en second, de 01 à 12"


def partial_day_not_real(text: str, month: int, days: int) -> str:
    return f"{quoted(text)} n’est pas un jour réel — le jour vient en dernier, de 01 à {days} en {french_month(month)}"


YEAR_PLACEHOLDER = "20AA"  # where the year goes, in a date to complete: `20AA-11-14`


def write_the_year(day: str, placeholder: str) -> str:
    """What to do with a day whose year the text does not give (the import report and `check`)."""
    return f"le texte donne le {day} ; écrivez l’année : {placeholder}"


def date_has_no_year(written: str, what_to_do: str) -> str:
    return f"date: {quoted(written)} n’a pas d’année — {what_to_do}"


def not_a_web_address(value: object) -> str:
    return (
        f"{quoted(value)} n’est pas une adresse web — écrivez-la en entier, sans espace, "
        "en commençant par https://"
    )


def unknown_key(key: str, close: str | None, known: Iterable[str]) -> str:
    """`champ inconnu « titel » — vouliez-vous dire « title » ?`, or the list of known keys."""
    hint = f"vouliez-vous dire {quoted(close)} ?" if close else f"champs possibles : {listed(known)}"
    return f"champ inconnu {quoted(key)} — {hint}"


def key_problem(key: str, problem: str) -> str:
    """A problem with the value of `key`, named as the editor typed it: `date: « … » n’est pas…`."""
    return f"{key}: {problem}"


def french_day(day: date) -> str:
    """`1er mai 2031`, `14 novembre 2024`, as pages write it."""
    return french_date(day)
