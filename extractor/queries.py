"""Canned queries and read-only SQL over a pantau database.

Reading never goes through the writer: connections here are opened with
``mode=ro`` and ``PRAGMA query_only``, and an authorizer refuses ATTACH (and
so ``VACUUM INTO``) and PRAGMA writes, so ``query --sql`` can neither change
data nor create a file.

Every canned query takes the same :class:`Filters`, checked and resolved to
region codes first (:mod:`extractor.filters`: exact names unless ``prefix``,
unknown values refused); before reading, :func:`ensure_current` migrates an
older database and brings its derived event facts up to date. The ones named after a
view (``events_by_week``, ``personnel_by_stage``, ...) compute what the view
computes, with the filters applied *before* grouping, so ``--since`` cuts
events and not whole weeks; unfiltered they return the view's rows.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from .errors import Msg, ReadOnlyError, StoreError, UsageError
from .filters import Filters, resolve
from .views import OUTLET, TEMPLATES


@dataclass(frozen=True)
class Canned:
    description: str
    sql: str  # with {where}
    filters: dict[str, str]  # filter name -> SQL condition with named parameters


# -- reusable conditions ------------------------------------------------------------------------------
def _in(codes: str, expr: str) -> str:
    """``expr`` is one of the codes in the ``,a,b,`` list parameter ``codes``."""
    return f"instr(:{codes}, ',' || {expr} || ',') > 0"


def _article_province(a: str) -> str:
    return (f"exists (select 1 from place_mentions pm join places p on p.id = pm.place_id "
            f"where pm.article_id = {a}.id and {_in('province_codes', 'substr(p.code, 1, 2)')})")


def _article_kabupaten(a: str) -> str:
    return (f"exists (select 1 from place_mentions pm join places p on p.id = pm.place_id "
            f"where pm.article_id = {a}.id and length(p.code) >= 5 and {_in('kabupaten_codes', 'substr(p.code, 1, 5)')})")


def _article_rank(a: str) -> str:
    return (f"exists (select 1 from official_mentions om where om.article_id = {a}.id "
            f"and om.rank = :rank collate nocase)")


def _article_search(a: str) -> str:
    return f"{a}.id in (select rowid from articles_fts where articles_fts match :search)"


def _article_event_type(a: str) -> str:
    return f"exists (select 1 from events ev where ev.article_id = {a}.id and ev.type = :event_type)"


def _article_institution(a: str) -> str:
    return (f"(exists (select 1 from official_mentions om join officials o on o.id = om.official_id "
            f"where om.article_id = {a}.id and coalesce(om.institution, o.institution) = :institution collate nocase) "
            f"or exists (select 1 from events ev where ev.article_id = {a}.id and {_forces_has('ev.forces')}))")


def _forces_has(col: str) -> str:
    return (f"exists (select 1 from json_each(case when json_valid({col}) then {col} else '[]' end) j "
            f"where j.value = :institution collate nocase)")


def _event_institution(forces: str, event_id: str) -> str:
    return (f"({_forces_has(forces)} or exists (select 1 from event_actors ea join officials o "
            f"on o.id = ea.official_id where ea.event_id = {event_id} and o.institution = :institution collate nocase))")


def _region_province(code: str) -> str:
    return _in("province_codes", f"substr({code}, 1, 2)")


def _region_kabupaten(code: str) -> str:
    return f"(length({code}) >= 5 and {_in('kabupaten_codes', f'substr({code}, 1, 5)')})"


def _article_filters(a: str, date: str) -> dict[str, str]:
    return {"since": f"{date} >= :since", "until": f"{date} <= :until", "province": _article_province(a),
            "kabupaten": _article_kabupaten(a), "search": _article_search(a),
            "event_type": _article_event_type(a), "institution": _article_institution(a), "rank": _article_rank(a)}


#: conditions on a row of ``event_details`` (alias d). Regions go by the event's scope: an
#: event for the whole country is in no province, a province-wide one in no kabupaten/kota.
_EVENT_FILTERS = {
    "since": "d.date >= :since",
    "until": "d.date <= :until",
    "province": _in("province_codes", "case when d.scope_level = 'national' then '-' "
                                      "else substr(coalesce(d.scope_code, d.place_code), 1, 2) end"),
    "kabupaten": f"coalesce(d.scope_level, 'kabupaten') = 'kabupaten' and {_in('kabupaten_codes', 'd.kabupaten_code')}",
    "event_type": "d.type = :event_type",
    "institution": _event_institution("d.forces", "d.event_id"),
    "rank": ("exists (select 1 from event_actors ea join official_mentions m on m.official_id = ea.official_id "
             "and m.article_id = d.article_id where ea.event_id = d.event_id and m.rank = :rank collate nocase)"),
    "search": "d.article_id in (select rowid from articles_fts where articles_fts match :search)",
}

#: conditions on an official mention m of official o in article a
_MENTION_FILTERS = {
    "since": "substr(a.published, 1, 10) >= :since",
    "until": "substr(a.published, 1, 10) <= :until",
    "province": _region_province("m.region_code"),
    "kabupaten": _region_kabupaten("m.region_code"),
    "rank": "m.rank = :rank collate nocase",
    "institution": "coalesce(m.institution, o.institution) = :institution collate nocase",
    "search": _article_search("a"),
}

CANNED: dict[str, Canned] = {
    # -- the first four: rows as stored ------------------------------------------------------------------
    "officials": Canned(
        "officials named per article, with rank, corps, position and unit as the article states them",
        f"""select o.name, m.rank, m.corps, m.position, m.unit, o.institution, substr(a.published, 1, 10) as published,
                  {OUTLET} as outlet, a.url
           from official_mentions m join officials o on o.id = m.official_id join articles a on a.id = m.article_id
           where {{where}}
           group by o.id, a.id order by a.published desc, o.name""",
        _MENTION_FILTERS,
    ),
    "events": Canned(
        "events as extracted, newest first",
        f"""select e.id as event_id, e.type, e.date, e.place, e.place_code, e.province, e.personnel, e.forces,
                  e.trigger, {OUTLET} as outlet, a.title, a.url
           from events e join articles a on a.id = e.article_id
           where {{where}} order by e.date desc, e.id""",
        {"since": "e.date >= :since", "until": "e.date <= :until", "event_type": "e.type = :event_type",
         "province": _region_province("e.place_code"), "kabupaten": _region_kabupaten("e.place_code"),
         "institution": _event_institution("e.forces", "e.id"), "search": _article_search("a"),
         "rank": ("exists (select 1 from event_actors ea join official_mentions m on m.official_id = ea.official_id "
                  "and m.article_id = e.article_id where ea.event_id = e.id and m.rank = :rank collate nocase)")},
    ),
    "places": Canned(
        "places with the number of mentions and articles",
        """select p.name, p.type, p.code, p.province, count(*) as mentions, count(distinct pm.article_id) as articles
           from places p join place_mentions pm on pm.place_id = p.id join articles a on a.id = pm.article_id
           where {where} group by p.id order by articles desc, mentions desc""",
        {"since": "substr(a.published, 1, 10) >= :since", "until": "substr(a.published, 1, 10) <= :until",
         "province": _region_province("p.code"), "kabupaten": _region_kabupaten("p.code"),
         "search": _article_search("a")},
    ),
    "articles": Canned(
        "articles with relevance and extraction state",
        f"""select a.id, substr(a.published, 1, 10) as published, {OUTLET} as outlet, a.title, a.relevance,
                  a.extracted, a.url
           from articles a where {{where}} order by a.published desc, a.id""",
        _article_filters("a", "substr(a.published, 1, 10)"),
    ),
    # -- the researcher views ---------------------------------------------------------------------------
    "event_details": Canned(
        "one row per event with its story, week, region names, election stage and article",
        "select d.* from event_details d where {where} order by d.date, d.event_id",
        _EVENT_FILTERS,
    ),
    "events_by_week": Canned(
        "events per kabupaten/kota per week (Monday) and type; events_unique counts syndicated copies once",
        TEMPLATES["events_by_week"],
        _EVENT_FILTERS,
    ),
    "official_positions": Canned(
        "each official's rank, position, unit and region, with the first and last article date of each",
        TEMPLATES["official_positions"],
        _MENTION_FILTERS,
    ),
    "stories": Canned(
        "one row per story: near-duplicate copies folded (one row per article where not clustered)",
        "select s.* from stories s where {where} order by s.first_published, s.story_key",
        {"since": "s.first_published >= :since", "until": "s.first_published <= :until",
         **{k: f"exists (select 1 from article_stories x join articles a on a.id = x.article_id "
                f"where x.story_key = s.story_key and {v})"
            for k, v in _article_filters("a", "substr(a.published, 1, 10)").items()
            if k not in ("since", "until")}},
    ),
    "deployments": Canned(
        "personnel figures counted once per story, at their level (national, province, kabupaten/kota)",
        TEMPLATES["deployments"],
        _EVENT_FILTERS,
    ),
    "personnel_by_stage": Canned(
        "personnel per level and region (national, province, kabupaten/kota; never summed across levels) and "
        "stage of the election schedule; a figure counted once per story",
        TEMPLATES["personnel_by_stage"],
        _EVENT_FILTERS,
    ),
    "articles_by_outlet": Canned(
        "articles, stories, extraction and relevance per outlet",
        TEMPLATES["articles_by_outlet"],
        _article_filters("a", "substr(a.published, 1, 10)"),
    ),
    "acled_events": Canned(
        "events in ACLED's 31 columns (a story's copies once), then pantau's columns",
        TEMPLATES["acled_events"],
        _EVENT_FILTERS,
    ),
}

#: canned queries that are computed like the view of the same name
VIEW_QUERIES = ("event_details", "events_by_week", "official_positions", "stories", "deployments",
                "personnel_by_stage", "articles_by_outlet", "acled_events")


#: PRAGMAs that take an argument and only read (``PRAGMA table_info(events)``); any other
#: PRAGMA with an argument sets something, and the read-only connection refuses it
_READING_PRAGMAS = {"table_info", "table_xinfo", "index_list", "index_info", "index_xinfo", "foreign_key_list",
                    "foreign_key_check", "integrity_check", "quick_check", "table_list"}


def _authorize(action: int, arg1, arg2, db_name, trigger) -> int:
    """The read-only connection's authorizer: no ATTACH (which creates a file at any
    path, as ``VACUUM INTO`` does through it), no DETACH, no PRAGMA that sets a value
    (``query_only = OFF``); everything else is left to ``mode=ro`` and ``query_only``."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None and (arg1 or "").lower() not in _READING_PRAGMAS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """A connection that cannot change the database nor create files: ``mode=ro``,
    ``PRAGMA query_only`` and an authorizer refusing ATTACH, VACUUM INTO and PRAGMA writes."""
    p = Path(path)
    if not p.exists():
        raise StoreError(Msg.DB_NOT_FOUND.format(path=p))
    conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA query_only = ON")
    conn.set_authorizer(_authorize)
    conn.row_factory = sqlite3.Row
    return conn


def ensure_current(path: str | Path) -> None:
    """Bring a database written by an older pantau up to this schema (the views are
    added by migrations), so the canned queries find what they read, and its
    derived event facts up to date (:func:`extractor.facts.refresh`). A newer or
    foreign database is refused with one clear line."""
    from .facts import refresh
    from .store import SCHEMA_VERSION, Store

    conn = connect_readonly(path)
    try:
        row = conn.execute("select value from meta where key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError:
        row = None
    finally:
        conn.close()
    if row is None or int(row[0]) != SCHEMA_VERSION:
        Store(path, create=False).close()  # migrates, or raises SchemaVersionError
    refresh(path)


def build(name: str, f: Filters) -> tuple[str, dict[str, Any]]:
    if name not in CANNED:
        raise UsageError(Msg.QUERY_UNKNOWN.format(name=name, choices=", ".join(CANNED)))
    canned = CANNED[name]
    f = resolve(f)
    where = ["1 = 1"]
    for key in f.active():
        if key not in canned.filters:
            raise UsageError(Msg.QUERY_FILTER.format(option=f"--{key.replace('_', '-')}", name=name))
        where.append(canned.filters[key])
    sql = canned.sql.format(where=" and ".join(where))
    if f.limit:
        sql += f" limit {int(f.limit)}"
    return sql, f.params()


def check_search(path: str | Path, expr: Optional[str]) -> None:
    """Refuse a --search that is not valid FTS5 syntax, saying how it works."""
    if not expr:
        return
    conn = connect_readonly(path)
    try:
        conn.execute("select rowid from articles_fts where articles_fts match ? limit 1", [expr]).fetchall()
    except sqlite3.OperationalError as exc:
        raise UsageError(Msg.FTS_SYNTAX.format(value=expr, detail=exc)) from exc
    finally:
        conn.close()


def run_canned(path: str | Path, name: str, f: Filters) -> tuple[list[str], Iterator[tuple]]:
    ensure_current(path)
    sql, params = build(name, f)
    check_search(path, f.search)
    return run_sql(path, sql, params)


def run_sql(path: str | Path, sql: str, params: list | tuple | dict = ()) -> tuple[list[str], Iterator[tuple]]:
    conn = connect_readonly(path)
    try:
        cur = conn.execute(sql, params)
    except sqlite3.DatabaseError as exc:  # (OperationalError is one)
        conn.close()
        msg = str(exc)
        if "readonly" in msg or "read-only" in msg or "query_only" in msg:
            raise ReadOnlyError(Msg.SQL_READ_ONLY.format(detail=msg)) from exc
        if "not authorized" in msg or "authorization denied" in msg:
            raise ReadOnlyError(Msg.SQL_DENIED.format(detail=msg)) from exc
        raise StoreError(Msg.SQL_ERROR.format(detail=msg)) from exc
    cols = [d[0] for d in cur.description or ()]

    def rows():
        try:
            for r in cur:
                yield tuple(r)
        finally:
            conn.close()

    return cols, rows()


def fetch_all(path: str | Path, sql: str, params: list | tuple | dict = ()) -> list[dict]:
    """Small result sets as dicts (for the report)."""
    cols, rows = run_sql(path, sql, params)
    return [dict(zip(cols, r)) for r in rows]


# -- provenance: the sentence a record came from (extractor/sentence.py) ---------------------------------
from .sentence import sentence_at, sentence_span  # noqa: E402,F401  (re-exported)
