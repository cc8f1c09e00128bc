"""One timed distributed ingest for ``bench_cluster.py``, in its own process:

    python benchmarks/dask_run.py INPUT DB local:N [SHARD_BYTES]

Starts the cluster and loads the extraction model on every worker first,
and the tables the driver's writer reads (``store.command.warm``; opening a
new store built them before new databases were copied from a template), so
start-up is not timed; then runs ``extractor.cluster.ingest`` (shards of
SHARD_BYTES, default 1 MiB) and prints ``wall= merge= tail= merge_cpu= driver_cpu= workers_cpu= stored= shards=``
(seconds: the run, the merge, the merge after the last task ended; CPU seconds
of the merge's thread, of the driver process (client, scheduler and merge) and
of the worker processes, all during the run; articles stored; shards).
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    src, db, spec = sys.argv[1:4]
    shard_size = int(sys.argv[4]) if len(sys.argv) > 4 else 1 << 20
    from extractor.cluster import connect, warm
    from extractor.run import ingest_distributed
    from extractor.store import Store
    from extractor.store.command import warm as warm_writer

    with connect(spec, lambda s: print(s, file=sys.stderr)) as client:
        warm(client)
        with Store(db) as store:
            warm_writer()
            workers0, driver0 = sum(client.run(_cpu).values()), _cpu()
            t0 = time.perf_counter()
            summary, stats = ingest_distributed(store, [src], dask=spec, client=client, shard_size=shard_size,
                                                say=lambda s: print(s, file=sys.stderr))
            wall = time.perf_counter() - t0
            workers, driver = sum(client.run(_cpu).values()) - workers0, _cpu() - driver0
    print(f"wall={wall:.3f} merge={stats['merge_seconds']:.3f} tail={stats['merge_tail_seconds']:.3f} "
          f"merge_cpu={stats['merge_cpu_seconds']:.3f} driver_cpu={driver:.3f} workers_cpu={workers:.3f} "
          f"stored={summary.stored} shards={stats['shards']}")


def _cpu() -> float:
    """User and system CPU seconds of this process (run on each worker by ``client.run``)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


if __name__ == "__main__":
    main()
