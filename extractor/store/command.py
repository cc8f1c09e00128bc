"""The chain-of-command records of an article (:mod:`extractor.units`,
:mod:`extractor.evidence`): the unit each official mention, event and unit actor
resolves to, the posts named without a holder, the handovers of posts, and how
the article reports. Written in the article's transaction by
:func:`~extractor.store.articles.write_article`; the ``units`` and
``region_command`` tables are filled by :func:`fill_units`."""

from __future__ import annotations

import json
from typing import Optional

import sqlite_utils

from ..types import Extraction
from .deferred import Deferred

#: tables written with each article's records by :func:`save_command_records`
COMMAND_RECORD_TABLES = ("mention_units", "event_units", "actor_units", "post_mentions", "handovers",
                         "article_sources")


_UNIT_COLS = ("id", "name", "kind", "level", "institution", "number", "parent_id", "parent", "regions",
              "partial_regions", "province_codes", "polres_id", "polda_id", "kodim_id", "korem_id", "kodam_id",
              "aliases", "source", "note")
_ABOVE = ("polres", "polda", "kodim", "korem", "kodam")


def fill_units(db: sqlite_utils.Database) -> None:
    """The ``units`` and ``region_command`` tables from :mod:`extractor.units` (replaced whole).
    Plain ``executemany`` on the connection (a fresh database fills them at creation:
    ~0.3 s of CPU instead of ~1 s through sqlite-utils' ``insert_all``)."""
    from .. import units as U
    from ..regions import region_facts

    table = U.units()
    db.execute("delete from units")
    db.execute("delete from region_command")

    def row(u) -> tuple:
        above: dict[str, str] = {}
        for a in U.chain(u.id)[1:]:  # the nearest unit of each level above
            above.setdefault(a.level, a.id)
        return (u.id, u.name, u.kind, u.level, u.institution, u.number or None, u.parent_id or None,
                table[u.parent_id].name if u.parent_id in table else None,
                ";".join(u.regions) or None, ";".join(u.partial) or None,
                ";".join(dict.fromkeys(c[:2] for c in u.regions + u.partial)) or None,
                *(above.get(level) for level in _ABOVE),
                ";".join(u.aliases) or None, u.source, u.note or None)

    conn = db.conn
    conn.executemany(f"insert into units ({', '.join(f'[{c}]' for c in _UNIT_COLS)}) "
                     f"values ({', '.join('?' * len(_UNIT_COLS))})", [row(u) for u in table.values()])
    cols = ("code", *(f"{k}_id" for k in U.ROLLUP))
    conn.executemany(f"insert into region_command ({', '.join(f'[{c}]' for c in cols)}) "
                     f"values ({', '.join('?' * len(cols))})",
                     [(code, *U.region_command(code).values()) for code in region_facts()])


def warm() -> None:
    """Build what the chain-of-command records read on the first article: the
    units and their name index, the regions, the release cues (~0.3 s of CPU).
    A single-process run has them from the extraction's own warm-up before its
    workers fork; the Dask driver calls this while its first shards run."""
    from .. import evidence, units as U
    from ..regions import region_facts

    U.is_unit_name("")
    region_facts()
    evidence.article_source("", "", "")


def save_command_records(db, aid: int, extraction: Optional[Extraction] = None, *,
                         deferred: Optional[Deferred] = None, article: Optional[tuple] = None) -> None:
    """The article's chain-of-command rows, from what is stored for it (and, when given, the
    extraction's posts and handovers): the unit of each official mention (the unit it names, else
    the one its post heads in its region), each event's units up the chain (from its place, else its
    actors' units, else the article's primary region), each unit actor's unit, and how the article
    reports (:mod:`extractor.evidence`). Call inside the article's transaction; ``db`` is a
    sqlite3 connection or a sqlite-utils Database (only its ``execute`` is used).

    The writer of an article (:func:`~.articles.write_rows`) passes ``article`` (its url, outlet,
    text and primary region code, as stored) and ``deferred`` (where the rows wait for the batch's
    commit, :class:`~.deferred.Deferred`), having deleted the article's old rows itself; without
    them the old rows are deleted here and the new ones inserted at once."""
    from .. import evidence, units as U

    rows: dict[str, list] = {}  # statement -> rows, inserted at the end (or deferred)

    def add(sql: str, row: list) -> None:
        rows.setdefault(sql, []).append(row)

    if article is None:
        for t in COMMAND_RECORD_TABLES:
            db.execute(f"delete from {t} where article_id = ?", [aid])
        article = db.execute("select url, outlet, text, primary_region_code from articles where id = ?",
                             [aid]).fetchone()
        if article is None:
            return
    url, outlet, text, primary = article
    src = evidence.article_source(url, outlet, text or "")
    add(_INSERT_SOURCE, [aid, src.kind, int(src.portal), json.dumps(list(src.cues), ensure_ascii=False) or None])
    unit_of_official: dict[int, str] = {}
    for mid, oid, unit, position, code in db.execute(
            "select id, official_id, unit, position, region_code from official_mentions where article_id = ?",
            [aid]).fetchall():
        u, how = U.resolve(unit, code or primary), "named"
        if u is None and position:
            u, how = U.unit_of_post(position, code), "post"
        if u is not None:
            unit_of_official.setdefault(oid, u.id)
        uid = u.id if u is not None else other_unit_id(unit)
        if uid:  # a body outside the chain of command (KPU Lahat) keeps its holders too
            add(_INSERT_MENTION_UNIT, [mid, aid, uid, unit if u is None else u.name, how if u is not None else "unlisted"])
    actors_of: dict[int, list] = {}
    for eid, *actor in db.execute(
            "select event_id, id, name, kind, official_id from event_actors where event_id in "
            "(select id from events where article_id = ?) order by event_id, id", [aid]).fetchall():
        actors_of.setdefault(eid, []).append(actor)
    for eid, place_code in db.execute("select id, place_code from events where article_id = ? order by id",
                                      [aid]).fetchall():
        actor_units = []
        for acid, name, kind, oid in actors_of.get(eid, ()):
            if kind == "unit":
                u = U.resolve(name, place_code or primary)
                if u is not None:
                    add(_INSERT_ACTOR_UNIT, [acid, eid, aid, u.id])
                    actor_units.append(u.id)
            elif kind == "official" and oid in unit_of_official:
                actor_units.append(unit_of_official[oid])
        if place_code:
            rc, how = U.region_command(place_code), "place"
        elif actor_units:
            rc, how = _rollup(U, actor_units), "actor"
        elif primary:
            rc, how = U.region_command(primary), "article_region"
        else:
            continue
        add(_INSERT_EVENT_UNIT, [eid, aid, how, *(rc[k] for k in U.ROLLUP)])
    if extraction is not None:
        ver = [extraction.extractor_version, extraction.model_version]
        for p in extraction.posts:
            u = U.resolve(p.unit, p.region_code or primary) if p.unit else None
            uid = u.id if u is not None else other_unit_id(p.unit)
            add(_INSERT_POST, [aid, p.position, u.name if u else p.unit, uid, p.region_code, p.start, p.end,
                               (text or "")[p.start:p.end], *ver])
        oid_by_name = dict(db.execute("select name, official_id from official_mentions where article_id = ?",
                                      [aid]).fetchall()) if extraction.handovers else {}
        for h in extraction.handovers:
            u = U.resolve(h.unit, h.region_code or primary) if h.unit else None
            uid = u.id if u is not None else other_unit_id(h.unit)
            add(_INSERT_HANDOVER, [aid, h.position, u.name if u else h.unit, uid, h.outgoing, h.incoming,
                                   oid_by_name.get(h.outgoing), oid_by_name.get(h.incoming), h.date,
                                   "text" if h.date else "published", h.cue, h.start, h.end, *ver])
    for sql, batch in rows.items():
        if deferred is not None:
            deferred.add(sql, batch)
        else:
            for row in batch:
                db.execute(sql, row)


_INSERT_SOURCE = "insert into article_sources (article_id, kind, portal, cues) values (?, ?, ?, ?)"
_INSERT_MENTION_UNIT = ("insert into mention_units (mention_id, article_id, unit_id, unit_name, how) "
                        "values (?, ?, ?, ?, ?)")
_INSERT_ACTOR_UNIT = "insert into actor_units (actor_id, event_id, article_id, unit_id) values (?, ?, ?, ?)"
_INSERT_EVENT_UNIT = ("insert into event_units (event_id, article_id, how, polsek_id, polres_id, polda_id, "
                      "koramil_id, kodim_id, korem_id, kodam_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_POST = ("insert into post_mentions (article_id, position, unit, unit_id, region_code, start, end, text, "
                "extractor_version, model_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_HANDOVER = ("insert into handovers (article_id, position, unit, unit_id, outgoing, incoming, "
                    "outgoing_official_id, incoming_official_id, date, date_source, cue, start, end, "
                    "extractor_version, model_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def other_unit_id(unit: Optional[str]) -> Optional[str]:
    """Id of a unit outside the units table (an election body, a Pemda), from its name."""
    from ..units import key

    return f"other:{key(unit)}" if unit and key(unit) else None


def _rollup(U, unit_ids: list[str]) -> dict:
    """Event units from its actors' units: each level where the actors agree."""
    out: dict = dict.fromkeys(U.ROLLUP)
    for level in U.ROLLUP:
        found = {x.id for uid in unit_ids for x in U.chain(uid) if x.level == level}
        if len(found) == 1:
            out[level] = found.pop()
    return out
