"""Time of the place and date rules per article, over the gold texts.

    python benchmarks/bench_places_dates.py [--gold corpus/dev/gold.jsonl] [--rounds 7] [--json]

Cleans each gold article as ``eval`` does (``article_from_text``), warms the
gazetteer and lexicons once, then times ``find_places`` and ``find_dates``
over all texts, ``--rounds`` times, and prints the median ms per article of
each (and their sum). Compare two commits by running it at both on a quiet
machine; the ratio matters, not the absolute figure.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=Path(__file__).resolve().parents[1] / "corpus" / "dev" / "gold.jsonl")
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--json", action="store_true", help="print one JSON line instead of a table")
    args = ap.parse_args(argv)

    from extractor.evaluate import load_gold
    from extractor.html import article_from_text
    from extractor.nlp.dates import find_dates
    from extractor.nlp.places import find_places

    gold = load_gold(args.gold)
    arts = [article_from_text(g["article"]["text"], g["article"].get("url") or g.get("id", ""),
                              title=g["article"].get("title") or "", published=g["article"].get("published"))
            for g in gold]
    texts = [(a.text, a.published, getattr(a, "dateline", "") or "") for a in arts]
    t0 = time.perf_counter()
    find_places(texts[0][0], dateline=texts[0][2])
    find_dates(texts[0][0], texts[0][1])
    warm = time.perf_counter() - t0

    def run(fn) -> float:
        t = time.perf_counter()
        fn()
        return (time.perf_counter() - t) * 1000 / len(texts)

    places, dates = [], []
    for _ in range(args.rounds):
        places.append(run(lambda: [find_places(t, dateline=d) for t, p, d in texts]))
        dates.append(run(lambda: [find_dates(t, p) for t, p, d in texts]))
    out = {"articles": len(texts), "rounds": args.rounds, "warm_up_s": round(warm, 2),
           "places_ms": round(statistics.median(places), 3), "dates_ms": round(statistics.median(dates), 3)}
    out["sum_ms"] = round(out["places_ms"] + out["dates_ms"], 3)
    if args.json:
        print(json.dumps(out))
    else:
        print(f"articles {out['articles']}, {out['rounds']} rounds, warm-up {out['warm_up_s']} s (gazetteer, lexicons)")
        print(f"{'stage':<12} {'ms/article (median)':>20}")
        for name in ("places", "dates", "sum"):
            print(f"{name:<12} {out[name + '_ms']:>20.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
