"""No line break where French typography forbids one, in the HTML of every page: inside a date, a
reading time, a number and what it counts; `1er` with its superscript; one spelling of a place."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from revue.core.months import MONTH_NAMES
from revue.core.project import Project
from revue.pipeline import Options, build
from tests.conftest import TYPED_ARTICLE, ServedSite, add_typed_article, copy_project

MONTHS = "|".join(MONTH_NAMES)
BREAKABLE = r"[ \t\r\n]+"  # what a browser may break a line at; a no-break space is not one
BROKEN = {
    "date": re.compile(
        rf"(?<![\w.,:])(?:\d{{1,2}}|1er){BREAKABLE}(?:{MONTHS})\b|\b(?:{MONTHS}){BREAKABLE}\d{{4}}\b"
    ),
    "reading time": re.compile(r"\d+\s*min\s+de\s+lecture"),  # flagged when one of its spaces breaks
    "number and unit": re.compile(
        rf"(?<![\w.,:-])(?P<number>\d(?:[\d\u202f\u00a0,.]*\d)?){BREAKABLE}(?P<word>%|[^\W\d_]+)"
    ),
}
SPELLINGS = re.compile(r"\b(?:Hanoi|HANOI|Ha Noi)\b")
# Words after a number that it does not count (`du 3 au 5`, `en 2020 et`): this check's own short list.
LITTLE_WORDS = {
    "et",
    "ou",
    "à",
    "au",
    "aux",
    "en",
    "de",
    "du",
    "des",
    "le",
    "la",
    "les",
    "sur",
    "pour",
    "par",
}
HEAD = re.compile(r"<head>.*?</head>|<script\b.*?</script>", re.S)
SUPERSCRIPT = re.compile(r"</?sup>")
TAG = re.compile(r"<[^>]*>")


def breaks(page: str) -> list[str]:
    """Each place of the page's visible text where a line may break and must not, and each `1er` left
    unraised, quoted."""
    body = HEAD.sub("", page)
    found = [f"1er without <sup>: {text!r}" for text in TAG.split(body) if re.search(r"\b1er\b", text)]
    for text in TAG.split(SUPERSCRIPT.sub("", body)):
        text = html.unescape(text)
        for name, pattern in BROKEN.items():
            for match in pattern.finditer(text):
                if name == "number and unit" and not counts(match):
                    continue
                if name == "reading time" and not re.search(BREAKABLE, match[0]):
                    continue
                found.append(f"{name}: {match[0]!r}")
        found += [f"other spelling: {match[0]!r}" for match in SPELLINGS.finditer(text)]
    return found


def counts(match: re.Match[str]) -> bool:
    """A number followed by what it counts: not a year in its sentence, nor a little word."""
    number, word = match["number"], match["word"]
    return word.lower() not in {*LITTLE_WORDS, *MONTH_NAMES} and not re.fullmatch(r"(?:1[89]|20)\d\d", number)


def site_pages(output: Path) -> dict[str, str]:
    return {
        path.relative_to(output).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(output.rglob("*.html"))
        if "pagefind" not in path.parts
    }


@pytest.fixture(scope="module")
def typeset_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The seed site and an article typed as agency copy is: dates, percentages, counts, `1er`, Hanoi."""
    project = copy_project(tmp_path_factory.mktemp("typeset") / "site")
    add_typed_article(project)
    build(project, options=Options("https://org.github.io/revue/"))
    return project


def test_no_page_breaks_a_date_a_reading_time_or_a_count(
    typeset_site: Project, served_photo_site: ServedSite
) -> None:
    pages = {**site_pages(typeset_site.output), **site_pages(served_photo_site.project.output)}
    assert f"articles/{TYPED_ARTICLE}/index.html" in pages
    found = {path: broken for path, page in pages.items() if (broken := breaks(page))}
    assert not found


def test_the_check_finds_each_break() -> None:
    page = (
        "<head><title>Le 1er mai</title></head><body><p>Le 20 novembre\n2023, 6 % et 140 000 masques, à Hanoi"
        "</p><p>1er mai</p><span>3 min de\nlecture</span><p>en 2020 et du 3 au 5 ; 1<sup>er</sup>\u00a0mai</p>"
    )
    assert breaks(page) == [
        "1er without <sup>: '1er mai'",
        "date: '20 novembre'",
        "number and unit: '6 %'",
        "number and unit: '000 masques'",
        "other spelling: 'Hanoi'",
        "date: '1er mai'",
        "reading time: '3 min de\\nlecture'",
        "number and unit: '3 min'",
    ]
    assert breaks("<p>en février 2023</p>") == ["date: 'février 2023'"]
