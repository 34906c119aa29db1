"""Lighthouse, as a phone on a slow network, scores an article page at the thresholds the issue sets.

One page only, to keep CI fast: `make lighthouse` audits home, an article and a country page.
"""

from __future__ import annotations

import sys

from scripts.lighthouse import audit, category_scores, scores, shortfalls
from tests.browser.site_pages import typical_pages
from tests.conftest import ServedSite
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
