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
as for the BLAS threads. A local Dask cluster's workers get :data:`ENVIRON`
(Dask's nanny would set a trim threshold of 64 KiB, which with this workload
faults 2.4 times as often as glibc's default); an existing cluster's workers
keep what their environment says.

**The collector.** Building the lexicons, the gazetteer and the model makes
some 330,000 objects that live as long as the process; while they are made,
the collector's full passes walk every one of them again (seven passes at
the start of an ``ingest``, 0.36 s of CPU). The builders run with the
collector paused and freeze what they made (:func:`paused_gc`; nothing they
make is garbage in a cycle), as the batch runner freezes what exists before
its workers start (``extractor/batch.py``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
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

#: the same settings as glibc reads them from the environment at start
ENVIRON = {"MALLOC_TRIM_THRESHOLD_": str(TRIM_THRESHOLD), "MALLOC_MMAP_THRESHOLD_": str(MMAP_THRESHOLD)}

_M_TRIM_THRESHOLD = -1  # glibc's malloc.h
_M_MMAP_THRESHOLD = -3


def keep_freed_memory() -> bool:
    """Set glibc's trim and mmap thresholds for this process and the workers
    it forks; True when both were set. A no-op (False) off glibc or when the
    user set either threshold in the environment."""
    if not sys.platform.startswith("linux"):
        return False
    if "MALLOC_TRIM_THRESHOLD_" in os.environ or "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # musl and others: no mallopt
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)) & bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))


F = TypeVar("F", bound=Callable)


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector paused inside the block (reference
    counting still frees what is dropped), then what exists frozen
    (``gc.freeze``: out of the collector's walks from then on) and the
    collector set back on; nothing is done when it was off already. For the
    builders of long-lived structures. (spaCy's model loader switches the
    collector back on while it reads, so the rule components are built in a
    block of their own: :func:`extractor.nlp.pipeline.load`.)"""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def without_gc(fn: F) -> F:
    """``fn`` run in :func:`paused_gc`."""

    @functools.wraps(fn)
    def paused(*args, **kwargs):
        with paused_gc():
            return fn(*args, **kwargs)

    return paused  # type: ignore[return-value]
