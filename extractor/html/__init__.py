"""Page -> article. The only sub-package that imports BeautifulSoup.

Public front:
  * :func:`article_from_html` - one HTML page (bytes or str) to a clean Article;
  * :func:`article_from_pages` - the pages of one multi-page article, in
    order, to one Article (each page once);
  * :func:`article_from_text` - plain text to a clean Article, with the same
    junk-line cleaning;
  * :func:`next_pages` - the URLs of an article's further pages;
  * :func:`links` - the article links of a listing page.

Steps for HTML: decode (BOM, valid UTF-8, declared charset, detection) ->
lxml tree -> site profile by host (``profiles/*.toml``) -> metadata chain
(:mod:`.metadata`) -> body (:mod:`.body`: the profile's container through
BeautifulSoup, or trafilatura for unknown sites) -> junk removal and
paragraphs (:mod:`.clean`) -> dateline. Offsets of later stages index
``Article.text`` (see :mod:`.clean` for its exact form).

Empty, binary, oversized or unparsable input raises :class:`ParseError`
with a one-line reason; callers record it for the URL and go on.
"""

from __future__ import annotations

import hashlib
import re
from typing import Iterable, Optional, Sequence
from urllib.parse import parse_qsl, urljoin, urlsplit

import lxml.etree
import lxml.html

from ..errors import Msg, ParseError
from ..types import Article
from .body import container_paragraphs, generic_paragraphs, profile_container
from .clean import clean_paragraphs, clean_text, dateline, parse_datetime, split_lead_in
from .metadata import css, from_dateline, gather, resolve
from .profiles import Profile, profile_for, profiles

__all__ = ["article_from_html", "article_from_pages", "article_from_text", "next_pages", "links", "profiles",
           "profile_for", "MAX_BYTES"]

#: the largest page parsed; fetching stops earlier (Settings.max_bytes)
MAX_BYTES = 10_000_000
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"RIFF", b"ID3", b"OggS",
          b"\x00\x00\x01\x00", b"\x7fELF", b"Rar!", b"7z\xbc\xaf", b"wOFF", b"wOF2", b"\x00asm")
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


# --------------------------------------------------------------------------- input checks and decoding
def _check_size(n: int, stripped_empty: bool) -> None:
    if stripped_empty:
        raise ParseError(Msg.PARSE_NO_INPUT.format(size=n))
    if n > MAX_BYTES:
        raise ParseError(Msg.PARSE_TOO_LARGE.format(size=n, limit=MAX_BYTES))


def _is_binary(head: bytes) -> bool:
    if any(head.startswith(m) for m in _MAGIC):
        return True
    return b"\x00" in head or len(_CONTROL.findall(head)) > max(8, len(head) // 20)


def decode(body: bytes, encoding: Optional[str] = None) -> str:
    """Bytes -> str: a BOM, else valid UTF-8, else the declared charset (HTTP
    header, then <meta>), else detection (charset-normalizer)."""
    _check_size(len(body), not body.strip())
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return body.decode(enc, "replace")
    if _is_binary(body[:4096]):
        raise ParseError(Msg.PARSE_BINARY)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for enc in filter(None, (encoding, _meta_charset(body))):
        try:
            return body.decode(_alias(enc))
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return body.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return body.decode("cp1252", "replace")


def _alias(enc: str) -> str:
    # browsers read latin-1 / ascii labels as windows-1252 (WHATWG Encoding)
    e = enc.strip().lower()
    return "cp1252" if e in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1") else e


def _meta_charset(body: bytes) -> Optional[str]:
    m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w:.-]+)", body[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii") if m else None


_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, default_doctype=False)


def parse(html: bytes | str, *, encoding: Optional[str] = None, url: str = ""):
    """Decode and parse one page; returns (lxml root, decoded length)."""
    if isinstance(html, str):
        _check_size(len(html), not html.strip())
        if "\x00" in html[:4096]:
            raise ParseError(Msg.PARSE_BINARY, url=url)
        text = html
    else:
        try:
            text = decode(html, encoding)
        except ParseError as exc:
            raise ParseError(exc.message, url=url) from exc
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=_PARSER)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise ParseError(Msg.PARSE_HTML.format(detail=str(exc) or type(exc).__name__), url=url) from exc
    if root is None:
        raise ParseError(Msg.PARSE_HTML.format(detail="no document"), url=url)
    return root


def _profile(url: str, name: str) -> Optional[Profile]:
    try:
        return profile_for(url, name)
    except KeyError as exc:
        raise ParseError(Msg.PARSE_PROFILE.format(name=name, choices=", ".join([*profiles(), "generic"])),
                         url=url) from exc


def _paragraphs(root, prof: Optional[Profile]) -> tuple[list[str], str]:
    """(raw paragraphs, how) where how is the profile name or 'generic'."""
    if prof is not None:
        el = profile_container(root, prof)
        if el is not None:
            return container_paragraphs(el, prof), prof.name
    return generic_paragraphs(root), "generic"


# --------------------------------------------------------------------------- articles
def article_from_html(html: bytes | str, url: str = "", *, encoding: Optional[str] = None, outlet: str = "",
                      fetched_at: str = "", source: str = "", profile: str = "") -> Article:
    """One page to an Article. ``profile`` forces a site profile by name
    (``"generic"``: none); by default it is chosen by the URL's host."""
    return article_from_pages([html], url, encoding=encoding, outlet=outlet, fetched_at=fetched_at, source=source,
                              profile=profile)


def article_from_pages(pages: Sequence[bytes | str], url: str = "", *, encoding: Optional[str] = None,
                       outlet: str = "", fetched_at: str = "", source: str = "", profile: str = "",
                       page_urls: Sequence[str] = ()) -> Article:
    """The pages of one article, in order, to one Article. Metadata comes
    from the first page; the bodies are joined in order; a page whose content
    repeats an earlier page is skipped, and so is a paragraph repeated from an
    earlier page. ``page_urls`` (optional) select the profile of later pages
    hosted elsewhere; by default every page uses the first page's."""
    if not pages:
        raise ParseError(Msg.PARSE_NO_INPUT.format(size=0), url=url)
    prof = _profile(url, profile)
    raws = [p if isinstance(p, bytes) else p.encode("utf-8") for p in pages]
    found: dict = {}
    paragraphs: list[str] = []
    seen_pages: set[str] = set()
    seen_bodies: set[tuple] = set()
    hows: list[str] = []
    used = 0
    for i, (page, raw) in enumerate(zip(pages, raws)):
        h = hashlib.sha256(raw).hexdigest()
        if h in seen_pages:
            continue
        seen_pages.add(h)
        page_url = page_urls[i] if i < len(page_urls) and page_urls[i] else url
        root = parse(page, encoding=encoding, url=page_url)
        page_prof = _profile(page_url, profile) if i and page_urls else prof
        if i == 0:
            found = gather(root, url, prof)
        paras, how = _paragraphs(root, page_prof)
        key = tuple(p.strip() for p in paras if p.strip())
        if not key or key in seen_bodies:
            continue
        seen_bodies.add(key)
        paragraphs.extend(paras)
        hows.append(how)
        used += 1
    meta = resolve(found)
    extra = prof.line_rx if prof else None
    text, junk = clean_paragraphs(paragraphs, meta.title, extra=extra, names=_bylines(meta))
    if not _has_words(text):
        raise ParseError(Msg.PARSE_EMPTY, url=url)
    found["dateline"] = from_dateline(text)
    meta = resolve(found)
    html_hash = hashlib.sha256(raws[0]).hexdigest() if len(raws) == 1 else \
        hashlib.sha256(b"".join(hashlib.sha256(r).digest() for r in raws)).hexdigest()
    return Article(
        url=url, text=text, title=meta.title, published=meta.published, canonical_url=_absolute(meta.canonical, url),
        outlet=outlet or meta.outlet, language=meta.language or "id", dateline=dateline(text),
        html_hash=html_hash, fetched_at=fetched_at, source=source, junk=junk,
        author=meta.author, editor=meta.editor, section=meta.section, tags=meta.tags, modified=meta.modified,
        published_from=meta.published_from, meta_notes=meta.notes, profile=hows[0] if hows else "", pages=used,
    )


def _has_words(text: str) -> bool:
    """At least three words: markup debris like '<<<>>>' is not an article."""
    return len(_WORD.findall(text)) >= 3


_WORD = re.compile(r"[^\W\d_]{2,}")


def _bylines(meta) -> list[str]:
    names = [meta.author, meta.editor]
    return [n for part in names for n in re.split(r"\s*,\s*", part or "") if n]


def _absolute(canonical: str, url: str) -> str:
    if not canonical:
        return url
    return urljoin(url, canonical) if url else canonical


#: a line that is only the page's date stamp: "Sabtu, 2 Maret 2024 - 09:17 WIB", "Diterbitkan 30 Nov 2024"
_STAMP = re.compile(r"^(?:(?:diperbarui|diterbitkan|dipublikasikan|published|updated)\s*:?\s*)?(?:[A-Za-z']+,?\s+)?"
                    r"\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}\b.{0,25}$", re.IGNORECASE)


def article_from_text(text: str, url: str = "", *, title: str = "", published: Optional[str] = None,
                      outlet: str = "", source: str = "") -> Article:
    if not text.strip():
        raise ParseError(Msg.PARSE_NO_INPUT.format(size=len(text.encode("utf-8"))), url=url)
    if len(text) > MAX_BYTES:
        raise ParseError(Msg.PARSE_TOO_LARGE.format(size=len(text), limit=MAX_BYTES), url=url)
    if "\x00" in text[:4096]:
        raise ParseError(Msg.PARSE_BINARY, url=url)
    cleaned, junk = clean_text(text, title)
    if not _has_words(cleaned):
        raise ParseError(Msg.PARSE_EMPTY, url=url)
    cleaned, lead_in = split_lead_in(cleaned)
    if lead_in:
        title = title or lead_in[0]
        junk = junk + lead_in
    # the page's own date stamp ("Sabtu, 2 Maret 2024 - 09:17 WIB", dropped as
    # junk) dates the article before any date in its body does
    stamped = next((iso for line in junk[:6] if _STAMP.match(line) and (iso := parse_datetime(line))), None)
    dated = stamped or from_dateline(cleaned).get("published")
    return Article(
        url=url, text=cleaned, title=title, published=published or dated, canonical_url=url, outlet=outlet,
        dateline=dateline(cleaned), html_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(), source=source,
        junk=junk, published_from=("given" if published else "stamp" if stamped else "dateline" if dated else ""),
    )


# --------------------------------------------------------------------------- links
_PAGE_NO = (re.compile(r"[?&](?:page|halaman|hal|p)=(\d+)"), re.compile(r"/(\d{1,2})/?$"),
            re.compile(r"-(\d{1,2})(?:\.html?)?$"))
_GENERIC_NEXT = ("link[rel=next]", "a[rel=next]", ".pagination a", ".page-links a", ".paging a", "a.post-page-numbers",
                 ".page-numbers a", "a.page-numbers")


def _page_number(url: str) -> Optional[int]:
    for rx in _PAGE_NO:
        m = rx.search(url)
        if m:
            return int(m.group(1))
    return None


def _article_key(url: str) -> str:
    """The URL without its page marker: what every page of one article shares."""
    parts = urlsplit(url)
    path = re.sub(r"(?:/\d{1,2}/?|-\d{1,2}(?=\.html?$))$", "", parts.path).rstrip("/")
    query = "&".join(f"{k}={v}" for k, v in parse_qsl(parts.query) if k not in ("page", "halaman", "hal", "p"))
    return f"{parts.netloc}{path}?{query}"


def next_pages(html: bytes | str, url: str, *, profile: str = "", encoding: Optional[str] = None) -> list[str]:
    """The article's further pages linked from this page (from page 1: page
    2, 3, ...), in page order, without 'all on one page' views and without
    links to other articles. Fetch them and hand all pages, in order, to
    :func:`article_from_pages`."""
    root = parse(html, encoding=encoding, url=url)
    prof = _profile(url, profile)
    selectors: Iterable[str] = (prof.next_page if prof and prof.next_page else ()) or _GENERIC_NEXT
    key, here = _article_key(url), _page_number(url) or 1
    found: dict[str, int] = {}
    for sel in selectors:
        for el in css(sel)(root):
            href = el.get("href")
            if not href:
                continue
            target = urljoin(url, href.strip()).split("#")[0]
            if "page=all" in target or target == url or _article_key(target) != key:
                continue
            n = _page_number(target)
            if n is None or n <= here:
                continue
            found.setdefault(target, n)
    pages = sorted(found.items(), key=lambda kv: kv[1])
    out, numbers = [], set()
    for target, n in pages:
        if n not in numbers:
            numbers.add(n)
            out.append(target)
    return out


def links(html: bytes | str, base: str, pattern: str = "") -> list[str]:
    """Absolute links of a listing page whose URL matches ``pattern`` (a regex)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    rx = re.compile(pattern) if pattern else None
    out: list[str] = []
    for a in soup.find_all("a", href=True):
        url = urljoin(base, a["href"])
        if url.startswith(("http://", "https://")) and (rx is None or rx.search(url)) and url not in out:
            out.append(url)
    return out
