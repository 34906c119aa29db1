"""axe-core, the engine behind most accessibility audits, finds no violation on any kind of page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.site_pages import typical_pages
from tests.conftest import REPO, ServedSite
from tests.photos import PHOTO_ARTICLE

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
KINDS = (
    "accueil",
    "article",
    "un-pays",
    "pays-annee",
    "une-organisation",
    "organisation-annee",
    "annee",
    "recherche",
    "404",
    "pays",
    "annees",
    "hors-ligne",
)


def axe_violations(page: Page) -> list[str]:
    """One line per violated rule: its id, impact and the first offending elements."""
    page.add_script_tag(path=AXE)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — " + ", ".join(str(n["target"]) for n in v["nodes"][:3])
        for v in result["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", KINDS)
def test_no_axe_violation(served_site: ServedSite, page: Page, kind: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(served_site.url(typical_pages(served_site)[kind]))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == (scheme == "dark")
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violation_on_an_article_with_photos(
    served_photo_site: ServedSite, page: Page, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(served_photo_site.url(f"articles/{PHOTO_ARTICLE}/"))
    page.wait_for_load_state("networkidle")
    assert page.locator("figure.photo img").count() == 3
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", "pays/japon/"])
def test_no_axe_violation_on_lists_with_photos_and_in_the_open_menu(
    served_mixed_site: ServedSite, page: Page, path: str, scheme: str
) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(served_mixed_site.url(path))
    page.wait_for_load_state("networkidle")
    assert page.locator(".card .thumb img").count() >= 1
    page.locator(".menu > summary").click()
    violations = axe_violations(page)
    assert not violations, "\n".join(violations)


def test_axe_reports_a_real_violation(served_site: ServedSite, page: Page) -> None:
    """Guard against an audit that silently checks nothing: an image without text must be caught."""
    page.goto(served_site.url(""))
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x.png>')")
    assert any(line.startswith("image-alt") for line in axe_violations(page))
