"""A new database made from a copy instead of its migrations.

Migrating a new database takes ~0.6 s of CPU, most of it the rows made from
the language data (the units tables, 31,000 rows, and the election
calendar), before any article is read. So the migrations run once on a
private file in the cache directory (:func:`extractor.cache.cache_dir`),
kept under a name keyed by everything its content comes from: the schema
version, :func:`~extractor.datafiles.extractor_version` (the package version
and the fingerprints of the data files and of the code), SQLite's version
and sqlite-utils' (:func:`ready_template`). A new database copies that file's schema and rows
(:func:`copy_template`, ~0.1 s) inside the same locked transaction its
migrations would have run in, so a reader or a second process opening it
sees all of it or nothing (that transaction's lock covers the attached
template too: two processes making new databases at once copy one after
the other, ~0.1 s each). :mod:`.migrations` decides when: only for its
shipped list of migrations, and never while another process's migrations
have begun the schema (no migration runs with the template attached). A
template that is not a database, or whose copy fails where the migrations
that run instead succeed, is deleted; without a writable cache every new
database is migrated as before.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import time
from pathlib import Path
from typing import Callable, Optional

#: templates kept in the cache directory (other pantau versions, other checkouts); older ones are deleted
KEEP = 4
_PREFIX = "db-template-"
ALIAS = "pantau_template"


def template_path(schema_version: int) -> Path:
    """Where the template of this pantau (code, data, schema), SQLite and sqlite-utils lives."""
    from importlib.metadata import version

    from ..cache import cache_dir
    from ..datafiles import extractor_version

    # sqlite-utils writes the DDL text of most tables: another version may write it otherwise
    made_by = f"{schema_version}|{extractor_version()}|{sqlite3.sqlite_version}|{version('sqlite-utils')}"
    key = hashlib.sha256(made_by.encode()).hexdigest()
    return cache_dir() / f"{_PREFIX}{schema_version}-{key[:16]}.db"


def attach_template(conn: sqlite3.Connection, path: Optional[Path], schema_version: int) -> bool:
    """Attach the template at ``path`` (outside a transaction: SQLite refuses
    ATTACH inside one) when it exists and holds ``schema_version``."""
    if path is None or not path.is_file() or conn.in_transaction:
        return False
    try:
        conn.execute(f"ATTACH DATABASE ? AS {ALIAS}", [str(path)])
    except sqlite3.DatabaseError:  # not a database (SQLite reads its header here)
        discard_template(path)
        return False
    try:
        row = conn.execute(f"select value from {ALIAS}.meta where key = 'schema_version'").fetchone()
        if row is not None and int(row[0]) == schema_version:
            return True
    except (sqlite3.DatabaseError, ValueError):
        pass
    detach_template(conn)
    discard_template(path)
    return False


def detach_template(conn: sqlite3.Connection) -> None:
    try:
        conn.execute(f"DETACH DATABASE {ALIAS}")
    except sqlite3.DatabaseError:
        pass


def copy_template(conn: sqlite3.Connection) -> None:
    """The attached template's schema and rows into the main database (empty),
    inside the caller's transaction: every table (with its rows), index, view
    and trigger in the order the migrations made them, so ``sqlite_master``
    reads as theirs. A virtual table's own tables (FTS5's) come with it;
    ``PRAGMA user_version`` is set as the template's."""
    objects = conn.execute(f"select type, name, sql from {ALIAS}.sqlite_master where sql is not null "
                           f"and name not like 'sqlite_%' order by rowid").fetchall()
    shadow = _shadow_tables(conn, [name for kind, name, sql in objects if kind == "table" and _is_virtual(sql)])
    for kind, name, sql in objects:
        if name in shadow:
            continue  # a virtual table's own table (articles_fts_data, ...): it makes them, with their rows
        conn.execute(sql)
        if kind == "table" and not _is_virtual(sql):
            conn.execute(f"insert into main.[{name}] select * from {ALIAS}.[{name}]")
    if conn.execute(f"select 1 from {ALIAS}.sqlite_master where name = 'sqlite_sequence'").fetchone() and \
            conn.execute("select 1 from main.sqlite_master where name = 'sqlite_sequence'").fetchone():
        # the inserts above set each AUTOINCREMENT table's counter to its largest id; the template's may be higher
        conn.execute("delete from main.sqlite_sequence")
        conn.execute(f"insert into main.sqlite_sequence select * from {ALIAS}.sqlite_sequence")
    version = int(conn.execute(f"PRAGMA {ALIAS}.user_version").fetchone()[0])
    conn.execute(f"PRAGMA main.user_version = {version}")


def ready_template(schema_version: int, build: Callable[[Path], None]) -> Optional[Path]:
    """The template of ``schema_version``, built first when missing: ``build``
    migrates a new database at the path it is given (a private file in the
    cache directory, so no other process writes into it), which is then
    renamed into place; the :data:`KEEP` newest templates are
    kept. None when the cache directory cannot be written or the build fails
    (the caller migrates its database itself, and reports what fails)."""
    path = template_path(schema_version)
    if path.is_file():
        return path
    tmp = path.with_name(f"{path.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        build(tmp)  # not vacuumed: VACUUM rewrites sqlite_master in another order than the migrations'
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - a cache: the caller's own migrations say what is wrong
        for p in (tmp, tmp.with_name(tmp.name + "-journal")):
            discard_template(p)
        return None
    _prune(path)
    return path


def _prune(path: Path) -> None:
    """The :data:`KEEP` newest templates, and no build left by a process killed an hour ago or more."""
    try:
        others = sorted((p for p in path.parent.glob(f"{_PREFIX}*.db") if p != path),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP - 1:]:
            old.unlink(missing_ok=True)
        stale = time.time() - 3600
        for left in path.parent.glob(f"{_PREFIX}*.tmp*"):
            if left.stat().st_mtime < stale:
                left.unlink(missing_ok=True)
    except OSError:
        pass


def discard_template(path: Optional[Path]) -> None:
    """Delete a template that could not be read (it is made again by the next new database)."""
    if path is not None:
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


#: the tables SQLite's own virtual tables make (FTS3/4/5, R*Tree), by suffix; with SQLite >= 3.37
#: ``PRAGMA table_list`` names them instead
_SHADOW_SUFFIXES = ("_content", "_segments", "_segdir", "_docsize", "_stat", "_data", "_idx", "_config", "_node",
                    "_parent", "_rowid")


def _shadow_tables(conn: sqlite3.Connection, virtual: list[str]) -> set[str]:
    try:
        return {row[1] for row in conn.execute(f"PRAGMA {ALIAS}.table_list") if row[2] == "shadow"}
    except sqlite3.DatabaseError:  # SQLite before 3.37
        return {f"{v}{suffix}" for v in virtual for suffix in _SHADOW_SUFFIXES}


def _is_virtual(sql: str) -> bool:
    return " ".join(sql.split()[:3]).upper() == "CREATE VIRTUAL TABLE"
