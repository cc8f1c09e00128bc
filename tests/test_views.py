"""The aggregating researcher views, and the canned queries of the same name,
on a database built by hand: three articles (one a syndicated copy of
another, one from JSONL without an outlet) with events, personnel and one
official whose rows are worked out here from the input, not read back from
pantau. Filters are checked on the database the real pipeline makes in
test_queries.py."""

import pytest

from extractor.queries import Filters, run_canned, run_sql
from extractor.store import Store
from extractor.types import Article, Event, Extraction, Official, Place

STORY = ("MUARA ENIM - Kapolres Muara Enim AKBP Jhoni Eka Putra memimpin pengamanan pleno rekapitulasi suara "
         "Pilkada 2024 tingkat kabupaten di Gedung KPU Muara Enim. Sebanyak 200 personel gabungan dikerahkan "
         "untuk menjaga jalannya rapat yang dihadiri saksi pasangan calon, Bawaslu dan unsur pemerintah daerah. "
         "Selain itu sekitar 50 personel Polres Lahat berpatroli di sekitar kantor PPK hingga seluruh kotak suara "
         "tiba dengan aman di gudang logistik kabupaten, kata Kapolres kepada wartawan usai apel pagi.")
PROTEST = "Puluhan warga berunjuk rasa di depan kantor KPU Muara Enim menuntut penghitungan ulang suara."


def _extraction(article: Article, events: tuple, officials: tuple = ()) -> Extraction:
    return Extraction(article=article, events=events, officials=officials, extractor_version="t", model_version="m",
                      places=(Place("Muara Enim", "kabupaten", "16.03", "Sumatera Selatan", ((0, 10),)),
                              Place("Lahat", "kabupaten", "16.04", "Sumatera Selatan", ((0, 5),))))


KAPOLRES = Official("Jhoni Eka Putra", rank="AKBP", institution="Polri", position="Kapolres",
                    unit="Polres Muara Enim", region="Muara Enim", region_code="16.03", rank_order=17,
                    mentions=((33, 48),))
EVENTS = (Event("recap_security", "pengamanan pleno", 40, 56, date="2024-11-28", place="Muara Enim",
                place_code="16.03", forces=("Polri",), personnel=200, election="Pilkada 2024"),
          Event("patrol", "berpatroli", 260, 270, date="2024-12-02", place="Lahat", place_code="16.04",
                forces=("Polri",), personnel=50, personnel_approx=True))


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("views") / "hand.db"
    tribun = Article("https://sumsel.tribunnews.com/2024/11/27/pleno", STORY, title="Pleno aman",
                     published="2024-11-27", outlet="Tribun Sumsel", source="tribun")
    copy = Article("https://www.antaranews.com/berita/pleno-muara-enim", STORY, title="Pleno aman (Antara)",
                   published="2024-11-28", source="antara")
    jsonl = Article("file:///data/in.jsonl#L1", PROTEST, title="Unjuk rasa", published="2024-11-28",
                    source="jsonl")
    with Store(path) as store:
        store.save(tribun, 0.9, _extraction(tribun, EVENTS, (KAPOLRES,)))
        store.save(copy, 0.9, _extraction(copy, EVENTS, (KAPOLRES,)))
        store.save(jsonl, 0.7, _extraction(jsonl, (Event("protest", "berunjuk rasa", 13, 26, date="2024-11-28",
                                                          place="Muara Enim", place_code="16.03"),)))
    return path


def rows(db, name, sort, keep):
    """The view's rows and the unfiltered canned query's, each as dicts of the ``keep`` columns."""
    out = []
    for cols, it in (run_sql(db, f"select * from [{name}]"), run_canned(db, name, Filters())):
        out.append(sorted(({k: v for k, v in zip(cols, r) if k in keep} for r in it), key=lambda d: d[sort]))
    return out


def test_events_by_week_counts_a_syndicated_copy_once_in_events_unique(db):
    keep = ("week", "kabupaten", "type", "events", "events_unique", "stories", "articles")
    want = [
        {"week": "2024-11-25", "kabupaten": "Kabupaten Muara Enim", "type": "protest", "events": 1,
         "events_unique": 1, "stories": 1, "articles": 1},
        {"week": "2024-11-25", "kabupaten": "Kabupaten Muara Enim", "type": "recap_security", "events": 2,
         "events_unique": 1, "stories": 1, "articles": 2},
        {"week": "2024-12-02", "kabupaten": "Kabupaten Lahat", "type": "patrol", "events": 2, "events_unique": 1,
         "stories": 1, "articles": 2},
    ]
    view, canned = rows(db, "events_by_week", "type", keep)
    assert view == canned == sorted(want, key=lambda d: d["type"])


def test_personnel_by_stage_sums_each_deployment_once(db):
    keep = ("kabupaten", "schedule_election", "schedule_stage", "events", "events_with_personnel", "personnel",
            "largest", "approximate", "first_date", "last_date")
    want = [
        {"kabupaten": "Kabupaten Lahat", "schedule_election": "Pilkada 2024", "schedule_stage": "recapitulation",
         "events": 1, "events_with_personnel": 1, "personnel": 50, "largest": 50, "approximate": 1,
         "first_date": "2024-12-02", "last_date": "2024-12-02"},
        {"kabupaten": "Kabupaten Muara Enim", "schedule_election": "Pilkada 2024", "schedule_stage": "recapitulation",
         "events": 2, "events_with_personnel": 1, "personnel": 200, "largest": 200, "approximate": 0,
         "first_date": "2024-11-28", "last_date": "2024-11-28"},
    ]
    view, canned = rows(db, "personnel_by_stage", "kabupaten", keep)
    assert view == canned == want


def test_articles_by_outlet_names_the_outlet_the_host_or_the_source(db):
    keep = ("outlet", "articles", "stories", "extracted", "events", "officials")
    want = [
        {"outlet": "Tribun Sumsel", "articles": 1, "stories": 1, "extracted": 1, "events": 2, "officials": 1},
        {"outlet": "jsonl", "articles": 1, "stories": 1, "extracted": 1, "events": 1, "officials": 0},
        {"outlet": "www.antaranews.com", "articles": 1, "stories": 1, "extracted": 1, "events": 2, "officials": 1},
    ]
    view, canned = rows(db, "articles_by_outlet", "outlet", keep)
    assert view == canned == want


def test_official_positions_spans_the_articles_that_name_the_official(db):
    keep = ("name", "rank", "position", "unit", "kabupaten", "first_seen", "last_seen", "articles", "mentions")
    want = [{"name": "Jhoni Eka Putra", "rank": "AKBP", "position": "Kapolres", "unit": "Polres Muara Enim",
             "kabupaten": "Kabupaten Muara Enim", "first_seen": "2024-11-27", "last_seen": "2024-11-28",
             "articles": 2, "mentions": 2}]
    view, canned = rows(db, "official_positions", "name", keep)
    assert view == canned == want
