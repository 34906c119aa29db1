"""Index a built site with the pinned Pagefind binary, in shards by period that later builds reuse.

The indexed pages (those with `data-pagefind-body`) are split by their date (revue/publish/shards.py).
A shard whose pages, paths and bytes, are those of a shard indexed before with the same Pagefind is
carried over from the store (`.cache/search/`, which the GitHub Pages workflow keeps between runs);
the others are indexed at once, one Pagefind process each on a site holding only their pages, so
memory stays bounded by the shard size. `pagefind/shards.json` tells the search page what each shard
holds; the page merges them in the reader's browser (templates/static/search.js).

Pagefind reads each page in its index view (index_view.py), driven by pagefind.py.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from revue.core import messages
from revue.core.digest import code_digest, digest, installed_version
from revue.core.errors import BuildError, Problem
from revue.publish.index_view import WORDS
from revue.publish.pagefind import BUNDLE, entry_pages, index_shard, pagefind_binary, store_errors, stored
from revue.publish.shards import Shard, plan_shards
from revue.publish.store import Store

INDEXED_MARK = b"data-pagefind-body"  # Pagefind indexes only the pages that carry it
MANIFEST = "shards.json"
INDEXER = (
    "shards-3"  # bump when the Pagefind command, the index view (index_view.py) or the files kept change
)
# What the shards are cut by, read from the page as Pagefind reads it: the attribute in a tag
# (never words in the text), the ISO date of the sort key, the `pays` filter values.
INDEXED = re.compile(
    rb"<([a-zA-Z][\w-]*)(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*\s+data-pagefind-body[\s/>=]"
)
DATE = re.compile(rb'data-pagefind-sort="date:(\d{4}-\d{2})-\d{2}"')
COUNTRY = re.compile(rb'data-pagefind-filter="pays">([^<]*)<')
HTML_TAG = re.compile(rb"<html[\s>][^>]*>?", re.IGNORECASE)


@dataclass(frozen=True)
class IndexReport:
    """What the index holds and what this build redid, for the build report."""

    pages: int  # pages Pagefind indexed (article pages only: they alone carry `data-pagefind-body`)
    bytes: int  # size of the whole `pagefind/` folder a reader may download from
    shards: int
    reindexed: int  # shards Pagefind indexed in this build; the others were carried over
    folders: tuple[str, ...] = ()  # the shards' folders in `pagefind/`

    @property
    def carried_over(self) -> int:
        return self.shards - self.reindexed


@dataclass(frozen=True)
class PageFacts:
    """What sharding and the search page need to know of a page given to the indexer."""

    indexed: bool  # False when `data-pagefind-body` is only in its text, or it is not HTML: Pagefind skips it
    month: str  # "YYYY-MM" of its `data-pagefind-sort` date; "" when it has none
    countries: tuple[str, ...]  # its `pays` filter values
    read: str  # digest of the bytes Pagefind reads (see `read_part`): what its shard's key holds


@dataclass(frozen=True)
class ShardBundle:
    """A shard's Pagefind bundle as the store holds it."""

    pages: int
    bytes: int


@dataclass(frozen=True)
class NewSite:
    """The site being published, before it is: where each page's bytes are, where the search bundle goes.

    Pages this build wrote are in `written`, the others in `kept`. Shard folders `in_place` in `kept`'s
    bundle (every file as the last build left it) are not written again.
    """

    written: Path
    kept: Path
    written_paths: frozenset[str]
    in_place: frozenset[str] = frozenset()

    def locate(self, path: str) -> str:
        return f"{self.written if path in self.written_paths else self.kept}/{path}"


def index_site(site: NewSite, pages: Mapping[str, str], store: Path, shard_size: int) -> IndexReport:
    """Write `site.written/pagefind/`: the shards of `pages` (path → digest of its bytes, every page whose
    bytes hold `data-pagefind-body`) not already in place, and the manifest of them all; raise BuildError
    when Pagefind fails.

    A shard's folder is named by its period and its key (`2016_2019-3f2a…`): a shard whose pages did not
    change keeps its folder, so an edit replaces one folder, and a reader's browser never mixes the
    files of two versions of a shard.
    """
    from concurrent.futures import ThreadPoolExecutor  # here: a run with nothing to do never indexes

    memo = Store(store / "index.pickle")
    facts = read_facts(site, pages, memo)
    shards = plan_shards({path: fact.month for path, fact in facts.items()}, shard_size)
    keys = {shard.id: shard_key(shard, facts, indexer_version()) for shard in shards}
    todo = sorted((s for s in shards if not stored(store, keys[s.id])), key=lambda s: -len(s.pages))
    if not store.is_dir() and (store.exists() or store.is_symlink()):  # a file, a dead link: in `.cache/`,
        store.unlink()  # ours to replace
    if todo:
        binary = pagefind_binary()
        with ThreadPoolExecutor(os.cpu_count() or 1) as pool, store_errors(store):
            failed = [
                p for p in pool.map(lambda s: index_shard(binary, site, s, store, keys[s.id]), todo) if p
            ]
        if failed:
            raise BuildError(failed)
    bundle = site.written / BUNDLE
    bundle.mkdir(parents=True, exist_ok=True)
    sizes = []
    folders = {shard.id: shard_folder(shard, keys[shard.id]) for shard in shards}
    for shard in shards:
        if folders[shard.id] not in site.in_place:  # copies: output/ is not the store's to change
            copy_tree(store / keys[shard.id], bundle / folders[shard.id])
        sizes.append(shard_bundle(memo, store, keys[shard.id]))
    if shards:
        shutil.copyfile(store / keys[shards[0].id] / "pagefind.js", bundle / "pagefind.js")
    entries = [shard_entry(shard, folders[shard.id], facts) for shard in shards]
    manifest = json.dumps({"shards": entries, "words": WORDS}, ensure_ascii=False)
    (bundle / MANIFEST).write_text(manifest + "\n", encoding="utf-8")
    memo.save()
    forget_unused(store, set(keys.values()))
    return IndexReport(
        pages=sum(size.pages for size in sizes),
        bytes=sum(size.bytes for size in sizes) + folder_size(bundle, recursive=False),
        shards=len(shards),
        reindexed=len(todo),
        folders=tuple(folders.values()),
    )


def shard_folder(shard: Shard, key: str) -> str:
    return f"{shard.id}-{key[:16]}"


def read_facts(site: NewSite, pages: Mapping[str, str], memo: Store) -> dict[str, PageFacts]:
    """Month and countries of every page Pagefind will index, read once per page content."""
    facts: dict[str, PageFacts] = {}
    problems = []
    code = code_digest()
    for path, sha in pages.items():
        key = digest("page", code, path, sha)
        fact = memo.get(key)
        if fact is None:
            with open(site.locate(path), "rb") as page:
                fact = page_facts(path, page.read())
            memo.put(key, fact)
        if fact.indexed and not fact.month:
            problems.append(Problem(Path(path), None, messages.INDEXED_PAGE_WITHOUT_DATE))
        elif fact.indexed:
            facts[path] = fact
    if problems:
        raise BuildError(problems)
    return facts


def page_facts(path: str, page: bytes) -> PageFacts:
    """Read from the page's bytes what Pagefind will read: is it indexed, its date, its countries."""
    from html import unescape

    body = INDEXED.search(page) if path.endswith(".html") else None
    if body is None:
        return PageFacts(False, "", (), "")
    date = DATE.search(page)
    countries = sorted({unescape(name.decode("utf-8")).strip() for name in COUNTRY.findall(page)})
    return PageFacts(
        True, date.group(1).decode("ascii") if date else "", tuple(countries), read_part(page, body)
    )


def undated(path: str, page: bytes) -> bool:
    """Does Pagefind index this page (see `page_facts`) without the date its shard is chosen by?"""
    return path.endswith(".html") and not DATE.search(page) and bool(INDEXED.search(page))  # DATE: quicker


def read_part(page: bytes, body: re.Match[bytes]) -> str:
    """Digest of what Pagefind reads of a page: its indexed element, its `<html>` tag (the language), and
    what comes before or after only when `data-pagefind` attributes are there too. So neither the
    absolute URLs of the head (a preview's local address) nor the links to neighbouring articles
    after the article change a shard."""
    closes = re.finditer(
        rb"<(/?)" + re.escape(body.group(1)) + rb"[\s/>]", page[body.start() :], re.IGNORECASE
    )
    depth, end = 0, len(page)
    for tag in closes:
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = body.start() + tag.end()
            break
    before, after = page[: body.start()], page[end:]
    html_tag = HTML_TAG.search(before)
    return digest(
        before if b"data-pagefind" in before else html_tag.group() if html_tag else b"",
        page[body.start() : end],
        after if b"data-pagefind" in after else b"",
    )


def is_indexed(page: bytes) -> bool:
    """May the index read this page? Only those pages' bytes decide whether it must be looked at again."""
    return INDEXED_MARK in page


def indexer_version() -> str:
    """An index built by another Pagefind may differ: its version is part of what the index depends on."""
    return installed_version("pagefind-bin")


def shard_key(shard: Shard, facts: dict[str, PageFacts], pagefind: str) -> str:
    """Everything a shard's bundle is made from: its pages' paths and what Pagefind reads of them, and
    how Pagefind ran."""
    return digest(INDEXER, pagefind, *(part for path in shard.pages for part in (path, facts[path].read)))


def shard_bundle(memo: Store, store: Path, key: str) -> ShardBundle:
    """Pages and bytes of a shard's bundle, measured once."""
    found = memo.get(f"shard:{key}")
    if found is None:
        found = ShardBundle(entry_pages(store / key) or 0, folder_size(store / key))
        memo.put(f"shard:{key}", found)
    return found


def shard_entry(shard: Shard, folder: str, facts: dict[str, PageFacts]) -> dict[str, object]:
    """What the search page needs to know of a shard before loading it."""
    return {
        "id": shard.id,
        "folder": folder,
        "first": shard.first,
        "last": shard.last,
        "pages": len(shard.pages),
        "years": sorted({facts[path].month[:4] for path in shard.pages}),
        "countries": sorted({country for path in shard.pages for country in facts[path].countries}),
    }


def forget_unused(store: Path, keys: set[str]) -> None:
    """Drop the bundles of shards this build no longer has: the store holds one site's worth."""
    for entry in store.iterdir() if store.is_dir() else ():
        if entry.is_dir() and entry.name not in keys:
            shutil.rmtree(entry, ignore_errors=True)


def copy_tree(source: Path, target: Path, copy: Callable[[str, str], object] = shutil.copyfile) -> None:
    """`target` made a copy of the folder `source`, file by file with `copy`: twice as fast as
    shutil.copytree, and a file that cannot be written is an OSError naming it."""
    os.mkdir(target)
    with os.scandir(source) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                copy_tree(Path(entry.path), target / entry.name, copy)
            else:
                try:
                    copy(entry.path, f"{target}/{entry.name}")
                except OSError as error:  # named by the copy it could not write, not by its source
                    raise OSError(error.errno, error.strerror, f"{target}/{entry.name}") from None


def folder_size(folder: Path, recursive: bool = True) -> int:
    files = folder.rglob("*") if recursive else folder.iterdir()
    return sum(path.stat().st_size for path in files if path.is_file())
