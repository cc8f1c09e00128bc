"""The single writer's cost as the database grows: what the Dask merge (and a
long ingest) pays after tens of thousands of articles, not on a fresh file.

    python benchmarks/bench_writer_growth.py                 # 10 blocks of 2,000 articles (~20k), both settings
    python benchmarks/bench_writer_growth.py --blocks 25     # ~50k articles
    python benchmarks/bench_writer_growth.py --blocks 50 --now-only
    python benchmarks/bench_writer_growth.py --settings shard,now   # the Dask merge's transactions, before and now

The articles are the 400 generated pages of ``generate.py``, extracted once
(``bench_cluster.extracted``, cached in ``benchmarks/out``), stored again and
again under new URLs, each copy with a random near-duplicate signature: its 42
band keys spread over the index as distinct texts' do (copies of one text
would share their keys and touch the same pages). Stored through
:class:`extractor.store.Batch` as ``store_results`` stores, in two settings,
each into its own fresh database, side by side in one run:

* ``before``: the writer before the ninth pass: at most 64 articles to a
  transaction, SQLite's default 2 MiB page cache;
* ``shard``: the Dask merge before the tenth pass: a transaction per shard
  of 35 articles (what a 256 MiB shard of CC-NEWS passes), the page cache of
  ``now``;
* ``now``: :data:`extractor.batch.BATCH` articles or one second to a
  transaction (at ~1 ms per article the second ends it first), the page cache
  :data:`extractor.store.WRITER_CACHE_KIB` while the batch is open; the Dask
  merge's transactions span shards the same way.

``--settings`` picks them (default ``before,now``).

Per block of 2,000 articles: CPU (user + system) and wall ms per article, and
the bytes the process wrote (``wchar`` of ``/proc/self/io``: the WAL and the
checkpoints) per article. The blocks alternate between the two settings, so
a drift of the machine's speed touches both.

``--pages`` then stores 1,000 more articles into the last setting's database in one
transaction with the WAL's checkpoints held back, and counts the pages that
transaction wrote by the table or index that owns them (the WAL's frame
headers against SQLite's ``dbstat``): which B-trees a grown database's
commits rewrite.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

BLOCK = 2000
SHARD = 35  # articles per shard of the Dask merge (bench_cluster's --shard-kb 256)
SETTINGS = ("before", "shard", "now")


def _written() -> int:
    """Bytes this process has written through write(2) and friends, or 0 where /proc has no io file."""
    try:
        with open("/proc/self/io") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("wchar"))
    except (OSError, StopIteration):
        return 0


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _block(results: list, k: int, rnd: random.Random) -> list:
    """``BLOCK`` articles from ``results`` (``bench_cluster._copies``: block ``k``'s copies, URLs
    no other block has), each with a random signature."""
    from bench_cluster import _copies

    from extractor.dedup import Signature

    times = -(-BLOCK // len(results))
    return [(a, rel, ex, sig and Signature(rnd.randbytes(len(sig.values)),
                                           tuple(rnd.getrandbits(63) - (1 << 62) for _ in sig.bands)))
            for a, rel, ex, sig in _copies(results, times, first=k * times)[:BLOCK]]


def _store(store, block: list, setting: str) -> None:
    from extractor.batch import BATCH

    if setting == "before":
        with store.batch(64, seconds=1e9) as b:
            b.conn.execute("PRAGMA cache_size = -2000")  # SQLite's default, set back when the batch ends
            for a, rel, ex, sig in block:
                b.save(a, rel, ex, None, sig)
    elif setting == "shard":
        for i in range(0, len(block), SHARD):
            with store.batch(BATCH, seconds=1e9) as b:
                for a, rel, ex, sig in block[i:i + SHARD]:
                    b.save(a, rel, ex, None, sig)
    else:
        with store.batch(BATCH) as b:
            for a, rel, ex, sig in block:
                b.save(a, rel, ex, None, sig)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--blocks", type=int, default=10, help="blocks of 2,000 articles per setting (default 10)")
    ap.add_argument("--now-only", action="store_true", help="only the writer as it is now (--settings now)")
    ap.add_argument("--settings", default="before,now",
                    help=f"which writers, side by side, comma-separated: {', '.join(SETTINGS)} (default before,now)")
    ap.add_argument("--pages", action="store_true",
                    help="then the pages one 1,000-article transaction writes, by table or index")
    args = ap.parse_args(argv)

    from bench_cluster import extracted

    from extractor.batch import BATCH
    from extractor.store import WRITER_CACHE_KIB, Store

    results = extracted()
    settings = ("now",) if args.now_only else tuple(args.settings.split(","))
    if not settings or any(x not in SETTINGS for x in settings):
        ap.error(f"--settings: some of {', '.join(SETTINGS)}")
    print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d %H:%M')}; load average "
          f"{os.getloadavg()[0]:.1f}; blocks of {BLOCK:,} articles")
    what = {"before": "64 articles per transaction, 2 MiB page cache",
            "shard": f"{SHARD} articles per transaction, {WRITER_CACHE_KIB // 1024} MiB page cache",
            "now": f"{BATCH} articles or 1 s per transaction, {WRITER_CACHE_KIB // 1024} MiB page cache"}
    for s in settings:
        print(f"{s}: {what[s]}")
    first, last = settings[0], settings[-1]
    print(f"{'articles':>9} | " + " | ".join(f"{s + ': CPU':>11} {'wall':>6} {'KB written':>10}" for s in settings)
          + (f" | {f'CPU {last}/{first}':>14}" if len(settings) > 1 else "") + "   (ms and KB per article)")
    rnd = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        stores = {s: Store(Path(tmp) / f"{s}.db") for s in settings}
        try:
            for k in range(args.blocks):
                block = _block(results, k, rnd)
                got = {}
                for s in (settings if k % 2 == 0 else settings[::-1]):
                    w0, c0, t0 = _written(), _cpu(), time.perf_counter()
                    _store(stores[s], block, s)
                    got[s] = ((_cpu() - c0) / BLOCK * 1e3, (time.perf_counter() - t0) / BLOCK * 1e3,
                              (_written() - w0) / BLOCK / 1024)
                cells = " | ".join(f"{got[s][0]:>11.2f} {got[s][1]:>6.2f} {got[s][2]:>10.0f}" for s in settings)
                ratio = f" | {got[last][0] / got[first][0]:>14.2f}" if len(settings) > 1 else ""
                print(f"{(k + 1) * BLOCK:>9,} | {cells}{ratio}", flush=True)
            if args.pages:
                _pages(stores[last], _block(results, args.blocks, rnd)[:1000])
        finally:
            for s in stores.values():
                s.close()
    return 0


def _pages(store, block: list) -> None:
    """The pages one transaction of ``block`` writes, by the table or index that owns them."""
    import collections
    import struct

    conn = store.db.conn
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with store.batch(len(block), seconds=1e9) as b:
        for a, rel, ex, sig in block:
            b.save(a, rel, ex, None, sig)
    wal = Path(str(store.path) + "-wal").read_bytes()
    size = struct.unpack(">I", wal[8:12])[0]
    pages = {struct.unpack(">I", wal[off:off + 4])[0] for off in range(32, len(wal) - 23 - size, 24 + size)}
    try:
        owner = dict(conn.execute("select pageno, name from dbstat").fetchall())
    except Exception as exc:  # noqa: BLE001 - an SQLite built without the dbstat table
        print(f"pages: no dbstat in this SQLite ({exc})")
        return
    by = collections.Counter(owner.get(p, "(new or free page)") for p in pages)
    print(f"one transaction of {len(block):,} articles wrote {len(pages):,} pages ({len(pages) * size / len(block) / 1024:.0f} "
          f"KB per article to the WAL, as much again when checkpointed):")
    for name, n in by.most_common(12):
        print(f"  {n:>7,} {n / len(pages):>6.1%}  {name}")


if __name__ == "__main__":
    sys.exit(main())
