"""Streaming WARC reading for large inputs (Common Crawl News and pantau's
own archive): records one at a time, never a whole file in memory.

:func:`iter_records` walks the records of one WARC file, local or remote
(any fsspec URL: ``https://``, ``s3://`` with ``s3fs``), optionally only
those that *start* in a byte range ``[start, end)``, so one file can be
cut into shards that together read every record exactly once. A range that
starts inside a record begins at the next record boundary: the next gzip
member whose data begins ``WARC/1.`` (records gzipped one by one, as every
crawler writes them), or the next ``WARC/1.`` line of an uncompressed file.

The engine is fastwarc (``resiliparse``'s C++ reader) when installed, else
warcio; both give the same :class:`Record` values (``benchmarks/bench_cluster.py``
measures them on the same files). warcio still writes pantau's archive.

Damage is read around, not fatal: a truncated last record, a gzip member
that does not decompress, garbage between records. What could not be read
is reported as a :class:`Loss` (file, offset, bytes lost when known, why)
in the ``losses`` list the caller passes, and reading resumes at the next
readable record when there is one.

:func:`iter_items` turns records into articles (``archive.ArchivedArticle``,
``location`` the file and the offset of the record that completed it):
pantau's archived articles (their pages joined by the closing metadata
record) and foreign HTML responses, each passed through an optional filter
(the prefilter) before its body is even read.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, NamedTuple, Optional, Union

from .archive import ARTICLE_TYPE, PANTAU_KIND, ArchivedArticle, ArchivedPage
from .errors import InputError, Msg

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
_SCAN = 1 << 20  # bytes read at a time when looking for a record boundary
_MAX_PENDING_PAGES = 64
HTML_TYPES = ("text/html", "application/xhtml+xml")  # pantau pages held while waiting for their article's metadata record


class Record(NamedTuple):
    """One WARC record's headers and (when asked for) its payload: the HTTP
    body of a response, the block of any other record. (A named tuple, not a
    dataclass: one is made per record, and a frozen dataclass costs ~3x.)"""

    offset: int
    type: str  # response, request, metadata, warcinfo, resource, revisit, ...
    url: str = ""
    date: str = ""
    record_id: str = ""
    status: int = 0  # HTTP status of a response (0: not HTTP)
    content_type: str = ""  # HTTP Content-Type of a response, lower case, without parameters
    charset: Optional[str] = None  # its charset parameter
    warc_content_type: str = ""
    pantau_kind: Optional[str] = None  # page, feed, sitemap, listing: pantau's own responses
    body: Optional[bytes] = None  # None: not read (the filter declined it)


@dataclass(frozen=True)
class Loss:
    """Part of a file that could not be read."""

    path: str
    offset: int
    detail: str
    unread: Optional[int] = None  # bytes from ``offset`` on that were skipped, when known

    def error(self) -> InputError:
        return InputError(Msg.ARCHIVE_UNREADABLE.format(path=self.path, offset=self.offset, detail=self.detail))


def is_remote(source: Union[str, Path]) -> bool:
    s = str(source)
    return "://" in s and not s.startswith("file://")


def open_input(source: Union[str, Path]) -> BinaryIO:
    """A binary file object, seekable: a local file, or through fsspec any
    URL it knows (``https://``, ``s3://`` with ``s3fs`` installed, ...)."""
    try:
        if is_remote(source):
            import fsspec

            return fsspec.open(str(source), "rb", block_size=1 << 22).open()
        return open(str(source).removeprefix("file://"), "rb")
    except FileNotFoundError as exc:
        raise InputError(Msg.INPUT_NOT_FOUND.format(path=source)) from exc
    except (OSError, ValueError, ImportError) as exc:
        raise InputError(Msg.INPUT_UNREADABLE.format(path=source, detail=exc or type(exc).__name__)) from exc


def input_size(source: Union[str, Path]) -> Optional[int]:
    """Size in bytes (None when the server does not say)."""
    try:
        if is_remote(source):
            import fsspec

            fs, path = fsspec.core.url_to_fs(str(source))
            return fs.info(path).get("size")
        return Path(str(source).removeprefix("file://")).stat().st_size
    except (OSError, ValueError, ImportError) as exc:
        raise InputError(Msg.INPUT_UNREADABLE.format(path=source, detail=exc or type(exc).__name__)) from exc


# --------------------------------------------------------------------------- record boundaries
def _is_gzip(fh: BinaryIO) -> bool:
    fh.seek(0)
    return fh.read(3) == GZIP_MAGIC


def _member_is_warc(data: bytes) -> bool:
    """Whether ``data`` (from a gzip magic on) decompresses to the start of a WARC record."""
    d = zlib.decompressobj(31)
    try:
        head = d.decompress(data, 16)
    except zlib.error:
        return False
    return head.startswith(WARC_MAGIC)


def next_boundary(fh: BinaryIO, start: int, gz: bool, limit: Optional[int] = None) -> Optional[int]:
    """The offset of the first record that starts at or after ``start`` (and
    before ``limit``), or None."""
    pos = start
    while limit is None or pos < limit:
        fh.seek(pos)
        chunk = fh.read(_SCAN + 64)
        if not chunk:
            return None
        i = 0
        while True:
            if gz:
                i = chunk.find(GZIP_MAGIC, i)
                if i < 0 or i >= _SCAN:
                    break
                fh.seek(pos + i)
                if _member_is_warc(fh.read(1 << 16)):
                    return pos + i
            else:
                i = chunk.find(WARC_MAGIC, i)
                if i < 0 or i >= _SCAN:
                    break
                if pos + i == 0 or chunk[max(0, i - 2):i] == b"\r\n" or (i < 2 and _preceded_by_newline(fh, pos + i)):
                    return pos + i
            i += 1
            if limit is not None and pos + i >= limit:
                return None
        if len(chunk) <= _SCAN:
            return None
        pos += _SCAN
    return None


def _preceded_by_newline(fh: BinaryIO, at: int) -> bool:
    fh.seek(max(0, at - 2))
    return fh.read(2).endswith(b"\n")


def _gzip_members_from(fh: BinaryIO, offset: int) -> tuple[Optional[int], str]:
    """Walk the gzip members from ``offset`` to the end of the file. Returns
    (offset of the first member that does not decompress whole, why), or
    (None, "") when every member is whole."""
    fh.seek(offset)
    pos = offset
    buf = b""
    while True:
        if not buf:
            buf = fh.read(1 << 20)
            if not buf:
                return None, ""
        d = zlib.decompressobj(31)
        member_start = pos
        try:
            while True:
                d.decompress(buf)
                if d.eof:
                    used = len(buf) - len(d.unused_data)
                    pos += used
                    buf = d.unused_data
                    break
                pos += len(buf)
                buf = fh.read(1 << 20)
                if not buf:
                    return member_start, "the last record is truncated"
        except zlib.error as exc:
            return member_start, f"damaged gzip data ({exc})"


# --------------------------------------------------------------------------- engines
class _Damaged(Exception):
    """An engine met bytes that are not a readable WARC record."""


#: what the engines raise on damaged input (warcio: AttributeError for headers cut short)
_FASTWARC_DAMAGE = (OSError, ValueError, EOFError, zlib.error)
_WARCIO_DAMAGE = (OSError, ValueError, EOFError, zlib.error, AttributeError)


def _advance(it, damage: tuple):
    """The engine's next record (None at the end), its faults as :class:`_Damaged`."""
    try:
        return next(it)
    except StopIteration:
        return None
    except damage as exc:
        raise _Damaged(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__) from exc


def _read(reader, damage: tuple, size: int = -1) -> bytes:
    """The rest of a record's payload. Given its ``size``, fastwarc allocates
    the result once (``read()`` alone grows it as it goes: ~15 us more per
    100 kB page); what a first read leaves is read on until the end."""
    try:
        if size < 0:
            return reader.read()
        data = reader.read(size)
        while len(data) < size and (more := reader.read(size - len(data))):
            data += more
        return data
    except damage as exc:
        raise _Damaged(f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__) from exc


def _engine(name: Optional[str]) -> str:
    if name in (None, "fastwarc"):
        try:
            import fastwarc  # noqa: F401

            return "fastwarc"
        except ImportError:
            if name == "fastwarc":
                raise
    return "warcio"


def _split_ctype(value: str) -> tuple[str, Optional[str]]:
    main, _, params = (value or "").partition(";")
    charset = None
    for p in params.split(";"):
        k, _, v = p.partition("=")
        if k.strip().lower() == "charset" and v.strip():
            charset = v.strip().strip("\"'") or None
    return main.strip().lower(), charset


def _by_name(headers) -> dict[str, str]:
    """A fastwarc header map as a dict by lower-case name, the first value of
    each name: what ``headers.get(name)`` finds (its match ignores ASCII case
    only), for all names in one pass; each ``get`` costs about what this does."""
    out: dict[str, str] = {}
    for name, value in headers.items():
        out.setdefault(name.lower() if name.isascii() else name, value)
    return out


def _fastwarc_records(fh: BinaryIO, want: Callable[[Record], bool], short: list) -> Iterator[Record]:
    from fastwarc.warc import ArchiveIterator

    kind_key = PANTAU_KIND.lower()
    it = iter(ArchiveIterator(fh, parse_http=True))
    while (rec := _advance(it, _FASTWARC_DAMAGE)) is not None:
        rtype = str(rec.record_type)
        status, ctype, charset, kind, wct, h = 0, "", None, None, "", None
        if rtype == "response" and rec.is_http:
            status = rec.http_headers.status_code or 0
            ctype = (rec.http_content_type or "").lower()
            charset = rec.http_charset
            if status == 200 and ctype in HTML_TYPES:  # only these can be pantau's pages: skip the lookup otherwise
                h = _by_name(rec.headers)
                kind = h.get(kind_key)
        elif rtype == "metadata":
            wct = rec.headers.get("Content-Type") or ""
        # headers-only first (what ``want`` needs); the rest only for records it takes
        r = Record(rec.stream_pos, rtype, status=status, content_type=ctype, charset=charset,
                   warc_content_type=wct, pantau_kind=kind)
        if not want(r):
            yield r
            continue
        h = h if h is not None else _by_name(rec.headers)
        expected = rec.content_length  # the payload's length, once the HTTP headers are parsed
        body = _read(rec.reader, _FASTWARC_DAMAGE, expected)
        if len(body) < expected or "content-length" not in h:  # cut in the body, or in the headers
            short.append((rec.stream_pos, len(body), expected))
            return
        yield Record(r.offset, rtype, h.get("warc-target-uri") or "", h.get("warc-date") or "",
                     h.get("warc-record-id") or "", status, ctype, charset, wct, kind, body)


def _warcio_records(fh: BinaryIO, want: Callable[[Record], bool], short: list) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator

    try:
        from warcio.exceptions import ArchiveLoadFailed

        damage = (*_WARCIO_DAMAGE, ArchiveLoadFailed)
    except ImportError:
        damage = _WARCIO_DAMAGE
    it = ArchiveIterator(fh)
    records = iter(it)
    while (rec := _advance(records, damage)) is not None:
        h = rec.rec_headers
        offset = it.offset
        status, ctype, charset = 0, "", None
        http = rec.http_headers if rec.rec_type in ("response", "request", "revisit") else None
        if http is not None and rec.rec_type == "response":
            try:
                status = int(http.get_statuscode() or 0)
            except ValueError:
                status = 0
            ctype, charset = _split_ctype(http.get_header("Content-Type") or "")
        kind = h.get_header(PANTAU_KIND) if status == 200 and ctype in HTML_TYPES else None
        wct = h.get_header("Content-Type") or "" if rec.rec_type == "metadata" else ""
        r = Record(offset, rec.rec_type, h.get_header("WARC-Target-URI") or "", h.get_header("WARC-Date") or "",
                   h.get_header("WARC-Record-ID") or "", status, ctype, charset and charset.lower(), wct, kind)
        if want(r):
            body = _read(rec.content_stream(), damage)
            expected = rec.length - (len(http.to_bytes()) if http is not None else 0) if rec.length else None
            if expected is not None and len(body) < expected and not _chunked(http):
                short.append((offset, len(body), expected))
                return
            r = _with_body(r, body)
        yield r


def _chunked(http) -> bool:
    return http is not None and (http.get_header("Transfer-Encoding") or "").lower() == "chunked"


def _with_body(r: Record, body: bytes) -> Record:
    return r._replace(body=body)


def _read_all(_: Record) -> bool:
    return True


def iter_records(source: Union[str, Path], *, start: int = 0, end: Optional[int] = None,
                 want: Callable[[Record], bool] = _read_all, losses: Optional[list] = None,
                 engine: Optional[str] = None) -> Iterator[Record]:
    """The records of one WARC file that start in ``[start, end)`` (the whole
    file by default), in file order. ``want(record)`` (headers only) says
    whether to read the record's payload; others come with ``body=None``.
    Unreadable parts are appended to ``losses`` as :class:`Loss`."""
    losses = losses if losses is not None else []
    name = str(source)
    kind = _engine(engine)
    fh = open_input(source)
    with fh:
        try:
            gz = _is_gzip(fh)
            size = fh.seek(0, 2)
        except OSError as exc:
            raise InputError(Msg.INPUT_UNREADABLE.format(path=name, detail=exc)) from exc
        if end is not None:  # the record that starts past the range is the next shard's: not even offered
            inner = want
            want = lambda r: r.offset < end and inner(r)  # noqa: E731
        pos: Optional[int] = start
        if start > 0:
            pos = next_boundary(fh, start, gz, end)
        while pos is not None and (end is None or pos < end) and pos < size:
            fh.seek(pos)
            short: list = []
            last = None
            failure = ""
            records = _fastwarc_records(fh, want, short) if kind == "fastwarc" else _warcio_records(fh, want, short)
            try:
                for rec in records:
                    if end is not None and rec.offset >= end:
                        return
                    last = rec.offset
                    yield rec
            except _Damaged as exc:
                failure = str(exc)
            resume = None
            if short:
                at, got, expected = short[0]
                losses.append(Loss(name, at, f"the record is truncated ({got} of {expected} bytes)"))
                resume = at + 1
            else:
                bad, why = _damage_after(fh, last if last is not None else pos, gz, failure)
                if bad is None or (end is not None and bad >= end):  # past the range: the next shard's to report
                    return
                losses.append(Loss(name, bad, why))
                resume = bad + 1
            nxt = next_boundary(fh, resume, gz, end)
            if losses and losses[-1].unread is None:
                stop = nxt if nxt is not None else (min(end, size) if end is not None else size)
                losses[-1] = Loss(losses[-1].path, losses[-1].offset, losses[-1].detail, stop - losses[-1].offset)
            pos = nxt


def _damage_after(fh: BinaryIO, last: int, gz: bool, failure: str) -> tuple[Optional[int], str]:
    """Where reading stopped short of the end of the file, and why (None: it did not)."""
    if gz:
        bad, why = _gzip_members_from(fh, last)
        if bad is not None:
            return bad, why
        return (last, failure) if failure else (None, "")
    # uncompressed: a record start after the last one read means the reader stopped early
    nxt = next_boundary(fh, last + 1, False)
    if nxt is not None or failure:
        return (nxt if nxt is not None else last), failure or "unreadable record"
    return None, ""


# --------------------------------------------------------------------------- articles
def _page(r: Record) -> ArchivedPage:
    return ArchivedPage(r.url, r.body or b"", r.charset, r.status, r.content_type, r.date)


def iter_items(source: Union[str, Path], *, start: int = 0, end: Optional[int] = None,
               accept: Optional[Callable[[Record], bool]] = None,
               keep: Optional[Callable[[Record], bool]] = None, losses: Optional[list] = None,
               engine: Optional[str] = None) -> Iterator[ArchivedArticle]:
    """Articles in one WARC file (or the records starting in ``[start, end)``):
    pantau's archived articles, assembled from their pages when the closing
    metadata record arrives, and foreign records (e.g. Common Crawl News)
    that ``accept`` (headers only) and then ``keep`` (with the body) let
    through, one article each (``accept`` must pass responses only). Without
    filters a foreign response is an article when it is an HTML response
    with status 200."""
    accept = accept or (lambda r: r.type == "response" and r.status == 200 and r.content_type in HTML_TYPES)
    keep = keep or (lambda r: True)
    name = str(source)
    pending: dict[str, ArchivedPage] = {}

    def want(r: Record) -> bool:
        if r.pantau_kind is not None:  # pantau's own responses: pages are read, discovery documents not
            return r.type == "response" and r.pantau_kind == "page"
        if r.type == "metadata" and r.warc_content_type == ARTICLE_TYPE:
            return True
        return accept(r)

    for r in iter_records(source, start=start, end=end, want=want, losses=losses, engine=engine):
        if r.body is None:
            continue
        if r.type == "metadata":
            try:
                meta = json.loads(r.body.decode("utf-8"))
                refs = [p.get("record_id") for p in meta.get("pages", ())]
            except (ValueError, AttributeError):
                continue
            pages = [pending.pop(rid) for rid in refs if rid in pending]
            pending.clear()  # pages no metadata record claims: an article a killed run left unfinished
            if pages and len(pages) == len(refs):
                enc = [p.get("encoding") for p in meta["pages"]]
                pages = [replace(p, encoding=e or p.encoding) for p, e in zip(pages, enc)]
                yield ArchivedArticle(meta.get("url") or pages[0].url, tuple(pages), meta.get("source") or "",
                                      meta.get("published"), meta.get("title") or "", meta.get("fetched_at") or "",
                                      (name, r.offset))
            continue
        if r.pantau_kind == "page":
            if len(pending) >= _MAX_PENDING_PAGES:
                pending.pop(next(iter(pending)))
            pending[r.record_id] = _page(r)
            continue
        if keep(r):
            yield ArchivedArticle(r.url, (_page(r),), fetched_at=r.date, location=(name, r.offset))
