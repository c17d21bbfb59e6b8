"""A local web server for the tests, on 127.0.0.1, started and stopped by them: articles,
a redirect, a redirect loop, errors, slow, huge, plain-text and binary answers."""

import http.server
import threading
import time

import pytest

from tests.conftest import ORIGINAL, SPUN
from tests.pagemaker import news_page

SEEN_AGENTS = []


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _send(self, status, body: bytes, content_type="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 - the stdlib's name
        SEEN_AGENTS.append(self.headers.get("User-Agent"))
        path = self.path
        if path == "/copy.html":
            page = news_page(SPUN.read_text(encoding="utf-8"), title="Spun story").encode("utf-8")
            self._send(200, page, headers=(("Last-Modified", "Tue, 03 Dec 2024 10:00:00 GMT"), ("ETag", '"v1"')))
        elif path == "/moved":
            self._send(302, b"", headers=(("Location", "/copy.html"),))
        elif path.startswith("/loop"):
            self._send(302, b"", headers=(("Location", f"/loop{len(path)}"),))
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, b"late")
        elif path == "/huge":
            self._send(200, b"word " * 400_000, "text/plain")
        elif path == "/plain.txt":
            self._send(200, ORIGINAL.read_bytes(), "text/plain; charset=utf-8")
        elif path == "/binary":
            self._send(200, bytes(range(256)) * 40, "application/octet-stream")
        else:
            self._send(404, b"")


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()
