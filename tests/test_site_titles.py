"""Site affixes of titles learned per host across a run (extractor/site_titles.py): pages of one host whose
titles share an affix no single page reveals (no domain, no og:site_name, no <h1>), through ingest of a WARC
and through a crawl on a real local server; another host's titles are left alone."""

from __future__ import annotations

import io
import random

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.config import Settings
from extractor.html import article_from_html
from extractor.inputs import RawPage, read_local
from extractor.run import ingest, run_batch
from extractor.site_titles import learned, with_site_titles
from extractor.store import Store
from extractor.types import Source

from .localserver import Server, send

AFFIX = "Kabar Nusantara Kita"
HEADLINES = ["Polres Lahat Siagakan 300 Personel di TPS Rawan", "Kotak Suara Tiba di Gudang KPU Muara Enim",
             "Banjir di Palembang - Warga Mengungsi ke Masjid", "Bawaslu Temukan Dugaan Politik Uang di Prabumulih"]
PARA = ("Kapolres memimpin apel pengamanan tahapan pemilihan kepala daerah di halaman Mapolres pada Sabtu pagi "
        "bersama ratusan personel gabungan dari unsur TNI, Satpol PP dan Dinas Perhubungan setempat.")


def page(title: str, i: int = 0) -> bytes:
    """A page of the host: the affix only in <title> and og:title, no <h1>, no og:site_name."""
    return (f'<html><head><meta charset="utf-8"><title>{title}</title><meta content="{title}" property="og:title">'
            f'<meta property="article:published_time" content="2024-11-2{i}T10:00:00+07:00"></head><body>'
            f'<div class="isi"><p>{PARA}</p><p>Berita nomor {i}: {PARA}</p></div></body></html>').encode()


def host_pages(base: str) -> dict[str, bytes]:
    return {f"{base}/berita/{i}": page(f"{h} - {AFFIX}", i) for i, h in enumerate(HEADLINES)}


def test_no_single_page_reveals_the_affix():
    for url, raw in host_pages("https://kanusa.example").items():
        assert article_from_html(raw, url).title.endswith(f" - {AFFIX}")


def test_affixes_are_learned_per_host_in_any_order():
    items = [RawPage(u, raw) for u, raw in host_pages("https://kanusa.example").items()]
    other = [RawPage(f"https://lain.example/{i}", page(f"{h} - Portal Lain", i)) for i, h in enumerate(HEADLINES[:2])]
    want = {"kanusa.example": (AFFIX,)}
    assert learned(items + other) == want  # two pages of a host are too few to learn from
    shuffled = items + other
    random.Random(7).shuffle(shuffled)
    assert learned(shuffled) == want
    # the first page gets the affixes as the last; a one-shot iterator passes through unchanged
    got = list(with_site_titles(items))
    assert [x.title_affixes for x in got] == [(AFFIX,)] * len(items)
    assert [x.title_affixes for x in with_site_titles(iter(items))] == [()] * len(items)


def test_ingest_of_a_warc_strips_the_learned_affix_from_every_title(tmp_path):
    path = tmp_path / "CC-NEWS-20241130.warc.gz"
    pages = {**host_pages("https://www.kanusa.example"),
             "https://lain.example/berita/9": page(f"Harga Cabai Naik Lagi - {AFFIX}", 9)}
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for url, body in pages.items():
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http))
    with Store(tmp_path / "w.db") as store:
        summary = ingest(store, read_local(path))
        titles = {r["url"]: r["title"] for r in store.db["articles"].rows}
    assert summary.errors == 0
    assert {u: t for u, t in titles.items() if "kanusa" in u} == \
        {f"https://www.kanusa.example/berita/{i}": h for i, h in enumerate(HEADLINES)}
    # one page of another host: nothing to learn from, its title stays as the page gives it
    assert titles["https://lain.example/berita/9"] == f"Harga Cabai Naik Lagi - {AFFIX}"


def test_a_crawl_strips_the_learned_affix_from_every_title(tmp_path):
    with Server() as server:
        b = server.base
        items = "".join(f"<item><title>x</title><link>{b}/berita/{i}</link>"
                        f"<pubDate>Sat, 2{i} Nov 2024 10:00:00 +0700</pubDate></item>" for i in range(len(HEADLINES)))
        server.routes["/feed.xml"] = lambda h, n: send(h, 200, f'<?xml version="1.0"?><rss version="2.0"><channel>'
                                                               f"{items}</channel></rss>".encode(), "application/rss+xml")
        server.routes["/robots.txt"] = lambda h, n: send(h, 200, b"User-agent: *\n", "text/plain")
        for url, raw in host_pages(b).items():
            server.routes[url[len(b):]] = (lambda body: lambda h, n: send(h, 200, body))(raw)
        settings = Settings(rate_limit=200.0, per_host=2, concurrency=4, retries=1, backoff=0.01, timeout=3.0,
                            total_timeout=5.0, sources=(Source("Kabar Uji", home=b + "/", feeds=(b + "/feed.xml",)),))
        with Store(tmp_path / "c.db") as store:
            summary, _ = run_batch(settings, store, since="2024-11-01")
            titles = {r["url"]: r["title"] for r in store.db["articles"].rows}
    assert summary.stored == len(HEADLINES)
    assert titles == {f"{b}/berita/{i}": h for i, h in enumerate(HEADLINES)}
