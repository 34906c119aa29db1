"""One raw agency text → the Markdown file the importer would write for it.

The costly part of an import (wordfreq's word lists, the text heuristics): imported only when a seed
has to be converted, so a build with nothing to import never loads it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from revue.content.config import SiteConfig
from revue.core import frontmatter, messages, urls
from revue.core.errors import LineError
from revue.core.inputfile import read_text_input
from revue.core.urls import MAX_IMPORTED_SLUG_LENGTH
from revue.ingest import glued_words
from revue.ingest.agency_text import AgencyText, Caption, Dropped, cut_at_a_word, parse
from revue.ingest.date_finding import DateFinding, find_date
from revue.ingest.markdown_text import escape
from revue.ingest.partner_finding import PartnerFinding, find_partners
from revue.ingest.sources import SourceEntry


@dataclass(frozen=True)
class ConvertedSeed:
    """One seed turned into the Markdown file the importer writes."""

    seed: str
    slug: str
    markdown: str
    title: str
    date: DateFinding
    partners: PartnerFinding
    dropped: tuple[Dropped, ...]  # lines of the copy that are not the article
    repairs: tuple[glued_words.Repair, ...]
    warnings: tuple[str, ...]


def _repaired(text: AgencyText) -> tuple[AgencyText, tuple[glued_words.Repair, ...]]:
    """`text` with glued words split in its title, standfirst, paragraphs and captions."""
    repairs: list[glued_words.Repair] = []

    def fix(value: str) -> str:
        fixed, found = glued_words.repair(value)
        repairs.extend(found)
        return fixed

    fixed = replace(
        text,
        title=fix(text.title),
        standfirst=fix(text.standfirst) if text.standfirst else None,
        paragraphs=tuple(fix(p) for p in text.paragraphs),
        photos=tuple(Caption(fix(photo.caption), photo.credit) for photo in text.photos),
    )
    return fixed, tuple(repairs)


def _imported_slug(title: str) -> str:
    """The title's slug, cut at a word to MAX_IMPORTED_SLUG_LENGTH and never ending on `de`, `la`, `à`…"""
    slug = urls.slug(title, MAX_IMPORTED_SLUG_LENGTH)
    if slug == urls.slug(title, max_length=0):  # 0: not cut
        return slug
    return "-".join(cut_at_a_word(slug.split("-")))


def convert(seed: str, raw: str, source: SourceEntry, config: SiteConfig) -> ConvertedSeed:
    """One raw agency text → the Markdown file for it; LineError when it holds no article."""
    text, repairs = _repaired(parse(raw))
    slug = _imported_slug(text.title)
    if not slug:
        raise LineError(1, messages.seed_title_without_words(text.title))
    found = find_date(text, source.date)
    partners = find_partners(text, config.home_country)
    values: dict[str, Any] = {"title": text.title}
    if found.date:
        values["date"] = found.date
    elif found.partial:  # the day the text gives, for the editor to complete in the draft
        values["date"] = frontmatter.Quoted(found.partial.placeholder())
    values["countries"] = [country.name for country in partners.countries]
    values["summary"] = text.standfirst or text.paragraphs[0]
    if text.dateline and text.dateline.place:
        values["place"] = text.dateline.place
    values["source"] = {"agency": text.agency, **({"url": source.url} if source.url else {}), "seed": seed}
    if text.photos:
        values["photos"] = [
            {"caption": photo.caption, **({"credit": photo.credit} if photo.credit else {})}
            for photo in text.photos
        ]
    values["slug"] = slug
    if not found.date:
        values["draft"] = True
    body = "\n\n".join(escape(paragraph) for paragraph in text.paragraphs)
    return ConvertedSeed(
        seed=seed,
        slug=slug,
        markdown=frontmatter.dump(values, f"{body}\n"),
        title=text.title,
        date=found,
        partners=partners,
        dropped=text.dropped,
        repairs=repairs,
        warnings=(*text.warnings, *found.warnings),
    )


def read_seed(path: Path) -> str:
    """An agency text, as `inputfile.read_input` bounds it; LineError (no line) when it cannot be read."""
    try:
        return read_text_input(path)
    except UnicodeDecodeError:
        raise LineError(None, messages.not_utf8()) from None
    except FileNotFoundError:  # listed a moment ago
        raise LineError(None, messages.CHANGED_DURING_BUILD) from None
    except OSError as error:
        raise LineError(None, messages.cannot_read(messages.system_error(error))) from None
