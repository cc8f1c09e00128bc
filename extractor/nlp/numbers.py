"""Indonesian number words: "seratus lima puluh" -> 150, "1.250" -> 1250."""

from __future__ import annotations

import re
from typing import Optional

_UNITS = {"nol": 0, "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
          "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000}
_SCALES = {"belas": None, "puluh": 10, "ratus": 100, "ribu": 1000, "juta": 1_000_000}
WORD_NUMBER = re.compile(
    r"(?:(?:nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|seratus|seribu)"
    r"(?:\s+(?:belas|puluh|ratus|ribu|juta))?\s*)+",
    re.IGNORECASE,
)


def words_to_int(s: str) -> Optional[int]:
    toks = s.lower().split()
    if not toks:
        return None
    total, current = 0, 0
    for t in toks:
        if t in _UNITS:
            v = _UNITS[t]
            if v == 1000:
                total += (current or 1) * 1000
                current = 0
            else:
                current += v
        elif t == "belas":
            current += 10
        elif t in ("puluh", "ratus"):
            mult = _SCALES[t]
            last = current % 10 if current % 10 else 1
            current = current - (current % 10) + last * mult
        elif t in ("ribu", "juta"):
            total += (current or 1) * _SCALES[t]
            current = 0
        else:
            return None
    return total + current


def digits_to_int(s: str) -> Optional[int]:
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return int(s.replace(".", ""))
    if s.isdigit():
        return int(s)
    return None
