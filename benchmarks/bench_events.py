"""Time of the event stage (``find_events``) against the whole extraction, on the gold texts.

    python benchmarks/bench_events.py [--gold corpus/dev/gold.jsonl] [--rounds 5]

Runs the pipeline once over every gold article, keeping the arguments the
events component passes to ``find_events``; then, ``--rounds`` times, times
``find_events`` alone over those inputs and the whole ``extract_many`` over the
same articles, and prints the best round of each: ms per article for both and
the events' share of the extraction (the reference, measured in the same run).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv=None) -> int:
    from extractor.evaluate import load_gold
    from extractor.html import article_from_text
    from extractor.nlp import events as events_mod
    from extractor.nlp import extract_many
    from extractor.nlp import pipeline as pl

    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parents[1] / "corpus/dev/gold.jsonl"))
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args(argv)

    gold = load_gold(args.gold, "all")
    arts = [article_from_text(g["article"]["text"], g["article"].get("url") or g["id"],
                              title=g["article"].get("title") or "", published=g["article"].get("published"))
            for g in gold]
    calls = []
    real = pl.find_events

    def keep(*a, **kw):
        calls.append((a, kw))
        return real(*a, **kw)

    pl.find_events = keep
    try:
        list(extract_many(arts))
    finally:
        pl.find_events = real

    best_ev = best_all = float("inf")
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for a, kw in calls:
            events_mod.find_events(*a, **kw)
        best_ev = min(best_ev, time.perf_counter() - t0)
        t0 = time.perf_counter()
        list(extract_many(arts))
        best_all = min(best_all, time.perf_counter() - t0)
    n = len(calls)
    print(f"articles: {n}, rounds: {args.rounds} (best round)")
    print(f"{'stage':<12} {'ms/article':>10}")
    print(f"{'find_events':<12} {1000 * best_ev / n:>10.2f}")
    print(f"{'extraction':<12} {1000 * best_all / n:>10.2f}")
    print(f"events share of extraction: {best_ev / best_all:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
