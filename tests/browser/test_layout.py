"""No page scrolls sideways on a phone: the first thing that makes a site unreadable in the hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page

from revue.pipeline import Options, build
from revue.preview.static_server import start_server
from tests.browser.site_pages import every_page, typical_pages
from tests.conftest import ServedSite, copy_project
from tests.photos import PHOTO_ARTICLE

PHONE_WIDTHS = (320, 375, 390, 414)
HEIGHT = 844


def sideways_overflow(page: Page, width: int) -> int:
    """How many CSS pixels the page is wider than a `width`-pixel phone screen; 0 when it fits.

    A mobile Chromium zooms out to show a too-wide page whole, widening the layout viewport
    itself, so comparing scrollWidth with clientWidth alone can pass: both are compared with
    the phone's real width too.
    """
    sizes = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, innerWidth]"
    )
    return max(sizes) - width


@pytest.mark.parametrize("width", PHONE_WIDTHS)
def test_no_page_scrolls_sideways(served_site: ServedSite, page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": HEIGHT})
    too_wide = {}
    for path in every_page(served_site):
        page.goto(served_site.url(path))
        overflow = sideways_overflow(page, width)
        if overflow > 0:
            too_wide[path or "/"] = overflow
    assert not too_wide, f"pages wider than {width} px (by how many px): {too_wide}"


def test_the_check_fires_on_a_page_that_is_too_wide(
    served_site: ServedSite, page: Page, tmp_path: Path
) -> None:
    home = (served_site.project.output / "index.html").read_text(encoding="utf-8")
    wide = home.replace("<main", '<div style="width: 30rem">trop large</div><main', 1)
    (tmp_path / "index.html").write_text(wide, encoding="utf-8")
    server = start_server(tmp_path, "/large/")
    try:
        page.set_viewport_size({"width": 320, "height": HEIGHT})
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/large/")
        assert sideways_overflow(page, 320) > 0
    finally:
        server.shutdown()
        server.server_close()


def test_an_article_weighs_under_50_kb_before_search(served_site: ServedSite, page: Page) -> None:
    """On a slow phone connection every kilobyte counts: the page, its stylesheet and icon."""
    sizes: dict[str, int] = {}
    page.on("requestfinished", lambda request: sizes.update({request.url: len(request.response().body())}))
    page.goto(served_site.url(typical_pages(served_site)["article"]))
    page.wait_for_load_state("networkidle")
    own = {url: size for url, size in sizes.items() if "/pagefind/" not in url}
    assert len(own) >= 2, own  # the page and its stylesheet at least
    assert sum(own.values()) < 50_000, own


def test_an_article_with_three_photos_weighs_under_200_kb_on_a_phone(
    served_photo_site: ServedSite, browser: Browser
) -> None:
    """At 390 px on a 2× screen, the page loads the 720 px WebP of the photos it shows, and no layout moves."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        sizes: dict[str, int] = {}
        page.on(
            "requestfinished", lambda request: sizes.update({request.url: len(request.response().body())})
        )
        page.goto(served_photo_site.url(f"articles/{PHOTO_ARTICLE}/"))
        page.wait_for_load_state("networkidle")
        photos = {url: size for url, size in sizes.items() if "/photos/" in url}
        assert photos and all(url.endswith("-720.webp") for url in photos), photos
        assert sum(sizes.values()) < 200_000, sizes
        boxes = page.evaluate(
            "[...document.querySelectorAll('figure.photo img')].map(i => i.getBoundingClientRect().height)"
        )
        assert len(boxes) == 3 and all(height > 100 for height in boxes), boxes  # room kept before loading
        print(f"photo article at 390 px, 2x: {sum(sizes.values()) / 1000:.0f} kB", file=sys.stderr)
    finally:
        context.close()


def test_articles_read_without_javascript(served_site: ServedSite, browser: Browser) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 320, "height": HEIGHT})
    try:
        page = context.new_page()
        page.goto(served_site.url(typical_pages(served_site)["article"]))
        first = page.locator(".body p").first
        assert first.is_visible()
        assert "(VNA) —" in first.inner_text()
    finally:
        context.close()


def test_a_wide_country_by_year_overview_fits_a_phone_and_scrolls_inside_its_box_wider(
    page: Page, tmp_path: Path
) -> None:
    """Three partners over sixteen years: on a phone, a row per partner with every year in sight; on a
    wider screen the table is wider than its column, and scrolls inside its own box, never the page."""
    project = copy_project(tmp_path / "site", with_content=False)
    for number, (country, year) in enumerate(
        (country, year) for country in ("Japon", "Chine", "Corée du Sud") for year in range(2009, 2025)
    ):
        (project.content / f"a{number}.md").write_text(
            f'---\ntitle: "Article {number}"\ndate: {year}-03-0{1 + number % 9}\n'
            f'countries: ["{country}"]\n---\nTexte {number}.\n',
            encoding="utf-8",
        )
    project.output.mkdir()
    server = start_server(project.output, "/large/")
    try:
        build(project, options=Options(f"http://127.0.0.1:{server.server_address[1]}/large/"))
        page.set_viewport_size({"width": 320, "height": HEIGHT})
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/large/pays/")
        years = page.locator(".partner-years .years a")
        assert years.count() == 3 * 16
        assert all(box["x"] >= 0 and box["x"] + box["width"] <= 320 for box in map(bounding, years.all()))
        assert sideways_overflow(page, 320) == 0
        page.set_viewport_size({"width": 800, "height": HEIGHT})
        overview = page.evaluate(
            "[document.querySelector('.overview')].map(o => [o.scrollWidth, o.clientWidth])[0]"
        )
        assert overview[0] > overview[1] > 0  # the table is wider than its box
        assert sideways_overflow(page, 800) == 0
    finally:
        server.shutdown()
        server.server_close()


def bounding(element: Locator) -> dict[str, float]:
    box = element.bounding_box()
    assert box is not None
    return box
