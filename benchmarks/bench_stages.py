"""CPU time per article of every stage of the per-article path, in one process.

    python benchmarks/bench_stages.py                    # 400 generated pages, 3 rounds
    python benchmarks/bench_stages.py --n 200 --rounds 5
    python benchmarks/bench_stages.py --profile out.prof # also a cProfile of one round

The path ``ingest`` runs for each page, stage by stage: parse the HTML,
relevance, near-duplicate signature, the spaCy pipeline component by
component (tokenizer; tok2vec and ner on the paragraphs where a quote's
speaker is looked for, as ingest runs them, ``NER parts`` being the cost
of cutting them out and setting their entities, or on every doc with
``--persons``; pantau's rule components), the Extraction record, and the
store write (``Batch.save``: the article, its records, its near-duplicate
cluster and command records), in chunks of eight as the batch runner does.
Times are CPU time of this process
(``time.process_time``), so a loaded machine inflates them far less than
wall time; each stage's figure is the best round. The one-off costs (a fresh
database with its migrations, the pipeline and lexicon load) are printed
apart. Compare two commits with ``PYTHONPATH=<tree> python
<tree>/benchmarks/bench_stages.py`` on the same workload.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # one BLAS thread, as the CLI sets
    os.environ.setdefault(_var, "1")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=400, help="generated pages (generate.py, seed 7)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", metavar="FILE", help="write a cProfile of the last round to FILE")
    ap.add_argument("--json", action="store_true", help="print one JSON line instead of a table")
    ap.add_argument("--persons", action="store_true",
                    help="the NER on every doc, as extract-text and eval run it (default: as ingest runs it, only on "
                         "the paragraphs of the quotes' speakers)")
    args = ap.parse_args(argv)

    from generate import generate

    jsonl = generate(args.n, HERE / "out" / f"articles-{args.n}.jsonl")
    oneoff = {}
    t = time.process_time()
    from extractor.batch import CHUNK
    from extractor.dedup import signature
    from extractor.inputs import read_jsonl
    from extractor.nlp import NER_PIPES, _doc_to_extraction, ner_parts, set_part_entities
    from extractor.nlp.pipeline import load, model_version
    from extractor.nlp.relevance import relevance
    from extractor.store import Store

    oneoff["imports"] = time.process_time() - t
    t = time.process_time()
    nlp = load()
    version = model_version(nlp)
    oneoff["pipeline load"] = time.process_time() - t
    items = list(read_jsonl(jsonl))
    # warm every lexicon, gazetteer and regex on a few pages (first-use costs are one-off)
    t = time.process_time()
    for it in items[:CHUNK]:
        a = it.parse()
        list(nlp.pipe([nlp.make_doc(a.text)]))
    oneoff["first articles (warm-up)"] = time.process_time() - t

    best: dict[str, float] = defaultdict(lambda: float("inf"))
    order: list[str] = []
    prof = None
    for rnd in range(args.rounds):
        spent: dict[str, float] = defaultdict(float)

        def clock(name, fn, *a):
            if name not in order:
                order.append(name)
            t0 = time.process_time()
            out = fn(*a)
            spent[name] += time.process_time() - t0
            return out

        with tempfile.TemporaryDirectory() as tmp:
            t = time.process_time()
            store = Store(Path(tmp) / "bench.db")
            oneoff["fresh database (migrations)"] = time.process_time() - t
            if args.profile and rnd == args.rounds - 1:
                import cProfile

                prof = cProfile.Profile()
                prof.enable()
            with store.batch(64) as b:
                for i in range(0, len(items), CHUNK):
                    arts = [clock("parse HTML", it.parse) for it in items[i:i + CHUNK]]
                    rels = [clock("relevance", relevance, a.title, a.text) for a in arts]
                    sigs = [clock("dedup signature", signature, a.text) for a in arts]
                    docs = []
                    for a in arts:
                        d = clock("tokenizer", nlp.make_doc, a.text)
                        d.user_data.update(article=a, text=a.text, published=a.published, dateline=a.dateline)
                        docs.append(d)
                    # as ingest runs it (extract_many without persons): the NER only where a quote's speaker is read
                    parts = clock("NER parts", ner_parts, nlp, docs, args.persons)
                    for name, proc in nlp.pipeline:
                        if name in NER_PIPES:
                            clock(name, lambda: list(proc.pipe([p for _, _, p in parts], batch_size=16)))
                            if name == NER_PIPES[-1]:
                                clock("NER parts", set_part_entities, parts)
                        elif hasattr(proc, "pipe"):
                            docs = clock(name, lambda: list(proc.pipe(docs, batch_size=16)))
                        else:
                            docs = [clock(name, proc, d) for d in docs]
                    exs = [clock("extraction record", _doc_to_extraction, a, d, version, args.persons)
                           for a, d in zip(arts, docs)]
                    for a, r, ex, s in zip(arts, rels, exs, sigs):
                        clock("store write", b.save, a, r, ex, None, s)
                t = time.process_time()
            spent["store write"] += time.process_time() - t  # the last commit
            if prof is not None:
                prof.disable()
                prof.dump_stats(args.profile)
            store.close()
        for k, v in spent.items():
            best[k] = min(best[k], v)

    n = len(items)
    ms = {k: 1000 * best[k] / n for k in order}
    total = sum(ms.values())
    if args.json:
        print(json.dumps({"articles": n, "rounds": args.rounds, "ms_per_article": {k: round(v, 3) for k, v in ms.items()},
                          "total_ms": round(total, 3), "oneoff_s": {k: round(v, 3) for k, v in oneoff.items()}}))
        return 0
    from bench_e2e import builds

    print(f"{n} generated pages, best of {args.rounds} rounds, CPU ms per article ({builds()})")
    for k in order:
        print(f"  {k:<28} {ms[k]:8.2f}  {ms[k] / total:6.1%}")
    print(f"  {'total':<28} {total:8.2f}")
    print("one-off CPU seconds:")
    for k, v in oneoff.items():
        print(f"  {k:<28} {v:8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
