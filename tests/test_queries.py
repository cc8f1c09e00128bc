"""The researcher views and canned queries, on a database the real pipeline
made (the demo crawl plus ingested articles; see research_db.py)."""

import json
import sqlite3
from collections import Counter

import pytest

from extractor.cli import _QUERY_NAMES, main
from extractor.errors import UsageError
from extractor.queries import CANNED, Filters, run_canned, run_sql, sentence_at
from extractor.views import VIEWS as VIEW_SQL

from .research_db import MEDAN_URLS, research_db

VIEWS = ("article_stories", "stories", "event_details", "events_by_week", "official_positions",
         "personnel_by_stage", "articles_by_outlet", "acled_events")


@pytest.fixture(scope="module")
def db():
    return research_db()


def rows(db, sql, params=()):
    cols, it = run_sql(db, sql, params)
    return [dict(zip(cols, r)) for r in it]


def canned(db, name, **filters):
    cols, it = run_canned(db, name, Filters(**filters))
    return [dict(zip(cols, r)) for r in it]


def test_the_cli_offers_every_canned_query():
    assert _QUERY_NAMES == list(CANNED)
    assert set(VIEWS) == set(VIEW_SQL) and set(CANNED) - {"officials", "events", "places", "articles"} <= set(VIEWS)


def test_every_view_exists_and_reads(db):
    for v in VIEWS:
        rows(db, f"select * from [{v}] limit 5")
    assert rows(db, "select count(*) as n from event_details")[0]["n"] == rows(db, "select count(*) as n from events")[0]["n"]
    assert rows(db, "select count(*) as n from events")[0]["n"] >= 6


def test_one_row_per_story_folds_the_cluster_and_keeps_the_rest(db):
    n_articles = rows(db, "select count(*) as n from articles")[0]["n"]
    stories = rows(db, "select * from stories")
    assert len(stories) == n_articles - 1  # only the Medan copies fold
    medan = [s for s in stories if s["articles"] == 2]
    assert len(medan) == 1 and medan[0]["outlets"] == 2 and medan[0]["url"] == MEDAN_URLS[0]  # the first published
    assert sum(s["articles"] for s in stories) == n_articles
    keys = {r["article_id"]: r["story_key"] for r in rows(db, "select * from article_stories")}
    clusters = {r["id"]: r["cluster_id"] for r in rows(db, "select id, cluster_id from articles")}
    for s in stories:  # a cluster is one story; an article not (yet) clustered is its own
        assert s["story_key"] == (f"c{s['cluster_id']}" if s["cluster_id"] is not None else f"a{s['article_id']}")
        assert {keys[int(i)] for i in s["article_ids"].split(",")} == {s["story_key"]}
        assert {clusters[int(i)] for i in s["article_ids"].split(",")} == {s["cluster_id"]}


def test_events_per_region_and_week(db):
    detail = rows(db, "select * from event_details")
    weekly = rows(db, "select * from events_by_week")
    assert sum(w["events"] for w in weekly) == len(detail)
    for w in weekly:
        assert w["week"] <= min(d["date"] for d in detail if str(d["event_id"]) in w["event_ids"].split(","))
    medan = [w for w in weekly if w["kabupaten"] == "Kota Medan" and w["type"] == "protest"]
    assert len(medan) == 1
    m = medan[0]
    assert (m["week"], m["province"], m["kabupaten_code"]) == ("2024-12-02", "Sumatera Utara", "12.71")
    assert (m["events"], m["events_unique"], m["stories"], m["articles"]) == (2, 1, 1, 2)


def test_personnel_per_region_and_stage_counts_copies_once(db):
    stages = {(r["kabupaten"], r["schedule_stage"]): r for r in rows(db, "select * from personnel_by_stage")}
    medan = stages[("Kota Medan", "recapitulation")]
    assert medan["personnel"] == 350 and medan["schedule_election"] == "Pilkada 2024"  # two copies of one story
    lahat = [r for (k, st), r in stages.items() if k == "Kabupaten Lahat" and st == "campaign"]
    assert lahat and lahat[0]["first_date"] == "2024-11-20"
    # against the raw tables: the largest count per story/type/date/place, summed
    best = {}
    for e in rows(db, "select d.story_key, d.type, d.date, d.place_code, d.kabupaten, d.schedule_stage, e.personnel "
                      "from event_details d join events e on e.id = d.event_id where e.personnel is not null"):
        k = (e["story_key"], e["type"], e["date"], e["place_code"])
        best[k] = (max(best.get(k, (0,))[0], e["personnel"]), e["kabupaten"], e["schedule_stage"])
    total = Counter()
    for p, kab, st in best.values():
        total[(kab, st)] += p
    assert {k: r["personnel"] for k, r in stages.items() if r["personnel"] is not None} == dict(total)


def test_events_carry_the_stated_and_the_scheduled_stage(db):
    detail = {d["event_id"]: d for d in rows(db, "select * from event_details")}
    stated = rows(db, "select id, election, stage from events")
    assert all((detail[e["id"]]["election"], detail[e["id"]]["stage"]) == (e["election"], e["stage"]) for e in stated)
    lahat = [d for d in detail.values() if d["url"] == "https://sumsel.example/lahat-logistik"]
    assert lahat and {(d["schedule_election"], d["schedule_stage"]) for d in lahat} == {("Pilkada 2024", "campaign")}
    medan = [d for d in detail.values() if d["url"] in MEDAN_URLS]
    assert {d["schedule_stage"] for d in medan} == {"recapitulation"}


def test_officials_positions_over_time(db):
    got = [r for r in rows(db, "select * from official_positions") if r["name"] == "Kurniawan Azwar"]
    assert len(got) == 1  # the demo article and the ingested one: one person, one position
    k = got[0]
    assert (k["rank"], k["position"], k["kabupaten"], k["province"]) == ("AKBP", "Kapolres", "Kabupaten Lahat",
                                                                         "Sumatera Selatan")
    assert (k["first_seen"], k["last_seen"], k["articles"]) == ("2024-11-20", "2024-11-26", 2)


def test_articles_per_outlet(db):
    outlets = {r["outlet"]: r for r in rows(db, "select * from articles_by_outlet")}
    assert {"Medan Pos (test)", "Sumut Daily (test)", "Warta Sumsel (test)", "jabar.example"} <= set(outlets)
    assert "" not in outlets and None not in outlets  # plain text has no outlet name: the URL's host stands in
    ws = outlets["Warta Sumsel (test)"]
    assert ws["articles"] == 3 and ws["extracted"] == 2 and ws["min_relevance"] < ws["max_relevance"]
    assert sum(r["articles"] for r in outlets.values()) == rows(db, "select count(*) as n from articles")[0]["n"]
    assert sum(r["events"] for r in outlets.values()) == rows(db, "select count(*) as n from events")[0]["n"]


def test_acled_view(db):
    acled = rows(db, "select * from acled_events")
    assert len(acled) == rows(db, "select count(*) as n from events")[0]["n"]
    protest = [a for a in acled if a["url"] == MEDAN_URLS[0]]
    assert protest and protest[0]["event_type"] == "Protests" and protest[0]["sub_event_type"] == "Peaceful protest"
    p = protest[0]
    assert (p["actor1"], p["admin1"], p["admin2"], p["geo_precision"]) == ("Protesters (Indonesia)", "Sumatera Utara",
                                                                          "Kota Medan", 2)
    assert p["actor2"] == "Police Forces of Indonesia" and p["assoc_actor_1"] is None
    named = {"Polri": "Police Forces of Indonesia", "TNI": "Military Forces of Indonesia"}
    for a in acled:  # every force is actor1/actor2 or an associated actor; officials follow with rank and position
        forces = json.loads(rows(db, "select forces from events where id = ?", [a["event_id"]])[0]["forces"])
        listed = [a["actor2"] if a["event_type"] in ("Protests", "Riots") else a["actor1"]]
        listed += (a["assoc_actor_2"] if a["event_type"] in ("Protests", "Riots") else a["assoc_actor_1"] or "").split("; ")
        assert [named.get(f, f) for f in forces] == [x.replace(" (Indonesia)", "") for x in listed[:len(forces)]]
    assert any("AKBP Kurniawan Azwar (Kapolres)" in (a["assoc_actor_1"] or "") for a in acled)
    recap = [a for a in acled if a["pantau_type"] == "recap_security"]
    assert recap and recap[0]["event_type"] == "Strategic developments" and recap[0]["admin2"] == "Muara Enim"
    assert recap[0]["actor1"] == "Police Forces of Indonesia" and "Military Forces of Indonesia" in recap[0]["assoc_actor_1"]


@pytest.mark.parametrize("name", ["event_details", "events_by_week", "personnel_by_stage", "acled_events"])
@pytest.mark.parametrize("filters", [
    {"since": "2024-11-26"}, {"until": "2024-11-26"}, {"province": "Sumatera Selatan"}, {"province": "12"},
    {"kabupaten": "Lahat"}, {"kabupaten": "12.71"}, {"event_type": "protest"}, {"institution": "tni"},
    {"since": "2024-11-21", "until": "2024-11-30", "province": "Selatan"},
])
def test_event_filters_apply_before_grouping(db, name, filters):
    detail = rows(db, "select * from event_details")
    actors = rows(db, "select ea.event_id, o.institution from event_actors ea join officials o on o.id = ea.official_id")

    def keep(d):
        forces = json.loads(d["forces"] or "[]")
        return all([
            d["date"] >= filters.get("since", ""),
            d["date"] <= filters.get("until", "9999"),
            "province" not in filters or filters["province"] in (d["province"] or "")
            or filters["province"] == d["province_code"],
            "kabupaten" not in filters or filters["kabupaten"] in (d["kabupaten"] or "")
            or filters["kabupaten"] == d["kabupaten_code"],
            "event_type" not in filters or d["type"] == filters["event_type"],
            "institution" not in filters or filters["institution"].lower() in [f.lower() for f in forces]
            or any(a["event_id"] == d["event_id"] and (a["institution"] or "").lower() == filters["institution"]
                   for a in actors),
        ])

    want = {d["event_id"] for d in detail if keep(d)}
    got = canned(db, name, **filters)
    if name in ("event_details", "acled_events"):
        ids = {r["event_id"] for r in got}
        assert ids == want
    elif name == "events_by_week":
        assert sum(r["events"] for r in got) == len(want)
        assert {int(i) for r in got for i in r["event_ids"].split(",")} == want
    else:  # one event id per deployment
        kept = {int(i) for r in got for i in r["event_ids"].split(",")}
        assert kept <= want and sum(r["events"] for r in got) == len(kept)
        assert {d["kabupaten"] for d in detail if d["event_id"] in want} == {r["kabupaten"] for r in got}
    if filters == {"event_type": "protest"}:
        assert want  # the filter is not vacuous


def test_other_canned_filters(db):
    off = canned(db, "official_positions", institution="polri", province="Sumatera Utara")
    assert [r["name"] for r in off] == ["Gidion Arif Setyawan"]
    assert canned(db, "official_positions", rank="AKBP", kabupaten="16.04")[0]["name"] == "Kurniawan Azwar"
    assert {r["name"] for r in canned(db, "officials", kabupaten="Muara Enim")} >= {"Jhoni Eka Putra"}
    st = canned(db, "stories", kabupaten="Medan")
    assert len(st) == 1 and st[0]["articles"] == 2
    assert canned(db, "stories", event_type="protest") == st
    pempek = canned(db, "stories", search="pempek")  # the demo site has a festival story too
    assert "https://kuliner.example/pempek" in {r["url"] for r in pempek} and all("Pempek" in r["title"] for r in pempek)
    out = canned(db, "articles_by_outlet", since="2024-12-01")
    assert {r["outlet"] for r in out} == {"Medan Pos (test)", "Sumut Daily (test)"}
    assert {r["name"] for r in canned(db, "places", province="Sumatera Utara")} >= {"Medan"}
    assert all(r["type"] == "protest" for r in canned(db, "events", institution="TNI", kabupaten="Medan"))


def test_a_filter_that_does_not_apply_is_a_usage_error(db, capsys):
    with pytest.raises(UsageError, match="--rank does not apply to events_by_week"):
        run_canned(db, "events_by_week", Filters(rank="AKBP"))
    assert main(["query", "events_by_week", "--db", str(db), "--rank", "AKBP"]) == 2
    assert capsys.readouterr().err == "error: --rank does not apply to events_by_week\n"


def test_cli_query_views_in_three_formats(db, capsys):
    assert main(["query", "personnel_by_stage", "--db", str(db), "--kabupaten", "Medan", "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert [(r["kabupaten"], r["personnel"]) for r in got] == [("Kota Medan", 350)]
    assert main(["query", "events_by_week", "--db", str(db), "--event-type", "protest", "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("week,province,kabupaten_code,kabupaten,type,events") and len(out) == 2
    assert main(["query", "stories", "--db", str(db), "--since", "2024-12-01", "--format", "table"]) == 0
    out, err = capsys.readouterr()
    assert "story_key" in out.replace("\n", "") or "st…" in out
    assert err.strip() == "1 rows"


def test_a_database_of_an_older_schema_is_brought_up_to_date(tmp_path, monkeypatch):
    import extractor.store.migrations as migrations
    from extractor.store import Store

    path = tmp_path / "old.db"
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    Store(path).close()
    monkeypatch.undo()
    assert "event_details" not in {r[0] for r in sqlite3.connect(path).execute("select name from sqlite_master")}
    cols, it = run_canned(path, "events_by_week", Filters())
    assert list(it) == [] and cols[0] == "week"


def test_sentence_at_keeps_abbreviations_degrees_and_paragraphs():
    t = ("MEDAN - Kombes Pol. Gidion hadir. Kapolres AKBP Jhoni Eka Putra S.H., S.I.K., M.Si. mengatakan aman. "
         "Kata M. Yusuf, situasi kondusif!\n\nParagraf kedua di sini.")
    at = lambda w: sentence_at(t, t.index(w), t.index(w) + len(w))  # noqa: E731
    assert at("Gidion") == "MEDAN - Kombes Pol. Gidion hadir."
    assert at("mengatakan") == "Kapolres AKBP Jhoni Eka Putra S.H., S.I.K., M.Si. mengatakan aman."
    assert at("kondusif") == "Kata M. Yusuf, situasi kondusif!"
    assert at("kedua") == "Paragraf kedua di sini."
    long = "a " * 400 + "target " + "b " * 400
    cut = sentence_at(long, long.index("target"), long.index("target") + 6, max_chars=100)
    assert "target" in cut and len(cut) <= 102 and cut.startswith("…") and cut.endswith("…")
