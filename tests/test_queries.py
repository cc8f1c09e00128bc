"""The researcher views and canned queries, on a database the real pipeline
made (the demo crawl plus ingested articles; see research_db.py)."""

import csv
import io
import json
import sqlite3
from collections import Counter

import pytest

from extractor.cli import _QUERY_NAMES, main
from extractor.errors import StoreError, UsageError
from extractor.export import ACLED_COLUMNS
from extractor.queries import CANNED, VIEW_QUERIES, Filters, run_canned, run_sql, sentence_at
from extractor.views import VIEWS as VIEW_SQL

from .research_db import MEDAN_URLS, research_db

VIEWS = ("article_stories", "stories", "event_details", "events_by_week", "official_positions", "deployments",
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
    stages = {(r["kabupaten"], r["schedule_stage"]): r for r in rows(db, "select * from personnel_by_stage")
              if r["level"] == "kabupaten"}
    medan = stages[("Kota Medan", "recapitulation")]
    assert medan["personnel"] == 350 and medan["schedule_election"] == "Pilkada 2024"  # two copies of one story
    lahat = [r for (k, st), r in stages.items() if k == "Kabupaten Lahat" and st == "campaign"]
    assert lahat and lahat[0]["first_date"] == "2024-11-20"
    # against the raw tables: each figure once per story, summed per kabupaten/kota and stage
    best = {}
    for e in rows(db, "select d.story_key, d.kabupaten, d.schedule_stage, d.figure_level, e.personnel "
                      "from event_details d join events e on e.id = d.event_id where e.personnel is not null"):
        if e["figure_level"] == "kabupaten":
            best.setdefault((e["story_key"], e["personnel"]), (e["kabupaten"], e["schedule_stage"]))
    total = Counter()
    for (story, n), key in best.items():
        total[key] += n
    assert {k: r["personnel"] for k, r in stages.items()} == dict(total)


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
    assert list(acled[0])[:31] == list(ACLED_COLUMNS)
    events = rows(db, "select id from events")
    folded = [int(i) for a in acled for i in a["event_ids"].split(",")]
    assert sorted(folded) == sorted(e["id"] for e in events)  # every event once, a story's copies in one row
    protest = [a for a in acled if a["url"] in MEDAN_URLS and a["pantau_type"] == "protest"]
    assert len(protest) == 1 and protest[0]["copies"] == 2
    p = protest[0]
    assert (p["event_type"], p["sub_event_type"], p["disorder_type"]) == ("Protests", "Peaceful protest", "Demonstrations")
    assert (p["actor1"], p["inter1"], p["interaction"]) == ("Protesters (Indonesia)", "Protesters", "Protesters only")
    assert (p["admin1"], p["admin2"], p["admin1_kemendagri"], p["admin2_code"]) == (
        "North Sumatra", "Kota Medan", "Sumatera Utara", "12.71")
    assert p["source"] == "Medan Pos (test); Sumut Daily (test)" and p["geo_precision"] == 2
    assert p["latitude"] == pytest.approx(3.629, abs=0.01) and json.loads(p["tags"]) == ["crowd size=hundreds"]
    for a in acled:
        assert a["event_date"] and a["actor1"] and a["iso"] == 360 and a["country"] == "Indonesia"
        assert a["event_id_cnty"] == f"IDNP{a['event_id']}" and a["fatalities"] == 0
        if a["event_type"] == "Strategic developments":  # the force is actor1, with the government's period
            assert a["inter1"] == "State forces" and a["actor1"].endswith(("(2014-2024)", "(2024-)"))
    recap = [a for a in acled if a["pantau_type"] == "recap_security"]
    assert recap and recap[0]["sub_event_type"] == "Change to group/activity" and recap[0]["admin2"] == "Muara Enim"
    assert recap[0]["actor1"] == "Police Forces of Indonesia (2024-)"
    assert "Military Forces of Indonesia (2024-)" in recap[0]["assoc_actor_1"]
    assert any("AKBP Kurniawan Azwar (Kapolres)" in (a["officials"] or "") for a in acled)


@pytest.mark.parametrize("name", ["event_details", "events_by_week", "deployments", "personnel_by_stage",
                                  "acled_events"])
@pytest.mark.parametrize("filters", [
    {"since": "2024-11-26"}, {"until": "2024-11-26"}, {"province": "Sumatera Selatan"}, {"province": "12"},
    {"kabupaten": "Lahat"}, {"kabupaten": "12.71"}, {"event_type": "protest"}, {"institution": "tni"},
    {"since": "2024-11-21", "until": "2024-11-30", "province": "sumsel"},
])
def test_event_filters_apply_before_grouping(db, name, filters):
    detail = rows(db, "select * from event_details")
    actors = rows(db, "select ea.event_id, o.institution from event_actors ea join officials o on o.id = ea.official_id")
    province = {"Sumatera Selatan": "16", "12": "12", "sumsel": "16"}.get(filters.get("province"))
    kabupaten = {"Lahat": "16.04", "12.71": "12.71"}.get(filters.get("kabupaten"))

    def keep(d):
        forces = json.loads(d["forces"] or "[]")
        return all([
            d["date"] >= filters.get("since", ""),
            d["date"] <= filters.get("until", "9999"),
            province is None or d["province_code"] == province and d["scope_level"] != "national",
            kabupaten is None or d["kabupaten_code"] == kabupaten and d["scope_level"] == "kabupaten",
            "event_type" not in filters or d["type"] == filters["event_type"],
            "institution" not in filters or filters["institution"].lower() in [f.lower() for f in forces]
            or any(a["event_id"] == d["event_id"] and (a["institution"] or "").lower() == filters["institution"]
                   for a in actors),
        ])

    want = {d["event_id"] for d in detail if keep(d)}
    got = canned(db, name, **filters)
    if name == "event_details":
        assert {r["event_id"] for r in got} == want
    elif name in ("events_by_week", "acled_events"):
        assert {int(i) for r in got for i in r["event_ids"].split(",")} == want
        if name == "events_by_week":
            assert sum(r["events"] for r in got) == len(want)
    else:  # figures: the events that carry one
        kept = {int(i) for r in got for i in r["event_ids"].split(",")}
        assert kept == {d["event_id"] for d in detail if d["event_id"] in want and d["personnel"] is not None}
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


def test_a_filter_that_does_not_apply_is_an_error(db, capsys):
    with pytest.raises(UsageError, match="--event-type does not apply to official_positions"):
        run_canned(db, "official_positions", Filters(event_type="patrol"))
    assert main(["query", "places", "--db", str(db), "--rank", "AKBP"]) == 2
    assert capsys.readouterr().err.strip() == "error: --rank does not apply to places"


def test_cli_query_views_in_three_formats(db, capsys):
    assert main(["query", "personnel_by_stage", "--db", str(db), "--kabupaten", "Medan", "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert [(r["kabupaten"], r["personnel"]) for r in got] == [("Kota Medan", 350)]
    assert main(["query", "event_details", "--db", str(db), "--kabupaten", "Medan", "--format", "json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got and all(isinstance(r["forces"], list) for r in got) and "Polri" in got[0]["forces"]
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


# -- filters are exact and checked; output fits -------------------------------------------------------
def test_regions_match_exactly_unless_asked_for_a_prefix():
    from extractor.filters import kabupaten_codes, province_codes

    assert province_codes("Papua") == ("91",) and province_codes("papua  barat") == ("92",)
    assert set(province_codes("Papua", prefix=True)) == {"91", "92", "93", "94", "95", "96"}
    assert province_codes("Sumsel") == ("16",) and province_codes("DKI Jakarta") == ("31",)
    assert kabupaten_codes("Kota Jayapura") == ("91.71",) and kabupaten_codes("Kabupaten Jayapura") == ("91.03",)
    assert kabupaten_codes("kab. jayapura") == ("91.03",) and kabupaten_codes("91.03") == ("91.03",)
    assert kabupaten_codes("Muara Enim") == ("16.03",)  # only a kabupaten has this name
    with pytest.raises(UsageError, match=r"Kabupaten Jayapura \(91.03\) or Kota Jayapura \(91.71\)"):
        kabupaten_codes("Jayapura")
    assert set(kabupaten_codes("Jayapura", prefix=True)) == {"91.03", "91.71"}


@pytest.mark.parametrize("args, says", [
    (["--province", "Sumatra Utara"], "unknown province 'Sumatra Utara'; closest: Sumatera Utara"),
    (["--province", "77"], "unknown province code '77'"),
    (["--kabupaten", "Jayapura"], "'Jayapura' is Kabupaten Jayapura (91.03) or Kota Jayapura (91.71)"),
    (["--kabupaten", "Muara Enin"], "unknown kabupaten/kota 'Muara Enin'; closest: Kabupaten Muara Enim"),
    (["--event-type", "riot"], "unknown event type 'riot'"),
    (["--event-type", "patroll"], "closest: patrol"),
    (["--rank", "AKPB"], "unknown rank 'AKPB'; closest: AKP, AKBP"),
    (["--institution", "Polisi"], "unknown institution 'Polisi'"),
    (["--since", "2024-12-01", "--until", "2024-11-01"], "--since 2024-12-01 is later than --until 2024-11-01"),
    (["--search", "Polres-Lahat"], "it takes SQLite FTS5 syntax"),
])
def test_unknown_values_are_refused_with_the_closest_names(db, capsys, args, says):
    assert main(["query", "event_details", "--db", str(db), *args]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and err.startswith("error: ") and says in err, err


def test_query_output_fits_and_is_whole_when_piped(db, capsys):
    assert main(["query", "officials", "--db", str(db)]) == 0  # not a terminal: CSV
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("name,rank,corps,position,unit,institution,published,outlet,url")
    assert main(["query", "officials", "--db", str(db), "--format", "table"]) == 0  # full width, nothing cut
    out = capsys.readouterr().out
    names = {r["name"] for r in rows(db, "select name from officials")}
    assert "…" not in out and all(n in out for n in names)
    assert main(["query", "officials", "--db", str(db), "--columns", "name,rank", "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "name,rank"
    assert main(["query", "event_details", "--db", str(db), "--format", "records", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("-[ 1 ]") and "\nevent_id " in out and "| " in out
    assert main(["query", "officials", "--db", str(db), "--columns", "nmae"]) == 2
    assert "closest: name" in capsys.readouterr().err
    assert main(["query", "events", "--db", str(db), "--format", "csv"]) == 0  # the outlet, not source=jsonl
    got = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert "source" not in got[0] and {"Medan Pos (test)", "Warta Sumsel (test)"} <= {r["outlet"] for r in got}


def test_rank_filters_events_and_articles(db):
    got = canned(db, "event_details", rank="akbp")
    assert got and all(r["event_id"] in {a["event_id"] for a in rows(
        db, "select ea.event_id from event_actors ea join official_mentions m on m.official_id = ea.official_id "
            "where m.rank = 'AKBP'")} for r in got)
    assert {r["id"] for r in canned(db, "articles", rank="AKBP")} == {
        r["article_id"] for r in rows(db, "select distinct article_id from official_mentions where rank = 'AKBP'")}
