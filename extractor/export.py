"""Exports: tables and views to CSV, JSONL or Parquet, streamed in batches, with a
data dictionary (file, column, type, meaning) written beside the files.

Memory stays flat whatever the database size: rows are read with ``fetchmany``
and written as they come; Parquet is written one row group per batch, a batch
being at most :data:`BATCH_ROWS` rows or about :data:`BATCH_BYTES` of values.
Column types are found first by one aggregate pass (``typeof`` of every value),
so a Parquet column has one type from the first row group to the last.

``acled_events`` exports carry, in ``notes``, the sentence each event was found
in (then the article title) instead of the view's title | trigger.
"""

from __future__ import annotations

import base64
import csv
import json
import sqlite3
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import islice
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional

from .errors import Msg, PantauError, StoreError
from .queries import connect_readonly, ensure_current, sentence_at

FORMATS = ("csv", "jsonl", "parquet")
FETCH_ROWS = 256  # rows read from SQLite at a time
BATCH_ROWS = 20_000  # at most this many rows in one Parquet row group
BATCH_BYTES = 4 * 1024 * 1024  # or about this many bytes of values
DICTIONARY = "data_dictionary.csv"
UNDESCRIBED = "(not yet described in extractor/browse/metadata.json)"
#: tables that `export all` writes, besides the store's TABLES
REFERENCE_TABLES = ("regions", "election_stages", "election_steps")


@dataclass(frozen=True)
class Exported:
    name: str
    path: Path
    rows: int
    columns: list[tuple[str, str, str]]  # (column, type, meaning)


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
    from .store import TABLES

    tables, views = exportable(db)
    if name == "all":
        return [t for t in (*TABLES, *REFERENCE_TABLES) if t in tables]
    if name == "views":
        return views
    if name in tables or name in views:
        return [name]
    raise PantauError(Msg.UNKNOWN_TABLE.format(name=name, choices=", ".join(["all", "views", *tables, *views])))


def export(db: str | Path, name: str, out_dir: str | Path, fmt: str = "csv", *,
           batch_rows: int = BATCH_ROWS, batch_bytes: int = BATCH_BYTES,
           progress: Optional[Callable[[Exported], None]] = None) -> list[Exported]:
    """Export ``name`` (see :func:`resolve`) to ``out_dir`` and update its data dictionary."""
    if fmt not in FORMATS:
        raise PantauError(f"unknown format {fmt!r}; choose from: {', '.join(FORMATS)}")
    if fmt == "parquet":
        _pyarrow()
    ensure_current(db)
    names = resolve(db, name)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    done = []
    for n in names:
        ex = export_one(db, n, out, fmt, batch_rows=batch_rows, batch_bytes=batch_bytes)
        done.append(ex)
        if progress:
            progress(ex)
    write_dictionary(out, done)
    return done


def export_one(db: str | Path, name: str, out: Path, fmt: str, *, batch_rows: int = BATCH_ROWS,
               batch_bytes: int = BATCH_BYTES) -> Exported:
    conn = connect_readonly(db)
    try:
        sql, make_transform = _source(name)
        types = column_types(conn, sql)
        _, col_meaning = meanings(name)
        path = out / f"{name}.{fmt}"
        cur = conn.execute(sql)
        cols = [d[0] for d in cur.description][: len(types)]
        rows: Iterable[tuple] = _fetch(cur, FETCH_ROWS)
        if make_transform:
            rows = map(make_transform(cols), rows)
        writer = {"csv": _write_csv, "jsonl": _write_jsonl, "parquet": _write_parquet}[fmt]
        tmp = path.with_name(path.name + ".part")
        try:
            count = writer(tmp, cols, types, rows, batch_rows=batch_rows, batch_bytes=batch_bytes)
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)
    except sqlite3.DatabaseError as exc:
        raise StoreError(Msg.SQL_ERROR.format(detail=exc)) from exc
    finally:
        conn.close()
    return Exported(name, path, count, [(c, types[c], col_meaning.get(c) or UNDESCRIBED) for c in cols])


def _source(name: str) -> tuple[str, Optional[Callable[[list[str]], Callable[[tuple], tuple]]]]:
    """The SELECT for ``name`` and, where rows are rewritten, a factory of the
    per-row transform given the column names (the ACLED notes)."""
    if name != "acled_events":
        return f"select * from [{name}]", None
    sql = ("select x.*, e.start as _start, e.end as _end, a.text as _text from acled_events x "
           "join events e on e.id = x.event_id join articles a on a.id = x.article_id order by x.event_date, x.event_id")
    return sql, lambda cols: partial(_acled_notes, cols.index("notes"))


def _acled_notes(i: int, row: tuple) -> tuple:
    """notes = the sentence the event was found in, then the article title."""
    *values, start, end, text = row
    title = (values[i] or "").split(" | ")[0]
    sentence = sentence_at(text or "", start or 0, end or 0)
    values[i] = f"{sentence} ({title})" if sentence and title else (sentence or title)
    return tuple(values)


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


def _write_csv(path: Path, cols, types, rows: Iterable[tuple], **_) -> int:
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for r in rows:
            w.writerow([_plain(v) for v in r])
            n += 1
    return n


def _write_jsonl(path: Path, cols, types, rows: Iterable[tuple], **_) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps({c: _plain(v) for c, v in zip(cols, r)}, ensure_ascii=False) + "\n")
            n += 1
    return n


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:  # pragma: no cover - pyarrow is a dependency
        raise PantauError("Parquet export needs pyarrow: pip install pyarrow") from exc
    return pyarrow


def arrow_type(kind: str):
    pa = _pyarrow()
    return {"integer": pa.int64(), "real": pa.float64(), "blob": pa.binary()}.get(kind, pa.string())


def _coerce(kind: str, v: Any) -> Any:
    if v is None:
        return None
    if kind == "text" or kind == "null":
        return v.decode("utf-8", "replace") if isinstance(v, bytes) else str(v)
    if kind == "real":
        return float(v)
    return v


def _write_parquet(path: Path, cols, types, rows: Iterable[tuple], *, batch_rows: int, batch_bytes: int) -> int:
    """Rows become Arrow arrays every :data:`FETCH_ROWS` rows (so Python holds few
    values at a time), and a row group is written once :data:`BATCH_BYTES` or
    ``batch_rows`` have gathered."""
    pa = _pyarrow()
    import pyarrow.parquet as pq

    schema = pa.schema([pa.field(c, arrow_type(types[c])) for c in cols])
    kinds = [types[c] for c in cols]
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


def write_dictionary(out: Path, exported: list[Exported]) -> Path:
    """``data_dictionary.csv`` beside the files: one row per exported column
    (file, table, column, type, meaning); rows of files exported earlier into
    the same directory are kept unless this export rewrote them."""
    path = out / DICTIONARY
    rows: list[dict] = []
    fields = ["file", "table", "column", "type", "meaning"]
    rewritten = {e.path.name for e in exported}
    if path.exists():
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [r for r in csv.DictReader(fh) if r.get("file") not in rewritten]
    for e in exported:
        desc, _ = meanings(e.name)
        rows.append({"file": e.path.name, "table": e.name, "column": "", "type": "",
                     "meaning": f"{desc} ({e.rows} rows)".strip()})
        for col, typ, meaning in e.columns:
            rows.append({"file": e.path.name, "table": e.name, "column": col, "type": typ, "meaning": meaning})
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
    tmp.replace(path)
    return path
