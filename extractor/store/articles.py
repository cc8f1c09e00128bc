"""One article and its records in SQLite: the ``articles`` row, mentions of
officials, places and dates, events with their actors, quotes, candidates,
the chain-of-command records (:mod:`extractor.store.command`); and the
``officials`` rows that merge one person's mentions across articles.

:func:`write_article` runs inside one transaction, so a crash never leaves an
article without its records; :func:`write_rows` is its statements, for a
caller that holds the transaction (:class:`~extractor.store.Batch`: many
articles per transaction). Plain SQL on the connection, one prepared
statement per kind of row: storing costs ~1-2 ms of CPU per article where
sqlite-utils' inserts cost ~10 (``benchmarks/bench_cluster.py``, store rows). Who is the same person is
:func:`extractor.records.same_person`'s to say.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Optional

import sqlite_utils

from .. import dedup
from ..datafiles import extractor_version
from ..isodates import iso_date
from ..records import official_key, province_code, same_person
from ..types import Article, Extraction, Official
from .clusters import assign_cluster
from .command import COMMAND_RECORD_TABLES, save_command_records
from .common import immediate, now
from .deferred import FTS_DEFERRED, INSERT_FTS, Deferred


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_state(db: sqlite_utils.Database, url: str) -> Optional[dict]:
    row = db.conn.execute("select id, text_hash, extractor_version, extracted from articles where url = ?",
                          (url,)).fetchone()
    return dict(zip(("id", "text_hash", "extractor_version", "extracted"), row)) if row else None


#: the articles columns an article writes, in the order of its row
_ARTICLE_COLS = ("url", "canonical_url", "source", "outlet", "title", "published", "text", "html_hash", "text_hash",
                 "fetched_at", "language", "dateline", "relevance", "extracted", "extractor_version",
                 "model_version", "run_id", "stored_at", "primary_region", "primary_region_code", "author", "editor",
                 "section", "tags", "modified", "published_from", "meta_notes", "profile", "pages", "personnel",
                 "personnel_approx")
_VER = ("extractor_version", "model_version")
_MENTION_COLS = ("official_id", "article_id", "name", "rank", "rank_full", "corps", "institution", "position",
                 "unit", "region", "region_code", "rank_order", "degrees", "honorific", "start", "end", "text", *_VER)
_PLACE_MENTION_COLS = ("place_id", "article_id", "start", "end", "text", *_VER)
_DATE_COLS = ("article_id", "date", "text", "start", "end", "time", "flag", *_VER)
_EVENT_COLS = ("article_id", "type", "date", "place", "place_code", "province", "personnel", "personnel_approx",
               "forces", "personnel_reinforcement", "personnel_parts", "personnel_per_unit", "personnel_unit", "main",
               "election", "stage", "trigger", "start", "end", *_VER)
_ACTOR_COLS = ("event_id", "official_id", "name", "kind")
_QUOTE_COLS = ("article_id", "official_id", "speaker", "text", "start", "end", *_VER)
_CANDIDATE_COLS = ("article_id", "name", "office", "number", "region", "region_code", "ticket", "running_mate",
                   "mentions", "start", "end", "text", *_VER)
_OFFICIAL_UPDATE = ("rank", "position", "unit", "rank_order", "region", "region_code", "province", "first_seen",
                    "last_seen", "latest_published")


def _insert(table: str, cols: tuple[str, ...]) -> str:
    return f"insert into [{table}] ({', '.join(f'[{c}]' for c in cols)}) values ({', '.join('?' * len(cols))})"


# one SQL text per statement: sqlite3 prepares each once per connection and reuses it
_INSERT_ARTICLE = _insert("articles", _ARTICLE_COLS)
_UPDATE_ARTICLE = f"update articles set {', '.join(f'[{c}] = ?' for c in _ARTICLE_COLS)} where id = ?"
_INSERT_MENTION = _insert("official_mentions", _MENTION_COLS)
_INSERT_PLACE = _insert("places", ("key", "name", "type", "code", "province"))
_INSERT_PLACE_MENTION = _insert("place_mentions", _PLACE_MENTION_COLS)
_INSERT_DATE = _insert("date_mentions", _DATE_COLS)
_INSERT_EVENT = _insert("events", _EVENT_COLS)
_INSERT_ACTOR = _insert("event_actors", _ACTOR_COLS)
_INSERT_QUOTE = _insert("quotes", _QUOTE_COLS)
_INSERT_CANDIDATE = _insert("candidates", _CANDIDATE_COLS)
_INSERT_NEW_OFFICIAL = _insert("officials", ("key", "name", "institution", *_OFFICIAL_UPDATE))
_UPDATE_OFFICIAL = f"update officials set {', '.join(f'[{c}] = ?' for c in _OFFICIAL_UPDATE)} where id = ?"


def article_row(article: Article, relevance: float, extraction: Optional[Extraction],
                run_id: Optional[int]) -> tuple:
    """The ``articles`` row of an article, in :data:`_ARTICLE_COLS` order."""
    ex = extraction
    region = ex.primary_region if ex else None
    return (article.url, article.canonical_url or article.url, article.source, article.outlet, article.title,
            iso_date(article.published), article.text, article.html_hash, text_hash(article.text), article.fetched_at,
            article.language, article.dateline, relevance, int(ex is not None), extractor_version(),
            ex.model_version if ex else None, run_id, now(), region.name if region else None,
            region.code if region else None, article.author or None, article.editor or None,
            article.section or None,
            json.dumps(list(article.tags), ensure_ascii=False) if article.tags else None, iso_date(article.modified),
            article.published_from or None,
            json.dumps(list(article.meta_notes), ensure_ascii=False) if article.meta_notes else None,
            article.profile or None, article.pages, ex.personnel if ex else None,
            int(ex.personnel_approx) if ex and ex.personnel is not None else None)


def write_article(db: sqlite_utils.Database, article: Article, relevance: float, extraction: Optional[Extraction],
                  run_id: Optional[int], signature: Optional[dedup.Signature]) -> int:
    """Insert the article (or replace what was stored for its URL) with its
    records and near-duplicate cluster, in one transaction; returns its id.
    A published or modified value that is not an ISO 8601 date never reaches
    its column (readers drop such values with a recorded warning first)."""
    # one explicit transaction: the article and its records commit together or not at all; the write
    # lock first, so another process storing the same URL waits instead of failing
    within = db.conn.in_transaction
    with immediate(db) if not within else db.atomic():
        deferred = Deferred()
        # inside a batch's transaction (Store.save while a Batch is open) the insert trigger leaves the
        # full-text row to the writer: this one, whose rows are flushed below
        deferred.fts = within and db.conn.execute("select 1 from meta where key = ?",
                                                  [FTS_DEFERRED]).fetchone() is not None
        aid = write_rows(db.conn, article, relevance, extraction, run_id, signature, deferred)
        deferred.flush(db.conn)
        return aid


def write_rows(conn: sqlite3.Connection, article: Article, relevance: float, extraction: Optional[Extraction],
               run_id: Optional[int], signature: Optional[dedup.Signature], deferred: Deferred) -> int:
    """:func:`write_article`'s statements, inside the caller's transaction
    (or savepoint). Plain SQL on the connection, each statement prepared once;
    the rows nothing reads back before the commit wait in ``deferred`` (the
    caller flushes it, :class:`~.deferred.Deferred`). A new URL skips the
    deletes and look-ups only an article stored before can need."""
    row = article_row(article, relevance, extraction, run_id)
    found = conn.execute("select id from articles where url = ?", (article.url,)).fetchone()
    if found:
        deferred.flush(conn)  # rows are deleted below: what waits goes in first, so ids stay in order
        aid = found[0]
        _delete_records(conn, aid)
        conn.execute(_UPDATE_ARTICLE, (*row, aid))
    else:
        aid = conn.execute(_INSERT_ARTICLE, row).lastrowid
        if deferred.fts:  # the insert trigger left the full-text row to the writer's commit
            deferred.add(INSERT_FTS, ((aid, row[4], row[6]),))
    if extraction is not None:
        _save_records(conn, aid, article, extraction, deferred, published=row[5])
    assign_cluster(conn, aid, signature, deferred, new=not found)
    # units, posts, handovers, how the article reports (its old rows went with _delete_records)
    save_command_records(conn, aid, extraction, deferred=deferred,
                         article=(article.url, article.outlet, article.text, row[19]))
    return aid


def _delete_records(conn: sqlite3.Connection, aid: int) -> None:
    published = conn.execute("select published from articles where id = ?", (aid,)).fetchone()[0]
    ev = [r[0] for r in conn.execute("select id from events where article_id = ?", (aid,)).fetchall()]
    if ev:
        conn.execute(f"delete from event_actors where event_id in ({','.join('?' * len(ev))})", ev)
    touched = [r[0] for r in conn.execute(
        "select distinct official_id from official_mentions where article_id = ?", (aid,)).fetchall()]
    for t in COMMAND_RECORD_TABLES:  # they point at the rows deleted below
        conn.execute(f"delete from {t} where article_id = ?", (aid,))
    for t in ("official_mentions", "place_mentions", "date_mentions", "events", "quotes", "candidates"):
        conn.execute(f"delete from {t} where article_id = ?", (aid,))
    for oid in touched:
        if _shaped_row(conn, oid, published):
            _refresh_official(conn, oid)


def _shaped_row(conn: sqlite3.Connection, oid: int, published: Optional[str]) -> bool:
    """Whether mentions in an article published ``published`` may have made the
    person's row (its latest rank and post, first and last seen, latest published),
    so that it must be made again from the mentions left once they are deleted.
    Not when a later published value is on the row (the latest mention is in
    another article, and so is the last day) and the article's day is after the
    first one; nor for an undated article when the row has a date (dated mentions
    come first). Making the row again reads all of the person's mentions."""
    row = conn.execute("select first_seen, latest_published from officials where id = ?", (oid,)).fetchone()
    if row is None or row[1] is None:
        return True
    first, latest = row
    return published is not None and not (published < latest and first is not None and published[:10] > first)


def _save_records(conn: sqlite3.Connection, aid: int, article: Article, ex: Extraction, deferred: Deferred,
                  published: Optional[str]) -> None:
    ver = (ex.extractor_version, ex.model_version)
    text = article.text
    oid_by_name: dict[str, int] = {}
    mentions: list[tuple] = []  # official_mentions rows not inserted yet, in order
    for o in ex.officials:
        oid, stored = _official_id(conn, o, published)
        oid_by_name[o.name] = oid
        degrees = json.dumps(list(o.degrees))
        mentions += [(oid, aid, o.name, o.rank, o.rank_full, o.corps, o.institution, o.position, o.unit, o.region,
                      o.region_code, o.rank_order, degrees, o.honorific, s, e, text[s:e], *ver)
                     for s, e in (o.mentions or ((0, 0),))]
        if stored is not None:  # a person stored before: the latest rank and post, first and last seen
            _seen_again(conn, oid, o, published, stored)
    if mentions:
        conn.executemany(_INSERT_MENTION, mentions)
    place_rows: list[tuple] = []
    keys = [f"{p.type}|{p.code or ''}|{p.name}" for p in ex.places]
    pids = dict(conn.execute(f"select key, id from places where key in ({','.join('?' * len(keys))})",
                             keys).fetchall()) if keys else {}
    for p, key in zip(ex.places, keys):
        pid = pids.get(key)
        if pid is None:
            pid = pids[key] = conn.execute(_INSERT_PLACE, (key, p.name, p.type, p.code, p.province)).lastrowid
        place_rows += [(pid, aid, s, e, text[s:e], *ver) for s, e in p.mentions]
    deferred.add(_INSERT_PLACE_MENTION, place_rows)
    deferred.add(_INSERT_DATE, [(aid, d.date, d.text, d.start, d.end, d.time, d.flag, *ver) for d in ex.dates])
    province_of = {p.code: p.province for p in ex.places if p.code}
    actors: list[tuple] = []
    for e in ex.events:
        eid = conn.execute(_INSERT_EVENT, (
            aid, e.type, e.date, e.place, e.place_code, province_of.get(e.place_code), e.personnel,
            int(e.personnel_approx), json.dumps(list(e.forces)), e.personnel_reinforcement,
            json.dumps(list(e.personnel_parts)) if e.personnel_parts else None, e.personnel_per_unit,
            e.personnel_unit, int(e.main), e.election, e.stage, e.trigger, e.start, e.end, *ver)).lastrowid
        actors += [(eid, oid_by_name.get(n), n, "official" if n in oid_by_name else "unit") for n in e.actors]
        actors += [(eid, None, f, "force") for f in e.forces]
    if actors:  # read back by the chain-of-command records: not deferred
        conn.executemany(_INSERT_ACTOR, actors)
    deferred.add(_INSERT_QUOTE, [(aid, oid_by_name.get(q.speaker), q.speaker, q.text, q.start, q.end, *ver)
                                 for q in ex.quotes])
    deferred.add(_INSERT_CANDIDATE, [
        (aid, c.name, c.office, c.number, c.region, c.region_code, c.ticket, c.running_mate,
         json.dumps([list(m) for m in c.mentions]), c.mentions[0][0] if c.mentions else None,
         c.mentions[0][1] if c.mentions else None, text[c.mentions[0][0]:c.mentions[0][1]] if c.mentions else None,
         *ver) for c in ex.candidates])


def _official_id(conn: sqlite3.Connection, o: Official, published: Optional[str]) -> tuple[int, Optional[tuple]]:
    """(id, None) for a new person, (id, its row's :data:`_OFFICIAL_UPDATE` values)
    for one stored before: the officials row of this person
    (:func:`~extractor.records.same_person` among the rows of the same name key),
    or a new one. A new row is written whole from ``o``, as :func:`_refresh_official`
    would make it from its mentions (all in this article: first and last seen are
    its ``published``)."""
    key = official_key(o)
    # "key#2", "key#3": same-named other people; one range of the index, not LIKE (nor an OR of two
    # look-ups, which SQLite sorts in a temporary tree), less the keys that only begin like this one
    rows = sorted(r[:1] + r[2:] for r in conn.execute(_SELECT_OFFICIALS, (key, key + "$"))
                  if r[1] == key or r[1] > key + "#")  # by id
    for oid, *stored in rows:
        if same_person(o, stored[3], stored[6]):  # rank_order, province
            return oid, tuple(stored)
    seen = (published or "")[:10] or None
    return conn.execute(_INSERT_NEW_OFFICIAL, (
        official_key(o, nth=len(rows) + 1) if rows else key, o.name, o.institution, o.rank, o.position, o.unit, o.rank_order,
        o.region, o.region_code, province_code(o.region_code), seen, seen, published or None)).lastrowid, None


_SELECT_OFFICIALS = (f"select id, key, {', '.join(f'[{c}]' for c in _OFFICIAL_UPDATE)} from officials "
                     "where key >= ? and key < ?")


def _seen_again(conn: sqlite3.Connection, oid: int, o: Official, published: Optional[str], stored: tuple) -> None:
    """The row of a person stored before (``stored``: its :data:`_OFFICIAL_UPDATE`
    values) once ``o``'s mentions, in an article published ``published``, join
    theirs: what :func:`_refresh_official` makes of all the mentions, without
    reading them. The row is what it made of the mentions stored before (every
    writer of mentions keeps it so) and ``published`` is None or an ISO
    date(time), so the latest mention (by published, then id: the new ones have
    the highest ids) is ``o``'s unless an earlier one has a later ``published``:
    ``latest_published``, the latest value among them, says whether one has.
    (Reading the person's mentions for it cost a look-up per mention, thousands
    for a Kapolda named in every other article.) Written only when it changed."""
    *latest, first, last, latest_published = stored
    day = published[:10] if published else None
    if last is None or (day is not None and not (latest_published is not None and latest_published > published)):
        latest = [o.rank, o.position, o.unit, o.rank_order, o.region, o.region_code, province_code(o.region_code)]
    if day is not None:
        first = day if first is None or day < first else first
        last = day if last is None or day > last else last
        latest_published = published if latest_published is None or published > latest_published else latest_published
    row = (*latest, first, last, latest_published)
    if row != stored:
        conn.execute(_UPDATE_OFFICIAL, (*row, oid))


def _refresh_official(conn: sqlite3.Connection, oid: int) -> None:
    """Latest rank/position/unit and first/last seen, from the mentions."""
    row = conn.execute(
        """select m.rank, m.position, m.unit, m.rank_order, m.region, m.region_code
           from official_mentions m join articles a on a.id = m.article_id
           where m.official_id = ? order by coalesce(a.published, '') desc, m.id desc limit 1""", (oid,)).fetchone()
    if row is None:
        conn.execute("delete from officials where id = ? and not exists "
                     "(select 1 from quotes where official_id = ?) and not exists "
                     "(select 1 from event_actors where official_id = ?)", (oid, oid, oid))
        return
    seen = conn.execute(
        """select min(a.published), max(a.published) from official_mentions m join articles a
           on a.id = m.article_id where m.official_id = ?""", (oid,)).fetchone()
    conn.execute(_UPDATE_OFFICIAL, (*row, province_code(row[5]), (seen[0] or "")[:10] or None,
                                    (seen[1] or "")[:10] or None, seen[1] or None, oid))
