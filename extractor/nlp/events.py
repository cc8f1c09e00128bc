"""Events: type (from the taxonomy in ``lexicons/events.toml``), trigger,
date, place, actors, forces and personnel.

Reported or mentioned. A trigger (a pattern of its type, or a two-part
trigger of ``[[pairs]]``: an action and what it acts on in one clause)
reports an event only when the clause structure says it happened: no cue of
a ``[mood.*]`` class where that class's scope reaches (a plan, schedule,
hypothetical, negation, appeal or instruction, readiness, the topic of a
meeting, a depiction, hearsay), not dated after the article's day, not
inside a quote unless the quote says the security action has happened, not
its type's negative cues (drills, voter-list plenaries) and not what another
event is for ("logistik PSU"). A deployment announced for a stated date at
most ``announce_days`` ahead still counts.

One event per type, date and place. A trigger with a date of its own that is
not the event's (and is not background: a ruling, an earlier vote) starts
another event of its type, so does one naming another kabupaten/kota after
"di" (``[instances] place_types``), and so does a noun of the type with a
verb of happening and its own date ("Pleno dimulai sejak Jumat (16/2)").
A type subsumed by another present type (``[subsumes]``: polling security
within a re-vote) is dropped.

Date: a date in the trigger's sentence, else the nearest earlier date in the
paragraph, else the article's lead date, else the published date. Place: the
most specific region named in the sentence (several kecamatan: their
kabupaten), else the article's primary region.

Personnel (``force.py`` reads each count's role): a sentence's force belongs
to the event it mentions, else to the one its words refer back to, else to
the last one before it; never copied to another event (a parade and the
deployment it musters share one, a force "setiap hari" serves every day).
The main event is the one whose force the title states, else the first the
title names with a force; its force is the article's (:func:`article_force`).
"""

from __future__ import annotations

import re
import bisect
import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import NamedTuple, Optional

from re import _constants as _sc, _parser as _sre  # the parsed form of a pattern (Python >= 3.11)

from ..types import DateMention, Event, Official
from .gazetteer import Region, gazetteer
from .lexicon import lexicon
from .force import Force, combine, every_day, figures, force, musters, same_force
from .text import Sentence, fold, sentence_at, sentences


class _Trig(NamedTuple):
    """A trigger in a sentence (offsets in the sentence): where its mood is
    read (``start``, ``end``) and what it names (``obj_start``, ``obj_end``:
    the object of a two-part trigger, else the trigger itself)."""

    start: int
    end: int
    obj_start: int
    obj_end: int
    pair: bool = False
    spec: object = None  # the [[pairs]] spec of a two-part trigger


@dataclass
class _Ev:
    """An event while it is built: its first mention and every sentence that
    mentions it."""

    type: str
    start: int
    end: int
    date: Optional[str]
    region: Optional[Region]
    own_date: bool = False  # its date is stated in its own sentence, not inherited
    sents: list[int] = field(default_factory=list)  # indices of the sentences that mention it
    mention_at: dict[int, int] = field(default_factory=dict)  # sentence index -> where its trigger starts
    actors: tuple[str, ...] = ()
    forces: tuple[str, ...] = ()


def find_events(text: str, *, dates: list[DateMention], place_spans: list[tuple[int, int, Region]],
                primary: Optional[Region], officials: list[Official], published: Optional[str],
                dateline: Optional[tuple[int, int]] = None,
                quotes: tuple[tuple[int, int], ...] = (), title: str = "") -> list[Event]:
    """``quotes``: (start, end) of each direct quote; what a speaker says
    inside one (plans, how the work is done) reports no event unless it says
    it has happened. ``title``: the article's title, which names its main
    event and often its force."""
    lex = lexicon()
    sents = sentences(text)
    wanted = _literals(lex)
    begins = [_beginnings(s.text, wanted) for s in sents]
    whole = frozenset().union(*begins)  # every word of the text stands in one of its sentences
    usable = [d for d in dates if d.flag not in ("range",)]
    begun = {id(d) for d in usable if _state_start(text, d, -1, lexicon())}  # when a state began: inherited by none
    lead = usable[0].date if usable else (published[:10] if published else None)
    # the article's day: later dates are still to come
    now = published[:10] if published else _page_day(sents, usable, quotes, lex) or lead
    usable = sorted(usable + _implied(text, sents, usable, published, quotes, lex, whole), key=lambda d: d.start)
    drill = _may(lex.drill_cues, whole) and bool(lex.drill_cues.search(text))
    # two-part triggers whose article lacks the words they need ("needs")
    unmet = frozenset(id(sp) for specs in lex.event_pairs.values() for sp in specs
                      if sp.needs is not None and not (_may(sp.needs, whole) and sp.needs.search(text)))
    live = _Live(begins, lex, unmet)
    events: list[_Ev] = []
    for i, sent in enumerate(sents):
        if not live.some >> i & 1 or _history(sent.text, now, lex):
            continue  # no trigger of any type may stand in it, or it is background
        own_all = [d for d in usable if sent.start <= d.start < sent.end]
        for et, t in _triggers(sent, lex, drill, quotes, own_all, now, unmet, live.at(i)):
            start, end = sent.start + t.start, sent.start + t.end
            # in a quote, a date of the speech tag after it is when it was said ("..., kata Zulfikar, Rabu")
            q = next(((a, b) for a, b in quotes if a <= start < b), None)
            own = [d for d in own_all if (q[0] <= d.start < q[1] if q else True)
                   and not _state_start(text, d, start, lex) and not (
                       et.name not in lex.vote_types and lex.vote_day is not None
                       and lex.vote_day.search(text, max(sent.start, d.start - 40), d.start))]
            if t.pair and _refers_back(sent.text[t.obj_start:t.obj_end], et.name, events, lex):
                continue  # "Pleno mendapat pengamanan": the voter-list plenary already reported
            if t.spec is not None and t.spec.not_with and _in_paragraph(text, sent, t.spec.not_with, lex):
                continue  # "Sekelompok warga membakar kotak suara" in a clash: part of the clash
            said = [d for d in own_all if d not in own]  # said in a speech tag, or a state's start
            date = _date_for(text, sent, [d for d in usable if d not in said and (d in own or id(d) not in begun)],
                             lead)
            if not own and lex.vague_time is not None and lex.vague_time.search(sent.text, t.end):
                date = None  # "penyerangan terhadap anggota PPD beberapa hari sebelumnya": a day not stated
            region = _place_for(sent, place_spans, primary, skip=dateline)
            same = [x for x in events if x.type == et.name]
            ev = None
            if same:
                ev = next((x for x in same if x.date == date), None) if own else None
                if ev is not None:
                    ev.own_date = True  # its day is now stated: a later day is no longer its own
                vague = next((x for x in same if x.date is None and not x.own_date), None) if own else None
                if ev is None and vague is not None:  # the day of an event first told without one
                    ev, ev.date, ev.own_date = vague, date, True
                    ev.region = region if region is not primary else ev.region
                if ev is None and own and _undated(same, i, sents, text, usable):
                    ev = _undated(same, i, sents, text, usable)  # the day (and place) the next sentence states
                    ev.date, ev.own_date = date, True
                    ev.region = region if region is not primary else ev.region
                if ev is None and not _another(text, sent, et, t.end, date, own, now, lex, bool(published)):
                    ev = _elsewhere(sent, et.name, same, place_spans, dateline, lex)
                    ev = same[0] if ev is None else None if ev is _NEW else ev
            if ev is None:
                if same and region is primary:  # another day of the event, where the last one was
                    region = max(same, key=lambda x: max(x.sents, default=-1)).region
                ev = _Ev(et.name, start, end, date, region, own_date=bool(own))
                events.append(ev)
            _mention(ev, i, start, sent, officials, lex)
    _instances(text, sents, events, usable, now, quotes, lex, published=bool(published))
    events = _subsume(text, sents, events, lex)
    kept = sorted(events, key=lambda e: e.start)
    sizes = _force_sizes(text, sents, kept, usable, lex)
    main = _main(title, kept, sizes, lex)
    out = []
    election = _election(text) if kept else None  # the election the whole article names
    for e in kept:
        f = sizes.get(id(e)) or Force(None)
        ev = Event(e.type, text[e.start:e.end], e.start, e.end, e.date, e.region.name if e.region else None,
                   e.region.code if e.region else None, e.actors, e.forces, f.n, f.approx if f.n is not None else False,
                   personnel_reinforcement=f.reinforcement, personnel_parts=f.parts,
                   personnel_per_unit=f.per_unit[0] if f.per_unit else None,
                   personnel_unit=f.per_unit[1] if f.per_unit else None, main=e is main)
        out.append(_with_election(text, sents, ev, election))
    return out


def _subsume(text: str, sents: list[Sentence], events: list[_Ev], lex) -> list[_Ev]:
    """[subsumes]: a type takes in the types it names. Their events become
    its own (a re-vote is itself the polling: the TPS security on its day is
    the re-vote, and dates it when the re-vote's own mentions did not; its
    sentences that count personnel stay out), also
    when the article names the re-vote as a fact, not a possibility
    ("Menjelang PSU ...", "PSU Gubernur Papua diikuti dua pasangan calon")
    without reporting it."""
    out = list(events)
    for big, smalls in lex.event_subsumes.items():
        taken = [e for e in out if e.type in smalls]
        if not taken:
            continue
        mine = [e for e in out if e.type == big]
        if not mine:
            if not _named_as_fact(sents, big, lex):
                continue
            first = min(taken, key=lambda e: e.start)
            mine = [replace(first, type=big)]
            out[out.index(first)] = mine[0]
            taken.remove(first)
        host = mine[0]
        for e in taken:
            out.remove(e)
            for i in e.sents:  # its mentions, not its counts: a guard at one TPS is no force of the re-vote
                if i not in host.sents and not figures(sents[i].text):
                    host.sents.append(i)
                    host.mention_at[i] = e.mention_at.get(i, e.start)
            if e.own_date and not host.own_date:
                host.date, host.own_date = e.date, True
            host.actors = tuple(dict.fromkeys(host.actors + e.actors))
            host.forces = tuple(dict.fromkeys(host.forces + e.forces))
    return out


def _named_as_fact(sents: list[Sentence], name: str, lex) -> bool:
    """Does a trigger of ``name`` stand in the article as something that is
    or will be, not one that may ("Bawaslu akan merekomendasikan PSU")?"""
    et = next((t for t in lex.event_types if t.name == name), None)
    if et is None:
        return False
    for sent in sents:
        for m in et.triggers.finditer(sent.text):
            if _mood(sent.text, m.start(), m.end(), lex, kind=name) in lex.fact_moods:
                return True
    return False


def _agenda(sentence: str, lex) -> bool:
    """Does the sentence tell an event carried on on the article's own day
    ("Pleno PPK Patrol dilanjutkan Selasa (20/2/2024) untuk surat suara DPRD")
    without any security of that day? A morning paper tells its agenda, no
    event that has happened."""
    return bool(lex.continues and lex.continues.search(sentence)) and not (
        lex.quote_security.search(sentence) or figures(sentence))


def _state_start(text: str, d: DateMention, trigger: int, lex) -> bool:
    """Is ``d`` when a state began, in a relative clause the trigger at
    ``trigger`` is not part of ("video yang viral di media sosial sejak Rabu
    (13/11)" for the meeting that discussed it)?"""
    if lex.ongoing is None:
        return False
    m = lex.ongoing.search(text, max(0, d.start - 80), d.start)
    return m is not None and not m.start() <= trigger < d.start


def _in_paragraph(text: str, sent: Sentence, types: frozenset, lex) -> bool:
    """Does a trigger of one of ``types`` stand in the paragraph of ``sent``?"""
    a = text.rfind("\n\n", 0, sent.start)
    b = text.find("\n\n", sent.end)
    para = text[a + 1 if a >= 0 else 0:b if b >= 0 else len(text)]
    return any(et.triggers.search(para) and not (et.negative and et.negative.search(para))
               for et in lex.event_types if et.name in types)


def _implied(text: str, sents: list[Sentence], dates: list[DateMention], published: Optional[str], quotes,
             lex, begins: Optional[frozenset] = None) -> list[DateMention]:
    """Days the article names without a date ([implied]), for its events
    only: "pada hari yang sama" (the first date of the last sentence that
    states one), "pagi ini" (the published day), "pada hari pertama" (the
    date written beside "hari pertama" elsewhere: "sejak hari pertama, Jumat
    (1/3/2024)"), "pada hari pemungutan suara" (the date written beside the
    vote elsewhere: "PSU digelar serentak di 470 TPS pada Sabtu (19/4)").
    ``begins``: the text's :func:`_beginnings`, when already known."""
    imp = lex.implied
    if not imp:
        return []
    whole = _beginnings(text, _literals(lex)) if begins is None else begins

    def _finds(patterns, text: str):
        for rx in patterns:
            if _may(rx, whole):
                yield from rx.finditer(text)
    taken = [(d.start, d.end) for d in dates]

    def free(a: int, b: int) -> bool:
        return not any(s < b and a < e for s, e in taken)

    def outside(d: DateMention) -> bool:
        return not any(a <= d.start < b for a, b in quotes)

    out: list[DateMention] = []
    for m in _finds(imp.get("same_day", ()), text):
        prior = [s for s in sents if s.end <= m.start() and any(s.start <= d.start < s.end and outside(d)
                                                                  for d in dates)]
        if prior and free(m.start(), m.end()):
            day = next(d for d in dates if prior[-1].start <= d.start < prior[-1].end and outside(d))
            out.append(DateMention(day.date, m.group(), m.start(), m.end(), flag="implied"))
    for m in _finds(imp.get("today", ()) if published else (), text):
        if free(m.start(), m.end()) and not any(a <= m.start() < b for a, b in quotes):
            out.append(DateMention(published[:10], m.group(), m.start(), m.end(), flag="implied"))
    for key in ("ordinal", "vote_day"):
        named: dict[str, str] = {}  # the phrase's day word (lower case) -> the date written beside it
        bare = []
        for m in _finds(imp.get(key, ()), text):
            word = (m.group("day") or "").lower()
            near = next((d for d in dates if 0 <= d.start - m.end() <= 25 and outside(d)
                         and not re.search(r"[.;:!?\n]", text[m.end():d.start])), None)
            if near is not None:
                named.setdefault(word, near.date)
            elif free(m.start(), m.end()):
                bare.append((m, word))
        out += [DateMention(named[w], m.group(), m.start(), m.end(), flag="implied") for m, w in bare if w in named]
    return out


def _page_day(sents: list[Sentence], dates: list[DateMention], quotes, lex) -> Optional[str]:
    """The day of a page that states none: the latest date it reports, not
    one still to come (a date in a quote, or one a cue of plan, schedule or
    readiness governs: "dijadwalkan mulai Senin (21/4)", "akan dijaga ...
    Rabu (14/2)")."""
    best = None
    for d in dates:
        if any(a <= d.start < b for a, b in quotes):
            continue
        sent = sentence_at(sents, d.start)
        if sent is None or _mood(sent.text, d.start - sent.start, d.end - sent.start, lex) in _AHEAD:
            continue
        best = max(best or d.date, d.date)
    return best


_AHEAD = ("plan", "schedule", "ahead", "readiness", "hypothetical", "instruction", "appeal")


def _main(title: str, events: list[_Ev], sizes: dict[int, Force], lex) -> Optional[_Ev]:
    """The article's main deployment, whose force is the article's: of the
    events the title names (by a trigger or a noun of their type, in title
    order; a trigger the title only plans, "Jelang PSU", names none; with a
    force in the title, the one named nearest it), the first with an exact
    force, else the first with a vague one, else the first event of the text
    with an exact force, else with a vague one, else the first named, else
    the first. A force the title states is the event's it names when the body
    gives that event none."""
    if not events:
        return None
    named: dict[str, int] = {}  # type -> position in the title
    begins = _beginnings(title, _literals(lex))
    for et in lex.event_types:
        for rx in (et.triggers, lex.event_heads.get(et.name)):
            m = next((m for m in rx.finditer(title) if _mood(title, m.start(), m.end(), lex) is None and not (
                et.name in lex.topic_modifiers and lex.modifier_of is not None
                and lex.modifier_of.search(title, max(0, m.start() - 40), m.start()))), None) \
                if rx is not None and _may(rx, begins) else None
            if m is not None:
                named[et.name] = min(named.get(et.name, m.start()), m.start())
    figs = [f for f in figures(title) if f.role not in ("other", "per_unit")]
    told = combine(title, figs) if figs else Force(None)
    order = sorted(named, key=lambda t: abs(named[t] - figs[0].start) if figs else named[t])
    titled = [next(e for e in events if e.type == t) for t in order if any(e.type == t for e in events)]
    if told.n is not None and titled and sizes.get(id(titled[0]), Force(None)).n is None \
            and titled[0].type in lex.deployment_types | {"other"} \
            and not any(sizes.get(id(e), Force(None)).n == told.n for e in events):
        sizes[id(titled[0])] = told
    force_of = lambda e: sizes.get(id(e), Force(None))  # noqa: E731
    if told.n is not None:  # the event whose force the title states
        hit = next((e for e in titled + events if force_of(e).n == told.n), None)
        if hit is not None:
            return hit
        if named and not titled:  # the title's deployment is still to come ("siapkan 230 personel amankan
            return None           # pleno"): no event of the text is the main one
    for pool in (titled, events):
        for exact in (True, False):
            hit = next((e for e in pool if force_of(e).n is not None and force_of(e).approx != exact), None)
            if hit is not None:
                return hit
    return titled[0] if titled else events[0]


def article_force(text: str, events) -> tuple[Optional[int], bool]:
    """The article's force (the figure a researcher cites for its main
    deployment): its main event's personnel; when no event states one, the
    largest force a sentence states as deployed or prepared ("Polda Riau
    menyiapkan 6.412 personel"), an exact one before a vague one, with the
    reinforcements the next sentence of its paragraph adds to it ("dibantu 60
    personel Satgas Pamtas"); (None, False) without one."""
    main = next((e for e in events if e.main), None)
    if main is not None and main.personnel is not None:
        joint = _joint_force(text, [e for e in events if e.type == main.type])
        return (joint, False) if joint is not None else (main.personnel, main.personnel_approx)
    lex = lexicon()
    best: Optional[Force] = None
    prev: Optional[Force] = None  # the force of the sentence before, and where that sentence ended
    prev_end = 0
    for sent in sentences(text):
        figs = [f for f in figures(text, sent.start, sent.end)
                if _mood(sent.text, f.start - sent.start, f.end - sent.start, lex, counts=True) in (None, "plan")]
        if not figs:
            prev = None
            continue
        f = combine(text, figs)
        if f.only_reinforcement and f.reinforcement and prev is not None and prev.n is not None \
                and not prev.approx and not prev.total and "\n" not in text[prev_end:sent.start]:
            # "Kodim mengerahkan 174 personel ... Di wilayah perbatasan, pengamanan dibantu 60 personel
            # Satgas Pamtas": reinforcements in the next sentence of its paragraph add to a force
            f = replace(prev, n=prev.n + f.reinforcement, reinforcement=(prev.reinforcement or 0) + f.reinforcement)
        if f.n is not None and not f.only_reinforcement and (
                best is None or (not f.approx, f.n) > (not best.approx, best.n)):
            best = f
        prev, prev_end = f, sent.end
    return (best.n, best.approx) if best else (None, False)


def _joint_force(text: str, same: list) -> Optional[int]:
    """The force of several events of one type together, when a sentence
    states it: a count equal to the sum of their own exact forces ("Pada
    Sabtu (10/2), 98 personel mengawal logistik ... Minggu (11/2), dengan
    pengawalan 60 personel. Total 158 personel gabungan dilibatkan")."""
    known = [e.personnel for e in same if e.personnel is not None and not e.personnel_approx]
    if len(known) < 2:
        return None
    want = sum(known)
    for sent in sentences(text):
        if any(f.n == want and not f.approx and f.role not in ("other", "per_unit", "part")
               for f in figures(text, sent.start, sent.end)):
            return want
    return None


def _force_sizes(text: str, sents: list[Sentence], events: list[_Ev], dates: list[DateMention],
                 lex) -> dict[int, Force]:
    """Each event's own force, never copied from another event. A sentence
    stating a force belongs, in this order of strength, to the event it
    mentions (the one mentioned nearest before the count when it mentions
    several; a count before every mention serves them all and the events
    named after it), else to the last event of the type its words refer back
    to ("Apel diikuti 215 personel", [heads]), else to the deployment
    mentioned last before it; a sentence dated to another event of that type
    goes to that one, a force "setiap hari" to every day. An event takes its
    strongest sentence's force (exact before vague, then a stated total that
    names it or stands in its paragraph, then strength); a sentence of
    reinforcements only ("Pengamanan dibantu 210 prajurit") adds to it, a
    breakdown only counts without a force; a later stated total that is the
    event's force plus a count beside it ("Prajurit Kodim bersama 265 personel
    Polres membentuk kekuatan 385 personel gabungan") replaces it; "dengan
    kekuatan yang sama" takes the force of the last event of its type."""
    paras = _paragraphs(text, sents)
    owner: dict[int, list[_Ev]] = {}
    for e in events:
        for i in e.sents:
            owner.setdefault(i, []).append(e)
    cands: dict[int, list[tuple[int, int, Force, int]]] = {}  # id(event) -> (strength, sentence, force, paragraph)
    starts = {(id(e), i): pos for e in events for i, pos in e.mention_at.items()}

    def e_start(e: _Ev, i: int) -> int:
        return starts.get((id(e), i), e.start)

    same_as: dict[int, int] = {}  # id(event) -> id(the earlier event whose force it repeats)
    muster = frozenset(lex.force.get("muster_types", ()))
    last: Optional[_Ev] = None
    latest: dict[str, _Ev] = {}  # type -> its event mentioned last so far
    for i, sent in enumerate(sents):
        here = owner.get(i, [])
        for e in here:
            latest[e.type] = e
        refs: list[_Ev] = []  # the words refer back to the last event of their type mentioned so far
        for e in events:
            r = latest.get(e.type, e)
            if all(r is not x for x in refs + here) and all(e.type != x.type for x in here) \
                    and _refers(sent.text, e, lex):
                refs.append(r)
        deployed = [e for e in (here or refs) if e.type in lex.deployment_types]
        if deployed:
            last = deployed[-1]
        figs = figures(text, sent.start, sent.end)
        if not here:
            # a force still to come ("yang akan ditempatkan") is no event's, but the force a parade
            # musters for the coming day is the parade's ("Dalam amanatnya Kapolda menyampaikan, 1.250
            # personel disiapkan untuk mengamankan PSU")
            parade = any(e.type in muster for e in refs)
            figs = [f for f in figs if _mood(sent.text, f.start - sent.start, f.end - sent.start, lex, counts=True)
                    in ((None, "plan", "readiness") if parade else (None,))]
        if not figs:
            if here and same_force(text, sent.start, sent.end):
                for e in here:
                    prev = [x for x in events if x.type == e.type and x is not e and x.start < e.start]
                    if prev:
                        same_as[id(e)] = id(prev[-1])
            continue
        f = combine(text, figs)
        if f.n is None and f.per_unit is None:
            continue
        if here:
            # the force before every mention serves them all, and the events its sentence names after
            # it ("275 personel disiagakan untuk mengamankan aksi sekaligus pleno"); else it is the
            # nearest mention's before it
            before = [e for e in here if e_start(e, i) <= figs[0].start]
            targets = [max(before, key=lambda e: e_start(e, i))] if before else here + [
                e for e in refs if _refers(sent.text[figs[0].end - sent.start:], e, lex)]
            strength = 3
        elif refs:
            targets, strength = refs, 2
        elif last is not None:
            targets, strength = [last], 1
        else:
            continue
        day = next((d.date for d in dates if sent.start <= d.start < sent.end), None)
        if day and strength < 3:  # "Hari ini kekuatan ditambah 60 personel": the event of that day
            targets = [next((x for x in events if x.type == t.type and x.date == day), t) for t in targets]
        if every_day(text, sent.start, sent.end):  # the force of each day of a multi-day event
            targets = [x for x in events if any(x.type == t.type for t in targets)]
        for e in targets:
            cands.setdefault(id(e), []).append((strength, i, f, paras[i]))
    _drop_joint(events, cands, paras)
    out: dict[int, Force] = {}
    for e in events:
        f = _pick(cands.get(id(e), []), {paras[i] for i in e.sents})
        if f.n is None and id(e) in same_as and out.get(same_as[id(e)], Force(None)).n is not None:
            f = replace(out[same_as[id(e)]], per_unit=f.per_unit)
        out[id(e)] = f
    _mustered(text, sents, events, owner, out, lex)
    return out


def _drop_joint(events: list[_Ev], cands: dict, paras: list[int]) -> None:
    """A count that is one event's own force plus the forces of the other
    events of its type is their joint force ("Pengiriman ke Masalembu dikawal
    24 personel ... Kamis (8/2), ... dengan pengawalan 72 personel. Total ada 96
    personel"), never one event's."""
    for e in events:
        others = [o for o in events if o.type == e.type and o is not e]
        if not others or not cands.get(id(e)):
            continue
        firsts = [_pick(cands.get(id(o), []), {paras[i] for i in o.sents}) for o in others]
        rest = sum(f.n for f in firsts if f.n is not None and not f.approx)
        if not rest:
            continue
        mine = {c[2].n for c in cands[id(e)] if c[2].n is not None and not c[2].approx}
        cands[id(e)] = [c for c in cands[id(e)] if c[2].n is None or c[2].n - rest not in mine]


def _mustered(text: str, sents: list[Sentence], events: list[_Ev], owner: dict[int, list[_Ev]],
              out: dict[int, Force], lex) -> None:
    """A parade and the event it musters the force for share one force when
    only one states it: the parade's goes on to the event ("Usai apel,
    personel langsung bergeser ke TPS"), or the event's is the one the parade
    mustered ("seluruh personel mengikuti apel"). The partner: an event the
    sentence mentions, else the deployment nearest after the parade on its
    day or the next."""
    kinds = frozenset(lex.force.get("muster_types", ()))
    parades = [e for e in events if e.type in kinds]
    if not parades:
        return
    for i, sent in enumerate(sents):
        way = musters(text, sent.start, sent.end)
        if way is None:
            continue
        p = min(parades, key=lambda e: abs(e.start - sent.start))
        partners = [e for e in owner.get(i, []) if e.type not in kinds]
        if not partners:
            partners = [e for e in events if e.type not in kinds and e.type in lex.deployment_types | {"other"}
                        and _days(p.date, e.date) in (0, 1)]
        if not partners:
            continue
        q = min(partners, key=lambda e: abs(e.start - sent.start))
        if way == "back" and out[id(p)].n is None and out[id(q)].n is not None:
            out[id(p)] = out[id(q)]
        elif way == "on" and out[id(q)].n is None and out[id(p)].n is not None:
            out[id(q)] = out[id(p)]


def _days(a: Optional[str], b: Optional[str]) -> Optional[int]:
    if not a or not b:
        return None
    return (dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days


def _pick(cands: list[tuple[int, int, Force, int]], own_paras: set[int] = frozenset()) -> Force:
    per = next((f.per_unit for _, _, f, _ in cands if f.per_unit), None)
    whole = [c for c in cands if c[2].n is not None and not c[2].only_reinforcement and not c[2].only_parts]
    if not whole:
        parts = [c for c in cands if c[2].only_parts and c[2].n is not None]
        if parts:
            f = max(parts, key=lambda c: c[0])[2]
            return replace(f, per_unit=per)
        return Force(None, per_unit=per)
    # exact before vague; then a stated total that names the event or stands in its paragraph; then strength
    s, i, best, para = max(whole, key=lambda c: (not c[2].approx, c[2].total and (c[0] >= 2 or c[3] in own_paras),
                                                 c[0], c[2].n))
    if not best.approx and not best.total:
        # "120 prajurit dilibatkan dalam pengamanan PSU ... Prajurit Kodim bersama 265 personel Polres Buru
        # membentuk kekuatan 385 personel gabungan": a later total that is this force and a count beside it
        grown = [f for s2, i2, f, p2 in cands if f.total and not f.approx and i2 > i and f.n - best.n in f.beside]
        if grown:
            return replace(grown[0], per_unit=grown[0].per_unit or per)
    extra = [f for s2, i2, f, p2 in cands if f.only_reinforcement and f.reinforcement and i2 > i and p2 == para]
    if extra and not best.approx and not best.total:
        add = sum(f.reinforcement for f in extra)
        best = replace(best, n=best.n + add, reinforcement=(best.reinforcement or 0) + add)
    return replace(best, per_unit=best.per_unit or per)


def _refers(sentence: str, e: _Ev, lex) -> bool:
    rx = lex.event_heads.get(e.type)
    return bool(rx and _may(rx, _beginnings(sentence, _literals(lex))) and rx.search(sentence))


def _paragraphs(text: str, sents: list[Sentence]) -> list[int]:
    breaks = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    return [bisect.bisect_left(breaks, s.start) for s in sents]


_PAST_YEAR = re.compile(r"(?<![\w/.-])(?:19|20)\d{2}(?![\w/.-])")


def _history(sentence: str, now: Optional[str], lex=None) -> bool:
    """A sentence set in an election two or more years before the article's
    day ("Pada Pemilu 2019, pleno ... sempat diwarnai aksi massa", "pada 2017
    lalu") is background; one that only names an old year ("rekaman lama
    Pemilu 2019") is not."""
    if not now:
        return False
    lex = lex or lexicon()
    for m in _PAST_YEAR.finditer(sentence):
        if int(m.group()) > int(now[:4]) - 2:
            continue
        if lex.history is None or lex.history.search(sentence, max(0, m.start() - 40), m.start()) \
                or (lex.history_after is not None and lex.history_after.match(sentence[m.end():m.end() + 12].lstrip())):
            return True
    return False


def _triggers(sent: Sentence, lex, drill: bool, quotes, own: list[DateMention],
              now: Optional[str], unmet: frozenset = frozenset(), may=None) -> list[tuple]:
    """The (event type, (start, end)) pairs a sentence reports, first trigger
    per type (offsets in the sentence): not cancelled by its type's negative
    cues, not a mention by its mood (a plan, appeal, hypothetical, negation,
    topic; see :func:`_mood`) unless an announced deployment, not inside a
    quote unless the quote says it has happened, and not the topic of a
    meeting or parade in the same clause ("rapat koordinasi pengamanan
    pemungutan suara") or the content of a hoax in the same sentence ("video
    pria membagikan uang ... dipastikan hoaks"). ``may``: the sentence's
    :meth:`_Live.at`, which patterns may match in it (None: all)."""
    text = sent.text
    found = []
    may = may or _every
    for et in lex.event_types:
        if (drill and et.name in lex.drill_suppress) or not may(et):
            continue
        spans = _spans(et.name, et.triggers, sent, own, lex, may, unmet)
        if not spans or (et.negative and et.negative.search(text)):
            continue
        for n, t in enumerate(spans):
            s, e = t.start, t.end
            if _abbreviation(text, s, spans[n - 1] if n else None):
                continue
            announced = et.name in lex.deployment_types and _announced(sent, own, now, lex)
            if any(a <= sent.start + s < b for a, b in quotes) and not (
                    _realis(text, s, e, lex, incident=et.name in lex.quote_incidents) or announced):
                continue
            if own and now and own[0].date > now and not announced:
                continue  # dated after the article's day: still to come
            # the mood of a trigger of several words is read at its start and at its last word
            last = text.rfind(" ", s, e) + 1 or s
            k, dd = et.name, bool(own)
            # ... and, for a two-part trigger whose object comes first, at the object ("sebelum kotak suara
            # dibawa kabur")
            s = min(s, t.obj_start)
            if (_mood(text, s, e, lex, kind=k, dated=dd) is None and _mood(text, last, e, lex, kind=k, dated=dd) is None) or (
                    announced and _mood(text, s, e, lex, announced=True, kind=k, dated=dd) is None
                    and _mood(text, last, e, lex, announced=True, kind=k, dated=dd) is None):
                found.append((et, t))
                break
    kept = []
    for et, t in found:
        s = t.obj_start
        if any(o is not et and o.name in lex.topic_sentence for o, _ in found):
            continue
        if any(o is not et and o.name in lex.topic_clause and ot.obj_end <= s and s - ot.obj_end <= 60
               and not _CLAUSE.search(text, ot.obj_end, s) for o, ot in found):
            continue
        if et.name in lex.topic_modifiers and lex.modifier_of is not None \
                and lex.modifier_of.search(text, max(0, s - 40), s):
            continue  # "logistik PSU": what the logistics are for
        product = lex.product_of.get(et.name)
        if product is not None and product.search(text, max(0, s - 30), s):
            continue  # "kotak suara hasil rekapitulasi": what the event produced, moved elsewhere
        kept.append((et, t))
    return kept


def _abbreviation(text: str, start: int, prev: Optional["_Trig"]) -> bool:
    """Is the trigger at ``start`` the abbreviation in brackets of the one
    before it ("Menjelang Pemungutan Suara Ulang (PSU)")? It is the same
    mention, and has that one's mood."""
    return prev is not None and text[prev.end:start].strip() == "("


_K = 6  # letters of a literal beginning the gate compares


def _gate(rx: re.Pattern) -> Optional[frozenset]:
    """The literal beginnings (lower case, at most six characters) every
    match of ``rx`` starts with, read from the pattern itself; None when a
    match may begin otherwise, or may begin inside a word (the pattern does
    not open with a word-start lookbehind). A sentence where no word begins so cannot
    match, and is not searched."""
    got = _GATES.get(id(rx))
    if got is None or got[0] is not rx:
        done: set[str] = set()
        try:
            rest = _walk(list(_sre.parse(rx.pattern, rx.flags)), {""}, done)
        except Exception:  # an unknown construct: no gate
            rest, done = {""}, set()
        every = {_LEAD.match(p).group() for p in done | rest}  # up to the first character no word holds
        gate = None if not every or any(len(p) < 2 for p in every) or not rx.pattern.startswith(_AT_WORD) \
            else frozenset(every)
        got = _GATES[id(rx)] = (rx, gate)  # the pattern itself kept: its id is never another's
    return got[1]


_AT_WORD = r"(?<![\w])"


_LEAD = re.compile(r"\w*")


_GATES: dict = {}  # id(pattern) -> (pattern, its gate)


def _walk(items, partials: set, done: set) -> set:
    """Grow the literal beginnings ``partials`` over the parsed ``items``;
    those that can grow no further go to ``done``."""
    for op, av in items:
        if not partials:
            break
        if op in (_sc.ASSERT_NOT, _sc.ASSERT, _sc.AT):
            continue
        if op is _sc.LITERAL:
            partials = {p + chr(av).lower() for p in partials}
        elif op is _sc.SUBPATTERN:
            partials = _walk(list(av[-1]), partials, done)
        elif op is _sc.BRANCH:
            grown: set = set()
            for alt in av[1]:
                grown |= _walk(list(alt), set(partials), done)
            partials = grown
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
            once = _walk(list(av[2]), set(partials), done)
            if av[0] == 0:
                partials = partials | once
            else:
                done |= once
                partials = set()
        else:  # a class of characters: growth stops here
            done |= partials
            partials = set()
        full = {p for p in partials if len(p) >= _K}
        done |= full
        partials -= full
    return partials


_WORD = re.compile(r"\w+")


@lru_cache(maxsize=256)
def _beginnings(text: str, wanted: frozenset) -> frozenset:
    """The first two to six characters (lower case) of each word of ``text``
    that are in ``wanted`` (:func:`_literals`): what :func:`_gate` sets are
    compared with (a word of a stretch of ``text`` cut at non-word characters
    is one of these words, so the set also gates a search in such a
    stretch)."""
    firsts = _firsts(wanted)
    words = set(_WORD.findall(fold(text)))  # folded as re.IGNORECASE compares: a gate never hides a match
    return frozenset({w[:n] for w in words if w[:2] in firsts for n in range(2, _K + 1)}).intersection(wanted)


@lru_cache(maxsize=4)
def _firsts(wanted: frozenset) -> frozenset:
    return frozenset(g[:2] for g in wanted)


@lru_cache(maxsize=1)
def _literals(lex) -> frozenset:
    """The literal beginnings of every pattern events.py gates with
    :func:`_gate` (triggers, two-part triggers, mood cues, implied days,
    drill cues, forces, heads): all of a text's :func:`_beginnings` a gate
    may hold."""
    pats = [lex.drill_cues] + [et.triggers for et in lex.event_types] + [mc.cues for mc in lex.mood_classes]
    pats += list(lex.forces.values()) + list(lex.event_heads.values())
    pats += [rx for specs in lex.event_pairs.values() for sp in specs for rx in (sp.actions, sp.objects, sp.needs)]
    pats += [rx for rxs in (lex.implied or {}).values() for rx in rxs]
    return frozenset().union(*(g for g in map(_gate, filter(None, pats)) if g is not None))


def _may(rx: re.Pattern, begins: frozenset) -> bool:
    """May ``rx`` match in the text whose :func:`_beginnings` are ``begins``?"""
    gate = _gate(rx)
    return gate is None or not gate.isdisjoint(begins)


def _every(_) -> bool:
    return True


class _Live:
    """Which sentences of an article each trigger pattern (a type's
    triggers, a two-part trigger's actions and objects) may match in: a bit
    per sentence, set when a word of the sentence begins as every match of
    the pattern must (:func:`_gate`), every bit for a pattern without a gate.
    Built once per article from each sentence's :func:`_beginnings`
    (``begins``), so a pattern is neither searched nor tested again in a
    sentence where it cannot match. A type may match where its triggers may,
    or the actions and the objects of one of its two-part triggers the
    article meets (not in ``unmet``)."""

    def __init__(self, begins: list[frozenset], lex, unmet: frozenset = frozenset()) -> None:
        index: dict[str, int] = {}  # a word beginning -> the sentences (bits) that hold it
        for i, b in enumerate(begins):
            for g in b:
                index[g] = index.get(g, 0) | 1 << i
        every = (1 << len(begins)) - 1

        def where(rx: re.Pattern) -> int:
            gate = _gate(rx)
            if gate is None:
                return every
            bits = 0
            for b in gate & index.keys():
                bits |= index[b]
            return bits

        self.bits: dict[int, int] = {}  # id(pattern or type) -> its sentences
        self.some = 0  # the sentences where a type may match
        for et in lex.event_types:
            self.bits[id(et)] = self.bits[id(et.triggers)] = where(et.triggers)
            for spec in lex.event_pairs.get(et.name, ()):
                if spec.objects is None or spec.actions is None or id(spec) in unmet:
                    continue
                acts = self.bits[id(spec.actions)] = where(spec.actions)
                objs = self.bits[id(spec.objects)] = where(spec.objects)
                self.bits[id(et)] |= acts & objs
            self.some |= self.bits[id(et)]

    def at(self, i: int):
        """For sentence ``i``: whether a pattern, or an event type, may match
        in it."""
        bits = self.bits
        return lambda x: bool(bits[id(x)] >> i & 1)


def _spans(name: str, triggers: re.Pattern, sent: Sentence, own: list[DateMention], lex,
           may=_every, unmet: frozenset = frozenset()) -> list[_Trig]:
    """Where a type's triggers stand in a sentence, in order: its patterns,
    and its two-part triggers ([[pairs]]: an action and what it acts on, read
    from the action; see events.toml). ``may``: whether a pattern may match
    in the sentence (:meth:`_Live.at`); one that cannot is not searched."""
    text = sent.text

    def found(rx: re.Pattern) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in rx.finditer(text)] if may(rx) else []

    out = [_Trig(a, b, a, b) for a, b in found(triggers)]
    for spec in lex.event_pairs.get(name, ()):
        if spec.objects is None or spec.actions is None or id(spec) in unmet:
            continue
        acts = found(spec.actions)
        if not acts:
            continue
        objs = found(spec.objects)
        if not objs or (spec.dated and not own and force(text).n is None):
            continue
        for a_start, a_end in acts:
            if not spec.relative and _RELATIVE.search(text, max(0, a_start - 6), a_start) and not (
                    lex.clause_focus and lex.clause_focus.search(text, 0, a_start)):
                continue  # "kotak suara yang tiba dari PPK": a description, not a predicate
            if spec.actors and not _actor(text[:a_start], spec.actors, lex):
                continue
            if spec.after_not is not None and spec.after_not.match(text, a_end + 1):
                continue
            for os_, oe in objs:
                if spec.before_not is not None and spec.before_not.search(text, max(0, os_ - 12), os_):
                    continue
                if os_ >= a_end:
                    lo, hi, first = a_end, os_, "action"
                elif oe <= a_start:
                    lo, hi, first = oe, a_start, "object"
                else:
                    continue
                gap = text[lo:hi]
                if (spec.order and spec.order != first) or len(gap.split()) > spec.window:
                    continue
                if ";" in gap or ":" in gap or ("," in gap and not spec.commas):
                    continue
                if (spec.gap_not is not None and spec.gap_not.search(gap)) or _opens(gap, lex):
                    continue
                out.append(_Trig(a_start, a_end, os_, oe, True, spec))
                break
    longest: dict[int, _Trig] = {}
    for t in out:  # one trigger per start, the longest
        if t.start not in longest or t.end > longest[t.start].end:
            longest[t.start] = t
    return [longest[k] for k in sorted(longest)]


def _opens(gap: str, lex) -> bool:
    """Does a binding clause opener ("sehingga", "karena") stand in ``gap``?"""
    return bool(lex.clause_binding and lex.clause_binding.search(gap))


_RELATIVE = re.compile(r"(?<![\w])yang\s+$", re.IGNORECASE)


def _actor(before: str, institutions: frozenset, lex) -> bool:
    """Does a position of one of ``institutions`` (or a rank of one) stand in
    ``before``?"""
    for m in lex.position_re.finditer(before):
        pos = lex.position(m.group())
        if pos is not None and pos.institution in institutions:
            return True
    for m in lex.rank_re.finditer(before):
        rank = lex.rank(m.group("rank"), m.group("inst") or "")
        if rank is not None and rank.institution in institutions:
            return True
    return False


def _realis(text: str, start: int, end: int, lex, incident: bool = False) -> bool:
    """Does the clause of ``[start, end)`` say it has happened, and its
    sentence name the security action ("sudah kami distribusikan sejak
    kemarin dengan pengawalan polisi")? An ``incident`` (a clash, a protest)
    needs no security action: the speaker tells what happened ("Sempat
    saling lempar batu")."""
    if lex.realis is None or lex.quote_security is None:
        return False
    cut, clause_end = _clause(text, start, end, lex)
    return bool(lex.realis.search(text, cut, clause_end) and (incident or lex.quote_security.search(text)))


def _refers_back(obj: str, name: str, events: list["_Ev"], lex) -> bool:
    """Does the object of a two-part trigger, a noun of its own type, name an
    event of another type already reported ("Pleno" after a voter-list
    plenary)?"""
    own = lex.event_heads.get(name)
    if own is None or not own.fullmatch(obj.strip()):
        return False
    for e in events:
        if e.type == name:
            continue
        rx = lex.event_heads.get(e.type)
        if rx is not None and rx.fullmatch(obj.strip()):
            return True
    return False


def _undated(same: list["_Ev"], i: int, sents: list[Sentence], text: str,
             dates: list[DateMention] = ()) -> Optional["_Ev"]:
    """The event of this type mentioned in the sentence before sentence ``i``
    of its paragraph without a date of its own, nor one in the paragraphs
    that mention it: the dated sentence after it gives the day ("KPU
    memindahkan rapat pleno ke Nabire ... Pleno yang dimulai Selasa pagi itu
    dijaga 150 personel"; not "Polres Belitung menurunkan 32 personel untuk
    mengawal distribusi logistik. Pengiriman pertama ... dilakukan Senin
    (12/2) pagi").)"""
    if i == 0 or "\n" in text[sents[i - 1].end:sents[i].start]:
        return None
    e = next((e for e in same if not e.own_date and (i - 1) in e.sents), None)
    if e is None:
        return None
    for j in e.sents:
        a = text.rfind("\n\n", 0, sents[j].start)
        b = text.find("\n\n", sents[j].end)
        lo, hi = a + 1 if a >= 0 else 0, b if b >= 0 else len(text)
        if any(lo <= d.start < hi and not sents[i].start <= d.start < sents[i].end for d in dates):
            return None  # its paragraph states its day
    return e


def _announced(sent: Sentence, own: list[DateMention], now: Optional[str], lex) -> bool:
    """A deployment announced for a stated date: the sentence deploys a force
    (a verb of [mood] ``deploy`` or a count of personnel) on a date of its own
    at most ``announce_days`` after the article's day."""
    if not own or not now or lex.announce_days <= 0:
        return False
    days = _days(now, own[0].date)
    if days is None or not 0 <= days <= lex.announce_days:
        return False
    return bool((lex.deploy and lex.deploy.search(sent.text)) or figures(sent.text))


def _mention(ev: "_Ev", i: int, start: int, sent: Sentence, officials: list[Official], lex) -> None:
    if i not in ev.sents:
        ev.sents.append(i)
        ev.mention_at[i] = start
    actors = tuple(o.name for o in officials if any(sent.start <= s < sent.end for s, e in o.mentions))
    actors += tuple(dict.fromkeys(u.group().strip() for u in lex.unit_re.finditer(sent.text)))
    begins = _beginnings(sent.text, _literals(lex))
    forces = tuple(name for name, rx in lex.forces.items() if _may(rx, begins) and rx.search(sent.text))
    ev.actors = tuple(dict.fromkeys(ev.actors + actors))
    ev.forces = tuple(dict.fromkeys(ev.forces + forces))


_NEW = object()  # _elsewhere's answer: another event, in a place of its own


def _elsewhere(sent: Sentence, name: str, same: list["_Ev"], place_spans, dateline, lex):
    """For a type of [instances] ``place_types``: the event of this type in the
    kabupaten/kota the sentence names after "di"/"ke" (``_NEW`` when none is
    there yet, a parallel event: "Sementara di Kota Tegal, pleno ..."), or None
    when the sentence names no other kabupaten/kota of the province."""
    if name not in lex.place_split_types:
        return None
    here = _locatives(sent, place_spans, dateline, lex)
    if not here:
        return None
    homes = {_kabkota(x.region) for x in same}
    if homes & here or None in homes:
        return next((x for x in same if _kabkota(x.region) in here), None)
    provinces = {x.region.code[:2] for x in same if x.region}
    if not any(k[:2] in provinces for k in here):
        return None
    return _NEW


def _locatives(sent: Sentence, place_spans, dateline, lex) -> set[str]:
    """The kabupaten/kota codes of the regions a sentence names after a
    locative word ("di Kota Magelang", "di wilayah Kabupaten Jayapura")."""
    out = set()
    for s, e, r in place_spans:
        if not sent.start <= s < sent.end or r.level < 2 or (dateline and dateline[0] <= s < dateline[1]):
            continue
        if _is_locative(sent, s, lex):
            out.add(r.code[:5])
    return out


def _is_locative(sent: Sentence, s: int, lex) -> bool:
    """Is the region named at ``s`` where something happens ("di Kota
    Magelang"), not where reinforcements come from ("BKO dari Polres Sorong
    di Aimas")?"""
    before = sent.text[max(0, s - sent.start - 30):s - sent.start]
    return bool(lex.locative.search(before)) and not (
        lex.origin and lex.origin.search(sent.text, max(0, s - sent.start - 60), s - sent.start))


def _kabkota(r: Optional[Region]) -> Optional[str]:
    return r.code[:5] if r is not None and r.level >= 2 else None


def _instances(text: str, sents: list[Sentence], events: list["_Ev"], dates: list[DateMention],
               now: Optional[str], quotes, lex, published: bool = True) -> None:
    """Other days of events already introduced, told by one of their [heads]
    with a verb of happening right after it and a date of their own ("Pleno
    dimulai sejak Jumat (16/02/2024)"): a new event of the type for a new
    date (past, not background, not in a quote, not planned), else one more
    sentence of the event on that date."""
    if lex.happening is None:
        return
    for t in {e.type for e in events} & lex.instance_types:
        heads = lex.event_heads.get(t)
        if heads is None:
            continue
        for i, sent in enumerate(sents):
            if any(i in e.sents and e.type == t for e in events):
                continue
            h = heads.search(sent.text)
            if h is None:
                continue
            near = [v for v in lex.happening.finditer(sent.text)
                    if len((sent.text[h.end():v.start()] if v.start() >= h.end() else sent.text[v.end():h.start()])
                           .split()) <= lex.instance_window]
            if not near:
                continue
            own = [d for d in dates if sent.start <= d.start < sent.end
                   and not _state_start(text, d, sent.start + h.start(), lex)]
            if not own or _mood(sent.text, h.start(), h.end(), lex) is not None:
                continue
            date = own[0].date
            if published and date == now and _agenda(sent.text, lex):
                continue
            if (now and date > now) or any(a <= sent.start + h.start() < b for a, b in quotes):
                continue
            if lex.event_background is not None and lex.event_background.search(text, sent.start, own[0].start):
                continue
            same = [e for e in events if e.type == t]
            ev = next((e for e in same if e.date == date), None)
            if ev is None:
                near = max(same, key=lambda e: max((j for j in e.sents if j < i), default=-1))
                ev = _Ev(t, sent.start + h.start(), sent.start + h.end(), date, near.region)
                events.append(ev)
            if i not in ev.sents:
                ev.sents.append(i)
                ev.mention_at[i] = sent.start + h.start()


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


def _with_election(text: str, sents: list[Sentence], ev: Event, whole: Optional[str]) -> Event:
    """``ev`` with its election and stage; ``whole``: the election
    :func:`_election` reads in the whole ``text``."""
    lex = lexicon()
    sent = next((s for s in sents if s.start <= ev.start < s.end), None)
    election = (_election(sent.text) if sent else None) or whole
    if election and not any(ch.isdigit() for ch in election):
        # the year may be written elsewhere in the article
        if whole and whole.split()[-1].isdigit() and whole.split()[:-1] == election.split():
            election = whole
    stage = next((name for name, rx in lex.stages if sent and rx.search(sent.text)), None)
    if stage is None and ev.type in ("polling_security", "revote"):
        stage = "TPS"
    return replace(ev, election=election, stage=stage)


_CLAUSE = re.compile(r"[,;:.!?]")
_QUOTE_END = re.compile(r"[”\"]")
_TAG = re.compile(r",\s*(?:kata|ujar|ucap|tutur|jelas|tegas|imbuh|sebut|menurut|lanjut|tambah|terang)(?:nya)?"
                  r"(?:\s+[\w.]+){0,3}\s*,",
                  re.IGNORECASE)
_ANAPHOR = re.compile(r"\s+(?:ini|tersebut|itu)\b")


def _another(text: str, sent: Sentence, et, end: int, date: Optional[str], own: list[DateMention],
             now: Optional[str], lex, published: bool = True) -> bool:
    """Is this trigger a second event of its type? Only with its own date, not
    after the article's day, not the background of the event (a ruling or an
    earlier vote: "PSU digelar sesuai putusan MK tanggal 24 Februari"), not
    "patroli ini" (the same one again), not inside a quote, and not a
    modifier in a sentence that reports an event of another type."""
    if not own:
        return False
    if lex.event_background is not None and lex.event_background.search(text, sent.start, own[0].start):
        return False
    if now and date and date > now:
        return False
    if published and date == now and _agenda(sent.text, lex):
        return False
    if _ANAPHOR.match(sent.text, end):
        return False
    if text.count("“", 0, sent.start) > text.count("”", 0, sent.start) or sent.text.lstrip().startswith(("“", '"')):
        return False
    return not any(o.triggers.search(sent.text) and not (o.negative and o.negative.search(sent.text))
                   for o in lex.event_types if o is not et)


@lru_cache(maxsize=1)
def _mood_gates(lex) -> tuple:
    """(class, the :func:`_gate` of its cues) for each [mood] class, in order."""
    return tuple((mc, _gate(mc.cues) if mc.cues is not None else None) for mc in lex.mood_classes)


@lru_cache(maxsize=256)
def _untagged(sentence: str) -> str:
    """``sentence`` with each speech tag between commas (", kata dia,")
    blanked out, keeping every offset."""
    return _TAG.sub(lambda m: " " * len(m.group()), sentence)


def _clause(sentence: str, start: int, end: int, lex) -> tuple[int, int]:
    """The clause around ``[start, end)``: from the last break before it to
    the next after it. A clause opened by a word ("jika", "sementara") holds
    that word."""
    cut = max((m.start() if m.group()[0].isalpha() else m.end()
               for m in lex.clause_break.finditer(sentence, 0, start)), default=0)
    stop = lex.clause_break.search(sentence, end)
    return cut, (stop.end() if stop and stop.group()[0].isalpha() else stop.start() if stop else len(sentence))


def _mood(sentence: str, start: int, end: int, lex, announced: bool = False, counts: bool = False,
          kind: str = "", dated: bool = False) -> Optional[str]:
    """The [mood] class whose cue makes the trigger at ``[start, end)`` of
    ``sentence`` a mention (a plan, schedule, hypothetical, negation, appeal),
    or None when it reports a happening. Each class's ``scope`` says where its
    cue must stand: earlier in the trigger's clause (``before``), at most
    ``window`` characters later in it (``after``), right before it
    (``adjacent``), ending at most ``window`` characters before it in its
    clause (``near``), or anywhere earlier in the sentence with no new
    statement between (``sentence``). ``announced``: skip the classes an announced
    deployment overrides; ``counts``: the classes that also bear on a count
    of personnel. A speech tag between commas ("Patroli, kata dia,
    akan terus digelar") does not break the clause."""
    begins = _beginnings(sentence, _literals(lex))  # a class none of whose cues a word begins like has none here
    sentence = _untagged(sentence)
    cut, clause_end = _clause(sentence, start, end, lex)
    for mc, gate in _mood_gates(lex):
        rx = mc.cues
        if rx is None or (announced and mc.announce) or (counts and not mc.counts) or kind in mc.not_for \
                or (mc.only_for and kind not in mc.only_for) or (dated and mc.undated):
            continue
        if gate is not None and gate.isdisjoint(begins):
            continue
        if "before" in mc.scope and rx.search(sentence, cut, start):
            return mc.name
        # searched to the clause's end (a cue cut off by the window is none: "Ujoh Bilang" holds no "bila")
        m = rx.search(sentence, end, clause_end) if "after" in mc.scope else None
        if m is not None and m.start() < end + mc.window:
            return mc.name
        if "near" in mc.scope:
            m = None
            for m in rx.finditer(sentence, max(cut, start - mc.window - 20), start):
                pass
            if m is not None and start - m.end() <= mc.window:
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
            # a new statement, a closed quote or a clause that has happened ("kesiapan personel
            # sudah diuji saat apel") ends what the cue governs
            if m is not None and not (lex.clause_reset and lex.clause_reset.search(sentence, m.end(), start)) \
                    and not _QUOTE_END.search(sentence, m.end(), start) \
                    and not (lex.realis and lex.realis.search(sentence, m.end(), start)):
                return mc.name
    return None


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
    named = [(s, r if r.level <= 3 else gaz.by_code.get(r.parent, r)) for s, e, r in spans
             if sent.start <= s < sent.end and r.level >= 2 and not (skip and skip[0] <= s < skip[1])]
    inside = [r for s, r in named]
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
