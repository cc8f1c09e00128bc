"""Counting rules: at which level a personnel figure (or an event) holds, where
in the text a figure is stated, and which figures are one deployment.

Pure functions over an article's text and its coded places; the cue words are
data (``extractor/data/counting.toml``). :mod:`extractor.facts` applies them to
stored events; the SQL views count with their results (``deployments``,
``personnel_by_stage``):

* **Levels.** A figure is national, provincial or local (kabupaten/kota, which
  includes its kecamatan, desa and venues). It is at least as wide as its
  event's place, and wider when its sentence says so: a territorial spread
  ("disebar ke 37 provinsi", "se-Bali", "12 kabupaten/kota") wins over any place
  the sentence names; a national body deploying at the start of a sentence
  ("Polri mengerahkan 155.937 personel ...") or a provincial one anywhere
  ("Polda Riau menyiapkan 6.412 personel") counts only when the sentence names
  no narrower unit or region. Figures are summed within a level, never across:
  a national or provincial figure is never added into a kabupaten.
* **Deployments.** Within one story (a near-duplicate cluster: the syndicated
  copies of one report) the same figure is one deployment however many events
  and copies carry it, counted once at the widest level any of them gives it.
  Two stories are two reports and are not merged (their deployments may be the
  same: the report says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from . import datafiles
from .sentence import next_sentence, sentence_span

#: levels from the widest; kecamatan-coded places count at their kabupaten/kota
LEVELS = ("national", "province", "kabupaten")
_RANK = {lvl: i for i, lvl in enumerate(LEVELS)}


def level_of_code(code: Optional[str]) -> Optional[str]:
    """The counting level of a Kemendagri code: "16" province, "16.03" and
    anything inside it kabupaten; None for no code."""
    if not code:
        return None
    return "province" if len(code) <= 2 else "kabupaten"


def code_at(code: Optional[str], level: Optional[str]) -> Optional[str]:
    """``code`` cut to ``level``: "" for national, the province's two digits,
    the kabupaten/kota's five characters."""
    if level == "national":
        return ""
    if not code or level is None:
        return None
    return code[:2] if level == "province" else code[:5]


def wider(a: Optional[str], b: Optional[str]) -> Optional[str]:
    """The wider of two levels (None is the narrowest: unknown)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if _RANK[a] <= _RANK[b] else b


@dataclass(frozen=True)
class Scope:
    """Where a figure or event holds: ``level`` (national, province, kabupaten or
    None), ``code`` at that level ("" national, "16", "16.03"), and the words of
    the cue that widened it ("" when the place decided)."""

    level: Optional[str]
    code: Optional[str]
    cue: str = ""


# -- the rules, compiled from counting.toml -------------------------------------------------------
def _words(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


@dataclass(frozen=True)
class Rules:
    national_spread: re.Pattern
    national_deployer: re.Pattern  # at the start of a sentence, then a verb
    province_spread: re.Pattern
    province_deployer: re.Pattern
    kabupaten_unit: re.Pattern
    province_unit: re.Pattern
    refers_back: re.Pattern
    province_codes: dict[str, str]  # lower-cased name or abbreviation -> code
    numbers: dict[int, tuple[str, ...]]
    nouns: str


def _load() -> dict:
    return datafiles.load("data/counting.toml")


@lru_cache(maxsize=1)
def rules() -> Rules:
    from .regions import region_facts

    d = _load()
    provinces = {r.name.lower(): r.code for r in region_facts().values() if r.type == "provinsi"}
    provinces.update({k.lower(): v for k, v in d["province"]["abbreviations"].items()})
    names = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(provinces, key=len, reverse=True))
    deploy = _words(d["verbs"]["deploy"])
    act = _words(d["verbs"]["deploy"] + d["verbs"]["act"])
    b0, b1 = r"(?<![\w-])", r"(?![\w])"
    flags = re.IGNORECASE
    return Rules(
        national_spread=re.compile(b0 + f"(?:{_words(d['national']['spread'])})" + b1, flags),
        national_deployer=re.compile(
            rf"^(?:[\"“]?\s*)(?:{_words(d['national']['deployers'])})(?:\s+[\w.,-]+){{0,2}}?\s+(?:{deploy}){b1}", flags),
        province_spread=re.compile(
            b0 + "(?:" + _words(p.replace("{provinces}", names) for p in d["province"]["spread"]) + ")" + b1, flags),
        province_deployer=re.compile(
            b0 + rf"(?:{_words(d['province']['deployers'])})(?:\s+[\w.,-]+){{0,2}}?\s+(?:{act}){b1}", flags),
        kabupaten_unit=re.compile(b0 + f"(?:{_words(d['units']['kabupaten'])})" + b1, flags),
        province_unit=re.compile(b0 + f"(?:{_words(d['units']['province'])})" + b1, flags),
        refers_back=re.compile(b0 + f"(?:{_words(d['refers_back']['cues'])})" + b1, flags),
        province_codes=provinces,
        numbers={int(k): tuple(v) for k, v in d["numbers"]["words"].items()},
        nouns=_words(re.escape(n) for n in d["numbers"]["nouns"]),
    )


def _province_named(text: str) -> Optional[str]:
    """The code of the province a cue names ("se-Bali", "Polda Sumsel"), if one."""
    r = rules()
    low = re.sub(r"\s+", " ", text.lower())
    for name in sorted(r.province_codes, key=len, reverse=True):
        if re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", low):
            return r.province_codes[name]
    return None


# -- where things are in the text ------------------------------------------------------------------
_DATELINE = re.compile(r"^\s*(?:[A-Z0-9][A-Z0-9 .,'’/]{1,60}?(?:, ?[A-Za-z0-9.]{2,30})?|[A-Z][\w.'’]+(?: [A-Z][\w.'’]+){0,3},?)"
                       r"(?:\s*\([^()\n]{1,40}\))?\s*[-–—]+\s+")


def dateline_end(text: str) -> int:
    """Where a leading dateline ("JAYAPURA – ", "Palembang (ANTARA) - ",
    "TRIBUNSUMSEL.COM, PALEMBANG - ") ends; 0 when the text has none."""
    m = _DATELINE.match(text[:120])
    return m.end() if m else 0


def figure_span(text: str, figure: int, near: int) -> Optional[tuple[int, int]]:
    """The words stating ``figure`` personnel ("155.937 personel", "ratusan
    prajurit") nearest to offset ``near``; None when the text does not state it
    as such (a sum of parts, a figure in other words)."""
    r = rules()
    forms = {f"{figure:,}".replace(",", "."), str(figure), f"{figure:,}"}
    alts = [re.escape(f) for f in sorted(forms, key=len, reverse=True)] + [re.escape(w) for w in r.numbers.get(figure, ())]
    pat = re.compile(rf"(?<![\w.,])(?:{'|'.join(alts)})(?![\w]|[.,]\d)(?:\s+[\w()]+){{0,3}}?\s+(?:{r.nouns})\b",
                     re.IGNORECASE)
    # the nearest hit starting within `reach` of `near` is the nearest of all: look there first,
    # reaching further only when there is none (a long text is not searched whole for every event)
    reach = 2_000
    while True:
        lo, hi = max(0, near - reach), min(len(text), near + reach)
        hits = [h for h in pat.finditer(text, lo, min(len(text), hi + _FIGURE_TAIL)) if h.start() <= hi]
        if hits or (lo == 0 and hi == len(text)):
            break
        reach *= 10
    if not hits:
        return None
    m = min(hits, key=lambda h: abs(h.start() - near))
    return m.start(), m.end()


#: how far past a window a figure's words may run ("155.937 personel gabungan TNI-Polri ...")
_FIGURE_TAIL = 400


def scope_of(text: str, start: int, end: int, base_code: Optional[str],
             narrower: Iterable[tuple[int, int]] = ()) -> Scope:
    """The scope of what the sentence holding ``[start, end)`` states, given the
    place it is coded to (``base_code``) and the spans of the places narrower
    than a province that the article names (``narrower``: kabupaten, kota,
    kecamatan, desa, venues; those in a leading dateline are not counted)."""
    base = Scope(level_of_code(base_code), code_at(base_code, level_of_code(base_code)))
    if not text:
        return base
    r = rules()
    s0, s1 = sentence_span(text, start, end)
    head = max(s0, dateline_end(text) if s0 == 0 else s0)
    sentence = text[head:s1]
    n0, n1 = next_sentence(text, s1)
    follow = text[n0:n1] if n1 > n0 and r.refers_back.search(text, n0, n1) else ""
    d_end = dateline_end(text)
    places_in = any(a >= d_end for a, _ in narrower)  # the article names a narrower place

    cue: Optional[Scope] = None
    m = r.national_spread.search(sentence) or r.national_spread.search(follow)
    if m:
        cue = Scope("national", "", m.group(0))
    else:
        m = r.province_spread.search(sentence) or r.province_spread.search(follow)
        if m:
            code = _province_named(m.group(0)) or code_at(base_code, "province")
            cue = Scope("province", code, m.group(0)) if code else None
    if cue is None and not places_in and not r.kabupaten_unit.search(sentence):
        m = r.national_deployer.search(sentence)
        if m and not r.province_unit.search(sentence):
            cue = Scope("national", "", m.group(0).strip(" \"“"))
        else:
            m = r.province_deployer.search(sentence)
            if m:
                code = _province_named(m.group(0)) or code_at(base_code, "province")
                cue = Scope("province", code, m.group(0)) if code else None
    if cue is None or wider(cue.level, base.level) == base.level and base.level is not None:
        return base
    return cue


def figure_scope(text: str, figure: int, event_start: int, event_end: int, event_scope: Scope,
                 narrower: Iterable[tuple[int, int]] = ()) -> tuple[Scope, Optional[tuple[int, int]]]:
    """The scope of an event's personnel figure and where it is stated: the
    sentence stating it (the occurrence nearest the event), else the event's own
    sentence; never narrower than the event (``event_scope``)."""
    span = figure_span(text, figure, event_start)
    a, b = span if span else (event_start, event_end)
    own = scope_of(text, a, b, event_scope.code if event_scope.level != "national" else None, narrower)
    if own.level is not None and own.level != event_scope.level and wider(own.level, event_scope.level) == own.level:
        return own, span
    return event_scope, span


@dataclass(frozen=True)
class Figure:
    """One event's personnel figure, for :func:`deployments`."""

    event_id: int
    story_key: str
    personnel: int
    level: Optional[str]
    code: Optional[str]
    order: tuple = ()  # the copy's order in its story (first published first)


@dataclass(frozen=True)
class Deployment:
    story_key: str
    personnel: int
    level: Optional[str]
    code: Optional[str]
    event_id: int  # the event that represents it (first copy)
    event_ids: tuple[int, ...]


def deployments(figures: Iterable[Figure]) -> list[Deployment]:
    """The deployments a set of event figures makes: one per story and figure,
    at the widest level any of its events gives it, placed where the first
    copy places it. The reference implementation of the ``deployments`` view
    (tests hold the view to it)."""
    groups: dict[tuple[str, int], list[Figure]] = {}
    for f in figures:
        groups.setdefault((f.story_key, f.personnel), []).append(f)
    out = []
    for (story, n), fs in groups.items():
        fs.sort(key=lambda f: (f.order, f.event_id))
        level = None
        for f in fs:
            level = wider(level, f.level)
        first = next((f for f in fs if f.level == level), fs[0])
        out.append(Deployment(story, n, level, code_at(first.code, level) if level else None, fs[0].event_id,
                              tuple(f.event_id for f in fs)))
    return out


def totals(deps: Iterable[Deployment]) -> dict[tuple[str, str], int]:
    """Personnel summed per (level, code): national, each province's own
    figures, each kabupaten/kota's. Levels are never added together."""
    out: dict[tuple[str, str], int] = {}
    for d in deps:
        if d.level is None:
            continue
        k = (d.level, d.code or "")
        out[k] = out.get(k, 0) + d.personnel
    return out
