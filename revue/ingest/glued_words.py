"""Repair words glued together when the agency's line breaks were lost (`leurentretien`).

Conservative on purpose: a token is split only when both halves are common words
and the join is not one (by `wordfreq` frequencies), so names and rare but real
words (`Kishida`, `élargirait`) stay whole. The same rule covers a number glued
to a word (`12milliards`), a word glued to the elided article after it
(`del'industrie`, `continuerad'intensifier`) and a sentence glued to the next
(`au Japon.En outre`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from wordfreq import zipf_frequency

# A lower-case token this frequent (Zipf scale) is a word, never split.
KNOWN_WORD = 3.0
# Below this, wordfreq's rank is web junk (`lechef` 1.05, `chefde` 1.19), not a word: real
# but rare words and surnames sit above it (`élargirait` 1.5, `Deroche` 1.8, `Lechat` 2.1).
JUNK = 1.3
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
# A verb's future or conditional is its infinitive and an ending: `intensifierait` is one word.
VERB_ENDINGS = frozenset({"a", "ai", "as", "ons", "ez", "ont", "ais", "ait", "ions", "iez", "aient"})
INFINITIVE_ENDINGS = ("er", "ir", "re")
# French elided words, which end a token before an apostrophe (`l'`, `d'`, `qu'`), and the
# whole words that do the same (`jusqu'à`, `aujourd'hui`, `quelqu'un`, `presqu'île`).
ELIDED = ("qu", "l", "d", "j", "m", "n", "s", "t", "c")
ELIDED_WORDS = frozenset({
    *ELIDED, "jusqu", "lorsqu", "puisqu", "quoiqu", "quelqu", "presqu", "aujourd", "prud", "entr", "grand",
})  # fmt: skip
# What a number takes without a space (`1er`, `2e`, `10ème`), and units and codes written
# straight after a word (`km2`, `mp3`, `covid19`): never glue.
NUMBER_SUFFIXES = frozenset({
    "er", "ers", "re", "res", "e", "es", "è", "ème", "èmes", "eme", "emes", "nd", "nde", "nds", "ndes", "ᵉ",
})  # fmt: skip
UNITS = frozenset(
    {"km", "kg", "mm", "cm", "mg", "ml", "ha", "kw", "kwh", "mw", "gw", "co", "mp", "pm", "covid"}
)
_VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûüœæ]", re.IGNORECASE)
# How many times (log10) likelier the parts must be than the glued token, after a cost of 1 per part.
MARGIN = 1.0

_TOKEN = re.compile(r"[^\W\d_]+")
# French elides before a vowel or a mute h; `let's`, `don't` are English and left alone.
_APOSTROPHE_THEN_LETTER = re.compile(r"['’][^\W\d_]")
_APOSTROPHE_THEN_VOWEL = re.compile(r"['’][aeiouyhàâäéèêëîïôöùûüœæ]", re.IGNORECASE)
_CASE_BOUNDARY = re.compile(r"(?<=[^\W\d_])(?=[A-ZÀ-ÖØ-Þ])")
# Punctuation that lost its space: `commerce,l’agriculture`, `démocrate(PLD)`.
_GLUED_COMMA = re.compile(r"(?<=[^\W\d_]),(?=[^\W\d_])")
_GLUED_PARENTHESIS = re.compile(r"(?<=[^\W\d_])\((?=[A-Z0-9][^()]*\))")
# A sentence end that lost its space: `Tu.La`, `2013.L'investissement`, `criminalité...Nguyen`,
# `M.Nguyên`; not initials (`H.R. McMaster`, `D.C`) nor web addresses (`www.VietnamPlus.vn`).
_GLUED_SENTENCE = re.compile(
    r"(?:(?<=[^\W\d_][^\W\d_])|(?<=[\d)»\"])|(?<=\bM))(?:\.\.\.|[.!?…])(?=[A-ZÀ-ÖØ-Þ](?:[a-zß-öø-ÿ]|['’])|«)"
)
_WEB_ADDRESS = re.compile(r"www\.|://|@")
# A number and a word that lost the space between them: `12milliards`, `ces50`, `2019Les`.
_NUMBER_THEN_WORD = re.compile(r"(?<![^\W_])(?P<number>\d+(?:[.,]\d+)*)(?P<word>[^\W\d_]{2,})")
_WORD_THEN_NUMBER = re.compile(r"(?<![^\W_])(?P<word>[^\W\d_]{2,})(?P<number>\d+)")


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


def _common(word: str) -> bool:
    return word.lower() in ONE_LETTER_WORDS or _zipf(word) >= KNOWN_WORD


def _part_ok(part: str, capitalised: bool) -> bool:
    if not _VOWEL.search(part):
        return False
    if len(part) == 1:
        return part.lower() in ONE_LETTER_WORDS
    if len(part) >= LONG:
        return _zipf(part) >= LONG_PART
    return _zipf(part) >= (NAME_PART if capitalised else SHORT_PART)


def _inflected_verb(head: str, tail: str) -> bool:
    """`intensifier` + `ait`: the conditional `intensifierait`, not two words."""
    return head.lower().endswith(INFINITIVE_ENDINGS) and tail.lower() in VERB_ENDINGS


def _log_probability(parts: tuple[str, ...]) -> float:
    return sum(_zipf(part) - 9 for part in parts)


def _splits(token: str) -> list[tuple[str, str]]:
    """Every way to cut `token` into two acceptable parts (three would split names like `Atanas`)."""
    capitalised = token[0].isupper()
    cuts = ((token[:i], token[i:]) for i in range(1, len(token)))
    return [
        (head, tail)
        for head, tail in cuts
        if _part_ok(head, capitalised) and _part_ok(tail, capitalised) and not _inflected_verb(head, tail)
    ]


def _prefixed_word(token: str) -> bool:
    lower = token.lower()
    return any(lower.startswith(prefix) and _zipf(lower[len(prefix) :]) > 0 for prefix in BOUND_PREFIXES)


def split_lower(token: str) -> tuple[str, ...] | None:
    """The parts of a glued lower-case-or-capitalised token, or None when it is a word."""
    whole = _zipf(token)
    if whole >= KNOWN_WORD or (token[0].isupper() and whole >= JUNK) or _prefixed_word(token):
        return None
    candidates = _splits(token)
    if not candidates:
        return None
    best = max(candidates, key=lambda parts: (_log_probability(parts) - len(parts), parts))
    whole_log = whole - 9 if whole >= JUNK else float("-inf")
    if _log_probability(best) - len(best) < whole_log + MARGIN:
        return None
    return best


def split_mixed_case(token: str) -> tuple[str, ...] | None:
    """`NguyenPhuTrong` → Nguyen Phu Trong, `leJapon` → le Japon, `àHanoi` → à Hanoi; `YouTube` stays."""
    if _zipf(token) >= JUNK or (token[0].isupper() and _zipf(token) > 0):
        return None
    parts = tuple(_CASE_BOUNDARY.split(token))
    if len(parts) < 2 or any(len(part) < 2 for part in parts[1:]):
        return None
    if len(parts[0]) < 2 and parts[0] not in ONE_LETTER_WORDS:  # `àHanoi`, but not `iPhone`
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


def split_elision(token: str) -> tuple[str, str] | None:
    """`del` (before `'industrie`) → de l, `continuerad` → continuera d; None for `jusqu`, `aujourd`."""
    if not token.islower() or token in ELIDED_WORDS:
        return None
    for elided in ELIDED:
        head = token[: -len(elided)]
        if head and token.endswith(elided) and _common(head) and not _inflected_verb(head, elided):
            return head, elided
    return None


def _in_web_address(match: re.Match[str]) -> bool:
    """Whether the match lies in a run of non-spaces that is a web or e-mail address."""
    run_start = match.string.rfind(" ", 0, match.start()) + 1
    run_end = match.string.find(" ", match.end())
    return bool(_WEB_ADDRESS.search(match.string[run_start : run_end if run_end >= 0 else len(match.string)]))


def _spaced_sentence(match: re.Match[str]) -> str | None:
    return None if _in_web_address(match) else match.group() + " "


def _spaced_number(match: re.Match[str]) -> str | None:
    word = match.group("word")
    if word.lower() in NUMBER_SUFFIXES | UNITS or word.isupper() or not _common(word):
        return None
    return f"{match.group('number')} {word}"


def _spaced_number_after_word(match: re.Match[str]) -> str | None:
    word = match.group("word")
    if not word.islower() or word in UNITS or not _common(word):
        return None
    return f"{word} {match.group('number')}"


def repair(text: str) -> tuple[str, tuple[Repair, ...]]:
    """`text` with glued words, numbers, sentences and punctuation spaced, and the list of repairs."""
    repairs: list[Repair] = []

    def token(match: re.Match[str]) -> str:
        old = match.group()
        if _in_web_address(match):
            return old
        if _APOSTROPHE_THEN_LETTER.match(match.string, match.end()):
            elision = split_elision(old) if _APOSTROPHE_THEN_VOWEL.match(match.string, match.end()) else None
            if elision is None:
                return old
            head, elided = elision
            apostrophe = match.string[match.end()]
            repairs.append(Repair(old + apostrophe, f"{head} {elided}{apostrophe}"))
            return f"{head} {elided}"
        parts = split_token(old)
        if parts is None:
            return old
        repairs.append(Repair(old, " ".join(parts)))
        return " ".join(parts)

    def spaced(rule: re.Pattern[str], how: Callable[[re.Match[str]], str | None]) -> None:
        nonlocal text

        def replace(match: re.Match[str]) -> str:
            new = how(match)
            if new is None:
                return match.group()
            before = _WORD_BEFORE.search(match.string, 0, match.start())
            after = _WORD_AFTER.match(match.string, match.end())
            assert before and after  # both match the empty string
            repairs.append(
                Repair(before.group() + match.group() + after.group(), before.group() + new + after.group())
            )
            return new

        text = rule.sub(replace, text)

    spaced(_GLUED_SENTENCE, _spaced_sentence)
    spaced(_WORD_THEN_NUMBER, _spaced_number_after_word)
    spaced(_NUMBER_THEN_WORD, _spaced_number)
    text = _TOKEN.sub(token, text)
    spaced(_GLUED_COMMA, lambda match: _SPACED[match.group()])
    spaced(_GLUED_PARENTHESIS, lambda match: _SPACED[match.group()])
    return text, tuple(repairs)


_SPACED = {",": ", ", "(": " ("}
_WORD_BEFORE = re.compile(r"\S*$")
_WORD_AFTER = re.compile(r"\S*")
