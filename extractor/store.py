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

from . import __version__
from .errors import Msg, SchemaVersionError, StoreError
from .records import official_key
from .types import Article, Extraction, Source

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
        "province": str, "personnel": int, "personnel_approx": int, "forces": str, "trigger": str, "start": int,
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


#: (version, function) in order; add a new function for every schema change,
#: never edit an applied one. The schema version is the last entry's.
MIGRATIONS: list[tuple[int, Callable[[sqlite_utils.Database], None]]] = [(1, _migrate_1)]
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
             run_id: Optional[int] = None) -> int:
        """Write the article and (when given) its extraction in one transaction,
        replacing what an earlier run stored for the same URL."""
        row = {
            "url": article.url, "canonical_url": article.canonical_url or article.url, "source": article.source,
            "outlet": article.outlet, "title": article.title, "published": article.published, "text": article.text,
            "html_hash": article.html_hash, "text_hash": text_hash(article.text), "fetched_at": article.fetched_at,
            "language": article.language, "dateline": article.dateline, "relevance": relevance,
            "extracted": int(extraction is not None), "extractor_version": __version__,
            "model_version": extraction.model_version if extraction else None, "run_id": run_id,
            "stored_at": _now(),
        }
        try:
            with self.db.conn:
                st = self.article_state(article.url)
                if st:
                    aid = st["id"]
                    self._delete_records(aid)
                    self.db["articles"].update(aid, row)
                else:
                    aid = self.db["articles"].insert(row).last_pk
                if extraction is not None:
                    self._save_records(aid, article, extraction)
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
                "trigger": e.trigger, "start": e.start, "end": e.end, **ver}).last_pk
            self.db["event_actors"].insert_all(
                [{"event_id": eid, "official_id": oid_by_name.get(n), "name": n, "kind": "official"} for n in e.actors]
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
        rows = self.db.execute("select id, rank_order, province from officials where key = ? or key like ? order by id",
                               [key, key + "#%"]).fetchall()
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

    # reading -------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in TABLES if t in self.db.table_names()}

    def rows(self, table: str) -> Iterable[dict]:
        return self.db[table].rows


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

