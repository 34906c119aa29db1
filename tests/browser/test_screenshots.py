"""Phone screenshots of every kind of page, for people to look at (written to test-artifacts/): at
390 × 844 in both colour schemes, whole pages, and the first screen with the menu open."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.site_pages import redirect_page, typical_pages
from tests.conftest import REPO, ServedSite
from tests.photos import PHOTO_ARTICLE

ARTIFACTS = REPO / "test-artifacts"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SCREEN = {"width": 390, "height": 844}
KINDS = (
    "accueil",
    "article",
    "article-photo",
    "accueil-photos",
    "un-pays-photos",
    "pays",
    "un-pays",
    "pays-annee",
    "une-organisation",
    "organisation-annee",
    "annees",
    "annee",
    "recherche",
    "404",
    "hors-ligne",
    "redirection",
)


@pytest.fixture(params=["light", "dark"])
def phone(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport=SCREEN,
        is_mobile=True,
        has_touch=True,
        locale="fr-FR",
        color_scheme=request.param,
        service_workers="block",  # an old address's page is held still by `page.route`
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def url_of(kind: str, site: ServedSite, mixed_site: ServedSite) -> str:
    if kind == "article-photo":
        return mixed_site.url(f"articles/{PHOTO_ARTICLE}/")
    if kind == "accueil-photos":
        return mixed_site.url()
    if kind == "un-pays-photos":
        return mixed_site.url("pays/japon/")
    if kind == "recherche":
        return site.url("recherche/?q=japon")
    if kind == "redirection":
        return site.url(redirect_page(site))
    return site.url(typical_pages(site)[kind])


def held_still(route: Route) -> None:
    """An old address's page, without the refresh that would leave it at once."""
    response = route.fetch()
    route.fulfill(response=response, body=response.text().replace('http-equiv="refresh"', 'name="x"'))


def save(page: Page, name: str, full_page: bool = True) -> None:
    target = ARTIFACTS / f"{name}.png"
    target.parent.mkdir(exist_ok=True)
    page.screenshot(path=target, full_page=full_page)
    assert target.read_bytes().startswith(PNG_SIGNATURE)


@pytest.mark.parametrize("kind", KINDS)
def test_screenshot(served_site: ServedSite, served_mixed_site: ServedSite, phone: Page, kind: str) -> None:
    url = url_of(kind, served_site, served_mixed_site)
    if kind == "redirection":
        phone.route(url, held_still)
    phone.goto(url)
    phone.wait_for_load_state("networkidle")
    if kind == "recherche":
        expect(phone.locator("#recherche-resultats > li").first).to_be_visible()
    scheme = "dark" if phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") else "light"
    save(phone, f"{kind}-{scheme}-390x844")
    assert phone.viewport_size == SCREEN


def test_screenshot_of_the_open_menu(served_site: ServedSite, phone: Page) -> None:
    phone.goto(served_site.url(typical_pages(served_site)["article"]))
    phone.locator(".menu > summary").tap()
    scheme = "dark" if phone.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") else "light"
    save(phone, f"menu-{scheme}-390x844", full_page=False)
