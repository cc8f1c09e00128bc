"""Rows the writer inserts later, many articles' at a time.

Most of an article's rows are read by nothing while its batch is open (its
date and place mentions, quotes, candidates, chain-of-command links, its
near-duplicate signature and band keys): :class:`Deferred` holds them and
inserts them with one ``executemany`` per statement when the batch commits
(:meth:`Deferred.flush`), instead of a few statements per article. Each
table's rows go in in the order they were written, so their ids are what
writing them at once gives, provided no row of these tables is deleted
before the flush: a caller that deletes (an article stored again) flushes
first. The band keys and signatures waiting here are also looked up by the
near-duplicate index (:func:`~.clusters.assign_cluster`), so an article
meets the copies stored before it in the same batch.

A :meth:`mark` taken before an article and :meth:`rollback` to it undo
what the article added (its savepoint rolled back), also across a flush
made while writing it. Only rows that cannot fail on their own wait here
(fresh ids, parents already written): a flush that fails (a full disk)
fails the whole transaction, as its commit would.
"""

from __future__ import annotations

import sqlite3
from typing import Iterable, NamedTuple

from .. import dedup

INSERT_SIGNATURE = "insert into article_signatures (article_id, signature) values (?, ?)"
INSERT_BAND = "insert into article_bands (band, article_id) values (?, ?)"
#: the ``meta`` key a writer's transaction holds while it inserts its new articles' full-text rows
#: itself (:data:`INSERT_FTS`): the insert trigger then leaves them to it
#: (:func:`~.migrations._migrate_fts_batched`). Never committed.
FTS_DEFERRED = "fts_deferred"
#: a new article's full-text row, while its transaction holds ``meta.fts_deferred``
INSERT_FTS = "insert into articles_fts (rowid, title, text) values (?, ?, ?)"


class Mark(NamedTuple):
    flushes: int
    lengths: dict
    signatures: frozenset


class Deferred:
    """Rows waiting for one ``executemany`` per statement (:meth:`add`), and
    the near-duplicate signatures among them by band key (:meth:`add_signature`)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[tuple]] = {}  # statement -> rows, in the order written
        self.signatures: dict[int, bytes] = {}  # article id -> MinHash values
        self.bands: dict[int, list[int]] = {}  # band key -> article ids
        self.flushes = 0
        #: new articles' full-text rows wait here too (:data:`INSERT_FTS`): the writer's transaction
        #: holds ``meta.fts_deferred``, so the insert trigger leaves them to it
        self.fts = False
        self._flushed: tuple[dict, dict] = ({}, {})  # what the last flush inserted, for a rollback across it

    def __bool__(self) -> bool:
        return any(self.rows.values())

    def add(self, sql: str, rows: Iterable[tuple]) -> None:
        self.rows.setdefault(sql, []).extend(rows)

    def add_signature(self, aid: int, sig: "dedup.Signature") -> None:
        """The article's signature and band keys (``article_signatures``, ``article_bands``)."""
        self.signatures[aid] = sig.values
        for b in sig.bands:
            self.bands.setdefault(b, []).append(aid)
        self.add(INSERT_SIGNATURE, ((aid, sig.values),))
        self.add(INSERT_BAND, ((b, aid) for b in sig.bands))

    def sharing_bands(self, sig: "dedup.Signature", aid: int) -> dict[int, bytes]:
        """Signatures waiting here (article id -> values) that share a band key with ``sig``, but ``aid``'s."""
        found = {other for b in sig.bands for other in self.bands.get(b, ())}
        found.discard(aid)
        return {other: self.signatures[other] for other in sorted(found)}

    def flush(self, conn: sqlite3.Connection) -> None:
        """Insert every waiting row, in the caller's transaction."""
        for sql, rows in self.rows.items():
            if rows:
                conn.executemany(sql, rows)
        self._flushed = (self.rows, self.signatures)
        self.rows, self.signatures, self.bands = {}, {}, {}
        self.flushes += 1

    def clear(self) -> None:
        """Forget every waiting row (their transaction was rolled back)."""
        self.rows, self.signatures, self.bands = {}, {}, {}
        self.fts = False
        self._flushed = ({}, {})

    def mark(self) -> Mark:
        return Mark(self.flushes, {sql: len(rows) for sql, rows in self.rows.items()}, frozenset(self.signatures))

    def rollback(self, mark: Mark) -> None:
        """Back to what waited at ``mark`` (rows a flush since then inserted were rolled back with it)."""
        if self.flushes != mark.flushes:
            self.rows, self.signatures = self._flushed
        self.rows = {sql: rows[:mark.lengths.get(sql, 0)] for sql, rows in self.rows.items()}
        self.signatures = {aid: v for aid, v in self.signatures.items() if aid in mark.signatures}
        self.bands = {}
        for b, aid in self.rows.get(INSERT_BAND, ()):
            self.bands.setdefault(b, []).append(aid)
