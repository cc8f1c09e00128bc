"""The bundled sample article must come out exactly right (Foundation issue)."""

from extractor.records import to_contract


def _by_name(ex):
    return {o.name: o for o in ex.officials}


def test_two_officials_with_rank_position_unit_degrees(sample_extraction):
    officials = _by_name(sample_extraction)
    assert set(officials) == {"Jhoni Eka Putra", "RTM Situmorang"}
    jhoni = officials["Jhoni Eka Putra"]
    assert (jhoni.rank, jhoni.position, jhoni.unit, jhoni.institution) == ("AKBP", "Kapolres", "Polres Muara Enim", "Polri")
    assert jhoni.degrees == ("S.H.", "S.I.K.", "M.Si.")
    rtm = officials["RTM Situmorang"]
    assert (rtm.rank, rtm.position) == ("AKP", "Kasi Humas")
    assert rtm.degrees == ()


def test_date_place_events(sample_extraction):
    ex = sample_extraction
    assert {d.date for d in ex.dates} == {"2024-11-30"}
    places = {(p.name, p.type, p.code, p.province) for p in ex.places if p.type != "venue"}
    assert places == {("Muara Enim", "kabupaten", "16.03", "Sumatera Selatan")}
    venues = {(p.name, p.code) for p in ex.places if p.type == "venue"}
    assert venues == {("Gudang KPU Kabupaten Muara Enim", "16.03")}
    assert {e.type for e in ex.events} == {"recap_security", "logistics_escort", "patrol"}
    recap = next(e for e in ex.events if e.type == "recap_security")
    assert (recap.date, recap.place_code, recap.personnel) == ("2024-11-30", "16.03", 174)


def test_quote_attributed_to_spokesperson(sample_extraction):
    quotes = sample_extraction.quotes
    assert quotes, "the sample has two direct quotes"
    assert {q.speaker for q in quotes} == {"RTM Situmorang"}


def test_nothing_from_baca_juga_lines(sample_extraction):
    text = sample_extraction.article.text
    assert "BACA JUGA" not in text.upper()
    leaked = {"Bandung", "Puncak Jaya", "Dedi Mulyadi", "Yusuf Wanggai"}
    for word in leaked:
        assert word not in text
    names = {o.name for o in sample_extraction.officials}
    assert not names & leaked
    assert not {p.name for p in sample_extraction.places} & leaked
    assert not {e.type for e in sample_extraction.events} & {"money_politics", "clash"}


def test_offsets_index_the_article_text(sample_extraction):
    ex = sample_extraction
    text = ex.article.text
    for o in ex.officials:
        for s, e in o.mentions:
            assert o.name.split()[-1] in text[s:e] or text[s:e] in o.name or text[s:e] in ("Kapolres", "Kasi Humas")
    for d in ex.dates:
        assert text[d.start:d.end] == d.text
    for q in ex.quotes:
        assert text[q.start:q.end] == q.text
    for e in ex.events:
        assert text[e.start:e.end] == e.trigger


def test_contract_shape(sample_extraction):
    c = to_contract(sample_extraction)
    assert set(c) >= {"article", "officials", "places", "dates", "events", "quotes"}
    assert set(c["article"]) >= {"url", "title", "published", "text"}
    assert set(c["officials"][0]) >= {"name", "rank", "rank_full", "institution", "position", "unit", "degrees", "mentions"}
    assert set(c["places"][0]) >= {"name", "type", "code", "province", "mentions"}
    assert set(c["dates"][0]) >= {"date", "text", "start", "end"}
    assert set(c["events"][0]) >= {"type", "date", "place", "place_code", "actors", "personnel", "trigger", "start", "end"}
    assert set(c["quotes"][0]) >= {"speaker", "text", "start", "end"}
