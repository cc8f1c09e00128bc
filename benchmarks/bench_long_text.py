"""Texts over spaCy's max_length (issue 16, item 7): ``pantau ingest`` of one
plain-text file of 1.1 MB and of 9.5 MB (over spaCy's 1,000,000 characters,
which raised E088 before), against one ordinary article in the same run.
Each ingest runs in a process of its own into a fresh database; the script
prints its seconds, peak memory (max RSS of the process), the characters
stored and the records extracted, and whether any error was recorded.

The texts are the cleaned texts of corpus/dev (real articles), repeated to
length, each repetition's paragraphs marked with an edition number so that
no paragraph repeats (cleaning drops repeated paragraphs).

    python benchmarks/bench_long_text.py                 # 5 KB, 1.1 MB, 9.5 MB
    python benchmarks/bench_long_text.py --sizes 5000 1100000
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def texts() -> list[str]:
    from extractor.html import article_from_text

    out = []
    for line in (ROOT / "corpus" / "dev" / "gold.jsonl").read_text("utf-8").splitlines():
        a = json.loads(line)["article"]
        out.append(article_from_text(a["text"], title=a.get("title") or "").text)
    return out


def long_text(size: int, pieces: list[str]) -> str:
    parts, n, i = [], 0, 0
    while n < size:
        t = pieces[i % len(pieces)]
        edition = i // len(pieces)
        if edition:
            t = "\n\n".join(f"{p} (Edisi {edition}.)" for p in t.split("\n\n"))
        parts.append(t)
        n += len(t) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def ingest(path: Path, db: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    got = subprocess.run([sys.executable, str(ROOT / "pipeline.py"), "ingest", str(path), "--all", "--db", str(db)],
                         capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far (KiB)
    conn = sqlite3.connect(db)
    row = conn.execute("select length(text), extracted from articles").fetchone() or (0, 0)
    counts = {t: conn.execute(f"select count(*) from {t}").fetchone()[0]
              for t in ("official_mentions", "place_mentions", "date_mentions", "events", "errors")}
    conn.close()
    return {"exit": got.returncode, "seconds": round(seconds, 1), "peak_mb": round(peak / 1024) if peak > before
            else None, "stored_chars": row[0], "extracted": row[1], **counts,
            "error": got.stderr.strip().splitlines()[-1] if got.returncode else ""}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", nargs="*", type=int, default=[5_000, 1_100_000, 9_500_000])
    args = ap.parse_args()
    pieces = texts()
    work = Path(tempfile.mkdtemp(prefix="pantau-long-"))
    try:
        template = work / "template.db"
        subprocess.run([sys.executable, "-c", f"from extractor.store import Store; Store({str(template)!r}).close()"],
                       check=True, cwd=ROOT)
        print(f"{'chars':>10} {'exit':>4} {'seconds':>8} {'peak MB':>8} {'stored':>10} {'mentions':>9} "
              f"{'places':>7} {'dates':>6} {'events':>7} {'errors':>6}")
        for size in sorted(args.sizes):  # ascending, so each peak is its own (max RSS only grows)
            folder = work / f"in-{size}"
            folder.mkdir()
            (folder / "text.txt").write_text(long_text(size, pieces), "utf-8")
            db = work / f"{size}.db"
            shutil.copy(template, db)
            r = ingest(folder, db)
            print(f"{size:>10} {r['exit']:>4} {r['seconds']:>8} {str(r['peak_mb']):>8} {r['stored_chars']:>10} "
                  f"{r['official_mentions']:>9} {r['place_mentions']:>7} {r['date_mentions']:>6} {r['events']:>7} "
                  f"{r['errors']:>6}  {r['error']}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
