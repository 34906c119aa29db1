"""Whatever lands in content/ — any bytes, any name, links anywhere — a run ends in a result or in
problems naming files, never in a traceback. And (issue 23) whatever lands in content/, seeds/ and
site.yaml, in bounded time, with feeds that parse and nothing changed by a failed build."""

from __future__ import annotations

import os
import re
import shutil
import signal
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from revue.core.errors import BuildError, display_path
from revue.core.project import Project
from revue.pipeline import Mode, build
from tests.conftest import copy_project

RUN_SECONDS = 60  # far beyond any run of these small projects, even on a loaded machine
VALID = "---\ntitle: Un titre\ndate: 2024-01-02\ncountries: [Japon]\n---\n\nTexte.\n"
NAME_CHARACTERS = st.characters(codec="utf-8", exclude_characters="/\x00")
names = st.one_of(
    st.text(NAME_CHARACTERS, min_size=1, max_size=40).map(lambda name: name + ".md"),
    st.text(NAME_CHARACTERS, min_size=1, max_size=40),
    st.sampled_from([".#a.md", "a.md~", "#a.md#", ".a.md.swp", "a.MD", "a.md.txt", "a.markdown", "-.md"]),
    st.just("x" * 200 + ".md"),
).filter(lambda name: name not in {".", ".."} and len(name.encode()) < 250)
contents = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda text: text.encode("utf-8")),
    st.builds(
        lambda head, tail: (VALID[: len(VALID) // 2] + head + VALID[len(VALID) // 2 :] + tail).encode(
            "utf-8"
        ),
        st.text(max_size=40),
        st.text(max_size=80),
    ),
    st.just(
        (
            "---\ntitle: " + "très long titre " * 40 + "\ndate: 2024-01-02\ncountries: [Japon]\n---\n\nT.\n"
        ).encode()
    ),
)
entries = st.lists(
    st.tuples(
        names, st.sampled_from(["file", "dangling link", "link to folder", "folder", "link loop"]), contents
    ),
    max_size=6,
)


def lay_out(content: Path, chosen: list[tuple[str, str, bytes]]) -> None:
    for name, kind, data in chosen:
        path = content / name
        if path.exists() or path.is_symlink():
            continue
        if kind == "file":
            path.write_bytes(data)
        elif kind == "dangling link":
            path.symlink_to(content / "nowhere" / name)
        elif kind == "link to folder":
            path.symlink_to(content.parent / "templates")
        elif kind == "link loop":
            path.symlink_to(path)
        else:
            path.mkdir()
            (path / "index.md").write_bytes(data)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return copy_project(tmp_path_factory.mktemp("fuzz") / "site", with_content=False)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chosen=entries, publish=st.booleans())
def test_any_content_folder_gives_a_site_or_problems_never_a_traceback(
    base: Project,
    tmp_path_factory: pytest.TempPathFactory,
    chosen: list[tuple[str, str, bytes]],
    publish: bool,
) -> None:
    project = Project(tmp_path_factory.mktemp("run") / "site")
    shutil.copytree(base.root, project.root, symlinks=True)
    lay_out(project.content, chosen)
    try:
        build(project, Mode.BUILD if publish else Mode.CHECK)
    except BuildError as error:
        assert error.problems
        for problem in error.problems:
            assert str(problem.path).startswith(("content", "templates", "site.yaml")), problem
            assert " — " in problem.message, f"says how to fix it: {problem}"
    if publish and os.path.isdir(project.output):
        assert (project.output / "index.html").is_file()


# Issue 23: hostile projects. Front matter, bodies, file names and file kinds in content/, seeds/ and
# site.yaml, drawn from what the hand-made trial found (controls, YAML escapes and bombs, Word's
# quotes and spaces, Markdown that Python-Markdown reads again and again) and from random text.
HOSTILE_VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            '"A\\x01b"', '"\\e"', '"\\ud800"', '"\\uFFFE"', "*alias", "&ancre texte", "[" * 60 + "x",
            "{a: " * 30, "“Vietnam : un partenaire”", "\u00a0valeur", "12 mars 2024", "31/02/2024",
            "2024\u201103\u201112", '"15\\" présenté"', '""', "x" * 300, "[a, [b, [c]]]", "[a.txt, b.txt]",
            "http://[::1/", "https://x.org:99999/", "'L''été'", "Vietnam : Japon", "- a", "|", ">",
            "2024-02-30", "0024-01-01", "true", "010", "12:30", "~", "!!python/object:os.system ls",
        ]
    ),
)  # fmt: skip
KEYS = st.sampled_from(
    ["title", "date", "updated", "countries", "summary", "place", "slug", "aliases", "draft", "source",
     "photos", "titel", "\u00a0date", "title"]
)  # fmt: skip
FRONT_MATTER = st.lists(st.tuples(KEYS, HOSTILE_VALUES), max_size=6).map(
    lambda pairs: "".join(f"{key}: {value}\n" for key, value in pairs)
)
BODY_PIECES = st.sampled_from(
    [
        "Texte ordinaire.", "[" * 3000, "![" * 2000, "<http://" * 1000, "[a](" * 500, "*a " * 300,
        "\n".join("    " * i + "- a" for i in range(40)), "\n".join(">" * i + " a" for i in range(40)),
        "\x0b", "\x01", "\ufffe", "<script>x</script>", "[lien](autre.md)", "[x](/articles/abc%0A/)",
        "![photo](absente.jpg)", "\u00a0", "```\ncode\n", "|a|b|\n|-|-|\n|1|2|", "&#0;", "&#xD800;",
    ]
)  # fmt: skip
BODIES = st.lists(st.one_of(BODY_PIECES, st.text(max_size=60)), max_size=5).map("\n\n".join)
HOSTILE_ARTICLES = st.builds(
    lambda head, body, base: ("---\n" + base + head + "---\n\n" + (body or "Texte.") + "\n").encode(
        "utf-8", "surrogatepass"
    ),
    FRONT_MATTER,
    BODIES,
    st.sampled_from(["", 'title: "Un titre"\ndate: 2024-01-02\ncountries: [Japon]\n']),
)
HOSTILE_NAMES = st.one_of(
    st.sampled_from(["a.md", "Casse.md", "casse.md", "caf\u00e9.md", "cafe\u0301.md", "b.md", "x\n.md"]),
    st.binary(min_size=1, max_size=12).map(
        lambda raw: os.fsdecode(raw.replace(b"/", b"_").replace(b"\x00", b"_")) + ".md"
    ),
).filter(lambda name: name not in {".md", "..md"} and len(os.fsencode(name)) < 250)
KINDS = st.sampled_from(["file", "file", "file", "fifo", "folder", "dangling link", "link to a device"])
SEED_TEXTS = st.one_of(
    st.just(
        "Le Vietnam et le Japon renforcent leur coopération\n\nLe chapeau, le 9 février 2024, en 2024.\n\n"
        "Hanoï (VNA) – Le Japon et le Vietnam ont signé un accord le 9 février 2024. -VNA\n"
    ),
    st.text(max_size=200),
).map(lambda text: text.encode("utf-8", "surrogatepass"))
SITE_LINES = st.sampled_from(["title", "base_url", "per_page", "home_country", "timezone", "author"])


def lay_out_hostile(folder: Path, entries: list[tuple[str, str, bytes]]) -> None:
    """Each entry as a file of its kind in `folder`; a name already taken is skipped."""
    folder.mkdir(exist_ok=True)
    for name, kind, data in entries:
        path = folder / name
        if os.path.lexists(path):
            continue
        if kind == "file":
            path.write_bytes(data)
        elif kind == "fifo":
            os.mkfifo(path)
        elif kind == "folder":
            path.mkdir()
            (path / "index.md").write_bytes(data)
        elif kind == "dangling link":
            path.symlink_to(folder / "nowhere")
        else:
            path.symlink_to("/dev/zero")


def tree_bytes(folder: Path) -> dict[str, tuple[str, bytes]]:
    """Every entry under `folder` by name: its kind and, for a file, its bytes."""
    found: dict[str, tuple[str, bytes]] = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        name = str(path.relative_to(folder))
        if path.is_symlink():
            found[name] = ("link", os.fsencode(os.readlink(path)))
        elif path.is_file():
            found[name] = ("file", path.read_bytes())
        else:
            found[name] = ("other", b"")
    return found


class Hang(Exception):
    """A run took longer than any input may make it."""


@pytest.fixture(scope="module")
def built_base(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """A project with one article and its site built: each run starts from a published output/."""
    project = copy_project(tmp_path_factory.mktemp("hostile") / "site", with_content=False)
    (project.content / "base.md").write_text(VALID, encoding="utf-8")
    build(project)
    return project


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    articles=st.lists(st.tuples(HOSTILE_NAMES, KINDS, HOSTILE_ARTICLES), max_size=4),
    seeds=st.lists(st.tuples(st.sampled_from(["a.txt", "b.txt", "A.txt", "sources.yaml"]), KINDS, SEED_TEXTS), max_size=3),
    site=st.one_of(st.none(), st.tuples(SITE_LINES, HOSTILE_VALUES), st.just(("fifo", ""))),
    publish=st.booleans(),
)  # fmt: skip
def test_hostile_projects_end_in_a_site_or_problems_in_bounded_time_and_a_failure_changes_nothing(
    built_base: Project,
    tmp_path_factory: pytest.TempPathFactory,
    articles: list[tuple[str, str, bytes]],
    seeds: list[tuple[str, str, bytes]],
    site: tuple[str, str] | None,
    publish: bool,
) -> None:
    """Issue 23, the fuzz: whatever front matter, body, file name and file kind land in content/,
    seeds/ and site.yaml, a run ends within a time limit, in a site whose feeds and sitemap parse as
    XML or in problems naming files in French, never in a traceback; and a failed build leaves output/
    and content/ byte for byte as they were."""
    project = Project(tmp_path_factory.mktemp("run") / "site")
    shutil.copytree(built_base.root, project.root, symlinks=True)
    lay_out_hostile(project.content, articles)
    lay_out_hostile(project.seeds, seeds)
    if site == ("fifo", ""):
        project.site_yaml.unlink()
        os.mkfifo(project.site_yaml)
    elif site is not None:
        key, value = site
        text = project.site_yaml.read_text(encoding="utf-8")
        project.site_yaml.write_text(
            re.sub(rf"(?m)^{key}: .*$", lambda _: f"{key}: {value}", text), errors="surrogatepass"
        )
    before = tree_bytes(project.content), tree_bytes(project.output)

    def too_long(signum: int, frame: object) -> None:
        raise Hang(f"a run took more than {RUN_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(RUN_SECONDS)
    try:
        build(project, Mode.BUILD if publish else Mode.CHECK)
    except BuildError as error:
        assert error.problems
        for problem in error.problems:
            shown = str(display_path(problem.path, project.root))
            assert shown.startswith(("content", "seeds", "site.yaml", "templates")), problem
            assert " — " in problem.message, f"says how to fix it: {problem}"
        assert (tree_bytes(project.content), tree_bytes(project.output)) == before
    else:
        for xml_file in project.output.rglob("*.xml") if publish else ():
            ElementTree.parse(xml_file)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
