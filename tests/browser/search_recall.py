"""French queries a reader types, each with the articles it must find, asked through the search page.

A query's expected articles must come first (`within` 1: the first result is one of them) or fill the
first five (`within` 5: all of them when they are five or fewer, else five of them). Recall@1 counts
the queries whose first result is expected, recall@5 those whose first five are as they must be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from playwright.sync_api import Page, expect

# The kinds of French writing a query set covers: each kind must be asked at least once.
KINDS = ("elided", "elided query", "compound", "phrase", "number", "accents", "plural", "upper case")


@dataclass(frozen=True)
class Expected:
    query: str
    articles: tuple[str | int, ...]  # keys the test maps to result links (seed dates, corpus numbers)
    within: int  # 1 or 5
    kind: str


def first_five(page: Page, queries: Iterable[str]) -> dict[str, list[str]]:
    """The links of the first five results of each query, typed one after another into the open search
    page (Pagefind stays loaded, as for a reader who tries several words)."""
    field = page.get_by_label("Mots à rechercher")
    status = page.locator("#recherche-etat")
    found = {}
    for query in queries:
        field.fill(query)
        # A generous wait, not a time limit: shards to load on a machine other tests keep busy.
        expect(status).to_contain_text(f"«\u00a0{said(query)}\u00a0»", timeout=60_000)
        links = page.locator("#recherche-resultats h2 a").all()[:5]
        found[query] = [link.get_attribute("href") or "" for link in links]
    return found


def said(query: str) -> str:
    """The query as the status line quotes it: a phrase typed in quotes, without its own."""
    quoted = re.fullmatch(r'\s*["«“„]\s*(.+?)\s*["»”“]\s*', query, re.S)
    return quoted[1] if quoted else query.strip()


def hits(expected: Expected, links: list[str], href: Mapping[str | int, str]) -> tuple[bool, bool]:
    """Does the first result match, do the first five?"""
    wanted = {href[key] for key in expected.articles}
    return bool(links) and links[0] in wanted, len(wanted & set(links[:5])) >= min(5, len(wanted))


def recall(
    where: str, queries: list[Expected], found: Mapping[str, list[str]], href: Mapping[str | int, str]
) -> tuple[float, float, list[str]]:
    """Recall@1, recall@5 and the queries that miss their own bound; prints them for the test log."""
    assert set(KINDS) <= {q.kind for q in queries}, "every kind of French writing is asked"
    scores = [hits(q, found[q.query], href) for q in queries]
    at_1 = sum(first for first, _ in scores) / len(queries)
    at_5 = sum(five for _, five in scores) / len(queries)
    missed = [
        f"{q.kind}: {q.query!r} → {[short(link) for link in found[q.query]]}"
        for q, (first, five) in zip(queries, scores, strict=True)
        if not (first if q.within == 1 else five)
    ]
    print(f"\n{where}: {len(queries)} queries, recall@1 {at_1:.2f}, recall@5 {at_5:.2f}")
    print("\n".join(f"  missed {line}" for line in missed))
    return at_1, at_5, missed


def short(link: str) -> str:
    return re.sub(r"^.*/articles/([^/]{0,24})[^/]*/$", r"\1", link)
