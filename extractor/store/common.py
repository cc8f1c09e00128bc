"""What the store's modules share: the timestamp they write, and the
``errors`` row (plain SQL, so it joins the caller's transaction)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import sqlite_utils


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def insert_error(db: sqlite_utils.Database, url: str, stage: str, error: BaseException,
                 run_id: Optional[int] = None) -> None:
    """One row of ``errors``, inside the caller's transaction."""
    db.execute("insert into errors (run_id, url, stage, error_type, message, at) values (?, ?, ?, ?, ?, ?)",
               [run_id, url, stage, type(error).__name__, str(error)[:2000], now()])
