"""French typography for what readers see: curly apostrophes, « guillemets », thin spaces, `1er`, and
no line break inside a date or between a number and what it counts.

Agency copy arrives typed on ordinary keyboards (`l'Etat`, `"Doi moi"`, `Photo: VNA`, `6%`). These
rules fix the text only: tags, attributes, URLs, e-mail addresses and code are left untouched. No-break
spaces are white space to Pagefind (Unicode's White_Space), so every word stays one word in the index.

Units that must not be split at the end of a line get no-break spaces: a date (`20 novembre 2023`,
`février 2023`), a number and the word it counts (`140 000 masques`, `6,5 tonnes`) — not a year
followed by its sentence (`en 2020 et`), nor a number followed by a little word (`du 3 au 5`).
A place has one spelling on the page (`PLACES`: `Hanoi`, `Ha Noi` → `Hanoï`); the editor's file keeps theirs.

Numbers get a narrow no-break space before `%` and between groups of thousands, and only where the
text leaves no doubt that it is a quantity, since years (2023), codes (75001), phone numbers
(024 3825 1234) and decimals (1,5) must stay as they are:
- a number already written in groups of three with spaces, `200 000` or `1 500,5`: the spaces become
  narrow no-break ones; not when another group of digits touches it (`2023 200 000`, `12 345 6789`);
- a number of five digits or more written solid, `200000`, only when a unit of measure or a currency
  follows (`200000 tonnes`, `15000 USD`): `200 000 tonnes`. Four digits stay solid, as French allows.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markupsafe import Markup, escape

from revue.core.months import MONTH_NAMES

NBSP = "\u00a0"  # inside « guillemets », inside a date, between a number and the word it counts
NNBSP = "\u202f"  # narrow no-break space, before ; : ! ? %, and between thousands

MONTHS = "|".join(MONTH_NAMES)
UNTOUCHED = re.compile(r"(https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+)")
TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
CODE_TAGS = {"code", "pre", "kbd", "samp", "script", "style"}
BLOCKS = {"p", "li", "td", "th", "br", "h2", "h3", "h4", "h5", "h6", "blockquote"}  # fmt: skip
SPACES = f"[ \t{NBSP}{NNBSP}]"

DIGITS = "0123456789"
# Words a number is followed by without counting them: `du 3 au 5`, `les 27 et les 28`.
LITTLE_WORDS = frozenset({
    "et", "ou", "à", "au", "aux", "en", "de", "du", "des", "le", "la", "les", "un", "une", "pour", "par",
    "sur", "sous", "dans", "avec", "entre", "contre", "puis", "mais", "qui", "que", "dont", "où", "selon",
    "vers", "après", "avant", "depuis",
})  # fmt: skip
WORD_CHARACTER = re.compile(r"\w")
YEAR = re.compile(r"(?:1[89]|20)\d\d")  # a solid four-digit number that reads as a year (1800–2099)
ORDINAL = re.compile(r"(\d(?<![\w.,-]\d)\d*)(ers?|res?|es?)(?!\w)")  # `1er`, `21e`, `1res`: suffix raised
# The place names French spells its own way, and what agency copy and editors type for them; each
# variant starts with an H, so that the rule does too.
PLACES = {
    "Hanoï": ("Hanoi", r"Ha\s?Noi", r"Hà\s?Nội"),
    "Hô Chi Minh-Ville": (r"H[oô][\s-]?Chi[\s-]?Minh[\s-]?Ville",),
}
PLACE = re.compile(
    rf"H(?<!\wH)(?:{'|'.join(variant[1:] for variants in PLACES.values() for variant in variants)})(?!\w)",
    re.IGNORECASE,
)
PLACE_SIGNS = ("noi", "Noi", "NOI", "Nội", "NỘI", "Minh", "MINH")  # what every variant holds, however cased
PLACE_NAMES = tuple(
    (re.compile(f"{'|'.join(variants)}$", re.IGNORECASE), name) for name, variants in PLACES.items()
)
GROUP_SPACES = f"[ {NBSP}{NNBSP}]"  # what may already separate thousands
# Units of measure and currencies after which a solid number of five digits or more is a quantity.
UNITS = (
    "km²|km2|km|m²|m2|m³|m3|kg|t|m|ha|hectares?|tonnes?|litres?|barils?|kWh|kW|MWh|MW|GWh|GW|EVP|TEU"
    "|dollars?|USD|euros?|EUR|dongs?|VND|yens?|JPY|wons?|KRW|yuans?|CNY|bahts?|kips?|riels?|roubles?"
)
# A number's first digit: no digit, decimal mark or digit group just before it.
NUMBER_START = rf"(?<![\w.,]\d)(?<!\d{GROUP_SPACES}\d)"


def narrow_groups(number: re.Match[str]) -> str:
    """`200 000` or `200000` with a narrow no-break space between the groups of three digits."""
    digits = re.sub(GROUP_SPACES, "", number[0])
    head = len(digits) % 3 or 3
    return NNBSP.join([digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))])


# How far back a `"` after a digit looks for the « it would close: farther, it is an inch mark.
QUOTATION_REACH = 2000


def closing_quote(match: re.Match[str]) -> str:
    """A `"` that is not an opening one closes a quotation: `»` after a no-break space. Unless it follows
    a digit while no quotation is open (`un écran de 15"`, written `"15\\" …"` in a title): the inch
    mark ″, never a stray »."""
    start, text = match.start(), match.string
    if match[0] == '"' and start and text[start - 1] in DIGITS:
        reach = max(0, start - QUOTATION_REACH)
        closed = max(text.rfind("»", reach, start), text.rfind('"', reach, start))  # `"`: closed in this pass
        if text.rfind("«", reach, start) <= closed:
            return "″"
    return f"{NBSP}»"


def place_name(found: re.Match[str]) -> str:
    """The French spelling of a place, in capitals when it was written in capitals (`HANOI (VNA)`)."""
    name = next(name for variants, name in PLACE_NAMES if variants.match(found[0]))
    return name.upper() if found[0].isupper() else name


def unbroken_date(found: re.Match[str]) -> str:
    """`1 mai  2020` → `1er mai 2020`, with no-break spaces: French writes the first as an ordinal."""
    day = "1er" if found["day"] in ("1", "1er") else found["day"]
    return NBSP.join(part for part in (day, found["month"], found["year"]) if part)


def unbroken_month(found: re.Match[str]) -> str:
    """`février 2023` with a no-break space; not the end of a word that happens to be a month's name."""
    start = found.start()
    if start and WORD_CHARACTER.match(found.string, start - 1):
        return found[0]
    return f"{found['month']}{NBSP}{found['year']}"


def counted(found: re.Match[str]) -> str:
    """A number and the word it counts, joined by a no-break space; a year or a little word, not."""
    word = found["word"]
    if word.lower() in LITTLE_WORDS or (YEAR.fullmatch(found["number"]) and not re.fullmatch(UNITS, word)):
        return found[0]
    return f"{found['number']}{NBSP}{word}"


# Each rule comes with the signs it needs (characters, or words): a text without any of them is left as
# it is, unscanned.
# The rules start with the character they act on, never with a lookbehind (tried at every position);
# `french_text` applies them in this order, each to the previous one's result.
RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str], str | tuple[str, ...]], ...] = (
    (re.compile(r"'(?:(?<=\w')|(?=\w))"), "’", "'"),  # after or before a letter
    (re.compile(rf'"(?<![^\s(\[{NBSP}]"){SPACES}*'), f"«{NBSP}", '"'),  # opens: first, or after a space or (
    (re.compile(rf'{SPACES}*"'), closing_quote, '"'),
    (re.compile(rf"«{SPACES}*"), f"«{NBSP}", "«"),
    (re.compile(rf"{SPACES}*»"), f"{NBSP}»", "»"),
    (re.compile(rf"{SPACES}+(?=[;:!?])"), NNBSP, ";:!?"),
    (
        re.compile(rf"([;:!?])(?<=[^\s{NBSP}{NNBSP}«(\[;:!?][;:!?])(?=[\s{NBSP}»)\]!?’]|$)"),
        rf"{NNBSP}\1",
        ";:!?",
    ),
    (
        re.compile(
            rf"(?P<day>\d(?<![\w.,:]\d)\d?(?:er)?){SPACES}+(?P<month>{MONTHS})\b"
            rf"(?:{SPACES}+(?P<year>\d{{4}})(?!\d|,\d))?"
        ),
        unbroken_date,
        DIGITS,
    ),
    (
        re.compile(rf"(?P<month>{MONTHS}){SPACES}+(?P<year>\d{{4}})(?!\d|,\d)"),
        unbroken_month,
        DIGITS,
    ),
    (re.compile(rf"(\d){SPACES}*%"), rf"\1{NNBSP}%", "%"),
    (
        re.compile(rf"\d{NUMBER_START}\d{{0,2}}(?:{GROUP_SPACES}\d{{3}})+(?!\d|{GROUP_SPACES}\d)"),
        narrow_groups,
        DIGITS,
    ),
    (re.compile(rf"\d{NUMBER_START}\d{{4,}}(?={SPACES}+(?:{UNITS})(?!\w))"), narrow_groups, DIGITS),
    (
        re.compile(
            rf"(?P<number>\d(?<![\w:-]\d){NUMBER_START}[\d{NNBSP},.]*\d|\d(?<![\w:-]\d){NUMBER_START})"
            rf"[ \t\n]+(?P<word>[^\W\d_][\w²³]*)"
        ),
        counted,
        DIGITS,
    ),
    (PLACE, place_name, PLACE_SIGNS),
)
# Only what could start a URL or an e-mail address makes `french_text` look for them.
UNTOUCHED_SIGNS = ("://", "www.", "@")


def french_text(text: str) -> str:
    """Apply the rules to plain text (a title, a summary), skipping URLs and e-mail addresses."""
    parts = UNTOUCHED.split(text) if any(sign in text for sign in UNTOUCHED_SIGNS) else [text]
    for index in range(0, len(parts), 2):  # odd indexes are the URLs the split kept
        part = parts[index]
        for pattern, replacement, needs in RULES:
            if any(sign in part for sign in needs):
                part = pattern.sub(replacement, part)
        parts[index] = part
    return "".join(parts)


def in_context(text: str, before: str) -> str:
    """`french_text` for a piece that follows `before` (the end of the previous text node)."""
    if before:
        result = french_text(before + text)
        if result.startswith(before):
            return result[len(before) :]
    return french_text(text)


def french_html(fragment: str) -> str:
    """Apply the rules to the text nodes of an HTML fragment, outside code and preformatted blocks, and
    raise the suffix of ordinals (`1<sup>er</sup>`), which plain text cannot."""
    out: list[str] = []
    inside_code = 0
    before = ""
    for part in TAG.split(fragment):
        if part.startswith("<"):
            match = TAG_NAME.match(part)
            if match and match[2].lower() in CODE_TAGS:
                inside_code = max(0, inside_code + (-1 if match[1] else 1))
            if match and match[2].lower() in BLOCKS:
                before = ""
            out.append(part)
        elif inside_code or not part:
            out.append(part)
        else:
            text = in_context(html.unescape(part), before)
            before = text[-1:] or before
            escaped = html.escape(text, quote=False)
            out.append(
                ORDINAL.sub(r"\1<sup>\2</sup>", escaped) if any(d in text for d in DIGITS) else escaped
            )
    return "".join(out)


def french_markup(text: str) -> Markup:
    """A plain text (a title, a date) as HTML, with the rules and raised ordinals: for text that pages
    show, never for an attribute (`french_text`)."""
    return Markup(french_html(str(escape(text))))
