"""Politeness: what pantau may ask of a host, and when.

Per host: robots.txt (protego; its ``Crawl-delay`` is honoured when slower
than ours), at most ``per_host`` requests in flight, and at most
``rate_limit`` requests per second (requests are spaced ``1/rate`` apart; a
``Retry-After`` pauses the whole host). Overall: at most ``concurrency``
requests in flight. :class:`extractor.fetch.Fetcher` asks :meth:`Politeness.allowed`
before every hop and sends every attempt inside :meth:`Politeness.turn`.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import asynccontextmanager
from typing import AsyncIterator, Awaitable, Callable, Iterable, Optional
from urllib.parse import urlsplit

from protego import Protego

from .config import Settings
from .errors import BodyTooLarge, ContentTypeError, FetchError, HTTPStatusError, Msg, RedirectError
from .transport import Response
from .types import Source

#: fetches a robots.txt URL (redirects followed, robots not consulted)
RobotsFetch = Callable[[str], Awaitable[Response]]


class _Host:
    """One host's state: its request slots and its robots.txt."""

    def __init__(self, per_host: int, rate: float):
        self.sem = asyncio.Semaphore(per_host)
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.next_at = 0.0
        self.lock = asyncio.Lock()
        self.robots_lock = asyncio.Lock()
        self.robots: Optional[Protego] = None
        self.robots_loaded = False
        self.robots_error: Optional[FetchError] = None

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


class Politeness:
    """Per-host slots and robots.txt for one crawl. ``rate_for`` maps a host
    (``netloc``) to its own requests per second; ``fetch_robots`` gets a
    robots.txt URL."""

    def __init__(self, settings: Settings, fetch_robots: RobotsFetch, rate_for: Optional[dict[str, float]] = None):
        self.settings = settings
        self._fetch_robots = fetch_robots
        self._rate_for = rate_for or {}
        self._hosts: dict[str, _Host] = {}
        self._global = asyncio.Semaphore(settings.concurrency)

    def _host(self, url: str) -> _Host:
        netloc = urlsplit(url).netloc.lower()
        host = self._hosts.get(netloc)
        if host is None:
            host = self._hosts[netloc] = _Host(self.settings.per_host,
                                               self._rate_for.get(netloc, self.settings.rate_limit))
        return host

    @asynccontextmanager
    async def turn(self, url: str) -> AsyncIterator[None]:
        """Hold one of the host's slots and one of the crawl's, at the host's next turn."""
        host = self._host(url)
        async with host.sem:
            await host.wait_turn()
            async with self._global:
                host.sent()
                yield

    def pause(self, url: str, seconds: float) -> None:
        """The host asked to wait (``Retry-After``): no request to it before then."""
        self._host(url).pause(seconds)

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
        return host.robots is None or host.robots.can_fetch(url, self.settings.user_agent)

    async def _load_robots(self, url: str, host: _Host) -> None:
        parts = urlsplit(url)
        try:
            resp = await self._fetch_robots(f"{parts.scheme}://{parts.netloc}/robots.txt")
            if resp.status == 200:
                host.robots = Protego.parse(resp.body.decode("utf-8", "replace"))
                delay = host.robots.crawl_delay(self.settings.user_agent)
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


def host_rates(sources: Iterable[Source]) -> dict[str, float]:
    """Host (``netloc``) -> requests per second, for the hosts of sources
    that set their own ``rate_limit``."""
    rates: dict[str, float] = {}
    for src in sources:
        if src.rate_limit:
            for u in (src.home, *src.feeds, *src.sitemaps, *src.urls, *(lst.url for lst in src.listings)):
                if u:
                    rates[urlsplit(u).netloc.lower()] = src.rate_limit
    return rates
