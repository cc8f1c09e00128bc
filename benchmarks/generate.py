"""Generate N article pages from the bundled samples, varying names, places
and dates, as one JSONL file of stored HTML (``{"url", "html"}`` per line) that
``pipeline.py ingest`` reads.

    python benchmarks/generate.py 2000 benchmarks/out/articles-2000.jsonl

Templates: the demo site pages, ``corpus/samples/**/*.html`` and the texts of
``corpus/dev/gold.jsonl`` (wrapped in a plain article page), when present.
Deterministic for a given N and --seed.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["Andi", "Budi", "Citra", "Dedi", "Eko", "Fajar", "Gede", "Hendra", "Irwan", "Joko", "Kadek", "Lukman",
         "Made", "Nanang", "Oki", "Putu", "Rizal", "Sigit", "Taufik", "Umar", "Wayan", "Yudi", "Zainal", "Arif"]
LAST = ["Saputra", "Wijaya", "Siregar", "Nasution", "Harahap", "Situmorang", "Pratama", "Kurniawan", "Hidayat",
        "Santoso", "Simanjuntak", "Lubis", "Setiawan", "Gunawan", "Firmansyah", "Rahman", "Sembiring", "Tarigan"]
RANK = re.compile(r"\b(AKBP|AKP|Kompol|Iptu|Ipda|Kombes(?: Pol\.?)?|Letkol(?: Inf)?|Kapten(?: Inf)?|Serda|Bripka|Aiptu)"
                  r" ([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})")
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(20\d\d)\b")
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def templates() -> list[tuple[str, str]]:
    out = []
    for p in sorted((ROOT / "corpus" / "demo_site" / "berita").glob("*.html")):
        out.append((p.name, p.read_text("utf-8")))
    for p in sorted((ROOT / "corpus" / "samples").rglob("*.html")):
        try:
            out.append((p.name, p.read_text("utf-8")))
        except UnicodeDecodeError:
            continue
    gold = ROOT / "corpus" / "dev" / "gold.jsonl"
    if gold.exists():
        for line in gold.read_text("utf-8").splitlines():
            g = json.loads(line)
            paras = "".join(f"<p>{html.escape(x)}</p>" for x in g["article"]["text"].split("\n") if x.strip())
            page = (f"<html><head><title>{html.escape(g['article'].get('title') or '')}</title>"
                    f"<meta property='article:published_time' content='{g['article'].get('published') or ''}'>"
                    f"</head><body><article><h1>{html.escape(g['article'].get('title') or '')}</h1>"
                    f"<div class='entry-content'>{paras}</div></article></body></html>")
            out.append((g["id"], page))
    return out


def regions() -> list[str]:
    from lokal import wilayah

    out = []
    for p in wilayah.list_wilayah():
        out += [re.sub(r"^(Kabupaten|Kota) ", "", k.name) for k in wilayah.list_wilayah(p.code)]
    return out


def vary(page: str, rnd: random.Random, region_names: list[str]) -> str:
    page = RANK.sub(lambda m: f"{m.group(1)} {rnd.choice(FIRST)} {rnd.choice(LAST)}", page)
    d, mo, y = rnd.randint(1, 28), rnd.randint(1, 12), rnd.choice([2024, 2024, 2025])
    page = DATE.sub(f"{d}/{mo}/{y}", page)
    page = re.sub(r"\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) 20\d\d\b",
                  f"{d} {MONTHS[mo - 1]} {y}", page)
    for name in ("Muara Enim", "Lahat", "Palembang"):
        if name in page:
            page = page.replace(name, rnd.choice(region_names))
    return page


def generate(n: int, out: Path, seed: int = 7) -> Path:
    rnd = random.Random(seed)
    tpls = templates()
    names = regions()
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for i in range(n):
            tid, page = tpls[i % len(tpls)]
            fh.write(json.dumps({"url": f"https://bench.example/{i:06d}/{tid}", "html": vary(page, rnd, names)},
                                ensure_ascii=False) + "\n")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    print(generate(a.n, a.out, a.seed))
