"""Text -> annotated doc -> records. The only sub-package that imports spaCy.

Public front: :func:`extract` turns one :class:`~extractor.types.Article` into
an :class:`~extractor.types.Extraction`; :func:`extract_many` streams many.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from ..datafiles import extractor_version
from ..types import Article, Extraction, Place


def _doc_to_extraction(article: Article, doc, version: str) -> Extraction:
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
        persons=_persons(doc),
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


def extract(article: Article) -> Extraction:
    return next(extract_many([article]))


def extract_many(articles: Iterable[Article], batch_size: int = 16) -> Iterator[Extraction]:
    from .pipeline import load, model_version

    nlp = load()
    version = model_version(nlp)

    def docs():
        for a in articles:
            d = nlp.make_doc(a.text)
            d.user_data["article"] = a
            d.user_data["text"] = a.text
            d.user_data["published"] = a.published
            d.user_data["dateline"] = a.dateline
            yield d

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        yield _doc_to_extraction(doc.user_data["article"], doc, version)
