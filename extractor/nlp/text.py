"""Small text utilities shared by the extraction modules: sentences and words
with character offsets. Offsets always index the article text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a period does not end a sentence.
_NO_BREAK = re.compile(
    r"(?:\b(?:Pol|Kab|Kec|Kel|Jl|Jln|No|Dr|Drs|Dra|Ir|Prof|H|Hj|Kol|Kapt|Letkol|AKBP|St|Tn|Ny|Sdr|dkk|dll|dsb|Rp"
    r"|Moh|Muh|Moch|Much|Mochd|Mhd|Ach|Abd)"
    r"|\b[A-Z]|\b[A-Z][a-z]?\.[A-Za-z]{1,3}|\bS\.[A-Za-z.]{1,6}|\bM\.[A-Za-z.]{1,6})\.$"
)
_BOUNDARY = re.compile(r"[.!?](?:[”\"’')\]]+)?\s+(?=[“\"'(]?[A-Z0-9])|\n\s*\n|\n"
                       # a period with the space lost ("dua jam.Pleno baru dilanjutkan"): a word of three
                       # letters or more before, a capitalised word of three letters or more after
                       r"|(?<=[A-Za-z]{3})\.(?=[A-Z][a-z]{2,}(?![\w.]*\.(?:com|id|co|net|org)\b))")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


#: letters that re.IGNORECASE matches to an ASCII letter while str.lower() keeps them apart
#: (dotless and dotted i, long s; "İ".lower() is even two characters)
_FOLD = str.maketrans({"\u0131": "i", "\u0130": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """``text`` lower-cased as a case-insensitive pattern compares it: what a word matched
    with re.IGNORECASE is looked up by in a table of lower-case keys, and what a gate
    compares with a pattern's lower-case literals."""
    return text.translate(_FOLD).lower()


def sentences(text: str) -> list[Sentence]:
    """Split into sentences; paragraph and line breaks always split."""
    out: list[Sentence] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        cut = m.start() + 1 if text[m.start()] in ".!?" else m.start()
        if text[m.start()] == "." and _NO_BREAK.search(text[max(start, m.start() - 12): m.start() + 1]):
            continue
        # keep closing quotes with the sentence they close
        while cut < len(text) and text[cut] in "”\"’')]":
            cut += 1
        _add(out, text, start, cut)
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list, text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def sentence_at(sents: list[Sentence], pos: int) -> Sentence | None:
    lo, hi = 0, len(sents)
    while lo < hi:
        mid = (lo + hi) // 2
        if sents[mid].end <= pos:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(sents) and sents[lo].start <= pos < sents[lo].end:
        return sents[lo]
    return None


_WORD = re.compile(r"[^\s,;:()“”\"]+|[,;:()“”\"]")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        return self.text.rstrip(".")


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Words and punctuation marks between ``start`` and ``end`` with offsets."""
    end = len(text) if end is None else end
    return [Word(m.start() + start, m.end() + start, m.group()) for m in _WORD.finditer(text[start:end])]


def is_cap(w: str) -> bool:
    return bool(w) and (w[0].isupper() or (len(w) > 1 and w[0] in "'’" and w[1].isupper()))


def in_headline(text: str, pos: int) -> bool:
    """A title-case line (a related-article headline, a ticker) holds no venue."""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    line = text[a:b if b >= 0 else len(text)]
    ws = [w for w in line.split() if w[:1].isalpha() and not w.isupper()]
    if len(ws) < 6 or line.rstrip().endswith((".", "\"", "”")):
        return False
    return sum(w[0].isupper() for w in ws) / len(ws) >= 0.8
