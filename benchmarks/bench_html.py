"""HTML stage side by side with trafilatura and htmldate on the sample pages
of corpus/samples/ (gold text, title and date in expected.jsonl), per sample
set: ``outlets`` (the profiled outlet families and three unknown sites) and
``portals`` (national and entertainment portals without a profile, older
layouts, photo pages).

    python benchmarks/bench_html.py              # 7 rounds
    python benchmarks/bench_html.py --rounds 15 --samples --json

Per sample: pantau's ``article_from_pages``; trafilatura 's ``extract()`` (the
main text, no options, as pantau's generic path calls it) and
``bare_extraction(with_metadata=True)`` (its title and date: htmldate inside,
extensive search, original date); htmldate's ``find_date`` alone (its
defaults plus ``original_date``). Everyone gets the raw bytes and the URL.

Measures, as the table of issue 15: body token F1 (word tokens, multisets,
lowercased) per sample and its mean, samples with F1 < 0.8, samples where
pantau's F1 is below trafilatura's (by more than 0.005), published day
correct (the day of the expected datetime in its own zone), samples with no
date at all, title exact, crashes (pantau raising anything), and pooled
precision/recall. Time per page: the median over rounds of each sample's
time divided by its pages, summed per set; every contestant runs each
sample in each round, the order rotating. Ratios are pantau against
trafilatura with metadata (what gives its dates and titles) and against
bare ``extract()``. Targets (issues 5 and 15): time ratio <= 1.2 against
trafilatura with metadata, precision and recall >= 0.97 on ``outlets``;
mean F1 >= 0.90, day correct on all but one, title exact on >= 85% on
``portals``. Also prints the near-duplicate signature cost per article.
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

import htmldate  # noqa: E402
import trafilatura  # noqa: E402

from extractor import dedup  # noqa: E402
from extractor.html import article_from_pages  # noqa: E402

SAMPLES = ROOT / "corpus" / "samples"


def tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", (text or "").lower()))


def pr(got: str, gold: str) -> tuple[int, int, int]:
    g, o = tokens(gold), tokens(got)
    return sum((g & o).values()), sum(o.values()), sum(g.values())


def f1(got: str, gold: str) -> float:
    s, o, g = pr(got, gold)
    return 2 * s / (o + g) if o + g else 1.0


def load() -> list[dict]:
    out = []
    for line in (SAMPLES / "expected.jsonl").read_text("utf-8").splitlines():
        x = json.loads(line)
        x["pages"] = [(SAMPLES / f).read_bytes() for f in x["files"]]
        x.setdefault("set", "outlets")
        out.append(x)
    return out


def ours(x: dict):
    return article_from_pages(x["pages"], x["url"], page_urls=x["page_urls"])


def theirs_text(x: dict) -> str:
    return "\n".join(trafilatura.extract(p, url=u) or "" for p, u in zip(x["pages"], x["page_urls"]))


def theirs_meta(x: dict):
    return [trafilatura.bare_extraction(p, url=u, with_metadata=True) for p, u in zip(x["pages"], x["page_urls"])]


def htmldate_day(x: dict):
    return htmldate.find_date(x["pages"][0], url=x["url"], original_date=True)


def _clean_title(t) -> str:
    return " ".join((t or "").split())


def score(x: dict) -> dict:
    """One sample: pantau, trafilatura, htmldate against the expectations."""
    day = x["published"][:10]
    row = {"id": x["id"], "set": x["set"], "outlet": x["outlet"]}
    try:
        art = ours(x)
        row.update(text=art.text, day=(art.published or "")[:10], title=art.title, crash="")
    except Exception as exc:  # a crash is a measured outcome here, not a failure of the bench
        row.update(text="", day="", title="", crash=f"{type(exc).__name__}: {exc}")
    docs = theirs_meta(x)
    row["t_text"] = theirs_text(x)
    row["t_day"] = (docs[0].date if docs and docs[0] is not None and docs[0].date else "")[:10]
    row["t_title"] = docs[0].title if docs and docs[0] is not None else ""
    row["h_day"] = (htmldate_day(x) or "")[:10]
    row["f1"], row["t_f1"] = f1(row["text"], x["text"]), f1(row["t_text"], x["text"])
    row["pr"], row["t_pr"] = pr(row["text"], x["text"]), pr(row["t_text"], x["text"])
    row["day_ok"], row["t_day_ok"], row["h_day_ok"] = row["day"] == day, row["t_day"] == day, row["h_day"] == day
    row["title_ok"] = _clean_title(row["title"]) == _clean_title(x["title"])
    row["t_title_ok"] = _clean_title(row["t_title"]) == _clean_title(x["title"])
    return row


def timings(samples: list[dict], rounds: int) -> dict[str, dict[str, float]]:
    """Median seconds per page of each contestant, per sample id."""
    who = {"pantau": lambda x: ours(x), "trafilatura": theirs_text, "trafilatura+meta": theirs_meta}
    for x in samples:  # warm up: profiles, regexes, trafilatura's and htmldate's own caches
        for fn in who.values():
            try:
                fn(x)
            except Exception:
                pass
    got: dict[str, dict[str, list[float]]] = {k: defaultdict(list) for k in who}
    names = list(who)
    for r in range(rounds):
        order = names[r % len(names):] + names[:r % len(names)]
        for x in samples:
            for name in order:
                t0 = time.perf_counter()
                try:
                    who[name](x)
                except Exception:
                    pass
                got[name][x["id"]].append((time.perf_counter() - t0) / len(x["pages"]))
    return {name: {k: statistics.median(v) for k, v in per.items()} for name, per in got.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--samples", action="store_true", help="one line per sample too")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON too")
    args = ap.parse_args()
    samples = load()
    n_pages = sum(len(x["pages"]) for x in samples)
    size = sum(len(p) for x in samples for p in x["pages"])
    rows = [score(x) for x in samples]
    t = timings(samples, args.rounds)
    print(f"bench_html: {len(samples)} samples, {n_pages} pages, {size / 1024:.0f} KiB, {args.rounds} rounds, "
          f"python {sys.version.split()[0]}, trafilatura {trafilatura.__version__}, htmldate {htmldate.__version__}")
    summary = {}
    for name in sorted({r["set"] for r in rows}, key=lambda s: (s != "outlets", s)):
        rs = [r for r in rows if r["set"] == name]
        xs = [x for x in samples if x["set"] == name]
        pages = sum(len(x["pages"]) for x in xs)
        ms = {k: 1000 * sum(t[k][x["id"]] * len(x["pages"]) for x in xs) / pages for k in t}

        def pooled(key):
            s, o, g = (sum(r[key][i] for r in rs) for i in range(3))
            return s / max(1, o), s / max(1, g)

        p_o, r_o = pooled("pr")
        p_t, r_t = pooled("t_pr")
        n = len(rs)
        fig = {
            "samples": n, "pages": pages,
            "f1_mean": statistics.mean(r["f1"] for r in rs), "t_f1_mean": statistics.mean(r["t_f1"] for r in rs),
            "f1_below_0.8": sum(r["f1"] < 0.8 for r in rs), "t_f1_below_0.8": sum(r["t_f1"] < 0.8 for r in rs),
            "below_trafilatura": sum(r["f1"] < r["t_f1"] - 0.005 for r in rs),
            "day_ok": sum(r["day_ok"] for r in rs), "t_day_ok": sum(r["t_day_ok"] for r in rs),
            "h_day_ok": sum(r["h_day_ok"] for r in rs),
            "no_date": sum(not r["day"] for r in rs), "t_no_date": sum(not r["t_day"] for r in rs),
            "h_no_date": sum(not r["h_day"] for r in rs),
            "title_ok": sum(r["title_ok"] for r in rs), "t_title_ok": sum(r["t_title_ok"] for r in rs),
            "crashes": sum(bool(r["crash"]) for r in rs),
            "precision": p_o, "recall": r_o, "t_precision": p_t, "t_recall": r_t,
            "ms_per_page": ms["pantau"], "t_ms_per_page": ms["trafilatura"], "tm_ms_per_page": ms["trafilatura+meta"],
        }
        fig["ratio_meta"] = fig["ms_per_page"] / fig["tm_ms_per_page"]
        fig["ratio_bare"] = fig["ms_per_page"] / fig["t_ms_per_page"]
        summary[name] = fig
        print(f"\nset {name}: {n} samples, {pages} pages")
        print(f"  {'measure':<38} {'pantau':>8} {'trafilatura':>12} {'htmldate':>9}")
        lines = [
            ("body token F1, mean", f"{fig['f1_mean']:.3f}", f"{fig['t_f1_mean']:.3f}", ""),
            ("samples with body F1 < 0.8", fig["f1_below_0.8"], fig["t_f1_below_0.8"], ""),
            ("samples with F1 below trafilatura's", fig["below_trafilatura"], "", ""),
            ("body precision / recall, pooled", f"{p_o:.3f}/{r_o:.3f}", f"{p_t:.3f}/{r_t:.3f}", ""),
            ("published day correct", f"{fig['day_ok']}/{n}", f"{fig['t_day_ok']}/{n}", f"{fig['h_day_ok']}/{n}"),
            ("samples with no date at all", fig["no_date"], fig["t_no_date"], fig["h_no_date"]),
            ("title exact", f"{fig['title_ok']}/{n}", f"{fig['t_title_ok']}/{n}", ""),
            ("crashes", fig["crashes"], "", ""),
            ("ms per page (trafilatura: with metadata)", f"{fig['ms_per_page']:.2f}", f"{fig['tm_ms_per_page']:.2f}", ""),
            ("ms per page (trafilatura: bare extract)", "", f"{fig['t_ms_per_page']:.2f}", ""),
            ("time ratio vs with metadata / bare", f"{fig['ratio_meta']:.2f}", f"{fig['ratio_bare']:.2f}", ""),
        ]
        for label, a, b, c in lines:
            print(f"  {label:<38} {a!s:>8} {b!s:>12} {c!s:>9}")
        if args.samples:
            print(f"  {'sample':<30} {'F1':>5} {'tF1':>5}  day p/t/h  title p/t  {'ms p':>6} {'ms t+m':>6}")
            for r in rs:
                flag = lambda ok: "+" if ok else "-"  # noqa: E731
                print(f"  {r['id']:<30} {r['f1']:>5.3f} {r['t_f1']:>5.3f}  "
                      f"{flag(r['day_ok'])}/{flag(r['t_day_ok'])}/{flag(r['h_day_ok'])}      "
                      f"{flag(r['title_ok'])}/{flag(r['t_title_ok'])}      {1000 * t['pantau'][r['id']]:>6.2f} "
                      f"{1000 * t['trafilatura+meta'][r['id']]:>6.2f} {r['crash']}")
    texts = [r["text"] for r in rows if r["text"]]
    sig_t = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for text in texts:
            dedup.signature(text)
        sig_t.append((time.perf_counter() - t0) / len(texts))
    print(f"\nnear-duplicate signature: {1000 * statistics.median(sig_t):.2f} ms/article")
    all_pages = sum(len(x["pages"]) for x in samples)
    total = {k: 1000 * sum(t[k][x["id"]] * len(x["pages"]) for x in samples) / all_pages for k in t}
    ratio = total["pantau"] / total["trafilatura+meta"]
    o = summary.get("outlets", {})
    po = summary.get("portals", {})
    print(f"targets: time ratio (all samples) {ratio:.2f} <= 1.2 {'OK' if ratio <= 1.2 else 'MISSED'}; "
          f"outlets precision {o.get('precision', 0):.3f} / recall {o.get('recall', 0):.3f} >= 0.97 "
          f"{'OK' if min(o.get('precision', 0), o.get('recall', 0)) >= 0.97 else 'MISSED'}")
    if po:
        n = po["samples"]
        print(f"         portals mean F1 {po['f1_mean']:.3f} >= 0.90 {'OK' if po['f1_mean'] >= 0.9 else 'MISSED'}; "
              f"day {po['day_ok']}/{n} >= {n - 1} {'OK' if po['day_ok'] >= n - 1 else 'MISSED'}; "
              f"title {po['title_ok']}/{n} >= 85% {'OK' if po['title_ok'] >= 0.85 * n else 'MISSED'}; "
              f"crashes {po['crashes']}")
    if args.json:
        print(json.dumps({"sets": summary, "ratio_meta": ratio, "ms_per_page": total["pantau"],
                          "trafilatura_meta_ms_per_page": total["trafilatura+meta"],
                          "trafilatura_ms_per_page": total["trafilatura"],
                          "signature_ms": 1000 * statistics.median(sig_t)}))


if __name__ == "__main__":
    main()
