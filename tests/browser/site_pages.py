"""Which pages of the served seed site the browser checks visit, found in its output folder."""

from __future__ import annotations

from tests.conftest import ServedSite

REDIRECT = '<meta http-equiv="refresh"'


def every_page(site: ServedSite) -> list[str]:
    """Site paths of every HTML page, e.g. `articles/x/` or `404.html`; not an old address, which a
    browser leaves at once for the article (tests/test_site.py follows it)."""
    output = site.project.output
    paths = []
    for file in sorted(output.rglob("*.html")):
        relative = file.relative_to(output)
        if relative.parts[0] in {"assets", "pagefind"} or REDIRECT in file.read_text(encoding="utf-8"):
            continue
        path = relative.as_posix()
        paths.append(path.removesuffix("index.html"))
    return paths


def first(paths: list[str], prefix: str, depth: int) -> str:
    """The first page under `prefix` that sits `depth` folders below it (`pays/`, 2 → `pays/japon/2020/`)."""
    for path in paths:
        if path.startswith(prefix) and path.count("/") == prefix.count("/") + depth and "/page/" not in path:
            return path
    raise AssertionError(f"the seed site has no page like {prefix}{'x/' * depth}")


def typical_pages(site: ServedSite) -> dict[str, str]:
    """One page of each kind a reader meets, by name. The 404 page is asked for at an unknown URL; the
    offline note is what the service worker shows for a page it has not kept."""
    paths = every_page(site)
    return {
        "accueil": "",
        "article": first(paths, "articles/", 1),
        "pays": "pays/",
        "un-pays": first(paths, "pays/", 1),
        "pays-annee": first(paths, "pays/", 2),
        "une-organisation": first(paths, "organisations/", 1),
        "organisation-annee": first(paths, "organisations/", 2),
        "annees": "annees/",
        "annee": first(paths, "annees/", 1),
        "recherche": "recherche/",
        "404": "cette-page-n-existe-pas/",
        "hors-ligne": "hors-ligne/",
    }


def redirect_page(site: ServedSite) -> str:
    """An article's old address (`aliases:`): a page that sends the reader on at once."""
    output = site.project.output
    for file in sorted((output / "articles").rglob("index.html")):
        if REDIRECT in file.read_text(encoding="utf-8"):
            return file.parent.relative_to(output).as_posix() + "/"
    raise AssertionError("the seed site has no old address (aliases:)")
