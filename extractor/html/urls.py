"""Links of a page: its canonical URL and the article's further pages (the
one next-page finder: the crawler asks it for the page to fetch next, and
:func:`extractor.html.next_pages` answers callers that fetch by hand), and
the article links of a listing page.

A further page is a same-host link that is structurally the article's page
N > this page's number: ``?page=N`` (also ``p``, ``hal``, ``halaman``,
``pg``, ``paged``), ``.../N``, ``...-N.html``; or, for the page right after
this one, a ``rel=next`` link, a link in the profile's ``next_page``
elements or a "Halaman selanjutnya"/"Next" link whose path lies under the
article's own path. "All on one page" views (``page=all``) and links to
other articles are not pages.
"""

from __future__ import annotations

import re
from typing import Optional
from urllib.parse import parse_qsl

from ..errors import ParseError
from .document import join_url, parse, split_url
from .metadata import css
from .profiles import profile_for

_PAGE_KEYS = ("page", "p", "hal", "halaman", "pg", "paged")
_PAGE_NO = (re.compile(r"[?&](?:" + "|".join(_PAGE_KEYS) + r")=(\d+)(?:&|$)"), re.compile(r"/(\d{1,2})/?$"),
            re.compile(r"-(\d{1,2})(?:\.html?)?$"))
_NEXT_TEXT = re.compile(r"halaman\s+(?:selanjutnya|berikutnya)|selanjutnya\s*(?:»|>|›)|next\s+page|"
                        r"^\s*(?:next|berikutnya|selanjutnya|lanjut)\s*(?:»|>|›)?\s*$", re.IGNORECASE)
_GENERIC_NEXT = (".pagination a", ".page-links a", ".paging a", "a.post-page-numbers", ".page-numbers a",
                 "a.page-numbers", ".page-nav a")


def page_number(url: str) -> Optional[int]:
    """The page number a URL carries (``?page=3``, ``/3``, ``-3.html``), or None."""
    for rx in _PAGE_NO:
        m = rx.search(url)
        if m:
            return int(m.group(1))
    return None


def article_key(url: str) -> str:
    """The URL without its page marker: what every page of one article shares."""
    parts = split_url(url)
    path = re.sub(r"(?:/\d{1,2}/?|-\d{1,2}(?=\.html?$))$", "", parts.path).rstrip("/")
    query = "&".join(f"{k}={v}" for k, v in parse_qsl(parts.query) if k not in _PAGE_KEYS)
    return f"{parts.netloc.lower()}{path}?{query}"


def canonical_link(root, url: str) -> str:
    """The page's ``rel=canonical`` URL, absolute, or ''."""
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and (el.get("href") or "").strip():
            return join_url(url, el.get("href").strip())
    return ""


def further_pages(root, url: str, *, first: str = "", page: int = 0, profile: str = "") -> list[str]:
    """The article's pages after this one, in page order (see the module
    docstring). ``first`` is the URL of the article's first page (default
    ``url``); ``page`` this page's number (default: 1 when ``url`` is
    ``first``, else read from ``url``)."""
    here = page or (1 if first and url == first else page_number(url) or 1)
    first = first or url
    key = article_key(first)
    a_parts = split_url(first)
    host = a_parts.netloc.lower()
    stem = re.sub(r"\.(?:s?html?|php|aspx?)$", "", a_parts.path.rstrip("/"))
    tail = stem.rsplit("/", 1)[-1]
    try:
        prof = profile_for(url, profile)
    except KeyError:
        prof = None
    selectors = (prof.next_page if prof and prof.next_page else ()) or _GENERIC_NEXT
    marked = {el for sel in selectors for el in css(sel)(root)}
    found: dict[str, int] = {}
    loose = None
    for el in root.iter("a", "link"):
        href = (el.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        rel = (el.get("rel") or "").lower().split()
        # cheap test first: a page of this article names its path, is relative (?page=2, 2), or is marked
        if not (tail and tail in href or href.startswith("?") or href.isdigit() or "next" in rel or el in marked):
            continue
        target = join_url(url, href).split("#")[0]
        t = split_url(target)
        if target in (url, first) or t.netloc.lower() != host or "page=all" in t.query.lower():
            continue
        n = page_number(target) if article_key(target) == key else None
        if n is not None:
            if n > here:
                found.setdefault(target, n)
            continue
        text = " ".join(el.text_content().split()) if el.tag == "a" else ""
        nextish = "next" in rel or _NEXT_TEXT.search(text) or (el in marked and text == str(here + 1))
        if loose is None and nextish and t.path.startswith(stem) and target.rstrip("/") != first.rstrip("/"):
            loose = target
    out, numbers = [], set()
    for target, n in sorted(found.items(), key=lambda kv: kv[1]):
        if n not in numbers:
            numbers.add(n)
            out.append(target)
    if loose is not None and here + 1 not in numbers and loose not in out:
        out.insert(0, loose)
    return out


def page_links(html: bytes | str, url: str, *, first: str = "", page: int = 0, profile: str = "",
               encoding: Optional[str] = None) -> tuple[str, list[str]]:
    """(``rel=canonical`` URL or '', the article's further pages) of one
    fetched page of an article; a page that cannot be parsed has neither."""
    try:
        root = parse(html, encoding=encoding, url=url)
    except ParseError:
        return "", []
    return canonical_link(root, url), further_pages(root, url, first=first, page=page, profile=profile)


def links(html: bytes | str, base: str, pattern: str = "", *, encoding: Optional[str] = None) -> list[str]:
    """Absolute links of a listing page whose URL matches ``pattern`` (a regex), in page order, each once."""
    try:
        root = parse(html, encoding=encoding, url=base)
    except ParseError:
        return []
    rx = re.compile(pattern) if pattern else None
    out: dict[str, None] = {}
    for el in root.iter("a"):
        href = (el.get("href") or "").strip()
        if not href:
            continue
        target = join_url(base, href)
        if target.startswith(("http://", "https://")) and (rx is None or rx.search(target)):
            out.setdefault(target)
    return list(out)
