"""Places: Kemendagri regions (with codes) and venues.

Three ways a region is mentioned:
  * with an admin prefix: ``Kabupaten Muara Enim``, ``Kab. OKU``, ``Kec. Lawang
    Kidul``, ``Desa Tanjung Raja``, ``se-Kabupaten X``, lists ``Kecamatan A, B
    dan C``;
  * inside a unit or body: ``Polres Muara Enim``, ``Polda Sumsel``, ``Kodim
    0412/LU``, ``KPU Kota Palembang``, ``PPK Lawang Kidul``;
  * bare, for provinces and kabupaten/kota only (``Palembang``, ``Sumsel``),
    never for a word from the common-words list.
Ambiguous names are resolved by the other places of the article (same
kabupaten, then same province), then by the larger region.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..types import Place  # noqa: I001
from .gazetteer import LEVEL_TYPES, Region, gazetteer
from .lexicon import lexicon
from .text import in_headline, is_cap

_PREFIXES = {
    "provinsi": "provinsi", "prov": "provinsi", "propinsi": "provinsi",
    "kabupaten": "kabupaten", "kab": "kabupaten",
    "kota": "kota", "kotamadya": "kota",
    "kecamatan": "kecamatan", "kec": "kecamatan", "distrik": "kecamatan",
    "desa": "desa", "kelurahan": "kelurahan", "kel": "kelurahan", "nagari": "desa", "gampong": "desa",
    "kepenghuluan": "desa", "pekon": "desa",
    # Daerah Istimewa Yogyakarta: kapanewon/kemantren = kecamatan, kalurahan = desa
    "kapanewon": "kecamatan", "kemantren": "kecamatan", "kalurahan": "desa",
}
# Words before a name that make it a river, lake, island or street, not a region.
_FEATURES = {"danau", "sungai", "gunung", "pulau", "selat", "teluk", "bukit", "jalan", "jl", "jln", "festival", "tanjung"}
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*\.?|[(),/]")
_CODE = re.compile(r"\d{2,4}(?:-\d{1,3})?/([A-Za-z][A-Za-z\-]*)")
_JOINERS = {"dan", "serta", "hingga", "sampai", "atau"}
_NOT_NAME = {"dan", "serta", "di", "ke", "dari", "yang", "pada", "untuk", "dengan", "se"}


@dataclass
class _Mention:
    start: int
    end: int
    cands: list[Region]
    how: str  # prefix, unit, bare, dateline
    types: tuple[str, ...] = ()
    chosen: Optional[Region] = None
    #: same-named kecamatan, taken instead of a bare kabupaten/kota from another
    #: province when the article's other places point into its kabupaten
    alt: list[Region] = field(default_factory=list)


@dataclass
class PlaceResult:
    places: list[Place] = field(default_factory=list)
    primary: Optional[Region] = None
    #: (start, end, Region) for each resolved region mention, for other stages
    spans: list[tuple[int, int, Region]] = field(default_factory=list)
    #: where the dateline names the reporter's town, not where things happen
    dateline: Optional[tuple[int, int]] = None


def _tokens(text: str):
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]


def _longest(text, toks, i, types, aliases=True, max_words=5):
    """Longest run of capitalised tokens from ``i`` that names a region."""
    best = None
    j = i
    while j < len(toks) and j - i < max_words:
        s, e, w = toks[j]
        if not (is_cap(w) or w[0].isdigit() and j > i):
            break
        if j > i and text[toks[j - 1][1]:s] not in (" ", "-"):
            break
        name = text[toks[i][0]:e].rstrip(".")
        cands = gazetteer().lookup(name, types, aliases)
        if cands:
            best = (j, cands)
        j += 1
    return best


def find_places(text: str, *, exclude: list[tuple[int, int]] = (), dateline: str = "") -> PlaceResult:
    lex = lexicon()
    toks = _tokens(text)
    mentions: list[_Mention] = []
    covered = [False] * len(toks)

    def blocked(s, e):
        return any(a < e and s < b for a, b in exclude)

    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        low = w.lower().rstrip(".")
        if low.startswith("se-"):
            low = low[3:]
        # 1. admin prefix
        if low in _PREFIXES and i + 1 < len(toks) and (is_cap(w) or w.lower().startswith("se-") or low in ("kab", "kec", "kel")):
            types = LEVEL_TYPES[_PREFIXES[low]]
            if _PREFIXES[low] in ("kota", "kabupaten"):
                types = (_PREFIXES[low],)
            k = i + 1
            gap = text[e:toks[k][0]]
            if len(gap) > 2 or "\n" in gap or (gap == "" and not w.endswith(".")):
                i += 1
                continue
            while True:
                hit = _longest(text, toks, k, types, aliases=_PREFIXES[low] in ("provinsi", "kabupaten", "kota"))
                if not hit:
                    break
                j, cands = hit
                mentions.append(_Mention(toks[k][0], toks[j][1], cands, "prefix", types))
                for x in range(i, j + 1):
                    covered[x] = True
                # list: "Kecamatan A, B dan C"
                nxt = j + 1
                if nxt + 1 < len(toks) and toks[nxt][2] in (",",) or (nxt < len(toks) and toks[nxt][2].lower() in _JOINERS):
                    k2 = nxt + 1
                    if k2 < len(toks) and toks[k2][2].lower() in _JOINERS:
                        k2 += 1
                    if k2 < len(toks) and toks[k2][2].lower().rstrip(".") in _PREFIXES:
                        break
                    if _PREFIXES[low] in ("kota", "kabupaten"):
                        types = ("kabupaten", "kota")
                    if k2 < len(toks) and _longest(text, toks, k2, types, aliases=False):
                        k = k2
                        i = j
                        continue
                break
            i = max(i + 1, k)
            continue
        # 2. unit or body
        if low in lex.region_levels and (is_cap(w) or w.isupper()) and i + 1 < len(toks) \
                and text[e:toks[i + 1][0]] == " ":
            level = lex.region_levels[low]  # units and head titles name the region of their level (units.toml)
            k = i + 1
            m = _CODE.match(text, toks[k][0]) if toks[k][2][0].isdigit() else None
            if m:  # Kodim 0412/LU, Dandim 0606/Kota Bogor, Koramil 0804-13/Tembuku
                found = _unit_code_region(text, toks, k, m, koramil="-" in m.group() or low in _KORAMIL)
                if found:
                    mentions.append(_Mention(found[0], found[1], found[2], "unit", LEVEL_TYPES[level]))
                    end = max(found[1], m.end())
                else:
                    end = m.end()
                while k < len(toks) and toks[k][0] < end:
                    k += 1
                for x in range(i, k):  # "1206-07/Batang Lupar" is not also a bare "Batang"
                    covered[x] = True
                i = k
                continue
            nlow = toks[k][2].lower().rstrip(".")
            if nlow in _PREFIXES:  # KPU Kabupaten X: the prefix rule takes it
                i += 1
                continue
            hit = _longest(text, toks, k, LEVEL_TYPES[level] + (("kabupaten", "kota") if level == "kecamatan" else ()))
            if hit:
                j, cands = hit
                mentions.append(_Mention(toks[k][0], toks[j][1], cands, "unit", LEVEL_TYPES[level]))
                for x in range(i, j + 1):
                    covered[x] = True
                i = j + 1
                continue
        i += 1

    # 3. bare provinces and kabupaten/kota
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if covered[i] or not is_cap(w) or w.lower().rstrip(".") in lex.common_place_words and not _multi(text, toks, i):
            i += 1
            continue
        bare = w[3:] if w.lower().startswith("se-") else w
        if i > 0 and toks[i - 1][2].lower().rstrip(".") in _FEATURES:
            i += 1
            continue
        hit = _longest(text, toks, i, ("provinsi", "kabupaten", "kota"))
        if hit and not blocked(s, toks[hit[0]][1]):
            j, cands = hit
            name = text[s:toks[j][1]].rstrip(".")
            if not (j == i and name.lower() in lex.common_place_words):
                kec = gazetteer().lookup(name, ("kecamatan",), aliases=False)
                mentions.append(_Mention(s + (len(w) - len(bare)), toks[j][1], cands, "bare",
                                         ("provinsi", "kabupaten", "kota"), alt=kec))
            i = j + 1
            continue
        i += 1

    # 4. the dateline ("MUARA ENIM -", "Puruk Cahu –") names a place too
    if dateline:
        pos = text.find(dateline)
        cands = gazetteer().lookup(dateline.title(), ("kabupaten", "kota", "kecamatan", "provinsi"))
        if pos >= 0 and cands and not any(m.start <= pos < m.end for m in mentions):
            mentions.append(_Mention(pos, pos + len(dateline), cands, "dateline", ()))

    mentions = [m for m in mentions if not blocked(m.start, m.end)]
    _resolve(mentions)
    bare_kec = _bare_kecamatan(text, toks, mentions, blocked)
    # "Samarinda Ulu", "Pagar Alam Utara": the kecamatan replaces the bare city it starts with
    mentions = [m for m in mentions if not any(k.start <= m.start and m.end <= k.end for k in bare_kec)] + bare_kec
    mentions += _bare_village(text, mentions, blocked)
    res = _collect(text, mentions)
    res.dateline = next(((m.start, m.end) for m in mentions if m.how == "dateline"), None)
    if dateline and res.dateline is None:
        pos = text.find(dateline)
        res.dateline = (pos, pos + len(dateline)) if 0 <= pos < 200 else None
    _venues(text, res, blocked)
    return res


def _bare_kecamatan(text, toks, mentions, blocked) -> list[_Mention]:
    """Kecamatan named without a prefix (``PPK seperti Tanah Siang dan Laung
    Tuhup``), accepted only inside a kabupaten/kota the article names."""
    lex = lexicon()
    kabs = {m.chosen.code[:5] for m in mentions if m.chosen and m.chosen.level >= 2}
    if not kabs:
        return []
    taken = [(m.start, m.end) for m in mentions]
    # a bare city name may be the start of a longer kecamatan name (Samarinda -> Samarinda Ulu)
    soft = {(m.start, m.end) for m in mentions if m.how == "bare"}
    out = []
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if not is_cap(w) or any(a <= s < b for a, b in taken if (a, b) not in soft):
            i += 1
            continue
        hit = _longest(text, toks, i, LEVEL_TYPES["kecamatan"], aliases=False)
        if hit:
            j, cands = hit
            name = text[s:toks[j][1]].rstrip(".")
            inside = [c for c in cands if c.code[:5] in kabs]
            overlaps = [(a, b) for a, b in taken if a < toks[j][1] and s < b]
            if inside and name.lower() not in lex.common_place_words and not blocked(s, toks[j][1]) \
                    and all((a, b) in soft and s <= a and b <= toks[j][1] and b - a < toks[j][1] - s
                            for a, b in overlaps):
                m = _Mention(s, toks[j][1], inside[:1], "bare-kecamatan", LEVEL_TYPES["kecamatan"], inside[0])
                out.append(m)
                i = j + 1
                continue
        i += 1
    return out


#: "..., kawasan Karang Panjang, Kecamatan Sirimau", "Mapolres Mahakam Ulu, Ujoh Bilang, Kecamatan Long Bagun":
#: up to three capitalised words, a comma, then the kecamatan's prefix
_BEFORE_KEC = re.compile(r"(?:^|(?<=[\s(]))((?:[A-Z][\w'’\-]*\s){0,2}[A-Z][\w'’\-]*),\s*(?:Kecamatan|Kec\.|Distrik|Kapanewon|Kemantren)\s*$")


def _bare_village(text, mentions, blocked) -> list[_Mention]:
    """A desa/kelurahan named without its prefix right before its own
    kecamatan (``Karang Panjang, Kecamatan Sirimau``): accepted only when the
    gazetteer puts a village of that name inside that kecamatan."""
    out = []
    taken = [(m.start, m.end) for m in mentions]
    for m in mentions:
        if m.how != "prefix" or not m.chosen or m.chosen.type not in ("kecamatan", "distrik"):
            continue
        win = text[max(0, m.start - 80):m.start]
        bm = _BEFORE_KEC.search(win)
        if not bm:
            continue
        words = bm.group(1).split()
        for n in range(len(words), 0, -1):  # the longest run that is a village of this kecamatan
            name = " ".join(words[-n:])
            inside = [r for r in gazetteer().lookup(name, LEVEL_TYPES["desa"], aliases=False) if r.within(m.chosen.code)]
            if inside:
                end = m.start - len(win) + bm.end(1)
                start = end - len(name)
                if not blocked(start, end) and not any(a < end and start < b for a, b in taken):
                    out.append(_Mention(start, end, inside[:1], "bare-village", LEVEL_TYPES["desa"], inside[0]))
                break
    return out


_VENUE_NUM = re.compile(r"\d{1,3}[A-Za-z]?$")


def _venues(text: str, res: "PlaceResult", blocked) -> None:
    """``Aula Kantor Camat Lahat``, ``TPS 04 Kelurahan Tomuan``, ``Mapolres OKU``:
    a head word and the capitalised words after it. Coded to the region named
    inside it, else the one named right after it, else the primary region."""
    lex = lexicon()
    found: dict[str, list] = {}
    spans: list[tuple[int, int]] = []
    for m in lex.venue_re.finditer(text):
        start = m.start()
        if any(a <= start < b for a, b in spans) or in_headline(text, start):
            continue
        before = text[max(0, start - 14):start].split()
        if before and before[-1].lower().rstrip(".") in _PREFIXES:  # "Desa Pasar Saoh" is a desa
            continue
        toks = _tokens(text[m.end():m.end() + 120])
        end = m.end()
        n = 0
        head = m.group().split()[0]
        for s, e, w in toks:
            gap = text[end:m.end() + s]
            if gap not in (" ",) or n >= 7:
                break
            if head == "TPS" and n == 0:
                if not _VENUE_NUM.match(w):
                    break
            elif not (is_cap(w) or (w[0].isdigit() and head != "TPS") or w.lower().rstrip(".") in ("kab", "kec", "kel")):
                break
            if w in ("(", ")", ",", "/") or w.lower().rstrip(".") in _NOT_NAME:
                break
            end = m.end() + e
            n += 1
            if w.endswith(".") and w.lower().rstrip(".") not in ("kab", "kec", "kel", "jl", "no") and len(w) > 3:
                end -= 1  # the sentence ends here
                break
        name = text[start:end].rstrip(".,")
        end = start + len(name)
        if n == 0 or blocked(start, end) or (head == "TPS" and n < 1):
            continue
        region = _venue_region(text, start, end, res)
        spans.append((start, end))
        key = re.sub(r"\W+", " ", name.lower()).strip()
        if head == "TPS":  # "TPS 04 Kelurahan Tomuan" ... later "TPS 04 Tomuan": one venue
            num = key.split()[1]
            key = next((k for k in found if k.split()[:2] == ["tps", num] and
                        set(key.split()[2:]) <= set(k.split()[2:])), key)
        entry = found.setdefault(key, [name, region, []])
        entry[2].append((start, end))
    for name, region, spans in found.values():
        res.places.append(Place(name, "venue", region.code if region else None,
                                region.province if region else None, tuple(spans)))


def _venue_region(text: str, start: int, end: int, res: "PlaceResult") -> Optional[Region]:
    """The smallest region the text puts a venue in: the one named inside it
    ("Gudang KPU Bone"), or the smallest of the regions named right after it
    (joined by ``_VENUE_LINK``: "... di Kecamatan Tanete Riattang Barat",
    "Mapolda Banten di Kota Serang", "..., Oesapa, Kecamatan Kelapa Lima") that
    lies inside that one or, if not, is a region of the same province at
    least as small ("Mapolres Aceh Utara, Kota Lhokseumawe"); else the primary
    region. "... menuju Kecamatan X" is where it heads for, not where it is."""
    inside = [r for s, e, r in res.spans if start <= s < end]
    own = max(inside, key=lambda r: r.level) if inside else None
    after, pos = [], end
    for s, e, r in sorted(res.spans, key=lambda x: x[0]):
        if s < pos:
            continue
        if not _VENUE_LINK.fullmatch(text, pos, s):
            break
        after.append(r)
        pos = e
    # inside the venue's own region; or a town of the same province that the text
    # puts it in ("Mapolres Aceh Utara, Kota Lhokseumawe")
    after = [r for r in after if own is None or r.within(own.code) or r.code.split(".")[0] == own.code.split(".")[0]
             and r.level >= own.level and r.level > 1]
    if after:
        return max(after, key=lambda r: r.level)
    return own or res.primary


#: what may stand between a venue and the region it lies in, or between two such regions:
#: ", ", " di ", ", kawasan ", " yang terletak di Kecamatan ", ...
_VENUE_LINK = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:(?:yang[ \t]+)?(?:juga[ \t]+)?(?:berada|terletak|berlokasi|bertempat)[ \t]+)?(?:di[ \t]+)?"
    rf"(?:(?:kawasan|wilayah|daerah|{'|'.join(sorted(_PREFIXES))})\.?[ \t]*)?",
    re.IGNORECASE)


_KORAMIL = {"koramil", "danramil", "makoramil"}


def _unit_code_region(text, toks, k, m, koramil: bool):
    """The region after a unit code's slash: a kabupaten/kota for a Kodim
    (``0606/Kota Bogor``, ``0305/Pasaman``, ``0412/LU``), a kecamatan for a
    Koramil (``1626-03/Tembuku``). Returns (start, end, candidates) or None."""
    types = LEVEL_TYPES["kecamatan" if koramil else "kabupaten"]
    j0 = next((j for j in range(k, len(toks)) if toks[j][0] >= m.start(1)), None)
    if j0 is None:
        return None
    if not koramil and j0 + 1 < len(toks) and toks[j0][2].lower().rstrip(".") in ("kota", "kab", "kabupaten"):
        types = ("kota",) if toks[j0][2].lower() == "kota" else ("kabupaten",)
        j0 += 1
    hit = _longest(text, toks, j0, types)
    if hit:
        return toks[j0][0], toks[hit[0]][1], hit[1]
    cands = gazetteer().lookup(m.group(1), types)
    return (m.start(1), m.end(1), cands) if cands else None


def _multi(text, toks, i) -> bool:
    """A common word may still start a multi-word region name (Tanjung Enim)."""
    hit = _longest(text, toks, i, ("provinsi", "kabupaten", "kota"))
    return bool(hit and hit[0] > i)


def _resolve(mentions: list[_Mention]) -> None:
    # anchors: mentions with a single candidate
    votes_kab: Counter = Counter()
    votes_prov: Counter = Counter()
    for m in mentions:
        if len(m.cands) == 1:
            m.chosen = m.cands[0]
            _vote(m.chosen, votes_kab, votes_prov, 2 if m.how in ("unit", "prefix") else 1)
    for m in mentions:
        if m.chosen:
            continue
        scored = []
        for c in m.cands:
            score = 0.0
            kab = ".".join(c.code.split(".")[:2])
            prov = c.code.split(".")[0]
            score += 3 * votes_kab.get(kab, 0) + 1.5 * votes_prov.get(prov, 0)
            if m.types and c.type == m.types[0]:
                score += 2
            score -= 0.5 * c.level
            scored.append((score, c))
        scored.sort(key=lambda x: -x[0])
        if len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][1].level >= 4:
            m.chosen = None  # a desa name with no context: leave it uncoded
            m.cands = [scored[0][1]]
        else:
            m.chosen = scored[0][1]
        if m.chosen:
            _vote(m.chosen, votes_kab, votes_prov, 1)
    for m in mentions:
        if m.how == "bare" and m.alt and m.chosen and not votes_prov.get(m.chosen.code.split(".")[0], 0) > 1:
            inside = [c for c in m.alt if votes_kab.get(c.code[:5], 0)]
            if inside:
                m.chosen = inside[0]


def _vote(r: Region, kab: Counter, prov: Counter, w: int) -> None:
    parts = r.code.split(".")
    prov[parts[0]] += w
    if len(parts) >= 2:
        kab[".".join(parts[:2])] += w


def _collect(text: str, mentions: list[_Mention]) -> PlaceResult:
    res = PlaceResult()
    by_key: dict[tuple, dict] = {}
    kab_count: Counter = Counter()
    for m in sorted(mentions, key=lambda m: m.start):
        r = m.chosen
        if r is None:
            c = m.cands[0]
            k = ("", c.name, c.type)
            entry = by_key.setdefault(k, {"name": c.name, "type": _ptype(c.type), "code": None, "province": None, "mentions": []})
        else:
            k = (r.code,)
            entry = by_key.setdefault(k, {"name": r.name, "type": _ptype(r.type), "code": r.code, "province": r.province, "mentions": []})
            res.spans.append((m.start, m.end, r))
            if r.level >= 2:
                # units and prefixed names say where things happen; a dateline or a bare name less so
                weight = 2 if m.how in ("unit", "prefix") else 1
                kab_count[".".join(r.code.split(".")[:2])] += weight * (2 if r.level == 2 else 1)
        entry["mentions"].append((m.start, m.end))
    for entry in by_key.values():
        entry["mentions"] = tuple(entry["mentions"])
        res.places.append(Place(**entry))
    if kab_count:
        code = max(kab_count, key=lambda c: (kab_count[c], -min(s for s, e, r in res.spans if r.code.startswith(c))))
        res.primary = gazetteer().by_code.get(code)
    else:
        provs = [r for s, e, r in res.spans if r.level == 1]
        res.primary = provs[0] if provs else None
    return res


def _ptype(t: str) -> str:
    return {"distrik": "kecamatan", "desa_adat": "desa"}.get(t, t)
