"""The article body of a parsed page, as a list of raw paragraph strings
(cleaned afterwards by :mod:`.clean`).

* Known outlet (a site profile): lxml + cssselect find the profile's body
  container; the container alone is handed to BeautifulSoup (lxml builder),
  where the junk selectors (``junk.toml`` + the profile's) are removed and
  the blocks are read in document order. Parsing only the container keeps
  BeautifulSoup's cost proportional to the article, not to the page's menus
  and scripts.
* Unknown outlet (or a profile that finds no body): trafilatura's
  main-text extraction over the same lxml tree, with pantau's own steps
  around it (:func:`generic_paragraphs`): the article's element found first
  and spared from junk selectors, column furniture dropped by structure,
  a lead written loose before the first ``<p>`` put back.
* Photo pages: when the captions of several figures say more than the
  body's own prose (a gallery's header of credits and counters has none),
  the figure captions are the text, after any intro (:func:`photo_page`,
  :func:`captions`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Optional, Sequence

import re

import lxml.etree
import soupsieve
from bs4 import BeautifulSoup, NavigableString

from .clean import clean_paragraphs, date_stamp, prose, rules, uncredited
from .metadata import css, in_headline_list
from .profiles import Profile

MIN_BODY = 80
_BLOCK = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "ul", "ol",
    "table", "tr", "thead", "tbody", "pre", "dd", "dt", "dl", "figure", "center", "header", "footer", "address",
    "hr", "details", "summary", "body", "html",
})
_CELL = frozenset({"td", "th"})
_HIDDEN = ('[hidden]', '[style*="display:none"]', '[style*="display: none"]', '[aria-hidden="true"]')


@lru_cache(maxsize=256)
def _junk_matcher(selectors: tuple[str, ...]):
    return soupsieve.compile(", ".join(selectors))


def _names_in(soup) -> set[str]:
    """The tag names, class names and ids of a fragment's elements, lowercased."""
    out: set[str] = set()
    for tag in soup.find_all(True):
        out.add(tag.name.lower())
        classes = tag.get("class") or ()
        out.update(c.lower() for c in (classes.split() if isinstance(classes, str) else classes))
        ident = tag.get("id")
        if isinstance(ident, str):
            out.add(ident.lower())
    return out


def _junk_for(soup, extra: tuple[str, ...]):
    """The matcher of the junk selectors (``junk.toml`` + ``extra``) that
    may match in ``soup``: a selector of the forms ``tag``, ``.class``,
    ``#id``, ``tag.class`` (ASCII) whose names the fragment lacks matches
    nothing there and is left out; the rest are kept (soupsieve tries every
    selector of the list on every tag)."""
    names = _names_in(soup)

    def may_match(sel: str) -> bool:
        m = _SIMPLE.match(sel)
        return not (m and sel.isascii() and any(g and g.lower() not in names for g in m.groups()))

    return _junk_matcher(tuple(sel for sel in (*rules().selectors, *_HIDDEN, *extra) if may_match(sel)))


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
    for node in _junk_for(soup, profile.junk if profile else ()).select(soup):
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


_SIMPLE = re.compile(r"^([a-z][\w-]*)?(?:\.([\w-]+))?(?:#([\w-]+))?$")


#: blocks whose class or id may name a comment section (``junk.toml`` ``sections``)
_SECTION_TAGS = frozenset({"div", "section", "ul", "ol", "aside", "form", "dl", "table", "footer"})


@lru_cache(maxsize=1)
def _generic_junk():
    """A matcher of the junk selectors (but ``form``: it may wrap a whole
    ASP.NET page, and ``header``: it may hold the article's title block;
    trafilatura judges those), and of blocks whose class or id names a
    comment section (``junk.toml`` ``sections``). Selectors of the forms
    ``tag``, ``.class``, ``#id``, ``tag.class`` are matched in one pass over
    the tree (a union of ~70 CSS selectors costs lxml some 25 microseconds
    per element); the rest through cssselect."""
    tags, classes, ids, pairs, rest = set(), set(), set(), set(), list(_HIDDEN)
    for sel in rules().selectors:
        if sel in ("form", "header"):
            continue
        m = _SIMPLE.match(sel)
        if not m or not any(m.groups()):
            rest.append(sel)
        elif m.group(3):
            ids.add(m.group(3)) if not m.group(1) and not m.group(2) else rest.append(sel)
        elif m.group(1) and m.group(2):
            pairs.add((m.group(1), m.group(2)))
        elif m.group(2):
            classes.add(m.group(2))
        else:
            tags.add(m.group(1))
    others = css(", ".join(rest))
    sections = rules().sections

    def match(root) -> list:
        found = []
        for el in root.iter():
            tag = el.tag if isinstance(el.tag, str) else ""
            if not tag:
                continue
            if tag in tags:
                found.append(el)
                continue
            cls = el.get("class")
            if cls:
                names = cls.split()
                if classes.intersection(names) or any((tag, c) in pairs for c in names):
                    found.append(el)
                    continue
            ident = el.get("id")
            if ids and ident in ids:
                found.append(el)
            elif tag in _SECTION_TAGS and (cls or ident) and sections.search(f"{cls or ''} {ident or ''}"):
                found.append(el)  # a comment section, by its name
        seen = set(found)
        return found + [el for el in others(root) if el not in seen]

    return match


# --------------------------------------------------------------------------- the generic path
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "textarea", "select"})
_FURNITURE = frozenset({"ul", "ol", "div", "section", "aside", "table", "nav", "dl", "marquee", "p"})
#: elements that may hold an article's text
_CONTAINERS = ("div", "article", "section", "main", "td", "body", "blockquote", "center", "font", "span", "form")
MIN_WORDS = 40  # a body shorter than this makes pantau look further (generic path, captions)


def _norm(text: str) -> str:
    return " ".join(text.split())


def main_element(root):
    """The element holding the most running text of its own: its text and
    its children's tails (``<br>``-separated layouts) plus the text of its
    ``<p>`` children. The article lives in it (or it is the article). None
    when no element holds ``MIN_BODY`` characters so (a photo page: a
    credit line is not an article)."""
    best, best_n = None, MIN_BODY - 1
    for el in root.iter(*_CONTAINERS):
        n = len((el.text or "").strip())
        for c in el:
            n += len((c.tail or "").strip())
            if c.tag == "p":
                n += len(c.text_content().strip())
        if n > best_n:
            best, best_n = el, n
    return best


def _stats(root) -> dict:
    """Per element: (text length, link text length, links). One bottom-up pass."""
    out: dict = {}
    for el in reversed(list(root.iter())):
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP:
            out[el] = (0, 0, 0)
            continue
        text = len((el.text or "").strip())
        link = 0
        n = 1 if tag == "a" else 0
        for c in el:
            ct, cl, cn = out.get(c, (0, 0, 0))
            text += ct + len((c.tail or "").strip())
            link += cl
            n += cn
        out[el] = (text, text if tag == "a" else link, n)
    return out


def _story_items(el, stats: dict) -> int:
    """Children of ``el`` that are items of a list of other stories: a link
    with a date stamp, or a headline heading (with a teaser)."""
    count = 0
    for c in el:
        ct, _, cn = stats.get(c, (0, 0, 0))
        if cn and ct <= 400 and (_has_stamp(c) or _has_headline(c)):
            count += 1
    return count


def _has_headline(el) -> bool:
    """An item of a teaser list: a heading whose link is a headline (four words or more)."""
    for h in el.iter("h2", "h3", "h4", "h5", "h6"):
        if any(len(a.text_content().split()) >= 4 for a in h.iter("a")):
            return True
    return False


def _outside_links(el) -> str:
    """The element's text outside its links (iterative: pages may nest thousands deep)."""
    parts = []
    stack = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        if node.tag != "a":
            parts.append(node.text or "")
        for c in reversed(node):
            stack.append(c.tail or "")
            if isinstance(c.tag, str) and c.tag != "a" and c.tag not in _SKIP:
                stack.append(c)
    return " ".join(parts)


def _has_stamp(el) -> bool:
    """An item naming a date stamp outside its links ("Kamis, 05/11/2015 09:25 WIB", "2 jam lalu")."""
    text = _norm(_outside_links(el))
    return bool(text) and len(text) <= 60 and (bool(date_stamp(text)[0]) or bool(_RELATIVE.search(text)))


_RELATIVE = re.compile(r"\b\d+\s+(?:detik|menit|jam|hari|minggu|bulan)\s+(?:yang\s+)?lalu\b", re.IGNORECASE)


def drop_furniture(root, spare: set) -> list[str]:
    """Remove column furniture recognised by structure, never an element in
    ``spare`` (the article's element and its ancestors): lists of other
    stories (three or more children, at least half of them a link with a
    date stamp or a headline heading with a teaser), blocks that are mostly
    links (three or more links holding at least half of the text, or two
    holding four fifths: tickers, most-popular, related and tag boxes; also
    a paragraph of links with no more than a label of its own: ``Baca
    juga:`` and its headlines, whatever the label says) and marquees.
    Returns the texts removed."""
    stats = _stats(root)
    removed: list[str] = []
    for el in list(root.iter(*_FURNITURE)):
        if el in spare or not _attached(el, root):
            continue
        text, link, n = stats.get(el, (0, 0, 0))
        kids = sum(1 for c in el if isinstance(c.tag, str))
        dense = (n >= 3 and text and link * 2 >= text) or (n >= 2 and text and link * 5 >= text * 4)
        if dense and el.tag == "p" and len(_norm(_outside_links(el))) > 60:
            continue  # a paragraph with a sentence of its own around its links
        if dense or el.tag == "marquee" or (n >= 3 and kids >= 3 and 2 * _story_items(el, stats) >= max(kids, 6)):
            removed.append(_norm(el.text_content())[:200])
            el.drop_tree()
    return removed


def _attached(el, root) -> bool:
    """Whether ``el`` is still in the tree (an ancestor may have been dropped)."""
    top = el
    for top in el.iterancestors():
        pass
    return top is root or el is root


_BEFORE_LEAD = frozenset({"div", "table", "figure", "ul", "ol", "dl", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
                          "section", "header", "aside", "nav"})


def lead_before_first_p(main) -> list[str]:
    """Paragraphs written loose in the article's element before its first
    ``<p>`` (``<strong>Jakarta, Situs</strong> – Tahun depan ...``): the
    lead, when it reads as one (a sentence of eight words or more, or
    fifteen words). Text before a block (a figure, a box, a heading) is not
    part of it."""
    if main is None or main.find("p") is None:
        return []
    parts = [main.text or ""]
    for c in main:
        tag = c.tag if isinstance(c.tag, str) else ""
        if tag == "p":
            break
        if tag in _BEFORE_LEAD:
            parts = []
        elif tag == "br":
            parts.append("\n")
        elif tag and tag not in _SKIP:
            parts.append(c.text_content())
        parts.append(c.tail or "")
    chunks = [_norm(x) for x in re.split(r"\n\s*\n", "".join(parts))]
    return [c for c in chunks if len(c.split()) >= 15 or (len(c.split()) >= 8 and c.endswith((".", "!", "?", '"', "”")))]


def with_lead(paragraphs: list[str], lead: list[str], first_p: str) -> list[str]:
    """``paragraphs`` with the lead paragraphs trafilatura left out put back
    before the article's first ``<p>`` paragraph."""
    missing = [x for x in lead if not any(_key(x)[:80] in _key(p) for p in paragraphs)]
    if not missing:
        return paragraphs
    fk = _key(first_p)[:60]
    for i, p in enumerate(paragraphs):
        if fk and _key(p).startswith(fk):
            return paragraphs[:i] + missing + paragraphs[i:]
    return missing + paragraphs


def captions(root) -> list[str]:
    """The page's figure captions (``figcaption``, elements whose class
    names a caption), in order, each once, not those of other stories: what
    a photo page tells its story in."""
    out: dict[str, None] = {}
    taken: set = set()
    for el in _CAPTIONS(root):
        if any(a in taken for a in el.iterancestors()) or in_headline_list(el):
            continue
        taken.add(el)
        text = _caption_text(el)
        if len(text.split()) >= 4:
            out.setdefault(text)
    return list(out)


_LINE_BLOCKS = frozenset({"p", "div", "br", "li", "figcaption", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
                          "tr", "blockquote", "section"})


def _caption_text(el) -> str:
    """A caption's text, a line per block inside it (``<p>Keterangan</p><span>Situs.com/Nama</span>``: the
    credit on a line of its own, where junk lines find it); inline parts joined with spaces."""
    parts: list[str] = []
    stack: list = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIP:
            continue
        if tag in _LINE_BLOCKS:
            parts.append("\n")
        parts.append(node.text or "")
        for c in reversed(node):
            stack.append(c.tail or "")
            stack.append("\n" if isinstance(c.tag, str) and c.tag in _LINE_BLOCKS else " ")
            if isinstance(c.tag, str):
                stack.append(c)
    lines = (_norm(x) for x in "".join(parts).split("\n"))
    return "\n".join(x for x in lines if x)


_CAPTIONS = css("figcaption, [class*=caption], [class*=keterangan]")


#: figures with captions that make a gallery
GALLERY_FIGURES = 3


def photo_page(text: str, shown: Sequence[str], title: str = "", *, extra=None,
               names: Sequence[str] = ()) -> Optional[tuple[str, tuple[str, ...]]]:
    """(text, junk) told by the figure captions ``shown`` when they are the
    article, else None. The body found (``text``, cleaned) counts by its
    prose: its paragraphs that read as a sentence once credits, counters,
    date stamps, the title and the bylines are taken out
    (:func:`.clean.prose`). The captions are the article when the page has
    several captioned figures (:data:`GALLERY_FIGURES`) and they say more
    than that prose, or when the prose is next to nothing (under
    ``MIN_WORDS``) and the captions say at least twice as much. The prose
    paragraphs stay before the captions (a gallery's intro); the rest of the
    body (a header of credits and counters) goes. The captions lose the
    photo credits closing them (:func:`.clean.uncredited`)."""
    shown = ["\n".join(uncredited(line) for line in c.split("\n")) for c in shown]
    paras = [p for p in text.split("\n\n") if p] if text else []
    # a quick no (most pages): the body's prose already says more than the captions could
    lines = [x for c in shown for x in c.split("\n") if x.strip()]
    most = count_words(lines)
    enough, said = max(most, MIN_WORDS) if len(lines) >= GALLERY_FIGURES else min(MIN_WORDS, most // 2 + 1), 0
    keys = [k for k in map(_key, lines) if k]
    for p in paras:
        if not _retells(p, keys) and _reads_as_prose(p, title, names):
            said += len(p.split())
            if said >= enough:
                return None
    caps, _ = clean_paragraphs(shown, title, extra=extra, names=names)
    if not caps:
        return None
    n, cap_words = caps.count("\n\n") + 1, count_words([caps])
    told = [_key(c) for c in caps.split("\n\n")]
    retold = {p for p in paras if _retells(p, told)}
    intro = [p for p in paras if p not in retold and _reads_as_prose(p, title, names)]
    said = count_words(intro)
    if not ((n >= GALLERY_FIGURES and cap_words > said) or (said < MIN_WORDS and cap_words >= 2 * max(1, said))):
        return None
    out, junk = clean_paragraphs([*intro, *shown], title, extra=extra, names=names)
    return out, (*(p for p in paras if p not in intro and p not in retold), *junk)


def _retells(paragraph: str, caption_keys: Sequence[str]) -> bool:
    """Whether a body paragraph holds a caption (or is held by one): the body read the captions too."""
    k = _key(paragraph)
    return any(c in k or (len(k) >= 20 and k in c) for c in caption_keys)


def _reads_as_prose(paragraph: str, title: str, names: Sequence[str]) -> bool:
    """A paragraph of eight words or more of its own, most of it not furniture."""
    own = len(prose(paragraph, title, names).split())
    return own >= 8 and own >= 0.6 * len(paragraph.split())


def count_words(paragraphs: Iterable[str]) -> int:
    """Words (whitespace-separated) in ``paragraphs``."""
    return sum(len(p.split()) for p in paragraphs)


def generic_paragraphs(root) -> list[str]:
    """Unknown layout: trafilatura's main block, then pantau's own steps:
    the article's element (and the containers around it, whatever their
    class says) is never dropped as junk, column furniture is dropped by
    structure before trafilatura reads the page, and a lead written loose
    before the first ``<p>`` is put back when trafilatura left it out. When
    trafilatura's text leaves out most of the article's element (it took
    another block, or nothing), the element is read instead. One paragraph
    per line."""
    import trafilatura

    main = main_element(root)
    spare = {main, *main.iterancestors()} if main is not None else set()
    lead = lead_before_first_p(main)
    first_p = next((_norm(p.text_content()) for p in main.iterchildren("p") if p.text_content().strip()), "") \
        if lead else ""
    for node in _generic_junk()(root):
        if node.getparent() is not None and node not in spare:
            node.drop_tree()
    drop_furniture(root, spare)
    try:
        got = trafilatura.extract(root, options=_trafilatura_options())
    except RecursionError:  # a page nested beyond Python's recursion limit: read the article's element
        got = None
    paragraphs = got.split("\n") if got else []
    if main is not None and missed(main, got or ""):
        return container_paragraphs(main)
    return with_lead(paragraphs, lead, first_p)


@lru_cache(maxsize=1)
def _trafilatura_options():
    """trafilatura's options for the main block, built once per process
    (``extract`` would otherwise build them from its config file on every
    page: ~0.5 ms each; trafilatura copies them where it changes them).
    include_tables=False: on table-layout sites the whole page is one table."""
    from trafilatura.settings import Extractor

    return Extractor(output_format="txt", comments=False, tables=False, images=False, dedup=False,
                     with_metadata=False)


def missed(main, got: str) -> bool:
    """Whether trafilatura's text leaves out most of the article's element
    (at least 60 words of running text, under half of its words found) and
    is not much longer itself (then it holds more than that element): the
    element is then read as a profile's container would be."""
    words = re.findall(r"[^\W\d_]{3,}", " ".join(main.itertext()).lower())
    found = re.findall(r"[^\W\d_]{3,}", got.lower())
    own = set(words)
    return len(words) >= 60 and len(found) < 1.5 * len(words) and len(own & set(found)) < 0.5 * len(own)


def _key(s: str) -> str:
    return re.sub(r"\W+", "", s.lower())
