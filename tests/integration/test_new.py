"""`python build.py new`: a complete article file that builds as written, and refusals that say why."""

from __future__ import annotations

import datetime
import shutil
from zoneinfo import ZoneInfo

from revue.content.read import FRONT_MATTER, PLACEHOLDER_BODY
from revue.core.project import Project
from revue.core.yamlsource import load_mapping
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
        f"{PATH} créé, en brouillon : écrivez l’article sous son en-tête, prévisualisez-le avec "
        "`python build.py serve`, puis écrivez `draft: false` pour le publier\n"
    )
    values = front_matter(project)
    assert tuple(values) == FRONT_MATTER.keys
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
        f"{PATH}:26: l’article contient encore le texte d’exemple écrit par `new` — remplacez-le par le texte "
        "de l’article"
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


def test_new_dates_the_article_today_in_the_sites_time_zone_by_default(project: Project) -> None:
    assert build_py(project, "new", TITLE, "--country", "Japon").returncode == 0

    # Hanoi's day (site.yaml `timezone`), which differs from UTC's from 17:00 to midnight UTC: a new
    # article dated with UTC's would be scheduled for tomorrow, or dated yesterday.
    today = datetime.datetime.now(ZoneInfo("Asia/Ho_Chi_Minh")).date()
    assert front_matter(project)["date"] == today.isoformat()


def test_new_article_is_listed_on_its_partner_and_year_pages_and_indexed_after_a_build(
    project: Project,
) -> None:
    new = ("new", TITLE, "--country", "Allemagne", "--country", "UE", "--date", "2024-03-01")
    assert build_py(project, *new).returncode == 0
    assert front_matter(project)["countries"] == ["Allemagne", "Union européenne"]
    write_body(project)
    publish(project)

    build = build_py(project, "build")

    assert build.returncode == 0, build.stderr
    for page in (
        "pays/allemagne/index.html",
        "pays/allemagne/2024/index.html",
        "organisations/union-europeenne/2024/index.html",
        "annees/2024/index.html",
    ):
        html = (project.output / page).read_text(encoding="utf-8")
        assert f'href="/articles/{SLUG}/"' in html, page
    assert (project.output / "articles" / SLUG / "index.html").is_file()
    assert f"/articles/{SLUG}/" in indexed_urls(project.output)  # found by the site's search


def test_new_names_a_file_in_place_of_content_as_the_build_does(project: Project) -> None:
    shutil.rmtree(project.content)
    project.content.write_text("mes notes", encoding="utf-8")

    result = build_py(project, "new", TITLE, "--country", "Japon")

    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == build_py(project, "check").stderr.splitlines()[0]
    assert result.stderr.startswith("content: n’est pas un dossier")
    assert project.content.read_text(encoding="utf-8") == "mes notes"


def test_new_refuses_to_overwrite_an_existing_article(project: Project) -> None:
    assert build_py(project, "new", TITLE, "--country", "Japon").returncode == 0
    (project.root / PATH).write_text("déjà rédigé", encoding="utf-8")

    result = build_py(project, "new", TITLE, "--country", "Japon")

    assert result.returncode == 1
    assert result.stderr == (
        f"{PATH}: existe déjà — modifiez-le, ou choisissez un autre titre pour le nouvel article\n"
        "Nouvel article refusé : 1 problème. Rien n’a été écrit.\n"
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
        f"{PATH}: --date « 2024-02-30 » n’est pas une date réelle — février 2024 compte 29 jours\n"
        f"{PATH}: --country « Japn » n’est pas un pays connu — vouliez-vous dire « Japon » ?\n"
        f"{PATH}: --country « Vietnam » est le pays du site, pas un partenaire — retirez-le\n"
        f"{PATH}: --country « Mordor » n’est ni un pays ni une organisation que le site connaît — vérifiez "
        "l’orthographe, ou écrivez le nom français tel que le site l’affiche, par exemple `Japon`, "
        "`Corée du Sud` ou `Union européenne`\n"
        "Nouvel article refusé : 4 problèmes. Rien n’a été écrit.\n"
    )
    assert not (project.root / PATH).exists()
