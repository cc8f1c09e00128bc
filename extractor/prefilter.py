"""The prefilter: which raw WARC responses are worth parsing at all.

Common Crawl News is mostly other languages and other topics; parsing a page
costs ~7 ms and extracting it ~20 ms, so the records are filtered first, on
their headers and raw bytes, by gates in order of cost. Each gate counts what
it dropped:

``record_type``  not a response (requests, metadata, warcinfo, ...)
``status``       a response whose HTTP status is not 200
``content_type`` a 200 response that is not HTML
``language``     an HTML page that is not in Indonesian (:func:`page_language`:
                 its title and description, and when they do not settle it a
                 bounded sample of its text), by pycld2 (chosen by measurement over
                 resiliparse and lingua: ``benchmarks/bench_langid.py``; it alone
                 tells Malay, Javanese and Sundanese from Indonesian)
``keywords``     an Indonesian page with no election term or no security term
                 in its raw bytes (:class:`KeywordGate`)

The keywords are the strong terms of ``nlp/lexicons/relevance.toml``: the
relevance score is 0 unless the text has an election term and a security
term (or a term that is both), so the gate drops only pages that would score
0 (stored, never extracted). Matching is on the raw bytes, lower-cased
(ASCII), with the relevance score's word boundaries: the page's text is part
of its bytes, so a page the score would keep passes.

Pure functions and a counter object; no parsing of HTML, no database.
"""

from __future__ import annotations

import html
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Optional

from .warcreader import HTML_TYPES, Record

GATES = ("record_type", "status", "content_type", "language", "keywords")
SAMPLE_CHARS = 1000  # text given to the language detector
_TAG = re.compile(rb"<[^>]*>")
_HIDDEN = re.compile(rb"<(script|style|noscript|template)\b.*?</\1\s*>", re.S | re.I)
_META = re.compile(rb"<meta\b[^>]*?(?:name|property)\s*=\s*[\"'](?:og:)?description[\"'][^>]*>", re.I)
_CONTENT = re.compile(rb"content\s*=\s*(?:\"([^\"]*)\"|'([^']*)')", re.I)


# --------------------------------------------------------------------------- language
def _between(body: bytes, open_tag: bytes, close_tag: bytes, start: int = 0) -> tuple[Optional[bytes], int]:
    i = body.find(open_tag, start)
    if i < 0:
        return None, -1
    gt = body.find(b">", i)
    j = body.find(close_tag, gt)
    if gt < 0 or j < 0:
        return None, -1
    return body[gt + 1:j], j + len(close_tag)


def _title(body: bytes) -> Optional[bytes]:
    for tag in (b"<title", b"<TITLE", b"<Title"):
        i = body.find(tag, 0, 65536)
        if i >= 0:
            gt = body.find(b">", i)
            j = body.find(b"</", gt)
            return body[gt + 1:j] if gt >= 0 and j >= 0 else None
    return None


def _description(body: bytes) -> Optional[bytes]:
    i = body.find(b"description", 0, 65536)  # a plain find first: the regex alone scans 64 kB of a page without one
    if i < 0:
        i = body.find(b"DESCRIPTION", 0, 65536)
        if i < 0:
            return None
    m = _META.search(body, max(0, body.rfind(b"<", 0, i) - 1024), 65536)
    if m:
        c = _CONTENT.search(m.group(0))
        if c:
            return c.group(1) or c.group(2) or None
    return None


def _text(parts: list[bytes], limit: int) -> str:
    text = b" ".join(parts)[:limit * 2].decode("utf-8", "replace")
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())[:limit]


class _Sample:
    """One page's text for the language detector, built as far as asked and
    no further: :meth:`head` (title and description) and :meth:`text` (then
    the ``<p>`` paragraphs after ``<body``), each a function of the page and
    the limit alone; a longer sample goes on from where a shorter one
    stopped, so the page is searched once."""

    def __init__(self, body: bytes):
        self.body = body
        self.parts = [p for p in (_title(body), _description(body)) if p]
        self.heads = len(self.parts)
        self.size = sum(len(p) for p in self.parts)
        self.limit = 0  # the largest limit asked so far
        self.start = -1  # where paragraphs are looked for: ``<body``, else 0 (-1: not looked up yet)
        self.at = 0  # where the next paragraph is looked for
        self.done = False  # no paragraph after ``at``

    def head(self) -> str:
        return _text(self.parts[:self.heads], SAMPLE_CHARS)

    def text(self, limit: int) -> str:
        if limit < self.limit:  # the paragraphs read for a longer sample would show: start again
            return _Sample(self.body).text(limit)
        self.limit = limit
        body = self.body
        if self.start < 0:
            self.start = self.at = max(body.find(b"<body"), 0)
        i = self.at
        while self.size < limit and not self.done:
            i = body.find(b"<p", i)
            if i < 0:
                self.done = True
                break
            if body[i + 2:i + 3] not in (b">", b" ", b"\t", b"\n", b"\r"):
                i += 2
                continue
            j = body.find(b"</p", i)
            if j < 0:
                self.done = True
                break
            seg = body[body.find(b">", i) + 1:j]
            if b"<" in seg:
                seg = _TAG.sub(b" ", seg)
            seg = seg.strip()
            if seg:
                self.parts.append(seg)
                self.size += len(seg)
            i = j + 3
        self.at = i
        parts = self.parts
        if self.size < 200:  # no paragraphs: the page's text, scripts and styles dropped
            chunk = body[self.start:self.start + 65536]
            parts = parts + [_TAG.sub(b" ", _HIDDEN.sub(b" ", chunk))]
        return _text(parts, limit)


def head_sample(body: bytes) -> str:
    """The page's title and meta description: found in its first 64 kB with
    a few finds, enough to recognise most pages in a far language."""
    return _Sample(body).head()


def text_sample(body: bytes, limit: int = SAMPLE_CHARS) -> str:
    """Visible text from a page, cheaply and bounded: its title, its meta
    description and its first ``<p>`` paragraphs, up to ``limit`` characters;
    for a page without paragraphs, the text of the first 64 kB of its body.
    Costs a few finds and small regex passes, never a parse of the page."""
    return _Sample(body).text(limit)


def _detect(text: str) -> tuple[bool, tuple]:
    import pycld2

    try:
        reliable, _, langs = pycld2.detect(text)[:3]
        return reliable, langs
    except pycld2.error:  # lone surrogates and the like
        return False, (("Unknown", "un", 0, 0.0),)


def language(text: str) -> str:
    """The language of ``text`` as CLD2 names it (ISO 639-1: ``id``, ``ms``,
    ``jw`` for Javanese, ``su``, ``en``, ...; ``un`` when it cannot tell)."""
    return _detect(text)[1][0][1]


#: languages a page's head alone never rules out: Indonesian, its neighbours, and "unknown"
CLOSE = frozenset({"id", "ms", "jw", "su", "tl", "un"})
HEAD_MIN = 120  # characters of title + description below which the head decides nothing


def page_language(body: bytes) -> str:
    """The language of a page, in steps that stop as soon as they are sure:
    its head (title and description) settles a reliable far language
    (English, Vietnamese, ...) for a few microseconds; else a text sample
    (:func:`text_sample`) of :data:`SAMPLE_CHARS`; a verdict of a
    neighbouring language (Malay, Javanese, ...) or none is looked at again
    on a sample four times longer, since a short Indonesian sample can read
    as Malay. Measured on the dev titles with their leads, the head step
    ruled out no Indonesian article."""
    sample = _Sample(body)
    head = sample.head()
    if len(head) >= HEAD_MIN:
        reliable, langs = _detect(head)
        if reliable and not any(code in CLOSE for _, code, pct, _ in langs if pct > 0):
            return langs[0][1]
    text = sample.text(SAMPLE_CHARS)
    lang = language(text)
    if lang != "id" and lang in CLOSE:
        longer = sample.text(4 * SAMPLE_CHARS)
        if longer != text:  # a page with no more text than that: the same verdict
            lang = language(longer)
    return lang


def is_indonesian(body: bytes) -> bool:
    return page_language(body) == "id"


# --------------------------------------------------------------------------- keywords
def expand(pattern: str) -> list[str]:
    """The strings a lexicon term matches (lower case). Terms are regular
    expressions of a small, finite kind: literals, ``(?:a|b)`` groups,
    ``[xy]`` classes and ``?`` after a character, a class or a group."""
    out, rest = _seq(pattern.lower(), 0)
    if rest != len(pattern):
        raise ValueError(f"unsupported term syntax at {rest}: {pattern!r}")
    return sorted(set(out))


def _seq(p: str, i: int) -> tuple[list[str], int]:
    """Alternatives of a sequence starting at ``i``, up to ``)`` or the end."""
    alts: list[str] = []
    cur = [""]
    while i < len(p) and p[i] != ")":
        if p[i] == "|":
            alts += cur
            cur = [""]
            i += 1
            continue
        if p.startswith("(?:", i):
            opts, i = _seq(p, i + 3)
            if i >= len(p) or p[i] != ")":
                raise ValueError(f"unclosed group in {p!r}")
            i += 1
        elif p[i] == "[":
            j = p.index("]", i)
            opts = list(p[i + 1:j])
            if any(c in "^-\\" for c in opts):
                raise ValueError(f"unsupported class in {p!r}")
            i = j + 1
        elif p[i] == "\\":
            opts, i = [p[i + 1]], i + 2
        elif p[i] in "*+{}.^$(":
            raise ValueError(f"unsupported term syntax {p[i]!r} in {p!r}")
        else:
            opts, i = [p[i]], i + 1
        if i < len(p) and p[i] == "?":
            opts = opts + [""]
            i += 1
        cur = [c + o for c in cur for o in opts]
        if len(cur) > 4096:
            raise ValueError(f"term expands too far: {p!r}")
    return alts + cur, i


WINDOW = 16384  # bytes of a page the keyword automaton searches at a time
_WORD_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") | frozenset(range(128, 256))


@dataclass(frozen=True)
class KeywordGate:
    """Election terms, security terms and terms that are both, matched as
    whole words in lower-cased raw bytes with an Aho-Corasick automaton
    (``ahocorasick-rs``)."""

    terms: tuple[bytes, ...]
    sides: tuple[int, ...]  # per term: 1 election, 2 security, 3 both

    @classmethod
    def from_relevance(cls) -> "KeywordGate":
        data = tomllib.loads(resources.files("extractor.nlp").joinpath("lexicons", "relevance.toml")
                             .read_text("utf-8"))
        side: dict[bytes, int] = {}
        for group, bit in ((data["election"]["strong"], 1), (data["security"]["strong"], 2),
                           (data["both"]["terms"], 3)):
            for term in group:
                for s in expand(term):
                    key = s.encode("utf-8")
                    side[key] = side.get(key, 0) | bit
        terms = tuple(sorted(side))
        return cls(terms, tuple(side[t] for t in terms))

    def sides_found(self, body: bytes) -> int:
        """Bit 1: an election term, bit 2: a security term (3: both kinds).
        The page is searched in windows of :data:`WINDOW` bytes (each
        overlapping the next by the longest term, so every occurrence lies
        whole in one), and the search stops at the window where both kinds
        are found: often the first, since titles and leads carry them."""
        automaton = _automaton(self.terms)
        over = self.longest - 1
        n = len(body)
        found = 0
        for at in range(0, n, WINDOW):
            low = body[at:at + WINDOW + over].lower()
            for idx, start, end in automaton.find_matches_as_indexes(low, overlapping=True):
                start += at
                end += at
                # the bytes around a match, as the lower-cased ones would: lower() only maps A-Z to a-z
                if start > 0 and body[start - 1] in _WORD_BYTES:
                    continue
                if end < n and body[end] in _WORD_BYTES:
                    continue
                found |= self.sides[idx]
                if found == 3:
                    return found
        return found

    @cached_property
    def longest(self) -> int:
        return max(map(len, self.terms), default=1)

    def __call__(self, body: bytes) -> bool:
        return self.sides_found(body) == 3


@lru_cache(maxsize=4)
def _automaton(terms: tuple[bytes, ...]):
    import ahocorasick_rs

    return ahocorasick_rs.BytesAhoCorasick(list(terms), implementation=ahocorasick_rs.Implementation.DFA)


@lru_cache(maxsize=1)
def keyword_gate() -> KeywordGate:
    return KeywordGate.from_relevance()


# --------------------------------------------------------------------------- the gates in order
class Prefilter:
    """The gates over one input's records, with what each dropped.
    ``accept`` sees a record's headers (before its body is read), ``keep``
    the record with its body; both count. ``counts`` has one entry per gate
    in :data:`GATES`, ``passed``, and ``records``, their sum (a record cut
    short after its headers passed is a loss of the reader, in no count)."""

    def __init__(self, *, languages: tuple[str, ...] = ("id",), keywords: bool = True):
        self.languages = languages
        self.keywords = keyword_gate() if keywords else None
        self.counts: Counter = Counter({g: 0 for g in ("records", *GATES, "passed")})

    def accept(self, r: Record) -> bool:
        c = self.counts
        gate = ("record_type" if r.type != "response" else "status" if r.status != 200
                else "content_type" if r.content_type not in HTML_TYPES else None)
        if gate is None:
            return True
        c[gate] += 1
        c["records"] += 1
        return False

    def keep(self, r: Record) -> bool:
        body = r.body or b""
        c = self.counts
        c["records"] += 1
        if page_language(body) not in self.languages:
            c["language"] += 1
            return False
        if self.keywords is not None and not self.keywords(body):
            c["keywords"] += 1
            return False
        c["passed"] += 1
        return True

    def as_dict(self) -> dict[str, int]:
        return dict(self.counts)
