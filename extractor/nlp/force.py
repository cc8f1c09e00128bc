"""Force figures: the counts of personnel a stretch of text states, each with
its role, and the force they add up to.

A count ("312 personel", "seratus lima puluh anggota", "ratusan personel
gabungan") gets one role from the words around it (``[force]`` in
``lexicons/events.toml``): ``other`` (casualties, sanctions), ``per_unit``
("setiap TPS dijaga dua personel"), ``part`` (after "terdiri dari"),
``reinforcement`` ("dibantu 210 prajurit", "100 personel BKO"), ``total``
("total 45 personel", "550 personel gabungan") or ``own``. :func:`force`
turns the figures of one sentence into the force it states: the stated total,
else the first count with the exact counts joined to it by "dibantu /
ditambah / serta / dan" added, else the parts added up; per-unit counts and
casualties never make the force.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .lexicon import _cues, lexicon
from .numbers import WORD_NUMBER, digits_to_int, words_to_int


@dataclass(frozen=True)
class Figure:
    n: int
    approx: bool
    start: int  # offsets in the text searched
    end: int
    role: str  # own, total, part, reinforcement, per_unit, other
    unit: Optional[str] = None  # for per_unit: what each count is for ("TPS")


@dataclass(frozen=True)
class Force:
    """The force one sentence states."""

    n: Optional[int]  # the force: total, or own + counted-in reinforcements, or the parts summed
    approx: bool = False
    reinforcement: Optional[int] = None  # exact reinforcements counted into ``n``
    parts: tuple[int, ...] = ()  # stated components of ``n``
    per_unit: Optional[tuple[int, str]] = None  # (count, unit): "dua personel per TPS"
    total: bool = False  # ``n`` is stated as a total ("total 45 personel", "550 personel gabungan")
    only_reinforcement: bool = False  # every count is a reinforcement ("Pengamanan dibantu 210 prajurit")
    only_parts: bool = False  # every count is a part of a total stated elsewhere
    #: exact counts a stated total stands beside in its sentence ("bersama 265 personel Polres membentuk kekuatan
    #: 385 personel gabungan"): what the total holds besides a force stated before it
    beside: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Rx:
    count: re.Pattern
    noun: re.Pattern
    not_force: Optional[re.Pattern]
    per_unit_near: re.Pattern
    pattern: Optional[re.Pattern]
    per_unit_after: Optional[re.Pattern]
    parts: Optional[re.Pattern]
    reinforcement: Optional[re.Pattern]
    reinforcement_after: Optional[re.Pattern]
    total: Optional[re.Pattern]
    total_after: Optional[re.Pattern]
    additive: re.Pattern
    listed: re.Pattern
    same: Optional[re.Pattern]
    muster: Optional[re.Pattern]
    mustered: Optional[re.Pattern]
    every_day: Optional[re.Pattern]
    clause: re.Pattern


@lru_cache(maxsize=1)
def _rx() -> _Rx:
    lex = lexicon()
    f = lex.force
    nouns = "|".join(lex.personnel["nouns"])
    vague = "|".join(sorted(lex.personnel["vague"], key=len, reverse=True))
    not_after = "|".join(f.get("not_after_noun", ()))
    count = re.compile(
        rf"(?:(?P<num>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:\s*\((?:[a-z ]+)\))?|(?P<words>{WORD_NUMBER.pattern})|(?P<vague>{vague}))"
        rf"\s+(?:orang\s+)?(?:(?:gabungan|pasukan)\s+)?(?:{nouns})\b"
        + (rf"(?!\s+(?:{not_after})\b)" if not_after else ""),
        re.IGNORECASE)
    dist = "|".join(f.get("distributive", ()))
    units = "|".join(f.get("units", ()))
    near = re.compile(rf"(?<![\w])(?:{dist})\s+(?:[\w-]+\s+){{0,1}}(?:{units})(?![\w])", re.IGNORECASE)
    additive = "|".join(f.get("additive", ()))
    return _Rx(
        count=count,
        noun=re.compile(rf"(?:{nouns})\b", re.IGNORECASE),
        not_force=_cues(f.get("not_force")),
        per_unit_near=near,
        pattern=_cues(f.get("pattern")),
        per_unit_after=_cues(f.get("per_unit_after"), tail=""),
        parts=_cues(f.get("parts")),
        reinforcement=_cues(f.get("reinforcement")),
        reinforcement_after=_cues(f.get("reinforcement_after"), tail=""),
        total=_cues(f.get("total")),
        total_after=_cues(f.get("total_after")),
        additive=re.compile(rf"^\W*(?:[\w.()/-]+\s+){{0,6}}?(?:{additive})\b", re.IGNORECASE),
        # the next item of a list of units: "312 personel Polres X, 1 SSK Brimob, 85 prajurit Kodim"
        listed=re.compile(r"^(?=[^,]*[A-Z])(?:[\s,]+(?!(?:me|di|ber|ter)[a-z])[\w./()-]+){1,10},\s*$"),
        same=_cues(f.get("same_force")),
        muster=_cues(f.get("muster"), tail=""),
        mustered=_cues(f.get("mustered"), tail=""),
        every_day=_cues(f.get("every_day")),
        clause=re.compile(r"[,;:]|(?<![\w])(?:sementara|sedangkan|namun|tetapi|sehingga)(?![\w])", re.IGNORECASE),
    )


def figures(text: str, start: int = 0, end: Optional[int] = None) -> list[Figure]:
    """The counts of personnel in ``text[start:end]``, with their roles
    (offsets relative to ``text``)."""
    rx = _rx()
    lex = lexicon()
    end = len(text) if end is None else end
    found: list[Figure] = []
    if not rx.noun.search(text, start, end):  # no noun of personnel: no count (a cheap test first)
        return found
    part_from = None
    if rx.parts is not None:
        pm = rx.parts.search(text, start, end)
        part_from = pm.start() if pm else None
    for m in rx.count.finditer(text, start, end):
        if m.group("num"):
            n, approx = digits_to_int(m.group("num")), False
        elif m.group("words"):
            n, approx = words_to_int(m.group("words")), False
        else:
            n, approx = lex.personnel["vague"][m.group("vague").lower()], True
        if not n:
            continue
        found.append(Figure(n, approx, m.start(), m.end(), *_role(text, m.start(), m.end(), start, end, part_from, rx)))
    return found


def _role(text: str, s: int, e: int, lo: int, hi: int, part_from: Optional[int], rx: _Rx) -> tuple[str, Optional[str]]:
    cut = max((m.end() for m in rx.clause.finditer(text, lo, s)), default=lo)
    stop = rx.clause.search(text, e, hi)
    clause_end = stop.start() if stop else hi
    if rx.not_force is not None and rx.not_force.search(text, e, min(hi, e + 25)):
        return "other", None
    near = rx.per_unit_near.search(text, max(cut, s - 35), min(clause_end, e + 25))
    if near is not None:
        return "per_unit", near.group().split()[-1]
    if rx.pattern is not None and rx.pattern.search(text, max(lo, s - 60), s):
        return "per_unit", "TPS"
    if rx.per_unit_after is not None:
        pa = rx.per_unit_after.search(text, e, min(clause_end, e + 40))
        if pa is not None:
            return "per_unit", pa.group().split()[-1]
    if part_from is not None and part_from < s:
        return "part", None
    if rx.reinforcement is not None and rx.reinforcement.search(text, max(cut, s - 40), s):
        return "reinforcement", None
    after = text[e:min(hi, e + 40)]
    if rx.reinforcement_after is not None and rx.reinforcement_after.match(after.lstrip()):
        return "reinforcement", None
    if rx.reinforcement_after is not None and re.match(r"\s*[\w-]+\s+(?:BKO|\(BKO\))", after):
        return "reinforcement", None
    if rx.total is not None and rx.total.search(text, max(cut, s - 15), s):
        return "total", None
    if rx.total_after is not None and rx.total_after.match(after.lstrip()):
        return "total", None
    return "own", None


def force(text: str, start: int = 0, end: Optional[int] = None) -> Force:
    """The force ``text[start:end]`` (one sentence) states."""
    return combine(text, figures(text, start, end))


def combine(text: str, figs: list[Figure]) -> Force:
    rx = _rx()
    per = next(((f.n, f.unit or "") for f in figs if f.role == "per_unit"), None)
    figs = [f for f in figs if f.role not in ("other", "per_unit")]
    if not figs:
        return Force(None, per_unit=per)
    totals = [f for f in figs if f.role == "total"]
    parts = tuple(f.n for f in figs if f.role == "part" and not f.approx)
    if totals:
        t = max(totals, key=lambda f: f.n)
        beside = tuple(f.n for f in figs if f.role in ("own", "reinforcement") and not f.approx and f.n < t.n)
        return Force(t.n, t.approx, parts=parts, per_unit=per, total=True, beside=beside)
    whole = [f for f in figs if f.role != "part"]
    if not whole:  # only the breakdown: its sum, unless a total was stated before
        exact = [f for f in figs if not f.approx]
        return Force(sum(f.n for f in exact) if exact else figs[0].n, not exact, parts=parts, per_unit=per,
                     only_parts=True)
    if parts and whole:  # "285 personel ..., terdiri dari 214 ... dan 71 ...": the count before the breakdown
        first = whole[0]
        return Force(first.n, first.approx, parts=parts, per_unit=per, total=first.role == "total")
    if all(f.role == "reinforcement" for f in whole):
        exact = [f for f in whole if not f.approx]
        n = sum(f.n for f in exact) if exact else whole[0].n
        return Force(n, not exact, reinforcement=n if exact else None, per_unit=per, only_reinforcement=True)
    # a chain: the first count, with the exact counts joined to it added up
    chain = [whole[0]]
    for a, b in zip(whole, whole[1:]):
        if rx.additive.match(text[a.end:b.start]) or b.role == "reinforcement" or rx.listed.match(text[a.end:b.start]):
            chain.append(b)
        else:
            break
    if len(chain) == len(whole) and len(chain) > 1:
        added = [f for f in chain[1:] if not f.approx]
        n = chain[0].n + sum(f.n for f in added)
        rein = sum(f.n for f in added if f.role == "reinforcement") or None
        return Force(n, chain[0].approx, reinforcement=rein,
                     parts=tuple(f.n for f in [chain[0], *added]), per_unit=per)
    best = max(whole, key=lambda f: (not f.approx, f.n))
    return Force(best.n, best.approx, per_unit=per)


def same_force(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` say the force was the same as before ("dengan
    kekuatan pengamanan yang sama")?"""
    rx = _rx()
    return bool(rx.same and rx.same.search(text, start, end))


def musters(text: str, start: int, end: int) -> Optional[str]:
    """Does ``text[start:end]`` link a parade's force with the event deployed
    after it: "on" when the parade's force goes on to it ("Usai apel, personel
    langsung bergeser ke TPS"), "back" when the deployed force is the one the
    parade mustered ("seluruh personel mengikuti apel"), else None?"""
    rx = _rx()
    if rx.muster and rx.muster.search(text, start, end):
        return "on"
    if rx.mustered and rx.mustered.search(text, start, end):
        return "back"
    return None


def every_day(text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` give a force for every day of an event
    ("setiap hari selama rekapitulasi berlangsung")?"""
    rx = _rx()
    return bool(rx.every_day and rx.every_day.search(text, start, end))
