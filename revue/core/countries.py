"""Vietnam's partners as the site names them: countries (CLDR's French names, from Babel, plus a
small table of aliases) and the organisations the digest follows (a curated table).

The country tables hold only what CLDR lacks: the names the agency writes (`Vietnam`,
`République de Corée`, `Etats-Unis` without accent), the everyday names editors
type (`Hollande`, `Angleterre`), and the adjectives and compound prefixes that
name a country in running text (`japonaise`, `nippo-`). What an editor writes that
is no partner gets a message saying why and what to write instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, total_ordering

from babel import Locale

from revue.core import messages, urls
from revue.core.collation import french_sort_key
from revue.core.validate import closest


@total_ordering
@dataclass(frozen=True)
class Partner:
    """A partner of Vietnam, a country or an organisation: its French name as shown to readers and
    URL slug; sorted in French order of their names (`États-Unis` before `Laos`, `UNESCO` after
    `Ukraine`)."""

    name: str
    slug: str
    code: str  # a country's ISO 3166 code; "" for an organisation

    @property
    def is_organisation(self) -> bool:
        return not self.code

    @property
    def path(self) -> str:
        """Its page: `pays/japon/` or `organisations/union-europeenne/`."""
        return urls.partner(self.slug, self.is_organisation)

    def __lt__(self, other: Partner) -> bool:
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

# The organisations the digest follows as partners, as the agency writes about them: French name as
# the site shows it → other names editors type (French and English names, abbreviations). No name may
# be a country's or an ISO code: `UA` (Union africaine) is Ukraine, `AU` Australia, so neither is here.
# A name with a comma cannot be typed in `countries:` (the comma separates partners), so UNESCO's full
# name is left out. `Mékong` alone is a river and names several cooperations (with Japan, Korea, the
# United States): only the two bodies that bear the name are here.
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "Union européenne": ("UE", "EU", "European Union", "Commission européenne", "Conseil européen"),
    "ASEAN": ("ANASE", "Association des nations de l’Asie du Sud-Est"),
    "ONU": ("Nations unies", "Organisation des Nations unies", "UN", "United Nations"),
    "OTAN": ("NATO", "Organisation du traité de l’Atlantique nord"),
    "APEC": ("Coopération économique Asie-Pacifique", "Forum de coopération économique Asie-Pacifique"),
    "BRICS": (),
    "G7": (),
    "G20": (),
    "OMC": ("Organisation mondiale du commerce", "WTO"),
    "FMI": ("Fonds monétaire international", "IMF"),
    "Banque mondiale": ("World Bank", "Groupe de la Banque mondiale"),
    "Banque asiatique de développement": ("BAD", "ADB", "Asian Development Bank"),
    "OCDE": ("OECD", "Organisation de coopération et de développement économiques"),
    "OMS": ("Organisation mondiale de la santé", "WHO"),
    "UNESCO": (),
    "UNICEF": ("Fonds des Nations unies pour l’enfance",),
    "PNUD": ("UNDP", "Programme des Nations unies pour le développement"),
    "FAO": ("Organisation des Nations unies pour l’alimentation et l’agriculture",),
    "Union africaine": ("African Union",),
    "Francophonie": ("OIF", "Organisation internationale de la Francophonie"),
    "CPTPP": ("PTPGP", "Accord de partenariat transpacifique global et progressiste"),
    "RCEP": ("Partenariat économique régional global",),
    "Coopération Mékong-Lancang": ("Mékong-Lancang", "Lancang-Mékong"),
    "Commission du Mékong": ("Commission du fleuve Mékong", "MRC", "Mekong River Commission"),
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
def all_countries() -> dict[str, Partner]:
    """Every CLDR territory that is a country, by ISO code."""
    territories = Locale("fr").territories
    return {
        code: Partner(name=name, slug=urls.slug(name), code=code)
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
    }


def _name_key(name: str) -> str:
    """A name as editors' variants of it agree: folded, hyphens as spaces (`Corée-du-Sud`, `Etats Unis`)."""
    return " ".join(fold(name).replace("-", " ").split())


@cache
def written_names() -> dict[str, Partner]:
    """Folded CLDR name or agency alias → country: how articles and agency copy name countries."""
    countries = all_countries()
    names = {fold(c.name): c for c in countries.values()}
    for code, aliases in ALIASES.items():
        names.update({fold(alias): countries[code] for alias in aliases})
    return names


@cache
def _full_names() -> dict[str, Partner]:
    """Keyed name or alias (the agency's and the editors' everyday ones) → country."""
    countries = all_countries()
    names = {_name_key(name): country for name, country in written_names().items()}
    for code, aliases in EDITOR_ALIASES.items():
        names.update({_name_key(alias): countries[code] for alias in aliases})
    return names


@cache
def all_organisations() -> dict[str, Partner]:
    """Every organisation of ORGANISATIONS, by its French name."""
    return {name: Partner(name=name, slug=urls.slug(name), code="") for name in ORGANISATIONS}


@cache
def _organisation_names() -> dict[str, Partner]:
    """Keyed name, other name or abbreviation → organisation."""
    organisations = all_organisations()
    return {
        _name_key(other): organisations[name]
        for name, others in ORGANISATIONS.items()
        for other in (name, *others)
    }


@cache
def _names() -> dict[str, Partner]:
    """Keyed name, alias or ISO code → country; keyed name or abbreviation → organisation."""
    codes = {_name_key(code): country for code, country in all_countries().items()}
    return _organisation_names() | codes | _full_names()


# A French article before a name, keyed (`’` folded to `'`): `l’ASEAN`, `la Banque mondiale`, `le Japon`.
LEADING_ARTICLE = re.compile(r"^(?:l'|la |le |les )")


def lookup(name: str) -> Partner | None:
    """The partner an editor means by `name`, if any: a country's CLDR name, alias or ISO code, an
    organisation's name or abbreviation, with or without its article (`l’ASEAN`, `les Nations unies`)."""
    keyed = _name_key(name)
    return _names().get(keyed) or _names().get(LEADING_ARTICLE.sub("", keyed))


# English names CLDR lacks, as editors type them; used only to suggest the French name.
ENGLISH_ALIASES = {
    "Korea": "KR", "UK": "GB", "Britain": "GB", "England": "GB", "Scotland": "GB", "Wales": "GB",
    "America": "US", "Holland": "NL",
}  # fmt: skip


@cache
def _english_names() -> dict[str, Partner]:
    """Keyed English name → country: editors often type `Japan` or `South Korea`."""
    countries = all_countries()
    english = {name: code for code, name in Locale("en").territories.items()} | ENGLISH_ALIASES
    return {_name_key(name): countries[code] for name, code in english.items() if code in countries}


def _typos_allowed(keyed: str) -> int:
    """How many typing slips (a letter missed, doubled, swapped or wrong) still make a name close:
    one, two in a long name (`Philipinnes`); more would make `Afrique` a slip of `Amérique`."""
    return 1 if len(keyed) <= 8 else 2


# Abbreviations this short are never suggested: a slip of `OMC` is `OMS`, another organisation.
SHORTEST_SUGGESTED_ABBREVIATION = 4


@cache
def _suggestible() -> tuple[list[str], list[Partner]]:
    """Every keyed name (no ISO code: `XX` is no slip of `XK`; no short abbreviation) with its partner,
    French names first so that they win a tie."""
    organisations = {
        keyed: organisation
        for keyed, organisation in _organisation_names().items()
        if len(keyed) >= SHORTEST_SUGGESTED_ABBREVIATION
    }
    french = _full_names() | organisations
    names = _english_names() | french
    ordered = [*french, *(name for name in _english_names() if name not in french)]
    return ordered, [names[name] for name in ordered]


def suggest(name: str) -> Partner | None:
    """The partner an editor meant by `name`, when it is the English name or a slip away from one."""
    keyed = _name_key(name)
    names, partners = _suggestible()
    found = closest(keyed, names, max_slips=_typos_allowed(keyed))
    return partners[found] if found is not None else None


# Words that join several partners in one name: `France et Chine`, `France/Chine`.
JOINED = re.compile(r"\s+(?:et|and|&)\s+|\s*[,;/+]\s*")


def resolve_partner(name: str, home: Partner) -> Partner | str:
    """The partner `name` means, or what is wrong with it (the end of an error message)."""
    partner = lookup(name)
    if partner is None:
        return _unknown_partner(name.strip())
    if partner == home:
        return messages.home_country(name)
    return partner


def _unknown_partner(name: str) -> str:
    """Why `name` is no partner, and what to write instead."""
    parts = [part for part in JOINED.split(name) if part]
    partners = [lookup(part) for part in parts]
    if len(parts) > 1 and all(partners):
        return messages.several_partners(name, parts, not any(p.is_organisation for p in partners if p))
    close = suggest(name)
    if close:
        return messages.partner_misspelled(name, close.name, close.is_organisation)
    return messages.partner_unknown(name)


@cache
def adjective_forms() -> dict[str, Partner]:
    """Folded adjective forms (all genders and numbers) and compound prefixes → country."""
    countries = all_countries()
    forms: dict[str, Partner] = {}
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
