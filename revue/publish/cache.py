"""`.cache/`: everything a build remembers, in one object the pipeline and its phases hold; the stages
never see it, and no other module computes a path under `.cache/`: it hands them their stores and folders.

Every value is stored under a key that holds everything it depends on (input bytes, the config, the
code that shapes output and the libraries' versions), so nothing in it can be stale: a changed input
is a new key. Delete `.cache/` and the next build computes everything again, with the same bytes.
"""

from __future__ import annotations

import functools
import os
import shutil
import sys
import time
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from revue.core import messages
from revue.core.collation import known_sort_keys, remember_sort_keys
from revue.core.digest import code_digest, digest
from revue.core.errors import BuildError, Problem
from revue.publish.manifest import NO_MANIFEST, Entry, Manifest
from revue.publish.parallel import fork_map
from revue.publish.search import IndexReport
from revue.publish.store import Store

SORT_KEYS = "collation"  # the slot of the French sort keys in the `runs` store
SEARCH_STORE = "search"  # the shard bundles' folder under `.cache/`
COMPILED_TEMPLATES = "templates"  # Jinja's compiled templates, under `.cache/`, by version of the code

if TYPE_CHECKING:  # a run with nothing to do opens the cache but never reads or renders an article
    from revue.content.config import SiteConfig
    from revue.content.files import SourceFile
    from revue.content.model import Article
    from revue.core.filestat import FileStat
    from revue.publish.photos import PhotoFile, Sizes
    from revue.render.markup import RenderedBody


def _read(shared: tuple[list[SourceFile], SiteConfig], index: int) -> Article | list[Problem]:
    from revue.content.read import read_article

    files, config = shared
    try:
        return read_article(files[index].path, files[index].raw, config)
    except BuildError as error:
        return error.problems  # an exception would not cross the process boundary whole


def _body(texts: list[str], index: int) -> RenderedBody:
    from revue.render.markup import render_body

    return render_body(texts[index])


def _sizes(raws: list[bytes], index: int) -> Sizes | str:
    from revue.publish.photos import make_sizes

    return make_sizes(raws[index])


class BuildCache:
    """The stores of `.cache/`, opened when first used (a build with nothing to do opens only one)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.stores: dict[str, Store] = {}
        self.article_keys: dict[str, str] = {}  # by slug: a digest of everything the article says
        self.file_digests: dict[str, str] = {}  # by slug: its file's digest, which its body follows from

    def make_folder(self) -> None:
        """`.cache/` made before the work that fills it: a file in its way is reported before, not after."""
        if self.folder.exists() and not self.folder.is_dir():
            raise BuildError([Problem(self.folder, None, messages.CACHE_IS_NOT_A_FOLDER)])
        self.folder.mkdir(exist_ok=True)

    def store(self, name: str) -> Store:
        if name not in self.stores:  # `runs` is tiny and shared by build and check: never pruned
            self.stores[name] = Store(self.folder / f"{name}.pickle", prune=name != "runs")
        return self.stores[name]

    def read_articles(self, files: tuple[SourceFile, ...], config: SiteConfig) -> list[Article | BuildError]:
        """Each file read and validated, or its problems; a file read before with these bytes is not parsed."""
        from revue.content.model import Article

        store = self.store("articles")
        context = digest(code_digest(), repr(config))
        keys = [digest(context, file.shown, file.sha) for file in files]
        misses = [index for index, key in enumerate(keys) if store.get(key) is None]
        parsed = fork_map(_read, ([files[i] for i in misses], config), len(misses))
        fresh = dict(zip(misses, parsed, strict=True))
        outcomes: list[Article | BuildError] = []
        for index, key in enumerate(keys):
            outcome = fresh.get(index) or store.get(key)
            if isinstance(outcome, Article):
                if index in fresh:
                    store.put(key, outcome)
                self.article_keys[outcome.slug] = key
                self.file_digests[outcome.slug] = files[index].sha
                outcomes.append(outcome)
            else:
                outcomes.append(BuildError(cast("list[Problem]", outcome)))  # what `_read` gives back
        return outcomes

    def bodies(self, articles: tuple[Article, ...]) -> dict[str, RenderedBody]:
        """Each article's rendered body by slug, rendered only when its file changed since it last was.
        Keyed by the file's digest, already taken, not by the Markdown's, which would cost hashing every
        body of the site on every build; a changed front matter costs one body rendered again."""
        store = self.store("bodies")
        context = code_digest()
        keys = {article.slug: digest(context, self.file_digests[article.slug]) for article in articles}
        misses = [article for article in articles if store.get(keys[article.slug]) is None]
        texts = [article.body_markdown for article in misses]
        for article, html in zip(misses, fork_map(_body, texts, len(texts)), strict=True):
            store.put(keys[article.slug], html)
        return {slug: cast("RenderedBody", store.get(key)) for slug, key in keys.items()}

    def photo_sizes(self, files: list[PhotoFile]) -> dict[str, Sizes | str]:
        """Every size of each image by its key (its bytes), or why it cannot be read; an image made
        before is never resized again."""
        store = self.store("photos")
        misses = [file for file in files if store.get(file.key) is None]
        made = fork_map(_sizes, [file.raw for file in misses], len(misses), serial_below=2)
        for file, sizes in zip(misses, made, strict=True):
            store.put(file.key, sizes)
        return {file.key: cast("Sizes | str", store.get(file.key)) for file in files}

    def clock(self) -> int:
        """Now, in ns, as the file system of `.cache/` tells it, which as a rule stamps `content/` too: a
        network drive's clock may run apart from this machine's, and a listing compares the files'
        stamps with it. This machine's clock when `.cache/` is not there (yet)."""
        marker = self.folder / "clock"
        try:
            marker.touch()
            return marker.stat().st_mtime_ns
        except OSError:
            return time.time_ns()

    def listed(self) -> dict[str, tuple[FileStat, str]]:
        """What the last listing of `content/` saw settled: stat and digest by name (content/files.py)."""
        found = self.store("listing").get("content")
        well_formed = isinstance(found, dict) and all(
            isinstance(seen, tuple) and len(seen) == 2 and isinstance(seen[1], str) for seen in found.values()
        )
        return cast("dict[str, tuple[FileStat, str]]", found) if well_formed else {}  # others' files ignored

    def load_sort_keys(self) -> None:
        """The French sort keys earlier builds computed (core/collation.py), if the code is the same."""
        found = self.store("runs").get(SORT_KEYS)
        remember_sort_keys(found[1] if found and found[0] == code_digest() else {})

    def manifest(self, output: Path) -> Manifest:
        """`output/` as the last build left it."""
        return self.store("manifest").get(manifest_slot(output)) or NO_MANIFEST

    @property
    def search_store(self) -> Path:
        """The shard bundles Pagefind made (publish/search.py), kept between runs by the GitHub workflow."""
        return self.folder / SEARCH_STORE

    def compiled_templates(self, config: SiteConfig) -> Path:
        """Where Jinja keeps the templates compiled by this code for these settings. Jinja checks each
        template's source, not the code that makes the environment (its options, its filters) nor the
        settings: it runs a filter on a constant while compiling, baking the site's address into
        robots.txt's `'sitemap.xml' | url`. Each version of both gets its own folder, and the folders of
        the others are dropped (a preview then a publishing build compile the templates again: 40 ms)."""
        folder, current = self.folder / COMPILED_TEMPLATES, digest(code_digest(), repr(config))[:16]
        for entry in os.scandir(folder) if folder.is_dir() else ():
            if entry.name != current:
                with suppress(OSError):  # left behind, it costs a little room and nothing else
                    shutil.rmtree(entry.path) if entry.is_dir() else os.unlink(entry.path)
        return folder / current

    def last_run(self, slot: str) -> Any | None:
        """What the last good run left under `slot` (pipeline.py: the record of its run)."""
        return self.store("runs").get(slot)

    def record_run(
        self,
        settled: dict[str, tuple[FileStat, str]],
        runs: Mapping[str, object] | None = None,
        published: tuple[Path, Manifest] | None = None,
    ) -> tuple[Problem, ...]:
        """What a run leaves for the next, then saved: the files of `content/` that have settled (they are
        not read again); for a run past the shortcut, `runs` (its records by slot) and the French sort
        keys it computed; the manifest of the `output/` it published."""
        if settled != self.store("listing").get("content"):  # as stored: a malformed one is replaced
            self.store("listing").put("content", settled)
        if runs is not None:
            for slot, record in {**runs, SORT_KEYS: (code_digest(), known_sort_keys())}.items():
                self.store("runs").put(slot, record)
        if published is not None:
            output, manifest = published
            self.store("manifest").put(manifest_slot(output), manifest)
        return self.save()

    def save(self) -> tuple[Problem, ...]:
        """Write every store that was used, dropping the entries this build did not use. A store that
        cannot be written is a warning, not a failure: the build it speeds up has been done (and maybe
        published); the next one does that work again."""
        problems = []
        for store in self.stores.values():
            try:
                store.save()
            except OSError as error:
                problems.append(
                    Problem(store.file, None, messages.cache_not_saved(messages.system_error(error)))
                )
        return tuple(problems)


def manifest_slot(output: Path) -> str:
    """Where an output folder's manifest lives: per folder, and per version of what a manifest holds.
    Not per version of the code: after any change of it every page is rendered again (each page's key
    holds the code digest) but only those whose bytes changed are written."""
    return digest(manifest_format(), str(output.resolve()))


@functools.cache
def manifest_format() -> str:
    """The code of the classes a manifest is made of (a manifest of other ones would not unpickle
    right), and of what says which page is indexed."""
    modules = sorted({sys.modules[kind.__module__].__file__ or "" for kind in (Manifest, Entry, IndexReport)})
    return digest(*(Path(module).read_bytes() for module in modules))
