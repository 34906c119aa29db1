"""The code digest (`revue/core/digest.py`) covers the code and data that shape output, and only them.

Issue 23, point 8, and issue 24: these hold the assumptions the digest is read with, so that a module
or a message the build comes to use cannot be left out of it unnoticed.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import shutil
from pathlib import Path

from revue.core.digest import (
    LIBRARIES,
    NOT_SHAPING,
    PACKAGE,
    installed_version,
    normalised,
    package_digest,
    shaping_sources,
)

# The arrows from the digest to what it leaves out: the pipeline's phases run the importer, whose files
# are read back by their bytes, as any article (the pipeline itself names its reports' type).
ALLOWED = {("revue.phases", "revue.ingest"), ("revue.pipeline", "revue.ingest")}


def module_name(path: Path) -> str:
    parts = ("revue", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}
SHAPING = {module_name(path) for path in shaping_sources()}


def imported_by(module: str) -> set[str]:
    """The modules of Revue that `module` imports, anywhere in it (deferred imports too), each with
    its packages (importing `a.b.c` runs `a/__init__` and `a/b/__init__`)."""
    found = set()
    for node in ast.walk(ast.parse(MODULES[module].read_bytes())):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        for name in names:
            parts = name.split(".")
            found |= {".".join(parts[:end]) for end in range(1, len(parts) + 1)} & MODULES.keys()
    return found - {module}


def outside(module: str) -> str | None:
    """The entry of NOT_SHAPING that leaves `module` out of the digest, if any."""
    for left_out in NOT_SHAPING:
        name = "revue." + left_out.removesuffix(".py").replace("/", ".")
        if module == name or module.startswith(name + "."):
            return name
    return None


def test_every_module_a_run_imports_is_in_the_digest() -> None:
    """Followed from the pipeline through every import, deferred ones included: all in the digest,
    but for the importer the pipeline runs (and what only it imports)."""
    seen, todo = set(), ["revue.pipeline"]
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        for imported in imported_by(module):
            if (module, outside(imported)) not in ALLOWED:
                todo.append(imported)
    assert seen - SHAPING == set()
    assert {"revue.core.messages.files", "revue.publish.cache", "revue.render.templates"} <= seen


def test_modules_left_out_of_the_digest_are_not_imported_by_those_in_it() -> None:
    for module in sorted(SHAPING):
        for imported in imported_by(module):
            if (where := outside(imported)) is not None:
                assert (module, where) in ALLOWED, f"{module} imports {imported}"


def test_the_command_line_and_the_preview_say_their_own_words_apart() -> None:
    assert {"revue.cli", "revue.core.messages.command_line", "revue.core.messages.preview"}.isdisjoint(
        SHAPING
    )
    assert "revue.core.messages.command_line" not in imported_by("revue.core.messages")


def test_a_help_text_is_not_in_the_digest_and_a_message_the_build_uses_is(tmp_path: Path) -> None:
    package = tmp_path / "revue"
    shutil.copytree(PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    before = package_digest(package)

    def edited(module: str, old: str, new: str) -> str:
        path = package / module
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
        changed = package_digest(package)
        path.write_text(text, encoding="utf-8")
        return changed

    assert edited("core/messages/command_line.py", '"--port": "', '"--port": "Port : ') == before
    assert edited("core/messages/files.py", "NOT_AN_ARTICLE = (", 'NOT_AN_ARTICLE = ("x" ') != before
    # and what a message uses: `count`, through the problem summaries
    assert edited("core/messages/wording.py", "def count(", "def count(  ") != before


def test_every_library_of_the_digest_is_installed_and_slugify_brings_its_transliteration() -> None:
    """A misspelt name would digest « not installed » whatever the version; python-slugify's own
    dependency (text-unidecode) shapes every URL, so its version is in the digest too."""
    assert [name for name in LIBRARIES if installed_version(name) == "not installed"] == []
    needed = [
        re.split(r"[<>=!~; ]", requirement)[0]
        for requirement in importlib.metadata.requires("python-slugify") or []
        if "extra ==" not in requirement
    ]
    assert needed and {normalised(name) for name in needed} <= {normalised(name) for name in LIBRARIES}
