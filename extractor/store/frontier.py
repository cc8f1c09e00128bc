"""The crawl frontier: the ``urls`` table, one row per discovered article URL
or discovery document (feed, sitemap, listing), with its state.

Article status: ``queued`` -> ``fetched`` (archived, not stored yet) ->
``done``; or ``not_modified``, ``failed`` (``retryable`` says whether a later
run may try again), ``disallowed`` (robots.txt), ``duplicate`` (another URL's
article). Every change is its own small transaction, committed at once, so a
killed run leaves every finished fetch behind it; a failure's ``errors`` row
is written in the same transaction as the state it leads to.
"""

from __future__ import annotations

from typing import Iterable, Optional

import sqlite_utils

from ..errors import RobotsDisallowed
from ..types import FetchedPage, PageRef
from .common import insert_error, now

#: states of an article URL whose page needs no fetching in this run
_FETCHED = ("fetched", "done", "not_modified", "duplicate")


class Frontier:
    """The crawl state of one database (``Store.frontier``)."""

    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    # reading ------------------------------------------------------------------------
    def status(self, url: str) -> Optional[dict]:
        """The URL's row, or None for a URL never seen."""
        rows = list(self.db.query("select * from urls where url = ?", [url]))
        return rows[0] if rows else None

    def is_fetched(self, url: str) -> bool:
        """Whether the article at ``url`` is fetched (under this URL or as another's alias)."""
        row = self.status(url)
        return bool(row and row.get("status") in _FETCHED)

    def validators(self, url: str, filter_key: str, refresh: bool = False) -> tuple[str, str]:
        """(etag, last_modified) for a conditional request of a discovery
        document read completely under the same filters; else ("", "")."""
        row = self.status(url)
        if refresh or not row or row.get("kind") in (None, "article") or row.get("filter_key") != filter_key \
                or row.get("status") != "done":
            return "", ""
        return row.get("etag") or "", row.get("last_modified") or ""

    def pending(self, sources: Iterable[str], *, refresh: bool = False, max_attempts: int = 5) -> list[dict]:
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

    def unstored(self, sources: Optional[Iterable[str]] = None) -> list[dict]:
        """Article URLs fetched and archived but not stored yet (a run stopped between the two)."""
        sql, args = self._of_sources("select * from urls where kind = 'article' and status = 'fetched'", sources)
        return list(self.db.query(sql + " order by rowid", args))

    def counts(self, sources: Optional[Iterable[str]] = None) -> dict[str, int]:
        """Article URLs per status."""
        sql, args = self._of_sources("select status, count(*) from urls where kind = 'article'", sources)
        return dict(self.db.execute(sql + " group by status", args).fetchall())

    @staticmethod
    def _of_sources(sql: str, sources: Optional[Iterable[str]]) -> tuple[str, list]:
        if sources is None:
            return sql, []
        names = list(sources)
        return sql + f" and source in ({','.join('?' * len(names))})", names

    # discovery ----------------------------------------------------------------------
    def add(self, refs: Iterable[PageRef]) -> int:
        """Queue discovered article URLs; URLs already known keep their state.
        Returns the number of new URLs."""
        with self.db.conn:
            return self._add(refs)

    def document_read(self, url: str, kind: str, page: FetchedPage, refs: Iterable[PageRef], *, filter_key: str,
                      run_id: Optional[int], warc: Optional[tuple[str, int]] = None,
                      content_hash: Optional[str] = None) -> int:
        """A discovery document (``kind``: feed, sitemap, listing) was read
        (or answered 304) and announced ``refs``: queue them and record the
        document with its validators in one transaction, so its validators are
        never ahead of the URLs it announced. ``warc``: (file, offset) of its
        archived response, ``content_hash`` the body's (an unchanged body keeps its earlier
        copy). Returns the number of new URLs."""
        row = {"url": url, "source": page.source, "kind": kind, "status": "done", "http_status": page.status,
               "filter_key": filter_key, "fetched_at": page.fetched_at, "last_error": None, "run_id": run_id,
               "updated_at": now()}
        if page.status == 200:
            row.update(etag=page.etag, last_modified=page.last_modified)
        if warc is not None:
            row.update(warc_file=warc[0], warc_offset=warc[1])
        if content_hash is not None:
            row.update(content_hash=content_hash)
        with self.db.conn:
            added = self._add(refs)
            self._upsert(row)
        return added

    def document_failed(self, url: str, source: str, error: BaseException, run_id: Optional[int]) -> None:
        """A discovery document could not be had or read (stage ``discover``)."""
        self._change(url, {"source": source, "kind": "document", "status": "failed", "last_error": str(error)},
                     error=("discover", error), run_id=run_id)

    def _add(self, refs: Iterable[PageRef]) -> int:
        stamp = now()
        before = self.db.conn.total_changes
        self.db.conn.executemany(
            "insert or ignore into urls (url, source, kind, status, attempts, published, title, discovered_at, "
            "updated_at) values (?, ?, 'article', 'queued', 0, ?, ?, ?, ?)",
            [(r.url, r.source, r.published, r.title or None, stamp, stamp) for r in refs])
        return self.db.conn.total_changes - before

    # fetching -----------------------------------------------------------------------
    def fetched(self, url: str, first: FetchedPage, *, canonical: str, warc: tuple[str, int], pages: int,
                content_hash: str, run_id: Optional[int]) -> None:
        """The article at ``url`` (``pages`` pages, ``first`` the first) is archived
        at ``warc`` (file, offset of its metadata record), not stored yet."""
        self._change(url, {"status": "fetched", "http_status": first.status, "fetched_at": first.fetched_at,
                           "etag": first.etag, "last_modified": first.last_modified, "canonical": canonical,
                           "warc_file": warc[0], "warc_offset": warc[1], "pages": pages, "content_hash": content_hash,
                           "last_error": None, "retryable": None, "run_id": run_id}, count_attempt=True)

    def not_modified(self, url: str, page: FetchedPage, run_id: Optional[int], *, extract_again: bool) -> None:
        """The server answered 304. ``extract_again``: the archived copy stands for
        the page and is parsed and extracted again (status ``fetched``)."""
        self._change(url, {"status": "fetched" if extract_again else "not_modified", "http_status": page.status,
                           "fetched_at": page.fetched_at, "last_error": None, "retryable": None, "run_id": run_id},
                     count_attempt=True)

    def duplicate(self, url: str, canonical: str, page: FetchedPage, run_id: Optional[int]) -> None:
        """``url`` turned out to be an alias of the article at ``canonical``, fetched already."""
        self._change(url, {"status": "duplicate", "canonical": canonical, "http_status": page.status,
                           "fetched_at": page.fetched_at, "last_error": None, "retryable": None, "run_id": run_id},
                     count_attempt=True)

    def stand_in(self, canonical: str, source: str) -> bool:
        """An alias's fetch stands for the article's canonical URL: a canonical
        URL that is unknown, queued or failed need not be fetched any more
        (status ``duplicate``). Returns whether it was marked."""
        known = self.status(canonical)
        if known is not None and known.get("status") not in ("queued", "failed"):
            return False
        self._change(canonical, {"source": source, "kind": "article", "status": "duplicate", "canonical": canonical})
        return True

    def fetch_failed(self, url: str, error: BaseException, run_id: Optional[int]) -> None:
        """Fetching the article failed: ``disallowed`` by robots.txt, or ``failed``,
        retryable when the error says a later run may succeed."""
        if isinstance(error, RobotsDisallowed):
            fields = {"status": "disallowed", "retryable": 0}
        else:
            fields = {"status": "failed", "retryable": int(getattr(error, "retryable", False)),
                      "http_status": getattr(error, "status", None)}
        self._change(url, {**fields, "last_error": str(error), "run_id": run_id}, error=("fetch", error),
                     run_id=run_id, count_attempt=True)

    # storing ------------------------------------------------------------------------
    def stored(self, url: str) -> None:
        """The fetched article is stored (or was already): ``done``."""
        self._change(url, {"status": "done", "last_error": None})

    def store_failed(self, url: str, error: BaseException) -> None:
        """Parsing, extracting or storing the fetched article failed; fetching it
        again would not help."""
        self._change(url, {"status": "failed", "retryable": 0, "last_error": str(error)})

    def requeue(self, url: str, error: BaseException) -> None:
        """The archived copy cannot be read back: fetch the article again."""
        self._change(url, {"status": "queued", "last_error": str(error)})

    # --------------------------------------------------------------------------------
    def _change(self, url: str, fields: dict, *, error: Optional[tuple[str, BaseException]] = None,
                run_id: Optional[int] = None, count_attempt: bool = False) -> None:
        """Change one URL's row (added when unknown), and write its error
        (``(stage, exc)``), in one transaction (atomic(): sqlite-utils commits each statement
        run outside an open transaction, so ``with conn`` would not hold the two together)."""
        with self.db.atomic():
            self._upsert({**fields, "url": url, "updated_at": now()}, count_attempt)
            if error is not None:
                insert_error(self.db, url, error[0], error[1], run_id)

    def _upsert(self, row: dict, count_attempt: bool = False) -> None:
        cols = list(row)
        sets = [f"{c} = excluded.{c}" for c in cols if c != "url"]
        if count_attempt:
            sets.append("attempts = coalesce(urls.attempts, 0) + 1")
        self.db.execute(
            f"insert into urls ({', '.join(cols)}, attempts, discovered_at) "
            f"values ({', '.join('?' * len(cols))}, ?, ?) on conflict(url) do update set {', '.join(sets)}",
            [row[c] for c in cols] + [int(count_attempt), row.get("updated_at") or now()])
