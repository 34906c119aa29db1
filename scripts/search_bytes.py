"""What a reader's phone downloads for a search: requests and bytes, sharded index against one index.

    .venv/bin/python scripts/search_bytes.py output/ [--query japon --query "accord commercial"]

Serves a built site on 127.0.0.1, opens its search page in headless Chromium at a phone viewport
(Playwright's network log, the browser cache off) and, for each query, counts what the search
loaded: Pagefind's script and WebAssembly, each shard's entry, metadata, index chunks and filters,
and the result fragments. It then builds a copy of the site searched through one unsharded
Pagefind index (the same pages, the same search page) and counts the same queries there: the
"Publish one edited article in seconds" issue asks for at most 1.5× the bytes of one index.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import ClassVar
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright

from revue.build.search import BUNDLE, MANIFEST, link_or_copy
from revue.core import urls
from revue.dev.one_index import index_as_one
from revue.preview.static_server import SubPathHandler, start_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
QUERIES = ("japon", "coopération", "hanoi", "investissement commerce", "kishida")


def kind(url: str) -> str:
    """Which part of the search a request is for."""
    name = url.rsplit("/", 1)[-1]
    if f"/{BUNDLE}/" not in url:
        return "page"
    for part, label in (
        ("/fragment/", "fragments"),
        ("/index/", "index chunks"),
        ("/filter/", "filters"),
        (".pf_meta", "metadata"),
        ("pagefind-entry.json", "entries"),
        ("wasm.", "WebAssembly"),
        ("shards.json", "shard list"),
        (".js", "scripts"),
    ):
        if part in url or name.startswith(part):
            return label
    return name


class CountingHandler(SubPathHandler):
    """Counts what the server sends, so the requests of Pagefind's Web Worker are counted too."""

    sent: ClassVar[list[tuple[str, int]]] = []

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        outputfile.write(data)
        self.sent.append((self.path, len(data)))


def base_path(site: Path) -> str:
    """The path the site was built for (`/` or a GitHub Pages sub-path), read off its search page."""
    page = (site / urls.output_file(urls.SEARCH)).read_text(encoding="utf-8")
    bundle = re.search(r'data-bundle="([^"]*)"', page)
    if bundle is None:
        raise SystemExit(f"{site} has no search page: build the site first")
    return bundle[1].removesuffix(urls.SEARCH_BUNDLE)


def measure(site: Path, queries: tuple[str, ...]) -> dict[str, Counter]:
    """Requests and bytes per kind, for each query on a fresh page load (a new context: no cache)."""
    prefix = base_path(site)
    server = start_server(site, prefix, handler_class=CountingHandler)
    base = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    measured = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            for query in queries:
                context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
                page = context.new_page()
                CountingHandler.sent.clear()
                page.goto(f"{base}{urls.SEARCH}?q={quote(query)}")
                page.wait_for_function(
                    "document.getElementById('recherche-resultats').children.length > 0"
                    " || document.getElementById('recherche-etat').textContent.startsWith('Aucun')",
                    timeout=120_000,
                )
                page.wait_for_load_state("networkidle")
                counts: Counter = Counter()
                for path, size in CountingHandler.sent:
                    counts[f"{kind(path)} requests"] += 1
                    counts[f"{kind(path)} bytes"] += size
                counts["found: " + page.inner_text("#recherche-etat")] = 1
                measured[query] = counts
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return measured


def one_index_copy(site: Path, folder: Path) -> Path:
    """A copy of the site (its pages hard-linked) searched through one unsharded index."""
    copy = folder / "one-index"
    shutil.copytree(site, copy, copy_function=link_or_copy, ignore=shutil.ignore_patterns(BUNDLE))
    shutil.copytree(site / BUNDLE, copy / BUNDLE)
    index_as_one(copy)
    return copy


def total(counts: Counter, what: str) -> int:
    return sum(value for key, value in counts.items() if key.endswith(what))


def found(counts: Counter) -> str:
    return next((key.split(": ", 1)[1] for key in counts if key.startswith("found: ")), "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site (output/ of a build with the root base path)")
    parser.add_argument(
        "--query", action="append", help="a query (repeatable); default: five one-word and two-word ones"
    )
    arguments = parser.parse_args()
    queries = tuple(arguments.query or QUERIES)
    shards = len(json.loads((arguments.site / BUNDLE / MANIFEST).read_text(encoding="utf-8"))["shards"])
    with tempfile.TemporaryDirectory(
        prefix="search-bytes-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None
    ) as folder:
        sharded = measure(arguments.site, queries)
        single = measure(one_index_copy(arguments.site, Path(folder)), queries)
    print(
        f"{'query':28s} {'sharded (' + str(shards) + ')':>22s} {'one index':>22s}  ratio   search files only"
    )
    for query in queries:
        a, b = sharded[query], single[query]
        search_a = total(a, "bytes") - a["page bytes"]
        search_b = total(b, "bytes") - b["page bytes"]
        print(
            f"{query:28s} {total(a, 'requests'):5d} req {total(a, 'bytes') / 1024:8.1f} KiB"
            f" {total(b, 'requests'):5d} req {total(b, 'bytes') / 1024:8.1f} KiB"
            f"  {total(a, 'bytes') / total(b, 'bytes'):4.2f}×  {search_a / search_b:4.2f}×"
        )
        print(f"  {found(a)}" if found(a) == found(b) else f"  the two differ: {found(a)!r} | {found(b)!r}")
    print("\nby kind, first query (sharded | one index):")
    first = queries[0]
    for key in sorted(key for key in set(sharded[first]) | set(single[first]) if not key.startswith("found")):
        print(f"  {key:26s} {sharded[first][key]:10d} | {single[first][key]:10d}")


if __name__ == "__main__":
    main()
