"""What `sitemap.xml` lists: the pages a search engine should know, each with its last change."""

from __future__ import annotations

import datetime

from revue.content.group import (
    ArticlePage,
    HomePage,
    ListPage,
    NotFoundPage,
    OfflinePage,
    RedirectPage,
    SearchPage,
    Site,
)


def sitemap_pages(site: Site) -> list[tuple[str, datetime.date | None]]:
    """Every page a search engine should know, with its last change where it shows articles: the
    article's (its correction, else its date), or the latest among those a list shows."""
    entries = []
    for page in site.pages:
        if isinstance(page, SearchPage | NotFoundPage | OfflinePage | RedirectPage):
            continue
        newest: datetime.date | None
        if isinstance(page, ArticlePage):
            newest = page.article.last_modified
        elif isinstance(page, ListPage | HomePage):
            shown = page.articles if isinstance(page, ListPage) else page.latest
            newest = max((article.last_modified for article in shown), default=None)
        else:
            newest = None
        entries.append((page.path, newest))
    return entries
