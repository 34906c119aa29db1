"""A deterministic synthetic corpus for the benchmark: N articles made from the seeds' own sentences.

Same seeds and N → byte-identical `content/*.md`, so figures from two machines or two commits compare.
One article in four also reports a local project in a sentence of its own (`project_sentence`), written
as French writes what a search must still find: words after an elision (« l’ostréiculture »,
« d'hydrogène », « L’Usine » in a title), hyphenated compounds (« porte-conteneurs ») and numbers in
groups (« 482 317 », « 482.317 ») or solid. Its words are in no seed, so searches for them have few
answers, which the search tests name (tests/browser/test_search_shards.py).
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
# A project sentence's words: vowel-initial nouns (always elided), compounds, provinces, units.
NOUNS = (
    "aquaculture", "horticulture", "ostréiculture", "irrigation", "hydrogène", "ingénierie", "orfèvrerie",
    "écotourisme", "archéologie", "apiculture", "hôtellerie", "électrification", "imprimerie",
    "aéronautique", "oléoduc", "estuaire", "observatoire", "incubateur", "entrepôt", "hôpital",
    "université", "artisanat", "autoroute", "échangeur", "oncologie", "océanographie", "agrumiculture",
    "usine", "éolienne", "abattoir", "orphelinat", "herboristerie", "ophtalmologie", "ébénisterie",
    "horlogerie", "épicerie",
)  # fmt: skip
COMPOUNDS = (
    "porte-conteneurs", "sous-traitance", "semi-conducteurs", "garde-côtes", "micro-crédit",
    "libre-échange", "auto-entrepreneurs", "éco-construction", "télé-enseignement", "arrière-pays",
    "contre-saison", "pare-feu",
)  # fmt: skip
PROVINCES = (
    "Lao Cai", "Ca Mau", "Bac Ninh", "Thai Binh", "Binh Duong", "Soc Trang", "Phu Yen", "Tay Ninh",
    "Dong Thap", "Lang Son", "Yen Bai", "Hoa Binh",
)  # fmt: skip
UNITS = ("tonnes", "hectares", "dollars", "visiteurs", "emplois", "plants")
PROJECT_SHARE = 4  # one article in PROJECT_SHARE reports a project
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


def grouped(number: int, way: int) -> str:
    """`number` as an editor may type it: in groups with a space (which the typography makes a narrow
    no-break one), with dots as the agency writes them, or solid."""
    groups = f"{number:,}"
    return (groups.replace(",", " "), groups.replace(",", "."), str(number))[way]


def project_sentence(rng: random.Random) -> tuple[str, str]:
    """A project of a province: the sentence in the text, and a title for one project in three.

    Three forms, so that a search for the noun and the province finds some articles that write them
    together (« l’usine de Ca Mau ») and others that write them apart."""
    noun, compound, province = rng.choice(NOUNS), rng.choice(COMPOUNDS), rng.choice(PROVINCES)
    amount = f"{grouped(rng.randrange(10_000, 1_000_000), rng.randrange(3))} {rng.choice(UNITS)}"
    apostrophe = rng.choice("’'")
    form = rng.randrange(3)
    programme = (
        f"programme d{apostrophe}{compound}" if compound[0] in "aeéiou" else f"programme de {compound}"
    )
    if form == 0:
        sentence = f"Le {programme} de {province} prévoit {amount} pour l{apostrophe}{noun}, a précisé le porte-parole."
    elif form == 1:
        sentence = (
            f"L{apostrophe}{noun} de {province} a reçu {amount} jusqu{apostrophe}à la fin du {programme}."
        )
    else:
        sentence = f"À {province}, le {programme} a mobilisé {amount} au service de l{apostrophe}{noun}."
    title = f"L’{noun.capitalize()} de {province}, un {programme}" if rng.randrange(3) == 0 else ""
    return sentence, title


def corpus_article(number: int, sentences: list[str]) -> CorpusArticle:
    """Article `number`, the same every time: 1–2 partners, a date, 4–8 paragraphs of seed sentences, and
    for one in four a project sentence."""
    rng = random.Random(number)
    names = all_countries()
    partners = rng.sample(PARTNERS, rng.choice((1, 1, 2)))
    day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
    title = " ".join(rng.choice(sentences).rstrip(".").split()[:12])
    paragraphs = [" ".join(rng.choices(sentences, k=rng.randint(2, 5))) for _ in range(rng.randint(4, 8))]
    if rng.randrange(PROJECT_SHARE) == 0:
        project, project_title = project_sentence(rng)
        at = rng.randrange(len(paragraphs))
        paragraphs[at] = f"{paragraphs[at]} {project}"
        title = project_title or title
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
