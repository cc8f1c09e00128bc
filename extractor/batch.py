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

import multiprocessing as mp
from collections import deque
from functools import partial
from typing import Callable, Iterable, Iterator, Optional, Union

from .dedup import Signature, signature
from .errors import PantauError
from .inputs import Item, RawPage
from .nlp.relevance import relevance, threshold as default_threshold
from .runlog import Failure, RunLog
from .store import Store
from .types import Article, Extraction

#: what the workers hand back for one item
Result = Union[tuple[Article, float, Optional[Extraction], Optional[Signature]], Failure]
#: told when an item is settled: (url, None) stored or skipped, (url, error) failed
OnDone = Callable[[str, Optional[BaseException]], None]
#: articles per spaCy pass, and per task handed to a worker process
CHUNK = 8


def extract_and_store(items: Iterable[Item], store: Store, log: RunLog, *, extract_all: bool = False,
                      refresh: bool = False, workers: int = 1, threshold: Optional[float] = None,
                      on_done: Optional[OnDone] = None) -> None:
    """Parse, score, extract and store ``items``; record failures in ``log``.
    What is already stored from the same content by this version is skipped
    unless ``refresh``; with ``extract_all`` an article stored below the
    relevance threshold is extracted now."""
    cut = default_threshold() if threshold is None else threshold
    done = on_done or (lambda url, error: None)

    def pending() -> Iterator[Union[Article, RawPage]]:
        for item in items:
            if isinstance(item, Failure):
                log.failed(item)
                done(item.url, item.error)
                continue
            current = (store.is_current_hash(item.url, item.content_hash) if isinstance(item, RawPage)
                       else store.is_current(item))
            if current and extract_all and not (store.article_state(item.url) or {}).get("extracted"):
                current = False  # stored below the threshold; --all extracts it now
            if current and not refresh:
                log.count("skipped")
                done(item.url, None)
                continue
            yield item

    for result in _results(pending(), workers, cut, extract_all):
        if isinstance(result, Failure):
            log.failed(result)
            done(result.url, result.error)
            continue
        article, rel, ex, sig = result
        log.count("relevant", int(rel >= cut), show=False)
        done(article.url, _store(store, log, article, rel, ex, sig))


def _store(store: Store, log: RunLog, article: Article, rel: float, ex: Optional[Extraction],
           sig: Optional[Signature]) -> Optional[BaseException]:
    try:
        store.save(article, rel, ex, log.run_id, signature=sig)
    except PantauError as exc:
        log.failed(Failure(article.url, "store", exc))
        return exc
    log.count("stored")
    if ex is not None:
        log.count("extracted")
        log.count("officials", len(ex.officials), show=False)
        log.count("events", len(ex.events), show=False)
    return None


# --------------------------------------------------------------------------- extraction workers
def _results(items: Iterable[Union[Article, RawPage]], workers: int, cut: float,
             extract_all: bool) -> Iterator[Result]:
    """Results in input order, extracted in chunks. With several workers,
    chunks are handed to a fork pool as lists (only the main process touches
    the database), and the next ones are already submitted while the main
    process stores the ones before, so the workers do not wait for the writes."""
    if workers <= 1:
        for chunk in _chunks(items, CHUNK):
            yield from _work_many(chunk, cut, extract_all)
        return
    from .nlp.pipeline import load

    load()  # build once in the parent; forked workers inherit it
    fn = partial(_work_many, cut=cut, extract_all=extract_all)
    with mp.get_context("fork").Pool(workers) as pool:
        in_flight: deque = deque()
        for group in _chunks(_chunks(items, CHUNK), workers):
            in_flight.append(pool.map_async(fn, group))
            if len(in_flight) > 2:
                for done in in_flight.popleft().get():
                    yield from done
        while in_flight:
            for done in in_flight.popleft().get():
                yield from done


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _work_one(item: Union[Article, RawPage], cut: float, extract_all: bool) -> Result:
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
    """:func:`_work_one` for several articles, with one spaCy pass over those
    to extract (the NER batches them: ~20% less time per article than one by
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
        return [p if isinstance(p, Failure) else _work_one(p[0], cut, extract_all) for p in parsed]
    out: list[Result] = []
    for p in parsed:
        if isinstance(p, Failure):
            out.append(p)
            continue
        _, article, rel = p
        out.append((article, rel, done.get(id(article)), signature(article.text)))
    return out
