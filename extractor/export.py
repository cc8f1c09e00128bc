"""Exports: tables and views to CSV, JSONL or Parquet, streamed in batches, with
a data dictionary (file, column, type, meaning) and a Frictionless data package
(``datapackage.json``: Table Schema types, primary and foreign keys) written
beside the files.

Memory stays flat whatever the database size: rows are read with ``fetchmany``
and written as they come; Parquet is written one row group per batch, a batch
being at most :data:`BATCH_ROWS` rows or about :data:`BATCH_BYTES` of values.
Column storage types are found first by one aggregate pass (``typeof`` of every
value); what a column *is* (a date, a list, a code) comes from
:mod:`extractor.schema`, so Parquet has real date, timestamp and list columns,
JSONL nested lists, and every file a typed schema in which codes are strings.

``acled_events`` writes two files: ``acled_events`` with exactly ACLED's 31
columns in ACLED's order (``source``: the outlets reporting the incident;
``source_scale``: their scales; ``notes``: the date, the sentence the event was
found in, the article title and the evidence - independent outlets, or a single
press release - from the ``acled_evidence`` view; ``tags`` ACLED's
``; ``-separated string), and ``acled_events_pantau`` with pantau's columns for
the same rows (Kemendagri codes, personnel and its level, stages, article ids,
the incident and its corroboration), joined on ``event_id_cnty``; and
``codebook.md``. Events without coordinates (no place
coded) are left out of both, as ACLED has a location for every event.

A file that cannot be written (a read-only or full disk, a path under a file)
ends the export with one :class:`~extractor.errors.WriteError`; the partial file
(``NAME.part``) is removed.
"""

from __future__ import annotations

import base64
import csv
import datetime as dt
import json
import os
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from . import __version__
from .errors import Msg, PantauError, StoreError, WriteError
from .queries import connect_readonly, ensure_current
from .schema import VIEW_FOREIGN_KEYS, VIEW_KEYS, as_list, kind, table_schema_type
from .sentence import sentence_at

FORMATS = ("csv", "jsonl", "parquet")
FETCH_ROWS = 256  # rows read from SQLite at a time
BATCH_ROWS = 20_000  # at most this many rows in one Parquet row group
BATCH_BYTES = 4 * 1024 * 1024  # or about this many bytes of values
DICTIONARY = "data_dictionary.csv"
PACKAGE = "datapackage.json"
CODEBOOK = "codebook.md"
UNDESCRIBED = "(not yet described in extractor/browse/metadata.json)"
#: tables that `export all` writes, besides the store's TABLES
REFERENCE_TABLES = ("regions", "election_stages", "election_steps")
#: ACLED's columns, in ACLED's order (ACLED Codebook 2024, data export)
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
#: the companion file of acled_events: pantau's columns, keyed by event_id_cnty
ACLED_PANTAU = "acled_events_pantau"
#: SQLite's and the full-text index's own tables, never exported
_INTERNAL = ("sqlite_%", "articles_fts%")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


@dataclass(frozen=True)
class Exported:
    name: str  # the table or view (acled_events_pantau for the companion)
    path: Path
    rows: int
    columns: list[tuple[str, str, str]]  # (column, storage type, meaning)
    kinds: tuple[str, ...] = ()  # extractor.schema kind of each column
    fmt: str = "csv"


@lru_cache(maxsize=1)
def metadata() -> dict:
    """The Datasette metadata shipped in extractor/browse: table and column meanings."""
    with resources.files("extractor").joinpath("browse/metadata.json").open("r", encoding="utf-8") as fh:
        return json.load(fh)


def meanings(name: str) -> tuple[str, dict[str, str]]:
    table = metadata()["databases"]["pantau"]["tables"].get(name, {})
    return table.get("description", ""), table.get("columns", {})


def exportable(db: str | Path) -> tuple[list[str], list[str]]:
    """(tables, views) in the database that can be exported by name."""
    conn = connect_readonly(db)
    try:
        rows = conn.execute("select name, type from sqlite_master where type in ('table', 'view') "
                            "and name not like 'sqlite_%' and name not like 'articles_fts%' order by name").fetchall()
    finally:
        conn.close()
    return [n for n, t in rows if t == "table"], [n for n, t in rows if t == "view"]


def resolve(db: str | Path, name: str) -> list[str]:
    """``all`` (every table), ``views`` (every view), or one table or view."""
    tables, views = exportable(db)
    if name == "all":
        return tables
    if name == "views":
        return views
    if name in tables or name in views:
        return [name]
    raise PantauError(Msg.UNKNOWN_TABLE.format(name=name, choices=", ".join(["all", "views", *tables, *views])))


# -- writing safely ---------------------------------------------------------------------------------
def _write_error(path: Path, exc: OSError) -> WriteError:
    detail = exc.strerror or str(exc) or type(exc).__name__
    return WriteError(Msg.WRITE_FAILED.format(path=path, detail=detail))


def make_dir(out: Path) -> None:
    """``out`` and its parents, or one WriteError."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(out, exc) from exc
    if not out.is_dir():
        raise WriteError(Msg.WRITE_FAILED.format(path=out, detail="not a directory"))


@contextmanager
def atomic_path(path: Path):
    """Yield ``PATH.part`` to write; on success it replaces ``path``, on any
    failure it is removed and an OSError becomes one WriteError."""
    tmp = path.with_name(path.name + ".part")
    try:
        yield tmp
        os.replace(tmp, path)
    except OSError as exc:
        raise _write_error(path, exc) from exc
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


# -- exporting ----------------------------------------------------------------------------------------
def export(db: str | Path, name: str, out_dir: str | Path, fmt: str = "csv", *,
           batch_rows: int = BATCH_ROWS, batch_bytes: int = BATCH_BYTES,
           progress: Optional[Callable[[Exported], None]] = None) -> list[Exported]:
    """Export ``name`` (see :func:`resolve`) to ``out_dir``; update its data
    dictionary and data package."""
    if fmt not in FORMATS:
        raise PantauError(f"unknown format {fmt!r}; choose from: {', '.join(FORMATS)}")
    if fmt == "parquet":
        _pyarrow()
    ensure_current(db)
    names = resolve(db, name)
    out = Path(out_dir)
    make_dir(out)
    done = []
    for n in names:
        parts = [n, ACLED_PANTAU] if n == "acled_events" else [n]
        for part in parts:
            ex = export_one(db, part, out, fmt, batch_rows=batch_rows, batch_bytes=batch_bytes)
            done.append(ex)
            if progress:
                progress(ex)
        if n == "acled_events":
            write_codebook(out)
    write_dictionary(out, done)
    write_package(out, done, db)
    return done


def export_one(db: str | Path, name: str, out: Path, fmt: str, *, batch_rows: int = BATCH_ROWS,
               batch_bytes: int = BATCH_BYTES) -> Exported:
    conn = connect_readonly(db)
    try:
        sql, pick, make_transform = _source(name)
        types = column_types(conn, sql)
        _, col_meaning = meanings(name)
        path = out / f"{name}.{fmt}"
        cur = conn.execute(sql)
        all_cols = [d[0] for d in cur.description]
        cols = pick(all_cols)
        rows: Iterable[tuple] = _fetch(cur, FETCH_ROWS)
        if make_transform:
            rows = map(make_transform(all_cols, cols), rows)
        kinds = tuple(kind(name, c, types.get(c, "text")) for c in cols)
        writer = {"csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet}[fmt]
        with atomic_path(path) as tmp:
            count = writer(tmp, cols, kinds, rows, batch_rows=batch_rows, batch_bytes=batch_bytes)
    except sqlite3.DatabaseError as exc:
        raise StoreError(Msg.SQL_ERROR.format(detail=exc)) from exc
    finally:
        conn.close()
    return Exported(name, path, count, [(c, types.get(c, "text"), col_meaning.get(c) or UNDESCRIBED) for c in cols],
                    kinds, fmt)


def _plain_columns(cols: list[str]) -> list[str]:
    return [c for c in cols if not c.startswith("_")]


def _source(name: str):
    """The SELECT for ``name``, the columns written given the query's (helper
    columns named ``_x`` are left out), and a factory of the per-row transform
    given both (or None)."""
    if name == "acled_events":
        sql = ("select x.*, a.text as _text, a.title as _title from acled_events x "
               "join articles a on a.id = x.article_id where x.latitude is not null order by x.event_date, x.event_id")
        return sql, lambda cols: list(ACLED_COLUMNS), lambda cols, keep: partial(_acled_row, cols)
    if name == ACLED_PANTAU:
        sql = "select x.* from acled_events x where x.latitude is not null order by x.event_date, x.event_id"
        return sql, _pantau_names, lambda cols, keep: partial(_pick_columns, [cols.index(c) for c in keep])
    return f"select * from [{name}]", _plain_columns, None


def _pantau_names(cols: list[str]) -> list[str]:
    """The companion's columns: event_id_cnty, then pantau's (those after ACLED's 31)."""
    return ["event_id_cnty"] + [c for c in cols[len(ACLED_COLUMNS):] if not c.startswith("_")]


def _pick_columns(idx: list[int], row: tuple) -> tuple:
    return tuple(row[i] for i in idx)


def acled_date(date: Optional[str]) -> str:
    """``2024-11-27`` -> ``27 November 2024``."""
    try:
        d = dt.date.fromisoformat((date or "")[:10])
    except ValueError:
        return date or ""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _acled_row(cols: list[str], row: tuple) -> tuple:
    """ACLED's 31 columns. notes: "On <date>, <the sentence the event was found
    in> (<article title>). Evidence: <the acled_evidence line>.", the date
    marked when it is the report's; tags: ACLED's "; "-separated string.
    ``source`` and ``source_scale`` are the view's (from ``acled_evidence``)."""
    r = dict(zip(cols, row))
    sentence = sentence_at(r.get("_text") or "", r.get("start") or 0, r.get("end") or 0)
    title = r.get("_title") or ""
    when = acled_date(r["event_date"]) + (" (date of the report)" if r.get("date_source") != "text" else "")
    r["notes"] = (f"On {when}, {sentence}" + (f" ({title})" if title else "")
                  + (f". Evidence: {r['evidence_note']}." if r.get("evidence_note") else ""))
    r["tags"] = "; ".join(as_list("json_list", r.get("tags")) or [])
    return tuple(r[c] for c in ACLED_COLUMNS)


def column_types(conn: sqlite3.Connection, sql: str) -> dict[str, str]:
    """Each column's storage type over all its values: integer, real, text, blob, or
    null when every value is NULL. Mixed integer/real is real; text mixed with
    anything is text. One aggregate pass, constant memory. Helper columns named
    ``_x`` (used by a transform) are left out."""
    cols = [d[0] for d in conn.execute(f"select * from ({sql}) limit 0").description]
    keep = [c for c in cols if not c.startswith("_")]
    if not keep:
        return {}
    agg = ", ".join(f"group_concat(distinct typeof([{c}]))" for c in keep)
    row = conn.execute(f"select {agg} from ({sql})").fetchone()
    out = {}
    for c, found in zip(keep, row):
        kinds = set((found or "").split(",")) - {"", "null"}
        if not kinds:
            out[c] = "null"
        elif kinds == {"integer"}:
            out[c] = "integer"
        elif kinds <= {"integer", "real"}:
            out[c] = "real"
        elif kinds == {"blob"}:
            out[c] = "blob"
        else:
            out[c] = "text"
    return out


def _fetch(cur: sqlite3.Cursor, n: int) -> Iterator[tuple]:
    while True:
        batch = cur.fetchmany(n)
        if not batch:
            return
        yield from batch


def _plain(v: Any) -> Any:
    return base64.b64encode(v).decode("ascii") if isinstance(v, bytes) else v


def _write_csv(path: Path, cols, kinds, rows: Iterable[tuple], **_) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for r in rows:
            w.writerow([_plain(v) for v in r])
            n += 1
    return n


def _json_value(k: str, v: Any) -> Any:
    if k in ("json_list", "id_list"):
        return as_list(k, v)
    if k == "semicolon_list":
        return [x for x in (v or "").split("; ") if x] if v is not None else None
    return _plain(v)


def _write_jsonl(path: Path, cols, kinds, rows: Iterable[tuple], **_) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({c: _json_value(k, v) for c, k, v in zip(cols, kinds, r)}, ensure_ascii=False) + "\n")
            n += 1
    return n


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise PantauError("Parquet export needs pyarrow: pip install pyarrow") from exc
    return pyarrow


def arrow_type(k: str):
    pa = _pyarrow()
    return {"integer": pa.int64(), "number": pa.float64(), "blob": pa.binary(), "date": pa.date32(),
            "datetime": pa.timestamp("us", tz="UTC"), "json_list": pa.list_(pa.string()),
            "semicolon_list": pa.list_(pa.string()), "id_list": pa.list_(pa.int64())}.get(k, pa.string())


def _coerce(k: str, v: Any) -> Any:
    """A SQLite value as the Python value of its Arrow type (unreadable dates: null)."""
    if v is None:
        return None
    if k == "date":
        try:
            return dt.date.fromisoformat(str(v)[:10])
        except ValueError:
            return None
    if k == "datetime":
        try:
            t = dt.datetime.fromisoformat(str(v))
        except ValueError:
            return None
        return t.astimezone(dt.timezone.utc) if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)
    if k in ("json_list", "id_list", "semicolon_list"):
        got = _json_value(k, v)
        if k == "id_list":
            got = [x for x in got if isinstance(x, int)]
        else:
            got = [str(x) for x in got]
        return got
    if k == "number":
        return float(v)
    if k == "integer":
        return int(v) if not isinstance(v, bytes) else None
    if k == "blob":
        return v if isinstance(v, bytes) else str(v).encode()
    return v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)


def _write_parquet(path: Path, cols, kinds, rows: Iterable[tuple], *, batch_rows: int, batch_bytes: int) -> int:
    """Rows become Arrow arrays every :data:`FETCH_ROWS` rows (so Python holds few
    values at a time), and a row group is written once :data:`BATCH_BYTES` or
    ``batch_rows`` have gathered."""
    pa = _pyarrow()
    import pyarrow.parquet as pq

    schema = pa.schema([pa.field(c, arrow_type(k)) for c, k in zip(cols, kinds)])
    n = 0
    chunks: list = []  # record batches waiting for the next row group
    gathered = gathered_rows = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        def flush():
            nonlocal chunks, gathered, gathered_rows
            if chunks:
                writer.write_table(pa.Table.from_batches(chunks, schema=schema), row_group_size=gathered_rows)
            chunks, gathered, gathered_rows = [], 0, 0

        it = iter(rows)
        while True:
            block = list(islice(it, FETCH_ROWS))
            if not block:
                break
            columns = [pa.array([_coerce(k, r[i]) for r in block], type=f.type)
                       for i, (k, f) in enumerate(zip(kinds, schema))]
            batch = pa.RecordBatch.from_arrays(columns, schema=schema)
            del block, columns
            chunks.append(batch)
            gathered += batch.nbytes
            gathered_rows += batch.num_rows
            n += batch.num_rows
            if gathered >= batch_bytes or gathered_rows >= batch_rows:
                flush()
        flush()
    return n


# -- beside the files: dictionary, data package, codebook -------------------------------------------
def write_dictionary(out: Path, exported: list[Exported]) -> Path:
    """``data_dictionary.csv`` beside the files: one row per exported column
    (file, table, column, type, meaning); rows of files exported earlier into
    the same directory are kept unless this export rewrote them."""
    path = out / DICTIONARY
    rows: list[dict] = []
    fields = ["file", "table", "column", "type", "meaning"]
    rewritten = {e.path.name for e in exported}
    if path.exists():
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                rows = [r for r in csv.DictReader(fh) if r.get("file") not in rewritten]
        except (OSError, UnicodeDecodeError, csv.Error):
            rows = []
    for e in exported:
        desc, _ = meanings(e.name)
        rows.append({"file": e.path.name, "table": e.name, "column": "", "type": "",
                     "meaning": f"{desc} ({e.rows} rows)".strip()})
        for col, typ, meaning in e.columns:
            rows.append({"file": e.path.name, "table": e.name, "column": col, "type": typ, "meaning": meaning})
    with atomic_path(path) as tmp:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=fields)
            w.writeheader()
            w.writerows(rows)
    return path


_MEDIA = {"csv": "text/csv", "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}


def resource_name(table: str, fmt: str) -> str:
    """The data package's name for a file: the table for CSV, ``table-format`` otherwise."""
    return table if fmt == "csv" else f"{table}-{fmt}"


def _table_keys(db_conn: Optional[sqlite3.Connection], table: str) -> tuple[list[str], list[tuple]]:
    """(primary key, foreign keys as (columns, table, columns)): declared in
    SQLite for tables, in :mod:`extractor.schema` for views and derived files."""
    if table in VIEW_KEYS or table in VIEW_FOREIGN_KEYS or db_conn is None:
        return VIEW_KEYS.get(table, []), VIEW_FOREIGN_KEYS.get(table, [])
    info = db_conn.execute(f"pragma table_info([{table}])").fetchall()
    pk = [r[1] for r in sorted((r for r in info if r[5]), key=lambda r: r[5])]
    fks: dict[int, tuple[list[str], str, list[str]]] = {}
    for r in db_conn.execute(f"pragma foreign_key_list([{table}])").fetchall():
        f = fks.setdefault(r[0], ([], r[2], []))
        f[0].append(r[3])
        f[2].append(r[4] or "id")
    return pk, list(fks.values())


def _resource(e: Exported, keys: tuple[list[str], list]) -> dict:
    desc, _ = meanings(e.name)
    fields = []
    for (col, _typ, meaning), k in zip(e.columns, e.kinds or ("string",) * len(e.columns)):
        f = {"name": col, **table_schema_type(k)}
        if meaning and meaning != UNDESCRIBED:
            f["description"] = meaning
        fields.append(f)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
    pk, _ = keys
    names = [c for c, _, _ in e.columns]
    if pk and all(c in names for c in pk):
        schema["primaryKey"] = pk
    return {"name": resource_name(e.name, e.fmt), "path": e.path.name, "profile": "tabular-data-resource",
            "format": e.fmt, "mediatype": _MEDIA[e.fmt], "encoding": "utf-8",
            "description": f"{desc} ({e.rows} rows)".strip(), "schema": schema}


def write_package(out: Path, exported: list[Exported], db: Optional[str | Path] = None) -> Path:
    """``datapackage.json`` beside the files (Frictionless Tabular Data Package):
    each file's fields with Table Schema types (codes are strings, dates dates,
    lists arrays), its primary key, and foreign keys to the files of the same
    format in the package. Resources of files exported earlier into the same
    directory are kept unless this export rewrote them."""
    path = out / PACKAGE
    old: list[dict] = []
    rewritten = {e.path.name for e in exported}
    if path.exists():
        try:
            old = [r for r in json.loads(path.read_text("utf-8")).get("resources", [])
                   if r.get("path") not in rewritten and (out / r.get("path", "")).exists()]
        except (OSError, ValueError, AttributeError):
            old = []
    conn = connect_readonly(db) if db is not None else None
    try:
        resources_ = _with_foreign_keys(conn, old + [_resource(e, _table_keys(conn, e.name)) for e in exported])
    finally:
        if conn is not None:
            conn.close()
    doc = {"profile": "tabular-data-package", "name": "pantau-export",
           "title": "pantau: election-security records from Indonesian regional news",
           "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
           "sources": [{"title": f"pantau {__version__}"}], "resources": resources_}
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def _with_foreign_keys(conn: Optional[sqlite3.Connection], resources_: list[dict]) -> list[dict]:
    """Each resource's foreign keys to the files of the package in the same
    format (recomputed for files exported earlier too)."""
    present = {r["name"] for r in resources_}
    for r in resources_:
        fmt = r.get("format", "csv")
        table = r["name"][: -len(fmt) - 1] if r["name"].endswith(f"-{fmt}") else r["name"]
        _, fks = _table_keys(conn, table)
        names = [f["name"] for f in r["schema"]["fields"]]
        keep = [{"fields": cols, "reference": {"resource": resource_name(ref, fmt), "fields": refcols}}
                for cols, ref, refcols in fks if all(c in names for c in cols) and resource_name(ref, fmt) in present]
        r["schema"].pop("foreignKeys", None)
        if keep:
            r["schema"]["foreignKeys"] = keep
    return resources_


def write_codebook(out: Path) -> Path:
    from .codebook import codebook_markdown

    path = out / CODEBOOK
    with atomic_path(path) as tmp:
        tmp.write_text(codebook_markdown(), encoding="utf-8")
    return path
