"""The distributed ingest on a real Dask LocalCluster of two worker
processes, against a single-process ingest of the same CC-NEWS-like WARC:
equal databases table by table, a killed driver resumed without duplicates,
a failing shard recorded while the others finish, remote input through
fsspec from an HTTP server on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

import pytest

from extractor.store import Store

from .ccnews_sample import build
from .rangeserver import RangeServer

ROOT = Path(__file__).resolve().parent.parent
# compared column by column; run ids and timestamps are the run's own
TABLES = {
    "articles": "url, canonical_url, source, outlet, title, published, text, html_hash, text_hash, relevance, "
                "extracted, extractor_version, model_version, cluster_id, author, section, tags, modified, "
                "published_from, profile, pages, primary_region, primary_region_code, id",
    "officials": "*", "official_mentions": "*", "places": "*", "place_mentions": "*", "date_mentions": "*",
    "events": "*", "event_actors": "*", "quotes": "*", "article_signatures": "*", "article_bands": "*",
    "article_origins": "article_id, position",
    "errors": "url, stage, error_type, message",
}


def dump(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"select {cols} from {t} order by 1, 2").fetchall() for t, cols in TABLES.items()}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    from extractor.cluster import warm

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        warm(c)
        yield c


@pytest.fixture(scope="module")
def warc(tmp_path_factory):
    return build(tmp_path_factory.mktemp("cl") / "CC-NEWS-20241127.warc.gz", 260, seed=21)


def single_process(inputs: list, db: Path) -> None:
    """``pantau ingest INPUTS --prefilter``, without --dask."""
    from extractor.cluster import read_inputs
    from extractor.run import ingest

    origins: dict = {}
    with Store(db) as store:
        ingest(store, read_inputs(inputs, prefilter=True, origins=origins), origins=origins)


def distributed(inputs: list, db: Path, client, **kw) -> tuple[dict, object]:
    from extractor.run import ingest_distributed

    with Store(db) as store:
        summary, stats = ingest_distributed(store, inputs, dask="local:2", client=client, say=lambda s: None, **kw)
    return stats, summary


def test_merged_database_equals_single_process_ingest(warc, client, tmp_path):
    single_process([warc.path], tmp_path / "one.db")
    stats, summary = distributed([warc.path], tmp_path / "dask.db", client,
                                 shard_size=warc.path.stat().st_size // 4)
    assert stats["shards"] >= 4 and stats["failed"] == 0
    assert 0 <= stats["merge_tail_seconds"] <= stats["merge_seconds"]  # the tail is part of the merge
    assert 0 < stats["merge_cpu_seconds"] <= stats["merge_seconds"] + 0.05  # one thread's CPU, not the process's
    a, b = dump(tmp_path / "one.db"), dump(tmp_path / "dask.db")
    assert a["articles"], "the sample has target pages"
    for table in TABLES:
        assert b[table] == a[table], table
    # the truncated record is one input error, the recaptured URL one article
    assert [e[1] for e in b["errors"]] == ["input"]
    urls = [r[0] for r in b["articles"]]
    assert len(urls) == len(set(urls)) and warc.target_urls[3] in urls
    c = stats["counts"]
    assert c["records"] == sum(c[g] for g in ("record_type", "status", "content_type", "language", "keywords",
                                              "passed"))
    with Store(tmp_path / "dask.db") as store:
        states = {r["status"] for r in store.db["shards"].rows}
    assert states == {"merged"}


def test_a_failing_shard_is_recorded_and_remote_input_is_read(warc, client, tmp_path):
    (tmp_path / "srv").mkdir()
    (tmp_path / "srv" / warc.path.name).write_bytes(warc.path.read_bytes())
    listing = tmp_path / "warc.paths"
    listing.write_text(f"{warc.path.name}\ngone/CC-NEWS-missing.warc.gz\n")
    size = warc.path.stat().st_size // 2 + 1
    with RangeServer(tmp_path / "srv") as srv:
        stats, summary = distributed([listing], tmp_path / "remote.db", client, base=srv.url(""), shard_size=size)
        tries = srv.requests[("GET", "/gone/CC-NEWS-missing.warc.gz")] + \
            srv.requests[("HEAD", "/gone/CC-NEWS-missing.warc.gz")]
        assert stats["failed"] == 1 and stats["shards"] == 3
        assert tries >= 2  # tried, then retried once
        single_process([warc.path], tmp_path / "local.db")
        remote, local = dump(tmp_path / "remote.db"), dump(tmp_path / "local.db")
        assert remote["articles"] == local["articles"]  # the remote file read through fsspec, in byte ranges
        failed = [e for e in remote["errors"] if "missing" in e[0]]
        assert len(failed) == 1 and failed[0][1] == "input" and "failed twice" in failed[0][3]
        with Store(tmp_path / "remote.db") as store:
            rows = {r["input"].rsplit("/", 1)[-1]: r["status"] for r in store.db["shards"].rows}
        assert rows["CC-NEWS-missing.warc.gz"] == "failed"
        # the file appears: the next run tries the failed shard again, and only it
        (tmp_path / "srv" / "gone").mkdir()
        late = build(tmp_path / "srv" / "gone" / "CC-NEWS-missing.warc.gz", 120, seed=22, truncate=False)
        stats, summary = distributed([listing], tmp_path / "remote.db", client, base=srv.url(""), shard_size=size)
    assert stats["failed"] == 0
    with Store(tmp_path / "remote.db") as store:
        rows = {(r["input"].rsplit("/", 1)[-1], r["start"]): (r["status"], r["attempts"])
                for r in store.db["shards"].rows}
        urls = {r["url"] for r in store.db["articles"].rows}
    assert rows[("CC-NEWS-missing.warc.gz", 0)] == ("merged", 2)
    assert all(v == ("merged", 1) for k, v in rows.items() if k[0] == warc.path.name)  # not run again
    assert summary.stored > 0 and set(late.target_urls) & urls


def _kill_after_first_merge(cmd, env, db) -> int:
    """Start the ingest, SIGKILL the driver and its cluster once a shard is
    merged; the number of shards left unmerged (0: the run ended first)."""
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 300
    merged = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(db) as conn:
                merged = conn.execute("select count(*) from shards where status = 'merged'").fetchone()[0]
        except sqlite3.Error:
            continue
        if merged >= 1:
            break
    if proc.poll() is not None:  # finished (or failed) before the kill
        assert proc.returncode == 0, proc.stderr.read().decode()[-2000:]
        return 0
    os.killpg(proc.pid, signal.SIGKILL)  # the driver and its local cluster, at once
    proc.wait()
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from shards where status != 'merged'").fetchone()[0]


def test_killed_driver_rerun_completes_without_duplicates(tmp_path):
    # the merge commits about once a second: enough target pages (~130) that the run goes on after
    # the first commit; on a loaded machine the run may end between two polls: then it is tried
    # again on a fresh database
    warc = build(tmp_path / "CC-NEWS-20241128.warc.gz", 400, seed=21, target=0.35)
    for attempt in range(3):
        db = tmp_path / f"k{attempt}.db"
        cmd = [sys.executable, str(ROOT / "pipeline.py"), "ingest", str(warc.path), "--db", str(db), "--dask",
               "local:2", "--shard-size", str(warc.path.stat().st_size // 16)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        if _kill_after_first_merge(cmd, env, db) > 0:
            break
    else:
        pytest.fail("three runs ended before the kill could land mid-run")
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    single_process([warc.path], tmp_path / "one.db")
    a, b = dump(tmp_path / "one.db"), dump(db)
    for table in TABLES:
        assert b[table] == a[table], table


def test_a_dropped_value_is_a_warning_on_the_cluster_as_in_one_process(client, tmp_path):
    """A JSONL line with an invalid published date is stored without it and counted as a
    warning, not an error, by the distributed ingest as by the single-process one."""
    import json

    text = ("LAHAT - Polres Lahat mengerahkan 120 personel untuk mengamankan rapat pleno rekapitulasi suara "
            "Pilkada 2024 di Kabupaten Lahat, Sabtu (30/11/2024). Kapolres Lahat AKBP Kurniawan Azwar memimpin "
            "langsung pengamanan di kantor KPU Lahat.")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"url": f"https://x.example/{i}", "text": text + f" ({i})",
                                          "published": published})
                              for i, published in enumerate(["2024-11-30", "not-a-date"])) + "\n", "utf-8")
    stats, summary = distributed([src], tmp_path / "dask.db", client)
    assert (summary.warnings, summary.errors, stats["failed"]) == (1, 0, 0)
    single_process([src], tmp_path / "one.db")
    assert dump(tmp_path / "dask.db")["errors"] == dump(tmp_path / "one.db")["errors"]
    with Store(tmp_path / "dask.db") as store:
        assert {r["url"] for r in store.db["articles"].rows} == {"https://x.example/0", "https://x.example/1"}


def _shard_files(tmp_path: Path, sizes: list, poison: tuple = ()) -> list:
    """Finished shard files of ``sizes`` articles each (tests.test_store's articles), and their Shards;
    ``poison``: (shard, frame) whose frame holds no result (unpacking it fails in the merge)."""
    from extractor.shardfile import ShardWriter, shard_path
    from extractor.shards import Shard

    from .test_store import _article

    shards, n = [], 0
    for k, size in enumerate(sizes):
        shard = Shard(f"in-{k}.jsonl", "jsonl")
        with ShardWriter(shard_path(tmp_path / "shards", k + 1), shard.key) as w:
            for i in range(size):
                w.result(i, ("not a result",) if (k, i) == poison else (*_article(n), None))
                n += 1
            w.finish({"items": size})
        shards.append(shard)
    return shards


def _merge(store, shards: list, tmp_path: Path, fail_after: int = 0, statements: Optional[list] = None):
    """The driver's merge of the shard files (no cluster: their tasks ran), as ``ingest`` runs it;
    ``fail_after``: the driver dies (an exception) once that many shards are merged; ``statements``:
    gets the merge's SQL statements."""
    from extractor.cluster import _Ledger, _Merger
    from extractor.runlog import RunLog
    from extractor.shardfile import shard_path, summary_of

    ledger = _Ledger(store)
    rows = ledger.register(shards, None)
    if statements is not None:
        store.db.conn.set_trace_callback(statements.append)
    with _Merger(store, RunLog(store), refresh=False, extract_all=True, threshold=None) as merger:
        for k, row in enumerate(rows):
            if fail_after and k == fail_after:
                raise KeyboardInterrupt
            path = shard_path(tmp_path / "shards", row["id"])
            merger.merge(ledger, row, path, summary_of(path))


def test_the_merge_commits_shards_together_with_their_ledger_rows(tmp_path):
    """Shards merged within a second are one transaction (a commit per ~35-article shard
    rewrote a grown database's index pages per shard), and each shard's ledger row
    commits with its articles: a driver that dies loses the open transaction's shards
    whole, ledger and articles alike, and the next run merges them."""
    shards = _shard_files(tmp_path, [3, 4, 2, 5])
    with Store(tmp_path / "m.db") as store:
        statements: list = []
        _merge(store, shards, tmp_path, statements=statements)
        store.db.conn.set_trace_callback(None)
        assert [s for s in statements if s.strip().upper() == "COMMIT"] == ["COMMIT"]
        assert store.db.execute("select status, merged_frames from shards order by id").fetchall() == \
            [("merged", 3), ("merged", 4), ("merged", 2), ("merged", 5)]
        assert store.db.execute("select count(*) from articles").fetchone()[0] == 14

    with Store(tmp_path / "k.db") as store:
        with pytest.raises(KeyboardInterrupt):
            _merge(store, shards, tmp_path, fail_after=3)
        assert store.db.execute("select count(*) from articles").fetchone()[0] == 0
        assert store.db.execute("select count(*) from shards where status = 'merged' or merged_frames > 0"
                                ).fetchone()[0] == 0
        _merge(store, shards, tmp_path)  # the rerun
        assert store.db.execute("select count(*), count(distinct url) from articles").fetchone() == (14, 14)
    assert dump(tmp_path / "k.db") == dump(tmp_path / "m.db")


def test_a_commit_inside_a_shard_records_how_far_it_was_merged(tmp_path, monkeypatch):
    """A transaction that fills inside a shard commits that shard's frames so far with
    its articles; a merge that then dies keeps them, and its shard resumes there."""
    import extractor.batch

    monkeypatch.setattr(extractor.batch, "BATCH", 4)  # a transaction fills after four articles
    shards = _shard_files(tmp_path, [3, 6], poison=(1, 5))  # the second shard's sixth frame is not a result
    with Store(tmp_path / "p.db") as store:
        with pytest.raises(ValueError):
            _merge(store, shards, tmp_path)
        # shard 1's three articles and shard 2's first committed before shard 2's second article
        # (the fifth of the transaction); frames 2-5 were rolled back with the failure
        assert store.db.execute("select status, merged_frames from shards order by id").fetchall() == \
            [("merged", 3), ("planned", 1)]
        assert store.db.execute("select count(*) from articles").fetchone()[0] == 4


def test_a_local_cluster_runs_without_the_profiler_but_keeps_what_the_user_set():
    """``--dask local:N`` starts its workers with Dask's sampling profiler off
    and a 1 s event-loop tick; a setting the user made is kept."""
    import dask
    import distributed  # noqa: F401 - its defaults first: leaving dask.config.set would drop what it added

    from extractor.cluster import connect

    def settings():
        import dask

        return dask.config.get("distributed.worker.profile.enabled"), dask.config.get("distributed.admin.tick.interval")

    said: list = []
    with dask.config.set({"distributed.admin.tick.interval": "500ms"}), connect("local:1", said.append) as client:
        assert list(client.run(settings).values()) == [(False, "500ms")]
    with connect("local:1", said.append) as client:
        assert list(client.run(settings).values()) == [(False, "1s")]
    assert dask.config.get("distributed.worker.profile.enabled") is True  # only the cluster's, not this process's


def test_after_a_local_cluster_the_event_facts_are_computed_on_its_cores(tmp_path, monkeypatch):
    """``ingest --dask local:N`` computes the event facts after the merge in N
    processes (the cluster is gone by then), as ``--workers N`` does."""
    import json

    from click.testing import CliRunner

    import extractor.facts as facts
    from extractor.cli import cli

    seen, real = [], facts.refresh
    monkeypatch.setattr(facts, "refresh", lambda db, workers=1: seen.append(workers) or real(db, workers=workers))
    text = ("LAHAT - Polres Lahat mengerahkan 120 personel untuk mengamankan rapat pleno rekapitulasi suara "
            "Pilkada 2024 di Kabupaten Lahat, Sabtu (30/11/2024).")
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps({"url": f"https://x.example/{i}", "text": f"{text} ({i})"})
                             for i in range(3)) + "\n", "utf-8")
    done = CliRunner().invoke(cli, ["ingest", str(src), "--db", str(tmp_path / "d.db"), "--dask", "local:2"])
    assert done.exit_code == 0, done.output
    assert seen == [2]
    with Store(tmp_path / "d.db") as store:
        assert store.db["event_facts"].count == store.db["events"].count > 0
