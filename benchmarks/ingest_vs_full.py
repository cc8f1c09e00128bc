"""What `ingest` stores against the full pipeline: every field of the
Extraction but ``persons`` (which only `extract-text` reports), per article.

    python benchmarks/ingest_vs_full.py                      # the 194 gold texts
    python benchmarks/ingest_vs_full.py benchmarks/out/articles-400.jsonl fuzz:4000:1

``ingest`` (the batch runner, hence ``--workers`` and ``--dask``) calls
``extract_many(persons=False)``: the NER model reads only the paragraphs where
a quote's speaker is looked for. This runs both modes over the same articles
and prints, per field, how many articles differ (and the first URLs). Inputs:
``gold``, a JSONL file of pages or articles, or ``fuzz:N:SEED`` (the
fuzz-like texts of ``unit_tail.py``).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def articles(source: str):
    from extractor.types import Article

    if source == "gold":
        for line in (ROOT / "corpus" / "dev" / "gold.jsonl").read_text("utf-8").splitlines():
            g = json.loads(line)
            a = g["article"]
            yield Article(url=a.get("url") or f"https://gold.test/{g['id']}", text=a["text"],
                          title=a.get("title", ""), published=a.get("published"))
    elif source.startswith("fuzz:"):
        sys.path.insert(0, str(HERE))
        from unit_tail import _texts

        for tid, title, text, _ in _texts(source):
            yield Article(url=f"https://fuzz.test/{tid}", text=text, title=title)
    else:
        from extractor.inputs import read_jsonl

        for item in read_jsonl(Path(source)):
            yield item.parse() if hasattr(item, "parse") else item


def fields(ex) -> dict[str, str]:
    return {f.name: repr(getattr(ex, f.name)) for f in dataclasses.fields(ex) if f.name != "persons"}


def main() -> None:
    from extractor.nlp import extract_many

    for source in sys.argv[1:] or ["gold"]:
        arts = list(articles(source))
        full = [fields(e) for e in extract_many(arts, persons=True)]
        ingest = [fields(e) for e in extract_many(arts, persons=False)]
        differ: dict[str, list[str]] = {}
        for a, f, i in zip(arts, full, ingest):
            for k in f:
                if f[k] != i[k]:
                    differ.setdefault(k, []).append(a.url)
        print(f"{source}: {len(arts)} articles; articles differing, per field: "
              f"{ {k: len(v) for k, v in differ.items()} or 'none'}")
        for k, v in differ.items():
            print(f"  {k}: {', '.join(v[:5])}{' ...' if len(v) > 5 else ''}")


if __name__ == "__main__":
    main()
