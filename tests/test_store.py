"""SQLite store: schema, idempotency, replacement, errors, versions. A real
file per test."""

import sqlite3

import pytest

from extractor.errors import SchemaVersionError
from extractor.store import SCHEMA_VERSION, Store
from extractor.types import Article, Extraction, Official, Place


def _ex(art, officials=("Jhoni Eka Putra",)):
    return Extraction(
        article=art,
        officials=tuple(Official(n, rank="AKBP", institution="Polri", position="Kapolres",
                                 unit="Polres Muara Enim", degrees=("S.H.",), mentions=((0, 5),)) for n in officials),
        places=(Place("Muara Enim", "kabupaten", "16.03", "Sumatera Selatan", ((6, 16),)),),
        extractor_version="t", model_version="m",
    )


ART = Article(url="https://x.example/a", text="Jhoni Muara Enim aman.", title="A", published="2024-11-30")


def test_schema_wal_and_fts(db_path):
    with Store(db_path) as s:
        assert s.schema_version == SCHEMA_VERSION
        s.save(ART, 0.9, _ex(ART))
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert conn.execute("select count(*) from articles_fts where articles_fts match 'aman'").fetchone()[0] == 1


def test_saving_twice_adds_nothing(db_path):
    with Store(db_path) as s:
        s.save(ART, 0.9, _ex(ART))
        first = s.counts()
        s.save(ART, 0.9, _ex(ART))
        assert s.counts() == first
        assert s.is_current(ART)


def test_changed_article_replaces_its_rows(db_path):
    with Store(db_path) as s:
        s.save(ART, 0.9, _ex(ART, ("Jhoni Eka Putra", "RTM Situmorang")))
        assert s.db["officials"].count == 2
        changed = Article(**{**ART.__dict__, "text": ART.text + " Lagi."})
        s.save(changed, 0.9, _ex(changed))
        assert s.db["official_mentions"].count == 1
        assert s.db["officials"].count == 1  # the person no article mentions any more is gone
        assert [r["first_seen"] for r in s.db["officials"].rows] == ["2024-11-30"]


def test_one_person_across_articles(db_path):
    with Store(db_path) as s:
        s.save(ART, 0.9, _ex(ART))
        b = Article(url="https://x.example/b", text="Jhoni lagi.", published="2024-12-05")
        s.save(b, 0.9, _ex(b))
        row = next(s.db["officials"].rows)
        assert s.db["officials"].count == 1
        assert (row["first_seen"], row["last_seen"]) == ("2024-11-30", "2024-12-05")


def test_errors_are_rows(db_path):
    with Store(db_path) as s:
        s.record_error("https://x.example/bad", "parse", ValueError("no text"))
        row = next(s.db["errors"].rows)
    assert (row["url"], row["stage"], row["error_type"], row["message"]) == (
        "https://x.example/bad", "parse", "ValueError", "no text")


def test_newer_or_foreign_database_is_refused_untouched(db_path, tmp_path):
    with Store(db_path) as s:
        s.db["meta"].update("schema_version", {"value": str(SCHEMA_VERSION + 1)})
    with pytest.raises(SchemaVersionError):
        Store(db_path)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("create table mine (x)")
    conn.commit()
    with pytest.raises(SchemaVersionError):
        Store(other)
    assert sqlite3.connect(other).execute("select name from sqlite_master").fetchall() == [("mine",)]


def _one(art, name, **kw):
    return Extraction(article=art, officials=(Official(name, mentions=((0, 5),), **kw),), extractor_version="t")


def test_same_name_is_one_person_unless_history_says_otherwise(db_path):
    arts = [Article(url=f"https://x.example/{i}", text=f"Teks {i} Budi Santoso.", published=f"2024-11-{10 + i}")
            for i in range(5)]
    with Store(db_path) as s:
        # a police officer transferred to another province, one rank up: the same person
        s.save(arts[0], 0.9, _one(arts[0], "Budi Santoso", institution="Polri", rank="AKP", rank_order=15,
                                  region_code="16.03"))
        s.save(arts[1], 0.9, _one(arts[1], "Budi Santoso", institution="Polri", rank="Kompol", rank_order=16,
                                  region_code="32.04"))
        # a Bharada with the same name: another person
        s.save(arts[2], 0.9, _one(arts[2], "Budi Santoso", institution="Polri", rank="Bharada", rank_order=1))
        # KPU chairs with the same name in two provinces: two people
        s.save(arts[3], 0.9, _one(arts[3], "Budi Santoso", institution="KPU", region_code="11.01"))
        s.save(arts[4], 0.9, _one(arts[4], "Budi Santoso", institution="KPU", region_code="51.02"))
        rows = sorted((r["institution"], r["rank"]) for r in s.db["officials"].rows)
    assert rows == [("KPU", None), ("KPU", None), ("Polri", "Bharada"), ("Polri", "Kompol")]


def test_opening_the_store_leaves_pandas_unimported():
    # sqlite-utils would import pandas (~0.6 s of CPU at every start) only to map its Timestamp
    import subprocess
    import sys

    code = ("import sys, extractor.store, extractor.batch; assert 'pandas' not in sys.modules, 'pandas imported'; "
            "import pandas")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-500:]
