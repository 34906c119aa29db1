"""`python build.py serve`: build, serve on 127.0.0.1, rebuild on every edit, reload open pages.

The live-reload script is added to HTML responses as they are sent, never to the files in
`output/`. It polls `STATUS_PATH`: a new build number reloads the page; a failed build shows
its problems over the last good page, which stays served until the next good build.
"""

from __future__ import annotations

import errno
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import watchfiles

from revue.core import messages
from revue.core.errors import BuildError, Problem
from revue.core.messages import preview
from revue.core.project import Project
from revue.preview.static_server import SubPathHandler, start_server

STATUS_PATH = "/__revue/status"
SCRIPT_FILE = Path(__file__).with_name("live_reload.js")
WATCH_TIMEOUT_MS = 200  # how long the file watcher waits for a change before it reports none


@dataclass(frozen=True)
class BuildStatus:
    """What open pages need to know: which good build is current, and why the last one failed."""

    build: int  # increases with every successful build
    problems: tuple[str, ...]  # empty when the last build succeeded


class LiveSite:
    """The current build status, shared between the watcher (writes) and the server threads (read).

    Each build is its own `build.py` process: no build, however it fails, can stop the preview, and
    the build forks its workers from a process with no server threads.
    """

    def __init__(self, command: list[str]):
        self.command = command  # `build.py … build --drafts`; `--base-url` is added per run
        self.status = BuildStatus(0, ())

    def rebuild(self, base_url: str) -> None:
        done = subprocess.run(
            [*self.command, "--base-url", base_url], capture_output=True, text=True, check=False
        )
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
        if done.returncode == 0:
            self.status = BuildStatus(self.status.build + 1, ())
            if self.status.build > 1:  # not on the first build: no page is open yet
                print(preview.PAGES_RELOAD, flush=True)
            return
        warning = f": {messages.WARNING}"
        lines = [line for line in done.stderr.splitlines() if line.strip() and warning not in line]
        problems = tuple(
            lines[:-1] if len(lines) > 1 else lines
        )  # the last line sums up: the terminal shows it
        self.status = BuildStatus(self.status.build, problems or (preview.build_stopped(done.returncode),))
        print(preview.STILL_SERVING, file=sys.stderr, flush=True)


class LiveReloadHandler(SubPathHandler):
    """Serves the site with the live-reload script in every HTML page, and the build status as JSON."""

    live: LiveSite
    served_build = 0  # noted before the file is read: a page never claims a newer build than it shows

    def do_GET(self) -> None:
        self.respond(with_body=True)

    def do_HEAD(self) -> None:
        """As GET, without the body: the same status and Content-Length, the status path included."""
        self.respond(with_body=False)

    def respond(self, with_body: bool) -> None:
        self.served_build = self.live.status.build
        url_path = urlsplit(self.path).path
        if url_path == STATUS_PATH:
            status = self.live.status
            self.send_body(200, "application/json", json.dumps(status.__dict__).encode("utf-8"), with_body)
            return
        file = Path(self.translate_path(self.path))
        if url_path.endswith("/"):
            file = file / "index.html"
        if file.suffix == ".html" and file.is_file():
            self.send_body(200, "text/html; charset=utf-8", self.page(file.read_bytes()), with_body)
            return
        if with_body:
            super().do_GET()
        else:
            super().do_HEAD()

    def send_body(self, code: int, content_type: str, body: bytes, with_body: bool) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # every reload shows the latest build
        super().end_headers()

    def page(self, html: bytes) -> bytes:
        settings = json.dumps({"build": self.served_build, "status": STATUS_PATH, "texts": preview.OVERLAY})
        script = (
            f"<script>window.REVUE_LIVE = {settings};\n{SCRIPT_FILE.read_text(encoding='utf-8')}</script>"
        )
        head, closing, tail = html.decode("utf-8").rpartition("</body>")
        return (head + script + closing + tail if closing else tail + script).encode("utf-8")


def watched_paths(project: Project) -> list[Path]:
    """Everything an edit can change the site through; folders that do not exist yet are skipped."""
    paths = [project.content, project.templates, project.seeds, project.site_yaml]
    return [path for path in paths if path.exists()]


def serve(project: Project, prefix: str, port: int, live: LiveSite, on_ready: Callable[[str], None]) -> None:
    """Serve `output/` at `prefix`, build it for the local URL, then rebuild on each change until interrupted."""
    handler = type("LiveHandler", (LiveReloadHandler,), {"live": live})
    try:
        server = start_server(project.output, prefix, port, handler)
    except OSError as error:
        if error.errno != errno.EADDRINUSE:
            raise
        raise BuildError([Problem(Path(f"127.0.0.1:{port}"), None, preview.PORT_BUSY)]) from None
    base_url = f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    try:
        # Watching starts before the first build, so that a file saved while it runs is built next;
        # the watcher then wakes every WATCH_TIMEOUT_MS with nothing to report.
        changes = watchfiles.watch(
            *watched_paths(project), rust_timeout=WATCH_TIMEOUT_MS, yield_on_timeout=True
        )
        next(changes)
        live.rebuild(base_url)
        on_ready(base_url)
        for changed in changes:
            if changed:
                live.rebuild(base_url)
    finally:
        server.shutdown()
        server.server_close()
