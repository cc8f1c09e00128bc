"""Input readers: items for the batch runner (:mod:`extractor.batch`) from
one input each. An item is a :class:`RawPage` (parsed later, in the
extraction workers), a :class:`~extractor.runlog.Failure` for what could
not be read, or a :class:`~extractor.runlog.Notice` for a value dropped
from an item stored without it (a published date that is not a date); a
reader never stops at a bad record.

- :func:`read_file`: one ``.html``/``.htm`` or ``.txt`` file;
- :func:`read_jsonl`: a JSONL file, one article per line (``url``, ``title``,
  ``published``, and ``text`` or ``html``, each a string); a line that is not
  such an object is a Failure with its line number, the lines around it are read;
- :func:`read_warc`: WARC files (pantau's archive, or foreign ones such as
  Common Crawl News: every HTML response with status 200);
- :func:`read_local`: any of these, or a folder of them.

A path that does not exist, or a folder with nothing to read, is an
:class:`~extractor.errors.InputError` when the reader is called, before any
item is read.
The readers return :class:`Items`, which read the input again each time
they are iterated (the batch reads the pages' titles first).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterator, Optional, Union

from .archive import ArchivedArticle, iter_articles, warc_files
from .errors import InputError, InputWarning, Msg
from .html import article_from_html, article_from_pages, article_from_text, pages_hash
from .html.clean import parse_datetime
from .isodates import iso_date
from .runlog import Failure, Notice
from .types import Article

_PAGE_SUFFIXES = (".html", ".htm", ".txt")
_WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True)
class RawPage:
    """A page not parsed yet: parsing happens in the extraction workers."""

    url: str
    content: Union[bytes, str]
    kind: str = "html"  # "html" or "text"
    title: str = ""
    published: Optional[str] = None
    source: str = ""
    encoding: Optional[str] = None
    fetched_at: str = ""
    #: the continuation pages of a multi-page article: (body, charset) in order
    more: tuple[tuple[bytes, Optional[str]], ...] = ()
    outlet: str = ""
    #: site affixes of its host's titles learned across the run (:mod:`extractor.site_titles`)
    title_affixes: tuple[str, ...] = ()

    @property
    def content_hash(self) -> str:
        """Equal to the ``html_hash`` the parsed Article will carry."""
        return pages_hash([self.content, *(body for body, _ in self.more)])

    def parse(self) -> Article:
        if self.kind == "text":
            return article_from_text(self.content, self.url, title=self.title, published=self.published,
                                     source=self.source)
        if self.more:  # one article from its pages, each page and paragraph once
            art = article_from_pages([self.content, *(body for body, _ in self.more)], self.url,
                                     encoding=self.encoding, source=self.source, fetched_at=self.fetched_at,
                                     outlet=self.outlet, title_affixes=self.title_affixes)
        else:
            art = article_from_html(self.content, self.url, encoding=self.encoding, source=self.source,
                                    fetched_at=self.fetched_at, outlet=self.outlet, title_affixes=self.title_affixes)
        if self.title or (self.published and not art.published):
            art = replace(art, title=self.title or art.title, published=art.published or self.published)
        return art


Item = Union[Article, RawPage, Failure, Notice]


class Items:
    """The items of one input, read afresh each time they are iterated (the
    batch reads the pages' titles first: :mod:`extractor.site_titles`)."""

    def __init__(self, read: Callable[[], Iterator[Item]]):
        self._read = read

    def __iter__(self) -> Iterator[Item]:
        return self._read()


def raw_from_archive(art: ArchivedArticle, *, url: Optional[str] = None, published: Optional[str] = None) -> RawPage:
    """The RawPage of an archived article (its pages joined when parsed)."""
    first, *more = art.pages
    # the date discovery gave: a feed's own, checked again (an archive of an older pantau may hold any string)
    published = iso_date(published or art.published)
    return RawPage(url or art.url, first.body, "html", published=published, source=art.source,
                   encoding=first.encoding, fetched_at=art.fetched_at, outlet=art.source,
                   more=tuple((p.body, p.encoding) for p in more))


def read_local(path: Union[str, Path]) -> Items:
    """A folder (its .html/.htm/.txt files, then its WARC files, searched
    recursively), or one file of any kind :func:`read_file`,
    :func:`read_jsonl` or :func:`read_warc` reads."""
    p = Path(path)
    if not p.exists():
        raise InputError(Msg.INPUT_NOT_FOUND.format(path=p))
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.suffix.lower() in _PAGE_SUFFIXES and f.is_file())
        warcs = sorted(f for f in p.rglob("*") if f.name.lower().endswith(_WARC_SUFFIXES) and f.is_file())
        if not files and not warcs:
            raise InputError(Msg.INPUT_EMPTY.format(path=p))
        return Items(lambda: _folder(files, warcs))
    if p.name.lower().endswith(_WARC_SUFFIXES):
        return read_warc(p)
    if p.suffix.lower() in (".jsonl", ".ndjson"):
        return read_jsonl(p)
    return Items(lambda: _folder([p], []))


def read_file(f: Path) -> Item:
    """One page: ``.html``/``.htm`` as HTML, anything else as plain text (decoded by
    :mod:`extractor.encoding`, as pages are)."""
    url = f.resolve().as_uri()
    try:
        raw = f.read_bytes()
    except OSError as exc:
        return Failure(url, "input", InputError(Msg.INPUT_UNREADABLE.format(path=f, detail=exc)))
    if f.suffix.lower() in (".html", ".htm"):
        return RawPage(url, raw, "html", source="local")
    return RawPage(url, raw, "text", source="local")  # decoded like pages: BOM, UTF-8, windows-1252, ...


def read_jsonl(p: Path) -> Items:
    """One article per line (``url``, ``title``, ``published``, and ``text`` or
    ``html``); a line that is not such an object is a Failure with its line number."""
    if not p.exists():
        raise InputError(Msg.INPUT_NOT_FOUND.format(path=p))
    return Items(lambda: _jsonl(p))


#: the fields of a JSONL line pantau reads, each a string when present (null: absent)
_JSONL_FIELDS = ("url", "title", "published", "text", "html")


def _jsonl(p: Path) -> Iterator[Item]:
    uri = p.resolve().as_uri()  # once, not for every line (a realpath: an lstat per directory)
    with p.open("r", encoding="utf-8-sig", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            url = f"{uri}#L{n}"
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
                wrong = next((k for k in _JSONL_FIELDS if obj.get(k) is not None and not isinstance(obj[k], str)),
                             None)
                if wrong:
                    raise ValueError(Msg.INPUT_FIELD_TYPE.format(field=wrong, kind="a string",
                                                                 got=_json_type(obj[wrong])))
            except ValueError as exc:  # (json.JSONDecodeError is one)
                yield Failure(url, "input", InputError(Msg.INPUT_JSONL.format(path=p, line=n, detail=exc)))
                continue
            url = obj.get("url") or url
            kind = "html" if obj.get("html") else "text" if obj.get("text") else None
            if kind is None:
                yield Failure(url, "input", InputError(Msg.INPUT_JSONL.format(path=p, line=n,
                                                                              detail="needs 'text' or 'html'")))
                continue
            published, notice = _published(obj.get("published"), url, f"{p} line {n}")
            if notice is not None:
                yield notice
            yield RawPage(url, obj[kind], kind, title=obj.get("title") or "", published=published, source="jsonl")


def _json_type(value) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}.get(
        type(value), type(value).__name__)


def _published(value: Optional[str], url: str, where: str) -> tuple[Optional[str], Optional[Notice]]:
    """A published date given with an input, as ISO 8601 (:func:`~extractor.isodates.iso_date`;
    a date written as pages write them, ``30 November 2024``, is read as pages' are), or
    None and a Notice when it is not a date: it never reaches a date column."""
    if not value or not value.strip():
        return None, None
    iso = iso_date(value)
    if iso is None and not _ISO_SHAPED.match(value.strip()):
        iso = iso_date(parse_datetime(value))
    if iso is None:
        return None, Notice(url, "input", InputWarning(f"{where}: " + Msg.INPUT_DATE.format(value=value[:80])))
    return iso, None


_ISO_SHAPED = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


def read_warc(path: Union[str, Path]) -> Items:
    """Articles from the WARC files at ``path`` (a file, or a folder searched
    recursively): pantau's archive, multi-page articles joined, or foreign
    WARCs such as Common Crawl News."""
    files = warc_files(path)
    return Items(lambda: _warc(files))


def _warc(files: list[Path]) -> Iterator[Item]:
    problems: list = []
    for got in iter_articles(files, problems):
        if isinstance(got, tuple):
            yield Failure(got[0], "input", got[1])
        else:
            yield raw_from_archive(got)
    for f, exc in problems:
        yield Failure(f, "input", exc)


def _folder(files: list[Path], warcs: list[Path]) -> Iterator[Item]:
    for f in files:
        yield read_file(f)
    for f in warcs:
        yield from _warc([f])
