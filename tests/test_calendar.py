"""The election calendar (extractor/nlp/lexicons/elections.toml) and the tables made from it."""

import datetime as dt

from extractor.store import migrations
from extractor.nlp.calendar import calendar
from extractor.regions import region_facts
from extractor.store import Store


def test_each_election_has_contiguous_windows_and_steps_inside_its_span():
    cal = calendar()
    for name in ("Pemilu 2024", "Pilkada 2024"):
        phases = [p for p in cal.phases if p.election == name]
        assert [p.stage for p in phases] == ["preparation", "campaign", "quiet_period", "voting", "recapitulation",
                                             "post_election"]
        for a, b in zip(phases, phases[1:]):  # one stage per day, no gap
            assert b.start - a.end == dt.timedelta(days=1)
        voting = next(p for p in phases if p.stage == "voting")
        election = next(e for e in cal.elections if e.name == name)
        assert voting.start == election.voting
    for s in cal.steps + cal.revotes:
        assert s.start <= s.end and s.stage in {p.stage for p in cal.phases}


def test_revote_days_name_real_regions_and_fall_in_2025():
    facts = region_facts()
    revotes = calendar().revotes
    assert revotes and all(r.region in facts and r.start.year == 2025 for r in revotes)


def test_a_story_names_its_elections_most_named_first():
    cal = calendar()
    got = [e.name for e in cal.named_in("PSU Pilkada Bungo: pemungutan suara ulang digelar di 14 TPS. PSU aman.")]
    assert got[:2] == ["PSU 2025", "Pilkada 2024"]
    assert cal.named_in("Harga cabai naik.") == []


def test_year_of_a_day_and_month_from_the_election_and_the_weekday():
    cal = calendar()
    pilkada = [e for e in cal.elections if e.name == "Pilkada 2024"]
    pemilu = [e for e in cal.elections if e.name == "Pemilu 2024"]
    psu = [e for e in cal.elections if e.name == "PSU 2025"]
    assert cal.year_for(21, 11, 3, pilkada) == 2024  # Kamis (21/11)
    assert cal.year_for(13, 2, None, pemilu) == 2024  # the year nearest the voting day, not 2023
    assert cal.year_for(22, 5, 3, psu) == 2025  # Kamis (22/5) in a PSU story
    assert cal.year_for(24, 2, None, psu) == 2025  # the MK ruling before the first PSU day
    # the weekday decides between two years the elections span: 13/2/2023 is a Monday
    assert cal.year_for(13, 2, 0, pemilu) == 2023 and cal.year_for(13, 2, 1, pemilu) == 2024


def test_stage_of_a_day_prefers_a_region_s_revote_then_the_latest_step():
    cal = calendar()
    assert cal.stage_on(dt.date(2024, 11, 25)).step == "quiet_period"
    day = dt.date(2025, 4, 19)
    assert cal.stage_on(day, region="13.08.05").name == "Pasaman"  # a kecamatan inside Pasaman
    assert cal.stage_on(day, region="16.71").region == ""  # Palembang held none: the national stage
    assert cal.stage_on(dt.date(2024, 2, 20), "Pemilu 2024").stage == "recapitulation"
    assert cal.step_named("masa tenang", cal.named_in("Pilkada")).start == dt.date(2024, 11, 24)


def test_the_store_takes_its_schedule_from_the_calendar(tmp_path):
    with Store(tmp_path / "a.db") as s:
        rows = [(r["election"], r["stage"], r["start"], r["end"])
                for r in s.db.query("select * from election_stages order by id")]
        steps = list(s.db.query("select * from election_steps where step = 'revote' and region_code is not null"))
    assert rows == [(p.election, p.stage, p.start.isoformat(), p.end.isoformat()) for p in calendar().phases]
    assert {r["region_code"] for r in steps} == {r.region for r in calendar().revotes}


def test_an_older_database_gets_its_schedule_refreshed(tmp_path, monkeypatch):
    db = tmp_path / "old.db"
    mine = [fn for _, fn in migrations.MIGRATIONS].index(migrations._migrate_election_calendar)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:mine])
    with Store(db) as s:
        s.db["election_stages"].insert({"election": "Pemilu 2019", "stage": "voting", "start": "2019-04-17",
                                        "end": "2019-04-17"})
        assert "election_steps" not in s.db.table_names()
    monkeypatch.undo()
    with Store(db) as s:
        assert s.schema_version == migrations.SCHEMA_VERSION
        elections = {r["election"] for r in s.db.query("select election from election_stages")}
        assert elections == {"Pemilu 2024", "Pilkada 2024"} and s.db["election_steps"].count > 30
