"""Places: Kemendagri regions (with codes), capital towns, islands and venues.

Ways a region is mentioned:
  * with an admin prefix: ``Kabupaten Muara Enim``, ``Kab. OKU``, ``Kec. Lawang
    Kidul``, ``Desa Tanjung Raja``, ``Kampung Pruleme``, ``se-Kabupaten X``, lists
    ``Kecamatan A, B dan C``;
  * inside a unit or body: ``Polres Muara Enim``, ``Polda Sumsel``, ``Kodim
    0412/LU``, ``KPU Kota Palembang``, ``PPK Lawang Kidul``;
  * bare, for provinces and kabupaten/kota (``Palembang``, ``Sumsel``, the press
    abbreviations of ``place_abbrevs.toml``), never for a word from the
    common-words list; and capital towns (``Sekayu`` = its kecamatan, ``Sampit``
    = a town of Kotawaringin Timur), kecamatan of a kabupaten the article names,
    and villages after a place word (``kawasan Batu Merah``) inside a kecamatan or
    kabupaten the article names;
  * the dateline (``PIRU –``, ``SOE, TIMEX –``).
Ambiguous names are resolved by the other places of the article (same
kabupaten, then same province), then by the larger region. A kecamatan or
village (or capital town) in a province nothing else in the article points to
is dropped: a misspelt or look-alike name. Names inside a street (``Jalan
Surabaya``) or an island's name (``Pulau Semau`` is an island, type ``island``)
are not regions. Units listed as reinforcements (``BKO dari Polres A, Polres
B``) stay places but neither place an event nor make the primary region; nor
does the dateline when the body names a kabupaten/kota.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..types import Place  # noqa: I001
from ..units import resolve
from .gazetteer import LEVEL_TYPES, Region, gazetteer, key
from .lexicon import lexicon
from .text import in_headline, is_cap

_PREFIXES = {
    "provinsi": "provinsi", "prov": "provinsi", "propinsi": "provinsi",
    "kabupaten": "kabupaten", "kab": "kabupaten",
    "kota": "kota", "kotamadya": "kota",
    "kecamatan": "kecamatan", "kec": "kecamatan", "distrik": "kecamatan",
    "desa": "desa", "kelurahan": "kelurahan", "kel": "kelurahan", "nagari": "desa", "gampong": "desa",
    "kepenghuluan": "desa", "pekon": "desa", "kampung": "desa",
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
    how: str  # prefix, unit, bare, capital, dateline, kampung, bare-kecamatan, bare-village, village
    types: tuple[str, ...] = ()
    chosen: Optional[Region] = None
    #: same-named kecamatan, taken instead of a bare kabupaten/kota from another
    #: province when the article's other places point into its kabupaten
    alt: list[Region] = field(default_factory=list)
    #: a unit listed as reinforcement (BKO): a place, but not where things happen
    aside: bool = False


@dataclass
class PlaceResult:
    places: list[Place] = field(default_factory=list)
    primary: Optional[Region] = None
    #: (start, end, Region) for each resolved region mention, for other stages
    spans: list[tuple[int, int, Region]] = field(default_factory=list)
    #: where the dateline names the reporter's town, not where things happen
    dateline: Optional[tuple[int, int]] = None
    #: (start, end) of region mentions inside a list of reinforcements (BKO)
    aside: list[tuple[int, int]] = field(default_factory=list)

    @property
    def event_spans(self) -> list[tuple[int, int, Region]]:
        """The spans that may say where an event happens: not reinforcements."""
        return [x for x in self.spans if (x[0], x[1]) not in self.aside]


class _Toks(list):
    """(start, end, word) of each token, with ``caps[i]``: whether token i is
    capitalised, ``lows[i]``: its word in lower case, final dots dropped, and
    ``opens[i]``: whether it is capitalised and may start a region's or capital
    town's name (``Gazetteer.may_start``)."""
    caps: list[bool]
    lows: list[str]
    opens: list[bool]


def _tokens(text: str) -> _Toks:
    toks = _Toks([(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)])
    words = [w for _, _, w in toks]
    # a token starts with a letter, digit or mark of _TOKEN (never a quote): is_cap(w) is w[0].isupper()
    toks.caps = [w[0].isupper() for w in words]
    toks.lows = [w.lower().rstrip(".") for w in words]
    gaz = gazetteer()
    toks.opens = [cap and gaz.may_start(w.rstrip(".")) for cap, w in zip(toks.caps, words)]
    return toks


def _longest(text, toks, i, types, aliases=True, max_words=5, capitals=False):
    """Longest run of capitalised tokens from ``i`` that names a region (or,
    with ``capitals``, a capital town)."""
    if i >= len(toks) or not toks.opens[i]:  # the first word starts no name: the loop below stops there
        return None
    best = None
    j = i
    gaz = gazetteer()
    caps = toks.caps
    while j < len(toks) and j - i < max_words:
        s, e, w = toks[j]
        if not (caps[j] or w[0].isdigit() and j > i):
            break
        if j > i and text[toks[j - 1][1]:s] not in (" ", "-"):
            break
        name = text[toks[i][0]:e].rstrip(".")
        if not gaz.may_start(name):  # no longer name starts so either
            break
        cands = gaz.capital(name) if capitals else gaz.lookup(name, types, aliases)
        if cands:
            best = (j, cands)
        j += 1
    return best


def _covered(toks, spans) -> list[bool]:
    """For each token, whether it starts inside one of ``spans``."""
    out = [False] * len(toks)
    starts = [t[0] for t in toks]
    for a, b in spans:
        k = bisect.bisect_left(starts, a)
        while k < len(toks) and starts[k] < b:
            out[k] = True
            k += 1
    return out


def find_places(text: str, *, exclude: list[tuple[int, int]] = (), dateline: str = "") -> PlaceResult:
    lex = lexicon()
    toks = _tokens(text)
    mentions: list[_Mention] = []
    covered = [False] * len(toks)
    streets = _streets(text, toks)
    islands = _island_names(text, toks)
    date_zone = _dateline_zone(text, dateline)
    # the outlet in a dateline ("Muara Teweh (Kalteng Pos) –") names no place
    outlet = [(date_zone[0] + m.start(), date_zone[0] + m.end())
              for m in re.finditer(r"\([^)]*\)", text[date_zone[0]:date_zone[1]])] if date_zone else []
    codenames = [m.span(1) for m in lex.operation_name_re.finditer(text)] + [m.span() for m in lex.not_places_re.finditer(text)]
    no_region = list(exclude) + streets + [(s, e) for s, e, _, region in islands if not region] + outlet + codenames

    def blocked(s, e):
        return any(a < e and s < b for a, b in no_region)

    def user_blocked(s, e):
        return any(a < e and s < b for a, b in exclude)

    region_levels = lex.region_levels
    caps, lows = toks.caps, toks.lows
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        low = lows[i]
        if low.startswith("se-"):
            low = low[3:]
        # 1. admin prefix
        if low in _PREFIXES and i + 1 < len(toks) and (caps[i] or w.lower().startswith("se-") or low in ("kab", "kec", "kel")):
            types = LEVEL_TYPES[_PREFIXES[low]]
            if _PREFIXES[low] in ("kota", "kabupaten"):
                types = (_PREFIXES[low],)
            k = i + 1
            gap = text[e:toks[k][0]]
            if len(gap) > 2 or "\n" in gap or (gap == "" and not w.endswith(".")):
                i += 1
                continue
            how = "kampung" if low == "kampung" else "prefix"
            if how == "kampung":  # "Kampung Baru" may be the desa's whole name
                whole = _longest(text, toks, i, types, aliases=False)
                if whole and whole[0] > i:
                    mentions.append(_Mention(s, toks[whole[0]][1], whole[1], how, types))
                    i = whole[0] + 1
                    continue
            while True:
                hit = _longest(text, toks, k, types, aliases=_PREFIXES[low] in ("provinsi", "kabupaten", "kota"))
                if not hit and low == "kota":  # "kota Sampit": the capital town
                    hit = _longest(text, toks, k, types, capitals=True)
                    if hit:
                        mentions.append(_Mention(toks[k][0], toks[hit[0]][1], hit[1], "capital", ("town",)))
                        for x in range(i, hit[0] + 1):
                            covered[x] = True
                        k = hit[0] + 1
                        hit = None
                if not hit:
                    break
                j, cands = hit
                mentions.append(_Mention(toks[k][0], toks[j][1], cands, how, types))
                for x in range(i, j + 1):
                    covered[x] = True
                # list: "Kecamatan A, B dan C"
                nxt = j + 1
                if nxt + 1 < len(toks) and toks[nxt][2] in (",",) or (nxt < len(toks) and toks[nxt][2].lower() in _JOINERS):
                    k2 = nxt + 1
                    if k2 < len(toks) and toks[k2][2].lower() in _JOINERS:
                        k2 += 1
                    if k2 < len(toks) and lows[k2] in _PREFIXES:
                        break
                    if _PREFIXES[low] in ("kota", "kabupaten"):
                        types = ("kabupaten", "kota")
                    nxt_hit = _longest(text, toks, k2, types, aliases=False) if k2 < len(toks) else None
                    prov = _longest(text, toks, k2, ("provinsi",)) if nxt_hit else None
                    if nxt_hit and not (prov and prov[0] >= nxt_hit[0]):  # "Kabupaten Bungo, Jambi": the province
                        k = k2
                        i = j
                        continue
                break
            i = max(i + 1, k)
            continue
        # 2. unit or body
        if low in region_levels and (caps[i] or w.isupper()) and i + 1 < len(toks) \
                and text[e:toks[i + 1][0]] == " ":
            level = region_levels[low]  # units and head titles name the region of their level (units.toml)
            k = i + 1
            m = _CODE.match(text, toks[k][0]) if toks[k][2][0].isdigit() else None
            if m:  # Kodim 0412/LU, Dandim 0606/Kota Bogor, Koramil 0804-13/Tembuku
                found = _unit_code_region(text, toks, k, m, koramil="-" in m.group() or low in _KORAMIL)
                if found:
                    mentions.append(_Mention(found[0], found[1], found[2], found[3], LEVEL_TYPES[level]))
                    end = max(found[1], m.end())
                else:
                    end = m.end()
                while k < len(toks) and toks[k][0] < end:
                    k += 1
                for x in range(i, k):  # "1206-07/Batang Lupar" is not also a bare "Batang"
                    covered[x] = True
                i = k
                continue
            if any(text.startswith(f, toks[k][0]) for f in lex.unit_not_region):  # Polda Metro Jaya
                for x in range(i, min(k + 2, len(toks))):
                    covered[x] = True
                i = k + 2
                continue
            if toks[k][2].lower() in lex.unit_fillers and k + 1 < len(toks):  # Polres Metro Bekasi
                k += 1
            nlow = lows[k]
            if nlow in _PREFIXES:  # KPU Kabupaten X: the prefix rule takes it
                i += 1
                continue
            hit = _longest(text, toks, k, LEVEL_TYPES[level] + (("kabupaten", "kota") if level == "kecamatan" else ()))
            if hit:
                j, cands = hit
                cands = _unit_kota_or_kabupaten(text, toks, low, j, cands)
                mentions.append(_Mention(toks[k][0], toks[j][1], cands, "unit", LEVEL_TYPES[level]))
                for x in range(i, j + 1):
                    covered[x] = True
                i = j + 1
                continue
        i += 1

    # 3. bare provinces and kabupaten/kota, and capital towns
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if covered[i] or not caps[i] or lows[i] in lex.common_place_words and not _multi(text, toks, i):
            i += 1
            continue
        bare = w[3:] if w.lower().startswith("se-") else w
        if i > 0 and lows[i - 1] in _FEATURES:
            i += 1
            continue
        title = lex.position_re.match(text, s)
        if title and title.end() > e or lex.title_section_re.match(text, e):  # "Kaur Bin Ops": a title, not Kabupaten Kaur
            i += 1
            continue
        hit = _longest(text, toks, i, ("provinsi", "kabupaten", "kota"))
        town = _longest(text, toks, i, (), capitals=True)
        if town and (not hit or town[0] > hit[0]):
            j, cands = town
            name = text[s:toks[j][1]].rstrip(".")
            if not blocked(s, toks[j][1]) and not (j == i and name.lower() in lex.common_place_words):
                mentions.append(_Mention(s, toks[j][1], cands, "capital", ("town",)))
            i = j + 1
            continue
        if hit and not blocked(s, toks[hit[0]][1]):
            j, cands = hit
            name = text[s:toks[j][1]].rstrip(".")
            if not (j == i and name.lower() in lex.common_place_words):
                if town and town[0] == j:  # "Tebing Tinggi": the kota, or a capital kecamatan elsewhere
                    cands = cands + [c for c in town[1] if c not in cands]
                kec = gazetteer().lookup(name, ("kecamatan",), aliases=False)
                mentions.append(_Mention(s + (len(w) - len(bare)), toks[j][1], cands, "bare",
                                         ("provinsi", "kabupaten", "kota"), alt=kec))
            i = j + 1
            continue
        i += 1

    # 4. the dateline ("MUARA ENIM -", "Puruk Cahu –", "SOE, TIMEX –") names a place too
    for m in mentions:  # a bare name in the dateline is the dateline
        if date_zone and date_zone[0] <= m.start < date_zone[1] and m.how in ("bare", "capital"):
            m.how = "dateline"
    if date_zone and not any(m.start < date_zone[1] and date_zone[0] < m.end for m in mentions):
        for ps, pe in _zone_parts(text, *date_zone):
            name = text[ps:pe].title()
            cands = gazetteer().lookup(name, ("kabupaten", "kota", "kecamatan", "provinsi"))
            cands += [c for c in gazetteer().capital(name) if c not in cands]
            if cands:
                mentions.append(_Mention(ps, pe, cands, "dateline", ()))
                break

    mentions = [m for m in mentions if not user_blocked(m.start, m.end)]
    _mark_backup(text, mentions)
    _resolve(mentions, text)
    mentions = _supported(text, mentions, date_zone)
    bare_kec = _bare_kecamatan(text, toks, mentions, blocked)
    # "Samarinda Ulu", "Pagar Alam Utara": the kecamatan replaces the bare city it starts with
    mentions = [m for m in mentions if not any(k.start <= m.start and m.end <= k.end for k in bare_kec)] + bare_kec
    mentions += _bare_village(text, mentions, blocked)
    mentions += _cued_villages(text, toks, mentions, blocked, date_zone)
    res = _collect(text, mentions)
    res.dateline = next(((m.start, m.end) for m in mentions if m.how == "dateline"), None)
    if dateline and res.dateline is None:
        pos = text.find(dateline)
        res.dateline = (pos, pos + len(dateline)) if 0 <= pos < 200 else None
    _islands(text, islands, res)
    _venues(text, res, user_blocked)
    return res


def _unit_kota_or_kabupaten(text, toks, head: str, j: int, cands: list[Region]) -> list[Region]:
    """``Polres Bima`` is the kabupaten's police, ``Polres Bima Kota`` the city's,
    ``Polrestabes Medan`` a city's: when a kabupaten and a kota share the name,
    the word after it (or a -tabes head) decides."""
    kinds = {c.type for c in cands}
    if not {"kabupaten", "kota"} <= kinds:
        return cands
    after = toks[j + 1][2].rstrip(".") if j + 1 < len(toks) and text[toks[j][1]:toks[j + 1][0]] == " " else ""
    if after == "Kota" or head.endswith("tabes") or head == "pemkot":
        return [c for c in cands if c.type != "kabupaten"]
    if head in ("polres", "mapolres", "kapolres", "polresta", "mapolresta", "kapolresta", "pemkab", "bupati"):
        return [c for c in cands if c.type != "kota"]
    return cands


_DASH_ZONE = re.compile(r"([^\n]{2,80}?)\s*[-–—]{1,2}\s")


def _dateline_zone(text: str, dateline: str) -> Optional[tuple[int, int]]:
    """Where the dateline stands: the words before the dash that opens one of the
    first lines, written in capitals or title case (``SOE, TIMEX –``), else the
    given dateline if it lies in the first 200 characters."""
    pos = text.find(dateline) if dateline else -1
    start = 0
    for _ in range(4):  # title lines, then the first body paragraph
        end = text.find("\n", start)
        line = text[start:end if end >= 0 else len(text)]
        m = _DASH_ZONE.match(line)
        if m and all(w[:1].isupper() or not w[:1].isalpha() for w in re.findall(r"[\w'’.]+", m.group(1))) \
                and (pos < 0 or start <= pos < start + m.end(1)):
            return start, start + m.end(1)
        if end < 0:
            break
        start = end + 1
    return (pos, pos + len(dateline)) if 0 <= pos < 200 else None


def _zone_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The comma-separated parts of a dateline zone, parentheses dropped."""
    out = []
    pos = start
    for part in re.split(r"(,)", text[start:end]):
        if part != ",":
            core = re.sub(r"\([^)]*\)", "", part).strip()
            if core:
                off = text.find(core, pos)
                if off >= 0:
                    out.append((off, off + len(core)))
        pos += len(part)
    return out


_STREET_NO = re.compile(r"(?:No|Nomor|Km|KM|RT|RW)\.?$")


def _streets(text: str, toks) -> list[tuple[int, int]]:
    """Street names (``Jalan Surabaya``, ``Jl. Jenderal Sudirman No. 12``, ``Jalan
    Medan–Binjai``): the head and the capitalised words, numbers and dashes after
    it. A kabupaten/kota ending a street named after something else (``Jl.
    Sudirman Palembang``) is the street's town and is left out."""
    lex = lexicon()
    out = []
    for i, (s, e, w) in enumerate(toks):
        if w.rstrip(".") not in lex.street_heads or i + 1 >= len(toks):
            continue
        j, end, words = i + 1, e, []
        while j < len(toks) and len(words) < 7:
            ts, te, tw = toks[j]
            gap = text[end:ts]
            if gap.strip(" -–—") or "\n" in gap or len(gap) > 3:
                break
            low = tw.lower().rstrip(".")
            if tw in ("(", ")", ",", "/") or low in _PREFIXES or not (is_cap(tw) or tw[0].isdigit() or _STREET_NO.match(tw)):
                break
            words.append((ts, te, tw))
            end = te if not tw.endswith(".") or _STREET_NO.match(tw) or len(tw) <= 3 else te - 1
            j += 1
            if tw.endswith(".") and not _STREET_NO.match(tw) and len(tw) > 3:
                break
        if not words:
            continue
        if len(words) > 1 and words[0][2].lower() not in lex.street_generic \
                and not gazetteer().lookup(words[0][2], ("provinsi", "kabupaten", "kota")):
            # the longest run of words at its end that names a kabupaten/kota is the street's town
            for n in range(1, len(words)):
                name = text[words[n][0]:words[-1][1]].rstrip(".")
                if gazetteer().lookup(name, ("kabupaten", "kota")):
                    end = words[n - 1][1]
                    break
        out.append((s, end))
    return out


def _island_names(text: str, toks) -> list[tuple[int, int, int, bool]]:
    """``Pulau Semau``, ``pulau Kisar``, ``Kepulauan Togean``: (start of the head, end,
    start of the name, whether the whole name is also a region) for each island
    named so. The name stops before a rank, a title or a word in capitals (``Pulau
    Derawan Iptu Rahman``); a region followed by more words (``Kepulauan Mentawai
    Marselina``) is no island."""
    lex = lexicon()
    out = []
    kinds = ("provinsi", "kabupaten", "kota", "kecamatan", "distrik")
    for i, (s, e, w) in enumerate(toks):
        if w.title() not in lex.island_heads or i + 1 >= len(toks) or text[e:toks[i + 1][0]] != " ":
            continue
        j, ends = i + 1, []
        while j < len(toks) and j - i <= 3 and is_cap(toks[j][2]) and toks[j][2].lower() not in _NOT_NAME \
                and (j == i + 1 or text[toks[j - 1][1]:toks[j][0]] in (" ", "-")) \
                and (j == i + 1 or not toks[j - 1][2].endswith(".")) \
                and not lex.rank_re.match(text, toks[j][0]) and not lex.position_re.match(text, toks[j][0]) \
                and not (j > i + 1 and toks[j][2].isupper() and len(toks[j][2]) > 1):
            ends.append(toks[j][1])
            j += 1
        if not ends:
            continue
        regions = [bool(gazetteer().lookup(text[s:e].rstrip("."), kinds)
                        or gazetteer().lookup(text[toks[i + 1][0]:e].rstrip("."), ("provinsi",))) for e in ends]
        if any(regions[:-1]):
            continue
        name = text[s:ends[-1]].rstrip(".")
        out.append((s, s + len(name), toks[i + 1][0], regions[-1]))
    return out


def _islands(text: str, islands, res: "PlaceResult") -> None:
    """Add each island as a place of type ``island`` (one whose name is also a
    region's only when no region was found there: ``Pulau Laut`` in Kotabaru is not
    the kecamatan of Natuna), coded to the smallest region the text or geography
    puts it in: a village called like it inside the article's kabupaten (``Pulau
    Miangas`` = Desa Miangas), else the kecamatan called like it (``Semau``; several
    such as ``Semau`` and ``Semau Selatan``: their kabupaten), a kabupaten called like
    it, within the region written right after it when there is one (``Pulau Seliu,
    Kecamatan Membalong``) and inside the provinces the article names; else that
    region; else the article's kabupaten."""
    gaz = gazetteer()
    lex = lexicon()
    found: dict[str, list] = {}
    provs = {r.code.split(".")[0] for _, _, r in res.spans}
    kabs = {r.code[:5] for _, _, r in res.spans if r.level >= 2}
    for start, end, name_start, is_region in islands:
        if is_region and any(s < end and start < e for s, e, _ in res.spans):
            continue
        name = text[start:end]
        bare = text[name_start:end]
        after = [r for s, e, r in sorted(res.spans, key=lambda x: x[0]) if s >= end and _VENUE_LINK.fullmatch(text, end, s)]
        written = after[0] if after else None
        kec = [r for r in gaz.lookup(bare, ("kecamatan", "distrik"), aliases=False)]
        kec += [r for r in _compass_kecamatan(bare)]
        kab = gaz.lookup(bare, ("kabupaten",), aliases=False) + gaz.lookup("Kepulauan " + bare, ("kabupaten",), aliases=False)
        vil = [r for n in (name, bare) for r in gaz.lookup(n, LEVEL_TYPES["desa"], aliases=False) if r.code[:5] in kabs]
        # a village said to lie on it ("Desa Pasir Panjang di Pulau Rinca"), or named after it
        # ("Kelurahan Pasar Pulau Tello"): the island lies in that village's kecamatan
        on = [gaz.by_code[r.parent] for s, e, r in res.spans if r.level == 4 and
              (re.fullmatch(r"\s+(?:di|ke)\s+", text[e:start])
               or key(r.name).endswith(key(name)) and key(r.name) != key(name) and r.code[:5] in kabs)]
        known = gaz.by_code.get(lex.island_codes.get(_written(bare).title(), ""))
        region = known
        for group in ([] if known else (on, vil, kec, kab)):
            group = list(dict.fromkeys(group))
            if written:
                group = [r for r in group if r.within(written.code)]
            elif provs:
                group = [r for r in group if r.code.split(".")[0] in provs]
            if group:
                region = group[0] if len(group) == 1 else gaz.common_parent(group)
                break
        if region is None:
            region = written or (res.primary if res.primary and res.primary.level == 2 else None)
        entry = found.setdefault(key(name), [name.title() if name.isupper() or name.islower() else _head_title(name),
                                              region, []])
        entry[2].append((start, end))
    for name, region, spans in found.values():
        res.places.append(Place(name, "island", region.code if region else None,
                                region.province if region else None, tuple(spans)))


def _head_title(name: str) -> str:
    """``pulau Kisar`` -> ``Pulau Kisar``."""
    return name[:1].upper() + name[1:]


def _compass_kecamatan(bare: str) -> list[Region]:
    """Kecamatan called ``<bare> Selatan``, ``<bare> Barat``, ... (an island split
    into several kecamatan)."""
    out = []
    for word in ("Utara", "Selatan", "Barat", "Timur", "Tengah", "Tenggara", "Barat Daya", "Timur Laut", "Kota", "Besar"):
        out += gazetteer().lookup(f"{bare} {word}", ("kecamatan", "distrik"), aliases=False)
    return out


def _mark_backup(text: str, mentions: list[_Mention]) -> None:
    """Mark the unit mentions of a reinforcement list (``BKO dari Polres Lahat, Polres
    Muara Enim dan Satbrimob Polda Sumsel``, ``diperkuat personel Polres Jayapura``):
    from a backup cue on, each unit mention whose gap to the previous one holds only
    list words (``dan``, counts, unit heads, ``personel``, ``dari``)."""
    lex = lexicon()
    units = sorted((m for m in mentions if m.how == "prefix" or m.how.startswith("unit")), key=lambda m: m.start)
    for cue in lex.backup_re.finditer(text):
        pos = cue.end()
        for m in units:
            if m.start < pos:
                continue
            gap = text[pos:m.start]
            if "\n" in gap or not _glue(gap, lex):
                break
            m.aside = True
            pos = m.end
            # "Polres Bima Kota": a word after the region that belongs to the unit
            tail = re.match(r"\s+Kota\b", text[pos:pos + 6])
            if tail:
                pos += tail.end()


_GLUE_WORD = re.compile(r"[A-Za-z][\w\-]*|\d[\d.]*|[(),/:&]")


def _glue(gap: str, lex) -> bool:
    if len(gap) > 80 or re.search(r"[.;!?](?:\s|$)", gap):
        return False
    for w in _GLUE_WORD.findall(gap):
        if w in "(),/:&" or w[0].isdigit():
            continue
        low = w.lower()
        if low not in lex.backup_glue and low not in lex.region_levels and low not in _PREFIXES:
            return False
    return True


def _supported(text: str, mentions: list[_Mention], zone) -> list[_Mention]:
    """Drop what the article does not back up: a kecamatan or village (or capital
    town) in a province that nothing else in the article names; a ``Kampung X`` or
    a capital town written bare outside every kabupaten/province the article names,
    unless it is the dateline or follows a place word (``di``, ``kota``)."""
    lex = lexicon()
    provs: Counter = Counter()
    kabs: Counter = Counter()
    for m in mentions:
        if m.chosen is not None:
            provs[m.chosen.code.split(".")[0]] += 1
            if m.chosen.level >= 2:
                kabs[m.chosen.code[:5]] += 1
    body_provs = {m.chosen.code.split(".")[0] for m in mentions if m.chosen is not None and m.how != "dateline"}
    out = []
    for m in mentions:
        r = m.chosen
        if r is None or m.how == "dateline":
            out.append(m)
            continue
        prov, kab = r.code.split(".")[0], r.code[:5]
        others_prov = provs[prov] - 1
        others_kab = kabs[kab] - 1 if r.level >= 2 else 0
        in_zone = bool(zone and zone[0] <= m.start < zone[1])
        if m.how == "kampung" and others_kab <= 0:
            continue
        if m.how in ("capital", "unit-capital") and not in_zone and _name_follows(text, m.end):
            continue  # "Kodim 0419/Tanjung Jabung": the name goes on
        if r.level >= 3 and m.how in ("capital", "unit-capital") and others_prov <= 0 and body_provs - {prov} \
                and not in_zone:
            continue
        if m.how == "capital" and others_prov <= 0 and not in_zone:
            # alone in the article (datelines aside), a place word before it will do
            before = text[max(0, m.start - 12):m.start].split()
            written = text[m.start:m.end]
            if body_provs - {prov} or not (before and before[-1].lower() in lex.village_cues | {"kota"}
                                           and (" " in written or len(written) >= 5) and not _name_follows(text, m.end)):
                continue
        if r.level >= 3 and m.how in ("prefix", "unit") and others_prov <= 0 and sum(provs.values()) > 1 \
                and not in_zone:
            continue  # a lone kecamatan/desa in a province nothing else points to: a look-alike
        out.append(m)
    return out


def _name_before(text: str, toks, i: int) -> bool:
    """The capitalised word just before is no place word, unit or title: the name
    started there (``Nelius Balingga`` is a person, not Distrik Balingga)."""
    if i == 0 or text[toks[i - 1][1]:toks[i][0]] != " ":
        return False
    w = toks[i - 1][2]
    low = w.lower().rstrip(".")
    if re.search(r"(?:^|[.!?:\n\"“]\s*)$", text[max(0, toks[i - 1][0] - 3):toks[i - 1][0]]):
        return False  # it starts a sentence: capitalised for that ("Warga Pulau Hiri")
    if not is_cap(w) or w.endswith(".") or low in _PREFIXES or low in lexicon().region_levels or low in lexicon().common_place_words:
        return False
    lex = lexicon()
    return not (lex.position_re.fullmatch(w) or lex.rank_re.fullmatch(w) or lex.venue_re.fullmatch(w)
                or gazetteer().lookup(w))


def _name_follows(text: str, end: int) -> bool:
    """A capitalised word right after that is no rank or title: the name goes on
    (``Tanjung Jabung``, a person, a venue)."""
    m = re.match(r" ([A-Z][a-z]+)", text[end:end + 30])
    if not m:
        return False
    lex = lexicon()
    return not (lex.rank_re.match(text, end + 1) or lex.position_re.match(text, end + 1))


def _cued_villages(text, toks, mentions, blocked, zone) -> list[_Mention]:
    """A desa/kelurahan written without prefix after a place word (``kawasan Batu
    Merah, Karang Panjang hingga Passo``, ``sampai Pelompek``, ``warga Tiong Ohang``)
    or as the dateline (``PIRU –``): accepted when a village of that name lies inside
    a kecamatan the article names, else (one of that name only) inside a kabupaten
    it names. A list goes on over commas, ``dan``/``hingga`` and known places."""
    lex = lexicon()
    kecs = {m.chosen.code for m in mentions if m.chosen and m.chosen.level == 3}
    kabs = {m.chosen.code[:5] for m in mentions if m.chosen and m.chosen.level >= 2 and not m.aside}
    if not kabs:
        return []
    known = sorted(((m.start, m.end) for m in mentions), key=lambda x: x[0])
    starts = [a for a, _ in known]
    out: list[_Mention] = []
    active = False
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        low = toks.lows[i]
        if not toks.caps[i]:
            active = low in lex.village_cues or (active and (w == "," or low in _JOINERS)) and not w.endswith(".")
            i += 1
            continue
        k = bisect.bisect_right(starts, s) - 1
        at = known[k] if k >= 0 and known[k][0] <= s < known[k][1] else None
        if at:  # a place already found continues the list
            while i < len(toks) and toks[i][0] < at[1]:
                i += 1
            active = active and not text[at[0]:at[1]].endswith(".")
            continue
        in_zone = bool(zone and zone[0] <= s < zone[1])
        hit = _longest(text, toks, i, LEVEL_TYPES["desa"], aliases=False, max_words=3) \
            if (active or in_zone) and not lex.venue_re.match(text, s) and low not in lex.region_levels \
            and low not in _PREFIXES else None
        if hit and hit[0] == i and low in lex.common_place_words:  # "Batu" alone is no village; "Batu Merah" is
            hit = None
        if not hit:
            active = False
            i += 1
            continue
        j, cands = hit
        end = toks[j][1]
        name = text[s:end].rstrip(".")
        end = s + len(name)
        in_kab = [c for c in cands if c.code[:5] in kabs]
        inside = [c for c in cands if c.parent in kecs] or (in_kab if len(in_kab) == 1 else [])
        if inside and not blocked(s, end) and (in_zone or not _name_follows(text, end)):
            out.append(_Mention(s, end, inside[:1], "village", LEVEL_TYPES["desa"], inside[0]))
            active = not toks[j][2].endswith(".")
        else:
            active = False
        i = j + 1
    return out


def _bare_kecamatan(text, toks, mentions, blocked) -> list[_Mention]:
    """Kecamatan named without a prefix (``PPK seperti Tanah Siang dan Laung
    Tuhup``), accepted only inside a kabupaten/kota the article names."""
    lex = lexicon()
    kabs = {m.chosen.code[:5] for m in mentions if m.chosen and m.chosen.level >= 2}
    if not kabs:
        return []
    taken = [(m.start, m.end) for m in mentions]
    # a bare city name may be the start of a longer kecamatan name (Samarinda -> Samarinda Ulu)
    soft = {(m.start, m.end) for m in mentions if m.how in ("bare", "capital")}
    hard = _covered(toks, [x for x in taken if x not in soft])
    out = []
    i = 0
    while i < len(toks):
        s, e, w = toks[i]
        if not toks.caps[i] or hard[i]:
            i += 1
            continue
        hit = _longest(text, toks, i, LEVEL_TYPES["kecamatan"], aliases=False)
        if hit:
            j, cands = hit
            name = text[s:toks[j][1]].rstrip(".")
            inside = [c for c in cands if c.code[:5] in kabs]
            overlaps = [(a, b) for a, b in taken if a < toks[j][1] and s < b]
            if inside and name.lower() not in lex.common_place_words and not blocked(s, toks[j][1]) \
                    and not _name_before(text, toks, i) \
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
        if before and before[-1].lower().rstrip(".") in lex.venue_not_after:  # "Kepala Gudang Logistik KPU X"
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
    Koramil (``1626-03/Tembuku``), or a capital town (``1015/Sampit``,
    ``1013/Muara Teweh``). Returns (start, end, candidates, how) or None."""
    types = LEVEL_TYPES["kecamatan" if koramil else "kabupaten"]
    j0 = next((j for j in range(k, len(toks)) if toks[j][0] >= m.start(1)), None)
    if j0 is None:
        return None
    if not koramil and j0 + 1 < len(toks) and toks[j0][2].lower().rstrip(".") in ("kota", "kab", "kabupaten"):
        types = ("kota",) if toks[j0][2].lower() == "kota" else ("kabupaten",)
        j0 += 1
    hit = _longest(text, toks, j0, types)
    town = _longest(text, toks, j0, (), capitals=True)
    if town and (not hit or town[0] > hit[0]):
        return toks[j0][0], toks[town[0]][1], _served(m, koramil, town[1]), "unit-capital"
    if hit:
        return toks[j0][0], toks[hit[0]][1], _served(m, koramil, hit[1]), "unit-code"
    cands = gazetteer().lookup(m.group(1), types)
    return (m.start(1), m.end(1), _served(m, koramil, cands), "unit-code") if cands else None


def _served(m, koramil: bool, cands: list) -> list:
    """``cands`` narrowed to the regions the units table gives the Kodim of
    the code's number, when it knows it and some candidate lies there: Kodim
    0506/Tangerang serves Kota Tangerang (and Tangerang Selatan), not the
    kabupaten, which Kodim 0510/Tigaraksa serves."""
    if koramil or len(cands) < 2:
        return cands
    u = resolve(f"Kodim {m.group().split('/', 1)[0]}")
    if u is None or u.level != "kodim" or not u.regions:
        return cands
    near = [c for c in cands if any(c.code == r or c.code.startswith(r + ".") for r in u.regions)]
    return near or cands


def _multi(text, toks, i) -> bool:
    """A common word may still start a multi-word region name (Tanjung Enim) or
    capital town (Muara Teweh)."""
    hit = _longest(text, toks, i, ("provinsi", "kabupaten", "kota"))
    town = _longest(text, toks, i, (), capitals=True)
    return bool(hit and hit[0] > i or town and town[0] > i)


def _resolve(mentions: list[_Mention], text: str = "") -> None:
    # anchors: mentions with a single candidate
    votes_kab: Counter = Counter()
    votes_prov: Counter = Counter()
    for m in mentions:
        if len(m.cands) == 1:
            m.chosen = m.cands[0]
            if not m.aside:  # reinforcements come from elsewhere: they say nothing of the article's region
                _vote(m.chosen, votes_kab, votes_prov, 2 if m.how in ("unit", "prefix", "unit-code", "unit-capital") else 1)
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
            if m.how == "bare" and c.type == "kota":  # "ke Jayapura" alone: the city more often than the kabupaten
                score += 0.25
            score -= 0.5 * c.level
            scored.append((score, c))
        scored.sort(key=lambda x: -x[0])
        if len(scored) > 1 and scored[0][0] == scored[1][0] and scored[0][1].level >= 4:
            m.chosen = None  # a desa name with no context: leave it uncoded
            m.cands = [scored[0][1]]
        else:
            m.chosen = scored[0][1]
        if m.chosen and not m.aside:
            _vote(m.chosen, votes_kab, votes_prov, 1)
    for m in mentions:  # "Kabupaten Bungo, Jambi": after a region of its province, the province
        if m.how == "bare" and m.chosen and m.chosen.level == 2 and any(c.level == 1 for c in m.cands):
            prov = next(c for c in m.cands if c.level == 1)
            if any(o.chosen and o.end <= m.start and o.chosen.level >= 2 and o.chosen.code.split(".")[0] == prov.code
                   and re.fullmatch(r",\s*", text[o.end:m.start]) for o in mentions):
                m.chosen = prov
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
    dateline_count: Counter = Counter()
    gaz = gazetteer()
    for m in sorted(mentions, key=lambda m: m.start):
        r = m.chosen
        if r is None:
            c = m.cands[0]
            k = ("", c.name, c.type)
            entry = by_key.setdefault(k, {"name": c.name, "type": _ptype(c.type), "code": None, "province": None, "mentions": []})
        else:
            if r.type == "town":  # a capital town that is no Kemendagri unit: its kabupaten's code
                written = _written(text[m.start:m.end].rstrip("."))
                k = ("town", r.code, key(written))
                entry = by_key.setdefault(k, {"name": written, "type": "town", "code": r.code, "province": r.province,
                                              "mentions": []})
                r = gaz.by_code.get(r.code, r)
            else:
                k = (r.code,)
                entry = by_key.setdefault(k, {"name": r.name, "type": _ptype(r.type), "code": r.code, "province": r.province,
                                              "mentions": []})
            res.spans.append((m.start, m.end, r))
            if m.aside:
                res.aside.append((m.start, m.end))
            elif r.level >= 2:
                # units and prefixed names say where things happen; a dateline or a bare name less so
                weight = 2 if m.how in ("unit", "prefix", "unit-code", "unit-capital") else 1
                count = dateline_count if m.how == "dateline" else kab_count
                count[".".join(r.code.split(".")[:2])] += weight * (2 if r.level == 2 else 1)
        entry["mentions"].append((m.start, m.end))
    for entry in by_key.values():
        entry["mentions"] = tuple(entry["mentions"])
        res.places.append(Place(**entry))
    # the dateline names the primary region only when the body names none (a national
    # portal's "JAKARTA -" above a story from elsewhere)
    kab_count = kab_count or dateline_count
    if kab_count:
        code = max(kab_count, key=lambda c: (kab_count[c], -min(s for s, e, r in res.spans if r.code.startswith(c))))
        res.primary = gaz.by_code.get(code)
    else:
        provs = [r for s, e, r in res.spans if r.level == 1 and (s, e) not in res.aside]
        res.primary = provs[0] if provs else None
    return res


def _written(name: str) -> str:
    """A town's name as written, capitals softened: ``MUARA TEWEH`` -> ``Muara Teweh``."""
    return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in name.split())


def _ptype(t: str) -> str:
    return {"distrik": "kecamatan", "desa_adat": "desa"}.get(t, t)
