"""Canned queries and read-only SQL over a pantau database.

Reading never goes through the writer: connections here are opened with
``mode=ro`` and ``PRAGMA query_only``, so ``query --sql`` cannot change data.

Every canned query takes the same :class:`Filters`. The ones named after a
view (``events_by_week``, ``personnel_by_stage``, ...) compute what the view
computes, with the filters applied *before* grouping, so ``--since`` cuts
events and not whole weeks; unfiltered they return the view's rows.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Iterator, Optional

from .errors import Msg, ReadOnlyError, StoreError, UsageError
from .views import OUTLET, TEMPLATES


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
    kabupaten: Optional[str] = None

    def active(self) -> dict[str, Any]:
        """The filters that are set (limit aside), by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name != "limit" and getattr(self, f.name) not in (None, "")}

    def params(self) -> dict[str, Any]:
        """Named SQL parameters: each filter's value, and ``<name>_like`` for substring matches."""
        out: dict[str, Any] = {}
        for k, v in self.active().items():
            out[k] = v
            out[f"{k}_like"] = f"%{v}%"
        return out

    def describe(self) -> str:
        return ", ".join(f"--{k.replace('_', '-')} {v}" for k, v in self.active().items()) or "none"


@dataclass(frozen=True)
class Canned:
    description: str
    sql: str  # with {where}
    filters: dict[str, str]  # filter name -> SQL condition with named parameters


# -- reusable conditions ------------------------------------------------------------------------------
def _article_province(a: str) -> str:
    return (f"exists (select 1 from place_mentions pm join places p on p.id = pm.place_id "
            f"where pm.article_id = {a}.id and (p.province like :province_like or substr(p.code, 1, 2) = :province))")


def _article_kabupaten(a: str) -> str:
    return (f"exists (select 1 from place_mentions pm join places p on p.id = pm.place_id "
            f"join regions r on r.code = substr(p.code, 1, 5) "
            f"where pm.article_id = {a}.id and length(p.code) >= 5 "
            f"and (r.name like :kabupaten_like or r.code = :kabupaten))")


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


def _region_province(code: str, name_fallback: str = "null") -> str:
    return (f"(coalesce((select r.name from regions r where r.code = substr({code}, 1, 2)), {name_fallback}) "
            f"like :province_like or substr({code}, 1, 2) = :province)")


def _region_kabupaten(code: str) -> str:
    return (f"exists (select 1 from regions r where length({code}) >= 5 and r.code = substr({code}, 1, 5) "
            f"and (r.name like :kabupaten_like or r.code = :kabupaten))")


def _article_filters(a: str, date: str) -> dict[str, str]:
    return {"since": f"{date} >= :since", "until": f"{date} <= :until", "province": _article_province(a),
            "kabupaten": _article_kabupaten(a), "search": _article_search(a),
            "event_type": _article_event_type(a), "institution": _article_institution(a)}


#: conditions on a row of ``event_details`` (alias d)
_EVENT_FILTERS = {
    "since": "d.date >= :since",
    "until": "d.date <= :until",
    "province": "(d.province like :province_like or d.province_code = :province)",
    "kabupaten": "(d.kabupaten like :kabupaten_like or d.kabupaten_code = :kabupaten)",
    "event_type": "d.type = :event_type",
    "institution": _event_institution("d.forces", "d.event_id"),
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
        """select o.name, m.rank, m.corps, m.position, m.unit, o.institution, substr(a.published, 1, 10) as published,
                  a.source, a.url
           from official_mentions m join officials o on o.id = m.official_id join articles a on a.id = m.article_id
           where {where}
           group by o.id, a.id order by a.published desc, o.name""",
        _MENTION_FILTERS,
    ),
    "events": Canned(
        "events as extracted, newest first",
        """select e.type, e.date, e.place, e.place_code, e.province, e.personnel, e.forces, e.trigger,
                  a.source, a.title, a.url
           from events e join articles a on a.id = e.article_id
           where {where} order by e.date desc, e.id""",
        {"since": "e.date >= :since", "until": "e.date <= :until", "event_type": "e.type = :event_type",
         "province": _region_province("e.place_code", "e.province"), "kabupaten": _region_kabupaten("e.place_code"),
         "institution": _event_institution("e.forces", "e.id"), "search": _article_search("a")},
    ),
    "places": Canned(
        "places with the number of mentions and articles",
        """select p.name, p.type, p.code, p.province, count(*) as mentions, count(distinct pm.article_id) as articles
           from places p join place_mentions pm on pm.place_id = p.id join articles a on a.id = pm.article_id
           where {where} group by p.id order by articles desc, mentions desc""",
        {"since": "substr(a.published, 1, 10) >= :since", "until": "substr(a.published, 1, 10) <= :until",
         "province": "(p.province like :province_like or substr(p.code, 1, 2) = :province)",
         "kabupaten": _region_kabupaten("p.code"), "search": _article_search("a")},
    ),
    "articles": Canned(
        "articles with relevance and extraction state",
        """select a.id, substr(a.published, 1, 10) as published, a.source, a.title, a.relevance, a.extracted, a.url
           from articles a where {where} order by a.published desc, a.id""",
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
    "personnel_by_stage": Canned(
        "personnel deployed per kabupaten/kota and stage of the election schedule; syndicated copies count once",
        TEMPLATES["personnel_by_stage"],
        _EVENT_FILTERS,
    ),
    "articles_by_outlet": Canned(
        "articles, stories, extraction and relevance per outlet",
        TEMPLATES["articles_by_outlet"],
        _article_filters("a", "substr(a.published, 1, 10)"),
    ),
    "acled_events": Canned(
        "events in ACLED's columns (event_date, event_type, actor1, admin1-3, geo_precision, ...) plus pantau ids",
        "select x.* from acled_events x where x.event_id in (select d.event_id from event_details d where {where}) "
        "order by x.event_date, x.event_id",
        _EVENT_FILTERS,
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


def ensure_current(path: str | Path) -> None:
    """Bring a database written by an older pantau up to this schema (the views are
    added by migrations), so the canned queries find what they read. A newer or
    foreign database is refused with one clear line."""
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


def build(name: str, f: Filters) -> tuple[str, dict[str, Any]]:
    if name not in CANNED:
        raise UsageError(Msg.QUERY_UNKNOWN.format(name=name, choices=", ".join(CANNED)))
    canned = CANNED[name]
    where = ["1 = 1"]
    for key in f.active():
        if key not in canned.filters:
            raise UsageError(Msg.QUERY_FILTER.format(option=f"--{key.replace('_', '-')}", name=name))
        where.append(canned.filters[key])
    sql = canned.sql.format(where=" and ".join(where))
    if f.limit:
        sql += f" limit {int(f.limit)}"
    return sql, f.params()


def run_canned(path: str | Path, name: str, f: Filters) -> tuple[list[str], Iterator[tuple]]:
    ensure_current(path)
    sql, params = build(name, f)
    return run_sql(path, sql, params)


def run_sql(path: str | Path, sql: str, params: list | tuple | dict = ()) -> tuple[list[str], Iterator[tuple]]:
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


def fetch_all(path: str | Path, sql: str, params: list | tuple | dict = ()) -> list[dict]:
    """Small result sets as dicts (for the report)."""
    cols, rows = run_sql(path, sql, params)
    return [dict(zip(cols, r)) for r in rows]


# -- provenance: the sentence a record came from ---------------------------------------------------------
#: words that end with a period without ending the sentence (ranks, titles, street, number)
_ABBREVIATIONS = {"pol", "no", "jl", "jln", "dr", "drs", "dra", "ir", "h", "hj", "st", "prof", "kol", "brig", "jend",
                  "bpk", "kec", "kab", "ds", "kel", "tgl", "sdr", "ny", "tn", "a.n", "dll", "dkk", "dsb", "u"}
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")


def sentence_at(text: str, start: int, end: int, max_chars: int = 420) -> str:
    """The sentence of ``text`` holding ``[start, end)``, within its paragraph,
    cut to about ``max_chars`` around the span ("…" marks a cut)."""
    if not text:
        return ""
    start = max(0, min(start or 0, len(text)))
    end = max(start, min(end or start, len(text)))
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 < 0 else p1
    s0, s1 = p0, p1
    for m in _END.finditer(text, p0, p1):
        if not _is_boundary(text, m.start()):
            continue
        if m.end() <= start:
            s0 = m.end()
        elif m.start() >= end - 1 and m.end() > end:
            s1 = m.end()
            break
    sent = text[s0:s1].strip()
    if len(sent) <= max_chars:
        return sent
    lead = text[s0:start]
    cut0 = max(s0, start - (max_chars - (end - start)) // 2)
    cut1 = min(s1, cut0 + max_chars)
    return ("…" if cut0 > s0 and lead.strip() else "") + text[cut0:cut1].strip() + ("…" if cut1 < s1 else "")


def _is_boundary(text: str, i: int) -> bool:
    """A period at ``i`` ends a sentence unless it closes an abbreviation, an
    initial (M. Yusuf) or a degree (S.H., M.Si.)."""
    if text[i] != ".":
        return True
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"“":
        j -= 1
    word = text[j:i]
    if not word:
        return True
    if "." in word or word.lower().rstrip(",") in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False
    nxt = text[i + 1:i + 3].lstrip()
    return not nxt or not nxt[0].islower()
