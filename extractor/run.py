"""The batch, end to end: sources -> fetched pages -> articles -> records -> SQLite.

:func:`run_batch` crawls the configured sources (:mod:`extractor.crawl`),
then parses, extracts and stores what was fetched from the archive
(:func:`store_fetched`); it resumes what an earlier run left. :func:`ingest`
stores items from a reader (:mod:`extractor.inputs`: local files, JSONL,
WARC files) as one run. Both hand their items to the batch runner
(:func:`extractor.batch.extract_and_store`); every failure becomes a row in
the ``errors`` table with its URL and stage, and the batch goes on.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .archive import read_article
from .batch import extract_and_store
from .config import Settings
from .crawl import crawl
from .errors import InputError
from .inputs import Item, raw_from_archive
from .runlog import Failure, Progress, RunLog, Summary
from .site_titles import with_site_titles
from .store import Store


def run_batch(settings: Settings, store: Store, *, since: Optional[str] = None, until: Optional[str] = None,
              refresh: bool = False, extract_all: bool = False, dry_run: bool = False, workers: int = 1,
              progress: Optional[Progress] = None, command: str = "run",
              archive_dir: Optional[Union[str, Path]] = None) -> tuple[Summary, list[str]]:
    """The batch: discover and fetch (archiving every response), then parse,
    extract and store what was fetched. Returns the run's summary and, on a
    dry run (which writes nothing), the URLs that would be fetched."""
    archive_dir = archive_dir or settings.archive_dir or None
    if dry_run:
        log = RunLog(None, None, progress)
        planned = asyncio.run(crawl(settings, store, log, since=since, until=until, refresh=refresh, dry_run=True))
        return log.summary, planned
    store.fast_commits()
    run_id = store.start_run(command, {"sources": [s.name for s in settings.sources], "since": since,
                                       "until": until, "refresh": refresh})
    log = RunLog(store, run_id, progress)
    asyncio.run(crawl(settings, store, log, since=since, until=until, refresh=refresh, archive_dir=archive_dir))
    store_fetched(settings, store, log, extract_all=extract_all, refresh=refresh, workers=workers)
    store.finish_run(run_id, log.summary.as_dict())
    return log.summary, []


def store_fetched(settings: Settings, store: Store, log: RunLog, *, extract_all: bool = False,
                  refresh: bool = False, workers: int = 1) -> None:
    """Parse, extract and store every fetched article of the configured
    sources not stored yet (this run's, and those of a run that stopped
    before storing them), from the archive; each URL is then ``done``. The
    titles are read first, and each host's site affixes learned from them
    are stripped from its titles (:mod:`extractor.site_titles`)."""
    rows = store.frontier.unstored([s.name for s in settings.sources])
    by_url: dict[str, list[str]] = {}
    for row in rows:
        by_url.setdefault(row.get("canonical") or row["url"], []).append(row["url"])

    def done(url: str, error: Optional[BaseException]) -> None:
        for u in by_url.get(url, [url]):
            if error is None:
                store.frontier.stored(u)
            elif not isinstance(error, InputError):  # an unreadable record went back to the queue
                store.frontier.store_failed(u, error)

    # one article per transaction: each fetched URL is marked done as soon as its article is stored, so a
    # crawl killed while storing leaves every URL's state true to the database (the crawl commits cheaply)
    items = with_site_titles(read_fetched(store, rows), learn_from=read_fetched(store, rows, requeue=False))
    extract_and_store(items, store, log, extract_all=extract_all, refresh=refresh, workers=workers,
                      threshold=settings.relevance_threshold, on_done=done, batch_size=1)


def read_fetched(store: Store, rows: Iterable[dict], *, requeue: bool = True) -> Iterator[Item]:
    """The reader of fetched articles: RawPages, read back from the archive,
    of crawl-state rows (status ``fetched``). An unreadable record sends its
    URL back to the frontier (unless not ``requeue``: a first read for the
    titles) and is a Failure."""
    base = store.path.resolve().parent
    for row in rows:
        path = Path(row["warc_file"] or "")
        if not path.is_absolute():
            path = base / path
        try:
            art = read_article(path, int(row["warc_offset"] or 0))
        except InputError as exc:
            if requeue:
                store.frontier.requeue(row["url"], exc)
            yield Failure(row["url"], "input", exc)
            continue
        yield raw_from_archive(art, url=row.get("canonical") or art.url, published=row.get("published"))


def ingest(store: Store, items: Iterable[Item], *, command: str = "ingest", config: Optional[dict] = None,
           extract_all: bool = False, refresh: bool = False, workers: int = 1,
           progress: Optional[Progress] = None, origins: Optional[dict] = None) -> Summary:
    """Parse, extract and store ``items`` from a reader as one run (a ``runs``
    row with ``command`` and ``config``); returns its summary. When ``items``
    can be read twice (the readers of :mod:`extractor.inputs`), their titles
    are read first and each host's site affixes stripped from its titles
    (:mod:`extractor.site_titles`). ``origins`` (url -> (input, position),
    filled by the reader as it goes, e.g. :func:`extractor.cluster.read_inputs`)
    become ``article_origins`` rows."""
    run_id = store.start_run(command, config or {})
    log = RunLog(store, run_id, progress)
    stored = None
    if origins is not None:
        def stored(article, aid):
            if article.url in origins:
                store.set_origin(aid, *origins[article.url])
    extract_and_store(with_site_titles(items), store, log, extract_all=extract_all, refresh=refresh,
                      workers=workers, on_stored=stored)
    store.finish_run(run_id, log.summary.as_dict())
    return log.summary


def ingest_distributed(store: Store, inputs: list, *, dask: str, command: str = "ingest",
                       config: Optional[dict] = None, say=None, **options) -> tuple[Summary, dict]:
    """Ingest ``inputs`` on a Dask cluster as one run (:func:`extractor.cluster.ingest`:
    ``options`` are its); returns the run's summary and the cluster run's figures
    (prefilter counts, shards, failed shards, merge time)."""
    from .cluster import ingest as cluster_ingest

    store.fast_commits()
    run_id = store.start_run(command, {**(config or {}), "dask": dask})
    log = RunLog(store, run_id)
    kw = {"say": say} if say is not None else {}
    stats = cluster_ingest(inputs, store, log, dask=dask, **kw, **options)
    store.finish_run(run_id, {**log.summary.as_dict(), "prefilter": stats["counts"], "shards": stats["shards"],
                              "failed_shards": stats["failed"]})
    return log.summary, stats
