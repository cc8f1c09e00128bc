"""Command line: thin verbs over the package. ``pantau`` and
``python pipeline.py`` are the same program.

User mistakes end with one line ``error: ...`` on stderr and a non-zero exit
(2 for bad usage, 1 for everything else); never a traceback.
"""

from __future__ import annotations

import csv
import gc
import json
import os
import sys

# One BLAS thread per process: the NER's matrices are small, and with
# --workers several multi-threaded BLAS pools fight over the cores (2 workers
# ran slower than 1). Set before numpy is imported; a user's setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
from pathlib import Path
from typing import Iterable, Optional

import click

from . import __version__
from .errors import Msg, PantauError, UsageError

DEFAULT_DB = "pantau.db"
DEFAULT_CONFIG = str(Path(__file__).resolve().parent.parent / "corpus" / "sources.toml")


def _date(ctx, param, value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(Msg.DATE_FORMAT.format(value=value))


db_option = click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False),
                         help="SQLite database file.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pantau")
def cli() -> None:
    """pantau: election-security records from Indonesian regional news.

    Fetches news, extracts officials, ranks, dates, places and events, and
    stores them with provenance in SQLite.
    """


# ----------------------------------------------------------------------------- run / ingest
@cli.command()
@click.option("--config", "config_path", default=DEFAULT_CONFIG, show_default="corpus/sources.toml",
              help="Sources and settings (TOML).")
@click.option("--demo", is_flag=True, help="Crawl the sample site bundled in corpus/demo_site, served on 127.0.0.1.")
@db_option
@click.option("--since", callback=_date, help="Only articles published on or after YYYY-MM-DD (where dated).")
@click.option("--until", callback=_date, help="Only articles published on or before YYYY-MM-DD (where dated).")
@click.option("--refresh", is_flag=True, help="Fetch and extract again what is already stored.")
@click.option("--all", "extract_all", is_flag=True, help="Extract below the relevance threshold too.")
@click.option("--dry-run", is_flag=True, help="List what would be fetched; fetch and store nothing.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64), help="Extraction processes.")
@click.option("--archive", "archive_dir", type=click.Path(file_okay=False),
              help="Folder for the run's WARC file [default: archive_dir in the config, else DB-NAME-archive/ "
                   "beside the database].")
def run(config_path, demo, db, since, until, refresh, extract_all, dry_run, workers, archive_dir):
    """Discover, fetch, parse, extract and store (the batch). A run that was
    stopped (even killed) resumes where it stopped; raw responses are kept
    in WARC files."""
    from .config import load_settings, Settings

    if demo:
        from .demo import DEMO_PORT, serve, demo_settings

        with serve(port=DEMO_PORT) as server:
            settings = demo_settings(server.base, Settings()).replace(archive_dir=archive_dir)
            _run(settings, db, since, until, refresh, extract_all, dry_run, workers, "run --demo")
        return
    settings = load_settings(config_path).replace(archive_dir=archive_dir)
    _run(settings, db, since, until, refresh, extract_all, dry_run, workers, "run")


def _run(settings, db, since, until, refresh, extract_all, dry_run, workers, command):
    from .run import run_batch
    from .store import Store

    if not settings.sources:
        raise click.UsageError("the config names no [[source]]")
    with Store(db) as store, _progress() as tick:
        summary, planned = run_batch(settings, store, since=since, until=until, refresh=refresh,
                                     extract_all=extract_all, dry_run=dry_run, workers=workers, progress=tick,
                                     command=command)
    if dry_run:
        for url in planned:
            click.echo(url)
        _problems(summary, db)
        if not planned and summary.errors and not summary.discovered:
            raise PantauError(Msg.NOTHING_TO_FETCH.format(n=summary.errors))
        click.echo(f"{len(planned)} URLs would be fetched" + ("" if planned else f": {_why_none(summary)}"),
                   err=True)
        return
    _summary(summary, db, run=True, workers=workers)


def _size(ctx, param, value: Optional[str]) -> Optional[int]:
    if value is None:
        return None
    units = {"K": 2**10, "M": 2**20, "G": 2**30}
    v = value.strip().upper().removesuffix("B")
    try:
        n = int(float(v[:-1]) * units[v[-1]]) if v[-1:] in units else int(v)
    except ValueError:
        raise click.BadParameter(Msg.SIZE_FORMAT.format(value=value))
    if n < 1:
        raise click.BadParameter(Msg.SIZE_FORMAT.format(value=value))
    return n


def dask_options(fn):
    """--dask and the options that go with it (ingest, extract --from-archive)."""
    for opt in reversed([
        click.option("--dask", metavar="SPEC", help="Run on Dask: local:N (a local cluster of N worker "
                     "processes), tcp://HOST:8786 (a running scheduler) or FILE.json (a scheduler file)."),
        click.option("--shard-dir", type=click.Path(file_okay=False), help="Where the shards' results go; every "
                     "worker and this process must reach it. Default: DB-NAME-shards/ beside the database."),
        click.option("--shard-size", default="256M", show_default=True, callback=_size, metavar="SIZE",
                     help="Byte range of a large WARC file per shard (K, M, G)."),
        click.option("--base-url", metavar="URL", help="Resolve the relative entries of a .paths list against "
                     "URL (e.g. https://data.commoncrawl.org/); default: where the list is."),
        click.option("--prefilter/--no-prefilter", default=None, help="Drop WARC records before parsing: not "
                     "HTTP 200 HTML, not Indonesian, no election and security terms. Default: on with --dask."),
    ]):
        fn = opt(fn)
    return fn


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@db_option
@click.option("--refresh", is_flag=True, help="Extract again what is already stored.")
@click.option("--all", "extract_all", is_flag=True, help="Extract below the relevance threshold too.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Extraction processes (without --dask; with it, the cluster's workers extract).")
@dask_options
def ingest(paths, db, refresh, extract_all, workers, dask, shard_dir, shard_size, base_url, prefilter):
    """Store input files: folders of .html/.txt files, JSONL files (one
    article per line: url, title, published, and text or html), WARC files
    (.warc/.warc.gz, e.g. Common Crawl News: every HTML response), lists of
    paths or URLs (.paths, .paths.gz, as Common Crawl's warc.paths), and
    remote files (https://, s3://). With --dask, on a Dask cluster."""
    _read_and_store(list(paths), db, "ingest", refresh=refresh, extract_all=extract_all, workers=workers,
                    dask=dask, shard_dir=shard_dir, shard_size=shard_size, base=base_url, prefilter=prefilter)


@cli.command()
@click.option("--from-archive", "archive", is_flag=False, flag_value="", default=None, metavar="[PATH]",
              help="Read the raw pages from WARC files: PATH (a .warc/.warc.gz file or a folder), or, with no "
                   "PATH, the database's archive (DB-NAME-archive/ beside it).")
@db_option
@click.option("--refresh", is_flag=True, help="Extract again even what this version already stored.")
@click.option("--all", "extract_all", is_flag=True, help="Extract below the relevance threshold too.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Extraction processes (without --dask; with it, the cluster's workers extract).")
@dask_options
def extract(archive, db, refresh, extract_all, workers, dask, shard_dir, shard_size, base_url, prefilter):
    """Parse and extract again from archived raw responses alone (no
    network): multi-page articles come back whole. What this version already
    stored from the same pages is skipped unless --refresh. With --dask, on
    a Dask cluster (the prefilter passes pantau's own pages untouched)."""
    from .archive import default_archive_dir

    if archive is None:
        raise click.UsageError("give --from-archive [PATH]: extract reads archived pages")
    _read_and_store([archive or str(default_archive_dir(db))], db, "extract --from-archive", refresh=refresh,
                    extract_all=extract_all, workers=workers, dask=dask, shard_dir=shard_dir,
                    shard_size=shard_size, base=base_url, prefilter=prefilter, warc_only=True)


def _read_and_store(paths: list[str], db, command: str, *, refresh, extract_all, workers, dask, shard_dir,
                    shard_size, base, prefilter, warc_only: bool = False) -> None:
    from .run import ingest as run_ingest
    from .store import Store

    config = {"path": paths[0] if len(paths) == 1 else paths}
    if dask:
        from .cluster import parse_spec
        from .run import ingest_distributed
        from .shards import plan

        kind, n = parse_spec(dask)  # a bad spec fails before anything is opened
        plan(paths, shard_size=shard_size, base=base)  # and so does a bad path
        with Store(db) as store:
            summary, _ = ingest_distributed(
                store, paths, dask=dask, command=command, config=config, say=lambda s: click.echo(s, err=True),
                shard_dir=shard_dir, shard_size=shard_size, base=base, prefilter=prefilter is not False,
                extract_all=extract_all, refresh=refresh)
        # the local cluster is gone by now: its cores compute the event facts (an existing scheduler's
        # are elsewhere; the facts are computed here, in one process)
        _summary(summary, db, workers=n if kind == "local" else 1)
        return
    origins = None
    simple = len(paths) == 1 and not prefilter and not base and "://" not in paths[0] \
        and not paths[0].lower().endswith((".paths", ".paths.gz", ".paths.txt"))
    if simple:  # as before issue 18: one local file or folder, read by extractor.inputs
        from .inputs import read_local, read_warc

        items = (read_warc if warc_only else read_local)(paths[0])  # a bad path fails here, before the database
    else:  # what a shard reads, in one process
        from .cluster import read_inputs
        from .shards import plan

        plan(paths, shard_size=shard_size, base=base)  # a bad path fails here, before the database
        origins = {}
        items = read_inputs(paths, prefilter=bool(prefilter), base=base, origins=origins)
    with Store(db) as store, _progress() as tick:
        summary = run_ingest(store, items, command=command, config=config, extract_all=extract_all, refresh=refresh,
                             workers=workers, progress=tick, origins=origins)
    _summary(summary, db, workers=workers)


# ----------------------------------------------------------------------------- single articles
@cli.command("extract-text")
@click.argument("file", type=click.File("rb"))
@click.option("--published", callback=_date, help="Publication date YYYY-MM-DD (anchors 'kemarin', '(4/12)').")
@click.option("--url", default="", help="URL to record as the article's.")
@click.option("--title", default="", help="Title (a repeated title line is dropped from the text).")
def extract_text(file, published, url, title):
    """Print the records of one plain-text article as JSON (no database).
    The file may be UTF-8, UTF-16 with a byte-order mark or windows-1252."""
    from .html import article_from_text

    _print_extraction(article_from_text(file.read(), url or f"file:{file.name}", title=title, published=published))


@cli.command("extract-html")
@click.argument("file", type=click.File("rb"))
@click.option("--url", default="", help="URL to record as the article's.")
@click.option("--published", callback=_date, help="Override the page's publication date.")
def extract_html(file, url, published):
    """Print the records of one HTML page as JSON (no database)."""
    from .html import article_from_html
    from .types import Article

    art = article_from_html(file.read(), url or f"file:{file.name}")
    if published:
        art = Article(**{**art.__dict__, "published": published})
    _print_extraction(art)


def _print_extraction(article) -> None:
    from .nlp import extract
    from .records import to_contract

    click.echo(json.dumps(to_contract(extract(article)), ensure_ascii=False, indent=2))


# ----------------------------------------------------------------------------- reading
def _filter_options(fn):
    """The filters shared by `query`, `report` and `export`."""
    for opt in reversed([
        click.option("--province", help="Province: name ('Sumatera Selatan', 'Sumsel') or code (16); exact unless "
                                        "--prefix."),
        click.option("--kabupaten", help="Kabupaten/kota: code (91.03), name with its kind ('Kota Jayapura', "
                                         "'Kabupaten Jayapura') or a name only one has ('Muara Enim'); exact unless "
                                         "--prefix."),
        click.option("--prefix", is_flag=True, help="Match --province/--kabupaten names that start with the value "
                                                    "('Papua' -> the six Papuan provinces)."),
        click.option("--since", callback=_date, help="On or after YYYY-MM-DD."),
        click.option("--until", callback=_date, help="On or before YYYY-MM-DD."),
        click.option("--event-type", help="Event type, e.g. recap_security (see CODEBOOK.md)."),
        click.option("--institution", help="Polri, TNI, KPU, Bawaslu, ... (officials; forces or actors of events)."),
        click.option("--rank", help="Canonical rank, e.g. AKBP (officials; events with an official of that rank)."),
        click.option("--search", help="Full-text search in article titles and texts (SQLite FTS5 syntax: words, "
                                      "\"a phrase\", OR, NOT, prefix*)."),
    ]):
        fn = opt(fn)
    return fn


def _filters(**kw):
    from .filters import Filters, resolve

    return resolve(Filters(**kw))


_QUERY_NAMES = ["officials", "events", "places", "articles", "event_details", "events_by_week",
                "official_positions", "stories", "deployments", "personnel_by_stage", "articles_by_outlet",
                "acled_events"]
#: queries with options of their own (extractor/holders.py)
_COMMAND_QUERIES = ["holders", "units"]


@cli.command()
@click.argument("name", required=False, type=click.Choice(_QUERY_NAMES + _COMMAND_QUERIES))
@db_option
@click.option("--sql", help="Read-only SQL instead of a canned query.")
@_filter_options
@click.option("--limit", type=click.IntRange(1), help="At most this many rows.")
@click.option("--unit", help="holders, units: a unit as the press names it (Polres Lahat, Kodim 0418/Palembang).")
@click.option("--position", help="holders: a post (Kapolres, Dandim, Kapolda, ...).")
@click.option("--on", "on_day", callback=_date, help="holders: the holder on this day (YYYY-MM-DD), with evidence.")
@click.option("--columns", help="Only these columns, comma-separated, in this order.")
@click.option("--format", "fmt", type=click.Choice(["table", "records", "csv", "json"]),
              help="table (the default on a terminal), records (one column per line, for wide rows), csv (the "
                   "default when the output is not a terminal), json (lists nested).")
def query(name, db, sql, province, kabupaten, prefix, since, until, event_type, institution, rank, search, limit,
          unit, position, on_day, columns, fmt):
    """Canned queries or --sql. NAME is one of: officials, events, places,
    articles (rows as stored); event_details, events_by_week,
    official_positions, stories, deployments, personnel_by_stage,
    articles_by_outlet, acled_events (the researcher views, filtered before
    grouping); holders (who held a post: --unit/--position/--province, --on
    DAY for the holder that day or the candidates when the evidence
    disagrees) and units (the chain of command: --unit, --kabupaten or
    --province)."""
    from .queries import ensure_current, run_canned, run_sql

    if bool(name) == bool(sql):
        raise click.UsageError("give a query name or --sql, not both and not neither")
    if (unit or position or on_day) and name not in ("holders", "units"):
        raise click.UsageError("--unit, --position and --on apply to the holders and units queries")
    if name == "holders":
        from .holders import query_holders

        ensure_current(db)
        cols, rows = query_holders(db, unit=unit, on=on_day, position=position, province=province, limit=limit)
    elif name == "units":
        from .holders import query_units

        ensure_current(db)
        cols, rows = query_units(db, unit=unit, province=province, kabupaten=kabupaten, limit=limit)
    elif sql:
        ensure_current(db)
        cols, rows = run_sql(db, sql)
    else:
        cols, rows = run_canned(db, name, _filters(province=province, kabupaten=kabupaten, prefix=prefix, since=since,
                                                   until=until, rank=rank, institution=institution, search=search,
                                                   event_type=event_type, limit=limit))
    _emit(cols, rows, fmt, columns)


def _pick(cols: list[str], rows: Iterable[tuple], columns: Optional[str]):
    if not columns:
        return cols, rows
    want = [c.strip() for c in columns.split(",") if c.strip()]
    missing = [c for c in want if c not in cols]
    if missing:
        import difflib

        near = difflib.get_close_matches(missing[0], cols, n=3)
        raise click.UsageError(f"no column {missing[0]!r} in this result"
                               + (f"; closest: {', '.join(near)}" if near else f"; columns: {', '.join(cols)}"))
    idx = [cols.index(c) for c in want]
    return want, (tuple(r[i] for i in idx) for r in rows)


def _emit(cols: list[str], rows: Iterable[tuple], fmt: Optional[str], columns: Optional[str] = None) -> None:
    """Rows to stdout: a table that fits the terminal (rows as records when the
    columns do not fit), the full width when stdout is not a terminal (or CSV,
    the default there), records, CSV or JSON."""
    from .schema import nest

    cols, rows = _pick(cols, rows, columns)
    out = sys.stdout  # (not click.get_text_stream: plain sys.stdout is what click.echo writes to as well)
    tty = out.isatty()
    fmt = fmt or ("table" if tty else "csv")
    if fmt == "csv":
        w = csv.writer(out)
        w.writerow(cols)
        w.writerows(rows)
        return
    if fmt == "json":
        click.echo(json.dumps([nest(cols, r) for r in rows], ensure_ascii=False, indent=2))
        return
    data = [["" if v is None else str(v) for v in r] for r in rows]
    width = _terminal_width() if tty else 0
    if fmt == "table" and tty and len(cols) * 9 > width:
        click.echo(f"({len(cols)} columns do not fit in {width}: shown as records; choose with --columns, or "
                   f"--format csv)", err=True)
        fmt = "records"
    if fmt == "records":
        key = max((len(c) for c in cols), default=0)
        for i, r in enumerate(data, 1):
            click.echo(f"-[ {i} ]" + "-" * max(0, min(width or 40, 60) - 6 - len(str(i))))
            for c, v in zip(cols, r):
                click.echo(f"{c.ljust(key)} | {v}")
    elif tty:
        from rich.console import Console
        from rich.table import Table

        t = Table(*cols, show_lines=False)
        for col in t.columns:
            col.overflow = "fold"
        for r in data:
            t.add_row(*r)
        Console(width=width).print(t)
    else:  # the full width, nothing cut
        widths = [max([len(c)] + [len(r[i]) for r in data]) for i, c in enumerate(cols)]
        click.echo("  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip())
        click.echo("  ".join("-" * w for w in widths))
        for r in data:
            click.echo("  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip())
    click.echo(f"{len(data)} rows", err=True)


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((100, 24)).columns


@cli.command()
@click.argument("table")
@db_option
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv", show_default=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Directory to write to.")
def export(table, db, fmt, out_dir):
    """Export TABLE, a view, 'all' (every table) or 'views' (every view) to
    CSV, JSONL or Parquet files in --out, streaming in constant memory, with
    data_dictionary.csv (file, column, type, meaning) and datapackage.json
    (Frictionless: types, primary and foreign keys) beside them.
    'acled_events' writes ACLED's 31 columns (acled_events.*), pantau's
    columns for the same events (acled_events_pantau.*) and codebook.md."""
    from .export import export as run_export

    run_export(db, table, out_dir, fmt, progress=lambda e: click.echo(f"{e.path}: {e.rows} rows"))
    click.echo(f"{Path(out_dir) / 'datapackage.json'}: types and keys; "
               f"{Path(out_dir) / 'data_dictionary.csv'}: column meanings")


@cli.command()
@db_option
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False), help="Directory to write to.")
@_filter_options
def report(db, out_dir, province, kabupaten, prefix, since, until, event_type, institution, rank, search):
    """Write a self-contained HTML report (report.html in --out) that opens
    offline and prints on A4: coverage, counts, a map of events by
    kabupaten/kota, the timeline with the election stages, events and
    personnel by region (figures at their level), who was where, the officials
    most quoted, near-duplicates, extraction warnings and the codebook; every
    number links to its articles and sentences."""
    from .report import write_report

    path = write_report(db, out_dir, _filters(province=province, kabupaten=kabupaten, prefix=prefix, since=since,
                                              until=until, institution=institution, event_type=event_type, rank=rank,
                                              search=search))
    click.echo(str(path))


@cli.command()
@db_option
@click.option("--errors", "show_errors", is_flag=True, help="List the recorded errors (URL, stage, message).")
def stats(db, show_errors):
    """Row counts per table, runs, and errors by stage."""
    from .queries import run_sql

    cols, rows = run_sql(db, "select name from sqlite_master where type = 'table' and name not like '%fts%' "
                             "and name not like 'sqlite_%' order by name")
    tables = [r[0] for r in rows]
    counts = []
    for t in tables:
        _, r = run_sql(db, f"select count(*) from [{t}]")
        counts.append((t, next(r)[0]))
    _emit(["table", "rows"], counts, "table")
    _, by_stage = run_sql(db, "select stage, count(*) from errors group by stage order by 2 desc")
    by_stage = list(by_stage)
    if by_stage:
        _emit(["stage", "errors"], by_stage, "table")
    if show_errors:  # one block per error: URLs and messages are too long for table cells
        _, rows = run_sql(db, "select at, stage, error_type, url, message from errors order by id")
        n = 0
        for at, stage, etype, url, message in rows:
            click.echo(f"{at}  [{stage}] {etype}\n  {url}\n  {message}")
            n += 1
        click.echo(f"{n} errors", err=True)


# ----------------------------------------------------------------------------- measuring
@cli.command("eval")
@click.option("--gold", "gold_path", default=str(Path(__file__).resolve().parent.parent / "corpus" / "dev" / "gold.jsonl"),
              show_default="corpus/dev/gold.jsonl", help="Gold annotations (JSONL).")
@click.option("--split", default="dev", show_default=True,
              help="Which part of the gold file to score: a split named in it (dev, check, blind, blind2, blind3, blind4: "
                   "batches written blind to the code, scored once before tuning) or all.")
@click.option("--diff", "show_diff", is_flag=True, help="List each article's misses and false positives.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
def eval_cmd(gold_path, split, show_diff, as_json):
    """Precision/recall/F1 of the extraction against gold annotations."""
    from .evaluate import evaluate, format_diff, format_report, load_gold

    report = evaluate(load_gold(gold_path, split), with_diff=show_diff)
    if as_json:
        out = report.summary()
        if show_diff:
            out["diff"] = report.diffs
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if show_diff:
        click.echo(format_diff(report))
        click.echo()
    click.echo(format_report(report))


@cli.command("eval-ner")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["conll", "tsv"]), default="conll", show_default=True,
              help="conll: token, optional middle columns, tag last; tsv: token<TAB>tag.")
@click.option("--label-map", default="", help="Rename gold labels, e.g. PERSON=PER,PLACE=LOC,ORGANISATION=ORG.")
@click.option("--model", type=click.Path(exists=True, file_okay=False), help="Another spaCy pipeline directory.")
def eval_ner(file, fmt, label_map, model):
    """Exact-span NER precision/recall/F1 of the shipped model on a CoNLL file, as JSON."""
    from .nlp.ner_eval import evaluate_file, parse_label_map
    from .nlp.model import load_model

    try:
        mapping = parse_label_map(label_map or None)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--label-map")
    try:
        nlp = load_model(model)
    except OSError as exc:
        raise PantauError(Msg.NER_MODEL.format(detail=exc)) from exc
    result = evaluate_file(file, fmt, mapping, nlp=nlp)
    click.echo(json.dumps(result, indent=2))


@cli.command("train-ner", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def train_ner(ctx):
    """Train the NER model: runs python -m extractor.nlp.training with the
    arguments given (python -m extractor.nlp.training --help lists them).
    Training is a program of its own that the runtime never imports; it
    needs a source checkout."""
    import importlib.util
    import subprocess

    if importlib.util.find_spec("extractor.nlp.training") is None:
        raise PantauError(Msg.TRAINING_MISSING)
    code = subprocess.call([sys.executable, "-m", "extractor.nlp.training", *ctx.args])
    if code:
        raise click.exceptions.Exit(code)


# ----------------------------------------------------------------------------- output helpers
class _progress:
    """A rich progress bar with live counters (quiet when not a terminal): the
    bar fills as queued URLs are settled (fetched, not modified, robots-
    disallowed, failed, duplicates)."""

    SETTLED = ("fetched", "not_modified", "disallowed", "failed", "duplicates")

    def __enter__(self):
        self.counts: dict[str, int] = {}
        self.p = None
        if not sys.stderr.isatty():  # a batch job's log: no bar, and rich not imported (~50 ms of every start)
            return self.tick
        from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.p = Progress(SpinnerColumn(), BarColumn(bar_width=24), TextColumn("{task.description}"),
                          TimeElapsedColumn(), transient=True, console=_stderr_console())
        self.p.__enter__()
        self.task = self.p.add_task("starting", total=None)
        return self.tick

    def tick(self, name: str, n: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + n
        if self.p is None:
            return
        queued = self.counts.get("queued")
        self.p.update(self.task, description="  ".join(f"{k.replace('_', ' ')} {v}" for k, v in self.counts.items()),
                      total=queued, completed=sum(self.counts.get(k, 0) for k in self.SETTLED) if queued else 0)

    def __exit__(self, *exc):
        if self.p is not None:
            self.p.__exit__(*exc)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def _summary(summary, db, *, run: bool = False, workers: int = 1) -> None:
    """The closing lines of a run or ingest: its counts, its first errors and
    warnings (each naming its file or URL); a run where nothing succeeded
    ends in one ``error:`` line saying why (exit 1). The derived event facts
    are brought up to date first, with the run's ``workers``."""
    from .facts import refresh

    refresh(db, workers=workers)  # the derived event facts the views count with (extractor/facts.py)
    d = summary.as_dict()
    line = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in d.items())
    click.echo(f"{line} -> {db}")
    _problems(summary, db)
    if not summary.succeeded():
        if run and not summary.discovered and not summary.fetched:
            raise PantauError(Msg.NOTHING_DISCOVERED.format(n=summary.errors,
                                                            more=f"; every error: pantau stats --errors --db {db}"))
        raise PantauError(Msg.NOTHING_STORED.format(n=summary.errors, db=db))


def _problems(summary, db, shown: int = 10) -> None:
    """The first errors and warnings, one line each, naming the file or URL."""
    for kind, items in (("error", summary.error_list), ("warning", summary.warning_list)):
        for url, stage, msg in items[:shown]:
            click.echo(f"  {kind} [{stage}] {_naming(url, msg)}", err=True)
        if len(items) > shown:
            click.echo(f"  ... {len(items) - shown} more: pantau stats --errors --db {db}", err=True)


def _naming(url: str, msg: str) -> str:
    """``msg`` with the file (a ``file:`` URL as its path) or URL it is about in front,
    unless it names it already."""
    from urllib.parse import unquote, urlsplit

    where = url or ""
    if where.startswith("file:"):
        parts = urlsplit(where)
        where = unquote(parts.path) + (f"#{parts.fragment}" if parts.fragment else "")
    if not where or where in msg or url in msg or unquote(where.split("#")[0]) in msg:
        return msg
    return f"{where}: {msg}"


def _why_none(summary) -> str:
    """Why a dry run would fetch nothing (when it is not an error)."""
    if summary.skipped:
        return (f"the {summary.skipped} URLs the sources announce are fetched already (--refresh fetches them "
                f"again)")
    return "the sources announce no article URLs (within --since/--until, where given)"


def main(argv: Optional[list[str]] = None) -> int:
    from .memory import keep_freed_memory

    try:
        keep_freed_memory()  # the heap is kept between articles: a third of the page faults (extractor/memory.py)
        # standalone_mode=False: click returns the code of an Exit instead of raising it
        code = cli.main(args=argv, prog_name="pantau", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.Abort as exc:  # (click turns Ctrl-C into an Abort caused by the KeyboardInterrupt)
        why = "interrupted" if isinstance(exc.__cause__ or exc.__context__, KeyboardInterrupt) else "aborted"
        click.echo(f"error: {why}", err=True)
        return 130
    except click.UsageError as exc:
        click.echo(f"error: {exc.format_message()}" + (f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""),
                   err=True)
        return 2
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        return exc.exit_code
    except UsageError as exc:
        click.echo(f"error: {exc}", err=True)
        return 2
    except PantauError as exc:
        click.echo(f"error: {exc}", err=True)
        return getattr(exc, "exit_code", 1)
    except KeyboardInterrupt:
        click.echo("error: interrupted", err=True)
        return 130
    return code if isinstance(code, int) else 0


def script() -> int:
    """The ``pantau`` command and ``pipeline.py``: :func:`main`, then
    everything still alive frozen out of the collector's reach
    (``gc.freeze``) for the interpreter's exit. Its collections would walk the
    model, the lexicons and the gazetteer again: 0.5-0.6 s of every run, a
    quarter of a one-article ingest (benchmarks/README.md, eleventh pass).
    Reference counting still frees what it frees; ``atexit`` handlers run."""
    code = main()
    gc.freeze()
    return code
