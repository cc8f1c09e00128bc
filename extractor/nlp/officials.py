"""Officials: name, rank, position, unit, degrees and every mention.

Anchors, strongest first:
  1. a rank followed by a name: ``AKBP Jhoni Eka Putra SH SIK MSi``;
  2. a position (+ region or unit) followed by a rank: ``Kapolres Muara Enim
     AKBP ...``, ``Komandan Kodim (Dandim) 0412/LU, Letkol Inf ...``;
  3. a position followed by a name with no rank (civilians): ``Ketua PPK
     Lawang Kidul Aris Munandar``;
  4. a name in apposition before a position: ``Aris Munandar, Ketua PPK ...``,
     ``Aris Munandar (Ketua PPK ...)``, ``Aris Munandar selaku Ketua PPK``,
     ``Rahmadi merupakan petahana Wakil Bupati ...`` (a copula).
Then ``X melalui/lewat/mewakili Y`` links Y to X's unit, later short forms
(``AKP Situmorang``, ``kata Arfin``, ``Kapolres``) become mentions of the
person already named, and candidates for the same person are merged.
Never guesses: a rank or position the text does not state stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace
from typing import NamedTuple, Optional

from ..types import Official
from ..units import is_unit_name, resolve
from .gazetteer import LEVEL_TYPES, gazetteer
from .lexicon import Position, degree_key, lexicon, one_edit
from .text import in_headline, is_cap
from .unitnames import unit_of

_NAME_TOKEN = re.compile(r"(?:[A-Z][A-Za-z'’`\-]*|[A-Z]{1,4}\.|[A-Z][a-z]{1,3}\.|[A-Z]\.[A-Z]\.?|'[A-Z][a-z]+)$")
_TOK = re.compile(r"\(H\.C\.?\)|[^\s,;:()“”\"]+|[,;:()“”\"]")
_GLUED_DEGREE = re.compile(r"^([A-Z][a-z'’]+)\.([A-Z]\.?\s?[A-Za-z].*)$")
#: initials glued to the next part of a name: "T.Mukhlis", "A.A.Gde"
_GLUED_INITIAL = re.compile(r"^((?:[A-Z]\.){1,3})([A-Z][a-z][\w'’\-]*\.?)$")
_CODE = re.compile(r"\d{2,4}(?:[-/]\d{1,3})?(?:/[A-Za-z][A-Za-z\-]*)?$")

@dataclass
class _Cand:
    name: str
    start: int
    end: int
    rank: Optional[str] = None
    rank_full: Optional[str] = None
    corps: Optional[str] = None
    institution: Optional[str] = None
    rank_order: Optional[int] = None
    position: Optional[Position] = None
    unit: Optional[str] = None
    degrees: list[str] = field(default_factory=list)
    honorific: Optional[str] = None
    span_start: int = 0  # whole mention incl. position and rank
    span_end: int = 0
    mentions: list[tuple[int, int]] = field(default_factory=list)
    principal: Optional["_Cand"] = None
    position_from: str = ""  # "before" (Kapolres X AKBP Y) or "apposition" (AKBP Y, Kapolres X)

    @property
    def tokens(self) -> list[str]:
        return [t.lower().rstrip(".") for t in self.name.split()]


@dataclass
class OfficialsResult:
    officials: list[Official]
    #: per official (same order): the span of every mention, for quotes
    mention_spans: list[list[tuple[int, int]]]


def _tokens(text: str, start: int, limit: int = 160):
    """Tokens after ``start`` (commas etc. separate), splitting glued degrees."""
    out = []
    for m in _TOK.finditer(text, start, min(len(text), start + limit)):
        t, s = m.group(), m.start()
        if "." not in t or not "A" <= t[0] <= "Z":  # neither glued pattern can match
            out.append((s, m.end(), t))
            continue
        g = _GLUED_DEGREE.match(t)
        if g and degree_key(g.group(2)) in lexicon().degree_after:
            out.append((s, s + len(g.group(1)), g.group(1)))
            out.append((s + len(g.group(1)) + 1, m.end(), g.group(2)))
            continue
        g = _GLUED_INITIAL.match(t)
        if g and degree_key(t) not in lexicon().degree_after:  # "M.Yusuf", "A.A.Gde" (not "M.Si")
            out.append((s, s + len(g.group(1)), g.group(1)))
            out.append((s + len(g.group(1)), m.end(), g.group(2)))
            continue
        out.append((s, m.end(), t))
    return out


def _is_degree(tok: str) -> bool:
    k = degree_key(tok)
    lex = lexicon()
    return bool(k) and (k in lex.degree_after or (k in lex.degree_before and tok.endswith(".")))


def _parse_degrees(text: str, toks, i) -> tuple[list[str], int, int]:
    """Degrees from token ``i``: ``SH SIK MSi``, ``S.H., S.I.K.``, ``M M``, ``. S. E,``."""
    lex = lexicon()
    found: list[str] = []
    end = toks[i - 1][1] if i > 0 else 0
    while i < len(toks):
        t = toks[i][2]
        if t in (",", ".") or t == ";":
            i += 1
            continue
        hit = None
        for n in (3, 2, 1):  # split degrees: "M M", "S. E"
            if i + n > len(toks):
                continue
            parts = [x[2] for x in toks[i:i + n]]
            if any(p in (",", ";", "(", ")", "“", "”", '"') for p in parts):
                continue
            k = degree_key("".join(parts))
            if n > 1 and not all(len(degree_key(p)) <= 3 for p in parts):
                continue
            if k in lex.degree_after and (n == 1 or all(re.fullmatch(r"[A-Za-z]{1,3}\.?", p) for p in parts)):
                hit = (lex.degree_after[k], n)
                break
        if not hit:
            break
        found.append(hit[0])
        end = toks[i + hit[1] - 1][1]
        i += hit[1]
    # step back over trailing commas so the caller sees them
    while i > 0 and i <= len(toks) and toks[i - 1][2] in (",", ".") and toks[i - 1][1] > end:
        i -= 1
    return found, end, i


def _parse_name(text: str, start: int):
    """Name at ``start``: [titles] tokens [degrees]. Returns dict or None."""
    lex = lexicon()
    toks = _tokens(text, start)
    i = 0
    titles, honorific = [], None
    while i < len(toks):
        t = toks[i][2]
        low = t.lower().rstrip(".")
        if low in lex.pre_titles and (t.endswith(".") or low in lex.pre_titles_bare):
            titles.append(lex.degree_before.get(low.upper(), t))
            i += 1
            if i < len(toks) and toks[i][2].startswith("(H.C"):
                i += 1
            continue
        if low in lex.honorific_forms and i + 1 < len(toks) and is_cap(toks[i + 1][2]) and toks[i + 1][2] not in (",",):
            honorific = lex.honorific_forms[low]
            i += 1
            continue
        if low in lex.address_forms and i + 1 < len(toks) and is_cap(toks[i + 1][2]):  # "Bapak Kardi"
            i += 1
            continue
        break
    name_toks = []
    while i < len(toks) and len(name_toks) < 6:
        s, e, t = toks[i]
        gap = text[toks[i - 1][1]:s] if name_toks else " "
        if gap != " " and not (gap == "" and re.fullmatch(r"(?:[A-Z]\.){1,3}", name_toks[-1][2])):
            break
        if name_toks and t in lex.name_particles and i + 1 < len(toks) and is_cap(toks[i + 1][2]) \
                and text[e:toks[i + 1][0]] == " ":
            name_toks.append((s, e, t))
            i += 1
            continue
        bare = t.rstrip(".")
        low = bare.lower()
        if not is_cap(t) or low in lex.name_stop or low in lex.headline_verbs or low in lex.subunit_words or \
                (name_toks and low in lex.position_first_words) or not _NAME_TOKEN.match(t if len(bare) <= 3 else bare) or any(ch.isdigit() for ch in t):
            break
        if name_toks and t.isupper() and len(t) > 3 and (low in _common_lowercase() or _AFFIXED.fullmatch(low)):
            break  # all-caps text: "BUDI SANTOSO MENINJAU" ends at the verb
        if name_toks and _is_degree(t) and (t.isupper() or "." in t or degree_key(t) in lex.degrees_ending_name):
            break
        if lex.position(bare):
            break
        if lex.rank_re.fullmatch(t) and not (name_toks and _ends_name(toks, i)):
            break  # a rank starts the next person, unless it ends this name: "Paulus Mayor, berharap"
        name_toks.append((s, e, t))
        i += 1
        if t.endswith(".") and len(bare) > 3:  # sentence end: "Situmorang."
            break
    if not name_toks:
        return None
    # a trailing initial-looking token followed by nothing is fine; strip final dots of long words
    n_start = name_toks[0][0]
    last = name_toks[-1]
    n_end = last[1] - (1 if last[2].endswith(".") and len(last[2].rstrip(".")) > 3 else 0)
    name = " ".join(t if not (t.endswith(".") and len(t.rstrip(".")) > 3) else t.rstrip(".") for _, _, t in name_toks)
    degrees, d_end, j = _parse_degrees(text, toks, i)
    return {
        "name": name, "start": n_start, "end": n_end, "degrees": titles + degrees, "honorific": honorific,
        "after": max(n_end, d_end), "toks": toks, "next": j,
    }


def _institution(pos: Position, unit: Optional[str]) -> str:
    """The institution of the unit written with a title (``Kasi Ops Korem`` -> TNI), else the title's."""
    return (lexicon().unit_institution(unit.split(" ")[0]) if unit else "") or pos.institution


def parse_name(text: str, start: int):
    """The person name at ``start``, as the officials rules read it: a dict
    with ``name`` (bare: titles, honorific and degrees apart), ``start``,
    ``end``, ``degrees``, ``honorific`` and ``after`` (the end of the degrees);
    None when no name starts there. Shared with the candidates rules."""
    return _parse_name(text, start)


def _ends_name(toks, i: int) -> bool:
    """Token ``i`` is the last of a name: punctuation or a lower-case word follows."""
    return i + 1 >= len(toks) or toks[i + 1][2] in (",", ".", ";", ")", ":") or not is_cap(toks[i + 1][2])


def _parse_tail(text: str, start: int, pos: Position):
    """Region/unit written after a position. Returns (unit or None, end)."""
    lex = lexicon()
    toks = _tokens(text, start, 120)
    i, end = 0, start
    unit_written, region, region_type, code = None, None, None, None
    place = None  # the gazetteer's region behind ``region``, when the rules read one
    implied = pos.unit.split(" ")[0] if pos.unit and "{region}" in pos.unit else None
    while i < len(toks):
        s, e, t = toks[i]
        low = t.lower().rstrip(".")
        # a unit the table knows, written after its head or after a post that heads it: its name as the
        # table gives it ("Kapolres Metro Jakarta Selatan", "Dandim 0211/TT", "Pangdam IX/Udayana")
        known = ((_known_unit(text, toks, i, implied) if i == 0 and implied else None)
                 or (_known_unit(text, toks, i + 1, t.rstrip(".")) if low in lex.unit_heads and is_cap(t) else None))
        if known:
            unit_written = unit_written or known[0]
            i, end = known[1], toks[known[1] - 1][1]
            continue
        if t == "(":  # "(Dandim)", "(Sumsel)"
            j = i + 1
            while j < len(toks) and toks[j][2] != ")" and j - i <= 4:
                j += 1
            if j < len(toks) and toks[j][2] == ")":
                inner = text[toks[i][1]:toks[j][0]].strip()
                if region is None:
                    hit = gazetteer().lookup(inner, ("provinsi", "kabupaten", "kota"))
                    if hit:
                        region, region_type = hit[0].name, hit[0].type
                i, end = j + 1, toks[j][1]
                continue
            break
        if t == "," and i + 1 < len(toks) and toks[i + 1][2].lower() in lex.unit_heads:
            i += 1
            continue
        if t == "TPS" and i + 1 < len(toks) and re.fullmatch(r"\d{1,3}[A-Za-z]?,?", toks[i + 1][2]):
            j = i + 2  # "Ketua KPPS TPS 04 Tomuan, ..."
            k = j  # "Ketua KPPS TPS 02 Pasar Pino, Samsiar, ...": the village up to the comma before a name
            while k < len(toks) and k - j < 3 and is_cap(toks[k][2]) and text[toks[k - 1][1]:toks[k][0]] == " ":
                k += 1
            if toks[i + 1][2].endswith(","):
                pass
            elif k > j and k + 1 < len(toks) and toks[k][2] == "," and is_cap(toks[k + 1][2]) \
                    and toks[k + 1][2].lower() not in lex.name_stop:
                j = k
            elif j < len(toks) and is_cap(toks[j][2]) and \
                    gazetteer().lookup(toks[j][2].rstrip(".,"), ("desa", "kelurahan")):
                j += 1
            head = pos.unit.split(" ")[0] if pos.unit else "KPPS"
            unit_written = unit_written or f"{head} " + text[s:toks[j - 1][1]].rstrip(",")
            i, end = j, toks[j - 1][1]
            continue
        if low in lex.unit_heads and is_cap(t):
            head = t.rstrip(".")
            j = i + 1
            if j < len(toks) and _CODE.match(toks[j][2].rstrip(".,")):
                c, j = _code_at(text, toks, j)
                if unit_written is None:
                    unit_written = f"{head} {_expand_code(c)}"
                code = code or c
                i, end = j, toks[j - 1][1]
                continue
            r = _region_at(text, toks, j, lex.unit_types(low))
            if r:
                reg, j2 = r
                if unit_written is None:
                    unit_written = unit_of(head, reg)
                    region, region_type, place = reg.name, reg.type, reg
                i, end = j2, toks[j2 - 1][1]
                continue
            unit_written = unit_written or head
            i, end = j, e
            continue
        nm = _rx().national.match(text, s) if i == 0 and pos.takes_region and pos.unit else None
        if nm:  # "Ketua KPU RI Mochammad Afifuddin": the national body, no region and no name
            j = i
            while j < len(toks) and toks[j][0] < nm.end():
                j += 1
            unit_written = f"{pos.unit.split(' ')[0]} RI"
            i, end = j, toks[j - 1][1]
            continue
        if _CODE.match(t.rstrip(".,")) and any(ch.isdigit() for ch in t) and code is None:
            code, i = _code_at(text, toks, i)
            end = toks[i - 1][1]
            continue
        r = _region_at(text, toks, i, _level_types(pos))
        if r and region is None:
            reg, j2 = r
            region, region_type, place = reg.name, reg.type, reg
            i, end = j2, toks[j2 - 1][1]
            continue
        if r and low in lex.admin_level:  # "Kepala Desa X Kecamatan Y Name": the region's parent, written after it
            i, end = r[1], toks[r[1] - 1][1]
            continue
        skip = _skip_in_tail(text, toks, i, end, pos)
        if skip:
            i, end = skip
            continue
        break
    unit = unit_written
    if unit is None and pos.unit and (region or code):
        head = pos.unit.split(" ")[0]
        if code:
            unit = f"{head} {_expand_code(code)}"
        elif place is not None and pos.unit == f"{head} {{region}}":
            unit = unit_of(head, place)
        elif "{region}" in pos.unit:
            prefix = "Kota " if region_type == "kota" and head.lower() in lexicon().kota_prefix_kinds else ""
            unit = pos.unit.replace("{region}", prefix + region)
    elif unit is None and pos.unit and "{region}" not in pos.unit:
        unit = pos.unit
    return unit, end, i, toks


def _known_unit(text: str, toks, i: int, head: str) -> Optional[tuple[str, int]]:
    """The longest run of tokens from ``i`` that, after ``head``, makes the
    name or a press alias of a unit of the table (``units.is_unit_name``), as
    (the unit's name, the token after the run); None if no run does. A run
    does not go past a comma or a bracket."""
    best = None
    ranks = _rank_words()
    for j in range(i + 1, min(len(toks), i + 8) + 1):
        t = toks[j - 1][2]
        if t in ("(", ")", ",", ";") or (j > i + 1 and text[toks[j - 2][1]:toks[j - 1][0]].strip()):
            break
        if j > i + 1 and t.rstrip(".,").lower() in ranks:
            break  # a rank begins what follows the unit's name
        written = f"{head} {text[toks[i][0]:toks[j - 1][1]].rstrip('.,')}"
        if is_unit_name(written):
            best = (written, j)
        if toks[j - 1][2].endswith((",", ";")):
            break
    if best is None:
        return None
    u = resolve(best[0])
    return (u.name if u is not None else best[0]), best[1]


@lru_cache(maxsize=1)
def _rank_words() -> frozenset[str]:
    """The one-word written ranks, lower case (``akbp``, ``letkol``, ``kombespol``)."""
    return frozenset(f.lower().rstrip(".") for f in lexicon().rank_forms if " " not in f)


_DESIGNATOR = re.compile(r"(?:\d{1,2}|[A-Z]|[IVX]{1,4})")


def _skip_in_tail(text: str, toks, i: int, end: int, pos: Optional[Position] = None) -> Optional[tuple[int, int]]:
    """What may stand between a position and its unit without naming either,
    as (next token, end): a staff post's further functions (``Kordiv Hukum
    dan Pencegahan Bawaslu X``); the section it heads and an operation's name
    (``Kasubbid Penmas Bid Humas Polda X``, ``Kasatgas Preventif Operasi
    Mantap Praja Toba 2024 Polda X``); sub-unit words and their designators
    (``Danki 2 Batalyon B Pelopor Sat Brimob``, ``Kasubdit III``); a local
    name of the title (``Kepala Desa Kanekes atau Jaro Pamarentah, Sarpin``)."""
    lex = lexicon()
    s, e, t = toks[i]
    m = lex.section_re.match(text, s)
    if m and m.end() > s:
        j = i
        while j < len(toks) and toks[j][1] <= m.end():
            j += 1
        if j > i and toks[j - 1][1] == m.end():
            return j, m.end()
    low = t.lower().rstrip(".")
    if low in lex.subunit_words and is_cap(t):
        j = i + 1
        if j < len(toks) and _DESIGNATOR.fullmatch(toks[j][2]):
            j += 1
        return j, toks[j - 1][1]
    if i == 0 and _DESIGNATOR.fullmatch(t) and text[end:s] == " ":
        return i + 1, e
    fm = lex.more_functions_re.match(text, s) if pos is not None and pos.sub and i <= 2 else None
    if fm:  # "Kordiv Hukum dan Pencegahan Bawaslu X": the post's further functions
        j = i
        while j < len(toks) and toks[j][0] < fm.end():
            j += 1
        return j, toks[j - 1][1]
    if not is_cap(t):
        sm = _rx().scope.match(text, s)
        if sm:  # "Pabung Kodim X wilayah Empat Lawang Mayor Y": the area covered, up to the rank or a comma
            j = i
            while j < len(toks) and toks[j][0] < sm.end():
                j += 1
            k = j
            while k < len(toks) and k - j < 4 and is_cap(toks[k][2]) and not lex.rank_re.fullmatch(toks[k][2]) \
                    and not lex.position_at(text, toks[k][0]) and (k == j or text[toks[k - 1][1]:toks[k][0]] == " "):
                k += 1
            if k > j:
                return k, toks[k - 1][1]
        om = _rx().occasion.match(text, s)
        if om:  # "Perwira Pengendali (Padal) apel, Mayor Y": the occasion the title is held for
            return i + 1, e
    am = _rx().aside.match(text, s) if not is_cap(t) else None
    if am and i + 1 < len(toks):  # "Wakil Wali Kota X yang juga Ketua Y, Name"
        while i + 1 < len(toks) and toks[i + 1][0] < am.end():
            i += 1
    if am and i + 1 < len(toks) and is_cap(toks[i + 1][2]):
        j = i + 1
        while j < len(toks) and j - i <= 4 and is_cap(toks[j][2]) and not lex.rank_re.fullmatch(toks[j][2]):
            j += 1
        if j < len(toks) and toks[j][2] == ",":
            return j, toks[j - 1][1]
    return None


def _code_at(text, toks, j):
    """``0404/Muara Enim``: a unit code whose region may run over several
    words: the longest run of up to four capitalised words after the slash
    that names a region or a capital town (``01/Kota Arga Makmur``, though
    ``Kota Arga`` is none; ``1013/Muara Teweh``), not past a word that ends
    in a comma or a full stop. After a sub-number the place follows a space:
    ``0825/01 Pesanggaran``."""
    code = toks[j][2].rstrip(".,")
    k = j + 1
    if "/" in code and not toks[j][2].endswith(","):
        head, first = code.rsplit("/", 1)
        words = ""
        m = k
        while m < len(toks) and m - k < 4 and is_cap(toks[m][2]) and text[toks[m - 1][1]:toks[m][0]] == " ":
            words = f"{words} {toks[m][2].rstrip('.,')}".strip()
            name = words if first.isdigit() else f"{first} {words}"
            if _names_region(name):
                code, k = f"{head}/{first} {words}", m + 1
            if toks[m][2].endswith((",", ".")):
                break
            m += 1
    return code, k


def _names_region(name: str) -> bool:
    """Whether ``name`` (after a unit code's slash) names a kabupaten, kota,
    kecamatan or distrik, or a capital town: "0624/Kabupaten Bandung" and
    "0606/Kota Bogor" write the admin word with the name, and 47 kecamatan
    have a name that starts with Kota (01/Kota Sigli)."""
    gaz = gazetteer()
    bare = re.sub(rf"^(?:{_kab_kota_words()})\s+", "", name)
    return bool(gaz.lookup(bare, ("kabupaten", "kota", "kecamatan")) or gaz.lookup(name, ("kecamatan", "distrik"))
                or gaz.capital(name))


def _expand_code(code: str) -> str:
    """``0412/LU`` -> ``0412/Lampung Utara`` when the suffix is a known alias
    (not when it is a region's own name: ``01/Kota Baru``, a kecamatan, is
    no Kotabaru)."""
    if "/" not in code:
        return code
    num, suffix = code.rsplit("/", 1)
    if any(r.name.lower() == suffix.lower() for r in gazetteer().lookup(suffix, ("kecamatan", "distrik"))):
        return code
    hit = gazetteer().lookup(suffix, ("kabupaten", "kota"))
    if hit and not suffix.isdigit():
        return f"{num}/{hit[0].name}"
    return code


@lru_cache(maxsize=1)
def _kab_kota_words() -> str:
    """The admin words of kabupaten and kota (units.toml ``[admin]``), as a regex."""
    words = [w for w, level in lexicon().admin_level.items() if level in ("kabupaten", "kota")]
    return "(?i:" + "|".join(re.escape(w) + r"\.?" for w in sorted(words, key=len, reverse=True)) + ")"


def _level_types(pos: Position) -> tuple[str, ...]:
    """Region types the name after a position may be: its unit's level (a
    Polda's province, a Polsek's kecamatan) or its parent kabupaten/kota;
    for kabupaten- and kota-level units and posts with no unit, any of
    province, kabupaten, kota."""
    if pos.level in ("", "kabupaten", "kota"):
        return ("provinsi", "kabupaten", "kota")
    return LEVEL_TYPES[pos.level] + ("kabupaten", "kota")


def _region_at(text, toks, i, types=("provinsi", "kabupaten", "kota")):
    """A region name at token ``i`` (optionally after an admin prefix)."""
    if i >= len(toks):
        return None
    low = toks[i][2].lower().rstrip(".")
    k, orig_types = i, types
    level = lexicon().admin_level.get(low)
    if level and k + 1 < len(toks):
        types = LEVEL_TYPES[level]
        k += 1
    best = None
    j = k
    while j < len(toks) and j - k < 5:
        s, e, t = toks[j]
        if not is_cap(t) or (j > k and text[toks[j - 1][1]:s] != " "):
            break
        written = text[toks[k][0]:e].rstrip(".")
        cands = gazetteer().lookup(written, types)
        if not cands and "kabupaten" in types:  # "Talaud" for Kabupaten Kepulauan Talaud
            cands = gazetteer().lookup(f"Kepulauan {written}", ("kabupaten",))
        if cands:
            best = (_first_of_type(cands, types), j + 1)
        j += 1
    if best is None and k > i:  # "Kota Sigli", a kecamatan; else "Kecamatan X" with X unknown to the gazetteer
        j = k
        while j < len(toks) and j - k < 4 and is_cap(toks[j][2]) and text[toks[j - 1][1]:toks[j][0]] == " ":
            cands = gazetteer().lookup(text[toks[i][0]:toks[j][1]].rstrip("."), orig_types)
            if cands:
                best = (cands[0], j + 1)
            j += 1
    return best


def _first_of_type(cands: list, types: tuple) -> object:
    """The candidate whose type comes first in ``types``, the gazetteer's
    order among equals: "Kota Bogor" (types kota, then kabupaten) is the
    kota, though the gazetteer lists Kabupaten Bogor first."""
    return min(cands, key=lambda c: types.index(c.type) if c.type in types else len(types))


def find_officials(text: str, *, context: tuple[str, ...] = (),
                   units: tuple[tuple[int, int, str], ...] = (),
                   exclude: tuple[tuple[int, int], ...] = ()) -> OfficialsResult:
    """Officials named in ``text``. ``context``: Kemendagri codes of the places
    the article names, to tell apart same-named unit regions. ``units``: the
    units and election bodies the article names, as ``(start, end, text)``
    (the UNIT and ELECTION_BODY rule spans), for officials whose own mention
    names no unit (see :func:`_named_unit`). ``exclude``: spans that name
    no official (the names of election candidates after their cue:
    ``pasangan calon Bupati dan Wakil Bupati A dan B``). (Vetoing
    rank-less names that the NER model reads as ORG/LOC was tried and cost
    0.06 recall on the dev split: the model takes "Ketua KPU X, <Name>" names
    for places.)"""
    lex = lexicon()
    cands: list[_Cand] = []
    used: list[tuple[int, int]] = list(exclude)

    def free(s, e):
        return not any(a < e and s < b for a, b in used)

    # 1. rank + name
    rank_at: dict[int, _Cand] = {}
    for m in lex.rank_re.finditer(text):
        rank = lex.rank(m.group("rank"), m.group("inst") or "")
        if rank is None:
            continue
        if m.group("rank")[0].islower() and len(m.group("rank")) > 4:  # "kolonel" in running text
            continue
        pn = _parse_name(text, m.end())
        if not pn or not free(m.start(), pn["end"]):
            continue
        corps = None
        if m.group("corps"):
            corps = lex.corps_by_variant.get(re.sub(r"\s+", " ", m.group("corps").strip()).lower())
        c = _Cand(pn["name"], pn["start"], pn["end"], rank.short, rank.full, corps, rank.institution, rank.order,
                  degrees=pn["degrees"], honorific=pn["honorific"], span_start=m.start(), span_end=pn["after"])
        _apposition(text, c, pn)
        cands.append(c)
        rank_at[m.start()] = c
        used.append((m.start(), pn["end"]))

    # 2./3. position (+ tail) + rank | name
    role_only: list[tuple[int, int, Position]] = []
    prev_role = None  # (tail end, position, unit) of the last title that named nobody
    for m in _position_matches(text):
        pos = lex.position(m.group())
        if pos is None or not free(m.start(), m.end()):
            continue
        if _building_before(text, m.start()):  # "Kantor Kepala Desa X": a building
            role_only.append((m.start(), m.end(), pos))
            continue
        # a one-word title in lower case ("kata bupati", "asisten pelatih X") names nobody by itself;
        # it still takes the rank written after it
        lower = m.group()[0].islower() and " " not in m.group().strip()
        unit, tail_end, ti, toks = _parse_tail(text, m.end(), pos)
        if unit:  # a title several charts share: the reading whose unit is written (Kasubbag Hukum KPU)
            pos = lex.position(m.group(), unit) or pos
        # "Kabid Humas Polda X selaku Kasatgas Humas Ops ..., Kombes Y": Y holds the first title
        chained = prev_role if prev_role and _rx().also_as.fullmatch(text, prev_role[0], m.start()) else None
        prev_role = None
        held, held_unit = (chained[1], chained[2]) if chained else (pos, unit)
        j = ti
        while j < len(toks) and toks[j][2] == ",":
            j += 1
        nxt = toks[j][0] if j < len(toks) else len(text)
        linked = rank_at.get(nxt)
        if linked is None:  # a misspelt or unknown region: a rank a few capitalised words on
            linked = _rank_after_unknown_region(text, toks, j, rank_at)
        if linked is not None:
            if linked.position is None or linked.position_from == "apposition":
                linked.position_from = "before"
                linked.position = held
                linked.unit = held_unit
                linked.span_start = min(linked.span_start, m.start())
                if linked.institution is None:
                    linked.institution = _institution(held, held_unit)
            continue
        gap = text[m.end():nxt]
        if lower:
            role_only.append((m.start(), m.end(), pos))
            continue
        if j < len(toks) and is_cap(toks[j][2]) and not re.search(r"[.;]\s*$", text[tail_end:nxt]) \
                and "\n" not in gap and not text[:tail_end].endswith(".") and not in_headline(text, m.start()):
            pn = _parse_name(text, nxt)
            if pn and len(pn["name"].split()) == 1 and text[pn["end"]:pn["end"] + 2] == ", ":
                # "Ketua KPU Konkep, Sarlin Lakaya": the single word was an unknown region
                nxt2 = pn["end"] + 2
                pn2 = _parse_name(text, nxt2) if is_cap(text[nxt2:nxt2 + 1]) else None
                if pn2 and len(pn2["name"].split()) >= 2:
                    pn = pn2
            if pn and len(pn["name"].split()) > 1 and unit is None:  # the title's region not read yet
                pn, written = _strip_unit_region(text, pn)
                if written and held_unit is None and "{region}" in (held.unit or ""):
                    held_unit = held.unit.replace("{region}", written)  # "Ketua Bawaslu BS Yeni Marlina"
            if pn and _plausible_civilian(text, pn) and free(pn["start"], pn["end"]) and not _has_own_title(text, pn):
                c = _Cand(pn["name"], pn["start"], pn["end"], None, None, None, _institution(held, held_unit), None,
                          held, held_unit, pn["degrees"], pn["honorific"], m.start(), pn["after"])
                cands.append(c)
                used.append((m.start(), pn["end"]))
                continue
        lc = _lowercase_name(text, tail_end) if pos.takes_region and (held_unit or pos.unit) else None
        if lc and free(*lc) and not in_headline(text, m.start()):
            # "Anggota Panwascam Aek Natas, dedi syahputra, menyebut": a name written in lower case
            cands.append(_Cand(text[lc[0]:lc[1]], lc[0], lc[1], None, None, None, _institution(held, held_unit), None,
                               held, held_unit, [], None, m.start(), lc[1]))
            used.append((m.start(), lc[1]))
            continue
        role_only.append((m.start(), m.end(), pos))
        prev_role = (tail_end, pos, unit)

    # 4. "Name, Ketua PPK X" apposition without rank
    for s, e, pos in list(role_only):
        if text[s].islower() and " " not in text[s:e].strip():
            continue
        before = text[max(0, s - 60):s]
        # "Name, Ketua PPK X", "Name, selaku Ketua", "Name selaku Ketua", "Name (Ketua PPK X)"
        am = re.search(r"((?:[A-Z][\w'’\-]*\.?\s){0,4}[A-Z][\w'’\-]+)(?:\s*,\s*(?:selaku\s+)?|\s*\(\s*|"
                       r"\s+(?:selaku|sebagai)\s+)$", before)
        # "Rahmadi merupakan petahana Wakil Bupati Kobar": the subject of a copula holds the title
        cm = None if am else _rx().copula.search(before)
        if not (am or cm):
            continue
        g = am or cm
        ns, ne = s - len(before) + g.start(1), s - len(before) + g.end(1)
        pn = None
        for w in re.finditer(r"\S+", text[ns:ne]):  # "Menurut Yusuf Maulana (...)": the name ends the words
            pm = lex.position_at(text, ns + w.start())
            if pm and pm[1] >= ne:  # "Komandan Distrik Militer (Dandim)": a title, then its short form
                break
            pn = _parse_name(text, ns + w.start())
            if pn and pn["end"] >= ne:
                break
            pn = None
        if not pn or pn["end"] > s or not free(pn["start"], pn["end"]):
            continue
        if len(pn["name"].split()) < 2 and not (cm and re.search(r"(?:^|[.!?]\s+|\n\s*)$", text[:pn["start"]])):
            continue  # one word: only as the subject that opens its sentence
        if not _plausible_civilian(text, pn, apposition=True):
            continue
        unit, *_ = _parse_tail(text, e, pos)
        cands.append(_Cand(pn["name"], pn["start"], pn["end"], None, None, None, pos.institution, None, pos, unit,
                           pn["degrees"], pn["honorific"], pn["start"], e))
        used.append((pn["start"], e))
        role_only.remove((s, e, pos))

    _led_by(text, cands)
    cands.sort(key=lambda c: c.start)
    heads = [_parse_tail(text, e, pos)[0] for s, e, pos in role_only if not pos.sub]
    _links(text, cands, [u for u in heads if u])
    officials = _merge(cands)
    _named_unit(officials, units)
    _later_mentions(text, officials, role_only)
    return _finish(officials, context)


#: ", dedi syahputra, menyebut" / ", rizki maulana." after a title and its unit
_LOWER_NAME = re.compile(r",[ \t]+(?P<n>[a-z][a-z'’]{2,}(?:[ ][a-z][a-z'’]{1,}){1,3})(?=[ \t]*(?:,[ \t]*[a-z]|\.(?:\s|$)|$))")
#: a verb with its affixes (dikonfirmasi, ditemui, mengatakan): no name
_AFFIXED = re.compile(r"(?:di|me|ber|ter|se)[a-z]{4,}|[a-z]+(?:kan|nya)")


def _lowercase_name(text: str, at: int) -> Optional[tuple[int, int]]:
    """A person's name written in lower case, set off by commas right after a
    title and its unit: two to four words, none a function word, time word
    or affixed verb (``, saat dikonfirmasi,`` is no name). The span or None."""
    m = _LOWER_NAME.match(text, at)
    if m is None or not name_words(m.group("n").split()):
        return None
    return m.start("n"), m.end("n")


def name_words(words) -> bool:
    """Lower-case words that may form a name written in lower case: none a
    function word, time word or affixed verb (``saat dikonfirmasi``). Shared
    with the candidates rules (``A–ahmad fauzan``)."""
    lex, common = lexicon(), _common_lowercase()
    for w in (w.lower() for w in words):
        if w in lex.name_stop or w in lex.headline_verbs or w in common or _AFFIXED.fullmatch(w):
            return False
    return True


@lru_cache(maxsize=1)
def _common_lowercase() -> frozenset[str]:
    """spaCy's Indonesian stop words and words.toml's ``common_lowercase``."""
    from spacy.lang.id.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | lexicon().common_lowercase


class _Title(NamedTuple):
    """A title in the text, as a regex match would give it (``start``, ``end``,
    ``group``: the lexicon's form for one written with a typo)."""

    s: int
    e: int
    form: str

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e

    def group(self) -> str:
        return self.form


_CAP_WORD = re.compile(r"(?<![\w.])[A-Z][A-Za-z]{3,}(?![\w])")
_NEXT_WORD = re.compile(r" ([A-Za-z]{5,})(?![\w])")


def _is_section(text: str, w: re.Match) -> bool:
    """The word names a section or a unit (Ditpolairud, Satreskrim, Polres): no misspelt title."""
    m = lexicon().section_re.match(text, w.start())
    return bool(m and m.end() >= w.end()) or w.group().lower() in lexicon().unit_level


def _position_matches(text: str) -> list:
    """The titles of the text: the lexicon's, and those written with a typo
    (``Kasat Intelkm``, ``Kpaolres``; :meth:`Lexicon.fuzzy_position`)."""
    lex = lexicon()
    found = []
    for m in lex.position_re.finditer(text):
        s = lex.acting_before(text, m.start())
        found.append(m if s == m.start() else _Title(s, m.end(), text[s:m.end()]))
    covered = set()
    for m in found:
        covered.update(range(m.start(), m.end()))
    for w in _CAP_WORD.finditer(text):
        if w.start() in covered:
            continue
        nxt = _NEXT_WORD.match(text, w.end())
        hit = lex.fuzzy_position(w.group(), nxt.group(1) if nxt else "")
        if hit and not _is_section(text, w):
            form, n = hit
            end = nxt.end() if n == 2 else w.end()
            found.append(_Title(w.start(), end, form[:1].upper() + form[1:]))
            covered.update(range(w.start(), end))
    return sorted(found, key=lambda m: m.start())


def _building_before(text: str, at: int) -> bool:
    """``Kantor Kepala Desa X``, ``Rumah Dinas Bupati X``: the title names a building."""
    return bool(_rx().building.search(text[max(0, at - 20):at]))


def _has_own_title(text: str, pn) -> bool:
    """``Noor Suhud sebagai Kaur Keuangan, Sunardi sebagai Kaur Pembangunan``:
    a name followed by "sebagai" and a title holds that title, not the one before."""
    m = _rx().also_as.match(text, pn["after"])
    return bool(m and (lexicon().position_at(text, m.end()) or is_cap(text[m.end():m.end() + 2])))


def _rank_after_unknown_region(text: str, toks, j: int, rank_at: dict) -> Optional[_Cand]:
    """``Kapolres Muara Enimm AKBP X``, ``Dandim 1013/Muara Teweh, Letkol X``,
    ``Kapolresta Pulau Ambon dan Pp. Lease Kombes X``: the officer ranked
    after a few capitalised words the tail parser did not take (a misspelt
    or unknown region). Never across another position (``Kapolres bersama
    Dandim ... Letkol X``), a lower-case word other than ``dan`` inside a
    name, or a comma that does not lead to the rank: the rank then belongs
    to the next person of a list."""
    lex = lexicon()
    for k in range(j, min(j + 7, len(toks))):
        if toks[k][0] in rank_at:
            return rank_at[toks[k][0]]
        t = toks[k][2]
        if t == ",":
            return rank_at.get(toks[k + 1][0] if k + 1 < len(toks) else -1)
        inner_dan = t == "dan" and k > j and k + 1 < len(toks) and is_cap(toks[k + 1][2])
        if not (is_cap(t) or inner_dan) or lex.position_at(text, toks[k][0]) \
                or (k > j and text[toks[k - 1][1]:toks[k][0]] != " "):
            return None
    return None


def _led_by(text: str, cands: list[_Cand]) -> None:
    """``Prajurit Koramil 1309-01/Wenang di bawah pimpinan Mayor Kav X``: an
    officer who leads a unit named right before him, and has no title of his
    own, holds the head post of that kind of unit (Danramil)."""
    lex = lexicon()
    for c in cands:
        if c.position is not None or c.rank is None:
            continue
        before = text[max(0, c.span_start - 120):c.span_start]
        m = _rx().led_by.search(before)
        if m is None:
            continue
        words = list(re.finditer(r"\S+", before[:m.start()]))[-4:]
        for k, w in enumerate(words):
            head = lex.head_position(w.group().rstrip(".,"))
            if head is not None and is_cap(w.group()):
                c.position, c.position_from = head, "led"
                unit, *_ = _parse_tail(text, c.span_start - len(before) + w.end(), head)
                c.unit = unit or None
                break


def _apposition(text: str, c: _Cand, pn) -> None:
    """``Pelda Name, Babinsa Koramil X`` / ``Name selaku Kasi Humas``."""
    m = _rx().apposed.match(text, pn["after"])
    if not m:
        return
    pm = lexicon().position_at(text, m.end())
    if pm and text[pm[0]].isupper():
        pos = lexicon().position(text[pm[0]:pm[1]])
        if pos:
            c.position = pos
            c.position_from = "apposition"
            c.unit, tail_end, *_ = _parse_tail(text, pm[1], pos)
            c.span_end = tail_end
            if c.institution is None:
                c.institution = _institution(pos, c.unit)


def _strip_unit_region(text: str, pn) -> tuple[dict, Optional[str]]:
    """``Ketua Bawaslu BS Yeni Marlina``, ``Bupati Kepulauan Seribu Sahrul
    Hidayat``: the first words of a name read after a title are the region
    the article writes after a unit elsewhere (``Polres BS``, ``Polres
    Kepulauan Seribu``) - a press abbreviation or a name the gazetteer writes
    otherwise - and no part of the name. The name without them (at least one
    word left; the longest such region) and the region as written, or
    ``pn`` unchanged and None."""
    words = list(re.finditer(r"\S+", text[pn["start"]:pn["end"]]))
    units = None  # (start, end of the head and its space) of every unit head in the text, found once
    for k in range(len(words) - 1, 0, -1):
        written = text[pn["start"]:pn["start"] + words[k - 1].end()]
        if not is_cap(written):
            continue
        units = units if units is not None else [m.span() for m in _rx().unit_head.finditer(text)]
        if any(text.startswith(written, b) and not _word_at(text, b + len(written))
               and (b + len(written) <= pn["start"] or a >= pn["end"]) for a, b in units):
            rest = _parse_name(text, pn["start"] + words[k].start())
            if rest and rest["end"] == pn["end"]:
                return rest, written
    return pn, None


def _word_at(text: str, i: int) -> bool:
    return i < len(text) and (text[i].isalnum() or text[i] == "_")


def _plausible_civilian(text: str, pn, apposition: bool = False) -> bool:
    """A name found without a rank must not be a place, unit or role."""
    name = pn["name"]
    toks = name.split()
    if any(t.lower().rstrip(".") in lexicon().name_stop for t in toks):
        return False
    if gazetteer().lookup(name, ("provinsi", "kabupaten", "kota", "kecamatan")):
        return False
    if len(toks) == 1 and len(toks[0]) < 3:
        return False
    if all(t.isupper() and len(t) <= 5 for t in toks):  # acronyms: KPU, PPK, TPS
        return False
    after = text[pn["after"]:pn["after"] + 3]
    return apposition or after[:1] in (",", " ", ".", "") or after.startswith("\n")


@lru_cache(maxsize=1)
def _link_re() -> re.Pattern:
    """What stands between X and Y in ``X melalui Y`` (words.toml ``[links]``)."""
    return re.compile(rf"^[\s,]*(?:yang\s+)?(?:{_alt(lexicon().principal_links)})\s+$", re.IGNORECASE)


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    """The link-word patterns, from words.toml ``[links]``."""
    lex = lexicon()
    return SimpleNamespace(
        # a unit head and the space after it ("Polres ", "Bawaslu "): where a region is written after a unit
        unit_head=re.compile(rf"(?<![\w])(?i:{_alt(h for h in lex.unit_heads if len(h) > 2)})\s+"),
        # "X selaku Y": Y is a second title of X's holder
        also_as=re.compile(rf"\s*,?\s*(?:{_alt(lex.also_as)})\s+", re.IGNORECASE),
        # "Pelda Name, Babinsa ..." / "Name selaku Kasi Humas"
        apposed=re.compile(rf"\s*(?:,|(?<![\w])(?:{_alt(lex.also_as)})(?![\w]))\s*", re.IGNORECASE),
        # "Koramil X di bawah pimpinan Mayor Y"
        led_by=re.compile(rf"(?:\s+yang)?\s+(?:{_alt(lex.led_by)})\s+$", re.IGNORECASE),
        # "yang juga Ketua Y, Name", "atau Jaro Pamarentah, Name"
        aside=re.compile(rf"(?:{_alt(lex.asides)})\s+(?=[A-Z])"),
        # "Name merupakan (petahana) Wakil Bupati X", before the title
        copula=re.compile(rf"((?:[A-Z][\w'’\-]*\.?\s){{0,4}}[A-Z][\w'’\-]+)\s+(?:{_alt(lex.copulas)})\s+"
                          rf"(?:(?:{_alt(lex.candidate_words['incumbent'])})\s+)?$"),
        national=re.compile(rf"(?-i:{_alt(lex.national_words)})(?![\w])"),
        # "Pamatwil Polda X untuk wilayah Y, AKBP Z"; "Padal apel, Mayor Z"
        scope=re.compile(rf"(?:{_alt(lex.title_scope)})\s+(?=[A-Z])", re.IGNORECASE),
        occasion=re.compile(rf"(?:{_alt(lex.title_occasions)})(?=\s*,)", re.IGNORECASE),
        building=re.compile(rf"(?<![\w])(?:{_alt(lex.building_words)})\s+$", re.IGNORECASE),
    )


def _links(text: str, cands: list[_Cand], unnamed_heads: list[str] = ()) -> None:
    """``X melalui Y``: Y speaks for X and belongs to X's unit."""
    for a, b in zip(cands, cands[1:]):
        between = text[a.span_end:b.span_start]
        if len(between) < 40 and _link_re().match(between):
            b.principal = a
            if b.unit is None and b.position is not None and b.position.sub and a.unit:
                b.unit = a.unit
    # sub-positions (Kasi Humas, Kabag Ops) without region: the article's head unit of that kind
    heads: dict[str, set[str]] = {}
    for u in unnamed_heads:
        heads.setdefault(u.split(" ")[0], set()).add(u)
    for c in cands:
        if c.unit and c.position and not c.position.sub:
            heads.setdefault(c.unit.split(" ")[0], set()).add(c.unit)
    for c in cands:
        if c.unit is None and c.position is not None and c.position.sub and c.position.unit:
            head = c.position.unit.split(" ")[0]
            if len(heads.get(head, ())) == 1:
                c.unit = next(iter(heads[head]))


def _named_unit(officials: list[_Cand], units: tuple[tuple[int, int, str], ...]) -> None:
    """An official whose position heads or belongs to a kind of unit
    (Kapolresta, Kabag Ops: a Polres) but whose mentions name none gets the
    one unit of that kind the article names (``Polresta Manado``), when it
    names exactly one. The kinds are units.toml's: a Polresta is a Polres,
    and ``Mapolresta Jambi`` (its headquarters) is ``Polresta Jambi``: one
    unit, written the shortest way. A unit that runs into an official's name
    (``Ketua KPU Wahyudin Hulopi``: the name is no region) is no unit."""
    taken = [m for o in officials for m in o.mentions]
    written = {" ".join(u.split()) for s, e, u in units if not any(a < e and s < b for a, b in taken)}
    if not written:
        return
    for o in officials:
        if o.unit is not None or o.position is None or "{region}" not in o.position.unit:
            continue
        head = o.position.unit.split(" ")[0]
        kinds = sorted({k for u in lexicon().units if head in u["kind"] for k in u["kind"]}, key=len, reverse=True)
        by_name: dict[str, set[str]] = {}
        for u in written:
            k = next((k for k in kinds if u.startswith(k + " ")), None)
            if k is not None:
                by_name.setdefault(u[len(k) + 1:], set()).add(u)
        if len(by_name) == 1:
            o.unit = min(next(iter(by_name.values())), key=lambda u: (len(u), u))


def _compatible(a: _Cand, b: _Cand) -> bool:
    return a.rank is None or b.rank is None or a.rank == b.rank


def _merge(cands: list[_Cand]) -> list[_Cand]:
    out: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-len(c.tokens), c.start)):
        ct = c.tokens
        target = None
        for o in out:
            ot = o.tokens
            if ct == ot or (_within(ct, ot) and _compatible(o, c) and _distinctive(ct)):
                target = o
                break
        if target is None:
            c.mentions.append((c.start, c.end))
            out.append(c)
            continue
        target.mentions.append((c.start, c.end))
        for attr in ("rank", "rank_full", "corps", "institution", "rank_order", "position", "unit", "honorific"):
            if getattr(target, attr) is None and getattr(c, attr) is not None:
                setattr(target, attr, getattr(c, attr))
        if len(c.degrees) > len(target.degrees):
            target.degrees = c.degrees
        if target.principal is None and c.principal is not None:
            target.principal = c.principal
        if c.start < target.start:  # the first mention decides the order
            target.start = c.start
    out.sort(key=lambda c: c.start)
    return out


def _within(short: list[str], full: list[str]) -> bool:
    """Every token of a short mention is in the full name, allowing one
    dropped or changed letter in longer tokens ("Kurniwan" for "Kurniawan")."""
    return all(t in full or (len(t) >= 5 and any(one_edit(t, f) for f in full)) for t in short)


def _distinctive(tokens: list[str]) -> bool:
    return any(len(t) >= 3 for t in tokens)


def _later_mentions(text: str, officials: list[_Cand], role_only) -> None:
    """Role-only and bare-name references to someone already named."""
    for s, e, pos in role_only:
        holders = [o for o in officials if o.position is pos and o.start < s]
        if len(holders) == 1:
            holders[0].mentions.append((s, e))
    taken = {span for o in officials for span in o.mentions}
    owner: dict[str, _Cand] = {}  # a name's word -> its one holder (a word two officials share is ambiguous)
    for o in officials:
        for tok in set(o.name.split()):
            if len(tok) < 4 or tok.lower() in lexicon().name_stop:
                continue
            if not any(x is not o and tok.lower() in x.tokens for x in officials):
                owner[tok] = o
    if not owner:
        return
    for s, e in _whole_words(text, owner):
        if any(a <= s < b for a, b in taken) or any(x.start <= s < x.end for x in officials):
            continue
        owner[text[s:e]].mentions.append((s, e))
        taken.add((s, e))


def _whole_words(text: str, words) -> list[tuple[int, int]]:
    """Where ``words`` stand in ``text`` as whole words (no word character on
    either side), without overlaps: leftmost first, the longest word there
    (as ``re.finditer`` of their longest-first alternation between ``(?<!\\w)``
    and ``(?!\\w)`` finds them, without compiling a pattern per article)."""
    found = []
    n = len(text)
    for w in words:
        i = text.find(w)
        while i >= 0:
            e = i + len(w)
            if not (i > 0 and _is_word_char(text[i - 1])) and not (e < n and _is_word_char(text[e])):
                found.append((i, e))
            i = text.find(w, i + 1)
    found.sort(key=lambda x: (x[0], -x[1]))
    out, pos = [], 0
    for s, e in found:
        if s >= pos:
            out.append((s, e))
            pos = e
    return out


def _is_word_char(c: str) -> bool:
    """``re``'s ``\\w`` for one character of a str."""
    return c.isalnum() or c == "_"


def unit_region(unit: Optional[str], context: tuple[str, ...] = ()):
    """The region a unit is named after: ``Polres Muara Enim`` -> Kabupaten
    Muara Enim; ``Kodim 0412/Lampung Utara`` -> Kabupaten Lampung Utara;
    ``Polsek Kediri`` in an article about Tabanan -> Kecamatan Kediri (Bali)."""
    if not unit or " " not in unit:
        return None
    head, rest = unit.split(" ", 1)
    level = lexicon().level_of(head)
    if not level:
        return None
    if "/" in rest:  # Kodim 0412/Lampung Utara, Koramil 0804-13/Tembuku
        rest = rest.rsplit("/", 1)[1]
        level = "kabupaten" if head.lower() in ("kodim", "korem") else "kecamatan"
    elif rest[:1].isdigit():
        return None
    m = re.match(rf"(?:{lexicon().admin_re})\s+", rest)
    types = LEVEL_TYPES[level] if level in LEVEL_TYPES else (level,)
    if m:
        adm = lexicon().admin_level[m.group().split()[0].lower().rstrip(".")]
        types = (adm,) if adm in ("kota", "kabupaten", "provinsi") else LEVEL_TYPES[adm]
        rest = rest[m.end():]
    elif rest.endswith(" Kota") and gazetteer().lookup(rest[:-5], ("kota",)):  # Polres Bekasi Kota: the kota's
        types, rest = ("kota",), rest[:-5]
    cands = gazetteer().lookup(rest, types) or gazetteer().lookup(rest, ("kabupaten", "kota", "kecamatan"))
    if not cands:  # a name the units table gives (Polres Metro Bekasi Kota): its one region, if it has one
        u = resolve(unit)
        one = u.regions[0] if u is not None and len(u.regions) == 1 else None
        return gazetteer().by_code.get(one) if one else None
    for c in cands:
        if any(code.startswith(c.code) or c.code.startswith(code) for code in context if len(code) >= 2):
            return c
    return cands[0]


def _finish(officials: list[_Cand], context: tuple[str, ...] = ()) -> OfficialsResult:
    out, spans = [], []
    for o in officials:
        mentions = tuple(sorted(set(o.mentions)))
        region = unit_region(o.unit, context)
        out.append(Official(
            name=o.name, rank=o.rank, rank_full=o.rank_full, corps=o.corps, institution=o.institution,
            position=o.position.short if o.position else None, unit=o.unit, degrees=tuple(dict.fromkeys(o.degrees)),
            honorific=o.honorific, mentions=mentions, region=region.name if region else None,
            region_code=region.code if region else None, rank_order=o.rank_order,
        ))
        spans.append(list(mentions))
    return OfficialsResult(out, spans)
