"""Polite asynchronous HTTP fetching (httpx).

Per host: robots.txt (protego; its ``Crawl-delay`` is honoured when slower
than ours), at most ``per_host`` requests in flight and at most
``rate_limit`` requests per second (requests are spaced ``1/rate`` apart).
Overall: at most ``concurrency`` requests in flight.

Every request has connect/read timeouts and a deadline for the whole
response (``total_timeout``: a body trickling in slower than that fails).
Timeouts, connection errors (a reset mid-body included), truncated or
corrupt compressed bodies, 5xx and 429 are retried ``retries`` times with
exponential backoff and jitter; ``Retry-After`` is honoured and pauses the
whole host. Redirects are followed by hand (at most ``max_redirects``, loops
stopped at once) so every hop passes robots.txt and the host's rate limit.
Bodies over ``max_bytes`` (after decompression) end in :class:`BodyTooLarge`;
article fetches accept HTML only, judged by the content type and by the
first bytes (a PDF or an image served as ``text/html`` is refused too).
gzip and deflate are decoded here, so a truncated stream is an error, not a
silently shortened page. The charset comes from the header, a ``<meta>``
tag, or detection (:func:`extractor.encoding.detect`, shared with the HTML stage).

httpx errors are translated here into :class:`~extractor.errors.FetchError`
with the original as ``__cause__``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import random
import time
import zlib
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from .config import Settings
from .encoding import detect, header_charset, is_binary
from .errors import (BodyTooLarge, ContentTypeError, FetchError, HTTPStatusError, Msg, RedirectError,
                     RobotsDisallowed)
from .types import FetchedPage

HTML_TYPES = ("text/html", "application/xhtml+xml")
_REDIRECTS = (301, 302, 303, 307, 308)
_ROBOTS_MAX_BYTES = 500_000


@dataclass(frozen=True)
class Response(FetchedPage):
    """A :class:`FetchedPage` with what the archive keeps besides the body."""

    headers: tuple[tuple[str, str], ...] = ()
    http_version: str = "HTTP/1.1"
    reason: str = ""
    redirects: tuple[str, ...] = ()  # the URLs redirected from, in order


class _Host:
    def __init__(self, per_host: int, rate: float):
        self.sem = asyncio.Semaphore(per_host)
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_at = 0.0
        self.lock = asyncio.Lock()
        self.robots_lock = asyncio.Lock()
        self.robots: Optional[Protego] = None
        self.robots_loaded = False
        self.robots_error: Optional[FetchError] = None
        self.client: Optional[httpx.AsyncClient] = None

    async def wait_turn(self) -> None:
        """Wait until this host may get the next request, and book the slot after it."""
        async with self.lock:
            delay = self.next_at - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            self.next_at = max(time.monotonic(), self.next_at) + self.interval

    def sent(self) -> None:
        """The request went out now (maybe later than its slot): space the next from now."""
        self.next_at = max(self.next_at, time.monotonic() + self.interval)

    def pause(self, seconds: float) -> None:
        self.next_at = max(self.next_at, time.monotonic() + seconds)


class _Retry(Exception):
    """One attempt failed in a way a later attempt may cure."""

    def __init__(self, error: FetchError, wait: Optional[float] = None):
        super().__init__(str(error))
        self.error = error
        self.wait = wait


class Fetcher:
    """Use as ``async with Fetcher(settings) as f: page = await f.fetch(url)``.

    ``rate_for`` maps a host (``netloc``) to its own requests per second.
    ``stats`` counts requests, retries and robots refusals.
    """

    def __init__(self, settings: Settings, *, rate_for: Optional[dict[str, float]] = None,
                 transport: Optional[httpx.AsyncBaseTransport] = None):
        self.s = settings
        self._hosts: dict[str, _Host] = {}
        self._global = asyncio.Semaphore(settings.concurrency)
        self._rate_for = rate_for or {}
        self._transport = transport
        self._ssl = None
        self._shared: Optional[httpx.AsyncClient] = self._new_client(None) if transport is not None else None
        self.stats = {"requests": 0, "retries": 0, "robots_disallowed": 0}

    def _new_client(self, per_host: Optional[int]) -> httpx.AsyncClient:
        # One client (so one connection pool) per host: httpcore scans every pooled
        # connection on each request, which with one pool for 50 hosts cost more CPU
        # than everything else in the crawl together.
        # ... and one TLS context for all of them (loading the CA bundle costs ~50 ms)
        if self._ssl is None:
            import ssl

            import certifi

            self._ssl = ssl.create_default_context(cafile=certifi.where())
        limits = httpx.Limits(max_connections=None, max_keepalive_connections=per_host or 20, keepalive_expiry=30.0)
        return httpx.AsyncClient(verify=self._ssl,
            headers={"User-Agent": self.s.user_agent, "Accept-Language": "id,en;q=0.5",
                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                     "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(self.s.timeout, connect=min(self.s.timeout, 10.0)),
            follow_redirects=False, transport=self._transport, limits=limits)

    def _client_for(self, host: _Host) -> httpx.AsyncClient:
        if self._shared is not None:
            return self._shared
        if host.client is None:
            host.client = self._new_client(self.s.per_host)
        return host.client

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *exc) -> None:
        for client in [self._shared, *(h.client for h in self._hosts.values())]:
            if client is not None:
                await client.aclose()

    def _host(self, url: str) -> _Host:
        netloc = urlsplit(url).netloc.lower()
        host = self._hosts.get(netloc)
        if host is None:
            host = self._hosts[netloc] = _Host(self.s.per_host, self._rate_for.get(netloc, self.s.rate_limit))
        return host

    # robots.txt ---------------------------------------------------------------------------
    async def allowed(self, url: str) -> bool:
        """Whether robots.txt lets pantau fetch ``url``. Raises a (retryable)
        FetchError when the host's robots.txt cannot be had (network error or
        5xx): then nothing on the host is fetched. A 4xx robots.txt allows all."""
        host = self._host(url)
        if not host.robots_loaded:
            async with host.robots_lock:
                if not host.robots_loaded:
                    await self._load_robots(url, host)
        if host.robots_error is not None:
            raise FetchError(Msg.FETCH_ROBOTS_UNREACHABLE.format(
                url=url, host=urlsplit(url).netloc, detail=host.robots_error), url=url) from host.robots_error
        return host.robots is None or host.robots.can_fetch(url, self.s.user_agent)

    async def _load_robots(self, url: str, host: _Host) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        try:
            resp = await self._follow(robots_url, {}, html_only=False, max_bytes=_ROBOTS_MAX_BYTES, check_robots=False)
            if resp.status == 200:
                host.robots = Protego.parse(resp.body.decode("utf-8", "replace"))
                delay = host.robots.crawl_delay(self.s.user_agent)
                if delay:
                    host.interval = max(host.interval, min(float(delay), 120.0))
        except HTTPStatusError as exc:
            if not 400 <= exc.status < 500:  # 4xx: no robots.txt, all allowed (RFC 9309)
                host.robots_error = exc
        except (BodyTooLarge, ContentTypeError, RedirectError):
            pass  # unusable robots.txt: treated as absent
        except FetchError as exc:
            host.robots_error = exc
        host.robots_loaded = True

    # fetching -----------------------------------------------------------------------------
    async def fetch(self, url: str, *, html_only: bool = True, etag: str = "", last_modified: str = "",
                    source: str = "", max_bytes: Optional[int] = None) -> Response:
        """One URL, redirects followed. Raises a FetchError subclass on any
        failure; a 304 (``etag``/``last_modified`` given) comes back as a
        Response with status 304 and an empty body."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        resp = await self._follow(url, headers, html_only=html_only, max_bytes=max_bytes or self.s.max_bytes)
        return Response(**{**resp.__dict__, "source": source})

    async def _follow(self, url: str, headers: dict, *, html_only: bool, max_bytes: int,
                      check_robots: bool = True) -> Response:
        seen = [url]
        current = url
        for _ in range(self.s.max_redirects + 1):
            if check_robots and not await self.allowed(current):
                self.stats["robots_disallowed"] += 1
                raise RobotsDisallowed(Msg.FETCH_ROBOTS.format(url=current), url=url)
            resp = await self._request(current, headers if current == url else {}, html_only, max_bytes)
            if resp.status not in _REDIRECTS:
                return Response(**{**resp.__dict__, "url": url, "redirects": tuple(seen[:-1])})
            location = next((v for k, v in resp.headers if k.lower() == "location"), "")
            target = urljoin(current, location.strip())
            if not location.strip() or urlsplit(target).scheme not in ("http", "https"):
                raise RedirectError(Msg.FETCH_REDIRECT_BAD.format(url=url, target=location), url=url)
            target = target.split("#")[0]
            if target in seen:
                raise RedirectError(Msg.FETCH_REDIRECT_LOOP.format(url=url, target=target), url=url)
            seen.append(target)
            current = target
        raise RedirectError(Msg.FETCH_REDIRECTS.format(url=url, limit=self.s.max_redirects), url=url)

    async def _request(self, url: str, headers: dict, html_only: bool, max_bytes: int) -> Response:
        """One URL without redirects, with retries."""
        host = self._host(url)
        attempt = 0
        while True:
            attempt += 1
            try:
                async with host.sem:
                    await host.wait_turn()
                    async with self._global:
                        host.sent()
                        self.stats["requests"] += 1
                        return await self._once(url, headers, html_only, max_bytes, host)
            except _Retry as retry:
                if attempt > self.s.retries:
                    raise retry.error from retry.error.__cause__
                await self._backoff(attempt, retry.wait)

    async def _once(self, url: str, headers: dict, html_only: bool, max_bytes: int, host: _Host) -> Response:
        deadline = self.s.total_timeout
        try:
            return await asyncio.wait_for(self._get(url, headers, html_only, max_bytes, host), deadline)
        except asyncio.TimeoutError as exc:
            err = FetchError(Msg.FETCH_DEADLINE.format(url=url, seconds=deadline), url=url)
            err.__cause__ = exc
            raise _Retry(err) from exc
        except httpx.TooManyRedirects as exc:  # not raised with follow_redirects=False; kept for safety
            raise RedirectError(Msg.FETCH_REDIRECTS.format(url=url, limit=self.s.max_redirects), url=url) from exc
        except (httpx.TimeoutException, httpx.TransportError, httpx.DecodingError, httpx.StreamError) as exc:
            err = FetchError(Msg.FETCH_NETWORK.format(url=url, detail=_describe(exc)), url=url)
            err.__cause__ = exc
            raise _Retry(err) from exc
        except httpx.HTTPError as exc:  # anything else httpx raises: one clear, non-retried error
            raise FetchError(Msg.FETCH_NETWORK.format(url=url, detail=_describe(exc)), url=url) from exc

    async def _get(self, url: str, headers: dict, html_only: bool, max_bytes: int, host: _Host) -> Response:
        async with self._client_for(host).stream("GET", url, headers=headers) as resp:
            status = resp.status_code
            fetched_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
            hdrs = tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in resp.headers.raw)
            ctype_full = resp.headers.get("content-type", "")
            ctype = ctype_full.split(";")[0].strip().lower()
            base = dict(url=url, final_url=str(resp.url), status=status, content_type=ctype, fetched_at=fetched_at,
                        etag=resp.headers.get("etag", ""), last_modified=resp.headers.get("last-modified", ""),
                        headers=hdrs, http_version=resp.http_version, reason=resp.reason_phrase)
            if status == 429 or status >= 500:
                wait = _retry_after_seconds(resp.headers.get("retry-after", ""))
                if wait is not None and wait > self.s.max_retry_after:
                    raise HTTPStatusError(Msg.FETCH_RETRY_AFTER.format(url=url, status=status, seconds=wait),
                                          url=url, status=status)
                if wait is not None:
                    host.pause(wait)
                raise _Retry(HTTPStatusError(Msg.FETCH_STATUS.format(url=url, status=status), url=url,
                                             status=status), wait)
            if status >= 400:
                raise HTTPStatusError(Msg.FETCH_STATUS.format(url=url, status=status), url=url, status=status)
            if status in _REDIRECTS or status == 304 or status < 200:
                return Response(**base, body=b"", encoding=None)
            if html_only and ctype and ctype not in HTML_TYPES and ctype not in ("text/plain",
                                                                                 "application/octet-stream"):
                raise ContentTypeError(Msg.FETCH_TYPE.format(url=url, ctype=ctype), url=url)
            declared = resp.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes and not resp.headers.get("content-encoding"):
                raise BodyTooLarge(Msg.FETCH_TOO_LARGE.format(url=url, limit=max_bytes), url=url)
            decoder = _Decoder(resp.headers.get("content-encoding", ""), url)
            chunks, size = [], 0
            async for raw in resp.aiter_raw():
                data = decoder.feed(raw, max_bytes - size)
                size += len(data)
                if size > max_bytes:
                    raise BodyTooLarge(Msg.FETCH_TOO_LARGE.format(url=url, limit=max_bytes), url=url)
                chunks.append(data)
            tail = decoder.finish()
            if size + len(tail) > max_bytes:
                raise BodyTooLarge(Msg.FETCH_TOO_LARGE.format(url=url, limit=max_bytes), url=url)
            body = b"".join(chunks) + tail
        declared_charset = header_charset(ctype_full)
        if html_only:
            if is_binary(body) or (ctype in ("text/plain", "application/octet-stream") and not _looks_html(body)):
                raise ContentTypeError(Msg.FETCH_TYPE.format(url=url, ctype=ctype or _sniffed(body)), url=url)
            encoding = detect(body, declared_charset)
        else:
            encoding = declared_charset
        return Response(**base, body=body, encoding=encoding)

    async def _backoff(self, attempt: int, retry_after: Optional[float]) -> None:
        self.stats["retries"] += 1
        delay = min(self.s.backoff_max, self.s.backoff * 2 ** (attempt - 1)) * (0.5 + random.random())
        if retry_after is not None:
            delay = max(delay, retry_after)
        await asyncio.sleep(delay)


# --------------------------------------------------------------------------- bodies
class _Decoder:
    """Content-Encoding gzip/deflate/identity, bounded, and strict about truncation."""

    def __init__(self, coding: str, url: str):
        self.url = url
        self.coding = coding.strip().lower()
        if self.coding in ("", "identity"):
            self.z = None
        elif self.coding in ("gzip", "x-gzip"):
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            self.z = zlib.decompressobj()
            self.raw_fallback = True
        else:
            raise FetchError(Msg.FETCH_ENCODING.format(url=url, encoding=coding), url=url)
        self.started = False

    def feed(self, data: bytes, room: int) -> bytes:
        if self.z is None:
            return data
        try:
            out = self._decompress(data, room)
        except zlib.error as exc:
            if self.coding == "deflate" and not self.started:  # raw deflate without the zlib header
                self.z = zlib.decompressobj(-zlib.MAX_WBITS)
                try:
                    out = self._decompress(data, room)
                except zlib.error as exc2:
                    raise self._truncated(exc2) from exc2
            else:
                raise self._truncated(exc) from exc
        self.started = True
        return out

    def _decompress(self, data: bytes, room: int) -> bytes:
        out = self.z.decompress(data, max(1, room + 1))
        # a second gzip member after the first (allowed by the format)
        while self.z.eof and self.z.unused_data and self.coding != "deflate":
            rest = self.z.unused_data
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out += self.z.decompress(rest, max(1, room + 1 - len(out)))
        return out

    def finish(self) -> bytes:
        if self.z is None:
            return b""
        try:
            tail = self.z.flush()
        except zlib.error as exc:
            raise self._truncated(exc) from exc
        if not self.z.eof:
            raise self._truncated("stream ends early")
        return tail

    def _truncated(self, detail) -> _Retry:
        return _Retry(FetchError(Msg.FETCH_TRUNCATED.format(url=self.url, detail=detail), url=self.url))


def _looks_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml", b"<!--")) or \
        b"<html" in head or b"<p>" in head or b"<div" in head


def _sniffed(body: bytes) -> str:
    names = {b"%PDF": "application/pdf", b"\x89PNG": "image/png", b"GIF8": "image/gif", b"\xff\xd8\xff": "image/jpeg"}
    for magic, name in names.items():
        if body.startswith(magic):
            return name
    return "binary"


# --------------------------------------------------------------------------- helpers
def _retry_after_seconds(value: str) -> Optional[float]:
    value = (value or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
