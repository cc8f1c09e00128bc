"""The near-duplicate index in SQLite: each article's MinHash signature and
LSH band keys, and its ``cluster_id`` (the MinHash itself and the choice of
cluster are :mod:`extractor.dedup`'s)."""

from __future__ import annotations

import sqlite3
from typing import Optional

from .. import dedup
from .deferred import INSERT_BAND, INSERT_SIGNATURE, Deferred


def assign_cluster(db: sqlite3.Connection, aid: int, sig: Optional["dedup.Signature"],
                   deferred: Optional[Deferred] = None, *, new: bool = False) -> int:
    """Index the article's signature and set its ``cluster_id`` (and merge the
    clusters it bridges); call inside the article's transaction, on its
    connection. An article without a signature (too short) is its own cluster.
    With ``deferred`` its signature and band keys wait there (and those waiting
    there are matched too); ``new``: the article was just inserted, so it has
    no signature, bands or copies in its cluster yet."""
    if not new:
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
        if deferred is not None:
            waiting = deferred.sharing_bands(sig, aid)
            if waiting:
                cids = dict(db.execute(f"select id, cluster_id from articles where id in "
                                       f"({','.join('?' * len(waiting))})", list(waiting)).fetchall())
                rows += [(other, cids[other], blob) for other, blob in waiting.items()]
        matches = [(other, cid, dedup.similarity(sig, dedup.Signature(blob, ()))) for other, cid, blob in rows]
        if deferred is not None:
            deferred.add_signature(aid, sig)
        else:
            db.execute(INSERT_SIGNATURE, (aid, sig.values))
            db.executemany(INSERT_BAND, [(b, aid) for b in sig.bands])
    cluster, merge = dedup.choose_cluster(aid, matches)
    if merge:
        db.execute(f"update articles set cluster_id = ? where cluster_id in ({','.join('?' * len(merge))})",
                   [cluster, *merge])
    db.execute("update articles set cluster_id = ? where id = ?", [cluster, aid])
    return cluster
