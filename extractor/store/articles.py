"""One article and its records in SQLite: the ``articles`` row, mentions of
officials, places and dates, events with their actors, quotes; and the
``officials`` rows that merge one person's mentions across articles.

:func:`write_article` runs inside one transaction, so a crash never leaves an
article without its records. Who is the same person is
:func:`extractor.records.same_person`'s to say.
"""

from __future__ import annotations

import hashlib
import json
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


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_state(db: sqlite_utils.Database, url: str) -> Optional[dict]:
    rows = list(db.query("select id, text_hash, extractor_version, extracted from articles where url = ?", [url]))
    return rows[0] if rows else None


def write_article(db: sqlite_utils.Database, article: Article, relevance: float, extraction: Optional[Extraction],
                  run_id: Optional[int], signature: Optional[dedup.Signature]) -> int:
    """Insert the article (or replace what was stored for its URL) with its
    records and near-duplicate cluster, in one transaction; returns its id.
    A published or modified value that is not an ISO 8601 date never reaches
    its column (readers drop such values with a recorded warning first)."""
    row = {
        "url": article.url, "canonical_url": article.canonical_url or article.url, "source": article.source,
        "outlet": article.outlet, "title": article.title, "published": iso_date(article.published),
        "text": article.text,
        "html_hash": article.html_hash, "text_hash": text_hash(article.text), "fetched_at": article.fetched_at,
        "language": article.language, "dateline": article.dateline, "relevance": relevance,
        "extracted": int(extraction is not None), "extractor_version": extractor_version(),
        "model_version": extraction.model_version if extraction else None, "run_id": run_id,
        "stored_at": now(),
        "primary_region": extraction.primary_region.name if extraction and extraction.primary_region else None,
        "primary_region_code": extraction.primary_region.code if extraction and extraction.primary_region else None,
        "author": article.author or None, "editor": article.editor or None, "section": article.section or None,
        "tags": json.dumps(list(article.tags), ensure_ascii=False) if article.tags else None,
        "modified": iso_date(article.modified), "published_from": article.published_from or None,
        "meta_notes": json.dumps(list(article.meta_notes), ensure_ascii=False) if article.meta_notes else None,
        "profile": article.profile or None, "pages": article.pages,
        "personnel": extraction.personnel if extraction else None,
        "personnel_approx": (int(extraction.personnel_approx)
                             if extraction and extraction.personnel is not None else None),
    }
    # one explicit transaction, not `with conn`: sqlite-utils commits each insert made outside an open
    # transaction, so a crash between the article row and its records would leave an article without
    # them; the write lock first, so another process storing the same URL waits instead of failing
    with immediate(db) if not db.conn.in_transaction else db.atomic():
        st = article_state(db, article.url)
        if st:
            aid = st["id"]
            _delete_records(db, aid)
            db["articles"].update(aid, row)
        else:
            aid = db["articles"].insert(row).last_pk
        if extraction is not None:
            _save_records(db, aid, article, extraction)
        assign_cluster(db, aid, signature)
        save_command_records(db, aid, extraction)  # units, posts, handovers, how the article reports
    return aid



def _delete_records(db: sqlite_utils.Database, aid: int) -> None:
    ev = [r[0] for r in db.execute("select id from events where article_id = ?", [aid]).fetchall()]
    if ev:
        db.execute(f"delete from event_actors where event_id in ({','.join('?' * len(ev))})", ev)
    touched = [r[0] for r in db.execute(
        "select distinct official_id from official_mentions where article_id = ?", [aid]).fetchall()]
    for t in COMMAND_RECORD_TABLES:  # they point at the rows deleted below
        db.execute(f"delete from {t} where article_id = ?", [aid])
    for t in ("official_mentions", "place_mentions", "date_mentions", "events", "quotes", "candidates"):
        db.execute(f"delete from {t} where article_id = ?", [aid])
    for oid in touched:
        _refresh_official(db, oid)


def _save_records(db: sqlite_utils.Database, aid: int, article: Article, ex: Extraction) -> None:
    ver = {"extractor_version": ex.extractor_version, "model_version": ex.model_version}
    text = article.text
    oid_by_name: dict[str, int] = {}
    for o in ex.officials:
        oid = _official_id(db, o)
        oid_by_name[o.name] = oid
        db["official_mentions"].insert_all(
            ({"official_id": oid, "article_id": aid, "name": o.name, "rank": o.rank, "rank_full": o.rank_full,
              "corps": o.corps, "institution": o.institution, "position": o.position, "unit": o.unit,
              "region": o.region, "region_code": o.region_code, "rank_order": o.rank_order,
              "degrees": json.dumps(list(o.degrees)), "honorific": o.honorific, "start": s, "end": e,
              "text": text[s:e], **ver} for s, e in (o.mentions or ((0, 0),))))
        _refresh_official(db, oid)
    for p in ex.places:
        key = f"{p.type}|{p.code or ''}|{p.name}"
        existing = db.execute("select id from places where key = ?", [key]).fetchone()
        pid = existing[0] if existing else db["places"].insert(
            {"key": key, "name": p.name, "type": p.type, "code": p.code, "province": p.province}).last_pk
        db["place_mentions"].insert_all(
            ({"place_id": pid, "article_id": aid, "start": s, "end": e, "text": text[s:e], **ver}
             for s, e in p.mentions))
    db["date_mentions"].insert_all(
        ({"article_id": aid, "date": d.date, "text": d.text, "start": d.start, "end": d.end, "time": d.time,
          "flag": d.flag, **ver} for d in ex.dates))
    province_of = {p.code: p.province for p in ex.places if p.code}
    for e in ex.events:
        eid = db["events"].insert({
            "article_id": aid, "type": e.type, "date": e.date, "place": e.place, "place_code": e.place_code,
            "province": province_of.get(e.place_code), "personnel": e.personnel,
            "personnel_approx": int(e.personnel_approx), "forces": json.dumps(list(e.forces)),
            "personnel_reinforcement": e.personnel_reinforcement, "personnel_per_unit": e.personnel_per_unit,
            "personnel_parts": json.dumps(list(e.personnel_parts)) if e.personnel_parts else None,
            "personnel_unit": e.personnel_unit, "main": int(e.main),
            "election": e.election, "stage": e.stage,
            "trigger": e.trigger, "start": e.start, "end": e.end, **ver}).last_pk
        db["event_actors"].insert_all(
            [{"event_id": eid, "official_id": oid_by_name.get(n), "name": n,
              "kind": "official" if n in oid_by_name else "unit"} for n in e.actors]
            + [{"event_id": eid, "official_id": None, "name": f, "kind": "force"} for f in e.forces])
    db["quotes"].insert_all(
        ({"article_id": aid, "official_id": oid_by_name.get(q.speaker), "speaker": q.speaker, "text": q.text,
          "start": q.start, "end": q.end, **ver} for q in ex.quotes))
    db["candidates"].insert_all(
        ({"article_id": aid, "name": c.name, "office": c.office, "number": c.number, "region": c.region,
          "region_code": c.region_code, "ticket": c.ticket, "running_mate": c.running_mate,
          "mentions": json.dumps([list(m) for m in c.mentions]),
          "start": c.mentions[0][0] if c.mentions else None, "end": c.mentions[0][1] if c.mentions else None,
          "text": text[c.mentions[0][0]:c.mentions[0][1]] if c.mentions else None, **ver}
         for c in ex.candidates))


def _official_id(db: sqlite_utils.Database, o: Official) -> int:
    """The officials row of this person (:func:`~extractor.records.same_person`
    among the rows of the same name key), or a new one."""
    key = official_key(o)
    # "key#2", "key#3": same-named other people; a range, not LIKE, so the index serves it
    rows = db.execute("select id, rank_order, province from officials where key = ? or (key > ? and key < ?) "
                      "order by id", [key, key + "#", key + "$"]).fetchall()
    for oid, order, province in rows:
        if same_person(o, order, province):
            return oid
    return db["officials"].insert({"key": official_key(o, nth=len(rows) + 1), "name": o.name,
                                   "institution": o.institution}).last_pk


def _refresh_official(db: sqlite_utils.Database, oid: int) -> None:
    """Latest rank/position/unit and first/last seen, from the mentions."""
    row = db.execute(
        """select m.rank, m.position, m.unit, m.rank_order, m.region, m.region_code
           from official_mentions m join articles a on a.id = m.article_id
           where m.official_id = ? order by coalesce(a.published, '') desc, m.id desc limit 1""", [oid]).fetchone()
    seen = db.execute(
        """select min(a.published), max(a.published) from official_mentions m join articles a
           on a.id = m.article_id where m.official_id = ?""", [oid]).fetchone()
    if row is None:
        db.execute("delete from officials where id = ? and not exists "
                        "(select 1 from quotes where official_id = ?) and not exists "
                        "(select 1 from event_actors where official_id = ?)", [oid, oid, oid])
        return
    db["officials"].update(oid, {"rank": row[0], "position": row[1], "unit": row[2], "rank_order": row[3],
                                      "region": row[4], "region_code": row[5],
                                      "province": (row[5] or "").split(".")[0] or None,
                                      "first_seen": (seen[0] or "")[:10] or None,
                                      "last_seen": (seen[1] or "")[:10] or None})
