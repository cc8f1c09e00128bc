"""Election-security relevance of an article, from ``lexicons/relevance.toml``
(its header explains the score): election hits x security hits, each side
saturating, title hits weighted up, ambiguous words weighted down. The
score is stored on every article; below :func:`threshold` an article is
kept but not extracted unless the run says ``--all``."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import datafiles


@dataclass(frozen=True)
class _Lexicon:
    election: re.Pattern
    election_weak: re.Pattern
    security: re.Pattern
    security_weak: re.Pattern
    both: re.Pattern
    threshold: float
    scale: float
    title_weight: float
    weak_weight: float


def _rx(words) -> re.Pattern:
    """One case-insensitive pattern for the terms, longest first, on word boundaries."""
    return re.compile(r"(?<![\w-])(?:" + _by_first_letter(sorted(words, key=len, reverse=True)) + r")(?![\w-])",
                      re.IGNORECASE)


def _by_first_letter(terms: list[str]) -> str:
    """The alternation of ``terms`` (in this order), its branches grouped by
    their first letter: ``p(?:ilkada|emilu)|k(?:PU[D]?|...)``. The same
    matches (within a group the order is kept, and a group is the only one
    that can match where its letter stands), but ``re`` tries a handful of
    branches at a word's start instead of every term. Terms that do not
    start with a plain letter, or hold a top-level ``|``, keep the flat list."""
    if not all(_FIRST_LETTER.match(t) and not _top_level_bar(t) for t in terms):
        return "|".join(terms)
    groups: dict[str, list[str]] = {}
    for t in terms:
        groups.setdefault(t[0].lower(), []).append(t[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


#: a term's first character is a letter that no quantifier applies to
_FIRST_LETTER = re.compile(r"[A-Za-z](?![?*+{])")


def _top_level_bar(term: str) -> bool:
    """Whether the regex ``term`` holds a ``|`` outside every group and class."""
    depth, i, in_class = 0, 0, False
    while i < len(term):
        c = term[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if term[i + 1:i + 2] == "]":  # "[]...]": a leading "]" is a member
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = datafiles.load("nlp/lexicons/relevance.toml")
    return _Lexicon(_rx(data["election"]["strong"]), _rx(data["election"]["weak"]), _rx(data["security"]["strong"]),
                    _rx(data["security"]["weak"]), _rx(data["both"]["terms"]), float(data["threshold"]),
                    float(data["scale"]), float(data["title_weight"]), float(data["weak_weight"]))


def hits(title: str, text: str) -> tuple[float, float]:
    """(weighted election hits, weighted security hits)."""
    lx = _lexicon()

    def count(s: str) -> tuple[float, float, float, float]:
        both = len(lx.both.findall(s))
        return (len(lx.election.findall(s)) + both, len(lx.election_weak.findall(s)),
                len(lx.security.findall(s)) + both, len(lx.security_weak.findall(s)))

    t, b = count(title), count(text)
    strong_e, weak_e, strong_s, weak_s = (lx.title_weight * x + y for x, y in zip(t, b))
    # weak words only add to a side that has a strong hit: "kampanye antinarkoba" alone is no election
    e = strong_e + lx.weak_weight * weak_e if strong_e else 0.0
    s = strong_s + lx.weak_weight * weak_s if strong_s else 0.0
    return e, s


def relevance(title: str, text: str) -> float:
    lx = _lexicon()
    e, s = hits(title, text)

    def f(x: float) -> float:
        return 1.0 - math.exp(-x / lx.scale)

    return round(f(e) * f(s), 3)


def threshold() -> float:
    return _lexicon().threshold
