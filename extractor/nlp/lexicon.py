"""Language data: loads the TOML lexicons once (through
:func:`extractor.datafiles.load`, which checks each against its schema) and
compiles their patterns.

Nothing here knows about spaCy or articles; the extraction modules import the
compiled ``Lexicon`` and stay free of word lists. The positions are an
ontology (``lexicons/positions.toml``) expanded by :func:`position_entries`:
heads of units, staff charts (head x function), commanders (title x
echelon), bodies (role x body), each in every spelling; acting prefixes
combine with any of them at match time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator, Optional

from .. import datafiles
from ..errors import DataFileError, Msg
from ..memory import without_gc

POSITIONS_FILE = "nlp/lexicons/positions.toml"


def _load(name: str) -> dict:
    """A lexicon file (``lexicons/<name>``), parsed and schema-checked by :func:`extractor.datafiles.load`."""
    return datafiles.load(f"nlp/lexicons/{name}")


def degree_key(text: str) -> str:
    """``"S.I.K.,"`` -> ``"SIK"``: the letters of a written degree, upper-cased."""
    return re.sub(r"[^A-Za-z]", "", text).upper()


def _cues(patterns, tail: str = r"(?![\w])") -> Optional[re.Pattern]:
    """One case-insensitive regex for a list of cue patterns, starting at a
    word boundary and ending with ``tail``; None for an empty list."""
    if not patterns:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{t})" for t in patterns) + ")" + tail, re.IGNORECASE)


def _alt(words) -> str:
    """Regex alternation, longest first, with flexible inner whitespace."""
    uniq = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in uniq)


_UNIT = re.compile(r"\\s\+|\\.|.", re.DOTALL)


def _trie_alt(words) -> str:
    """The same language and the same longest match as :func:`_alt`, written as
    a prefix tree (``Kapolres(?:ta(?:bes)?)?``), which Python's ``re`` scans
    several times faster than a flat list of hundreds of alternatives. For
    case-sensitive patterns, or case-insensitive ones over lower-cased words:
    two branches of a node must never match the same character."""
    root: dict = {}
    for w in set(words):
        node = root
        for unit in _UNIT.findall(re.escape(w).replace(r"\ ", r"\s+")):
            node = node.setdefault(unit, {})
        node[""] = {}

    def emit(node: dict) -> str:
        chain = []
        while len(node) == 1 and "" not in node:  # a run of single letters: no group needed
            (unit, node), = node.items()
            chain.append(unit)
        if "" in node and len(node) == 1:
            return "".join(chain)
        branches = [unit + emit(child) for unit, child in sorted(node.items()) if unit]
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" in node:  # a word ends here: the longer words are tried first (greedy "?")
            body = (body if len(branches) > 1 else f"(?:{body})") + "?"
        return "".join(chain) + body

    return emit(root)


def one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` are equal or one edit apart: a letter dropped, added,
    changed, or two neighbours swapped ("Kurniwan"/"Kurniawan", "Kpaolres"/"Kapolres")."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                   and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


@dataclass(frozen=True)
class Rank:
    short: str
    full: str
    institution: str
    branch: str
    tier: str
    order: int


@dataclass(frozen=True)
class Position:
    short: str
    institution: str
    unit: str
    takes_region: bool
    sub: bool
    #: the admin level of ``unit``'s region (units.toml), "" when it names none
    level: str = ""
    #: the acting prefix kept in ``short`` (Plh, Plt, Pj, Pjs, Ps), "" for the post itself
    acting: str = ""

    @property
    def head(self) -> str:
        """The kind of unit the position implies: ``Polres`` for ``Polres {region}``."""
        return self.unit.split(" ")[0] if self.unit else ""


@dataclass(frozen=True)
class EventType:
    name: str
    triggers: re.Pattern
    negative: Optional[re.Pattern]


def _glue(a: str, b: str) -> str:
    """``Dir`` + ``Reskrimum`` -> ``Dirreskrimum``; an all-caps part stays (``Kabag`` + ``SDM``)."""
    return a + (b if b.isupper() else b[:1].lower() + b[1:])


def _ref(table: dict, name: str, where: str) -> dict:
    if name not in table:
        raise DataFileError(Msg.DATA_FILE.format(path=POSITIONS_FILE, key=where, detail=f"{name!r} is not defined"))
    return table[name]


def _product(short: str, pos: Position, head: dict, part: dict, *, spaced_glued: bool,
             glue_phrases: bool) -> Iterator[tuple[str, Position]]:
    """The written forms of a head x a part (function or echelon): every form
    of one, a space, every form of the other (the head's ``glued`` forms too
    when ``spaced_glued``); and the ``glued`` head forms glued to the part's
    forms (to one-word forms only unless ``glue_phrases``)."""
    yield short, pos
    glued = head.get("glued", ())
    for hf in head["forms"]:
        if spaced_glued or hf not in glued:
            for pf in part["forms"]:
                yield f"{hf} {pf}", pos
    for g in glued:
        for pf in part["forms"]:
            if glue_phrases or (" " not in pf and not pf.endswith(".")):
                yield _glue(g, pf), pos


def position_entries(data: dict, level_of: Callable[[str], str] = lambda unit: "") -> Iterator[tuple[str, Position]]:
    """Every (written variant, Position) that ``positions.toml`` describes, in
    precedence order: ``[[position]]``, then the ``[[chart]]`` products (head
    x function), the ``[[command]]`` products (commander x echelon), the
    ``[bodies]`` products (role x body). ``level_of(unit template)`` gives a
    position's level. Pure: no state, no I/O."""

    def make(short, institution, unit, takes_region, sub, level=None) -> Position:
        return Position(short, institution, unit, takes_region, sub, level_of(unit) if level is None else level)

    for p in data.get("position", []):
        pos = make(p["short"], p["institution"], p.get("unit", ""), p.get("takes_region", False), p.get("sub", False),
                   p.get("level"))
        for v in (p["short"], *p["variants"]):
            yield v, pos
    heads, functions = data.get("heads", {}), data.get("functions", {})
    for i, chart in enumerate(data.get("chart", [])):
        for h in chart["heads"]:
            head = _ref(heads, h, f"chart[{i}].heads")
            for f in chart["functions"]:
                fn = _ref(functions, f, f"chart[{i}].functions")
                hs, fs = head["forms"][0], fn["forms"][0]
                short = _glue(hs, fs) if head.get("glued_short") else f"{hs} {fs}"
                pos = make(short, chart["institution"], chart["unit"], chart.get("takes_region", True),
                           chart.get("sub", True))
                # a head's glued forms join one-word functions only: "Kabagops", not "Kabagbin Ops"
                yield from _product(short, pos, head, fn, spaced_glued=True, glue_phrases=False)
    commanders, echelons = data.get("commanders", {}), data.get("echelons", {})
    for i, cmd in enumerate(data.get("command", [])):
        for h in cmd["heads"]:
            head = _ref(commanders, h, f"command[{i}].heads")
            for k in cmd["kind"]:
                ech = _ref(echelons, k, f"command[{i}].kind")
                short = cmd.get("short", "{head}{kind}").format(head=head["forms"][0], kind=ech["forms"][0].lower())
                pos = make(short, cmd["institution"], cmd["unit"], cmd.get("takes_region", True), cmd.get("sub", False))
                # the abbreviated title only glued: "Dan Kodim" would read "dan Kodim" (and Kodim)
                yield from _product(short, pos, head, ech, spaced_glued=False, glue_phrases=True)
    roles = data.get("roles", {})
    for name, body in data.get("bodies", {}).items():
        for r in body["roles"]:
            role = _ref(roles, r, f"bodies.{name}.roles")
            pos = make(f"{role['forms'][0]} {name}", body["institution"], body["unit"], True, False)
            yield pos.short, pos
            for rf in role["forms"]:
                for bf in body["forms"]:
                    yield f"{rf} {bf}", pos


@dataclass(frozen=True)
class MoodClass:
    """Cues that make a trigger a mention, not a report, where ``scope`` says
    (``before``/``after`` in its clause, ``adjacent``, ``sentence``)."""

    name: str
    cues: Optional[re.Pattern]
    scope: frozenset
    window: int
    announce: bool
    counts: bool = True  # also makes a count of personnel no event's force
    not_for: frozenset = frozenset()  # event types the class does not bear on
    only_for: frozenset = frozenset()  # the only event types it bears on (empty: all)
    undated: bool = False  # bears only on a trigger whose sentence states no date


@dataclass(frozen=True)
class PairSpec:
    """A two-part event trigger (``[[pairs.TYPE]]`` in events.toml)."""

    objects: Optional[re.Pattern]
    actions: Optional[re.Pattern]
    window: int  # most words between the parts
    order: str  # "action" or "object": which part comes first; "" either
    commas: bool  # the parts may stand in different commas of one clause
    gap_not: Optional[re.Pattern]  # words that may not stand between
    dated: bool  # only in a sentence with a date of its own
    actors: frozenset  # institutions one of whose positions (or ranks) must stand before the action
    after_not: Optional[re.Pattern] = None  # words right after the action that undo it
    needs: Optional[re.Pattern] = None  # only in an article that holds one of these words
    not_with: frozenset = frozenset()  # event types whose trigger in the same paragraph takes it in
    relative: bool = False  # the action may stand in a relative clause ("video yang viral sejak Rabu")
    before_not: Optional[re.Pattern] = None  # words right before the object that undo it ("di depan kantor KPU")


class Lexicon:
    """All compiled language data. Build once with :func:`lexicon`."""

    def __init__(self) -> None:
        self._ranks()
        self._units()
        self._positions()
        self._degrees()
        self._events()
        self._places()
        self._words()
        self._place_names()
        self._calendar()
        #: what the closed-class span rules need beyond the lexicons above (rule_spans.py)
        self.span_rules = _load("rule_spans.toml")

    # ranks ---------------------------------------------------------------
    def _ranks(self) -> None:
        data = _load("ranks.toml")
        self.rank_by_variant: dict[str, list[Rank]] = {}
        variants = []
        for r in data["rank"]:
            rank = Rank(r["short"], r["full"], r["institution"], r.get("branch", ""), r["tier"], r["order"])
            for v in set(r["variants"]) | {r["short"]}:
                for form in {v, v.upper(), v.title(), v.lower() if len(v) > 4 else v}:
                    variants.append(form)
                    self.rank_by_variant.setdefault(_norm_ws(form).lower(), [])
                    if rank not in self.rank_by_variant[_norm_ws(form).lower()]:
                        self.rank_by_variant[_norm_ws(form).lower()].append(rank)
        #: every written rank form the lexicon accepts (case forms included), for the rule spans
        self.rank_forms: tuple[str, ...] = tuple(dict.fromkeys(variants))
        self.corps_by_variant = {}
        for code, vs in data["corps"].items():
            for v in vs:
                self.corps_by_variant[_norm_ws(v).lower()] = code
        sfx = data["suffixes"]
        #: what may follow a written rank, in this order: institution, retired mark, corps
        self.rank_suffixes: dict[str, tuple[str, ...]] = {
            "inst": tuple(sfx["polri"] + sfx["tni"]), "retired": tuple(sfx["retired"]),
            "corps": tuple(v for vs in data["corps"].values() for v in vs)}
        inst = _alt(sfx["polri"] + sfx["tni"])
        retired = _alt(sfx["retired"])
        corps = _alt(v for vs in data["corps"].values() for v in vs)
        # rank [Pol.|TNI] [(Purn.)] [corps] ; the dot after a rank is optional
        self.rank_re = re.compile(
            rf"(?<![\w.])(?P<rank>{_trie_alt(variants)})\.?"
            rf"(?P<inst>\s+(?:{inst})(?![\w]))?"
            rf"(?P<ret>\s*(?:{retired}))?"
            rf"(?P<corps>\s+(?:{corps})(?![\w]))?"
            r"(?![\w])"
        )

    def rank(self, written: str, suffix: str = "") -> Optional[Rank]:
        """Resolve a written rank (+ its ``Pol.``/``TNI`` suffix) to one Rank."""
        key = _norm_ws(written).lower()
        # "Kapt." and "Kol." are listed with their dot; "AKBP." is "AKBP"
        cands = self.rank_by_variant.get(key) or self.rank_by_variant.get(key.rstrip("."), [])
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        want = "Polri" if re.match(r"\s*Pol", suffix) else "TNI" if "TNI" in suffix else None
        for c in cands:
            if want and c.institution == want:
                return c
        return cands[0]

    # units ---------------------------------------------------------------
    def _units(self) -> None:
        data = _load("units.toml")
        self.units = data["unit"]
        #: admin words before a region's name -> its level: "kab" -> "kabupaten", "nagari" -> "desa"
        self.admin_level: dict[str, str] = {w.lower(): level for level, ws in data["admin"].items() for w in ws}
        #: every unit kind (lower case) -> the admin level of the region named after it
        self.unit_level: dict[str, str] = {}
        #: unit kind (lower case) -> the region types its name may be (units.toml `regions`, else its level's)
        self._unit_regions: dict[str, tuple[str, ...]] = {}
        for u in self.units:
            for k in u["kind"]:
                self.unit_level.setdefault(k.lower(), u["level"])
                if u.get("regions"):
                    self._unit_regions.setdefault(k.lower(), tuple(u["regions"]))
        self._unit_institution = {k.lower(): u["institution"] for u in reversed(self.units) for k in u["kind"]}
        #: kinds written "KPU Kota X" for a kota: the unit keeps the word
        self.kota_prefix_kinds = frozenset(k.lower() for u in self.units if u.get("kota_prefix") for k in u["kind"])
        #: an admin word written before a region's name, as a regex ("Kabupaten", "Kab.", "Kec.")
        self.admin_re = "(?i:" + "|".join(sorted((re.escape(w) + r"\.?" for w in self.admin_level), key=len,
                                                 reverse=True)) + ")"
        #: kinds written as one word (Polres, KPU, Satpol): what the officials' tail parser takes for a unit
        self.unit_heads = frozenset(k.lower() for u in self.units for k in u["kind"] if " " not in k)
        forces = _alt(k for u in self.units for k in u["kind"]
                      if not u.get("election_body") and u["institution"] in ("Polri", "TNI", "Pemda"))
        # a unit named with its number and/or region: Polres Muara Enim, Kodim 0412/LU, Satbrimob Polda Sumsel
        self.unit_re = re.compile(
            rf"(?<![\w])(?:{forces})(?:\s+\d{{2,4}}(?:[-/]\d{{1,3}})?(?:/[A-Z][\w\-]*(?:\s[A-Z][\w\-]+)?)?"
            rf"|(?:\s+(?:Polda|Kota|Kabupaten|Kab\.)?\s*[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?))"
        )

    def level_of(self, word: str) -> str:
        """The admin level of the region named after a unit kind or admin word
        (``Polres`` -> kabupaten, ``Kecamatan`` -> kecamatan), "" if none."""
        w = word.lower().rstrip(".")
        return self.unit_level.get(w) or self.admin_level.get(w, "")

    def unit_types(self, kind: str, default: tuple[str, ...] = ("provinsi", "kabupaten", "kota")) -> tuple[str, ...]:
        """The region types the name after a unit kind may be: ``Polsek`` ->
        kecamatan, distrik, kabupaten, kota; kinds without a rule: ``default``."""
        return self._unit_regions.get(kind.lower(), default)

    def unit_institution(self, kind: str) -> str:
        """The institution of a unit kind (``Korem`` -> TNI), "" when unknown."""
        return self._unit_institution.get(kind.lower().rstrip("."), "")

    def same_kind(self, a: str, b: str) -> bool:
        """Two unit kinds of one units.toml entry (Polres, Polresta, Mapolres)."""
        a, b = a.lower(), b.lower()
        return a == b or any(a in ks and b in ks for ks in ({k.lower() for k in u["kind"]} for u in self.units))

    # positions -----------------------------------------------------------
    def _positions(self) -> None:
        data = _load("positions.toml")
        entries = position_entries(data, lambda unit: self.level_of(unit.split(" ")[0]) if unit else "")
        #: written variant (normalised) -> every position that writes it; the first is the default
        self.position_alts: dict[str, tuple[Position, ...]] = {}
        forms: list[tuple[str, Position]] = []
        for v, pos in entries:
            key = _norm_ws(v).lower()
            alts = self.position_alts.get(key, ())
            if pos not in alts:
                self.position_alts[key] = alts + (pos,)
            if not alts:
                forms.append((v, pos))
        self.position_by_variant: dict[str, Position] = {k: v[0] for k, v in self.position_alts.items()}
        #: every variant as the lexicon writes it, with its position (for the rule spans)
        self.position_forms: tuple[tuple[str, Position], ...] = tuple(forms)
        #: acting prefixes: written form (lower case) -> canonical (Plh, Plt, Pj, Pjs, Ps)
        self.acting_by_form = {_norm_ws(f).lower(): canon for canon, fs in data.get("acting", {}).items() for f in fs}
        acting = _trie_alt(self.acting_by_form)
        self._acting_re = re.compile(rf"(?:{acting})(?:(?<=[.)])\s*|\s+)", re.IGNORECASE)
        self._acting: dict[tuple[str, Position], Position] = {}
        self._region_levels: Optional[dict[str, str]] = None
        self._heads: Optional[dict[str, Position]] = None
        self._fuzzy: Optional[tuple] = None
        #: every written title (a prefix tree: the scan starts at the title, the acting prefix before it is
        #: looked up by :meth:`acting_before`)
        self.position_re = re.compile(rf"(?<![\w])(?:{_trie_alt(self.position_by_variant)})(?![\w])", re.IGNORECASE)
        self._acting_end = re.compile(rf"(?<![\w])(?:{acting})(?:(?<=[.)])\s*|\s+)$", re.IGNORECASE)
        #: first words of the multi-word variants (Kepala, Koordinator, Kasubbag): a name ends there
        self.position_first_words = frozenset(k.split(" ")[0] for k in self.position_by_variant if " " in k)
        # what may stand between a staff post and its unit: the section it heads and an operation's name
        # ("Kasubbid Penmas Bid Humas Polda X", "Kasatgas Humas Ops Mantap Praja Musi-2024 Polda X")
        sections = set()
        for chart in data.get("chart", []):
            for h in chart["heads"]:
                for f in chart["functions"]:
                    for sf in data["heads"][h].get("section", ()):
                        for ff in data["functions"][f]["forms"]:
                            sections.add(f"{sf} {ff}")
                            if " " not in sf and " " not in ff:
                                sections.add(sf + ff)
        # "Kordiv Hukum dan Pencegahan Bawaslu X": a staff post's further functions, after "dan" or a comma
        functions = {ff.lower() for chart in data.get("chart", []) for f in chart["functions"]
                     for ff in data["functions"][f]["forms"]}
        self.more_functions_re = re.compile(rf"(?:,\s*(?:dan\s+)?|dan\s+)(?:{_trie_alt(functions)})(?![\w])",
                                            re.IGNORECASE)
        #: words naming a sub-unit between a commander's title and his unit (Batalyon, Pelopor, Kompi)
        self.subunit_words = frozenset(w.lower() for w in data.get("subunits", {}).get("words", ()))
        ops = data.get("operations", {})
        self.section_re = re.compile(
            rf"(?:{_trie_alt({x.lower() for x in sections})})(?![\w])"
            rf"|(?:{_alt(ops.get('heads', ['$^']))})\s+(?:{_alt(ops.get('names', ['$^']))})"
            rf"(?-i:(?:[\s-]+(?!(?:{_alt(k for u in self.units for k in u['kind'])})(?![\w]))[A-Z][\w'’]*)?(?:[\s-]+\d{{4}})?)(?![\w])",
            re.IGNORECASE)

    @property
    def region_levels(self) -> dict[str, str]:
        """One-word unit kinds and head titles (lower case) -> the admin level of
        the region named after them: ``polres`` and ``kapolres`` -> kabupaten,
        ``danramil`` -> kecamatan (units.toml, positions.toml)."""
        if self._region_levels is None:
            levels = {k: v for k, v in self.unit_level.items() if " " not in k and v}
            for k, alts in self.position_alts.items():
                p = alts[0]
                if " " not in k and not p.sub and p.takes_region and p.level:
                    levels.setdefault(k, p.level)
            self._region_levels = levels
        return self._region_levels

    def acting_before(self, text: str, start: int) -> int:
        """Where an acting prefix written right before ``start`` begins (``Plh.
        Kapolres``, ``Pelaksana Tugas (Plt) Bupati``), else ``start``."""
        m = self._acting_end.search(text, max(0, start - 40), start)
        return m.start() if m else start

    def position_at(self, text: str, i: int) -> Optional[tuple[int, int]]:
        """The title (with its acting prefix) that starts at ``i``: (start, end) or None."""
        am = self._acting_re.match(text, i)
        m = self.position_re.match(text, am.end() if am else i) or (self.position_re.match(text, i) if am else None)
        return (i, m.end()) if m else None

    def position(self, written: str, unit: Optional[str] = None) -> Optional[Position]:
        """The position written (``Kabag Ops``, ``Plh. Kapolres``); with
        ``unit`` (the unit written after it), the reading whose unit is of that
        kind when the same form names posts in several charts (``Kasubbag
        Hukum KPU`` vs ``Kasubbag Hukum Polres``)."""
        key = _norm_ws(written).lower().rstrip(".")
        alts = self.position_alts.get(key) or self.position_alts.get(key + ".")
        act = ""
        if alts is None:
            m = self._acting_re.match(key)
            if not m:
                return None
            act = self.acting_by_form.get(_norm_ws(key[:m.end()]).lower().rstrip(), "") or \
                self.acting_by_form.get(_norm_ws(key[:m.end()]).lower().rstrip().rstrip("."), "")
            rest = key[m.end():]
            alts = self.position_alts.get(rest) or self.position_alts.get(rest + ".")
            if alts is None or not act:
                return None
        pos = alts[0]
        if unit and len(alts) > 1:
            head = unit.split(" ")[0]
            pos = next((p for p in alts if p.head and self.same_kind(p.head, head)), pos)
        return self.acting(pos, act) if act else pos

    def fuzzy_position(self, word: str, next_word: str = "") -> Optional[tuple[str, int]]:
        """A title written with a typo: ``Kasat Intelkm`` (a head and a function
        one edit from a two-word title), ``Kpaolres`` (one edit from a title of
        seven letters or more: shorter ones are too close to names, "Dandi").
        Returns (the lexicon's form, words used) or None."""
        return self._fuzzy_position(word.lower(), next_word.lower())

    @lru_cache(maxsize=20_000)  # the same words recur across articles
    def _fuzzy_position(self, word: str, next_word: str) -> Optional[tuple[str, int]]:
        if self._fuzzy is None:
            one: dict[tuple[str, int], list[str]] = {}
            two: dict[str, list[tuple[str, str]]] = {}
            shorts = {p.short.lower() for p in self.position_by_variant.values()}
            for k in self.position_by_variant:
                parts = k.split(" ")
                if len(parts) == 1 and len(k) >= 7 and k in shorts:  # a title's own short form, not a glued variant
                    one.setdefault((k[0], len(k)), []).append(k)
                elif len(parts) == 2 and len(parts[1]) >= 5:
                    two.setdefault(parts[0], []).append((parts[1], k))
            self._fuzzy = (one, two)
        one, two = self._fuzzy
        w, n = word.lower(), next_word.lower()
        if n and len(n) >= 5 and w in two and f"{w} {n}" not in self.position_by_variant:
            hits = {k for second, k in two[w] if one_edit(n, second)}
            if len(hits) == 1:
                return hits.pop(), 2
        if len(w) >= 7 and w not in self.position_by_variant:
            hits = {k for d in (-1, 0, 1) for k in one.get((w[0], len(w) + d), ()) if one_edit(w, k)}
            if len(hits) == 1:
                return hits.pop(), 1
        return None

    def head_position(self, kind: str) -> Optional[Position]:
        """The post that heads a unit of this kind: ``Koramil`` -> Danramil,
        ``Polres`` -> Kapolres (the first such title of positions.toml)."""
        if self._heads is None:
            self._heads = {}
            for alts in self.position_alts.values():
                p = alts[0]
                if p.head and not p.sub and "{region}" in p.unit and p.head.lower() not in self._heads:
                    self._heads[p.head.lower()] = p
        kind = kind.lower()
        if kind.startswith("ma") and kind[2:] in self.unit_level:  # Makoramil, Mapolres: the headquarters
            kind = kind[2:]
        return self._heads.get(kind) or next((p for k, p in self._heads.items() if self.same_kind(k, kind)), None)

    def acting(self, pos: Position, prefix: str) -> Position:
        """``pos`` held in an acting capacity: ``Plh Kapolres`` (one object per pair)."""
        key = (prefix, pos)
        if key not in self._acting:
            self._acting[key] = Position(f"{prefix} {pos.short}", pos.institution, pos.unit, pos.takes_region,
                                         pos.sub, pos.level, prefix)
        return self._acting[key]

    # degrees -------------------------------------------------------------
    def _degrees(self) -> None:
        data = _load("degrees.toml")
        self.degree_after = dict(data["after"])
        self.degree_before = dict(data["before"])
        self.honorifics = dict(data["honorific"])

    # events --------------------------------------------------------------
    def _events(self) -> None:
        data = _load("events.toml")
        self.event_types: list[EventType] = []
        for name, spec in data["types"].items():
            trig = re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{t})" for t in spec["triggers"]) + r")(?![\w])", re.IGNORECASE)
            neg = None
            if spec.get("negative"):
                neg = re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{t})" for t in spec["negative"]) + r")", re.IGNORECASE)
            self.event_types.append(EventType(name, trig, neg))
        self.forces = {k: re.compile(rf"(?<![\w])(?:{_alt(v)})(?![\w])", re.IGNORECASE) for k, v in data["forces"].items()}
        self.personnel = data["personnel"]
        self.elections = [(name, re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE))
                          for name, pats in data.get("elections", {}).items()]
        self.stages = [(name, re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE))
                       for name, pats in data.get("stages", {}).items()]
        self.deployment_types = frozenset(self.personnel.get("deployment_types", ()))
        mod = data.get("modality", {})
        self.modality = _cues(mod.get("negative"))
        #: cues that make the word right after them not (yet) an event: "menjelang distribusi"
        self.modality_before = _cues(mod.get("just_before"), tail=r"\s+$")
        #: planning cues that cancel a trigger anywhere later in its clause
        self.modality_clause = _cues(mod.get("clause_after"))
        topics = data.get("topics", {})
        self.topic_clause = frozenset(topics.get("clause", ()))
        self.topic_sentence = frozenset(topics.get("sentence", ()))
        #: cues that make a date the background of an event (the ruling, the original vote), not a second event
        self.background = _cues(mod.get("background"))
        self.event_subsumes = {k: frozenset(v) for k, v in data.get("subsumes", {}).items() if isinstance(v, list)}
        #: the moods in which a trigger still names its event as a fact ("Menjelang PSU"), for [subsumes]
        self.fact_moods = frozenset([None] + list(data.get("subsumes", {}).get("fact_moods", ())))
        drill = data.get("drill", {})
        self.drill_cues = re.compile(r"(?<![\w])(?:" + "|".join(drill.get("cues", ["$^"])) + ")", re.IGNORECASE)
        self.drill_suppress = frozenset(drill.get("suppress", ()))
        self._event_clauses(data)

    def _event_clauses(self, data: dict) -> None:
        """The clause and mood data of ``events.toml`` (``[clauses]``, ``[mood]``,
        ``[background]``, ``[heads]``, ``[force]``), compiled for events.py."""
        cl = data.get("clauses", {})
        #: where a clause ends: punctuation, or right before an opener word
        self.clause_break = re.compile(
            r"[,;:]" + (rf"|(?<![\w])(?:{_alt(cl['openers'])})(?![\w])" if cl.get("openers") else ""), re.IGNORECASE)
        self.clause_reset = _cues(cl.get("resets"))
        #: clause openers a two-part trigger may not span
        self.clause_binding = _cues(cl.get("binding"))
        #: words that make the "yang" clause after them the predicate, not a description ("giliran logistik
        #: untuk Kayoa yang diberangkatkan"): a two-part trigger may then take its action after "yang"
        self.clause_focus = _cues(cl.get("focus"))
        mood = data.get("mood", {})
        self.mood_classes = tuple(
            MoodClass(name, _cues(spec["cues"]), frozenset(spec["scope"]), int(spec.get("window", 25)),
                      bool(spec.get("announce")), bool(spec.get("counts", True)), frozenset(spec.get("not_for", ())),
                      frozenset(spec.get("only_for", ())), bool(spec.get("undated")))
            for name, spec in mood.items() if isinstance(spec, dict))
        self.realis = _cues(mood.get("realis"))
        self.deploy = _cues(mood.get("deploy"))
        self.announce_days = int(mood.get("announce_days", 0))
        self.event_background = _cues(data.get("background", {}).get("cues"))
        #: a date these end right before is when a state began, not a day of what the sentence reports
        #: ("Rapat pleno yang berjalan sejak Senin (2/12) ... akhirnya diskors")
        self.ongoing = _cues(data.get("background", {}).get("ongoing"), tail=r"\s*$")
        #: a date right after these is the vote's, not one of a trigger of another type
        #: ("kotak suara berisi surat suara hasil pemungutan suara Rabu (14/2/2024) ikut hangus")
        self.vote_day = _cues(data.get("background", {}).get("vote_day"), tail=r"(?:\s+\w+)?\s*$")
        self.vote_types = frozenset(data.get("background", {}).get("vote_types", ()))
        #: a past year after one of these (and up to three words) sets its sentence in that election
        self.history = _cues(data.get("background", {}).get("history"), tail=r"(?:\s+[\w-]+){0,3}\s+$")
        #: ... or one of these right after it
        self.history_after = _cues(data.get("background", {}).get("history_after"))
        #: nouns that refer back to an event of a type ("pleno", "apel"), per type
        self.event_heads = {t: _cues(v) for t, v in data.get("heads", {}).items()}
        #: two-part triggers: type -> the specs of [[pairs.TYPE]]
        self.event_pairs = {t: tuple(PairSpec(_cues(v["objects"]), _cues(v["actions"]), int(v.get("window", 10)),
                                              v.get("order", ""), bool(v.get("commas")), _cues(v.get("gap_not")),
                                              bool(v.get("dated")), frozenset(v.get("actors", ())),
                                              _cues(v.get("after_not"), tail=""), _cues(v.get("needs")),
                                              frozenset(v.get("not_with", ())), bool(v.get("relative")),
                                              _cues(v.get("before_not"), tail=r"\s+$"))
                                     for v in (specs if isinstance(specs, list) else [specs]))
                            for t, specs in data.get("pairs", {}).items()}
        self.quote_security = _cues(mood.get("quote_security"))
        #: incidents a quote reports with a cue of realis alone ("Sempat saling lempar batu")
        self.quote_incidents = frozenset(mood.get("quote_incidents", ()))
        #: a vague time of its own leaves an event undated ("penyerangan ... beberapa hari sebelumnya")
        self.vague_time = _cues(mood.get("vague_time"))
        self.topic_modifiers = frozenset(data.get("topics", {}).get("modifiers", ()))
        #: per type, words right before a trigger that make it what is moved or kept, not the event
        #: ("kotak suara hasil rekapitulasi")
        self.product_of = {t: _cues(v, tail=r"\s+$") for t, v in data.get("topics", {}).get("products", {}).items()}
        #: words right before a modifier-type trigger that make it a modifier ("logistik PSU")
        self.modifier_of = _cues(data.get("topics", {}).get("modifier_of"), tail=r"\s+$")
        inst = data.get("instances", {})
        self.happening = _cues(inst.get("happening"))
        #: verbs of carrying on: on the article's own day, with no security told, an agenda
        self.continues = _cues(inst.get("continues"))
        self.place_split_types = frozenset(inst.get("place_types", ()))
        self.instance_types = frozenset(inst.get("types", ()))
        #: where reinforcements come from, not where things happen: "BKO dari Polres Sorong di Aimas"
        self.origin = _cues(inst.get("origin"), tail="")
        self.instance_window = int(inst.get("window", 6))
        between = "|".join(inst.get("locative_words", ()))
        self.locative = re.compile(rf"(?<![\w])(?:(?i:{'|'.join(inst.get('locative', ['di']))})\s+|se-)"
                                   rf"(?:(?:[A-Z][\w.-]*|(?i:{between or '(?!)'}))\s+){{0,3}}$")
        self.force = data.get("force", {})
        imp = data.get("implied", {})
        #: days named without a date ([implied]): "hari yang sama", "pagi ini", "hari pertama", "hari pencoblosan"
        self.implied = {k: tuple(re.compile(rf"(?<![\w])(?:{p})(?![\w])", re.IGNORECASE) for p in v)
                        for k, v in imp.items() if v}

    # closed word classes of names, speech and links ----------------------
    def _words(self) -> None:
        data = _load("words.toml")
        names = data["names"]
        #: lower-case words that never belong to a person's name
        self.name_stop = frozenset(w.lower() for w in names["stop"])
        #: capitalised headline verbs and sentence openers: never a name
        self.headline_verbs = frozenset(w.lower() for w in names["headline_verbs"])
        self.name_particles = frozenset(names["particles"])
        #: lower-case words that are no part of a name written in lower case ("saat", "kemarin", "pagi")
        self.common_lowercase = frozenset(names["common_lowercase"])
        self.pre_titles = frozenset(names["pre_titles"])
        self.pre_titles_bare = frozenset(names["pre_titles_bare"])
        self.degrees_ending_name = frozenset(names["degrees_ending_name"])
        self.honorific_forms: dict[str, str] = dict(names["honorifics"])
        speech = data["speech"]
        #: "…,” ujar X": attribution verbs after a quote (officials' and other voices')
        self.speech_after = tuple(speech["after"])
        self.speech_after_any = tuple(speech["after"]) + tuple(speech["after_only"])
        #: "X mengatakan, “…”": verbs that lead into a quote
        self.speech_before = tuple(speech["before"])
        #: verbs that make the person before them a speaking subject
        self.speech_near = tuple(speech["before"]) + tuple(speech["near"])
        #: "X melalui Y": the words that make Y speak for X
        self.principal_links = tuple(data["links"]["principal"])
        links = data["links"]
        self.also_as, self.asides, self.led_by = tuple(links["also_as"]), tuple(links["asides"]), tuple(links["led_by"])
        #: "Pabung Kodim X wilayah Y Mayor Z", "Padal apel, Mayor Z": between a title and its holder's rank
        self.title_scope, self.title_occasions = tuple(links["scope"]), tuple(links["occasions"])
        #: "Name merupakan Wakil Bupati X": the name before these holds the title after them
        self.copulas = tuple(links["copulas"])
        #: "Ketua KPU RI X": the national level after a body, naming no region
        self.national_words = tuple(links["national"])
        self.subject_lead = tuple(speech["subject_lead"])
        self.voices, self.voice_of_word = tuple(speech["voices"]), tuple(speech["voice_of_word"])
        #: "Kantor Kepala Desa X": a title after these words names a building
        self.building_words = tuple(data["links"]["building"])
        self.address_forms = frozenset(names["address"])
        self.candidate_words = data.get("candidates", {})

    # places --------------------------------------------------------------
    def _places(self) -> None:
        data = _load("places.toml")
        self.province_aliases: dict[str, str] = dict(data["provinces"])
        self.regency_aliases: dict[str, list[str]] = dict(data["regencies"])
        self.common_place_words = frozenset(w.lower() for w in data["common_words"]["words"])
        self.venue_heads = tuple(data["venues"]["heads"])
        self.venue_re = re.compile(rf"(?<![\w-])(?:{_alt(self.venue_heads)})(?![\w-])")

    # place names beyond the aliases: generated abbreviations, capital towns, context words
    def _place_names(self) -> None:
        data = _load("places.toml")
        #: press abbreviations generated by rule (place_abbrevs.toml): form -> Kemendagri code
        self.generated_place_abbrevs: dict[str, str] = dict(_load("place_abbrevs.toml")["generated"])
        #: kabupaten/kota code -> the seats the news write where the Kepmendagri text differs
        self.capital_overrides: dict[str, list[str]] = dict(data["capitals"])
        #: island (without "Pulau") -> code of the smallest region holding it, where no unit name tells
        self.island_codes: dict[str, str] = dict(data["islands"])
        ctx = data["context"]
        self.backup_re = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{c})" for c in ctx["backup_cues"]) + r")(?![\w])",
                                    re.IGNORECASE)
        self.backup_glue = frozenset(w.lower() for w in ctx["backup_glue"])
        self.street_heads = frozenset(ctx["street_heads"])
        self.street_generic = frozenset(w.lower() for w in ctx["street_generic"])
        self.island_heads = frozenset(ctx["island_heads"])
        self.village_cues = frozenset(w.lower() for w in ctx["village_cues"])
        self.unit_fillers = frozenset(w.lower() for w in ctx["unit_fillers"])
        self.unit_not_region = tuple(ctx["unit_not_region"])
        #: "Operasi Mantap Praja Kapuas": the capitalised words after one of these are a codename
        self.operation_name_re = re.compile(
            rf"(?<![\w])(?:{_alt(ctx['operation_heads'])})\s+((?:[A-Z][\w\-]*\s?){{1,3}})")
        self.spelling_variants = tuple(tuple(v) for v in ctx["spelling_variants"])
        self.venue_not_after = frozenset(w.lower() for w in ctx["venue_not_after"])
        self.title_section_re = re.compile(rf"\s+(?:{_alt(ctx['title_sections'])})(?![\w])")
        self.not_places_re = re.compile(rf"(?<![\w])(?:{_alt(ctx['not_places'])})(?![\w])")

    # the election calendar (elections.toml), as data; extractor/nlp/calendar.py reads it
    def _calendar(self) -> None:
        self.election_calendar: dict = _load("elections.toml")


def _norm_ws(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip())


@lru_cache(maxsize=1)
@without_gc  # built once, kept for the process's life (extractor/memory.py)
def lexicon() -> Lexicon:
    return Lexicon()
