"""Office-holders in the text: posts named without their holder, and handovers.

Two finders for the chain of command (issue 20), run as the spaCy component
``pantau_holders_v1`` after the officials:

- :func:`find_posts`: a POSITION rule span that no official's name goes with
  (``Kapolres Lahat mengatakan ...``, ``Dandim 0405/Lahat menghadiri ...``).
  Its holder is inferred later from who held the post on the article's date
  (``extractor.holders``); a post followed by a name (``Kapolres Lahat AKBP
  Kurniawan Azwar``) or preceded by one in apposition (``Kurniawan, Kapolres
  Lahat``) is the officials extractor's and is skipped here.
- :func:`find_handovers`: a sentence with a handover cue (``serah terima
  jabatan``, ``sertijab``, ``digantikan oleh``, ``menggantikan``, ``pejabat
  lama/baru``, ``menjabat sejak``; ``lexicons/handovers.toml``) and a post;
  the officials named in it are the outgoing and incoming holders by the cue
  words around them, and the date the sentence gives is the handover's.

Pure functions over the text and the earlier components' results.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional, Sequence

from .. import datafiles

from re import _constants as _sc, _parser as _sre  # the parsed form of a pattern (Python >= 3.11)

from ..types import DateMention, Handover, Official, PostMention
from .gazetteer import LEVEL_TYPES, Region
from .lexicon import lexicon
from .unitnames import unit_of


@dataclass(frozen=True)
class _Cues:
    cue: re.Pattern
    cue_anywhere: bool  # a cue in a sentence is one in the whole text (see _context_free)
    out_in: re.Pattern
    in_out: re.Pattern
    out_mark: re.Pattern
    in_mark: re.Pattern
    since: re.Pattern


def _rx(words: Iterable[str]) -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w in words), re.IGNORECASE)


@lru_cache(maxsize=1)
def cues() -> _Cues:
    d = datafiles.load("nlp/lexicons/handovers.toml")
    cue = _rx(d["cues"])
    return _Cues(cue, _context_free(cue), _rx(d["outgoing_then_incoming"]), _rx(d["incoming_then_outgoing"]),
                 _rx(d["outgoing_marks"]), _rx(d["incoming_marks"]), _rx(d["since"]))


def _context_free(rx: re.Pattern) -> bool:
    """Does ``rx`` match the same in a sentence as in the whole text: no
    anchor but a word boundary and no lookaround (:func:`sentences` cuts
    beside white space or closing quotes, which a word boundary sees as the
    edge of the text)? Then a text without a match has no sentence with
    one."""
    def free(items) -> bool:
        for op, av in items:
            if op in (_sc.ASSERT, _sc.ASSERT_NOT, _sc.GROUPREF, _sc.GROUPREF_EXISTS) or (
                    op is _sc.AT and av not in (_sc.AT_BOUNDARY, _sc.AT_NON_BOUNDARY)):
                return False
            if op is _sc.SUBPATTERN and not free(av[-1]):
                return False
            if op is _sc.BRANCH and not all(free(alt) for alt in av[1]):
                return False
            if op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT, getattr(_sc, "POSSESSIVE_REPEAT", None)) and not free(av[2]):
                return False
            if op is getattr(_sc, "ATOMIC_GROUP", None) and not free(av):
                return False
        return True

    try:
        return free(_sre.parse(rx.pattern, rx.flags))
    except Exception:  # an unknown construct: not known to be free
        return False


_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“(]?[A-Z0-9])|\n+")
#: a unit number after a TNI post: "Dandim 0405/Lahat", "Danrem 044/Gapo"
_CODE = re.compile(r"\s*(\d{3,4}(?:-\d{2})?(?:\s*/\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w'-]*)?)?)")


def sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


def _post_unit(text: str, short: str, end: int, places: Sequence[tuple[int, int, object]]):
    """(unit, region_code, end of the unit words) for the post ending at ``end``."""
    pos = lexicon().position(short)
    if pos is None or not pos.unit:
        return None, None, end
    if "{region}" not in pos.unit:
        return pos.unit, None, end
    head = pos.unit.split(" ", 1)[0]
    m = _CODE.match(text, end)
    if m and pos.institution == "TNI":
        return f"{head} {m.group(1).replace(' ', '')}", None, m.end()
    lex = lexicon()
    for s, e, region in places:
        if s < end:
            continue
        # nothing between, or the admin word of a region of the post's level ("Kapolres Kota Medan")
        gap = text[end:s]
        word = gap.strip(" ").lower().rstrip(".")
        if not (s <= end + 2 and not word) and \
                not (word and len(gap) <= len(word) + 3 and lex.admin_level.get(word) in LEVEL_TYPES.get(pos.level, ())):
            continue
        if isinstance(region, Region) and pos.unit == f"{head} {{region}}":
            return unit_of(head, region), region.code, e  # "Kapolres Kota Bekasi": Polres Metro Bekasi Kota
        name = getattr(region, "name", None) or text[s:e]
        return pos.unit.replace("{region}", _bare(name)), getattr(region, "code", None), e
    return None, None, end


def _bare(name: str) -> str:
    return re.sub(r"^(Kabupaten|Kota|Provinsi)\s+", "", name)


def _mentions(officials: Sequence[Official]) -> list[tuple[int, int, Official]]:
    return sorted(((s, e, o) for o in officials for s, e in o.mentions), key=lambda x: x[0])


def find_posts(text: str, positions: Sequence[tuple[int, int, str]], officials: Sequence[Official],
               places: Sequence[tuple[int, int, object]], units: Sequence[tuple[int, int, str]] = ()
               ) -> list[PostMention]:
    """Posts written without a holder's name. ``positions``: (start, end,
    canonical short) of the POSITION rule spans; ``places``: (start, end,
    region) of the place spans; ``units``: (start, end, text) of the UNIT spans
    (a post with no region takes the one unit of its kind the article names)."""
    mentions = _mentions(officials)
    out: list[PostMention] = []
    for start, end, short in positions:
        unit, code, after = _post_unit(text, short, end, places)
        if _named(text, start, after, mentions):
            continue
        if unit is None:
            unit = _only_unit(short, officials, units)
        out.append(PostMention(short, unit, start, after, code))
    return out


def _named(text: str, start: int, after: int, mentions) -> bool:
    """Whether a name goes with the post: right after it (ranks, degrees and
    capitalised words between) or right before it in apposition."""
    for s, e, _ in mentions:
        if after <= s <= after + 60:
            gap = text[after:s]
            if not re.search(r"[.,;:!?\"“”()]|\b[a-z]{3,}\b", gap.replace("Pol.", "Pol")):
                return True
        if start - 14 <= e <= start:
            gap = text[e:start]
            if re.fullmatch(r"\s*(?:,|\(|selaku|sebagai|yang\s+juga|yang\s+menjabat)?\s*", gap, re.IGNORECASE):
                return True
        if s <= start < e:
            return True
    return False


def _only_unit(short: str, officials: Sequence[Official], units: Sequence[tuple[int, int, str]]) -> Optional[str]:
    pos = lexicon().position(short)
    if pos is None or "{region}" not in pos.unit:
        return None
    head = pos.unit.split(" ", 1)[0].lower()
    found = {o.unit for o in officials if o.unit and o.unit.split(" ", 1)[0].lower() == head}
    found |= {re.sub(r"^Ma(?=pol|kod|kor)", "", t) for _, _, t in units if re.sub(r"^Ma(?=pol|kod|kor)", "", t)
              .split(" ", 1)[0].lower() == head and " " in t}
    return found.pop() if len(found) == 1 else None


def find_handovers(text: str, positions: Sequence[tuple[int, int, str]], officials: Sequence[Official],
                   places: Sequence[tuple[int, int, object]], dates: Sequence[DateMention] = ()
                   ) -> list[Handover]:
    """Handovers of a post, one per sentence that reports one."""
    c = cues()
    if c.cue_anywhere and not c.cue.search(text):
        return []
    mentions = _mentions(officials)
    out: list[Handover] = []
    for s0, s1 in sentences(text):
        sent = text[s0:s1]
        cue = c.cue.search(sent)
        if not cue:
            continue
        posts = [(a, b, short) for a, b, short in positions if s0 <= a < s1]
        people = [(a, b, o) for a, b, o in mentions if s0 <= a < s1]
        post = _the_post(posts, people, officials)
        if post is None:
            continue
        short, unit, code = post[0], post[1], post[2]
        if unit is None:
            for a, b, sh in posts:
                if sh == short:
                    unit, code, _ = _post_unit(text, sh, b, places)
                    if unit:
                        break
        outgoing, incoming = _roles(text, s0, s1, people)
        if outgoing is None and incoming is None:
            continue
        date = next((d.date for d in dates if s0 <= d.start < s1 and d.flag is None), None)
        if date is None:
            date = next((d.date for d in dates if s0 <= d.start < s1), None)
        out.append(Handover(short, unit, s0, s1, outgoing, incoming, date, cue.group(0).lower(), code))
    return out


def _the_post(posts, people, officials):
    """(position, unit, region code) the handover is about: the post an
    official in the sentence holds, else the first post written in it."""
    for _, _, o in people:
        if o.position and o.position in {p[2] for p in posts}:
            return o.position, o.unit, o.region_code
    if posts:
        return posts[0][2], None, None
    for _, _, o in people:
        if o.position:
            return o.position, o.unit, o.region_code
    return None


def _roles(text: str, s0: int, s1: int, people) -> tuple[Optional[str], Optional[str]]:
    c = cues()
    names: list[tuple[int, int, str]] = []
    for a, b, o in people:
        if o.name not in [n for _, _, n in names]:
            names.append((a, b, o.name))
    outgoing = incoming = None
    for a, b, name in names:  # the words just before each person
        last = text[max(s0, a - 40):a]
        if c.in_mark.search(last[-28:]) and name != outgoing:
            incoming = incoming or name
        elif c.out_mark.search(last[-28:]) and name != incoming:
            outgoing = outgoing or name
    if outgoing and incoming:
        return outgoing, incoming
    for rx, first_is_out in ((c.out_in, True), (c.in_out, False)):
        m = rx.search(text, s0, s1)
        if not m:
            continue
        before = [n for a, b, n in names if b <= m.start()]
        after = [n for a, b, n in names if a >= m.end()]
        x = before[-1] if before else None
        y = after[0] if after else None
        if m.group(0).lower() == "dari":  # "dari A kepada B": both after the cue
            x, y = (after[0], after[1]) if len(after) >= 2 else (after[0] if after else None, None)
        if x == y:
            y = None
        first, second = (x, y) if first_is_out else (y, x)
        return outgoing or first, incoming or second
    m = c.since.search(text, s0, s1)
    if m:
        before = [n for a, b, n in names if b <= m.start()]
        return outgoing, incoming or (before[-1] if before else (names[0][2] if names else None))
    return outgoing, incoming
