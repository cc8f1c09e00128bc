from extractor.html import article_from_text
from extractor.nlp import extract


def _extract(text, published="2024-11-30"):
    return extract(article_from_text(text, "u", published=published))


def test_event_types_dates_places_personnel():
    ex = _extract("LAHAT - Sebanyak 312 personel Polres Lahat mengikuti apel gelar pasukan pengamanan TPS, "
                  "Selasa (26/11/2024). Rabu (27/11/2024) kotak suara didistribusikan dengan pengawalan ketat ke "
                  "Kecamatan Merapi Barat.")
    ev = {e.type: e for e in ex.events}
    assert ev["readiness_parade"].date == "2024-11-26" and ev["readiness_parade"].personnel == 312
    assert ev["logistics_escort"].date == "2024-11-27"
    assert ev["logistics_escort"].place == "Merapi Barat"


def test_traps_hypotheticals_drills_and_cyber_patrols():
    ex = _extract("Polres menggelar patroli siber untuk menangkal hoaks. Polisi mengantisipasi jika terjadi unjuk "
                  "rasa di kantor KPU. Dalam simulasi Sispamkota, massa ricuh dan anarkis.")
    types = {e.type for e in ex.events}
    assert "disinformation" in types and "readiness_parade" in types
    assert not types & {"patrol", "protest", "clash"}


def test_personnel_in_words_and_vague():
    ex = _extract("Ratusan personel gabungan menggelar patroli di Kota Palembang.")
    p = next(e for e in ex.events if e.type == "patrol")
    assert (p.personnel, p.personnel_approx) == (100, True)
    ex = _extract("Seratus lima puluh personel mengamankan rapat pleno rekapitulasi di Kota Palembang.")
    assert next(e for e in ex.events if e.type == "recap_security").personnel == 150


def test_quotes_speaker_after_before_and_nya():
    ex = _extract("Kapolres Lahat AKBP Kurniawan Azwar mengatakan, “Semua TPS kami jaga dengan ketat.”\n\n"
                  "“Netralitas harga mati bagi anggota,” tegasnya.\n\n"
                  "Ketua KPU Lahat Misrawati hadir. “Logistik sudah tiba di semua PPS,” kata Misrawati.")
    assert [(q.speaker, q.text.split()[0]) for q in ex.quotes] == [
        ("Kurniawan Azwar", "Semua"), ("Kurniawan Azwar", "Netralitas"), ("Misrawati", "Logistik")]


def test_nya_quote_goes_to_the_subject_not_to_the_last_speaker():
    ex = _extract("Kapolres Lahat AKBP Kurniawan Azwar mengatakan situasi aman. “Kami siaga penuh di semua TPS,” "
                  "kata Kurniawan.\n\nKetua KPU Lahat, Misrawati, menyampaikan logistik sudah lengkap di PPS. "
                  "“Tidak ada kekurangan surat suara sama sekali,” ujarnya.")
    assert [q.speaker for q in ex.quotes] == ["Kurniawan Azwar", "Misrawati"]


def test_mismatched_quote_marks_closed_by_a_speech_verb():
    from extractor.nlp.officials import find_officials
    from extractor.nlp.quotes import find_quotes

    text = ("Babinsa Koramil 07/Tembuku, Sertu Made Sujana memantau TPS.\n\n"
            "“Kami siaga di TPS sejak pagi hari,“Ujar Sertu Made Sujana ( R 13)")
    quotes = find_quotes(text, find_officials(text).officials)
    assert [(q.text, q.speaker) for q in quotes] == [("Kami siaga di TPS sejak pagi hari,", "Made Sujana")]


def test_a_subject_followed_by_a_speech_verb_speaks_the_nya_quote():
    # "X menyebut ..." makes X the subject even when an earlier paragraph starts "Menurut Y"
    ex = _extract("Menurut Kapolres Lahat AKBP Kurniawan Azwar, jalur sungai rawan.\n\n"
                  "Dandim 0405/Lahat Letkol Inf Joko Purnomo menyebut prajuritnya sudah di TPS sejak sore. "
                  "“Babinsa kami juga membantu KPPS menyiapkan TPS,” ujarnya.\n\n"
                  "Ketua PPK Merapi, Sri Wahyuni, juga membantah ada kecurangan. “Kotak suara kami dijaga 24 jam,” "
                  "ujarnya.")
    assert [q.speaker for q in ex.quotes] == ["Joko Purnomo", "Sri Wahyuni"]


def test_speakers_who_are_not_officials():
    from extractor.nlp.officials import find_officials
    from extractor.nlp.quotes import find_quotes

    text = ("Kapolres Lahat AKBP Kurniawan Azwar memimpin pengamanan.\n\n"
            "Salah seorang pemilih, Rahmawati (38), mengaku datang pagi.\n\n"
            "“Ini ketiga kalinya saya mencoblos tahun ini,” katanya.\n\n"
            "Koordinator aksi, Yance Mambrasar, berorasi di depan kantor KPU. "
            "“Kami hanya minta kotak suara dibuka,” teriak Yance.")
    officials = find_officials(text).officials
    quotes = find_quotes(text, officials, persons=((text.index("Yance M"), text.index("Yance M") + 15,
                                                    "Yance Mambrasar"), (text.rindex("Yance"), text.rindex("Yance") + 5,
                                                                         "Yance")))
    assert [q.speaker for q in quotes] == ["Rahmawati", "Yance Mambrasar"]
    # a PER span that is a region's name or not written like a name is not a speaker
    text2 = "Warga Dempo Tengah berkumpul di balai desa. “Kami ingin pleno yang jujur dan adil,” katanya."
    assert find_quotes(text2, [], persons=((6, 18, "Dempo Tengah"),))[0].speaker is None
    text3 = "Truk pengangkut logistik tiba sore. “Total ada 27 truk untuk semua PPK,” katanya."
    assert find_quotes(text3, [], persons=((0, 4, "Truk"),))[0].speaker is None


def test_the_name_after_a_speech_verb_is_looked_for_in_its_paragraph_only():
    # "..., teriak warga." names no one: the official who opens the next paragraph did not speak
    text = ("“Kami menuntut penghitungan ulang di semua TPS,” teriak warga.\n\n"
            "Kapolres Lahat AKBP Kurniawan Azwar dan Rudy Saputra hadir di lokasi.")
    assert [q.speaker for q in _extract(text).quotes] == [None]
    # the same speech verb with the name in its paragraph still names the speaker
    text2 = ("“Kami menuntut penghitungan ulang di semua TPS,” ujar Kapolres Lahat AKBP Kurniawan Azwar.\n\n"
             "Rudy Saputra hadir di lokasi.")
    assert [q.speaker for q in _extract(text2).quotes] == ["Kurniawan Azwar"]


def test_force_size_parts_add_up_and_come_from_the_paragraph():
    ex = _extract("Polres Lahat menurunkan 290 personel dibantu 120 prajurit Kodim untuk mengamankan 534 TPS. "
                  "Sebanyak 50 anggota KPPS juga hadir.\n\nSebanyak 800 personel terdiri dari 550 personel Polri dan "
                  "250 prajurit TNI menggelar patroli skala besar di Kota Palembang.")
    ev = {e.type: e for e in ex.events}
    assert ev["polling_security"].personnel == 410
    assert ev["patrol"].personnel == 800


def test_a_coming_step_and_the_background_of_an_event_are_not_events():
    ex = _extract("SERANG - Pemungutan suara ulang (PSU) Pilbup Serang berlangsung kondusif, Sabtu (19/4/2025). "
                  "PSU digelar sesuai putusan Mahkamah Konstitusi tanggal 24 Februari 2025.\n\n"
                  "Kapolda meminta penjagaan gudang tidak kendor menjelang distribusi logistik ke desa-desa.",
                  published="2025-04-19")
    assert [(e.type, e.date) for e in ex.events] == [("revote", "2025-04-19")]


def test_a_crowd_rejecting_a_result_is_a_protest():
    ex = _extract("WAMENA - Aksi massa yang menolak hasil rekapitulasi di Kantor KPU Kabupaten Jayawijaya, "
                  "Senin (4/3/2024), berujung ricuh.", published="2024-03-04")
    assert {"protest", "clash"} <= {e.type for e in ex.events}


def test_topics_of_meetings_hoax_contents_quotes_and_plans_are_not_events():
    ex = _extract("SORONG - Polresta Sorong Kota menggelar rapat koordinasi pengamanan pemungutan suara bersama KPU "
                  "di Hotel Vega, Jumat (22/11/2024).\n\n"
                  "Video seorang pria membagikan uang kepada warga dipastikan hoaks.\n\n"
                  "\"Untuk TPS yang rawan ada tambahan personel dan patroli mobile,\" kata Kapolresta.\n\n"
                  "Distribusi logistik ke 10 distrik di Kota Sorong dijadwalkan Senin (25/11/2024).\n\n"
                  "Prajurit Kodim siap membantu pengamanan distribusi logistik ke desa-desa.",
                  published="2024-11-22")
    assert sorted(e.type for e in ex.events) == ["coordination_meeting", "disinformation"]


def test_the_same_trigger_outside_a_quote_still_counts():
    ex = _extract("Polres Lahat menggelar patroli di Kecamatan Merapi Barat, Senin (2/12/2024). "
                  "\"Patroli kami lakukan sampai pleno selesai,\" kata Kapolres.", published="2024-12-02")
    assert [e.type for e in ex.events] == ["patrol"]


def test_an_election_years_ago_is_background_not_an_event():
    ex = _extract("Pleno rekapitulasi di Kabupaten Aceh Utara dijaga 150 personel, Senin (4/3/2024).\n\n"
                  "Pada Pemilu 2019, pleno tingkat kabupaten di Aceh Utara sempat diwarnai aksi massa.",
                  published="2024-03-04")
    assert {e.type for e in ex.events} == {"recap_security"}
    # last year's Pilkada named in a re-vote article is not history
    ex = _extract("PSU Pilkada 2024 di Kabupaten Serang dijaga 800 personel, Sabtu (19/4/2025).",
                  published="2025-04-19")
    assert "revote" in {e.type for e in ex.events}
