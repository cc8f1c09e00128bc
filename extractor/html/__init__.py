"""Page -> article. The only sub-package that imports BeautifulSoup.

Public front:
  * :func:`article_from_html` - an HTML page (bytes or str) to a clean Article;
  * :func:`article_from_text` - plain text to a clean Article, with the same
    junk-line cleaning.
Offsets of later stages index ``Article.text`` (see :mod:`.clean`).
"""

from __future__ import annotations

import hashlib
import re
from typing import Optional

from bs4 import BeautifulSoup

from ..errors import Msg, ParseError
from ..types import Article
from .clean import clean_paragraphs, clean_text, dateline, rules
from .metadata import extract_meta

# Body containers, most specific first; the first with enough text wins.
BODY_SELECTORS = (
    "[itemprop=articleBody]", ".detail__body-text", ".read__content", ".detail-text", ".entry-content",
    ".post-content", ".article-content", ".article-body", ".content-detail", ".news-content", ".td-post-content",
    ".single-content", ".isi-berita", ".txt-article", "article", "main", "#content", ".content",
)
_BLOCKS = ("p", "h2", "h3", "h4", "blockquote", "li", "div")
_MIN_BODY = 120


def _decode(body: bytes, encoding: Optional[str]) -> str:
    if b"\x00" in body[:2048]:
        raise ParseError(Msg.PARSE_BINARY)
    for enc in filter(None, (encoding, _meta_charset(body), "utf-8")):
        try:
            return body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    return str(best) if best else body.decode("utf-8", "replace")


def _meta_charset(body: bytes) -> Optional[str]:
    m = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", body[:4096], re.IGNORECASE)
    return m.group(1).decode("ascii") if m else None


def _paragraphs(node) -> list[str]:
    """Block texts in document order; <br> separates lines inside a block."""
    for br in node.find_all("br"):
        br.replace_with("\n")
    out: list[str] = []
    blocks = node.find_all(_BLOCKS)
    leaf = [b for b in blocks if not b.find(_BLOCKS)]
    if not leaf:
        return [node.get_text("\n")]
    for b in leaf:
        text = b.get_text("")
        if text.strip():
            out.append(text)
    return out


def article_from_html(html: bytes | str, url: str = "", *, encoding: Optional[str] = None, outlet: str = "",
                      fetched_at: str = "", source: str = "") -> Article:
    raw = html if isinstance(html, bytes) else html.encode("utf-8")
    text_html = html if isinstance(html, str) else _decode(html, encoding)
    try:
        soup = BeautifulSoup(text_html, "lxml")
    except Exception as exc:  # lxml raises several types on garbage
        raise ParseError(Msg.PARSE_HTML.format(detail=exc), url=url) from exc
    meta = extract_meta(soup, url)
    for sel in rules().selectors:
        for node in soup.select(sel):
            node.decompose()
    paragraphs: list[str] = []
    for sel in BODY_SELECTORS:
        node = soup.select_one(sel)
        if node is not None and len(node.get_text(" ", strip=True)) >= _MIN_BODY:
            paragraphs = _paragraphs(node)
            break
    if not paragraphs:
        paragraphs = _fallback(text_html)
    text, junk = clean_paragraphs(paragraphs, meta.title)
    if not text:
        raise ParseError(Msg.PARSE_EMPTY, url=url)
    return Article(
        url=url, text=text, title=meta.title, published=meta.published, canonical_url=meta.canonical or url,
        outlet=outlet, language=meta.language or "id", dateline=dateline(text),
        html_hash=hashlib.sha256(raw).hexdigest(), fetched_at=fetched_at, source=source, junk=junk,
    )


def _fallback(html: str) -> list[str]:
    """Unknown layout: trafilatura's main-text extraction."""
    import trafilatura

    got = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    return got.split("\n") if got else []


def article_from_text(text: str, url: str = "", *, title: str = "", published: Optional[str] = None,
                      outlet: str = "", source: str = "") -> Article:
    if "\x00" in text[:2048]:
        raise ParseError(Msg.PARSE_BINARY, url=url)
    cleaned, junk = clean_text(text, title)
    if not cleaned:
        raise ParseError(Msg.PARSE_EMPTY, url=url)
    return Article(
        url=url, text=cleaned, title=title, published=published, canonical_url=url, outlet=outlet,
        dateline=dateline(cleaned), html_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(), source=source,
        junk=junk,
    )


def links(html: bytes | str, base: str, pattern: str = "") -> list[str]:
    """Absolute links of a listing page whose URL matches ``pattern`` (a regex)."""
    from urllib.parse import urljoin

    soup = BeautifulSoup(html, "lxml")
    rx = re.compile(pattern) if pattern else None
    out: list[str] = []
    for a in soup.find_all("a", href=True):
        url = urljoin(base, a["href"])
        if url.startswith(("http://", "https://")) and (rx is None or rx.search(url)) and url not in out:
            out.append(url)
    return out
