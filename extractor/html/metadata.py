"""Article metadata as a fallback chain of small functions, each testable alone:
JSON-LD NewsArticle -> meta tags (OpenGraph, article:*, name=...) -> <time> ->
URL date pattern -> the dateline of the text. The first that answers wins and
the winner's name is recorded in ``Meta.published_from``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable, Optional

from bs4 import BeautifulSoup

_MONTHS = {"januari": 1, "februari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "agustus": 8,
           "september": 9, "oktober": 10, "november": 11, "desember": 12}


@dataclass(frozen=True)
class Meta:
    title: str = ""
    published: Optional[str] = None
    published_from: str = ""
    canonical: str = ""
    author: str = ""
    language: str = ""


def _iso(value: str) -> Optional[str]:
    """Normalise a datetime string to ISO (keeps the time and zone when given)."""
    if not value:
        return None
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?", value)
    if m:
        y, mo, d, t, _, tz = m.groups()
        out = f"{y}-{mo}-{d}"
        if t:
            out += f"T{t if len(t) == 8 else t + ':00'}"
            if tz:
                out += "+00:00" if tz == "Z" else (tz if ":" in tz else tz[:3] + ":" + tz[3:])
        return out
    m = re.search(r"(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", value)
    if m and m.group(2).lower() in _MONTHS:
        return f"{int(m.group(3)):04d}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return None


def from_jsonld(soup: BeautifulSoup, url: str) -> dict:
    for tag in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(tag.string or "")
        except (ValueError, TypeError):
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if not isinstance(item, dict):
                continue
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(k in ("NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle") for k in kinds):
                author = item.get("author")
                if isinstance(author, list):
                    author = author[0] if author else {}
                return {
                    "title": item.get("headline", ""),
                    "published": _iso(item.get("datePublished", "")),
                    "author": author.get("name", "") if isinstance(author, dict) else str(author or ""),
                    "canonical": (item.get("mainEntityOfPage") or {}).get("@id", "") if isinstance(item.get("mainEntityOfPage"), dict) else "",
                }
    return {}


def from_meta(soup: BeautifulSoup, url: str) -> dict:
    def meta(*names):
        for n in names:
            tag = soup.find("meta", attrs={"property": n}) or soup.find("meta", attrs={"name": n}) or soup.find("meta", attrs={"itemprop": n})
            if tag and tag.get("content"):
                return tag["content"].strip()
        return ""

    canonical = soup.find("link", rel="canonical")
    return {
        "title": meta("og:title", "twitter:title", "title"),
        "published": _iso(meta("article:published_time", "og:article:published_time", "pubdate", "publishdate",
                               "datePublished", "content_PublishedDate", "dc.date", "date")),
        "author": meta("author", "article:author", "content_author"),
        "canonical": (canonical.get("href", "") if canonical else "") or meta("og:url"),
    }


def from_time(soup: BeautifulSoup, url: str) -> dict:
    t = soup.find("time")
    if t is not None:
        return {"published": _iso(t.get("datetime", "") or t.get_text(" ", strip=True))}
    return {}


def from_url(soup: BeautifulSoup, url: str) -> dict:
    m = re.search(r"/(20\d{2})/(\d{1,2})/(\d{1,2})/", url) or re.search(r"/(20\d{2})(\d{2})(\d{2})\d*/", url)
    if m:
        y, mo, d = (int(x) for x in m.groups())
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return {"published": f"{y:04d}-{mo:02d}-{d:02d}"}
    return {}


def from_title_tag(soup: BeautifulSoup, url: str) -> dict:
    h1 = soup.find("h1")
    if h1 and h1.get_text(strip=True):
        return {"title": h1.get_text(" ", strip=True)}
    if soup.title and soup.title.string:
        return {"title": soup.title.string.strip()}
    return {}


CHAIN: tuple[Callable[[BeautifulSoup, str], dict], ...] = (from_jsonld, from_meta, from_time, from_url, from_title_tag)


def extract_meta(soup: BeautifulSoup, url: str) -> Meta:
    found: dict = {}
    source = ""
    for fn in CHAIN:
        for k, v in fn(soup, url).items():
            if v and not found.get(k):
                found[k] = v
                if k == "published":
                    source = fn.__name__.removeprefix("from_")
    html = soup.find("html")
    lang = (html.get("lang", "") if html else "")[:2]
    return Meta(found.get("title", ""), found.get("published"), source, found.get("canonical", ""),
                found.get("author", ""), lang)
