"""End-to-end throughput from stored HTML to SQLite, against the bare cost of
getting and splitting the text (trafilatura.extract + spaCy blank("id")
tokenizer) measured on the same pages in the same run.

    python benchmarks/bench_e2e.py            # 2,000 articles; 1k and 10k for scaling
    python benchmarks/bench_e2e.py --quick    # 300 articles, no 10k run
    python benchmarks/bench_e2e.py --n 1000 --no-scaling --workers 2
    python benchmarks/bench_e2e.py --no-scaling --workers 2,2,2,2,2   # median ratio of 5 runs

Each pantau run is a fresh process (``pipeline.py ingest FILE --workers N``)
into a fresh database, compared with a reference measured right before it
(on a VM whose speed drifts by a third within minutes, one reference at the
start had put two runs of the same hour at 1.62x and 2.18x) and, when more
than one run is asked for, right after it too (the reference line above a
run is then the mean of the two, :func:`bracket`); peak RSS is the
largest process of that run. Prints one table, a reference line above each
run. Besides wall-clock throughput it prints CPU time per article (all
processes of a run, start-up included) and its ratio to the reference's CPU
time: on a machine shared with other work the CPU figures move far less than
the wall-clock ones. pantau's modules are byte-compiled first, as an
installed package's are (:func:`byte_compile`), and each timed run follows
an untimed one-article ingest that reads pantau's files into the page cache
(:func:`warm_files`; ``--cold`` skips it): this VM's kernel pages out file
pages unused for a minute (DAMON ``pageout``), which added 2-4 s of disk
reads to a 20-40 s run's start, where a workstation's second run finds them
cached. The warm-up's own wall time is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from generate import generate  # noqa: E402


def byte_compile(tree: Path) -> None:
    """Byte-compile ``tree``'s package, as installing it does: with
    PYTHONDONTWRITEBYTECODE set (as in some sandboxes and containers), an
    editable install would otherwise compile every pantau module from source
    in every run (~0.25 s of CPU per start), while the reference's packages
    come with their bytecode."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "extractor")], check=True,
                   stdout=subprocess.DEVNULL)


def builds() -> str:
    """Python and the versions that set the NER's speed (spaCy's wheels for
    Python < 3.12 differ by 3.5x between 3.7 and 3.8: benchmarks/README.md)."""
    from importlib.metadata import version

    return f"Python {sys.version.split()[0]}, " + ", ".join(f"{d} {version(d)}" for d in ("spacy", "thinc", "numpy"))


def warm_files(jsonl: Path) -> float:
    """Ingest the first article of ``jsonl`` into a throw-away database
    (untimed for the benchmark): the modules, model and lexicons are then in
    the page cache. Returns its wall time."""
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.jsonl"
        with jsonl.open("r", encoding="utf-8") as f:
            one.write_text(f.readline(), "utf-8")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "pipeline.py"), "ingest", str(one), "--db", str(Path(tmp) / "w.db"),
                        "--all"], capture_output=True, check=True)
        return time.perf_counter() - t0


def run_pantau(jsonl: Path, workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        cmd = [sys.executable, str(ROOT / "pipeline.py"), "ingest", str(jsonl), "--db", str(db), "--workers",
               str(workers), "--all"]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if proc.returncode != 0:
            raise SystemExit(f"pantau failed: {proc.stderr[-2000:]}")
        import sqlite3

        conn = sqlite3.connect(db)
        n = conn.execute("select count(*) from articles").fetchone()[0]
        words = sum(len(t.split()) for (t,) in conn.execute("select text from articles"))
        errors = conn.execute("select count(*) from errors").fetchone()[0]
        return {"articles": n, "words": words, "wall": wall, "errors": errors,
                "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
                "peak_rss_mb": after.ru_maxrss / 1024}


def run_reference(jsonl: Path) -> dict:
    import spacy
    import trafilatura

    pages = [json.loads(line)["html"] for line in jsonl.read_text("utf-8").splitlines()]
    nlp = spacy.blank("id")
    t0, c0 = time.perf_counter(), time.process_time()
    words = 0
    for page in pages:
        text = trafilatura.extract(page) or ""
        words += len(nlp(text))
    return {"articles": len(pages), "wall": time.perf_counter() - t0, "tokens": words, "cpu": time.process_time() - c0}


def bracket(before: dict, after: Optional[dict]) -> dict:
    """The reference a run is compared with: the one measured right before it,
    or, when another was measured right after it, the two added together
    (pages and seconds), so its rate is their mean."""
    if after is None:
        return before
    return {k: before[k] + after[k] for k in ("articles", "wall", "tokens", "cpu")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--no-scaling", action="store_true", help="skip the 1k/10k scaling run")
    ap.add_argument("--workers", default="1,2",
                    help="pantau runs, comma-separated worker counts (default 1,2), each between two references "
                         "(the one after a run is the next run's before); a count given more than once is run that "
                         "many times and the median ratio printed")
    ap.add_argument("--cold", action="store_true",
                    help="no untimed one-article ingest before each run (files may have to be read from disk)")
    args = ap.parse_args()
    n = 300 if args.quick else args.n
    out = HERE / "out"
    main_file = generate(n, out / f"articles-{n}.jsonl")
    rows = []
    byte_compile(ROOT)
    warmups = []
    counts = [int(w) for w in args.workers.split(",")]
    ref = run_reference(main_file)  # right before the run it is compared with: the VM's speed drifts
    for workers in counts:
        if not args.cold:
            warmups.append(warm_files(main_file))
        r = run_pantau(main_file, workers)
        # and right after it (the next run's reference before it): the run is compared with the mean of
        # the two, which takes out a drift of the VM's speed that is steady over the three
        after = run_reference(main_file) if len(counts) > 1 else None
        rows.append((f"pantau {n}, {workers} worker(s)", r, bracket(ref, after)))
        ref = after
    print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d %H:%M')}; load average {os.getloadavg()[0]:.1f}; "
          f"{builds()}")
    print(f"{'run':<28} {'articles/s':>10} {'words/s':>9} {'peak RSS MB':>11} {'x reference':>11} {'errors':>6} "
          f"{'CPU ms/art':>10} {'CPU x ref':>9}")
    for name, r, ref in rows:
        per_ref, cpu_ref = ref["wall"] / ref["articles"], ref["cpu"] / ref["articles"]
        print(f"{'trafilatura+blank tokenizer':<28} {ref['articles'] / ref['wall']:>10.1f} {'':>9} {'':>11} "
              f"{1.0:>11.2f} {'':>6} {1000 * cpu_ref:>10.1f} {1.0:>9.2f}")
        per, cpu = r["wall"] / r["articles"], r["cpu"] / r["articles"]
        print(f"{name:<28} {r['articles'] / r['wall']:>10.1f} {r['words'] / r['wall']:>9.0f} "
              f"{r['peak_rss_mb']:>11.0f} {per / per_ref:>11.2f} {r['errors']:>6} {1000 * cpu:>10.1f} "
              f"{cpu / cpu_ref:>9.2f}")
    if warmups:
        print("untimed one-article ingest before each run (page cache): "
              + ", ".join(f"{w:.2f} s" for w in warmups))
    by_workers: dict[str, list[float]] = {}
    for name, r, ref in rows:
        by_workers.setdefault(name, []).append((r["wall"] / r["articles"]) / (ref["wall"] / ref["articles"]))
    for name, ratios in by_workers.items():
        if len(ratios) > 1:
            print(f"{name}: median x reference {statistics.median(ratios):.2f} over {len(ratios)} runs, each against "
                  f"the references right before and after it ({', '.join(f'{x:.2f}' for x in ratios)})")
    if not args.quick and not args.no_scaling:
        small_file, big_file = generate(1000, out / "articles-1000.jsonl"), generate(10000, out / "articles-10000.jsonl")
        if not args.cold:
            warm_files(small_file)
        small = run_pantau(small_file, 2)
        if not args.cold:
            warm_files(big_file)
        big = run_pantau(big_file, 2)
        print(f"scaling 10k/1k (2 workers): {big['wall'] / small['wall']:.2f}  "
              f"(1k {small['wall']:.1f}s, 10k {big['wall']:.1f}s; 10k peak RSS {big['peak_rss_mb']:.0f} MB)")


if __name__ == "__main__":
    main()
