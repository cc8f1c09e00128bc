"""Fuzz the text entry points (issue 16) with the properties of
tests/fuzzing.py: cleaning, dates, places, officials, the whole extraction
of a text, and the HTML reader, each on N examples (default 10,000) drawn by
hypothesis with fresh randomness. A crash is anything but pantau's own
errors raised, or a broken promise (an offset outside the text, a date that
is no day, cleaning that is not idempotent). Prints per property the
examples run, crashes and distinct crashes (by exception type and place),
the seconds taken (wall and CPU: the machine may be shared), the load
average, and the first example of each distinct crash.

    python benchmarks/fuzz.py                     # 10,000 per property
    python benchmarks/fuzz.py -n 2000 --only clean dates
    python benchmarks/fuzz.py --seed 7 --json

Target: 0 crashes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed as hseed, settings  # noqa: E402

from tests.fuzzing import PROPERTIES  # noqa: E402


def where(exc: BaseException) -> str:
    """The innermost frame of pantau's code the exception passed through."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/extractor/" in f.filename
              or "fuzzing.py" in f.filename]
    f = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{Path(f.filename).name}:{f.lineno}"


def run(name: str, n: int, seed: int) -> dict:
    strategy, check = PROPERTIES[name]
    crashes: dict[str, dict] = {}
    count = {"examples": 0, "crashes": 0}

    @hseed(seed)
    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def prop(args):
        count["examples"] += 1
        try:
            check(*args)
        except Exception as exc:  # a crash: counted, and the run goes on
            count["crashes"] += 1
            key = f"{type(exc).__name__} at {where(exc)}"
            crashes.setdefault(key, {"count": 0, "example": repr(args)[:300], "message": str(exc)[:200]})
            crashes[key]["count"] += 1

    t, cpu = time.perf_counter(), time.process_time()
    prop()
    return {"property": name, **count, "distinct": len(crashes), "seconds": round(time.perf_counter() - t, 1),
            "cpu": round(time.process_time() - cpu, 1), "crashes_by_kind": crashes}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=10_000, help="examples per property (default 10,000)")
    ap.add_argument("--only", nargs="*", choices=sorted(PROPERTIES), help="these properties only")
    ap.add_argument("--seed", type=int, default=int(time.time()), help="hypothesis seed (default: the time)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON too")
    args = ap.parse_args()
    results = []
    print(f"seed {args.seed}, {args.n} examples per property")
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'property':<10} {'examples':>9} {'crashes':>8} {'distinct':>9} {'seconds':>8} {'cpu s':>8}")
    for name in args.only or sorted(PROPERTIES):
        r = run(name, args.n, args.seed)
        results.append(r)
        print(f"{name:<10} {r['examples']:>9} {r['crashes']:>8} {r['distinct']:>9} {r['seconds']:>8} {r['cpu']:>8}",
              flush=True)
        for key, c in r["crashes_by_kind"].items():
            print(f"    {c['count']} x {key}: {c['message']}\n      e.g. {c['example']}")
    total = sum(r["crashes"] for r in results)
    print(f"total: {sum(r['examples'] for r in results)} examples, {total} crashes; load average "
          f"{os.getloadavg()[0]:.1f}")
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
