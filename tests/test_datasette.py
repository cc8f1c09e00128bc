"""Browsing: Datasette serves a pantau database with the shipped metadata
(descriptions, facets, canned queries): through its in-process client, and
through its command line (`datasette pantau.db --metadata ... --get`)."""

import asyncio
import json
import subprocess
import sys

import pytest

from extractor.export import metadata

from .conftest import ROOT
from .research_db import research_db

datasette_app = pytest.importorskip("datasette.app", reason="datasette is not installed (pip install .[browse])")

METADATA = ROOT / "extractor" / "browse" / "metadata.json"
EMPTY_PARAMS = "province=&kabupaten=&type=&since=&until=&stage=&name=&institution="


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A copy named pantau.db: Datasette keys the metadata by the file's name."""
    d = tmp_path_factory.mktemp("browse")
    src = research_db()
    conn_path = d / "pantau.db"
    import sqlite3

    with sqlite3.connect(src) as a, sqlite3.connect(conn_path) as b:
        a.backup(b)
    return conn_path


def get_all(db, paths):
    ds = datasette_app.Datasette(files=[str(db)], metadata=json.loads(METADATA.read_text("utf-8")))

    async def run():
        out = []
        for p in paths:
            r = await ds.client.get(p)
            out.append((r.status_code, r.text))
        return out

    return asyncio.run(run())


def test_every_canned_query_is_served(served):
    queries = metadata()["databases"]["pantau"]["queries"]
    assert len(queries) >= 8
    got = get_all(served, [f"/pantau/{name}.json?_shape=objects&{EMPTY_PARAMS}" for name in queries])
    for name, (status, body) in zip(queries, got):
        assert status == 200, (name, body[:300])
        data = json.loads(body)
        assert "rows" in data and not data.get("error"), name
        if name in ("events_in_region", "events_per_week", "personnel_per_stage", "most_quoted_officials",
                    "acled_events_between", "official_history", "syndicated_stories", "heads_in_period"):
            assert data["rows"], name  # the database has something for each of these


def test_heads_in_period_say_how_their_incidents_are_attested(served):
    ((status, body),) = get_all(served, ["/pantau/heads_in_period.json?_shape=objects&since=2024-12-01&until=2024-12-31"])
    rows = {(r["position"], r["unit"]): r for r in json.loads(body)["rows"]}
    medan = rows[("Kapolrestabes", "Polrestabes Medan")]  # the protest: two copies of one story, no independent report
    assert status == 200 and (medan["name"], medan["incidents"], medan["single_release_incidents"]) == (
        "Gidion Arif Setyawan", 1, 1)


def test_canned_query_parameters_filter(served):
    (status, body), = get_all(served, [f"/pantau/personnel_per_stage.json?_shape=objects&province=&kabupaten=Medan&stage="])
    rows = json.loads(body)["rows"]
    assert status == 200 and [(r["kabupaten"], r["personnel"]) for r in rows] == [("Kota Medan", 350)]
    (status, body), = get_all(served, ["/pantau/official_history.json?_shape=objects&name=Azwar&institution="])
    assert [r["name"] for r in json.loads(body)["rows"]] == ["Kurniawan Azwar"]


def test_descriptions_and_facets_show(served):
    (s1, page), (s2, table) = get_all(served, ["/pantau/event_details", "/pantau/event_details.json?_shape=objects"])
    assert s1 == 200 and "one row per event with its story" in page
    facets = json.loads(table)["facet_results"]
    facets = facets.get("results", facets)  # the JSON layout moved between Datasette versions
    assert {"type", "province", "kabupaten"} <= set(facets)


def test_the_documented_command_line(served):
    got = subprocess.run([sys.executable, "-m", "datasette", str(served), "--metadata", str(METADATA),
                          "--get", "/pantau/events_per_week.json?_shape=objects&province=Sumatera&kabupaten="],
                         capture_output=True, text=True, timeout=120)
    assert got.returncode == 0, got.stderr
    rows = json.loads(got.stdout)["rows"]
    assert rows and all(r["events"] >= r["events_unique"] for r in rows)
