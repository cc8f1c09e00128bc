"""A real HTTP server on 127.0.0.1 for tests, with programmable routes.

``routes[path] = handler(request_handler, hits)`` where ``hits`` counts the
requests to that path so far; handlers write the response themselves.
"""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, handler=None):
        self.routes = {}
        self.hits: Counter = Counter()
        self.headers_seen: list = []
        super().__init__(("127.0.0.1", 0), handler or _Handler)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802
        path = self.path.split("?")[0]
        self.server.hits[path] += 1
        self.server.headers_seen.append((path, dict(self.headers)))
        handler = self.server.routes.get(path)
        if handler is None:
            return send(self, 404, b"not found", "text/plain")
        handler(self, self.server.hits[path])

    def log_message(self, *args):
        pass


def send(h, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", headers: dict | None = None):
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for k, v in (headers or {}).items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


def page(body: bytes, ctype="text/html; charset=utf-8", status=200, headers=None):
    return lambda h, n: send(h, status, body, ctype, headers)
