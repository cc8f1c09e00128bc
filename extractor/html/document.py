"""Input checks, decoding and parsing of one page; the hash of an article's
pages.

Decoding is :mod:`extractor.encoding` (the decoder fetching uses too).
Parsing is lxml's HTML parser with ``huge_tree`` (libxml2 otherwise stops
at 255 levels of nesting and drops everything deeper); a page nested deeper
than even that limit (2048) is parsed again with its layout wrappers
(``div``, ``span``, tables, ...) taken out, so its text survives.
"""

from __future__ import annotations

import hashlib
import re
from typing import Optional, Sequence
from urllib.parse import SplitResult, urljoin, urlsplit

import lxml.etree
import lxml.html

from .. import encoding as _encoding
from ..errors import Msg, ParseError

#: the largest page parsed; fetching stops earlier (Settings.max_bytes)
MAX_BYTES = 10_000_000

#: control characters lxml keeps in text but refuses when the text is set again (drop_tree joins tails)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _class_lookup() -> lxml.etree.ElementClassLookup:
    """The element classes lxml.html gives (``FormElement`` for ``<form>``,
    ... ``HtmlElement`` for the rest, ``HtmlComment``), looked up inside lxml:
    lxml.html's own lookup calls into Python for every element proxy a walk
    of the tree creates (here, in trafilatura's and htmldate's walks of it
    and of its copies), some 400 times a page."""
    lookup = lxml.etree.ElementNamespaceClassLookup(lxml.etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity))
    lookup.get_namespace(None).update(lxml.html.HtmlElementClassLookup._default_element_classes)
    return lookup


_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, default_doctype=False,
                               huge_tree=True)
_PARSER.set_element_class_lookup(_class_lookup())
#: layout tags dropped (not their text) when a page is nested too deep for libxml2
_WRAPPERS = re.compile(r"</?(?:div|span|font|center|section|article|main|aside|header|footer|nav|table|tbody|thead|"
                       r"tfoot|tr|td|th|b|i|u|em|strong|small|big|sup|sub|a|ul|ol|dl|dd|dt|li|form|label|blockquote|"
                       r"figure|figcaption|abbr|cite|q|s|strike|tt|code|mark|ins|del)\b[^>]*>", re.IGNORECASE)


def check_size(n: int, stripped_empty: bool, url: str = "") -> None:
    if stripped_empty:
        raise ParseError(Msg.PARSE_NO_INPUT.format(size=n), url=url)
    if n > MAX_BYTES:
        raise ParseError(Msg.PARSE_TOO_LARGE.format(size=n, limit=MAX_BYTES), url=url)


def decode(body: bytes, encoding: Optional[str] = None, *, markup: bool = True, url: str = "") -> str:
    """Bytes -> str with :func:`extractor.encoding.decode`, after the input
    checks (empty, oversized, binary: :class:`ParseError`)."""
    check_size(len(body), not body.strip(), url)
    if _encoding.is_binary(body):
        raise ParseError(Msg.PARSE_BINARY, url=url)
    return _encoding.decode(body, encoding, markup=markup)


def text_input(value: bytes | str, url: str = "") -> str:
    """A plain text (bytes decoded like pages, with no ``<meta>`` to read) after the input checks."""
    if isinstance(value, bytes):
        return decode(value, markup=False, url=url)
    check_size(len(value), not value.strip(), url)
    if "\x00" in value[:4096]:
        raise ParseError(Msg.PARSE_BINARY, url=url)
    return value


def _too_deep() -> bool:
    return any("Excessive depth" in e.message for e in _PARSER.error_log)


def _fromstring(text: str):
    return lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=_PARSER)


def parse(html: bytes | str, *, encoding: Optional[str] = None, url: str = ""):
    """Decode and parse one page; returns the lxml root."""
    if isinstance(html, str):
        check_size(len(html), not html.strip(), url)
        if "\x00" in html[:4096]:
            raise ParseError(Msg.PARSE_BINARY, url=url)
        text = html
    else:
        text = decode(html, encoding, url=url)
    text = _CONTROL.sub("", text)
    try:
        root = _fromstring(text)
        if _too_deep():
            root = _fromstring(_WRAPPERS.sub(" ", text))
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise ParseError(Msg.PARSE_HTML.format(detail=str(exc) or type(exc).__name__), url=url) from exc
    if root is None:
        raise ParseError(Msg.PARSE_HTML.format(detail="no document"), url=url)
    return root


def split_url(url: str) -> SplitResult:
    """``urlsplit``, empty for a URL it cannot split (a malformed IPv6 host) instead of raising."""
    try:
        return urlsplit(url or "")
    except ValueError:
        return urlsplit("")


def join_url(base: str, href: str) -> str:
    """``urljoin``, '' for a link it cannot join instead of raising."""
    try:
        return urljoin(base, href)
    except ValueError:
        return ""


def pages_hash(pages: Sequence[bytes | str]) -> str:
    """``Article.html_hash``: the sha256 of one page's bytes; of several
    pages, the sha256 of their sha256 digests (text is hashed as UTF-8)."""
    raws = [p if isinstance(p, bytes) else p.encode("utf-8") for p in pages]
    if len(raws) == 1:
        return hashlib.sha256(raws[0]).hexdigest()
    return hashlib.sha256(b"".join(hashlib.sha256(r).digest() for r in raws)).hexdigest()
