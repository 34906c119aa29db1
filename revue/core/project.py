"""Where a project's files live: one place, so no stage hard-codes a folder name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    """The folders and files of one Revue project, under `root`."""

    root: Path

    @property
    def site_yaml(self) -> Path:
        return self.root / "site.yaml"

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def sources_yaml(self) -> Path:
        return self.root / "seeds" / "sources.yaml"

    @property
    def imported_yaml(self) -> Path:
        """The seeds already imported: never imported again, even once their article is deleted."""
        return self.root / "seeds" / "imported.yaml"

    @property
    def output(self) -> Path:
        return self.root / "output"

    @property
    def static(self) -> Path:
        return self.root / "templates" / "static"

    @property
    def cache(self) -> Path:
        return self.root / ".cache"
