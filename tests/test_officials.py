import pytest

from extractor.nlp.officials import find_officials


def one(text):
    got = find_officials(text).officials
    assert len(got) == 1, got
    return got[0]


@pytest.mark.parametrize("text,name,rank,position,unit,degrees", [
    ("Kapolres Muara Enim AKBP Jhoni Eka Putra SH SIK MSi mengatakan", "Jhoni Eka Putra", "AKBP", "Kapolres",
     "Polres Muara Enim", ("S.H.", "S.I.K.", "M.Si.")),
    ("Kombes Pol. Budi Santosa, S.I.K.,M.H., bergerak ke lokasi.", "Budi Santosa", "Kombes", None, None,
     ("S.I.K.", "M.H.")),
    ("Kepala Kepolisian Resor Lahat AKBP Kurniawan Azwar, S.I.K., M.H. memastikan", "Kurniawan Azwar", "AKBP",
     "Kapolres", "Polres Lahat", ("S.I.K.", "M.H.")),
    ("Komandan Kodim (Dandim) 0412/LU, Letkol Inf Andi Wijaya, S.E., mengerahkan", "Andi Wijaya", "Letkol", "Dandim",
     "Kodim 0412/Lampung Utara", ("S.E.",)),
    ("Kapolresta Palembang Kombespol Dr. Harryo Sugihhartono,S.I.K.,MH memimpin", "Harryo Sugihhartono", "Kombes",
     "Kapolresta", "Polresta Palembang", ("Dr.", "S.I.K.", "M.H.")),
    ("Wadir Pam Obvit Polda Sumsel AKBP H Rizal,S.I.K, M M hadir", "Rizal", "AKBP", "Wadirpamobvit",
     "Polda Sumatera Selatan", ("S.I.K.", "M.M.")),
    ("Aris Munandar, Ketua PPK Lawang Kidul, mengatakan", "Aris Munandar", None, "Ketua PPK", "PPK Lawang Kidul", ()),
    ("Ketua KPU Kabupaten Lahat, Misrawati, mengatakan", "Misrawati", None, "Ketua KPU", "KPU Lahat", ()),
    ("ujar Pelda Suparman, Babinsa Koramil Lawang Kidul, kemarin", "Suparman", "Pelda", "Babinsa", None, ()),
])
def test_patterns(text, name, rank, position, unit, degrees):
    o = one(text)
    assert (o.name, o.rank, o.position, o.degrees) == (name, rank, position, degrees)
    if unit:
        assert o.unit == unit


def test_corps_and_institution():
    o = one("Danramil 0804/13 Tembuku Kapten Inf I Made Sudarsana mengatakan")
    assert (o.name, o.rank, o.corps, o.institution) == ("I Made Sudarsana", "Kapten", "Inf", "TNI")
    assert one("Letkol Laut (P) Ahmad Rizki hadir").corps == "P"
    assert one("Brigjen Pol Andi Rian hadir").institution == "Polri"
    assert one("Brigjen TNI Andi Rian hadir").institution == "TNI"


def test_ranks_listed_with_their_dot():
    # ranks.toml lists "Kapt." and "Kol." with the dot
    assert (one("Kol. Inf Budi Santoso hadir.").rank, one("dipimpin Kapt. Arh Joko Susilo.").rank) == ("Kolonel", "Kapten")


def test_melalui_links_spokesperson_to_the_unit_and_later_mentions_merge():
    text = ("Kapolres Muara Enim AKBP Jhoni Eka Putra melalui Kasi Humas AKP RTM Situmorang mengatakan aman. "
            "Menurut AKP Situmorang, pleno lancar. Kapolres juga memantau.")
    got = {o.name: o for o in find_officials(text).officials}
    assert set(got) == {"Jhoni Eka Putra", "RTM Situmorang"}
    assert got["RTM Situmorang"].unit == "Polres Muara Enim"
    assert len(got["RTM Situmorang"].mentions) == 2
    assert len(got["Jhoni Eka Putra"].mentions) == 2  # + "Kapolres"


def test_unnamed_roles_and_lowercase_ranks_are_not_officials():
    assert find_officials("Kegiatan didampingi Pj Bupati, Dandim, Kajari serta Ketua KPU setempat.").officials == []
    assert find_officials("Para perwira berpangkat kolonel dan mayor hadir.").officials == []


def test_never_guesses_a_rank():
    o = one("Bupati Muara Enim Edison mengatakan situasi aman.")
    assert (o.name, o.rank, o.position) == ("Edison", None, "Bupati")


def test_misspelled_and_partial_re_mentions_merge_but_other_people_do_not():
    text = ("Kapolres Lahat AKBP Kurniawan Azwar memimpin apel. Menurut AKBP Kurniwan, situasi aman. "
            "Kasat Intelkam AKP Azwar Hadi juga hadir.")
    got = {o.name: o for o in find_officials(text).officials}
    assert set(got) == {"Kurniawan Azwar", "Azwar Hadi"}
    assert len(got["Kurniawan Azwar"].mentions) == 2


def test_candidate_pairs_are_candidates_not_officials():
    from extractor.nlp.officials import find_candidates

    text = ("Kapolres Muba AKBP Imam Safii mengamankan debat publik paslon Teddy-Marjito di Sekayu. "
            "Pasangan calon nomor urut 2 Ahmad Yani dan Budi Hartono hadir.")
    assert [c.names for c in find_candidates(text)] == [("Teddy", "Marjito"), ("Ahmad Yani", "Budi Hartono")]
    assert [o.name for o in find_officials(text).officials] == ["Imam Safii"]


def test_kodim_code_keeps_a_region_written_with_its_prefix():
    got = find_officials("Dandim 0624/Kabupaten Bandung Letkol Inf Tri Hadi hadir. "
                         "Dandim 0606/Kota Bogor Letkol Inf Ronald Tambunan juga.").officials
    assert [(o.name, o.unit, o.region_code) for o in got] == [
        ("Tri Hadi", "Kodim 0624/Kabupaten Bandung", "32.04"), ("Ronald Tambunan", "Kodim 0606/Kota Bogor", "32.71")]
