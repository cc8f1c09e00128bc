"""Shards: the units of work of a distributed ingest.

One shard is one input file, or a byte range of a large WARC file, and is
one Dask task. :func:`plan` turns what the user named (files, folders,
lists of paths or URLs in Common Crawl's ``warc.paths`` style, remote URLs
that fsspec reads) into shards, in a stable order: the same inputs give the
same shards, so a rerun finds its shards by :attr:`Shard.key` in the
database's ``shards`` table and skips those already merged.

A WARC file is cut into byte ranges of about ``shard_size`` bytes when its
records can be found from any offset: an uncompressed file, or a gzipped
one with one gzip member per record (what crawlers and Common Crawl write).
A file gzipped whole (one member) is one shard. Ranges start at the next
record boundary (:func:`extractor.warcreader.next_boundary`), so the shards
of a file read each of its records once.

No database here: the ``shards`` table is the store's (:class:`extractor.store.Store`).
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Union
from urllib.parse import urljoin

from .errors import InputError, Msg
from .warcreader import GZIP_MAGIC, WARC_MAGIC, input_size, is_remote, open_input

WARC_SUFFIXES = (".warc", ".warc.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PAGE_SUFFIXES = (".html", ".htm", ".txt")
LIST_SUFFIXES = (".paths", ".paths.gz", ".paths.txt")
PAGES_PER_SHARD = 256  # loose .html/.txt files of a folder are grouped this many to a shard
DEFAULT_SHARD_SIZE = 256 * 2**20


@dataclass(frozen=True)
class Shard:
    """``kind`` is ``warc`` (records starting in ``[start, end)``; ``end``
    None: to the end of the file), ``jsonl`` (the whole file) or ``pages``
    (the loose files listed in ``files``)."""

    input: str
    kind: str
    start: int = 0
    end: Optional[int] = None
    files: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        span = f"{self.start}-{'' if self.end is None else self.end}"
        if self.kind == "pages":
            span = f"{self.files[0]}..{self.files[-1]}" if self.files else ""
        return f"{self.kind}:{self.input}:{span}"

    @property
    def where(self) -> str:
        """How an error message names the shard: its input and byte offset."""
        if self.kind == "warc" and (self.start or self.end is not None):
            return f"{self.input} at offset {self.start}"
        return self.input


def kind_of(name: str) -> Optional[str]:
    low = name.lower().split("?")[0]
    if low.endswith(WARC_SUFFIXES):
        return "warc"
    if low.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if low.endswith(PAGE_SUFFIXES):
        return "page"
    if low.endswith(LIST_SUFFIXES):
        return "list"
    return None


# --------------------------------------------------------------------------- inputs
def read_list(source: str, base: Optional[str] = None) -> list[str]:
    """The paths or URLs listed in a ``warc.paths``-style file (gzipped or
    not; one per line, ``#`` comments), relative ones resolved against
    ``base`` (default: where the list itself lies)."""
    with open_input(source) as fh:
        data = fh.read()
    if data[:2] == GZIP_MAGIC[:2]:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(Msg.INPUT_UNREADABLE.format(path=source, detail=exc)) from exc
    if base is None:
        base = source if is_remote(source) else str(Path(source).resolve().parent) + "/"
    out = []
    for line in data.decode("utf-8", "replace").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        out.append(resolve(line, base))
    return out


def resolve(entry: str, base: str) -> str:
    if is_remote(entry) or Path(entry).is_absolute():
        return entry
    if is_remote(base):
        return urljoin(base if base.endswith("/") else base.rsplit("/", 1)[0] + "/", entry)
    return str(Path(base) / entry)


def expand(inputs: Iterable[Union[str, Path]], base: Optional[str] = None) -> list[tuple[str, str]]:
    """(path or URL, kind) of every input file, in order: folders searched
    recursively (sorted), lists read, remote URLs kept."""
    out: list[tuple[str, str]] = []
    for raw in inputs:
        src = str(raw)
        kind = kind_of(src)
        if kind == "list":
            out += [(e, kind_of(e) or "warc") for e in read_list(src, base)]
            continue
        if is_remote(src):
            if kind is None:
                raise InputError(Msg.INPUT_KIND.format(path=src))
            out.append((src, kind))
            continue
        p = Path(src.removeprefix("file://"))
        if not p.exists():
            raise InputError(Msg.INPUT_NOT_FOUND.format(path=p))
        if p.is_dir():
            found = [(str(f), kind_of(f.name)) for f in sorted(p.rglob("*")) if f.is_file()]
            found = [(f, k) for f, k in found if k in ("warc", "jsonl", "page")]
            if not found:
                raise InputError(Msg.INPUT_EMPTY.format(path=p))
            out += found
        else:
            out.append((str(p), kind or "page"))
    return out


# --------------------------------------------------------------------------- splitting
def member_per_record(source: str) -> bool:
    """Whether a WARC file's records can be found from any offset: it is
    uncompressed, or its first gzip member holds one record (under 64 MiB)
    and another member follows it."""
    with open_input(source) as fh:
        head = fh.read(len(WARC_MAGIC))
        if head == WARC_MAGIC:
            return True
        if not head.startswith(GZIP_MAGIC):
            return False
        fh.seek(0)
        d = zlib.decompressobj(31)
        out = 0
        try:
            while not d.eof:
                chunk = fh.read(1 << 16)
                if not chunk:
                    return False
                out += len(d.decompress(chunk))
                if out > 1 << 26:
                    return False
        except zlib.error:
            return False
        rest = d.unused_data
        if len(rest) < 3:
            rest += fh.read(3 - len(rest))
        return rest[:3] == GZIP_MAGIC


def plan(inputs: Iterable[Union[str, Path]], *, shard_size: int = DEFAULT_SHARD_SIZE,
         base: Optional[str] = None) -> list[Shard]:
    """The shards of these inputs, in a stable order."""
    shards: list[Shard] = []
    pages: dict[str, list[str]] = {}
    for src, kind in expand(inputs, base):
        if kind == "page":
            pages.setdefault(str(Path(src).parent), []).append(src)
        elif kind == "jsonl":
            shards.append(Shard(src, "jsonl"))
        else:
            try:
                size = input_size(src)
            except InputError:  # unreadable now: one shard, whose task fails and is recorded
                size = None
            if size is None or size <= shard_size or not member_per_record(src):
                shards.append(Shard(src, "warc"))
                continue
            cuts = list(range(0, size, shard_size))
            for a, b in zip(cuts, cuts[1:] + [None]):
                shards.append(Shard(src, "warc", a, b))
    for folder, files in pages.items():
        for i in range(0, len(files), PAGES_PER_SHARD):
            shards.append(Shard(folder, "pages", files=tuple(files[i:i + PAGES_PER_SHARD])))
    return shards
