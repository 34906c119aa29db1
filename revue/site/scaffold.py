"""`python build.py new`: a ready-to-fill `content/<slug>.md` that passes validation as written.

Every front matter key is present, each with a French comment, so editors discover the
fields in the file itself; optional keys are left empty (YAML null), which the reader accepts.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from revue.core import countries
from revue.core.errors import BuildError, Problem, display_path
from revue.core.project import Project
from revue.site.config import load_config
from revue.site.read import PLACEHOLDER_BODY, FileProblems, parse_date, read_article


@dataclass(frozen=True)
class NewArticle:
    """What the editor asked for on the command line."""

    title: str
    countries: tuple[str, ...]
    date: str | None  # YYYY-MM-DD; None means today


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def front_matter(title: str, day: datetime.date, partners: list[countries.Country]) -> str:
    names = ", ".join(quoted(c.name) for c in partners)
    return f"""---
# Titre affiché en tête de l'article et dans les listes.
title: {quoted(title)}
# Date de l'événement, au format AAAA-MM-JJ.
date: {day.isoformat()}
# Pays partenaires, en français, séparés par des virgules : [Japon, Corée du Sud]
countries: [{names}]
# Chapeau : une ou deux phrases reprises dans les listes et les moteurs de recherche (facultatif).
summary:
# Lieu de l'événement, par exemple "Hanoï" (facultatif).
place:
# Source : {{agency: VNA, url: https://…}} (facultatif).
source:
# Photos publiées par l'agence : [{{caption: "Légende", credit: "VNA"}}] (facultatif).
photos: []
# Adresse de la page (articles/<slug>/) ; vide = tirée du titre.
slug:
# true = brouillon, absent du site publié.
draft: false
---

"""


def create_article(project: Project, request: NewArticle) -> Path:
    """Write the new article and return its path; raise BuildError, writing nothing, on a bad request."""
    slug = slugify(request.title)
    target = project.content / f"{slug or 'article'}.md"
    shown = display_path(target, project.root)
    config = load_config(project.site_yaml)
    problems: list[Problem] = []
    if not slug:
        problems.append(Problem(shown, None, "the title is empty — give the article a title in quotes"))
    day = datetime.date.today() if request.date is None else parse_date(request.date)
    if isinstance(day, str):
        problems.append(Problem(shown, None, "--" + day))
    partners: list[countries.Country] = []
    for name in request.countries:
        country = countries.resolve_partner(name, config.home_country)
        if isinstance(country, str):
            problems.append(Problem(shown, None, f"--country {country}"))
        elif country not in partners:
            partners.append(country)
    if target.exists():
        problems.append(
            Problem(shown, None, "already exists — edit it, or choose another title for the new article")
        )
    if problems:
        raise BuildError(problems)
    assert isinstance(day, datetime.date)
    text = front_matter(request.title, day, partners) + PLACEHOLDER_BODY + "\n"
    try:  # the build's own checks: once the placeholder is replaced, what `new` wrote builds
        read_article(shown, text.replace(PLACEHOLDER_BODY, "Texte.").encode("utf-8"), config)
    except FileProblems as error:
        raise BuildError(error.problems) from None
    project.content.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as file:
        file.write(text)
    return shown
