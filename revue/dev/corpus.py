"""A deterministic synthetic corpus for the benchmark: N articles made from the seeds' own sentences.

Same seeds and N → byte-identical `content/*.md`, so figures from two machines or two commits compare.
"""

from __future__ import annotations

import datetime
import random
import re
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


def article_text(number: int, sentences: list[str]) -> str:
    """Article `number`, the same every time: front matter plus 4–8 paragraphs of seed sentences."""
    rng = random.Random(number)
    names = all_countries()
    partners = rng.sample(PARTNERS, rng.choice((1, 1, 2)))
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
    title = " ".join(rng.choice(sentences).rstrip(".").split()[:12])
    paragraphs = [" ".join(rng.choices(sentences, k=rng.randint(2, 5))) for _ in range(rng.randint(4, 8))]
    values = {
        "title": title,
        "date": day,
        "countries": [names[code].name for code in partners],
        "summary": rng.choice(sentences),
        "place": "Hanoï",
        "slug": f"bench-{number:05d}",
    }
    return frontmatter.dump(values, "\n\n".join(paragraphs) + "\n")


def write_corpus(content: Path, seeds: Path, articles: int) -> None:
    """Fill `content` with `articles` synthetic articles."""
    sentences = seed_sentences(seeds)
    content.mkdir(parents=True, exist_ok=True)
    for number in range(articles):
        (content / f"bench-{number:05d}.md").write_text(article_text(number, sentences), encoding="utf-8")
