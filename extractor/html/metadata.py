"""Article metadata as a fallback chain of small functions, each testable
alone. Every ``from_*`` function takes the parsed page (an lxml root; the
URL-only ones accept None) and returns the candidate values it found:

    from_jsonld     JSON-LD NewsArticle/Article/BlogPosting (also inside @graph)
    from_meta       OpenGraph, article:*, twitter:*, name=... meta tags, rel=canonical
    from_profile    the site profile's visible elements (title, date, byline, tags)
    from_time       <time datetime>, itemprop=datePublished (not in lists of other stories)
    from_url        a date in the URL (/2024/11/30/, /20241130..., /30/11/2024/, /16/02/15/
                    yy/mm/dd, a Unix time closing the slug)
    from_visible    the page's date stamp anywhere in the page ("Selasa, 23 Februari 2016
                    15:06 WIB", "Kamis, 05/11/2015 09:25 WIB"), nearest the headline
    from_title_tag  <h1>, then <title> without the " - Outlet" suffix; every <h1>
    from_dateline   the dateline of the cleaned text: "Sabtu (30/11/2024)"
    from_htmldate   htmldate (original date): the generic source after pantau's own
                    and their cross-check; its extensive search only when nothing answered

:func:`resolve` picks, per field, the value of the most reliable source that
answered (:data:`ORDER`). Every datetime is first put in the zone the page
states (WIB/WITA/WIT in a date it shows, or the offset of its metadata;
WIB for an Indonesian page that states none): an instant in another offset
is converted, so 00:00-06:59 WIB in UTC keeps its day, unless the page
shows the same clock time, which makes the offset a mislabel of the local
time (:func:`localise`). When sources disagree on the day, the choice
stands and the disagreement is written to ``Meta.notes``; the winning
source's name is ``Meta.published_from``. A date-only winner takes the time
(and zone) of a less reliable source stating the same day. The title is the
chosen title without the site's affixes, or the ``<h1>`` it merely affixes
(:mod:`.titles`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Optional

import lxml.etree
from lxml.cssselect import CSSSelector

from .clean import ZONES, _WS, date_stamp, dateline_date, parse_datetime
from .document import split_url
from .profiles import Profile
from .titles import headline

ARTICLE_TYPES = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "BackgroundNewsArticle", "Report", "LiveBlogPosting"}

#: sources per field, most reliable first
ORDER: dict[str, tuple[str, ...]] = {
    "title": ("jsonld", "meta", "profile", "title_tag"),
    "published": ("jsonld", "meta", "profile", "time", "url", "visible", "dateline", "htmldate"),
    "modified": ("jsonld", "meta", "profile", "time", "visible"),
    "author": ("profile", "jsonld", "meta"),
    "editor": ("profile", "jsonld"),
    "outlet": ("meta", "jsonld", "profile"),
    "section": ("jsonld", "meta", "profile"),
    "tags": ("jsonld", "meta", "profile"),
    "canonical": ("meta", "jsonld"),
    "language": ("title_tag", "jsonld", "meta"),
}
#: sources that carry a date as the page shows it (``shown``): its zone word, its clock time
_SHOWN = ("profile", "visible", "time")
_ZONE_WORD = re.compile(r"\b(WIB|WITA|WIT)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Meta:
    title: str = ""
    published: Optional[str] = None
    published_from: str = ""
    modified: Optional[str] = None
    modified_from: str = ""
    canonical: str = ""
    author: str = ""
    editor: str = ""
    outlet: str = ""
    section: str = ""
    tags: tuple[str, ...] = ()
    language: str = ""
    notes: tuple[str, ...] = ()


@lru_cache(maxsize=512)
def css(selector: str) -> CSSSelector:
    return CSSSelector(selector, translator="html")


def _text(el, br: str = " ") -> str:
    """The element's text; ``<br>`` becomes ``br``."""
    parts: list[str] = []
    for node in el.iter():
        if node is not el and node.tag == "br":
            parts.append(br)
        elif isinstance(node.tag, str) and node.tag not in ("script", "style") and node.text:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    return _WS.sub(" ", "".join(parts)).strip()


def _first_text(root, selectors) -> str:
    for sel in selectors:
        for el in css(sel)(root):
            t = _text(el)
            if t:
                return t
    return ""


def _all_texts(root, selectors, br: str = " ") -> list[str]:
    for sel in selectors:
        found = [t for t in (_text(el, br) for el in css(sel)(root)) if t]
        if found:
            return found
    return []


# --------------------------------------------------------------------------- JSON-LD
def _loads(raw: str):
    try:
        return json.loads(raw, strict=False)
    except ValueError:
        pass
    fixed = re.sub(r",\s*([}\]])", r"\1", raw.strip().rstrip(";"))  # trailing commas, a stray ;
    fixed = re.sub(r"[\x00-\x1f]", " ", fixed)
    try:
        return json.loads(fixed, strict=False)
    except ValueError:
        return None


def _walk(data):
    if isinstance(data, list):
        for x in data:
            yield from _walk(x)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk(data["@graph"])


def _names(v) -> str:
    if isinstance(v, list):
        return ", ".join(filter(None, (_names(x) for x in v)))
    if isinstance(v, dict):
        return str(v.get("name") or "").strip()
    return str(v or "").strip() if not str(v or "").startswith("http") else ""


def _strings(v) -> list[str]:
    if isinstance(v, list):
        return [s for x in v for s in _strings(x)]
    if isinstance(v, str):
        return [s.strip() for s in v.split(",") if s.strip()]
    return []


def from_jsonld(root, url: str = "") -> dict:
    for tag in root.iter("script"):
        if "ld+json" not in (tag.get("type") or ""):
            continue
        data = _loads(tag.text or "")
        for item in _walk(data):
            kind = item.get("@type")
            kinds = set(kind if isinstance(kind, list) else [kind])
            if not kinds & ARTICLE_TYPES:
                continue
            page = item.get("mainEntityOfPage")
            canonical = page.get("@id", "") if isinstance(page, dict) else page if isinstance(page, str) else ""
            section = item.get("articleSection")
            return {
                "title": str(item.get("headline") or item.get("name") or "").strip(),
                "published": parse_datetime(str(item.get("datePublished") or "")),
                "modified": parse_datetime(str(item.get("dateModified") or "")),
                "author": _names(item.get("author")),
                "editor": _names(item.get("editor")),
                "outlet": _names(item.get("publisher")),
                "section": (section[0] if isinstance(section, list) and section else section or "") if not
                           isinstance(section, dict) else "",
                "tags": tuple(_strings(item.get("keywords"))),
                "canonical": canonical or str(item.get("url") or ""),
                "language": str(item.get("inLanguage") or "")[:2].lower(),
            }
    return {}


# --------------------------------------------------------------------------- meta tags
def _meta_index(root) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in root.iter("meta"):
        content = (m.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = m.get(attr)
            if key:
                out.setdefault(key.strip().lower(), []).append(content)
    return out


def from_meta(root, url: str = "") -> dict:
    idx = _meta_index(root)

    def first(*names) -> str:
        for n in names:
            if idx.get(n):
                return idx[n][0]
        return ""

    def date(*names) -> Optional[str]:
        for n in names:
            for v in idx.get(n, ()):
                got = parse_datetime(v)
                if got:
                    return got
        return None

    canonical = ""
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = link.get("href").strip()
            break
    tags = idx.get("article:tag") or _strings(first("news_keywords", "keywords"))
    author = first("author", "content_author", "dtk:author", "article:author", "twitter:creator")
    locale = first("og:locale", "content-language", "language")
    return {
        "title": first("og:title", "twitter:title", "title", "dc.title"),
        "published": date("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                          "publishdate", "publish-date", "content_publisheddate", "dtk:publishdate", "dc.date",
                          "dc.date.issued", "date", "sailthru.date", "parsely-pub-date"),
        "modified": date("article:modified_time", "og:updated_time", "datemodified", "last-modified"),
        "author": "" if author.startswith(("http", "@")) else author,
        "outlet": first("og:site_name", "application-name", "publisher"),
        "section": first("article:section", "content_category", "dtk:kanal", "section"),
        "tags": tuple(t.strip() for t in tags if t.strip()),
        "canonical": canonical or first("og:url"),
        "language": locale[:2].lower(),
    }


# --------------------------------------------------------------------------- the page itself
_AUTHOR_LABEL = re.compile(r"(?:penulis|reporter|pewarta|wartawan|author|oleh|laporan)\s*[:：]?\s*"
                           r"([^|:\n]+?)\s*(?=\||$|\s(?:editor|redaktur|penyunting)\b)", re.IGNORECASE)
_EDITOR_LABEL = re.compile(r"(?:editor|redaktur|penyunting)\s*[:：]?\s*([^|:\n]+?)\s*(?=\||$|\s(?:penulis|reporter|pewarta)\b)",
                           re.IGNORECASE)


def _byline(text: str, label: re.Pattern, bare: bool) -> str:
    m = label.search(text)
    if m:
        return m.group(1).strip(" ,.-")
    if bare and not re.search(r"[:|]", text) and len(text.split()) <= 6:
        return text.strip(" ,.-")
    return ""


def _first_date(root, selectors) -> tuple[Optional[str], str]:
    """(ISO value, text) of the first matching element that holds a date, in
    its datetime/content/title attribute or its text, and is not in a list
    of other stories (an older layout may give a sidebar the class)."""
    for sel in selectors:
        for el in css(sel)(root):
            if in_headline_list(el):
                continue
            text = _text(el)
            for raw in (el.get("datetime"), el.get("content"), el.get("title"), text):
                got = parse_datetime(raw or "")
                if got:
                    return got, text
    return None, ""


def from_profile(root, url: str = "", profile: Optional[Profile] = None) -> dict:
    if profile is None:
        return {}
    published, shown = _first_date(root, profile.date)
    modified, _ = _first_date(root, profile.modified)
    author_text = " | ".join(_all_texts(root, profile.author, " | "))
    editor_text = " | ".join(_all_texts(root, profile.editor, " | "))
    return {
        "title": _first_text(root, profile.title),
        "published": published,
        "modified": modified,
        "author": _byline(author_text, _AUTHOR_LABEL, True),
        "editor": _byline(editor_text, _EDITOR_LABEL, not profile.editor == profile.author),
        "outlet": profile.outlet,
        "section": (_all_texts(root, profile.section) or [""])[-1],
        "tags": tuple(dict.fromkeys(_all_texts(root, profile.tags))),
        "shown": shown,
    }


def _tag(el) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def in_headline_list(el) -> bool:
    """Whether an element sits in a list of other stories (a headline link
    of five words or more, a list item with a link, a small box - up to
    three levels up, under 300 characters - holding such a headline): the
    date there is another story's. A permalink around the page's own date
    or time (Blogger's ``<a><abbr>16:30</abbr></a>``, ``<a>26 November
    2024 - 15:20 WIB</a>``) is not."""
    node, depth = el, 0
    while node is not None and depth < 4:
        if _tag(node) == "a" and _is_headline(_text(node)):
            return True
        node, depth = node.getparent(), depth + 1
    node, depth = el, 0
    while node is not None and depth < 4:
        tag = _tag(node)
        if tag in _BOXES:
            if len(node.text_content()) >= 300:
                return False
            links = [_text(a) for a in node.iter("a")]
            if tag == "li" and any(links) or any(_is_headline(t) for t in links):
                return True
        node, depth = node.getparent(), depth + 1
    return False


_BOXES = frozenset({"li", "div", "p", "td", "tr", "dd", "dt", "article", "section", "header"})


def _is_headline(text: str) -> bool:
    """Link text that reads as a headline: five words or more (an author's
    name has fewer), and not just a date and time."""
    return len(text.split()) >= 5 and not (len(text) <= 45 and parse_datetime(text))



def from_time(root, url: str = "") -> dict:
    for sel in ("[itemprop=datePublished]", "time[datetime]", "time"):
        for el in css(sel)(root):
            if in_headline_list(el):
                continue
            shown = _text(el)
            got = parse_datetime(el.get("datetime") or el.get("content") or el.get("title") or shown)
            if got:
                return {"published": got, "shown": shown}
    return {}


_URL_DATES = (
    (re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)"), "ymd"),  # /2016/02/15/, /2016-02-15-
    (re.compile(r"(?:/|-|_)((?:19|20)\d{2})(\d{2})(\d{2})\d*(?:/|-|_|\.html?|$)"), "ymd"),  # /20160215..., -20160215.html
    (re.compile(r"/(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})/"), "dmy"),  # /29/11/2024/
    (re.compile(r"/(\d{2})/(\d{2})/(\d{2})/"), "yymd"),  # /16/02/15/ (Republika)
)
#: a Unix time closing the last path segment: "...-judul-1456270200" (SINDOnews)
_URL_EPOCH = re.compile(r"-(1[0-9]{9})(?:\.html?)?/?$")


def from_url(root, url: str) -> dict:
    """A date the URL carries: ``/2016/02/15/``, ``/20160215...``,
    ``/29/11/2024/``, ``/16/02/15/`` (yy/mm/dd), or a Unix time at the end
    of the slug (an instant: given in UTC, shown in the page's zone later)."""
    path = split_url(url).path
    for rx, order in _URL_DATES:
        m = rx.search(path)
        if not m:
            continue
        a, b, c = (int(x) for x in m.groups())
        y, mo, d = (a, b, c) if order == "ymd" else (c, b, a) if order == "dmy" else (2000 + a, b, c)
        day = _plausible(y, mo, d)
        if day:
            return {"published": day}
    m = _URL_EPOCH.search(path)
    if m:
        when = dt.datetime.fromtimestamp(int(m.group(1)), dt.timezone.utc)
        if dt.datetime(2001, 1, 1, tzinfo=dt.timezone.utc) < when < dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1):
            return {"published": when.isoformat()}
    return {}


def _plausible(y: int, mo: int, d: int) -> Optional[str]:
    """An ISO day for a date that exists and is not in the future."""
    try:
        day = dt.date(y, mo, d)
    except ValueError:
        return None
    return day.isoformat() if 1995 <= y and day <= dt.date.today() + dt.timedelta(days=1) else None


def from_title_tag(root, url: str = "") -> dict:
    out: dict = {}
    html = root.getroottree().getroot() if root is not None else None
    if html is not None:
        out["language"] = (html.get("lang") or html.get("xml:lang") or "")[:2].lower()
    title = ""
    for t in root.iter("title"):
        title = re.split(r"\s+[|–—~-]\s+(?=[^|–—~-]{2,40}$)", _text(t))[0]
        break
    h1s = [t for t in (_text(h) for h in root.iter("h1")) if t]
    out["h1s"] = tuple(h1s)
    # an <h1> is the headline unless it is the site's name (Blogger, old themes): then <title> wins
    for h1 in h1s:
        if not title or _key(h1) in _key(title) or _key(title) in _key(h1):
            out["title"] = h1
            return out
    if title or h1s:
        out["title"] = title or h1s[0]
    return out


def _key(s: str) -> str:
    return re.sub(r"\W+", "", s.lower())


_SHORT_TEXTS = lxml.etree.XPath("//body//text()[string-length(.) < 200]")
_YEAR = re.compile(r"(?:19|20)\d\d")  # filtered in Python: EXSLT's re:test calls back into Python per node, 10x slower
_NOT_SHOWN = frozenset({"script", "style", "noscript", "template", "textarea", "option", "title", "head"})
_DATE_HINT = re.compile(r"date|time|tanggal|tgl|waktu|publish|posted|jam", re.IGNORECASE)


def from_visible(root, url: str = "") -> dict:
    """The page's date stamp found anywhere in the page, in whatever
    container: a short line such as ``Selasa, 23 Februari 2016 15:06 WIB``
    or ``Kamis, 05/11/2015 09:25 WIB`` (a weekday or a time with the date;
    a bare date only in an element, or its parent, named like a date). Stamps of other
    stories (links, lists of dated headlines) are passed over; of the rest,
    the stamp with a time nearest the headline (``<h1>``, in document order;
    after it on a tie) wins, else a stamp without a time the same way: a
    "today" widget in the page header and the dates of comments are further
    away. A stamp labelled as an update gives ``modified``."""
    texts = [t for t in _SHORT_TEXTS(root) if _YEAR.search(t)]
    if not texts:
        return {}
    order = {el: i for i, el in enumerate(root.iter())}
    h1 = _headline_element(root)
    h1_at = order.get(h1, -1) if h1 is not None else -1
    placed = []
    for t in texts:
        el = t.getparent()
        if el is not None and t.is_tail:
            el = el.getparent()
        if el is not None and _tag(el) not in _NOT_SHOWN:
            at = order.get(el, 0) + (0.5 if t.is_tail else 0)
            placed.append((abs(at - h1_at), at < h1_at, at, t, el))
    placed.sort(key=lambda x: x[:3])  # nearest the headline first: the first stamp with a time ends the search
    out: dict = {}
    undated = None
    for _, _, at, t, el in placed:
        iso, shown, upd = _stamp_at(t, el)
        if not iso:
            continue
        if upd:
            out.setdefault("modified", iso)
        elif len(iso) > 10:
            out.update(published=iso, shown=shown)
            return out
        elif undated is None:
            undated = (iso, shown)
    if undated:
        out.update(published=undated[0], shown=undated[1])
    return out


def _stamp_at(t: str, el) -> tuple[Optional[str], str, bool]:
    """(ISO value, shown text, updated) of a text node that is the page's
    own date stamp; (None, '', False) otherwise."""
    iso, upd = date_stamp(t)
    if not iso:
        parent = el.getparent()
        names = [el.get("class"), el.get("id"), _tag(el)] + ([parent.get("class"), parent.get("id")] if parent is not None
                                                              else [])
        hinted = _DATE_HINT.search(" ".join(filter(None, names)))
        got = parse_datetime(t) if hinted and len(t.strip()) <= 40 and not t.strip().startswith("(") else None
        iso, upd = (got, False) if got else (None, False)
    if not iso or in_headline_list(el):
        return None, "", False
    shown = " ".join(str(t).split())
    box = el
    for _ in range(3):  # the time may stand in the next node: "<span>Selasa, 23 Feb 2016</span> <span>15:06</span>"
        if len(iso) > 10 or box is None:
            break
        whole = _text(box)
        fuller = date_stamp(whole)[0] if len(whole) <= 100 else None
        if fuller and fuller[:10] == iso and len(fuller) > 10:
            iso, shown = fuller, whole
        box = box.getparent()
    return iso, shown, upd


def _headline_element(root):
    """The page's headline element: the first ``<h1>`` (else ``<h2>``,
    ``<h3>``) of three words or more that the ``<title>`` spells, else the
    first such ``<h1>``."""
    title = _key(next((_text(t) for t in root.iter("title")), ""))
    heads = [h for h in root.iter("h1", "h2", "h3") if len(_text(h).split()) >= 3]
    for level in ("h1", "h2", "h3"):
        for h in heads:
            if h.tag == level and title and _key(_text(h)) in title:
                return h
    return next((h for h in heads if h.tag == "h1"), None)


def from_htmldate(root, url: str = "", *, extensive: bool = False) -> dict:
    """htmldate's answer (a day: its original date), as the generic source
    after pantau's own and as a cross-check of them. ``extensive`` (its
    search of the whole text) only when nothing else answered."""
    from htmldate import find_date

    try:
        got = find_date(root, extensive_search=extensive, original_date=True, url=url or None)
    except (ValueError, TypeError, AttributeError, OverflowError, RecursionError, lxml.etree.LxmlError):
        return {}
    return {"published": got} if got else {}


def from_dateline(text: str) -> dict:
    got = dateline_date(text)
    return {"published": got} if got else {}


CHAIN: tuple[Callable, ...] = (from_jsonld, from_meta, from_profile, from_time, from_url, from_visible,
                               from_title_tag)


# --------------------------------------------------------------------------- choosing
def _day(value: str) -> str:
    return value[:10]


def _instant(value: str) -> Optional[dt.datetime]:
    try:
        d = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return d if d.tzinfo else None


def _same_time(a: str, b: str) -> bool:
    ia, ib = _instant(a), _instant(b)
    if ia and ib:
        return ia == ib
    return a[:16] == b[:16] if len(a) > 10 and len(b) > 10 else _day(a) == _day(b)


def _zoned(value: str) -> bool:
    return len(value) > 19 and value[-6] in "+-"


def _tz(offset: str) -> dt.timezone:
    sign = -1 if offset[0] == "-" else 1
    return dt.timezone(sign * dt.timedelta(hours=int(offset[1:3]), minutes=int(offset[4:6])))


def page_zone(found: dict[str, dict], url: str = "") -> tuple[Optional[str], bool]:
    """(UTC offset of the page's zone, whether the page states it). Stated:
    WIB/WITA/WIT in a date the page shows, else the offset of a zoned
    datetime in its metadata that is one of those three. Not stated: WIB
    for a page in Indonesian (or in no declared language); None otherwise."""
    for src in _SHOWN:
        m = _ZONE_WORD.search(found.get(src, {}).get("shown", ""))
        if m:
            return ZONES[m.group(1).lower()], True
    for src in ("jsonld", "meta", "profile", "time", "visible"):
        v = found.get(src, {}).get("published") or ""
        if _zoned(v) and v[-6:] in ZONES.values():
            return v[-6:], True
    lang = next((found.get(src, {}).get("language") for src in ORDER["language"] if found.get(src, {}).get("language")),
                "")
    host = split_url(url).hostname or ""
    if lang in ("", "id", "in") or host.endswith(".id"):
        return ZONES["wib"], False
    return None, False


def shown_clocks(found: dict[str, dict]) -> frozenset[str]:
    """The clock times (``HH:MM``) of the dates the page shows in its own
    words, in local time (no zone, or WIB/WITA/WIT; a shown ISO value with
    another offset is not the page's own clock)."""
    out = set()
    for src in _SHOWN:
        text = found.get(src, {}).get("shown", "")
        got = parse_datetime(text) if text else None
        if got and len(got) > 10 and (not _zoned(got) or got[-6:] in ZONES.values()):
            out.add(got[11:16])
    return frozenset(out)


def localise(value: str, zone: Optional[str], clocks: frozenset[str] = frozenset()) -> str:
    """A datetime in the page's zone: an instant in another offset is
    converted (``2016-02-22T17:20:00+00:00`` -> ``2016-02-23T00:20:00+07:00``),
    unless the page shows that same clock time, which makes the offset a
    mislabel of the local time (``23:30Z`` beside ``23:30 WIB`` is 23:30
    WIB). Dates, naive times and values already in the zone are unchanged."""
    if not zone or not _zoned(value) or value.endswith(zone):
        return value
    if value[11:16] in clocks:
        return value[:19] + zone
    inst = _instant(value)
    return inst.astimezone(_tz(zone)).isoformat() if inst else value


def _choose_date(field: str, found: dict[str, dict], zone: Optional[str], clocks: frozenset[str],
                 stated: bool) -> tuple[Optional[str], str, list[str]]:
    cands = [(src, localise(found[src][field], zone, clocks)) for src in ORDER[field]
             if found.get(src, {}).get(field)]
    if not cands:
        return None, "", []
    src, value = cands[0]
    notes = []
    origin = src
    if len(value) == 10:  # date only: take the time of a source stating the same day
        for s2, v2 in cands[1:]:
            if len(v2) > 10 and _day(v2) == value:
                value, origin = v2, f"{src}+{s2}"
                break
    if stated and len(value) > 10 and not _zoned(value):
        # naive time: the page's stated zone applies when a zoned source agrees on the clock time
        if any(v2[:16] == value[:16] and v2.endswith(zone) for _, v2 in cands):
            value += zone
    utc_day = _instant(value).astimezone(dt.timezone.utc).date().isoformat() if _instant(value) else _day(value)
    for s2, v2 in cands[1:]:
        if s2 == "dateline":
            if _day(v2) != _day(value):
                notes.append(f"{field}: {origin} {value} chosen; the dateline says {v2}")
            continue
        if s2 == "htmldate":  # a day, maybe read from a UTC value: a disagreement is one with both days
            if _day(v2) not in (_day(value), utc_day):
                notes.append(f"{field}: {origin} {value} chosen; htmldate says {v2}")
            continue
        if not _same_time(value, v2) and _day(v2) != _day(value):
            notes.append(f"{field}: {origin} {value} chosen over {s2} {v2}")
    return value, origin, notes


def resolve(found: dict[str, dict], url: str = "", affixes: Iterable[str] = ()) -> Meta:
    """One Meta from the candidates of each source (``{source: {field: value}}``).
    ``affixes`` are site affixes learned for the URL's host (see :mod:`.titles`)."""
    def pick(field: str):
        for src in ORDER[field]:
            v = found.get(src, {}).get(field)
            if v:
                return v
        return "" if field != "tags" else ()

    zone, stated = page_zone(found, url)
    clocks = shown_clocks(found)
    published, published_from, n1 = _choose_date("published", found, zone, clocks, stated)
    modified, modified_from, n2 = _choose_date("modified", found, zone, clocks, stated)
    if modified and published and modified < published and _day(modified) < _day(published):
        n2.append(f"modified: {modified} is before published {published}; dropped")
        modified, modified_from = None, ""
    tags = tuple(dict.fromkeys(t for t in pick("tags") if len(t) <= 80))[:40]
    names = [found.get(src, {}).get("outlet", "") for src in ORDER["outlet"]]
    title = headline(pick("title"), found.get("title_tag", {}).get("h1s", ()), url=url, names=names,
                     affixes=affixes)
    return Meta(title=title, published=published, published_from=published_from, modified=modified,
                modified_from=modified_from, canonical=pick("canonical"), author=pick("author"), editor=pick("editor"),
                outlet=pick("outlet"), section=pick("section"), tags=tags, language=pick("language"),
                notes=tuple(n1 + n2))


def gather(root, url: str, profile: Optional[Profile] = None) -> dict[str, dict]:
    """Every source's candidates for the page (the text's dateline comes
    later). htmldate runs last, cheaply as a cross-check, and with its
    extensive search only when no other source found a date."""
    found: dict[str, dict] = {}
    for fn in CHAIN:
        name = fn.__name__.removeprefix("from_")
        found[name] = fn(root, url, profile) if fn is from_profile else fn(root, url)
    found["htmldate"] = from_htmldate(root, url)
    if not any(v.get("published") for v in found.values()):
        found["htmldate"] = from_htmldate(root, url, extensive=True)
    return found


def extract_meta(root, url: str, profile: Optional[Profile] = None, text: str = "") -> Meta:
    found = gather(root, url, profile)
    if text:
        found["dateline"] = from_dateline(text)
    return resolve(found, url)
