"""A phone in the hand, at 360 × 740 and 390 × 844, in both colour schemes: the story first.

A compact header on every page, the lead photo in the first screen, no text cut off, « À lire aussi »
never repeating the neighbours' links, and the partners overview whole at 360 px.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route, expect

from tests.browser.site_pages import every_page, redirect_page, typical_pages
from tests.conftest import (
    SUB_PATH,
    TYPED_ARTICLE,
    ServedSite,
    add_typed_article,
    built_and_served,
    copy_project,
)
from tests.photos import PHOTO_ARTICLE

SCREENS = ({"width": 360, "height": 740}, {"width": 390, "height": 844})
SCHEMES = ("light", "dark")
MOST_HEADER_PX = 64

# Every element whose content is wider than its box, unless the box scrolls: text cut by
# `overflow: hidden` or an ellipsis, or spilling over its neighbours. Hidden labels (1 px, clipped on
# purpose), form fields (their text scrolls inside them) and elements not shown are not text a reader misses.
CLIPPED = """() => {
  const found = [];
  for (const element of document.querySelectorAll("body *")) {
    if (!(element instanceof HTMLElement) || element.matches("input, select, textarea")) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || !element.checkVisibility()) continue;
    if (["auto", "scroll"].includes(getComputedStyle(element).overflowX)) continue;
    if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
      const name = element.tagName.toLowerCase() + (element.className ? "." + element.className : "");
      found.push(`${name} (${element.scrollWidth} > ${element.clientWidth}): ${element.textContent.trim().slice(0, 40)}`);
    }
  }
  return found;
}"""


@pytest.fixture(
    params=[(screen, scheme) for screen in SCREENS for scheme in SCHEMES],
    ids=lambda p: f"{p[0]['width']}-{p[1]}",
)
def phone(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    """A phone's page at one of the two screens, in one colour scheme. No service worker: pages come
    from the server, as `page.route` sees them (test_offline.py tests the worker)."""
    screen, scheme = request.param
    context = browser.new_context(
        viewport=screen,
        is_mobile=True,
        has_touch=True,
        locale="fr-FR",
        color_scheme=scheme,
        service_workers="block",
    )
    try:
        yield context.new_page()
    finally:
        context.close()


def without_refresh(route: Route) -> None:
    """An old address's page as it is, held still: its refresh would leave it at once."""
    response = route.fetch()
    html = response.text().replace('<meta http-equiv="refresh"', '<meta name="x-refresh"')
    route.fulfill(response=response, body=html)


def open_held(page: Page, url: str) -> None:
    page.route(url, without_refresh)
    page.goto(url)


def every_kind_of_page(site: ServedSite, mixed_site: ServedSite) -> list[str]:
    """Each kind of page of the seed site, and the pages that show photos: the home page and a list
    with a card's photo, the article with its lead photo."""
    urls = [site.url(path) for path in typical_pages(site).values()]
    return urls + [mixed_site.url(path) for path in ("", f"articles/{PHOTO_ARTICLE}/", "pays/japon/")]


def test_the_header_is_at_most_64_px_tall_on_every_kind_of_page(
    served_site: ServedSite, served_mixed_site: ServedSite, phone: Page
) -> None:
    heights = {}
    for url in every_kind_of_page(served_site, served_mixed_site):
        phone.goto(url)
        heights[url] = phone.locator("body > header").bounding_box()["height"]
    assert all(0 < height <= MOST_HEADER_PX for height in heights.values()), heights


def test_the_sections_and_the_search_field_are_one_tap_away(served_site: ServedSite, phone: Page) -> None:
    phone.goto(served_site.url(typical_pages(served_site)["article"]))
    field = phone.get_by_role("searchbox", name="Rechercher un article")
    sections = phone.get_by_role("navigation", name="Navigation principale")
    expect(field).to_be_hidden()
    phone.locator(".menu > summary").tap()
    expect(field).to_be_visible()
    for name in ("Partenaires", "Années", "Recherche", "Flux Atom"):
        expect(sections.get_by_role("link", name=name, exact=True)).to_be_in_viewport()
    field.fill("masques")
    field.press("Enter")
    expect(phone).to_have_url(served_site.url("recherche/?q=masques"))


def test_the_menu_opens_from_the_keyboard(served_site: ServedSite, phone: Page) -> None:
    phone.goto(served_site.url())
    phone.keyboard.press("Tab")  # the skip link
    phone.keyboard.press("Tab")  # the site's name
    phone.keyboard.press("Tab")
    expect(phone.locator(".menu > summary")).to_be_focused()
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("searchbox", name="Rechercher un article")).to_be_visible()


# Resolves with the menu's state at its next `toggle` on this page; a page that navigates away first
# never resolves it (Playwright then reports the destroyed context).
NEXT_TOGGLE = """() => { const menu = document.querySelector(".menu");
  window.menuToggled = new Promise((resolve) => menu.addEventListener("toggle", () => resolve(menu.open), { once: true })); }"""

ON_A_CARD = "([x, y]) => document.elementFromPoint(x, y)?.closest('.card') !== null"


def test_a_tap_outside_the_open_menu_only_closes_it(served_mixed_site: ServedSite, phone: Page) -> None:
    """Cards open their article wherever they are tapped: a tap beside the open menu, over a card,
    must close the menu and leave the reader where they are."""
    url = served_mixed_site.url("pays/japon/")
    phone.goto(url)
    menu, summary = phone.locator(".menu"), phone.locator(".menu > summary")
    field = phone.get_by_role("searchbox", name="Rechercher un article")
    width, height = phone.viewport_size["width"], phone.viewport_size["height"]
    for y in (height - 144, height - 24):  # 700 and 820 on a 390 × 844 screen: below the panel
        assert phone.evaluate(ON_A_CARD, [width // 2, y]), f"no card at y={y}: the tap would prove nothing"
        summary.tap()
        field.tap()  # a tap inside the panel keeps it open
        expect(menu).to_have_attribute("open", "")
        phone.evaluate(NEXT_TOGGLE)
        phone.touchscreen.tap(width // 2, y)
        closed = phone.evaluate("window.menuToggled") is False
        assert closed, f"a tap at y={y} did not just close the menu (now at {phone.url})"
        expect(field).to_be_hidden()
        assert phone.url == url


def test_without_javascript_the_menu_opens_and_a_tap_outside_closes_it(
    served_mixed_site: ServedSite, browser: Browser
) -> None:
    """The menu is HTML and CSS: only Escape needs the script."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, java_script_enabled=False
    )
    try:
        page = context.new_page()
        url = served_mixed_site.url("pays/japon/")
        page.goto(url)
        field = page.get_by_role("searchbox", name="Rechercher un article")
        page.locator(".menu > summary").tap()
        expect(field).to_be_visible()
        page.touchscreen.tap(195, 700)  # over a card: on the old page, the field hides only once it left
        expect(field).to_be_hidden()
        assert page.url == url
    finally:
        context.close()


def test_escape_closes_the_menu_and_focus_returns_to_its_button(served_site: ServedSite, phone: Page) -> None:
    phone.goto(served_site.url())
    summary = phone.locator(".menu > summary")
    field = phone.get_by_role("searchbox", name="Rechercher un article")
    summary.focus()
    phone.keyboard.press("Enter")
    phone.keyboard.press("Tab")
    expect(field).to_be_focused()
    phone.keyboard.press("Escape")
    expect(field).to_be_hidden()
    expect(summary).to_be_focused()
    expect(phone.locator(".menu")).not_to_have_attribute("open", "")


def test_an_articles_first_photo_is_in_the_first_screen(served_mixed_site: ServedSite, phone: Page) -> None:
    phone.goto(served_mixed_site.url(f"articles/{PHOTO_ARTICLE}/"))
    photo = phone.locator("article.article img").first
    top = photo.bounding_box()["y"]
    assert 0 < top < phone.viewport_size["height"], top
    expect(photo).to_have_attribute("fetchpriority", "high")
    assert photo.evaluate("image => image.closest('header') !== null")  # under the title, before the text


def test_on_the_search_page_the_first_result_is_in_the_first_screen(
    served_site: ServedSite, phone: Page
) -> None:
    """Counts on the header's 64 px and on a compact search form (issue 20's side of it)."""
    phone.goto(served_site.url("recherche/?q=japon"))
    title = phone.locator("#recherche-resultats > li a").first  # the first result's title, whole
    expect(title).to_be_visible()
    box = title.bounding_box()
    assert box["y"] + box["height"] <= phone.viewport_size["height"], (
        f"the first result's title ends at {box}"
    )


def test_no_text_is_clipped_on_any_kind_of_page(
    served_site: ServedSite, served_mixed_site: ServedSite, phone: Page
) -> None:
    clipped = {}
    for url in every_kind_of_page(served_site, served_mixed_site):
        phone.goto(url)
        clipped[url] = phone.evaluate(CLIPPED)
    redirect = served_site.url(redirect_page(served_site))
    open_held(phone, redirect)
    clipped[redirect] = phone.evaluate(CLIPPED)
    phone.goto(served_site.url())
    phone.locator(".menu > summary").tap()  # the open menu too
    clipped["menu"] = phone.evaluate(CLIPPED)
    assert not {url: found for url, found in clipped.items() if found}


def test_the_clipping_check_fires(served_site: ServedSite, page: Page) -> None:
    page.goto(served_site.url())
    page.evaluate(
        """document.querySelector("main").insertAdjacentHTML("afterbegin",
          '<p style="width: 8rem; white-space: nowrap; overflow: hidden; text-overflow: ellipsis">'
          + 'Un titre bien trop long pour sa boîte</p>')"""
    )
    assert [found.split(" (")[0] for found in page.evaluate(CLIPPED)] == ["p"]


def test_read_also_never_repeats_the_neighbours(
    served_site: ServedSite, served_mixed_site: ServedSite, page: Page
) -> None:
    """« À lire aussi » shows other articles of the article's partners, newest first, and none that
    « Précédent » or « Suivant » already offers."""
    checked = 0
    for site in (served_site, served_mixed_site):
        for path in every_page(site):
            if not path.startswith("articles/"):
                continue
            page.goto(site.url(path))
            neighbours = page.locator(".neighbours a").evaluate_all("links => links.map(a => a.href)")
            related = page.locator(".related .article-title a").evaluate_all(
                "links => links.map(a => a.href)"
            )
            assert not set(neighbours) & set(related), path
            assert page.url not in related
            checked += bool(related)
    assert checked, "no article page shows « À lire aussi »: the check saw nothing"


def test_the_partners_overview_shows_every_year_at_360_px(served_site: ServedSite, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        page.goto(served_site.url("pays/"))
        cells = [
            path
            for path in every_page(served_site)
            if path.count("/") == 3
            and path.split("/")[0] in {"pays", "organisations"}
            and "/page/" not in path
        ]
        in_sight = set()
        for link in page.locator("main a").filter(visible=True).all():
            box = link.bounding_box()
            if box["x"] >= 0 and box["x"] + box["width"] <= 360:
                in_sight.add(link.get_attribute("href"))
        assert len(cells) >= 5
        assert [path for path in cells if SUB_PATH + path not in in_sight] == []
    finally:
        context.close()


PAGEFIND_SEARCH = """async (words) => {
  const bundle = document.getElementById("recherche").dataset.bundle;
  const { shards } = await (await fetch(`${bundle}shards.json`)).json();
  const pagefind = await import(`${bundle}pagefind.js`);
  await pagefind.options({ basePath: `${bundle}${shards[0].folder}/` });
  for (const shard of shards.slice(1)) await pagefind.mergeIndex(`${bundle}${shard.folder}/`);
  const found = {};
  for (const word of words) {
    const search = await pagefind.search(word);
    found[word] = await Promise.all(search.results.map((result) => result.data().then((data) => data.url)));
  }
  return found;
}"""


@pytest.fixture(scope="module")
def typeset_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """An article typed as agency copy is: the typography puts no-break spaces, `1<sup>er</sup>` and
    `Hanoï` in its page, which Pagefind then indexes."""
    project = copy_project(tmp_path_factory.mktemp("typeset") / "site", with_content=False)
    add_typed_article(project)
    with built_and_served(project) as site:
        yield site


def test_the_typography_keeps_every_word_searchable(typeset_site: ServedSite, page: Page) -> None:
    """No-break spaces are white space to Pagefind: each word stays a word of the index, whichever way
    the reader types it (`hanoi` finds `Hanoï`, `1er` the raised `1<sup>er</sup>`)."""
    page.goto(typeset_site.url("recherche/"))
    words = ["hanoi", "Hanoï", "masques", "140", "novembre", "tonnes", "riz", "mai", "1er"]
    found = page.evaluate(PAGEFIND_SEARCH, words)
    article = f"{SUB_PATH}articles/{TYPED_ARTICLE}/"
    assert {word: urls for word, urls in found.items() if urls != [article]} == {}
