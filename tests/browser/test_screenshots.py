"""Phone screenshots of the pages readers open most, for people to look at (written to test-artifacts/)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.site_pages import typical_pages
from tests.conftest import REPO, ServedSite

ARTIFACTS = REPO / "test-artifacts"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", ["accueil", "article", "pays", "un-pays", "recherche"])
def test_screenshot(served_site: ServedSite, page: Page, kind: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme)
    page.goto(served_site.url(typical_pages(served_site)[kind]))
    page.wait_for_load_state("networkidle")
    target = ARTIFACTS / f"{kind}-{scheme}-390x844.png"
    target.parent.mkdir(exist_ok=True)
    page.screenshot(path=target, full_page=True)
    assert target.read_bytes().startswith(PNG_SIGNATURE)
    assert page.viewport_size == {"width": 390, "height": 844}
