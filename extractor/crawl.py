"""The crawl: discovery and fetching for one run, sources side by side.

:class:`Discovery` reads each source's feeds, sitemaps, listings and URL
lists (:func:`extractor.sources.discover`), adds what they announce to the
frontier and queues the source's pending article URLs; :class:`HostQueues`
schedules them, at most ``per_host`` worker tasks per host (the Fetcher spaces
their requests); :class:`ArticleFetch` fetches one article (a multi-page
article whole), archives it and records its state. Every outcome is committed
as soon as it is known (one small transaction per URL or discovery document,
:mod:`extractor.store.frontier`): a run killed at any moment leaves the
frontier and every finished fetch in the database, and the WARC records of
every fetch the database points to on disk. Storing what was fetched is
:func:`extractor.run.store_fetched`'s.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from pathlib import Path
from typing import Awaitable, Callable, Optional, Union
from urllib.parse import urlsplit

from .archive import RunArchive, default_archive_dir
from .config import Settings
from .errors import FetchError, RobotsDisallowed
from .fetch import Fetcher
from .html import page_links, pages_hash
from .politeness import host_rates
from .runlog import Failure, RunLog
from .sources import canonical_url, discover, keyword_filter, site
from .store import Store
from .transport import Response
from .types import PageRef, Source


async def crawl(settings: Settings, store: Store, log: RunLog, *, since: Optional[str] = None,
                until: Optional[str] = None, refresh: bool = False, dry_run: bool = False,
                archive_dir: Optional[Union[str, Path]] = None) -> list[str]:
    """Discover and fetch: every source's documents, then its pending article
    URLs. Fetched articles are archived and left with status ``fetched``.
    Returns, on a dry run, the URLs that would be fetched (nothing is written)."""
    archive = None
    if not dry_run:
        archive = RunArchive(Path(archive_dir) if archive_dir else default_archive_dir(store.path), log.run_id,
                             store.path.resolve().parent)
    try:
        async with Fetcher(settings, rate_for=host_rates(settings.sources)) as fetcher:
            articles = ArticleFetch(settings, store, fetcher, log, archive, refresh=refresh)
            queues = HostQueues(settings.per_host, articles.fetch)

            def queue(row: dict) -> None:
                if queues.put(row):
                    log.count("queued")

            discovery = Discovery(settings, store, fetcher, log, archive, queue, since=since, until=until,
                                  refresh=refresh, dry_run=dry_run)
            await asyncio.gather(*(discovery.source(src) for src in settings.sources))
            await queues.join()
            return discovery.planned
    finally:
        if archive is not None:
            archive.close()


class HostQueues:
    """Article rows queued per host; each host's queue is worked through by at
    most ``per_host`` tasks running ``work(row)``, started as rows arrive."""

    def __init__(self, per_host: int, work: Callable[[dict], Awaitable[None]]):
        self.per_host, self.work = per_host, work
        self._queues: dict[str, deque] = {}
        self._running: dict[str, int] = {}
        self._tasks: set[asyncio.Task] = set()
        self._seen: set[str] = set()

    def put(self, row: dict) -> bool:
        """Queue the row; False when its URL was queued before in this run."""
        if row["url"] in self._seen:
            return False
        self._seen.add(row["url"])
        host = urlsplit(row["url"]).netloc.lower()
        self._queues.setdefault(host, deque()).append(row)
        if self._running.get(host, 0) < self.per_host:
            self._running[host] = self._running.get(host, 0) + 1
            task = asyncio.create_task(self._work_host(host))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return True

    async def _work_host(self, host: str) -> None:
        q = self._queues[host]
        try:
            while q:
                await self.work(q.popleft())
        finally:
            self._running[host] -= 1

    async def join(self) -> None:
        """Wait until every queue is empty and every task done."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks))


class Discovery:
    """Each source's discovery documents, read (conditionally when read
    before under the same filters) and archived (a document whose body is the
    one archived before is not archived again: a run that finds nothing new
    writes no WARC file); the URLs they announce join
    the frontier, and the source's pending URLs are queued or, on a dry run,
    listed in :attr:`planned`."""

    def __init__(self, settings: Settings, store: Store, fetcher: Fetcher, log: RunLog,
                 archive: Optional[RunArchive], queue: Callable[[dict], None], *, since: Optional[str],
                 until: Optional[str], refresh: bool, dry_run: bool):
        self.settings, self.store, self.fetcher, self.log, self.archive = settings, store, fetcher, log, archive
        self.queue = queue
        self.since, self.until, self.refresh, self.dry_run = since, until, refresh, dry_run
        self.keywords = keyword_filter(settings.keywords) if settings.keyword_filter else None
        #: what a document's validators are good for: a document read under other filters is read whole again
        self.filter_key = json.dumps([since, until, list(settings.keywords) if settings.keyword_filter else None])
        self.planned: list[str] = []

    async def source(self, src: Source) -> None:
        if not self.dry_run:
            self.store.save_source(src)
        errors: list = []
        refs = await discover(src, self.fetcher, since=self.since, until=self.until, keywords=self.keywords,
                              errors=errors, validators=self._validators, on_doc=self._document)
        for url, exc in errors:
            if not self.dry_run:
                self.store.frontier.document_failed(url, src.name, exc, self.log.run_id)
            self.log.failed(Failure(url, "discover", exc), written=True)
        self.log.count("discovered", len(refs))
        pending = self.store.frontier.pending([src.name], refresh=self.refresh,
                                              max_attempts=self.settings.max_attempts)
        if self.dry_run:
            self._plan(refs, pending)
            return
        waiting = {r["url"] for r in pending}
        self.log.count("skipped", sum(1 for r in refs if r.url not in waiting))
        for row in pending:
            self.queue(row)

    def _validators(self, url: str) -> tuple[str, str]:
        return self.store.frontier.validators(url, self.filter_key, self.refresh)

    def _document(self, url: str, kind: str, resp: Optional[Response], refs: list[PageRef]) -> None:
        if self.dry_run:
            return
        if resp is None:  # a source's URL list
            self.store.frontier.add(refs)
            return
        warc, digest = None, None
        if resp.status == 200 and self.archive and resp.body:
            digest = pages_hash([resp.body])
            before = self.store.frontier.status(url) or {}
            if before.get("content_hash") == digest and before.get("warc_file"):
                warc = (before["warc_file"], before["warc_offset"])  # unchanged: its archived copy stands
            else:
                warc = self.archive.document(resp, kind)
        self.store.frontier.document_read(url, kind, resp, refs, filter_key=self.filter_key,
                                          run_id=self.log.run_id, warc=warc, content_hash=digest)

    def _plan(self, refs: list[PageRef], pending: list[dict]) -> None:
        waiting = {r["url"] for r in pending}
        listed: set[str] = set()
        for r in refs:
            if r.url in waiting or self.store.frontier.status(r.url) is None:
                self.planned.append(r.url)
                listed.add(r.url)
            else:
                self.log.count("skipped", show=False)
        self.planned.extend(r["url"] for r in pending if r["url"] not in listed)


class ArticleFetch:
    """One queued article at a time: its pages (page 1 first, then the pages
    it links as its next ones, at most ``max_pages``) and canonical URL;
    archived and recorded as ``fetched``, or recorded as not modified, a
    duplicate of an article fetched already, disallowed or failed."""

    def __init__(self, settings: Settings, store: Store, fetcher: Fetcher, log: RunLog,
                 archive: Optional[RunArchive], *, refresh: bool):
        self.settings, self.store, self.fetcher, self.log, self.archive = settings, store, fetcher, log, archive
        self.refresh = refresh
        self.covered: set[str] = set()  # canonical URLs an alias's fetch stood for, this run

    async def fetch(self, row: dict) -> None:
        url, run_id, frontier = row["url"], self.log.run_id, self.store.frontier
        if url in self.covered and not self.refresh:  # an alias fetched meanwhile covered it
            self.log.count("duplicates")
            return
        try:
            pages, canonical = await self._pages(row)
        except FetchError as exc:
            self.log.count("disallowed" if isinstance(exc, RobotsDisallowed) else "failed")
            frontier.fetch_failed(url, exc, run_id)
            self.log.failed(Failure(url, "fetch", exc), written=True)
            return
        first = pages[0]
        if first.status == 304:
            self.log.count("not_modified")
            # the archived copy stands for the page; with --refresh it is extracted again from there
            frontier.not_modified(url, first, run_id, extract_again=bool(row.get("warc_file") and self.refresh))
            return
        if canonical != url and frontier.is_fetched(canonical):
            self.log.count("duplicates")
            frontier.duplicate(url, canonical, first, run_id)
            return
        warc = self.archive.article(canonical, pages, source=row["source"], published=row.get("published"),
                                    title=row.get("title") or "")
        frontier.fetched(url, first, canonical=canonical, warc=warc, pages=len(pages),
                         content_hash=pages_hash([p.body for p in pages]), run_id=run_id)
        if canonical != url and frontier.stand_in(canonical, row["source"]):
            self.covered.add(canonical)
        self.log.count("fetched")

    async def _pages(self, row: dict) -> tuple[list[Response], str]:
        """The article's pages (page 1 first; a 304 alone) and its canonical URL."""
        url = row["url"]
        first = await self.fetcher.fetch(url, source=row["source"], etag=row.get("etag") or "",
                                         last_modified=row.get("last_modified") or "")
        if first.status == 304:
            return [first], url
        base = canonical_url(first.final_url)
        rel, further = page_links(first.body, first.final_url, first=base, page=1, encoding=first.encoding)
        nxt = further[0] if further else None
        canonical = canonical_url(rel) if rel and site(rel) == site(url) else base if site(base) == site(url) else url
        pages, seen = [first], {url, first.final_url}
        while nxt and nxt not in seen and len(pages) < self.settings.max_pages:
            seen.add(nxt)
            try:
                page = await self.fetcher.fetch(nxt, source=row["source"])
            except FetchError as exc:
                if exc.retryable:
                    raise  # the article is retried whole, later
                self.log.failed(Failure(nxt, "fetch", exc))  # a dead continuation page: keep what came before
                break
            if page.status != 200 or page.final_url in seen and page.final_url != nxt:
                break
            seen.add(page.final_url)
            pages.append(page)
            _, further = page_links(page.body, page.final_url, first=base, page=len(pages), encoding=page.encoding)
            nxt = further[0] if further else None
        return pages, canonical
