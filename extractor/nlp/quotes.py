"""Direct quotes and their speakers.

A quote is text between curly (“…”) or straight ("…") quote marks; a quote
that runs over several paragraphs (each opening with “, only the last one
closing) is one quote. The speaker is, in order: the official named right
after it with a speech verb (``ujar AKP Situmorang``, ``kata Kapolres``), the
official named right before it (``Situmorang mengatakan, “…”``), the last
speaker for ``-nya`` verbs (``tegasnya``), else the official mentioned last
before it in the same paragraph.
"""

from __future__ import annotations

import re
from typing import Optional

from ..types import Official, Quote

_CURLY = re.compile(r"“([^”]{3,}?)”", re.S)
_STRAIGHT = re.compile(r'"([^"\n]{3,}?)"')
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
    for rx in (_CURLY, _STRAIGHT):
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


def _speaker(text: str, q: Quote, spans, last: Optional[int]) -> Optional[int]:
    after = text[q.end + 1: q.end + 90]
    vm = _VERB_AFTER.match(after)
    if vm:
        if vm.group("nya") or vm.group("dia"):
            return last if last is not None else _before(text, q, spans)
        base = q.end + 1 + vm.end()
        for s, e, i in spans:
            if base <= s <= base + 45:
                return i
        return last if last is not None else _before(text, q, spans)
    # "X mengatakan, “...”"
    para_start = text.rfind("\n", 0, q.start) + 1
    lead = text[para_start:q.start]
    if _VERB_BEFORE.search(lead):
        found = [i for s, e, i in spans if para_start <= s < q.start]
        if found:
            return found[-1]
    return _before(text, q, spans) if last is None else last


def _before(text: str, q: Quote, spans) -> Optional[int]:
    para_start = text.rfind("\n\n", 0, q.start)
    found = [i for s, e, i in spans if para_start <= s < q.start]
    if found:
        return found[-1]
    found = [i for s, e, i in spans if s < q.start]
    return found[-1] if found else None
