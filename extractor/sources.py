"""Discovery: from a configured :class:`~extractor.types.Source` to article
URLs (:class:`~extractor.types.PageRef`), via RSS/Atom feeds, XML sitemaps
(indexes and Google-News sitemaps with publication dates), listing pages
and plain URL lists. URLs are canonicalised (tracking parameters dropped)
so one article is fetched once; a date window drops what a feed or sitemap
dates outside it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Iterable, Optional
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from lxml import etree

from .errors import FetchError
from .fetch import Fetcher
from .types import PageRef, Source

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|ref|source|amp|_ga|mc_\w+|page)$", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """Drop tracking parameters and fragments, lower-case the host, map AMP
    paths (``/amp/...``, ``.../amp``) to the article."""
    parts = urlsplit(url.strip())
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = re.sub(r"/amp(?=/|$)", "", parts.path) or "/"
    host = parts.netloc.lower()
    if host.startswith("amp."):
        host = host[4:]
    return urlunsplit((parts.scheme.lower(), host, path, query, ""))


def _date(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    value = value.strip()
    m = re.match(r"\d{4}-\d{2}-\d{2}", value)
    if m:
        return m.group()
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


def _in_window(published: Optional[str], since: Optional[str], until: Optional[str]) -> bool:
    if not published:
        return True  # undated: keep, the article's own metadata decides later
    return (not since or published >= since) and (not until or published <= until)


def parse_feed(xml: bytes, base: str) -> list[tuple[str, Optional[str], str]]:
    """RSS 2.0 / Atom -> [(url, date, title)]."""
    root = etree.fromstring(xml, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    if root is None:
        return []
    out = []
    for item in root.iter("{*}item", "{*}entry"):
        link = item.findtext("{*}link") or ""
        if not link.strip():
            el = item.find("{*}link")
            link = el.get("href", "") if el is not None else ""
        date = item.findtext("{*}pubDate") or item.findtext("{*}published") or item.findtext("{*}updated") \
            or item.findtext("{*}date")
        if link.strip():
            out.append((urljoin(base, link.strip()), _date(date), (item.findtext("{*}title") or "").strip()))
    return out


def parse_sitemap(xml: bytes, base: str) -> tuple[list[str], list[tuple[str, Optional[str], str]]]:
    """Sitemap or sitemap index -> (child sitemaps, [(url, date, title)])."""
    root = etree.fromstring(xml, parser=etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    if root is None:
        return [], []
    children = [urljoin(base, (s.findtext("{*}loc") or "").strip()) for s in root.iter("{*}sitemap")]
    urls = []
    for u in root.iter("{*}url"):
        loc = (u.findtext("{*}loc") or "").strip()
        if not loc:
            continue
        date = u.findtext(".//{*}publication_date") or u.findtext("{*}lastmod")
        title = u.findtext(".//{*}title") or ""
        urls.append((urljoin(base, loc), _date(date), title.strip()))
    return [c for c in children if c], urls


async def discover(src: Source, fetcher: Fetcher, *, since: Optional[str] = None, until: Optional[str] = None,
                   errors: Optional[list] = None) -> list[PageRef]:
    """All article URLs a source announces, canonical and de-duplicated.
    Discovery failures are appended to ``errors`` as (url, exception)."""
    found: dict[str, PageRef] = {}

    def add(items: Iterable[tuple[str, Optional[str], str]]):
        for url, date, title in items:
            if not _in_window(date, since, until):
                continue
            c = canonical_url(url)
            if c not in found:
                found[c] = PageRef(c, src.name, date, title)

    async def get(url: str) -> Optional[bytes]:
        try:
            return (await fetcher.fetch(url, html_only=False, source=src.name)).body
        except FetchError as exc:
            if errors is not None:
                errors.append((url, exc))
            return None

    for feed in src.feeds:
        body = await get(feed)
        if body:
            add(parse_feed(body, feed))
    queue, seen = list(src.sitemaps), set()
    while queue and len(seen) < 50:
        sm = queue.pop(0)
        if sm in seen:
            continue
        seen.add(sm)
        body = await get(sm)
        if body:
            children, items = parse_sitemap(body, sm)
            queue.extend(children)
            add(items)
    for listing in src.listings:
        from .html import links

        for n in range(1, max(1, listing.pages) + 1):
            url = listing.url if n == 1 or not listing.page_param else _with_param(listing.url, listing.page_param, n)
            body = await get(url)
            if body:
                add((u, None, "") for u in links(body, url, listing.link_pattern))
    add((u, None, "") for u in src.urls)
    return list(found.values())


def _with_param(url: str, key: str, value: int) -> str:
    parts = urlsplit(url)
    q = dict(parse_qsl(parts.query))
    q[key] = str(value)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(q), ""))
