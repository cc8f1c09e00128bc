"""A static file server on 127.0.0.1 that answers HEAD and byte-range GETs,
as object stores and Common Crawl's HTTP endpoint do, for fsspec."""

from __future__ import annotations

import re
from collections import Counter
from http.server import BaseHTTPRequestHandler
from pathlib import Path

from .localserver import Server


class RangeServer(Server):
    """Serves the files under ``root``; ``requests`` counts (method, path)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.requests: Counter = Counter()
        self.ranges: list[str] = []
        super().__init__(_Handler)

    def url(self, name: str) -> str:
        return f"{self.base}/{name}"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _file(self):
        self.server.requests[(self.command, self.path)] += 1
        f = self.server.root / self.path.lstrip("/").split("?")[0]
        return f if f.is_file() else None

    def do_HEAD(self):  # noqa: N802
        f = self._file()
        if f is None:
            return self._send(404, b"")
        self.send_response(200)
        self.send_header("Content-Length", str(f.stat().st_size))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()

    def do_GET(self):  # noqa: N802
        f = self._file()
        if f is None:
            return self._send(404, b"not found")
        data = f.read_bytes()
        m = re.match(r"bytes=(\d+)-(\d*)", self.headers.get("Range") or "")
        if not m:
            return self._send(200, data)
        self.server.ranges.append(m.group(0))
        a = int(m.group(1))
        b = min(int(m.group(2)) if m.group(2) else len(data) - 1, len(data) - 1)
        if a >= len(data):
            return self._send(416, b"")
        self.send_response(206)
        self.send_header("Content-Range", f"bytes {a}-{b}/{len(data)}")
        self.send_header("Content-Length", str(b - a + 1))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        self.wfile.write(data[a:b + 1])

    def _send(self, status: int, body: bytes):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        pass
