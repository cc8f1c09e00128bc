"""The eval command: arithmetic on a tiny gold file written here."""

import json

from extractor.cli import main
from extractor.evaluate import PRF, evaluate, load_gold

TEXT = ("LAHAT - Kapolres Lahat AKBP Kurniawan Azwar memimpin apel gelar pasukan pengamanan TPS Pilkada "
        "Serentak 2024, Selasa (26/11/2024).\n\nBACA JUGA: Kapolres Bogor AKBP Fulan Tinjau TPS")


def gold_line(**over):
    g = {"id": "t-1", "split": "dev",
         "article": {"url": "https://x.example/1", "title": "", "published": "2024-11-26", "text": TEXT},
         "officials": [{"name": "Kurniawan Azwar", "rank": "AKBP", "position": "Kapolres"}],
         "places": [{"name": "Lahat", "type": "kabupaten", "code": "16.04"}],
         "dates": [{"date": "2024-11-26"}],
         "events": [{"type": "readiness_parade"}]}
    g.update(over)
    return json.dumps(g)


def test_prf_arithmetic():
    m = PRF()
    m.add(3, 1, 2)
    assert (round(m.p, 3), round(m.r, 3), round(m.f, 3)) == (0.75, 0.6, 0.667)


def test_perfect_and_imperfect_gold(tmp_path):
    f = tmp_path / "gold.jsonl"
    f.write_text(gold_line() + "\n" + gold_line(id="t-2", split="check", officials=[
        {"name": "Kurniawan Azwar", "rank": "Kompol", "position": "Kapolres"}, {"name": "Orang Lain"}],
        dates=[{"date": "2024-11-27"}]) + "\n", "utf-8")
    dev = evaluate(load_gold(f, "dev")).summary()
    assert dev["officials"]["f"] == 1.0 and dev["places"]["f"] == 1.0 and dev["dates"]["f"] == 1.0
    assert dev["event_types"]["f"] == 1.0 and dev["place_code_accuracy"]["acc"] == 1.0
    check = evaluate(load_gold(f, "check"), with_diff=True)
    s = check.summary()
    assert (s["officials"]["tp"], s["officials"]["fn"]) == (1, 1)
    assert s["rank_accuracy"]["acc"] == 0.0 and s["dates"]["f"] == 0.0
    assert check.diffs[0]["officials"]["missed"] == ["Orang Lain"]


def test_eval_cli_json_and_diff(tmp_path, capsys):
    f = tmp_path / "gold.jsonl"
    f.write_text(gold_line() + "\n", "utf-8")
    assert main(["eval", "--gold", str(f), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 1 and out["officials"]["f"] == 1.0
    assert main(["eval", "--gold", str(f), "--diff"]) == 0
    assert "officials" in capsys.readouterr().out


def test_candidates_are_scored_by_name_with_office_and_number(tmp_path):
    text = ("LAHAT - Debat publik Pilkada Lahat diikuti paslon nomor urut 2 Bursah Zarnubi-Widia Ningsih, "
            "Senin (18/11/2024).")
    gold = {"candidates": [{"name": "Bursah Zarnubi", "office": "Bupati", "number": 2, "region": "Lahat"},
                           {"name": "Widia Ningsih", "office": "Bupati", "number": 3, "region": "Lahat"},
                           {"name": "Orang Lain", "office": "Bupati", "number": 1, "region": "Lahat"}]}
    f = tmp_path / "gold.jsonl"
    f.write_text(json.dumps({"id": "t-1", "split": "dev", "article": {"url": "https://x.example/1", "title": "",
                                                                      "published": "2024-11-18", "text": text},
                             "officials": [], "places": [], "dates": [], "events": [], **gold}) + "\n" +
                 gold_line(id="t-2") + "\n", "utf-8")
    report = evaluate(load_gold(f), with_diff=True)
    s = report.summary()
    # t-2 has no candidates field: it scores none
    assert (s["candidates"]["tp"], s["candidates"]["fp"], s["candidates"]["fn"]) == (2, 0, 1)
    assert (s["office_accuracy"]["right"], s["office_accuracy"]["total"]) == (1, 2)  # Widia runs for Wakil Bupati
    assert (s["ticket_number_accuracy"]["right"], s["ticket_number_accuracy"]["total"]) == (1, 2)
    assert report.diffs[0]["candidates"]["missed"] == ["Orang Lain"]
    assert report.diffs[1]["candidates"] == {}


def test_the_article_force_is_scored_where_the_gold_states_one(tmp_path):
    text = ("LAHAT - Sebanyak 312 personel Polres Lahat mengikuti apel gelar pasukan pengamanan TPS, "
            "Selasa (26/11/2024).")
    f = tmp_path / "gold.jsonl"
    lines = [gold_line(id="t-1", personnel=312, article={"url": "u1", "title": "", "published": "2024-11-26",
                                                         "text": text}),
             gold_line(id="t-2", personnel=300, article={"url": "u2", "title": "", "published": "2024-11-26",
                                                         "text": text}),
             gold_line(id="t-3", personnel=None)]  # no gold figure: not counted
    f.write_text("\n".join(lines) + "\n", "utf-8")
    report = evaluate(load_gold(f), with_diff=True)
    assert report.summary()["article_personnel_accuracy"] == {"acc": 0.5, "right": 1, "total": 2}
    assert report.diffs[1]["personnel"] == {"wrong": ["312 (gold 300)"]}


def test_events_of_a_type_pair_by_date_then_by_place():
    from extractor.evaluate import _match

    gold = [{"type": "revote", "date": "2025-08-06", "place_code": "91.03"},
            {"type": "revote", "date": "2025-08-06", "place_code": "91.71"}]
    pred = [{"type": "revote", "date": "2025-08-06", "place_code": "91.71"},
            {"type": "revote", "date": "2025-08-06", "place_code": "91.03"}]
    pairs, _, _ = _match(gold, pred, lambda e: e["type"], tie=lambda e: (e["date"], e["place_code"]))
    assert all(g["place_code"] == p["place_code"] for g, p in pairs)


def test_admin_places_leave_venues_out_on_both_sides():
    from extractor.evaluate import Report, score_article

    gold = {"article": {"url": "u"},
            "places": [{"name": "Lahat", "type": "kabupaten"}, {"name": "Gudang KPU Lahat", "type": "venue"},
                       {"name": "Merapi Barat", "type": "kecamatan"}]}
    pred = {"officials": [], "dates": [], "events": [], "quotes": [],
            "places": [{"name": "Lahat", "type": "kabupaten"}, {"name": "TPS 03", "type": "venue"},
                       {"name": "Kota Agung", "type": "kecamatan"}]}
    report = Report()
    score_article(report, gold, pred, with_diff=False)
    s = report.summary()
    assert (s["places"]["tp"], s["places"]["fp"], s["places"]["fn"]) == (1, 2, 2)
    assert (s["admin_places"]["tp"], s["admin_places"]["fp"], s["admin_places"]["fn"]) == (1, 1, 1)


def test_an_unknown_split_is_refused_with_the_splits_there_are(tmp_path, capsys):
    f = tmp_path / "gold.jsonl"
    f.write_text(gold_line() + "\n" + gold_line(id="t-2", split="check") + "\n", "utf-8")
    assert main(["eval", "--gold", str(f), "--split", "blind"]) == 2
    assert capsys.readouterr().err.strip().endswith("has no split 'blind'; choose from: check, dev, all")


def test_unit_accuracy_reads_pemkot_as_the_kota_and_keeps_kota_apart_from_the_kabupaten():
    from extractor.evaluate import _unit

    assert _unit("Pemkot Bogor") == _unit("Kota Bogor") == _unit("Pemda Kota Bogor")
    assert _unit("Pemkab Bogor") == _unit("Kabupaten Bogor") == _unit("Pemda Bogor")
    assert _unit("Pemkot Bogor") != _unit("Pemkab Bogor")
    assert _unit("KPU Kota Bima") != _unit("KPU Kabupaten Bima") == _unit("KPU Bima")
