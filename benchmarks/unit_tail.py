"""How a unit's name ends: rule spans and every output per text, dumped by one
tree and compared with another's dump.

    python benchmarks/unit_tail.py dump -o /tmp/tail-new.jsonl [--input gold|FILE.jsonl|sentences|fuzz:N:SEED]
    PYTHONPATH=OTHER_TREE python benchmarks/unit_tail.py dump -o /tmp/tail-old.jsonl
    python benchmarks/unit_tail.py diff /tmp/tail-old.jsonl /tmp/tail-new.jsonl
    python benchmarks/unit_tail.py dump --no-ner -o /tmp/tail-noner.jsonl   # the NER model not run

``dump`` runs the full pipeline (``extractor.nlp.pipeline.load``) of the
``extractor`` it imports and writes, per text, the UNIT/ELECTION_BODY/POSITION
spans of ``doc.spans["pantau_rules"]``, the final officials (name, position,
unit) and the other outputs. Inputs: the 194 gold texts, the texts of a JSONL
file of articles (``text``, or ``html`` read with the page reader), the
hand-written sentences of :data:`SENTENCES`, or ``fuzz:N:SEED``. ``diff``
lists the texts whose spans or outputs differ, and counts them. Until
2026-12 a word the NER tagged PER ended a unit's name (commit 40a34c7 and
before); ``unit_tail.md`` has the comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: sentences in the shapes of the surface-pattern catalogue, unit heads followed by names
SENTENCES = [
    "Ketua KPU Sulteng Idrus Alhadad mengatakan pleno berjalan lancar.",
    "Ketua KPU Wahyudin Hulopi menyampaikan hasil rekapitulasi.",
    "Kapolres Metro Jakarta Selatan Kombes Ade Rahmat Idnal memimpin apel.",
    "Kapolres Pelabuhan Tanjung Priok AKBP Kadarislam Kasim meninjau TPS.",
    "Ketua KPU RI Mochammad Afifuddin membuka rapat pleno.",
    "Ketua KPU RI, Mochammad Afifuddin, membuka rapat pleno.",
    "Ketua Bawaslu Kabupaten Muara Enim Hendri Saputra memantau TPS.",
    "Kapolsek Tanjung Agung Iptu Rudi Hartono berjaga di TPS.",
    "Kapolsek Tanjung Agung Rudi Hartono berjaga di TPS.",
    "Dandim 0412/LU Letkol Inf Rizky Aditya memimpin apel.",
    "Danramil 404-01/Muara Enim Kapten Inf Suparman hadir.",
    "Danyon Yonif 143/TWEJ Letkol Inf Arief Budiman memimpin pasukan.",
    "KETUA KPU SULTENG IDRUS ALHADAD MENGATAKAN PLENO LANCAR.",
    "ketua kpu sulteng idrus alhadad mengatakan pleno lancar.",
    "Ketua Bawaslu Sumsel Kurniawan mengimbau warga.",
    "Ketua Bawaslu Sumsel, Kurniawan, mengimbau warga.",
    "Ketua PPK Kecamatan Lahat Herman Syafri membuka pleno.",
    "Ketua PPK Kecamatan Lahat, Herman Syafri, membuka pleno.",
    "Komandan Kodim 0404/Muara Enim Letkol Arh Yusuf Rizal mengerahkan personel.",
    "Komandan Kodim 0404/Muara Enim Yusuf Rizal mengerahkan personel.",
    "Dandim 0405/Lahat Hendra Gunawan mengecek pos.",
    "Pangdam IX/Udayana Mayjen TNI Muhammad Zamroni meninjau TPS.",
    "Danlanud Halim Perdanakusuma Marsma TNI Destianto Nugroho hadir.",
    "Kapolres Muba AKBP Imam Safii mengatakan situasi kondusif.",
    "Kapolres Muba Imam Safii mengatakan situasi kondusif.",
    "Ketua KPU Kota Bogor Dede Juhendi menerima logistik.",
    "Kapolres Kepulauan Seribu AKBP Jarot Sungkowo meninjau TPS.",
    "Kapolres Metro Bekasi Kota Kombes Dani Hamdani memimpin apel.",
    "Kapolresta Bandar Lampung Kombes Abdul Waras memantau pleno.",
    "Ketua Panwascam Merapi Barat Aprizal menyampaikan temuan.",
    "Ketua KIP Aceh Besar Agusni AH menyampaikan hasil pleno.",
    "Kapolda Sulteng Irjen Pol Agus Nugroho memimpin apel.",
    "Kapolda Sulteng Agus Nugroho memimpin apel.",
    "Ketua Bawaslu RI Rahmat Bagja memantau TPS.",
    "Anggota KPU Lahat Divisi Teknis Andi Saputra hadir.",
    "Kasat Intelkam Polres Lahat AKP Joni Iskandar memimpin patroli.",
    "Ketua KPPS Desa Sukamaju Budi Santoso membuka TPS.",
    "Kapolsek Merapi Barat Iptu Hendri memimpin pengamanan.",
    "Kapolres Lahat AKBP Fadli Hasanuddin melalui Kabag Ops Kompol Zulkarnain Effendi menjelaskan.",
    "Ketua KPU Muara Enim Muhammad Sidik hadir di Sekretariat KPU Muara Enim Jalan Sudirman.",
]


def _texts(source: str):
    if source == "gold":
        for line in (ROOT / "corpus" / "dev" / "gold.jsonl").read_text("utf-8").splitlines():
            g = json.loads(line)
            a = g["article"]
            yield g["id"], a.get("title", ""), a["text"], a.get("published")
    elif source.startswith("fuzz:"):
        # texts shaped like tests/fuzzing.py's domain_text (the words the rules look for glued with
        # arbitrary characters and separators), drawn with random.Random(seed): fuzz:N:SEED
        import random
        import string
        sys.path.insert(0, str(ROOT / "tests"))
        from fuzzing import SEPARATORS, WORDS

        _, n, seed = source.split(":")
        rnd = random.Random(int(seed))
        alphabet = string.ascii_letters + string.digits + string.punctuation + " \n\u00e9\u00a0\u2019"
        for i in range(int(n)):
            parts = []
            for _ in range(rnd.randint(0, 80)):
                w = rnd.choice(WORDS) if rnd.random() < 0.7 else "".join(
                    rnd.choice(alphabet) for _ in range(rnd.randint(0, 6)))
                parts.append(w + rnd.choice(SEPARATORS))
            yield f"fz{i:05d}", "", "".join(parts), None
    elif source == "sentences":
        for i, s in enumerate(SENTENCES):
            yield f"s{i:02d}", "", s, None
    else:
        from extractor.html import article_from_html
        for i, line in enumerate(Path(source).read_text("utf-8").splitlines()):
            r = json.loads(line)
            text = r.get("text")
            title = r.get("title", "")
            if text is None:
                art = article_from_html(r["html"], r.get("url", ""))
                text, title = art.text, art.title
            yield f"{Path(source).stem}-{i:04d}", title, text, None


def dump(args) -> None:
    import extractor
    from extractor.nlp.pipeline import load
    from extractor.nlp.rule_spans import rule_spans

    nlp = load()
    if args.no_ner:  # the NER model (and its tok2vec) not run: doc.ents empty
        nlp.disable_pipes(*[n for n in ("tok2vec", "ner") if n in nlp.pipe_names])
    out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    n = 0
    for tid, title, text, published in _texts(args.input):
        d = nlp.make_doc(text)
        d.user_data["text"] = text
        d.user_data["published"] = published
        d.user_data["dateline"] = ""
        doc = nlp(d)
        spans = [[s.label_, s.start_char, s.text] for s in rule_spans(doc, "UNIT", "ELECTION_BODY", "POSITION")]
        officials = [[o.name, o.position, o.unit] for o in doc._.pantau_officials.officials]
        posts, handovers = doc._.pantau_holders or ((), ())
        rest = {"officials_full": [repr(o) for o in doc._.pantau_officials.officials],
                "posts": [[p.position, p.unit, p.start, p.region_code] for p in posts],
                "handovers": [repr(h) for h in handovers], "places": repr(doc._.pantau_places.places),
                "events": repr(doc._.pantau_events), "quotes": repr(doc._.pantau_quotes),
                "candidates": repr(doc._.pantau_candidates.candidates)}
        out.write(json.dumps({"id": tid, "spans": spans, "officials": officials, **rest}, ensure_ascii=False) + "\n")
        n += 1
    if args.output:
        out.close()
        print(f"{n} texts, {Path(extractor.__file__).parent} -> {args.output}", file=sys.stderr)


def _load(path):
    return {r["id"]: r for r in (json.loads(x) for x in Path(path).read_text("utf-8").split("\n") if x.strip())}


def diff(args) -> None:
    a, b = _load(args.a), _load(args.b)
    n_span = n_unit = n_pos = n_off = 0
    fields = ("officials_full", "posts", "handovers", "places", "events", "quotes", "candidates")
    n_field = dict.fromkeys(fields, 0)
    for tid in a:
        ra, rb = a[tid], b[tid]
        sa, sb = {tuple(x) for x in ra["spans"]}, {tuple(x) for x in rb["spans"]}
        oa, ob = {tuple(x) for x in ra["officials"]}, {tuple(x) for x in rb["officials"]}
        other = [f for f in fields if ra.get(f) != rb.get(f)]
        for f in other:
            n_field[f] += 1
        if sa == sb and oa == ob and not other:
            continue
        only_a, only_b = sorted(sa - sb, key=lambda x: x[1]), sorted(sb - sa, key=lambda x: x[1])
        if sa != sb:
            n_span += 1
        if any(x[0] != "POSITION" for x in only_a + only_b):
            n_unit += 1
        if any(x[0] == "POSITION" for x in only_a):
            n_pos += 1
        if oa != ob:
            n_off += 1
        print(f"== {tid}")
        for x in only_a:
            print(f"  - {x[0]:13} {x[1]:6} {x[2]!r}")
        for x in only_b:
            print(f"  + {x[0]:13} {x[1]:6} {x[2]!r}")
        for o in sorted(oa - ob, key=str):
            print(f"  - official {o}")
        for o in sorted(ob - oa, key=str):
            print(f"  + official {o}")
        if ra.get("posts") != rb.get("posts"):
            pa, pb = {tuple(x) for x in ra["posts"]}, {tuple(x) for x in rb["posts"]}
            for x in sorted(pa - pb, key=str):
                print(f"  - post {x}")
            for x in sorted(pb - pa, key=str):
                print(f"  + post {x}")
        for f in other:
            if f != "posts":
                print(f"  ~ {f} differs")
    print(f"\n{len(a)} texts: {n_span} with other spans ({n_unit} other UNIT/ELECTION_BODY spans, "
          f"{n_pos} lost a POSITION span), {n_off} with other officials (name, position, unit); texts with "
          f"another value per field: {n_field}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--input", default="gold", help="gold, sentences, or a JSONL file of articles")
    d.add_argument("--no-ner", action="store_true", help="do not run the NER model (and its tok2vec)")
    d.add_argument("-o", "--output")
    d.set_defaults(func=dump)
    f = sub.add_parser("diff")
    f.add_argument("a")
    f.add_argument("b")
    f.set_defaults(func=diff)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
