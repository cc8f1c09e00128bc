"""Direct quotes and their speakers.

A quote is text between curly (“…”) or straight ("…") quote marks; a quote
that runs over several paragraphs (each opening with “, only the last one
closing) is one quote. The speaker is, in order: the official named right
after it with a speech verb (``ujar AKP Situmorang``, ``kata Kapolres``); the
official named before it in its paragraph when a speech verb leads into it
(``Situmorang mengatakan, “…”``); for ``-nya`` verbs (``tegasnya``) or no
attribution, the latest official named as a subject (at a sentence start, or
followed by a speech verb) in this or the previous paragraph; a quote that
directly follows another without attribution keeps its speaker.

Speakers who are not officials (a voter, a protest coordinator) come from the
NER model's PER spans and from names with an age (``Rahmawati (38)``) outside
quotes, in the same rules; a bare first name (``teriak Yance``) takes the full
name written earlier (``Yance Mambrasar``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import SimpleNamespace
from typing import Optional

from ..types import Official, Quote
from .gazetteer import gazetteer
from .lexicon import lexicon

_CURLY = re.compile(r"“([^”]{3,}?)”", re.S)
_STRAIGHT = re.compile(r'"([^"\n]{3,}?)"')


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    """The speech-verb patterns, from words.toml ``[speech]``."""
    lex = lexicon()
    after, before, near = _alt(lex.speech_after_any), _alt(lex.speech_before), _alt(lex.speech_near)
    return SimpleNamespace(
        # mismatched marks that a speech verb closes: “…“ ujar X, "…” kata X
        mixed=re.compile(rf'[“"]([^“”"\n]{{3,}}?)[“”"](?=\s*[,.]?\s*(?:{after})\w*\b)', re.IGNORECASE),
        # "…,” ujar X; "…,” ujarnya (the -nya forms: the speaker is the subject before)
        after=re.compile(rf"^\s*[,.]?\s*(?:(?:{after})(?P<nya>nya)?|(?P<dia>katanya|ujarnya))\b",
                         re.IGNORECASE),
        before=re.compile(rf"(?:{before})[^“\"\n]{{0,40}}$", re.IGNORECASE),
        near=re.compile(rf"[^“\"\n]{{0,90}}?\b(?:{near})\b", re.IGNORECASE),
        # a speaking subject at a sentence start, after an opener: "Menurut X", "Sementara itu, X"
        subject_lead=re.compile(rf"(?:^|[.!?”\"]\s+|\n)(?:{_alt(lex.subject_lead)})?\s*$"),
        # "pemilih, Rahmawati", "Koordinator aksi, Yance", "tokoh masyarakat, Yakobus": one word is a name here
        one_word_cue_before=re.compile(
            rf"(?:{_alt(lex.voices)}|(?:{_alt(lex.voice_of_word)})\s+\w+)\s*,?\s*$", re.IGNORECASE),
    )


def find_quotes(text: str, officials: list[Official], persons: tuple[tuple[int, int, str], ...] = ()) -> list[Quote]:
    """``persons``: (start, end, name) of other named persons (the NER model's
    PER spans); the officials' own mentions win where they overlap."""
    names = [o.name for o in officials]
    spans = sorted((s, e, i) for i, o in enumerate(officials) for s, e in o.mentions)
    quotes = quote_spans(text)
    if not quotes:
        return []
    aged = _AGED_NAME.finditer(text) if _AGE.search(text) else ()  # no age written: no aged name
    persons = tuple(persons) + tuple((m.start(1), m.end(1), m.group(1)) for m in aged)
    spans = sorted(spans + _person_spans(text, persons, spans, quotes, names))
    out: list[Quote] = []
    last: Optional[int] = None
    for q in quotes:
        who = _speaker(text, q, spans, last)
        if who is not None:
            last = who
        out.append(Quote(q.text, q.start, q.end, names[who] if who is not None else None))
    return out


def quote_spans(text: str) -> list[Quote]:
    """The direct quotes of ``text`` in order, without their speakers: what
    :func:`find_quotes` returns, before the speaker rules (which alone read
    the officials and ``persons``)."""
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []
    for rx in (_CURLY, _STRAIGHT, _rx().mixed):
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            body = m.group(1).replace("“", "").strip()
            if len(body.split()) < 3:  # a quoted term, not a statement
                continue
            taken.append((m.start(), m.end()))
            quotes.append(Quote(body, m.start(1), m.end(1), None))
    quotes.sort(key=lambda q: q.start)
    return quotes


def speaker_context(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """(start, end) of the stretches of ``text`` in which the speaker rules
    (:func:`_speaker`) look for a quote's speaker, in order, overlapping ones
    merged: for each quote, from the start of the paragraph before it (the
    subject before it) to the end of the paragraph that holds its attribution
    after it (``ujar X``). Only the fallback (no one named there: the latest
    person named anywhere before) and a bare first name's full name
    (:func:`_person_spans`; where it may be written: :func:`full_name_context`)
    read further back."""
    out: list[tuple[int, int]] = []
    for q in quotes:
        para = text.rfind("\n\n", 0, q.start)
        start = max(text.rfind("\n\n", 0, para) if para > 0 else 0, 0)
        vm = _rx().after.match(text[q.end + 1: q.end + 90])
        reach = q.end + 1 + vm.end() + 45 if vm else q.end
        end = text.find("\n\n", min(reach, len(text)))
        end = len(text) if end < 0 else end
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def full_name_context(text: str, word: str, before: int) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs of ``text`` before ``before`` in which
    ``word`` (a bare first name: ``teriak Yance``) is written next to another
    capitalised word (``Yance Mambrasar``): where :func:`_person_spans` may
    find the full name it gives a one-word PER span, in order."""
    w = re.escape(word)
    out: list[tuple[int, int]] = []
    for m in re.finditer(rf"\b[A-Z][a-z'’-]+\s+{w}\b|\b{w}\s+[A-Z]", text[:before]):
        if out and m.start() < out[-1][1]:
            continue
        start = text.rfind("\n\n", 0, m.start())
        end = text.find("\n\n", m.end())
        out.append((0 if start < 0 else start + 2, len(text) if end < 0 else end))
    return out


def _person_spans(text, persons, official_spans, quotes, names: list[str]) -> list[tuple[int, int, int]]:
    """Speaker spans for the named persons that are not officials' mentions and
    not inside a quote; ``names`` grows by their names (index = speaker id)."""
    out = []
    for s, e, name in sorted(persons):
        name = " ".join(name.split())
        if any(a < e and s < b for a, b, _ in official_spans) or any(q.start <= s < q.end for q in quotes):
            continue
        if " " not in name:  # "Yance" after "Yance Mambrasar"
            name = next((n for n in names if name in n.split()), name)
        if not _personlike(text, s, e, name):
            continue
        if name not in names:
            names.append(name)
        out.append((s, e, names.index(name)))
    return out




_NAME_WORD = re.compile(r"[A-Z][a-z'’\-]+$")
#: "Rahmawati (38)", "Yakobus Wonda (47 tahun)": a name with an age is a person
_AGED_NAME = re.compile(r"\b([A-Z][a-z'’\-]+(?:\s[A-Z][a-z'’\-]+){0,3})\s*\(\d{1,2}(?:\s*tahun)?\)")
#: the age every match of _AGED_NAME ends with: a quick test before the costlier search
_AGE = re.compile(r"\(\d{1,2}(?:\s*tahun)?\)")
#: "Rahmawati (38)", "pemilih, Rahmawati", "Koordinator aksi, Yance": one word is a name here
_ONE_WORD_CUE_AFTER = re.compile(r"\s*\(\d{1,2}(?:\s*tahun)?\)")


def _personlike(text: str, s: int, e: int, name: str) -> bool:
    """A PER span the speaker rules may use: title-case words that are no
    region's name, two or more of them unless the text marks a one-word name
    (an age after it, a role noun before it)."""
    words = name.split()
    if not all(_NAME_WORD.match(w) for w in words) or gazetteer().lookup(name):
        return False
    if len(words) >= 2:
        return True
    return bool(_ONE_WORD_CUE_AFTER.match(text, e) or _rx().one_word_cue_before.search(text[max(0, s - 40):s]))


def _speaker(text: str, q: Quote, spans, last: Optional[int]) -> Optional[int]:
    after = text[q.end + 1: q.end + 90]
    vm = _rx().after.match(after)
    if vm and not (vm.group("nya") or vm.group("dia")):
        base = q.end + 1 + vm.end()
        # the name after the speech verb, in its paragraph: "…,” teriak Yance.\n\nRudy Saputra hadir"
        # does not make the next paragraph's subject the speaker
        stop = text.find("\n", base)
        limit = base + 45 if stop < 0 else min(base + 45, stop - 1)
        for s, e, i in spans:
            if base <= s <= limit:
                return i
    # "X mengatakan, “...”" in the same paragraph
    para_start = text.rfind("\n", 0, q.start) + 1
    lead = text[para_start:q.start]
    if _rx().before.search(lead):
        found = [i for s, e, i in spans if para_start <= s < q.start]
        if found:
            return found[-1]
    # "..., ujarnya" / no attribution: the last subject before it
    return _subject_before(text, q, spans) if not (last is not None and vm is None and _continues(text, q)) else last


def _continues(text: str, q: Quote) -> bool:
    """A quote paragraph right after another quote, with no attribution: same speaker."""
    prev = text.rfind("”", 0, q.start - 1)
    return prev >= 0 and text[prev + 1:q.start - 1].strip() == ""


def _subject_before(text: str, q: Quote, spans) -> Optional[int]:
    """The latest official named as a subject (sentence start, or followed by a
    speech verb) in this or the previous paragraph; else the latest named."""
    para = text.rfind("\n\n", 0, q.start)
    prev_para = text.rfind("\n\n", 0, para) if para > 0 else -1
    window = [(s, e, i) for s, e, i in spans if prev_para <= s < q.start]
    subjects = [i for s, e, i in window
                if _rx().near.match(text, e) or _rx().subject_lead.search(text[max(0, s - 40):s])]
    if subjects:
        return subjects[-1]
    if window:
        return window[-1][2]
    found = [i for s, e, i in spans if s < q.start]
    return found[-1] if found else None
