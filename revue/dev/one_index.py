"""A built site searched through one unsharded Pagefind index: what sharding is measured against.

The search tests check that the sharded index finds what one index finds, and
`scripts/measure_search.py` compares what a search downloads from each; both replace `pagefind/` of a
built site with this single index, read by the same search page through a one-shard manifest.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from revue.build.search import BUNDLE, MANIFEST, UNUSED, pagefind_binary

FOLDER = "one"  # the single shard's folder under pagefind/


def index_as_one(site: Path) -> None:
    """Replace `site/pagefind/` by one Pagefind index of all its pages, described as one shard."""
    bundle = site / BUNDLE
    shards = json.loads((bundle / MANIFEST).read_text(encoding="utf-8"))["shards"]
    shutil.rmtree(bundle)
    command = [str(pagefind_binary()), "--site", str(site), "--output-path", str(bundle / FOLDER), "--quiet"]
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
        json.dumps({"shards": [whole]}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
