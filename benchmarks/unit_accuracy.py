"""Officials' units against the gold's, strict and as ``pipeline.py eval`` scores them, with a list:

    python benchmarks/unit_accuracy.py                    # per split, strict and lenient
    python benchmarks/unit_accuracy.py --list             # every official whose unit differs
    PYTHONPATH=OTHER_TREE python benchmarks/unit_accuracy.py --dump /tmp/a.jsonl   # another tree's, to compare

Officials are matched by name (case and spaces folded) within each gold
article; of those matched, the unit is right **strictly** when it equals the
gold's (case and spaces folded) and **leniently** when it does with the
words ``eval``'s unit accuracy folds left out (``extractor.evaluate._unit``:
``KPU Kabupaten Bima`` = ``KPU Bima``, ``Kabupaten Pohuwato`` = ``Pemkab
Pohuwato``): the gold and pantau write the same unit in different
conventions, so the lenient figure is the one to read; the list shows what
remains. (``eval`` matches names its own way, so its counts differ a little.)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folded(unit) -> str:
    return " ".join((unit or "").casefold().split())


def lenient(unit) -> str:
    from extractor.evaluate import _unit

    return _unit(unit)


def rows(gold_path: Path) -> list[dict]:
    from extractor.nlp import extract_many
    from extractor.types import Article

    gold = [json.loads(x) for x in gold_path.read_text("utf-8").splitlines() if x.strip()]
    arts = [Article(url=g["article"].get("url") or f"https://gold.test/{g['id']}", text=g["article"]["text"],
                    title=g["article"].get("title", ""), published=g["article"].get("published")) for g in gold]
    out = []
    for g, ex in zip(gold, extract_many(arts)):
        got = {folded(o.name): o for o in ex.officials}
        for o in g["officials"]:
            e = got.get(folded(o["name"]))
            out.append({"id": g["id"], "split": g["split"], "name": o["name"], "position": o.get("position"),
                        "gold": o.get("unit"), "matched": e is not None, "got": e.unit if e else None})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=str(ROOT / "corpus" / "dev" / "gold.jsonl"))
    ap.add_argument("--list", action="store_true", help="every matched official whose unit differs (lenient)")
    ap.add_argument("--dump", help="write the rows as JSONL here")
    a = ap.parse_args()
    rs = rows(Path(a.gold))
    c: Counter = Counter()
    for r in rs:
        for key in (r["split"], "all"):
            c[key, "gold"] += 1
            if r["matched"]:
                c[key, "matched"] += 1
                c[key, "strict"] += folded(r["gold"]) == folded(r["got"])
                c[key, "lenient"] += lenient(r["gold"]) == lenient(r["got"])
    print("split    officials matched  strict  lenient")
    for key in [*dict.fromkeys(r["split"] for r in rs), "all"]:
        m = max(c[key, "matched"], 1)
        print(f"{key:8} {c[key, 'gold']:9} {c[key, 'matched']:7}  {c[key, 'strict'] / m:.3f}   {c[key, 'lenient'] / m:.3f}")
    if a.list:
        for r in rs:
            if r["matched"] and lenient(r["gold"]) != lenient(r["got"]):
                print(f"{r['id']} | {r['position']} | gold {r['gold']} | got {r['got']}")
    if a.dump:
        Path(a.dump).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rs), "utf-8")


if __name__ == "__main__":
    sys.exit(main())
