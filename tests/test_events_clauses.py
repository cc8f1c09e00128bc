"""Events: reported or only mentioned (the mood of a trigger's clause), the
two-part triggers, and secondary events with a date and place of their own.
Each test states a rule with sentences written for it."""

import pytest

from extractor.html import article_from_text
from extractor.nlp import extract


def _extract(text, published="2024-11-27", title=""):
    return extract(article_from_text(text, "u", title=title, published=published))


def _types(text, published="2024-11-27"):
    return sorted(e.type for e in _extract(text, published).events)


REPORTED = "Polres Lahat menggelar patroli skala besar di Kecamatan Merapi Barat, Selasa (26/11/2024) malam."


@pytest.mark.parametrize("sentence", [
    "Polres Lahat akan menggelar patroli skala besar di Kecamatan Merapi Barat.",           # plan
    "Patroli skala besar dijadwalkan digelar di Kecamatan Merapi Barat pekan depan.",        # schedule
    "Personel disiagakan untuk mengantisipasi jika terjadi unjuk rasa di kantor KPU.",       # hypothetical
    "Bila ditemukan politik uang, pihaknya tidak segan menindak tegas.",                     # hypothetical
    "Kapolres mengimbau warga melapor jika ada politik uang.",                               # appeal
    "Tidak ada bentrok selama pleno berlangsung di Kecamatan Merapi Barat.",                  # negated
])
def test_plans_hypotheticals_appeals_and_negations_are_mentions(sentence):
    assert _types(REPORTED + " " + sentence) == ["patrol"]


def test_an_instruction_governs_its_whole_sentence_until_a_new_statement():
    text = ("Kapolres mengingatkan seluruh personel agar tetap netral dan segera melapor bila menemukan indikasi "
            "serangan fajar di wilayah tugas masing-masing.")
    assert _types(text) == []
    assert _types("Kapolres menginstruksikan patroli ditingkatkan selama masa tenang.") == []
    # a new statement ends what the instruction governs
    assert _types("Kapolres meminta personel tetap humanis, sementara patroli skala besar digelar di Kecamatan "
                  "Merapi Barat, Selasa (26/11/2024) malam.") == ["patrol"]


def test_what_an_instruction_governs_ends_at_a_closed_quote_and_at_a_clause_that_happened():
    text = ("“Kami berharap masyarakat tetap tenang,” kata Kapolres Lahat AKBP Fadli saat meninjau TPS di "
            "Kecamatan Merapi Barat, Rabu (27/11/2024).")
    assert _types(text) == ["inspection_visit"]
    assert _types("Menurut Anton, kesiapan personel sudah diuji saat apel gelar pasukan di Alun-alun Ponorogo, "
                  "Senin (25/11/2024).") == ["readiness_parade"]


def test_readiness_governs_what_it_is_ready_for():
    assert _types("Dandim menegaskan prajurit TNI siap membantu Polri, terutama dalam pengamanan distribusi logistik "
                  "ke desa-desa terpencil.") == []


def test_the_topic_of_a_meeting_or_a_briefing_is_no_event():
    assert _types("Polres Lahat menggelar rapat koordinasi di Aula Mapolres, Senin (25/11/2024). Rakor membahas pola "
                  "pengamanan TPS dan jalur distribusi logistik.") == ["coordination_meeting"]
    assert _types("Dalam paparannya, Kapolres menyebut Polres menyiapkan 265 personel untuk mengamankan 471 TPS pada "
                  "pemungutan suara 27 November 2024.", published="2024-11-21") == []


def test_a_part_of_another_events_security_is_not_its_own_event():
    assert _types("Polres Lahat menerjunkan 212 personel untuk mengamankan rapat pleno rekapitulasi di Kecamatan "
                  "Lahat, Senin (2/12/2024). Setiap lokasi pleno dijaga enam personel, ditambah patroli dari Polsek "
                  "jajaran.", published="2024-12-02") == ["recap_security"]


def test_the_election_watchdog_watching_is_not_an_inspection():
    assert _types("Ketua Bawaslu Lahat memantau jalannya pemungutan suara di TPS 02 Desa Tanjung Raman, Rabu "
                  "(27/11/2024).") == []
    assert _types("Dandim 0405/Lahat Letkol Inf Joko Purnomo memantau TPS di Kecamatan Merapi Barat, Rabu "
                  "(27/11/2024).") == ["inspection_visit"]


def test_a_quote_reports_an_event_only_when_it_says_the_security_action_has_happened():
    assert _types("“Logistik PSU sudah kami distribusikan sejak kemarin dengan pengawalan polisi,” ujar Ketua KPU.",
                  published="2025-03-22") == ["logistics_escort"]
    assert _types("“Logistik sudah tiba di semua PPS sejak kemarin sore,” katanya.", published="2025-04-19") == []
    assert _types("“Kami akan mengawal logistik sampai ke PPS,” kata Kapolres.") == []


def test_an_announced_deployment_for_a_near_date_is_an_event_a_far_one_is_not():
    near = ("Pada hari pemungutan suara Rabu (14/2/2024), sebanyak 40 personel gabungan akan disiagakan di 31 TPS "
            "di Kecamatan Lepar Pongok.")
    ev = _extract(near, published="2024-02-12").events
    assert [(e.type, e.date, e.personnel) for e in ev] == [("polling_security", "2024-02-14", 40)]
    assert _extract(near, published="2024-02-05").events == ()
    # a plan that is no deployment stays a plan
    assert _types("Distribusi logistik ke PPS dijadwalkan Selasa (13/2/2024).", published="2024-02-12") == []


def test_a_trigger_dated_after_the_article_is_still_to_come():
    assert _types("Ketua KPU mengatakan rekapitulasi di tingkat PPK dimulai Minggu (20/4/2025).",
                  published="2025-04-19") == []


def test_two_part_triggers_escort_and_transport():
    text = ("Sebelumnya, Senin (2/12/2024), kotak hasil rekapitulasi dari PPK Puring Kencana, kecamatan di "
            "perbatasan, dibawa ke Putussibau dengan pengawalan 12 personel.")
    ev = _extract(text, published="2024-12-05").events
    assert [(e.type, e.date, e.personnel) for e in ev] == [("logistics_escort", "2024-12-02", 12)]
    # a description in a relative clause is no predicate
    assert _types("Kotak suara yang diseberangkan dari PPK ditempatkan di ruang khusus.") == []
    # nor across a clause opener
    assert _types("Pelipatan surat suara rampung Kamis (21/11/2024) sehingga distribusi bisa dimulai lebih cepat.",
                  published="2024-11-24") == []


def test_two_part_triggers_protest_needs_the_crowd_as_its_subject():
    assert _types("Sekitar 200 orang yang mengaku pendukung salah satu paslon mendatangi kantor PPK Rimbo Tengah, "
                  "Sabtu (5/4/2025).", published="2025-04-05") == ["protest"]
    assert _types("Kedua pria itu ditangkap saat mendatangi rumah-rumah warga, Selasa (26/11/2024).",
                  published="2024-11-26") == []
    assert _types("Pemasangan kawat berduri dilakukan sehari setelah kantor itu didatangi puluhan pendukung caleg.",
                  published="2024-02-20") == ["protest"]


def test_two_part_triggers_a_force_at_the_tps_needs_a_date_or_a_count():
    assert _types("Polres Nias menurunkan 310 personel ke 420 TPS.", published="2024-11-27") == ["polling_security"]
    assert _types("TPS kategori aman dijaga satu personel Polri untuk beberapa TPS.") == []
    assert _types("Babinsa ditempatkan di desa terpencil hingga pemungutan suara, Rabu (27/11/2024).",
                  published="2024-11-23") == []


def test_a_revote_named_by_what_it_is_for_is_no_revote():
    text = ("Polres Tasikmalaya mengawal pendistribusian logistik Pemungutan Suara Ulang (PSU) dari gudang KPU ke "
            "39 PPK, Kamis (17/4/2025).")
    assert _types(text, published="2025-04-17") == ["logistics_escort"]
    assert _types("Rapat pleno terbuka rekapitulasi hasil Pemungutan Suara Ulang (PSU) tingkat kabupaten digelar "
                  "di kantor KPU Bengkulu Selatan, Senin (21/4/2025).", published="2025-04-21") == ["recap_security"]


def test_another_day_of_an_event_from_its_noun_and_a_verb_of_happening():
    text = ("Rapat pleno rekapitulasi tingkat kecamatan di Kabupaten Labuhanbatu Utara memasuki hari kedua, Sabtu "
            "(17/2/2024). Pleno di wilayah Labura dimulai sejak Jumat (16/2/2024).")
    assert sorted(e.date for e in _extract(text, "2024-02-18").events) == ["2024-02-16", "2024-02-17"]
    text = ("Rapat pleno rekapitulasi KPU Manggarai memasuki hari kedua, Kamis (5/12/2024). Sejak hari pertama "
            "pleno, Rabu (4/12/2024), Polres Manggarai menyiagakan 150 personel.")
    ev = sorted((e.date, e.personnel) for e in _extract(text, "2024-12-05").events)
    assert ev == [("2024-12-04", 150), ("2024-12-05", None)]
    # the result of a plenary moved is no other day of it
    text = ("Rapat pleno rekapitulasi KPU Karangasem digelar Selasa (3/12/2024). Kotak suara hasil pleno PPK Kubu "
            "sudah digeser ke gudang KPU kemarin, Senin (2/12/2024), dikawal 30 personel.")
    assert _types(text, "2024-12-03") == ["logistics_escort", "recap_security"]


def test_the_same_event_in_another_kabupaten_or_kota_is_another_event():
    text = ("Rapat pleno rekapitulasi tingkat kabupaten digelar di Kecamatan Slawi, Kabupaten Tegal, Selasa "
            "(3/12/2024), dijaga 480 personel.\n\nSementara di Kota Tegal, pleno rekapitulasi digelar di Kecamatan "
            "Tegal Timur dan berlangsung lancar dengan 120 personel.")
    ev = sorted((e.place_code[:5], e.personnel) for e in _extract(text, "2024-12-04").events)
    assert ev == [("33.28", 480), ("33.76", 120)]
    # where reinforcements come from is not where it happens
    text = ("Rapat pleno rekapitulasi KPU Kota Sorong digelar Jumat (6/12/2024). Pengamanan pleno melibatkan 350 "
            "personel ditambah 50 personel BKO dari Polres Sorong di Aimas, Kabupaten Sorong.")
    assert _types(text, "2024-12-07") == ["recap_security"]


def test_a_noun_of_its_own_type_refers_back_to_the_event_already_reported():
    text = ("KPU Kabupaten Sidoarjo menggelar rapat pleno terbuka rekapitulasi Daftar Pemilih Sementara Hasil "
            "Perbaikan (DPSHP) di Hotel Luminor, Kamis (19/9/2024). Pleno mendapat pengamanan dari personel "
            "Polresta Sidoarjo.")
    assert _types(text, "2024-09-19") == ["other"]


def test_an_undated_mention_takes_the_date_of_the_next_sentence():
    text = ("Mulia, Selasa (3/12/2024) - Bentrok pecah di Kampung Pruleme, Senin (2/12/2024).\n\nKPU Puncak Jaya "
            "memindahkan rapat pleno rekapitulasi tingkat kabupaten ke Nabire. Pleno yang dimulai Selasa (3/12/2024) "
            "pagi itu dijaga 150 personel.")
    rec = [(e.date, e.personnel) for e in _extract(text, "2024-12-03").events if e.type == "recap_security"]
    assert rec == [("2024-12-03", 150)]


def test_background_years_without_a_published_date():
    text = ("Rapat pleno rekapitulasi KPU Yahukimo dilanjutkan Sabtu (2/3/2024). Pada Pemilu 2019 lalu, kericuhan "
            "serupa juga sempat terjadi di Dekai.")
    assert _types(text, published=None) == ["recap_security"]


def test_another_day_without_a_place_of_its_own_is_where_the_last_one_was():
    text = ("Rapat pleno rekapitulasi tingkat kabupaten digelar di Kecamatan Slawi, Selasa (3/12/2024), dijaga 480 "
            "personel.\n\nPleno dilanjutkan hari ini, Rabu (4/12/2024), dengan kekuatan pengamanan yang sama.")
    ev = sorted((e.date, e.place, e.personnel) for e in _extract(text, "2024-12-04").events)
    assert ev == [("2024-12-03", "Slawi", 480), ("2024-12-04", "Slawi", 480)]


@pytest.mark.parametrize("text, published, want", [
    pytest.param("Video yang memperlihatkan seorang pria membagikan uang kepada warga dipastikan hoaks, kata Kapolres, "
                 "Kamis (21/11/2024).", "2024-11-21", ["disinformation"], id="what a video shows is no event"),
    pytest.param("Panwascam sempat menerima informasi dugaan bagi-bagi sembako di Desa Tanjung Raman.", "2024-11-27",
                 [], id="what is only heard of is no event"),
    pytest.param("Patroli gabungan, kata dia, akan terus digelar setiap malam.", "2024-11-27", [],
                 id="a speech tag between commas does not break the clause"),
    pytest.param("Kotak suara hasil pleno kemudian dievakuasi ke gudang KPU di Parigi, Jumat (29/11/2024), dengan "
                 "pengawalan 25 personel.", "2024-11-29", ["logistics_escort"],
                 id="a two-part trigger spans an adverb"),
    pytest.param("Kotak suara sudah lengkap karena pengiriman dimulai lebih awal.", "2024-11-27", [],
                 id="a two-part trigger does not span a binding opener"),
    pytest.param("Kapolres mengingatkan pendukung agar tidak menggelar konvoi usai pencoblosan dan tidak tergoda "
                 "praktik serangan fajar.", "2024-11-27", [],
                 id="a phrase headed by usai does not end what an instruction governs"),
])
def test_more_mentions_and_reports(text, published, want):
    assert _types(text, published) == want


def test_a_page_without_a_date_is_as_late_as_the_latest_day_it_reports():
    # no publication date: the day after the first one is no future, but a scheduled day still is
    text = ("Polres Sumenep mengawal distribusi logistik ke Pulau Masalembu, Rabu (7/2). Sehari kemudian, Kamis (8/2), "
            "logistik untuk Pulau Kangean diberangkatkan dengan pengawalan 72 personel. Pleno PPK dijadwalkan "
            "dimulai Kamis (15/2).")
    ev = [(e.type, e.date) for e in _extract(text, published=None).events]
    assert ev == [("logistics_escort", "2024-02-07"), ("logistics_escort", "2024-02-08")]


def test_a_cue_is_a_whole_word_even_at_the_edge_of_its_window():
    # "Bilang" (a place name) holds no "bila"
    text = ("Pada hari pemungutan suara, Kapolda Kaltim Irjen Pol Drs. Agus Wijayanto Saputro, M.H. meninjau TPS 01 "
            "Kampung Ujoh Bilang, Kecamatan Long Bagun, Sabtu (19/4/2025).")
    assert _types(text, published="2025-04-20") == ["inspection_visit"]


def test_sentences_whose_space_was_lost_are_still_two():
    # "dua jam.Pleno": the continuation is its own sentence, and the crowd in it no other day of the protest
    text = ("Ratusan massa memblokade Kantor KPU Tapteng, Selasa (3/12/2024). Rapat pleno yang berjalan sejak Senin "
            "(2/12/2024) itu diskors sekitar dua jam.Pleno baru dilanjutkan sore hari setelah perwakilan massa diterima.")
    from extractor.nlp.text import sentences
    assert [s.text[:5] for s in sentences(text)] == ["Ratus", "Rapat", "Pleno"]
    assert [s.text for s in sentences("Ketua KPU Kab.Lahat dan Jalan Moh.Hatta, situs Tribunlampung.co.id.")] == [
        "Ketua KPU Kab.Lahat dan Jalan Moh.Hatta, situs Tribunlampung.co.id."]


def test_a_long_clause_ends_with_the_escort_of_what_it_moves():
    text = ("Kotak suara terakhir dari PPD Teluk Etna dan PPD Buruway tiba di Kaimana pada Minggu (1/12) menggunakan "
            "kapal motor, dikawal 20 personel Polres dan Kodim.")
    assert [(e.type, e.personnel) for e in _extract(text, "2024-12-02").events] == [("logistics_escort", 20)]
    # a focus word makes the "yang" clause the predicate
    text = ("Keesokan harinya, Minggu (11/2), giliran logistik untuk Kecamatan Kayoa yang diberangkatkan dengan "
            "kapal motor.")
    assert _types(text, "2024-02-12") == ["logistics_escort"]
    # without the escort's force or date it is no escort
    assert _types("Kotak suara terakhir dari PPD Teluk Etna dan PPD Buruway tiba di Kaimana menggunakan kapal motor "
                  "milik pemerintah daerah, dikawal polisi.") == []


def test_each_wave_of_an_escort_keeps_its_own_day():
    ev = _extract("Polres Sumenep mengawal distribusi logistik ke pulau-pulau.\n\nPada Sabtu (10/2), 98 personel "
                  "mengawal logistik menuju Pulau Masalembu. Gelombang kedua diberangkatkan keesokan harinya, Minggu "
                  "(11/2), dengan pengawalan 60 personel.", published=None).events
    assert sorted((e.date, e.personnel) for e in ev) == [("2024-02-10", 98), ("2024-02-11", 60)]


@pytest.mark.parametrize("text, published, want", [
    pytest.param("Gudang logistik KPU dijaga empat personel Polri hingga seluruh logistik didistribusikan.", "2024-11-24",
                 [], id="until: the end of a stretch of time is no escort"),
    pytest.param("Kodim 1416/Muna tetap menyiagakan personel cadangan hingga penetapan pasangan calon terpilih.",
                 "2024-12-04", [], id="until: nor a determination of the winners"),
    pytest.param("Setiap TPS dijaga 10 personel, sedangkan sisanya disiagakan sebagai tim patroli dan cadangan di "
                 "Mapolsek Barat.", "2025-03-22", [], id="role: a force kept as a patrol team patrols nothing yet"),
    pytest.param("Saat kejadian, TPS itu hanya dijaga satu personel Polri dan dua anggota Linmas, Rabu (27/11/2024).",
                 "2024-11-28", [], id="circumstance: the guard at the time of an incident"),
    pytest.param("Massa menuntut KPU menunda rapat pleno terbuka rekapitulasi tingkat kabupaten, Selasa (3/12/2024).",
                 "2024-12-04", ["protest"], id="demand: what a crowd demands does not happen"),
    pytest.param("Dalam rapat itu disepakati jalur distribusi dan pengembalian kotak suara dari TPS ke PPK.",
                 "2024-11-26", [], id="topic: what a meeting agrees on"),
    pytest.param("Bawaslu masih mengkaji apakah kejadian itu memenuhi syarat pemungutan suara ulang.", "2024-11-29",
                 [], id="hypothetical: whether"),
    pytest.param("Kapolsek Sebatik bersama Danramil turun langsung menenangkan massa, Sabtu (24/2/2024).",
                 "2024-02-25", [], id="calming a crowd is no inspection"),
    pytest.param("Usai apel, Kapolda bersama Danrem mengecek kesiapan kendaraan taktis dan perlengkapan pengamanan, "
                 "Kamis (22/5/2025).", "2025-05-22", [], id="checking equipment after a parade is no inspection"),
    pytest.param("Usai apel, Irwasda Polda Maluku Kombes Pol Yohanis Hetharia meninjau gudang logistik KPU Buru di "
                 "Namlea, Jumat (4/4/2025).", "2025-04-04", ["inspection_visit"],
                 id="a visit after a parade is an inspection"),
    pytest.param("Dalam amanatnya Kapolres menyampaikan bahwa usai apel seluruh personel langsung bergeser ke 612 TPS "
                 "untuk mengamankan pemungutan suara pada Rabu (27/11/2024).", "2024-11-26", ["polling_security"],
                 id="the deployment after a parade is no topic of it"),
])
def test_mentions_by_the_words_around_a_trigger(text, published, want):
    assert _types(text, published) == want


def test_a_vessel_named_after_a_patrol_reports_no_patrol_beside_a_second_escort():
    text = ("Kodim 1708/Biak Numfor mengawal pengiriman logistik ke Pulau Numfor, Senin (4/8/2025).\n\nKeesokan "
            "harinya, Selasa (5/8/2025), logistik untuk Distrik Padaido diberangkatkan menggunakan kapal patroli "
            "Lanal Biak dengan pengawalan 12 personel.")
    ev = sorted((e.type, e.date) for e in _extract(text, "2025-08-05").events)
    assert ev == [("logistics_escort", "2025-08-04"), ("logistics_escort", "2025-08-05")]


def test_when_a_state_began_is_no_day_of_what_the_sentence_reports():
    # the plenary running since Monday was suspended on the day the article reports
    text = ("Ratusan massa memblokade Kantor KPU Tapteng, Selasa (3/12/2024).\n\nRapat pleno yang berjalan sejak "
            "Senin (2/12/2024) di aula kantor KPU itu akhirnya diskors sekitar dua jam. Pleno baru dilanjutkan sore "
            "hari setelah perwakilan massa diterima.")
    assert [e.date for e in _extract(text, "2024-12-04").events if e.type == "recap_security"] == ["2024-12-03"]
    # the meeting that discussed a video viral since Wednesday is one meeting
    text = ("Polres Berau menggelar rapat koordinasi di Mapolres, Kamis (14/11/2024). Rakor juga membahas video yang "
            "viral di media sosial sejak Rabu (13/11/2024).")
    assert [(e.type, e.date) for e in _extract(text, "2024-11-15").events] == [
        ("coordination_meeting", "2024-11-14")]


def test_since_an_undated_happening_is_when_the_security_began():
    text = ("Rapat pleno rekapitulasi tingkat Kecamatan Patrol digelar Senin (19/2/2024). Kapolsek mengatakan "
            "pengamanan dilakukan sejak kotak suara keluar dari gudang PPK.")
    assert _types(text, "2024-02-20") == ["recap_security"]
    # with a day of its own it is an event
    text = ("Pemungutan suara ulang di Bengkulu Selatan berjalan aman, Sabtu (19/4/2025). Pengamanan sudah dimulai "
            "sejak pergeseran logistik dari gudang KPU ke PPK pada Kamis (17/4/2025).")
    assert sorted((e.type, e.date) for e in _extract(text, "2025-04-20").events) == [
        ("logistics_escort", "2025-04-17"), ("revote", "2025-04-19")]


def test_carried_on_today_without_security_is_an_agenda():
    text = ("Rapat pleno rekapitulasi tingkat Kecamatan Patrol digelar Senin (19/2/2024) hingga larut malam.\n\n"
            "Pleno PPK Patrol dilanjutkan Selasa (20/2/2024) untuk surat suara DPRD Provinsi dan DPR RI.")
    assert [e.date for e in _extract(text, "2024-02-20").events] == ["2024-02-19"]
    # with its security told it is an event
    text = text.replace("untuk surat suara", "dengan pengamanan 45 personel untuk surat suara")
    assert sorted(e.date for e in _extract(text, "2024-02-20").events) == ["2024-02-19", "2024-02-20"]


def test_a_date_of_the_vote_is_no_day_of_another_event():
    text = ("Sekretariat PPS Kampung Bonglai terbakar pada Kamis (15/2/2024) dini hari. Empat kotak suara berisi "
            "surat suara hasil pemungutan suara Rabu (14/2/2024) ikut hangus.")
    assert [(e.type, e.date) for e in _extract(text, "2024-02-16").events] == [("other", "2024-02-15")]


def test_a_cue_before_the_object_of_a_two_part_trigger_bears_on_it():
    assert _types("Pengawas TPS sudah membuat laporan kejadian khusus sebelum kotak suara dibawa kabur.") == []


def test_what_a_revote_is_is_no_report_of_it():
    text = ("Logistik PSU Kepulauan Talaud diberangkatkan ke pulau-pulau terluar dengan pengawalan 58 personel, Rabu "
            "(9/4/2025).\n\nPSU digelar berdasarkan putusan Mahkamah Konstitusi yang dibacakan 24 Februari lalu. PSU "
            "kembali mempertemukan paslon nomor urut 1 dan paslon nomor urut 2.")
    assert _types(text, None) == ["logistics_escort"]


def test_the_tps_security_of_a_revote_is_the_revote_on_its_day():
    text = ("Menjelang Pemungutan Suara Ulang (PSU) Pemilihan Gubernur Papua, Kodim 1708/Biak Numfor mengawal "
            "pengiriman logistik, Senin (4/8/2025).\n\nPada hari yang sama digelar apel kesiapan pengamanan PSU, diikuti "
            "475 personel gabungan. Dandim menyampaikan, seluruh personel akan ditempatkan di TPS pada Rabu (6/8/2025).")
    ev = sorted((e.type, e.date, e.personnel) for e in _extract(text, "2025-08-05").events)
    assert ev == [("logistics_escort", "2025-08-04", None), ("readiness_parade", "2025-08-04", 475),
                  ("revote", "2025-08-06", 475)]
    # a re-vote that only may come leaves the polling day as it is
    text = ("Polres Nias menurunkan 310 personel ke 420 TPS, Rabu (27/11/2024).\n\nBawaslu akan merekomendasikan "
            "pemungutan suara ulang di TPS tersebut. \u201cKotak suara yang rusak tidak bisa dihitung, jadi harus PSU,\u201d "
            "ujarnya.")
    assert _types(text, "2024-11-28") == ["polling_security"]


def test_a_mention_dated_by_its_own_paragraph_keeps_its_day():
    # the next sentence's day is another shipment's, not the one the lead names
    text = ("Polres Belitung menurunkan 32 personel untuk mengawal distribusi logistik Pemilu 2024 ke pulau-pulau kecil. "
            "Pengiriman pertama menuju Pulau Seliu dilakukan Senin (12/2) pagi.\n\nPengiriman ke Pulau Seliu dikawal 8 "
            "personel. Keesokan harinya, Selasa (13/2), giliran logistik untuk Pulau Mendanau diberangkatkan.")
    assert sorted(e.date for e in _extract(text, None).events) == ["2024-02-12", "2024-02-13"]


def test_a_plenary_guarded_with_its_force_at_the_end_of_a_longer_clause():
    text = ("Kabag Ops mengatakan, pleno PPK di 11 kecamatan se-Kabupaten Jeneponto hari ini dijaga 275 personel.")
    assert [(e.type, e.personnel) for e in _extract(text, "2024-02-20").events] == [("recap_security", 275)]
    text = ("Kotak hasil rekapitulasi PPK Masalembu sendiri baru tiba di Pelabuhan Kalianget, Selasa (03/12/24) malam, "
            "setelah menempuh perjalanan laut lebih dari 14 jam dengan pengawalan enam personel Sat Polairud.")
    assert [(e.type, e.personnel) for e in _extract(text, "2024-12-05").events] == [("logistics_escort", 6)]



def test_days_named_without_a_date_take_the_day_the_article_gives_them():
    # "pada hari yang sama": the first date of the last sentence that states one
    text = ("Menjelang PSU Pilkada Kabupaten Serang, Polres Serang mengawal pengiriman logistik ke kecamatan, "
            "Senin (4/8/2025). Pada hari yang sama digelar apel kesiapan pengamanan PSU di Mapolres Serang, diikuti "
            "300 personel. Seluruh personel ditempatkan di TPS pada Rabu (6/8/2025).")
    ev = {e.type: e.date for e in _extract(text, None).events}
    assert ev["readiness_parade"] == "2025-08-04"
    # "hari pertama": the date written beside the same phrase elsewhere
    text = ("Rapat pleno rekapitulasi tingkat Kabupaten Bantul memasuki hari kedua, Sabtu (2/3/2024). Kabag Ops "
            "Polres Bantul mengatakan, 150 personel disiagakan sejak hari pertama, Jumat (1/3/2024).\n\nKapolres "
            "Bantul bersama Dandim 0729/Bantul sempat meninjau lokasi pleno pada hari pertama.")
    ev = sorted((e.type, e.date) for e in _extract(text, "2024-03-02").events)
    assert ("inspection_visit", "2024-03-01") in ev
    # "pada hari pencoblosan": the date written beside the vote elsewhere
    text = ("Pemungutan suara ulang (PSU) Pilkada Kabupaten Serang, Sabtu (19/4/2025), berjalan aman. Apel kesiapan "
            "digelar Jumat (18/4/2025) di Mapolres Serang.\n\nPada hari pencoblosan, Kapolda Banten meninjau "
            "sejumlah TPS di Kecamatan Cinangka.")
    ev = sorted((e.type, e.date) for e in _extract(text, None).events)
    assert ("inspection_visit", "2025-04-19") in ev


def test_an_old_year_sets_its_sentence_in_that_election_only_after_a_word_of_time():
    assert _types("Pada Pemilu 2019, pleno rekapitulasi di Lahat sempat diwarnai aksi massa.", "2024-11-27") == []
    # ... or before 'lalu' ([background] history_after)
    assert _types("Bentrok massa pendukung di kantor KPU Lahat usai rekapitulasi Pilkada 2018 lalu menjadi "
                  "pelajaran bagi aparat.", "2024-11-27") == []
    assert _types("Bentrok massa pendukung terjadi di kantor KPU Lahat usai rekapitulasi, Selasa (26/11/2024).",
                  "2024-11-27") == ["clash"]
    # a year that only names a thing leaves the sentence in the article's time
    text = ("Sebuah video kericuhan di TPS beredar di media sosial dan disebut terjadi di Kabupaten Blora. "
            "Minggu (24/11/2024), tim patroli siber Polres Blora memastikan video hoaks tersebut merupakan rekaman "
            "lama Pemilu 2019 dari luar Jawa Tengah.")
    assert "disinformation" in _types(text, None)
