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
"""

from __future__ import annotations

import re
from typing import Optional

from ..types import Official, Quote

_CURLY = re.compile(r"“([^”]{3,}?)”", re.S)
_STRAIGHT = re.compile(r'"([^"\n]{3,}?)"')
# mismatched marks that a speech verb closes: “…“ ujar X, "…” kata X
_MIXED = re.compile(r'[“"]([^“”"\n]{3,}?)[“”"](?=\s*[,.]?\s*(?:ujar|kata|ucap|jelas|tegas|ungkap|tutur|imbuh|tambah|'
                    r'sebut|terang|pungkas|lanjut|papar)\w*\b)', re.IGNORECASE)
_VERB_AFTER = re.compile(
    r"^\s*[,.]?\s*(?:(?:kata|ujar|ucap|jelas|tegas|ungkap|tutur|imbuh|tambah|sebut|terang|pungkas|lanjut|papar|beber|"
    r"urai|tandas|harap|pinta|ajak|seru|kata\s+dia|ujar\s+dia)(?P<nya>nya)?|(?P<dia>katanya|ujarnya))\b",
    re.IGNORECASE,
)
_VERB_BEFORE = re.compile(
    r"(?:mengatakan|menyampaikan|menjelaskan|menegaskan|mengungkapkan|menuturkan|berkata|mengimbau|menambahkan|"
    r"menyebutkan|menerangkan|memaparkan|berpesan|mengajak|meminta|menekankan|mengingatkan|berharap|ujarnya|katanya)"
    r"[^“\"\n]{0,40}$",
    re.IGNORECASE,
)


def find_quotes(text: str, officials: list[Official]) -> list[Quote]:
    spans = sorted((s, e, i) for i, o in enumerate(officials) for s, e in o.mentions)
    quotes: list[Quote] = []
    taken: list[tuple[int, int]] = []
    for rx in (_CURLY, _STRAIGHT, _MIXED):
        for m in rx.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            body = m.group(1).replace("“", "").strip()
            if len(body.split()) < 3:  # a quoted term, not a statement
                continue
            taken.append((m.start(), m.end()))
            quotes.append(Quote(body, m.start(1), m.end(1), None))
    quotes.sort(key=lambda q: q.start)
    out: list[Quote] = []
    last: Optional[int] = None
    for q in quotes:
        who = _speaker(text, q, spans, last)
        if who is not None:
            last = who
        out.append(Quote(q.text, q.start, q.end, officials[who].name if who is not None else None))
    return out


_SPEECH_NEAR = re.compile(
    r"^[^“\"\n]{0,90}?\b(?:mengatakan|menyampaikan|menjelaskan|menegaskan|mengungkapkan|menuturkan|berkata|"
    r"mengimbau|menambahkan|menyebut(?:kan)?|menerangkan|memaparkan|berpesan|mengajak|meminta|menekankan|"
    r"mengingatkan|berharap|memastikan|membenarkan|menyatakan|mengaku|bilang)\b",
    re.IGNORECASE,
)
_SUBJECT_LEAD = re.compile(r"(?:^|[.!?”\"]\s+|\n)(?:Menurut|Kata|Sementara(?: itu)?,?|Adapun|Di sisi lain,?)?\s*$")


def _speaker(text: str, q: Quote, spans, last: Optional[int]) -> Optional[int]:
    after = text[q.end + 1: q.end + 90]
    vm = _VERB_AFTER.match(after)
    if vm and not (vm.group("nya") or vm.group("dia")):
        base = q.end + 1 + vm.end()
        for s, e, i in spans:
            if base <= s <= base + 45:
                return i
    # "X mengatakan, “...”" in the same paragraph
    para_start = text.rfind("\n", 0, q.start) + 1
    lead = text[para_start:q.start]
    if _VERB_BEFORE.search(lead):
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
                if _SPEECH_NEAR.match(text, e) or _SUBJECT_LEAD.search(text[max(0, s - 40):s])]
    if subjects:
        return subjects[-1]
    if window:
        return window[-1][2]
    found = [i for s, e, i in spans if s < q.start]
    return found[-1] if found else None
