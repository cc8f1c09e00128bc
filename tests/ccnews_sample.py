"""The CC-NEWS-like WARC of ``benchmarks/ccnews.py`` for tests: small pages,
made once per session."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def build(path: Path, n: int = 400, **kw):
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    import ccnews

    kw.setdefault("page_kb", 6)
    return ccnews.build(path, n, **kw)
