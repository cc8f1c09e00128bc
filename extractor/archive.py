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
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Optional, Union

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from . import __version__
from .errors import InputError, Msg

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
        raise InputError(Msg.ARCHIVE_RECORD.format(path=path, offset=offset, detail=exc or type(exc).__name__)) from exc


def _read_response(path: Path, offset: int, encoding: Optional[str] = None) -> ArchivedPage:
    rec, fh = _record_at(path, offset)
    with fh:
        if rec.rec_type != "response":
            raise InputError(Msg.ARCHIVE_RECORD.format(path=path, offset=offset, detail=f"a {rec.rec_type} record"))
        return _page(rec, encoding)


def _page(rec, encoding: Optional[str] = None) -> ArchivedPage:
    body = rec.content_stream().read()
    http = rec.http_headers
    status = int(http.get_statuscode() or 0) if http else 0
    ctype = (http.get_header("Content-Type") or "") if http else ""
    if encoding is None and ctype:
        from .transport import declared_charset

        encoding = declared_charset(ctype)
    return ArchivedPage(rec.rec_headers.get_header("WARC-Target-URI") or "", body, encoding, status,
                        ctype.split(";")[0].strip().lower(), rec.rec_headers.get_header("WARC-Date") or "")


def read_article(path: Union[str, Path], offset: int) -> ArchivedArticle:
    """The article whose metadata record is at ``offset`` in ``path``."""
    path = Path(path)
    rec, fh = _record_at(path, offset)
    with fh:
        if rec.rec_type != "metadata":
            raise InputError(Msg.ARCHIVE_RECORD.format(path=path, offset=offset, detail=f"a {rec.rec_type} record"))
        try:
            meta = json.loads(rec.content_stream().read().decode("utf-8"))
        except ValueError as exc:
            raise InputError(Msg.ARCHIVE_RECORD.format(path=path, offset=offset, detail=exc)) from exc
    pages = tuple(_read_response(path, p["offset"], p.get("encoding")) for p in meta["pages"])
    return ArchivedArticle(meta["url"], pages, meta.get("source") or "", meta.get("published"),
                           meta.get("title") or "", meta.get("fetched_at") or "", (str(path), offset))


def _index(files: list[Path], problems: list) -> _Index:
    idx = _Index()
    for f in files:
        with open(f, "rb") as fh:
            it = ArchiveIterator(fh)
            offset = 0
            try:
                for rec in it:
                    rtype = rec.rec_type
                    rid = rec.rec_headers.get_header("WARC-Record-ID")
                    uri = rec.rec_headers.get_header("WARC-Target-URI") or ""
                    # (get_record_offset() reads the record to its end: content first)
                    content = rec.content_stream().read() if rtype == "metadata" else b""
                    offset = it.get_record_offset()
                    if rtype == "response":
                        kind = rec.rec_headers.get_header(PANTAU_KIND)
                        idx.responses[rid] = (f, offset)
                        http = rec.http_headers
                        ctype = ((http.get_header("Content-Type") or "") if http else "").split(";")[0].strip()
                        status = http.get_statuscode() if http else ""
                        # pantau's own pages without their metadata record are the unfinished
                        # article of a killed run (fetched again later): only foreign ones are loose
                        if kind is None and status == "200" and ctype.lower() in ("text/html",
                                                                                            "application/xhtml+xml"):
                            idx.loose[uri] = (f, offset, rid)
                    elif rtype == "metadata" and rec.rec_headers.get_header("Content-Type") == ARTICLE_TYPE:
                        try:
                            meta = json.loads(content.decode("utf-8"))
                        except ValueError:
                            continue
                        idx.claimed.update(p.get("record_id") for p in meta.get("pages", ()))
                        idx.articles.pop(meta["url"], None)  # re-insert: the latest goes last
                        idx.articles[meta["url"]] = (f, offset)
            except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:  # truncated tail of a killed run
                problems.append((str(f), InputError(Msg.ARCHIVE_UNREADABLE.format(path=f, offset=offset,
                                                                                  detail=exc or type(exc).__name__))))
            except Exception as exc:  # zlib.error and friends from a damaged gzip member
                problems.append((str(f), InputError(Msg.ARCHIVE_UNREADABLE.format(path=f, offset=offset,
                                                                                  detail=f"{type(exc).__name__}: {exc}"))))
    return idx


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
            yield read_article(f, offset)
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
