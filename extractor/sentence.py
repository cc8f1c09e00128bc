"""The sentence a record came from: pure functions over an article's text.

Used for provenance (the report's evidence, the ACLED notes) and by the counting
rules (the sentence that states a personnel figure). Paragraphs are separated by
newlines; a period after an abbreviation, an initial or a degree does not end a
sentence.
"""

from __future__ import annotations

import re

#: words that end with a period without ending the sentence (ranks, titles, street, number)
_ABBREVIATIONS = {"pol", "no", "jl", "jln", "dr", "drs", "dra", "ir", "h", "hj", "st", "prof", "kol", "brig", "jend",
                  "bpk", "kec", "kab", "ds", "kel", "tgl", "sdr", "ny", "tn", "a.n", "dll", "dkk", "dsb", "u"}
_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(s0, s1)``: the sentence of ``text`` holding ``[start, end)``, within its
    paragraph, without the whitespace around it."""
    start = max(0, min(start or 0, len(text)))
    end = max(start, min(end or start, len(text)))
    p0 = text.rfind("\n", 0, start) + 1
    p1 = text.find("\n", end)
    p1 = len(text) if p1 < 0 else p1
    s0, s1 = p0, p1
    for m in _END.finditer(text, p0, p1):
        if not _is_boundary(text, m.start()):
            continue
        if m.end() <= start:
            s0 = m.end()
        elif m.start() >= end - 1 and m.end() > end:
            s1 = m.end()
            break
    while s0 < s1 and text[s0].isspace():
        s0 += 1
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    return s0, s1


def next_sentence(text: str, s1: int) -> tuple[int, int]:
    """The sentence after the one ending at ``s1`` (in the same or the next
    paragraph); ``(s1, s1)`` at the end of the text."""
    i = s1
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        return s1, s1
    return sentence_span(text, i, i + 1)


def sentence_at(text: str, start: int, end: int, max_chars: int = 420) -> str:
    """The sentence of ``text`` holding ``[start, end)``, within its paragraph,
    cut to about ``max_chars`` around the span ("…" marks a cut)."""
    if not text:
        return ""
    start = max(0, min(start or 0, len(text)))
    end = max(start, min(end or start, len(text)))
    s0, s1 = sentence_span(text, start, end)
    sent = text[s0:s1]
    if len(sent) <= max_chars:
        return sent
    lead = text[s0:start]
    cut0 = max(s0, start - (max_chars - (end - start)) // 2)
    cut1 = min(s1, cut0 + max_chars)
    return ("…" if cut0 > s0 and lead.strip() else "") + text[cut0:cut1].strip() + ("…" if cut1 < s1 else "")


def _is_boundary(text: str, i: int) -> bool:
    """A period at ``i`` ends a sentence unless it closes an abbreviation, an
    initial (M. Yusuf) or a degree (S.H., M.Si.)."""
    if text[i] != ".":
        return True
    j = i
    while j > 0 and not text[j - 1].isspace() and text[j - 1] not in "(\"“":
        j -= 1
    word = text[j:i]
    if not word:
        return True
    if "." in word or word.lower().rstrip(",") in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False
    nxt = text[i + 1:i + 3].lstrip()
    return not nxt or not nxt[0].islower()
