"""Convert the shared CoNLL corpora to spaCy DocBin files.

The corpora stay in ``<repo>/../shared/data/ner`` and are never copied into
the repository; DocBins go to a build directory.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from extractor.nlp.ner_eval import Sentence, read_conll

NERGRIT_LABELS = {"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"}


@dataclass(frozen=True)
class CorpusSpec:
    name: str
    subdir: str
    train: str
    dev: str
    fmt: str
    label_map: dict | None


CORPORA = (
    CorpusSpec("idner-news-2k", "idner-news-2k", "train.txt", "dev.txt", "conll", None),
    CorpusSpec("nergrit", "nergrit", "train.txt", "valid.txt", "tsv", NERGRIT_LABELS),
)


def load(data_dir: Path, spec: CorpusSpec, split: str, map_labels: bool = True) -> list[Sentence]:
    path = Path(data_dir) / spec.subdir / (spec.train if split == "train" else spec.dev)
    return read_conll(path, spec.fmt, spec.label_map if map_labels else None)


def sentences_to_docs(vocab, sentences: Iterable[Sentence]):
    from spacy.tokens import Doc, Span

    for s in sentences:
        doc = Doc(vocab, words=s.words)
        doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in s.spans]
        yield doc


def raw_text_docs(nlp, sentences: Iterable[Sentence]):
    """Docs tokenised by ``nlp``'s tokenizer from the space-joined gold words,
    with entities projected by character offsets (used by the baseline that
    re-tokenises its training text). Entities that do not align are dropped."""
    for s in sentences:
        starts, pos = [], 0
        for w in s.words:
            starts.append(pos)
            pos += len(w) + 1
        doc = nlp.make_doc(" ".join(s.words))
        ents = []
        for a, b, lab in s.spans:
            sp = doc.char_span(starts[a], starts[b - 1] + len(s.words[b - 1]), label=lab,
                               alignment_mode="strict")
            if sp is not None:
                ents.append(sp)
        doc.ents = ents
        yield doc


def write_docbin(docs, path: Path) -> int:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    n = 0
    for doc in docs:
        db.add(doc)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return n
