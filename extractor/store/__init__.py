"""SQLite storage. The only sub-package that imports sqlite-utils.

One :class:`Store` per database file. Every article is written with all its
extracted rows in one transaction, so a crash loses at most the article in
hand and never leaves half an article. Re-running on the same input changes
nothing: an article whose text and extractor version are unchanged is not
re-extracted, and a changed one has its rows replaced, not added to.

:class:`Store` is the front. Behind it: :mod:`.migrations` (the schema,
applied when a database is opened), :mod:`.articles` (one article and its
records), :mod:`.clusters` (the near-duplicate index) and :mod:`.frontier`
(the crawl state, ``Store.frontier``).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Optional

import sqlite_utils

from .. import dedup
from ..datafiles import extractor_version
from ..errors import Msg, StoreError
from ..types import Article, Extraction, Source
from .articles import article_state, text_hash, write_article
from .common import insert_error, now
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
        (superseding the same failure recorded before: :func:`.common.insert_error`)."""
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
        try:
            return write_article(self.db, article, relevance, extraction, run_id, signature)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{article.url}: {exc}", url=article.url) from exc

    def fast_commits(self) -> None:
        """WAL with ``synchronous = NORMAL`` on this connection: a commit is not
        fsynced (~0.05 ms instead of ~3 ms). A killed process (even ``kill -9``)
        loses nothing committed; a power cut may lose the last commits, never
        the database. The crawl, which commits once per URL, uses it."""
        self.db.execute("PRAGMA synchronous = NORMAL")

    # reading -------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in TABLES if t in self.db.table_names()}
