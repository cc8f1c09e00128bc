"""The bundled demo: a sample news site from ``corpus/demo_site`` served on
127.0.0.1 by a real HTTP server, so ``run --demo`` exercises fetch -> parse
-> extract -> store without the internet. ``{{BASE}}`` in served files is
replaced by the server's own base URL (feeds and sitemaps need absolute URLs).
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from .config import Settings
from .types import Source

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
DEMO_SITE = CORPUS / "demo_site"


class SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0):
        self.root = root.resolve()
        super().__init__((host, port), _Handler)

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


class _Handler(BaseHTTPRequestHandler):
    server: SiteServer

    def do_GET(self) -> None:  # noqa: N802 (http.server API)
        path = urlsplit(self.path).path
        if path.endswith("/"):
            path += "index.html"
        target = (self.server.root / path.lstrip("/")).resolve()
        if not target.is_file() or self.server.root not in target.parents:
            self.send_error(404)
            return
        body = target.read_bytes()
        if target.suffix in (".html", ".xml", ".txt"):
            body = body.replace(b"{{BASE}}", self.server.base.encode())
        ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix == ".xml":
            ctype = "application/xml"
        self.send_response(200)
        self.send_header("Content-Type", f"{ctype}; charset=utf-8" if ctype.startswith(("text/", "application/xml")) else ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:  # quiet
        pass


#: The demo site's fixed port keeps its URLs (and so the database rows) the
#: same from run to run; a busy port falls back to a free one.
DEMO_PORT = int(os.environ.get("PANTAU_DEMO_PORT", "8357"))


@contextlib.contextmanager
def serve(root: Path = DEMO_SITE, port: int = 0) -> Iterator[SiteServer]:
    """Serve ``root`` on 127.0.0.1 for the duration of the block (port 0: any free port)."""
    try:
        server = SiteServer(root, port=port)
    except OSError:
        server = SiteServer(root, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def demo_settings(base: str, settings: Settings | None = None) -> Settings:
    src = Source(name="Warta Sumsel (demo)", home=base + "/", region="Sumatera Selatan",
                 feeds=(base + "/feed.xml",), sitemaps=(base + "/sitemap.xml",), rate_limit=50.0)
    return (settings or Settings()).replace(sources=(src,), rate_limit=50.0)
