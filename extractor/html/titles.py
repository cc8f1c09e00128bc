"""Headlines without the site's name: small pure functions.

Pages repeat their site's name around the headline in ``og:title`` and
``<title>``: ``Judul - NamaSitus.com``, ``NamaSitus.com: Judul``, ``Judul |
Situs``, ``Judul : Okezone News``. :func:`headline` prefers the page's
``<h1>`` when the chosen title is that ``<h1>`` plus an affix (or cut short,
or the same words otherwise written), and strips a
leading or trailing segment that names the site (its host, its
``og:site_name``, a domain) or that a crawl has seen on many titles of the
host (:func:`learn_affixes` from the pages' :func:`page_titles`, per
:func:`host_key`; the batch learns them per run, :mod:`extractor.site_titles`).
The learned affixes are passed in, nothing is remembered between calls, so
one page with the same affixes always gives the same title.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from typing import Iterable, Sequence

from .document import split_url

#: separators between a headline and a site affix
_SEP = re.compile(r"\s+(?:[-–—|~»·:]|::|\|\||--)\s+|(?<=\.com):\s*|(?<=\.id):\s*")
_DOMAIN = re.compile(r"\.(?:com|co\.id|co|id|net|org|news|tv|my\.id|web\.id)\b", re.IGNORECASE)
#: host labels that name no site
_GENERIC_LABELS = {"www", "m", "amp", "mobile", "com", "co", "id", "net", "org", "news", "go", "or", "ac", "web",
                   "my", "sch", "blogspot", "wordpress"}


def key(s: str) -> str:
    """Letters and digits only, lowercased: what two spellings of one name share."""
    return re.sub(r"\W+", "", (s or "").lower())


def site_keys(url: str = "", names: Iterable[str] = ()) -> frozenset[str]:
    """Keys that name the site: the host's labels (``nasional.kompas.com`` ->
    ``nasional``, ``kompas``; ``sumsel.tribunnews.com`` -> ``sumsel``,
    ``tribunnews``) and the given names (``og:site_name``, the publisher)."""
    host = (split_url(url).hostname or "").lower()
    labels = {x for x in host.split(".") if len(x) >= 3 and x not in _GENERIC_LABELS}
    return frozenset({*labels, *(k for k in (key(n) for n in names) if len(k) >= 3)})


def is_site_name(part: str, keys: Iterable[str] = (), affixes: Iterable[str] = ()) -> bool:
    """Whether a title segment names the site rather than the story: a
    learned affix, a domain (``Kompas.com``), or at most five words sharing
    a key with the site (``Okezone News``, ``News Liputan6.com``, ``Tempo
    Nasional``)."""
    part = part.strip()
    k = key(part)
    if not k:
        return False
    if k in {key(a) for a in affixes}:
        return True
    if len(part.split()) > 5:
        return False
    if _DOMAIN.search(part) and len(part.split()) <= 4:
        return True
    return any(sk in k or (len(k) >= 4 and k in sk) for sk in keys if len(sk) >= 4)


def _segments(title: str) -> list[str]:
    return [p for p in _SEP.split(title) if p is not None]


def strip_affixes(title: str, keys: Iterable[str] = (), affixes: Iterable[str] = ()) -> str:
    """The title without leading and trailing segments that name the site;
    the title itself when nothing would be left."""
    keys = tuple(keys)
    parts = [p.strip() for p in _segments(title) if p.strip()]
    if len(parts) < 2:
        return title.strip()
    while len(parts) > 1 and is_site_name(parts[-1], keys, affixes):
        parts.pop()
    while len(parts) > 1 and is_site_name(parts[0], keys, affixes):
        parts.pop(0)
    if len(parts) == len(_segments(title)):
        return title.strip()
    return _rejoin(title, parts)


def _rejoin(title: str, parts: list[str]) -> str:
    """The stretch of ``title`` from the first kept part to the last (keeps its own separators)."""
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else " - ".join(parts)


def affixed(title: str, h1: str) -> bool:
    """Whether ``title`` is ``h1`` plus leading or trailing segments no
    longer than ``h1`` itself."""
    kh = key(h1)
    if not kh or key(title) == kh:
        return False
    parts = [p.strip() for p in _segments(title) if p.strip()]
    n = len(h1.split())
    for i in range(1, len(parts)):
        head, tail = " ".join(parts[:i]), " ".join(parts[i:])
        if key(head) == kh and len(tail.split()) <= n or key(tail) == kh and len(head.split()) <= n:
            return True
    return False


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def same_story(title: str, h1: str) -> bool:
    """Whether ``h1`` is the visible form of ``title``: the same letters,
    ``title`` plus affixes, ``title`` cut short (``Judul panjang ...``, as
    JSON-LD headlines often are), or mostly the same words (another case,
    other quotes, an entity left escaped)."""
    if key(h1) == key(title) or affixed(title, h1):
        return True
    cut = title.rstrip(" .…")
    if cut != title and len(cut) >= 20 and key(h1).startswith(key(cut)):
        return True
    a, b = _words(title), _words(h1)
    return bool(a and b) and len(a & b) >= 0.6 * len(a | b)


def headline(title: str, h1s: Iterable[str] = (), *, url: str = "", names: Iterable[str] = (),
             affixes: Iterable[str] = ()) -> str:
    """The headline from the chosen title: the page's ``<h1>`` when it is
    the same story's headline (:func:`same_story`; the page's visible form
    wins), else the title with the site's affixes stripped."""
    title = " ".join(html.unescape(title or "").split())
    keys = site_keys(url, names)
    for h1 in h1s:
        h1 = " ".join(h1.split())
        if len(h1.split()) >= 2 and not is_site_name(h1, keys, affixes) and same_story(title, h1):
            return h1
    return strip_affixes(title, keys, affixes) if title else ""


def learn_affixes(titles: Iterable[str | Sequence[str]], *, min_share: float = 0.5,
                  min_count: int = 3) -> tuple[str, ...]:
    """Affixes of one host learned from its titles: a first or last segment
    found on at least ``min_count`` pages and on at least ``min_share`` of
    them. Each item is a title, or the titles of one page (``<title>`` and
    ``og:title``: :func:`page_titles`), whose segments count once for the
    page. Learned again from the titles without what was learned, so a
    constant section between headline and site (``Judul - Berita Jatim -
    Koran Kita``) is learned too. Pass the result to :func:`headline`
    (``affixes``) for that host's pages; the same titles give the same
    affixes, in sorted order."""
    pages = [[" ".join(t.split()) for t in ((x,) if isinstance(x, str) else x) if t and t.strip()] for x in titles]
    pages = [ts for ts in pages if ts]
    need = max(min_count, int(min_share * len(pages) + 0.999))
    learned: set[str] = set()
    for _ in range(3):
        counts: Counter = Counter()
        for ts in pages:
            ends: set[str] = set()
            for t in ts:
                parts = [p.strip() for p in _segments(strip_affixes(t, (), learned) if learned else t) if p.strip()]
                if len(parts) >= 2:
                    ends.update({parts[0], parts[-1]})
            counts.update(ends)
        new = {a for a, n in counts.items() if n >= need} - learned
        if not new:
            break
        learned |= new
    return tuple(sorted(learned))


def host_key(url: str) -> str:
    """The host whose titles share affixes: the URL's host, lowercased, without ``www.``."""
    host = (split_url(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


_HEAD_END = re.compile(rb"</head\s*>|<body\b", re.IGNORECASE)
_TITLE_TAG = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_META_TAG = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def page_titles(page: bytes | str, encoding: str | None = None) -> tuple[str, ...]:
    """A page's ``<title>`` and ``og:title`` (or ``twitter:title``), read
    from its head without parsing the page: what :func:`learn_affixes`
    learns from. () for a page that cannot be decoded."""
    from .document import decode
    from ..errors import ParseError

    if isinstance(page, bytes):
        m = _HEAD_END.search(page, 0, 400_000)
        try:
            page = decode(page[:m.start()] if m else page[:400_000], encoding)
        except ParseError:
            return ()
    else:
        m = re.search(r"</head\s*>|<body\b", page[:400_000], re.IGNORECASE)
        page = page[:m.start()] if m else page[:400_000]
    out: list[str] = []
    t = _TITLE_TAG.search(page)
    if t:
        out.append(t.group(1))
    for tag in _META_TAG.findall(page):
        attrs = {k.lower(): a or b or c for k, a, b, c in _ATTR.findall(tag)}
        if (attrs.get("property") or attrs.get("name") or "").lower() in ("og:title", "twitter:title"):
            out.append(attrs.get("content") or "")
    titles = (" ".join(html.unescape(re.sub(r"<[^>]+>", " ", x)).split()) for x in out)
    return tuple(dict.fromkeys(x for x in titles if x))
