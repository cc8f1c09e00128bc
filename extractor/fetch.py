"""Polite asynchronous HTTP fetching: the public front over the politeness
and transport layers (as httpx keeps its client over its transports).

:class:`Fetcher` follows redirects by hand (at most ``max_redirects``, loops
stopped at once) so every hop passes robots.txt and the host's turn
(:mod:`extractor.politeness`), and retries what may pass (timeouts,
connection errors, a reset mid-body, truncated or corrupt compressed bodies,
5xx, 429; see :mod:`extractor.transport`) ``retries`` times with exponential
backoff and jitter, waiting at least what ``Retry-After`` asked. An article
page's charset comes from the header, a ``<meta>`` tag, or detection
(:func:`extractor.encoding.detect`, shared with the HTML stage).

Every failure is a :class:`~extractor.errors.FetchError` subclass, with the
original error as ``__cause__``.
"""

from __future__ import annotations

import asyncio
import random
from dataclasses import replace
from typing import Optional
from urllib.parse import urljoin, urlsplit

from .config import Settings
from .encoding import detect
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
            encoding = detect(resp.body, encoding)
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
