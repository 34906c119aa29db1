"""Every file, module and name the developer docs point to exists, and every link between them (issue 24).

The README and `docs/*.md` name code in backticks: a path from the project's root
(`revue/publish/swap.py`, `tests/unit/test_read.py`, `templates/article.html`, `tests/invalid/<case>/`),
a dotted module (`revue.content.read`), or a path followed by a name defined there
(`revue/content/read.py` `read_article`). Paths are written from the project's root, so that a short
`publish/search.py` cannot hide a `revue/build/search.py` that moved. When code moves or is renamed,
these go stale without a word; this test names each one. Paths under `content/`, `seeds/`, `output/` and `.cache/` are the editors'
data and the build's output, given as examples, and are not checked.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Folders of the project whose files the docs point to; a path starting with one of them must exist.
CHECKED_ROOTS = ("revue/", "tests/", "templates/", "docs/", "scripts/", ".github/", ".ci/")
# A span of code in backticks: `revue/publish/swap.py`, `revue.content.read`, `read_article`.
SPAN = re.compile(r"`([^`\n]+)`")
# A name right after a path: `revue/content/read.py` `read_article`.
PATH_THEN_NAME = re.compile(r"`([\w./-]+\.py)` `([A-Za-z_][\w.]*)(?:\(\))?`")
PLACEHOLDER = re.compile(r"<[^>]*>|…")


def documents() -> list[Path]:
    return [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def broken_references(text: str, root: Path = REPO) -> list[str]:
    """Each path, module or name of `text` that does not exist under `root`, as written."""
    broken = [span for span in SPAN.findall(text) if not _exists(span, root)]
    for path, name in PATH_THEN_NAME.findall(text):
        if _exists(path, root) and path.startswith("revue/") and not _defines(root / path, name):
            broken.append(f"{path} {name}")
    return broken


def _exists(span: str, root: Path) -> bool:
    """False only for a span that names code of the project and finds nothing there."""
    span = span.strip()
    if " " in span:
        return True  # a command line or a phrase, not a path
    if re.fullmatch(r"revue(\.\w+)+", span):
        return _module_exists(span, root)
    names_python = span.endswith(".py") and "/" in span
    if not (span.startswith(CHECKED_ROOTS) or names_python):
        return True
    if span.startswith(("content/", "seeds/", "output/", ".cache/")):
        return True
    pattern = PLACEHOLDER.sub("*", span.rstrip("/"))
    if "*" in pattern:
        return any(root.glob(pattern))
    return (root / pattern).exists()


def _module_exists(dotted: str, root: Path) -> bool:
    """`revue.content.read` (a module) or `revue.content.read.read_article` (a name in one)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        base = root.joinpath(*parts[:cut])
        module = base.with_suffix(".py") if not base.is_dir() else base / "__init__.py"
        if module.is_file():
            rest = parts[cut:]
            return not rest or _defines(module, ".".join(rest))
    return False


@cache
def _names(module: Path) -> frozenset[str]:
    """Names a module defines at its top level, and `Class.member` for each class's members."""
    names: set[str] = set()
    for node in ast.parse(module.read_text(encoding="utf-8")).body:
        names |= _defined(node)
        if isinstance(node, ast.ClassDef):
            names |= {f"{node.name}.{member}" for child in node.body for member in _defined(child)}
    return frozenset(names)


def _defined(node: ast.stmt) -> set[str]:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {node.name}
    if isinstance(node, ast.Assign):
        return {target.id for target in node.targets if isinstance(target, ast.Name)}
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return {node.target.id}
    if isinstance(node, ast.ImportFrom | ast.Import):
        return {alias.asname or alias.name.split(".")[0] for alias in node.names}
    return set()


def _defines(module: Path, name: str) -> bool:
    return name in _names(module)


def test_every_path_and_module_named_in_the_docs_exists():
    broken = {doc.name: broken_references(doc.read_text(encoding="utf-8")) for doc in documents()}
    assert not {doc: refs for doc, refs in broken.items() if refs}


# A link to another document or to a heading: [text](docs/search.md#measured), [text](#layers).
LINK = re.compile(r"\]\(([^)\s]*)\)")


def broken_links(document: Path) -> list[str]:
    """Each relative link of `document` whose file, or heading in it, does not exist."""
    broken = []
    prose = SPAN.sub("", re.sub(r"```.*?```", "", document.read_text(encoding="utf-8"), flags=re.S))
    for target in LINK.findall(prose):
        if re.match(r"[a-z]+:", target):
            continue  # https:, mailto:
        path, _, anchor = target.partition("#")
        linked = (document.parent / path).resolve() if path else document
        if not linked.exists() or (anchor and anchor not in anchors(linked)):
            broken.append(target)
    return broken


def anchors(document: Path) -> set[str]:
    """The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces → -."""
    text = re.sub(r"```.*?```", "", document.read_text(encoding="utf-8"), flags=re.S)
    headings = re.findall(r"^#+ (.+)$", text, flags=re.M)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-") for heading in headings}


def test_every_link_between_the_docs_reaches_its_file_and_heading():
    assert not {doc.name: links for doc in documents() if (links := broken_links(doc))}


def test_a_link_to_a_heading_that_moved_is_caught(tmp_path: Path):
    (tmp_path / "a.md").write_text(
        "# Pipeline\n\nSee [b](b.md#caching), [c](c.md), [up](#pipeline), [x](#speed).\n"
    )
    (tmp_path / "b.md").write_text("# Architecture\n\n## Caching\n")
    assert broken_links(tmp_path / "a.md") == ["c.md", "#speed"]


def test_a_stale_path_module_or_name_is_caught():
    """The checker is shown failing: each reference below names code that moved or never was."""
    stale = (
        "`revue/build/publish.py`, `build/search.py`, `revue.site.read`, `tests/unit/test_nothing_here.py`, "
        "`revue.content.read.NO_SUCH_NAME`, `revue/content/read.py` `no_such_function`, "
        "`tests/invalid/<case>/missing.txt`"
    )
    assert broken_references(stale) == [
        "revue/build/publish.py",
        "build/search.py",
        "revue.site.read",
        "tests/unit/test_nothing_here.py",
        "revue.content.read.NO_SUCH_NAME",
        "tests/invalid/<case>/missing.txt",
        "revue/content/read.py no_such_function",
    ]


def test_what_exists_and_what_is_an_example_pass():
    fine = (
        "`revue/publish/swap.py`, `revue.content.read`, `revue.content.read.read_article`, "
        "`revue/content/read.py` `read_article`, `tests/invalid/<case>/expected.txt`, `templates/static/`, "
        "`content/x.md`, `seeds/x.txt`, `output/pagefind/`, `.cache/search/<key>/`, `pagefind/shards.json`, "
        "`python build.py check`, `/articles/<slug>/`"
    )
    assert broken_references(fine) == []
