"""Countries as the site names them: CLDR's French names (Babel) plus a small table of aliases.

The tables hold only what CLDR lacks: the names the agency writes (`Vietnam`,
`République de Corée`, `Etats-Unis` without accent), the everyday names editors
type (`Hollande`, `Angleterre`), and the adjectives and compound prefixes that
name a country in running text (`japonaise`, `nippo-`). What an editor writes that
is no country gets a message saying why and what to write instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, total_ordering

from babel import Locale
from rapidfuzz import process
from rapidfuzz.distance import OSA
from slugify import slugify

from revue.core import messages
from revue.core.collation import french_sort_key


@total_ordering
@dataclass(frozen=True)
class Country:
    """A country: its French name as shown to readers, URL slug and ISO 3166 code; sorted in French
    order of their names (`États-Unis` before `Laos`)."""

    name: str
    slug: str
    code: str

    def __lt__(self, other: Country) -> bool:
        return french_sort_key(self.name) < french_sort_key(other.name)


# Names editors and the agency use besides CLDR's, by ISO code.
ALIASES: dict[str, tuple[str, ...]] = {
    "VN": ("Vietnam", "Viet Nam"),
    "KR": ("République de Corée", "Corée"),
    "KP": ("République populaire démocratique de Corée", "RPDC"),
    "US": ("Etats-Unis", "USA"),
    "GB": ("Grande-Bretagne",),
    "CZ": ("République tchèque",),
    "MM": ("Myanmar", "Birmanie"),
    "TL": ("Timor-Leste",),
    "LA": ("Lao",),
}

# Everyday names editors type in `countries:` for a whole country. Kept out of ALIASES, which also finds
# countries in agency copy: there Hollande is a French president, Amérique a continent, Angleterre a team.
EDITOR_ALIASES: dict[str, tuple[str, ...]] = {
    "NL": ("Hollande",),
    "GB": ("Angleterre", "Écosse", "Pays de Galles", "Irlande du Nord"),
    "US": ("Amérique", "États-Unis d’Amérique"),
    "AE": ("Émirats", "EAU"),
    "BY": ("Bélarus",),
    "CD": ("RDC", "République démocratique du Congo"),
    "HK": ("Hong Kong",),
    "MO": ("Macao",),
    "LA": ("RDP lao", "République démocratique populaire lao"),
    "MK": ("Macédoine",),
    "PS": ("Palestine",),
    "RU": ("Fédération de Russie",),
    "CN": ("République populaire de Chine",),
    "VA": ("Vatican", "Saint-Siège"),
    "SZ": ("Swaziland",),
    "TL": ("Timor",),
}

# Organisations editors name as partners; not countries, so not partners yet. French name → other names.
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "Union européenne": ("UE", "EU", "European Union"),
    "ASEAN": ("ANASE", "Association des nations de l’Asie du Sud-Est"),
    "ONU": ("Nations unies", "Organisation des Nations unies", "UN", "United Nations"),
    "OTAN": ("NATO",),
    "APEC": (),
    "BRICS": (),
    "G7": (),
    "G20": (),
    "OMC": ("Organisation mondiale du commerce", "WTO"),
    "FMI": ("Fonds monétaire international", "IMF"),
    "Banque mondiale": ("World Bank",),
    "Banque asiatique de développement": ("BAD", "ADB"),
    "OCDE": ("OECD",),
    "OMS": ("Organisation mondiale de la santé", "WHO"),
    "UNESCO": (),
    "Union africaine": (),
    "Francophonie": ("OIF", "Organisation internationale de la Francophonie"),
    "CPTPP": ("PTPGP",),
    "RCEP": (),
}

# Adjectives (masculine singular; feminine and plurals are derived) and compound prefixes.
ADJECTIVES: dict[str, tuple[str, ...]] = {
    "VN": ("vietnamien",),
    "JP": ("japonais", "nippon", "nippo"),
    "KR": ("sud-coréen", "coréen"),
    "KP": ("nord-coréen",),
    "US": ("américain", "états-unien", "étatsunien"),
    "CN": ("chinois", "sino"),
    "FR": ("français", "franco"),
    "DE": ("allemand", "germano"),
    "GB": ("britannique", "anglo"),
    "RU": ("russe", "russo"),
    "IN": ("indien", "indo"),
    "AU": ("australien",),
    "LA": ("laotien",),
    "KH": ("cambodgien",),
    "TH": ("thaïlandais",),
    "SG": ("singapourien",),
    "MY": ("malaisien",),
    "ID": ("indonésien",),
    "PH": ("philippin",),
    "NZ": ("néo-zélandais",),
    "CA": ("canadien",),
    "IT": ("italien", "italo"),
    "ES": ("espagnol", "hispano"),
    "BG": ("bulgare",),
    "KW": ("koweïtien",),
    "NP": ("népalais",),
    "CZ": ("tchèque",),
    "BE": ("belge",),
    "NL": ("néerlandais",),
    "CH": ("suisse",),
    "CU": ("cubain",),
    "BR": ("brésilien",),
    "HU": ("hongrois",),
    "PL": ("polonais",),
    "UA": ("ukrainien",),
    "MN": ("mongol",),
    "IL": ("israélien",),
    "TR": ("turc",),
    "EG": ("égyptien",),
}


def fold(text: str) -> str:
    """Lower-case without accents, so `Etats-Unis` matches `États-Unis`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@cache
def all_countries() -> dict[str, Country]:
    """Every CLDR territory that is a country, by ISO code."""
    territories = Locale("fr").territories
    return {
        code: Country(name=name, slug=slugify(name), code=code)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
    }


def name_key(name: str) -> str:
    """A name as editors' variants of it agree: folded, hyphens as spaces (`Corée-du-Sud`, `Etats Unis`)."""
    return " ".join(fold(name).replace("-", " ").split())


@cache
def written_names() -> dict[str, Country]:
    """Folded CLDR name or agency alias → country: how articles and agency copy name countries."""
    countries = all_countries()
    names = {fold(c.name): c for c in countries.values()}
    for code, aliases in ALIASES.items():
        names.update({fold(alias): countries[code] for alias in aliases})
    return names


@cache
def _full_names() -> dict[str, Country]:
    """Keyed name or alias (the agency's and the editors' everyday ones) → country."""
    countries = all_countries()
    names = {name_key(name): country for name, country in written_names().items()}
    for code, aliases in EDITOR_ALIASES.items():
        names.update({name_key(alias): countries[code] for alias in aliases})
    return names


@cache
def _names() -> dict[str, Country]:
    """Keyed name, alias or ISO code → country."""
    return {name_key(code): country for code, country in all_countries().items()} | _full_names()


def lookup(name: str) -> Country | None:
    """The country an editor means by `name` (CLDR name, alias or ISO code), if any."""
    return _names().get(name_key(name))


@cache
def _organisations() -> dict[str, str]:
    """Keyed name of an organisation → its French name."""
    return {name_key(other): name for name, others in ORGANISATIONS.items() for other in (name, *others)}


# English names CLDR lacks, as editors type them; used only to suggest the French name.
ENGLISH_ALIASES = {
    "Korea": "KR", "UK": "GB", "Britain": "GB", "England": "GB", "Scotland": "GB", "Wales": "GB",
    "America": "US", "Holland": "NL",
}  # fmt: skip


@cache
def _english_names() -> dict[str, Country]:
    """Keyed English name → country: editors often type `Japan` or `South Korea`."""
    countries = all_countries()
    english = {name: code for code, name in Locale("en").territories.items()} | ENGLISH_ALIASES
    return {name_key(name): countries[code] for name, code in english.items() if code in countries}


def typos_allowed(keyed: str) -> int:
    """How many typing slips (a letter missed, doubled, swapped or wrong) still make a name close:
    one, two in a long name (`Philipinnes`); more would make `Afrique` a slip of `Amérique`."""
    return 1 if len(keyed) <= 8 else 2


@cache
def _suggestible() -> tuple[list[str], list[Country]]:
    """Every keyed name (no ISO code: `XX` is no slip of `XK`) with its country, French names first
    so that they win a tie."""
    names = _english_names() | _full_names()
    ordered = [*_full_names(), *(name for name in _english_names() if name not in _full_names())]
    return ordered, [names[name] for name in ordered]


def suggest(name: str) -> str | None:
    """The French name an editor meant by `name`, when it is the English name or a slip away from one."""
    keyed = name_key(name)
    names, countries = _suggestible()
    found = process.extractOne(keyed, names, scorer=OSA.distance, score_cutoff=typos_allowed(keyed))
    return countries[found[2]].name if found else None


# Words that join several countries in one name: `France et Chine`, `France/Chine`.
JOINED = re.compile(r"\s+(?:et|and|&)\s+|\s*[,;/+]\s*")


def resolve_partner(name: str, home: Country) -> Country | str:
    """The partner country `name` means, or what is wrong with it (the end of an error message)."""
    country = lookup(name)
    if country is None:
        return unknown_partner(name.strip())
    if country == home:
        return messages.home_country(name)
    return country


def unknown_partner(name: str) -> str:
    """Why `name` is no partner, and what to write instead."""
    organisation = _organisations().get(name_key(name))
    if organisation:
        return messages.organisation(name)
    parts = [part for part in JOINED.split(name) if part]
    if len(parts) > 1 and all(lookup(part) for part in parts):
        return messages.several_countries(name, parts)
    close = suggest(name)
    if close:
        return messages.country_misspelled(name, close)
    return messages.country_unknown(name)


@cache
def adjective_forms() -> dict[str, Country]:
    """Folded adjective forms (all genders and numbers) and compound prefixes → country."""
    countries = all_countries()
    forms: dict[str, Country] = {}
    for code, adjectives in ADJECTIVES.items():
        for adjective in adjectives:
            base = fold(adjective)
            variants = {base, base + "e", base + "s", base + "es"}
            if base.endswith("en"):
                variants |= {base + "ne", base + "nes"}
            if base.endswith("s"):
                variants |= {base + "e", base + "es"}
            for form in variants:
                forms[form] = countries[code]
    return forms
