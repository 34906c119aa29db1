"""Links between articles and old addresses, as readers of a site under a sub-path follow them."""

from __future__ import annotations

import html
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from revue.core.errors import Problem
from revue.core.project import Project
from revue.pipeline import Mode, Options, build
from tests.build_cli import build_py
from tests.conftest import copy_project, indexed_urls

BASE_URL = "https://org.github.io/revue/"


def write(project: Project, name: str, front: str, body: str) -> None:
    path = project.content / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front}countries: [Japon]\n---\n{body}", encoding="utf-8")


def links(page: Path) -> list[str]:
    """The addresses of the links in an article's body, in order."""
    body = page.read_text(encoding="utf-8").split('<div class="body">')[1].split("</div>")[0]
    return [html.unescape(href) for href in re.findall(r'<a href="([^"]*)"', body)]


@pytest.fixture
def linked(tmp_path: Path) -> Project:
    """Article A links to B (in a subfolder) every way an editor may write it; B links back; C is a draft."""
    project = copy_project(tmp_path / "site", with_content=False)
    write(
        project,
        "a.md",
        'title: "Article A"\ndate: 2023-02-09\n',
        "Premier paragraphe.\n\n"
        "Par fichier : [B](japon/b.md), [la suite de B](japon/b.md#suite), "
        "[encodé](japon/b%2Emd?x=1&y=2).\n\n"
        "Par adresse : [B](/articles/article-b/), [B sans barre](/articles/article-b), [slug](article-b), "
        "[ancienne adresse](/articles/ancien-b/).\n\n"
        "Ailleurs : [le Japon](/pays/japon/), [l’accueil](/), [l’agence](https://vietnamplus.vn/), [note](#note).\n",
    )
    write(
        project,
        "japon/b.md",
        'title: "Article B"\ndate: 2023-02-10\naliases: [ancien-b, /articles/tres-ancien-b/]\n',
        "Retour à [A](../a.md).\n",
    )
    write(
        project, "c.md", 'title: "Brouillon C"\ndate: 2023-02-11\naliases: [ancien-c]\ndraft: true\n', "C.\n"
    )
    return project


def test_links_to_articles_and_pages_lead_there_under_the_sub_path(linked: Project) -> None:
    build(linked, options=Options(BASE_URL))
    output = linked.output
    b = "/revue/articles/article-b/"
    assert links(output / "articles/article-a/index.html") == [
        b,
        b + "#suite",
        b + "?x=1&y=2",
        b,
        b,
        b,
        b,
        "/revue/pays/japon/",
        "/revue/",
        "https://vietnamplus.vn/",
        "#note",
    ]
    assert links(output / "articles/article-b/index.html") == ["/revue/articles/article-a/"]
    feed = ElementTree.parse(output / "atom.xml").getroot()
    contents = [entry.text for entry in feed.iter("{http://www.w3.org/2005/Atom}content")]
    # In a feed, absolute: a feed reader may resolve neither a root-relative link nor xml:base.
    assert any(f'<a href="{BASE_URL}articles/article-b/#suite"' in (content or "") for content in contents)


def test_old_addresses_redirect_to_the_article_and_are_listed_nowhere(linked: Project) -> None:
    build(linked, options=Options(BASE_URL))
    output = linked.output
    for old in ("ancien-b", "tres-ancien-b"):
        page = (output / "articles" / old / "index.html").read_text(encoding="utf-8")
        assert '<meta http-equiv="refresh" content="0; url=/revue/articles/article-b/">' in page
        assert '<link rel="canonical" href="https://org.github.io/revue/articles/article-b/">' in page
        assert '<meta name="robots" content="noindex">' in page
        assert '<a href="/revue/articles/article-b/">Article B</a>' in page
    assert not (output / "articles/ancien-c").exists(), "a draft’s old address is not published"
    listing = [path for path in output.rglob("*") if path.is_file() and "pagefind" not in path.parts]
    for path in listing:
        if path.parent.name not in ("ancien-b", "tres-ancien-b"):
            assert b"ancien-b" not in path.read_bytes(), path
    assert indexed_urls(output) == {"/articles/article-a/", "/articles/article-b/"}


def test_a_draft_in_the_preview_links_to_a_draft(linked: Project) -> None:
    write(linked, "d.md", 'title: "Brouillon D"\ndate: 2023-02-12\ndraft: true\n', "Voir [C](c.md).\n")
    build(linked, options=Options(BASE_URL, drafts=True))
    assert links(linked.output / "articles/brouillon-d/index.html") == ["/revue/articles/brouillon-c/"]


def test_the_preview_lets_a_draft_link_to_what_it_shows_and_checks_a_scheduled_article_as_check_does(
    linked: Project,
) -> None:
    """A draft's links lead to the draft and scheduled pages the preview shows (they are checked when it
    is published); a scheduled article's link to a draft is said in the preview as `check` says it, with
    the article's day (issue: `serve` refused it saying the draft's page was not published, `check` said
    nothing, and the daily build of that day would have failed)."""
    write(linked, "sommet.md", 'title: "Sommet"\ndate: 2031-05-01\n', "Voir [C](c.md).\n")
    write(linked, "note.md", 'title: "Note"\ndate: 2031-03-01\ndraft: true\n', "[C](c.md), [S](sommet.md).\n")
    preview = build_py(linked, "build", "--drafts", "--base-url", BASE_URL, "--today", "2031-04-01")
    check = build_py(linked, "check", "--today", "2031-04-01")
    assert preview.returncode == check.returncode == 1
    assert preview.stderr.splitlines()[:-1] == check.stderr.splitlines()[:-1]
    assert (
        "cet article est programmé pour le 1er mai 2031, mais content/c.md est un brouillon" in check.stderr
    )

    write(linked, "sommet.md", 'title: "Sommet"\ndate: 2031-05-01\n', "Le sommet.\n")
    preview = build_py(linked, "build", "--drafts", "--base-url", BASE_URL, "--today", "2031-04-01")
    assert preview.returncode == 0, preview.stderr
    assert links(linked.output / "articles/note/index.html") == [
        "/revue/articles/brouillon-c/",
        "/revue/articles/sommet/",
    ]


def test_check_reports_a_broken_link_at_its_line_as_build_does(linked: Project) -> None:
    path = linked.content / "a.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nEt [un disparu](disparu.md).\n", encoding="utf-8")

    check, built = build_py(linked, "check"), build_py(linked, "build")

    problem = (
        "content/a.md:14: lien « disparu.md » : aucun article content/disparu.md — vérifiez le nom du fichier ; "
        "un article se lie par son fichier, [texte](autre-article.md), ou par son adresse, "
        "[texte](/articles/son-slug/)"
    )
    assert check.returncode == built.returncode == 1
    assert check.stderr.splitlines()[:-1] == built.stderr.splitlines()[:-1] == [problem]


def test_check_and_build_warn_when_a_published_address_disappears(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site", with_content=False)
    write(project, "x.md", 'title: "Un titre"\ndate: 2023-02-09\n', "Texte.\n")
    write(project, "brouillon.md", 'title: "Brouillon"\ndate: 2023-02-10\ndraft: true\n', "Texte.\n")
    build(
        project, options=Options(BASE_URL, drafts=True)
    )  # the preview: the draft's page is gone from the next build
    build(project, options=Options(BASE_URL))
    write(project, "x.md", 'title: "Un titre corrigé"\ndate: 2023-02-09\naliases: [un-titre]\n', "Texte.\n")
    assert build(project, options=Options(BASE_URL)).warnings == ()
    write(
        project, "x.md", 'title: "Un titre enfin juste"\ndate: 2023-02-09\naliases: [un-titre]\n', "Texte.\n"
    )

    checked, built = build(project, Mode.CHECK, Options(BASE_URL)), build(project, options=Options(BASE_URL))

    gone = (
        "l’article publié à l’adresse /articles/un-titre-corrige/ n’y est plus : les liens que les lecteurs en "
        "ont gardés mèneront à une page introuvable — s’il a changé de slug, ajoutez "
        "`aliases: [un-titre-corrige]` à son en-tête ; s’il a été retiré exprès, il n’y a rien à faire"
    )
    # Named by the article's file, at the line its address comes from (issue 23, point 14: it named the
    # output/ file, and warned of the draft's page that only the preview had built).
    assert checked.warnings == built.warnings == (Problem(Path("content/x.md"), 2, gone),)
    assert (
        build(project, options=Options(BASE_URL)).warnings == ()
    )  # said once: this build published the new address


def test_a_link_to_a_scheduled_article_is_refused_until_its_day(linked: Project) -> None:
    """Readers following it before the article's day would get a 404, and the link would give away
    its address, made of the words of its title."""
    write(linked, "annonce.md", 'title: "Annonce"\ndate: 2031-05-01\n', "Bientôt.\n")
    write(
        linked, "d.md", 'title: "Article D"\ndate: 2023-03-01\n', "Texte.\n\nVoir [l’annonce](annonce.md).\n"
    )
    expected = (
        "content/d.md:8: lien « annonce.md » : content/annonce.md est programmé pour le 1er mai 2031, sa page "
        "n’existe pas encore et le lien mènerait à une page introuvable — retirez le lien jusqu’à ce jour-là, "
        "ou programmez cet article-ci pour le même jour"
    )
    checked = build_py(linked, "check", "--today", "2031-04-30")
    assert checked.returncode == 1 and expected in checked.stderr.splitlines()
    on_the_day = build_py(linked, "build", "--base-url", BASE_URL, "--today", "2031-05-01")
    assert on_the_day.returncode == 0, on_the_day.stderr
    assert links(linked.output / "articles/article-d/index.html") == ["/revue/articles/annonce/"]
