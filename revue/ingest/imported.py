"""`seeds/imported.yaml`: the seeds already imported, each with the article the import wrote.

An article records its seed (`source.seed`), but a deleted article records nothing: this list is what
keeps a seed whose article an editor deleted from being imported again, and from being named as new.
`import` writes it; editors read it, and delete a seed's line to import that seed again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from revue.core import messages
from revue.core.errors import BuildError, Problem, display_path
from revue.core.frontmatter import dump_value
from revue.core.schema import Field, Refused
from revue.core.yamlsource import as_typed, load_mapping_file


def _seed_line(seed: str) -> Field:
    """A seed's line: the seed's name as key, the article its import wrote as text."""

    def convert(value: Any) -> str:
        article = as_typed(value)
        if not isinstance(article, str):
            raise Refused(messages.imported_entry_not_a_path(seed))
        return article

    return Field(seed, convert)


def load_imported(path: Path, root: Path) -> dict[str, str]:
    """Each imported seed's name → the article it became (as written then); no file: none yet."""
    shown = display_path(path, root)
    data = load_mapping_file(path, shown)
    if data is None:
        return {}
    taken = {seed: _seed_line(seed).take(value) for seed, value in data.values.items()}
    problems = [
        Problem(shown, data.line(seed, 1), problem) for seed, (_, problem) in taken.items() if problem
    ]
    if problems:
        raise BuildError(problems)
    return {seed: article for seed, (article, _) in taken.items()}


def imported_yaml_text(entries: dict[str, str]) -> str:
    """The file as `import` writes it: what it is for, then one line per seed, in name order."""
    header = "".join(f"# {line}\n" for line in messages.IMPORTED_YAML_HEADER)
    return header + "".join(dump_value(seed, entries[seed]) for seed in sorted(entries))
