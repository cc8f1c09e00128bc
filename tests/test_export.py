"""Exports: CSV, JSONL and Parquet of tables and views, the data dictionary,
the ACLED-style file, and flat memory on a large database."""

import csv
import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from extractor.cli import main
from extractor.export import UNDESCRIBED, export, metadata
from extractor.store import TABLES, Store

from .conftest import ROOT
from .research_db import MEDAN_URLS, research_db

pq = pytest.importorskip("pyarrow.parquet")

ACLED_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "admin1", "admin2", "admin3",
                 "location", "geo_precision", "source", "notes"]


@pytest.fixture(scope="module")
def db():
    return research_db()


def sql_rows(db, sql):
    conn = sqlite3.connect(db)
    try:
        cur = conn.execute(sql)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, r)) for r in cur]
    finally:
        conn.close()


def read_dictionary(out):
    with (out / "data_dictionary.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_all_tables_and_views_in_each_format_with_a_dictionary(db, tmp_path, fmt):
    out = tmp_path / fmt
    export_views = export(db, "views", out, fmt)
    done = export(db, "all", out, fmt) + export_views
    names = {e.name for e in done}
    assert set(TABLES) | {"regions", "election_stages"} <= names
    assert {"stories", "event_details", "events_by_week", "official_positions", "personnel_by_stage",
            "articles_by_outlet", "acled_events"} <= names
    dictionary = read_dictionary(out)
    views_and_reference = {e.name for e in done[len(done) - len(export_views):]} | {"regions", "election_stages"}
    for e in done:
        want = sql_rows(db, f"select * from [{e.name}]")
        if fmt == "csv":
            with e.path.open(encoding="utf-8", newline="") as fh:
                got = list(csv.DictReader(fh))
            assert len(got) == len(want) == e.rows
        elif fmt == "jsonl":
            got = [json.loads(line) for line in e.path.read_text("utf-8").splitlines()]
            if e.name != "acled_events":  # notes differ on purpose
                assert got == want
        else:
            table = pq.read_table(e.path)
            assert table.num_rows == len(want) == e.rows
            if e.name not in ("acled_events",):
                assert table.to_pylist() == want
        cols = [r for r in dictionary if r["file"] == e.path.name and r["column"]]
        assert [r["column"] for r in cols] == (list(want[0]) if want else [c for c, _, _ in e.columns])
        assert all(r["type"] in ("integer", "real", "text", "blob", "null") for r in cols)
        assert all(r["meaning"] for r in cols)
        if e.name in views_and_reference:  # others' new table columns may wait for a description; ours may not
            assert UNDESCRIBED not in {r["meaning"] for r in cols}, e.name


def test_parquet_types(db, tmp_path):
    (e,) = export(db, "event_details", tmp_path, "parquet")
    schema = pq.read_schema(e.path)
    assert str(schema.field("event_id").type) == "int64" and str(schema.field("personnel").type) == "int64"
    assert str(schema.field("date").type) == "string" and str(schema.field("forces").type) == "string"
    (a,) = export(db, "articles", tmp_path, "parquet")
    assert str(pq.read_schema(a.path).field("relevance").type) == "double"


def test_acled_file(db, tmp_path):
    assert main(["export", "acled_events", "--db", str(db), "--out", str(tmp_path)]) == 0
    with (tmp_path / "acled_events.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert set(ACLED_COLUMNS) <= set(rows[0]) and {"event_id", "article_id", "story_key"} <= set(rows[0])
    texts = {r["id"]: r["text"] for r in sql_rows(db, "select id, text from articles")}
    triggers = {r["id"]: r["trigger"] for r in sql_rows(db, "select id, trigger from events")}
    for r in rows:
        sentence = r["notes"].rsplit(" (", 1)[0]
        assert sentence in texts[int(r["article_id"])], r["notes"]  # the sentence the event was found in
        assert triggers[int(r["event_id"])].split()[0] in sentence
    medan = [r for r in rows if r["url"] == MEDAN_URLS[0]][0]
    assert medan["notes"].endswith("(Ratusan Massa Unjuk Rasa di KPU Medan, 350 Personel Disiagakan)")
    assert (medan["event_type"], medan["admin1"], medan["admin2"]) == ("Protests", "Sumatera Utara", "Kota Medan")


def test_the_dictionary_keeps_other_files_and_rewrites_its_own(db, tmp_path):
    export(db, "events", tmp_path, "csv")
    export(db, "quotes", tmp_path, "jsonl")
    export(db, "events", tmp_path, "csv")
    files = [r["file"] for r in read_dictionary(tmp_path) if r["column"] == "id"]
    assert sorted(files) == ["events.csv", "quotes.jsonl"]


def test_unknown_name_is_one_line(db, tmp_path, capsys):
    assert main(["export", "nosuch", "--db", str(db), "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: unknown table or view 'nosuch'") and "event_details" in err[0]


def test_the_metadata_describes_every_view_and_reference_table(db):
    tables = metadata()["databases"]["pantau"]["tables"]
    conn = sqlite3.connect(db)
    names = [r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view') "
                                        "and name not like 'sqlite_%' and name not like 'articles_fts%'")]
    views = [r[0] for r in conn.execute("select name from sqlite_master where type = 'view'")]
    for name in names:
        cols = [r[1] for r in conn.execute(f"pragma table_info([{name}])")]
        documented = tables.get(name, {}).get("columns", {})
        assert not set(documented) - set(cols), f"{name}: documented columns that do not exist"
        if name in views or name in ("regions", "election_stages") or name in TABLES:
            assert tables[name]["description"]
        if name in views or name in ("regions", "election_stages"):
            assert set(cols) == set(documented), name


# -- large database: constant memory -------------------------------------------------------------------
QUOTE_CHARS, N_EVENTS = 12_000, 50_000


def _large_db(path, n_quotes):
    """A real-schema database with n_quotes quotes of 12 kB each and many small event rows."""
    Store(path).close()
    conn = sqlite3.connect(path)
    word = "pengamanan rekapitulasi suara Polres Muara Enim "
    with conn:
        conn.execute("insert into articles (id, url, text, published) values (1, 'https://x.example/a', 'x', '2024-11-30')")
        conn.executemany(
            "insert into quotes (article_id, speaker, text, start, end) values (1, ?, ?, 0, 1)",
            ((f"Pembicara {i}", (f"{i:06d} " + word * (QUOTE_CHARS // len(word)))[:QUOTE_CHARS])
             for i in range(n_quotes)))
        conn.executemany(
            "insert into events (article_id, type, date, place, place_code, personnel, forces, trigger, start, end) "
            "values (1, 'patrol', ?, 'Muara Enim', '16.03', ?, '[\"Polri\"]', 'patroli', 0, 7)",
            ((f"2024-11-{1 + i % 28:02d}", i % 500) for i in range(N_EVENTS)))
    conn.close()
    return path


_MEASURE = textwrap.dedent("""
    import json, resource, sys
    from pathlib import Path
    import pyarrow, pyarrow.parquet
    from extractor.export import export
    from extractor.queries import ensure_current
    db, out = sys.argv[1:3]
    ensure_current(db)
    grew = {}
    for fmt in ("csv", "jsonl", "parquet"):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        done = export(db, "quotes", out, fmt)
        grew[fmt] = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        grew[fmt + "_rows"] = done[0].rows
    print(json.dumps(grew))
""")


def _measure(db, out):
    got = subprocess.run([sys.executable, "-c", _MEASURE, str(db), str(out)], capture_output=True, text=True,
                         cwd=ROOT, timeout=300)
    assert got.returncode == 0, got.stderr
    return json.loads(got.stdout.strip().splitlines()[-1])


def test_exports_of_a_large_database_stream_in_constant_memory(tmp_path):
    """Peak memory (max RSS, MB) exporting 18 MB and 72 MB of quote text: the same,
    and well under the data; a format's fixed overhead (Parquet's row-group
    buffers) shows in both and cancels out. The formats run in one process in
    the order csv, jsonl, parquet, so each later format's growth is over the
    earlier ones' peak."""
    small = _measure(_large_db(tmp_path / "small.db", 1500), tmp_path / "small")
    large = _measure(_large_db(tmp_path / "large.db", 6000), tmp_path / "large")
    assert (small["csv_rows"], large["parquet_rows"]) == (1500, 6000)
    large_mb = 6000 * QUOTE_CHARS / 2**20
    for fmt in ("csv", "jsonl", "parquet"):
        assert large[fmt] - small[fmt] < 12, (fmt, small, large)
        assert large[fmt] < large_mb / 2, (fmt, large)
    meta = pq.ParquetFile(tmp_path / "large" / "quotes.parquet").metadata
    assert meta.num_rows == 6000 and meta.num_row_groups > 1  # written group by group
    events = export(tmp_path / "large.db", "events", tmp_path / "events", "parquet")[0]
    assert events.rows == N_EVENTS and pq.ParquetFile(events.path).metadata.num_rows == N_EVENTS
