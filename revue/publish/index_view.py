"""The index view: each page as Pagefind reads it, every French word a reader sees standing alone as
Pagefind splits words: an elided article or pronoun apart from its word (« l’ investissement »), a
grouped number's groups joined (« 140~000 »). search.js asks for words in the same form (WORDS, in
`shards.json`) and shows titles and excerpts as the page writes them.
"""

from __future__ import annotations

import itertools
import re

# The index view. Pagefind splits words on whitespace only, and keeps « l’investissement » as one word
# (`linvestissement`): the elided articles and pronouns of French, before a letter, get a space after
# their apostrophe. A number's groups (`140 000`, a narrow no-break space between them as the typography
# writes them) are two words to Pagefind: they are joined by GROUP_MARK, which Pagefind indexes as
# `140000` and as its parts. search.js removes that space and puts the narrow space back in what it shows.
# A filter's value (« Côte d’Ivoire ») is left as it is: the search page filters by it.
ELIDED = ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
# ASCII punctuation, which Pagefind drops from the word and splits it at (not `_`, a word character to it)
GROUP_MARK = "~"
WORDS = {"elided": ELIDED, "group_mark": GROUP_MARK}  # in shards.json: for search.js to undo the view
APOSTROPHES = "’'"
ELIDED_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(ELIDED)})\Z", re.IGNORECASE)  # at the end of a text
LONGEST_ELIDED = max(map(len, ELIDED)) + 1  # with the character before it
DIGIT_GROUP = re.compile(r"\u202f(?<=\d\u202f)(?=\d{3}(?!\d))")  # between a number's groups
FILTER_VALUE = re.compile(r"(data-pagefind-filter[^>]*>[^<]*)")  # kept as it is: the filters name it so


def index_view(page: bytes) -> bytes:
    """The page as Pagefind reads it (see ELIDED); the page itself when nothing in it changes.

    From `<body>` on: Pagefind reads nothing of the head but `<html lang>`, and the head says the title
    and summary three times over. Not only the indexed element, though: finding it costs more than
    changing the rest, which Pagefind never reads."""
    head = max(page.find(b"<body"), 0)
    text = page[head:].decode("utf-8")
    parts = FILTER_VALUE.split(text)
    parts[::2] = (DIGIT_GROUP.sub(GROUP_MARK, set_apart(part)) for part in parts[::2])
    view = "".join(parts)
    return page if view == text else page[:head] + view.encode("utf-8")


def set_apart(text: str) -> str:
    """A space after each elided word's apostrophe, before a letter. Split at the apostrophes, which are
    few, rather than searched for with a pattern, three times slower on a page."""
    for apostrophe in APOSTROPHES:
        pieces = text.split(apostrophe)
        joined = pieces[:1]
        for before, after in itertools.pairwise(pieces):
            elided = after[:1].isalpha() and ELIDED_BEFORE.search(before[-LONGEST_ELIDED:])
            joined += (apostrophe + " " if elided else apostrophe, after)
        text = "".join(joined)
    return text
