"""The benchmark corpus: the same N gives the same bytes, and every article is a valid one."""

from __future__ import annotations

import re
from pathlib import Path

from revue.content.config import load_config
from revue.dev.corpus import COMPOUNDS, NOUNS, PARTNERS, PROVINCES, corpus, write_corpus
from tests.conftest import REPO, read_all


def test_the_corpus_is_deterministic_and_valid(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    write_corpus(first, REPO / "seeds", 60)
    write_corpus(second, REPO / "seeds", 60)
    assert [p.read_bytes() for p in sorted(first.iterdir())] == [
        p.read_bytes() for p in sorted(second.iterdir())
    ]

    articles = read_all(first, load_config(REPO / "site.yaml"), tmp_path)
    assert len(articles) == 60
    assert all(
        1 <= len(a.countries) <= 2 and {c.code for c in a.countries} <= set(PARTNERS) for a in articles
    )
    assert all("Voir plus" not in a.body_markdown for a in articles)
    assert len({a.date.year for a in articles if a.date}) > 10


def test_a_quarter_of_the_corpus_reports_a_project_written_as_french_writes() -> None:
    """Elided words, compounds and numbers in groups, for the search's query set to find."""
    articles = list(corpus(REPO / "seeds", 400))
    texts = [f"{a.title}\n{a.body}" for a in articles]
    projects = [t for t in texts if any(f"{p}" in t for p in PROVINCES)]
    assert 70 <= len(projects) <= 130
    nouns = {n for t in projects for n in NOUNS if re.search(rf"[’']{n}\b", t)}
    assert len(nouns) > len(NOUNS) / 2, "each noun after an elision"
    assert any(re.search(r"\bL’[A-ZÉ]", a.title) for a in articles), "an elision in a title"
    assert {c for t in projects for c in COMPOUNDS if c in t} == set(COMPOUNDS)
    numbers = [
        re.search(r"(\d{1,3}(?:[ .]\d{3})+|\d{5,6}) (?:tonnes|hectares|dollars|visiteurs|emplois|plants)", t)
        for t in projects
    ]
    forms = {(" " in n[1]) + 2 * ("." in n[1]) for n in numbers if n}
    assert forms == {0, 1, 2}, "solid, in groups with a space, in groups with dots"
