"""What the store's modules share: the timestamp they write, and the
``errors`` row (plain SQL, so it joins the caller's transaction).

An ``errors`` row is one failure as it stands: the same failure (URL, stage
and message) recorded again, by a later run over the same input, replaces the
earlier row, so re-running never doubles the table; the row keeps the latest
run and time. Its message is one line of at most :data:`MESSAGE_MAX` characters."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

import sqlite_utils

from ..errors import DatabaseBusyError, Msg, one_line

#: how long a write waits for another process's write lock (a long write, another
#: pantau creating the schema) before saying the database is busy
LOCK_WAIT = 300.0


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


#: the longest message an ``errors`` row holds
MESSAGE_MAX = 500


def insert_error(db: sqlite_utils.Database, url: str, stage: str, error: BaseException,
                 run_id: Optional[int] = None) -> None:
    """One row of ``errors``, inside the caller's transaction, superseding an
    earlier row of the same failure (URL, stage, message)."""
    message = one_line(str(error), MESSAGE_MAX) or type(error).__name__
    db.execute("delete from errors where url = ? and stage = ? and message = ?", [url, stage, message])
    db.execute("insert into errors (run_id, url, stage, error_type, message, at) values (?, ?, ?, ?, ?, ?)",
               [run_id, url, stage, type(error).__name__, message, now()])


@contextmanager
def immediate(db: sqlite_utils.Database, path: Optional[Path] = None, wait: float = LOCK_WAIT) -> Iterator[None]:
    """One explicit transaction that takes the write lock first (``BEGIN IMMEDIATE``),
    committed when the block ends, rolled back (DDL included) when it raises. Taking
    the lock before reading means what is read cannot be changed by another process
    before the write (a deferred transaction would fail, not wait, on its first write).
    Inside it, sqlite-utils makes savepoints, never commits. Waits up to ``wait``
    seconds for another process's lock, then :class:`~extractor.errors.DatabaseBusyError`."""
    conn = db.conn
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute("BEGIN IMMEDIATE")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() >= deadline:
                raise DatabaseBusyError(Msg.DB_BUSY.format(path=path or "")) from exc
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
