"""The closed-class rule spans (RANK, POSITION, UNIT, ELECTION_BODY) in
``doc.spans["pantau_rules"]``, token by token, and their use by officials.

The spans are made on tokenised docs (``nlp.make_doc``) by the component
alone, so these tests do not depend on what the NER model predicts."""

import pytest

from extractor.nlp.lexicon import lexicon
from extractor.nlp.officials import find_officials
from extractor.nlp.pipeline import load
from extractor.nlp.rule_spans import SPANS_KEY, pattern_data


@pytest.fixture(scope="module")
def nlp():
    return load()


def spans(nlp, text):
    """(tokens, label, id, kb_id) of every rule span of ``text``."""
    doc = nlp.get_pipe("pantau_rule_spans")(nlp.make_doc(text))
    return [([t.text for t in s], s.label_, s.id_, s.kb_id_) for s in doc.spans[SPANS_KEY]]


@pytest.mark.parametrize("text,expected", [
    ("Kapolres Muara Enim AKBP Jhoni Eka Putra SH SIK MSi mengatakan",
     [(["Kapolres"], "POSITION", "Kapolres", "Polri"), (["AKBP"], "RANK", "AKBP", "Polri")]),
    ("Kombes Pol. Budi Santosa, S.I.K.,M.H., bergerak ke lokasi.",
     [(["Kombes", "Pol."], "RANK", "Kombes", "Polri")]),
    ("Komandan Kodim (Dandim) 0412/LU, Letkol Inf Andi Wijaya",
     [(["Komandan", "Kodim"], "POSITION", "Dandim", "TNI"), (["Dandim"], "POSITION", "Dandim", "TNI"),
      (["Letkol", "Inf"], "RANK", "Letkol", "TNI")]),
    ("Dandim 0412/LU Letkol Inf Andi",
     [(["Dandim"], "POSITION", "Dandim", "TNI"), (["Letkol", "Inf"], "RANK", "Letkol", "TNI")]),
    ("prajurit Kodim 0412/LU Letkol Inf Andi",
     [(["Kodim", "0412/LU"], "UNIT", "Kodim", "TNI"), (["Letkol", "Inf"], "RANK", "Letkol", "TNI")]),
    ("dipimpin Mayor Inf Suparman", [(["Mayor", "Inf"], "RANK", "Mayor", "TNI")]),
    # longest wins: the body with its region, not the shorter position "Ketua KPU"
    ("Ketua KPU Kabupaten Lahat, Misrawati",
     [(["KPU", "Kabupaten", "Lahat"], "ELECTION_BODY", "KPU", "KPU")]),
    ("Ketua KPU Misrawati", [(["Ketua", "KPU"], "POSITION", "Ketua KPU", "KPU")]),
    ("disaksikan saksi pasangan calon serta Panwascam.", [(["Panwascam"], "ELECTION_BODY", "Panwascam", "Panwascam")]),
    ("Kapolsek dan anggota Polsek Tanjung Agung berjaga",
     [(["Kapolsek"], "POSITION", "Kapolsek", "Polri"), (["Polsek", "Tanjung", "Agung"], "UNIT", "Polsek", "Polri")]),
    ("Brigjen TNI Arief dan Brigjen Pol Andi",
     [(["Brigjen", "TNI"], "RANK", "Brigjen", "TNI"), (["Brigjen", "Pol"], "RANK", "Brigjen", "Polri")]),
    ("Brigjen TNI (Purn) Arief", [(["Brigjen", "TNI", "(", "Purn", ")"], "RANK", "Brigjen", "TNI")]),
    ("Kolonel Laut (P) Ahmad", [(["Kolonel", "Laut", "(", "P", ")"], "RANK", "Kolonel", "TNI")]),
    ("Kapolresta Palembang Kombespol Harryo", [(["Kapolresta"], "POSITION", "Kapolresta", "Polri"),
                                               (["Kombespol"], "RANK", "Kombes", "Polri")]),
    ("Ajun Komisaris Besar Polisi Budi", [(["Ajun", "Komisaris", "Besar", "Polisi"], "RANK", "AKBP", "Polri")]),
    ("Iptu Budi dan IPTU Andi", [(["Iptu"], "RANK", "Iptu", "Polri"), (["IPTU"], "RANK", "Iptu", "Polri")]),
    # the lexicon accepts no lower-case form of a rank of four letters or fewer
    ("akbp budi", []),
    ("Kapt. Budi", [(["Kapt", "."], "RANK", "Kapten", "TNI")]),
    # an acting prefix joins any position: "Plt." is one token, "PLT." two; the id keeps it without dots
    ("Plt. Bupati Lahat dan PLT. BUPATI Kaur",
     [(["Plt.", "Bupati"], "POSITION", "Plt Bupati", "Pemda"), (["PLT", ".", "BUPATI"], "POSITION", "Plt Bupati", "Pemda")]),
    ("Plh Kapolres, Pelaksana Tugas (Plt) Kasi Humas dan Penjabat Gubernur",
     [(["Plh", "Kapolres"], "POSITION", "Plh Kapolres", "Polri"),
      (["Pelaksana", "Tugas", "(", "Plt", ")", "Kasi", "Humas"], "POSITION", "Plt Kasi Humas", "Polri"),
      (["Penjabat", "Gubernur"], "POSITION", "Pj Gubernur", "Pemda")]),
    ("Kasi Humas Polres Lahat AKP Budi",
     [(["Kasi", "Humas"], "POSITION", "Kasi Humas", "Polri"), (["Polres", "Lahat"], "UNIT", "Polres", "Polri"),
      (["AKP"], "RANK", "AKP", "Polri")]),
    # the name ends where the known region does (rules-only tail), in capitals too
    ("POLRES OKU TIMUR SIAGA", [(["POLRES", "OKU", "TIMUR"], "UNIT", "Polres", "Polri")]),
    # a headline verb ends the name; "Polres" alone is generic, "Brimob" is a unit
    ("Polres Lahat Kawal Pleno", [(["Polres", "Lahat"], "UNIT", "Polres", "Polri")]),
    ("personel Polres jajaran dan Brimob", [(["Brimob"], "UNIT", "Satbrimob", "Polri")]),
    ("Satbrimob Polda Sumsel", [(["Satbrimob"], "UNIT", "Satbrimob", "Polri"),
                                (["Polda", "Sumsel"], "UNIT", "Polda", "Polri")]),
    ("Mapolres Kukar", [(["Mapolres", "Kukar"], "UNIT", "Polres", "Polri")]),
    ("PolresKaur", [(["Polres", "Kaur"], "UNIT", "Polres", "Polri")]),
    ("bersama Kodim 0404/Muara Enim", [(["Kodim", "0404/Muara", "Enim"], "UNIT", "Kodim", "TNI")]),
    ("Babinsa Koramil 0804-13/Tembuku Kapten Inf Made",
     [(["Babinsa"], "POSITION", "Babinsa", "TNI"), (["Koramil", "0804-13/Tembuku"], "UNIT", "Koramil", "TNI"),
      (["Kapten", "Inf"], "RANK", "Kapten", "TNI")]),
    ("Babinsa Koramil 0825/01 Pesanggaran", [(["Babinsa"], "POSITION", "Babinsa", "TNI"),
                                             (["Koramil", "0825/01", "Pesanggaran"], "UNIT", "Koramil", "TNI")]),
    ("prajurit Kodam IX/Udayana", [(["Kodam", "IX", "/", "Udayana"], "UNIT", "Kodam", "TNI")]),
    ("Lanud Roesmin Nurjadin dan Lanal", [(["Lanud", "Roesmin", "Nurjadin"], "UNIT", "Lanud", "TNI"),
                                          (["Lanal"], "UNIT", "Lanal", "TNI")]),
    ("Bawaslu Provinsi Riau dan KPU Kab. OKI", [(["Bawaslu", "Provinsi", "Riau"], "ELECTION_BODY", "Bawaslu", "Bawaslu"),
                                                (["KPU", "Kab.", "OKI"], "ELECTION_BODY", "KPU", "KPU")]),
    ("Panitia Pemilihan Kecamatan (PPK) se-Kabupaten Lahat dan PPS, KPPS, Panwaslu",
     [(["PPK"], "ELECTION_BODY", "PPK", "PPK"), (["PPS"], "ELECTION_BODY", "PPS", "PPS"),
      (["KPPS"], "ELECTION_BODY", "KPPS", "KPPS"), (["Panwaslu"], "ELECTION_BODY", "Bawaslu", "Bawaslu")]),
])
def test_spans(nlp, text, expected):
    assert spans(nlp, text) == expected


def test_every_rank_and_position_of_the_lexicon(nlp):
    lex = lexicon()
    for form in lex.rank_forms:
        got = spans(nlp, form)
        assert len(got) == 1 and got[0][1] == "RANK" and "".join(got[0][0]) == form.replace(" ", ""), (form, got)
    for form, pos in lex.position_forms:
        for written in (form, form.upper(), form.lower()):
            got = spans(nlp, written)
            assert [(g[1], g[2]) for g in got] == [("POSITION", lex.position(form).short)], (written, got)
            assert "".join(got[0][0]) == written.replace(" ", "")


def test_no_overlaps_and_sorted(nlp):
    doc = nlp("Komandan Kodim 0404/Muara Enim Letkol Inf Budi, Ketua KPU Kota Bogor dan Kasat Intelkam Polres "
              "Lahat AKP Andi hadir bersama Brimob.")
    got = list(doc.spans[SPANS_KEY])
    assert [s.start for s in got] == sorted(s.start for s in got)
    assert all(a.end <= b.start for a, b in zip(got, got[1:]))
    # longest wins: the unit with its code and region over the position "Komandan Kodim"
    assert [s.text for s in got][:2] == ["Kodim 0404/Muara Enim", "Letkol Inf"]


def test_in_the_pipeline(nlp):
    names = nlp.pipe_names
    assert "pantau_rule_spans" in names
    pantau = [n for n in names if n.startswith("pantau_")]
    assert pantau[0] == "pantau_rule_spans"
    assert pattern_data() is pattern_data()  # built once


def _at(text, *units):
    """``units`` as the officials extractor gets them: (start, end, text)."""
    return tuple((text.index(u), text.index(u) + len(u), u) for u in units)


def test_officials_take_the_one_named_unit(nlp):
    text = ("Sebanyak 180 personel Polresta Manado dikerahkan dari Mapolresta Manado. Wakapolresta AKBP Jemmy "
            "Lumintang dan Kasat Intelkam AKP Deisy Wowor memantau pleno, bukan Polresta Bitung.")
    by_name = {o.name: o for o in find_officials(text, units=_at(text, "Polresta Manado")).officials}
    assert by_name["Jemmy Lumintang"].unit == "Polresta Manado"  # Wakapolresta: a Polresta
    assert by_name["Deisy Wowor"].unit == "Polresta Manado"  # Kasat Intelkam: a Polres; a Polresta is one
    assert {o.unit for o in find_officials(text).officials} == {None}  # without the spans: no unit
    # the headquarters is the same unit, written the shortest way
    got = find_officials(text, units=_at(text, "Mapolresta Manado", "Polresta Manado")).officials
    assert {o.unit for o in got} == {"Polresta Manado"}
    # two units of the kind: no guess
    got = find_officials(text, units=_at(text, "Polresta Manado", "Polresta Bitung")).officials
    assert {o.unit for o in got} == {None}
    # a unit the official's own mention names is kept
    text = "Kasat Intelkam Polres Lahat AKP Andi Saputra hadir bersama personel Polres Kaur."
    assert find_officials(text, units=_at(text, "Polres Kaur")).officials[0].unit == "Polres Lahat"
    # a unit span that runs into an official's name is not a unit
    text = "Ketua KPU Wahyudin Hulopi memaparkan tahapan kampanye."
    assert find_officials(text, units=_at(text, "KPU Wahyudin Hulopi")).officials[0].unit is None


def test_extraction_uses_the_spans():
    from extractor.nlp import extract
    from extractor.types import Article

    text = ("MANADO - Sebanyak 180 personel Polresta Manado mengamankan pleno KPU Kota Manado, Sabtu (7/12/2024). "
            "Kabag Ops Kompol Riyanto Saputra mengatakan pengamanan berjalan lancar.")
    ex = extract(Article(url="https://example.test/a", text=text, published="2024-12-07"))
    (o,) = ex.officials
    assert (o.name, o.position, o.unit) == ("Riyanto Saputra", "Kabag Ops", "Polresta Manado")


# The unit tail reads no NER tags: these docs are only tokenised, so no word is tagged PER, and the tail
# of 40a34c7 (a PER tag ended the name) ran on into the name after the unit in 11 of them.
@pytest.mark.parametrize("text,expected", [
    ("Ketua Bawaslu Kabupaten Muara Enim Hendri Saputra memantau TPS.",
     [("Bawaslu Kabupaten Muara Enim", "ELECTION_BODY")]),
    ("Komandan Kodim 0404/Muara Enim Yusuf Rizal mengerahkan personel.",
     [("Kodim 0404/Muara Enim", "UNIT")]),
    ("KPU KOTA BOGOR DEDE JUHENDI", [("KPU KOTA BOGOR", "ELECTION_BODY")]),
    ("Ketua PPS Kampung Bonglai Saipul Bahri mengatakan", [("PPS Kampung Bonglai", "ELECTION_BODY")]),
    ("personel Polsek Tanjung Agung Rudi Hartono", [("Polsek Tanjung Agung", "UNIT")]),
    # a known unit beats the shorter region in it (Kota Metro), and may name no region at all
    ("personel Polres Metro Jakarta Selatan Andi", [("Polres Metro Jakarta Selatan", "UNIT")]),
    ("personel Polres Pelabuhan Tanjung Priok Andi", [("Polres Pelabuhan Tanjung Priok", "UNIT")]),
    ("Anggota Bawaslu Provinsi Sulteng Idrus Alhadad", [("Bawaslu Provinsi Sulteng", "ELECTION_BODY")]),
    ("kantor KPU RI Mochammad Afifuddin", [("KPU RI", "ELECTION_BODY")]),
    # no known start: an election body keeps no name, a code is kept, the others keep the run
    ("Ketua KPU Wahyudin Hulopi memaparkan", [("Ketua KPU", "POSITION")]),
    ("dibantu prajurit Kodim 1402/Polmas dan Polres Polman", [("Kodim 1402/Polmas", "UNIT"), ("Polres Polman", "UNIT")]),
    ("personel BKO dari Lanud Leo Wattimena di Morotai", [("Lanud Leo Wattimena", "UNIT")]),
    ("diserahkan ke KPU Provinsi besok", [("KPU Provinsi", "ELECTION_BODY")]),
])
def test_unit_tail_without_ner(nlp, text, expected):
    doc = nlp.get_pipe("pantau_rule_spans")(nlp.make_doc(text))
    assert [(s.text, s.label_) for s in doc.spans[SPANS_KEY] if s.label_ != "RANK"] == expected
