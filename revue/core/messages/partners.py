"""Partners (countries, organisations) as editors name them."""

from __future__ import annotations

from revue.core.messages.wording import listed, quoted


def home_country(name: str) -> str:
    return f"{quoted(name)} est le pays du site, pas un partenaire — retirez-le"


def several_partners(name: str, parts: list[str], only_countries: bool) -> str:
    what = "pays" if only_countries else "partenaires"
    return f"{quoted(name)} nomme {len(parts)} {what} — écrivez-les un par un : {listed(parts)}"


def partner_misspelled(name: str, close: str, organisation: bool) -> str:
    known = "une organisation connue" if organisation else "un pays connu"
    return f"{quoted(name)} n’est pas {known} — vouliez-vous dire {quoted(close)} ?"


def partner_unknown(name: str) -> str:
    return (
        f"{quoted(name)} n’est ni un pays ni une organisation que le site connaît — vérifiez "
        "l’orthographe, ou écrivez le nom français tel que le site l’affiche, par exemple `Japon`, "
        "`Corée du Sud` ou `Union européenne`"
    )
