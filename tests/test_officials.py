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
    from extractor.nlp.candidates import find_candidates

    text = ("Kapolres Muba AKBP Imam Safii mengamankan debat publik paslon Teddy-Marjito di Sekayu. "
            "Pasangan calon nomor urut 2 Ahmad Yani dan Budi Hartono hadir.")
    found = find_candidates(text)
    assert [(c.name, c.number) for c in found.candidates] == [("Teddy", None), ("Marjito", None),
                                                               ("Ahmad Yani", 2), ("Budi Hartono", 2)]
    assert [o.name for o in find_officials(text, exclude=tuple(found.named)).officials] == ["Imam Safii"]


def test_kodim_code_keeps_a_region_written_with_its_prefix():
    got = find_officials("Dandim 0624/Kabupaten Bandung Letkol Inf Tri Hadi hadir. "
                         "Dandim 0606/Kota Bogor Letkol Inf Ronald Tambunan juga.").officials
    assert [(o.name, o.unit, o.region_code) for o in got] == [
        ("Tri Hadi", "Kodim 0624/Kabupaten Bandung", "32.04"), ("Ronald Tambunan", "Kodim 0606/Kota Bogor", "32.71")]


def _by_name(text):
    return {o.name: (o.rank, o.position) for o in find_officials(text).officials}


@pytest.mark.parametrize("text,expected", [
    # a list of dignitaries: each name its own title, never the title of the person before
    ("Turut hadir Dandim 0410/KBL Kolonel Inf Andi Wijaya, Wakajati Lampung Budi Santoso, Irwasda Polda Lampung "
     "Kombes Pol Candra Kirana, dan Kajari Dedi Mulyadi.",
     {"Andi Wijaya": ("Kolonel", "Dandim"), "Budi Santoso": (None, "Wakajati"),
      "Candra Kirana": ("Kombes", "Irwasda"), "Dedi Mulyadi": (None, "Kajari")}),
    # an unnamed title before another person's title and rank: "Kapolres bersama Dandim ... Letkol X"
    ("Sebelumnya, Kapolres bersama Dandim 0414/Belitung Letkol Inf Hadi Prasetyo mengecek gudang logistik.",
     {"Hadi Prasetyo": ("Letkol", "Dandim")}),
    ("Keduanya diterima Camat Karimunjawa Slamet Riyadi dan Danramil Karimunjawa Kapten Inf Sugiyono di dermaga.",
     {"Slamet Riyadi": (None, "Camat"), "Sugiyono": ("Kapten", "Danramil")}),
    ("Pleno dihadiri Sekda Kapuas Hulu Rustam Efendi, Kaban Kesbangpol Agustinus Lintang serta Dandim 1206/Psb "
     "Letkol Inf Antonius Manalu.",
     {"Rustam Efendi": (None, "Sekda"), "Agustinus Lintang": (None, "Kaban Kesbangpol"),
      "Antonius Manalu": ("Letkol", "Dandim")}),
    ("Kapolda Ketut didampingi Kapolres Bulungan AKBP Arif Budiman Lubis dan Dandim 0903/Bulungan Letkol Inf Hamdani.",
     {"Ketut": (None, "Kapolda"), "Arif Budiman Lubis": ("AKBP", "Kapolres"), "Hamdani": ("Letkol", "Dandim")}),
    # an unknown or misspelt region still leads to the rank, even with "dan" inside it
    ("Apel dipimpin Kapolresta Pulau Ambon dan Pp. Lease Kombes Pol Stefanus Latuconsina pagi ini.",
     {"Stefanus Latuconsina": ("Kombes", "Kapolresta")}),
    ("Kapolres Muara Enimm AKBP Jhoni Putra memimpin apel.", {"Jhoni Putra": ("AKBP", "Kapolres")}),
])
def test_each_dignitary_gets_his_own_title(text, expected):
    assert _by_name(text) == expected


@pytest.mark.parametrize("text,name,rank,position", [
    # initials glued to the name
    ("Kapolres melalui Kabag Ops Kompol T.Mukhlis menyebutkan personel siaga.", "T. Mukhlis", "Kompol", "Kabag Ops"),
    ("Kapolres didampingi Wakapolres Kompol M.Rizal Siregar meninjau pleno.", "M. Rizal Siregar", "Kompol",
     "Wakapolres"),
    ("Kasi Humas AKP A.A.Gde Anom Wirata, S.H. mengatakan situasi aman.", "A.A. Gde Anom Wirata", "AKP", "Kasi Humas"),
    # a rank word ending a name: a surname
    ("Plt. Kepala Badan Kesbangpol Raja Ampat, Paulus Mayor, berharap Pilkada damai.", "Paulus Mayor", None,
     "Plt Kaban Kesbangpol"),
    # acting prefixes stay in the position, without their dots
    ("Plh. Kapolres Lahat Kompol Budi Santoso memimpin apel.", "Budi Santoso", "Kompol", "Plh Kapolres"),
    ("Penjabat (Pj) Bupati Lahat Imam Pasli meninjau TPS.", "Imam Pasli", None, "Pj Bupati"),
    # "X selaku Y": the officer holds X; Y is an operation role
    ("Kabid Humas Polda Sulteng selaku Kasatgas Humas Operasi Mantap Praja Tinombala 2024, Kombes Pol Agus "
     "Tondang, S.I.K. mengatakan aman.", "Agus Tondang", "Kombes", "Kabid Humas"),
    # an operation's name, sections, sub-units and their designators between a title and its unit
    ("Kasatgas Preventif Operasi Mantap Praja Toba 2024 Polda Sumut, Kombes Pol Dr. Hotman Simanjuntak, S.I.K., "
     "berkunjung ke Mapolres.", "Hotman Simanjuntak", "Kombes", "Kasatgas Preventif"),
    ("Danki 2 Batalyon B Pelopor Sat Brimob Polda Sumsel AKP Ricky Tambunan menyebut pasukan siaga.",
     "Ricky Tambunan", "AKP", "Danki"),
    ("Kasubbid Penmas Bid Humas Polda Sulteng AKBP Sugeng Lestari menjelaskan.", "Sugeng Lestari", "AKBP",
     "Kasubbid Penmas"),
    # a local name of the title: "Kepala Desa X atau Jaro Pamarentah, Name"
    ("Kepala Desa Kanekes atau Jaro Pamarentah, Sarpin, menerima logistik.", "Sarpin", None, "Kades"),
    # "Kepulauan X" written "X"
    ("Rakor dihadiri Plh. Sekda Talaud Arnold Essing dan unsur Bawaslu.", "Arnold Essing", None, "Plh Sekda"),
    # civilians with long titles
    ("Koordinator Divisi Penanganan Pelanggaran Bawaslu Muba, Ahmad Fauzi, mengatakan tidak ada laporan.",
     "Ahmad Fauzi", None, "Kordiv Penanganan Pelanggaran"),
    ("Kepala Gudang Logistik KPU Lahat Rudi Hartono memastikan kotak suara lengkap.", "Rudi Hartono", None,
     "Kepala Gudang Logistik"),
    ("Ketua PPD Misool Selatan Abdul Halim Umkabu memastikan gudang siap.", "Abdul Halim Umkabu", None, "Ketua PPD"),
    ("Kepala Distrik Dekai Musa Kobak mengimbau warga tenang.", "Musa Kobak", None, "Kepala Distrik"),
])
def test_messy_names_and_long_titles(text, name, rank, position):
    o = one(text)
    assert (o.name, o.rank, o.position) == (name, rank, position)


@pytest.mark.parametrize("text,name,rank,position", [
    # names written in lower case, set off by commas after a title and its unit
    ("Sementara itu, Anggota Panwascam Aek Natas, dedi syahputra, menyebut pihaknya menerima keberatan.",
     "dedi syahputra", None, "Anggota Panwascam"),
    ("Turut hadir Koordinator Divisi Penanganan Pelanggaran Panwaslih Aceh Barat, rizki maulana.", "rizki maulana",
     None, "Kordiv Penanganan Pelanggaran"),
    # all-caps names and titles
    ("KAPOLRES LAHAT AKBP BUDI SANTOSO MENINJAU TPS DI KECAMATAN MERAPI BARAT HARI INI.", "BUDI SANTOSO", "AKBP",
     "Kapolres"),
    # a title written with a typo
    ("Kasat Intelkm Polres Bengkulu Selatan AKP Roni Setiawan menyebut aksi berlangsung dua jam.", "Roni Setiawan",
     "AKP", "Kasat Intelkam"),
    ("Kpaolres Lahat AKBP Budi Santoso memimpin apel pagi ini.", "Budi Santoso", "AKBP", "Kapolres"),
    # an officer leading a unit named before him heads it
    ("Prajurit Koramil 1309-01/Wenang di bawah pimpinan Mayor Kav Stenly Rondonuwu membantu pengamanan.",
     "Stenly Rondonuwu", "Mayor", "Danramil"),
    # an aside between the title and the name; a kecamatan named "Kota X"
    ("Wakil Wali Kota Samarinda yang juga Ketua Forkopimda, Rusdi Wicaksono, meminta warga tenang.",
     "Rusdi Wicaksono", None, "Wakil Wali Kota"),
    ("Ketua PPK Kota Sigli, Cut Nurul Aini, mengatakan pleno berjalan lebih cepat.", "Cut Nurul Aini", None,
     "Ketua PPK"),
    # a Polda spokesman in a police-portal release, with his deputy
    ("Kabidhumas Polda Sumsel Kombes Pol. Sunarto, S.I.K. dalam keterangannya, Senin (25/11/2024), menyampaikan "
     "personel siaga.", "Sunarto", "Kombes", "Kabid Humas"),
    # forms of address are no part of the name; a rank word ending a name is a surname
    ("Desa itu dipimpin oleh Kepala Desa Bapak Kardi sejak 2019.", "Kardi", None, "Kades"),
])
def test_names_written_messily(text, name, rank, position):
    o = one(text)
    assert (o.name, o.rank, o.position) == (name, rank, position)


@pytest.mark.parametrize("text", [
    "Ketua PPS Desa Sukarame, saat dikonfirmasi, mengatakan situasi aman.",
    "Ketua KPU Lahat, kemarin sore, mengatakan situasi aman.",
    "Kapolres Lahat, dalam keterangannya, mengatakan situasi aman.",
    # a one-word title in lower case names nobody; nor does a building named after a title
    "Pelatih itu menolak Ferreira sebagai asisten pelatihnya musim ini.",
    "Ellen Sauerbrey, asisten menteri luar negeri, datang.",
    "Rapat digelar di Kantor Kepala Desa Barepan, Kantor Pos dan SMK setempat.",
    # words one edit from a title are not titles: a name (Dandi), a word (Panitia), a section (Ditpolairud)
    "Panitia Pemilihan Kecamatan bekerja hingga malam bersama Ditpolairud Polda Sumbar.",
])
def test_no_official(text):
    assert find_officials(text).officials == []


def test_a_name_with_its_own_title_after_sebagai_is_not_the_previous_title():
    got = _by_name("Noor Suhud sebagai Kaur Keuangan, Sunardi sebagai Kaur Pembangunan hadir di balai desa.")
    assert "Sunardi" not in got
    assert _by_name("AKP Dandi Saputra hadir bersama Kasat Reskrim.") == {"Dandi Saputra": ("AKP", None)}


def test_an_initial_glued_to_a_name_that_ends_the_sentence():
    o = one("Pengawalan itu dipimpin Babinsa Koramil Tebas, Sertu A.Syahputra.")
    assert (o.name, o.rank, o.position) == ("A. Syahputra", "Sertu", "Babinsa")


def test_a_year_after_a_region_is_no_name():
    # "Bupati Sambas Tahun 2024": the election's year, not a Bupati named Tahun
    assert find_officials("Apel pengamanan Pemilihan Bupati Sambas Tahun 2024 digelar pagi ini.").officials == []


@pytest.mark.parametrize("text,name,position", [
    # the area a liaison or supervising officer covers, with or without "untuk" and a comma
    ("Turut hadir Pabung Kodim 1207/Pontianak wilayah Kubu Raya Mayor Arm Dedi Kusnadi dan warga.", "Dedi Kusnadi",
     "Pabung"),
    ("Pamatwil Polda Jambi untuk wilayah Merangin, AKBP Tono Wibisono, memantau gudang.", "Tono Wibisono", "Pamatwil"),
    # the occasion the title is held for
    ("Bertindak sebagai Perwira Pengendali upacara, Kompol Hendra Gunawan.", "Hendra Gunawan", "Padal"),
    ("Selaku perwira pengendali apel, AKP Rudi Santoso memeriksa barisan.", "Rudi Santoso", "Padal"),
    # the subject of a copula holds the title after it
    ("Di Sanggau, Yohanes Ontot merupakan petahana Bupati Sanggau.", "Yohanes Ontot", "Bupati"),
    ("Paslon itu kuat. Sutrisno adalah Ketua KPU Sragen periode lalu.", "Sutrisno", "Ketua KPU"),
    ("Budi Harsono yang menjabat sebagai Camat Lawang Kidul ikut hadir.", "Budi Harsono", "Camat"),
])
def test_what_stands_between_a_name_and_its_title(text, name, position):
    o = one(text)
    assert (o.name, o.position) == (name, position)


def test_a_one_word_subject_only_at_the_start_of_its_sentence():
    assert find_officials("Menurut dia Sutrisno adalah Ketua KPU Sragen.").officials == []


@pytest.mark.parametrize("text,name,unit", [
    # a press abbreviation the article writes after a unit elsewhere
    ("Polres LB menggelar apel. Ketua Bawaslu LB Dewi Anggraini menerima laporan.", "Dewi Anggraini",
     "Bawaslu LB"),
    # a region the gazetteer writes otherwise ("Kabupaten Administrasi ...")
    ("Polres Kepulauan Seribu mengawal logistik. Hadir pula Ketua KPU Kepulauan Seribu Nur Aisyah di dermaga.", "Nur Aisyah",
     "KPU Kepulauan Seribu"),
])
def test_the_region_of_a_unit_elsewhere_is_no_part_of_a_civilians_name(text, name, unit):
    o = one(text)
    assert (o.name, o.unit) == (name, unit)


def test_a_region_already_read_is_not_stripped_again():
    got = find_officials("Ketua KPU Medan Budi Santoso hadir. Polres Budi ikut berjaga.").officials
    assert [o.name for o in got] == ["Budi Santoso"]


def test_the_village_of_a_tps_then_a_one_word_name_between_commas():
    o = one("Rombongan diterima Ketua KPPS TPS 05 Sungai Baru, Marlina, di depan bilik.")
    assert (o.name, o.position, o.unit) == ("Marlina", "Ketua KPPS", "KPPS TPS 05 Sungai Baru")
    # a day after the comma is no name
    assert one("Ketua KPPS TPS 04 Siti Rahmah, Kamis (12/2), mengatakan").name == "Siti Rahmah"


@pytest.mark.parametrize("text,name,position,unit", [
    # the title after the name, in brackets or after "selaku"/"sebagai" with no comma
    ("Menurut Yusuf Maulana (Ketua PPK Tanjung Agung), pleno berjalan lancar.", "Yusuf Maulana", "Ketua PPK",
     "PPK Tanjung Agung"),
    ("Dalam pleno itu Rini Anggraini selaku Ketua PPS Tanjung Agung membacakan hasil.", "Rini Anggraini",
     "Ketua PPS", None),
    # the region's parent written after it: "Kepala Desa X Kecamatan Y Name"
    ("Di balai desa, Kepala Desa Sukamaju Kecamatan Merapi Barat Hendri Saputra menyambut rombongan.",
     "Hendri Saputra", "Kades", None),
])
def test_title_after_the_name_and_a_parent_region_after_the_region(text, name, position, unit):
    o = one(text)
    assert (o.name, o.position) == (name, position)
    if unit:
        assert o.unit == unit


def test_a_title_then_its_short_form_in_brackets_is_no_name():
    got = find_officials("Apel dihadiri Komandan Distrik Militer (Dandim) 0906/Kutai Kartanegara, Letkol Danang "
                         "Setiawan, S.E. dan warga.").officials
    assert [(o.name, o.position) for o in got] == [("Danang Setiawan", "Dandim")]


@pytest.mark.parametrize("text,name,position,unit", [
    ("Hal itu disampaikan Kordiv Hukum dan Pencegahan Bawaslu Muara Enim Sri Wahyuni kepada wartawan.",
     "Sri Wahyuni", "Kordiv Hukum", "Bawaslu Muara Enim"),
    ("Hal itu disampaikan Kadiv Teknis, Humas dan Logistik KPU Muara Enim, Ahmad Sobri, kepada wartawan.",
     "Ahmad Sobri", "Kadiv Teknis", "KPU Muara Enim"),
])
def test_a_division_head_of_several_functions(text, name, position, unit):
    o = one(text)
    assert (o.name, o.position, o.unit) == (name, position, unit)


@pytest.mark.parametrize("text,name,unit", [
    ("Hal itu ditegaskan Anggota Bawaslu RI Puadi Rahman saat berkunjung.", "Puadi Rahman", "Bawaslu RI"),
    ("Hal itu ditegaskan Ketua KPU Republik Indonesia, Dedi Kusnadi, saat berkunjung.", "Dedi Kusnadi", "KPU RI"),
])
def test_the_national_body_names_no_region(text, name, unit):
    o = one(text)
    assert (o.name, o.unit) == (name, unit)


def test_whole_words_finds_what_the_longest_first_alternation_finds():
    """_later_mentions scans for its names' words without a pattern per article:
    the spans must be re.finditer's over the alternation between \\w boundaries."""
    import random
    import re

    from extractor.nlp.officials import _whole_words

    rng = random.Random(7)
    alphabet = "ab_ .'-é1"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        words = list(dict.fromkeys("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4)))
                                   for _ in range(rng.randint(1, 4))))
        alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        want = [m.span() for m in re.finditer(rf"(?<![\w])(?:{alt})(?![\w])", text)]
        assert _whole_words(text, words) == want, (text, words)
    assert _whole_words("Budi dan Budiman, Budi.", ["Budi", "Budiman"]) == [(0, 4), (9, 16), (18, 22)]


# A unit the table knows, written after a post that heads it or after its head, is read whole and named as
# the table names it; a region word inside it (Kota Metro) or a press code (TT) no longer ends or names it.
@pytest.mark.parametrize("text,unit", [
    ("Kapolres Metro Jakarta Selatan Kombes Ade Rahmat Idnal memimpin apel.", "Polres Metro Jakarta Selatan"),
    ("Kapolres Pelabuhan Tanjung Priok AKBP Kadarislam Kasim meninjau TPS.", "Polres Pelabuhan Tanjung Priok"),
    ("Pangdam IX/Udayana Mayjen TNI Muhammad Zamroni meninjau TPS.", "Kodam IX/Udayana"),
    ("Danlanud Halim Perdanakusuma Marsma TNI Destianto Nugroho hadir.", "Lanud Halim Perdanakusuma"),
    ("Dandim 0211/TT Letkol Inf Budi Santoso hadir.", "Kodim 0211/Tapanuli Tengah"),
    ("Kasat Samapta Polres Madiun Kota AKP Budi Santoso hadir.", "Polres Madiun Kota"),
    # a region the table's unit is named after: as before
    ("Kapolres Muara Enim AKBP Jhoni Eka Putra meninjau TPS.", "Polres Muara Enim"),
])
def test_known_unit_after_a_post(text, unit):
    assert one(text).unit == unit


def _twin_names() -> list[str]:
    """Names a kabupaten and a kota of one province share (Bogor, Kupang,
    Sorong, ...), from the gazetteer: every such pair, not a sample."""
    from extractor.nlp.gazetteer import _cached_regions

    types: dict[tuple[str, str], set[str]] = {}
    for r in _cached_regions():
        if r.type in ("kabupaten", "kota"):
            types.setdefault((r.name, r.province), set()).add(r.type)
    return sorted({name for (name, _), t in types.items() if len(t) == 2})


def test_the_admin_word_written_decides_between_a_kota_and_its_kabupaten_twin():
    # "Ketua KPU Kota Bogor": the gazetteer lists Kabupaten Bogor first; the
    # written "Kota" must win (the KPU of the kota is another body). And
    # "Kabupaten Banjar" is Kalimantan Selatan's, not Kota Banjar of Jawa Barat.
    names = _twin_names()
    assert len(names) >= 20 and {"Bogor", "Kupang", "Sorong", "Bekasi"} <= set(names)
    wrong = []
    for name in names + ["Banjar"]:
        for body in ("KPU", "Bawaslu"):
            for admin, want in (("Kota", f"{body} Kota {name}"), ("Kabupaten", f"{body} {name}")):
                got = one(f"Ketua {body} {admin} {name} Ahmad Yani mengatakan pleno berjalan aman.").unit
                if got != want:
                    wrong.append((admin, name, body, got))
    assert not wrong, wrong


def test_a_code_keeps_a_kecamatan_whose_name_starts_with_kota():
    # "Danramil 01/Kota Sigli": Kota Sigli is the kecamatan's own name, not
    # "Kota" before Sigli; every such kecamatan of the gazetteer (47).
    from extractor.nlp.gazetteer import _cached_regions

    names = sorted({r.name for r in _cached_regions()
                    if r.type in ("kecamatan", "distrik") and r.name.startswith("Kota ")})
    assert len(names) >= 30 and "Kota Sigli" in names
    wrong = [(n, u) for n in names
             if (u := one(f"Danramil 01/{n} Kapten Inf Budi Santoso mengatakan situasi aman.").unit)
             != f"Koramil 01/{n}"]
    assert not wrong, wrong


def test_regional_government_staff_posts_belong_to_their_pemda_at_the_level_written():
    # Sekda, Kaban Kesbangpol, ...: every post of positions.toml whose unit is
    # "Pemda {region}", in a province, a kabupaten and a kota twin of one
    from extractor.nlp.lexicon import lexicon

    shorts = sorted({p.short for alts in lexicon().position_alts.values() for p in alts
                     if p.unit == "Pemda {region}" and not p.acting})
    assert {"Sekda", "Kaban Kesbangpol"} <= set(shorts)
    wrong = []
    for short in shorts:
        for written, want in (("Kota Bogor", "Pemda Kota Bogor"), ("Kabupaten Bogor", "Pemda Bogor"),
                              ("Dompu", "Pemda Dompu"), ("Papua Barat", "Pemda Papua Barat")):
            o = one(f"Hadir pula {short} {written} Ahmad Yani dalam rapat itu.")
            if (o.position, o.unit) != (short, want):
                wrong.append((short, written, o.position, o.unit))
    assert not wrong, wrong


def test_a_code_keeps_a_capital_town_and_a_place_after_a_sub_number():
    # "Dandim 1013/Muara Teweh": Kodims are named after their capital towns;
    # every multi-word capital town of the gazetteer that is no kabupaten or
    # kota name of its own. "Danramil 0825/01 Pesanggaran": after a
    # sub-number the kecamatan follows a space.
    from extractor.nlp.gazetteer import gazetteer

    gaz = gazetteer()
    towns = sorted(t for t in _capital_names() if " " in t and not gaz.lookup(t, ("kabupaten", "kota")))
    assert len(towns) >= 20 and "Muara Teweh" in towns
    wrong = [(t, u) for t in towns
             if (u := one(f"Dandim 1234/{t} Letkol Inf Budi Santoso mengatakan situasi aman.").unit)
             != f"Kodim 1234/{t}"]
    assert not wrong, wrong
    assert one("Danramil 0825/01 Pesanggaran Kapten Inf Budi Santoso mengatakan aman.").unit == \
        "Koramil 0825/01 Pesanggaran"
    assert one("Danramil 0825/01 Budi Santoso mengatakan situasi aman.").unit == "Koramil 0825/01"


def _capital_names() -> set[str]:
    """The capital towns' names as regions.csv writes them."""
    import csv

    from extractor.datafiles import ROOT

    with open(ROOT / "data" / "regions.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    col = next(c for c in rows[0] if "capital" in c.lower())
    return {r[col] for r in rows if r[col]}


def _city_resorts() -> list[tuple[str, str]]:
    """(kota, the table's name of its Polres) for every kota that shares its
    name with a kabupaten of its province and whose resort the units table
    names with a trailing Kota (Polres Metro Bekasi Kota, Polresta Bogor Kota)."""
    from extractor.units import units

    names = set(_twin_names())
    out = []
    for u in units().values():
        if u.kind in ("polres", "polresta", "polrestabes") and u.name.endswith(" Kota") and len(u.regions) == 1:
            stem = u.name[:-5].split(" ", 1)[1].removeprefix("Metro ")
            if stem in names:
                out.append((stem, u.name))
    return sorted(out)


def test_kapolres_kota_x_is_the_citys_resort_not_the_kabupatens():
    # "Kapolres Kota Bekasi": "Kapolres Kota" is no title of its own; the
    # kota's resort is Polres Metro Bekasi Kota, not Polres Metro Bekasi
    # (or, where the table knows it by another head, a name that resolves to it: Polres Kupang Kota)
    from extractor.units import resolve

    resorts = _city_resorts()
    assert len(resorts) >= 8 and ("Bekasi", "Polres Metro Bekasi Kota") in resorts
    wrong = []
    for kota, unit in resorts:
        o = one(f"Kapolres Kota {kota} AKBP Budi Santoso mengatakan situasi aman.")
        u = resolve(o.unit)
        if o.position != "Kapolres" or u is None or u.name != unit or not (o.region_code or "").split(".")[-1].startswith("7"):
            wrong.append((kota, o.position, o.unit, o.region_code))
    assert not wrong, wrong
    assert one("Kapolres Kota Bekasi AKBP Budi Santoso hadir.").unit == "Polres Metro Bekasi Kota"


def test_a_post_without_its_holder_names_the_citys_unit_too():
    from extractor.nlp import extract
    from extractor.types import Article

    text = ("BEKASI - Pengamanan rapat pleno dipimpin langsung Kapolres Kota Bekasi. "
            "Hadir pula Kapolsek Kota Bekasi.")
    posts = {(p.position, p.unit) for p in extract(Article(url="https://x.test/a", text=text)).posts}
    assert ("Kapolres", "Polres Metro Bekasi Kota") in posts
    assert ("Kapolsek", None) in posts  # a Polsek's region is no kota: nothing read
