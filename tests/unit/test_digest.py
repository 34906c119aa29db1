"""The code digest (`revue/core/digest.py`) covers the code and data that shape output, and only them.

Issue 23, point 8: these hold the assumptions the digest is read with, so that a module or a message
the build comes to use cannot be left out of it unnoticed.
"""

from __future__ import annotations

import ast
from pathlib import Path

from revue.core.digest import CATALOGUE, NOT_SHAPING, PACKAGE, catalogue_definitions, used_messages

SHAPING = sorted(
    path
    for path in PACKAGE.rglob("*.py")
    if path.relative_to(PACKAGE).parts[0] not in NOT_SHAPING and path.relative_to(PACKAGE) != CATALOGUE
)


def module_name(path: Path) -> str:
    parts = ("revue", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_the_catalogue_is_cut_into_the_definitions_python_reads() -> None:
    """The digest cuts the catalogue with a pattern, not a parser (parsing it would cost each build
    with nothing to do): each cut must start where Python sees a top-level definition of that name."""
    source = (PACKAGE / CATALOGUE).read_bytes()
    starts = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            starts.setdefault(node.name, node.lineno)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                assert isinstance(target, ast.Name)
                starts.setdefault(target.id, node.lineno)
    head, definitions = catalogue_definitions(source)
    assert definitions.keys() == starts.keys()
    lines = {name: source.index(text) for name, text in definitions.items()}
    assert {name: source[:offset].count(b"\n") + 1 for name, offset in lines.items()} == starts
    assert head.count(b"\n") + 1 == min(starts.values())


def test_the_code_names_each_message_as_messages_dot_name() -> None:
    """The digest finds the messages the code uses by `messages.NAME`: any other way of reaching the
    catalogue (`from revue.core.messages import X`, `getattr(messages, …)`) would be missed."""
    for path in SHAPING:
        tree = ast.parse(path.read_bytes())
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert node.module != "revue.core.messages", path
                if node.module == "revue.core":
                    assert all(alias.asname is None for alias in node.names), path
            elif isinstance(node, ast.Import):
                assert "revue.core.messages" not in {alias.name for alias in node.names}, path
            elif isinstance(node, ast.Name) and node.id == "messages" and not isinstance(node.ctx, ast.Store):
                assert isinstance(parents[node], ast.Attribute), f"{path}:{node.lineno}"


def test_a_help_text_is_not_in_the_digest_and_a_message_the_build_uses_is() -> None:
    source = (PACKAGE / CATALOGUE).read_bytes()
    sources = [path.read_bytes() for path in SHAPING]
    used = used_messages(sources, source)
    assert used_messages(sources, source.replace(b'"--port": "', b'"--port": "Port : ')) == used
    assert used_messages(sources, source.replace(b"NOT_AN_ARTICLE = (", b'NOT_AN_ARTICLE = ("x" ')) != used
    # and what a used message uses: `count`, through the problem summaries
    assert used_messages(sources, source.replace(b"def count(", b"def count(  ")) != used


def test_modules_left_out_of_the_digest_are_not_imported_by_those_in_it() -> None:
    """A module the build imports shapes what it makes: none of those left out may be imported by one
    in the digest, but for the importer, which the pipeline runs (what it writes is read back by its
    bytes, as any article)."""
    left_out = {f"revue.{name.removesuffix('.py')}" for name in NOT_SHAPING}
    allowed = {("revue.pipeline", "revue.ingest")}
    for path in SHAPING:
        for node in ast.walk(ast.parse(path.read_bytes())):
            names = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            for name in names:
                for outside in left_out:
                    if name == outside or name.startswith(outside + "."):
                        assert (module_name(path), outside) in allowed, f"{path} imports {name}"
