"""Exact-span NER evaluation on CoNLL-style files.

A file holds one token per line: the token first, optional middle columns,
the entity tag last; a blank line ends a sentence; ``-DOCSTART-`` lines are
skipped.  Tags may be BIO, IOB1 (``I-`` starting an entity), BIOES/BILOU or
bare labels (``PER``); ``O`` (or ``_`` / ``-``) is outside.

``evaluate_file`` runs a spaCy pipeline (default: the shipped model, see
:mod:`extractor.nlp.model`) over each sentence using the gold tokenisation
(``Doc(nlp.vocab, words=...)``, tokenizer bypassed) and returns micro P/R/F
over exact (start, end, label) spans, overall and per label. The runtime's
``eval-ner`` verb uses it, and so does training to score its dev sets.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Sequence

OUTSIDE_TAGS = frozenset({"O", "_", "-", ""})

Span = tuple[int, int, str]  # token start, token end (exclusive), label


@dataclass
class Sentence:
    words: list[str]
    tags: list[str]
    spans: list[Span] = field(default_factory=list)


# ------------------------------------------------------------------ reading

def parse_label_map(text: str | None) -> dict[str, str]:
    """``"PERSON=PER,PLACE=LOC"`` -> ``{"PERSON": "PER", "PLACE": "LOC"}``.

    Pairs are separated by commas (or semicolons); whitespace is ignored.
    Raises ``ValueError`` on an item without ``=`` or with an empty side.
    """
    result: dict[str, str] = {}
    if not text:
        return result
    for item in text.replace(";", ",").split(","):
        item = item.strip()
        if not item:
            continue
        if "=" not in item:
            raise ValueError(f"label map item {item!r} is not of the form SRC=DST")
        src, dst = (s.strip() for s in item.split("=", 1))
        if not src or not dst:
            raise ValueError(f"label map item {item!r} has an empty side")
        result[src] = dst
    return result


def _split_line(line: str, fmt: str) -> list[str]:
    if fmt == "tsv":
        cols = [c.strip() for c in line.split("\t")]
        cols = [c for c in cols if c != ""] or [line.strip()]
        return cols
    if fmt == "conll":
        return line.split()
    raise ValueError(f"unknown format {fmt!r} (expected 'conll' or 'tsv')")


def iter_conll(path: str | Path, fmt: str = "conll") -> Iterator[tuple[list[str], list[str]]]:
    """Yield ``(words, tags)`` per sentence of a CoNLL-style file."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig", newline=None) as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if words:
                    yield words, tags
                    words, tags = [], []
                continue
            cols = _split_line(line, fmt)
            if cols[0] == "-DOCSTART-":
                if words:
                    yield words, tags
                    words, tags = [], []
                continue
            words.append(cols[0])
            tags.append(cols[-1] if len(cols) > 1 else "O")
    if words:
        yield words, tags


def tags_to_spans(tags: Sequence[str], label_map: dict[str, str] | None = None) -> list[Span]:
    """Entity spans from BIO / IOB1 / BIOES / BILOU / bare-label tags."""
    label_map = label_map or {}
    spans: list[Span] = []
    start: int | None = None
    label: str | None = None

    def close(end: int) -> None:
        nonlocal start, label
        if start is not None and label is not None:
            spans.append((start, end, label_map.get(label, label)))
        start, label = None, None

    for i, tag in enumerate(tags):
        tag = tag.strip()
        if tag in OUTSIDE_TAGS:
            close(i)
            continue
        if len(tag) > 2 and tag[1] in "-_" and tag[0] in "BIESLU":
            prefix, typ = tag[0], tag[2:]
        else:  # bare label: behaves like I-
            prefix, typ = "I", tag
        if prefix in "BSU" or label != typ or start is None:
            # B/S/U always start; I/E/L start when they do not continue (IOB1)
            close(i)
            start, label = i, typ
        if prefix in "SUEL":
            close(i + 1)
    close(len(tags))
    return spans


def read_conll(path: str | Path, fmt: str = "conll",
               label_map: dict[str, str] | None = None) -> list[Sentence]:
    return [Sentence(w, t, tags_to_spans(t, label_map)) for w, t in iter_conll(path, fmt)]


# ------------------------------------------------------------------ scoring

def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "fp": fp, "fn": fn}


def score_spans(gold: Iterable[Iterable[Span]], pred: Iterable[Iterable[Span]]) -> dict:
    """Micro P/R/F of exact span matches, per sentence pairs of span sets."""
    counts: dict[str, list[int]] = {}
    tp = fp = fn = 0
    for g_spans, p_spans in zip(gold, pred):
        g, p = set(g_spans), set(p_spans)
        for s in g | p:
            c = counts.setdefault(s[2], [0, 0, 0])
            if s in g and s in p:
                c[0] += 1
                tp += 1
            elif s in p:
                c[1] += 1
                fp += 1
            else:
                c[2] += 1
                fn += 1
    return {
        "overall": _prf(tp, fp, fn),
        "per_label": {lab: _prf(*c) for lab, c in sorted(counts.items())},
    }


def predict_spans(nlp, sentences: Sequence[Sentence], batch_size: int = 256) -> list[list[Span]]:
    """Run ``nlp``'s components on docs built from the gold tokens."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=s.words) for s in sentences)
    out: list[list[Span]] = []
    for doc in nlp.pipe(docs, batch_size=batch_size):
        out.append([(e.start, e.end, e.label_) for e in doc.ents])
    return out


def evaluate_file(path: str | Path, fmt: str = "conll",
                  label_map: dict[str, str] | None = None, nlp=None) -> dict:
    """Evaluate ``nlp`` (default: the shipped model) on a CoNLL-style file.

    Returns ``{"overall": {"p","r","f",...}, "per_label": {LABEL: {...}},
    "sentences": n}``; gold labels are renamed with ``label_map`` first.
    """
    if fmt not in ("conll", "tsv"):
        raise ValueError(f"unknown format {fmt!r} (expected 'conll' or 'tsv')")
    if nlp is None:
        from .model import load_model

        nlp = load_model()
    sentences = read_conll(path, fmt, label_map)
    pred = predict_spans(nlp, sentences)
    result = score_spans((s.spans for s in sentences), pred)
    result["sentences"] = len(sentences)
    return result
