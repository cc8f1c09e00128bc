"""Language data: loads the TOML lexicons once and compiles their patterns.

Nothing here knows about spaCy or articles; the extraction modules import the
compiled ``Lexicon`` and stay free of word lists.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional


def _load(name: str) -> dict:
    raw = resources.files(__package__).joinpath("lexicons", name).read_bytes()
    return tomllib.loads(raw.decode("utf-8"))


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
        branches = [unit + emit(child) for unit, child in sorted(node.items()) if unit]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" in node:  # a word ends here: the longer words are tried first (greedy "?")
            body = (body if len(branches) > 1 else f"(?:{body})") + "?"
        return body

    return emit(root)


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


@dataclass(frozen=True)
class EventType:
    name: str
    triggers: re.Pattern
    negative: Optional[re.Pattern]


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


class Lexicon:
    """All compiled language data. Build once with :func:`lexicon`."""

    def __init__(self) -> None:
        self._ranks()
        self._positions()
        self._degrees()
        self._events()
        self._places()
        self.units = _load("units.toml")["unit"]
        #: what the closed-class span rules need beyond the lexicons above (rule_spans.py)
        self.span_rules = _load("rule_spans.toml")
        kinds = _alt(k for u in self.units for k in u["kind"] if not u.get("election_body"))
        # a unit named with its number and/or region: Polres Muara Enim, Kodim 0412/LU, Satbrimob Polda Sumsel
        self.unit_re = re.compile(
            rf"(?<![\w])(?:{kinds})(?:\s+\d{{2,4}}(?:[-/]\d{{1,3}})?(?:/[A-Z][\w\-]*(?:\s[A-Z][\w\-]+)?)?"
            rf"|(?:\s+(?:Polda|Kota|Kabupaten|Kab\.)?\s*[A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?))"
        )

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

    # positions -----------------------------------------------------------
    def _positions(self) -> None:
        data = _load("positions.toml")
        self.position_by_variant: dict[str, Position] = {}
        forms: list[tuple[str, Position]] = []
        for p in data["position"]:
            pos = Position(p["short"], p["institution"], p.get("unit", ""), p.get("takes_region", False), p.get("sub", False))
            for v in sorted(set(p["variants"]) | {p["short"]}):
                self.position_by_variant[_norm_ws(v).lower()] = pos
                forms.append((v, pos))
        #: every variant as the lexicon writes it, with its position (for the rule spans)
        self.position_forms: tuple[tuple[str, Position], ...] = tuple(forms)
        self.position_re = re.compile(rf"(?<![\w])(?:{_trie_alt(self.position_by_variant)})(?![\w])", re.IGNORECASE)

    def position(self, written: str) -> Optional[Position]:
        return self.position_by_variant.get(_norm_ws(written).lower().rstrip("."))

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
        self.event_subsumes = {k: frozenset(v) for k, v in data.get("subsumes", {}).items()}
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
        mood = data.get("mood", {})
        self.mood_classes = tuple(
            MoodClass(name, _cues(spec["cues"]), frozenset(spec["scope"]), int(spec.get("window", 25)),
                      bool(spec.get("announce")), bool(spec.get("counts", True)), frozenset(spec.get("not_for", ())),
                      frozenset(spec.get("only_for", ())))
            for name, spec in mood.items() if isinstance(spec, dict))
        self.realis = _cues(mood.get("realis"))
        self.deploy = _cues(mood.get("deploy"))
        self.announce_days = int(mood.get("announce_days", 0))
        self.event_background = _cues(data.get("background", {}).get("cues"))
        #: nouns that refer back to an event of a type ("pleno", "apel"), per type
        self.event_heads = {t: _cues(v) for t, v in data.get("heads", {}).items()}
        #: two-part triggers: type -> the specs of [[pairs.TYPE]]
        self.event_pairs = {t: tuple(PairSpec(_cues(v["objects"]), _cues(v["actions"]), int(v.get("window", 10)),
                                              v.get("order", ""), bool(v.get("commas")), _cues(v.get("gap_not")),
                                              bool(v.get("dated")), frozenset(v.get("actors", ())),
                                              _cues(v.get("after_not"), tail=""))
                                     for v in (specs if isinstance(specs, list) else [specs]))
                            for t, specs in data.get("pairs", {}).items()}
        self.quote_security = _cues(mood.get("quote_security"))
        self.topic_modifiers = frozenset(data.get("topics", {}).get("modifiers", ()))
        #: words right before a modifier-type trigger that make it a modifier ("logistik PSU")
        self.modifier_of = _cues(data.get("topics", {}).get("modifier_of"), tail=r"\s+$")
        inst = data.get("instances", {})
        self.happening = _cues(inst.get("happening"))
        self.place_split_types = frozenset(inst.get("place_types", ()))
        self.instance_types = frozenset(inst.get("types", ()))
        #: where reinforcements come from, not where things happen: "BKO dari Polres Sorong di Aimas"
        self.origin = _cues(inst.get("origin"), tail="")
        self.instance_window = int(inst.get("window", 6))
        between = "|".join(inst.get("locative_words", ()))
        self.locative = re.compile(rf"(?<![\w])(?:(?i:{'|'.join(inst.get('locative', ['di']))})\s+|se-)"
                                   rf"(?:(?:[A-Z][\w.-]*|(?i:{between or '(?!)'}))\s+){{0,3}}$")
        self.force = data.get("force", {})

    # places --------------------------------------------------------------
    def _places(self) -> None:
        data = _load("places.toml")
        self.province_aliases: dict[str, str] = dict(data["provinces"])
        self.regency_aliases: dict[str, list[str]] = dict(data["regencies"])
        self.common_place_words = frozenset(w.lower() for w in data["common_words"]["words"])
        self.venue_heads = tuple(data["venues"]["heads"])
        self.venue_re = re.compile(rf"(?<![\w-])(?:{_alt(self.venue_heads)})(?![\w-])")


def _norm_ws(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
