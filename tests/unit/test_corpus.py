"""The benchmark corpus: the same N gives the same bytes, and every article is a valid one."""

from __future__ import annotations

from pathlib import Path

from revue.dev.corpus import PARTNERS, write_corpus
from revue.site.config import load_config
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
