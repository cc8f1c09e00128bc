"""What each exported column is: its type for a Frictionless Table Schema and
for Parquet, whether it holds a list, and the keys between tables.

SQLite stores dates as text, lists as JSON text or comma-separated ids, and
Kemendagri codes as text that looks like a number ("16.10"). Exports say what
they are: ``date`` and ``datetime`` columns become Parquet date32/timestamp,
list columns Parquet lists (and nested lists in JSON/JSONL), codes strings
everywhere (:mod:`extractor.export` writes ``datapackage.json`` from this).
"""

from __future__ import annotations

import re
from typing import Optional

#: columns holding a JSON array of strings
JSON_LISTS = frozenset({"forces", "tags", "officials", "units", "degrees", "meta_notes"})
#: columns holding comma-separated ids (group_concat)
ID_LISTS = frozenset({"event_ids", "article_ids"})
#: date columns (YYYY-MM-DD), whatever the table
DATES = frozenset({"date", "event_date", "week", "first_seen", "last_seen", "first_published", "last_published",
                   "first_date", "last_date"})
#: datetime columns (ISO 8601 with an offset), whatever the table
DATETIMES = frozenset({"started_at", "finished_at", "fetched_at", "stored_at", "discovered_at", "updated_at", "at"})
#: per table: columns whose type the name rules above do not give
OVERRIDES: dict[str, dict[str, str]] = {
    "election_stages": {"start": "date", "end": "date"},
    # a view's published is the article's publication day; articles.published keeps the time and offset as written
    **{v: {"published": "date"} for v in ("event_details", "acled_events", "deployments", "official_positions")},
    "officials": {"first_seen": "date", "last_seen": "date"},
    "acled_events": {"published": "date", "timestamp": "integer", "tags": "semicolon_list"},
    "acled_events_pantau": {"published": "date"},
}
#: code-like columns: strings ("16.10" is not a number; numeric codes such as inter1_code stay integers)
_CODE = re.compile(r"(?:^|_)code$|^code$|^geo_code$|^scope_code$|^figure_code$|^story_key$")

#: primary keys of views and derived files (tables' come from SQLite)
VIEW_KEYS: dict[str, list[str]] = {
    "article_stories": ["article_id"],
    "stories": ["story_key"],
    "event_details": ["event_id"],
    "deployments": ["story_key", "personnel"],
    "articles_by_outlet": ["outlet"],
    "acled_events": ["event_id_cnty"],
    "acled_events_pantau": ["event_id_cnty"],
}
#: foreign keys of views and derived files: (columns, resource, columns)
VIEW_FOREIGN_KEYS: dict[str, list[tuple[list[str], str, list[str]]]] = {
    "article_stories": [(["article_id"], "articles", ["id"])],
    "event_details": [(["event_id"], "events", ["id"]), (["article_id"], "articles", ["id"])],
    "deployments": [(["event_id"], "events", ["id"]), (["article_id"], "articles", ["id"])],
    "acled_events_pantau": [(["event_id_cnty"], "acled_events", ["event_id_cnty"]), (["event_id"], "events", ["id"])],
    "official_positions": [(["official_id"], "officials", ["id"])],
}


def kind(table: str, column: str, storage: str) -> str:
    """The column's kind: integer, number, string, date, datetime, json_list,
    id_list, semicolon_list (ACLED's tags) or blob. ``storage`` is what SQLite holds (integer, real, text,
    blob, null: :func:`extractor.export.column_types`)."""
    over = OVERRIDES.get(table, {}).get(column)
    if over:
        return over
    if column in JSON_LISTS and storage in ("text", "null"):
        return "json_list"
    if column in ID_LISTS and storage in ("text", "integer", "null"):
        return "id_list"
    if _CODE.search(column) and storage in ("text", "null"):
        return "string"
    if column in DATES:
        return "date"
    if column in DATETIMES:
        return "datetime"
    return {"integer": "integer", "real": "number", "blob": "blob"}.get(storage, "string")


def table_schema_type(k: str) -> dict:
    """The Frictionless Table Schema type (and format) of a kind."""
    return {"integer": {"type": "integer"}, "number": {"type": "number"}, "date": {"type": "date"},
            "datetime": {"type": "datetime", "format": "any"}, "json_list": {"type": "array"},
            "id_list": {"type": "string", "format": "default"}, "semicolon_list": {"type": "string"},
            "blob": {"type": "string", "format": "binary"}}.get(k, {"type": "string"})


def as_list(k: str, value) -> Optional[list]:
    """A list column's value as a Python list (None stays None)."""
    import json

    if value is None or value == "":
        return None if value is None else []
    if k == "json_list":
        try:
            got = json.loads(value) if isinstance(value, str) else value
        except ValueError:
            return [value]
        return got if isinstance(got, list) else [got]
    return [int(x) if x.strip().lstrip("-").isdigit() else x for x in str(value).split(",")]


def nest(columns: list[str], row: tuple) -> dict:
    """A row as a dict with list columns as lists (for JSON output)."""
    out = {}
    for c, v in zip(columns, row):
        if c in JSON_LISTS and isinstance(v, str) and v.startswith("["):
            v = as_list("json_list", v)
        elif c in ID_LISTS and isinstance(v, str):
            v = as_list("id_list", v)
        out[c] = v
    return out
