"""Typed records passed between stages. All frozen: a stage makes new ones.

Flow: Source -> PageRef (discovered URL) -> FetchedPage -> Article -> Extraction
(officials, places, dates, events, quotes) -> SQLite rows.

Character offsets (``start``/``end``, ``mentions``) always index
``Article.text``: the cleaned text, with paragraphs separated by one blank
line ("\\n\\n"). They are half-open ``[start, end)`` Python string indices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

Offsets = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Listing:
    """A listing/tag/search page whose links matching ``link_pattern`` are articles."""

    url: str
    link_pattern: str = ""
    pages: int = 1
    page_param: str = ""  # e.g. "page" -> ?page=2; "" -> no pagination


@dataclass(frozen=True)
class Source:
    """One outlet (or local input) as configured in ``sources.toml``."""

    name: str
    home: str = ""
    region: str = ""
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()
    urls: tuple[str, ...] = ()
    rate_limit: Optional[float] = None  # requests per second per host; None = settings default
    profile: str = ""  # site profile name; "" = chosen by host, else generic


@dataclass(frozen=True)
class PageRef:
    """A discovered article URL, with what discovery knew about it."""

    url: str
    source: str
    published: Optional[str] = None  # ISO date from a feed or sitemap
    title: str = ""


@dataclass(frozen=True)
class FetchedPage:
    """Raw response for one article URL (possibly several joined pages)."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    encoding: Optional[str]
    fetched_at: str
    source: str = ""
    etag: str = ""
    last_modified: str = ""


@dataclass(frozen=True)
class Article:
    """Clean text plus metadata: the unit of extraction."""

    url: str
    text: str
    title: str = ""
    published: Optional[str] = None  # ISO date (YYYY-MM-DD) or datetime
    canonical_url: str = ""
    outlet: str = ""
    language: str = "id"
    dateline: str = ""
    html_hash: str = ""
    fetched_at: str = ""
    source: str = ""
    #: what was dropped as junk, as (line text) - kept for inspection, not stored
    junk: tuple[str, ...] = field(default=(), compare=False, repr=False)
    # page metadata (extractor.html.metadata); empty when the page does not say
    author: str = ""
    editor: str = ""
    section: str = ""
    tags: tuple[str, ...] = ()
    modified: Optional[str] = None  # ISO datetime of the last update, when stated
    #: where ``published`` came from: jsonld, meta, profile, time, url, dateline (+ the source of the
    #: time when a date-only winner took it from another), given (by the caller), feed (discovery)
    published_from: str = ""
    #: disagreements between metadata sources and how they were settled
    meta_notes: tuple[str, ...] = field(default=(), compare=False)
    profile: str = ""  # site profile that read the body, or "generic" (trafilatura)
    pages: int = 1  # pages joined into this article


@dataclass(frozen=True)
class Official:
    name: str
    rank: Optional[str] = None
    rank_full: Optional[str] = None
    corps: Optional[str] = None
    institution: Optional[str] = None
    position: Optional[str] = None
    unit: Optional[str] = None
    degrees: tuple[str, ...] = ()
    honorific: Optional[str] = None
    mentions: Offsets = ()
    region: Optional[str] = None  # the unit's region: "Muara Enim" for Polres Muara Enim
    region_code: Optional[str] = None  # its Kemendagri code: "16.03"
    rank_order: Optional[int] = None  # seniority within the institution (ranks.toml `order`)


@dataclass(frozen=True)
class Place:
    name: str
    type: str
    code: Optional[str] = None
    province: Optional[str] = None
    mentions: Offsets = ()


@dataclass(frozen=True)
class DateMention:
    date: str
    text: str
    start: int
    end: int
    time: Optional[str] = None  # "13.00 WIB" when stated with the date
    flag: Optional[str] = None  # e.g. "weekday_mismatch"


@dataclass(frozen=True)
class Event:
    type: str
    trigger: str
    start: int
    end: int
    date: Optional[str] = None
    place: Optional[str] = None
    place_code: Optional[str] = None
    actors: tuple[str, ...] = ()
    forces: tuple[str, ...] = ()
    personnel: Optional[int] = None
    personnel_approx: bool = False
    election: Optional[str] = None  # "Pilkada 2024", "Pemilu 2024", "PSU Pilkada 2024"
    stage: Optional[str] = None  # TPS, PPS, PPK, KPU kabupaten/kota, KPU provinsi
    #: BKO / back-up reinforcements counted into ``personnel`` ("ditambah 100 personel BKO")
    personnel_reinforcement: Optional[int] = None
    #: the stated components of ``personnel`` ("terdiri dari 214 personel Polres dan 71 prajurit")
    personnel_parts: tuple[int, ...] = ()
    #: a force per unit, never the event's force: "dua personel per TPS" = 2, "TPS"
    personnel_per_unit: Optional[int] = None
    personnel_unit: Optional[str] = None
    #: the article's main deployment: the event whose force the title states, else the first the
    #: title names with a force, else the first in the text with one (its force is the article's)
    main: bool = False


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker: Optional[str] = None


@dataclass(frozen=True)
class Candidate:
    """An election candidate named in the article, one per person: ``paslon
    nomor urut 2 Teddy–Marjito`` gives Teddy (Bupati, 2) and Marjito (Wakil
    Bupati, 2). Not an official, unless the article also names him in an
    office he holds (a sitting Bupati running again)."""

    name: str
    #: Bupati, Wakil Bupati, Wali Kota, Wakil Wali Kota, Gubernur, Wakil Gubernur, Presiden, Wakil Presiden,
    #: DPR, DPRD, DPD; None when the article does not say
    office: Optional[str] = None
    number: Optional[int] = None  # the ticket number (nomor urut)
    region: Optional[str] = None  # the bare kabupaten/kota/province the office is of: "Musi Banyuasin"
    region_code: Optional[str] = None  # its Kemendagri code: "16.06"
    ticket: Optional[str] = None  # the name the ticket is known by: "BERAKSI"
    running_mate: Optional[str] = None  # the other name of the ticket
    mentions: Offsets = ()


@dataclass(frozen=True)
class PostMention:
    """A post named without its holder (``Kapolres Lahat mengatakan ...``): the
    holder is inferred later from who held the post on the article's date."""

    position: str  # canonical short form (positions.toml): "Kapolres"
    unit: Optional[str]  # the unit it heads or belongs to, when the text makes it clear: "Polres Lahat"
    start: int
    end: int
    region_code: Optional[str] = None


@dataclass(frozen=True)
class Handover:
    """A change of holder of a post (``sertijab``, ``digantikan oleh``,
    ``menjabat sejak``); either side may be unnamed."""

    position: str
    unit: Optional[str]
    start: int  # the sentence that reports it
    end: int
    outgoing: Optional[str] = None  # the official's name as in Extraction.officials
    incoming: Optional[str] = None
    date: Optional[str] = None  # the date the text gives (YYYY-MM-DD), else None
    cue: str = ""  # the words that reported it: "serah terima jabatan", "digantikan oleh"
    region_code: Optional[str] = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    officials: tuple[Official, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateMention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    extractor_version: str = ""
    model_version: str = ""
    candidates: tuple[Candidate, ...] = ()
    #: other people the NER model names (PER spans that are not officials): (name, start, end);
    #: empty when extracted without them (``extract_many(persons=False)``, as ingest does: nothing stored reads them)
    persons: tuple[tuple[str, int, int], ...] = ()
    #: the kabupaten/kota (or province) where the article's events happen
    primary_region: Optional[Place] = None
    #: the article's force: its main event's personnel, else the largest force a sentence deploys
    personnel: Optional[int] = None
    personnel_approx: bool = False
    #: posts named without a holder, and handovers of posts (extractor.nlp.holders)
    posts: tuple[PostMention, ...] = ()
    handovers: tuple[Handover, ...] = ()
