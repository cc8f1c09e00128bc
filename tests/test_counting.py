"""Counting rules: the level of a personnel figure, one deployment per story and
figure, national and provincial figures never added into a kabupaten, and the
views and the report counting exactly what their evidence lists.

The database is written row by row through SQLite (articles, places, events as
an extraction would store them), so the rules are tested apart from what the
extractor finds; tests/test_report.py and tests/test_queries.py run them on the
pipeline's own output."""

import sqlite3

import pytest

from extractor.counting import (Figure, code_at, dateline_end, deployments, figure_scope, figure_span, level_of_code,
                                scope_of, totals, wider)
from extractor.facts import refresh
from extractor.queries import Filters, run_canned
from extractor.report import collect
from extractor.store import Store
from .research_db import rows

NATIONAL = ("{dateline} – Polri mengerahkan 155.937 personel untuk mengamankan pemungutan suara Pilkada Serentak 2024 "
            "yang digelar pada Rabu (27/11/2024).\n\nKaro Penmas Divisi Humas Polri Brigjen Pol Trunoyudo Wisnu "
            "Andiko mengatakan personel tersebut disebar ke 37 provinsi yang menggelar pemilihan.\n\nMenurut dia, "
            "TPS sangat rawan dijaga dua personel dibantu TNI dan Linmas.")
PROVINCIAL = ("PEKANBARU – Polda Riau menggelar rapat koordinasi pengamanan Pilkada di Pekanbaru, Kamis (14/11/2024)."
              "\n\nDalam paparannya, Karoops menyebut Polda Riau menyiapkan 6.412 personel untuk mengamankan 12.840 "
              "TPS di 12 kabupaten/kota.")
TWO_EVENTS = ("LAHAT – Sebanyak 462 personel Polres Lahat mengamankan rapat pleno rekapitulasi tingkat kabupaten, "
              "Senin (2/12/2024).\n\nPersonel juga mengawal distribusi logistik ke kantor KPU Kabupaten Lahat.")
LOCAL = ("BOGOR – Sebanyak 1.200 personel Polres Bogor diterjunkan untuk mengamankan TPS di Kabupaten Bogor, Rabu "
         "(27/11/2024).")
LOCAL_SAME_FIGURE = ("CIBINONG – Polres Bogor menyiagakan 1.200 personel di TPS Kabupaten Bogor, Rabu (27/11/2024), "
                     "kata Kapolres.")


def _span(text, words):
    i = text.index(words)
    return i, i + len(words)


def _add(conn, aid, url, text, published, cluster=None, events=(), places=()):
    conn.execute("insert into articles (id, url, text, title, published, extracted, cluster_id, outlet) "
                 "values (?, ?, ?, ?, ?, 1, ?, ?)", [aid, url, text, text[:40], published, cluster, f"Outlet {aid}"])
    for name, ptype, code, words in places:
        pid = conn.execute("insert into places (key, name, type, code) values (?, ?, ?, ?)",
                           [f"{ptype}|{code}|{name}|{aid}", name, ptype, code]).lastrowid
        s, e = _span(text, words)
        conn.execute("insert into place_mentions (place_id, article_id, start, end) values (?, ?, ?, ?)", [pid, aid, s, e])
    for etype, words, code, personnel, date in events:
        s, e = _span(text, words)
        conn.execute("insert into events (article_id, type, date, place, place_code, personnel, personnel_approx, "
                     "forces, trigger, start, end) values (?, ?, ?, ?, ?, ?, 0, '[\"Polri\"]', ?, ?, ?)",
                     [aid, etype, date, code, code, personnel, words, s, e])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("counting") / "counting.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    with conn:
        # one national press release, syndicated three times with other datelines (one story: cluster 1);
        # the copies' places are where each outlet's dateline and 'Karo Penmas' put them
        for aid, (dateline, code, place_words) in enumerate([("JAYAPURA", "91.03", "Karo"),
                                                             ("Jakarta", "12.06", "Karo"),
                                                             ("Bandar Lampung", "18.71", "Karo")], start=1):
            text = NATIONAL.format(dateline=dateline)
            _add(conn, aid, f"https://n{aid}.example/a", text, "2024-11-27", cluster=1,
                 events=[("polling_security", "mengamankan pemungutan suara", code, 155937, "2024-11-27")],
                 places=[("Karo", "kabupaten", code, place_words)])
        _add(conn, 4, "https://riau.example/rakor", PROVINCIAL, "2024-11-14",
             events=[("coordination_meeting", "rapat koordinasi", "14.71", None, "2024-11-14"),
                     ("polling_security", "mengamankan 12.840 TPS", "14.71", 6412, "2024-11-14")],
             places=[("Pekanbaru", "kota", "14.71", "Pekanbaru, Kamis")])
        _add(conn, 5, "https://lahat.example/pleno", TWO_EVENTS, "2024-12-02",
             events=[("recap_security", "rapat pleno rekapitulasi", "16.04", 462, "2024-12-02"),
                     ("logistics_escort", "mengawal distribusi logistik", "16.04", 462, "2024-12-02")],
             places=[("Lahat", "kabupaten", "16.04", "Kabupaten Lahat")])
        _add(conn, 6, "https://bogor.example/tps", LOCAL, "2024-11-27",
             events=[("polling_security", "mengamankan TPS", "32.01", 1200, "2024-11-27")],
             places=[("Bogor", "kabupaten", "32.01", "Kabupaten Bogor")])
        _add(conn, 7, "https://cibinong.example/tps", LOCAL_SAME_FIGURE, "2024-11-27",  # another story, same figure
             events=[("polling_security", "menyiagakan 1.200 personel di TPS", "32.01", 1200, "2024-11-27")],
             places=[("Bogor", "kabupaten", "32.01", "Kabupaten Bogor")])
    conn.close()
    assert refresh(path) == 9
    return path


def test_facts_computed_by_several_processes_are_the_same_rows(db, tmp_path, monkeypatch):
    """refresh(workers=2) (the CLI after ``ingest --workers 2``) computes batches of
    articles in forked processes and writes them here: the same rows as one
    process, every batch written, and the batches really computed elsewhere."""
    import os
    import shutil

    from extractor import facts

    monkeypatch.setattr(facts, "BATCH", 2)  # 7 articles with events: 4 batches
    seen = tmp_path / "pids"
    apart = facts._rows_apart

    def spy(*args):
        with seen.open("a") as f:
            f.write(f"{os.getpid()}\n")
        return apart(*args)

    spy.__module__, spy.__qualname__ = facts.__name__, "_rows_apart"  # pickled by name: the patched attribute
    monkeypatch.setattr(facts, "_rows_apart", spy)
    got = {}
    for workers in (1, 2):
        path = tmp_path / f"w{workers}.db"
        shutil.copy(db, path)
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("delete from event_facts")
        conn.close()
        assert refresh(path, workers=workers) == 9
        got[workers] = rows(path, "select * from event_facts order by event_id")
    assert got[1] == got[2] and len(got[1]) == 9
    pids = set(seen.read_text().split())
    assert len(seen.read_text().split()) == 4 and str(os.getpid()) not in pids


# -- the rules on text --------------------------------------------------------------------------------
def test_levels_of_codes():
    assert [level_of_code(c) for c in (None, "16", "16.03", "16.03.05")] == [None, "province", "kabupaten", "kabupaten"]
    assert [code_at("16.03.05", lvl) for lvl in ("national", "province", "kabupaten")] == ["", "16", "16.03"]
    assert wider("kabupaten", "national") == "national" and wider(None, "province") == "province"


def test_a_dateline_is_not_the_sentence():
    for text, dl in [("JAYAPURA – Polri", "JAYAPURA – "), ("Palembang (ANTARA) - Polda", "Palembang (ANTARA) - "),
                     ("TRIBUNSUMSEL.COM, PALEMBANG - Polres", "TRIBUNSUMSEL.COM, PALEMBANG - "),
                     ("Bandar Lampung (Lampost.co) -- Sebanyak", "Bandar Lampung (Lampost.co) -- ")]:
        assert text[:dateline_end(text)] == dl
    assert dateline_end("Polres Lahat mengerahkan 300 personel.") == 0


def test_a_figure_is_found_in_its_words():
    text = "Sebanyak 155.937 personel Polri diterjunkan. Ratusan prajurit TNI membantu. Ada 462 anggota lain."
    assert text[slice(*figure_span(text, 155937, 0))] == "155.937 personel"
    assert text[slice(*figure_span(text, 100, 0))] == "Ratusan prajurit"
    assert text[slice(*figure_span(text, 462, 60))] == "462 anggota"
    assert figure_span(text, 410, 0) is None  # a sum of parts is in no words


@pytest.mark.parametrize("dateline", ["JAYAPURA", "Jakarta", "Bandar Lampung (Lampost.co)"])
def test_a_national_figure_is_national_wherever_the_copy_is_placed(dateline):
    text = NATIONAL.format(dateline=dateline)
    s, e = _span(text, "mengamankan pemungutan suara")
    karo = [_span(text, "Karo")]  # 'Karo Penmas' read as Kabupaten Karo
    event = scope_of(text, s, e, "12.06", karo)
    fig, span = figure_scope(text, 155937, s, e, event, karo)
    assert fig.level == "national" and fig.code == ""
    assert text[slice(*span)] == "155.937 personel"


def test_provincial_cues_and_what_stays_local():
    s, e = _span(PROVINCIAL, "mengamankan 12.840 TPS")
    fig, _ = figure_scope(PROVINCIAL, 6412, s, e, scope_of(PROVINCIAL, s, e, "14.71"))
    assert (fig.level, fig.code) == ("province", "14") and "12 kabupaten/kota" in fig.cue
    bali = "Pengamanan Pilkada se-Bali melibatkan 6.240 personel Polri yang ditempatkan di TPS."
    assert figure_scope(bali, 6240, 0, 10, scope_of(bali, 0, 10, "51.03"))[0].code == "51"
    # the whole of a kabupaten is local; a Polda sending a force to one kabupaten is that kabupaten's figure
    poso = "Ratusan personel Polres Poso ditempatkan di TPS-TPS di seluruh Kabupaten Poso."
    assert scope_of(poso, 0, 20, "72.02").level == "kabupaten"
    psu = ("Polda Sumsel mengerahkan 1.100 personel untuk mengamankan PSU.\n\nPSU digelar di seluruh TPS di "
           "Kabupaten Empat Lawang.")
    lawang = [_span(psu, "Kabupaten Empat Lawang")]
    assert scope_of(psu, 0, 30, "16.11", lawang).level == "kabupaten"
    # a BKO from the Polda is part of the local force
    bko = "Polres Serang menurunkan 900 personel dibantu 250 personel BKO Polda Banten."
    assert scope_of(bko, 0, 20, "36.04").level == "kabupaten"


def test_local_sentences_naming_national_bodies_stay_local():
    for text in ("Sebanyak 200 personel gabungan TNI-Polri mengamankan pleno di Kecamatan Lahat.",
                 "Personel Polri dan TNI dikerahkan ke TPS.",
                 "Kapolres Lahat mengatakan Polri siap mengamankan pleno."):
        assert scope_of(text, 0, 10, "16.04").level == "kabupaten", text


def test_deployments_once_per_story_and_figure_at_the_widest_level():
    figs = [Figure(1, "c1", 155937, "kabupaten", "91.03", (0,)), Figure(2, "c1", 155937, "national", "", (1,)),
            Figure(3, "c1", 155937, "kabupaten", "18.71", (2,)),
            Figure(4, "a5", 462, "kabupaten", "16.04", (0,)), Figure(5, "a5", 462, "kabupaten", "16.04", (0,)),
            Figure(6, "a6", 1200, "kabupaten", "32.01", (0,)), Figure(7, "a7", 1200, "kabupaten", "32.01", (0,))]
    deps = {(d.story_key, d.personnel): d for d in deployments(figs)}
    assert len(deps) == 4
    assert (deps[("c1", 155937)].level, deps[("c1", 155937)].event_ids) == ("national", (1, 2, 3))
    assert deps[("a5", 462)].event_ids == (4, 5)
    assert totals(deps.values()) == {("national", ""): 155937, ("kabupaten", "16.04"): 462,
                                     ("kabupaten", "32.01"): 2400}


# -- the views ----------------------------------------------------------------------------------------
def test_the_views_count_a_national_figure_once_and_never_in_a_kabupaten(db):
    deps = rows(db, "select * from deployments")
    national = [d for d in deps if d["personnel"] == 155937]
    assert len(national) == 1 and national[0]["level"] == "national" and national[0]["kabupaten_code"] is None
    assert national[0]["events"] == 3 and national[0]["articles"] == 3
    by_stage = rows(db, "select * from personnel_by_stage")
    kab = {r["kabupaten"]: r["personnel"] for r in by_stage if r["level"] == "kabupaten"}
    assert kab == {"Kabupaten Lahat": 462, "Kabupaten Bogor": 2400}  # two stories in Bogor: two reports
    assert [(r["level"], r["province"], r["personnel"]) for r in by_stage if r["level"] != "kabupaten"] == [
        ("national", None, 155937), ("province", "Riau", 6412)]
    for r in by_stage:  # nothing wider than a kabupaten/kota is inside a kabupaten/kota row
        ids = [int(i) for i in r["event_ids"].split(",")]
        levels = {x["figure_level"] for x in rows(db, f"select figure_level from event_facts where event_id in "
                                                        f"({','.join('?' * len(ids))})", ids)}
        assert r["level"] != "kabupaten" or levels == {"kabupaten"}


def test_the_view_matches_the_reference_implementation(db):
    details = rows(db, "select * from event_details where personnel is not null")
    figs = [Figure(d["event_id"], d["story_key"], d["personnel"], d["figure_level"], d["figure_code"],
                   (d["copy_order"],)) for d in details]
    want = {(d.story_key, d.personnel, d.level, d.code or None, d.event_id) for d in deployments(figs)}
    got = {(d["story_key"], d["personnel"], d["level"], d["kabupaten_code"] or (d["province_code"] if d["level"] ==
                                                                                  "province" else None), d["event_id"])
           for d in rows(db, "select * from deployments")}
    assert got == {(s, n, lvl, c if lvl != "national" else None, e) for s, n, lvl, c, e in want}


def test_one_figure_is_not_counted_for_two_events(db):
    lahat = [d for d in rows(db, "select * from deployments") if d["kabupaten"] == "Kabupaten Lahat"]
    assert len(lahat) == 1 and lahat[0]["personnel"] == 462 and lahat[0]["events"] == 2


def test_filters_apply_before_counting(db):
    cols, it = run_canned(db, "deployments", Filters(province="Riau"))
    got = [dict(zip(cols, r)) for r in it]
    assert [(d["level"], d["personnel"]) for d in got] == [("province", 6412)]
    cols, it = run_canned(db, "deployments", Filters(kabupaten="32.01"))
    assert sorted(dict(zip(cols, r))["personnel"] for r in it) == [1200, 1200]
    # the national release is in no province, whatever the copies' places
    cols, it = run_canned(db, "deployments", Filters(province="91"))
    assert list(it) == []


def test_the_report_counts_what_its_evidence_lists(db):
    data = collect(db, Filters())
    ev = data["evidence"]
    items = {v[0]: v for v in ev.items.values()}
    for level, want in (("national", 155937), ("province", 6412), ("kabupaten", 462 + 2400)):
        total, gid, n = data["personnel"][level]
        keys = [list(ev.items)[i] for i in ev.groups[gid][2]]
        assert total == want and n == len(keys)
        assert sum(int(items[k][2].split(" personnel")[0].replace(",", "").rstrip("+")) for k in keys) == total
    assert data["events"][0] == len(ev.groups[data["events"][1]][2]) == 9
    assert data["events_once"][0] == 7  # the three copies of the release are one event


def test_a_national_event_is_one_acled_row_at_the_capital(db):
    rows_ = [r for r in rows(db, "select * from acled_events") if r["pantau_type"] == "polling_security"
             and r["story_key"] == "c1"]
    assert len(rows_) == 1 and rows_[0]["copies"] == 3  # three copies, three datelines: one event
    r = rows_[0]
    assert (r["scope_level"], r["admin1"], r["admin2"], r["location"], r["geo_precision"]) == (
        "national", "Jakarta", "", "Jakarta", 3)
    assert r["source"] == "Outlet 1; Outlet 2; Outlet 3" and r["personnel_level"] == "national"
