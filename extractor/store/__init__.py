"""SQLite storage. The only sub-package that imports sqlite-utils.

One :class:`Store` per database file. Every article is written with all its
extracted rows in one transaction, so a crash loses at most the article in
hand and never leaves half an article. Re-running on the same input changes
nothing: an article whose text and extractor version are unchanged is not
re-extracted, and a changed one has its rows replaced, not added to.

The schema is :mod:`.migrations`'s, applied when a database is opened; the
near-duplicate index is :mod:`.clusters`'.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Iterable, Optional

import sqlite_utils

from .. import __version__, dedup
from ..errors import Msg, StoreError
from ..records import official_key
from ..types import Article, Extraction, Source
from .clusters import assign_cluster
from .common import insert_error, now
from .frontier import Frontier
from .migrations import SCHEMA_VERSION, migrate, schema_version

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
            migrate(self.db, self.path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from exc
        #: the crawl state (``urls``), on the same connection
        self.frontier = Frontier(self.db)

    # schema ----------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return schema_version(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # runs, sources, errors -----------------------------------------------------
    def start_run(self, command: str, config: dict) -> int:
        with self.db.conn:
            return self.db["runs"].insert({"started_at": now(), "command": command,
                                           "config": json.dumps(config, default=str),
                                           "extractor_version": __version__}).last_pk

    def finish_run(self, run_id: int, counts: dict) -> None:
        with self.db.conn:
            self.db["runs"].update(run_id, {"finished_at": now(), "counts": json.dumps(counts)})

    def save_source(self, src: Source) -> None:
        with self.db.conn:
            self.db["sources"].upsert({"name": src.name, "home": src.home, "region": src.region,
                                       "config": json.dumps({"feeds": src.feeds, "sitemaps": src.sitemaps,
                                                             "urls": len(src.urls)})}, pk="name")

    def record_error(self, url: str, stage: str, error: BaseException, run_id: Optional[int] = None) -> None:
        """A failed item's row in ``errors``: its URL (or path), stage and one-line message."""
        with self.db.conn:
            insert_error(self.db, url, stage, error, run_id)

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
            "stored_at": now(),
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

    def fast_commits(self) -> None:
        """WAL with ``synchronous = NORMAL`` on this connection: a commit is not
        fsynced (~0.05 ms instead of ~3 ms). A killed process (even ``kill -9``)
        loses nothing committed; a power cut may lose the last commits, never
        the database. The crawl, which commits once per URL, uses it."""
        self.db.execute("PRAGMA synchronous = NORMAL")

    # reading -------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in TABLES if t in self.db.table_names()}



def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

