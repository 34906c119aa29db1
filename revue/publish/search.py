"""Index a built site with the pinned Pagefind binary, in shards by period that later builds reuse.

The indexed pages (those with `data-pagefind-body`) are split by their date (revue/publish/shards.py).
A shard whose pages, paths and bytes, are those of a shard indexed before with the same Pagefind is
carried over from the store (`.cache/search/`, which the GitHub Pages workflow keeps between runs);
the others are indexed at once, one Pagefind process each on a site holding only their pages, so
memory stays bounded by the shard size. `pagefind/shards.json` tells the search page what each shard
holds; the page merges them in the reader's browser (templates/static/search.js).

Pagefind reads each page in an index view (`index_view`) where every French word a reader sees stands
alone as Pagefind splits words: an elided article or pronoun apart from its word (« l’ investissement »),
a grouped number's groups joined (« 140~000 »). search.js asks for words in the same form and shows
titles and excerpts as the page writes them.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from revue.core import messages, urls
from revue.core.digest import code_digest, digest, installed_version
from revue.core.errors import BuildError, Problem
from revue.publish import children
from revue.publish.checkpoint import reached
from revue.publish.shards import Shard, plan_shards
from revue.publish.store import Store

BUNDLE = urls.SEARCH_BUNDLE.rstrip("/")  # the folder the search page loads `shards.json` and the shards from
INDEXED_MARK = b"data-pagefind-body"  # Pagefind indexes only the pages that carry it
MANIFEST = "shards.json"
INDEXER = "shards-3"  # bump when the Pagefind command, the index view or the files kept change
ENTRY = "pagefind-entry.json"  # what Pagefind says a bundle holds: its languages and their pages
UNUSED = (  # Pagefind's ready-made interfaces: the search page uses its JS API only
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)
# What the shards are cut by, read from the page as Pagefind reads it: the attribute in a tag
# (never words in the text), the ISO date of the sort key, the `pays` filter values.
INDEXED = re.compile(
    rb"<([a-zA-Z][\w-]*)(?:\s+[\w:.-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*\s+data-pagefind-body[\s/>=]"
)
DATE = re.compile(rb'data-pagefind-sort="date:(\d{4}-\d{2})-\d{2}"')
COUNTRY = re.compile(rb'data-pagefind-filter="pays">([^<]*)<')
HTML_TAG = re.compile(rb"<html[\s>][^>]*>?", re.IGNORECASE)
# The index view. Pagefind splits words on whitespace only, and keeps « l’investissement » as one word
# (`linvestissement`): the elided articles and pronouns of French, before a letter, get a space after
# their apostrophe. A number's groups (`140 000`, a narrow no-break space between them as the typography
# writes them) are two words to Pagefind: they are joined by GROUP_MARK, which Pagefind indexes as
# `140000` and as its parts. search.js removes that space and puts the narrow space back in what it shows.
# A filter's value (« Côte d’Ivoire ») is left as it is: the search page filters by it.
ELIDED = ("c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu")
# ASCII punctuation, which Pagefind drops from the word and splits it at (not `_`, a word character to it)
GROUP_MARK = "~"
WORDS = {"elided": ELIDED, "group_mark": GROUP_MARK}  # in shards.json: for search.js to undo the view
APOSTROPHES = "’'"
ELIDED_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(ELIDED)})\Z", re.IGNORECASE)  # at the end of a text
LONGEST_ELIDED = max(map(len, ELIDED)) + 1  # with the character before it
DIGIT_GROUP = re.compile(r"\u202f(?<=\d\u202f)(?=\d{3}(?!\d))")  # between a number's groups
FILTER_VALUE = re.compile(r"(data-pagefind-filter[^>]*>[^<]*)")  # kept as it is: the filters name it so


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


def pagefind_binary() -> Path:
    import pagefind_bin  # here: only a run that indexes needs the binary's package

    try:
        return pagefind_bin.get_executable()
    except FileNotFoundError as error:
        raise BuildError([pagefind_problem(Path(BUNDLE), str(error))]) from None


def index_shard(binary: Path, site: NewSite, shard: Shard, store: Path, key: str) -> Problem | None:
    """Index one shard on a site of its pages' index views (`stage_page`), into `store/key/`; a Problem if
    Pagefind fails."""
    import tempfile

    store.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"{key[:12]}-", dir=store) as work:
        # Absolute: Pagefind runs in `work`, where a path relative to ours (`--root ../site`) leads nowhere.
        pages, out = Path(work).absolute() / "site", Path(work).absolute() / BUNDLE
        for path in shard.pages:
            (pages / path).parent.mkdir(parents=True, exist_ok=True)
            stage_page(site.locate(path), pages / path)
        command = [str(binary), "--site", str(pages), "--output-path", str(out), "--quiet"]
        returncode, printed = run_pagefind(command, work)
        if returncode != 0:
            return pagefind_problem(Path(BUNDLE) / shard.id, printed)
        for name in UNUSED:
            (out / name).unlink(missing_ok=True)
        if wrong := bundle_fault(out):
            return incomplete_bundle(store, wrong)
        out.rename(store / key)  # whole or absent: a shard in the store is always complete
    return None


def run_pagefind(command: list[str], folder: str) -> tuple[int, str]:
    """Run Pagefind in `folder`: its exit code and what it printed. It is killed with the build: the
    thread that starts it waits for it, so it never outlives that thread (the kernel's signal follows
    the thread that forked)."""
    from functools import partial

    with subprocess.Popen(
        command,
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=partial(children.die_with_parent, children.prepare()),  # it dies with the build
    ) as indexer:
        reached("pagefind")
        printed, _ = indexer.communicate()
    return indexer.returncode, printed.strip()


def stage_page(source: str, target: Path) -> None:
    """Put a page where Pagefind will read it: its index view, or a link to it when that is the page."""
    with open(source, "rb") as file:
        page = file.read()
    view = index_view(page)
    if view is page:
        link_or_copy(source, str(target))
    else:
        target.write_bytes(view)


def index_view(page: bytes) -> bytes:
    """The page as Pagefind reads it (see ELIDED); the page itself when nothing in it changes.

    From `<body>` on: Pagefind reads nothing of the head but `<html lang>`, and the head says the title
    and summary three times over. Not only the indexed element, though: finding it costs more than
    changing the rest, which Pagefind never reads."""
    head = max(page.find(b"<body"), 0)
    text = page[head:].decode("utf-8")
    parts = FILTER_VALUE.split(text)
    parts[::2] = (DIGIT_GROUP.sub(GROUP_MARK, set_apart(part)) for part in parts[::2])
    view = "".join(parts)
    return page if view == text else page[:head] + view.encode("utf-8")


def set_apart(text: str) -> str:
    """A space after each elided word's apostrophe, before a letter. Split at the apostrophes, which are
    few, rather than searched for with a pattern, three times slower on a page."""
    for apostrophe in APOSTROPHES:
        pieces = text.split(apostrophe)
        joined = pieces[:1]
        for before, after in itertools.pairwise(pieces):
            elided = after[:1].isalpha() and ELIDED_BEFORE.search(before[-LONGEST_ELIDED:])
            joined += (apostrophe + " " if elided else apostrophe, after)
        text = "".join(joined)
    return text


def pagefind_problem(where: Path, printed: str) -> Problem:
    return Problem(where, None, messages.pagefind_failed(printed))


def link_or_copy(source: str, target: str) -> None:
    """A hard link, or a copy when the two folders are on different file systems (pages given to
    Pagefind, which reads them only)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def shard_bundle(memo: Store, store: Path, key: str) -> ShardBundle:
    """Pages and bytes of a shard's bundle, measured once."""
    found = memo.get(f"shard:{key}")
    if found is None:
        found = ShardBundle(entry_pages(store / key) or 0, folder_size(store / key))
        memo.put(f"shard:{key}", found)
    return found


def entry_pages(bundle: Path) -> int | None:
    """How many pages Pagefind says the bundle holds; None when its entry file cannot be read."""
    try:
        entry = json.loads((bundle / ENTRY).read_bytes())
        return sum(language["page_count"] for language in entry["languages"].values())
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def stored(store: Path, key: str) -> bool:
    """Is the shard `key` in the store, readable? A bundle a build verified can still be damaged by
    hand: it is indexed again rather than published broken."""
    return entry_pages(store / key) is not None


# Pagefind's compressed files: gzip, whose last bytes hold its length and checksum.
COMPRESSED = (".pagefind", ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")
# A full disk leaves a file of at most one block either empty or whole: only larger ones can be cut,
# and only those are decompressed (the thousand fragments of a shard, a few hundred bytes each,
# would cost an edit 0.15 s).
ONE_BLOCK = 4096


def bundle_fault(bundle: Path) -> str | None:
    """What is wrong with the bundle Pagefind just wrote, or None. Pagefind exits 0 when the disk is
    full, leaving empty or cut files: every file must be there, not empty, its entry readable, each
    compressed file larger than a block whole."""
    if entry_pages(bundle) is None:
        return ENTRY
    for name in ("pagefind.js", "pagefind-worker.js"):
        if not (bundle / name).is_file():
            return name
    entry = json.loads((bundle / ENTRY).read_bytes())
    for language in entry["languages"].values():
        for name in (f"wasm.{language['wasm']}.pagefind", f"pagefind.{language['hash']}.pf_meta"):
            if not (bundle / name).is_file():
                return name
    folders = [bundle]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                    continue
                size = entry.stat().st_size
                if size == 0 or (
                    size > ONE_BLOCK and entry.name.endswith(COMPRESSED) and not whole(entry.path)
                ):
                    return Path(entry.path).relative_to(bundle).as_posix()
    return None


def whole(compressed: str) -> bool:
    """Does this gzip file decompress to its end (its last bytes hold its length and checksum)?"""
    import gzip
    import zlib

    try:
        with open(compressed, "rb") as file:
            gzip.decompress(file.read())
    except (OSError, EOFError, zlib.error):
        return False
    return True


def incomplete_bundle(store: Path, wrong: str) -> Problem:
    free = shutil.disk_usage(store).free // 1024
    return Problem(store, None, messages.pagefind_incomplete(wrong, free))


@contextmanager
def store_errors(store: Path) -> Iterator[None]:
    """A file of the store that cannot be written (a full disk) is one problem naming the store, not
    the temporary folder Pagefind was working in."""
    try:
        yield
    except OSError as error:
        if error.filename and not str(error.filename).startswith(str(store)):
            raise
        raise BuildError(
            [Problem(store, None, messages.cannot_write(messages.system_error(error)))]
        ) from None


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
