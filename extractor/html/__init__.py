"""Page -> article. The only sub-package that imports BeautifulSoup.

Public front:
  * :func:`article_from_html` - one HTML page (bytes or str) to a clean Article;
  * :func:`article_from_pages` - the pages of one multi-page article, in
    order, to one Article (each page once);
  * :func:`article_from_text` - plain text (str, or bytes decoded like
    pages) to a clean Article, with the same junk-line cleaning;
  * :func:`page_links` / :func:`next_pages` - a page's canonical URL and the
    URLs of the article's further pages (the crawler's next-page finder);
  * :func:`links` - the article links of a listing page;
  * :func:`pages_hash` - ``Article.html_hash`` of raw pages;
  * :func:`page_titles`, :func:`learn_affixes`, :func:`host_key` - a site's
    title affixes learned across many of its pages (``title_affixes``).

Steps for HTML: decode (:mod:`extractor.encoding`) -> lxml tree
(:mod:`.document`) -> site profile by host (``profiles/*.toml``) ->
metadata chain (:mod:`.metadata`, titles :mod:`.titles`) -> body
(:mod:`.body`: the profile's container through BeautifulSoup, else - or
when the profile finds no body - trafilatura with pantau's own steps; the
figure captions when they say more than the body's own prose) -> junk removal and paragraphs
(:mod:`.clean`) -> dateline. Offsets of later stages index ``Article.text``
(see :mod:`.clean` for its exact form).

Empty, binary, oversized or unparsable input raises :class:`ParseError`
with a one-line reason; callers record it for the URL and go on.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Iterable, Optional, Sequence

from ..errors import Msg, ParseError
from ..types import Article
from .body import (MIN_WORDS, captions, container_paragraphs, count_words, generic_paragraphs, photo_page,
                   profile_container)
from .clean import clean_paragraphs, clean_text, dateline, parse_datetime, split_lead_in
from .document import MAX_BYTES, join_url, pages_hash, parse, text_input
from .metadata import from_dateline, gather, resolve
from .profiles import Profile, profile_for, profiles
from .titles import host_key, learn_affixes, page_titles
from .urls import links, page_links

__all__ = ["article_from_html", "article_from_pages", "article_from_text", "next_pages", "page_links", "links",
           "pages_hash", "profiles", "profile_for", "page_titles", "learn_affixes", "host_key", "MAX_BYTES",
           "warm"]


def warm() -> None:
    """Load what the first page would otherwise load in each process: trafilatura
    with its options (the generic path) and the junk rules. The batch runner
    calls it before forking its workers, which then share them."""
    from .body import _generic_junk, _trafilatura_options

    _trafilatura_options()
    _generic_junk()


def _profile(url: str, name: str) -> Optional[Profile]:
    try:
        return profile_for(url, name)
    except KeyError as exc:
        raise ParseError(Msg.PARSE_PROFILE.format(name=name, choices=", ".join([*profiles(), "generic"])),
                         url=url) from exc


def _paragraphs(root, prof: Optional[Profile]) -> tuple[list[str], str]:
    """(raw paragraphs, how) where how is the profile name or 'generic'. A
    profile that finds no container, or only a scrap of text where the
    generic path finds at least twice as much, hands over to the generic path."""
    if prof is not None:
        el = profile_container(root, prof)
        if el is not None:
            paras = container_paragraphs(el, prof)
            if count_words(paras) >= MIN_WORDS:
                return paras, prof.name
            generic = generic_paragraphs(root)
            if count_words(generic) >= 2 * max(1, count_words(paras)):
                return generic, "generic"
            return paras, prof.name
    return generic_paragraphs(root), "generic"


# --------------------------------------------------------------------------- articles
def article_from_html(html: bytes | str, url: str = "", *, encoding: Optional[str] = None, outlet: str = "",
                      fetched_at: str = "", source: str = "", profile: str = "",
                      title_affixes: Iterable[str] = ()) -> Article:
    """One page to an Article. ``profile`` forces a site profile by name
    (``"generic"``: none); by default it is chosen by the URL's host.
    ``title_affixes``: as :func:`article_from_pages`."""
    return article_from_pages([html], url, encoding=encoding, outlet=outlet, fetched_at=fetched_at, source=source,
                              profile=profile, title_affixes=title_affixes)


def article_from_pages(pages: Sequence[bytes | str], url: str = "", *, encoding: Optional[str] = None,
                       outlet: str = "", fetched_at: str = "", source: str = "", profile: str = "",
                       page_urls: Sequence[str] = (), title_affixes: Iterable[str] = ()) -> Article:
    """The pages of one article, in order, to one Article. Metadata comes
    from the first page; the bodies are joined in order; a page whose content
    repeats an earlier page is skipped, and so is a paragraph repeated from an
    earlier page. ``page_urls`` (optional) select the profile of later pages
    hosted elsewhere; by default every page uses the first page's.
    ``title_affixes`` are site affixes learned for the host across a crawl
    (:func:`extractor.html.titles.learn_affixes`), stripped from the title."""
    if not pages:
        raise ParseError(Msg.PARSE_NO_INPUT.format(size=0), url=url)
    prof = _profile(url, profile)
    found: dict = {}
    paragraphs: list[str] = []
    shown: list[str] = []
    seen_pages: set[str] = set()
    seen_bodies: set[tuple] = set()
    hows: list[str] = []
    used = 0
    for i, page in enumerate(pages):
        h = pages_hash([page])
        if h in seen_pages:
            continue
        seen_pages.add(h)
        page_url = page_urls[i] if i < len(page_urls) and page_urls[i] else url
        root = parse(page, encoding=encoding, url=page_url)
        page_prof = _profile(page_url, profile) if i and page_urls else prof
        if i == 0:
            found = gather(root, url, prof)
        shown.extend(captions(root))
        paras, how = _paragraphs(root, page_prof)
        key = tuple(p.strip() for p in paras if p.strip())
        if not key or key in seen_bodies:
            continue
        seen_bodies.add(key)
        paragraphs.extend(paras)
        hows.append(how)
        used += 1
    meta = resolve(found, url, title_affixes)
    extra = prof.line_rx if prof else None
    text, junk = clean_paragraphs(paragraphs, meta.title, extra=extra, names=_bylines(meta))
    photo = photo_page(text, shown, meta.title, extra=extra, names=_bylines(meta)) if shown else None
    if photo is not None:  # a photo page: its captions tell the story, after any intro
        text, junk2 = photo
        junk, hows, used = junk + junk2, hows or ["generic"], used or 1
    if not _has_words(text):
        raise ParseError(Msg.PARSE_EMPTY, url=url)
    found["dateline"] = from_dateline(text)
    if found["dateline"]:  # resolve reads an empty source as a missing one: only a dated dateline can change meta
        meta = resolve(found, url, title_affixes)
    return Article(
        url=url, text=text, title=meta.title, published=meta.published, canonical_url=_absolute(meta.canonical, url),
        outlet=outlet or meta.outlet, language=meta.language or "id", dateline=dateline(text),
        html_hash=pages_hash(pages), fetched_at=fetched_at, source=source, junk=junk,
        author=meta.author, editor=meta.editor, section=meta.section, tags=meta.tags, modified=meta.modified,
        published_from=meta.published_from, meta_notes=meta.notes, profile=hows[0] if hows else "", pages=used,
    )


def _has_words(text: str) -> bool:
    """At least three words: markup debris like '<<<>>>' is not an article."""
    return len(list(islice(_WORD.finditer(text), 3))) == 3


_WORD = re.compile(r"[^\W\d_]{2,}")


def _bylines(meta) -> list[str]:
    names = [meta.author, meta.editor]
    return [n for part in names for n in re.split(r"\s*,\s*", part or "") if n]


def _absolute(canonical: str, url: str) -> str:
    if not canonical:
        return url
    return (join_url(url, canonical) or url) if url else canonical


#: a line that is only the page's date stamp: "Sabtu, 2 Maret 2024 - 09:17 WIB", "Diterbitkan 30 Nov 2024"
_STAMP = re.compile(r"^(?:(?:diperbarui|diterbitkan|dipublikasikan|published|updated)\s*:?\s*)?(?:[A-Za-z']+,?\s+)?"
                    r"\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}\b.{0,25}$", re.IGNORECASE)


def article_from_text(text: bytes | str, url: str = "", *, title: str = "", published: Optional[str] = None,
                      outlet: str = "", source: str = "") -> Article:
    """Plain text to an Article. Bytes are decoded like pages (a BOM,
    UTF-8, windows-1252, detection: :mod:`extractor.encoding`), so a
    windows-1252 or UTF-16 file reads as it was written."""
    raw = text
    text = text_input(raw, url)
    cleaned, junk = clean_text(text, title)
    if not _has_words(cleaned):
        raise ParseError(Msg.PARSE_EMPTY, url=url)
    cleaned, lead_in = split_lead_in(cleaned)
    if lead_in:
        title = title or lead_in[0]
        junk = junk + lead_in
        # what the lead-in hid is now the text's start (a section label): cleaned as a start is,
        # so the text stays what cleaning it again gives
        cleaned, exposed = clean_text(cleaned, title)
        junk = junk + exposed
    # the page's own date stamp ("Sabtu, 2 Maret 2024 - 09:17 WIB", dropped as
    # junk) dates the article before any date in its body does
    stamped = next((iso for line in junk[:6] if _STAMP.match(line) and (iso := parse_datetime(line))), None)
    dated = stamped or from_dateline(cleaned).get("published")
    return Article(
        url=url, text=cleaned, title=title, published=published or dated, canonical_url=url, outlet=outlet,
        dateline=dateline(cleaned), html_hash=pages_hash([raw]), source=source,
        junk=junk, published_from=("given" if published else "stamp" if stamped else "dateline" if dated else ""),
    )


# --------------------------------------------------------------------------- links
def next_pages(html: bytes | str, url: str, *, first: str = "", profile: str = "",
               encoding: Optional[str] = None) -> list[str]:
    """The article's further pages linked from this page (from page 1: page
    2, 3, ...), in page order, without 'all on one page' views and without
    links to other articles (:func:`page_links`, the crawler's finder).
    Fetch them and hand all pages, in order, to :func:`article_from_pages`."""
    return page_links(html, url, first=first, profile=profile, encoding=encoding)[1]
