"""The preview's file server: a reader who leaves before a page is sent prints nothing in the editor's terminal."""

from __future__ import annotations

import http.client
import socket
import struct
import threading
import time
from pathlib import Path

import pytest

from revue.preview.static_server import start_server


def test_a_reader_who_leaves_mid_page_prints_no_traceback(
    tmp_path: Path, capfd: pytest.CaptureFixture
) -> None:
    (tmp_path / "index.html").write_bytes(b"<p>page</p>" * 2_000_000)  # far more than socket buffers hold
    server = start_server(tmp_path, "/")
    try:
        for _ in range(3):
            reader = socket.create_connection(server.server_address[:2])
            reader.sendall(b"GET /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            reader.recv(1024)  # the page has started coming
            reader.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            reader.close()  # a reset, as when a tab is closed mid-page
        deadline = time.monotonic() + 10
        while requests_in_flight() and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        server.shutdown()
        server.server_close()
    printed = capfd.readouterr().err
    assert "Traceback" not in printed and "Exception" not in printed


def requests_in_flight() -> bool:
    """Is a request still being handled? The server's threads run `process_request_thread`: wait for
    them, so that anything they print is printed before the test reads it."""
    return any(thread.name.endswith("(process_request_thread)") for thread in threading.enumerate())


@pytest.mark.parametrize(
    ("path", "status"), [("/", 302), ("/revue", 302), ("/revue/", 200), ("/autre/", 404)]
)
def test_under_a_sub_path_the_bare_address_leads_to_the_site(tmp_path: Path, path: str, status: int) -> None:
    """As GitHub Pages under a project's name: `/revue` and the server's `/` lead to `/revue/`."""
    (tmp_path / "index.html").write_text("<p>accueil</p>", encoding="utf-8")
    server = start_server(tmp_path, "/revue/")
    try:
        connection = http.client.HTTPConnection(*server.server_address[:2], timeout=10)
        connection.request("GET", path)
        response = connection.getresponse()
        assert response.status == status
        assert response.getheader("Location") == ("/revue/" if status == 302 else None)
        connection.close()
    finally:
        server.shutdown()
        server.server_close()
