"""The batch: sources -> fetched pages -> articles -> records -> SQLite.

:func:`run_batch` crawls the configured sources; :func:`ingest` reads local
files. Both hand articles to :func:`process`, which scores relevance,
extracts (in ``workers`` processes when asked) and stores. Every failure
becomes a row in the ``errors`` table with its URL and stage; the batch
goes on.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import multiprocessing as mp
from collections import deque
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union
from urllib.parse import urlsplit

from .archive import ArchivedArticle, ArchiveWriter, iter_articles, read_article, relative_to
from .config import Settings
from .errors import FetchError, InputError, Msg, PantauError, ParseError, RobotsDisallowed
from .fetch import Fetcher, Response
from .html import article_from_html, article_from_pages, article_from_text, page_links, pages_hash
from .nlp.relevance import relevance, threshold as default_threshold
from .sources import canonical_url, discover, keyword_filter, site
from .dedup import Signature, signature
from .store import Store
from .types import Article, Extraction, PageRef, Source

Progress = Callable[[str, int], None]  # (counter name, increment)


@dataclass
class Summary:
    discovered: int = 0
    queued: int = 0
    fetched: int = 0
    not_modified: int = 0
    disallowed: int = 0
    failed: int = 0
    duplicates: int = 0
    skipped: int = 0
    stored: int = 0
    relevant: int = 0
    extracted: int = 0
    officials: int = 0
    events: int = 0
    errors: int = 0
    error_list: list = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("error_list")
        return d


@dataclass(frozen=True)
class Failure:
    """A unit of work that failed at a stage; stored in the errors table."""

    url: str
    stage: str
    error: BaseException


@dataclass(frozen=True)
class RawPage:
    """A page not parsed yet: parsing happens in the extraction workers."""

    url: str
    content: Union[bytes, str]
    kind: str = "html"  # "html" or "text"
    title: str = ""
    published: Optional[str] = None
    source: str = ""
    encoding: Optional[str] = None
    fetched_at: str = ""
    #: the continuation pages of a multi-page article: (body, charset) in order
    more: tuple[tuple[bytes, Optional[str]], ...] = ()
    outlet: str = ""

    @property
    def content_hash(self) -> str:
        """Equal to the ``html_hash`` the parsed Article will carry."""
        return pages_hash([self.content, *(body for body, _ in self.more)])

    def parse(self) -> Article:
        if self.kind == "text":
            return article_from_text(self.content, self.url, title=self.title, published=self.published,
                                     source=self.source)
        if self.more:  # one article from its pages, each page and paragraph once
            art = article_from_pages([self.content, *(body for body, _ in self.more)], self.url,
                                     encoding=self.encoding, source=self.source, fetched_at=self.fetched_at,
                                     outlet=self.outlet)
        else:
            art = article_from_html(self.content, self.url, encoding=self.encoding, source=self.source,
                                    fetched_at=self.fetched_at, outlet=self.outlet)
        if self.title or (self.published and not art.published):
            art = replace(art, title=self.title or art.title, published=art.published or self.published)
        return art


Item = Union[Article, RawPage, Failure]
Result = Union[tuple[Article, float, Optional[Extraction], Optional[Signature]], Failure]


# --------------------------------------------------------------------------- extraction workers
def _work(item: Union[Article, RawPage], cut: float, extract_all: bool) -> Result:
    """Parse (when raw), score, sign (near-duplicates) and extract one article. Runs in a worker."""
    from .nlp import extract

    stage = "parse"
    try:
        article = item.parse() if isinstance(item, RawPage) else item
        rel = relevance(article.title, article.text)
        stage = "extract"
        ex = extract(article) if rel >= cut or extract_all else None
        return article, rel, ex, signature(article.text)
    except PantauError as exc:
        return Failure(item.url, exc.stage if stage == "parse" else stage, exc)
    except Exception as exc:  # one bad article must not stop the batch
        return Failure(item.url, stage, exc)


def _work_many(items: list, cut: float, extract_all: bool) -> list[Result]:
    """``_work`` for several articles, with one spaCy pass over those to
    extract (the NER batches them: ~20% less time per article than one by
    one). A batch that fails is redone one article at a time, so one bad
    article only fails itself."""
    from .nlp import extract_many

    parsed: list = []
    for item in items:
        try:
            article = item.parse() if isinstance(item, RawPage) else item
            parsed.append((item, article, relevance(article.title, article.text)))
        except PantauError as exc:
            parsed.append(Failure(item.url, exc.stage, exc))
        except Exception as exc:
            parsed.append(Failure(item.url, "parse", exc))
    todo = [p[1] for p in parsed if not isinstance(p, Failure) and (p[2] >= cut or extract_all)]
    try:
        done = {id(ex.article): ex for ex in extract_many(todo)}
    except Exception:
        return [p if isinstance(p, Failure) else _work(p[0], cut, extract_all) for p in parsed]
    out: list[Result] = []
    for p in parsed:
        if isinstance(p, Failure):
            out.append(p)
            continue
        _, article, rel = p
        out.append((article, rel, done.get(id(article)), signature(article.text)))
    return out


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _results(items: Iterable[Union[Article, RawPage]], workers: int, cut: float, extract_all: bool):
    """Results in input order, extracted in chunks of 8. With several
    workers, chunks are handed to a fork pool as lists (only the main thread
    touches the database), and the next ones are already submitted while
    the main thread stores the ones before, so the workers do not wait for
    the writes."""
    if workers <= 1:
        for chunk in _chunks(items, 8):
            yield from _work_many(chunk, cut, extract_all)
        return
    from .nlp.pipeline import load

    load()  # build once in the parent; forked workers inherit it
    fn = partial(_work_many, cut=cut, extract_all=extract_all)
    with mp.get_context("fork").Pool(workers) as pool:
        in_flight: deque = deque()
        for group in _chunks(_chunks(items, 8), workers):
            in_flight.append(pool.map_async(fn, group))
            if len(in_flight) > 2:
                for done in in_flight.popleft().get():
                    yield from done
        while in_flight:
            for done in in_flight.popleft().get():
                yield from done


def process(items: Iterable[Item], store: Store, run_id: Optional[int], summary: Summary, *,
            extract_all: bool = False, refresh: bool = False, workers: int = 1,
            threshold: Optional[float] = None, progress: Optional[Progress] = None,
            on_done: Optional[Callable[[str, Optional[BaseException]], None]] = None) -> None:
    """Parse, score, extract and store; record failures. What is already
    stored from the same content by this version is skipped unless ``refresh``.
    ``on_done(url, error)`` is told when each item is settled (stored,
    skipped, or failed with ``error``)."""
    cut = default_threshold() if threshold is None else threshold
    tick = progress or (lambda name, n=1: None)
    done = on_done or (lambda url, error: None)

    def pending() -> Iterator[Union[Article, RawPage]]:
        for item in items:
            if isinstance(item, Failure):
                _fail(store, run_id, summary, item, tick)
                done(item.url, item.error)
                continue
            current = (store.is_current_hash(item.url, item.content_hash) if isinstance(item, RawPage)
                       else store.is_current(item))
            if current and extract_all and not (store.article_state(item.url) or {}).get("extracted"):
                current = False  # stored below the threshold; --all extracts it now
            if current and not refresh:
                summary.skipped += 1
                tick("skipped", 1)
                done(item.url, None)
                continue
            yield item

    for result in _results(pending(), workers, cut, extract_all):
        if isinstance(result, Failure):
            _fail(store, run_id, summary, result, tick)
            done(result.url, result.error)
            continue
        article, rel, ex, sig = result
        summary.relevant += int(rel >= cut)
        done(article.url, _store(store, article, rel, ex, run_id, summary, tick, sig))


def _store(store: Store, article: Article, rel: float, ex: Optional[Extraction], run_id, summary: Summary,
           tick, sig: Optional[Signature] = None) -> Optional[BaseException]:
    try:
        store.save(article, rel, ex, run_id, signature=sig)
    except PantauError as exc:
        _fail(store, run_id, summary, Failure(article.url, "store", exc), tick)
        return exc
    summary.stored += 1
    tick("stored", 1)
    if ex is not None:
        summary.extracted += 1
        summary.officials += len(ex.officials)
        summary.events += len(ex.events)
        tick("extracted", 1)
    return None


def _fail(store: Store, run_id, summary: Summary, f: Failure, tick) -> None:
    summary.errors += 1
    summary.error_list.append((f.url, f.stage, str(f.error)))
    tick("errors", 1)
    store.record_error(f.url, f.stage, f.error, run_id)


# --------------------------------------------------------------------------- crawling
#: where a run that is not told otherwise keeps its WARC files
def default_archive_dir(db_path: Union[str, Path]) -> Path:
    p = Path(db_path)
    return p.with_name(f"{p.stem}-archive")


class _Archive:
    """The run's WARC file, opened at the first record."""

    def __init__(self, directory: Path, run_id: Optional[int], base: Path):
        self.dir, self.run_id, self.base = directory, run_id, base
        self.writer: Optional[ArchiveWriter] = None

    def get(self) -> ArchiveWriter:
        if self.writer is None:
            stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
            self.writer = ArchiveWriter(self.dir, f"pantau-{self.run_id or 0:05d}-{stamp}")
            self._ref = relative_to(self.writer.path, self.base)
        return self.writer

    @property
    def ref(self) -> str:
        """The WARC file as the database records it (relative to the database's folder when inside it)."""
        self.get()
        return self._ref

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


class _Crawl:
    """One run's discovery and fetching. Per host, ``per_host`` workers take
    URLs from the host's queue; the Fetcher spaces their requests. Every
    outcome is committed as soon as it is known (one small transaction per
    URL or discovery document): a run killed at any moment leaves the
    frontier and every finished fetch in the database, and the WARC records
    of every fetch the database points to on disk."""

    def __init__(self, settings: Settings, store: Store, summary: Summary, fetcher: Fetcher, *, run_id, since,
                 until, refresh: bool, dry_run: bool, tick: Progress, archive: Optional[_Archive]):
        self.s, self.store, self.summary, self.fetcher = settings, store, summary, fetcher
        self.run_id, self.since, self.until, self.refresh, self.dry_run = run_id, since, until, refresh, dry_run
        self.tick, self.archive = tick, archive
        self.keywords = keyword_filter(settings.keywords) if settings.keyword_filter else None
        self.filter_key = json.dumps([since, until, list(settings.keywords) if settings.keyword_filter else None])
        self.queues: dict[str, deque] = {}
        self.workers: dict[str, int] = {}
        self.tasks: set[asyncio.Task] = set()
        self.queued: set[str] = set()
        self.covered: set[str] = set()  # canonical URLs an alias's fetch stood for, this run
        self.planned: list[str] = []

    # discovery ------------------------------------------------------------------------------
    def validators(self, url: str) -> tuple[str, str]:
        row = self.store.url_status(url)
        if not row or row.get("kind") in (None, "article") or row.get("filter_key") != self.filter_key \
                or row.get("status") != "done" or self.refresh:
            return "", ""
        return row.get("etag") or "", row.get("last_modified") or ""

    def on_doc(self, url: str, kind: str, resp: Optional[Response], refs: list[PageRef]) -> None:
        if self.dry_run:
            return
        rows = [{"url": r.url, "source": r.source, "published": r.published, "title": r.title} for r in refs]
        doc = None
        if resp is not None:
            doc = {"url": url, "source": resp.source, "kind": kind, "status": "done", "http_status": resp.status,
                   "filter_key": self.filter_key, "fetched_at": resp.fetched_at, "last_error": None,
                   "run_id": self.run_id}
            if resp.status == 200:
                doc.update(etag=resp.etag, last_modified=resp.last_modified)
                if self.archive is not None and resp.body:
                    w = self.archive.get()
                    offset, _ = w.write_response(resp.final_url, resp.status, resp.reason, resp.headers, resp.body,
                                                 resp.fetched_at, kind=kind, http_version=resp.http_version)
                    w.flush()
                    doc.update(warc_file=self.archive.ref, warc_offset=offset)
        self.store.frontier_add(rows, doc)

    async def source(self, src: Source) -> None:
        if not self.dry_run:
            self.store.save_source(src)
        errors: list = []
        refs = await discover(src, self.fetcher, since=self.since, until=self.until, keywords=self.keywords,
                              errors=errors, validators=self.validators, on_doc=self.on_doc)
        for url, exc in errors:
            self._error(url, "discover", exc, {"source": src.name, "kind": "document", "status": "failed",
                                               "last_error": str(exc)})
        self.summary.discovered += len(refs)
        self.tick("discovered", len(refs))
        if self.dry_run:
            self._plan(src, refs)
            return
        pending = self.store.crawl_pending([src.name], refresh=self.refresh, max_attempts=self.s.max_attempts)
        waiting = {r["url"] for r in pending}
        skipped = sum(1 for r in refs if r.url not in waiting)
        self.summary.skipped += skipped
        self.tick("skipped", skipped)
        for row in pending:
            self.enqueue(row)

    def _plan(self, src: Source, refs: list[PageRef]) -> None:
        pending = self.store.crawl_pending([src.name], refresh=self.refresh, max_attempts=self.s.max_attempts)
        waiting = {r["url"] for r in pending}
        listed: set[str] = set()
        for r in refs:
            if r.url in waiting or self.store.url_status(r.url) is None:
                self.planned.append(r.url)
                listed.add(r.url)
            else:
                self.summary.skipped += 1
        self.planned.extend(r["url"] for r in pending if r["url"] not in listed)

    # fetching ------------------------------------------------------------------------------
    def enqueue(self, row: dict) -> None:
        if row["url"] in self.queued:
            return
        self.queued.add(row["url"])
        host = urlsplit(row["url"]).netloc.lower()
        self.queues.setdefault(host, deque()).append(row)
        self.summary.queued += 1
        self.tick("queued", 1)
        if self.workers.get(host, 0) < self.s.per_host:
            self.workers[host] = self.workers.get(host, 0) + 1
            task = asyncio.create_task(self._worker(host))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def _worker(self, host: str) -> None:
        q = self.queues[host]
        try:
            while q:
                await self.one(q.popleft())
        finally:
            self.workers[host] -= 1

    async def drain(self) -> None:
        while self.tasks:
            await asyncio.gather(*list(self.tasks))

    async def one(self, row: dict) -> None:
        url = row["url"]
        if url in self.covered and not self.refresh:  # an alias fetched meanwhile covered it
            self.summary.duplicates += 1
            self.tick("duplicate", 1)
            return
        try:
            pages, canonical = await self._fetch_article(row)
        except RobotsDisallowed as exc:
            self.summary.disallowed += 1
            self.tick("disallowed", 1)
            self._error(url, "fetch", exc, {"status": "disallowed", "retryable": 0, "last_error": str(exc),
                                            "run_id": self.run_id}, attempt=True)
            return
        except FetchError as exc:
            self.summary.failed += 1
            self.tick("failed", 1)
            self._error(url, "fetch", exc, {"status": "failed", "retryable": int(exc.retryable),
                                            "last_error": str(exc), "http_status": getattr(exc, "status", None),
                                            "run_id": self.run_id}, attempt=True)
            return
        first = pages[0]
        if first.status == 304:
            self.summary.not_modified += 1
            self.tick("not_modified", 1)
            # the archived copy stands for the page; with --refresh it is extracted again from there
            status = "fetched" if row.get("warc_file") and self.refresh else "not_modified"
            self.store.url_update(url, {"status": status, "http_status": 304, "fetched_at": first.fetched_at,
                                        "last_error": None, "retryable": None, "run_id": self.run_id},
                                  count_attempt=True)
            return
        if canonical != url and self._covered(canonical, url):
            self.summary.duplicates += 1
            self.tick("duplicate", 1)
            self.store.url_update(url, {"status": "duplicate", "canonical": canonical, "http_status": first.status,
                                        "fetched_at": first.fetched_at, "last_error": None, "retryable": None,
                                        "run_id": self.run_id}, count_attempt=True)
            return
        w = self.archive.get()
        entries = []
        for p in pages:
            offset, rid = w.write_response(p.final_url, p.status, p.reason, p.headers, p.body, p.fetched_at,
                                           kind="page", http_version=p.http_version)
            entries.append({"url": p.final_url, "offset": offset, "record_id": rid, "encoding": p.encoding})
        meta_offset = w.write_article(canonical, entries, source=row["source"], published=row.get("published"),
                                      title=row.get("title") or "", fetched_at=first.fetched_at,
                                      refers_to=entries[0]["record_id"])
        w.flush()  # on disk (for a killed process) before the database points at it
        self.store.url_update(url, {
            "status": "fetched", "http_status": first.status, "fetched_at": first.fetched_at, "etag": first.etag,
            "last_modified": first.last_modified, "canonical": canonical, "warc_file": self.archive.ref,
            "warc_offset": meta_offset, "pages": len(pages), "content_hash": pages_hash([p.body for p in pages]), "last_error": None,
            "retryable": None, "run_id": self.run_id}, count_attempt=True)
        if canonical != url:  # the canonical URL itself need not be fetched any more
            known = self.store.url_status(canonical)
            if known is None or known.get("status") in ("queued", "failed"):
                self.store.url_update(canonical, {"source": row["source"], "kind": "article", "status": "duplicate",
                                                  "canonical": canonical})
                self.covered.add(canonical)
        self.summary.fetched += 1
        self.tick("fetched", 1)

    def _covered(self, canonical: str, url: str) -> bool:
        """Whether the article ``url`` resolves to is fetched already (under
        its canonical URL or another alias of it)."""
        row = self.store.url_status(canonical)
        return bool(row and row.get("status") in ("fetched", "done", "not_modified", "duplicate"))

    async def _fetch_article(self, row: dict) -> tuple[list[Response], str]:
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
        while nxt and nxt not in seen and len(pages) < self.s.max_pages:
            seen.add(nxt)
            try:
                page = await self.fetcher.fetch(nxt, source=row["source"])
            except FetchError as exc:
                if exc.retryable:
                    raise  # the article is retried whole, later
                self._error(nxt, "fetch", exc, None)  # a dead continuation page: keep what came before
                break
            if page.status != 200 or page.final_url in seen and page.final_url != nxt:
                break
            seen.add(page.final_url)
            pages.append(page)
            _, further = page_links(page.body, page.final_url, first=base, page=len(pages), encoding=page.encoding)
            nxt = further[0] if further else None
        return pages, canonical

    def _error(self, url: str, stage: str, exc: BaseException, fields: Optional[dict], attempt: bool = False) -> None:
        self.summary.errors += 1
        self.summary.error_list.append((url, stage, str(exc)))
        self.tick("errors", 1)
        if self.dry_run:
            return
        if fields is None:
            self.store.record_error(url, stage, exc, self.run_id)
        else:
            self.store.url_update(url, fields, error=(stage, exc), run_id=self.run_id, count_attempt=attempt)


def _rate_for(settings: Settings) -> dict[str, float]:
    rate_for: dict[str, float] = {}
    for src in settings.sources:
        if src.rate_limit:
            for u in (src.home, *src.feeds, *src.sitemaps, *src.urls, *(lst.url for lst in src.listings)):
                if u:
                    rate_for[urlsplit(u).netloc.lower()] = src.rate_limit
    return rate_for


async def crawl(settings: Settings, store: Store, summary: Summary, *, run_id: Optional[int] = None,
                since: Optional[str] = None, until: Optional[str] = None, refresh: bool = False,
                dry_run: bool = False, archive_dir: Optional[Union[str, Path]] = None,
                progress: Optional[Progress] = None) -> list[str]:
    """Discover and fetch: every source's documents, then its pending article
    URLs, sources side by side. Fetched articles are archived and left with
    status ``fetched`` for :func:`store_fetched`. Returns, on a dry run, the
    URLs that would be fetched (nothing is written)."""
    tick = progress or (lambda name, n=1: None)
    archive = None
    if not dry_run:
        base = store.path.resolve().parent
        archive = _Archive(Path(archive_dir) if archive_dir else default_archive_dir(store.path), run_id, base)
    try:
        async with Fetcher(settings, rate_for=_rate_for(settings)) as fetcher:
            c = _Crawl(settings, store, summary, fetcher, run_id=run_id, since=since, until=until, refresh=refresh,
                       dry_run=dry_run, tick=tick, archive=archive)
            await asyncio.gather(*(c.source(src) for src in settings.sources))
            await c.drain()
            return c.planned
    finally:
        if archive is not None:
            archive.close()


def archived_items(store: Store, rows: Iterable[dict]) -> Iterator[Item]:
    """RawPages, read back from the archive, of crawl-state rows (status
    ``fetched``). An unreadable record sends its URL back to the frontier."""
    base = store.path.resolve().parent
    for row in rows:
        path = Path(row["warc_file"] or "")
        if not path.is_absolute():
            path = base / path
        try:
            art = read_article(path, int(row["warc_offset"] or 0))
        except InputError as exc:
            store.url_update(row["url"], {"status": "queued", "last_error": str(exc)})
            yield Failure(row["url"], "input", exc)
            continue
        yield raw_from_archive(art, url=row.get("canonical") or art.url, published=row.get("published"))


def raw_from_archive(art: ArchivedArticle, *, url: Optional[str] = None, published: Optional[str] = None) -> RawPage:
    first, *more = art.pages
    return RawPage(url or art.url, first.body, "html", published=published or art.published, source=art.source,
                   encoding=first.encoding, fetched_at=art.fetched_at, outlet=art.source,
                   more=tuple((p.body, p.encoding) for p in more))


def store_fetched(settings: Settings, store: Store, summary: Summary, run_id: Optional[int], *,
                  extract_all: bool = False, refresh: bool = False, workers: int = 1,
                  progress: Optional[Progress] = None) -> None:
    """Parse, extract and store every fetched article of the configured
    sources not stored yet (this run's, and those of a run that stopped
    before storing them), from the archive; each URL is then ``done``."""
    rows = store.crawl_unstored([s.name for s in settings.sources])
    by_url: dict[str, list[str]] = {}
    for row in rows:
        by_url.setdefault(row.get("canonical") or row["url"], []).append(row["url"])

    def done(url: str, error: Optional[BaseException]) -> None:
        for u in by_url.get(url, [url]):
            if error is None:
                store.url_update(u, {"status": "done", "last_error": None})
            elif not isinstance(error, InputError):
                store.url_update(u, {"status": "failed", "retryable": 0, "last_error": str(error)})

    process(archived_items(store, rows), store, run_id, summary, extract_all=extract_all, refresh=refresh,
            workers=workers, threshold=settings.relevance_threshold, progress=progress, on_done=done)


def run_batch(settings: Settings, store: Store, *, since: Optional[str] = None, until: Optional[str] = None,
              refresh: bool = False, extract_all: bool = False, dry_run: bool = False, workers: int = 1,
              progress: Optional[Progress] = None, command: str = "run",
              archive_dir: Optional[Union[str, Path]] = None) -> tuple[Summary, list[str]]:
    """The batch: discover and fetch (archiving every response), then parse,
    extract and store what was fetched. Resumes what an earlier run left."""
    tick = progress or (lambda name, n=1: None)
    summary = Summary()
    archive_dir = archive_dir or settings.archive_dir or None
    if dry_run:
        planned = asyncio.run(crawl(settings, store, summary, since=since, until=until, refresh=refresh,
                                    dry_run=True, progress=tick))
        return summary, planned
    store.fast_commits()
    run_id = store.start_run(command, {"sources": [s.name for s in settings.sources], "since": since,
                                       "until": until, "refresh": refresh})
    asyncio.run(crawl(settings, store, summary, run_id=run_id, since=since, until=until, refresh=refresh,
                      archive_dir=archive_dir, progress=tick))
    store_fetched(settings, store, summary, run_id, extract_all=extract_all, refresh=refresh, workers=workers,
                  progress=tick)
    store.finish_run(run_id, summary.as_dict())
    return summary, []


def archive_items(path: Union[str, Path]) -> Iterator[Item]:
    """Articles from WARC files alone (pantau's archive, or foreign WARCs such
    as Common Crawl News), for ``extract --from-archive`` and ``ingest``."""
    problems: list = []
    for got in iter_articles(path, problems):
        if isinstance(got, tuple):
            yield Failure(got[0], "input", got[1])
        else:
            yield raw_from_archive(got)
    for f, exc in problems:
        yield Failure(f, "input", exc)


# --------------------------------------------------------------------------- local inputs
def read_local(path: str | Path) -> Iterator[Item]:
    """A folder of .html/.htm/.txt files (and WARC files), one file, a JSONL
    file (one article per line: url, title, published, and text or html), or
    a WARC file (.warc, .warc.gz: pantau's archive or e.g. Common Crawl News)."""
    p = Path(path)
    if not p.exists():
        raise InputError(Msg.INPUT_NOT_FOUND.format(path=p))
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.suffix.lower() in (".html", ".htm", ".txt") and f.is_file())
        warcs = sorted(f for f in p.rglob("*") if f.name.lower().endswith((".warc", ".warc.gz")) and f.is_file())
        if not files and not warcs:
            raise InputError(Msg.INPUT_EMPTY.format(path=p))
        for f in files:
            yield _read_file(f)
        for f in warcs:
            yield from archive_items(f)
        return
    if p.name.lower().endswith((".warc", ".warc.gz")):
        yield from archive_items(p)
        return
    if p.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _read_jsonl(p)
        return
    yield _read_file(p)


def _read_file(f: Path) -> Item:
    url = f.resolve().as_uri()
    try:
        raw = f.read_bytes()
        if f.suffix.lower() in (".html", ".htm"):
            return RawPage(url, raw, "html", source="local")
        return RawPage(url, raw, "text", source="local")  # decoded like pages: BOM, UTF-8, windows-1252
    except OSError as exc:
        return Failure(url, "input", InputError(Msg.INPUT_UNREADABLE.format(path=f, detail=exc)))


def _read_jsonl(p: Path) -> Iterator[Item]:
    with p.open("r", encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            url = f"{p.resolve().as_uri()}#L{n}"
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
            except ValueError as exc:
                yield Failure(url, "input", InputError(Msg.INPUT_JSONL.format(path=p, line=n, detail=exc)))
                continue
            url = obj.get("url") or url
            kind = "html" if obj.get("html") else "text" if obj.get("text") else None
            if kind is None:
                yield Failure(url, "input", InputError(Msg.INPUT_JSONL.format(path=p, line=n,
                                                                              detail="needs 'text' or 'html'")))
                continue
            yield RawPage(url, obj[kind], kind, title=obj.get("title") or "", published=obj.get("published"),
                          source="jsonl")
