"""Countries as the site names them: CLDR's French names (Babel) plus a small table of aliases.

The table holds only what CLDR lacks: the names the agency writes (`Vietnam`,
`République de Corée`, `Etats-Unis` without accent) and the adjectives and
compound prefixes that name a country in running text (`japonaise`, `nippo-`).
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass
from functools import cache

from babel import Locale
from slugify import slugify


@dataclass(frozen=True, order=True)
class Country:
    """A country: its French name as shown to readers, URL slug and ISO 3166 code."""

    name: str
    slug: str
    code: str


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


@cache
def _names() -> dict[str, Country]:
    """Folded name or alias → country."""
    countries = all_countries()
    names = {fold(c.name): c for c in countries.values()}
    names.update({fold(code): countries[code] for code in countries})
    for code, aliases in ALIASES.items():
        names.update({fold(alias): countries[code] for alias in aliases})
    return names


def lookup(name: str) -> Country | None:
    """The country an editor means by `name` (CLDR name, alias or ISO code), if any."""
    return _names().get(fold(name.strip()))


# English names CLDR lacks, as editors type them; used only to suggest the French name.
ENGLISH_ALIASES = {"Korea": "KR", "UK": "GB", "Britain": "GB", "America": "US"}


@cache
def _english_names() -> dict[str, Country]:
    """Folded English name → country: editors often type `Japan` or `South Korea`."""
    countries = all_countries()
    english = {name: code for code, name in Locale("en").territories.items()} | ENGLISH_ALIASES
    return {fold(name): countries[code] for name, code in english.items() if code in countries}


def suggest(name: str) -> str | None:
    """The French name an editor probably meant by `name`: English, or misspelled French."""
    names = {**_english_names(), **_names()}
    matches = difflib.get_close_matches(fold(name.strip()), list(names), n=1, cutoff=0.7)
    return names[matches[0]].name if matches else None


def resolve_partner(name: str, home: Country) -> Country | str:
    """The partner country `name` means, or what is wrong with it (the end of an error message)."""
    country = lookup(name)
    if country is None:
        close = suggest(name)
        hint = f'did you mean "{close}"?' if close else "write its French name, e.g. Japon"
        return f'"{name}" is not a known country — {hint}'
    if country == home:
        return f'"{name}" is the home country, not a partner — remove it'
    return country


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
