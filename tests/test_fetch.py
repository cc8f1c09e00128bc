"""Fetching against a real local HTTP server: retries, robots, content type,
size limits, injected network faults, charsets, redirects, conditional
requests, politeness, and discovery. No mocks: every fault is produced by the
server on the wire (sleeps, resets, truncated gzip, wrong headers)."""

import asyncio
import gzip
import socket
import struct
import time

import httpx
import pytest

from extractor.config import Settings
from extractor.errors import (BodyTooLarge, ContentTypeError, FetchError, HTTPStatusError, RedirectError,
                             RobotsDisallowed)
from extractor.fetch import Fetcher
from extractor.sources import canonical_url, discover
from extractor.types import Listing, Source

from .localserver import Server, page, send

HTML = b"<html><body><article><p>Isi berita.</p></article></body></html>"
FAST = Settings(rate_limit=1000.0, retries=2, timeout=2.0, max_bytes=10_000, backoff=0.02, total_timeout=5.0)


def fetch(url, settings=FAST, **kw):
    async def go():
        async with Fetcher(settings) as f:
            return await f.fetch(url, **kw)
    return asyncio.run(go())


def quick_server() -> Server:
    """The local server, polling for shutdown every 20 ms instead of 500."""
    import threading

    s = Server()
    s.thread = threading.Thread(target=s.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    return s


@pytest.fixture
def server():
    with quick_server() as s:
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
    assert err.value.retryable
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


# --------------------------------------------------------------------------- injected faults
ARTICLE = ("<html><head><title>Polres Amankan Pleno</title></head><body><article><p>"
           + "Kapolres menegaskan situasi “aman” dan kondusif selama pleno rekapitulasi suara. " * 4
           + "</p></article></body></html>")


def reset(h, sent: bytes = b"", length: int = 1000):
    """Headers promising ``length`` bytes, ``sent`` of them, then a TCP reset."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(length))
    h.end_headers()
    h.wfile.write(sent)
    h.wfile.flush()
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def test_timeout_then_success(server):
    def slow_once(h, n):
        if n == 1:
            time.sleep(1.0)
        send(h, 200, HTML)
    server.routes["/t"] = slow_once
    got = fetch(server.base + "/t", FAST.replace(timeout=0.3))
    assert got.body == HTML and server.hits["/t"] == 2


def test_timeout_every_time_is_a_retryable_fetch_error(server):
    server.routes["/t"] = lambda h, n: (time.sleep(0.8), send(h, 200, HTML))
    with pytest.raises(FetchError) as err:
        fetch(server.base + "/t", FAST.replace(timeout=0.2, retries=1))
    assert isinstance(err.value.__cause__, httpx.TimeoutException) and err.value.retryable
    assert server.hits["/t"] == 2


def test_slow_body_hits_the_response_deadline_then_recovers(server):
    def trickle(h, n):
        if n > 1:
            return send(h, 200, HTML)
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "40")
        h.end_headers()
        for _ in range(40):  # each byte well inside the read timeout, the whole far beyond the deadline
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.05)
    server.routes["/slow"] = trickle
    got = fetch(server.base + "/slow", FAST.replace(timeout=1.0, total_timeout=0.5))
    assert got.body == HTML and server.hits["/slow"] == 2


def test_slow_body_every_time_is_recorded_as_a_deadline(server):
    def trickle(h, n):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "40")
        h.end_headers()
        for _ in range(40):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.05)
    server.routes["/slow"] = trickle
    with pytest.raises(FetchError, match="no complete response within"):
        fetch(server.base + "/slow", FAST.replace(timeout=1.0, total_timeout=0.4, retries=1))


def test_429_retry_after_is_waited_for(server):
    times = []

    def limited(h, n):
        times.append(time.monotonic())
        if n == 1:
            return send(h, 429, b"", headers={"Retry-After": "1"})
        send(h, 200, HTML)
    server.routes["/r"] = limited
    assert fetch(server.base + "/r").status == 200
    assert times[1] - times[0] >= 0.95  # politeness: never earlier than the server asked


def test_429_retry_after_too_long_ends_the_attempt(server):
    server.routes["/r"] = lambda h, n: send(h, 429, b"", headers={"Retry-After": "3600"})
    with pytest.raises(HTTPStatusError, match="wait 3600") as err:
        fetch(server.base + "/r", FAST.replace(max_retry_after=5.0))
    assert err.value.retryable and server.hits["/r"] == 1


def test_503_with_http_date_retry_after(server):
    import email.utils

    server.routes["/d"] = lambda h, n: send(h, 503, b"", headers={
        "Retry-After": email.utils.formatdate(time.time() + 0.2, usegmt=True)}) if n == 1 else send(h, 200, HTML)
    assert fetch(server.base + "/d").status == 200


def test_connection_reset_mid_body_then_success(server):
    server.routes["/reset"] = lambda h, n: reset(h, b"<html>partial") if n == 1 else send(h, 200, HTML)
    got = fetch(server.base + "/reset")
    assert got.body == HTML and server.hits["/reset"] == 2


def test_connection_reset_every_time_is_a_fetch_error(server):
    server.routes["/reset"] = lambda h, n: reset(h, b"<html>partial")
    with pytest.raises(FetchError) as err:
        fetch(server.base + "/reset")
    assert err.value.retryable and isinstance(err.value.__cause__, httpx.HTTPError)
    assert server.hits["/reset"] == 3


def _gz(body: bytes, truncate: int = 0, status: int = 200):
    data = gzip.compress(body)
    if truncate:
        data = data[:-truncate]
    return lambda h: send(h, status, data, headers={"Content-Encoding": "gzip"})


def test_gzip_body_is_decoded(server):
    server.routes["/gz"] = lambda h, n: _gz(ARTICLE.encode())(h)
    assert fetch(server.base + "/gz").body == ARTICLE.encode()


def test_truncated_gzip_is_retried_then_succeeds(server):
    server.routes["/gz"] = lambda h, n: _gz(ARTICLE.encode(), truncate=30)(h) if n == 1 else _gz(ARTICLE.encode())(h)
    assert fetch(server.base + "/gz").body == ARTICLE.encode() and server.hits["/gz"] == 2


def test_truncated_gzip_every_time_is_an_error_not_a_short_page(server):
    server.routes["/gz"] = lambda h, n: _gz(ARTICLE.encode(), truncate=30)(h)
    with pytest.raises(FetchError, match="truncated or corrupt"):
        fetch(server.base + "/gz")


def test_gzip_bomb_stops_at_max_bytes(server):
    server.routes["/bomb"] = lambda h, n: _gz(b"<html>" + b" " * 2_000_000)(h)
    with pytest.raises(BodyTooLarge):
        fetch(server.base + "/bomb")


def test_oversized_body_without_content_length(server):
    def chunked(h, n):
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        for _ in range(5):
            chunk = b"<p>" + b"x" * 4000 + b"</p>"
            h.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        h.wfile.write(b"0\r\n\r\n")
    server.routes["/chunked"] = chunked
    with pytest.raises(BodyTooLarge):
        fetch(server.base + "/chunked")


@pytest.mark.parametrize("body,ctype,expect", [
    # header says UTF-8, bytes are windows-1252
    (ARTICLE.encode("cp1252"), "text/html; charset=utf-8", "cp1252"),
    # header says latin-1, bytes are UTF-8 (a common misconfiguration)
    (ARTICLE.encode("utf-8"), "text/html; charset=iso-8859-1", "utf-8"),
    # no charset in the header, the meta tag tells
    (ARTICLE.replace("<head>", '<head><meta charset="windows-1252">').encode("cp1252"), "text/html", "cp1252"),
    # no charset anywhere
    (ARTICLE.encode("utf-8"), "text/html", "utf-8"),
])
def test_charset_from_header_meta_or_detection(server, body, ctype, expect):
    server.routes["/c"] = page(body, ctype)
    got = fetch(server.base + "/c")
    assert got.encoding == expect
    assert "“aman”" in body.decode(got.encoding)


def test_charset_reaches_the_parsed_article(server):
    from extractor.html import article_from_html

    server.routes["/c"] = page(ARTICLE.encode("cp1252"), "text/html; charset=utf-8")
    got = fetch(server.base + "/c")
    assert "“aman”" in article_from_html(got.body, got.url, encoding=got.encoding).text


def test_redirects_followed_and_loops_stopped(server):
    server.routes["/old"] = lambda h, n: send(h, 301, b"", headers={"Location": "/new"})
    server.routes["/new"] = page(HTML)
    got = fetch(server.base + "/old")
    assert got.final_url == server.base + "/new" and got.redirects == (server.base + "/old",)
    server.routes["/a"] = lambda h, n: send(h, 302, b"", headers={"Location": "/b"})
    server.routes["/b"] = lambda h, n: send(h, 302, b"", headers={"Location": "/a"})
    with pytest.raises(RedirectError, match="loop") as err:
        fetch(server.base + "/a")
    assert not err.value.retryable and server.hits["/a"] == 1 and server.hits["/b"] == 1


def test_redirect_limit(server):
    for i in range(10):
        server.routes[f"/r{i}"] = (lambda k: lambda h, n: send(h, 302, b"", headers={"Location": f"/r{k + 1}"}))(i)
    with pytest.raises(RedirectError, match="more than 3 redirects"):
        fetch(server.base + "/r0", FAST.replace(max_redirects=3))
    assert server.hits["/r4"] == 0


def test_redirect_into_a_disallowed_path_is_not_followed(server):
    server.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /private/", "text/plain")
    server.routes["/go"] = lambda h, n: send(h, 302, b"", headers={"Location": "/private/x"})
    server.routes["/private/x"] = page(HTML)
    with pytest.raises(RobotsDisallowed):
        fetch(server.base + "/go")
    assert server.hits["/private/x"] == 0


def test_robots_for_pantau_by_name_and_unavailable_robots(server):
    server.routes["/robots.txt"] = page(b"User-agent: pantau\nDisallow: /\n\nUser-agent: *\nAllow: /", "text/plain")
    server.routes["/a"] = page(HTML)
    with pytest.raises(RobotsDisallowed):
        fetch(server.base + "/a")
    with quick_server() as other:  # robots.txt answering 503: nothing on the host is fetched, and it may be retried
        other.routes["/robots.txt"] = page(b"down", "text/plain", status=503)
        other.routes["/a"] = page(HTML)
        with pytest.raises(FetchError, match="robots.txt") as err:
            fetch(other.base + "/a")
        assert err.value.retryable and other.hits["/a"] == 0
    with quick_server() as third:  # no robots.txt (404): everything allowed
        third.routes["/a"] = page(HTML)
        assert fetch(third.base + "/a").status == 200


@pytest.mark.parametrize("body,ctype", [
    (b"%PDF-1.7 binary", "application/pdf"),
    (b"\x89PNG\r\n\x1a\nxxxx", "image/png"),
    (b"%PDF-1.7 binary", "text/html"),  # lying content type: sniffed
    (b"\xff\xd8\xff\xe0JFIF", ""),  # no content type
])
def test_pdf_and_images_are_refused(server, body, ctype):
    server.routes["/f"] = page(body, ctype) if ctype else (lambda h, n: (
        h.send_response(200), h.send_header("Content-Length", str(len(body))), h.end_headers(), h.wfile.write(body)))
    with pytest.raises(ContentTypeError) as err:
        fetch(server.base + "/f")
    assert not err.value.retryable and server.hits["/f"] == 1


def test_conditional_request_gives_304(server):
    def cond(h, n):
        if h.headers.get("If-None-Match") == '"v1"':
            h.send_response(304)
            h.send_header("ETag", '"v1"')
            h.end_headers()
            return
        send(h, 200, HTML, headers={"ETag": '"v1"', "Last-Modified": "Sat, 30 Nov 2024 10:00:00 GMT"})
    server.routes["/cond"] = cond
    first = fetch(server.base + "/cond")
    assert first.etag == '"v1"' and first.last_modified
    again = fetch(server.base + "/cond", etag=first.etag, last_modified=first.last_modified)
    assert again.status == 304 and again.body == b""
    assert dict(server.headers_seen[-1][1])["If-Modified-Since"] == first.last_modified


def test_requests_to_one_host_are_spaced_by_the_rate_limit(server):
    times = []
    server.routes["/robots.txt"] = page(b"User-agent: *\nAllow: /", "text/plain")

    def stamp(h, n):
        times.append(time.monotonic())
        send(h, 200, HTML)
    server.routes["/p"] = stamp

    async def go():
        async with Fetcher(FAST.replace(rate_limit=5.0, per_host=4, concurrency=8)) as f:
            await asyncio.gather(*(f.fetch(f"{server.base}/p?i={i}") for i in range(4)))
    asyncio.run(go())
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(times) == 4 and min(gaps) >= 0.18  # 5 req/s: never closer than 0.2 s (timer slack allowed)


def test_crawl_delay_in_robots_is_honoured(server):
    times = []
    server.routes["/robots.txt"] = page(b"User-agent: *\nCrawl-delay: 0.5\n", "text/plain")

    def stamp(h, n):
        times.append(time.monotonic())
        send(h, 200, HTML)
    server.routes["/p"] = stamp

    async def go():
        async with Fetcher(FAST) as f:
            for i in range(2):
                await f.fetch(f"{server.base}/p?i={i}")
    asyncio.run(go())
    assert times[1] - times[0] >= 0.45


# --------------------------------------------------------------------------- URLs and pages
def test_canonical_url_amp_tracking_and_ports():
    assert canonical_url("HTTPS://amp.X.example:443/berita/a?amp=1&fbclid=z&page=2") == "https://x.example/berita/a"
    assert canonical_url("https://x.example/berita/a/amp") == "https://x.example/berita/a"
    assert canonical_url("https://x.example/read?id=3&utm_campaign=x#c") == "https://x.example/read?id=3"


def test_site_and_keyword_filter():
    from extractor.config import DEFAULT_KEYWORDS
    from extractor.sources import keyword_filter, site

    assert site("https://sumsel.antaranews.com/x") == "antaranews.com"
    assert site("https://www.jambi.go.id/x") == "jambi.go.id" and site("http://127.0.0.1:8080/") == "127.0.0.1"
    match = keyword_filter(DEFAULT_KEYWORDS)
    assert match("", "https://x.example/berita/polres-muara-enim-amankan-pleno-rekapitulasi")
    assert match("Ratusan Personel Gabungan Siaga di TPS", "https://x.example/read/123")
    assert match("", "https://x.example/berita/jelang-unjuk-rasa-di-kpu")
    assert not match("Festival Pempek Palembang Ramai Pengunjung", "https://x.example/berita/festival-kuliner")


def test_next_page_and_canonical_links():
    """The crawler's next-page finder is the HTML stage's (one finder for both)."""
    from extractor.html import page_links

    base = "https://x.example/berita/pleno-aman"
    html = (b'<html><head><link rel="canonical" href="https://x.example/berita/pleno-aman"></head><body>'
            b'<a href="/berita/lain">Berita selanjutnya</a><a href="/berita/pleno-aman?page=2">2</a></body></html>')
    assert page_links(html, base, first=base, page=1) == (base, [base + "?page=2"])
    path_style = b'<a href="/berita/pleno-aman/3">3</a><a href="/berita/pleno-aman/2">2</a>'
    assert page_links(path_style, base, first=base, page=1)[1] == [base + "/2", base + "/3"]
    worded = b'<a href="/berita/pleno-aman-hal-2.html">Halaman selanjutnya</a>'
    assert page_links(worded, base, first=base, page=1)[1] == ["https://x.example/berita/pleno-aman-hal-2.html"]
    other = b'<a href="/berita/lain-lagi">Halaman selanjutnya</a><a href="https://y.example/berita/pleno-aman?page=2">2</a>'
    assert page_links(other, base, first=base, page=1) == ("", [])
    # from page 2, page 3 is next; page 1 and the all-on-one-page view are not
    page2 = (b'<a href="/berita/pleno-aman">1</a><a href="/berita/pleno-aman?page=3">3</a>'
             b'<a href="/berita/pleno-aman?page=all">Semua</a>')
    assert page_links(page2, base + "?page=2", first=base, page=2)[1] == [base + "?page=3"]
    assert page_links(b"", base) == ("", [])  # an unparsable page has neither


def test_listing_page_urls():
    from extractor.sources import listing_page_url

    assert listing_page_url(Listing("https://x.example/tag/pilkada?sort=new", "", 3, "page"), 2) == \
        "https://x.example/tag/pilkada?sort=new&page=2"
    assert listing_page_url(Listing("https://x.example/tag/pilkada/", "", 3, "/"), 3) == "https://x.example/tag/pilkada/3"
    assert listing_page_url(Listing("https://x.example/kategori", "", 3, "/page/"), 2) == \
        "https://x.example/kategori/page/2"
    assert listing_page_url(Listing("https://x.example/kategori", "", 3, "/page/"), 1) == "https://x.example/kategori"


def test_discovery_keyword_filter_gzipped_sitemap_and_pruned_index(server):
    b = server.base
    server.routes["/feed"] = page(f"""<rss><channel>
        <item><title>Polres Kawal Logistik Pilkada</title><link>{b}/berita/a</link></item>
        <item><title>Resep Pempek</title><link>{b}/kuliner/b</link></item></channel></rss>""".encode(),
                                  "application/rss+xml")
    server.routes["/index.xml"] = page(f"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <sitemap><loc>{b}/old.xml</loc><lastmod>2023-01-31</lastmod></sitemap>
        <sitemap><loc>{b}/new.xml.gz</loc><lastmod>2024-11-30</lastmod></sitemap></sitemapindex>""".encode(),
                                       "application/xml")
    server.routes["/new.xml.gz"] = page(gzip.compress(f"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>{b}/berita/pengamanan-tps</loc><lastmod>2024-11-27</lastmod></url></urlset>""".encode()),
                                        "application/x-gzip")
    from extractor.config import DEFAULT_KEYWORDS
    from extractor.sources import keyword_filter

    src = Source("t", feeds=(b + "/feed",), sitemaps=(b + "/index.xml",))

    async def go():
        async with Fetcher(FAST) as f:
            return await discover(src, f, since="2024-11-01", keywords=keyword_filter(DEFAULT_KEYWORDS))
    refs = asyncio.run(go())
    assert [r.url for r in refs] == [b + "/berita/a", b + "/berita/pengamanan-tps"]
    assert server.hits["/old.xml"] == 0


def test_listing_pagination_stops_at_a_page_with_nothing_new(server):
    server.routes["/tag"] = lambda h, n: send(h, 200, {
        "/tag": b'<a href="/berita/1">1</a><a href="/berita/2">2</a>',
    }[h.path.split("?")[0]] if "page=" not in h.path else (
        b'<a href="/berita/3">3</a>' if "page=2" in h.path else b'<a href="/berita/3">3</a><a href="/x">x</a>'))
    src = Source("t", listings=(Listing(server.base + "/tag", r"/berita/", 10, "page"),))

    async def go():
        async with Fetcher(FAST) as f:
            return await discover(src, f)
    refs = asyncio.run(go())
    assert [r.url.rsplit("/", 1)[1] for r in refs] == ["1", "2", "3"]
    assert server.hits["/tag"] == 3  # page 3 held nothing new: no page 4
