"""`python build.py new`: a complete article file that builds as written, and refusals that say why."""

from __future__ import annotations

import datetime

from revue.core.project import Project
from revue.core.yamlsource import load_mapping
from revue.site.read import KNOWN_KEYS, PLACEHOLDER_BODY
from tests.build_cli import build_py
from tests.conftest import indexed_urls

TITLE = "Le Vietnam et l'Allemagne : « un partenariat » renforcé"
SLUG = "le-vietnam-et-l-allemagne-un-partenariat-renforce"
PATH = f"content/{SLUG}.md"


def front_matter(project: Project) -> dict:
    text = (project.root / PATH).read_text(encoding="utf-8")
    return load_mapping(text.split("---\n")[1]).values


def test_new_writes_a_draft_with_every_key_that_blocks_nobody_until_published(project: Project) -> None:
    result = build_py(
        project, "new", TITLE, "--country", "allemagne", "--country", "Corée du Sud", "--date", "2024-03-01"
    )

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"Created {PATH} as a draft: write the article below its front matter, preview it with "
        "`python build.py serve`, then write `draft: false` to publish it\n"
    )
    values = front_matter(project)
    assert tuple(values) == KNOWN_KEYS
    assert (values["title"], values["date"], values["countries"], values["slug"], values["draft"]) == (
        TITLE,
        "2024-03-01",
        ["Allemagne", "Corée du Sud"],
        SLUG,
        True,
    )
    unfinished = build_py(project, "build")  # a colleague publishes while the article is being written
    assert (unfinished.returncode, unfinished.stderr) == (0, "")
    assert not (project.output / "articles" / SLUG).exists()
    publish(project)
    placeholder = build_py(project, "check")
    assert placeholder.returncode == 1
    assert placeholder.stderr.splitlines()[0] == (
        f"{PATH}:22: the article still holds the example text written by `new` — replace it with the article"
    )
    write_body(project)
    check = build_py(project, "check")
    assert (check.returncode, check.stderr) == (0, "")


def publish(project: Project) -> None:
    path = project.root / PATH
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true", "draft: false"), encoding="utf-8")


def write_body(project: Project) -> None:
    """What the editor does next: replace the placeholder with the article."""
    path = project.root / PATH
    text = path.read_text(encoding="utf-8").replace(PLACEHOLDER_BODY, "Berlin et Hanoï signent un accord.")
    path.write_text(text, encoding="utf-8")


def test_new_dates_the_article_today_by_default(project: Project) -> None:
    assert build_py(project, "new", TITLE, "--country", "Japon").returncode == 0

    assert front_matter(project)["date"] == datetime.date.today().isoformat()


def test_new_article_is_listed_on_its_country_and_year_pages_and_indexed_after_a_build(
    project: Project,
) -> None:
    assert build_py(project, "new", TITLE, "--country", "Allemagne", "--date", "2024-03-01").returncode == 0
    write_body(project)
    publish(project)

    build = build_py(project, "build")

    assert build.returncode == 0, build.stderr
    for page in ("pays/allemagne/index.html", "pays/allemagne/2024/index.html", "annees/2024/index.html"):
        html = (project.output / page).read_text(encoding="utf-8")
        assert f'href="/articles/{SLUG}/"' in html, page
    assert (project.output / "articles" / SLUG / "index.html").is_file()
    assert f"/articles/{SLUG}/" in indexed_urls(project.output)  # found by the site's search


def test_new_refuses_to_overwrite_an_existing_article(project: Project) -> None:
    assert build_py(project, "new", TITLE, "--country", "Japon").returncode == 0
    (project.root / PATH).write_text("déjà rédigé", encoding="utf-8")

    result = build_py(project, "new", TITLE, "--country", "Japon")

    assert result.returncode == 1
    assert result.stderr == (
        f"{PATH}: already exists — edit it, or choose another title for the new article\n"
        "New article refused: 1 problem(s). Nothing was written.\n"
    )
    assert (project.root / PATH).read_text(encoding="utf-8") == "déjà rédigé"


def test_new_rejects_an_unknown_country_a_home_country_and_a_bad_date_writing_nothing(
    project: Project,
) -> None:
    result = build_py(
        project,
        "new",
        TITLE,
        "--country",
        "Japn",
        "--country",
        "Vietnam",
        "--country",
        "Mordor",
        "--date",
        "2024-02-30",
    )

    assert result.returncode == 1
    assert result.stderr == (
        f'{PATH}: --date: "2024-02-30" is not a real date — February 2024 has 29 days\n'
        f'{PATH}: --country "Japn" is not a known country — did you mean "Japon"?\n'
        f'{PATH}: --country "Vietnam" is the home country, not a partner — remove it\n'
        f'{PATH}: --country "Mordor" is not a known country — check the spelling, or write the country\'s '
        f'French name as the site shows it, e.g. Japon or "Corée du Sud"\n'
        "New article refused: 4 problem(s). Nothing was written.\n"
    )
    assert not (project.root / PATH).exists()
