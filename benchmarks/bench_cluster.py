"""The distributed path's costs, side by side in one run, one table.

    python benchmarks/bench_cluster.py                 # everything (~100k-record WARC, made once and kept)
    python benchmarks/bench_cluster.py --quick         # 20k records, 240 target pages: a smoke run
    python benchmarks/bench_cluster.py --only prefilter,store

Rows (``--only`` picks groups):

* ``reader``: every record of the CC-NEWS-like file (``ccnews.py``, ~100 kB
  pages, >= 95% non-target) read with its payload by fastwarc and by warcio
  (through ``extractor.warcreader``, the same code either way), and bare
  fastwarc iteration (``ArchiveIterator`` over the file, nothing read).
* ``prefilter``: the prefilter over the same file (decompression included)
  against bare fastwarc iteration: records/s per core (CPU time of this one
  process), three rounds of each alternated; the ratio is the median of the
  three pairs' ratios (run one after the other, the two would read a drift of
  the machine's speed as a difference between them).
* ``store``: storing extracted articles (the 400 pages of ``generate.py``,
  extracted once, stored x5 under new URLs into a fresh database): one
  transaction per article (``Store.save``, the writer before issue 18) and
  batched (``Store.save_many``), ms of CPU per article.
* ``shard output``: what a worker pays to write one article's results, and
  the driver to read them back: a pickled frame of the shard file against a
  per-shard SQLite database written through ``Store.save``.
* ``dask``: end to end, ``ingest --dask local:1`` and ``local:2`` on an
  extraction-heavy WARC (every page a target), fresh databases, workers
  warmed (model loaded) before the clock starts, ``--pairs`` runs of
  ``local:2`` (default 3) each between two of ``local:1``; parallel
  efficiency T1 / (2 x T2) as the median of each ``local:2`` run's ratio to
  the mean of the ``local:1`` runs around it, the other rows the runs'
  medians; the merge's time per 10k articles and its share of the run,
  and the part of it after the last task ended (the merge not overlapped
  with extraction); the merge's CPU time per 10k articles and its share of
  all the CPU the run took (driver and workers: with ``local:2`` on two
  cores the driver's merge waits for a core, which its wall time counts).
  Shards of ``--shard-kb`` (256: ~35 target pages each,
  about what a 256 MiB shard of a real CC-NEWS file passes).

Every row carries the load average when it ran: the machine is shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import ccnews  # noqa: E402

OUT = HERE / "out"
ROWS: list[tuple[str, str, str, str]] = []  # (group, what, figure, note)
MEASURED: dict[str, float] = {}  # per-record and per-article costs the cost table is computed from


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def row(group: str, what: str, figure: str, note: str = "") -> None:
    ROWS.append((group, what, figure, f"load {load()}" + (f"; {note}" if note else "")))
    print(f"  {group:<13} {what:<58} {figure:>22}  {ROWS[-1][3]}", file=sys.stderr)


def cpu(fn, rounds: int = 1):
    best, out = None, None
    for _ in range(rounds):
        t0 = time.process_time()
        out = fn()
        t = time.process_time() - t0
        best = t if best is None else min(best, t)
    return best, out


def sample_file(records: int, page_kb: int) -> Path:
    path = OUT / f"ccnews-{records // 1000}k-{page_kb}kb.warc.gz"
    if not path.exists():
        print(f"making {path} ...", file=sys.stderr)
        ccnews.build(path, records, page_kb=page_kb, seed=18)
    return path


# --------------------------------------------------------------------------- reader and prefilter
def bench_reader(path: Path) -> None:
    from fastwarc.warc import ArchiveIterator

    from extractor.warcreader import iter_records

    def bare():
        return sum(1 for _ in ArchiveIterator(str(path)))

    def engine(name):
        return lambda: sum(1 for _ in iter_records(path, engine=name))

    mb = path.stat().st_size / 1e6
    t_bare, n = cpu(bare, 2)
    row("reader", f"bare fastwarc iteration ({n:,} records, {mb:,.0f} MB gz)", f"{n / t_bare:,.0f} rec/s")
    t_f, n = cpu(engine("fastwarc"), 2)
    row("reader", "fastwarc, every payload read (warcreader)", f"{n / t_f:,.0f} rec/s")
    t_w, n = cpu(engine("warcio"), 1)
    row("reader", "warcio, every payload read (warcreader)", f"{n / t_w:,.0f} rec/s", f"fastwarc {t_w / t_f:.1f}x faster")


def bench_prefilter(path: Path) -> None:
    from fastwarc.warc import ArchiveIterator

    from extractor.prefilter import Prefilter
    from extractor.warcreader import iter_items

    def bare():
        return sum(1 for _ in ArchiveIterator(str(path)))

    counts = {}

    def pre():
        pf = Prefilter()
        n = sum(1 for _ in iter_items(path, accept=pf.accept, keep=pf.keep))
        counts.update(pf.as_dict())
        return n

    # rounds of the two alternated, so a drift of the machine's speed (30-40% within an hour on a
    # shared VM) reaches both alike; the ratio is the median of the pairs' ratios
    pairs = []
    for _ in range(3):
        t_bare, n = cpu(bare)
        t_pre, passed = cpu(pre)
        pairs.append((t_bare, t_pre))
    ratio = statistics.median(b / p for b, p in pairs)
    t_bare, t_pre = min(b for b, _ in pairs), min(p for _, p in pairs)
    recs = counts["records"]
    MEASURED["prefilter_s_per_record"] = t_pre / recs
    MEASURED["pass_share_generated"] = passed / recs
    target = 1 - counts["passed"] / recs
    row("prefilter", f"bare fastwarc iteration, {n:,} records", f"{n / t_bare:,.0f} rec/s")
    row("prefilter", f"prefilter ({recs:,} records, {target:.1%} dropped, {passed} passed)",
        f"{recs / t_pre:,.0f} rec/s", f"{ratio:.2f}x bare iteration (target >= 0.5; median of 3 alternated pairs: "
        + ", ".join(f"{b / p:.2f}" for b, p in pairs) + ")")
    row("prefilter", "drops by gate", ", ".join(f"{k} {v:,}" for k, v in counts.items()
                                                if k not in ("records", "passed")))


# --------------------------------------------------------------------------- storing
def extracted(n_pages: int = 400) -> list:
    cache = OUT / f"extracted-{n_pages}.pkl"
    if cache.exists():
        try:
            return pickle.loads(cache.read_bytes())
        except Exception:  # noqa: BLE001 - another pantau version's objects: extract again
            pass
    from generate import generate

    from extractor.batch import _work_many
    from extractor.inputs import read_local

    items = list(read_local(generate(n_pages, OUT / f"articles-{n_pages}.jsonl")))
    res = []
    for i in range(0, len(items), 8):
        res += _work_many(items[i:i + 8], 0.4, True)
    res = [r for r in res if isinstance(r, tuple)]
    cache.write_bytes(pickle.dumps(res))
    return res


def _copies(results: list, times: int, first: int = 0) -> list:
    """``results`` ``times`` over, copy k under the URLs ``...?copy=k`` (k from ``first`` on)."""
    from dataclasses import replace

    out = []
    for k in range(first, first + times):
        for a, rel, ex, sig in results:
            art = replace(a, url=f"{a.url}?copy={k}")
            out.append((art, rel, replace(ex, article=art) if ex else None, sig))
    return out


def bench_store(times: int) -> None:
    from extractor.store import Store

    batch = _copies(extracted(), times)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "one.db") as s:
            s.fast_commits()
            t_one, _ = cpu(lambda: [s.save(a, r, e, None, signature=g) for a, r, e, g in batch])
        row("store", f"Store.save, one transaction per article ({len(batch):,} articles)",
            f"{t_one / len(batch) * 1e3:.2f} ms/article")
        if hasattr(Store, "save_many"):
            with Store(Path(tmp) / "many.db") as s:
                s.fast_commits()
                t_many, _ = cpu(lambda: [s.save_many(batch[i:i + 64], None) for i in range(0, len(batch), 64)])
            row("store", "Store.save_many, batches of 64", f"{t_many / len(batch) * 1e3:.2f} ms/article",
                f"{t_one / t_many:.1f}x faster (target <= 2 ms)")


def bench_shard_output() -> None:
    from extractor.shardfile import ShardWriter, read_frames
    from extractor.store import Store

    batch = extracted()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.pantau-shard"

        def write():
            with ShardWriter(path, "k") as w:
                for i, r in enumerate(batch):
                    w.result(i, r)
                w.finish({})

        t_w, _ = cpu(write, 3)
        t_r, _ = cpu(lambda: sum(1 for _ in read_frames(path)), 3)
        size = path.stat().st_size / len(batch) / 1e3
        row("shard output", "pickled frames: worker writes", f"{t_w / len(batch) * 1e3:.2f} ms/article",
            f"{size:.1f} kB/article")
        row("shard output", "pickled frames: driver reads", f"{t_r / len(batch) * 1e3:.2f} ms/article")

        def sqlite_shard():
            with Store(Path(tmp) / f"shard-{time.time_ns()}.db") as s:
                s.fast_commits()
                for a, r, e, g in batch:
                    s.save(a, r, e, None, signature=g)

        t_s, _ = cpu(sqlite_shard, 1)
        row("shard output", "per-shard SQLite through Store.save: worker writes", f"{t_s / len(batch) * 1e3:.2f} ms/article",
            "and the driver would then read the rows back and store them again")


# --------------------------------------------------------------------------- dask end to end
def bench_dask(pages: int, shard_kb: int, pairs: int = 3) -> None:
    """``ingest --dask local:1`` and ``local:2`` on the same file, alternated:
    ``pairs`` runs of ``local:2``, each between two of ``local:1`` (1, 2, 1,
    2, ..., 1). On a VM whose speed drifts by a third within minutes, one
    pair's efficiency read 0.75 to 1.08, so each ``local:2`` run is compared
    with the mean of the ``local:1`` runs right before and after it (a
    drift steady over the three cancels) and the row is the median of those
    ratios. The other rows are the runs' medians."""
    import subprocess

    from bench_e2e import byte_compile

    byte_compile(ROOT)  # the workers import pantau as an installed package would
    path = OUT / f"ccnews-target-{pages}.warc.gz"
    if not path.exists():
        ccnews.build(path, pages, target=1.0, page_kb=40, seed=19, truncate=False)

    def run(n: int) -> dict:
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [sys.executable, str(HERE / "dask_run.py"), str(path), str(Path(tmp) / "d.db"), f"local:{n}",
                   str(shard_kb << 10)]
            proc = subprocess.run(cmd, capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"dask run failed: {proc.stderr[-3000:]}")
            got = dict(line.split("=", 1) for line in proc.stdout.split() if "=" in line)
        return {"wall": float(got["wall"]), "merge": float(got["merge"]), "tail": float(got["tail"]),
                "merge_cpu": float(got["merge_cpu"]), "cpu": float(got["driver_cpu"]) + float(got["workers_cpu"]),
                "stored": int(got["stored"]), "shards": got["shards"]}

    runs: dict[int, list[dict]] = {1: [run(1)], 2: []}
    ratios = []
    for _ in range(pairs):
        runs[2].append(run(2))
        runs[1].append(run(1))
        t1 = (runs[1][-2]["wall"] + runs[1][-1]["wall"]) / 2
        ratios.append(t1 / (2 * runs[2][-1]["wall"]))
    for n in (1, 2):
        med = lambda k: statistics.median(r[k] for r in runs[n])  # noqa: E731
        wall, merge, tail, stored = med("wall"), med("merge"), med("tail"), runs[n][0]["stored"]
        if n == 1:
            MEASURED["worker_s_per_article"] = (wall - merge) / max(stored, 1)  # one worker's time per stored page
            MEASURED["merge_s_per_article"] = merge / max(stored, 1)
        walls = ", ".join(f"{r['wall']:.1f}" for r in runs[n])
        row("dask", f"ingest --dask local:{n}, {pages} target pages ({stored} stored, {runs[n][0]['shards']} shards "
                    f"of {shard_kb} kB)", f"{stored / wall:.1f} articles/s",
            f"median wall {wall:.1f} s (runs {walls}), workers warm")
        row("dask", f"merge (single writer), local:{n}", f"{merge / max(stored, 1) * 1e4:.1f} s per 10k articles",
            f"{merge / wall:.1%} of the run (target <= 10%); after the last task {tail:.2f} s, "
            f"{tail / wall:.1%} of the run")
        merge_cpu, cpu_all = med("merge_cpu"), med("cpu")
        row("dask", f"merge CPU, local:{n}", f"{merge_cpu / max(stored, 1) * 1e4:.1f} s per 10k articles",
            f"{statistics.median(r['merge_cpu'] / r['cpu'] for r in runs[n]):.1%} of the run's CPU (driver and "
            f"workers: {cpu_all / max(stored, 1) * 1e3:.1f} ms per article); the wall time above also counts "
            f"the merge's waits for a core the workers hold")
    row("dask", "parallel efficiency T1 / (2 x T2)", f"{statistics.median(ratios):.2f}",
        f"target >= 0.85; median of {pairs} local:2 runs, each against the local:1 runs before and after it: "
        f"{', '.join(f'{x:.2f}' for x in ratios)}")


def cost_table(records: float, share: float, mb_per_record: float, node_cores: int, gbit: float) -> None:
    """One month of CC-NEWS from the measured costs: CPU (prefilter over every
    record, parse + extract per passing page), the driver's serial merge, and
    the download the cluster must do, with the assumptions stated."""
    need = ("prefilter_s_per_record", "worker_s_per_article", "merge_s_per_article")
    if not all(k in MEASURED for k in need):
        print("\n(cost table: needs the prefilter and dask groups in the same run)")
        return
    passing = records * share
    cpu_s = records * MEASURED["prefilter_s_per_record"] + passing * MEASURED["worker_s_per_article"]
    merge_s = passing * MEASURED["merge_s_per_article"]
    gb = records * mb_per_record / 1e3
    print(f"\nOne month of CC-NEWS, assumed {records / 1e6:.1f} M records ({gb:,.0f} GB gzipped), "
          f"{share:.1%} passing the prefilter ({passing:,.0f} pages extracted); measured: prefilter "
          f"{MEASURED['prefilter_s_per_record'] * 1e3:.3f} ms CPU per record with decompression, parse + extract "
          f"{MEASURED['worker_s_per_article'] * 1e3:.0f} ms per passing page (one worker), merge "
          f"{MEASURED['merge_s_per_article'] * 1e3:.1f} ms per article (the driver, serial); download "
          f"{gbit:g} Gbit/s per {node_cores}-core node:\n")
    print("| cores | core-hours | CPU-bound wall | download floor | serial merge | wall (the largest) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for cores in (8, 64, 512):
        nodes = max(1, cores // node_cores)
        cpu_wall = cpu_s / cores
        net = gb * 8 / (gbit * nodes)
        wall = max(cpu_wall, net, merge_s)
        fmt = lambda x: str(dt.timedelta(seconds=int(x)))  # noqa: E731
        print(f"| {cores} | {cpu_s / 3600:.2f} | {fmt(cpu_wall)} | {fmt(net)} | {fmt(merge_s)} | {fmt(wall)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", default="reader,prefilter,store,shard,dask")
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--page-kb", type=int, default=100)
    ap.add_argument("--pages", type=int, default=800, help="target pages of the end-to-end run")
    ap.add_argument("--pairs", type=int, default=3,
                    help="local:2 runs of the end-to-end run, each between two local:1 runs (default 3; --quick: 1)")
    ap.add_argument("--shard-kb", type=int, default=256,
                    help="shard size of the end-to-end run, kB (default 256: ~35 pages of its 40 kB pages a shard)")
    ap.add_argument("--month-records", type=float, default=7.2e6,
                    help="CC-NEWS records in a month, for the cost table (default: ~240 files x 30,000)")
    ap.add_argument("--pass-share", type=float, default=0.005, help="share of records passing the prefilter")
    ap.add_argument("--mb-per-record", type=float, default=0.033, help="gzipped MB per record (1 GB / 30,000)")
    ap.add_argument("--node-cores", type=int, default=32)
    ap.add_argument("--gbit", type=float, default=1.0, help="download bandwidth per node, Gbit/s")
    a = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    groups = set(a.only.split(","))
    records = 20_000 if a.quick else a.records
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, Python {sys.version.split()[0]}",
          file=sys.stderr)
    if groups & {"reader", "prefilter"}:
        path = sample_file(records, a.page_kb)
        if "reader" in groups:
            bench_reader(path)
        if "prefilter" in groups:
            bench_prefilter(path)
    if "store" in groups:
        bench_store(2 if a.quick else 5)
    if "shard" in groups:
        bench_shard_output()
    if "dask" in groups:
        bench_dask(240 if a.quick else a.pages, a.shard_kb, 1 if a.quick else a.pairs)
    print("| group | what | figure | load, notes |")
    print("|---|---|---:|---|")
    for r in ROWS:
        print("| " + " | ".join(r) + " |")
    cost_table(a.month_records, a.pass_share, a.mb_per_record, a.node_cores, a.gbit)


if __name__ == "__main__":
    main()
