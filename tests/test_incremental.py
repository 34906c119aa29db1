"""Incremental builds: the caches are never stale, and unchanged files are never rewritten.

Each edit is checked against a from-scratch build of the edited project: the incremental output must
be byte-identical to it, and exactly the files whose bytes differ must have been written.
"""

from __future__ import annotations

import gc
import io
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from PIL import Image

from revue import phases
from revue.content import files
from revue.core import collation, messages
from revue.core.errors import BuildError
from revue.core.project import Project
from revue.dev.corpus import write_corpus
from revue.pipeline import Mode, Options, build
from revue.publish import cache, incremental, photos
from revue.publish.cache import BuildCache
from revue.render import environment
from revue.render.environment import make_environment
from tests.conftest import REPO, copy_project
from tests.photos import PHOTO_ARTICLE, add_photo_article, photo

ARTICLES = 40
pytestmark = pytest.mark.xdist_group("incremental")


def site_project(folder: Path) -> Project:
    project = copy_project(folder, with_content=False)
    write_corpus(project.content, REPO / "seeds", ARTICLES)
    return project


def stamps(output: Path) -> dict[str, tuple[int, int]]:
    """Inode and mtime of every file: both stay put only if the file was not written."""
    return {
        str(p.relative_to(output)): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in output.rglob("*")
        if p.is_file()
    }


def contents(output: Path) -> dict[str, bytes]:
    """The site's bytes, the Pagefind bundle aside (its file names are its own business)."""
    return {
        str(p.relative_to(output)): p.read_bytes()
        for p in output.rglob("*")
        if p.is_file() and p.relative_to(output).parts[0] != "pagefind"
    }


def from_scratch(project: Project, folder: Path) -> dict[str, bytes]:
    """Build a copy of the project with no cache and no previous output."""
    fresh = Project(folder)
    shutil.copytree(project.root, fresh.root, ignore=shutil.ignore_patterns(".cache", "output"))
    build(fresh)
    return contents(fresh.output)


def edit_article_body(project: Project) -> None:
    path = project.content / "bench-00007.md"
    path.write_text(path.read_text("utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")


def edit_article_title(project: Project) -> None:
    path = project.content / "bench-00007.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("title: ", 'title: "Titre changé" #', 1), encoding="utf-8")


def edit_home_template(project: Project) -> None:
    path = project.templates / "home.html"
    path.write_text(path.read_text("utf-8").replace("{% block main %}", "{% block main %}<!-- édité -->", 1))


def edit_site_yaml(project: Project) -> None:
    path = project.site_yaml
    path.write_text(
        path.read_text("utf-8").replace("home_articles: 10", "home_articles: 5"), encoding="utf-8"
    )


def delete_article(project: Project) -> None:
    (project.content / "bench-00007.md").unlink()


def add_article(project: Project) -> None:
    text = (project.content / "bench-00007.md").read_text("utf-8")
    (project.content / "nouveau.md").write_text(text.replace("slug: bench-00007", "slug: nouveau"), "utf-8")


def draft_article(project: Project) -> None:
    path = project.content / "bench-00007.md"
    path.write_text(path.read_text("utf-8").replace("\n---\n", "\ndraft: true\n---\n", 1), encoding="utf-8")


def edit_stylesheet(project: Project) -> None:
    with (project.static / "style.css").open("a", encoding="utf-8") as stylesheet:
        stylesheet.write("\n.edited { color: inherit; }\n")


@pytest.mark.parametrize(
    "edit",
    [
        edit_article_body,
        edit_article_title,
        edit_home_template,
        edit_site_yaml,
        delete_article,
        add_article,
        draft_article,
        edit_stylesheet,
    ],
    ids=lambda f: f.__name__,
)
def test_an_edit_rewrites_exactly_the_files_whose_bytes_change(
    tmp_path: Path, edit: Callable[[Project], None]
) -> None:
    project = site_project(tmp_path / "site")
    build(project)
    before, before_stamps = contents(project.output), stamps(project.output)
    edit(project)
    result = build(project)
    after, after_stamps = contents(project.output), stamps(project.output)

    assert after == from_scratch(project, tmp_path / "fresh")
    differing = {path for path in after if before.get(path) != after[path]}
    rewritten = {path for path in after if before_stamps.get(path) != after_stamps[path]}
    assert differing, "the edit should show somewhere"
    assert rewritten == differing
    assert result.written == len(differing)


def test_a_rebuild_with_nothing_changed_writes_nothing_and_keeps_the_index(tmp_path: Path) -> None:
    project = site_project(tmp_path / "site")
    build(project)
    before = stamps(project.output)
    result = build(project)
    assert stamps(project.output) == before
    assert (result.written, result.index_seconds) == (0, 0.0)
    assert result.index is not None and result.index.pages == ARTICLES


def test_an_edit_of_a_settled_file_is_seen_even_with_its_size_and_mtime_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A listing trusts the digest it took of a file that has settled, while its stat stays the same: a
    file rewritten with as many bytes and its old mtime put back (`cp -p`, some editors) is read again
    all the same (its ctime moved), and the site shows the edit."""
    later = time.time_ns() + 60 * 10**9
    monkeypatch.setattr(files.time, "time_ns", lambda: later)  # every file has settled before the builds
    project = site_project(tmp_path / "site")
    build(project)
    assert len(BuildCache(project.cache).listed()) == ARTICLES  # the next build trusts them all
    path = project.content / "bench-00007.md"
    before, raw = path.stat(), path.read_bytes()
    path.write_bytes(raw.replace(b"title: ", b"title: X", 1)[:-1])  # one byte more, the last newline less
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size

    result = build(project)
    assert result.written > 0
    assert contents(project.output) == from_scratch(project, tmp_path / "fresh")


def test_the_index_is_rebuilt_only_when_an_indexed_page_changes(tmp_path: Path) -> None:
    project = site_project(tmp_path / "site")
    build(project)
    bundle = {p: s for p, s in stamps(project.output).items() if p.startswith("pagefind/")}
    edit_home_template(project)
    assert build(project).index_seconds == 0.0
    assert {p: s for p, s in stamps(project.output).items() if p.startswith("pagefind/")} == bundle
    edit_article_body(project)
    assert build(project).index_seconds > 0


def test_an_edit_sorts_the_partners_from_the_cache_without_loading_the_collation_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loading the table costs an edit's build 0.2 s; the order stays the French one."""
    project = site_project(tmp_path / "site")
    build(project)
    overview = (project.output / "pays/index.html").read_bytes()
    monkeypatch.setattr(collation, "_known", {})  # as in a new process
    collation._collator.cache_clear()
    edit_article_body(project)
    build(project)
    assert collation._collator.cache_info().currsize == 0
    assert (project.output / "pays/index.html").read_bytes() == overview


def test_the_cycle_collector_is_back_on_after_a_build_even_a_failed_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build turns it off (it cost an edit a second at 10,000 articles); a process that goes on after
    it (these tests) goes on collecting."""
    project = site_project(tmp_path / "site")
    seen = []
    monkeypatch.setattr(phases, "find_photos", spy(phases.find_photos, lambda: seen.append(gc.isenabled())))
    build(project)
    assert seen == [False] and gc.isenabled()
    (project.content / "bench-00007.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    with pytest.raises(BuildError):
        build(project)
    assert gc.isenabled()


def spy(function: Callable, before: Callable[[], None]) -> Callable:
    def spied(*args: object, **kwargs: object) -> object:
        before()
        return function(*args, **kwargs)

    return spied


def test_templates_compiled_by_other_code_are_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Jinja checks a compiled template against its source only: a change to the code that makes the
    environment (here, how it trims blocks) must reach every page, as a build from scratch would."""
    project = site_project(tmp_path / "site")
    build(project)
    before = [folder.name for folder in (project.cache / "templates").iterdir()]

    def untrimmed(*args: object) -> jinja2.Environment:
        environment = make_environment(*args)
        environment.trim_blocks = False
        return environment

    monkeypatch.setattr(environment, "make_environment", untrimmed)
    for module in (incremental, cache):  # the pages' keys, and where the compiled templates are kept
        monkeypatch.setattr(module, "code_digest", lambda: "0123456789abcdef-another-version")
    environment.cached_environment.cache_clear()
    edit_article_body(project)  # so the build runs: only the pages' keys know of the new code
    build(project)
    assert contents(project.output) == from_scratch(project, tmp_path / "fresh")
    after = [folder.name for folder in (project.cache / "templates").iterdir()]
    assert len(before) == len(after) == 1 and before != after  # the old version's folder is dropped


def test_deleting_the_cache_gives_byte_identical_output(tmp_path: Path) -> None:
    project = site_project(tmp_path / "site")
    build(project)
    edit_article_title(project)
    build(project)
    cached = contents(project.output)
    shutil.rmtree(project.cache)
    build(project)  # without the manifest every file is rewritten: stale bytes cannot survive
    assert contents(project.output) == cached
    shutil.rmtree(project.output)
    build(project)
    assert contents(project.output) == cached


def test_a_new_web_address_reaches_every_file_as_a_build_from_scratch_would(tmp_path: Path) -> None:
    """Templates compiled once are kept in `.cache/`: none of the site's settings may be baked into
    them, as Jinja's optimiser did with `'sitemap.xml' | url` in robots.txt (a preview's address
    then stayed in the published robots.txt)."""
    project = site_project(tmp_path / "site")
    build(project, options=Options("http://127.0.0.1:8000/revue/"))  # a preview first
    build(project, options=Options("https://org.github.io/repo/"))
    fresh = Project(tmp_path / "fresh")
    shutil.copytree(project.root, fresh.root, ignore=shutil.ignore_patterns(".cache", "output"))
    build(fresh, options=Options("https://org.github.io/repo/"))
    published = contents(project.output)
    assert published == contents(fresh.output)
    assert not [name for name, data in published.items() if b"127.0.0.1" in data]


def test_a_cache_that_cannot_be_written_is_a_warning_after_the_site_is_published(tmp_path: Path) -> None:
    """The site is right; only the next build's shortcut is lost: exit 0, the store named."""
    project = site_project(tmp_path / "site")
    build(project)
    (project.cache / "runs.pickle.tmp").mkdir()  # where the store is written before it replaces the file
    edit_article_body(project)
    result = build(project)
    assert result.written > 0
    assert contents(project.output) == from_scratch(project, tmp_path / "fresh")
    (warning,) = [w for w in result.warnings if w.path == project.cache / "runs.pickle"]
    assert "cache non enregistré" in warning.message


@pytest.mark.parametrize("saved", ["site.yaml", "templates/article.html"])
def test_settings_saved_while_a_build_runs_fail_it_and_are_never_remembered_as_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, saved: str
) -> None:
    """A build reads site.yaml and the templates when it starts and again as it renders: saved in
    between, its pages follow the new version while its record says the old one, and putting the old
    one back would leave the new one published."""
    project = site_project(tmp_path / "site")
    build(project)
    path = project.root / saved
    original = path.read_text("utf-8")
    edited = (
        original.replace("home_articles: 10", "home_articles: 5")
        if saved == "site.yaml"
        else (original.replace("{% block main %}", "{% block main %}<p>MARQUEUR</p>", 1))
    )
    assert edited != original
    before = stamps(project.output)
    render_changes = phases.render_changes

    def saved_meanwhile(*args, **kwargs):  # the editor saves while the pages are being rendered
        path.write_text(edited, encoding="utf-8")
        return render_changes(*args, **kwargs)

    monkeypatch.setattr(phases, "render_changes", saved_meanwhile)
    edit_article_body(project)
    with pytest.raises(BuildError) as raised:
        build(project)
    assert [p.message for p in raised.value.problems] == [messages.CHANGED_DURING_BUILD]
    assert stamps(project.output) == before
    monkeypatch.undo()
    path.write_text(original, encoding="utf-8")  # the old version back
    build(project)
    assert contents(project.output) == from_scratch(project, tmp_path / "fresh")


@pytest.mark.parametrize("in_place", ["a file", "a dead link"])
def test_what_is_in_place_of_the_search_store_is_replaced(tmp_path: Path, in_place: str) -> None:
    project = site_project(tmp_path / "site")
    build(project)
    shutil.rmtree(project.cache / "search")
    if in_place == "a file":
        (project.cache / "search").write_text("pas un dossier", encoding="utf-8")
    else:
        (project.cache / "search").symlink_to(tmp_path / "nulle-part")
    edit_article_body(project)
    build(project)
    assert contents(project.output) == from_scratch(project, tmp_path / "fresh")


def test_a_failed_incremental_build_leaves_output_untouched(tmp_path: Path) -> None:
    project = site_project(tmp_path / "site")
    build(project)
    before = stamps(project.output)
    edit_article_body(project)
    template = project.templates / "article.html"
    broken = template.read_text("utf-8").replace(
        "{% block title %}", "{% block title %}{{ page.no_such_field }}"
    )
    template.write_text(broken, encoding="utf-8")
    with pytest.raises(BuildError):
        build(project)
    assert stamps(project.output) == before
    beside = [p.name for p in project.root.iterdir() if p.name.startswith(".output")]
    assert [name for name in beside if not name.startswith(".output-mirror-")] == []  # the mirror stays


def test_a_file_changed_or_removed_in_output_by_hand_is_restored(tmp_path: Path) -> None:
    """The nothing-changed shortcut trusts output/ only while every file is as the last build left it."""
    project = site_project(tmp_path / "site")
    build(project)
    built = contents(project.output)
    (project.output / "index.html").write_text("abîmé à la main", encoding="utf-8")
    (project.output / "pays/index.html").unlink()
    result = build(project)
    assert contents(project.output) == built
    assert result.written == 2


def test_renaming_a_linked_article_rewrites_the_pages_that_link_to_it(tmp_path: Path) -> None:
    """A's file is unchanged, but where its link leads is not: its page and the feeds showing its body
    are rendered again, byte-identical to a build from scratch; the old address redirects."""
    project = site_project(tmp_path / "site")
    linking = project.content / "bench-00003.md"
    linking.write_text(
        linking.read_text("utf-8") + "\nVoir [l’article lié](bench-00007.md#suite).\n", encoding="utf-8"
    )
    build(project)
    before, before_stamps = contents(project.output), stamps(project.output)
    linked = project.content / "bench-00007.md"
    linked.write_text(
        linked.read_text("utf-8").replace("slug: bench-00007", "slug: renomme\naliases: [bench-00007]"),
        encoding="utf-8",
    )
    result = build(project)
    after, after_stamps = contents(project.output), stamps(project.output)

    assert after == from_scratch(project, tmp_path / "fresh")
    page = "articles/bench-00003/index.html"
    assert '<a href="/articles/renomme/#suite"' in after[page].decode("utf-8")
    assert before_stamps[page] != after_stamps[page]
    differing = {path for path in after if before.get(path) != after[path]}
    rewritten = {path for path in after if before_stamps.get(path) != after_stamps[path]}
    assert rewritten == differing
    assert result.written == len(differing)
    assert "articles/bench-00007/index.html" in differing  # now the redirect to the new address


def test_a_photo_replaced_by_one_of_the_same_size_with_its_old_mtime_is_published(tmp_path: Path) -> None:
    """The nothing-changed shortcut knows a photo by its stat, not its bytes: ctime gives the copy away."""
    project = site_project(tmp_path / "site")
    add_photo_article(project)
    path = project.content / "medias" / "rizieres.png"

    def uncompressed(colour: tuple[int, int, int]) -> bytes:  # the same size whatever the colour
        out = io.BytesIO()
        Image.new("RGB", (1200, 800), colour).save(out, "PNG", compress_level=0)
        return out.getvalue()

    path.write_bytes(uncompressed((200, 30, 30)))
    build(project)
    before = path.stat()
    path.write_bytes(uncompressed((30, 30, 200)))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert build(project).written > 0
    assert contents(project.output) == from_scratch(project, tmp_path / "fresh")


def test_a_file_left_out_is_warned_about_while_it_is_there_and_only_then(tmp_path: Path) -> None:
    """Files that are not articles are no article's bytes, but their warnings are part of each report."""
    project = site_project(tmp_path / "site")
    build(project)
    stray = project.content / "nouvel-article.md.txt"
    stray.write_text((project.content / "bench-00007.md").read_text("utf-8"), encoding="utf-8")
    for publish in (True, False):
        assert any(
            w.path.name == stray.name for w in build(project, Mode.BUILD if publish else Mode.CHECK).warnings
        )
    stray.unlink()
    for publish in (True, False):
        assert not any(
            w.path.name == stray.name for w in build(project, Mode.BUILD if publish else Mode.CHECK).warnings
        )


def test_a_changed_photo_rewrites_its_sizes_and_the_pages_showing_it_and_nothing_else(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = site_project(tmp_path / "site")
    add_photo_article(project)
    build(project)
    before, before_stamps = contents(project.output), stamps(project.output)
    resized = tmp_path / "resized"  # one line per image resized, written from forked workers too
    make_sizes = photos.make_sizes

    def counted(raw: bytes) -> photos.Sizes | str:
        with resized.open("a", encoding="utf-8") as log:
            log.write("resized\n")
        return make_sizes(raw)

    monkeypatch.setattr(photos, "make_sizes", counted)
    (project.content / "pont.jpg").write_bytes(photo(1800, 1200, seed=9))
    result = build(project)
    after, after_stamps = contents(project.output), stamps(project.output)

    assert resized.read_text().splitlines() == ["resized"], "only the changed photo is resized"
    new_sizes = {path for path in after if path.startswith("photos/pont-") and path not in before}
    assert len(new_sizes) == 3 * 2
    new_name = next(iter(new_sizes)).split("/")[1].rsplit("-", 1)[0].encode()
    showing = {path for path, data in after.items() if new_name in data and not path.startswith("photos/")}
    assert {f"articles/{PHOTO_ARTICLE}/index.html", "index.html"} <= showing  # the home page: its cover
    differing = {path for path in after if before.get(path) != after[path]}
    rewritten = {path for path in after if before_stamps.get(path) != after_stamps[path]}
    # The service worker keeps the home page at install: its version follows the home page's bytes.
    assert differing == rewritten == new_sizes | showing | {"sw.js"}
    assert result.written == len(differing)
    assert {path for path in before if path not in after} == {
        path for path in before if path.startswith("photos/pont-")
    }
    assert after == from_scratch(project, tmp_path / "fresh")

    resized.unlink()
    shutil.rmtree(project.output)
    build(project)
    assert contents(project.output) == after
    assert not resized.exists(), "the cache holds every size: a rebuild resizes nothing"
