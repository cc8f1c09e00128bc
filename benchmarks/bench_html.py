"""HTML stage: time per page against trafilatura's bare ``extract()`` on the
same pages in the same run, and main-text precision/recall on the sample
pages of corpus/samples/ (gold text in expected.jsonl).

    python benchmarks/bench_html.py              # 7 rounds
    python benchmarks/bench_html.py --rounds 15 --json

Per round every sample is parsed by both, alternating which goes first; the
time per page is the median over rounds of (time for the sample / its
pages), summed over samples and divided by the page count. Precision and
recall are over word tokens (multisets, lowercased): precision = shared /
extracted, recall = shared / gold; pooled over all samples and the worst
single sample. trafilatura gets the raw bytes exactly as pantau does, no
options. Targets (issue 5): time ratio <= 1.5, precision and recall >= 0.97.
Also prints the near-duplicate signature cost per article. Prints a table.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from extractor import dedup  # noqa: E402
from extractor.html import article_from_pages  # noqa: E402

SAMPLES = ROOT / "corpus" / "samples"


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def pr(got: str, gold: str) -> tuple[int, int, int]:
    g, o = tokens(gold), tokens(got)
    return sum((g & o).values()), sum(o.values()), sum(g.values())


def load() -> list[dict]:
    out = []
    for line in (SAMPLES / "expected.jsonl").read_text("utf-8").splitlines():
        x = json.loads(line)
        x["pages"] = [(SAMPLES / f).read_bytes() for f in x["files"]]
        out.append(x)
    return out


def ours(x: dict) -> str:
    return article_from_pages(x["pages"], x["url"], page_urls=x["page_urls"]).text


def theirs(x: dict) -> str:
    return "\n".join(trafilatura.extract(p) or "" for p in x["pages"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args()
    samples = load()
    n_pages = sum(len(x["pages"]) for x in samples)
    size = sum(len(p) for x in samples for p in x["pages"])
    for x in samples:  # warm up: profiles, regexes, trafilatura's own caches
        ours(x), theirs(x)
    t_ours: dict[str, list[float]] = defaultdict(list)
    t_theirs: dict[str, list[float]] = defaultdict(list)
    for r in range(args.rounds):
        for x in samples:
            order = (("o", ours), ("t", theirs)) if r % 2 == 0 else (("t", theirs), ("o", ours))
            for who, fn in order:
                t0 = time.perf_counter()
                fn(x)
                dt = time.perf_counter() - t0
                (t_ours if who == "o" else t_theirs)[x["id"]].append(dt)
    med_o = {k: statistics.median(v) for k, v in t_ours.items()}
    med_t = {k: statistics.median(v) for k, v in t_theirs.items()}

    by_outlet: dict[str, dict] = defaultdict(lambda: {"pages": 0, "o": 0.0, "t": 0.0, "po": [0, 0, 0], "pt": [0, 0, 0]})
    worst_o, worst_t = (1.0, 1.0, ""), (1.0, 1.0, "")
    for x in samples:
        b = by_outlet[x["outlet"]]
        b["pages"] += len(x["pages"])
        b["o"] += med_o[x["id"]]
        b["t"] += med_t[x["id"]]
        for key, text in (("po", ours(x)), ("pt", theirs(x))):
            s, o, g = pr(text, x["text"])
            b[key] = [b[key][0] + s, b[key][1] + o, b[key][2] + g]
            p, rc = s / max(1, o), s / max(1, g)
            if key == "po" and min(p, rc) < min(worst_o[:2]):
                worst_o = (p, rc, x["id"])
            if key == "pt" and min(p, rc) < min(worst_t[:2]):
                worst_t = (p, rc, x["id"])

    def prec_rec(v):
        return v[0] / max(1, v[1]), v[0] / max(1, v[2])

    rows = []
    tot = {"pages": 0, "o": 0.0, "t": 0.0, "po": [0, 0, 0], "pt": [0, 0, 0]}
    for outlet in sorted(by_outlet):
        b = by_outlet[outlet]
        for k in ("pages", "o", "t"):
            tot[k] += b[k]
        for k in ("po", "pt"):
            tot[k] = [a + c for a, c in zip(tot[k], b[k])]
        rows.append((outlet, b))
    rows.append(("ALL", tot))

    sig_t = []
    texts = [ours(x) for x in samples]
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for t in texts:
            dedup.signature(t)
        sig_t.append((time.perf_counter() - t0) / len(texts))

    print(f"bench_html: {len(samples)} samples, {n_pages} pages, {size / 1024:.0f} KiB, {args.rounds} rounds, "
          f"python {sys.version.split()[0]}, trafilatura {trafilatura.__version__}")
    print(f"{'outlet':<14} {'pages':>5} {'pantau ms/p':>11} {'trafil. ms/p':>12} {'ratio':>6} "
          f"{'P':>6} {'R':>6} {'trafil. P':>9} {'trafil. R':>9}")
    for outlet, b in rows:
        po, ro = prec_rec(b["po"])
        pt, rt = prec_rec(b["pt"])
        print(f"{outlet:<14} {b['pages']:>5} {1000 * b['o'] / b['pages']:>11.2f} {1000 * b['t'] / b['pages']:>12.2f} "
              f"{b['o'] / b['t']:>6.2f} {po:>6.3f} {ro:>6.3f} {pt:>9.3f} {rt:>9.3f}")
    po, ro = prec_rec(tot["po"])
    ratio = tot["o"] / tot["t"]
    print(f"worst sample: pantau {worst_o[2] or '(every sample)'} P={worst_o[0]:.3f} R={worst_o[1]:.3f}; "
          f"trafilatura {worst_t[2] or '(every sample)'} P={worst_t[0]:.3f} R={worst_t[1]:.3f}")
    print(f"near-duplicate signature: {1000 * statistics.median(sig_t):.2f} ms/article")
    print(f"targets: time ratio {ratio:.2f} <= 1.5 {'OK' if ratio <= 1.5 else 'MISSED'}; "
          f"precision {po:.3f} / recall {ro:.3f} >= 0.97 {'OK' if min(po, ro) >= 0.97 else 'MISSED'}")
    if args.json:
        print(json.dumps({"samples": len(samples), "pages": n_pages, "ms_per_page": 1000 * tot["o"] / tot["pages"],
                          "trafilatura_ms_per_page": 1000 * tot["t"] / tot["pages"], "ratio": ratio,
                          "precision": po, "recall": ro, "trafilatura_precision": prec_rec(tot["pt"])[0],
                          "trafilatura_recall": prec_rec(tot["pt"])[1],
                          "signature_ms": 1000 * statistics.median(sig_t)}))


if __name__ == "__main__":
    main()
