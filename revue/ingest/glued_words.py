"""Repair words glued together when the agency's line breaks were lost (`leurentretien`).

Conservative on purpose: a token is split only when it is not a French word
(by `wordfreq` frequencies) and every part is a common one, so names and rare
but real words (`Kishida`, `élargirait`) stay whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from wordfreq import zipf_frequency

# A lower-case token this frequent (Zipf scale) is a word, never split.
KNOWN_WORD = 3.0
# Parts must be common words: short parts more so, as short junk abounds.
SHORT_PART, LONG_PART, LONG = 3.0, 2.0, 7
# Capitalised tokens are mostly names: their parts must be very common words.
NAME_PART = 4.0
# One-letter French words that get glued to the next word (`asuggéré`).
ONE_LETTER_WORDS = frozenset({"a", "à", "y"})
# A prefix and a word make a word missing from the list, not two words: `coprésider`.
BOUND_PREFIXES = frozenset({
    "co", "re", "ré", "pré", "dé", "dés", "anti", "ex", "auto", "micro", "macro", "multi", "inter", "super", "hyper", "néo", "post", "pro", "semi", "mini", "bio", "éco", "télé",
})  # fmt: skip
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]", re.IGNORECASE)
# How many times (log10) likelier the parts must be than the glued token, after a cost of 1 per part.
MARGIN = 1.0

_TOKEN = re.compile(r"[^\W\d_]+")
_CASE_BOUNDARY = re.compile(r"(?<=[^\W\d_])(?=[A-ZÀ-ÖØ-Þ])")
# Punctuation that lost its space: `commerce,l’agriculture`, `démocrate(PLD)`.
_GLUED_COMMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")
_GLUED_PARENTHESIS = re.compile(r"(?<=[^\W\d_])\((?=[A-Z0-9][^()]*\))")


@dataclass(frozen=True)
class Repair:
    """One glued token and what it became."""

    old: str
    new: str

    def __str__(self) -> str:
        return f"{self.old} → {self.new}"


@cache
def _zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "fr")


def _part_ok(part: str, capitalised: bool) -> bool:
    if not _VOWEL.search(part):
        return False
    if len(part) == 1:
        return part.lower() in ONE_LETTER_WORDS
    if len(part) >= LONG:
        return _zipf(part) >= LONG_PART
    return _zipf(part) >= (NAME_PART if capitalised else SHORT_PART)


def _log_probability(parts: tuple[str, ...]) -> float:
    return sum(_zipf(part) - 9 for part in parts)


def _splits(token: str) -> list[tuple[str, str]]:
    """Every way to cut `token` into two acceptable parts (three would split names like `Atanas`)."""
    capitalised = token[0].isupper()
    cuts = ((token[:i], token[i:]) for i in range(1, len(token)))
    return [
        (head, tail) for head, tail in cuts if _part_ok(head, capitalised) and _part_ok(tail, capitalised)
    ]


def _prefixed_word(token: str) -> bool:
    lower = token.lower()
    return any(lower.startswith(prefix) and _zipf(lower[len(prefix) :]) > 0 for prefix in BOUND_PREFIXES)


def split_lower(token: str) -> tuple[str, ...] | None:
    """The parts of a glued lower-case-or-capitalised token, or None when it is a word."""
    whole = _zipf(token)
    if whole >= KNOWN_WORD or (token[0].isupper() and whole > 0) or _prefixed_word(token):
        return None
    candidates = _splits(token)
    if not candidates:
        return None
    best = max(candidates, key=lambda parts: (_log_probability(parts) - len(parts), parts))
    whole_log = whole - 9 if whole > 0 else float("-inf")
    if _log_probability(best) - len(best) < whole_log + MARGIN:
        return None
    return best


def split_mixed_case(token: str) -> tuple[str, ...] | None:
    """`NguyenPhuTrong` → Nguyen Phu Trong, `auJapon` → au Japon; `YouTube` stays (a known word)."""
    if _zipf(token) > 0:
        return None
    parts = tuple(_CASE_BOUNDARY.split(token))
    if len(parts) < 2 or any(len(part) < 2 for part in parts):
        return None
    if any(part.islower() and _zipf(part) < KNOWN_WORD for part in parts):
        return None
    return parts


def split_token(token: str) -> tuple[str, ...] | None:
    """The parts of a glued token, or None to leave it alone."""
    if len(token) < 4 or token.isupper():
        return None
    if any(c.isupper() for c in token[1:]):
        return split_mixed_case(token)
    return split_lower(token)


def repair(text: str) -> tuple[str, tuple[Repair, ...]]:
    """`text` with glued words and glued punctuation spaced, and the list of repairs."""
    repairs: list[Repair] = []

    def token(match: re.Match[str]) -> str:
        parts = split_token(match.group())
        if parts is None:
            return match.group()
        repairs.append(Repair(match.group(), " ".join(parts)))
        return " ".join(parts)

    def punctuation(match: re.Match[str]) -> str:
        before = _WORD_BEFORE.search(match.string, 0, match.start())
        after = _WORD_AFTER.match(match.string, match.end())
        spaced = _SPACED[match.group()]
        old = (before.group() if before else "") + match.group() + (after.group() if after else "")
        repairs.append(Repair(old, old.replace(match.group(), spaced, 1)))
        return spaced

    text = _TOKEN.sub(token, text)
    text = _GLUED_COMMA.sub(punctuation, text)
    text = _GLUED_PARENTHESIS.sub(punctuation, text)
    return text, tuple(repairs)


_SPACED = {",": ", ", "(": " ("}
_WORD_BEFORE = re.compile(r"\S*$")
_WORD_AFTER = re.compile(r"\S*")
