"""Lighthouse, as a phone on a slow network, scores an article page at the thresholds the issue sets.

One page only, to keep CI fast: `make lighthouse` audits home, an article and a country page.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from revue.core import urls
from revue.preview.static_server import start_server
from scripts.lighthouse import audit, category_scores, scores, shortfalls
from tests.browser.site_pages import typical_pages
from tests.conftest import SUB_PATH, ServedSite
from tests.photos import PHOTO_ARTICLE


def test_article_page_passes_lighthouse(served_site: ServedSite) -> None:
    measured = scores(served_site.url(typical_pages(served_site)["article"]))
    assert not shortfalls(measured), measured


def test_an_article_with_three_photos_passes_lighthouse_with_no_layout_shift(
    served_photo_site: ServedSite,
) -> None:
    report = audit(served_photo_site.url(f"articles/{PHOTO_ARTICLE}/"))
    measured = category_scores(report)
    assert not shortfalls(measured), measured
    assert report["audits"]["cumulative-layout-shift"]["numericValue"] == 0
    weight = report["audits"]["total-byte-weight"]["numericValue"]
    print(f"Lighthouse: {measured}, CLS 0, {weight / 1000:.0f} kB loaded", file=sys.stderr)


def test_the_home_page_with_photos_passes_lighthouse_with_no_layout_shift(
    served_mixed_site: ServedSite,
) -> None:
    """The cards with a small photo beside their title: nothing moves when the photo arrives."""
    report = audit(served_mixed_site.url())
    measured = category_scores(report)
    assert not shortfalls(measured), measured
    assert report["audits"]["cumulative-layout-shift"]["numericValue"] == 0


def test_lighthouse_fails_an_article_that_blocks_the_main_thread(
    served_site: ServedSite, tmp_path: Path
) -> None:
    """The checker catches a bad case: a script busy for 150 ms, 600 ms on the emulated phone. The
    article is copied, with the site's assets, worker and manifest, so that other tests never meet it."""
    article = typical_pages(served_site)["article"]
    page = tmp_path / article / "index.html"
    page.parent.mkdir(parents=True)
    blocking = "<script>const start = Date.now(); while (Date.now() - start < 150);</script></body>"
    html = (served_site.project.output / article / "index.html").read_text(encoding="utf-8")
    page.write_text(html.replace("</body>", blocking), encoding="utf-8")
    shutil.copytree(served_site.project.output / "assets", tmp_path / "assets")
    for name in (urls.SERVICE_WORKER, urls.MANIFEST):  # what every page asks for
        shutil.copy(served_site.project.output / name, tmp_path / name)
    server = start_server(tmp_path, SUB_PATH)
    try:
        measured = scores(f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}{article}")
    finally:
        server.shutdown()
        server.server_close()
    assert shortfalls(measured) == [f"performance {measured['performance']} < 95"], measured
