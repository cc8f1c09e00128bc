"""Time per article of the officials rules and their lexicon regexes.

    python benchmarks/bench_rules.py [--gold corpus/dev/gold.jsonl] [--repeat 3]

On the gold texts (every split), one process, best of ``--repeat`` passes,
milliseconds per article for: a plain word scan (the reference), the
``position_re`` and ``rank_re`` scans, ``find_officials`` and
``find_candidates`` (when the tree has it), the whole ``extract`` (spaCy
pipeline, NER included), and the lexicon's build time. Run it from two trees
(``PYTHONPATH=<tree> python <tree>/benchmarks/bench_rules.py``) to compare
commits; the reference row tells a busier machine from slower rules.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def best_ms(fn, items, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for x in items:
            fn(x)
        best = min(best, time.perf_counter() - t)
    return 1000 * best / len(items)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(ROOT / "corpus" / "dev" / "gold.jsonl"))
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [json.loads(line)["article"]["text"] for line in Path(args.gold).read_text("utf-8").splitlines()
             if line.strip()]

    t = time.perf_counter()
    from extractor.nlp.lexicon import lexicon
    from extractor.nlp.officials import find_officials

    lex = lexicon()
    build = time.perf_counter() - t
    words = re.compile(r"\w+")
    rows = [
        ("reference: word scan", lambda s: sum(1 for _ in words.finditer(s))),
        ("position_re scan", lambda s: sum(1 for _ in lex.position_re.finditer(s))),
        ("rank_re scan", lambda s: sum(1 for _ in lex.rank_re.finditer(s))),
        ("find_officials", find_officials),
    ]
    try:
        from extractor.nlp.candidates import find_candidates

        rows.append(("find_candidates", find_candidates))
    except ImportError:
        pass
    print(f"{len(texts)} articles, best of {args.repeat}; lexicon built in {1000 * build:.0f} ms "
          f"({len(lex.position_by_variant)} position forms)")
    for name, fn in rows:
        print(f"{name:<24} {best_ms(fn, texts, args.repeat):8.3f} ms/article")
    from extractor.html import article_from_text
    from extractor.nlp import extract_many

    arts = [article_from_text(s, f"https://bench.example/{i}") for i, s in enumerate(texts)]
    list(extract_many(arts[:4]))  # load the pipeline once
    best = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        list(extract_many(arts))
        best = min(best, time.perf_counter() - t)
    print(f"{'extract (whole pipeline)':<24} {1000 * best / len(arts):8.3f} ms/article")


if __name__ == "__main__":
    main()
