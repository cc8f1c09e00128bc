"""Derived facts of every stored event: its scope and its personnel figure's
level (:mod:`extractor.counting`), its coordinates and ACLED precisions
(:mod:`extractor.geo`), and its ACLED coding (the crosswalk and actor
categories of the taxonomy, :mod:`extractor.taxonomy`).

The facts are a function of the event, its article and the shipped data, kept
in the ``event_facts`` table (one row per event, deleted with it) that the views
read. :func:`refresh` brings the table up to date: rows of new or changed
events, or of an older version of the rules and data, are computed again. The
read verbs (query, export, report) call it through
:func:`extractor.queries.ensure_current`, and the CLI after every run, so the
views always count with current facts.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, Iterator, Optional

from . import __version__, datafiles
from .counting import Scope, figure_scope, level_of_code, scope_of
from .geo import bare_name, locate
from .regions import region_facts
from .sentence import sentence_span
from .taxonomy import ActorCategory, taxonomy

#: the computation's version for readers of the table; the data files' digest and the package
#: code's are added to it, so a changed rule or data file marks the facts stale without a bump
RULES_VERSION = "19.2"
BATCH = 200  # articles per transaction

#: columns of ``event_facts`` besides event_id, sig and version, in order
COLUMNS = (
    "scope_level", "scope_code", "scope_cue", "figure_level", "figure_code", "figure_cue", "figure_start", "figure_end",
    "event_date", "date_source", "time_precision", "latitude", "longitude", "geo_precision", "location", "geo_code",
    "admin1", "admin2", "admin3", "disorder_type", "acled_event_type", "acled_sub_event_type", "actor1", "actor1_source",
    "assoc_actor_1", "inter1", "inter1_code", "actor2", "assoc_actor_2", "inter2", "inter2_code", "interaction",
    "interaction_code", "civilian_targeting", "fatalities", "tags", "source_scale", "officials", "units",
)

#: what tells that an event row changed (an article stored again gets new event rows anyway)
SIG_SQL = ("e.article_id || '|' || e.type || '|' || coalesce(e.date, '') || '|' || coalesce(e.place_code, '') || '|' "
           "|| coalesce(e.personnel, '') || '|' || coalesce(e.start, '') || '|' || coalesce(e.end, '') || '|' "
           "|| coalesce(e.forces, '')")


@lru_cache(maxsize=1)
def version() -> str:
    """The rules' version, a digest of the data the facts are computed from
    and one of the package's code (:func:`extractor.datafiles.code_fingerprint`)."""
    return f"{RULES_VERSION}+{datafiles.fingerprint()[:12]}.{datafiles.code_fingerprint()[:8]}"


# -- one article's events --------------------------------------------------------------------------
@dataclass
class ArticleData:
    id: int
    text: str
    published: Optional[str]
    stored: Optional[str]  # stored_at or fetched_at: the date of last resort
    host: str
    events: list[dict]  # events rows, with "sig"
    narrower: list[tuple[int, int]]  # spans of places narrower than a province
    dates: set[str]  # dates the text states
    actors: dict[int, list[dict]]  # event id -> its actors (name, kind, institution, rank, position)
    institutions: list[str]  # institutions of the officials named in the article, most named first


_WORD_NUMBERS = {"satu": 1, "seorang": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
                 "delapan": 8, "sembilan": 9, "sepuluh": 10}


def _number(s: str) -> Optional[int]:
    s = s.lower().replace(".", "")
    return int(s) if s.isdigit() else _WORD_NUMBERS.get(s)


def _host(url: str) -> str:
    m = re.match(r"[a-z][a-z0-9+.-]*://([^/:?#]+)", url or "", re.IGNORECASE)
    return m.group(1).lower() if m else ""


def source_scale(host: str) -> str:
    """ACLED's source scale of an outlet: National for the national outlets of the
    taxonomy's list (by URL host), else Subnational (regional news)."""
    for h in taxonomy().acled.get("national_hosts", []):
        if host == h or host.endswith("." + h.removeprefix("www.")) or host == h.removeprefix("www."):
            return "National"
    return "Subnational"


def _actor_name(c: ActorCategory, date: Optional[str]) -> str:
    return f"{c.name} ({taxonomy().period(date)})" if c.period else c.name


def _written(name: str, date: Optional[str]) -> str:
    """A force or institution as an associated actor."""
    tx = taxonomy()
    c = tx.category_of(name)
    if c is not None and c.period and (name in c.forces[:1] or name in c.institutions[:1]):
        return _actor_name(c, date)
    return tx.actor_names.get(name, f"{name} (Indonesia)")


def acled_coding(ev: dict, date: Optional[str], actors: list[dict], article_institutions: list[str],
                 sentence: str, protest_in_article: bool) -> dict[str, Any]:
    """The ACLED columns of one event (event type to tags), per the taxonomy."""
    tx = taxonomy()
    et = tx.types.get(ev["type"]) or tx.types["other"]
    cues = {"protest_in_article": protest_in_article,
            **{k: bool(rx.search(sentence)) for k, rx in tx.cues.items()}}
    row = next(r for r in et.acled if not r.cue or cues.get(r.cue))
    forces = [f for f in json.loads(ev["forces"] or "[]") if isinstance(f, str)]
    officials = [a for a in actors if a["kind"] == "official"]
    units = [a["name"] for a in actors if a["kind"] == "unit"]
    named: list[str] = forces + [a["institution"] for a in officials if a.get("institution")]
    cats = [c for c in (tx.category_of(n) for n in named) if c is not None]
    source = "named"
    if not cats:
        cats = [c for c in (tx.category_of(n) for n in article_institutions) if c is not None][:1]
        source = "article" if cats else "default"
    if not cats:
        cats = [tx.actors[et.default_actor]]
    crowd = {"Protests": "protesters", "Riots": "rioters"}.get(row.event_type)
    first = cats[0]
    others = list(dict.fromkeys(_written(n, date) for n in named))
    if crowd:
        a1 = tx.actors[crowd]
        actor1, inter1 = a1.name, a1
        actor2_cat = first if source == "named" and (row.event_type == "Riots" or "intervention" in row.sub_event_type
                                                     .lower()) else None
        actor2 = _actor_name(actor2_cat, date) if actor2_cat else ""
        assoc1 = ""
        assoc2 = "; ".join(o for o in others if o != actor2) if actor2 else ""
        inter2 = actor2_cat
        source = "type"
    else:
        actor1, inter1 = _actor_name(first, date), first
        assoc1 = "; ".join(o for o in others if o != actor1)
        actor2, assoc2, inter2 = "", "", None
    if inter2 is not None:
        pair = sorted([inter1, inter2], key=lambda c: c.inter_code)
        interaction = f"{pair[0].inter}-{pair[1].inter}"
        interaction_code = pair[0].inter_code * 10 + pair[1].inter_code
    else:
        interaction, interaction_code = f"{inter1.inter} only", inter1.inter_code * 10
    tags: list[str] = []
    fatalities = 0
    if crowd:
        crowd_cfg = tx.acled["crowd"]
        m = re.search(crowd_cfg["pattern"], sentence, re.IGNORECASE)
        if m:
            n = m.group("n").lower()
            tags.append(f"crowd size={crowd_cfg['words'].get(n) or 'around ' + n.replace('.', ',')}")
        else:
            tags.append("crowd size=no report")
        m = re.search(tx.acled["fatalities"], sentence, re.IGNORECASE)
        if m and _number(m.group("n")):
            fatalities = _number(m.group("n"))
    return {
        "disorder_type": tx.disorder_type(row.event_type, row.sub_event_type),
        "acled_event_type": row.event_type, "acled_sub_event_type": row.sub_event_type,
        "actor1": actor1, "actor1_source": source, "assoc_actor_1": assoc1,
        "inter1": inter1.inter, "inter1_code": inter1.inter_code,
        "actor2": actor2, "assoc_actor_2": assoc2,
        "inter2": inter2.inter if inter2 else "", "inter2_code": inter2.inter_code if inter2 else 0,
        "interaction": interaction, "interaction_code": interaction_code,
        "civilian_targeting": "", "fatalities": fatalities, "tags": json.dumps(tags, ensure_ascii=False),
        "officials": json.dumps([" ".join(x for x in (a.get("rank"), a["name"]) if x)
                                 + (f" ({a['position']})" if a.get("position") else "") for a in officials],
                                ensure_ascii=False),
        "units": json.dumps(units, ensure_ascii=False),
    }


def _admin(code: Optional[str]) -> tuple[str, str, str]:
    """admin1 (ACLED's English province name), admin2 (kabupaten/kota, GADM style),
    admin3 (kecamatan) of a region code."""
    if not code:
        return "", "", ""
    facts = region_facts()
    admin1 = taxonomy().acled["admin1"].get(code[:2], "")
    admin2 = bare_name(facts[code[:5]].name) if len(code) >= 5 and code[:5] in facts else ""
    admin3 = facts[code[:8]].name if len(code) >= 8 and code[:8] in facts else ""
    return admin1, admin2, admin3


def article_facts(a: ArticleData) -> dict[int, dict[str, Any]]:
    """The facts of each of the article's events, by event id."""
    out: dict[int, dict[str, Any]] = {}
    protest = any(e["type"] == "protest" for e in a.events)
    published = (a.published or "")[:10] or None
    for e in a.events:
        text = a.text or ""
        start, end = e["start"] or 0, e["end"] or 0
        scope = scope_of(text, start, end, e["place_code"], a.narrower)
        fig: Optional[Scope] = None
        fspan = None
        if e["personnel"] is not None:
            fig, fspan = figure_scope(text, e["personnel"], start, end, scope, a.narrower)
        if e["date"]:
            date, source, tp = e["date"], ("text" if e["date"] in a.dates else "published"), 0
            tp = 1 if source == "text" else 2
        elif published:
            date, source, tp = published, "published", 2
        else:
            date, source, tp = (a.stored or "")[:10] or None, "stored", 3
        # coordinates: the event's own place, unless its scope is wider than the place
        widened = scope.level != level_of_code(e["place_code"])
        point = locate(scope.code if widened else e["place_code"], scope.level if widened else None)
        s0, s1 = sentence_span(text, start, end)
        if point is not None and scope.level == "national":  # ACLED codes a national event at the capital
            admin = _admin(taxonomy().acled["national_location"]["code"])
        else:
            admin = _admin(point.code if point and point.code else None)
        row = {
            "scope_level": scope.level, "scope_code": scope.code, "scope_cue": scope.cue,
            "figure_level": fig.level if fig else None, "figure_code": fig.code if fig else None,
            "figure_cue": fig.cue if fig else None,
            "figure_start": fspan[0] if fspan else None, "figure_end": fspan[1] if fspan else None,
            "event_date": date, "date_source": source, "time_precision": tp,
            "latitude": point.lat if point else None, "longitude": point.lng if point else None,
            "geo_precision": point.geo_precision if point else None, "location": point.location if point else None,
            "geo_code": point.code if point else None,
            "admin1": admin[0], "admin2": admin[1], "admin3": admin[2],
            "source_scale": source_scale(a.host),
        }
        row.update(acled_coding(e, date, a.actors.get(e["id"], []), a.institutions, text[s0:s1], protest))
        out[e["id"]] = row
    return out


# -- the table ---------------------------------------------------------------------------------------
def _load(conn: sqlite3.Connection, ids: list[int]) -> list[ArticleData]:
    marks = ",".join("?" * len(ids))
    arts = {r[0]: ArticleData(r[0], r[1] or "", r[2], r[3], _host(r[4]), [], [], set(), defaultdict(list), [])
            for r in conn.execute(f"select id, text, published, coalesce(stored_at, fetched_at), url from articles "
                                  f"where id in ({marks})", ids)}
    cur = conn.execute(f"select e.id, e.article_id, e.type, e.date, e.place_code, e.personnel, e.forces, e.start, "
                       f"e.end, {SIG_SQL} from events e where e.article_id in ({marks}) order by e.id", ids)
    for eid, aid, typ, date, code, pers, forces, s, en, sig in cur:
        arts[aid].events.append({"id": eid, "type": typ, "date": date, "place_code": code, "personnel": pers,
                                 "forces": forces, "start": s, "end": en, "sig": sig})
    for aid, s, en in conn.execute(
            f"select pm.article_id, pm.start, pm.end from place_mentions pm join places p on p.id = pm.place_id "
            f"where pm.article_id in ({marks}) and length(p.code) >= 5", ids):
        arts[aid].narrower.append((s, en))
    for aid, d in conn.execute(f"select article_id, date from date_mentions where article_id in ({marks}) "
                               f"and date is not null", ids):
        arts[aid].dates.add(d)
    for aid, eid, name, kind, inst, rank, position in conn.execute(
            f"""select e.article_id, ea.event_id, ea.name, ea.kind,
                       coalesce((select m.institution from official_mentions m where m.official_id = ea.official_id
                                   and m.article_id = e.article_id and m.institution is not null limit 1),
                                o.institution),
                       (select m.rank from official_mentions m where m.official_id = ea.official_id
                          and m.article_id = e.article_id and m.rank is not null limit 1),
                       (select m.position from official_mentions m where m.official_id = ea.official_id
                          and m.article_id = e.article_id and m.position is not null limit 1)
                from event_actors ea join events e on e.id = ea.event_id
                left join officials o on o.id = ea.official_id
                where e.article_id in ({marks}) and ea.kind in ('official', 'unit') order by ea.id""", ids):
        arts[aid].actors[eid].append({"name": name, "kind": kind, "institution": inst, "rank": rank,
                                      "position": position})
    inst: dict[int, Counter] = defaultdict(Counter)
    for aid, i in conn.execute(f"select m.article_id, coalesce(m.institution, o.institution) from official_mentions m "
                               f"join officials o on o.id = m.official_id where m.article_id in ({marks})", ids):
        if i:
            inst[aid][i] += 1
    for aid, c in inst.items():
        arts[aid].institutions = [k for k, _ in c.most_common()]
    return list(arts.values())


def _computed(conn: sqlite3.Connection, db: str, ver: str, batches: list[list[int]],
              workers: int) -> Iterator[list[tuple]]:
    """The rows of each batch of articles, in order: here, or in ``workers``
    forked processes when there are two batches or more."""
    if workers <= 1 or len(batches) < 2:
        for ids in batches:
            yield _rows(conn, ids, ver)
        return
    import multiprocessing as mp

    with mp.get_context("fork").Pool(min(workers, len(batches))) as pool:
        yield from pool.imap(partial(_rows_apart, db, ver), batches)


def _rows_apart(db: str, ver: str, ids: list[int]) -> list[tuple]:
    """:func:`_rows` in a worker, on a connection of its own."""
    conn = sqlite3.connect(db, timeout=30)
    try:
        return _rows(conn, ids, ver)
    finally:
        conn.close()


def _rows(conn: sqlite3.Connection, ids: list[int], ver: str) -> list[tuple]:
    """event_facts rows (event_id, sig, version, *COLUMNS) of the articles ``ids``."""
    rows = []
    for a in _load(conn, ids):
        facts = article_facts(a)
        for e in a.events:
            f = facts[e["id"]]
            rows.append((e["id"], e["sig"], ver, *(f[c] for c in COLUMNS)))
    return rows


def stale_articles(conn: sqlite3.Connection) -> list[int]:
    """Articles with an event whose facts are missing, of another version, or of
    another state of the event."""
    return [r[0] for r in conn.execute(
        f"select distinct e.article_id from events e left join event_facts f on f.event_id = e.id "
        f"where f.event_id is null or f.version is not ? or f.sig is not ({SIG_SQL}) order by e.article_id",
        [version()])]


def refresh(db: str | Path, workers: int = 1) -> int:
    """Compute the facts of the events that lack current ones; returns how many
    events were (re)computed. A database that cannot be written is left as it
    is (0): the views then fall back to the stored events' own fields.
    ``workers`` > 1 computes batches of articles in that many forked
    processes, each reading the database on its own connection; this one
    writes them as they come (the CLI after an ``ingest --workers N``)."""
    try:
        conn = sqlite3.connect(str(db), timeout=30)
    except sqlite3.Error:
        return 0
    try:
        if not conn.execute("select 1 from sqlite_master where name = 'event_facts'").fetchone():
            return 0
        stale = stale_articles(conn)
        orphans = conn.execute("select count(*) from event_facts where event_id not in (select id from events)"
                               ).fetchone()[0]
        if not stale and not orphans:
            return 0
        n = 0
        cols = ("event_id", "sig", "version", *COLUMNS)
        sql = f"insert or replace into event_facts ({', '.join(cols)}) values ({', '.join('?' * len(cols))})"
        with conn:
            conn.execute("delete from event_facts where event_id not in (select id from events)")
        batches = [stale[i:i + BATCH] for i in range(0, len(stale), BATCH)]
        for rows in _computed(conn, str(db), version(), batches, workers):
            with conn:
                conn.executemany(sql, rows)
            n += len(rows)
        return n
    except sqlite3.OperationalError as exc:
        if "readonly" in str(exc) or "read-only" in str(exc) or "locked" in str(exc):
            return 0
        raise
    finally:
        conn.close()

