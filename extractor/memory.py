"""How a pantau process manages its memory: freed memory kept in the process
instead of handed back to the system at once (:func:`keep_freed_memory`),
and the long-lived structures built without the cyclic collector walking
them again and again (:func:`without_gc`).

**The heap** (glibc only; elsewhere nothing changes).

An extraction allocates and frees the same few hundred megabytes article
after article (lxml trees, spaCy docs, the NER's arrays). glibc gives the
top of its heap back as soon as 128 KiB of it are free, and serves blocks
over a threshold that grows with use from their own mappings, so each
article faulted the same pages in again: 505,000 minor page faults in a
2,000-article ``ingest`` whose peak RSS is 285 MB, 1.7 s of system time.
With the heap kept (:data:`TRIM_THRESHOLD`, :data:`MMAP_THRESHOLD`) the
faults fall to the first touch of each page and the peak RSS stays the same
(``benchmarks/README.md``, "Issue 18, seventh pass").

A user's own ``MALLOC_TRIM_THRESHOLD_`` or ``MALLOC_MMAP_THRESHOLD_`` wins,
as for the BLAS threads, but for the value Dask's nanny puts in every
worker's environment (:data:`DASK_DEFAULT_TRIM`, 64 KiB; setting any trim
threshold switches glibc's growing mmap threshold off: with glibc's own 128
KiB set explicitly a 600-article run faulted 2.4 times as often as with
nothing set), which a Dask worker replaces when it prepares itself
(:func:`extractor.cluster.prepare_worker`).

**The collector.** Building the lexicons, the gazetteer and the model makes
some 330,000 objects that live as long as the process; while they are made,
the collector's full passes walk every one of them again (seven passes at
the start of an ``ingest``, 0.36 s of CPU). The builders run with the
collector paused (:func:`paused_gc`) and, when they succeed, freeze
everything alive then (``gc.freeze``: the collector no longer walks it;
reference counting still frees it). The batch runner freezes what exists
before its workers start and thaws everything, the builders' part too, when
its run ends (``extractor/batch.py``): a long-lived process (the tests, a
notebook) pins no cycle across runs. Not thread-safe: the collector's state
is the process's, and the builders run in the thread that starts a run.
"""

from __future__ import annotations

import ctypes
import functools
import gc
import os
import sys
from contextlib import contextmanager
from typing import Callable, Iterator, TypeVar

#: free memory at the top of the heap kept before glibc gives it back
TRIM_THRESHOLD = 256 * 1024 * 1024
#: blocks served from their own mapping (freed at once) only above this size:
#: glibc's own upper bound for its growing threshold on 64-bit systems
MMAP_THRESHOLD = 32 * 1024 * 1024

#: the trim threshold Dask's nanny sets in each worker's environment by default
#: (``distributed.nanny.pre-spawn-environ``): not a user's choice
DASK_DEFAULT_TRIM = "65536"

_M_TRIM_THRESHOLD = -1  # glibc's malloc.h
_M_MMAP_THRESHOLD = -3


def keep_freed_memory(*, dask_worker: bool = False) -> bool:
    """Set glibc's trim and mmap thresholds for this process and the workers
    it forks; True when both were set. A no-op (False) off glibc or when the
    user set either threshold in the environment; in a Dask worker
    (``dask_worker``) the nanny's default trim threshold is not the user's."""
    if not sys.platform.startswith("linux"):
        return False
    trim = os.environ.get("MALLOC_TRIM_THRESHOLD_")
    if "MALLOC_MMAP_THRESHOLD_" in os.environ or trim is not None and not (dask_worker and trim == DASK_DEFAULT_TRIM):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the process's own symbols: glibc's, when it is glibc
    except (OSError, AttributeError):  # musl and others: no mallopt
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)) & bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))


F = TypeVar("F", bound=Callable)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused inside the block (reference
    counting still frees what is dropped); when the block ends without an
    error, everything alive then is frozen (``gc.freeze``: not only what the
    block made); the collector is set back on either way. Nothing is done
    when it was off already. For the builders of long-lived structures, which
    run once per process. (spaCy's model loader switches the collector back
    on while it reads, so the rule components are built in a block of their
    own: :func:`extractor.nlp.pipeline.load`.)"""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        gc.enable()


def without_gc(fn: F) -> F:
    """``fn`` run in :func:`paused_gc`."""

    @functools.wraps(fn)
    def paused(*args, **kwargs):
        with paused_gc():
            return fn(*args, **kwargs)

    return paused  # type: ignore[return-value]
