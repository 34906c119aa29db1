"""A deterministic synthetic corpus for the benchmark: N articles made from the seeds' own sentences.

Same seeds and N → byte-identical `content/*.md`, so figures from two machines or two commits compare.
"""

from __future__ import annotations

import datetime
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from revue.core import frontmatter
from revue.core.countries import all_countries

# About thirty partners, as a digest of Vietnam's relations has.
PARTNERS = (
    "JP", "KR", "CN", "US", "FR", "DE", "GB", "RU", "IN", "AU", "LA", "KH", "TH", "SG", "MY",
    "ID", "PH", "NZ", "CA", "IT", "ES", "BE", "NL", "CH", "CU", "BR", "HU", "PL", "MN", "TR",
)  # fmt: skip
FIRST_DAY = datetime.date(2000, 1, 1)
DAYS = 25 * 365
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý«])")


def seed_sentences(seeds: Path) -> list[str]:
    """Sentences of the article part of every seed: after the title, before `Voir plus`, no captions."""
    sentences: list[str] = []
    for seed in sorted(seeds.glob("*.txt")):
        article = seed.read_text(encoding="utf-8").split("\nVoir plus", 1)[0]
        for paragraph in article.split("\n")[1:]:
            if "Photo" in paragraph or len(paragraph) < 40:
                continue
            sentences.extend(s.strip() for s in SENTENCE_END.split(paragraph) if len(s.strip()) > 20)
    return sentences


@dataclass(frozen=True)
class CorpusArticle:
    """One synthetic article, before it is written in a generator's own front matter."""

    number: int
    title: str
    date: datetime.date
    countries: tuple[str, ...]  # French names, as editors write them
    summary: str
    place: str
    body: str  # Markdown paragraphs

    @property
    def slug(self) -> str:
        return f"bench-{self.number:05d}"


def corpus_article(number: int, sentences: list[str]) -> CorpusArticle:
    """Article `number`, the same every time: 1–2 partners, a date, 4–8 paragraphs of seed sentences."""
    rng = random.Random(number)
    names = all_countries()
    partners = rng.sample(PARTNERS, rng.choice((1, 1, 2)))
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
    title = " ".join(rng.choice(sentences).rstrip(".").split()[:12])
    paragraphs = [" ".join(rng.choices(sentences, k=rng.randint(2, 5))) for _ in range(rng.randint(4, 8))]
    return CorpusArticle(
        number=number,
        title=title,
        date=day,
        countries=tuple(names[code].name for code in partners),
        summary=rng.choice(sentences),
        place="Hanoï",
        body="\n\n".join(paragraphs) + "\n",
    )


def corpus(seeds: Path, articles: int) -> Iterator[CorpusArticle]:
    """The first `articles` articles of the corpus made from `seeds`."""
    sentences = seed_sentences(seeds)
    return (corpus_article(number, sentences) for number in range(articles))


def article_text(article: CorpusArticle) -> str:
    """The article as a Revue editor writes it."""
    values = {
        "title": article.title,
        "date": article.date,
        "countries": list(article.countries),
        "summary": article.summary,
        "place": article.place,
        "slug": article.slug,
    }
    return frontmatter.dump(values, article.body)


def write_corpus(content: Path, seeds: Path, articles: int) -> None:
    """Fill `content` with `articles` synthetic articles, `<slug>.md` each."""
    content.mkdir(parents=True, exist_ok=True)
    for article in corpus(seeds, articles):
        (content / f"{article.slug}.md").write_text(article_text(article), encoding="utf-8")
