"""HTTP transport: one request, one attempt (httpx), no redirects followed.

The layer under :class:`extractor.fetch.Fetcher`, as httpx keeps its
transports under its client. A request has connect/read timeouts and a
deadline for the whole response (``total_timeout``: a body trickling in
slower than that fails). Bodies over ``max_bytes`` (after decompression) end
in :class:`BodyTooLarge`; with ``html_only``, content that is not HTML by its
content type or by its first bytes (a PDF or an image served as
``text/html``) ends in :class:`ContentTypeError`. gzip and deflate are
decoded here, so a truncated stream is an error, not a silently shortened
page.

A failure a later attempt may cure (a timeout, a connection error, a
truncated body, 5xx, 429) raises :class:`Retryable` with the
:class:`~extractor.errors.FetchError` to report and the server's
``Retry-After``; any other failure raises the FetchError itself. httpx
errors are translated here, with the original as ``__cause__``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import zlib
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

import httpx

from .config import Settings
from .encoding import header_charset, is_binary
from .errors import BodyTooLarge, ContentTypeError, FetchError, HTTPStatusError, Msg, describe
from .types import FetchedPage

HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True)
class Response(FetchedPage):
    """A :class:`FetchedPage` with what the archive keeps besides the body."""

    headers: tuple[tuple[str, str], ...] = ()
    http_version: str = "HTTP/1.1"
    reason: str = ""
    redirects: tuple[str, ...] = ()  # the URLs redirected from, in order


class Retryable(Exception):
    """One attempt failed in a way a later attempt may cure: ``error`` is what
    to report if none does, ``wait`` the seconds the server asked for."""

    def __init__(self, error: FetchError, wait: Optional[float] = None):
        super().__init__(str(error))
        self.error = error
        self.wait = wait


class Transport:
    """``await transport.get(url, headers, html_only=..., max_bytes=...)``; close with :meth:`aclose`.

    One httpx client (so one connection pool) per host: httpcore scans every
    pooled connection on each request, which with one pool for 50 hosts cost
    more CPU than everything else in the crawl together. One TLS context for
    all of them (loading the CA bundle costs ~50 ms)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._clients: dict[str, httpx.AsyncClient] = {}
        self._ssl = None

    async def aclose(self) -> None:
        for client in self._clients.values():
            await client.aclose()

    def _client(self, url: str) -> httpx.AsyncClient:
        netloc = urlsplit(url).netloc.lower()
        client = self._clients.get(netloc)
        if client is None:
            client = self._clients[netloc] = self._new_client()
        return client

    def _new_client(self) -> httpx.AsyncClient:
        s = self.settings
        if self._ssl is None:
            import ssl

            import certifi

            self._ssl = ssl.create_default_context(cafile=certifi.where())
        limits = httpx.Limits(max_connections=None, max_keepalive_connections=s.per_host, keepalive_expiry=30.0)
        return httpx.AsyncClient(verify=self._ssl,
            headers={"User-Agent": s.user_agent, "Accept-Language": "id,en;q=0.5",
                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                     "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(s.timeout, connect=min(s.timeout, 10.0)), follow_redirects=False, limits=limits)

    async def get(self, url: str, headers: dict, *, html_only: bool, max_bytes: int) -> Response:
        """One GET of ``url`` within the response deadline. A redirect, a 304
        or a 1xx comes back with an empty body; ``encoding`` is the charset
        the Content-Type header declares (or None)."""
        deadline = self.settings.total_timeout
        try:  # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancellation (Ctrl-C) that
            # arrives as the GET completes, and the run went on to its end and exited 0
            async with asyncio.timeout(deadline):
                return await self._get(url, headers, html_only, max_bytes)
        except TimeoutError as exc:
            err = FetchError(Msg.FETCH_DEADLINE.format(url=url, seconds=deadline), url=url)
            err.__cause__ = exc
            raise Retryable(err) from exc
        except (httpx.TimeoutException, httpx.TransportError, httpx.DecodingError, httpx.StreamError) as exc:
            err = FetchError(Msg.FETCH_NETWORK.format(url=url, detail=describe(exc)), url=url)
            err.__cause__ = exc
            raise Retryable(err) from exc
        except httpx.HTTPError as exc:  # anything else httpx raises: one clear, non-retried error
            raise FetchError(Msg.FETCH_NETWORK.format(url=url, detail=describe(exc)), url=url) from exc

    async def _get(self, url: str, headers: dict, html_only: bool, max_bytes: int) -> Response:
        async with self._client(url).stream("GET", url, headers=headers) as resp:
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
                if wait is not None and wait > self.settings.max_retry_after:
                    raise HTTPStatusError(Msg.FETCH_RETRY_AFTER.format(url=url, status=status, seconds=wait),
                                          url=url, status=status)
                raise Retryable(HTTPStatusError(Msg.FETCH_STATUS.format(url=url, status=status), url=url,
                                                status=status), wait)
            if status >= 400:
                raise HTTPStatusError(Msg.FETCH_STATUS.format(url=url, status=status), url=url, status=status)
            if not carries_body(status):
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
        if html_only and (is_binary(body) or (ctype in ("text/plain", "application/octet-stream")
                                                and not _looks_html(body))):
            raise ContentTypeError(Msg.FETCH_TYPE.format(url=url, ctype=ctype or _sniffed(body)), url=url)
        return Response(**base, body=body, encoding=header_charset(ctype_full))


# --------------------------------------------------------------------------- bodies
def carries_body(status: int) -> bool:
    """Whether a response with this (non-error) status has its body read: not
    a redirect, a 304 or a 1xx."""
    return status >= 200 and status not in REDIRECTS and status != 304


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

    def _truncated(self, detail) -> Retryable:
        return Retryable(FetchError(Msg.FETCH_TRUNCATED.format(url=self.url, detail=detail), url=self.url))


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
