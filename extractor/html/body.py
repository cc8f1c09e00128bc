"""The article body of a parsed page, as a list of raw paragraph strings
(cleaned afterwards by :mod:`.clean`).

* Known outlet (a site profile): lxml + cssselect find the profile's body
  container; the container alone is handed to BeautifulSoup (lxml builder),
  where the junk selectors (``junk.toml`` + the profile's) are removed and
  the blocks are read in document order. Parsing only the container keeps
  BeautifulSoup's cost proportional to the article, not to the page's menus
  and scripts.
* Unknown outlet: trafilatura's main-text extraction over the same lxml
  tree (after the generic junk selectors are removed), no hand-written
  heuristics.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

import lxml.etree
import soupsieve
from bs4 import BeautifulSoup, NavigableString

from .clean import rules
from .metadata import css
from .profiles import Profile

MIN_BODY = 80
_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "ul", "ol",
    "table", "tr", "thead", "tbody", "pre", "dd", "dt", "dl", "figure", "center", "header", "footer", "address",
    "hr", "details", "summary", "body", "html",
})
_CELL = frozenset({"td", "th"})
_HIDDEN = ('[hidden]', '[style*="display:none"]', '[style*="display: none"]', '[aria-hidden="true"]')


@lru_cache(maxsize=64)
def _junk_matcher(extra: tuple[str, ...]):
    return soupsieve.compile(", ".join((*rules().selectors, *_HIDDEN, *extra)))


def profile_container(root, profile: Profile):
    """The profile's body element: the first selector match holding text."""
    for sel in profile.body:
        for el in css(sel)(root):
            if len(el.text_content().strip()) >= MIN_BODY:
                return el
    return None


def container_paragraphs(el, profile: Optional[Profile] = None) -> list[str]:
    """Paragraphs of one body element, with junk elements removed."""
    fragment = lxml.etree.tostring(el, encoding="unicode", method="html", with_tail=False)
    soup = BeautifulSoup(fragment, "lxml")
    top = soup.body.find(True) if soup.body else None
    for node in _junk_matcher(profile.junk if profile else ()).select(soup):
        if node is not top and not node.decomposed:
            node.decompose()
    return _blocks(soup)


def _block_of(node):
    for parent in node.parents:
        if parent.name in _BLOCK:
            return parent
    return None


def _blocks(soup) -> list[str]:
    """Text of the fragment, one string per block; ``<br>`` makes a line break."""
    out: list[str] = []
    buf: list[str] = []
    current = None

    def flush():
        if buf:
            text = "".join(buf)
            if text.strip():
                out.append(text)
            buf.clear()

    for d in soup.descendants:
        if isinstance(d, NavigableString):
            if type(d) is not NavigableString:  # comments, CDATA, doctype, processing instructions
                continue
            block = _block_of(d)
            if block is not current:
                flush()
                current = block
            buf.append(str(d))
        elif d.name == "br":
            buf.append("\n")
        elif d.name in _CELL:
            buf.append(" ")
        elif d.name in _BLOCK:
            flush()
            current = d
    flush()
    return out


@lru_cache(maxsize=1)
def _generic_junk():
    # a <form> may wrap a whole (ASP.NET) page and <header> an article's title block: trafilatura judges those
    keep = {"form", "header"}
    return css(", ".join([s for s in rules().selectors if s not in keep] + list(_HIDDEN)))


def generic_paragraphs(root) -> list[str]:
    """Unknown layout: trafilatura's main text, one paragraph per line."""
    import trafilatura

    for node in _generic_junk()(root):
        if node.getparent() is not None:
            node.drop_tree()
    # include_tables=False: on table-layout sites the whole page is one table
    got = trafilatura.extract(root, include_comments=False, include_tables=False, include_images=False,
                              deduplicate=False, with_metadata=False, output_format="txt")
    return got.split("\n") if got else []
