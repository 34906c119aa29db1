"""A built site searched through one unsharded Pagefind index: what sharding is measured against.

The search tests check that the sharded index finds what one index finds, and
`scripts/measure_search.py` compares what a search downloads from each; both replace `pagefind/` of a
built site with this single index, made from the same index view of the pages (revue/publish/index_view.py)
and read by the same search page through a one-shard manifest.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

from revue.publish.pagefind import BUNDLE, UNUSED, pagefind_binary, stage_page
from revue.publish.search import INDEXED_MARK, MANIFEST

FOLDER = "one"  # the single shard's folder under pagefind/


def index_as_one(site: Path) -> None:
    """Replace `site/pagefind/` by one Pagefind index of all its pages, described as one shard."""
    bundle = site / BUNDLE
    manifest = json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))
    shards = manifest["shards"]
    shutil.rmtree(bundle)
    with tempfile.TemporaryDirectory(prefix="one-index-", dir=site.parent) as work:
        pages = Path(work).absolute()
        for page in site.rglob("*.html"):
            if INDEXED_MARK in page.read_bytes():
                (pages / page.relative_to(site)).parent.mkdir(parents=True, exist_ok=True)
                stage_page(str(page), pages / page.relative_to(site))
        command = [
            str(pagefind_binary()),
            "--site",
            str(pages),
            "--output-path",
            str(bundle / FOLDER),
            "--quiet",
        ]
        subprocess.run(command, check=True, capture_output=True)
    for name in UNUSED:
        (bundle / FOLDER / name).unlink(missing_ok=True)
    shutil.copy(bundle / FOLDER / "pagefind.js", bundle / "pagefind.js")
    whole = {
        "id": FOLDER,
        "folder": FOLDER,
        "first": min(shard["first"] for shard in shards),
        "last": max(shard["last"] for shard in shards),
        "pages": sum(shard["pages"] for shard in shards),
        "years": sorted({year for shard in shards for year in shard["years"]}),
        "countries": sorted({country for shard in shards for country in shard["countries"]}),
    }
    (bundle / MANIFEST).write_text(
        json.dumps({**manifest, "shards": [whole]}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
