"""The fault suite (issue 16): every case runs through the command line, in a
process of its own (``python pipeline.py ...``) where a kill or a second
process is the point, else through ``extractor.cli.main``; each checks the
exit code, the one ``error:`` line (per-item problems are indented
``error [stage] ...`` lines above it) and the database afterwards
(``PRAGMA integrity_check``, row counts).

Exports and reports that cannot be written are in tests/test_output_faults.py;
the property tests of the text entry points in tests/test_fuzz.py.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.cli import main

from .conftest import ROOT, SAMPLE_HTML

PANTAU = [sys.executable, str(ROOT / "pipeline.py")]
#: the records tables an interrupted and a clean run must hold alike
RECORDS = ("articles", "officials", "official_mentions", "places", "place_mentions", "date_mentions", "events",
           "event_actors", "quotes", "candidates", "urls")


# --------------------------------------------------------------------------- helpers
def pantau(*args, timeout: float = 600) -> tuple[int, str, str]:
    got = subprocess.run([*PANTAU, *map(str, args)], capture_output=True, text=True, cwd=ROOT, timeout=timeout)
    return got.returncode, got.stdout, got.stderr


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def top_lines(err: str) -> list[str]:
    """stderr's own lines (the indented ones are a run's per-item problems)."""
    return [ln for ln in err.splitlines() if ln.strip() and not ln.startswith(" ")]


def fails_with_one_line(code: int, err: str, *words: str) -> str:
    lines = top_lines(err)
    assert code != 0 and len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err and all(w in lines[0] for w in words), err
    return lines[0]


def succeeds(code: int, err: str) -> None:
    assert code == 0 and not any(ln.startswith("error") for ln in top_lines(err)) and "Traceback" not in err, err


def sql(db: Path, query: str, args=()) -> list[tuple]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        return conn.execute(query, args).fetchall()
    finally:
        conn.close()


def intact(db: Path) -> None:
    assert sql(db, "pragma integrity_check") == [("ok",)]
    assert sql(db, "pragma foreign_key_check") == []


def versions(db: Path) -> tuple[int, int]:
    """(meta.schema_version, PRAGMA user_version): 0 where there is none."""
    meta = sql(db, "select value from meta where key = 'schema_version'") if sql(
        db, "select 1 from sqlite_master where name = 'meta'") else []
    return (int(meta[0][0]) if meta else 0), sql(db, "pragma user_version")[0][0]


def schema(db: Path) -> list[tuple]:
    return sorted(sql(db, "select type, name, sql from sqlite_master where name not like 'sqlite_%'"))


def counts(db: Path, tables=RECORDS) -> dict[str, int]:
    return {t: sql(db, f"select count(*) from [{t}]")[0][0] for t in tables}


def errors(db: Path) -> list[tuple]:
    return sql(db, "select url, stage, error_type, message from errors order by id")


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A database with the whole schema, made once and copied by the tests."""
    from extractor.store import Store

    path = tmp_path_factory.mktemp("template") / "pantau.db"
    Store(path).close()
    return path


@pytest.fixture
def db(template, tmp_path) -> Path:
    path = tmp_path / "pantau.db"
    shutil.copy(template, path)
    return path


ARTICLE = ("LAHAT - Kapolres Lahat AKBP Kurniawan Azwar memimpin pengamanan rapat pleno rekapitulasi suara "
           "Pilkada 2024 di kantor KPU Kabupaten Lahat, Sabtu (30/11/2024). Sebanyak 212 personel dikerahkan.\n\n"
           "\"Pleno berjalan aman dan lancar,\" kata Kurniawan.")
#: the same without a date in its text (which would date the article when its own date is dropped)
UNDATED = ARTICLE.replace(", Sabtu (30/11/2024)", "")


def record_starts(path: Path) -> list[tuple[int, str, str]]:
    """(offset, type, target URI) of every record of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator

    out = []
    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        for rec in it:
            kind, uri = rec.rec_type, rec.rec_headers.get_header("WARC-Target-URI") or ""
            rec.content_stream().read()
            out.append((it.get_record_offset(), kind, uri))
    return out


# --------------------------------------------------------------------------- 1. killed migrations
#: run in a process of its own: open a new database and die (os._exit, as kill -9) inside migration
#: TARGET at its K-th statement, or, when it has fewer, after its last one, just before its COMMIT
KILL_INSIDE = r"""
import os, sys
from extractor.store import Store, migrations

path, target, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
apply = migrations._apply

def dying(db, path, version, fn):
    if version != target:
        return apply(db, path, version, fn)
    seen = [0]
    def trace(statement):
        seen[0] += 1
        if seen[0] >= k:
            os._exit(137)
    db.conn.set_trace_callback(trace)
    apply(db, path, version, fn)
    os._exit(137)

migrations._apply = dying
Store(path)
"""


def test_a_migration_killed_at_any_statement_leaves_the_version_before(tmp_path, monkeypatch, capsys):
    """Item 1: a process killed inside any migration (DDL, data or the version itself)
    leaves the database at the version before it, whole; the next open goes on."""
    from extractor.store import Store, migrations

    all_steps = list(migrations.MIGRATIONS)
    reference, ref = {0: []}, tmp_path / "reference.db"
    for n, (version, _) in enumerate(all_steps, 1):  # the schema after each version, migrated step by step
        monkeypatch.setattr(migrations, "MIGRATIONS", all_steps[:n])
        Store(ref).close()
        reference[version] = schema(ref)
    monkeypatch.undo()

    db, rng = tmp_path / "new.db", random.Random(16)
    for version, _ in all_steps:
        k = rng.randint(1, 400)
        got = subprocess.run([sys.executable, "-c", KILL_INSIDE, str(db), str(version), str(k)], cwd=ROOT,
                             capture_output=True, text=True, timeout=600)
        assert got.returncode == 137, got.stderr[-2000:]
        before = version - 1
        assert versions(db) == (before, before), (version, k)
        assert schema(db) == reference[before], (version, k)
        intact(db)
    # every verb opens it (and the first that writes finishes the schema)
    for verb in (["stats"], ["query", "--sql", "select count(*) from articles"], ["query", "events"]):
        code, _, err = cli(capsys, *verb, "--db", db)
        succeeds(code, err)
    assert versions(db) == (all_steps[-1][0],) * 2 and schema(db) == reference[all_steps[-1][0]]
    intact(db)


def _wait_for(db: Path, version: int, proc: subprocess.Popen, timeout: float = 300) -> bool:
    """Until ``db`` reaches ``version`` (PRAGMA user_version) while ``proc`` runs."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if db.exists() and sql(db, "pragma user_version")[0][0] >= version:
                return True
        except sqlite3.Error:
            pass
        time.sleep(0.02)
    return False


def _snapshot(db: Path) -> dict:
    rows = sql(db, "select url, text_hash, title, published, extracted from articles")
    return {"articles": {u.split("/", 3)[-1]: rest for u, *rest in rows}, "counts": counts(db)}


@pytest.fixture(scope="module")
def clean_demo(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("clean") / "clean.db"
    code, _, err = pantau("run", "--demo", "--db", db)
    succeeds(code, err)
    return _snapshot(db)


@pytest.mark.parametrize("verb, sig, at", [("run", signal.SIGKILL, 2), ("run", signal.SIGTERM, 11),
                                           ("run", signal.SIGINT, 12), ("ingest", signal.SIGKILL, 1)])
def test_a_signal_during_the_first_run_leaves_a_database_every_verb_opens(tmp_path, clean_demo, capsys, verb,
                                                                         sig, at):
    """Item 1 with real signals: the first run (or ingest) of a new database is killed while
    its schema is being made; every verb opens what is left, and the resumed run stores what a
    clean one does."""
    db = tmp_path / "new.db"
    if verb == "run":
        argv = [*PANTAU, "run", "--demo", "--db", str(db)]
    else:
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "lahat.txt").write_text(ARTICLE, "utf-8")
        argv = [*PANTAU, "ingest", str(tmp_path / "in"), "--db", str(db)]
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait_for(db, at, proc), "the run ended before the kill"
        time.sleep(random.Random(at).uniform(0, 0.3))
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0 and "Traceback" not in err, err
    if sig == signal.SIGINT:
        assert top_lines(err) == ["error: interrupted"], err
    found = versions(db)
    assert found[0] == found[1] >= at
    intact(db)
    for args in (["stats"], ["query", "--sql", "select count(*) from errors"], ["query", "officials"]):
        code, _, err = cli(capsys, *args, "--db", db)
        succeeds(code, err)
    code, _, err = cli(capsys, *argv[2:])  # the same run again, to its end
    succeeds(code, err)
    intact(db)
    if verb == "run":
        assert _snapshot(db) == clean_demo
    else:
        assert counts(db, ("articles", "errors")) == {"articles": 1, "errors": 0}
        assert {"Kurniawan Azwar"} <= {n for (n,) in sql(db, "select name from officials")}


# --------------------------------------------------------------------------- 2. two first runs at once
def test_two_first_runs_at_once_make_the_schema_once(tmp_path):
    """Item 2: two processes open a new database at once: the second waits for the
    first's schema (it takes the write lock before reading the version) and both store."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "lahat.txt").write_text(ARTICLE, "utf-8")
    db = tmp_path / "new.db"
    procs = [subprocess.Popen([*PANTAU, "ingest", str(folder), "--db", str(db)], cwd=ROOT, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    results = [(p.wait(timeout=600), p.stdout.read(), p.stderr.read()) for p in procs]
    for code, _, err in results:
        succeeds(code, err)
    intact(db)
    assert versions(db)[0] == versions(db)[1] > 0
    assert counts(db, ("articles", "runs", "errors")) == {"articles": 1, "runs": 2, "errors": 0}
    assert sql(db, "select count(*) from runs where finished_at is null") == [(0,)]


# --------------------------------------------------------------------------- 3, 6. JSONL lines
def test_jsonl_lines_of_the_wrong_type_are_errors_with_their_line_the_rest_is_stored(db, tmp_path, capsys):
    good = {"url": "https://x.example/1", "title": "Pleno di Lahat", "published": "2024-11-30", "text": UNDATED}
    lines = [good,
             {**good, "url": "https://x.example/2", "text": 12345},
             {"url": "https://x.example/3", "html": [1, 2]},
             {**good, "url": "https://x.example/4", "title": {"a": 1}},
             {**good, "url": "https://x.example/5", "published": 20241130},
             {**good, "url": "https://x.example/6", "published": "not-a-date"},
             {**good, "url": "https://x.example/7", "published": "2024-11-30T25:99:00"},
             {**good, "url": "https://x.example/8", "published": "2024-02-30"},
             {**good, "url": "https://x.example/9", "published": "2024-11-30T10:15:00+07:00"}]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", "utf-8")
    code, out, err = cli(capsys, "ingest", path, "--db", db)
    succeeds(code, err)  # some lines stored: the run succeeded
    stored = dict(sql(db, "select url, published from articles"))
    assert stored == {"https://x.example/1": "2024-11-30", "https://x.example/6": None, "https://x.example/7": None,
                      "https://x.example/8": None, "https://x.example/9": "2024-11-30T10:15:00+07:00"}
    rows = errors(db)
    failed = {m.split(": ", 1)[0] for _, stage, t, m in rows if t == "InputError"}
    assert failed == {f"{path} line {n}" for n in (2, 3, 4, 5)}
    assert {m.split(": ")[1] for _, _, t, m in rows if t == "InputError"} == {
        "'text' must be a string, not a number", "'html' must be a string, not an array",
        "'title' must be a string, not an object", "'published' must be a string, not a number"}
    warned = sorted(u for u, stage, t, m in rows if t == "InputWarning")
    assert warned == ["https://x.example/6", "https://x.example/7", "https://x.example/8"]
    assert "error [input]" in err and "warning [input]" in err and "line 2" in err
    assert sql(db, "select count(*) from runs where finished_at is null") == [(0,)]
    # an invalid date reaches no date column, so a filter on the future does not pass it
    for name in ("articles", "events", "event_details"):
        code, out, err = cli(capsys, "query", name, "--since", "2099-01-01", "--format", "json", "--db", db)
        assert code == 0 and json.loads(out) == []
    assert sql(db, "select count(*) from events where date not glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
                   " or date > '2030'") == [(0,)]
    intact(db)


# --------------------------------------------------------------------------- 4. WARC files
@pytest.fixture(scope="module")
def pantau_warc(tmp_path_factory) -> Path:
    """A WARC file as pantau's crawl writes it: five articles, each closed by its metadata record."""
    from extractor.archive import ArchiveWriter

    from .test_crawl import article_html

    d = tmp_path_factory.mktemp("warc")
    with ArchiveWriter(d, "pantau-00001-20241130T100000") as w:
        for i in range(1, 6):
            url = f"https://warta.example/berita/{i}"
            offset, rid = w.write_response(url, 200, "OK", [("Content-Type", "text/html; charset=utf-8")],
                                           article_html(i), "2024-11-30T10:00:00Z")
            w.write_article(url, [{"url": url, "offset": offset, "record_id": rid, "encoding": "utf-8"}],
                            source="warta", published="2024-11-30", title=f"Berita {i}",
                            fetched_at="2024-11-30T10:00:00Z", refers_to=rid)
    return w.path


def stored_urls(db: Path) -> set[str]:
    return {u for (u,) in sql(db, "select url from articles")}


def test_a_gunzipped_warc_is_read(pantau_warc, db, tmp_path, capsys):
    """Item 4: the page offsets a metadata record states are the .warc.gz's; a gunzipped
    copy finds its pages by record id."""
    plain = tmp_path / "archive.warc"
    plain.write_bytes(gzip.decompress(pantau_warc.read_bytes()))
    code, _, err = cli(capsys, "ingest", plain, "--db", db)
    succeeds(code, err)
    assert stored_urls(db) == {f"https://warta.example/berita/{i}" for i in range(1, 6)} and errors(db) == []


@pytest.mark.parametrize("gunzip", [False, True])
def test_a_truncated_warc_gives_what_precedes_the_cut_and_records_the_loss(pantau_warc, db, tmp_path, capsys,
                                                                           gunzip):
    data = gzip.decompress(pantau_warc.read_bytes()) if gunzip else pantau_warc.read_bytes()
    path = tmp_path / ("cut.warc" if gunzip else "cut.warc.gz")
    path.write_bytes(data)  # cut inside the response of the third article
    third = next(off for off, kind, uri in record_starts(path) if kind == "response" and uri.endswith("/3"))
    path.write_bytes(data[:third + 300])
    code, _, err = cli(capsys, "ingest", path, "--db", db)
    succeeds(code, err)
    assert stored_urls(db) == {"https://warta.example/berita/1", "https://warta.example/berita/2"}
    [(url, stage, _, message)] = errors(db)
    assert url == str(path) and stage == "input" and f"at offset {third}" in message
    assert "https://warta.example/berita/3" in message and str(path) in err


def test_a_damaged_record_is_skipped_and_the_records_after_it_are_read(pantau_warc, db, tmp_path, capsys):
    data = bytearray(pantau_warc.read_bytes())
    second = next(off for off, kind, uri in record_starts(pantau_warc) if kind == "response" and uri.endswith("/2"))
    data[second + 40:second + 60] = b"\0" * 20
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(data))
    code, _, err = cli(capsys, "ingest", path, "--db", db)
    succeeds(code, err)
    assert stored_urls(db) == {f"https://warta.example/berita/{i}" for i in (1, 3, 4, 5)}
    assert {stage for _, stage, _, _ in errors(db)} == {"input"} and len(errors(db)) == 2
    assert any(u.endswith("/berita/2") for u, *_ in errors(db))


def test_a_file_that_is_no_warc_fails_the_ingest(db, tmp_path, capsys):
    path = tmp_path / "x.warc.gz"
    path.write_bytes(os.urandom(300))
    code, _, err = cli(capsys, "ingest", path, "--db", db)
    fails_with_one_line(code, err, "nothing was stored")
    assert "is not a WARC file" in err and counts(db, ("articles",)) == {"articles": 0}


# --------------------------------------------------------------------------- 5. plain text encodings
@pytest.mark.parametrize("codec", ["cp1252", "utf-16"])
def test_plain_text_in_windows_1252_and_utf16_reads_as_written(db, tmp_path, capsys, codec):
    text = ("PALEMBANG – Kapolda Sumsel Irjen Pol Andi Rian Djajadi meninjau “Café Pleno” di Palembang, Sabtu "
            "(30/11/2024). Pengamanan rapat pleno rekapitulasi Pilkada berjalan aman.")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(text.encode(codec))
    code, out, err = cli(capsys, "extract-text", folder / "a.txt")
    assert code == 0 and "“Café Pleno”" in json.loads(out)["article"]["text"] and "\ufffd" not in out
    code, _, err = cli(capsys, "ingest", folder, "--db", db)
    succeeds(code, err)
    [(stored,)] = sql(db, "select text from articles")
    assert "– Kapolda" in stored and "“Café Pleno”" in stored


# --------------------------------------------------------------------------- 7. texts over spaCy's limit
@pytest.fixture
def short_max_length():
    """spaCy's max_length lowered to 50,000 characters (from 1,000,000), so a text over
    it costs seconds: the same E088 a 1.1 MB article met (benchmarks/bench_long_text.py
    runs 1.1 MB and 9.5 MB texts with the real limit)."""
    from extractor.nlp.pipeline import load

    nlp = load()
    before, nlp.max_length = nlp.max_length, 50_000
    yield nlp.max_length
    nlp.max_length = before


def test_a_text_over_spacys_max_length_is_extracted_in_segments(db, tmp_path, capsys, short_max_length):
    """Item 7: a text over spaCy's max_length is stored and extracted whole, in segments,
    with every offset inside the text, and the same people found in each segment once."""
    filler = ("Warga berbelanja di pasar tradisional setiap pagi dan sore hari bersama keluarga mereka. " * 12).strip()
    paragraphs, n = [], 0
    while n < 2.4 * short_max_length:
        paragraphs.append(f"{filler} Bagian {len(paragraphs)}.")
        n += len(paragraphs[-1]) + 2
    paragraphs[3] = ARTICLE.replace("\n\n", " ")
    paragraphs[-3] = "MUARA ENIM - Kapolres Muara Enim AKBP Jhoni Eka Putra memimpin patroli di Muara Enim."
    paragraphs[-2] = "Kapolres Lahat AKBP Kurniawan Azwar juga hadir."
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "long.txt").write_text("\n\n".join(paragraphs), "utf-8")
    code, _, err = cli(capsys, "ingest", tmp_path / "in", "--all", "--db", db)
    succeeds(code, err)
    [(text, extracted)] = sql(db, "select text, extracted from articles")
    assert len(text) > 2 * short_max_length and extracted == 1 and errors(db) == []
    officials = dict(sql(db, "select o.name, count(*) from official_mentions m join officials o on o.id = m.official_id "
                             "group by o.id"))
    assert officials.keys() >= {"Kurniawan Azwar", "Jhoni Eka Putra"} and officials["Kurniawan Azwar"] >= 2
    assert sql(db, "select count(*) from officials where name = 'Kurniawan Azwar'") == [(1,)]
    for table in ("official_mentions", "place_mentions", "date_mentions", "events", "quotes"):
        for start, end in sql(db, f"select start, [end] from {table}"):
            assert 0 <= start <= end <= len(text), table
    for table in ("official_mentions", "place_mentions", "date_mentions"):  # each holds the text it points at
        assert all(text[s:e] == said for s, e, said in sql(db, f"select start, [end], text from {table}")), table


def test_error_messages_are_one_bounded_line(db):
    """Item 7: an error row never holds a foreign error's whole paragraph."""
    from extractor.errors import ExtractError, Msg, describe
    from extractor.store import Store

    long = ValueError("[E088] Text of length 1100000 exceeds maximum of 1000000. " + "The parser needs memory. " * 80
                      + "\nsecond line\nthird line")
    with Store(db) as store:
        store.record_error("file:///x.txt", "extract", ExtractError(Msg.EXTRACT_FAILED.format(detail=describe(long))))
        store.record_error("file:///y.txt", "extract", long)
    for _, _, _, message in errors(db):
        assert "\n" not in message and len(message) <= 500 and message.startswith(("extraction failed", "[E088]"))


# --------------------------------------------------------------------------- 9. deep HTML
def test_html_nested_deeper_than_libxml2s_limit_keeps_its_text(db, tmp_path, capsys):
    body = "<div>" * 3000 + f"<p>{ARTICLE}</p>" + "</div>" * 3000
    page = tmp_path / "in" / "deep.html"
    page.parent.mkdir()
    page.write_text(f"<html><head><title>Pleno di Lahat</title></head><body>{body}</body></html>", "utf-8")
    code, out, err = cli(capsys, "extract-html", page)
    assert code == 0 and "Kurniawan" in json.loads(out)["article"]["text"]
    code, _, err = cli(capsys, "ingest", page.parent, "--db", db)
    succeeds(code, err)
    assert counts(db, ("articles",)) == {"articles": 1}


# --------------------------------------------------------------------------- 10, 11. outcomes
def down_config(tmp_path: Path) -> Path:
    """Two sources on a port nothing listens on: discovery fails for both, at once."""
    path = tmp_path / "down.toml"
    path.write_text('[settings]\nretries = 0\ntimeout = 2.0\n\n'
                    '[[source]]\nname = "a"\nhome = "http://127.0.0.1:9/"\nfeeds = ["http://127.0.0.1:9/feed"]\n\n'
                    '[[source]]\nname = "b"\nhome = "http://127.0.0.1:9/"\n'
                    'sitemaps = ["http://127.0.0.1:9/sitemap.xml"]\n', "utf-8")
    return path


def test_a_run_where_every_source_fails_discovery_exits_non_zero_and_says_why(db, tmp_path, capsys):
    config = down_config(tmp_path)
    code, _, err = cli(capsys, "run", "--config", config, "--db", db)
    fails_with_one_line(code, err, "nothing was fetched", "discovery failed")
    assert "http://127.0.0.1:9/feed" in err and "http://127.0.0.1:9/sitemap.xml" in err
    assert sql(db, "select count(*) from errors where stage = 'discover'") == [(2,)]
    assert sql(db, "select count(*) from runs where finished_at is null") == [(0,)]
    code, out, err = cli(capsys, "run", "--config", config, "--db", db, "--dry-run")
    fails_with_one_line(code, err, "0 URLs would be fetched: discovery failed")
    assert out == "" and "http://127.0.0.1:9/feed" in err
    assert not (tmp_path / "pantau-archive").exists()  # nothing fetched: no WARC file


def test_an_ingest_where_every_input_fails_exits_non_zero(db, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("   \n", "utf-8")
    (folder / "binary.html").write_bytes(b"%PDF-1.4\x00\x01\x02" * 50)
    (folder / "debris.html").write_text("<<<>>> <p></p>", "utf-8")
    code, out, err = cli(capsys, "ingest", folder, "--db", db)
    line = fails_with_one_line(code, err, "nothing was stored")
    assert "3 items failed" in line
    for name in ("empty.txt", "binary.html", "debris.html"):  # each live error line names its file
        assert any(ln.startswith("  error [") and str(folder / name) in ln for ln in err.splitlines()), err
    assert counts(db, ("articles", "errors")) == {"articles": 0, "errors": 3}
    intact(db)


def test_reingesting_a_folder_does_not_record_its_errors_again(db, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    (folder / "debris.html").write_text("<<<>>>", "utf-8")
    for run in (1, 2, 3):
        code, _, err = cli(capsys, "ingest", folder, "--db", db)
        succeeds(code, err)
        assert counts(db, ("articles", "errors")) == {"articles": 1, "errors": 2}
        assert sql(db, "select count(distinct run_id), max(run_id) from errors") == [(1, run)]


# --------------------------------------------------------------------------- 12. read-only SQL
@pytest.mark.parametrize("statement", ["ATTACH DATABASE '{p}' AS x", "VACUUM INTO '{p}'", "VACUUM",
                                       "PRAGMA query_only = OFF", "DETACH DATABASE main"])
def test_sql_cannot_create_files_or_unlock_the_connection(db, tmp_path, capsys, statement):
    target = tmp_path / "created.db"
    before = counts(db)
    code, _, err = cli(capsys, "query", "--sql", statement.format(p=target), "--db", db)
    fails_with_one_line(code, err, "read-only")
    assert not target.exists() and counts(db) == before


def test_sql_still_reads_and_describes(db, capsys):
    code, out, err = cli(capsys, "query", "--sql", "PRAGMA table_info(events)", "--format", "csv", "--db", db)
    assert code == 0 and "personnel" in out
    code, out, err = cli(capsys, "query", "--sql", "PRAGMA user_version", "--format", "csv", "--db", db)
    assert code == 0 and out.split()[-1] == str(versions(db)[0])


# --------------------------------------------------------------------------- 13. the rest
def test_a_run_that_fetches_nothing_new_writes_no_warc_file(db, tmp_path, capsys):
    from extractor.demo import DEMO_SITE, serve

    archive = db.with_name("pantau-archive")
    with serve(DEMO_SITE) as server:  # the demo site on a port of this test's own, for both runs
        config = tmp_path / "demo.toml"
        config.write_text(f'[settings]\nrate_limit = 50.0\n\n[[source]]\nname = "demo"\nhome = "{server.base}/"\n'
                          f'feeds = ["{server.base}/feed.xml"]\nsitemaps = ["{server.base}/sitemap.xml"]\n', "utf-8")
        code, _, err = cli(capsys, "run", "--config", config, "--db", db)
        succeeds(code, err)
        first = sorted(archive.glob("*.warc.gz"))
        assert len(first) == 1
        code, out, err = cli(capsys, "run", "--config", config, "--db", db)
    succeeds(code, err)
    assert "fetched 0" in out and "skipped" in out and sorted(archive.glob("*.warc.gz")) == first


@pytest.mark.parametrize("argv, words", [
    (["query", "events", "--since", "2024-12-01", "--until", "2024-11-01"], ["later than --until"]),
    (["query", "articles", "--search", "\"unclosed"], ["FTS5 syntax"]),
    (["report", "--out", "{tmp}/r", "--rank", "Jenderal Besar"], ["unknown rank"]),
])
def test_usage_mistakes_are_one_line_and_exit_2(db, tmp_path, capsys, argv, words):
    code, _, err = cli(capsys, *[a.replace("{tmp}", str(tmp_path)) for a in argv], "--db", db)
    fails_with_one_line(code, err, *words)
    assert code == 2


def test_no_deprecation_warning_on_a_query(db):
    got = subprocess.run([sys.executable, "-W", "error::DeprecationWarning", str(ROOT / "pipeline.py"), "query",
                          "--sql", "select 1 as one", "--format", "table", "--db", str(db)], cwd=ROOT,
                         capture_output=True, text=True, timeout=300)
    assert got.returncode == 0 and "Warning" not in got.stderr and "one" in got.stdout, got.stderr
