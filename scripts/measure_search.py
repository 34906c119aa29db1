"""Measure the sharded search index against one unsharded index, on N benchmark articles.

Run: `.venv/bin/python scripts/measure_search.py [--articles 10000] [--query masques …]`. In a
temporary project on /dev/shm (the corpus of revue/dev/corpus.py, site.yaml's search_shard_size):
1. a cold `build.py build`;
2. each in a fresh process, the article pages indexed from scratch in shards and as one index: wall
   time and the peak RSS of the largest Pagefind process (the only children of that process);
3. `build.py build` after the newest article is edited (the daily case: its shard is the newest
   year's), after an old one is (`make bench`'s bench-00000.md, in a block of older years), then
   after nothing changed: wall time of the whole process, the part spent indexing, the report line;
4. in Chromium at a phone viewport, each query opened from a cold cache on both indexes, behind the
   same search page: bytes and requests from Playwright's network log, and the time until the
   results show.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from revue.content.config import load_config  # noqa: E402
from revue.core.project import Project  # noqa: E402
from revue.dev.corpus import write_corpus  # noqa: E402
from revue.preview.static_server import start_server  # noqa: E402
from tests.browser.conftest import QUIET_FLAGS  # noqa: E402

OLD = "bench-00000.md"  # the article `make bench` edits: 2018, in a block of older years
BUILD_ONCE = """
import sys
from revue import cli, pipeline
build, index_seconds = pipeline.build, []
def measured(*args, **kwargs):
    result = build(*args, **kwargs)
    index_seconds.append(result.index_seconds)
    return result
pipeline.build = measured
code = cli.main(["--root", sys.argv[1], "build"])
print(index_seconds[0] if index_seconds else 0.0)
sys.exit(code)
"""
INDEX_ONCE = """
import json, resource, sys, time
from pathlib import Path
from revue.publish.search import NewSite, index_site
staging, store, size = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
pages = json.load(sys.stdin)
started = time.perf_counter()
report = index_site(NewSite(staging, staging, frozenset()), pages, store, size)
print(json.dumps({"seconds": time.perf_counter() - started, "shards": report.shards, "bytes": report.bytes,
                  "pagefind_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""
ONE_INDEX_ONCE = """
import json, resource, sys, time
from pathlib import Path
from revue.dev.one_index import index_as_one
started = time.perf_counter()
index_as_one(Path(sys.argv[1]))
bundle = Path(sys.argv[1]) / "pagefind"
print(json.dumps({"seconds": time.perf_counter() - started, "shards": 1,
                  "bytes": sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file()),
                  "pagefind_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def build(root: Path) -> tuple[float, float, str]:
    """Wall time of a whole `build.py build` process, the part spent indexing, and its index report line."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", BUILD_ONCE, str(root)], cwd=REPO, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(done.stderr)
    printed = done.stdout.strip().splitlines()
    return seconds, float(printed[-1]), printed[-2]


def article_date(article: Path) -> str:
    return re.search(r"^date: (\S+)$", article.read_text(encoding="utf-8"), re.MULTILINE).group(1)


def index_from_scratch(output: Path, folder: Path, shard_size: int | None) -> tuple[Path, dict[str, float]]:
    """Index a hard-linked copy of `output`'s pages in a fresh process: in shards with an empty store, or
    (`shard_size` None) as one index (revue/dev/one_index.py)."""
    staging = folder / "site"
    if shard_size is None:
        shutil.copytree(output, staging, copy_function=os.link)
        command = [sys.executable, "-c", ONE_INDEX_ONCE, str(staging)]
        pages = {}
    else:
        shutil.copytree(output, staging, copy_function=os.link, ignore=shutil.ignore_patterns("pagefind"))
        command = [sys.executable, "-c", INDEX_ONCE, str(staging), str(folder / "store"), str(shard_size)]
        pages = {}
        for page in staging.rglob("*.html"):
            content = page.read_bytes()
            if b"data-pagefind-body" in content:
                pages[str(page.relative_to(staging))] = hashlib.sha256(content).hexdigest()
    done = subprocess.run(
        command, input=json.dumps(pages), cwd=REPO, capture_output=True, text=True, check=True
    )
    return staging, json.loads(done.stdout)


def query_weight(browser: Browser, url: str) -> dict[str, float]:
    """Bytes and requests of opening a search link at a phone viewport with an empty cache."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="fr-FR"
    )
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(
        "document.getElementById('recherche-etat').textContent.includes('trouvé')", timeout=120_000
    )
    seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    sizes = [(request.url, request.sizes()["responseBodySize"]) for request in finished]
    context.close()
    index = [size for address, size in sizes if "/pagefind/" in address]
    return {
        "seconds": seconds,
        "requests": len(sizes),
        "bytes": sum(size for _, size in sizes),
        "index_requests": len(index),
        "index_bytes": sum(index),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--query", action="append", help="one-word queries (default: masques, Gunma, déminage)"
    )
    args = parser.parse_args()
    queries = args.query or ["masques", "Gunma", "déminage"]
    with tempfile.TemporaryDirectory(
        prefix="revue-search-", dir="/dev/shm" if Path("/dev/shm").is_dir() else None
    ) as tmp:
        project = Project(Path(tmp) / "site")
        project.root.mkdir()
        shutil.copy(REPO / "site.yaml", project.site_yaml)
        shutil.copytree(REPO / "templates", project.templates)
        write_corpus(project.content, REPO / "seeds", args.articles)
        shard_size = load_config(project.site_yaml).search_shard_size
        print(f"{args.articles} articles, search_shard_size {shard_size}, {os.cpu_count()} cores")
        seconds, indexing, line = build(project.root)
        print(f"cold build.py build: {seconds:.2f} s, of which indexing {indexing:.2f} s — {line}")
        runs = {}
        for name, size in (("sharded", shard_size), ("one index", None)):
            staging, run = index_from_scratch(project.output, Path(tmp) / name, size)
            runs[name] = staging
            print(
                f"cold indexing, {name}: {run['seconds']:.2f} s, {run['shards']:.0f} shard(s), "
                f"{run['bytes'] / 1024:.0f} KiB, largest Pagefind process {run['pagefind_kb'] / 1024:.0f} MiB"
            )
        newest = max(project.content.glob("*.md"), key=lambda article: article_date(article))
        for what, article in (
            ("the newest article edited", newest),
            ("an old article edited", OLD),
            ("nothing changed", None),
        ):
            if article is not None:
                path = project.content / article if isinstance(article, str) else article
                path.write_text(
                    path.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8"
                )
            seconds, indexing, line = build(project.root)
            print(f"build.py build, {what}: {seconds:.2f} s, of which indexing {indexing:.2f} s — {line}")
        print(f"load average {os.getloadavg()[0]:.1f}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=QUIET_FLAGS)
            for name, folder in runs.items():
                server = start_server(folder, "/")
                for query in queries:
                    url = f"http://127.0.0.1:{server.server_address[1]}/recherche/?{urlencode({'q': query})}"
                    weight = query_weight(browser, url)
                    print(
                        f"query {query!r}, {name}: {weight['bytes'] / 1024:.0f} KiB in {weight['requests']:.0f} "
                        f"requests, of which the index {weight['index_bytes'] / 1024:.0f} KiB in "
                        f"{weight['index_requests']:.0f}; results after {weight['seconds']:.1f} s"
                    )
                server.shutdown()
            browser.close()


if __name__ == "__main__":
    main()
