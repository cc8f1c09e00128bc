"""Exports: CSV, JSONL and Parquet of tables and views, the data dictionary,
the ACLED-style file, and flat memory on a large database."""

import csv
import datetime as dt
import json
import re
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from extractor.cli import main
from extractor.export import UNDESCRIBED, export, metadata
from extractor.schema import kind
from extractor.store import TABLES, Store

from .conftest import ROOT
from .research_db import MEDAN_URLS, research_db

pq = pytest.importorskip("pyarrow.parquet")

ACLED_31 = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
            "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
            "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
            "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp"]


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


def _typed(table, col, value, storage):
    """What a typed export holds for a SQLite value (written here apart from the exporter)."""
    k = kind(table, col, storage)
    if value is None:
        return None
    if k == "json_list":
        return json.loads(value)
    if k == "id_list":
        return [int(x) for x in str(value).split(",")]
    if k == "semicolon_list":
        return json.loads(value)
    return value


def _parquet_typed(table, col, value, storage):
    k = kind(table, col, storage)
    v = _typed(table, col, value, storage)
    if v is None:
        return None
    if k == "date":  # an unreadable date is null
        return dt.date.fromisoformat(str(v)[:10]) if re.fullmatch(r"\d{4}-\d\d-\d\d.*", str(v)) else None
    if k == "datetime":
        if not v:
            return None
        t = dt.datetime.fromisoformat(v)
        return t.astimezone(dt.timezone.utc) if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)
    if k == "number":
        return float(v)
    if k == "json_list":
        return [str(x) for x in v]
    return v


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_all_tables_and_views_in_each_format_with_a_dictionary(db, tmp_path, fmt):
    out = tmp_path / fmt
    export_views = export(db, "views", out, fmt)
    done = export(db, "all", out, fmt) + export_views
    names = {e.name for e in done}
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table' "
                                         "and name not like 'sqlite_%' and name not like 'articles_fts%'")}
    conn.close()
    assert tables <= names and set(TABLES) <= names  # export all: every table
    assert {"stories", "event_details", "events_by_week", "official_positions", "deployments", "personnel_by_stage",
            "articles_by_outlet", "acled_events", "acled_events_pantau"} <= names
    dictionary = read_dictionary(out)
    views_and_reference = {e.name for e in done[len(done) - len(export_views):]} | {"regions", "election_stages",
                                                                                    "event_facts"}
    for e in done:
        cols = [r for r in dictionary if r["file"] == e.path.name and r["column"]]
        assert all(r["type"] in ("integer", "real", "text", "blob", "null") for r in cols)
        assert all(r["meaning"] for r in cols)
        if e.name in views_and_reference:  # others' new table columns may wait for a description; ours may not
            assert UNDESCRIBED not in {r["meaning"] for r in cols}, e.name
        if e.name.startswith("acled_events"):
            continue  # ACLED's columns and notes: test_acled_file
        want = sql_rows(db, f"select * from [{e.name}]")
        storage = {c: t for c, t, _ in e.columns}
        assert [r["column"] for r in cols] == (list(want[0]) if want else [c for c, _, _ in e.columns])
        if fmt == "csv":
            with e.path.open(encoding="utf-8", newline="") as fh:
                got = list(csv.DictReader(fh))
            assert len(got) == len(want) == e.rows
        elif fmt == "jsonl":
            got = [json.loads(line) for line in e.path.read_text("utf-8").splitlines()]
            assert got == [{c: _typed(e.name, c, v, storage[c]) if not isinstance(v, bytes) else got[i][c]
                            for c, v in r.items()} for i, r in enumerate(want)], e.name
        else:
            table = pq.read_table(e.path)
            assert table.num_rows == len(want) == e.rows
            got = table.to_pylist()
            assert got == [{c: _parquet_typed(e.name, c, v, storage[c]) for c, v in r.items()} for r in want], e.name


def test_parquet_types(db, tmp_path):
    (e,) = export(db, "event_details", tmp_path, "parquet")
    schema = pq.read_schema(e.path)
    types = {f.name: str(f.type) for f in schema}
    assert types["event_id"] == "int64" and types["personnel"] == "int64" and types["latitude"] == "double"
    assert types["date"] == types["week"] == types["published"] == "date32[day]"
    assert types["forces"] == "list<element: string>"
    assert types["place_code"] == types["kabupaten_code"] == types["province_code"] == "string"
    (a,) = export(db, "articles", tmp_path, "parquet")
    schema = pq.read_schema(a.path)
    assert str(schema.field("relevance").type) == "double" and str(schema.field("tags").type) == "list<element: string>"
    assert str(schema.field("stored_at").type) == "timestamp[us, tz=UTC]"
    (d,) = export(db, "deployments", tmp_path, "parquet")
    assert str(pq.read_schema(d.path).field("event_ids").type) == "list<element: int64>"
    (r,) = export(db, "regions", tmp_path, "parquet")
    codes = pq.read_table(r.path).column("code").to_pylist()
    assert "16.10" in codes and all(isinstance(c, str) for c in codes)


def test_acled_file(db, tmp_path):
    assert main(["export", "acled_events", "--db", str(db), "--out", str(tmp_path)]) == 0
    with (tmp_path / "acled_events.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    assert header == ACLED_31  # ACLED's 31 columns in ACLED's order, nothing else
    with (tmp_path / "acled_events_pantau.csv").open(encoding="utf-8", newline="") as fh:
        pantau = {r["event_id_cnty"]: r for r in csv.DictReader(fh)}
    assert set(pantau) == {r["event_id_cnty"] for r in rows}
    assert {"admin1_code", "admin2_code", "personnel", "personnel_level", "schedule_stage", "article_ids",
            "event_ids"} <= set(next(iter(pantau.values())))
    texts = {r["id"]: r["text"] for r in sql_rows(db, "select id, text from articles")}
    triggers = {r["id"]: r["trigger"] for r in sql_rows(db, "select id, trigger from events")}
    for r in rows:
        p = pantau[r["event_id_cnty"]]
        assert r["event_date"] and r["actor1"] and r["iso"] == "360" and r["region"] == "South-eastern Asia"
        assert r["latitude"] and r["longitude"] and r["geo_precision"] in ("1", "2", "3")
        assert r["time_precision"] in ("1", "2", "3") and r["fatalities"] == "0" and int(r["timestamp"]) > 0
        assert r["notes"].startswith("On ") and r["notes"].endswith(f". Evidence: {p['evidence_note']}.")
        sentence = r["notes"].split(", ", 1)[1].rsplit(". Evidence: ", 1)[0].rsplit(" (", 1)[0]
        assert sentence in texts[int(p["article_id"])], r["notes"]  # the sentence the event was found in
        assert triggers[int(p["event_id"])].split()[0] in sentence
    medan = [r for r in rows if pantau[r["event_id_cnty"]]["url"] == MEDAN_URLS[0]][0]
    assert medan["notes"].endswith("(Ratusan Massa Unjuk Rasa di KPU Medan, 350 Personel Disiagakan). Evidence: "
                                   "rests on a single press release, carried by 2 outlets.")
    # source and source_scale say who reports the incident: the two outlets of one syndicated story
    assert (medan["source"], medan["source_scale"]) == ("Medan Pos (test); Sumut Daily (test)", "Subnational")
    pm = pantau[medan["event_id_cnty"]]
    assert (pm["single_release"], pm["corroboration"], pm["outlets"], pm["incident_id_cnty"]) == (
        "1", "0", "2", medan["event_id_cnty"])
    lahat = [r for r in rows if pantau[r["event_id_cnty"]]["url"] == "https://sumsel.example/lahat-logistik"][0]
    assert (lahat["source"], pantau[lahat["event_id_cnty"]]["single_release"]) == ("Warta Sumsel (test)", "0")
    assert lahat["notes"].endswith("Evidence: reported independently by 1 outlet (Warta Sumsel (test)).")
    assert (medan["event_type"], medan["admin1"], medan["admin2"], medan["tags"]) == (
        "Protests", "North Sumatra", "Kota Medan", "crowd size=hundreds")
    assert (pantau[medan["event_id_cnty"]]["admin1_code"], pantau[medan["event_id_cnty"]]["copies"]) == ("12", "2")
    assert (tmp_path / "codebook.md").read_text("utf-8").startswith("# pantau codebook")


def test_a_data_package_types_every_file(db, tmp_path):
    export(db, "regions", tmp_path, "csv")
    export(db, "events", tmp_path, "csv")
    export(db, "articles", tmp_path, "csv")
    export(db, "acled_events", tmp_path, "csv")
    export(db, "events", tmp_path, "parquet")
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    res = {r["name"]: r for r in package["resources"]}
    assert package["profile"] == "tabular-data-package"
    assert set(res) == {"regions", "events", "articles", "acled_events", "acled_events_pantau", "events-parquet"}
    for r in res.values():
        path = tmp_path / r["path"]
        assert path.exists() and r["format"] == path.suffix[1:]
        if r["format"] == "csv":
            with path.open(encoding="utf-8", newline="") as fh:
                assert next(csv.reader(fh)) == [f["name"] for f in r["schema"]["fields"]]
    fields = lambda name: {f["name"]: f for f in res[name]["schema"]["fields"]}  # noqa: E731
    assert fields("regions")["code"]["type"] == "string" and res["regions"]["schema"]["primaryKey"] == ["code"]
    assert fields("events")["place_code"]["type"] == "string" and fields("events")["date"]["type"] == "date"
    assert fields("events")["forces"]["type"] == "array" and fields("events")["personnel"]["type"] == "integer"
    assert {"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["id"]}} in \
        res["events"]["schema"]["foreignKeys"]
    assert {"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["id"]}} not in \
        res["events-parquet"]["schema"].get("foreignKeys", [])  # no articles.parquet in the package
    assert {"fields": ["event_id_cnty"], "reference": {"resource": "acled_events", "fields": ["event_id_cnty"]}} in \
        res["acled_events_pantau"]["schema"]["foreignKeys"]
    assert fields("acled_events")["event_date"]["type"] == "date" and fields("acled_events")["iso"]["type"] == "integer"
    assert fields("acled_events")["latitude"]["type"] == "number"


def test_codes_load_as_strings_in_pandas_through_the_data_package(db, tmp_path):
    pd = pytest.importorskip("pandas")
    export(db, "regions", tmp_path, "csv")
    export(db, "event_details", tmp_path, "csv")
    export(db, "acled_events", tmp_path, "csv")
    # the README's three lines
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    frames = {r["name"]: pd.read_csv(tmp_path / r["path"], dtype={f["name"]: "string" for f in r["schema"]["fields"]
                                                                  if f["type"] == "string"})
              for r in package["resources"]}
    regions = frames["regions"]
    assert "16.10" in set(regions["code"]) and "16.1" not in set(regions["code"])
    details = frames["event_details"]
    joined = details.merge(regions, left_on="kabupaten_code", right_on="code", how="inner")
    assert len(joined) == details["kabupaten_code"].notna().sum()
    # next to an ACLED file: same columns, concatenated without type trouble
    acled = frames["acled_events"]
    theirs = pd.DataFrame([{"event_id_cnty": "IDN12345", "event_date": "2024-11-27", "year": 2024, "time_precision": 1,
                            "disorder_type": "Demonstrations", "event_type": "Protests",
                            "sub_event_type": "Peaceful protest", "actor1": "Protesters (Indonesia)",
                            "assoc_actor_1": "Students (Indonesia)", "inter1": "Protesters", "actor2": "",
                            "assoc_actor_2": "", "inter2": "", "interaction": "Protesters only",
                            "civilian_targeting": "", "iso": 360, "region": "South-eastern Asia",
                            "country": "Indonesia", "admin1": "North Sumatra", "admin2": "Kota Medan",
                            "admin3": "Medan Baru", "location": "Medan", "latitude": 3.58, "longitude": 98.67,
                            "geo_precision": 1, "source": "Kompas", "source_scale": "National",
                            "notes": "On 27 November 2024, students protested.", "fatalities": 0,
                            "tags": "crowd size=no report", "timestamp": 1733788800}])
    both = pd.concat([theirs, acled], ignore_index=True)
    assert list(both.columns) == ACLED_31 and len(both) == len(acled) + 1
    for col in ("year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"):
        assert str(both[col].dtype) == "int64", col
    for col in ("latitude", "longitude"):
        assert str(both[col].dtype) == "float64", col


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


def test_the_cli_exports_every_table(db, tmp_path, capsys):
    assert main(["export", "all", "--db", str(db), "--out", str(tmp_path)]) == 0
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table' "
                                         "and name not like 'sqlite_%' and name not like 'articles_fts%'")}
    conn.close()
    assert {p.stem for p in tmp_path.glob("*.csv")} - {"data_dictionary"} == tables
    package = json.loads((tmp_path / "datapackage.json").read_text("utf-8"))
    assert {r["name"] for r in package["resources"]} == tables
