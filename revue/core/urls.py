"""Every path of the site, and the one rule for a web address: pages, templates and checks use these.

Paths are relative to the site's base URL (`pays/japon/`); `SiteConfig.href` and `SiteConfig.url`
turn them into links under the base path and into absolute URLs.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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
PHOTOS = "photos/"  # every size of every photo, named by its bytes (build/photos.py)
SEARCH_BUNDLE = "pagefind/"  # the search index, which the search page loads in the reader's browser
MAX_SLUG_LENGTH = 120  # longer than any headline slug so far (85); far below a file name's 255 bytes
# The importer's own, shorter limit: a title it makes from a first sentence, or a long agency headline,
# gives a slug cut at a word to this length, an address editors can still read and type.
MAX_IMPORTED_SLUG_LENGTH = 80
WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+[^\s]*$")


def article(slug: str) -> str:
    return f"articles/{slug}/"


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


def is_web_address(value: object) -> bool:
    """An absolute http(s) address with a host and no white space: what a link to a source may be."""
    return isinstance(value, str) and WEB_ADDRESS.match(value) is not None


def base_url(value: str) -> str | None:
    """`https://host/path/` (trailing slash added), or None unless it is a web address without query or fragment."""
    value = value.strip()
    parts = urlsplit(value)
    if not is_web_address(value) or parts.query or parts.fragment:
        return None
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"{parts.scheme}://{parts.netloc}{path}"
