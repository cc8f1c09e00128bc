"""Pure functions over extraction records: the JSON contract of
``extract-text``/``extract-html``, and who is the same person across
articles (the identity key and the rule the store applies with it). No I/O
here."""

from __future__ import annotations

import re
import unicodedata
from typing import Any, Optional

from .types import Extraction, Official


def to_contract(ex: Extraction) -> dict[str, Any]:
    """The JSON shape the README documents ("What one article becomes"); every
    key is always present."""
    a = ex.article
    return {
        "article": {"url": a.url, "title": a.title, "published": a.published, "text": a.text,
                    "canonical_url": a.canonical_url, "dateline": a.dateline},
        "officials": [
            {"name": o.name, "rank": o.rank, "rank_full": o.rank_full, "corps": o.corps, "institution": o.institution,
             "position": o.position, "unit": o.unit, "region": o.region, "region_code": o.region_code,
             "degrees": list(o.degrees), "honorific": o.honorific,
             "mentions": [list(m) for m in o.mentions]}
            for o in ex.officials
        ],
        "places": [
            {"name": p.name, "type": p.type, "code": p.code, "province": p.province,
             "mentions": [list(m) for m in p.mentions]}
            for p in ex.places
        ],
        "dates": [{"date": d.date, "text": d.text, "start": d.start, "end": d.end, "time": d.time, "flag": d.flag}
                  for d in ex.dates],
        "events": [
            {"type": e.type, "date": e.date, "place": e.place, "place_code": e.place_code, "actors": list(e.actors),
             "forces": list(e.forces), "personnel": e.personnel, "personnel_approx": e.personnel_approx,
             "election": e.election, "stage": e.stage,
             "trigger": e.trigger, "start": e.start, "end": e.end}
            for e in ex.events
        ],
        "quotes": [{"speaker": q.speaker, "text": q.text, "start": q.start, "end": q.end} for q in ex.quotes],
        "candidates": [{"names": list(c.names), "text": c.text, "start": c.start, "end": c.end} for c in ex.candidates],
        "persons": [{"name": n, "start": s, "end": e} for n, s, e in ex.persons],
        "primary_region": ({"name": ex.primary_region.name, "type": ex.primary_region.type,
                            "code": ex.primary_region.code, "province": ex.primary_region.province}
                           if ex.primary_region else None),
        "extractor_version": ex.extractor_version,
        "model_version": ex.model_version,
    }


def normalise_name(name: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a person name."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", re.sub(r"[^a-z ]", " ", s.lower())).strip()


def official_key(o: Official, nth: int = 1) -> str:
    """Identity of a person across articles: normalised name + institution.
    Two people who share only a first name or a surname never share a key,
    since the key holds the whole name as written in its fullest form. The
    ``nth`` person of that name who is not the same person as the ones before
    (:func:`same_person`) gets ``#nth`` after it."""
    key = f"{normalise_name(o.name)}|{o.institution or ''}"
    return key if nth == 1 else f"{key}#{nth}"


def province_code(region_code: Optional[str]) -> Optional[str]:
    """``16.03`` -> ``16``; None for no code."""
    return (region_code or "").split(".")[0] or None


def same_person(o: Official, rank_order: Optional[int], province: Optional[str]) -> bool:
    """Whether ``o`` can be the person already known with the same key, last
    seen with ``rank_order`` in ``province``: ranks at most two steps apart
    (a bigger jump is another person with the same name), and for local
    civilian bodies (KPU, Bawaslu, PPK, Pemda, ...) the same province. Police
    and military officers keep one person across transfers."""
    if o.rank_order is not None and rank_order is not None and abs(o.rank_order - rank_order) > 2:
        return False
    own = province_code(o.region_code)
    return o.institution in ("Polri", "TNI") or not (own and province and own != province)
