"""Offline reading: the home page and the pages a reader opened stay readable without network, a page
never opened shows the French offline note, and a new build is seen as soon as the network is back.

A service worker controls a page only once it is installed: each test waits for it to be ready, then
opens pages as a reader would (tests/TESTING.md's pitfall). The site is served under a sub-path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from revue.core.project import Project
from revue.pipeline import Options, build
from revue.preview.static_server import start_server
from tests.browser.test_serve import WAIT_MS, start_serve
from tests.conftest import SUB_PATH, ServedSite, copy_project
from tests.photos import PHOTO_ARTICLE, add_photo_article

READ = "le-vietnam-remet-des-fournitures-medicales-au-japon"
UNREAD = "promouvoir-la-cooperation-decentralisee-entre-le-vietnam-et-le-japon"
OFFLINE_NOTE = "Cette page n’est pas disponible hors ligne"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[ServedSite]:
    """The seed site and a photo article, built for and served under a sub-path; tests may rebuild it."""
    project = copy_project(tmp_path / "site")
    add_photo_article(project)
    project.output.mkdir()
    server = start_server(project.output, SUB_PATH)
    served = ServedSite(project, f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}")
    build(project, options=Options(served.base_url))
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="fr-FR")
    try:
        yield context
    finally:
        context.close()


WORKERS = """navigator.serviceWorker.getRegistration().then(registration => registration && Object.fromEntries(
  ["installing", "waiting", "active"].map(state => [state, registration[state]?.scriptURL || null])))"""


def wait_until(page: Page, probe: str, condition: str) -> None:
    """Wait, 60 s at most, until `condition` holds of `value`, what the promise `probe` gives; each poll
    starts a new probe and looks at the last one finished. Probes only read the caches: opening one
    would make it again after the worker deleted it."""
    try:
        page.wait_for_function(
            f"""() => {{
              ({probe}).then(value => {{ window.probed = value; }});
              const value = window.probed;
              return value !== undefined && ({condition});
            }}""",
            timeout=60_000,
        )
    except PlaywrightTimeoutError:
        workers = page.evaluate(WORKERS)
        raise AssertionError(f"{condition} never held: {page.evaluate('window.probed')}; {workers}") from None


def wait_for_worker(page: Page) -> None:
    """Wait, 30 s at most, until the page's service worker is active (`navigator.serviceWorker.ready`)."""
    page.evaluate("() => { navigator.serviceWorker.ready.then(() => { window.workerReady = true; }); }")
    page.wait_for_function("window.workerReady === true", timeout=30_000)


def read_with_the_worker(page: Page, site: ServedSite, *paths: str) -> None:
    """Open the home page, wait for its service worker, then open each page as a reader does."""
    page.goto(site.url())
    wait_for_worker(page)
    for path in paths:
        page.goto(site.url(path))


def test_pages_read_stay_readable_offline_and_an_unread_one_says_so(
    site: ServedSite, context: BrowserContext
) -> None:
    page = context.new_page()
    read_with_the_worker(page, site, f"articles/{READ}/", f"articles/{PHOTO_ARTICLE}/")
    context.set_offline(True)

    page.reload()
    expect(page.locator("h1")).to_have_text("Une visite à Hanoï en trois photos")
    photos = page.locator("article.article img")
    expect(photos.first).to_be_visible()
    assert photos.first.evaluate("image => image.complete && image.naturalWidth > 0")  # its photo too
    page.goto(site.url(f"articles/{READ}/"))
    expect(page.locator("h1")).to_have_text("Le Vietnam remet des fournitures médicales au Japon")
    page.goto(site.url())
    expect(page.locator("h1")).to_have_text("Derniers articles")
    expect(page.locator("link[rel=stylesheet]")).to_have_count(1)
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") == "flex"

    page.goto(site.url(f"articles/{UNREAD}/"))
    expect(page.locator("main")).to_contain_text(OFFLINE_NOTE)
    expect(page).to_have_url(site.url(f"articles/{UNREAD}/"))  # the reader stays where they were going


def test_the_home_page_is_kept_even_when_the_reader_came_in_by_an_article(
    site: ServedSite, context: BrowserContext
) -> None:
    """A reader from a search engine lands on an article: that page and the home page are kept."""
    page = context.new_page()
    page.goto(site.url(f"articles/{READ}/"))
    wait_for_worker(page)
    wait_until(page, f"caches.match({site.url(f'articles/{READ}/')!r})", "true")  # found: not undefined
    context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text("Le Vietnam remet des fournitures médicales au Japon")
    page.goto(site.url())
    expect(page.locator("h1")).to_have_text("Derniers articles")


def test_a_new_build_shows_once_online_and_replaces_the_old_caches(
    site: ServedSite, context: BrowserContext
) -> None:
    page = context.new_page()
    read_with_the_worker(page, site, f"articles/{READ}/")
    old_version = version_of((site.project.output / "sw.js").read_text(encoding="utf-8"))

    article = site.project.content / f"{READ}.md"  # a new title: on its page and on the home page
    text = article.read_text(encoding="utf-8")
    article.write_text(
        text.replace("médicales au Japon\n", "médicales au Japon, de nouveau\n", 1), encoding="utf-8"
    )
    build(site.project, options=Options(site.base_url))
    new_version = version_of((site.project.output / "sw.js").read_text(encoding="utf-8"))
    assert new_version != old_version  # the home page it keeps at install changed

    page.reload()
    expect(page.locator("h1")).to_have_text("Le Vietnam remet des fournitures médicales au Japon, de nouveau")
    page.goto(site.url())
    # The browser looks for a new worker after a page opens, when it sees fit (seconds later, more on a
    # busy machine): the test asks at once, as the reader's next page would.
    page.evaluate(
        "() => navigator.serviceWorker.getRegistration().then(registration => registration.update())"
    )
    new, old = f"revue:{SUB_PATH}:{new_version}", f"revue:{SUB_PATH}:{old_version}"
    wait_until(page, "caches.keys()", f"value.includes({new!r}) && !value.includes({old!r})")
    context.set_offline(True)
    page.reload()
    expect(page.locator("main")).to_contain_text("médicales au Japon, de nouveau")


def version_of(worker: str) -> str:
    return re.search(r'const VERSION = "([0-9a-f]+)";', worker)[1]


def test_without_the_worker_nothing_is_readable_offline(site: ServedSite, context: BrowserContext) -> None:
    """The check catches a site that loses its worker: the same visits leave nothing to read offline."""
    (site.project.output / "sw.js").unlink()
    page = context.new_page()
    page.goto(site.url())
    page.goto(site.url(f"articles/{READ}/"))
    context.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.reload()


def test_same_site_same_worker(site: ServedSite, tmp_path: Path) -> None:
    """The worker's version comes from the bytes of what it keeps, never from a clock."""
    first = (site.project.output / "sw.js").read_bytes()
    again = copy_project(tmp_path / "again")
    add_photo_article(again)
    build(again, options=Options(site.base_url))
    assert (again.output / "sw.js").read_bytes() == first
    other = Project(tmp_path / "again")
    (other.templates / "static" / "style.css").write_text("body { color: red; }\n", encoding="utf-8")
    build(other, options=Options(site.base_url))
    assert version_of((other.output / "sw.js").read_text(encoding="utf-8")) != version_of(first.decode())


def test_the_preview_keeps_nothing_and_reloads_live(tmp_path: Path, context: BrowserContext) -> None:
    """`serve` marks every response `no-store`: the worker keeps none (an editor's drafts stay out of
    the browser's caches), and an edit still shows in the open page."""
    project = copy_project(tmp_path / "site")
    server = start_serve(project)
    try:
        url = server.wait_for_line("Aperçu sur http://127.0.0.1:").split()[2]
        page = context.new_page()
        page.goto(url)
        wait_for_worker(page)
        page.goto(f"{url}articles/{READ}/")
        wait_until(page, "caches.keys()", "value.length > 0")  # the worker has installed and activated
        assert page.evaluate("caches.keys().then(names => names.length)") > 0
        kept = page.evaluate(
            "caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))"
            ".then(all => all.flat().map(request => request.url))"
        )
        assert kept == []
        article = project.content / f"{READ}.md"
        article.write_text(
            article.read_text(encoding="utf-8").replace("Il a promis", "Il a juré"), encoding="utf-8"
        )
        expect(page.locator(".body")).to_contain_text("Il a juré", timeout=WAIT_MS)
    finally:
        server.process.kill()
        server.process.wait(timeout=10)


SEARCH_OFFLINE = "La recherche n’est pas disponible sans connexion\u00a0: réessayez une fois en ligne."


def test_a_search_reloaded_offline_says_so_and_searches_again_once_online(
    site: ServedSite, context: BrowserContext
) -> None:
    """The worker serves the search page offline, but not the index: the page says so in French, never
    shows a blank list, and searches again once the network is back."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    read_with_the_worker(page, site, "recherche/?q=Gunma")
    results = page.locator("#recherche-resultats h2 a")
    expect(results.first).to_be_visible()
    context.set_offline(True)
    page.reload()
    expect(page.get_by_label("Mots à rechercher")).to_have_value("Gunma")
    expect(page.locator("#recherche-etat")).to_have_text(SEARCH_OFFLINE)
    expect(results).to_have_count(0)
    context.set_offline(False)
    page.get_by_label("Mots à rechercher").fill("masques")
    expect(results.first).to_be_visible()
    expect(page.locator("#recherche-etat")).to_contain_text("trouvé")
    assert errors == []
