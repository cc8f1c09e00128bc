"""Site affixes of titles, learned per host across one run's pages.

Pages put their site's name around the headline (``Judul - Koran Kita``,
``Koran Kita: Judul``). One page alone often cannot tell the site's name
from the headline's last words (no domain, no ``og:site_name``, no
``<h1>``); many pages of one host can: the affix is the segment most of
them share. Before a run parses its pages, :func:`learned` reads every
page's ``<title>`` and ``og:title`` (from its head, without parsing it) and
learns each host's affixes (:func:`extractor.html.learn_affixes`); then
:func:`with_affixes` hands each page of a host its host's affixes, which
:func:`extractor.html.article_from_pages` strips from the title.

Deterministic: the affixes of a host depend on the set of the run's pages
of that host, not on their order, chunking or workers; every page of the
host gets the same ones, the first pages as the last. Learning needs the
pages twice: :func:`with_site_titles` reads a second iterable (or the same
one again, when it can be iterated again, as the readers of
:mod:`extractor.inputs` can); items from a one-shot iterator go through
unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Iterator, Optional

from .html import host_key, learn_affixes, page_titles
from .inputs import Item, RawPage


def learned(items: Iterable[Item]) -> dict[str, tuple[str, ...]]:
    """Per host (:func:`extractor.html.host_key`), the title affixes its
    HTML pages share; hosts with none are left out. Failures, texts and
    parsed articles are skipped."""
    by_host: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for item in items:
        if isinstance(item, RawPage) and item.kind == "html":
            host = host_key(item.url)
            if host:
                by_host[host].append(page_titles(item.content, item.encoding))
    out = {host: learn_affixes(pages) for host, pages in sorted(by_host.items())}
    return {host: affixes for host, affixes in out.items() if affixes}


def with_affixes(items: Iterable[Item], affixes: dict[str, tuple[str, ...]]) -> Iterator[Item]:
    """``items``, each raw HTML page with its host's learned affixes."""
    for item in items:
        if isinstance(item, RawPage) and item.kind == "html" and affixes.get(host_key(item.url)):
            item = replace(item, title_affixes=affixes[host_key(item.url)])
        yield item


def with_site_titles(items: Iterable[Item], learn_from: Optional[Iterable[Item]] = None) -> Iterator[Item]:
    """``items`` with their hosts' title affixes, learned first from
    ``learn_from`` (the same pages, read apart: for the crawl, without the
    side effects of reading) or from ``items`` itself when it can be
    iterated again. A one-shot iterator passes through unchanged."""
    if learn_from is None:
        if iter(items) is items:  # a one-shot iterator: nothing to read twice
            yield from items
            return
        learn_from = items
    yield from with_affixes(items, learned(learn_from))
