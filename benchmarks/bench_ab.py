"""Two trees of pantau, alternated, on one real run each: ``pipeline.py ingest
FILE --all --workers N`` into a new database, wall and CPU (all processes).

    python benchmarks/bench_ab.py /path/to/other/tree            # this tree vs another, 2 pairs
    python benchmarks/bench_ab.py OTHER --workers 1 --pairs 3 --n 2000

On a machine whose speed drifts (a shared VM: 30-40% within an hour), only
runs alternated within minutes compare; this prints each run and the
medians. Pages: ``generate.py`` (N pages, seed 7), the same file for both.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_e2e import byte_compile  # noqa: E402
from generate import generate  # noqa: E402


def run(tree: Path, pages: Path, workers: int) -> tuple[float, float]:
    """(wall s, CPU s of the run's processes)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(tree))
        cmd = [sys.executable, str(tree / "pipeline.py"), "ingest", str(pages), "--db", str(Path(tmp) / "ab.db"),
               "--all", "--workers", str(workers)]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            raise SystemExit(f"{tree}: {proc.stderr.strip()[-500:]}")
        return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("other", type=Path, help="the other tree (a git worktree of another commit)")
    ap.add_argument("--n", type=int, default=2000, help="generated pages (default 2000)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pairs", type=int, default=2)
    a = ap.parse_args()
    trees = {"this": HERE.parent, "other": a.other.resolve()}
    pages = generate(a.n, HERE / "out" / f"articles-{a.n}.jsonl")
    for tree in trees.values():
        byte_compile(tree)  # both trees as installed packages are
    got: dict[str, list[tuple[float, float]]] = {k: [] for k in trees}
    for i in range(a.pairs):
        order = list(trees) if i % 2 == 0 else list(trees)[::-1]
        for name in order:
            wall, cpu = run(trees[name], pages, a.workers)
            got[name].append((wall, cpu))
            print(f"{time.strftime('%H:%M:%S')} {name:<5} {trees[name]}: {a.n / wall:6.1f} articles/s, wall {wall:6.1f} s, "
                  f"CPU {1000 * cpu / a.n:5.1f} ms/article (load {os.getloadavg()[0]:.1f})", flush=True)
    for name, runs in got.items():
        wall = statistics.median(w for w, _ in runs)
        cpu = statistics.median(c for _, c in runs)
        print(f"median {name:<5}: {a.n / wall:6.1f} articles/s, CPU {1000 * cpu / a.n:5.1f} ms/article")


if __name__ == "__main__":
    main()
