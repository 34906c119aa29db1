"""Lighthouse, as a phone on a slow network, scores an article page at the thresholds the issue sets.

One page only, to keep CI fast: `make lighthouse` audits home, an article and a country page.
"""

from __future__ import annotations

from scripts.lighthouse import scores, shortfalls
from tests.browser.site_pages import typical_pages
from tests.conftest import ServedSite


def test_article_page_passes_lighthouse(served_site: ServedSite) -> None:
    measured = scores(served_site.url(typical_pages(served_site)["article"]))
    assert not shortfalls(measured), measured
