"""The batch: sources -> fetched pages -> articles -> records -> SQLite.

:func:`run_batch` crawls the configured sources; :func:`ingest` reads local
files. Both hand articles to :func:`process`, which scores relevance,
extracts (in ``workers`` processes when asked) and stores. Every failure
becomes a row in the ``errors`` table with its URL and stage; the batch
goes on.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import multiprocessing as mp
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from .config import Settings
from .errors import FetchError, InputError, Msg, PantauError, ParseError
from .fetch import Fetcher
from .html import article_from_html, article_from_text
from .nlp.relevance import relevance, threshold as default_threshold
from .sources import canonical_url, discover
from .store import Store
from .types import Article, Extraction

Progress = Callable[[str, int], None]  # (counter name, increment)


@dataclass
class Summary:
    discovered: int = 0
    fetched: int = 0
    not_modified: int = 0
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

    @property
    def content_hash(self) -> str:
        """Equal to the ``html_hash`` the parsed Article will carry."""
        raw = self.content if isinstance(self.content, bytes) else self.content.encode("utf-8")
        return hashlib.sha256(raw).hexdigest()

    def parse(self) -> Article:
        if self.kind == "text":
            text = self.content.decode("utf-8", "replace") if isinstance(self.content, bytes) else self.content
            return article_from_text(text, self.url, title=self.title, published=self.published, source=self.source)
        art = article_from_html(self.content, self.url, encoding=self.encoding, source=self.source,
                                fetched_at=self.fetched_at)
        if self.title or (self.published and not art.published):
            art = replace(art, title=self.title or art.title, published=art.published or self.published)
        return art


Item = Union[Article, RawPage, Failure]
Result = Union[tuple[Article, float, Optional[Extraction]], Failure]


# --------------------------------------------------------------------------- extraction workers
def _work(item: Union[Article, RawPage], cut: float, extract_all: bool) -> Result:
    """Parse (when raw), score and extract one article. Runs in a worker."""
    from .nlp import extract

    stage = "parse"
    try:
        article = item.parse() if isinstance(item, RawPage) else item
        rel = relevance(article.title, article.text)
        stage = "extract"
        ex = extract(article) if rel >= cut or extract_all else None
        return article, rel, ex
    except PantauError as exc:
        return Failure(item.url, exc.stage if stage == "parse" else stage, exc)
    except Exception as exc:  # one bad article must not stop the batch
        return Failure(item.url, stage, exc)


def _results(items: Iterable[Union[Article, RawPage]], workers: int, cut: float, extract_all: bool):
    """Results in input order. With several workers, batches are handed to a
    fork pool as lists: only the main thread touches the database."""
    if workers <= 1:
        for it in items:
            yield _work(it, cut, extract_all)
        return
    from .nlp.pipeline import load

    load()  # build once in the parent; forked workers inherit it
    fn = partial(_work, cut=cut, extract_all=extract_all)
    batch_size = workers * 16
    with mp.get_context("fork").Pool(workers) as pool:
        batch: list = []
        for it in items:
            batch.append(it)
            if len(batch) >= batch_size:
                yield from pool.imap(fn, batch, chunksize=4)
                batch = []
        if batch:
            yield from pool.imap(fn, batch, chunksize=4)


def process(items: Iterable[Item], store: Store, run_id: Optional[int], summary: Summary, *,
            extract_all: bool = False, refresh: bool = False, workers: int = 1,
            threshold: Optional[float] = None, progress: Optional[Progress] = None) -> None:
    """Parse, score, extract and store; record failures. What is already
    stored from the same content by this version is skipped unless ``refresh``."""
    cut = default_threshold() if threshold is None else threshold
    tick = progress or (lambda name, n=1: None)

    def pending() -> Iterator[Union[Article, RawPage]]:
        for item in items:
            if isinstance(item, Failure):
                _fail(store, run_id, summary, item, tick)
                continue
            current = (store.is_current_hash(item.url, item.content_hash) if isinstance(item, RawPage)
                       else store.is_current(item))
            if current and not refresh:
                summary.skipped += 1
                tick("skipped", 1)
                continue
            yield item

    for result in _results(pending(), workers, cut, extract_all):
        if isinstance(result, Failure):
            _fail(store, run_id, summary, result, tick)
            continue
        article, rel, ex = result
        summary.relevant += int(rel >= cut)
        _store(store, article, rel, ex, run_id, summary, tick)


def _store(store: Store, article: Article, rel: float, ex: Optional[Extraction], run_id, summary: Summary, tick) -> None:
    try:
        store.save(article, rel, ex, run_id)
    except PantauError as exc:
        _fail(store, run_id, summary, Failure(article.url, "store", exc), tick)
        return
    summary.stored += 1
    tick("stored", 1)
    if ex is not None:
        summary.extracted += 1
        summary.officials += len(ex.officials)
        summary.events += len(ex.events)
        tick("extracted", 1)


def _fail(store: Store, run_id, summary: Summary, f: Failure, tick) -> None:
    summary.errors += 1
    summary.error_list.append((f.url, f.stage, str(f.error)))
    tick("errors", 1)
    store.record_error(f.url, f.stage, f.error, run_id)


# --------------------------------------------------------------------------- crawling
async def _crawl(settings: Settings, store: Store, summary: Summary, *, since, until, refresh, dry_run,
                 tick: Progress, out: list[Item]) -> list[str]:
    rate_for = {}
    from urllib.parse import urlsplit

    for src in settings.sources:
        if src.rate_limit:
            for u in (src.home, *src.feeds, *src.sitemaps, *src.urls):
                if u:
                    rate_for[urlsplit(u).netloc] = src.rate_limit
    planned: list[str] = []
    async with Fetcher(settings, rate_for=rate_for) as fetcher:
        refs = []
        for src in settings.sources:
            if not dry_run:
                store.save_source(src)
            errs: list = []
            found = await discover(src, fetcher, since=since, until=until, errors=errs)
            for url, exc in errs:
                out.append(Failure(url, "discover", exc))
            refs.extend(found)
        summary.discovered = len(refs)
        tick("discovered", len(refs))
        todo = []
        for ref in refs:
            st = store.url_status(ref.url)
            if st and st["status"] == "fetched" and not refresh:
                summary.skipped += 1
                tick("skipped", 1)
                continue
            todo.append((ref, st))
        planned = [r.url for r, _ in todo]
        if dry_run:
            return planned

        async def one(ref, st):
            store.set_url(ref.url, source=ref.source, status="fetching", published=ref.published)
            try:
                page = await fetcher.fetch(ref.url, source=ref.source, etag=(st or {}).get("etag") or "",
                                           last_modified=(st or {}).get("last_modified") or "")
            except FetchError as exc:
                attempts = ((st or {}).get("attempts") or 0) + 1
                store.set_url(ref.url, status="failed", attempts=attempts, last_error=str(exc))
                out.append(Failure(ref.url, "fetch", exc))
                return
            if page.status == 304:
                summary.not_modified += 1
                tick("not_modified", 1)
                store.set_url(ref.url, status="fetched", fetched_at=page.fetched_at)
                return
            summary.fetched += 1
            tick("fetched", 1)
            try:
                art = article_from_html(page.body, ref.url, encoding=page.encoding, outlet=ref.source,
                                        fetched_at=page.fetched_at, source=ref.source)
                if not art.published and ref.published:
                    art = Article(**{**art.__dict__, "published": ref.published})
                out.append(art)
            except ParseError as exc:
                out.append(Failure(ref.url, "parse", exc))
            store.set_url(ref.url, status="fetched", fetched_at=page.fetched_at, etag=page.etag,
                          last_modified=page.last_modified, attempts=((st or {}).get("attempts") or 0) + 1,
                          last_error=None)

        await asyncio.gather(*(one(r, st) for r, st in todo))
    return planned


def run_batch(settings: Settings, store: Store, *, since: Optional[str] = None, until: Optional[str] = None,
              refresh: bool = False, extract_all: bool = False, dry_run: bool = False, workers: int = 1,
              progress: Optional[Progress] = None, command: str = "run") -> tuple[Summary, list[str]]:
    tick = progress or (lambda name, n=1: None)
    summary = Summary()
    run_id = None if dry_run else store.start_run(command, {"sources": [s.name for s in settings.sources],
                                                            "since": since, "until": until})
    items: list[Item] = []
    planned = asyncio.run(_crawl(settings, store, summary, since=since, until=until, refresh=refresh,
                                 dry_run=dry_run, tick=tick, out=items))
    if dry_run:
        return summary, planned
    process(items, store, run_id, summary, extract_all=extract_all, refresh=refresh, workers=workers,
            threshold=settings.relevance_threshold, progress=tick)
    store.finish_run(run_id, summary.as_dict())
    return summary, planned


# --------------------------------------------------------------------------- local inputs
def read_local(path: str | Path) -> Iterator[Item]:
    """A folder of .html/.htm/.txt files, one file, or a JSONL file (one
    article per line: url, title, published, and text or html)."""
    p = Path(path)
    if not p.exists():
        raise InputError(Msg.INPUT_NOT_FOUND.format(path=p))
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.suffix.lower() in (".html", ".htm", ".txt") and f.is_file())
        if not files:
            raise InputError(Msg.INPUT_EMPTY.format(path=p))
        for f in files:
            yield _read_file(f)
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
        return RawPage(url, raw.decode("utf-8", "replace"), "text", source="local")
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
