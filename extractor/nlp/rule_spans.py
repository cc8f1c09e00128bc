"""Rule spans: closed-class mentions as spaCy spans, built from the lexicons.

The ``pantau_rule_spans`` component (factory ``pantau_rule_spans_v1``, see
``pipeline.py``) writes ``doc.spans["pantau_rules"]``: non-overlapping spans
labelled

* ``RANK``: every written rank of ``ranks.toml``, in the case forms the
  lexicon accepts (as listed, upper case, title case, and lower case when
  longer than four letters: ``AKBP``/``Akbp``, ``Iptu``/``IPTU``,
  ``Kombespol``, ``Ajun Komisaris Besar Polisi``), with the institution
  suffix, retired mark and corps that may follow it (``Kombes Pol.``,
  ``Brigjen TNI (Purn)``, ``Letkol Inf``, ``Kolonel Laut (P)``);
* ``POSITION``: every variant of ``positions.toml``, in any case
  (``Kapolres``, ``Kasi Humas``, ``Dandim``, ``Ketua KPU``), with the acting
  prefix written before it (``Plh. Kapolres``, ``Penjabat (Pj) Bupati``:
  ``span.id_`` ``Plh Kapolres``, ``Pj Bupati``);
* ``UNIT``: a head of ``units.toml`` with the name or code written after it
  (``Polres Muara Enim``, ``Polsek Tanjung Agung``, ``Kodim 0412/LU``,
  ``Kodim 0404/Muara Enim``, ``Koramil 0804-13/Tembuku``, ``Kodam
  IX/Udayana``), or alone for heads marked ``bare`` (``Brimob``,
  ``Koramil``, ``Lanud``); "Polres" alone is generic and not a span;
* ``ELECTION_BODY``: the ``units.toml`` entries marked ``election_body``
  (KPU, Bawaslu, Panwaslu, PPK, PPS, KPPS, Panwascam ...), alone or with
  their region (``KPU Kabupaten Lahat``, ``Bawaslu Sumsel``).

``span.id_`` is the canonical form (rank and position ``short``, the unit
entry's first kind: ``Mapolres Lahat`` -> ``Polres``) and ``span.kb_id_`` the
institution (``Brigjen TNI`` -> TNI, ``Brigjen Pol`` -> Polri, ``Brigjen``
alone -> what ``Lexicon.rank`` resolves). A unit's name is the capitalised
tokens after its head; ``lexicons/rule_spans.toml`` says where it stops, and
no NER tag is read (:class:`_KnownNames`): the name is the longest start of
that run that makes a known unit (``units.csv`` with its aliases) or a known
region (the gazetteer, its press aliases and capital towns): ``Ketua KPU
Sulteng Idrus Alhadad`` gives ``KPU Sulteng``. When no start of the run is
known, an election body keeps no name (they are named by law after their
region: ``Ketua KPU Wahyudin Hulopi`` gives ``KPU``), the others keep the
whole run (``Lanud Leo Wattimena``). Until 2026-12 a word the NER model
tagged PER ended the name instead; ``benchmarks/unit_tail.md`` compares the
two.

Overlaps are resolved as ``spacy.util.filter_spans`` does: the longest span
wins, then the earliest. So ``Ketua KPU Kabupaten Lahat`` gives the
ELECTION_BODY ``KPU Kabupaten Lahat`` and no POSITION (``Ketua KPU`` is
shorter); ``Kasi Humas Polres Lahat`` gives POSITION ``Kasi Humas`` and UNIT
``Polres Lahat``.

Patterns are made once per process from the lexicon (:func:`pattern_data`)
and tokenised by the pipeline's own tokenizer (``nlp.make_doc``; phrase
patterns through spaCy's ``SpanRuler``), so they split exactly as the
article text does. Two ``SpanRuler`` objects do the matching: one compares
``ORTH`` (ranks are case-sensitive in the lexicon), one ``LOWER``
(positions, unit heads); the names and codes after unit heads are token
patterns with ``OP`` quantifiers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..units import is_unit_name, unit_key
from .lexicon import lexicon

SPANS_KEY = "pantau_rules"
LABELS = ("RANK", "POSITION", "UNIT", "ELECTION_BODY")

# Token shapes of unit codes, as the tokenizer keeps them (one token each).
#: a number, or a number and a sub-number or spelled-out region start: 1504, 0825/01, 0404/Muara,
#: 0804-13/Tembuku; more capitalised words may follow (0404/Muara Enim, 0825/01 Pesanggaran)
_CODE_OPEN = r"^\d{2,4}(?:-\d{2,3})?(?:/(?:\d{1,3}|[A-Z][a-z][\w\-]*))?$"
#: a number and an abbreviated region: 0412/LU, 0418/PLG; nothing follows
_CODE_CLOSED = r"^\d{2,4}(?:-\d{2,3})?/[A-Z0-9]{1,5}$"
#: Kodam numbers are Roman (Kodam IX/Udayana is tokenised IX, /, Udayana)
_ROMAN = r"^[IVX]{1,5}$"
#: a word of a unit's name
_NAME = r"^[A-Z][\w'’\-]*$"
#: how the first token of every pattern above starts
_TAIL_START = re.compile(r"[A-Z]|\d")


@dataclass(frozen=True)
class _Head:
    kind: str  # as units.toml writes it: "Sat Brimob"
    label: str  # UNIT or ELECTION_BODY
    canonical: str  # the entry's first kind
    institution: str
    bare: bool
    code: bool
    level: str = ""
    regions: tuple[str, ...] = ()


@dataclass(frozen=True)
class PatternData:
    """The lexicon's closed classes, ready to become spaCy patterns."""

    rank_forms: tuple[str, ...]
    position_forms: tuple[tuple[str, str, str], ...]  # (written variant, short, institution)
    heads: tuple[_Head, ...]
    acting: tuple[tuple[str, str], ...]  # (written acting prefix, canonical: Plh, Plt, Pj, Pjs, Ps)
    rank_suffixes: tuple[tuple[str, tuple[str, ...]], ...]  # ("inst", forms), ("retired", ...), ("corps", ...)
    admin: tuple[str, ...]
    stop: frozenset[str]  # lower-case words that end a unit's name
    max_words: int


@lru_cache(maxsize=1)
def pattern_data() -> PatternData:
    """Built once per process from ``lexicon()`` (no spaCy objects here)."""
    lex = lexicon()
    heads: dict[str, _Head] = {}
    for u in lex.units:
        label = "ELECTION_BODY" if u.get("election_body") else "UNIT"
        for kind in u["kind"]:
            # a kind listed twice (Polresta) belongs to the entry that lists it first
            heads.setdefault(kind, _Head(kind, label, u["kind"][0], u["institution"], bool(u.get("bare")),
                                         bool(u.get("code")), u.get("level", ""), tuple(u.get("regions", ()))))
    # a variant two positions list belongs to the one Lexicon.position gives; positions match in any
    # case, but punctuation may split differently by case ("Plt. Bupati", "PLT. BUPATI"): such
    # variants come in upper and lower case too
    positions = tuple(dict.fromkeys(
        (written, lex.position(form).short, lex.position(form).institution)
        for form, _ in lex.position_forms
        for written in ((form, form.upper(), form.lower()) if any(not (c.isalnum() or c.isspace()) for c in form)
                        else (form,))))
    rules = lex.span_rules["name"]
    stop = {w.lower() for w in rules["stop"]}
    stop |= {f.lower() for f in lex.rank_forms if " " not in f}
    stop |= {f.lower() for f, _, _ in positions if " " not in f}
    stop |= {w.lower() for h in heads for w in h.split()}
    stop |= {f.lower() for forms in lex.rank_suffixes.values() for f in forms if " " not in f}
    return PatternData(
        rank_forms=lex.rank_forms,
        position_forms=positions,
        heads=tuple(heads.values()),
        acting=tuple(lex.acting_by_form.items()),
        rank_suffixes=tuple((k, lex.rank_suffixes[k]) for k in ("inst", "retired", "corps")),
        admin=tuple(rules["admin"]),
        stop=frozenset(stop),
        max_words=int(rules["max_words"]),
    )


def _tail_patterns(data: PatternData) -> dict[str, list[dict]]:
    """Token patterns for what follows a unit head, by shape: a name (after an
    optional admin word), a code (+ the rest of its region), or a closed code.
    The longest match is cut back to a known name afterwards (:class:`_KnownNames`)."""
    name = {"TEXT": {"REGEX": _NAME}, "LOWER": {"NOT_IN": sorted(data.stop)}}
    admin = {"LOWER": {"IN": sorted({a.lower() for a in data.admin})}, "OP": "?"}
    return {
        "name": [admin, dict(name, OP=f"{{1,{data.max_words}}}")],
        "code": [{"TEXT": {"REGEX": _CODE_OPEN}}, dict(name, OP="{0,3}")],
        "code_closed": [{"TEXT": {"REGEX": _CODE_CLOSED}}],
        "code_roman": [{"TEXT": {"REGEX": _ROMAN}}, {"ORTH": "/"}, dict(name, OP="{1,3}")],
    }


class RuleSpanComponent:
    """``match(doc)`` finds the spans (pure); ``set_annotations`` stores them.

    Ranks go through a ``SpanRuler`` comparing ``ORTH``; positions and unit
    heads through one comparing ``LOWER``. After each unit head, a
    ``Matcher`` with the tail patterns runs on the few tokens that follow
    it (a Matcher over the whole doc costs time per token and pattern)."""

    def __init__(self, nlp: Language, name: str = "pantau_rule_spans") -> None:
        data = pattern_data()
        self._heads = {h.kind: h for h in data.heads}
        self._position_institution = {short: inst for _, short, inst in data.position_forms}
        self._ranks = SpanRuler(nlp, f"{name}.ranks", spans_key=None, phrase_matcher_attr="ORTH")
        self._others = SpanRuler(nlp, f"{name}.others", spans_key=None, phrase_matcher_attr="LOWER")
        # SpanRuler tokenises phrase patterns with nlp.pipe; only the tokenizer must run
        with nlp.select_pipes(enable=[]):
            self._ranks.add_patterns([{"label": "RANK", "pattern": f} for f in data.rank_forms])
            self._others.add_patterns([{"label": "POSITION", "pattern": f, "id": short}
                                       for f, short, _ in data.position_forms]
                                      + [{"label": "HEAD", "pattern": h.kind, "id": h.kind} for h in data.heads])
        tails = _tail_patterns(data)
        self._known = _KnownNames(data.admin)
        self._admin = frozenset(a.lower() for a in data.admin)
        self._tails = Matcher(nlp.vocab)
        for shape, pattern in tails.items():
            self._tails.add(shape, [pattern])
        # longer than any tail: at most two single tokens and one run of up to max(max_words, 3)
        self._window = 2 + max(data.max_words, 3)
        # an acting prefix ending where a position starts (compared on the text: "Plt." is one token or two)
        self._acting_forms = dict(data.acting)
        alt = "|".join(re.escape(f) for f in sorted(self._acting_forms, key=len, reverse=True))
        self._acting_re = re.compile(rf"(?<![\w.])({alt})(?:(?<=[.)])\s*|\s+)$", re.IGNORECASE)
        # rank suffixes as sequences of the tokens' ORTH ids, by their first token, longest first
        self._suffixes = tuple((slot, _by_first({tuple(t.orth for t in nlp.make_doc(f)) for f in forms}))
                               for slot, forms in data.rank_suffixes)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Span]:
        ranks = self._ranks.match(doc)
        orths = doc.to_array("ORTH").tolist() if ranks else []  # the tokens' ORTH ids, without Token objects
        spans = [self._rank(doc, s, orths) for s in ranks]
        for s in self._others.match(doc):
            if s.label_ == "POSITION":
                start, short = self._acting_before(doc, s.start, s.id_)
                spans.append(Span(doc, start, s.end, "POSITION", span_id=short,
                                  kb_id=self._position_institution[s.id_]))
            else:
                unit = self._unit(doc, s, self._heads[s.id_])
                if unit is not None:
                    spans.append(unit)
        return filter_spans(spans)

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        doc.spans[SPANS_KEY] = spans

    def _acting_before(self, doc: Doc, start: int, short: str) -> tuple[int, str]:
        """An acting prefix right before a position joins it: (start, short)."""
        first = max(0, start - 6)
        before = "".join(t.text_with_ws for t in doc[first:start])
        m = self._acting_re.search(before)
        if m is None:
            return start, short
        offset = doc[first].idx + m.start(1)
        for i in range(first, start):
            if doc[i].idx == offset:
                canon = self._acting_forms.get(m.group(1).lower())
                return (i, f"{canon} {short}") if canon else (start, short)
        return start, short

    def _unit(self, doc: Doc, head: Span, h: _Head) -> Optional[Span]:
        """The head with the longest tail its entry allows, or alone if bare."""
        shapes = {"name"} | ({"code", "code_closed", "code_roman"} if h.code else set())
        end = head.end
        window = doc[head.end:min(len(doc), head.end + self._window)]
        for m_id, start, stop in self._tails(window) if len(window) and self._may_start_tail(window[0]) else ():
            if start == 0 and doc.vocab.strings[m_id] in shapes:
                end = max(end, head.end + stop)
        if end > head.end:
            # an election body is named after its region by law; a unit may bear a name no table holds
            end = self._known.end(doc, head, h, end, whole=h.label != "ELECTION_BODY")
        if end == head.end and not h.bare:
            return None
        return Span(doc, head.start, end, h.label, span_id=h.canonical, kb_id=h.institution)

    def _may_start_tail(self, token) -> bool:
        """Whether a tail pattern may start at ``token``: an admin word, or the
        capital or digit every name and code pattern starts with (the Matcher
        is spared the rest)."""
        return bool(_TAIL_START.match(token.text)) or token.lower_ in self._admin

    def _rank(self, doc: Doc, s: Span, orths: list[int]) -> Span:
        """A written rank, extended over its institution suffix, retired mark
        and corps (each optional, in that order), resolved to a Rank.
        ``orths``: the ORTH id of every token of ``doc``."""
        end, inst = s.end, ""
        for slot, seqs in self._suffixes:
            hit = _seq_at(orths, end, seqs)
            if hit:
                if slot == "inst":
                    inst = doc[end:end + hit].text
                end += hit
        rank = lexicon().rank(s.text, inst)
        return Span(doc, s.start, end, "RANK", span_id=rank.short if rank else "",
                    kb_id=rank.institution if rank else "")


def _by_first(seqs) -> dict[int, list[tuple[int, ...]]]:
    """Token sequences (of ORTH ids) by their first token, longest first."""
    out: dict[int, list[tuple[int, ...]]] = {}
    for seq in sorted(seqs, key=len, reverse=True):
        if seq:
            out.setdefault(seq[0], []).append(seq)
    return out


def _seq_at(orths: list[int], i: int, seqs: dict[int, list[tuple[int, ...]]]) -> Optional[int]:
    """The length of the longest of ``seqs`` written at token ``i``, else None."""
    for seq in seqs.get(orths[i], ()) if i < len(orths) else ():
        if tuple(orths[i:i + len(seq)]) == seq:
            return len(seq)
    return None


_CODE_OPEN_RE, _CODE_CLOSED_RE, _ROMAN_RE = re.compile(_CODE_OPEN), re.compile(_CODE_CLOSED), re.compile(_ROMAN)
_COMMON_TYPES = ("provinsi", "kabupaten", "kota", "kecamatan", "distrik")
_DESA_TYPES = ("desa", "kelurahan", "desa_adat")


class _KnownNames:
    """The rules-only end of a unit's name: of the run of capitalised tokens
    after a head (an admin word, a code, a Roman numeral and '/' kept in front),
    the longest prefix that makes a known name: the head and it a unit of
    ``units.csv`` (names, press aliases, one Polsek and Koramil per kecamatan:
    ``Polres Metro Jakarta Selatan``, ``Polres Pelabuhan Tanjung Priok``,
    ``Kodam IX/Udayana``), or it (after the admin word, or the part of a code
    after its '/') a region of the gazetteer with its press aliases and capital
    towns (``Sulteng``, ``Muara Enim``, ``Tanjung Agung``) or a national word
    (``RI``). No NER tags are read."""

    def __init__(self, admin: tuple[str, ...]) -> None:
        from .gazetteer import gazetteer

        self._gaz = gazetteer()
        # the admin words of rule_spans.toml and of units.toml [admin] (Kampung, Nagari, Distrik, Kab ...),
        # by the level of the region they come before
        lex = lexicon()
        self._admin = {a.lower(): lex.admin_level.get(a.lower().rstrip("."), "") for a in admin}
        self._admin.update(lex.admin_level)
        self._admin.update({f"{w}.": lvl for w, lvl in lex.admin_level.items()})
        self._national = frozenset(unit_key(w) for w in lex.national_words)

    def end(self, doc: Doc, head: Span, h: _Head, end: int, whole: bool) -> int:
        toks = doc[head.end:end]
        keep, lead = 0, ""  # tokens always kept before the name words; the region part they carry
        first = toks[0]
        admin = first.lower_ in self._admin
        if admin:
            keep = 1
        elif h.code and _CODE_CLOSED_RE.match(first.text):
            return end  # a closed code: nothing follows it
        elif h.code and _CODE_OPEN_RE.match(first.text):
            keep = 1
            after = first.text.split("/", 1)[1] if "/" in first.text else ""
            lead = after if after[:1].isalpha() else ""
        elif h.code and len(toks) > 1 and _ROMAN_RE.match(first.text) and toks[1].text == "/":
            keep = 2
        types = _COMMON_TYPES + tuple(h.regions)
        if h.level in ("desa", "kelurahan") or (admin and self._admin[first.lower_] in ("desa", "kelurahan")):
            types += _DESA_TYPES
        heads = (h.kind, h.canonical)
        if admin and len(toks) == 1:
            return end  # an admin word alone names a level: KPU Provinsi, Panwaslu Distrik
        for k in range(len(toks) - keep, -1, -1):
            if k == 0 and (keep == 0 or admin or keep == 2):
                break  # no name word: only a code may stand alone
            stop = head.end + keep + k
            tail = doc[head.end:stop].text
            if any(is_unit_name(f"{x} {tail}") for x in heads):
                return stop
            if keep == 2:
                continue  # Kodam IX/Udayana: a name after a numeral is a unit's, not a region's
            region = " ".join(([lead] if lead else []) + [t.text for t in doc[head.end + keep:stop]])
            if not region:
                return stop  # a bare code: Kodim 0404, Koramil 0825/01
            if self._region(region, types):
                return stop
        if whole or keep == 2 or admin:
            # a Kodam's name after its numeral is no region, and an admin word announces one (a
            # misspelt "Kab. Muara Enm"): kept as written
            return end
        return head.end + 1 if keep == 1 and not admin else head.end  # a code alone: Kodim 1402/Polmas

    @lru_cache(maxsize=50_000)
    def _region(self, name: str, types: tuple[str, ...]) -> bool:
        return (unit_key(name) in self._national or bool(self._gaz.lookup(name, types))
                or bool(self._gaz.capital(name)))


def rule_spans(doc: Doc, *labels: str) -> list[Span]:
    """The doc's rule spans (all, or those with the given labels)."""
    spans = doc.spans[SPANS_KEY] if SPANS_KEY in doc.spans else ()
    return [s for s in spans if not labels or s.label_ in labels]
