"""The files of the site that are not rendered: `templates/static/` under `assets/`, and `.nojekyll`."""

from __future__ import annotations

from pathlib import Path

from revue.core import urls
from revue.render.templates import RenderedFile

NOJEKYLL = RenderedFile(urls.NOJEKYLL, b"")  # tells GitHub Pages to serve the files as they are


def asset_files(static: Path) -> list[RenderedFile]:
    """`templates/static/` as it is, under `assets/`: files of the site like the pages."""
    files = sorted(path for path in static.rglob("*") if path.is_file()) if static.is_dir() else []
    return [
        RenderedFile(urls.ASSETS + path.relative_to(static).as_posix(), path.read_bytes()) for path in files
    ]
