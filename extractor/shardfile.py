"""A shard's output: what its task read, parsed and extracted, as a file in
a directory every worker and the driver reach, for the driver to store.

The file is the batch runner's results in input order, pickled one frame
at a time (constant memory on both sides):

    ("header", {"pantau": version, "shard": key})
    ("result", position, (article, relevance, extraction or None, signature or None))
    ("failure", position, url, stage, error type, message)
    ("end", {"counts": {...}, "losses": [...]})

``position`` is where the item was read from (a WARC record's byte offset,
a JSONL line number, a file's index in a folder shard). A task writes
``NAME.part-RANDOM`` and renames it to ``NAME`` when done, so a finished
file is whole and two runs of the same task (a retry, a worker thought
lost) cannot mix their frames. A file without its end frame, or written by
another pantau version, is not read: the shard is redone.

Why not one SQLite database per shard, written through the store: the
driver has to store every article through the same code as a single
process anyway (one person across shards is one ``officials`` row, a
near-duplicate cluster spans shards, ids must not depend on which task
finished first), so a per-shard database would be written once on the
worker and read back and written again on the driver. The figures are in
``benchmarks/README.md`` (``bench_cluster.py``, shard output row).

Pickle runs code when read: read only shard files your own run wrote.
"""

from __future__ import annotations

import os
import pickle
import secrets
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Optional, Union

from .datafiles import extractor_version
from .errors import InputError, Msg

SUFFIX = ".pantau-shard"


def shard_path(directory: Union[str, Path], shard_id: int) -> Path:
    return Path(directory) / f"shard-{shard_id:06d}{SUFFIX}"


class ShardWriter:
    """Writes one shard's frames; :meth:`finish` makes the file visible."""

    def __init__(self, path: Union[str, Path], key: str):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_name(f"{self.path.name}.part-{secrets.token_hex(4)}")
        self._fh: Optional[BinaryIO] = open(self.tmp, "wb")
        self.frames = 0
        self._dump(("header", {"pantau": extractor_version(), "shard": key}))

    def _dump(self, frame: tuple) -> None:
        pickle.dump(frame, self._fh, protocol=pickle.HIGHEST_PROTOCOL)  # one pickle per frame: no memo across them
        self.frames += 1

    def result(self, position: int, result: tuple) -> None:
        self._dump(("result", position, result))

    def failure(self, position: int, url: str, stage: str, error: BaseException) -> None:
        self._dump(("failure", position, url, stage, type(error).__name__, str(error)[:2000]))

    def finish(self, summary: dict[str, Any]) -> Path:
        self._dump(("end", summary))
        assert self._fh is not None
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        self._fh = None
        os.replace(self.tmp, self.path)
        return self.path

    def abandon(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> "ShardWriter":
        return self

    def __exit__(self, exc_type, *exc) -> None:
        if self._fh is not None:
            self.abandon()


def read_frames(path: Union[str, Path], key: Optional[str] = None) -> Iterator[tuple]:
    """The frames after the header, the end frame last. Raises
    :class:`InputError` for a file that is not a whole shard file of this
    pantau version (and of shard ``key``, when given)."""
    path = Path(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(Msg.SHARD_FILE.format(path=path, detail=exc)) from exc
    with fh:
        try:
            head = pickle.load(fh)
            if head[0] != "header" or head[1].get("pantau") != extractor_version():
                raise InputError(Msg.SHARD_FILE.format(path=path, detail=f"written by pantau {head[1].get('pantau')}"))
            if key is not None and head[1].get("shard") != key:
                raise InputError(Msg.SHARD_FILE.format(path=path, detail=f"the output of {head[1].get('shard')}"))
            while True:
                frame = pickle.load(fh)
                yield frame
                if frame[0] == "end":
                    return
        except (EOFError, pickle.UnpicklingError, IndexError, TypeError, AttributeError) as exc:
            raise InputError(Msg.SHARD_FILE.format(path=path, detail=f"incomplete ({type(exc).__name__})")) from exc


def summary_of(path: Union[str, Path]) -> Optional[dict]:
    """The end frame's summary of a whole shard file, or None."""
    try:
        for frame in read_frames(path):
            if frame[0] == "end":
                return frame[1]
    except InputError:
        return None
    return None
