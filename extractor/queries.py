"""Canned queries and read-only SQL over a pantau database.

Reading never goes through the writer: connections here are opened with
``mode=ro`` and ``PRAGMA query_only``, so ``query --sql`` cannot change data.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from .errors import Msg, ReadOnlyError, StoreError


@dataclass(frozen=True)
class Filters:
    province: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    rank: Optional[str] = None
    institution: Optional[str] = None
    search: Optional[str] = None
    event_type: Optional[str] = None
    limit: Optional[int] = None


_ARTICLE_FILTERS = {
    "province": "exists (select 1 from place_mentions pm join places p on p.id = pm.place_id "
                "where pm.article_id = a.id and p.province like ?)",
    "search": "a.id in (select rowid from articles_fts where articles_fts match ?)",
}

CANNED = {
    "officials": (
        """select o.name, m.rank, m.corps, m.position, m.unit, o.institution, substr(a.published, 1, 10) as published,
                  a.source, a.url
           from official_mentions m join officials o on o.id = m.official_id join articles a on a.id = m.article_id
           where {where}
           group by o.id, a.id order by a.published desc, o.name""",
        {"since": "substr(a.published, 1, 10) >= ?", "until": "substr(a.published, 1, 10) <= ?",
         "rank": "m.rank = ? collate nocase", "institution": "o.institution = ? collate nocase"},
    ),
    "events": (
        """select e.type, e.date, e.place, e.place_code, e.province, e.personnel, e.forces, e.trigger,
                  a.source, a.title, a.url
           from events e join articles a on a.id = e.article_id
           where {where} order by e.date desc, e.id""",
        {"since": "e.date >= ?", "until": "e.date <= ?", "event_type": "e.type = ?",
         "province_direct": "e.province like ?"},
    ),
    "places": (
        """select p.name, p.type, p.code, p.province, count(*) as mentions, count(distinct pm.article_id) as articles
           from places p join place_mentions pm on pm.place_id = p.id join articles a on a.id = pm.article_id
           where {where} group by p.id order by articles desc, mentions desc""",
        {"since": "substr(a.published, 1, 10) >= ?", "until": "substr(a.published, 1, 10) <= ?",
         "province_direct": "p.province like ?"},
    ),
    "articles": (
        """select a.id, substr(a.published, 1, 10) as published, a.source, a.title, a.relevance, a.extracted, a.url
           from articles a where {where} order by a.published desc, a.id""",
        {"since": "substr(a.published, 1, 10) >= ?", "until": "substr(a.published, 1, 10) <= ?"},
    ),
}


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    p = Path(path)
    if not p.exists():
        raise StoreError(Msg.DB_NOT_FOUND.format(path=p))
    conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA query_only = ON")
    conn.row_factory = sqlite3.Row
    return conn


def build(name: str, f: Filters) -> tuple[str, list[Any]]:
    sql, filters = CANNED[name]
    where, params = ["1 = 1"], []
    for key in ("since", "until", "rank", "institution", "event_type"):
        value = getattr(f, key)
        if value is not None:
            if key not in filters:
                raise StoreError(f"--{key.replace('_', '-')} does not apply to {name}")
            where.append(filters[key])
            params.append(value)
    if f.province:
        clause = filters.get("province_direct") or _ARTICLE_FILTERS["province"]
        where.append(clause)
        params.append(f"%{f.province}%")
    if f.search:
        where.append(_ARTICLE_FILTERS["search"].replace("a.id", "a.id" if name != "events" else "a.id"))
        params.append(f.search)
    sql = sql.format(where=" and ".join(where))
    if f.limit:
        sql += f" limit {int(f.limit)}"
    return sql, params


def run_canned(path: str | Path, name: str, f: Filters) -> tuple[list[str], Iterator[tuple]]:
    sql, params = build(name, f)
    return run_sql(path, sql, params)


def run_sql(path: str | Path, sql: str, params: list | tuple = ()) -> tuple[list[str], Iterator[tuple]]:
    conn = connect_readonly(path)
    try:
        cur = conn.execute(sql, params)
    except sqlite3.OperationalError as exc:
        conn.close()
        msg = str(exc)
        if "readonly" in msg or "read-only" in msg or "query_only" in msg:
            raise ReadOnlyError(Msg.SQL_READ_ONLY.format(detail=msg)) from exc
        raise StoreError(Msg.SQL_ERROR.format(detail=msg)) from exc
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(Msg.SQL_ERROR.format(detail=exc)) from exc
    cols = [d[0] for d in cur.description or ()]

    def rows():
        try:
            for r in cur:
                yield tuple(r)
        finally:
            conn.close()

    return cols, rows()
