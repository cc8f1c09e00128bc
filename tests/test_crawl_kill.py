"""A run killed with SIGKILL (twice: while fetching, then while storing)
resumes and ends with exactly the articles of an uninterrupted run: nothing
lost, nothing stored twice, and no page fetched again except those in flight
at the kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.config import Settings
from extractor.run import run_batch
from extractor.store import Store
from extractor.types import Source

from .localserver import Server, send
from .test_crawl import article_html, start

ROOT = Path(__file__).resolve().parent.parent
HOSTS, PER_HOST = 3, 10
SETTINGS = dict(rate_limit=8.0, per_host=2, concurrency=6, retries=1, backoff=0.01, timeout=5.0)


def serve_outlet(server: Server, k: int) -> None:
    b = server.base
    urls = "".join(f"<url><loc>{b}/berita/{k}-{i}</loc></url>" for i in range(PER_HOST))
    server.routes["/robots.txt"] = lambda h, n: send(h, 200, b"User-agent: *\nAllow: /\n", "text/plain")
    server.routes["/sitemap.xml"] = lambda h, n: send(
        h, 200, f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
        "application/xml")
    for i in range(PER_HOST):
        body = article_html(k * PER_HOST + i)

        def handler(h, n, body=body):
            time.sleep(0.03)  # a little latency, so a kill lands mid-run
            send(h, 200, body)
        server.routes[f"/berita/{k}-{i}"] = handler


def config(servers: list[Server], path: Path) -> Path:
    lines = ["[settings]"] + [f"{k} = {v!r}".replace("'", '"') for k, v in SETTINGS.items()]
    for k, s in enumerate(servers):
        lines += ["", "[[source]]", f'name = "outlet {k}"', f'home = "{s.base}/"', f'sitemaps = ["{s.base}/sitemap.xml"]']
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def scalar(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute(sql).fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def run_until(cmd: list[str], db: Path, sql: str, at_least: int, timeout: float = 120.0) -> bool:
    """Start the run; SIGKILL it once ``sql`` counts ``at_least``. Whether it was killed mid-way."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if scalar(db, sql) >= at_least:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                return True
            time.sleep(0.01)
        return False
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def snapshot(db: Path) -> dict:
    with Store(db) as st:
        arts = {r["url"].split("/", 3)[3]: (r["text_hash"], r["title"], r["published"], r["extracted"])
                for r in st.db["articles"].rows}
        counts = {t: st.db[t].count for t in ("articles", "officials", "official_mentions", "events", "place_mentions",
                                              "date_mentions", "quotes", "errors")}
        states = dict(st.db.execute("select status, count(*) from urls where kind = 'article' group by status"))
    return {"articles": arts, "counts": counts, "states": states}


def test_sigkill_twice_then_resume_equals_uninterrupted_run(tmp_path):
    servers = [start(Server()) for _ in range(HOSTS)]
    for s in servers:
        s.__enter__()
    try:
        for k, s in enumerate(servers):
            serve_outlet(s, k)
        db = tmp_path / "killed.db"
        cmd = [sys.executable, str(ROOT / "pipeline.py"), "run", "--config", str(config(servers, tmp_path / "s.toml")),
               "--db", str(db)]
        n = HOSTS * PER_HOST
        # 1: killed while fetching (some pages archived, most not)
        assert run_until(cmd, db, "select count(*) from urls where kind = 'article' and status = 'fetched'", 6)
        after_first = scalar(db, "select count(*) from urls where kind = 'article' and status = 'queued'")
        assert 0 < after_first < n and scalar(db, "select count(*) from articles") == 0
        # 2: killed while storing (every page fetched, some articles stored)
        assert run_until(cmd, db, "select count(*) from articles", 3)
        assert scalar(db, "select count(*) from urls where kind = 'article' and status = 'fetched'") > 0
        assert scalar(db, "select count(*) from articles") < n
        # 3: to the end
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=240)
        assert done.returncode == 0, done.stderr[-2000:]
        article_hits = {p: c for s in servers for p, c in s.hits.items() if p.startswith("/berita/")}
        killed = snapshot(db)

        # the same crawl uninterrupted, into another database
        ref_db = tmp_path / "reference.db"
        sources = tuple(Source(f"outlet {k}", home=s.base + "/", sitemaps=(s.base + "/sitemap.xml",))
                        for k, s in enumerate(servers))
        with Store(ref_db) as store:
            summary, _ = run_batch(Settings(**SETTINGS, sources=sources), store)
        reference = snapshot(ref_db)
    finally:
        for s in servers:
            s.__exit__(None, None, None)

    assert summary.stored == n and len(reference["articles"]) == n
    assert killed["articles"] == reference["articles"]
    assert killed["counts"] == reference["counts"] and killed["counts"]["errors"] == 0
    assert killed["states"] == reference["states"] == {"done": n}
    # every page fetched; twice only if in flight at the first kill (at most `concurrency` of them)
    assert len(article_hits) == n and all(c <= 2 for c in article_hits.values())
    assert sum(c - 1 for c in article_hits.values()) <= SETTINGS["concurrency"]
    # and the archive alone rebuilds the same articles (the killed runs' truncated tails skipped)
    from extractor.cli import main

    assert main(["extract", "--from-archive", "--db", str(tmp_path / "from-archive.db")]) != 0  # no archive there
    rebuilt = tmp_path / "rebuilt.db"
    assert main(["extract", "--from-archive", str(tmp_path / "killed-archive"), "--db", str(rebuilt)]) == 0
    assert snapshot(rebuilt)["articles"] == reference["articles"]
