"""The raw-response archive: WARC files (warcio), one per run.

Every successful response the crawl gets (articles, their continuation
pages, feeds, sitemaps, listing pages) is written as a WARC ``response``
record with its HTTP status line and headers and the decoded body. Each
article is closed by a ``metadata`` record (``application/json``) naming
its canonical URL, source, discovery date and title, the charset chosen,
and its pages in order with their offsets, so a multi-page article comes
back as one article. The database references that metadata record
(``urls.warc_file``, ``urls.warc_offset``).

Records are gzip members, flushed before the database points at them: a
run killed mid-write leaves at most a truncated last record that nothing
references, and readers stop there.

Writing: :class:`RunArchive`, one file per run (``ArchiveWriter`` below it).
Reading: :func:`read_article` follows one database reference;
:func:`iter_articles` walks WARC files alone - pantau's own (articles by
their metadata records; discovery documents skipped) and foreign ones such
as Common Crawl News (every HTML response with status 200 is an article).
A later record for the same URL replaces an earlier one.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Union

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from . import __version__
from .encoding import header_charset
from .errors import InputError, Msg, describe

if TYPE_CHECKING:
    from .transport import Response

PANTAU_KIND = "WARC-Pantau-Kind"  # article page or discovery document: page, feed, sitemap, listing
ARTICLE_TYPE = "application/vnd.pantau.article+json"
_DROP_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True)
class ArchivedPage:
    url: str
    body: bytes
    encoding: Optional[str]
    status: int = 200
    content_type: str = ""
    date: str = ""


@dataclass(frozen=True)
class ArchivedArticle:
    """One article as archived: its pages in order, and what discovery knew."""

    url: str
    pages: tuple[ArchivedPage, ...]
    source: str = ""
    published: Optional[str] = None
    title: str = ""
    fetched_at: str = ""
    location: tuple[str, int] = ("", 0)  # (file, offset) of the record it was read from


@dataclass
class _Index:
    responses: dict = field(default_factory=dict)  # record id -> (file, offset)
    articles: dict = field(default_factory=dict)  # canonical url -> (file, offset) of its metadata record
    loose: dict = field(default_factory=dict)  # url -> (file, offset) of a response no metadata names
    claimed: set = field(default_factory=set)  # record ids named by a metadata record


def _warc_date(iso: str) -> str:
    try:
        when = dt.datetime.fromisoformat(iso.replace("Z", "+00:00")) if iso else dt.datetime.now(dt.timezone.utc)
    except ValueError:
        when = dt.datetime.now(dt.timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class ArchiveWriter:
    """Appends records to ``directory/name.warc.gz``. Use as a context manager."""

    def __init__(self, directory: Union[str, Path], name: str):
        self.dir = Path(directory)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.path = self.dir / f"{name}.warc.gz"
        self._fh = open(self.path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True)
        if self._fh.tell() == 0:
            info = self._writer.create_warcinfo_record(self.path.name, {
                "software": f"pantau/{__version__} (warcio)", "format": "WARC File Format 1.1",
                "description": "raw responses of a pantau crawl; articles are closed by metadata records of type "
                               + ARTICLE_TYPE})
            self._write(info)
            self.flush()

    def __enter__(self) -> "ArchiveWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.flush()
            self._fh.close()

    def flush(self) -> None:
        """Hand what was written to the operating system (survives a killed process)."""
        self._fh.flush()

    def _write(self, record) -> int:
        offset = self._fh.tell()
        self._writer.write_record(record)
        return offset

    def write_response(self, url: str, status: int, reason: str, headers: Iterable[tuple[str, str]], body: bytes,
                       date: str, kind: str = "page", http_version: str = "HTTP/1.1") -> tuple[int, str]:
        """Write one response; returns (offset, WARC-Record-ID). The body is the
        decoded one, so Content-Encoding and Transfer-Encoding are dropped and
        Content-Length is the stored length."""
        kept = [(k, v) for k, v in headers if k.lower() not in _DROP_HEADERS]
        kept.append(("Content-Length", str(len(body))))
        http = StatusAndHeaders(f"{status} {reason or 'OK'}", kept, protocol=http_version or "HTTP/1.1")
        rec = self._writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                              http_headers=http,
                                              warc_headers_dict={"WARC-Date": _warc_date(date), PANTAU_KIND: kind})
        return self._write(rec), rec.rec_headers.get_header("WARC-Record-ID")

    def write_article(self, url: str, pages: list[dict], *, source: str = "", published: Optional[str] = None,
                      title: str = "", fetched_at: str = "", refers_to: str = "") -> int:
        """Close an article: ``pages`` are dicts with url, offset, record_id and
        encoding, in reading order. Returns the metadata record's offset."""
        meta = {"pantau": 1, "url": url, "source": source, "published": published, "title": title,
                "fetched_at": fetched_at, "pages": pages}
        data = json.dumps(meta, ensure_ascii=False).encode("utf-8")
        headers = {"WARC-Date": _warc_date(fetched_at)}
        if refers_to:
            headers["WARC-Refers-To"] = refers_to
        rec = self._writer.create_warc_record(url, "metadata", payload=io.BytesIO(data), length=len(data),
                                              warc_content_type=ARTICLE_TYPE, warc_headers_dict=headers)
        return self._write(rec)


def default_archive_dir(db_path: Union[str, Path]) -> Path:
    """Where a run that is not told otherwise keeps its WARC files: ``NAME-archive/`` beside ``NAME.db``."""
    p = Path(db_path)
    return p.with_name(f"{p.stem}-archive")


class RunArchive:
    """One run's WARC file (``pantau-RUN-TIME.warc.gz`` in ``directory``),
    opened at the first record. Each write is flushed before it returns, so
    the database may point at it (:attr:`ref`, offset) at once."""

    def __init__(self, directory: Union[str, Path], run_id: Optional[int], base: Union[str, Path]):
        self.dir, self.run_id, self.base = Path(directory), run_id, Path(base)
        self._writer: Optional[ArchiveWriter] = None
        self._ref = ""

    def _open(self) -> ArchiveWriter:
        if self._writer is None:
            stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
            self._writer = ArchiveWriter(self.dir, f"pantau-{self.run_id or 0:05d}-{stamp}")
            self._ref = relative_to(self._writer.path, self.base)
        return self._writer

    @property
    def ref(self) -> str:
        """The WARC file as the database records it (relative to ``base``, the database's folder, when inside it)."""
        self._open()
        return self._ref

    def document(self, resp: "Response", kind: str) -> tuple[str, int]:
        """A discovery document's response (``kind``: feed, sitemap, listing); returns (ref, offset)."""
        w = self._open()
        offset, _ = w.write_response(resp.final_url, resp.status, resp.reason, resp.headers, resp.body,
                                     resp.fetched_at, kind=kind, http_version=resp.http_version)
        w.flush()
        return self.ref, offset

    def article(self, url: str, pages: list["Response"], *, source: str, published: Optional[str],
                title: str) -> tuple[str, int]:
        """An article's pages, in reading order, closed by its metadata record
        (``url``: its canonical URL); returns (ref, offset of the metadata record)."""
        w = self._open()
        entries = []
        for p in pages:
            offset, rid = w.write_response(p.final_url, p.status, p.reason, p.headers, p.body, p.fetched_at,
                                           kind="page", http_version=p.http_version)
            entries.append({"url": p.final_url, "offset": offset, "record_id": rid, "encoding": p.encoding})
        meta_offset = w.write_article(url, entries, source=source, published=published, title=title,
                                      fetched_at=pages[0].fetched_at, refers_to=entries[0]["record_id"])
        w.flush()  # on disk (for a killed process) before the database points at it
        return self.ref, meta_offset

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()


# --------------------------------------------------------------------------- reading
def warc_files(path: Union[str, Path]) -> list[Path]:
    """The WARC files at ``path`` (a file, or a folder searched recursively), in name order."""
    p = Path(path)
    if not p.exists():
        raise InputError(Msg.ARCHIVE_NOT_FOUND.format(path=p))
    if p.is_file():
        return [p]
    files = sorted(f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(_SUFFIXES))
    if not files:
        raise InputError(Msg.ARCHIVE_EMPTY.format(path=p))
    return files


def _record_at(path: Path, offset: int):
    fh = open(path, "rb")
    try:
        fh.seek(offset)
        it = ArchiveIterator(fh)
        rec = next(iter(it))
        return rec, fh
    except (StopIteration, ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
        fh.close()
        detail = "no readable WARC record there (damaged?)" if isinstance(exc, ArchiveLoadFailed) else describe(exc)
        raise InputError(Msg.ARCHIVE_RECORD.format(path=path, offset=offset, detail=detail)) from exc


def _read_response(path: Path, offset: int, encoding: Optional[str] = None, record_id: str = "") -> ArchivedPage:
    rec, fh = _record_at(path, offset)
    with fh:
        if rec.rec_type != "response":
            raise InputError(Msg.ARCHIVE_RECORD.format(path=path, offset=offset, detail=f"a {rec.rec_type} record"))
        if record_id and rec.rec_headers.get_header("WARC-Record-ID") not in (None, record_id):
            raise InputError(Msg.ARCHIVE_RECORD.format(path=path, offset=offset, detail=f"not the record {record_id}"))
        return _page(rec, encoding)


def _page(rec, encoding: Optional[str] = None) -> ArchivedPage:
    body = rec.content_stream().read()
    http = rec.http_headers
    status = int(http.get_statuscode() or 0) if http else 0
    ctype = (http.get_header("Content-Type") or "") if http else ""
    if encoding is None and ctype:
        encoding = header_charset(ctype)
    return ArchivedPage(rec.rec_headers.get_header("WARC-Target-URI") or "", body, encoding, status,
                        ctype.split(";")[0].strip().lower(), rec.rec_headers.get_header("WARC-Date") or "")


def read_article(path: Union[str, Path], offset: int, records: Optional[dict] = None) -> ArchivedArticle:
    """The article whose metadata record is at ``offset`` in ``path``. Its pages
    are found by record id in ``records`` (record id -> (file, offset), as
    :func:`iter_articles` indexed them) when given: the offsets the metadata
    record states are those of the file as written, which no longer hold once
    it is recompressed or gunzipped (``.warc.gz`` -> ``.warc``)."""
    path = Path(path)
    rec, fh = _record_at(path, offset)
    with fh:
        if rec.rec_type != "metadata":
            raise InputError(Msg.ARCHIVE_RECORD.format(path=path, offset=offset, detail=f"a {rec.rec_type} record"))
        try:
            meta = json.loads(rec.content_stream().read().decode("utf-8"))
        except ValueError as exc:
            raise InputError(Msg.ARCHIVE_RECORD.format(path=path, offset=offset, detail=exc)) from exc
    pages = tuple(_read_response(*_page_location(path, p, records), p.get("encoding"), p.get("record_id") or "")
                  for p in meta["pages"])
    return ArchivedArticle(meta["url"], pages, meta.get("source") or "", meta.get("published"),
                           meta.get("title") or "", meta.get("fetched_at") or "", (str(path), offset))


def _page_location(path: Path, page: dict, records: Optional[dict]) -> tuple[Path, int]:
    found = (records or {}).get(page.get("record_id"))
    return (Path(found[0]), found[1]) if found else (path, page["offset"])


#: where a record may begin: a gzip member (``.warc.gz``, one member per record) or a WARC header line
_GZIP_MAGIC, _WARC_MAGIC = b"\x1f\x8b\x08", b"WARC/1."
_HEADER = re.compile(r"^(WARC-Type|WARC-Target-URI|Content-Length):[ \t]*(\S+)", re.MULTILINE | re.IGNORECASE)


def _headers_at(fh, offset: int, gz: bool) -> tuple[dict, int]:
    """The WARC headers of the (perhaps damaged) record at ``offset`` that can
    still be read, and the length of the header block (0: unknown)."""
    fh.seek(offset)
    raw = fh.read(1 << 16)
    if gz:
        try:
            raw = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, 1 << 16)
        except zlib.error:
            raw = b""
    cut = raw.find(b"\r\n\r\n")
    text = raw[:cut if cut >= 0 else 4096].decode("utf-8", "replace")
    return {k.lower(): v for k, v in (m.groups() for m in _HEADER.finditer(text))}, (cut + 4 if cut >= 0 else 0)


def _what(headers: dict) -> str:
    """' (the response record of URL)' for a record whose headers could be read."""
    if not headers:
        return ""
    uri = headers.get("warc-target-uri")
    return f" (the {headers.get('warc-type') or 'WARC'} record" + (f" of {uri})" if uri else ")")


def _next_start(fh, after: int, gz: bool) -> int:
    """The offset of the next place a record may begin after ``after``, or -1."""
    magic = _GZIP_MAGIC if gz else _WARC_MAGIC
    pos = after + 1
    while True:
        fh.seek(pos)
        block = fh.read(1 << 20)
        if not block:
            return -1
        i = block.find(magic)
        while i >= 0 and not gz and i > 0 and block[i - 1:i] != b"\n":  # a WARC header starts a line
            i = block.find(magic, i + 1)
        if i >= 0:
            return pos + i
        if len(block) < len(magic):
            return -1
        pos += len(block) - len(magic) + 1


def _cut_short(fh, offset: int, size: int, gz: bool) -> bool:
    """Whether an uncompressed record at ``offset`` ends before its Content-Length says
    (warcio reads a cut last record as a short one; a gzip member cut short ends its reading)."""
    if gz:
        return False
    headers, head = _headers_at(fh, offset, False)
    if not head:  # its header block never ends
        return True
    try:
        return offset + head + int(headers.get("content-length", "0")) > size
    except ValueError:
        return False


def _index(files: list[Path], problems: list) -> _Index:
    """Index every readable record of ``files``. A damaged or cut part is skipped
    to the next record that can be read (the next gzip member, the next WARC
    header) and recorded in ``problems`` as (file, InputError) with its offset,
    its length and what it held, when its headers say."""
    idx = _Index()
    for f in files:
        size = os.path.getsize(f)
        with open(f, "rb") as fh:  # (the iterator reads a handle of its own)
            gz = fh.read(2) == _GZIP_MAGIC[:2]
            start, bad, total = 0, None, 0  # bad: where a damaged span began
            while 0 <= start < size:
                end, failure, read = _index_from(fh, f, start, gz, size, idx)
                total += read
                if failure is None and end <= start:  # nothing read and nothing said: not WARC from here
                    failure = "not a WARC record"
                if read and bad is not None:  # records again after a damaged span
                    problems.append(_lost(f, fh, bad, start, gz))
                    bad = None
                if failure is None and end >= size:
                    break
                fh.seek(end)
                if failure is None and not fh.read(1 << 16).strip(b"\r\n\x00 \t"):
                    break  # padding after the last record
                bad = end if bad is None else bad
                start = _next_start(fh, end, gz)
            if not total:
                problems.append((str(f), InputError(Msg.ARCHIVE_NO_RECORDS.format(path=f, size=size))))
            elif bad is not None:
                problems.append(_lost(f, fh, bad, size, gz))
    return idx


def _lost(f: Path, fh, begin: int, stop: int, gz: bool) -> tuple[str, InputError]:
    """The problem of the bytes ``begin``..``stop`` that could not be read: the
    file's end cut short, or a damaged span the records after which were read."""
    fh.seek(begin)
    head = fh.read(64)
    begin += len(head) - len(head.lstrip(b"\r\n"))  # (the blank lines closing the record before)
    what = _what(_headers_at(fh, begin, gz)[0])
    size = os.path.getsize(f)
    msg = Msg.ARCHIVE_CUT if stop >= size else Msg.ARCHIVE_DAMAGED
    return str(f), InputError(msg.format(path=f, offset=begin, length=stop - begin, what=what))


def _index_from(fh, f: Path, start: int, gz: bool, size: int, idx: _Index) -> tuple[int, Optional[str], int]:
    """Index the records from ``start`` on until the file ends or a record cannot
    be read: (end of the last whole record, the error or None, records read).
    ``fh`` is for looking at a record's bytes; the iterator reads a handle of its own."""
    with open(f, "rb") as own:
        own.seek(start)
        return _index_records(ArchiveIterator(own), fh, f, start, gz, size, idx)


def _index_records(it, fh, f: Path, start: int, gz: bool, size: int, idx: _Index) -> tuple[int, Optional[str], int]:
    end, read = start, 0
    try:
        for rec in it:
            rtype = rec.rec_type
            rid = rec.rec_headers.get_header("WARC-Record-ID")
            uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
            # (get_record_offset() reads the record to its end: content first)
            content = rec.content_stream().read() if rtype == "metadata" else b""
            offset = it.get_record_offset()
            if offset + it.get_record_length() >= size - 4 and _cut_short(fh, offset, size, gz):
                return end, "cut short", read
            end = offset + it.get_record_length()
            read += 1
            if rtype == "response":
                kind = rec.rec_headers.get_header(PANTAU_KIND)
                idx.responses[rid] = (f, offset)
                http = rec.http_headers
                ctype = ((http.get_header("Content-Type") or "") if http else "").split(";")[0].strip()
                status = http.get_statuscode() if http else ""
                # pantau's own pages without their metadata record are the unfinished
                # article of a killed run (fetched again later): only foreign ones are loose
                if kind is None and status == "200" and ctype.lower() in ("text/html", "application/xhtml+xml"):
                    idx.loose[uri] = (f, offset, rid)
            elif rtype == "metadata" and rec.rec_headers.get_header("Content-Type") == ARTICLE_TYPE:
                try:
                    meta = json.loads(content.decode("utf-8"))
                    pages = [p.get("record_id") for p in meta.get("pages", ())]
                    url = meta["url"]
                except (ValueError, KeyError, TypeError, AttributeError):
                    return offset, "an unreadable article metadata record", read
                idx.claimed.update(pages)
                idx.articles.pop(url, None)  # re-insert: the latest goes last
                idx.articles[url] = (f, offset)
    except Exception as exc:  # ArchiveLoadFailed, EOFError, zlib.error ... from a cut or damaged file
        return end, describe(exc), read
    return end, None, read


def iter_articles(files: list[Path], problems: Optional[list] = None) -> Iterator[Union[ArchivedArticle, tuple]]:
    """Articles in these WARC files (:func:`warc_files`): pantau's by their metadata
    records (pages joined), foreign HTML responses one by one (a pantau page
    that no metadata record names is an unfinished article, skipped). Unreadable
    parts are appended to ``problems`` as (file, InputError); an article
    that cannot be read back is yielded as (url, InputError)."""
    problems = problems if problems is not None else []
    idx = _index(files, problems)
    for url, (f, offset) in idx.articles.items():
        try:
            yield read_article(f, offset, idx.responses)
        except InputError as exc:
            yield url, exc
    for url, (f, offset, rid) in idx.loose.items():
        if rid in idx.claimed or url in idx.articles:
            continue
        try:
            page = _read_response(f, offset)
        except InputError as exc:
            yield url, exc
            continue
        yield ArchivedArticle(url, (page,), fetched_at=page.date, location=(str(f), offset))


def relative_to(path: Union[str, Path], base: Union[str, Path]) -> str:
    """``path`` relative to ``base`` when inside it (so a database and its
    archive can move together), else absolute."""
    p, b = Path(path).resolve(), Path(base).resolve()
    try:
        return os.path.relpath(p, b) if p.is_relative_to(b) else str(p)
    except ValueError:
        return str(p)
