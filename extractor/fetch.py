"""Polite asynchronous HTTP fetching (httpx).

Per host: robots.txt (protego), at most ``per_host`` requests in flight and
at most ``rate_limit`` requests per second. Overall: ``concurrency``.
Retries with exponential backoff and jitter on timeouts, connection errors,
5xx and 429 (honouring ``Retry-After``). Bodies over ``max_bytes`` are cut
off with :class:`BodyTooLarge`; article fetches accept HTML only.
httpx errors are translated here into :class:`~extractor.errors.FetchError`
with the original as ``__cause__``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import random
import time
from typing import Optional
from urllib.parse import urlsplit

import httpx
from protego import Protego

from .config import Settings
from .errors import BodyTooLarge, ContentTypeError, FetchError, HTTPStatusError, Msg, RobotsDisallowed
from .types import FetchedPage

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class _Host:
    def __init__(self, per_host: int, rate: float):
        self.sem = asyncio.Semaphore(per_host)
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_at = 0.0
        self.lock = asyncio.Lock()
        self.robots: Optional[Protego] = None
        self.robots_loaded = False

    async def wait_turn(self) -> None:
        async with self.lock:
            now = time.monotonic()
            if self.next_at > now:
                await asyncio.sleep(self.next_at - now)
            self.next_at = max(now, self.next_at) + self.interval


class Fetcher:
    """Use as ``async with Fetcher(settings) as f: page = await f.fetch(url)``."""

    def __init__(self, settings: Settings, *, rate_for: Optional[dict[str, float]] = None,
                 transport: Optional[httpx.AsyncBaseTransport] = None):
        self.s = settings
        self._hosts: dict[str, _Host] = {}
        self._global = asyncio.Semaphore(settings.concurrency)
        self._rate_for = rate_for or {}
        self._client = httpx.AsyncClient(
            headers={"User-Agent": settings.user_agent, "Accept-Language": "id,en;q=0.5"},
            timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 10.0)),
            follow_redirects=True, max_redirects=settings.max_redirects, transport=transport,
        )
        self.stats = {"requests": 0, "retries": 0, "robots_disallowed": 0}

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *exc) -> None:
        await self._client.aclose()

    def _host(self, url: str) -> _Host:
        netloc = urlsplit(url).netloc
        if netloc not in self._hosts:
            self._hosts[netloc] = _Host(self.s.per_host, self._rate_for.get(netloc, self.s.rate_limit))
        return self._hosts[netloc]

    async def allowed(self, url: str) -> bool:
        host = self._host(url)
        if not host.robots_loaded:
            parts = urlsplit(url)
            robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
            try:
                resp, body = await self._request(robots_url, host)
                host.robots = Protego.parse(body.decode("utf-8", "replace")) if resp.status_code == 200 else None
            except FetchError:
                host.robots = None
            host.robots_loaded = True
        return host.robots is None or host.robots.can_fetch(url, self.s.user_agent)

    async def fetch(self, url: str, *, html_only: bool = True, etag: str = "", last_modified: str = "",
                    source: str = "") -> FetchedPage:
        """One page. Raises a FetchError subclass on any failure."""
        if not await self.allowed(url):
            self.stats["robots_disallowed"] += 1
            raise RobotsDisallowed(Msg.FETCH_ROBOTS.format(url=url), url=url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        resp, body = await self._request(url, self._host(url), headers, html_only=html_only)
        ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
        return FetchedPage(
            url=url, final_url=str(resp.url), status=resp.status_code, content_type=ctype, body=body,
            encoding=resp.charset_encoding, fetched_at=dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            source=source, etag=resp.headers.get("etag", ""), last_modified=resp.headers.get("last-modified", ""),
        )

    async def _request(self, url: str, host: _Host, headers: Optional[dict] = None, *,
                       html_only: bool = False) -> tuple[httpx.Response, bytes]:
        attempt = 0
        while True:
            attempt += 1
            try:
                async with self._global, host.sem:
                    await host.wait_turn()
                    self.stats["requests"] += 1
                    resp, body = await self._get(url, headers or {}, html_only)
            except (httpx.TimeoutException, httpx.TransportError, httpx.DecodingError) as exc:
                if attempt > self.s.retries:
                    raise FetchError(Msg.FETCH_NETWORK.format(url=url, detail=_describe(exc)), url=url) from exc
                await self._backoff(attempt, None)
                continue
            except httpx.TooManyRedirects as exc:
                raise FetchError(Msg.FETCH_REDIRECTS.format(url=url, limit=self.s.max_redirects), url=url) from exc
            if resp.status_code == 429 or resp.status_code >= 500:
                if attempt > self.s.retries:
                    raise HTTPStatusError(Msg.FETCH_STATUS.format(url=url, status=resp.status_code), url=url,
                                          status=resp.status_code)
                await self._backoff(attempt, resp.headers.get("retry-after"))
                continue
            if resp.status_code >= 400:
                raise HTTPStatusError(Msg.FETCH_STATUS.format(url=url, status=resp.status_code), url=url,
                                      status=resp.status_code)
            return resp, body

    async def _get(self, url: str, headers: dict, html_only: bool) -> tuple[httpx.Response, bytes]:
        async with self._client.stream("GET", url, headers=headers) as resp:
            ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
            if html_only and resp.status_code == 200 and ctype and ctype not in _HTML_TYPES:
                raise ContentTypeError(Msg.FETCH_TYPE.format(url=url, ctype=ctype), url=url)
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > self.s.max_bytes:
                raise BodyTooLarge(Msg.FETCH_TOO_LARGE.format(url=url, limit=self.s.max_bytes), url=url)
            chunks, size = [], 0
            async for chunk in resp.aiter_bytes():
                size += len(chunk)
                if size > self.s.max_bytes:
                    raise BodyTooLarge(Msg.FETCH_TOO_LARGE.format(url=url, limit=self.s.max_bytes), url=url)
                chunks.append(chunk)
            return resp, b"".join(chunks)

    async def _backoff(self, attempt: int, retry_after: Optional[str]) -> None:
        self.stats["retries"] += 1
        delay = min(30.0, 0.5 * 2 ** (attempt - 1)) * (0.5 + random.random())
        if retry_after:
            wait = _retry_after_seconds(retry_after)
            if wait is not None:
                delay = min(max(delay, wait), 120.0)
        await asyncio.sleep(delay)


def _retry_after_seconds(value: str) -> Optional[float]:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
