"""A feed or sitemap that is not one (an HTML page served in its place,
garbage, a broken gzip) is a discovery error with its URL, and its crawl
state says failed, not done with zero URLs; a good document beside it is read."""

import asyncio
import gzip

import pytest

from extractor.config import Settings
from extractor.errors import DiscoveryError
from extractor.fetch import Fetcher
from extractor.run import run_batch
from extractor.sources import discover, parse_feed, parse_sitemap
from extractor.store import Store
from extractor.types import Source

from .localserver import Server, send

FAST = Settings(rate_limit=100.0, retries=0, timeout=3.0)


@pytest.fixture
def server():
    with Server() as s:
        b = s.base
        page = lambda body, ctype: (lambda h, n: send(h, 200, body, ctype))  # noqa: E731
        s.routes["/feed.xml"] = page(b"<!doctype html><html><body><p>Maaf, halaman tidak ditemukan</p></body></html>",
                                     "text/html")
        s.routes["/rss"] = page(f"<rss><channel><item><link>{b}/berita/1</link></item></channel></rss>".encode(),
                                "application/rss+xml")
        s.routes["/sitemap.xml"] = page(b"\x00\x01 not xml at all", "application/xml")
        s.routes["/sitemap.xml.gz"] = page(b"\x1f\x8b" + b"broken gzip", "application/x-gzip")
        yield s


def test_a_document_that_is_not_a_feed_or_sitemap_is_an_error(server):
    b = server.base
    src = Source("t", feeds=(b + "/feed.xml", b + "/rss"), sitemaps=(b + "/sitemap.xml", b + "/sitemap.xml.gz"))

    async def go():
        errors: list = []
        async with Fetcher(FAST) as f:
            refs = await discover(src, f, errors=errors)
        return refs, errors

    refs, errors = asyncio.run(go())
    assert [r.url for r in refs] == [b + "/berita/1"]
    assert [(u.replace(b, ""), type(e).__name__) for u, e in errors] == [
        ("/feed.xml", "DiscoveryError"), ("/sitemap.xml", "DiscoveryError"), ("/sitemap.xml.gz", "DiscoveryError")]
    assert str(errors[0][1]) == f"{b}/feed.xml: not a readable feed: not XML"


def test_the_crawl_records_the_broken_feed_as_failed(server, tmp_path):
    b = server.base
    settings = FAST.replace(sources=(Source("t", feeds=(b + "/feed.xml",)),))
    with Store(tmp_path / "c.db") as store:
        summary, _ = run_batch(settings, store)
        row = store.frontier.status(b + "/feed.xml")
        errors = [(r["url"], r["stage"], r["error_type"]) for r in store.db["errors"].rows]
    assert summary.errors == 1 and row["status"] == "failed" and row["last_error"].endswith("not a readable feed: not XML")
    assert errors == [(b + "/feed.xml", "discover", "DiscoveryError")]


def test_parsers_accept_the_document_kinds_they_read():
    assert parse_feed(b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/a"/></entry></feed>',
                      "https://x.example/") == [("https://x.example/a", None, "")]
    assert parse_feed(b"<rss><channel></channel></rss>", "https://x.example/") == []  # empty, not broken
    sitemap = b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/b</loc></url></urlset>'
    assert parse_sitemap(gzip.compress(sitemap), "https://x.example/") == ([], [("https://x.example/b", None, "")])
    with pytest.raises(DiscoveryError, match="not a readable sitemap: its root element is <rss>"):
        parse_sitemap(b"<rss/>", "https://x.example/s.xml")
    with pytest.raises(DiscoveryError, match="not a readable feed: its root element is <html>"):
        parse_feed(b"<html><body><p>Halaman tidak ditemukan</p></body></html>", "https://x.example/feed")
