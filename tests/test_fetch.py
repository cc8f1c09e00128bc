"""Fetching against a real local HTTP server: retries, robots, content type,
size limits and discovery."""

import asyncio

import pytest

from extractor.config import Settings
from extractor.errors import BodyTooLarge, ContentTypeError, FetchError, HTTPStatusError, RobotsDisallowed
from extractor.fetch import Fetcher
from extractor.sources import canonical_url, discover
from extractor.types import Listing, Source

from .localserver import Server, page, send

HTML = b"<html><body><article><p>Isi berita.</p></article></body></html>"
FAST = Settings(rate_limit=1000.0, retries=2, timeout=2.0, max_bytes=10_000)


def fetch(url, settings=FAST, **kw):
    async def go():
        async with Fetcher(settings) as f:
            return await f.fetch(url, **kw)
    return asyncio.run(go())


@pytest.fixture
def server():
    with Server() as s:
        yield s


def test_ok_and_user_agent(server):
    server.routes["/a"] = page(HTML)
    got = fetch(server.base + "/a")
    assert got.status == 200 and got.body == HTML and got.content_type == "text/html"
    ua = dict(server.headers_seen)["/a"]["User-Agent"]
    assert ua.startswith("pantau/")


def test_retry_after_503_then_success(server):
    server.routes["/flaky"] = lambda h, n: send(h, 503, b"busy") if n < 2 else send(h, 200, HTML)
    assert fetch(server.base + "/flaky").status == 200
    assert server.hits["/flaky"] == 2


def test_429_honours_retry_after(server):
    server.routes["/slow"] = lambda h, n: send(h, 429, b"", headers={"Retry-After": "0"}) if n == 1 else send(h, 200, HTML)
    assert fetch(server.base + "/slow").status == 200


def test_gives_up_after_retries(server):
    server.routes["/down"] = page(b"down", status=500)
    with pytest.raises(HTTPStatusError) as err:
        fetch(server.base + "/down")
    assert err.value.status == 500 and server.hits["/down"] == 3


def test_404_is_not_retried(server):
    with pytest.raises(HTTPStatusError):
        fetch(server.base + "/missing")
    assert server.hits["/missing"] == 1


def test_robots_disallow(server):
    server.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /private/", "text/plain")
    server.routes["/private/a"] = page(HTML)
    with pytest.raises(RobotsDisallowed):
        fetch(server.base + "/private/a")
    assert server.hits["/private/a"] == 0


def test_non_html_and_oversized(server):
    server.routes["/doc.pdf"] = page(b"%PDF-1.4", "application/pdf")
    server.routes["/big"] = page(b"x" * 20_000)
    with pytest.raises(ContentTypeError):
        fetch(server.base + "/doc.pdf")
    with pytest.raises(BodyTooLarge):
        fetch(server.base + "/big")


def test_connection_refused_becomes_fetch_error():
    with pytest.raises(FetchError) as err:
        fetch("http://127.0.0.1:9/none", Settings(retries=0, timeout=1.0))
    assert err.value.__cause__ is not None


def test_canonical_url():
    assert canonical_url("https://X.example/amp/berita/a.html?utm_source=fb&id=3#top") == "https://x.example/berita/a.html?id=3"


def test_discovery_feed_sitemap_index_listing_and_window(server):
    b = server.base
    server.routes["/feed"] = page(f"""<rss><channel>
        <item><link>{b}/berita/1?utm_medium=rss</link><pubDate>Sat, 30 Nov 2024 10:00:00 +0700</pubDate></item>
        <item><link>{b}/berita/old</link><pubDate>Mon, 01 Jan 2024 10:00:00 +0700</pubDate></item>
        </channel></rss>""".encode(), "application/rss+xml")
    server.routes["/sitemap-index.xml"] = page(f"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>{b}/news.xml</loc></sitemap></sitemapindex>""".encode(), "application/xml")
    server.routes["/news.xml"] = page(f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>{b}/berita/2</loc>
        <news:news><news:publication_date>2024-11-29T08:00:00+07:00</news:publication_date>
        <news:title>Dua</news:title></news:news></url></urlset>""".encode(), "application/xml")
    server.routes["/tag/pilkada"] = page(b'<a href="/berita/3">3</a><a href="/about">x</a>')
    src = Source("t", feeds=(b + "/feed",), sitemaps=(b + "/sitemap-index.xml",),
                 listings=(Listing(b + "/tag/pilkada", r"/berita/"),), urls=(b + "/berita/1",))

    async def go():
        async with Fetcher(FAST) as f:
            return await discover(src, f, since="2024-11-01")
    refs = asyncio.run(go())
    assert [r.url for r in refs] == [b + "/berita/1", b + "/berita/2", b + "/berita/3"]
    assert refs[1].published == "2024-11-29" and refs[1].title == "Dua"
