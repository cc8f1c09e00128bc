"""The batch runner: items in, articles and records stored.

:func:`extract_and_store` takes items from any reader (:mod:`extractor.inputs`,
or the crawl's archive) and a :class:`~extractor.store.Store`: it parses raw
pages, scores relevance, signs each article for near-duplicates, extracts
what is relevant (in ``workers`` processes when asked) and stores; what is
already stored from the same content by this version is skipped. Every item
that fails becomes one failure in the run's :class:`~extractor.runlog.RunLog`
(an ``errors`` row with its URL and stage); the batch goes on.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import pickle
import signal
import tempfile
from collections import deque
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from itertools import chain, islice
from typing import Callable, Iterable, Iterator, Optional, Union

from .dedup import Signature, signature
from .errors import ExtractError, Msg, PantauError, ParseError, describe
from .inputs import Item, RawPage
from .nlp.relevance import relevance, threshold as default_threshold
from .runlog import Failure, Notice, RunLog
from .store import Batch, Store
from .types import Article, Extraction

@dataclass(frozen=True)
class BatchFailure:
    """A spaCy pass over a chunk failed though each of its articles, extracted
    alone, did not: recorded, and settles no item."""

    failure: Failure


#: what the workers hand back for one item (and, rarely, a chunk)
Result = Union[tuple[Article, float, Optional[Extraction], Optional[Signature]], Failure, BatchFailure]
#: told when an item is settled: (url, None) stored or skipped, (url, error) failed
OnDone = Callable[[str, Optional[BaseException]], None]
#: articles per spaCy pass, and per task handed to a worker process
CHUNK = 8


#: articles per transaction of the writer, at most: a batch also commits once its first article
#: was written a second ago (:class:`~extractor.store.Batch`), so a two-core ingest (~100
#: articles/s) commits about every 100 articles, and only a faster stream fills a batch. Each commit
#: writes every page it changed, and once the database is large the near-duplicate index's random
#: band keys change a page per key: fewer, larger transactions write fewer pages per article
#: (benchmarks/README.md, issue 18, ninth pass). The Dask merge's transactions hold as many shards
#: as fit (:class:`extractor.cluster._Merger`).
BATCH = 1024


def extract_and_store(items: Iterable[Item], store: Store, log: RunLog, *, extract_all: bool = False,
                      refresh: bool = False, workers: int = 1, threshold: Optional[float] = None,
                      on_done: Optional[OnDone] = None,
                      on_stored: Optional[Callable[[Article, int], None]] = None, batch_size: int = BATCH) -> None:
    """Parse, score, extract and store ``items``; record failures in ``log``.
    What is already stored from the same content by this version is skipped
    unless ``refresh``; with ``extract_all`` an article stored below the
    relevance threshold is extracted now. ``on_done`` hears of each item once
    what it wrote is committed; ``on_stored`` as :func:`store_results`.
    ``batch_size``: articles per transaction (1: each article commits, and
    is reported done, on its own)."""
    cut = default_threshold() if threshold is None else threshold
    done = on_done or (lambda url, error: None)
    with store.batch(batch_size) as b:

        def pending() -> Iterator[Union[Article, RawPage]]:
            for item in items:
                if not _settled(item, store, log, b, done, refresh=refresh, extract_all=extract_all):
                    yield item

        # closed here, not when collected: its pool ends and what it froze thaws even if storing raised
        with closing(_results(pending(), workers, cut, extract_all)) as results:
            store_results(results, store, log, cut=cut, extract_all=extract_all, refresh=refresh, on_done=done,
                          on_stored=on_stored, batch=b)


def store_results(results: Iterable[Result], store: Store, log: RunLog, *, cut: float, extract_all: bool = False,
                  refresh: bool = False, on_done: Optional[OnDone] = None,
                  on_stored: Optional[Callable[[Article, int], None]] = None, batch: Optional[Batch] = None,
                  before_commit: Optional[Callable[[], None]] = None) -> None:
    """The single writer: store the extraction workers' results in order,
    :data:`BATCH` articles to a transaction (``batch``: an open one to write
    into; ``before_commit``: bookkeeping to commit with each). A result whose
    URL was stored from the same content since it was read (a copy earlier in
    the input) is skipped unless ``refresh``. ``on_stored(article, id)`` runs
    inside the transaction that stores the article; ``on_done`` after it commits.
    A :class:`~extractor.runlog.Notice` among the results is recorded as a warning."""
    if batch is None:
        with store.batch(BATCH, before_commit) as b:
            store_results(results, store, log, cut=cut, extract_all=extract_all, refresh=refresh, on_done=on_done,
                          on_stored=on_stored, batch=b)
        return
    done = on_done or (lambda url, error: None)
    for result in results:
        if isinstance(result, BatchFailure):
            log.failed(result.failure)
            continue
        if isinstance(result, (Notice, Failure)):
            _settled(result, store, log, batch, done, refresh=refresh, extract_all=extract_all)
            continue
        article, rel, ex, sig = result
        if _settled(article, store, log, batch, done, refresh=refresh, extract_all=extract_all):
            continue
        log.count("relevant", int(rel >= cut), show=False)
        aid, error = batch.save(article, rel, ex, log.run_id, sig)
        if error is not None:
            log.failed(Failure(article.url, "store", error))
        else:
            log.count("stored")
            if ex is not None:
                log.count("extracted")
                log.count("officials", len(ex.officials), show=False)
                log.count("events", len(ex.events), show=False)
            if on_stored is not None:
                on_stored(article, aid)
        batch.after_commit(done, article.url, error)


def _settled(item, store: Store, log: RunLog, batch: Batch, done: OnDone, *, refresh: bool,
             extract_all: bool) -> bool:
    """Whether ``item`` is settled without extracting or storing it, recorded as
    it is: a :class:`Notice` (a value dropped; the item itself follows) as a
    warning, a :class:`Failure` as an error, an item stored from the same
    content by this version (unless ``refresh``) as skipped."""
    if isinstance(item, Notice):
        log.noted(item)
        return True
    if isinstance(item, Failure):
        log.failed(item)
        batch.after_commit(done, item.url, item.error)
        return True
    if not refresh and _is_current(store, item, extract_all):
        log.count("skipped")
        batch.after_commit(done, item.url, None)
        return True
    return False


def _is_current(store: Store, item: Union[Article, RawPage], extract_all: bool) -> bool:
    """Stored from the same content by this version (and, with ``extract_all``, extracted)."""
    if isinstance(item, RawPage):
        current = store.is_current_hash(item.url, item.content_hash)
    elif item.html_hash:
        current = store.is_current_hash(item.url, item.html_hash)
    else:
        current = store.is_current(item)
    if current and extract_all and not (store.article_state(item.url) or {}).get("extracted"):
        return False  # stored below the threshold; --all extracts it now
    return current


# --------------------------------------------------------------------------- extraction workers
def _results(items: Iterable[Union[Article, RawPage]], workers: int, cut: float,
             extract_all: bool) -> Iterator[Result]:
    """Results in input order, extracted in chunks. With several workers,
    chunks are handed to a fork pool as lists (only the main process touches
    the database), and the next ones are already submitted while the main
    process stores the ones before, so the workers do not wait for the writes.
    While the parent loads the model for them, the first pages are parsed on
    the otherwise idle core (:class:`_HeadStart`)."""
    if workers <= 1:
        # frozen after the first chunk (the model is loaded then), as the fork pool's workers below; thawed at
        # the end, with what the builders froze while the first chunk loaded them (extractor/memory.py), as
        # the pool's path thaws it: also when the run stops before its first chunk was done
        before = gc.get_freeze_count()
        frozen = False
        try:
            for chunk in _chunks(items, CHUNK):
                yield from _work_many(chunk, cut, extract_all)
                if not frozen:
                    gc.freeze()
                    frozen = True
        finally:
            if frozen or gc.get_freeze_count() > before:
                gc.unfreeze()
        return
    items = iter(items)
    # the model takes the parent 1-2 s to import and load, on one core: meanwhile a process of its own
    # parses the first pages (parsing needs no model), and the workers then only extract those
    with _HeadStart(items) as head:
        from .html import warm as warm_html
        from .nlp.pipeline import load, warm

        load()  # build once in the parent; forked workers inherit it
        warm()
        warm_html()
        _FIRST.extend(head.chunks())
    fn = partial(_work_any, cut=cut, extract_all=extract_all)
    # what exists now (the model, the lexicons, the gazetteer) is out of the collector's reach while the
    # workers run: a worker's collections would otherwise write to every inherited object's header and
    # copy the pages holding them (a 600-article run: 14-19% fewer page faults), and each full collection
    # would walk them all. Thawed at the end, what the builders froze too (extractor/memory.py)
    gc.freeze()
    try:
        with mp.get_context("fork").Pool(workers, initializer=_forget_first) as pool:
            in_flight: deque = deque()
            for group in _chunks(chain(_drain(_FIRST), _chunks(items, CHUNK)), workers):
                in_flight.append(pool.map_async(fn, group))
                if len(in_flight) > 2:
                    for done in in_flight.popleft().get():
                        yield from done
            while in_flight:
                for done in in_flight.popleft().get():
                    yield from done
    finally:
        _FIRST.clear()
        gc.unfreeze()


#: items the head start takes from the input, at most: more than its process parses while the model
#: loads on a slow machine (~2 s at ~5 ms a page); what it has not parsed by then goes to the workers
#: raw. It stops taking once the pages it took reach HEAD_START_BYTES (bytes, or characters of text)
HEAD_START = 512
HEAD_START_BYTES = 32 << 20
_HEAD: list[list] = []  # the head start's chunks while its process forks: it inherits them
#: the chunks the workers get first (the head start's); a module's, so that each worker, which
#: inherits them when the pool forks, lets go of its copy at once (:func:`_forget_first`)
_FIRST: deque = deque()


@dataclass(frozen=True)
class _Parsed:
    """A chunk the head start parsed: :func:`_parse`'s result for each item."""

    results: list


class _HeadStart:
    """Parse the first items (:data:`HEAD_START`, :data:`HEAD_START_BYTES`),
    in chunks, in one forked process while the parent loads the model. The
    process appends each chunk's results to an unlinked temporary file (a
    length, then the pickle), so it never waits for the parent.
    :meth:`chunks` ends the process and gives the chunks in input order:
    each one it finished as :class:`_Parsed`, the rest as they were read (a
    chunk it was parsing is parsed again by a worker). Leaving the ``with``
    block ends the process too, whatever happened. Without a temporary file
    or a fork there is no head start: every chunk is handed over as read."""

    def __init__(self, items: Iterator):
        self._raw = list(_chunks(_head(items), CHUNK))
        self._proc = None
        self._file = None

    def __enter__(self) -> "_HeadStart":
        if not self._raw:
            return self
        try:
            self._file = tempfile.TemporaryFile()
            _HEAD[:] = self._raw
            self._proc = mp.get_context("fork").Process(target=_parse_ahead, args=(self._file.fileno(),),
                                                        daemon=True)
            self._proc.start()
        except BaseException as exc:
            self._stop()
            if not isinstance(exc, OSError):
                raise
            # no temporary file, or no fork: the workers parse them all (a head start never fails a run)
        finally:
            _HEAD.clear()  # the process has its copy
        return self

    def chunks(self) -> list:
        """The chunks, handed over (this object keeps none of them); the process is ended first."""
        parsed = _records(self._stop())
        out = [_Parsed(pickle.loads(blob)) for blob in parsed] + self._raw[len(parsed):]
        self._raw = []
        return out

    def _stop(self) -> bytes:
        """End the process; what it wrote."""
        data = b""
        if self._proc is not None:
            if self._proc.pid is not None:  # (started)
                if self._proc.is_alive():
                    self._proc.kill()
                self._proc.join()
            self._proc.close()
            self._proc = None
        if self._file is not None:
            fd = self._file.fileno()
            data = os.pread(fd, os.fstat(fd).st_size, 0)  # (pread: the process shared the file's offset)
            self._file.close()
            self._file = None
        return data

    def __exit__(self, *exc) -> None:
        self._stop()
        self._raw = []


def _head(items: Iterator) -> Iterator:
    """The first items: :data:`HEAD_START` of them, or fewer when their pages reach :data:`HEAD_START_BYTES`."""
    size = 0
    for item in islice(items, HEAD_START):
        yield item
        size += _size(item)
        if size >= HEAD_START_BYTES:
            return


def _size(item: Union[Article, RawPage]) -> int:
    if isinstance(item, RawPage):
        return len(item.content) + sum(len(body) for body, _ in item.more)
    return len(item.text) if isinstance(item, Article) else 0


def _parse_ahead(fd: int) -> None:
    """The head start's process: parse the chunks it inherited, one record each
    (:func:`_records`) appended to ``fd``. Ctrl-C is the parent's to handle;
    on any error it stops quietly, and the workers parse what is left."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        for chunk in _HEAD:
            blob = pickle.dumps([_parse(item) for item in chunk], pickle.HIGHEST_PROTOCOL)
            record = memoryview(len(blob).to_bytes(8, "little") + blob)
            while record:
                record = record[os.write(fd, record):]
    except BaseException:
        return


def _records(data: bytes) -> list[bytes]:
    """The whole records of ``data`` (8 bytes of length, then that many), in
    order; a record cut short (the process ended while writing it) is not one."""
    out, pos = [], 0
    while pos + 8 <= len(data):
        n = int.from_bytes(data[pos:pos + 8], "little")
        if pos + 8 + n > len(data):
            break
        out.append(data[pos + 8:pos + 8 + n])
        pos += 8 + n
    return out


def _forget_first() -> None:
    """A worker's start: it drops its copy of the chunks the parent hands out first."""
    _FIRST.clear()


def _drain(chunks: deque) -> Iterator:
    """``chunks`` from the left, each let go of as it is taken."""
    while chunks:
        yield chunks.popleft()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _parse(item: Union[Article, RawPage]) -> Union[tuple[Article, float], Failure]:
    """The article (parsed when raw) and its relevance."""
    try:
        article = item.parse() if isinstance(item, RawPage) else item
        return article, relevance(article.title, article.text)
    except PantauError as exc:
        return Failure(item.url, exc.stage, exc)
    except Exception as exc:  # one bad page must not stop the batch
        return Failure(item.url, "parse", _wrapped(ParseError(Msg.PARSE_FAILED.format(detail=describe(exc)),
                                                              url=item.url), exc))


def _extract_alone(article: Article, rel: float) -> Result:
    """One article's extraction, alone: a failure is its own."""
    from .nlp import extract

    try:
        ex = extract(article, persons=False)
    except Exception as exc:
        return Failure(article.url, "extract", _wrapped(ExtractError(
            Msg.EXTRACT_FAILED.format(detail=describe(exc)), url=article.url), exc))
    return article, rel, ex, signature(article.text)


def _work_many(items: list, cut: float, extract_all: bool) -> list[Result]:
    """Parse, score, sign (near-duplicates) and extract a chunk of items, with
    one spaCy pass over those to extract (the NER batches them: ~20% less
    time per article than one by one; without ``persons``, which nothing
    stored reads, it runs only where a quote's speaker is looked for). Runs
    in a worker. When the pass fails, each article is extracted alone, so one
    bad article only fails itself; if none fails alone, the pass's failure is
    recorded as a :class:`BatchFailure`."""
    return _work_parsed([_parse(item) for item in items], cut, extract_all)


def _work_any(chunk: Union[list, _Parsed], cut: float, extract_all: bool) -> list[Result]:
    """A worker's task: a chunk of items, or of items the head start parsed."""
    if isinstance(chunk, _Parsed):
        return _work_parsed(chunk.results, cut, extract_all)
    return _work_many(chunk, cut, extract_all)


def _work_parsed(parsed: list, cut: float, extract_all: bool) -> list[Result]:
    """:func:`_work_many` after the parse: ``parsed`` holds :func:`_parse`'s results."""
    from .nlp import extract_many

    todo = [p[0] for p in parsed if not isinstance(p, Failure) and (p[1] >= cut or extract_all)]
    try:
        done, failed = {id(ex.article): ex for ex in extract_many(todo, persons=False)}, None
    except Exception as exc:
        done, failed = {}, exc
    wanted = {id(a) for a in todo}
    out: list[Result] = []
    for p in parsed:
        if isinstance(p, Failure):
            out.append(p)
        elif failed is not None and id(p[0]) in wanted:
            out.append(_extract_alone(*p))
        else:
            out.append((p[0], p[1], done.get(id(p[0])), signature(p[0].text)))
    if failed is not None and not any(isinstance(r, Failure) and r.stage == "extract" for r in out):
        out.append(BatchFailure(Failure(todo[0].url, "extract", _wrapped(ExtractError(
            Msg.EXTRACT_BATCH.format(n=len(todo), detail=describe(failed)), url=todo[0].url), failed))))
    return out


def _wrapped(error: PantauError, cause: BaseException) -> PantauError:
    error.__cause__ = cause
    return error
