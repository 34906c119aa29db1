"""The partner countries an agency text names, each with its evidence: a short phrase quoting the text
(`adjectif « japonaise » (chapeau)`, worded by `messages`), so the import report can say why, and the
editor can check in a glance. Countries named only as where something happens are set aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from revue.core import countries
from revue.core.countries import Partner
from revue.core.messages import import_report
from revue.ingest.agency_text import AgencyText, sentences

# CLDR names that are also common words or first names: `la réunion` (meeting), Maurice, Dominique.
NOT_IN_RUNNING_TEXT = frozenset({"RE", "MU", "DM"})
# Places whose name holds a country's (folded): `Lào Cai` is a Vietnamese province, not Laos.
PLACES_NAMED_LIKE_COUNTRIES = ("lao cai",)

_WORD_GROUP = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_VENUE_BEFORE = re.compile(r"[^\W\d_]\s*\(\s*$")
_VENUE_AFTER = re.compile(r"\s*\)")
# `à Singapour`: a city-state named as where something happens, not whom.
_AT_PLACE = re.compile(r"(?<![\w'])a\s+$")
# `en marge du sommet … au Cambodge`, `sa participation aux sommets … à Singapour`.
_VENUE_CLAUSE = re.compile(
    r"(?:en marge d|participation a)[^.;:]{0,150}?\b(?:a|au|aux|en)\s+(?:la |le |les |l')?$"
)
_BOTH_COUNTRIES = re.compile(r"\b(?:les|des|aux) deux pays\b")


@cache
def _country_names() -> dict[str, Partner]:
    """Folded CLDR names and aliases; not ISO codes, which are French words (`de`, `la`)."""
    return {name: c for name, c in countries.written_names().items() if c.code not in NOT_IN_RUNNING_TEXT}


@cache
def _multi_word_names() -> re.Pattern[str]:
    spaced = sorted((n for n in _country_names() if " " in n), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, spaced)) + r")(?![\w-])")


_PLACES = re.compile(r"(?<![\w-])(?:" + "|".join(PLACES_NAMED_LIKE_COUNTRIES) + r")(?![\w-])")


def _term(word: str) -> Partner | None:
    return _country_names().get(word) or countries.adjective_forms().get(word)


def _compound(parts: list[str]) -> list[Partner] | None:
    """`nippo-vietnamien`, `vietnam-etats-unis`: every part names a country, else None."""
    if not parts:
        return []
    for cut in range(len(parts), 0, -1):
        country = _term("-".join(parts[:cut]))
        rest = _compound(parts[cut:]) if country else None
        if country and rest is not None:
            return [country, *rest]
    return None


def _fold(text: str) -> str:
    """`countries.fold`, one character for one, so positions in the folded text are the text's own."""
    return "".join((countries.fold(c) or c)[0] for c in text)


@dataclass(frozen=True)
class _Naming:
    """One place the text names a country: how (`name`, `adjective`, `compound`), whether as a
    venue, and the sentence it is in (its text, and its number among the article's sentences)."""

    country: Partner
    kind: str
    written: str
    where: str
    venue: bool
    sentence: str
    sentence_number: int


def _venue(folded: str, start: int, end: int) -> bool:
    """`Cebu (Philippines)`, `à Singapour`, `en marge du sommet … au Cambodge`: where, not whom."""
    bracketed = _VENUE_BEFORE.search(folded, 0, start) and _VENUE_AFTER.match(folded, end)
    return bool(bracketed or _AT_PLACE.search(folded, 0, start) or _VENUE_CLAUSE.search(folded, 0, start))


def _namings(text: str, where: str, sentence_number: int) -> Iterator[_Naming]:
    """Every country the sentence `text` names, by name, adjective or compound, in order."""
    folded = _PLACES.sub(lambda m: " " * len(m.group()), _fold(text))
    found = []
    for match in _multi_word_names().finditer(folded):
        venue = _venue(folded, match.start(), match.end())
        found.append((match.start(), _country_names()[match.group()], "name", match, venue))
    blanked = _multi_word_names().sub(lambda m: " " * len(m.group()), folded)
    for match in _WORD_GROUP.finditer(blanked):
        parts = match.group().split("-")
        named = _compound(parts)
        if named is None:  # `Indo-Pacifique`, `Gunma-Vietnam`: only full country names count
            named = [c for part in parts if (c := _country_names().get(part))]
            kind = "name"
        else:
            kind = (
                "compound" if len(named) > 1 else "name" if match.group() in _country_names() else "adjective"
            )
        venue = kind == "name" and _venue(folded, match.start(), match.end())
        found += [(match.start(), country, kind, match, venue) for country in named]
    for _, country, kind, match, venue in sorted(found, key=lambda item: item[0]):
        yield _Naming(country, kind, text[match.start() : match.end()], where, venue, text, sentence_number)


@dataclass(frozen=True)
class PartnerEvidence:
    """Why a country is, or is not, one of the article's partners: `adjectif « japonaise » (chapeau)`."""

    country: Partner
    reason: str


@dataclass(frozen=True)
class PartnerFinding:
    """The article's partner countries, each with its evidence, and the countries set aside as venues."""

    countries: tuple[Partner, ...]
    evidence: tuple[PartnerEvidence, ...]
    set_aside: tuple[PartnerEvidence, ...]


def _both_countries(naming: _Naming, namings: list[_Naming], home: Partner) -> bool:
    """`Singapour … les deux pays`, with no third country in the sentence: a partner, venue or not."""
    others = {n.country for n in namings if n.sentence_number == naming.sentence_number}
    return not others - {naming.country, home} and bool(_BOTH_COUNTRIES.search(_fold(naming.sentence)))


def find_partners(text: AgencyText, home: Partner) -> PartnerFinding:
    """The partner countries the article names, each with why; those named only as its dateline place
    or as venues (`à Singapour`, `en marge de … au Cambodge`) set aside. Never an organisation: in
    agency copy one is nearly always the setting (`dans le cadre de l’ASEAN`), so editors add it."""
    all_sentences = ((sentence, where) for part, where in text.parts() for sentence in sentences(part))
    namings = [
        naming for number, (s, where) in enumerate(all_sentences) for naming in _namings(s, where, number)
    ]
    if text.dateline and text.dateline.place:  # where the agency wrote from: a venue whatever its form
        dateline = text.dateline.quoted()
        namings += [
            _Naming(n.country, n.kind, dateline, import_report.IN_DATELINE, True, dateline, -1)
            for n in _namings(dateline, "", -1)
        ]
    by_country: dict[Partner, list[_Naming]] = {}
    for naming in namings:
        if naming.country != home:
            by_country.setdefault(naming.country, []).append(naming)
    kept, set_aside = [], []
    for country, found in by_country.items():
        partner = next((n for n in found if not n.venue or _both_countries(n, namings, home)), None)
        if partner:
            reason = import_report.partner_named(partner.kind, partner.written, partner.where, len(found))
            kept.append(PartnerEvidence(country, reason))
        else:
            venues = dict.fromkeys((n.written, n.where) for n in found)
            set_aside.append(PartnerEvidence(country, import_report.venue_only(venues)))
    kept.sort(key=lambda evidence: evidence.country)
    return PartnerFinding(tuple(e.country for e in kept), tuple(kept), tuple(set_aside))
