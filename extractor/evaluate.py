"""Extraction quality against gold annotations (``corpus/dev/gold.jsonl``).

Per field, micro-averaged over articles:
  * officials matched by normalised name (case, dots and spacing ignored);
    rank, position and unit accuracy over the matched pairs (units compared
    with the admin words of ``units.toml`` but ``Kota`` folded away, and the
    regional government's heads of ``positions.toml`` too: ``KPU Kabupaten
    Bima`` = ``KPU Bima``, ``Kabupaten Pohuwato`` = ``Pemkab Pohuwato``, since
    the gold and pantau write the same unit in these two ways);
  * places matched by normalised name (type breaks ties); code accuracy over
    the matched pairs; ``places (admin)`` counts the same matching without
    venues on either side (regions only, as issue 14's real-article figures);
  * dates as sets of ISO dates;
  * event types as multisets of types per article; date, place-code and
    personnel accuracy over events paired by type (same date first, then
    same place);
  * quotes matched by their first six words; speaker accuracy over the matches;
  * candidates matched by normalised name; office and ticket-number accuracy
    over the matched pairs (gold files without ``candidates`` score none);
  * the article's force (top-level ``personnel``): accuracy over the articles
    whose gold states one (right / total, as issue 14 counts it).
Each gold line is an article in the extract-text JSON shape plus ``id`` and
``split``; the article text goes through the same cleaning as ``extract-text``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from .errors import InputError, Msg, UsageError
from .records import normalise_name


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> dict:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f": round(self.f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Acc:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def as_dict(self) -> dict:
        return {"acc": round(self.value, 4), "right": self.right, "total": self.total}


@dataclass
class Report:
    articles: int = 0
    officials: PRF = field(default_factory=PRF)
    rank: Acc = field(default_factory=Acc)
    position: Acc = field(default_factory=Acc)
    unit: Acc = field(default_factory=Acc)
    places: PRF = field(default_factory=PRF)
    admin_places: PRF = field(default_factory=PRF)
    place_code: Acc = field(default_factory=Acc)
    dates: PRF = field(default_factory=PRF)
    events: PRF = field(default_factory=PRF)
    event_date: Acc = field(default_factory=Acc)
    event_place: Acc = field(default_factory=Acc)
    event_personnel: Acc = field(default_factory=Acc)
    quotes: PRF = field(default_factory=PRF)
    speaker: Acc = field(default_factory=Acc)
    candidates: PRF = field(default_factory=PRF)
    office: Acc = field(default_factory=Acc)
    ticket_number: Acc = field(default_factory=Acc)
    article_personnel: Acc = field(default_factory=Acc)
    diffs: list[dict] = field(default_factory=list)

    def summary(self) -> dict:
        return {
            "articles": self.articles,
            "officials": self.officials.as_dict(), "rank_accuracy": self.rank.as_dict(),
            "position_accuracy": self.position.as_dict(), "unit_accuracy": self.unit.as_dict(),
            "places": self.places.as_dict(),
            "admin_places": self.admin_places.as_dict(),
            "place_code_accuracy": self.place_code.as_dict(), "dates": self.dates.as_dict(),
            "event_types": self.events.as_dict(), "event_date_accuracy": self.event_date.as_dict(),
            "event_place_accuracy": self.event_place.as_dict(),
            "event_personnel_accuracy": self.event_personnel.as_dict(), "quotes": self.quotes.as_dict(),
            "speaker_accuracy": self.speaker.as_dict(), "candidates": self.candidates.as_dict(),
            "office_accuracy": self.office.as_dict(), "ticket_number_accuracy": self.ticket_number.as_dict(),
            "article_personnel_accuracy": self.article_personnel.as_dict(),
        }


def load_gold(path: str | Path, split: str = "all") -> list[dict]:
    p = Path(path)
    if not p.exists():
        raise InputError(Msg.INPUT_NOT_FOUND.format(path=p))
    out, seen = [], set()
    for n, line in enumerate(p.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            obj["article"]["text"]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(Msg.INPUT_JSONL.format(path=p, line=n, detail=f"not a gold article: {exc}")) from exc
        if split == "all" or obj.get("split", "dev") == split:
            out.append(obj)
        seen.add(obj.get("split", "dev"))
    if split != "all" and split not in seen:
        raise UsageError(Msg.GOLD_SPLIT.format(path=p, split=split, choices=", ".join(sorted(seen) + ["all"])))
    return out


def _norm(s: Optional[str]) -> str:
    return normalise_name(s or "")


def _pos(s: Optional[str]) -> str:
    return (s or "").lower().replace(" ", "")


def _unit(s: Optional[str]) -> str:
    """A unit's name for comparing: lower case, the folded words left out,
    and a head that names a kota's government read as ``kota`` (``Pemkot
    Bogor`` = ``Kota Bogor`` = ``Pemda Kota Bogor``)."""
    fold, kota = _unit_fold()
    words = ("kota" if w in kota else w for w in (s or "").replace(".", " ").lower().split())
    return " ".join(w for w in words if w not in fold)


@lru_cache(maxsize=1)
def _unit_fold() -> tuple[frozenset[str], frozenset[str]]:
    """Words the gold and pantau write differently around the same unit: the
    admin words but ``kota`` (``Polres Madiun Kota`` is not ``Polres Madiun``)
    and the first word of the regional government's unit templates (Pemkab,
    Pemprov, Pemda, Kecamatan, Desa ...), left out; and those of the templates
    whose unit is a kota's (Pemkot, units.toml's level), read as ``kota``."""
    from .nlp.lexicon import lexicon

    lex = lexicon()
    units = {lex.position(f).unit or "" for f, _ in lex.position_forms if lex.position(f).institution == "Pemda"}
    heads = {u.split(" ")[0].lower() for u in units if len(u.split(" ")) == 2 and u.endswith(" {region}")}
    kota = frozenset(h for h in heads if lex.level_of(h) == "kota")
    return frozenset({w for w in lex.admin_level if w != "kota"} | (heads - kota)), kota


def _match(gold: list[dict], pred: list[dict], key, tie=None) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """Greedy one-to-one matching by key (then by tie-breaker: a value, or a
    tuple of values compared in order)."""
    pairs, left = [], list(pred)
    unmatched = []
    for g in gold:
        cands = [p for p in left if key(p) == key(g)]
        if tie and len(cands) > 1:
            want = tie(g)
            cands.sort(key=lambda p: tuple(a != b for a, b in zip(tie(p), want)) if isinstance(want, tuple)
                       else tie(p) != want)
        if cands:
            pairs.append((g, cands[0]))
            left.remove(cands[0])
        else:
            unmatched.append(g)
    return pairs, unmatched, left


def score_article(report: Report, gold: dict, pred: dict, with_diff: bool) -> None:
    report.articles += 1
    diff: dict = {"id": gold.get("id"), "url": gold["article"].get("url")}
    # officials
    pairs, missed, extra = _match(gold.get("officials", []), pred["officials"], lambda o: _norm(o["name"]))
    report.officials.add(len(pairs), len(extra), len(missed))
    wrong = []
    for g, p in pairs:
        report.rank.add((g.get("rank") or None) == (p.get("rank") or None))
        report.position.add(_pos(g.get("position")) == _pos(p.get("position")))
        report.unit.add(_unit(g.get("unit")) == _unit(p.get("unit")))
        if (g.get("rank") or None) != (p.get("rank") or None) or _pos(g.get("position")) != _pos(p.get("position")):
            wrong.append(f"{g['name']}: rank {p.get('rank')}/{g.get('rank')} position {p.get('position')}/{g.get('position')}")
    diff["officials"] = {"missed": [o["name"] for o in missed], "extra": [o["name"] for o in extra], "wrong": wrong}
    # places
    pairs, missed, extra = _match(gold.get("places", []), pred["places"], lambda p: _norm(p["name"]),
                                  tie=lambda p: p.get("type"))
    report.places.add(len(pairs), len(extra), len(missed))
    # the same, admin regions only (no venues): how the real-article figures of issue 14 count places
    admin = [(g, q) for g, q in pairs if g.get("type") != "venue" and q.get("type") != "venue"]
    report.admin_places.add(len(admin), sum(q.get("type") != "venue" for q in extra)
                            + sum(g.get("type") == "venue" and q.get("type") != "venue" for g, q in pairs),
                            sum(g.get("type") != "venue" for g in missed)
                            + sum(g.get("type") != "venue" and q.get("type") == "venue" for g, q in pairs))
    bad_codes = []
    for g, p in pairs:
        ok = (g.get("code") or None) == (p.get("code") or None)
        report.place_code.add(ok)
        if not ok:
            bad_codes.append(f"{g['name']}: {p.get('code')} (gold {g.get('code')})")
    diff["places"] = {"missed": [f"{p['name']} ({p.get('type')})" for p in missed],
                      "extra": [f"{p['name']} ({p.get('type')})" for p in extra], "wrong_code": bad_codes}
    # dates
    g_dates = {d["date"] for d in gold.get("dates", []) if d.get("date")}
    p_dates = {d["date"] for d in pred["dates"]}
    report.dates.add(len(g_dates & p_dates), len(p_dates - g_dates), len(g_dates - p_dates))
    diff["dates"] = {"missed": sorted(g_dates - p_dates), "extra": sorted(p_dates - g_dates)}
    # event types
    g_ev = Counter(e["type"] for e in gold.get("events", []))
    p_ev = Counter(e["type"] for e in pred["events"])
    tp = sum((g_ev & p_ev).values())
    report.events.add(tp, sum(p_ev.values()) - tp, sum(g_ev.values()) - tp)
    diff["events"] = {"missed": sorted((g_ev - p_ev).elements()), "extra": sorted((p_ev - g_ev).elements())}
    pairs, _, _ = _match(gold.get("events", []), pred["events"], lambda e: e["type"],
                         tie=lambda e: (e.get("date"), e.get("place_code") or None))
    wrong, wrong_force = [], []
    for g, p in pairs:
        report.event_date.add(g.get("date") == p.get("date"))
        report.event_place.add((g.get("place_code") or None) == (p.get("place_code") or None))
        report.event_personnel.add(g.get("personnel") == p.get("personnel"))
        if g.get("date") != p.get("date") or (g.get("place_code") or None) != (p.get("place_code") or None):
            wrong.append(f"{g['type']}: {p.get('date')} {p.get('place')} (gold {g.get('date')} {g.get('place')})")
        if g.get("personnel") != p.get("personnel"):
            wrong_force.append(f"{g['type']} {g.get('date')}: {p.get('personnel')} (gold {g.get('personnel')})")
    diff["events"]["wrong"] = wrong
    diff["events"]["wrong_personnel"] = wrong_force
    _score_article_force(report, gold, pred, diff)
    # quotes: matched by their first words; the speaker by normalised name
    pairs, missed, extra = _match(gold.get("quotes", []), pred["quotes"], lambda q: _quote_key(q["text"]))
    report.quotes.add(len(pairs), len(extra), len(missed))
    wrong_speaker = []
    for g, p in pairs:
        ok = _norm(g.get("speaker")) == _norm(p.get("speaker"))
        report.speaker.add(ok)
        if not ok:
            wrong_speaker.append(f"{_quote_key(g['text'])}...: {p.get('speaker')} (gold {g.get('speaker')})")
    diff["quotes"] = {"missed": [_quote_key(q["text"]) for q in missed], "extra": [_quote_key(q["text"]) for q in extra],
                      "wrong_speaker": wrong_speaker}
    diff["candidates"] = _score_candidates(report, gold, pred)
    if with_diff:
        report.diffs.append(diff)


def _score_candidates(report: Report, gold: dict, pred: dict) -> dict:
    """Candidates by normalised name; office and ticket number of the matched."""
    if "candidates" not in gold:
        return {}
    pairs, missed, extra = _match(gold["candidates"], pred.get("candidates", []), lambda c: _norm(c["name"]))
    report.candidates.add(len(pairs), len(extra), len(missed))
    wrong = []
    for g, p in pairs:
        report.office.add((g.get("office") or None) == (p.get("office") or None))
        report.ticket_number.add(g.get("number") == p.get("number"))
        if (g.get("office") or None) != (p.get("office") or None) or g.get("number") != p.get("number"):
            wrong.append(f"{g['name']}: office {p.get('office')}/{g.get('office')} number {p.get('number')}/{g.get('number')}")
    return {"missed": [c["name"] for c in missed], "extra": [c["name"] for c in extra], "wrong": wrong}


def _score_article_force(report: Report, gold: dict, pred: dict, diff: dict) -> None:
    """The article's force, scored where the gold states one."""
    want = gold.get("personnel")
    diff["personnel"] = {}
    if want is None:
        return
    report.article_personnel.add(pred.get("personnel") == want)
    if pred.get("personnel") != want:
        diff["personnel"] = {"wrong": [f"{pred.get('personnel')} (gold {want})"]}


def _quote_key(text: str) -> str:
    return " ".join(_norm(text).split()[:6])


def evaluate(gold: Iterable[dict], *, with_diff: bool = False) -> Report:
    from .html import article_from_text
    from .nlp import extract_many
    from .records import to_contract

    items = list(gold)
    articles = [article_from_text(g["article"]["text"], g["article"].get("url") or g.get("id", ""),
                                  title=g["article"].get("title") or "", published=g["article"].get("published"))
                for g in items]
    report = Report()
    for g, ex in zip(items, extract_many(articles)):
        score_article(report, g, to_contract(ex), with_diff)
    return report


def format_report(report: Report) -> str:
    s = report.summary()
    lines = [f"articles: {s['articles']}", f"{'field':<16} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
    for name, key in (("officials", "officials"), ("places", "places"), ("places (admin)", "admin_places"),
                      ("dates", "dates"),
                      ("event types", "event_types"), ("quotes", "quotes"), ("candidates", "candidates")):
        d = s[key]
        lines.append(f"{name:<16} {d['p']:>6.3f} {d['r']:>6.3f} {d['f']:>6.3f}   {d['tp']}/{d['fp']}/{d['fn']}")
    for name, key in (("rank acc", "rank_accuracy"), ("position acc", "position_accuracy"), ("unit acc", "unit_accuracy"),
                      ("place code acc", "place_code_accuracy"), ("event date acc", "event_date_accuracy"),
                      ("event place acc", "event_place_accuracy"), ("personnel acc", "event_personnel_accuracy"),
                      ("speaker acc", "speaker_accuracy"), ("office acc", "office_accuracy"),
                      ("ticket no. acc", "ticket_number_accuracy"), ("article force", "article_personnel_accuracy")):
        d = s[key]
        over = "articles with a gold figure" if key == "article_personnel_accuracy" else "matched"
        lines.append(f"{name:<16} {d['acc']:>6.3f}   ({d['right']}/{d['total']} {over})")
    return "\n".join(lines)


def format_diff(report: Report) -> str:
    out = []
    for d in report.diffs:
        parts = []
        for field_name in ("officials", "places", "dates", "events", "quotes", "candidates", "personnel"):
            for kind, items in d.get(field_name, {}).items():
                if items:
                    parts.append(f"  {field_name} {kind}: {', '.join(map(str, items))}")
        if parts:
            out.append(f"{d['id']}  {d['url']}")
            out.extend(parts)
    return "\n".join(out)
