"""Index a built site with the pinned Pagefind binary, so readers can search it with no server."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from revue.core import messages
from revue.core.digest import installed_version
from revue.core.errors import BuildError, Problem

BUNDLE = "pagefind"  # the folder the search page loads `pagefind.js` from, under the base path
INDEXED_MARK = b"data-pagefind-body"  # Pagefind indexes only the pages that carry it


@dataclass(frozen=True)
class IndexReport:
    """What the index holds, for the build report."""

    pages: int  # pages Pagefind indexed (article pages only: they alone carry `data-pagefind-body`)
    bytes: int  # size of the whole `pagefind/` bundle a reader may download from


def index_site(folder: Path) -> IndexReport:
    """Write the search index into `folder/pagefind/`; raise BuildError when Pagefind fails."""
    import pagefind_bin  # here: only a run that indexes needs the binary's package

    try:
        binary = pagefind_bin.get_executable()
    except FileNotFoundError as error:
        raise BuildError([pagefind_problem(folder, str(error))]) from None
    command = [str(binary), "--site", str(folder), "--output-subdir", BUNDLE, "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BuildError([pagefind_problem(folder, (done.stderr + done.stdout).strip())])
    return describe(folder / BUNDLE)


def is_indexed(page: bytes) -> bool:
    """Does the index read this page? Only those pages' bytes decide whether it must be rebuilt."""
    return INDEXED_MARK in page


def indexer_version() -> str:
    """An index built by another Pagefind may differ: its version is part of what the index depends on."""
    return installed_version("pagefind-bin")


def describe(bundle: Path) -> IndexReport:
    return IndexReport(pages=indexed_pages(bundle), bytes=folder_size(bundle))


def pagefind_problem(folder: Path, printed: str) -> Problem:
    return Problem(folder, None, messages.pagefind_failed(printed))


def indexed_pages(bundle: Path) -> int:
    """Pagefind's entry file counts the pages of each language it indexed."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    return sum(language["page_count"] for language in entry["languages"].values())


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())
