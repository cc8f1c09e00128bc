"""One timed distributed ingest for ``bench_cluster.py``, in its own process:

    python benchmarks/dask_run.py INPUT DB local:N

Starts the cluster and loads the extraction model on every worker first
(so start-up is not timed), then runs ``extractor.cluster.ingest`` and prints
``wall= merge= stored=`` (seconds, seconds, articles).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    src, db, spec = sys.argv[1:4]
    from extractor.cluster import connect, warm
    from extractor.run import ingest_distributed
    from extractor.store import Store

    with connect(spec, lambda s: print(s, file=sys.stderr)) as client:
        warm(client)
        with Store(db) as store:
            t0 = time.perf_counter()
            summary, stats = ingest_distributed(store, [src], dask=spec, client=client, shard_size=1 << 20,
                                                say=lambda s: print(s, file=sys.stderr))
            wall = time.perf_counter() - t0
    print(f"wall={wall:.3f} merge={stats['merge_seconds']:.3f} stored={summary.stored}")


if __name__ == "__main__":
    main()
