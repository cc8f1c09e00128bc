"""Throughput of pantau's tokenizer + NER on article-length texts.

    OMP_NUM_THREADS=1 python benchmarks/bench_ner.py [--model DIR] [--articles N] [--json]

Prints the model load time (plain ``spacy.load``), words/s of the tokenizer alone and of the full
pipeline via ``nlp.pipe``, and the ratio against a plain ``spacy.blank("id")``
tokenizer pass over the same texts, measured in the same run. "Words" are
whitespace-separated words of the input. Texts are synthetic articles built
from the augmentation templates (domain sentences), about 450 words each.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

NAMES = ["Jhoni Eka Putra", "Andi Saputra", "Budi Santoso", "I Made Wirawan", "Siti Aminah",
         "Rahmat Hidayat", "Yusuf", "M. Nasir", "Dedi Kurniawan", "Agus Salim"]


def make_articles(n: int, words_per_article: int = 450, seed: int = 7) -> list[str]:
    from extractor.nlp.training.augment import Generator, Vocab

    gen = Generator(Vocab(NAMES), seed=seed)
    texts = []
    for _ in range(n):
        parts, count = [], 0
        while count < words_per_article:
            sent, _spans = gen.sentence()
            parts.append(sent)
            count += len(sent.split())
            if len(parts) % 4 == 0:
                parts.append("\n\n")
        texts.append(" ".join(parts))
    return texts


def timed(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=None, help="pipeline dir (default: shipped model)")
    ap.add_argument("--articles", type=int, default=120)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--json", action="store_true", help="print one JSON line instead of a table")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    import spacy
    import_s = time.perf_counter() - t0

    from extractor.nlp.model import MODEL_DIR, use_numpy_matmul

    path = args.model or MODEL_DIR
    t0 = time.perf_counter()
    nlp_blis = spacy.load(path)  # plain spacy.load: thinc's default (blis) matmul
    load_s = time.perf_counter() - t0
    use_numpy_matmul()           # what extractor.nlp.model.load_model() does
    nlp = spacy.load(path)

    texts = make_articles(args.articles)
    n_words = sum(len(t.split()) for t in texts)
    n_chars = sum(len(t) for t in texts)

    blank = spacy.blank("id")
    list(blank.pipe(texts[:5]))  # warm caches
    list(nlp.pipe(texts[:5]))
    blank_s = timed(lambda: list(blank.tokenizer.pipe(texts)))
    tok_s = timed(lambda: list(nlp.tokenizer.pipe(texts)))
    full_s = timed(lambda: list(nlp.pipe(texts, batch_size=args.batch_size)), repeat=3)
    list(nlp_blis.pipe(texts[:5]))
    blis_s = timed(lambda: list(nlp_blis.pipe(texts, batch_size=args.batch_size)), repeat=3)
    n_tokens = sum(len(d) for d in nlp.tokenizer.pipe(texts))

    result = {
        "model": str(path),
        "model_version": nlp.meta.get("version"),
        "articles": len(texts), "words": n_words, "chars": n_chars, "tokens": n_tokens,
        "import_spacy_s": round(import_s, 3),
        "load_s": round(load_s, 3),
        "blank_id_tokenizer_wps": round(n_words / blank_s),
        "pantau_tokenizer_wps": round(n_words / tok_s),
        "pipeline_wps": round(n_words / full_s),
        "pipeline_wps_plain_spacy_load": round(n_words / blis_s),
        "pipeline_time_vs_blank_tokenizer": round(full_s / blank_s, 2),
        "tokenizer_time_vs_blank_tokenizer": round(tok_s / blank_s, 2),
    }
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"model            {result['model']} (version {result['model_version']})")
    print(f"texts            {len(texts)} articles, {n_words} words, {n_tokens} tokens")
    print(f"import spacy     {import_s:.2f} s")
    print(f"load time        {load_s:.2f} s")
    print(f"blank id tok     {result['blank_id_tokenizer_wps']:>9,} words/s")
    print(f"pantau tokenizer {result['pantau_tokenizer_wps']:>9,} words/s "
          f"({result['tokenizer_time_vs_blank_tokenizer']}x the blank tokenizer's time)")
    print(f"tokenizer + NER  {result['pipeline_wps']:>9,} words/s "
          f"({result['pipeline_time_vs_blank_tokenizer']}x the blank tokenizer's time; "
          f"load_model(), numpy matmul)")
    print(f"tokenizer + NER  {result['pipeline_wps_plain_spacy_load']:>9,} words/s "
          f"(plain spacy.load, blis matmul)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
