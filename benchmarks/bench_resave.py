"""What the single writer pays to store an article again (``--refresh``, or a
lexicon change that makes every stored article not current) in a grown
database, with and without the rule that remakes a person's row from all of
its mentions only when the article may have made it
(``extractor.store.articles._shaped_row``, issue 18, tenth pass).

    python benchmarks/bench_resave.py              # 10 blocks of 2,000 articles, then 6 re-saves of 1,000
    python benchmarks/bench_resave.py --blocks 20

The database is built as ``bench_writer_growth.py`` builds it (the 400
generated pages stored again and again under new URLs, random near-duplicate
signatures), except that block k is published k days after block 0: people
are named over many days, as in real news. Then 1,000 articles of block 0,
1, 2, ... are stored again, the rule on and off alternated (off: every
person of the article is remade, the writer before the change). Printed per
re-save: CPU ms per article and the persons' rows remade.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def _later(article, days: int):
    if not article.published:
        return article
    day = dt.date.fromisoformat(article.published[:10]) + dt.timedelta(days=days)
    return dataclasses.replace(article, published=day.isoformat() + article.published[10:])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--blocks", type=int, default=10, help="blocks of 2,000 articles stored first (default 10)")
    args = ap.parse_args(argv)

    from bench_cluster import extracted
    from bench_writer_growth import BLOCK, _block, _cpu

    from extractor.batch import BATCH
    from extractor.store import Store
    from extractor.store import articles as A

    results = extracted()
    rnd = random.Random(1)
    rule, remake = A._shaped_row, A._refresh_official
    print(f"machine: {os.cpu_count()} cores; {time.strftime('%Y-%m-%d %H:%M')}; load average "
          f"{os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "r.db")
        try:
            blocks = []
            for k in range(args.blocks):
                block = [(_later(a, k), rel, ex, sig) for a, rel, ex, sig in _block(results, k, rnd)]
                blocks.append(block)
                with store.batch(BATCH) as b:
                    for item in block:
                        b.save(item[0], item[1], item[2], None, item[3])
            print(f"stored {args.blocks * BLOCK:,} articles (block k published k days after block 0)")
            print(f"{'re-saved':<24} {'rule':<5} {'CPU ms per article':>18} {'rows remade':>12}")
            for k in range(min(6, args.blocks)):
                on = k % 2 == 0
                A._shaped_row = rule if on else (lambda *a: True)
                remade = [0]

                def counting(conn, oid):
                    remade[0] += 1
                    return remake(conn, oid)

                A._refresh_official = counting
                c0 = _cpu()
                with store.batch(BATCH) as b:
                    for a, rel, ex, sig in blocks[k][:1000]:
                        b.save(a, rel, ex, None, sig)
                cpu_ms = _cpu() - c0  # seconds per 1,000 articles = ms per article
                A._shaped_row, A._refresh_official = rule, remake
                print(f"{f'1,000 of block {k}':<24} {'on' if on else 'off':<5} {cpu_ms:>18.2f} {remade[0]:>12,}",
                      flush=True)
        finally:
            A._shaped_row, A._refresh_official = rule, remake
            store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
