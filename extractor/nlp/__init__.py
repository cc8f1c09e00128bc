"""Text -> annotated doc -> records. The only sub-package that imports spaCy.

Public front: :func:`extract` turns one :class:`~extractor.types.Article` into
an :class:`~extractor.types.Extraction`; :func:`extract_many` streams many.

A text longer than :data:`SEGMENT_CHARS` (or spaCy's ``nlp.max_length``, when
lower) is extracted in segments of at most that size, cut between paragraphs,
one segment at a time: spaCy refuses a text over ``nlp.max_length`` (E088),
and the memory one doc takes grows with its length, so segments keep it flat
whatever the text (no news article is that long; a book or a corpus dumped
into one file may be). The segments' records are joined with their offsets
into the whole text (:func:`segments`, :func:`_joined`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import fields, replace
from typing import Iterable, Iterator

from ..datafiles import extractor_version
from ..types import Article, Extraction, Place

#: the longest text extracted in one piece; longer ones go in segments of at most this size
SEGMENT_CHARS = 100_000


#: the trained NER model's pipes: ``ner`` reads ``tok2vec``'s output (``doc.tensor``) through a listener
NER_PIPES = ("tok2vec", "ner")


def _doc_to_extraction(article: Article, doc, version: str, persons: bool = True) -> Extraction:
    return Extraction(
        article=article,
        officials=tuple(doc._.pantau_officials.officials),
        places=tuple(doc._.pantau_places.places),
        dates=tuple(doc._.pantau_dates),
        events=tuple(doc._.pantau_events),
        quotes=tuple(doc._.pantau_quotes),
        extractor_version=extractor_version(),
        model_version=version,
        candidates=tuple(doc._.pantau_candidates.candidates),
        persons=_persons(doc) if persons else (),
        primary_region=_primary(doc._.pantau_places),
        **_article_force(doc),
        posts=tuple(doc._.pantau_holders[0]) if doc._.pantau_holders else (),
        handovers=tuple(doc._.pantau_holders[1]) if doc._.pantau_holders else (),
    )


def _article_force(doc) -> dict:
    from .events import article_force

    n, approx = article_force(doc.user_data.get("text") or doc.text, doc._.pantau_events)
    return {"personnel": n, "personnel_approx": approx}


def _persons(doc) -> tuple:
    """PER entities of the NER model that no official or candidate covers."""
    taken = [(s, e) for o in doc._.pantau_officials.officials for s, e in o.mentions]
    taken += [m for c in doc._.pantau_candidates.candidates for m in c.mentions]
    return tuple((e.text, e.start_char, e.end_char) for e in doc.ents
                 if e.label_ == "PER" and not any(s < e.end_char and e.start_char < t for s, t in taken))


def _primary(places):
    r = places.primary
    if r is None:
        return None
    return Place(r.name, "kota" if r.type == "kota" else r.type, r.code, r.province)


def extract(article: Article, persons: bool = True) -> Extraction:
    return next(extract_many([article], persons=persons))


def extract_many(articles: Iterable[Article], batch_size: int = 16, persons: bool = True) -> Iterator[Extraction]:
    """The extraction of each article, in order: articles of ordinary length in
    spaCy batches of ``batch_size``, a longer one alone, segment by segment.

    ``persons=False`` leaves :attr:`Extraction.persons` empty (the other people
    the NER model names, which only the ``extract-text`` contract reports) and
    runs the NER model only on the paragraphs where a quote's speaker is looked
    for (:func:`ner_parts`), and on the paragraphs before them where a bare
    first name's full name may be written (:func:`full_name_parts`): the other
    records are the same, but for a quote whose speaker only the fallback to
    any person named further back would give (2 of the 1,237 quotes of 647
    texts of the corpus and generated pages)."""
    from .pipeline import load, model_version

    nlp = load()
    version = model_version(nlp)

    def batch(group: list[Article]) -> Iterator[Extraction]:
        for doc in annotate(nlp, [_doc(nlp, a) for a in group], batch_size, persons):
            yield _doc_to_extraction(doc.user_data["article"], doc, version, persons)

    size = min(SEGMENT_CHARS, nlp.max_length)
    group: list[Article] = []
    for a in articles:
        if len(a.text) <= size:
            group.append(a)
            if len(group) >= batch_size:
                yield from batch(group)
                group = []
            continue
        yield from batch(group)
        group = []
        parts = []
        for start, end in segments(a.text, size):
            part = replace(a, text=a.text[start:end])
            doc = next(annotate(nlp, [_doc(nlp, part)], 1, persons))
            parts.append((start, _doc_to_extraction(part, doc, version, persons)))
            del doc
        yield _joined(a, parts)
    yield from batch(group)


def annotate(nlp, docs: list, batch_size: int, persons: bool = True) -> Iterator:
    """``docs`` (made by :func:`_doc`) through the pipeline ``nlp``, in order:
    first the NER pipes (:data:`NER_PIPES`) on what :func:`ner_parts` gives,
    in spaCy batches of ``batch_size``, their entities set on the docs
    (:func:`set_part_entities`), then (without ``persons``) on the paragraphs
    :func:`full_name_parts` adds; then the rule components on every doc."""
    ner = [name for name in nlp.pipe_names if name in NER_PIPES]
    if not ner:
        return nlp.pipe(docs, batch_size=batch_size)
    rules = [name for name in nlp.pipe_names if name not in NER_PIPES]
    parts = ner_parts(nlp, docs, persons)
    for _ in nlp.pipe([part for _, _, part in parts], batch_size=batch_size, disable=rules):
        pass
    set_part_entities(parts)
    if not persons:
        more = full_name_parts(nlp, parts)
        for _ in nlp.pipe([part for _, _, part in more], batch_size=batch_size, disable=rules):
            pass
        set_part_entities(more)
    return nlp.pipe(docs, batch_size=batch_size, disable=ner)


def ner_parts(nlp, docs: list, persons: bool) -> list[tuple]:
    """What the NER model runs on, as (doc, the token it starts at, the part):
    every doc whole when ``persons`` are asked for (they are looked for in the
    whole text); else, of the docs with a direct quote, the paragraphs where
    the speaker rules look for a quote's speaker among the PER spans
    (:func:`~extractor.nlp.quotes.speaker_context`), each a doc of its own
    with the same tokens; a doc without a quote not at all."""
    from .quotes import quote_spans, speaker_context

    if persons:
        return [(d, 0, d) for d in docs]
    parts = []
    for d in docs:
        text = d.user_data["text"]
        parts += _parts(nlp, d, speaker_context(text, quote_spans(text)))
    return parts


def full_name_parts(nlp, parts: list[tuple]) -> list[tuple]:
    """The paragraphs, not read yet, where a one-word PER span the NER found
    in ``parts`` (``teriak Yance``) may have its full name written earlier
    (:func:`~extractor.nlp.quotes.full_name_context`), as :func:`ner_parts`
    gives them: the speaker rules give the bare name the full name of a
    person named before it (a paragraph :func:`ner_parts` did not cut out)."""
    from .quotes import full_name_context

    read: dict[int, list[tuple[int, int]]] = {}
    for d, at, part in parts:
        read.setdefault(id(d), []).append((d[at].idx, d[at + len(part) - 1].idx + len(d[at + len(part) - 1])))
    more = []
    for d, at, part in parts:
        if part is d:
            continue
        text, wanted, done = d.user_data["text"], [], read[id(d)]
        for e in part.ents:
            word = " ".join(e.text.split())
            if e.label_ != "PER" or " " in word:
                continue
            for start, end in full_name_context(text, word, d[at + e.start].idx):
                if not any(s < end and start < t for s, t in done):
                    wanted.append((start, end))
                    done.append((start, end))
        more += _parts(nlp, d, wanted)
    return more


def _parts(nlp, d, stretches) -> list[tuple]:
    """(doc, the token it starts at, the part) for each (start, end) of
    ``stretches``: a doc of its own with the same tokens as ``d`` there."""
    from spacy.attrs import IDX

    text, out = d.user_data["text"], []
    for start, end in stretches:
        span = d.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        # the part's text tokenized again (~3x cheaper than Span.as_doc), unless its tokens differ
        part = nlp.make_doc(text[span.start_char:span.end_char])
        if len(part) != len(span) or (part.to_array(IDX) + span.start_char != d.to_array(IDX)[span.start:span.end]).any():
            part = span.as_doc()
        out.append((d, span.start, part))
    return out


def set_part_entities(parts: list[tuple]) -> None:
    """The entity annotation the NER gave each part (B/I/O and label of every
    token) copied to the same tokens of its doc; the doc's other tokens keep
    theirs (missing: the NER did not read them)."""
    from spacy.attrs import ENT_IOB, ENT_TYPE

    attrs = [ENT_IOB, ENT_TYPE]
    for d, at, part in parts:
        if part is not d:
            whole = d.to_array(attrs)
            whole[at:at + len(part)] = part.to_array(attrs)
            d.from_array(attrs, whole)


def _doc(nlp, a: Article):
    d = nlp.make_doc(a.text)
    d.user_data["article"] = a
    d.user_data["text"] = a.text
    d.user_data["published"] = a.published
    d.user_data["dateline"] = a.dateline
    return d


def segments(text: str, size: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` of at most ``size`` characters, cut
    at the last paragraph break in reach, else the last sentence end, else the last
    space (a piece holds no separator it was cut at)."""
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        stop = start + size
        for sep, keep in (("\n\n", 0), (". ", 1), ("\n", 0), (" ", 0)):
            cut = text.rfind(sep, start + size // 2, stop)
            if cut > start:
                out.append((start, cut + keep))
                start = cut + len(sep)
                break
        else:
            out.append((start, stop))
            start = stop
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


def _shifted(record, by: int):
    """A record with its offsets (``start``/``end``, ``mentions``) moved by ``by``."""
    changes = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name in ("start", "end") and isinstance(value, int):
            changes[f.name] = value + by
        elif f.name == "mentions":
            changes[f.name] = tuple((s + by, e + by) for s, e in value)
    return replace(record, **changes) if changes else record


def _merged(records: list, key) -> tuple:
    """Records of one person or place found in several segments, as one: the first,
    with the mentions of all and the values it lacks taken from the later ones."""
    out: dict = {}
    for r in records:
        k = key(r)
        if k not in out:
            out[k] = r
            continue
        first = out[k]
        missing = {f.name: getattr(r, f.name) for f in fields(r)
                   if f.name != "mentions" and getattr(first, f.name) in (None, "", ()) and getattr(r, f.name)}
        out[k] = replace(first, mentions=tuple(sorted(set(first.mentions) | set(r.mentions))), **missing)
    return tuple(out.values())


def _joined(article: Article, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction from those of the segments of ``article`` (``(offset, extraction)``
    in order): offsets into the whole text; an official, place or candidate found in
    several segments once; the article's main event and force from the first segment
    that has one, its primary region the one most segments give."""
    def every(attr: str) -> list:
        return [_shifted(r, at) for at, ex in parts for r in getattr(ex, attr)]

    events, main_seen = [], False
    for e in every("events"):
        if e.main and main_seen:
            e = replace(e, main=False)
        main_seen = main_seen or e.main
        events.append(e)
    force = next(((ex.personnel, ex.personnel_approx) for _, ex in parts if ex.personnel is not None), (None, False))
    regions = Counter(ex.primary_region for _, ex in parts if ex.primary_region is not None)
    return Extraction(
        article=article,
        officials=_merged(every("officials"), lambda o: (o.name, o.institution)),
        places=_merged(every("places"), lambda p: (p.name, p.type, p.code)),
        dates=tuple(every("dates")), events=tuple(events), quotes=tuple(every("quotes")),
        extractor_version=parts[0][1].extractor_version, model_version=parts[0][1].model_version,
        candidates=_merged(every("candidates"), lambda c: c.name),
        persons=tuple((name, s + at, e + at) for at, ex in parts for name, s, e in ex.persons),
        primary_region=regions.most_common(1)[0][0] if regions else None,
        personnel=force[0], personnel_approx=force[1],
        posts=tuple(every("posts")), handovers=tuple(every("handovers")),
    )
