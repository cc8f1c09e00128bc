"""Article metadata as a fallback chain of small functions, each testable
alone. Every ``from_*`` function takes the parsed page (an lxml root; the
URL-only ones accept None) and returns the candidate values it found:

    from_jsonld   JSON-LD NewsArticle/Article/BlogPosting (also inside @graph)
    from_meta     OpenGraph, article:*, twitter:*, name=... meta tags, rel=canonical
    from_profile  the site profile's visible elements (title, date, byline, tags)
    from_time     <time datetime>, itemprop=datePublished
    from_url      a date in the URL (/2024/11/30/, /20241130..., /30/11/2024/)
    from_title_tag  <h1>, then <title> without the " - Outlet" suffix
    from_dateline   the dateline of the cleaned text: "Sabtu (30/11/2024)"

:func:`resolve` picks, per field, the value of the most reliable source that
answered (:data:`ORDER`). When sources disagree on the published or modified
date, the choice stands and the disagreement is written to ``Meta.notes``;
the winning source's name is ``Meta.published_from``. A date-only winner
takes the time (and zone) of a less reliable source stating the same day, and
a UTC time is shown in the page's own zone (WIB/WITA/WIT) when the page
states one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from lxml.cssselect import CSSSelector

from .clean import ZONES, _WS, dateline_date, parse_datetime
from .profiles import Profile

ARTICLE_TYPES = {"NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
                 "OpinionNewsArticle", "BackgroundNewsArticle", "Report", "LiveBlogPosting"}

#: sources per field, most reliable first
ORDER: dict[str, tuple[str, ...]] = {
    "title": ("jsonld", "meta", "profile", "title_tag"),
    "published": ("jsonld", "meta", "profile", "time", "url", "dateline"),
    "modified": ("jsonld", "meta", "profile", "time"),
    "author": ("profile", "jsonld", "meta"),
    "editor": ("profile", "jsonld"),
    "outlet": ("meta", "jsonld", "profile"),
    "section": ("jsonld", "meta", "profile"),
    "tags": ("jsonld", "meta", "profile"),
    "canonical": ("meta", "jsonld"),
    "language": ("title_tag", "jsonld", "meta"),
}


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
    its datetime/content/title attribute or its text."""
    for sel in selectors:
        for el in css(sel)(root):
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
        "zone_text": shown,
    }


def from_time(root, url: str = "") -> dict:
    for sel in ("[itemprop=datePublished]", "time[datetime]", "time"):
        for el in css(sel)(root):
            got = parse_datetime(el.get("datetime") or el.get("content") or el.get("title") or _text(el))
            if got:
                return {"published": got}
    return {}


def from_url(root, url: str) -> dict:
    m = re.search(r"/(20\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)", url) or \
        re.search(r"/(20\d{2})(\d{2})(\d{2})\d*(?:/|-|$)", url)
    if m:
        y, mo, d = (int(x) for x in m.groups())
    else:
        m = re.search(r"/(\d{1,2})/(\d{1,2})/(20\d{2})/", url)  # /29/11/2024/
        if m:
            d, mo, y = (int(x) for x in m.groups())
    if m:
        try:
            return {"published": dt.date(y, mo, d).isoformat()}
        except ValueError:
            return {}
    return {}


def from_title_tag(root, url: str = "") -> dict:
    out = {}
    html = root.getroottree().getroot() if root is not None else None
    if html is not None:
        out["language"] = (html.get("lang") or html.get("xml:lang") or "")[:2].lower()
    title = ""
    for t in root.iter("title"):
        title = re.split(r"\s+[|–—~-]\s+(?=[^|–—~-]{2,40}$)", _text(t))[0]
        break
    h1s = [t for t in (_text(h) for h in root.iter("h1")) if t]
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


def from_dateline(text: str) -> dict:
    got = dateline_date(text)
    return {"published": got} if got else {}


CHAIN: tuple[Callable, ...] = (from_jsonld, from_meta, from_profile, from_time, from_url, from_title_tag)


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


def _zone_of(page_zone_text: str) -> Optional[str]:
    m = re.search(r"\b(WIB|WITA|WIT)\b", page_zone_text or "", re.IGNORECASE)
    return ZONES[m.group(1).lower()] if m else None


def _choose_date(field: str, found: dict[str, dict], local_zone: Optional[str]) -> tuple[Optional[str], str, list[str]]:
    cands = [(src, found[src][field]) for src in ORDER[field] if found.get(src, {}).get(field)]
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
    if local_zone and value.endswith("+00:00"):
        inst = _instant(value)
        if inst:
            h, m = int(local_zone[1:3]), int(local_zone[4:6])
            value = inst.astimezone(dt.timezone(dt.timedelta(hours=h, minutes=m))).isoformat()
    elif local_zone and len(value) > 10 and value[-6] not in "+-":
        # naive time: the page's stated zone applies when a zoned source agrees on the clock time
        if any(v2[:16] == value[:16] and v2.endswith(local_zone) for _, v2 in cands):
            value += local_zone
    for s2, v2 in cands[1:]:
        if s2 == "dateline":
            if _day(v2) != _day(value):
                notes.append(f"{field}: {origin} {value} chosen; the dateline says {v2}")
            continue
        if not _same_time(value, v2) and _day(v2) != _day(value):
            notes.append(f"{field}: {origin} {value} chosen over {s2} {v2}")
    return value, origin, notes


def resolve(found: dict[str, dict]) -> Meta:
    """One Meta from the candidates of each source (``{source: {field: value}}``)."""
    def pick(field: str):
        for src in ORDER[field]:
            v = found.get(src, {}).get(field)
            if v:
                return v
        return "" if field != "tags" else ()

    local_zone = _zone_of(found.get("profile", {}).get("zone_text", ""))
    if not local_zone:
        for src in ("jsonld", "meta", "profile", "time"):
            v = found.get(src, {}).get("published") or ""
            if len(v) > 19 and v[-6:] in ZONES.values():
                local_zone = v[-6:]
                break
    published, published_from, n1 = _choose_date("published", found, local_zone)
    modified, modified_from, n2 = _choose_date("modified", found, local_zone)
    if modified and published and modified < published and _day(modified) < _day(published):
        n2.append(f"modified: {modified} is before published {published}; dropped")
        modified, modified_from = None, ""
    tags = tuple(dict.fromkeys(t for t in pick("tags") if len(t) <= 80))[:40]
    return Meta(title=pick("title"), published=published, published_from=published_from, modified=modified,
                modified_from=modified_from, canonical=pick("canonical"), author=pick("author"), editor=pick("editor"),
                outlet=pick("outlet"), section=pick("section"), tags=tags, language=pick("language"),
                notes=tuple(n1 + n2))


def gather(root, url: str, profile: Optional[Profile] = None) -> dict[str, dict]:
    """Every source's candidates for the page (the text's dateline comes later)."""
    found: dict[str, dict] = {}
    for fn in CHAIN:
        name = fn.__name__.removeprefix("from_")
        found[name] = fn(root, url, profile) if fn is from_profile else fn(root, url)
    return found


def extract_meta(root, url: str, profile: Optional[Profile] = None, text: str = "") -> Meta:
    found = gather(root, url, profile)
    if text:
        found["dateline"] = from_dateline(text)
    return resolve(found)
