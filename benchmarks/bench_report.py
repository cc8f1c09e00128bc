"""The HTML report at scale: size, time to ready in headless Chromium, and
printed A4 pages, on generated articles.

    python benchmarks/bench_report.py                 # 400 and 2,000 articles
    python benchmarks/bench_report.py --sizes 400     # one size
    python benchmarks/bench_report.py --keep DIR      # keep (and reuse) the databases and reports in DIR

For each size: ``generate.py`` makes N stored pages, ``pipeline.py ingest
--all --workers 2`` stores them in a fresh database, ``pipeline.py report``
writes report.html. The report is then opened in headless Chromium (Debian's
``chromium``, driven over the DevTools pipe: tests/chromium.py) three times;
"ready" is the time from navigation start until the page's script has run
(``window.pantauReadyAt``, after DOMContentLoaded) and "load" the load event's,
both from the page's own clock; the reference is the same for a plain page of
the report's visible text only (no SVG, no script, no payload), opened in the
same browser in the same run. The page is then printed to PDF as its print
stylesheet lays it out on A4 and the pages counted.

It also prints, per size, the data checks of issue 19's acceptance: the share
of events with coordinates, the personnel figures wider than a kabupaten/kota
and whether any of them is inside a kabupaten/kota row of personnel_by_stage,
and the ACLED export: its header against ACLED's 31 columns, and a
``pandas.concat`` with an ACLED-shaped row, codes loaded through
datapackage.json.

Targets (issue 19): <= 8 MB and ready <= 3 s for 2,000 articles; <= 40 A4
pages for 400; size and time growing sub-linearly with the articles; >= 99% of
events with coordinates; no national figure in a kabupaten/kota.
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.chromium import CHROMIUM, Chromium  # noqa: E402


def run(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def build(n: int, work: Path) -> tuple[Path, Path, float]:
    db = work / f"bench-{n}.db"
    pages = work / f"articles-{n}.jsonl"
    if not db.exists():
        run([sys.executable, "benchmarks/generate.py", str(n), str(pages)])
        run([sys.executable, "pipeline.py", "ingest", str(pages), "--db", str(db), "--all", "--workers", "2"])
    out = work / f"report-{n}"
    t = run([sys.executable, "pipeline.py", "report", "--db", str(db), "--out", str(out)])
    return db, out / "report.html", t


def plain_page(report: Path) -> Path:
    """The report's text alone, as a plain page: the reference."""
    text = report.read_text("utf-8")
    text = re.sub(r"<script.*?</script>|<svg.*?</svg>|<style.*?</style>", "", text, flags=re.S)
    body = html.unescape(re.sub(r"<[^>]+>", " ", text))
    ref = report.with_name("reference.html")
    ref.write_text(f"<!DOCTYPE html><html><body><pre>{html.escape(body)}</pre></body></html>", "utf-8")
    return ref


def open_times(browser: Chromium, path: Path, rounds: int = 3) -> tuple[float, float]:
    ready, load = [], []
    for _ in range(rounds):
        s = browser.open(path.resolve().as_uri())
        deadline = time.monotonic() + 60
        while True:
            got = browser.evaluate("JSON.stringify([window.pantauReadyAt || (document.readyState === 'complete' ? "
                                   "performance.timing.domContentLoadedEventEnd - performance.timing.navigationStart"
                                   " : null), performance.timing.loadEventEnd - performance.timing.navigationStart])",
                                   s)
            r, l = __import__("json").loads(got)
            if r is not None and l > 0 or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        ready.append(r / 1000)
        load.append(l / 1000)
        browser.send("Target.closeTarget", {"targetId": browser.send("Target.getTargets")["targetInfos"][0]["targetId"]})
        browser.events.clear()
    return statistics.median(ready), statistics.median(load)


def pdf_pages(browser: Chromium, path: Path) -> tuple[int, int]:
    s = browser.open(path.resolve().as_uri())
    data = browser.pdf(s)
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", data)), len(data)


def checks(db: Path, work: Path) -> dict:
    """Issue 19's data checks on one database."""
    import json
    import sqlite3

    conn = sqlite3.connect(db)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    out = {"events": one("select count(*) from event_details"),
           "located": one("select count(*) from event_details where latitude is not null"),
           "wide figures": one("select count(*) from deployments where level in ('national', 'province')"),
           "national personnel": one("select coalesce(sum(personnel), 0) from deployments where level = 'national'")}
    wide_events = {r[0] for r in conn.execute(
        "select event_id from event_details where figure_level in ('national', 'province')")}
    in_kab = 0
    for (ids,) in conn.execute("select event_ids from personnel_by_stage where level = 'kabupaten'"):
        in_kab += len(wide_events & {int(i) for i in ids.split(",")})
    out["wide figures in a kabupaten row"] = in_kab
    conn.close()
    exp = work / f"export-{db.stem}"
    run([sys.executable, "pipeline.py", "export", "acled_events", "--db", str(db), "--out", str(exp)])
    run([sys.executable, "pipeline.py", "export", "regions", "--db", str(db), "--out", str(exp)])
    try:
        import pandas as pd
    except ImportError:
        return out
    from extractor.export import ACLED_COLUMNS

    package = json.load(open(exp / "datapackage.json"))
    frames = {r["name"]: pd.read_csv(exp / r["path"], dtype={f["name"]: "string" for f in r["schema"]["fields"]
                                                             if f["type"] == "string"})
              for r in package["resources"] if r["format"] == "csv"}
    acled = frames["acled_events"]
    out["ACLED header == ACLED's 31 columns"] = list(acled.columns) == list(ACLED_COLUMNS)
    theirs = acled.head(1).copy()
    theirs["event_id_cnty"] = "IDN1"
    both = pd.concat([theirs, acled], ignore_index=True)
    out["concat dtypes unchanged"] = all(both[c].dtype == acled[c].dtype for c in acled.columns)
    out["regions 16.10 as a string"] = "16.10" in set(frames["regions"]["code"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[400, 2000])
    ap.add_argument("--keep", type=Path, help="folder for (and reuse of) the databases and reports")
    args = ap.parse_args()
    if CHROMIUM is None:
        sys.exit("chromium is not installed (apt-get install chromium)")
    work = args.keep or Path(tempfile.mkdtemp(prefix="pantau-bench-report-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for n in args.sizes:
        db, report, t_report = build(n, work)
        ref = plain_page(report)
        browser = Chromium(CHROMIUM)
        try:
            ready, load = open_times(browser, report)
            ref_ready, ref_load = open_times(browser, ref)
            pages, pdf_bytes = pdf_pages(browser, report)
        finally:
            browser.close()
        rows.append((n, report.stat().st_size / 2**20, t_report, ready, load, ref_load, pages, pdf_bytes / 2**20))
        print(f"{n} articles: {checks(db, work)}")
    print(f"{'articles':>8} {'report MB':>10} {'write s':>8} {'ready s':>8} {'load s':>7} {'ref load s':>10} "
          f"{'A4 pages':>9} {'PDF MB':>7}")
    for r in rows:
        print(f"{r[0]:>8} {r[1]:>10.2f} {r[2]:>8.1f} {r[3]:>8.2f} {r[4]:>7.2f} {r[5]:>10.2f} {r[6]:>9} {r[7]:>7.2f}")
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        print(f"growth {a[0]} -> {b[0]} articles (x{b[0] / a[0]:.1f}): size x{b[1] / a[1]:.2f}, "
              f"ready x{b[3] / a[3]:.2f}, pages x{b[6] / a[6]:.2f}")
    print(f"(work folder: {work})")


if __name__ == "__main__":
    main()
