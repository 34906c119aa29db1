"""`python build.py new`: a ready-to-fill `content/<slug>.md` that passes validation as written.

Every front matter key is present, each with a French comment (`read.FRONT_MATTER`), so editors discover the
fields in the file itself; optional keys are left empty (YAML null), which the reader accepts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from revue.content.config import load_config
from revue.content.files import folder_or_absent
from revue.content.read import FRONT_MATTER, PLACEHOLDER_BODY, read_article
from revue.content.schedule import today_in
from revue.core import countries, frontmatter, messages, urls
from revue.core.errors import BuildError, Problem, display_path
from revue.core.project import Project
from revue.core.validate import parse_date, refused_character


@dataclass(frozen=True)
class NewArticle:
    """What the editor asked for on the command line."""

    title: str
    countries: tuple[str, ...]
    date: str | None  # YYYY-MM-DD; None means today in the site's time zone


def article_text(
    title: str, day: datetime.date, partners: list[countries.Partner], published: bool = False
) -> str:
    """The file `new` writes: every field of the front matter, with its comment, in its order; the
    editor's request for what it says, the schema's `new_value` for the rest (a draft). `published`:
    the file once the editor has written the text and `draft: false`, for the build's own check."""
    asked = {"title": title, "date": day, "countries": [country.name for country in partners]}
    asked |= {"slug": urls.slug(title)} | ({"draft": False} if published else {})
    values = {field.key: asked.get(field.key, field.new_value) for field in FRONT_MATTER.fields}
    comments = {field.key: field.comment for field in FRONT_MATTER.fields}
    return frontmatter.dump(values, ("Texte." if published else PLACEHOLDER_BODY) + "\n", comments)


def create_article(project: Project, request: NewArticle) -> Path:
    """Write the new article and return its path; raise BuildError, writing nothing, on a bad request."""
    slug = urls.slug(request.title)
    target = project.content / f"{slug or 'article'}.md"
    shown = display_path(target, project.root)
    config = load_config(project.site_yaml)
    problems: list[Problem] = []
    typed = [(messages.NEW_TITLE, request.title), *(("--country", c) for c in request.countries)]
    for what, text in [*typed, ("--date", request.date or "")]:  # argv's bad bytes come as lone surrogates
        if refused := refused_character(text):
            problems.append(Problem(shown, None, messages.new_argument_refused(what, ord(refused))))
    if problems:
        raise BuildError(problems)
    if not slug:
        problems.append(Problem(shown, None, messages.NEW_TITLE_EMPTY))
    day = today_in(config.timezone) if request.date is None else parse_date(request.date)
    if isinstance(day, str):
        problems.append(Problem(shown, None, messages.option_problem("--date", day)))
    partners: list[countries.Partner] = []
    for name in request.countries:
        country = countries.resolve_partner(name, config.home_country)
        if isinstance(country, str):
            problems.append(Problem(shown, None, messages.option_problem("--country", country)))
        elif country not in partners:
            partners.append(country)
    if target.exists():
        problems.append(Problem(shown, None, messages.NEW_FILE_EXISTS))
    if problems:
        raise BuildError(problems)
    assert isinstance(day, datetime.date)
    text = article_text(request.title, day, partners)
    # The build's own checks: once the placeholder is replaced, what `new` wrote builds (BuildError if not).
    read_article(shown, text.encode("utf-8"), config)  # a draft as written, so it blocks nobody's build
    published = article_text(request.title, day, partners, published=True)
    read_article(shown, published.encode("utf-8"), config)
    folder_or_absent(project.content, project.content, messages.CONTENT_IS_NOT_A_FOLDER)
    project.content.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as file:
        file.write(text)
    return shown
