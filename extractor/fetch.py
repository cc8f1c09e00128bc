"""Polite asynchronous HTTP fetching: the public front over the politeness
and transport layers (as httpx keeps its client over its transports).

:class:`Fetcher` follows redirects by hand (at most ``max_redirects``, loops
stopped at once) so every hop passes robots.txt and the host's turn
(:mod:`extractor.politeness`), and retries what may pass (timeouts,
connection errors, a reset mid-body, truncated or corrupt compressed bodies,
5xx, 429; see :mod:`extractor.transport`) ``retries`` times with exponential
backoff and jitter, waiting at least what ``Retry-After`` asked. An article
page's charset comes from the header, a ``<meta>`` tag, or detection
(:func:`choose_encoding`).

Every failure is a :class:`~extractor.errors.FetchError` subclass, with the
original error as ``__cause__``.
"""

from __future__ import annotations

import asyncio
import codecs
import random
import re
from dataclasses import replace
from typing import Optional
from urllib.parse import urljoin, urlsplit

from .config import Settings
from .errors import FetchError, Msg, RedirectError, RobotsDisallowed
from .politeness import Politeness
from .transport import REDIRECTS, Response, Retryable, Transport, carries_body

_ROBOTS_MAX_BYTES = 500_000


class Fetcher:
    """Use as ``async with Fetcher(settings) as f: page = await f.fetch(url)``.

    ``rate_for`` maps a host (``netloc``) to its own requests per second.
    ``stats`` counts requests, retries and robots refusals.
    """

    def __init__(self, settings: Settings, *, rate_for: Optional[dict[str, float]] = None):
        self.settings = settings
        self.transport = Transport(settings)
        self.politeness = Politeness(settings, self._robots_txt, rate_for)
        self.stats = {"requests": 0, "retries": 0, "robots_disallowed": 0}

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.transport.aclose()

    async def fetch(self, url: str, *, html_only: bool = True, etag: str = "", last_modified: str = "",
                    source: str = "", max_bytes: Optional[int] = None) -> Response:
        """One URL, redirects followed. Raises a FetchError subclass on any
        failure; a 304 (``etag``/``last_modified`` given) comes back as a
        Response with status 304 and an empty body. ``html_only``: an article
        page, which must be HTML and gets its charset chosen."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        resp = await self._follow(url, headers, html_only=html_only, max_bytes=max_bytes or self.settings.max_bytes)
        encoding = resp.encoding
        if html_only and carries_body(resp.status):
            encoding = choose_encoding(resp.body, encoding)
        return replace(resp, source=source, encoding=encoding)

    async def _robots_txt(self, url: str) -> Response:
        return await self._follow(url, {}, html_only=False, max_bytes=_ROBOTS_MAX_BYTES, check_robots=False)

    async def _follow(self, url: str, headers: dict, *, html_only: bool, max_bytes: int,
                      check_robots: bool = True) -> Response:
        seen = [url]
        current = url
        for _ in range(self.settings.max_redirects + 1):
            if check_robots and not await self.politeness.allowed(current):
                self.stats["robots_disallowed"] += 1
                raise RobotsDisallowed(Msg.FETCH_ROBOTS.format(url=current), url=url)
            resp = await self._request(current, headers if current == url else {}, html_only, max_bytes)
            if resp.status not in REDIRECTS:
                return replace(resp, url=url, redirects=tuple(seen[:-1]))
            location = next((v for k, v in resp.headers if k.lower() == "location"), "")
            target = urljoin(current, location.strip())
            if not location.strip() or urlsplit(target).scheme not in ("http", "https"):
                raise RedirectError(Msg.FETCH_REDIRECT_BAD.format(url=url, target=location), url=url)
            target = target.split("#")[0]
            if target in seen:
                raise RedirectError(Msg.FETCH_REDIRECT_LOOP.format(url=url, target=target), url=url)
            seen.append(target)
            current = target
        raise RedirectError(Msg.FETCH_REDIRECTS.format(url=url, limit=self.settings.max_redirects), url=url)

    async def _request(self, url: str, headers: dict, html_only: bool, max_bytes: int) -> Response:
        """One URL without redirects, each attempt at the host's turn, with retries."""
        attempt = 0
        while True:
            attempt += 1
            try:
                async with self.politeness.turn(url):
                    self.stats["requests"] += 1
                    try:
                        return await self.transport.get(url, headers, html_only=html_only, max_bytes=max_bytes)
                    except Retryable as retry:
                        if retry.wait is not None:  # before the slot is free for the host's next request
                            self.politeness.pause(url, retry.wait)
                        raise
            except Retryable as retry:
                if attempt > self.settings.retries:
                    raise retry.error from retry.error.__cause__
                await self._backoff(attempt, retry.wait)

    async def _backoff(self, attempt: int, retry_after: Optional[float]) -> None:
        s = self.settings
        self.stats["retries"] += 1
        delay = min(s.backoff_max, s.backoff * 2 ** (attempt - 1)) * (0.5 + random.random())
        if retry_after is not None:
            delay = max(delay, retry_after)
        await asyncio.sleep(delay)


# --------------------------------------------------------------------------- charsets
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_SINGLE_BYTE_WESTERN = {"latin-1", "iso8859-1", "cp1252", "ascii", "iso8859-15"}


def _codec(name: Optional[str]) -> Optional[str]:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip()).name
    except LookupError:
        return None


def meta_charset(body: bytes) -> Optional[str]:
    m = _META_CHARSET.search(body[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def choose_encoding(body: bytes, declared: Optional[str] = None) -> str:
    """The charset of an HTML body: a byte-order mark, else the declared
    (header) charset, else a ``<meta>`` charset, else UTF-8, else
    windows-1252 when the bytes fit it, else detection.
    A declared charset the bytes cannot be decoded with is passed over, and
    a declared Western single-byte charset (latin-1, windows-1252, ascii) on
    bytes that are valid UTF-8 with non-ASCII characters is taken for the
    misconfiguration it nearly always is."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    utf8_ok = _decodes(body, "utf-8")
    for cand in (_codec(declared), _codec(meta_charset(body))):
        if not cand or not _decodes(body, cand):
            continue
        if cand in _SINGLE_BYTE_WESTERN and utf8_ok and not body.isascii():
            return "utf-8"
        return cand
    if utf8_ok:
        return "utf-8"
    if _decodes(body, "cp1252"):  # Indonesian is Latin script: windows-1252 (what browsers read latin-1 as)
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    return _codec(best.encoding) or "cp1252" if best else "cp1252"


def _decodes(body: bytes, codec: str) -> bool:
    try:
        body.decode(codec)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def decode_html(body: bytes, declared: Optional[str] = None) -> str:
    return body.decode(choose_encoding(body, declared), "replace")
