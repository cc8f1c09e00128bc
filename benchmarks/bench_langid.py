"""Language detectors for the prefilter's "is it Indonesian?" gate: pycld2,
resiliparse (``detect_fast``) and lingua, on the same texts in one run.

    python benchmarks/bench_langid.py            # accuracy and speed, one table
    python benchmarks/bench_langid.py --rounds 5 # more timing rounds (median)

Texts: Indonesian from ``corpus/dev/gold.jsonl`` (110 articles), the
sentences of ``../shared/data/ner/idner-news-2k/dev.txt`` (real news,
grouped five to a paragraph; skipped when ../shared is absent) and the
Indonesian paragraphs of ``corpus/langid/texts.jsonl``; the other languages
from that file (Malay, Javanese, Sundanese, Minangkabau, Balinese, Banjar,
English, Tagalog, Dutch, Vietnamese, Portuguese). Each text is also judged
cut to its first 120 characters. ``raw HTML`` is the pages of
``corpus/samples`` (Indonesian outlets) as bytes, for the detectors that read
HTML (pycld2 with ``isPlainText=False``) or after resiliparse's
``extract_plain_text``; ``pantau page_language`` is the prefilter's use of
pycld2 on raw pages (the page's head, then a bounded text sample).

The gate's decision is "top language is Indonesian"; the table gives, per
language, the share of texts that decision accepts (for Indonesian that is
recall, for every other language the false-accept rate), then speed: CPU time of
this process (not wall time, which a shared machine inflates), median of
``--rounds``, as microseconds per paragraph and MB/s over the raw pages.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
SHORT = 120
sys.path.insert(0, str(ROOT))


def texts() -> list[tuple[str, str, str]]:
    """(language, set name, text)."""
    out = []
    for line in (ROOT / "corpus" / "dev" / "gold.jsonl").read_text("utf-8").splitlines():
        g = json.loads(line)
        out.append(("id", "dev gold", g["article"]["text"]))
    ner = SHARED / "data" / "ner" / "idner-news-2k" / "dev.txt"
    if ner.exists():
        sents, cur = [], []
        for line in ner.read_text("utf-8").splitlines():
            if not line.strip():
                if cur:
                    sents.append(" ".join(cur))
                cur = []
                continue
            cur.append(line.split(" ")[0])
        for i in range(0, len(sents) - 4, 5):
            out.append(("id", "idner-news-2k", " ".join(sents[i:i + 5]).replace(" ,", ",").replace(" .", ".")))
    for line in (ROOT / "corpus" / "langid" / "texts.jsonl").read_text("utf-8").splitlines():
        t = json.loads(line)
        out.append((t["lang"], "corpus/langid", t["text"]))
    return out


def pages() -> list[bytes]:
    return [p.read_bytes() for p in sorted((ROOT / "corpus" / "samples").rglob("*.html"))]


# --------------------------------------------------------------------------- detectors: text -> code
def detectors(with_lingua: bool) -> dict:
    import pycld2
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str
    from resiliparse.parse.lang import detect_fast

    def cld2(text: str) -> str:
        try:
            return pycld2.detect(text)[2][0][1]
        except pycld2.error:
            return "un"

    def cld2_html(raw: bytes) -> str:  # CLD2 wants valid UTF-8: pages in other charsets fail without the decode
        try:
            return pycld2.detect(raw.decode("utf-8", "replace"), isPlainText=False)[2][0][1]
        except pycld2.error:
            return "un"

    def res(text: str) -> str:
        return detect_fast(text)[0]

    def res_html(raw: bytes) -> str:
        return detect_fast(extract_plain_text(bytes_to_str(raw), main_content=False))[0]

    from extractor.prefilter import page_language

    out = {"pycld2": (cld2, cld2_html), "pantau page_language (pycld2: head, then a text sample)": (cld2, page_language),
           "resiliparse detect_fast": (res, res_html)}
    if with_lingua:
        from lingua import LanguageDetectorBuilder

        t0 = time.perf_counter()
        hi = LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build()
        lo = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().with_preloaded_language_models().build()
        print(f"lingua: both detectors built (all 75 languages, models preloaded) in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)

        def code(lang) -> str:
            return lang.iso_code_639_1.name.lower() if lang is not None else "un"

        def lingua_text(det):
            return lambda text: code(det.detect_language_of(text))

        def lingua_html(det):
            return lambda raw: code(det.detect_language_of(extract_plain_text(bytes_to_str(raw), main_content=False)))

        out["lingua (high accuracy)"] = (lingua_text(hi), lingua_html(hi))
        out["lingua (low accuracy)"] = (lingua_text(lo), lingua_html(lo))
    return out


def timed(fn, items, rounds: int) -> float:
    best = []
    for _ in range(rounds):
        t0 = time.process_time()
        for x in items:
            fn(x)
        best.append(time.process_time() - t0)
    return statistics.median(best)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-lingua", action="store_true", help="leave lingua out (its models take ~30 s to load)")
    a = ap.parse_args()
    data = texts()
    raw = pages()
    langs = ["id"] + sorted({lang for lang, _, _ in data} - {"id"}, key=lambda l: -sum(x[0] == l for x in data))
    dets = detectors(not a.no_lingua)
    rows = []
    for name, (on_text, on_html) in dets.items():
        acc, acc_short, confused = {}, {}, {}
        for lang in langs:
            items = [t for l, _, t in data if l == lang]
            got = [on_text(t) for t in items]
            got_short = [on_text(t[:SHORT]) for t in items]
            acc[lang] = sum(g == "id" for g in got) / len(items)
            acc_short[lang] = sum(g == "id" for g in got_short) / len(items)
            confused[lang] = sum(g == lang or (lang == "jv" and g == "jw") for g in got) / len(items)
        html_id = sum(on_html(r) == "id" for r in raw) / len(raw)
        paras = [t for _, _, t in data]
        sec = timed(on_text, paras, a.rounds)
        sec_html = timed(on_html, raw, a.rounds)
        mb = sum(len(r) for r in raw) / 1e6
        rows.append((name, acc, acc_short, confused, html_id, sec / len(paras) * 1e6, mb / sec_html))
    n_by = {lang: sum(x[0] == lang for x in data) for lang in langs}
    print(f"texts: {len(data)} ({', '.join(f'{k} {v}' for k, v in n_by.items())}); raw pages: {len(raw)} "
          f"({sum(len(r) for r in raw) / 1e3:.0f} kB); load {os.getloadavg()[0]:.2f}\n")
    print("Share judged Indonesian (id: recall; others: false accepts); full text / first 120 characters:\n")
    print("| detector | " + " | ".join(langs) + " | id on raw HTML | µs/paragraph | MB/s raw HTML |")
    print("|---|" + "---:|" * (len(langs) + 3))
    for name, acc, acc_short, _, html_id, us, mbs in rows:
        cells = [f"{acc[l]:.2f} / {acc_short[l]:.2f}" for l in langs]
        print(f"| {name} | " + " | ".join(cells) + f" | {html_id:.2f} | {us:.0f} | {mbs:.1f} |")
    print("\nShare labelled with its own language (full text):\n")
    print("| detector | " + " | ".join(langs) + " |")
    print("|---|" + "---:|" * len(langs))
    for name, _, _, confused, *_ in rows:
        print(f"| {name} | " + " | ".join(f"{confused[l]:.2f}" for l in langs) + " |")


if __name__ == "__main__":
    main()
