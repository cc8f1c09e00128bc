"""Office-holders over time and evidence per event (issue 20), on generated
article sets stored by the real pipeline (ingest of a JSONL file into a temp
SQLite database): a transfer of command, posts named without a holder,
conflicting reports, and a press release syndicated by several outlets beside
an independent report."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.holders import holder_on, query_holders
from .research_db import rows as _rows


def _article(url, outlet, day, title, paragraphs):
    return {"url": url, "title": title, "published": f"{day}T10:00:00+07:00",
            "html": (f'<html><head><meta charset="utf-8"><title>{title}</title>'
                     f'<meta property="og:site_name" content="{outlet}">'
                     f'<meta property="article:published_time" content="{day}T10:00:00+07:00"></head>'
                     f"<body><article><h1>{title}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs)
                     + "</article></body></html>")}


RELEASE = ["LAHAT - Polres Lahat mengawal distribusi logistik Pilkada 2024 dari gudang KPU Kabupaten Lahat ke "
           "seluruh kecamatan, Rabu (20/11/2024). Sebanyak 80 personel dikerahkan untuk pengawalan logistik.",
           "Kasi Humas Polres Lahat AKP Sukardi dalam keterangan tertulis mengatakan pengawalan logistik berjalan "
           "aman dan lancar hingga seluruh kotak suara tiba di kantor PPK masing-masing kecamatan.",
           "Menurut Sukardi, setiap truk logistik dijaga dua personel bersenjata lengkap dan diikuti petugas KPU. "
           "Polres Lahat juga menyiagakan personel cadangan di setiap kecamatan yang dinilai rawan."]

ARTICLES = [
    # Budi Santoso commands Polres Lahat in October...
    _article("https://a.example/lahat-oktober", "Lahat Pos", "2024-10-01", "Polres Lahat Siapkan Pengamanan Pilkada",
             ["LAHAT - Kapolres Lahat AKBP Budi Santoso mengatakan ratusan personel disiapkan untuk pengamanan "
              "tahapan Pilkada 2024 di Kabupaten Lahat, Selasa (1/10/2024)."]),
    # ...a post named without its holder in November...
    _article("https://b.example/lahat-november", "Sumsel News", "2024-11-15", "Patroli Jelang Pilkada di Lahat",
             ["LAHAT - Kapolres Lahat mengatakan patroli skala besar digelar di seluruh kecamatan menjelang "
              "pemungutan suara Pilkada 2024, Jumat (15/11/2024). Situasi disebut aman dan kondusif."]),
    # ...hands over to Novi Edyanto on 2 December...
    _article("https://a.example/sertijab-lahat", "Lahat Pos", "2024-12-03", "Sertijab Kapolres Lahat",
             ["PALEMBANG - Serah terima jabatan Kapolres Lahat dari AKBP Budi Santoso kepada AKBP Novi Edyanto "
              "digelar di Mapolda Sumsel, Senin (2/12/2024)."]),
    # ...who is named in command later in December
    _article("https://c.example/lahat-desember", "Palembang Ekspres", "2024-12-20", "Kapolres Lahat Cek Gudang KPU",
             ["LAHAT - Kapolres Lahat AKBP Novi Edyanto meninjau gudang logistik KPU Kabupaten Lahat, Jumat "
              "(20/12/2024), memastikan kotak suara aman."]),
    # two outlets name different Kapolres of Muara Enim on the same day: the evidence disagrees
    _article("https://a.example/muara-enim-1", "Lahat Pos", "2024-11-20", "Apel Pengamanan di Muara Enim",
             ["MUARA ENIM - Kapolres Muara Enim AKBP Jhoni Eka Putra memimpin apel pengamanan TPS Pilkada 2024, "
              "Rabu (20/11/2024)."]),
    _article("https://c.example/muara-enim-2", "Palembang Ekspres", "2024-11-20", "Pengamanan TPS Muara Enim",
             ["MUARA ENIM - Kapolres Muara Enim AKBP Andi Wijaya mengecek kesiapan personel pengamanan TPS "
              "Pilkada 2024, Rabu (20/11/2024)."]),
    # one release carried by three outlets (a near-duplicate cluster) ...
    _article("https://tribratanews.sumsel.polri.go.id/logistik-lahat", "Tribratanews Sumsel", "2024-11-20",
             "Polres Lahat Kawal Logistik Pilkada", RELEASE),
    _article("https://d.example/logistik-lahat", "Warta Lahat", "2024-11-20", "Polres Lahat Kawal Logistik",
             RELEASE),
    _article("https://e.example/logistik-lahat", "Kabar Sumsel", "2024-11-21", "Logistik Pilkada Lahat Dikawal",
             RELEASE[:2] + ["Polres Lahat juga menyiagakan personel cadangan di setiap kecamatan yang rawan."]),
    # ... and an independent report of the same escort by a reporter on the road
    _article("https://f.example/liputan-logistik", "Lahat Today", "2024-11-20", "Truk Logistik Melintas di Lahat",
             ["LAHAT - Iring-iringan truk pengangkut logistik Pilkada 2024 melintas di jalan lintas Sumatera, "
              "Rabu (20/11/2024). Wartawan melihat personel Polres Lahat mengawal logistik pemungutan suara "
              "itu sampai ke kantor kecamatan.",
              "Warga di sepanjang jalan menonton iring-iringan yang dikawal ketat."]),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("command")
    src = d / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    path = d / "pantau.db"
    assert main(["ingest", str(src), "--db", str(path), "--all"]) == 0
    return path




def _answer(db, on, unit="Polres Lahat", position="Kapolres"):
    cols, rows = query_holders(db, unit=unit, position=position, on=on)
    return [dict(zip(cols, r)) for r in rows]


def test_handover_is_recorded_with_its_date(db):
    h = _rows(db, "select * from handovers")
    assert len(h) == 1
    assert (h[0]["position"], h[0]["unit_id"], h[0]["outgoing"], h[0]["incoming"], h[0]["date"]) == (
        "Kapolres", "polres-lahat", "Budi Santoso", "Novi Edyanto", "2024-12-02")
    assert _rows(db, "select count(*) as n from events e join articles a on a.id = e.article_id "
                     "where a.url like '%sertijab%'")[0]["n"] == 0  # not an election-security event


def test_holder_on_a_day_follows_the_transfer(db):
    before = _answer(db, "2024-11-30")  # seen in October, handed over on 2 December
    assert [(r["holder"], r["status"]) for r in before] == [("Budi Santoso", "attested")]
    assert _answer(db, "2024-10-01")[0]["status"] == "attested"
    after = _answer(db, "2024-12-10")
    assert [(r["holder"], r["status"], r["since"]) for r in after] == [("Novi Edyanto", "attested", "2024-12-02")]
    budi = [r for r in _rows(db, "select * from holders where unit_id = 'polres-lahat'") if r["name"] == "Budi Santoso"]
    assert budi[0]["until"] == "2024-12-02" and budi[0]["first_seen"] == "2024-10-01"
    assert _answer(db, "2024-09-01")[0]["status"] == "unknown"
    later = _answer(db, "2025-01-15")  # after the last evidence, nobody handed over: still Novi, inferred
    assert [(r["holder"], r["status"]) for r in later] == [("Novi Edyanto", "inferred")]


def test_post_named_without_holder_gets_the_holder_inferred(db):
    posts = _rows(db, "select * from post_holders")
    nov = [p for p in posts if p["day"] == "2024-11-15"]
    assert len(nov) == 1 and nov[0]["name"] == "Budi Santoso" and nov[0]["inferred"] == 1
    # a name the text gives is kept: posts followed by a name are not post mentions at all
    assert not [p for p in posts if p["day"] in ("2024-10-01", "2024-12-20")]
    named = _rows(db, "select o.name from official_mentions m join officials o on o.id = m.official_id "
                      "join articles a on a.id = m.article_id where a.url like '%lahat-desember'")
    assert {r["name"] for r in named} == {"Novi Edyanto"}


def test_conflicting_reports_give_candidates_not_a_holder(db):
    rows = _answer(db, "2024-11-20", unit="Polres Muara Enim")
    assert {r["status"] for r in rows} == {"conflict"}
    assert {r["holder"] for r in rows} == {"Jhoni Eka Putra", "Andi Wijaya"}


def test_syndicated_release_folds_into_one_event_and_counts_once(db):
    ev = _rows(db, "select x.*, a.url from event_evidence x join articles a on a.id = x.article_id "
                   "join events e on e.id = x.event_id where e.type = 'logistics_escort'")
    copies = [r for r in ev if "logistik-lahat" in r["url"]]
    assert len({r["url"] for r in copies}) == 3
    assert len({r["story_key"] for r in copies}) == 1  # near-duplicates: one story
    assert len({r["incident_key"] for r in ev}) == 1  # the copies and the independent report: one incident
    one = ev[0]
    assert one["outlets"] == 4 and one["stories"] == 2 and one["release_stories"] == 1
    assert one["corroboration"] == 1 and one["independent_outlets"] == "Lahat Today" and one["single_release"] == 0
    kinds = {r["url"]: r["source_kind"] for r in ev}
    assert kinds["https://tribratanews.sumsel.polri.go.id/logistik-lahat"] == "portal"
    assert kinds["https://f.example/liputan-logistik"] == "report"


def test_events_and_mentions_roll_up_the_chain(db):
    ec = _rows(db, "select * from event_command")
    assert ec and all(r["polres"] and r["polda"] == "Polda Sumatera Selatan" and r["kodam"] == "Kodam II/Sriwijaya"
                      for r in ec)
    lahat = [r for r in ec if r["place_code"] and r["place_code"].startswith("16.04")]
    assert lahat and {r["kodim"] for r in lahat} == {"Kodim 0405/Lahat"}
    unresolved = _rows(db, "select m.unit from official_mentions m left join mention_units u on u.mention_id = m.id "
                           "where m.unit is not null and u.unit_id is null")
    assert unresolved == []


def test_holder_on_is_pure_and_orders_tenures():
    a = {"name": "A", "tenure_start": "2024-01-01", "tenure_end": "2024-03-01", "until": None}
    b = {"name": "B", "tenure_start": "2024-05-01", "tenure_end": "2024-06-01", "until": None}
    assert holder_on([a, b], "2024-04-01").holder["name"] == "A"  # inferred: A until B's first evidence
    assert holder_on([a, b], "2024-05-15").status == "attested"
    assert holder_on([a, {**a, "name": "C"}], "2024-02-01").status == "conflict"
    assert holder_on([{**a, "until": "2024-03-01"}], "2024-04-01").status == "unknown"


def test_cli_query_holders_and_units(db, capsys):
    assert main(["query", "holders", "--db", str(db), "--unit", "Polres Lahat", "--on", "2024-11-30",
                 "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["holder"] == "Budi Santoso" and out[0]["status"] == "attested"
    assert main(["query", "units", "--db", str(db), "--unit", "Kodim 0405/Lahat", "--format", "json"]) == 0
    chain = [r["name"] for r in json.loads(capsys.readouterr().out)]
    assert chain == ["Kodim 0405/Lahat", "Korem 044/Garuda Dempo", "Kodam II/Sriwijaya", "Mabes TNI"]
    assert main(["query", "events", "--db", str(db), "--on", "2024-11-30"]) == 2


def test_report_command_section_and_release_counts(db, tmp_path):
    from extractor.command_report import release_counts
    from extractor.queries import Filters
    from extractor.report import collect, write_report

    data = collect(db, Filters(since="2024-11-01", until="2024-11-30"))
    ev = data["evidence"]
    (sumsel,) = data["command"]
    heads = {(r["unit"], r["name"]): r for r in sumsel["rows"]}
    assert ("Polres Lahat", "Budi Santoso") in heads and not any(n == "Novi Edyanto" for _, n in heads)
    # both Kapolres reported for Muara Enim on one day: both shown, each saying the reports disagree
    jhoni, andi = heads[("Polres Muara Enim", "Jhoni Eka Putra")], heads[("Polres Muara Enim", "Andi Wijaya")]
    assert jhoni["overlaps"] == ["Andi Wijaya"] and andi["overlaps"] == ["Jhoni Eka Putra"]
    # Budi's tenure: October to the handover of 2 December; in the period his unit escorted the logistics, once per
    # story (the release's three copies are one story, the independent report another), none on a single release
    budi = heads[("Polres Lahat", "Budi Santoso")]
    assert (budi["start"], budi["end"], budi["until"]) == ("2024-10-01", "2024-12-02", "2024-12-02")
    items = [list(ev.items)[i] for i in ev.groups[budi["events"][1]][2]]
    types = {r["event_id"]: r["type"] for r in _rows(db, "select id as event_id, type from events")}
    assert [types[int(k[1:])] for k in items].count("logistics_escort") == 2
    counts = release_counts(db, [int(k[1:]) for k in items])
    assert counts["single_release_events"] == ev.single[budi["events"][1]][0] == 0 and counts["corroborated"] >= 1
    # the evidence of his tenure: the October article and the handover, one item per article
    assert budi["articles"][0] == 2
    assert {list(ev.items)[i][0] for i in ev.groups[budi["articles"][1]][2]} == {"M", "H"}
    text = write_report(db, tmp_path, Filters(since="2024-11-01", until="2024-11-30")).read_text("utf-8")
    assert '<li><a href="#command">Command</a></li>' in text and "the reports disagree: Andi Wijaya" in text

    ids = [r["event_id"] for r in _rows(db, "select event_id from event_evidence")]
    counts = release_counts(db, ids)
    assert counts["events"] == len(ids) and counts["incidents"] < counts["events"]  # the copies fold
    acled = _rows(db, "select * from acled_evidence x join events e on e.id = x.event_id "
                      "where e.type = 'logistics_escort'")
    assert {r["source_scale"] for r in acled} == {"Other-Subnational"}  # a police portal and regional outlets
    assert {r["source"] for r in acled} == {"Kabar Sumsel; Lahat Today; Tribratanews Sumsel; Warta Lahat"}
    assert {r["evidence_note"] for r in acled} == {
        "reported independently by 1 outlet (Lahat Today); 1 press release carried by 3 outlets"}


def test_the_acled_file_says_how_each_event_is_attested(db, tmp_path):
    import csv

    assert main(["export", "acled_events", "--db", str(db), "--out", str(tmp_path)]) == 0
    with (tmp_path / "acled_events.csv").open(encoding="utf-8", newline="") as fh:
        rows = {r["event_id_cnty"]: r for r in csv.DictReader(fh)}
    with (tmp_path / "acled_events_pantau.csv").open(encoding="utf-8", newline="") as fh:
        pantau = {r["event_id_cnty"]: r for r in csv.DictReader(fh)}
    escort = [k for k, p in pantau.items() if p["pantau_type"] == "logistics_escort"]
    # the release (three copies: one row) and the independent report (one row) are one incident
    assert len(escort) == 2 and len({pantau[k]["incident_id_cnty"] for k in escort}) == 1
    for k in escort:
        r, p = rows[k], pantau[k]
        assert r["source"] == "Kabar Sumsel; Lahat Today; Tribratanews Sumsel; Warta Lahat"
        assert r["source_scale"] == "Other-Subnational"
        assert r["notes"].endswith(". Evidence: reported independently by 1 outlet (Lahat Today); 1 press release "
                                   "carried by 3 outlets.")
        assert (p["corroboration"], p["single_release"], p["release_stories"], p["outlets"]) == ("1", "0", "1", "4")
    # an event only one story reports, with no release marks and one outlet: independent, not a release
    alone = [k for k, p in pantau.items() if p["url"] == "https://c.example/lahat-desember"]
    assert alone and all(pantau[k]["corroboration"] == "1" and pantau[k]["single_release"] == "0" for k in alone)


def test_on_the_demo_site_every_post_mentioned_has_its_holder(demo_server, tmp_path):
    from extractor.config import Settings
    from extractor.demo import demo_settings
    from extractor.run import run_batch
    from extractor.store import Store

    path = tmp_path / "demo.db"
    with Store(path) as store:
        run_batch(demo_settings(demo_server.base, Settings()), store)
    posts = _rows(path, "select distinct m.position, m.unit, o.name, substr(a.published, 1, 10) as day "
                        "from official_mentions m join officials o on o.id = m.official_id "
                        "join articles a on a.id = m.article_id where m.position is not null and m.unit is not null")
    assert len(posts) >= 4
    for p in posts:
        got = _answer(path, p["day"], unit=p["unit"], position=p["position"])
        assert [(r["holder"], r["status"]) for r in got] == [(p["name"], "attested")], p


def test_the_writers_warm_up_builds_what_its_first_article_would(tmp_path):
    """store.command.warm, in a process of its own: afterwards the units and their index, the
    regions and the release cues are built (the Dask driver's writer has them before its first merge)."""
    import subprocess
    import sys

    from .conftest import ROOT

    script = r"""
from extractor import evidence, units
from extractor.regions import region_facts
from extractor.store.command import warm
caches = (units.units, units._index, region_facts, evidence._data)
assert [f.cache_info().currsize for f in caches] == [0, 0, 0, 0]
warm()
assert [f.cache_info().currsize for f in caches] == [1, 1, 1, 1]
"""
    got = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert got.returncode == 0, got.stderr[-2000:]
