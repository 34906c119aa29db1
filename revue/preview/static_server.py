"""A static file server for `output/` under the site's base path, as GitHub Pages serves a project site."""

from __future__ import annotations

import functools
import http.server
import io
import os
import socket
import sys
import threading
from pathlib import Path
from typing import BinaryIO, cast
from urllib.parse import unquote, urlsplit

from revue.core.messages import preview


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` at `prefix` only; anything else is a 404 with the site's own 404 page.

    Only to requests addressed to this server by name (`Host: 127.0.0.1:PORT` or `localhost:PORT`):
    a page of another site that makes its own name point at 127.0.0.1 (DNS rebinding) would
    otherwise read the preview, drafts included. A path holding a NUL byte is a 400, not a traceback.
    """

    prefix = "/"

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        host = self.headers.get("Host")
        port = cast("tuple[str, int]", self.server.server_address)[1]  # bound to 127.0.0.1 (IPv4)
        if host is None or host.lower() not in {
            f"127.0.0.1:{port}",
            f"localhost:{port}",
            "127.0.0.1",
            "localhost",
        }:
            self.send_error(400 if host is None else 421, explain=preview.preview_other_host(port))
            return False
        if "\x00" in unquote(urlsplit(self.path).path):
            self.send_error(400, explain=preview.PREVIEW_NUL_IN_PATH)
            return False
        return True

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(self.prefix):
            return str(Path(os.devnull) / "outside")  # never a file: opening it is a clean 404, not a crash
        return super().translate_path("/" + url_path[len(self.prefix) :])

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        """`/` and the sub-path without its slash lead to the site, as on GitHub Pages under a project's
        name (`/revue` → `/revue/`); an editor opening the server's bare address finds the site too."""
        if self.prefix != "/" and urlsplit(self.path).path in {"/", self.prefix.rstrip("/")}:
            self.send_response(302)
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        return super().send_head()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = self.page(page.read_bytes())
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def page(self, html: bytes) -> bytes:
        """An HTML page as sent: unchanged here; the dev server injects its live-reload script."""
        return html

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the build and tests print what matters."""


class SiteServer(http.server.ThreadingHTTPServer):
    """A reader who leaves before a page is sent (a reload, a closed tab) is no error: the default
    prints a traceback in the editor's terminal for it."""

    daemon_threads = True

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: object
    ) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def start_server(
    directory: Path, prefix: str, port: int = 0, handler_class: type[SubPathHandler] = SubPathHandler
) -> SiteServer:
    """Serve `directory` at http://127.0.0.1:<port><prefix> in a background thread; port 0 picks a free one."""
    handler = type("Handler", (handler_class,), {"prefix": prefix})
    server = SiteServer(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
