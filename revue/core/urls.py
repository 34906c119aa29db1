"""Every path of the site, and the one rule for a web address: pages, templates and checks use these.

Paths are relative to the site's base URL (`pays/japon/`); `SiteConfig.href` and `SiteConfig.url`
turn them into links under the base path and into absolute URLs.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlsplit

from slugify import slugify

HOME = ""
COUNTRIES = "pays/"  # the partner countries, each at `pays/<slug>/`, and the overview of every partner
ORGANISATIONS = "organisations/"  # the partner organisations, each at `organisations/<slug>/`
YEARS = "annees/"
SEARCH = "recherche/"
NOT_FOUND = "404.html"
OFFLINE = "hors-ligne/"  # what the service worker shows for a page it has not kept, without network
SERVICE_WORKER = "sw.js"  # at the top of the site: a worker controls the pages under its own folder
MANIFEST = "manifest.webmanifest"
FEED = "atom.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
NOJEKYLL = ".nojekyll"
ASSETS = "assets/"
PHOTOS = "photos/"  # every size of every photo, named by its bytes (publish/photos.py)
ARTICLES = "articles/"  # each article at `articles/<slug>/`
SEARCH_BUNDLE = "pagefind/"  # the search index, which the search page loads in the reader's browser
# The one rule for an article's address, its slug and each old slug (`aliases:`), wherever one is read
# (front matter, links in bodies): a-z, 0-9 and single hyphens, matched whole (`abc\n` is no slug).
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG_LENGTH = 120  # longer than any headline slug so far (85); far below a file name's 255 bytes
# The importer's own, shorter limit: a title it makes from a first sentence, or a long agency headline,
# gives a slug cut at a word to this length, an address editors can still read and type.
MAX_IMPORTED_SLUG_LENGTH = 80
WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+\S*")
# An article's address, read back: whatever comes before `articles/` (a site's sub-path, a host), the
# slug, and the page's own file. `slug_in_path` and `slug_in_address` say which of these may be there.
ARTICLE_ADDRESS = re.compile(rf"(?P<before>.*/)?{ARTICLES}(?P<slug>[^/]+)/?(?P<page>index\.html)?")


def article(slug: str) -> str:
    return f"{ARTICLES}{slug}/"


def slug_in_path(path: str) -> str | None:
    """The slug of an article's path from the site's top (`articles/x/`, `articles/x/index.html`), else None."""
    match = ARTICLE_ADDRESS.fullmatch(path)
    return match["slug"] if match and not match["before"] else None


def slug_in_address(address: str) -> str | None:
    """The slug in an article's address as an editor may copy it, from anywhere before `articles/`
    (`/articles/x/`, `https://host/revue/articles/x`); None for anything else, its page file included."""
    match = ARTICLE_ADDRESS.fullmatch(address)
    return match["slug"] if match and not match["page"] else None


def slug(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """The slug of a title or a name: French letters without accents, cut at a word under `max_length`
    (0: not cut), the one way every address is made from words.

    `save_order`: the words kept are the first ones, in order; without it python-slugify skips a word
    that would pass the limit and goes on with shorter ones (`…-formation-des-et`).
    """
    return slugify(text, max_length=max_length, word_boundary=True, save_order=True)


def partner(slug: str, organisation: bool) -> str:
    """A partner's page: `pays/japon/`, or `organisations/asean/` for an organisation."""
    return f"{ORGANISATIONS if organisation else COUNTRIES}{slug}/"


def partner_year(partner_path: str, year: int) -> str:
    """A partner's articles of one year: `pays/japon/2023/`."""
    return f"{partner_path}{year}/"


def year(number: int) -> str:
    return f"{YEARS}{number}/"


def photo(name: str) -> str:
    return f"{PHOTOS}{name}"


def feed(section: str = HOME) -> str:
    """The Atom feed of the whole site, or of a partner's page such as `pays/japon/`."""
    return f"{section}{FEED}"


def numbered(first_page: str, number: int) -> str:
    """Page `number` of a paginated list: `pays/japon/`, `pays/japon/page/2/`, …"""
    return first_page if number == 1 else f"{first_page}page/{number}/"


def output_file(path: str) -> str:
    """`articles/x/` → `articles/x/index.html`; a path with an extension stays as it is."""
    return path + "index.html" if path == "" or path.endswith("/") else path


def is_slug(text: str) -> bool:
    """Is `text` an article's address as written after `articles/`: the SLUG rule, MAX_SLUG_LENGTH at most."""
    return len(text) <= MAX_SLUG_LENGTH and SLUG.fullmatch(text) is not None


def web_address_parts(value: object) -> SplitResult | None:
    """An absolute http(s) address with a host, a port that exists and nothing invisible in it (no white
    space, no control character: it goes into feeds and pages), parsed; else None (`http://[::1/`,
    `https://x.org:99999/`)."""
    if not isinstance(value, str) or not value.isprintable() or not WEB_ADDRESS.fullmatch(value):
        return None
    try:
        parts = urlsplit(value)
        _ = parts.port  # read for its check: a port beyond 65535, or not a number, raises
    except ValueError:
        return None
    return parts if parts.hostname else None


def is_web_address(value: object) -> bool:
    """What a link to a source, or the site's base URL, may be: see `web_address_parts`."""
    return web_address_parts(value) is not None


def base_url(value: str) -> str | None:
    """`https://host/path/` (trailing slash added), or None unless it is a web address without query or fragment."""
    parts = web_address_parts(value.strip())
    if parts is None or parts.query or parts.fragment:
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"
