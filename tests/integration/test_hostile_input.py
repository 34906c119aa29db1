"""Issue 23, the hostile-input half: what a stranger, a paste from Word or a slip can put in front of
Revue ends in a French message naming the file and line, never in a traceback, a hang or a broken
feed. Each test says which point of the issue it holds; the exact messages of several points are also
cases of `tests/invalid/` (points 5, 6, 9, 10, 12, 14), whose runner checks `check` says the same and
`output/` is untouched.
"""

from __future__ import annotations

import http.client
import os
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path

import pytest

from revue.cli import main
from revue.core.project import Project
from tests.conftest import REPO, copy_project

ARTICLE = '---\ntitle: "{title}"\ndate: 2024-01-02\ncountries: [Japon]\n{extra}---\n\n{body}\n'


def article(title: str = "Un titre", body: str = "Texte.", extra: str = "") -> str:
    return ARTICLE.format(title=title, body=body, extra=extra)


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return copy_project(tmp_path / "site", with_content=False)


def run(project: Project, capsys: pytest.CaptureFixture[str], *command: str) -> tuple[int, list[str]]:
    """Exit code and the lines printed on stderr, but the last (the summary of a failure)."""
    code = main(["--root", str(project.root), *command])
    lines = capsys.readouterr().err.splitlines()
    return code, lines[:-1] if code else lines


def problems_of_both(project: Project, capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    """The problems `build` prints, checked to be those of `check`, with nothing written to output/."""
    built, lines = run(project, capsys, "build", *options)
    checked, same = run(project, capsys, "check", *options)
    assert (built, checked) == (1, 1)
    assert lines == same
    assert not project.output.exists()
    return lines


# --- Point 5: characters XML cannot carry ----------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "line", "expected"),
    [
        (article(body="Texte \x0b collé de Word."), 7, "contient un saut de ligne de Word (U+000B), invisible"),
        (article(body="Un \x1b et un \ufffe."), 7, "contient un caractère de contrôle invisible (U+001B)"),
        (article(title="A\\x01b"), 2, "title: une séquence `\\…` entre guillemets y écrit un caractère de contrôle"),
        (article(title="Échap \\e"), 2, "title: une séquence `\\…` entre guillemets y écrit un caractère de contrôle"),
        (article(title="Moitié \\ud800"), 2, "title: une séquence `\\…` entre guillemets y écrit un caractère incomplet"),
        (article(extra='summary: "\\uFFFE"\n'), 5, "summary: une séquence `\\…` entre guillemets y écrit un non-caractère"),
        (article(extra='photos:\n  - {caption: "x\\x0c"}\n'), 6, "photos: une séquence `\\…` entre guillemets y écrit un saut de ligne"),
    ],
)  # fmt: skip
def test_a_character_no_feed_can_carry_is_refused_at_its_line(
    project: Project, capsys: pytest.CaptureFixture[str], written: str, line: int, expected: str
) -> None:
    """Issue 23, point 5: such a character in a body, a title (YAML escapes `\\x01`, `\\e`,
    `\\ud800`), a summary or a caption published atom.xml as malformed XML, or ended in a
    UnicodeEncodeError; now refused with the file and line before any page is written."""
    (project.content / "a.md").write_text(written, encoding="utf-8", errors="surrogatepass")
    [problem] = problems_of_both(project, capsys)
    assert problem.startswith(f"content/a.md:{line}: {expected}"), problem


def test_site_yaml_text_that_no_feed_can_carry_is_refused(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, point 5: `site.yaml`'s title goes into every feed."""
    text = project.site_yaml.read_text(encoding="utf-8")
    project.site_yaml.write_text(text.replace('title: "Revue', 'title: "\\x07Revue', 1), encoding="utf-8")
    (project.content / "a.md").write_text(article(), encoding="utf-8")
    [problem] = problems_of_both(project, capsys)
    assert problem.startswith("site.yaml:2: title: une séquence `\\…` entre guillemets y écrit un caractère")


def test_feeds_and_sitemap_parse_once_a_body_is_fixed(project: Project, capsys) -> None:
    """Issue 23, point 5: what is accepted makes feeds and a sitemap that parse as XML, characters at
    the edge of what XML allows included (tab, U+FFFD, a character beyond the BMP)."""
    body = "Tab\tici, \ufffd et \U0001f600, des « guillemets » & un <b>."
    (project.content / "a.md").write_text(article(title="Titre \\t tab", body=body), encoding="utf-8")
    assert run(project, capsys, "build")[0] == 0
    for feed in [*project.output.rglob("*.xml")]:
        xml.dom.minidom.parse(str(feed))


def test_new_refuses_a_title_with_a_byte_of_another_encoding(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, point 5: argv's undecodable byte is a lone surrogate; `new` wrote `"\\uDCFF"` into
    the file, and every later build ended in a UnicodeEncodeError."""
    title = os.fsdecode(b"Titre \xff mal")
    code, lines = run(project, capsys, "new", title, "--country", "Japon")
    assert code == 1
    assert lines == [
        "content/titre-mal.md: le titre contient un caractère incomplet (U+DCFF), que rien ne peut "
        "afficher — retapez-le"
    ]
    assert not list(project.content.iterdir())


# --- Point 6: identifiers checked where they are read ----------------------------------------------


def test_a_link_to_a_slug_with_a_line_break_is_no_slug() -> None:
    """Issue 23, point 6: one full-match rule for slugs (`$` let `abc\\n` through), in read and links."""
    from revue.core import urls

    assert urls.is_slug("abc")
    assert not urls.is_slug("abc\n")
    assert not urls.is_slug("a" * (urls.MAX_SLUG_LENGTH + 1))


@pytest.mark.parametrize(
    "address", ["http://[::1/", "https://x.org:99999/", "https://x.org:port/", "http://:80/"]
)
def test_a_malformed_base_url_is_refused_in_french(
    project: Project, capsys: pytest.CaptureFixture[str], address: str
) -> None:
    """Issue 23, point 6: `http://[::1/` was a ValueError traceback, port 99999 accepted."""
    (project.content / "a.md").write_text(article(), encoding="utf-8")
    assert problems_of_both(project, capsys, "--base-url", address) == [
        f"--base-url: « {address} » n’est pas une adresse web complète — écrivez par exemple "
        "https://org.github.io/repo/"
    ]


# --- Point 12: a list where a text is due, a pipe where a file is ----------------------------------


def test_a_seed_written_as_a_list_is_a_problem_not_a_type_error(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, point 12: `source.seed` as a list was a TypeError traceback in `check`."""
    (project.content / "a.md").write_text(article(extra="source: {seed: [a.txt, b.txt]}\n"), encoding="utf-8")
    assert problems_of_both(project, capsys) == [
        "content/a.md:5: source: seed: « ['a.txt', 'b.txt'] » n’est pas un texte — écrivez-le entre guillemets"
    ]


NOT_A_FILE = (
    ": n’est pas un fichier ordinaire (un tube, un périphérique ou une socket), il ne se "
    "lit pas — remplacez-le par un fichier, ou supprimez-le"
)


def run_process(project: Project, command: str) -> subprocess.CompletedProcess[str]:
    """`build.py COMMAND` as a process with a time limit, so that a hang fails a test instead of
    holding the suite."""
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(project.root), command],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("where", "readers"),
    [
        ("site.yaml", ("build", "check", "import")),
        ("seeds/sources.yaml", ("import",)),
        ("seeds/depeche.txt", ("import",)),
    ],
)
def test_a_pipe_in_place_of_a_file_is_named_never_waited_on(
    project: Project, where: str, readers: tuple[str, ...]
) -> None:
    """Issue 23, point 12: a FIFO in place of `site.yaml`, `sources.yaml` or a seed hung `check` and
    `build` for ever (open waits for a writer). Seeds and `sources.yaml` are read by `import` alone
    (issue 22): there it is named; `build` and `check` end without waiting on it."""
    (project.content / "a.md").write_text(article(), encoding="utf-8")
    (project.root / "seeds").mkdir()
    (project.root / where).unlink(missing_ok=True)
    os.mkfifo(project.root / where)
    for command in ("build", "check", "import"):
        done = run_process(project, command)
        if command in readers:
            assert done.returncode == 1, command
            assert done.stderr.splitlines()[0] == where + NOT_A_FILE
        else:
            assert done.returncode == 0, (command, done.stderr)
    assert project.output.exists() == (where != "site.yaml")


def test_sources_yaml_nested_too_deep_is_refused_by_import(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, point 9: `seeds/sources.yaml` nested 1,000 levels deep was a RecursionError; the
    nesting is counted before any parser runs, and `import`, its one reader, names the line."""
    (project.root / "seeds").mkdir()
    (project.root / "seeds" / "depeche.txt").write_text("Titre\n\nHanoï (VNA) – Texte.\n", encoding="utf-8")
    nested = "depeche.txt:\n" + "".join("  " * depth + "- \n" for depth in range(1, 1000))
    (project.root / "seeds" / "sources.yaml").write_text(nested, encoding="utf-8")
    code, lines = run(project, capsys, "import")
    assert code == 1
    assert lines == [
        "seeds/sources.yaml:20: des listes ou des champs imbriqués sur plus de 20 niveaux, quand Revue en lit 3 "
        "au plus (une photo, dans `photos:`) — vérifiez les crochets et l’indentation"
    ]


def test_a_pipe_among_the_articles_is_skipped_with_a_warning(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, point 12: the warning said « lien laissé de côté » of a FIFO, which is no link."""
    (project.content / "a.md").write_text(article(), encoding="utf-8")
    os.mkfifo(project.content / "tube.md")
    code, lines = run(project, capsys, "build")
    assert code == 0
    assert lines == [
        "content/tube.md: attention : laissé de côté, ce n’est pas un fichier ordinaire (un tube, un "
        "périphérique ou une socket) — remplacez-le par un fichier, ou supprimez-le"
    ]


def test_a_file_beyond_the_size_limit_is_refused_before_it_is_parsed(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, points 9 and 12: every text Revue reads is bounded (`inputfile.MAX_TEXT_BYTES`)."""
    (project.content / "a.md").write_text(article(body="mot " * 300_000), encoding="utf-8")
    assert problems_of_both(project, capsys) == [
        "content/a.md: pèse 1,1 Mio, au-delà des 1 Mio que Revue lit d’un tel fichier — vérifiez que "
        "c’est le bon fichier, ou allégez-le"
    ]


# --- Point 14: names that macOS and Windows take for one, names that are not text ------------------


def test_names_differing_only_in_capitals_or_accents_are_named_as_colliding(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, point 14: `Casse.md` and `casse.md`, or NFC and NFD twins, are one file on macOS and
    Windows: a checkout there silently loses one."""
    for name, title in [("Casse", "Un"), ("casse", "Deux"), ("caf\u00e9", "Trois"), ("cafe\u0301", "Quatre")]:
        (project.content / f"{name}.md").write_text(article(title=title), encoding="utf-8")
    assert problems_of_both(project, capsys) == [
        "content/caf\u00e9.md: ne diffère de content/cafe\u0301.md que par ses accents, écrits ici en un "
        "seul (NFC), là en deux caractères (la lettre puis l’accent, NFD) : sur macOS et Windows, c’est le "
        "même fichier, et l’un des deux serait perdu — renommez l’un des deux en retapant son nom",
        "content/casse.md: ne diffère de content/Casse.md que par les majuscules : sur macOS et Windows, "
        "c’est le même fichier, et l’un des deux serait perdu — renommez l’un des deux en retapant son nom",
    ]


def test_a_name_that_is_not_utf8_is_named_not_a_traceback(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, point 5 (surrogates where they enter): a file name in bytes that are not UTF-8 was a
    UnicodeEncodeError traceback in the digest of the run's inputs."""
    (project.content / os.fsdecode(b"d\xe9p\xeache.md")).write_text(article(), encoding="utf-8")
    assert problems_of_both(project, capsys) == [
        "content/d\\udce9p\\udceache.md: ce nom n’est pas écrit en UTF-8 (octet 0xe9) — renommez-le"
    ]


# --- Point 9: YAML bombs ---------------------------------------------------------------------------

LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("text", "line", "start"),
    [
        (LAUGHS, 2, "une valeur commence par *, que YAML lit comme un renvoi"),
        ("title: " + "[" * 1000 + "]" * 1000, 1, "des listes ou des champs imbriqués sur plus de 20 niveaux"),
        (
            "title: " + "[" * 50000 + "]" * 50000,
            1,
            "des listes ou des champs imbriqués sur plus de 20 niveaux",
        ),
        (
            "t: " + "{a: " * 50000 + "}" * 50000,
            1,
            "des listes ou des champs imbriqués sur plus de 20 niveaux",
        ),
        (
            "t:\n" + "".join(" " * i + "- \n" for i in range(1, 2000)),
            20,
            "des listes ou des champs imbriqués",
        ),
        (
            "t:\n" + "".join("  " * i + "- - - - - \n" for i in range(1, 2000)),
            16,
            "des listes ou des champs imbriqués",
        ),
    ],
    ids=["aliases", "1000 brackets", "50000 brackets", "50000 braces", "indented lists", "compact lists"],
)
def test_yaml_bombs_are_refused_before_the_parser_builds_anything(text: str, line: int, start: str) -> None:
    """Issue 23, point 9: aliases (« billion laughs ») took minutes and gigabytes; 1,000 levels of
    nesting were a RecursionError, 50,000 a segmentation fault of libyaml's binding. The one YAML
    reader (front matter, `site.yaml`, `sources.yaml`) counts the depth before any parser runs."""
    from revue.core.errors import LineError
    from revue.core.yamlsource import load_mapping

    with pytest.raises(LineError) as refused:
        load_mapping(text)
    assert (refused.value.line, refused.value.message[: len(start)]) == (line, start)


def test_a_star_inside_quotes_is_text_not_an_alias() -> None:
    """Issue 23, point 9: the alias check reads YAML's events, so `"*Hanoï*"` stays a title."""
    from revue.core.yamlsource import load_mapping

    assert load_mapping('title: "*Hanoï* et [Tokyo]"\nplace: a*b').values == {
        "title": "*Hanoï* et [Tokyo]",
        "place": "a*b",
    }


# --- Point 10: Markdown that Python-Markdown reads again and again ----------------------------------


@pytest.mark.parametrize(
    ("body", "line", "start"),
    [
        ("[" * 20000, 1, "à cette ligne, des [ jamais refermés"),
        ("[" * 5000 + "x" + "](y)" * 5000, 1, "à cette ligne, des [ jamais refermés"),
        ("Texte.\n\n" + "![" * 20000, 3, "à cette ligne, des [ jamais refermés"),
        ("<http://" * 10000, 1, "à cette ligne, des < jamais refermés"),
        ("[a](" * 3000, 1, "à cette ligne, des ( jamais refermés"),
        (
            "\n".join("    " * i + "- a" for i in range(250)),
            21,
            "une liste ou une citation imbriquée sur plus de 20",
        ),
        (
            "\n".join(">" * i + " a" for i in range(1, 100)),
            21,
            "une liste ou une citation imbriquée sur plus de 20",
        ),
        ("[" * 50000 + "x" + "](y)" * 50000, 1, "le texte compte 250 001 caractères, au-delà des 100 000"),
    ],
    ids=["brackets", "nested links", "images", "autolinks", "link addresses", "lists", "quotations", "long"],
)
def test_markdown_that_would_take_minutes_is_refused_at_its_line(body: str, line: int, start: str) -> None:
    """Issue 23, point 10: 20 KB of `[` took 18 s, nested links, `![` and `<http://` never finished,
    a list 250 deep was a RecursionError. The limits: docs/reliability.md "Limits on input"."""
    from revue.core.markdown_limits import body_limit

    refused = body_limit(body)
    assert refused is not None
    assert (refused[0], refused[1][: len(start)]) == (line, start)


def test_articles_as_editors_write_them_are_within_the_limits() -> None:
    """Issue 23, point 10: the limits sit far above real bodies: the seed site's, the benchmark's
    corpus, and a body using every construct the guide lists."""
    from revue.core import frontmatter
    from revue.core.markdown_limits import body_limit
    from revue.dev.corpus import article_text, corpus

    guide = (
        "## Intertitre\n\nUn [lien](https://exemple.vn/a_b) et [un autre](autre.md), *de l’emphase*, "
        "**du gras**, `du code`, <!-- une note -->, 3 < 5 > 2.\n\n- un\n    - deux\n        - trois\n\n"
        "> citation\n> > dans une citation\n\n- - - - - - - - - - - - - - - - - - - - - - - - -\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n![Le pont](pont.jpg)\n"
    )
    bodies = [guide] + [frontmatter.split(p, p.read_bytes()).body for p in (REPO / "content").glob("*.md")]
    bodies += [article_text(article).split("\n---\n", 1)[1] for article in corpus(REPO / "seeds", 300)]
    assert [body for body in bodies if body_limit(body)] == []


# --- Point 11: an image taller than WebP allows -----------------------------------------------------


def test_a_full_page_screenshot_is_published_narrower_and_a_thread_of_pixels_refused() -> None:
    """Issue 23, point 11: an image taller than WebP's 16,383 pixels (a phone's full-page screenshot)
    listed under `photos:` was a ValueError traceback from the WebP encoder."""
    import io

    from PIL import Image

    from revue.publish.photos import WEBP_MOST_PIXELS, make_sizes

    def png(width: int, height: int) -> bytes:
        out = io.BytesIO()
        Image.new("RGB", (width, height), (200, 120, 40)).save(out, "PNG")
        return out.getvalue()

    sizes = make_sizes(png(1080, 24000))
    assert not isinstance(sizes, str), sizes
    assert [(width, height) for width, height, *_ in sizes] == [(360, 8000), (720, 16000), (737, 16378)]
    for _, height, webp, _ in sizes:
        assert height <= WEBP_MOST_PIXELS
        assert Image.open(io.BytesIO(webp)).size[1] == height
    refused = make_sizes(png(1, 20000))
    assert isinstance(refused, str)
    assert "fait 1 × 20 000 pixels, trop mince pour être publiée" in refused


# --- Point 13: the preview server -------------------------------------------------------------------


def preview_request(port: int, method: str, path: str, host: str | None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one request, the Host header as given (None: none at all)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_the_preview_answers_every_request_only_to_its_own_name_and_head_as_get(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, point 13: `GET /%00` printed a thread traceback and got no answer; any `Host:` was
    served (a DNS-rebinding page could read the preview, drafts included); `HEAD` on the status path
    was a 404 and `HEAD /` announced a Content-Length the GET did not send (the live-reload script)."""
    from revue.preview.serve import STATUS_PATH, LiveReloadHandler, LiveSite
    from revue.preview.static_server import start_server

    (tmp_path / "index.html").write_text("<html><body><p>Accueil</p></body></html>", encoding="utf-8")
    (tmp_path / "style.css").write_text("p { color: red }", encoding="utf-8")
    handler = type("LiveHandler", (LiveReloadHandler,), {"live": LiveSite(["true"])})
    server = start_server(tmp_path, "/", 0, handler)
    port = server.server_address[1]
    own = f"127.0.0.1:{port}"
    try:
        assert preview_request(port, "GET", "/%00", own)[0] == 400
        assert preview_request(port, "GET", "/a%00b/", own)[0] == 400
        assert preview_request(port, "GET", "/", f"evil.example:{port}")[0] == 421
        assert preview_request(port, "GET", "/", "127.0.0.1.evil.example")[0] == 421
        assert preview_request(port, "GET", "/", None)[0] == 400
        assert preview_request(port, "GET", "/", f"localhost:{port}")[0] == 200
        for path in ("/", STATUS_PATH, "/style.css", "/absent/"):
            got, got_headers, body = preview_request(port, "GET", path, own)
            head, head_headers, nothing = preview_request(port, "HEAD", path, own)
            assert (head, nothing) == (got, b""), path
            assert head_headers["content-length"] == got_headers["content-length"] == str(len(body)), path
    finally:
        server.shutdown()
        server.server_close()
    assert "Traceback" not in capfd.readouterr().err


# --- Point 14: messages that say exactly what to change ---------------------------------------------


def test_a_page_only_the_preview_built_is_never_said_gone_and_a_gone_page_names_its_file(
    project: Project,
) -> None:
    """Issue 23, point 14: « l’article publié à l’adresse … n’y est plus » was said of a draft's page
    that only `serve` had built (the draft deleted since), and named the `output/` file."""
    from revue.core.errors import Problem
    from revue.pipeline import Mode, Options, build

    (project.content / "a.md").write_text(article(title="Premier titre"), encoding="utf-8")
    (project.content / "b.md").write_text(article(title="Brouillon", extra="draft: true\n"), encoding="utf-8")
    build(project, options=Options(drafts=True))  # the preview: the draft's page is in output/
    (project.content / "b.md").unlink()
    assert build(project).warnings == ()
    (project.content / "a.md").write_text(article(title="Titre corrigé"), encoding="utf-8")
    gone = build(project, Mode.CHECK).warnings
    assert [(problem.path, problem.line) for problem in gone] == [(Path("content/a.md"), 2)]
    assert isinstance(gone[0], Problem) and "/articles/premier-titre/ n’y est plus" in gone[0].message


def test_an_escaped_quote_is_accepted_and_shown_as_written_and_an_empty_slug_comes_from_the_title(
    project: Project, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 23, point 14: `"15\\" présenté"` (a valid escaped quote) was refused as an unpaired
    quote, and `slug: ""` refused though the guide says empty means « tirée du titre »."""
    (project.content / "a.md").write_text(
        article(title='Un écran de 15\\" présenté', extra='slug: ""\n'), encoding="utf-8"
    )
    assert run(project, capsys, "build")[0] == 0
    page = (project.output / "articles" / "un-ecran-de-15-presente" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "Un écran de 15″ présenté" in page
    assert "15 »" not in page
