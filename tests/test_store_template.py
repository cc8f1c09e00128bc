"""A new database copied from the template of the migrations (extractor/store/template.py)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

import pytest
import sqlite_utils

from extractor.store import Store, migrations, template

from .conftest import ROOT


def _dump(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [*conn.iterdump(), *map(str, conn.execute("pragma user_version").fetchall())]
    finally:
        conn.close()


def _master(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("select type, name, tbl_name, sql from sqlite_master order by rowid").fetchall()
    finally:
        conn.close()


def _migrated(path) -> None:
    db = sqlite_utils.Database(path)
    migrations.migrate(db, path, template_ok=False)
    db.close()


def _templates(cache) -> list:
    return sorted(p.name for p in cache.glob("db-template-*.db"))


def test_a_new_database_is_a_copy_of_the_template_and_equals_one_migrated(tmp_path, monkeypatch):
    """The first new database builds the template in the cache (its migrations run on a file
    of its own); the next ones copy its schema and rows: the same SQL dump, sqlite_master in
    the same order, the same user_version as a database migrated step by step."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("PANTAU_CACHE", str(cache))
    Store(tmp_path / "first.db").close()
    assert _templates(cache) == [template.template_path(migrations.SCHEMA_VERSION).name]
    # mark the template: a database made from it has the mark, one migrated has not
    with sqlite3.connect(template.template_path(migrations.SCHEMA_VERSION)) as conn:
        conn.execute("insert into meta (key, value) values ('marked', 'yes')")
    Store(tmp_path / "copy.db").close()
    _migrated(tmp_path / "migrated.db")
    copied = _dump(tmp_path / "copy.db")
    assert "INSERT INTO \"meta\" VALUES('marked','yes');" in copied
    copied.remove("INSERT INTO \"meta\" VALUES('marked','yes');")
    assert copied == _dump(tmp_path / "migrated.db") == _dump(tmp_path / "first.db")
    assert _master(tmp_path / "copy.db") == _master(tmp_path / "migrated.db")  # in the migrations' order too
    with Store(tmp_path / "copy.db") as s:  # current: opened as it is
        assert s.schema_version == migrations.SCHEMA_VERSION
        assert s.db.execute("select count(*) from units").fetchone()[0] > 10_000
        assert "pantau_template" not in [r[1] for r in s.db.execute("pragma database_list")]


def test_a_damaged_template_is_deleted_and_the_database_migrated(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("PANTAU_CACHE", str(cache))
    Store(tmp_path / "first.db").close()
    path = template.template_path(migrations.SCHEMA_VERSION)
    path.write_bytes(b"not a database" * 1000)
    with Store(tmp_path / "new.db") as s:
        assert s.schema_version == migrations.SCHEMA_VERSION
    assert not path.exists()
    assert _dump(tmp_path / "new.db") == _dump(tmp_path / "first.db")
    Store(tmp_path / "again.db").close()  # and the next new database builds it again
    assert path.exists()


def test_a_template_that_cannot_be_copied_is_rolled_back_and_the_database_migrated(tmp_path, monkeypatch):
    """A template SQLite reads but whose rows it refuses in a pantau database (a date mention of
    no article, written with foreign keys off): the copy's transaction is rolled back, the
    template deleted, the migrations run."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("PANTAU_CACHE", str(cache))
    Store(tmp_path / "first.db").close()
    path = template.template_path(migrations.SCHEMA_VERSION)
    with sqlite3.connect(path) as conn:
        conn.execute("insert into date_mentions (article_id, date) values (999, '2024-11-30')")
    with Store(tmp_path / "new.db") as s:
        assert s.schema_version == migrations.SCHEMA_VERSION
    assert not path.exists()
    assert _dump(tmp_path / "new.db") == _dump(tmp_path / "first.db")


def test_a_schema_another_process_began_meanwhile_is_migrated_with_the_template_detached(tmp_path, monkeypatch):
    """The database was empty when this process attached the template, but another (an older
    pantau, one without a cache) committed its first migration before this one had the lock:
    the rest is migrated with the template detached, and the template keeps every view (a
    migration's unqualified DROP VIEW would otherwise find the template's)."""
    import sqlite_utils

    from extractor.store.common import immediate

    cache = tmp_path / "cache"
    monkeypatch.setenv("PANTAU_CACHE", str(cache))
    Store(tmp_path / "first.db").close()
    path = template.template_path(migrations.SCHEMA_VERSION)
    before = _master(path)
    attach = migrations.attach_template

    def attach_then_another_process_migrates(conn, where, version):
        ok = attach(conn, where, version)
        other = sqlite_utils.Database(tmp_path / "new.db")
        with immediate(other, tmp_path / "new.db"):
            migrations._apply(other, tmp_path / "new.db", *migrations.MIGRATIONS[0])
        other.close()
        return ok

    monkeypatch.setattr(migrations, "attach_template", attach_then_another_process_migrates)
    with Store(tmp_path / "new.db") as s:
        assert s.schema_version == migrations.SCHEMA_VERSION
    monkeypatch.setattr(migrations, "attach_template", attach)
    assert _master(path) == before
    Store(tmp_path / "later.db").close()
    assert _dump(tmp_path / "later.db") == _dump(tmp_path / "new.db") == _dump(tmp_path / "first.db")


def test_a_new_database_that_fails_on_its_own_keeps_the_template(tmp_path, monkeypatch):
    """A copy that fails because of the new database (full: max_page_count) is rolled back, the
    migrations that run instead fail too and say so, and the template, not at fault, stays."""
    import sqlite_utils

    from extractor.errors import StoreError

    cache = tmp_path / "cache"
    monkeypatch.setenv("PANTAU_CACHE", str(cache))
    Store(tmp_path / "first.db").close()
    path = template.template_path(migrations.SCHEMA_VERSION)
    db = sqlite_utils.Database(tmp_path / "full.db")
    db.execute("pragma max_page_count = 50")
    with pytest.raises(StoreError, match="full"):
        migrations.migrate(db, tmp_path / "full.db")
    assert path.exists()
    assert migrations.schema_version(db) < migrations.SCHEMA_VERSION  # the migrations' own rule: up to the failure
    db.close()


def test_without_a_cache_directory_a_new_database_is_migrated(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("PANTAU_CACHE", str(blocker / "cache"))
    with Store(tmp_path / "new.db") as s:
        assert s.schema_version == migrations.SCHEMA_VERSION
    _migrated(tmp_path / "migrated.db")
    assert _dump(tmp_path / "new.db") == _dump(tmp_path / "migrated.db")


def test_replaced_migrations_make_no_template_and_use_none(tmp_path, monkeypatch):
    """A test (or a tool) that replaces the migrations, to make an older database, gets one."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("PANTAU_CACHE", str(cache))
    Store(tmp_path / "first.db").close()  # the shipped template exists
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:3])
    with Store(tmp_path / "old.db") as s:
        assert s.schema_version == 3
    assert _templates(cache) == [template.template_path(migrations.SCHEMA_VERSION).name]


def test_only_the_newest_templates_are_kept(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("PANTAU_CACHE", str(cache))
    import os

    for n in range(6):  # other pantau versions' templates, oldest first
        old = cache / f"db-template-1-{n:016x}.db"
        old.write_bytes(b"")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    Store(tmp_path / "new.db").close()
    assert _templates(cache) == sorted([template.template_path(migrations.SCHEMA_VERSION).name]
                                       + [f"db-template-1-{n:016x}.db" for n in (3, 4, 5)])


#: run in a process of its own: open a new database from the template and die (os._exit, as
#: kill -9) at the copy's K-th statement
KILL_IN_COPY = r"""
import os, sys
from extractor.store import Store, migrations

path, k = sys.argv[1], int(sys.argv[2])
copy = migrations.copy_template

def dying(conn):
    seen = [0]
    def trace(statement):
        seen[0] += 1
        if seen[0] >= k:
            os._exit(137)
    conn.set_trace_callback(trace)
    copy(conn)
    os._exit(137)

migrations.copy_template = dying
Store(path)
"""


def test_a_copy_killed_at_any_statement_leaves_an_empty_database_the_next_open_makes(tmp_path, monkeypatch):
    import random

    cache = tmp_path / "cache"
    monkeypatch.setenv("PANTAU_CACHE", str(cache))
    Store(tmp_path / "first.db").close()
    rng = random.Random(18)
    db = tmp_path / "new.db"
    for k in sorted(rng.sample(range(1, 300), 4)) + [10_000]:
        got = subprocess.run([sys.executable, "-c", KILL_IN_COPY, str(db), str(k)], cwd=ROOT, capture_output=True,
                             text=True, timeout=600, env={**__import__("os").environ, "PANTAU_CACHE": str(cache)})
        assert got.returncode == 137, got.stderr[-2000:]
        conn = sqlite3.connect(db)
        assert conn.execute("select count(*) from sqlite_master").fetchone()[0] == 0, k
        assert conn.execute("pragma user_version").fetchone()[0] == 0
        conn.close()
    Store(db).close()
    assert _dump(db) == _dump(tmp_path / "first.db")
