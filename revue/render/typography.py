"""French typography for what readers see: curly apostrophes, « guillemets », thin spaces, `1er`.

Agency copy arrives typed on ordinary keyboards (`l'Etat`, `"Doi moi"`, `Photo: VNA`, `6%`). These
rules fix the text only: tags, attributes, URLs, e-mail addresses and code are left untouched.

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

from revue.core.months import MONTH_NAMES

NBSP = "\u00a0"  # inside « guillemets », after `1er`
NNBSP = "\u202f"  # narrow no-break space, before ; : ! ? %, and between thousands

MONTHS = "|".join(MONTH_NAMES)
UNTOUCHED = re.compile(r"(https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+)")
TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
CODE_TAGS = {"code", "pre", "kbd", "samp", "script", "style"}
BLOCKS = {"p", "li", "td", "th", "br", "h2", "h3", "h4", "h5", "h6", "blockquote"}  # fmt: skip
SPACES = f"[ \t{NBSP}{NNBSP}]"

DIGITS = "0123456789"
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


# Each rule comes with the characters it needs: a text without any of them is left as it is, unscanned.
# The rules start with the character they act on, never with a lookbehind (tried at every position);
# `french_text` applies them in this order, each to the previous one's result.
RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str], str], ...] = (
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
    (re.compile(rf"1(?<!\w1)(?:er)?{SPACES}+(?=(?:{MONTHS})\b)"), f"1er{NBSP}", "1"),
    (re.compile(rf"(\d){SPACES}*%"), rf"\1{NNBSP}%", "%"),
    (
        re.compile(rf"\d{NUMBER_START}\d{{0,2}}(?:{GROUP_SPACES}\d{{3}})+(?!\d|{GROUP_SPACES}\d)"),
        narrow_groups,
        DIGITS,
    ),
    (re.compile(rf"\d{NUMBER_START}\d{{4,}}(?={SPACES}+(?:{UNITS})(?!\w))"), narrow_groups, DIGITS),
)
# Only what could start a URL or an e-mail address makes `french_text` look for them.
UNTOUCHED_SIGNS = ("://", "www.", "@")


def french_text(text: str) -> str:
    """Apply the rules to plain text (a title, a summary), skipping URLs and e-mail addresses."""
    parts = UNTOUCHED.split(text) if any(sign in text for sign in UNTOUCHED_SIGNS) else [text]
    for index in range(0, len(parts), 2):  # odd indexes are the URLs the split kept
        part = parts[index]
        for pattern, replacement, needs in RULES:
            if any(character in part for character in needs):
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
    """Apply the rules to the text nodes of an HTML fragment, outside code and preformatted blocks."""
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
            out.append(html.escape(text, quote=False))
    return "".join(out)
