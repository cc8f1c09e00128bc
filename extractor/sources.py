"""Discovery: from a configured :class:`~extractor.types.Source` to article
URLs (:class:`~extractor.types.PageRef`), via RSS/Atom feeds, XML sitemaps
(indexes, gzipped sitemaps and Google-News sitemaps with publication dates
and titles), listing/tag/search pages with a link pattern and pagination,
and plain URL lists.

URLs are canonicalised (tracking parameters, fragments and AMP paths
dropped) so one article is fetched once. At discovery, a date window drops
what a feed or sitemap dates outside it (a sitemap index entry whose
``lastmod`` is before ``since`` is not even fetched), and the keyword filter
(when on) drops feed and sitemap items whose title and URL name no election
or security term; listing pages and URL lists are chosen by hand and are not
filtered.

An article page's ``rel=canonical`` and its further pages are read from the
fetched page by :func:`extractor.html.page_links`.
"""

from __future__ import annotations

import email.utils
import gzip
import re
import zlib
from typing import Callable, Iterable, Optional
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from .errors import DiscoveryError, FetchError, Msg, PantauError
from .fetch import Fetcher, Response
from .isodates import iso_date
from .types import Listing, PageRef, Source

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|yclid|igshid|ref|ref_src|source|amp|outputType|"
                       r"_ga|_gl|mc_\w+|page|utm)$", re.IGNORECASE)
_MAX_SITEMAPS = 200
DISCOVERY_MAX_BYTES = 50_000_000  # the sitemap protocol's own limit

#: (document URL, kind, response or None, refs kept from it); kind is feed, sitemap, listing or urls
OnDoc = Callable[[str, str, Optional[Response], list[PageRef]], None]


# --------------------------------------------------------------------------- URLs
def canonical_url(url: str) -> str:
    """Drop tracking parameters and fragments, lower-case the scheme and host,
    drop a default port, map AMP (``/amp/...``, ``.../amp``, ``amp.`` hosts,
    ``?amp=1``) to the article."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = re.sub(r"/amp(?=/|$)", "", parts.path) or "/"
    scheme = parts.scheme.lower()
    host = parts.netloc.lower()
    if host.startswith("amp."):
        host = host[4:]
    if (scheme, host.rsplit(":", 1)[-1]) in (("http", "80"), ("https", "443")):
        host = host.rsplit(":", 1)[0]
    return urlunsplit((scheme, host, path, query, ""))


def site(url: str) -> str:
    """The registrable part of a URL's host: ``sumsel.antaranews.com`` ->
    ``antaranews.com``, ``www.x.co.id`` -> ``x.co.id``."""
    host = urlsplit(url).hostname or ""
    labels = host.split(".")
    if re.fullmatch(r"[\d.]+", host) or len(labels) <= 2:
        return host
    if len(labels[-1]) == 2 and labels[-2] in ("co", "ac", "go", "or", "web", "my", "sch", "net", "com", "mil",
                                               "ponpes", "desa", "biz"):
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def keyword_filter(terms: Iterable[str]) -> Callable[[str, str], bool]:
    """``match(title, url)``: whether the title or the URL's words name a term."""
    alts = [t.strip().replace(" ", r"[\s_+-]+") for t in terms if t.strip()]
    rx = re.compile(r"(?<![^\W_])(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")", re.IGNORECASE)

    def match(title: str, url: str) -> bool:
        parts = urlsplit(url)
        words = re.sub(r"[/._=&?%]+", " ", f"{parts.path} {parts.query}")
        return bool(rx.search(title or "") or rx.search(words))

    return match


# --------------------------------------------------------------------------- feeds and sitemaps
def _date(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    value = value.strip()
    m = re.match(r"\d{4}-\d{2}-\d{2}", value)
    if m:
        return iso_date(m.group())  # None for a day no calendar has (2024-13-45)
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _in_window(published: Optional[str], since: Optional[str], until: Optional[str]) -> bool:
    if not published:
        return True  # undated: keep, the article's own metadata decides later
    return (not since or published >= since) and (not until or published <= until)


#: root elements of the documents discovery reads (local names)
_FEED_ROOTS = ("rss", "feed", "RDF")
_SITEMAP_ROOTS = ("urlset", "sitemapindex")


def _xml(data: bytes, base: str, kind: str, roots: tuple[str, ...]):
    """The root element of a feed or sitemap; DiscoveryError when the body is
    not XML, or not that kind of document (an HTML page served in its place)."""
    if data[:2] == b"\x1f\x8b":  # sitemap.xml.gz served as a file
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise DiscoveryError(Msg.DISCOVER_UNREADABLE.format(url=base, kind=kind, detail=f"bad gzip ({exc})"),
                                 url=base) from exc
    try:
        root = etree.fromstring(data, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                                                             huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(Msg.DISCOVER_UNREADABLE.format(url=base, kind=kind, detail=f"not XML ({exc})"),
                             url=base) from exc
    if root is None:
        raise DiscoveryError(Msg.DISCOVER_UNREADABLE.format(url=base, kind=kind, detail="not XML"), url=base)
    name = etree.QName(root).localname if isinstance(root.tag, str) else ""
    if name not in roots:
        detail = f"its root element is <{name}>"
        raise DiscoveryError(Msg.DISCOVER_UNREADABLE.format(url=base, kind=kind, detail=detail), url=base)
    return root


def parse_feed(xml: bytes, base: str) -> list[tuple[str, Optional[str], str]]:
    """RSS 2.0 / RSS 1.0 / Atom -> [(url, date, title)]. Raises DiscoveryError
    for a body that is not a feed."""
    root = _xml(xml, base, "feed", _FEED_ROOTS)
    out = []
    for item in root.iter("{*}item", "{*}entry"):
        link = item.findtext("{*}link") or ""
        if not link.strip():
            links = item.findall("{*}link")
            alt = [el for el in links if el.get("rel", "alternate") == "alternate"] or links
            link = alt[0].get("href", "") if alt else ""
        if not link.strip():
            link = item.findtext("{*}guid") or ""
        date = item.findtext("{*}pubDate") or item.findtext("{*}published") or item.findtext("{*}updated") \
            or item.findtext("{*}date")
        if link.strip().startswith(("http://", "https://", "/")):
            out.append((urljoin(base, link.strip()), _date(date), (item.findtext("{*}title") or "").strip()))
    return out


def parse_sitemap(xml: bytes, base: str) -> tuple[list[tuple[str, Optional[str]]], list[tuple[str, Optional[str], str]]]:
    """Sitemap or sitemap index -> ([(child sitemap, lastmod)], [(url, date, title)]).
    Google-News entries give their publication date and title. Raises
    DiscoveryError for a body that is not a sitemap."""
    root = _xml(xml, base, "sitemap", _SITEMAP_ROOTS)
    children = []
    for s in root.iter("{*}sitemap"):
        loc = (s.findtext("{*}loc") or "").strip()
        if loc:
            children.append((urljoin(base, loc), _date(s.findtext("{*}lastmod"))))
    urls = []
    for u in root.iter("{*}url"):
        loc = (u.findtext("{*}loc") or "").strip()
        if not loc:
            continue
        date = u.findtext(".//{*}publication_date") or u.findtext("{*}lastmod")
        title = u.findtext(".//{*}title") or ""
        urls.append((urljoin(base, loc), _date(date), title.strip()))
    return children, urls


def listing_page_url(listing: Listing, n: int) -> str:
    """Page ``n`` of a listing: ``page_param = "page"`` -> ``?page=n``;
    ``"/"`` -> ``.../n``; ``"/page/"`` -> ``.../page/n``."""
    if n == 1 or not listing.page_param:
        return listing.url
    if listing.page_param.startswith("/"):
        parts = urlsplit(listing.url)
        path = parts.path.rstrip("/") + listing.page_param.rstrip("/") + f"/{n}"
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
    parts = urlsplit(listing.url)
    q = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != listing.page_param]
    q.append((listing.page_param, str(n)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(q), ""))


# --------------------------------------------------------------------------- discovery
async def discover(src: Source, fetcher: Fetcher, *, since: Optional[str] = None, until: Optional[str] = None,
                   keywords: Optional[Callable[[str, str], bool]] = None, errors: Optional[list] = None,
                   validators: Optional[Callable[[str], tuple[str, str]]] = None,
                   on_doc: Optional[OnDoc] = None) -> list[PageRef]:
    """All article URLs a source announces, canonical and de-duplicated, in
    the order found. Discovery failures (a document that cannot be fetched,
    or is not the feed or sitemap it should be) are appended to ``errors`` as
    (url, exception). ``validators(url)`` gives a document's (etag, last_modified)
    for a conditional request; ``on_doc`` is told about every document
    fetched (a 304 comes with no refs: what it announced is known already)."""
    found: dict[str, PageRef] = {}

    def add(items: Iterable[tuple[str, Optional[str], str]], filtered: bool) -> list[PageRef]:
        new = []
        for url, date, title in items:
            if not url.startswith(("http://", "https://")) or not _in_window(date, since, until):
                continue
            if filtered and keywords is not None and not keywords(title, url):
                continue
            c = canonical_url(url)
            if c not in found:
                found[c] = PageRef(c, src.name, date, title)
                new.append(found[c])
        return new

    async def get(url: str) -> Optional[Response]:
        etag, lm = validators(url) if validators else ("", "")
        try:
            return await fetcher.fetch(url, html_only=False, source=src.name, etag=etag, last_modified=lm,
                                       max_bytes=DISCOVERY_MAX_BYTES)
        except FetchError as exc:
            failed(url, exc)
            return None

    def told(url: str, kind: str, resp: Optional[Response], refs: list[PageRef]) -> None:
        if on_doc is not None:
            on_doc(url, kind, resp, refs)

    def failed(url: str, exc: PantauError) -> None:
        if errors is not None:
            errors.append((url, exc))

    for feed in src.feeds:
        resp = await get(feed)
        if resp is None:
            continue
        try:
            items = parse_feed(resp.body, resp.final_url) if resp.status != 304 else []
        except DiscoveryError as exc:
            failed(feed, exc)
            continue
        told(feed, "feed", resp, add(items, True))
    queue: list[str] = list(src.sitemaps)
    seen: set[str] = set()
    while queue and len(seen) < _MAX_SITEMAPS:
        sm = queue.pop(0)
        if sm in seen:
            continue
        seen.add(sm)
        resp = await get(sm)
        if resp is None:
            continue
        refs: list[PageRef] = []
        if resp.status != 304:
            try:
                children, items = parse_sitemap(resp.body, resp.final_url)
            except DiscoveryError as exc:
                failed(sm, exc)
                continue
            queue.extend(c for c, lastmod in children if not (since and lastmod and lastmod < since))
            refs = add(items, True)
        told(sm, "sitemap", resp, refs)
    for listing in src.listings:
        from .html import links

        for n in range(1, max(1, listing.pages) + 1):
            url = listing_page_url(listing, n)
            resp = await get(url)
            if resp is None:
                break
            refs = add(((u, None, "") for u in links(resp.body, resp.final_url, listing.link_pattern)), False) \
                if resp.status != 304 else []
            told(url, "listing", resp, refs)
            if not refs:  # an empty or unchanged page: the pages after it hold nothing new either
                break
    refs = add(((u, None, "") for u in src.urls), False)
    if src.urls:
        told("", "urls", None, refs)
    return list(found.values())
