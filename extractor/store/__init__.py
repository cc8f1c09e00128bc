"""SQLite storage. The only sub-package that imports sqlite-utils.

One :class:`Store` per database file. Every article is written with all its
extracted rows in one transaction, so a crash loses at most the article in
hand and never leaves half an article. Re-running on the same input changes
nothing: an article whose text and extractor version are unchanged is not
re-extracted, and a changed one has its rows replaced, not added to.

:class:`Store` is the front. Behind it: :mod:`.migrations` (the schema,
applied when a database is opened), :mod:`.articles` (one article and its
records), :mod:`.clusters` (the near-duplicate index), :mod:`.deferred`
(the rows a batch inserts at its commit) and :mod:`.frontier` (the crawl
state, ``Store.frontier``).
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
import sys
from typing import Callable, Iterable, Optional, Sequence

# sqlite-utils imports pandas, when installed, only to map pandas.Timestamp to TEXT: pantau never
# hands it one, and the import costs ~0.6 s of CPU at every start. Hidden while sqlite-utils loads
# (an import of pandas elsewhere afterwards is unaffected).
_hidden = "pandas" not in sys.modules and sys.modules.setdefault("pandas", None) is None
try:
    import sqlite_utils
finally:
    if _hidden:
        del sys.modules["pandas"]

from .. import dedup
from ..datafiles import extractor_version
from ..errors import Msg, StoreError
from ..types import Article, Extraction, Source
from .articles import article_state, text_hash, write_article, write_rows
from .common import insert_error, now
from .deferred import FTS_DEFERRED, Deferred
from .frontier import Frontier
from .migrations import SCHEMA_VERSION, migrate, schema_version

#: tables a user may export or query by name
TABLES = ("articles", "officials", "official_mentions", "places", "place_mentions", "date_mentions", "events",
          "event_actors", "quotes", "candidates", "errors", "runs", "sources", "urls", "event_facts")


class Store:
    """One pantau database: opened (and migrated) on creation, closed by
    :meth:`close` or a ``with`` block. ``create=False`` refuses a missing file."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(Msg.DB_NOT_FOUND.format(path=self.path))
        try:
            self.db = sqlite_utils.Database(self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 10000")
            if str(self.path) != ":memory:":
                self.db.enable_wal()
            migrate(self.db, self.path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc
        #: the crawl state (``urls``), on the same connection
        self.frontier = Frontier(self.db)
        self._batch: Optional["Batch"] = None

    # schema ----------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # runs, sources, errors -----------------------------------------------------
    def start_run(self, command: str, config: dict) -> int:
        with self.db.conn:
            return self.db["runs"].insert({"started_at": now(), "command": command,
                                           "config": json.dumps(config, default=str),
                                           "extractor_version": extractor_version()}).last_pk

    def finish_run(self, run_id: int, counts: dict) -> None:
        with self.db.conn:
            self.db["runs"].update(run_id, {"finished_at": now(), "counts": json.dumps(counts)})

    def save_source(self, src: Source) -> None:
        with self.db.conn:
            self.db["sources"].upsert({"name": src.name, "home": src.home, "region": src.region,
                                       "config": json.dumps({"feeds": src.feeds, "sitemaps": src.sitemaps,
                                                             "urls": len(src.urls)})}, pk="name")

    def record_error(self, url: str, stage: str, error: BaseException, run_id: Optional[int] = None) -> None:
        """A failed item's row in ``errors``: its URL (or path), stage and one-line message
        (in the open :meth:`batch`'s transaction when there is one), superseding the same
        failure recorded before (:func:`.common.insert_error`)."""
        if self._batch is not None:
            self._batch.record_error(url, stage, error, run_id)
            return
        with self.db.atomic():
            insert_error(self.db, url, stage, error, run_id)

    # articles and records -------------------------------------------------------
    def article_state(self, url: str) -> Optional[dict]:
        """id, text_hash, extractor_version and extracted of the article stored for ``url``."""
        return article_state(self.db, url)

    def is_current(self, article: Article) -> bool:
        """Stored with the same text by this extractor version (package version
        and language-data fingerprint, :func:`extractor.datafiles.extractor_version`):
        nothing to do. A lexicon edit makes every stored article not current."""
        st = self.article_state(article.url)
        return bool(st and st["text_hash"] == text_hash(article.text)
                    and st["extractor_version"] == extractor_version())

    def is_current_hash(self, url: str, html_hash: str) -> bool:
        """Stored from the same raw content by this extractor version (as :meth:`is_current`)."""
        row = self.db.execute("select html_hash, extractor_version from articles where url = ?", [url]).fetchone()
        return bool(row and row[0] == html_hash and row[1] == extractor_version())

    def save(self, article: Article, relevance: float, extraction: Optional[Extraction],
             run_id: Optional[int] = None, signature: Optional["dedup.Signature"] = None) -> int:
        """Write the article and (when given) its extraction in one transaction,
        replacing what an earlier run stored for the same URL, and file it in
        its near-duplicate cluster (``signature``: its :func:`dedup.signature`,
        computed here when not given). Returns the article's id."""
        if signature is None:
            signature = dedup.signature(article.text)
        if self._batch is not None:  # the open batch's waiting rows first: this article may match or replace them
            self._batch.flush()
        try:
            return write_article(self.db, article, relevance, extraction, run_id, signature)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{article.url}: {exc}", url=article.url) from exc

    def batch(self, size: int = 64, before_commit: Optional[Callable[[], None]] = None,
              seconds: float = 1.0) -> "Batch":
        """A writer of many articles: ``size`` to a transaction, or what
        ``seconds`` brought (see :class:`Batch`)."""
        return Batch(self, size, before_commit, seconds)

    def save_many(self, items: Iterable[tuple], run_id: Optional[int] = None) -> list:
        """``(article, relevance, extraction, signature)`` items stored in one
        transaction; per item its id, or the :class:`StoreError` that kept it out."""
        out = []
        with self.batch(size=1 << 30) as b:
            for article, rel, ex, sig in items:
                aid, err = b.save(article, rel, ex, run_id, sig)
                out.append(err if err is not None else aid)
        return out

    def write(self, sql: str, params: Sequence = ()) -> None:
        """One statement of the caller's own bookkeeping (the Dask merge's ``shards``
        ledger): in the open :meth:`batch`'s transaction when there is one, committed
        with its articles; otherwise committed on its own."""
        if self._batch is not None:
            self._batch.execute(sql, params)
            return
        with self.db.conn:
            self.db.conn.execute(sql, params)

    def set_origin(self, article_id: int, source: str, position: Optional[int]) -> None:
        """Where the article was read: an input file or URL, and the record's byte
        offset or the line (``article_origins``); in the open batch when there is one."""
        sql = "insert or replace into article_origins (article_id, input, position) values (?, ?, ?)"
        if self._batch is not None:  # nothing reads it back before the commit: one executemany then
            self._batch.defer(sql, (article_id, source, position))
            return
        with self.db.conn:
            self.db.conn.execute(sql, (article_id, source, position))

    def fast_commits(self) -> None:
        """WAL with ``synchronous = NORMAL`` on this connection: a commit is not
        fsynced (~0.05 ms instead of ~3 ms). A killed process (even ``kill -9``)
        loses nothing committed; a power cut may lose the last commits, never
        the database. The crawl, which commits once per URL, uses it."""
        self.db.execute("PRAGMA synchronous = NORMAL")

    # reading -------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in TABLES if t in self.db.table_names()}


#: the page cache of a connection while a :class:`Batch` writes, in KiB (SQLite's default is 2 MiB).
#: A transaction's changed pages stay in it until the commit writes each once: with the default,
#: the random band keys of the near-duplicate index (42 per article) spilled pages to the WAL
#: mid-transaction, and a 16,000-article database was written ~460 KB per stored article
#: (benchmarks/README.md, issue 18, ninth pass). SQLite allocates it as pages are used.
WRITER_CACHE_KIB = 128 * 1024


_FTS_DEFER = f"insert or replace into meta (key, value) values ('{FTS_DEFERRED}', '1')"
_FTS_UNDEFER = f"delete from meta where key = '{FTS_DEFERRED}'"


class Batch:
    """Stores many articles in few transactions: ``size`` articles to a
    transaction, or fewer when the first of them was written ``seconds`` ago
    (a slow stream of articles still commits, and is seen by readers, every
    second or so); each article in a savepoint of its own (an article that cannot be
    stored rolls back alone and is reported, the others stay; its journal is kept
    in memory while the batch is open, ``PRAGMA temp_store = MEMORY``), a page
    cache that holds a transaction's changed pages (:data:`WRITER_CACHE_KIB`), every
    statement prepared once (:func:`~.articles.write_rows`), and the rows
    nothing reads back before the commit inserted then, one ``executemany``
    per statement for all the batch's articles (:class:`~.deferred.Deferred`,
    :meth:`flush`), the full-text index's among them (the transaction holds
    ``meta.fts_deferred``, so the insert trigger leaves them to the batch:
    FTS5 otherwise writes a new index segment at each article's savepoint).
    Use as a context
    manager; what is written is committed when a batch fills, on
    :meth:`commit`, and at the end.

    Work that must follow the commit (marking a crawled URL done, telling the
    caller) is handed to :meth:`after_commit`; ``before_commit`` runs inside
    each transaction just before it commits (a caller's own bookkeeping that
    must commit with the articles). While a batch is open the store's
    :meth:`Store.record_error` and :meth:`Store.set_origin` write into it."""

    def __init__(self, store: Store, size: int, before_commit: Optional[Callable[[], None]] = None,
                 seconds: float = 1.0):
        self.store, self.conn, self.size, self.seconds = store, store.db.conn, max(1, size), seconds
        self.before_commit = before_commit
        self.written = 0  # articles in the open transaction
        self.opened = 0.0  # when its first article was written
        self._after: list[tuple[Callable, tuple]] = []
        #: the rows written at the commit, many articles' at a time (:class:`~.deferred.Deferred`)
        self.deferred = Deferred()

    def __enter__(self) -> "Batch":
        if self.store._batch is not None:
            raise StoreError("a batch is already open on this store")
        self.store._batch = self
        # each article's savepoint journals the pages it changes: in memory, not in a temporary file
        # (2,000 articles: ~130k fewer writes, ~0.3 ms of CPU per article); set back when the batch ends
        self._temp_store = self._cache_size = None
        if not self.conn.in_transaction:
            self._temp_store = self.conn.execute("PRAGMA temp_store").fetchone()[0]
            self.conn.execute("PRAGMA temp_store = MEMORY")
            self._cache_size = self.conn.execute("PRAGMA cache_size").fetchone()[0]
            self.conn.execute(f"PRAGMA cache_size = {-WRITER_CACHE_KIB}")
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None:
                self.commit()
            elif self.conn.in_transaction:
                self.conn.rollback()
        finally:
            self.deferred.clear()
            self.store._batch = None
            if self._temp_store is not None and not self.conn.in_transaction:
                self.conn.execute(f"PRAGMA temp_store = {int(self._temp_store)}")
                self.conn.execute(f"PRAGMA cache_size = {int(self._cache_size)}")

    def _begin(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")

    def save(self, article: Article, relevance: float, extraction: Optional[Extraction],
             run_id: Optional[int] = None, signature: Optional["dedup.Signature"] = None
             ) -> tuple[Optional[int], Optional[StoreError]]:
        """(article id, None), or (None, the error) when it could not be stored."""
        if self.written and (self.written >= self.size or time.monotonic() - self.opened >= self.seconds):
            self.commit()
        if signature is None:
            signature = dedup.signature(article.text)
        self._begin()
        if not self.deferred.fts:  # new articles' full-text rows: at the commit, not one index segment each
            try:  # the transaction's first write: a lock not got in time is this article's failure, as before
                self.conn.execute(_FTS_DEFER)
            except sqlite3.DatabaseError as exc:
                return None, StoreError(f"{article.url}: {exc}", url=article.url)
            self.deferred.fts = True
        mark = self.deferred.mark()
        self.conn.execute("SAVEPOINT article")
        try:
            aid = write_rows(self.conn, article, relevance, extraction, run_id, signature, self.deferred)
        except sqlite3.DatabaseError as exc:
            self.conn.execute("ROLLBACK TO SAVEPOINT article")
            self.conn.execute("RELEASE SAVEPOINT article")
            self.deferred.rollback(mark)
            return None, StoreError(f"{article.url}: {exc}", url=article.url)
        self.conn.execute("RELEASE SAVEPOINT article")
        if not self.written:
            self.opened = time.monotonic()
        self.written += 1
        return aid, None

    def record_error(self, url: str, stage: str, error: BaseException, run_id: Optional[int] = None) -> None:
        self._begin()
        insert_error(self.db, url, stage, error, run_id)

    @property
    def db(self) -> sqlite_utils.Database:
        return self.store.db

    def execute(self, sql: str, params: Sequence = ()) -> None:
        """One more statement in the open transaction."""
        self._begin()
        self.conn.execute(sql, params)

    def due(self) -> Optional[float]:
        """Seconds until the open transaction is due to commit (``seconds`` after its
        first article; 0 when it holds no article yet, only other rows), or None when
        none is open: a writer waiting for more input commits when this runs out."""
        if not self.conn.in_transaction:
            return None
        if not self.written:
            return 0.0
        return max(0.0, self.opened + self.seconds - time.monotonic())

    def defer(self, sql: str, params: tuple) -> None:
        """One more row for the open transaction, inserted with its kind at the commit
        (for rows no statement of the transaction reads back)."""
        self._begin()
        self.deferred.add(sql, (params,))

    def after_commit(self, fn: Callable, *args) -> None:
        """Call ``fn(*args)`` once what was written so far is committed."""
        self._after.append((fn, args))

    def flush(self) -> None:
        """Write the rows waiting for the commit now, in the open transaction."""
        try:
            self.deferred.flush(self.conn)
        except BaseException:
            self._abort()
            raise

    def _abort(self) -> None:
        """Roll the open transaction back: nothing of it was stored."""
        self.deferred.clear()
        if self.conn.in_transaction:
            self.conn.rollback()

    def commit(self) -> None:
        try:
            if self.deferred.fts and not self.conn.in_transaction:
                # something committed the connection while the batch was open, the flag with it: take it
                # back out, or every other writer's articles would go unindexed
                self.conn.execute(_FTS_UNDEFER)
                self.deferred.fts = False
            if self.conn.in_transaction:
                self.flush()
                if self.deferred.fts:  # the flag is never committed: other writers' inserts index themselves
                    self.conn.execute(_FTS_UNDEFER)
                    self.deferred.fts = False
                if self.before_commit is not None:
                    self.before_commit()
                self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.store.path}: {exc}") from exc
        self.written = 0
        after, self._after = self._after, []
        for fn, args in after:
            fn(*args)
