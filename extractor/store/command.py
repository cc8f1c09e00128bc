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

#: tables written with each article's records by :func:`save_command_records`
COMMAND_RECORD_TABLES = ("mention_units", "event_units", "actor_units", "post_mentions", "handovers",
                         "article_sources")


def fill_units(db: sqlite_utils.Database) -> None:
    """The ``units`` and ``region_command`` tables from :mod:`extractor.units` (replaced whole)."""
    from .. import units as U
    from ..regions import region_facts

    table = U.units()
    db.execute("delete from units")
    db.execute("delete from region_command")

    def above(uid: str, level: str):
        return next((u.id for u in U.chain(uid)[1:] if u.level == level), None)

    db["units"].insert_all(({
        "id": u.id, "name": u.name, "kind": u.kind, "level": u.level, "institution": u.institution,
        "number": u.number or None, "parent_id": u.parent_id or None,
        "parent": table[u.parent_id].name if u.parent_id in table else None,
        "regions": ";".join(u.regions) or None, "partial_regions": ";".join(u.partial) or None,
        "province_codes": ";".join(dict.fromkeys(c[:2] for c in u.regions + u.partial)) or None,
        "polres_id": above(u.id, "polres"), "polda_id": above(u.id, "polda"), "kodim_id": above(u.id, "kodim"),
        "korem_id": above(u.id, "korem"), "kodam_id": above(u.id, "kodam"),
        "aliases": ";".join(u.aliases) or None, "source": u.source, "note": u.note or None}
        for u in table.values()), batch_size=2000)
    db["region_command"].insert_all(({"code": code, **{f"{k}_id": v for k, v in U.region_command(code).items()}}
                                     for code in region_facts()), batch_size=2000)


def save_command_records(db, aid: int, extraction: Optional[Extraction] = None) -> None:
    """The article's chain-of-command rows, from what is stored for it (and, when given, the
    extraction's posts and handovers): the unit of each official mention (the unit it names, else
    the one its post heads in its region), each event's units up the chain (from its place, else its
    actors' units, else the article's primary region), each unit actor's unit, and how the article
    reports (:mod:`extractor.evidence`). Call inside the article's transaction; ``db`` is a
    sqlite3 connection or a sqlite-utils Database (only its ``execute`` is used)."""
    from .. import evidence, units as U

    for t in COMMAND_RECORD_TABLES:
        db.execute(f"delete from {t} where article_id = ?", [aid])
    art = db.execute("select url, outlet, text, primary_region_code from articles where id = ?", [aid]).fetchone()
    if art is None:
        return
    url, outlet, text, primary = art
    src = evidence.article_source(url, outlet, text or "")
    db.execute("insert into article_sources (article_id, kind, portal, cues) values (?, ?, ?, ?)",
               [aid, src.kind, int(src.portal), json.dumps(list(src.cues), ensure_ascii=False) or None])
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
            db.execute("insert into mention_units (mention_id, article_id, unit_id, unit_name, how) "
                       "values (?, ?, ?, ?, ?)", [mid, aid, uid, unit if u is None else u.name,
                                                  how if u is not None else "unlisted"])
    for eid, place_code in db.execute("select id, place_code from events where article_id = ?", [aid]).fetchall():
        actor_units = []
        for acid, name, kind, oid in db.execute(
                "select id, name, kind, official_id from event_actors where event_id = ?", [eid]).fetchall():
            if kind == "unit":
                u = U.resolve(name, place_code or primary)
                if u is not None:
                    db.execute("insert into actor_units (actor_id, event_id, article_id, unit_id) values (?, ?, ?, ?)",
                               [acid, eid, aid, u.id])
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
        db.execute("insert into event_units (event_id, article_id, how, polsek_id, polres_id, polda_id, koramil_id, "
                   "kodim_id, korem_id, kodam_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [eid, aid, how, *(rc[k] for k in U.ROLLUP)])
    if extraction is None:
        return
    ver = [extraction.extractor_version, extraction.model_version]
    for p in extraction.posts:
        u = U.resolve(p.unit, p.region_code or primary) if p.unit else None
        uid = u.id if u is not None else other_unit_id(p.unit)
        db.execute("insert into post_mentions (article_id, position, unit, unit_id, region_code, start, end, text, "
                   "extractor_version, model_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [aid, p.position, u.name if u else p.unit, uid, p.region_code, p.start, p.end,
                    (text or "")[p.start:p.end], *ver])
    oid_by_name = dict(db.execute("select name, official_id from official_mentions where article_id = ?",
                                  [aid]).fetchall())
    for h in extraction.handovers:
        u = U.resolve(h.unit, h.region_code or primary) if h.unit else None
        uid = u.id if u is not None else other_unit_id(h.unit)
        db.execute("insert into handovers (article_id, position, unit, unit_id, outgoing, incoming, "
                   "outgoing_official_id, incoming_official_id, date, date_source, cue, start, end, "
                   "extractor_version, model_version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   [aid, h.position, u.name if u else h.unit, uid, h.outgoing, h.incoming,
                    oid_by_name.get(h.outgoing), oid_by_name.get(h.incoming), h.date,
                    "text" if h.date else "published", h.cue, h.start, h.end, *ver])


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
