"""The crawl end to end: a sample news site on a real local server, with
feeds, a news sitemap, a listing, a multi-page article, AMP and tracking
aliases, a rel=canonical alias and injected faults, crawled by run_batch
into a real SQLite file and WARC archive; then re-runs, --refresh with
conditional requests, --dry-run, extract --from-archive and foreign WARCs."""

from __future__ import annotations

import gzip
import io
import socket
import struct
import threading

import pytest

from extractor.cli import main
from extractor.config import Settings
from extractor.archive import default_archive_dir
from extractor.inputs import read_local
from extractor.run import ingest, run_batch
from extractor.store import Store
from extractor.types import Listing, Source

from .localserver import Server, send

TOWNS = ["Muara Enim", "Lahat", "Prabumulih", "Ogan Ilir", "Banyuasin", "Musi Rawas", "Empat Lawang", "Pagar Alam",
         "Lubuklinggau", "Ogan Komering Ulu", "Musi Banyuasin", "Penukal Abab Lematang Ilir"]
NAMES = ["Jhoni Eka Putra", "Ahmad Gusti Hartono", "Bagus Suryo Wibowo", "Rudi Hartawan", "Dwi Santoso",
         "Ferry Kusuma", "Hendra Gunawan", "Indra Wijaya", "Joko Prasetyo", "Kurniawan Saputra", "Lukman Hakim",
         "Made Suarta"]


def story(i: int, part: str = "") -> list[str]:
    town, name = TOWNS[i % len(TOWNS)], NAMES[i % len(NAMES)]
    return [
        f"{town.upper()} - Kapolres {town} AKBP {name} memimpin pengamanan pleno rekapitulasi suara Pilkada 2024 "
        f"tingkat kabupaten di Gedung KPU {town}, Sabtu (30/11/2024). {part}",
        f"Sebanyak {100 + i} personel gabungan Polri dan TNI dikerahkan untuk mengamankan jalannya pleno "
        f"rekapitulasi yang dihadiri saksi pasangan calon dan Bawaslu {town}.",
        f"\u201cKami pastikan pleno berjalan aman dan kondusif,\u201d kata AKBP {name} kepada wartawan.",
    ]


def article_html(i: int, *, title: str = "", paras: list[str] | None = None, head: str = "", tail: str = "",
                 charset: str = "utf-8") -> bytes:
    title = title or f"Polres {TOWNS[i % len(TOWNS)]} Amankan Pleno Rekapitulasi Suara Pilkada"
    body = "".join(f"<p>{p}</p>" for p in (paras or story(i)))
    return (f'<!doctype html><html lang="id"><head><meta charset="{charset}"><title>{title}</title>{head}'
            f'<meta property="article:published_time" content="2024-11-30T10:00:00+07:00"></head>'
            f"<body><article><h1>{title}</h1>{body}</article>{tail}</body></html>").encode(charset)


def reset(h):
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", "5000")
    h.end_headers()
    h.wfile.write(b"<html><body>")
    h.wfile.flush()
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def start(server: Server) -> Server:
    server.thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    return server


class Site:
    """The sample outlet; ``routes`` are installed on a Server."""

    def __init__(self, server: Server):
        self.s = server
        b = self.base = server.base
        r = server.routes
        html = lambda body, **kw: (lambda h, n: send(h, 200, body, **kw))  # noqa: E731
        r["/robots.txt"] = html(b"User-agent: *\nDisallow: /private/\n", ctype="text/plain")
        r["/feed.xml"] = html(f"""<?xml version="1.0"?><rss version="2.0"><channel>
            <item><title>Polres Muara Enim Amankan Pleno</title><link>{b}/berita/a1?utm_source=rss</link>
                  <pubDate>Sat, 30 Nov 2024 14:25:00 +0700</pubDate></item>
            <item><title>Polres Muara Enim Amankan Pleno (AMP)</title><link>{b}/amp/berita/a1</link></item>
            <item><title>Pengamanan Pemilu Lama</title><link>{b}/berita/old</link>
                  <pubDate>Mon, 02 Jan 2023 10:00:00 +0700</pubDate></item>
            <item><title>Resep Pempek Kapal Selam</title><link>{b}/kuliner/pempek</link></item>
            <item><title>Pleno Tiga Halaman</title><link>{b}/berita/multi</link></item>
            <item><title>Rahasia</title><link>{b}/private/secret</link></item>
            <item><title>Polisi siaga 503</title><link>{b}/berita/flaky503</link></item>
            <item><title>Polisi siaga 429</title><link>{b}/berita/limited</link></item>
            <item><title>Polisi siaga reset</title><link>{b}/berita/reset</link></item>
            <item><title>Polisi siaga gzip</title><link>{b}/berita/gz</link></item>
            <item><title>Polisi siaga charset</title><link>{b}/berita/cp1252</link></item>
            <item><title>Polisi siaga alias</title><link>{b}/berita/alias</link></item>
            </channel></rss>""".encode(), ctype="application/rss+xml")
        r["/sitemap.xml"] = html(f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            <url><loc>{b}/berita/a2</loc><news:news><news:publication_date>2024-11-29</news:publication_date>
                 <news:title>Pengawalan Logistik Pilkada</news:title></news:news></url>
            <url><loc>{b}/berita/down</loc><lastmod>2024-11-29</lastmod></url>
            <url><loc>{b}/files/laporan-pilkada.pdf</loc></url>
            <url><loc>{b}/berita/huge</loc></url>
            <url><loc>{b}/berita/loop</loc></url>
            </urlset>""".encode(), ctype="application/xml")
        r["/tag/pilkada"] = html(f'<a href="{b}/berita/listed">x</a><a href="/about">about</a>'.encode())
        self.etag_hits = 0

        def a1(h, n):
            if h.headers.get("If-None-Match") == '"a1-v1"':
                self.etag_hits += 1
                h.send_response(304)
                h.send_header("ETag", '"a1-v1"')
                h.end_headers()
                return
            send(h, 200, article_html(1), headers={"ETag": '"a1-v1"'})
        r["/berita/a1"] = a1
        r["/berita/a2"] = html(article_html(2))
        r["/berita/listed"] = html(article_html(3))
        r["/kuliner/pempek"] = html(article_html(4, title="Resep Pempek Kapal Selam"))
        r["/berita/old"] = html(article_html(5))
        parts = {1: "BAGIAN-SATU.", 2: "BAGIAN-DUA.", 3: "BAGIAN-TIGA."}

        def multi(h, n):
            k = int(h.path.split("page=")[1]) if "page=" in h.path else 1
            nav = "".join(f'<a href="/berita/multi?page={j}">{j}</a>' for j in (1, 2, 3) if j != k)
            nxt = f'<a href="/berita/multi?page={k + 1}">Halaman selanjutnya</a>' if k < 3 else ""
            paras = story(6, parts[k]) if k == 1 else [f"Lanjutan bagian {k}: {parts[k]} " + story(6)[1]]
            send(h, 200, article_html(6, paras=paras, tail=f'<div class="pagination">{nav}{nxt}</div>'))
        r["/berita/multi"] = multi
        r["/private/secret"] = html(article_html(7))
        r["/berita/flaky503"] = lambda h, n: send(h, 503, b"busy") if n == 1 else send(h, 200, article_html(8))
        r["/berita/limited"] = lambda h, n: send(h, 429, b"", headers={"Retry-After": "0"}) if n == 1 \
            else send(h, 200, article_html(9))
        r["/berita/reset"] = lambda h, n: reset(h) if n == 1 else send(h, 200, article_html(10))
        gz = gzip.compress(article_html(11))
        r["/berita/gz"] = lambda h, n: send(h, 200, gz[:-40] if n == 1 else gz, headers={"Content-Encoding": "gzip"})
        r["/berita/cp1252"] = html(article_html(0, charset="cp1252").replace(b'charset="cp1252"', b'charset="x"'),
                                   ctype="text/html; charset=utf-8")
        r["/berita/alias"] = html(article_html(2, head=f'<link rel="canonical" href="{b}/berita/a2">'))
        r["/berita/down"] = lambda h, n: send(h, 500, b"error")
        r["/files/laporan-pilkada.pdf"] = html(b"%PDF-1.7 ...", ctype="application/pdf")
        r["/berita/huge"] = html(b"<html><body>" + b"<p>x</p>" * 20_000 + b"</body></html>")
        r["/berita/loop"] = lambda h, n: send(h, 302, b"", headers={"Location": "/berita/loop2"})
        r["/berita/loop2"] = lambda h, n: send(h, 302, b"", headers={"Location": "/berita/loop"})

    def source(self, **kw) -> Source:
        return Source("Warta Uji", home=self.base + "/", region="Sumatera Selatan", feeds=(self.base + "/feed.xml",),
                      sitemaps=(self.base + "/sitemap.xml",),
                      listings=(Listing(self.base + "/tag/pilkada", r"/berita/", 2, "page"),), **kw)

    def settings(self, **kw) -> Settings:
        return Settings(rate_limit=200.0, per_host=2, concurrency=4, retries=2, backoff=0.01, timeout=3.0,
                        total_timeout=5.0, max_bytes=100_000, sources=(self.source(),)).replace(**kw)


STORED = {"a1", "a2", "listed", "multi", "flaky503", "limited", "reset", "gz", "cp1252", "kuliner/pempek"}
FAILED = {"private/secret": "RobotsDisallowed", "berita/down": "HTTPStatusError",
          "files/laporan-pilkada.pdf": "ContentTypeError", "berita/huge": "BodyTooLarge", "berita/loop": "RedirectError"}


def path(url: str) -> str:
    return url.split("://", 1)[1].split("/", 1)[1]


def short(url: str) -> str:
    p = path(url)
    return p[len("berita/"):] if p.startswith("berita/") and p.count("/") == 1 else p


@pytest.fixture
def site():
    with start(Server()) as server:
        yield Site(server)


def articles(db) -> dict[str, tuple]:
    with Store(db) as st:
        return {short(r["url"]): (r["text_hash"], r["title"]) for r in st.db["articles"].rows}


def test_crawl_stores_each_article_once_and_records_every_fault(site, tmp_path):
    db = tmp_path / "c.db"
    with Store(db) as store:
        s, _ = run_batch(site.settings(), store, since="2024-11-01")
        arts = {short(r["url"]): r for r in store.db["articles"].rows}
        errors = {(path(r["url"]), r["stage"], r["error_type"]) for r in store.db["errors"].rows}
        states = {short(r["url"]): r for r in store.db["urls"].rows if r["kind"] == "article"}
    assert set(arts) == STORED  # old (out of window) never queued; alias -> a2; AMP/tracking -> a1
    assert errors == {(u, "fetch", t) for u, t in FAILED.items()}
    assert (s.disallowed, s.failed, s.errors) == (1, 4, 5)
    assert s.fetched + s.duplicates == len(STORED) + 1  # the alias is fetched once, as a2 or as itself
    text = arts["multi"]["text"]
    assert all(text.count(p) == 1 for p in ("BAGIAN-SATU", "BAGIAN-DUA", "BAGIAN-TIGA"))
    assert "Halaman selanjutnya" not in text
    assert site.s.hits["/berita/multi"] == 3 and site.s.hits["/berita/a1"] == 1 and site.s.hits["/berita/old"] == 0
    assert "\u201cKami pastikan" in arts["cp1252"]["text"]  # wrong charset header: still read right
    assert arts["a1"]["published"].startswith("2024-11-30")
    assert states["down"]["status"] == "failed" and states["down"]["retryable"] == 1
    assert states["files/laporan-pilkada.pdf"]["retryable"] == 0 and states["private/secret"]["status"] == "disallowed"
    # a2 and its alias: whichever is fetched first stands for both (both, when in flight together)
    done = {k for k in STORED if states[k]["status"] == "done"}
    assert done | {"a2"} == STORED and states["a2"]["status"] in ("done", "duplicate")
    assert states["alias"]["canonical"].endswith("/berita/a2")
    assert "done" in (states["a2"]["status"], states["alias"]["status"])
    warcs = list(default_archive_dir(db).glob("*.warc.gz"))
    assert len(warcs) == 1 and all(states[k]["warc_file"] and states[k]["warc_offset"] for k in done)

    # the same articles, from the archive alone, into a fresh database
    code = main(["extract", "--from-archive", str(default_archive_dir(db)), "--db", str(tmp_path / "x.db")])
    assert code == 0 and articles(tmp_path / "x.db") == articles(db)

    # a second run fetches nothing stored again; the 500 is retried, the rest is skipped
    hits = dict(site.s.hits)
    with Store(db) as store:
        s2, _ = run_batch(site.settings(), store, since="2024-11-01")
        down = store.frontier.status(site.base + "/berita/down")
    assert (s2.fetched, s2.stored, s2.failed, s2.disallowed) == (0, 0, 1, 0)
    assert down["attempts"] == 2
    assert {p: site.s.hits[p] - hits.get(p, 0) for p in site.s.hits if p.startswith("/berita/") and
            site.s.hits[p] != hits.get(p, 0)} == {"/berita/down": 3}
    assert articles(db) == articles(tmp_path / "x.db")


def test_refresh_sends_conditional_requests(site, tmp_path):
    db = tmp_path / "c.db"
    with Store(db) as store:
        run_batch(site.settings(), store, since="2024-11-01")
        before = store.counts()
        s, _ = run_batch(site.settings(), store, since="2024-11-01", refresh=True)
        after = store.counts()
    assert site.etag_hits == 1 and s.not_modified == 1
    assert {k: v for k, v in before.items() if k not in ("runs", "errors")} == \
        {k: v for k, v in after.items() if k not in ("runs", "errors")}


def test_dry_run_lists_and_writes_nothing(site, tmp_path):
    db = tmp_path / "c.db"
    with Store(db) as store:
        _, planned = run_batch(site.settings(keyword_filter=True), store, since="2024-11-01", dry_run=True)
        assert store.db["urls"].count == 0 and store.db["runs"].count == 0
    names = {short(u) for u in planned}
    assert "kuliner/pempek" not in names and "old" not in names  # keyword filter, date window
    assert {"a1", "multi", "a2", "listed", "alias"} <= names and not default_archive_dir(db).exists()


def test_stats_errors_shows_per_url_errors(site, tmp_path, capsys):
    db = tmp_path / "c.db"
    with Store(db) as store:
        run_batch(site.settings(), store, since="2024-11-01")
    capsys.readouterr()
    assert main(["stats", "--errors", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "disallowed by robots.txt" in out and "HTTP 500" in out and "redirect loop" in out


def test_killed_archive_tail_is_tolerated(site, tmp_path, capsys):
    db = tmp_path / "c.db"
    with Store(db) as store:
        run_batch(site.settings(), store, since="2024-11-01")
    warc = next(default_archive_dir(db).glob("*.warc.gz"))
    data = warc.read_bytes()
    warc.write_bytes(data[:-200])  # as if killed while writing the last record
    code = main(["extract", "--from-archive", str(warc), "--db", str(tmp_path / "x.db")])
    assert code == 0
    got = articles(tmp_path / "x.db")
    assert len(got) >= len(STORED) - 1 and set(got) <= STORED


def test_foreign_warc_is_a_source(tmp_path):
    """A Common-Crawl-News-like WARC (no pantau records): every HTML 200 response is an article."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "CC-NEWS-20241130.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for i, (url, ctype, status, body) in enumerate([
            ("https://a.example/berita/1", "text/html; charset=utf-8", "200 OK", article_html(1)),
            ("https://b.example/news/2", "text/html", "200 OK", article_html(2)),
            ("https://b.example/doc.pdf", "application/pdf", "200 OK", b"%PDF-1.4"),
            ("https://b.example/gone", "text/html", "404 Not Found", b"<html>gone</html>"),
        ]):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    db = tmp_path / "w.db"
    with Store(db) as store:
        summary = ingest(store, read_local(path))
        urls = {r["url"] for r in store.db["articles"].rows}
    assert urls == {"https://a.example/berita/1", "https://b.example/news/2"} and summary.errors == 0


def test_crawl_settings_are_checked():
    from extractor.config import settings_from_dict
    from extractor.errors import ConfigError

    s = settings_from_dict({"settings": {"keyword_filter": True, "keywords": ["pilkada", "tps"], "max_pages": 3,
                                         "user_agent": "pantau/0.1 (+https://lab.example/pantau)"}})
    assert s.keyword_filter and s.keywords == ("pilkada", "tps") and s.max_pages == 3
    for bad in ({"user_agent": "Mozilla/5.0"}, {"user_agent": "pantau/0.1"}, {"keyword_filter": "yes"},
                {"keywords": []}, {"max_pages": 0}, {"total_timeout": -1}):
        with pytest.raises(ConfigError):
            settings_from_dict({"settings": bad})
