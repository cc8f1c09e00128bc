"""Events: type (from the taxonomy in ``lexicons/events.toml``), trigger,
date, place, actors, forces and personnel.

A trigger counts only in a sentence without one of its type's negative cues
(hypotheticals, drills, voter-list plenaries). One event per type per article,
plus one per other date stated in a trigger's own sentence; trigger and
place come from the first sentence. Sentences that only plan, schedule or
suppose (``[modality]`` cues) report no event. A type
subsumed by another present type (``[subsumes]`` in the lexicon: polling
security within a re-vote) is dropped.
Date: a date in the trigger's sentence, else the nearest earlier date in the
paragraph, else the article's lead date, else the published date.
Place: the most specific region named in the sentence (several kecamatan:
their kabupaten), else the article's primary region.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from ..types import DateMention, Event, Official
from .gazetteer import Region, gazetteer
from .lexicon import lexicon
from .numbers import WORD_NUMBER, digits_to_int, words_to_int
from .text import Sentence, sentences


def _personnel_re():
    lex = lexicon()
    nouns = "|".join(lex.personnel["nouns"])
    vague = "|".join(sorted(lex.personnel["vague"], key=len, reverse=True))
    return re.compile(
        rf"(?:(?P<num>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:\s*\((?:[a-z ]+)\))?|(?P<words>{WORD_NUMBER.pattern})|(?P<vague>{vague}))"
        rf"\s+(?:orang\s+)?(?:(?:gabungan|pasukan)\s+)?(?:{nouns})\b"
        r"(?!\s+(?:KPPS|PPS|PPK|KPU|Bawaslu|DPRD|DPR|partai|masyarakat|keluarga|warga|saksi|pemilih))",
        re.IGNORECASE,
    )


_PERSONNEL = None


def find_events(text: str, *, dates: list[DateMention], place_spans: list[tuple[int, int, Region]],
                primary: Optional[Region], officials: list[Official], published: Optional[str],
                dateline: Optional[tuple[int, int]] = None,
                quotes: tuple[tuple[int, int], ...] = ()) -> list[Event]:
    """``quotes``: (start, end) of each direct quote; what a speaker says
    inside one (plans, how the work is done) reports no event."""
    lex = lexicon()
    sents = sentences(text)
    usable = [d for d in dates if d.flag not in ("range",)]
    lead = usable[0].date if usable else (published[:10] if published else None)
    events: dict[tuple, Event] = {}
    drill = bool(lex.drill_cues.search(text))
    for sent in sents:
        if _history(sent.text, published):
            continue
        for et, m in _triggers(sent, lex, drill, quotes):
            start, end = sent.start + m.start(), sent.start + m.end()
            date = _date_for(text, sent, usable, lead)
            region = _place_for(sent, place_spans, primary, skip=dateline)
            personnel, approx = _personnel(sent.text)
            actors = tuple(o.name for o in officials if any(sent.start <= s < sent.end for s, e in o.mentions))
            actors += tuple(dict.fromkeys(u.group().strip() for u in lex.unit_re.finditer(sent.text)))
            forces = tuple(name for name, rx in lex.forces.items() if rx.search(sent.text))
            # one event per type; a second only for another date stated in its own sentence
            same = [k for k in events if k[0] == et.name]
            key = (et.name, date) if not same or _another(text, sent, m, date, usable, published, lex) else same[0]
            ev = events.get(key)
            if ev is None:
                events[key] = Event(et.name, text[start:end], start, end, date, region.name if region else None,
                                    region.code if region else None, actors, forces, personnel, approx)
            else:
                events[key] = Event(ev.type, ev.trigger, ev.start, ev.end, ev.date, ev.place, ev.place_code,
                                    tuple(dict.fromkeys(ev.actors + actors)), tuple(dict.fromkeys(ev.forces + forces)),
                                    max(filter(None, (ev.personnel, personnel)), default=None),
                                    ev.personnel_approx and approx if ev.personnel and personnel else ev.personnel_approx or approx)
    found = {e.type for e in events.values()}
    dropped = {t for t in found for t2 in found if t in lex.event_subsumes.get(t2, ())}
    kept = sorted((e for e in events.values() if e.type not in dropped), key=lambda e: e.start)
    return [_with_election(text, sents, _with_force_size(text, sents, e)) for e in kept]


_PAST_YEAR = re.compile(r"(?<![\w/.-])(?:19|20)\d{2}(?![\w/.-])")


def _history(sentence: str, published: Optional[str]) -> bool:
    """A sentence about an election two or more years before the article
    ("Pada Pemilu 2019, pleno ... sempat diwarnai aksi massa") is background."""
    if not published:
        return False
    years = [int(y) for y in _PAST_YEAR.findall(sentence)]
    return bool(years) and max(years) <= int(published[:4]) - 2


def _triggers(sent: Sentence, lex, drill: bool, quotes) -> list[tuple]:
    """The (event type, match) pairs a sentence reports, first trigger per
    type: not negated, not planned or supposed, not inside a quote, and not
    the topic of a meeting or parade in the same clause ("rapat koordinasi
    pengamanan pemungutan suara") or the content of a hoax in the same
    sentence ("video pria membagikan uang ... dipastikan hoaks")."""
    found = []
    for et in lex.event_types:
        if drill and et.name in lex.drill_suppress:
            continue
        m = next((m for m in et.triggers.finditer(sent.text)
                  if not any(a <= sent.start + m.start() < b for a, b in quotes)), None)
        if m is None:
            continue
        if et.negative and et.negative.search(sent.text):
            continue
        if _modal(sent.text, m.start(), m.end()):
            continue
        found.append((et, m))
    kept = []
    for et, m in found:
        if any(o is not et and o.name in lex.topic_sentence for o, _ in found):
            continue
        if any(o is not et and o.name in lex.topic_clause and om.end() <= m.start() and m.start() - om.end() <= 60
               and not _CLAUSE.search(sent.text, om.end(), m.start()) for o, om in found):
            continue
        kept.append((et, m))
    return kept


_YEAR = re.compile(r"\s*(?:serentak\s+)?(20[0-9]{2})\b", re.IGNORECASE)


def _election(s: str) -> Optional[str]:
    """"PSU Pilkada 2024", "Pilkada 2024", "Pemilu 2024", "Pilkada": the
    election a stretch of text names (re-votes name the election they repeat)."""
    lex = lexicon()
    found = {}
    for name, rx in lex.elections:
        m = rx.search(s)
        if m:
            y = _YEAR.match(s, m.end())
            found[name] = f"{name} {y.group(1)}" if y else name
    base = found.get("Pilkada") or found.get("Pemilu")
    if "PSU" in found:
        return f"PSU {base}" if base else "PSU"
    return base


def _with_election(text: str, sents: list[Sentence], ev: Event) -> Event:
    lex = lexicon()
    sent = next((s for s in sents if s.start <= ev.start < s.end), None)
    election = (_election(sent.text) if sent else None) or _election(text)
    if election and not any(ch.isdigit() for ch in election):
        whole = _election(text)  # the year may be written elsewhere in the article
        if whole and whole.split()[-1].isdigit() and whole.split()[:-1] == election.split():
            election = whole
    stage = next((name for name, rx in lex.stages if sent and rx.search(sent.text)), None)
    if stage is None and ev.type in ("polling_security", "revote"):
        stage = "TPS"
    return replace(ev, election=election, stage=stage)


_DEPLOY = re.compile(r"(?:dikerahkan|diterjunkan|disiagakan|dilibatkan|disebar|ditempatkan|menerjunkan|mengerahkan|"
                     r"menyiagakan|melibatkan|menurunkan|diturunkan|dikawal|mengawal|menyiapkan|disiapkan|mengamankan|"
                     r"dijaga|menjaga|personel gabungan|sebanyak)", re.IGNORECASE)


def _with_force_size(text: str, sents: list[Sentence], ev: Event) -> Event:
    """An event of a deployment type whose own sentence gives no force size
    takes the one stated in its paragraph, else the article's force statement
    (the largest count in a sentence that deploys personnel)."""
    lex = lexicon()
    if ev.personnel is not None or ev.type not in lex.deployment_types:
        return ev
    para = (text.rfind("\n\n", 0, ev.start) + 1, text.find("\n\n", ev.end) % (len(text) + 1) or len(text))
    in_para = [_personnel(s.text) for s in sents if para[0] <= s.start < para[1]]
    in_para = [x for x in in_para if x[0]]
    if not in_para:
        in_para = [x for x in (_personnel(s.text) for s in sents if _DEPLOY.search(s.text)) if x[0]]
    if not in_para:
        return ev
    n, approx = max(in_para, key=lambda x: x[0])
    return replace(ev, personnel=n, personnel_approx=approx)


_CLAUSE = re.compile(r"[,;:.!?]")
_ANAPHOR = re.compile(r"\s+(?:ini|tersebut|itu)\b")


def _another(text: str, sent: Sentence, m: re.Match, date: Optional[str], dates: list[DateMention],
             published: Optional[str], lex) -> bool:
    """Is this trigger a second event of its type? Only with its own date, in
    the past, not the background of the event (a ruling or an earlier vote:
    "PSU digelar sesuai putusan MK tanggal 24 Februari"), not "patroli ini"
    (the same one again), not inside a quote, and not a modifier in a
    sentence that reports an event of another type."""
    own = [d for d in dates if sent.start <= d.start < sent.end]
    if not own:
        return False
    if lex.event_background is not None and lex.event_background.search(text, sent.start, own[0].start):
        return False
    if published and date and date > published[:10]:
        return False
    if _ANAPHOR.match(sent.text, m.end()):
        return False
    if text.count("“", 0, sent.start) > text.count("”", 0, sent.start) or sent.text.lstrip().startswith(("“", '"')):
        return False
    return not any(o.triggers.search(sent.text) for o in lex.event_types if o.triggers is not m.re)


def _clause(sentence: str, start: int, end: int, lex) -> tuple[int, int]:
    """The clause around ``[start, end)``: from the last break before it to
    the next after it. A clause opened by a word ("jika", "sementara") holds
    that word."""
    cut = max((m.start() if m.group()[0].isalpha() else m.end()
               for m in lex.clause_break.finditer(sentence, 0, start)), default=0)
    stop = lex.clause_break.search(sentence, end)
    return cut, (stop.end() if stop and stop.group()[0].isalpha() else stop.start() if stop else len(sentence))


def _mood(sentence: str, start: int, end: int, lex) -> Optional[str]:
    """The [mood] class whose cue makes the trigger at ``[start, end)`` of
    ``sentence`` a mention (a plan, schedule, hypothetical, negation, appeal),
    or None when it reports a happening. Each class's ``scope`` says where its
    cue must stand: earlier in the trigger's clause (``before``), at most
    ``window`` characters later in it (``after``), right before it
    (``adjacent``), or anywhere earlier in the sentence with no new statement
    between (``sentence``)."""
    cut, clause_end = _clause(sentence, start, end, lex)
    for mc in lex.mood_classes:
        rx = mc.cues
        if rx is None:
            continue
        if "before" in mc.scope and rx.search(sentence, cut, start):
            return mc.name
        if "after" in mc.scope and rx.search(sentence, end, min(clause_end, end + mc.window)):
            return mc.name
        if "adjacent" in mc.scope:
            m = next((m for m in rx.finditer(sentence, max(0, start - mc.window), start)
                      if not sentence[m.end():start].strip()), None)
            if m is not None:
                return mc.name
        if "sentence" in mc.scope:
            m = None
            for m in rx.finditer(sentence, 0, start):
                pass
            if m is not None and not (lex.clause_reset and lex.clause_reset.search(sentence, m.end(), start)):
                return mc.name
    return None


def _modal(sentence: str, start: int, end: int) -> bool:
    return _mood(sentence, start, end, lexicon()) is not None


def _date_for(text: str, sent: Sentence, dates: list[DateMention], lead: Optional[str]) -> Optional[str]:
    inside = [d for d in dates if sent.start <= d.start < sent.end]
    if inside:
        return inside[0].date
    para = text.rfind("\n\n", 0, sent.start)
    before = [d for d in dates if para <= d.start < sent.start]
    if before:
        return before[-1].date
    return lead


def _place_for(sent: Sentence, spans, primary: Optional[Region], skip=None) -> Optional[Region]:
    """Most specific region named in the sentence (not in its dateline), at
    most a kecamatan: a desa stands for its kecamatan."""
    gaz = gazetteer()
    inside = [r if r.level <= 3 else gaz.by_code.get(r.parent, r) for s, e, r in spans
              if sent.start <= s < sent.end and r.level >= 2 and not (skip and skip[0] <= s < skip[1])]
    if not inside:
        return primary
    deepest = max(r.level for r in inside)
    at = list(dict.fromkeys(r for r in inside if r.level == deepest))
    if len(at) == 1:
        return at[0]
    # several: their common parent
    common = at[0].code.split(".")
    for r in at[1:]:
        parts = r.code.split(".")
        n = 0
        while n < min(len(common), len(parts)) and common[n] == parts[n]:
            n += 1
        common = common[:n]
    if len(common) >= 2:
        return gazetteer().by_code.get(".".join(common[:2]) if len(common) < 3 else ".".join(common))
    return primary


_PARTS_TOTAL = re.compile(r"terdiri|antaranya|meliputi|dari total|dari jumlah|masing-masing|termasuk", re.IGNORECASE)
_PARTS_ADD = re.compile(r"^\W*(?:[\w.]+\s+){0,6}?(?:dibantu|ditambah|serta|dan|bersama|plus)\b", re.IGNORECASE)


def _personnel(s: str) -> tuple[Optional[int], bool]:
    """The force size a sentence states: one count, or parts joined by
    'dibantu/ditambah/dan' added up ('290 personel dibantu 120 prajurit' =
    410), but never when the sentence breaks a total down ('terdiri dari')."""
    global _PERSONNEL
    if _PERSONNEL is None:
        _PERSONNEL = _personnel_re()
    lex = lexicon()
    found: list[tuple[int, bool, int, int]] = []
    for m in _PERSONNEL.finditer(s):
        if m.group("num"):
            n, a = digits_to_int(m.group("num")), False
        elif m.group("words"):
            n, a = words_to_int(m.group("words")), False
        else:
            n, a = lex.personnel["vague"][m.group("vague").lower()], True
        if n:
            found.append((n, a, m.start(), m.end()))
    if not found:
        return None, False
    if len(found) > 1 and not _PARTS_TOTAL.search(s) and all(
            _PARTS_ADD.match(s[a[3]:b[2]]) for a, b in zip(found, found[1:])):
        return sum(f[0] for f in found), any(f[1] for f in found)
    best = max(found, key=lambda f: f[0])
    return best[0], best[1]
