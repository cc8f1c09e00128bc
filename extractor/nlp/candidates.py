"""Election candidates: one record per person, with the office sought, the
ticket number and the region, in every form regional news writes them:

* a ticket after a cue: ``paslon nomor urut 2 A–B``, ``pasangan calon
  nomor urut 1 A dan B``, ``Cabup/Cawabup nomor urut 3 A-B``, ``pasangan
  calon Bupati dan Wakil Bupati A dan B``, ``pasangan calon Gubernur dan
  Wakil Gubernur Kepri ... pasangan nomor urut 2 A-B``;
* a list of tickets: ``yakni nomor urut 1 A-B, nomor urut 2 C-D dan nomor
  urut 3 E-F``;
* one candidate: ``calon Gubernur A``, ``Cawabup B``, ``caleg DPRD Berau
  nomor urut 2 dari salah satu partai, A``, ``calon anggota DPD RI dapil
  Sulbar nomor urut 7, Hj. A``;
* a ticket known by its nickname: ``A–B (BIDA)``, ``A–B yang dikenal dengan
  tagline “RAZA”``, ``nomor urut 2 yang dikenal dengan tagline “PASTI”, A-B``;
* a list whose items state their number after the names: ``yakni A-B
  (nomor urut 1) dan C-D (nomor urut 2)``, ``calon anggota DPRK X daerah
  pemilihan 1, yakni A (nomor urut 3) dan b (nomor urut 1)``; a nickname in
  capitals before the names (``nomor urut 3 pasangan ELANG, A-B``); a name
  in lower case after an en dash or in a later item (``A–ahmad fauzan``);
* a single candidate set off by a comma before the cue (``A, caleg DPRD X
  Dapil 5 nomor urut 3,``) or after ``caleg lain,``; one name after a cue
  that a ticket's team stands before (``juru bicara tim pemenangan paslon
  nomor urut 2, A``) is the team's, no candidate;
* the candidate named before the cue: ``Bupati X A, yang kembali maju
  sebagai calon bupati petahana nomor urut 1 berpasangan dengan B``,
  ``Petahana A yang berpasangan dengan B maju sebagai paslon nomor urut 1``.

A ticket's first name runs for the head office, the second for its deputy
(Bupati / Wakil Bupati). When the cue names no office, the election the
article names before it does (``Pilwalkot Medan`` -> Wali Kota, Medan;
``Pilkada Muba`` -> Bupati, Musi Banyuasin: the type of the region), else
the article's main region. The cue words, offices and elections are
``[candidates]`` in ``lexicons/words.toml``.

Names after a cue are the candidates' own mentions: the officials rules do
not read them as officials (``pasangan calon Bupati dan Wakil Bupati A``
is no Wakil Bupati). A candidate named in an office elsewhere in the article
(a sitting Bupati) is both a candidate and an official.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from types import SimpleNamespace
from typing import Optional

from ..records import normalise_name
from ..types import Candidate
from .gazetteer import Region, gazetteer
from .lexicon import _trie_alt, lexicon
from .officials import name_words, parse_name
from .text import is_cap

#: a dash between two words: in a ticket it joins the two names ("A–B"; an en or em dash also before
#: a name in lower case: "Ridwan Effendi–ahmad fauzan")
_DASH = re.compile(r"(?<=[\w.])(?:\s?[-–—]\s?(?=[A-Z])|[–—](?=[a-z]))")


def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _rx() -> SimpleNamespace:
    cw = lexicon().candidate_words
    office_of = {w.lower(): office for office, ws in cw["offices"].items() for w in ws}
    pair_office = {w.lower(): office for office, ws in cw["elections"].items() if office != "any" for w in ws
                   if re.search(r"\s(?:dan|&)\s|[/-]", w)}
    election_office = {w.lower(): ("" if office == "any" else office) for office, ws in cw["elections"].items()
                       for w in ws}
    cues = list(cw["pair"]) + list(office_of) + list(pair_office)
    number = _alt(cw["number"])
    adverbs, running = _alt(cw["candidacy_adverbs"]), _alt(cw["candidacy"])
    name = r"(?:[A-Z][\w'’.]*\s){0,4}[A-Z][\w'’]+"
    return SimpleNamespace(
        head_of=dict(cw["office_of_region"]),
        admin_before=re.compile(rf"\s*(?:(?P<adm>{lexicon().admin_re})\s+)?"),
        office_of=office_of, pair_office=pair_office, election_office=election_office,
        deputy=dict(cw["deputy"]), pair_cues={w.lower() for w in cw["pair"]},
        # the anchors are found in the lower-cased text (a case-sensitive scan is several times faster)
        cue=re.compile(rf"(?<![\w/-])(?:{_trie_alt({c.lower() for c in cues})})(?![\w/-])"),
        # "nomor urut 2 A–B" with no cue before it: one ticket of a list
        list_cue=re.compile(rf"(?<![\w])(?:{_alt(w.lower() for w in cw['number'])})\s*\.?\s*0*(?P<n>\d{{1,3}})(?![\w])"),
        number=re.compile(rf"\s*,?\s*(?:{number})\s*\.?\s*0*(?P<n>\d{{1,3}})(?![\w/])", re.IGNORECASE),
        office_pair=re.compile(rf"\s+(?:calon\s+)?(?:{_alt(pair_office)})(?![\w])", re.IGNORECASE),
        incumbent=re.compile(rf"\s+(?:{_alt(cw['incumbent'])})(?![\w])", re.IGNORECASE),
        # "dapil Sulbar", "dari Dapil Jeneponto-Takalar", "daerah pemilihan 3", "dapil II"
        dapil=re.compile(rf"\s*,?\s*(?i:dari\s+)?(?i:{_alt(cw['district'])})\s+(?P<d>(?:[A-Z][\w'’-]*|\d{{1,2}}|[IVX]{{1,4}})"
                         r"(?:[\s-](?:[A-Z][\w'’-]*|\d{1,2}|[IVX]{1,4}))*)"),
        # "paslon 02 A–B"; "A dan B dengan nomor urut 1"
        bare_number=re.compile(r"\s+0*(?P<n>\d{1,2})(?=\s+[A-Z])"),
        number_after=re.compile(rf"\s*,?\s+(?:dengan\s+)?(?:{number})\s*\.?\s*0*(?P<n>\d{{1,3}})(?![\w/])"
                                rf"|\s*\(\s*(?:{number})\s*\.?\s*0*(?P<p>\d{{1,3}})\s*\)", re.IGNORECASE),
        # ", yakni A-B ...": what opens a list after the cue; "caleg lain, A"
        intro=re.compile(rf"\s*(?:,?\s*(?:{_alt(cw['introducers'])})\s*:?|:)(?=\s)", re.IGNORECASE),
        others=re.compile(rf"\s+(?:{_alt(cw['others'])})(?![\w])", re.IGNORECASE),
        # "juru bicara tim pemenangan paslon nomor urut 2, A": one name after the cue is the team's
        team=re.compile(rf"(?<![\w])(?:{_alt(cw['team'])})\s+(?:dari\s+)?$", re.IGNORECASE),
        # "A-B (nomor urut 1) dan C-D (nomor urut 2)": the next ticket of a list
        list_join=re.compile(rf"\s*(?:{_alt(cw['list_joiners'])})\s+", re.IGNORECASE),
        # "nomor urut 3 pasangan ELANG, A-B": a cue word after a ticket's number
        pair_word=re.compile(rf"\s+(?:{_alt(cw['pair'])})(?![\w])", re.IGNORECASE),
        # "pasangan ELANG, A-B": a ticket's nickname in capitals before its names
        caps_nick=re.compile(r"\s+(?P<nick>[A-Z]{3,12}|[A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]{2,8})+)\s*,(?=\s*[A-Z][a-z])"),
        # "Wahyudi Kurniawan, caleg DPRD ...": the candidate named before a single cue
        apposed=re.compile(rf"(?P<a>{name})\s*,\s*$"),
        # a name in lower case, or starting so: "A–ahmad fauzan (REFAN)", "dan sri wahyuni Ariga (nomor urut 1)"
        loose=re.compile(r"[\s,]*(?P<n>[A-Za-z][a-z'’]+(?:[ ][A-Za-z][a-z'’]+){1,3})(?=\s*(?:[(),.;]|$)|\s+(?:dan|serta)\s)"),
        # "dari salah satu partai," before the name
        aside=re.compile(r"\s+dari\s+[a-z][a-z\s]{2,40},(?=\s*[A-Z])"),
        nickname_before=re.compile(rf"\s*(?:(?:{_alt(cw['nickname'])})\s+)?[“\"'‘](?P<nick>[^”\"'’\n]{{2,30}})[”\"'’]\s*,?",
                                   re.IGNORECASE),
        nickname_after=re.compile(rf"\s*(?:\((?P<p>[A-Z][\w'’\- ]{{1,30}})\)|,?\s+(?:{_alt(cw['nickname'])})\s+"
                                  rf"[“\"'‘](?P<q>[^”\"'’\n]{{2,30}})[”\"'’])", re.IGNORECASE),
        joiner=re.compile(rf"\s+(?:{_alt(cw['joiners'])})\s+(?=[A-Z])"),
        mate=re.compile(rf"\s+(?:yang\s+)?(?:{_alt(cw['running_mate'])})\s+(?=[A-Z])", re.IGNORECASE),
        election=re.compile(rf"(?<![\w])(?P<e>{_trie_alt(election_office)})(?![\w])(?:\s+(?:serentak|ulang))?"
                            rf"(?:\s+(?:tahun\s+)?\d{{4}})?"),
        # "A, yang kembali maju sebagai " before a cue
        back=re.compile(rf"(?:(?i:{_alt(cw['incumbent'])})\s+)?(?P<a>{name})\s*,?\s+yang\s+(?:(?:{adverbs})\s+)?"
                        rf"(?:(?:{running})\s+(?:lagi\s+)?|(?:{_alt(cw['running_mate'])})\s+(?P<b>{name})\s+"
                        rf"(?:(?:{adverbs})\s+)?(?:{running})\s+)(?:sebagai\s+)?$"),
    )


@dataclass
class _Cand:
    name: str
    start: int
    end: int
    office: Optional[str] = None
    number: Optional[int] = None
    region: Optional[Region] = None
    ticket: Optional[str] = None
    mate: Optional[str] = None
    own: bool = True  # named right after the cue (not an official's mention)
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _work_text(text: str) -> tuple[str, set[int]]:
    """The text with every dash between two words turned into a comma of the
    same length (the name parser stops there); the positions of those dashes."""
    chars, dashes = list(text), set()
    for m in _DASH.finditer(text):
        for k in range(m.start(), m.end()):
            if text[k] in "-–—":
                chars[k] = ","
                dashes.add(k)
    return "".join(chars), dashes


def _region_after(text: str, p: int, types=("provinsi", "kabupaten", "kota")) -> Optional[tuple[Region, int]]:
    """A region named at ``p`` (after spaces, an optional admin word), longest first."""
    m = _rx().admin_before.match(text, p)
    q = m.end()
    adm = lexicon().admin_level.get((m.group("adm") or "").lower().rstrip("."))
    if adm in ("provinsi", "kabupaten", "kota"):
        types = (adm,)
    elif adm:  # a kecamatan or desa: no election's region
        return None
    words = list(re.finditer(r"[A-Z][\w'’\-]*", text[q:q + 60]))
    best = None
    for n in range(min(4, len(words)), 0, -1):
        chunk = words[:n]
        if chunk[0].start() != 0 or any(text[q + a.end():q + b.start()] != " " for a, b in zip(chunk, chunk[1:])):
            continue
        name = text[q:q + chunk[-1].end()]
        hit = gazetteer().lookup(name, types) or (gazetteer().lookup(f"Kepulauan {name}", ("kabupaten",))
                                                  if "kabupaten" in types else [])
        if hit:
            best = (hit[0], q + chunk[-1].end())
            break
    return best


def _skip(rx: re.Pattern, text: str, p: int) -> tuple[Optional[re.Match], int]:
    m = rx.match(text, p)
    return (m, m.end()) if m else (None, p)


def _name_at(work: str, p: int):
    m = re.compile(r"[\s,]*").match(work, p)
    q = m.end()
    if not is_cap(work[q:q + 2]):
        return None
    pn = parse_name(work, q)
    if pn is None:
        return None
    stop, cues = lexicon().name_stop, _rx().office_of
    if any(t.lower().rstrip(".") in stop or t.lower() in cues for t in pn["name"].split()):
        return None  # "yaitu Cabup-Cawabup nomor urut 1 ...": cue words, no names
    return pn


def _loose_at(text: str, p: int):
    """A name written in lower case, or starting so, at ``p`` (``ahmad
    fauzan``, ``sri wahyuni Ariga``), as :func:`_name_at` gives one; else None."""
    m = _rx().loose.match(text, p)
    if m is None:
        return None
    words = m.group("n").split()
    if all(w[:1].isupper() for w in words) or not name_words(words):
        return None
    return {"name": m.group("n"), "start": m.start("n"), "end": m.end("n"), "after": m.end("n")}


def _nickname_ok(nick: str) -> bool:
    """A word in capitals that may be a ticket's nickname (no body, unit, title or region)."""
    lex = lexicon()
    low = nick.lower()
    return not (low in lex.name_stop or low in lex.unit_heads or lex.position(nick)
                or gazetteer().lookup(nick, ("provinsi", "kabupaten", "kota")))


def _ticket(text: str, work: str, dashes: set[int], p: int, pair: bool, loose: bool = False):
    """The name(s) at ``p``: ([(name, start, end)], nickname, end). ``loose``:
    the first name may be written in lower case (a later item of a list)."""
    rx = _rx()
    nick = None
    m, p = _skip(rx.nickname_before, text, p)
    if m:
        nick = m.group("nick").strip()
    else:
        m = rx.caps_nick.match(text, p)
        if m and _nickname_ok(m.group("nick")):  # "pasangan ELANG, Edi Hamdani-Ahmad Gusti"
            nick, p = m.group("nick"), m.end()
    a = _name_at(work, p) or (_loose_at(text, p) if loose else None)
    if a is None:
        return [], nick, p
    names = [(a["name"], a["start"], a["end"])]
    end = a["after"]
    if pair:
        j = end
        b = None
        if j < len(work) and work[j] == "," and j in dashes:
            b = _name_at(work, j + 1) or _loose_at(text, j + 1)  # "Ridwan Effendi–ahmad fauzan"
        else:
            jm = rx.joiner.match(text, j)
            if jm:
                b = _name_at(work, jm.end())
        if b is not None:
            names.append((b["name"], b["start"], b["end"]))
            end = b["after"]
    nm = rx.nickname_after.match(text, end)
    if nm and not rx.list_cue.match((nm.group("p") or "").lower()):  # "(nomor urut 1)" is no nickname
        nick, end = nick or (nm.group("p") or nm.group("q")).strip(), nm.end()
    return names, nick, end


def _named_before(text: str, work: str, start: int) -> list[tuple[str, int, int]]:
    """``Bupati X A, yang kembali maju sebagai <cue>``, ``Petahana A yang
    berpasangan dengan B maju sebagai <cue>``: the names written before the cue
    (the longest tail of the capitalised words that reads as a name)."""
    base = max(0, start - 160)
    bm = _rx().back.search(text[base:start])
    if bm is None:
        return []
    out = []
    for g in ("a", "b"):
        if bm.group(g) is None:
            continue
        s, e = base + bm.start(g), base + bm.end(g)
        for w in re.finditer(r"[A-Z][\w'’.]*", text[s:e]):
            pn = parse_name(work, s + w.start())
            if pn and pn["end"] == e:
                out.append((pn["name"], pn["start"], pn["end"]))
                break
    return out


def _dashed(names, dashes: set[int]) -> bool:
    """Two names joined by a dash ("A–B"): a ticket by its shape."""
    return len(names) == 2 and any(names[0][2] <= k < names[1][1] for k in dashes)


def _apposed_before(work: str, start: int) -> list[tuple[str, int, int]]:
    """``Wahyudi Kurniawan, caleg DPRD ...``: the name set off by a comma right before a single cue."""
    base = max(0, start - 80)
    m = _rx().apposed.search(work[base:start])
    if m is None:
        return []
    s, e = base + m.start("a"), base + m.end("a")
    for w in re.finditer(r"[A-Z][\w'’.]*", work[s:e]):
        pn = _name_at(work, s + w.start())
        if pn and pn["end"] == e and len(pn["name"].split()) > 1:
            return [(pn["name"], pn["start"], pn["end"])]
    return []


def _lower(text: str) -> str:
    """The text in lower case, offsets kept (a character whose lower case is
    longer, such as the dotted capital I, is kept as it is)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _elections(text: str, low: str) -> list[tuple[int, str, Optional[Region]]]:
    """(position, office, region) of every election the text names (``low``: the text in lower case)."""
    rx = _rx()
    out = []
    for m in rx.election.finditer(low):
        office = rx.election_office.get(re.sub(r"\s+", " ", m.group("e").lower()), "")
        types = {"Bupati": ("kabupaten",), "Wali Kota": ("kota",), "Gubernur": ("provinsi",)}.get(
            office, ("provinsi", "kabupaten", "kota"))
        hit = _region_after(text, m.end(), types)
        region = hit[0] if hit else None
        if not office and region is None:
            continue
        out.append((m.start(), office or rx.head_of.get(region.type, ""), region))
    return out


def _resolve(text: str, at: int, office: Optional[str], region: Optional[Region],
             elections, primary: Optional[Region]) -> tuple[Optional[str], Optional[Region]]:
    """The office and region of a ticket whose cue may name neither: the
    election named last before it in its paragraph; else the one of the
    article's main region (``Pemilihan Bupati Kapuas Hulu serta Pemilihan
    Gubernur Kalbar`` in a story from Kapuas Hulu); else the nearest before
    it (after it); else the article's main region."""
    para = text.rfind("\n", 0, at)
    before = [e for e in elections if e[0] < at]
    local = [e for e in before if e[0] > para]
    home = [e for e in elections if primary is not None and e[2] is not None and e[2].code == primary.code]
    home_before = [e for e in home if e[0] < at]
    nearest = next((group[-1] for group in (local, home_before, before) if group), None) \
        or next(iter(home or elections), None)
    if office is None and nearest is not None and nearest[1]:
        office = nearest[1]
        if region is None and nearest[2] is not None:
            region = nearest[2]
    if region is None and nearest is not None and nearest[2] is not None and (office in (nearest[1], None)):
        region = nearest[2]
    if office is None and primary is not None:
        office = _rx().head_of.get(primary.type)
    if region is None and primary is not None and office not in ("Presiden", "Wakil Presiden", "DPR"):
        region = primary
    if region is not None and office in ("Gubernur", "Wakil Gubernur", "DPD") and region.type != "provinsi":
        region = gazetteer().by_code.get(region.code.split(".")[0], region)
    return office, region


@dataclass
class CandidatesResult:
    candidates: list[Candidate]
    #: the spans of names written right after a candidate cue: no official's mention
    named: list[tuple[int, int]]


def find_candidates(text: str, *, primary: Optional[Region] = None) -> CandidatesResult:
    """Every named election candidate, one per person. ``primary``: the
    article's main region (its office decides a ticket with no other clue)."""
    rx = _rx()
    cands: list[_Cand] = []
    taken: list[tuple[int, int]] = []

    def free(s, e):
        return not any(a < e and s < b for a, b in taken)

    low = _lower(text)
    anchors = [(m.start(), m.end(), "cue", m) for m in rx.cue.finditer(low)]
    anchors += [(m.start(), m.start(), "list", m) for m in rx.list_cue.finditer(low)]
    if not anchors:
        return CandidatesResult([], [])
    anchors.sort(key=lambda x: (x[0], x[2] != "cue"))
    work, dashes = _work_text(text)
    elections = _elections(text, low)
    for start, end, kind, m in anchors:
        if not free(start, max(end, start + 1)):
            continue
        office: Optional[str] = None
        number: Optional[int] = None
        region: Optional[Region] = None
        if kind == "cue":
            cue = re.sub(r"\s+", " ", m.group().lower())
            pair = cue in rx.pair_cues or cue in rx.pair_office
            office = rx.office_of.get(cue) or rx.pair_office.get(cue)
            p = m.end()
            om, p = _skip(rx.office_pair, text, p)
            if om:  # "pasangan calon Bupati dan Wakil Bupati", "calon Bupati dan Wakil Bupati"
                pair, office = True, rx.pair_office[re.sub(r"\s+", " ", om.group().strip().lower()).removeprefix("calon ")]
            elif office in rx.deputy:
                dm = re.compile(r"\s+dan\s+(?:calon\s+)?wakil\s+" + re.escape(office.split()[-1].lower()) + r"(?![\w])",
                                re.IGNORECASE).match(text, p)
                if dm:
                    pair, p = True, dm.end()
            hit = _region_after(text, p)
            if hit:
                region, p = hit
            _, p = _skip(rx.incumbent, text, p)
            _, p = _skip(rx.others, text, p)
            _, p = _skip(rx.intro, text, p)
        else:
            pair, p = True, m.start()
        nm, p = _skip(rx.number, text, p)
        if kind == "list" and nm:
            _, p = _skip(rx.pair_word, text, p)
        if nm is None and kind == "cue" and pair:
            nm, p = _skip(rx.bare_number, text, p)
        if nm:
            number = int(nm.group("n"))
        dm, p = _skip(rx.dapil, text, p)
        if dm and region is None and not dm.group("d")[:1].isdigit():
            hit = _region_after(dm.group("d"), 0)
            region = hit[0] if hit else None
        if number is None:
            nm, p = _skip(rx.number, text, p)
            if nm:
                number = int(nm.group("n"))
        _, p = _skip(rx.intro, text, p)
        _, p = _skip(rx.aside, text, p)
        names, nick, tail = _ticket(text, work, dashes, p, pair)
        if names and number is None:
            nm = rx.number_after.match(text, tail)
            if nm:
                number, tail = int(nm.group("n") or nm.group("p")), nm.end()
        if kind == "list" and len(names) < 2:
            continue  # "nomor urut 2" alone is no ticket
        if kind == "cue" and pair and len(names) == 1 and rx.team.search(text, max(0, start - 40), start):
            continue  # "tim pemenangan paslon nomor urut 2, Roy": the team's man, no candidate
        own = True
        if not names and kind == "cue":  # "A, yang kembali maju sebagai calon ...": the name came first
            names = _named_before(text, work, start)
            if not names and not pair:  # "Wahyudi Kurniawan, caleg DPRD Indramayu Dapil 5 nomor urut 3,"
                names = _apposed_before(work, start)
            own, pair = False, pair or len(names) > 1
        if not names:
            continue
        if len(names) == 1:  # "... nomor urut 1 berpasangan dengan B"
            mm = rx.mate.match(text, tail)
            if mm and (b := _name_at(work, mm.end())):
                names.append((b["name"], b["start"], b["end"]))
                tail = b["after"]
        office, region = _resolve(text, start, office, region, elections, primary)
        offices = [office, rx.deputy.get(office, office) if len(names) > 1 else office]
        while True:
            for k, (name, s, e) in enumerate(names[:2]):
                mate = names[1 - k][0] if len(names) > 1 else None
                cands.append(_Cand(name, s, e, offices[k], number, region, nick, mate, own, [(s, e)]))
            # "A-B (nomor urut 1) dan C-D (nomor urut 2)", "A-B (NICK) dan C-D (NICK2)": the list goes on
            # while each item states its number, or is a ticket of two names joined by a dash
            jm = rx.list_join.match(text, tail) if own and (number is not None or _dashed(names, dashes)) else None
            if jm is None:
                break
            names, nick, after = _ticket(text, work, dashes, jm.end(), pair, loose=True)
            if not names or (len(names) > 1) != pair:
                break
            nm = rx.number_after.match(text, after)
            if nm is None and not (number is None and _dashed(names, dashes)):
                break
            number, tail = (int(nm.group("n") or nm.group("p")), nm.end()) if nm else (None, after)
        taken.append((start, max(tail, end)))
    named = sorted({m for c in cands if c.own for m in c.mentions})
    return CandidatesResult([_finish(c) for c in _merge(cands, text)], named)


def _merge(cands: list[_Cand], text: str) -> list[_Cand]:
    """One record per person: a later mention of the same name fills what the first lacked."""
    out: dict[str, _Cand] = {}
    for c in cands:
        key = normalise_name(c.name)
        if key not in out:
            out[key] = c
            continue
        o = out[key]
        o.mentions += [m for m in c.mentions if m not in o.mentions]
        for attr in ("office", "number", "region", "ticket", "mate"):
            if getattr(o, attr) is None and getattr(c, attr) is not None:
                setattr(o, attr, getattr(c, attr))
        o.own = o.own or c.own
    return sorted(out.values(), key=lambda c: c.start)


def _finish(c: _Cand) -> Candidate:
    return Candidate(name=c.name, office=c.office, number=c.number, region=c.region.name if c.region else None,
                     region_code=c.region.code if c.region else None, ticket=c.ticket, running_mate=c.mate,
                     mentions=tuple(sorted(set(c.mentions))))
