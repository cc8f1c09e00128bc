"""Personnel: the role of each count of personnel (force.py), each event's own
force (never copied onto another event) and the article's figure."""

import pytest

from extractor.html import article_from_text
from extractor.nlp import extract
from extractor.nlp.force import figures, force


def _extract(text, published="2024-11-27", title=""):
    return extract(article_from_text(text, "u", title=title, published=published))


def _roles(s):
    return [(f.n, f.role) for f in figures(s)]


@pytest.mark.parametrize("sentence, unit", [
    ("Setiap lokasi pleno dijaga minimal enam personel.", "lokasi"),
    ("Setiap truk kami kawal dua anggota bersenjata.", "truk"),
    ("Pola pengamanan dua personel Polri untuk empat sampai lima TPS.", "TPS"),
    ("TPS sangat rawan dijaga dua personel di setiap TPS.", "TPS"),
    ("Pengamanan memakai pola dua personel per TPS.", "TPS"),
])
def test_a_count_per_unit_is_never_the_force(sentence, unit):
    f = force(sentence)
    assert f.n is None and f.per_unit == (2 if "dua" in sentence else 6, unit)


def test_a_purpose_after_the_count_is_not_a_unit():
    # "untuk mengamankan 1.063 TPS" is what the force is for, not a count per TPS
    assert _roles("Polres menerjunkan 620 personel untuk mengamankan 1.063 TPS di 16 kecamatan.") == [(620, "own")]


def test_a_stated_total_beats_its_breakdown():
    s = "Pengamanan melibatkan 612 personel gabungan, terdiri dari 410 personel Polres dan 202 prajurit Kodim."
    assert _roles(s) == [(612, "total"), (410, "part"), (202, "part")]
    assert (force(s).n, force(s).parts) == (612, (410, 202))
    assert force("Total 45 personel gabungan terlibat dalam pengawalan ini.").total


def test_a_breakdown_alone_adds_up():
    f = force("Jumlah itu terdiri dari 214 personel Polres dan 71 personel Kodim.")
    assert (f.n, f.only_parts) == (285, True)


def test_reinforcements_are_added_and_exposed():
    f = force("Pengamanan melibatkan 215 personel Polres ditambah 100 personel BKO Polda Kaltim dan 60 prajurit Kodim.")
    assert f.n == 375 and f.reinforcement == 160
    f = force("Pengamanan pleno melibatkan 350 personel Polresta, ditambah 50 personel bawah kendali operasi (BKO) "
              "dari Polres Sorong, serta satu SSK Brimob.")
    assert (f.n, f.reinforcement) == (400, 50)  # the SSK is a unit size: not converted
    assert force("Pengamanan dibantu 210 prajurit Kodim 1402/Polmas.").only_reinforcement


def test_vague_add_ons_and_casualties_are_not_counted():
    assert force("Pengamanan melibatkan 312 personel Polres, dibantu puluhan personel Brimob.").n == 312
    assert force("Sedikitnya empat personel terluka terkena lemparan batu.").n is None


def test_a_list_of_units_adds_up():
    f = force("Apel diikuti 312 personel Polres Tanah Bumbu, 1 SSK Satbrimob Polda Kalsel, 85 prajurit Kodim "
              "1022/Tanah Bumbu serta 60 anggota Satpol PP.")
    assert f.n == 457


def test_a_total_beats_a_guard_count_and_the_next_sentence_belongs_to_its_event():
    ex = _extract("Polres Merauke menggelar patroli skala besar di Distrik Merauke, Selasa (26/11/2024). "
                  "Sebanyak 245 personel dilepas dari halaman Mapolres. Setiap kendaraan dikawal dua personel.",
                  published="2024-11-26")
    p = next(e for e in ex.events if e.type == "patrol")
    assert (p.personnel, p.personnel_per_unit, p.personnel_unit) == (245, 2, "kendaraan")


def test_an_exact_figure_refines_a_vague_one():
    ex = _extract("Ratusan personel gabungan menggelar patroli skala besar di Distrik Merauke, Selasa (26/11/2024). "
                  "Sebanyak 245 personel dilepas dari halaman Mapolres.", published="2024-11-26")
    assert next(e for e in ex.events if e.type == "patrol").personnel == 245


def test_a_force_still_to_come_belongs_to_no_event():
    ex = _extract("Seribu lebih personel mengikuti apel kesiapan pengamanan di Lapangan Puspem Badung, Jumat "
                  "(22/11/2024). Pengamanan Pilkada se-Bali melibatkan 6.240 personel yang akan ditempatkan di TPS.",
                  published="2024-11-22")
    p = next(e for e in ex.events if e.type == "readiness_parade")
    assert (p.personnel, p.personnel_approx) == (1000, True)


def test_reinforcements_in_the_next_sentence_join_the_force():
    ex = _extract("Polres Polman menerjunkan 620 personel untuk mengamankan 1.063 TPS di 16 kecamatan, Rabu "
                  "(27/11/2024). Pengamanan dibantu 210 prajurit Kodim 1402/Polmas.")
    e = next(e for e in ex.events if e.type == "polling_security")
    assert (e.personnel, e.personnel_reinforcement) == (830, 210)


def test_one_force_for_every_event_the_sentence_secures():
    ex = _extract("Kapolrestabes menyiagakan 650 personel untuk mengamankan rapat pleno rekapitulasi sekaligus "
                  "mengawal aksi unjuk rasa di depan kantor KPU Kota Medan, Rabu (4/12/2024).", published="2024-12-04")
    assert {e.type: e.personnel for e in ex.events} == {"recap_security": 650, "protest": 650}


def test_the_same_force_again():
    ex = _extract("Rapat pleno rekapitulasi tingkat kabupaten di Kabupaten Tegal dijaga 480 personel, Selasa "
                  "(3/12/2024).\n\nPleno rekapitulasi dilanjutkan Rabu (4/12/2024) dengan kekuatan pengamanan "
                  "yang sama.",
                  published="2024-12-04")
    assert sorted((e.date, e.personnel) for e in ex.events) == [("2024-12-03", 480), ("2024-12-04", 480)]


def test_a_parade_and_the_deployment_it_musters_share_one_force():
    ex = _extract("Apel kesiapan pengamanan PSU di halaman Mapolres Serang, Jumat (18/4/2025), diikuti 1.350 personel "
                  "gabungan. Usai apel, personel langsung bergeser ke TPS.\n\nPemungutan Suara Ulang (PSU) di "
                  "Kabupaten Serang berlangsung kondusif, Sabtu (19/4/2025).", published="2025-04-19")
    assert {e.type: e.personnel for e in ex.events} == {"readiness_parade": 1350, "revote": 1350}


def test_the_article_figure_is_the_main_events():
    text = ("Polres Merauke menggelar patroli skala besar di Distrik Merauke, Selasa (26/11/2024). Sebanyak 245 "
            "personel dilepas dari halaman Mapolres.\n\nHari ini, Rabu (27/11/2024), Polres Merauke menurunkan 518 "
            "personel dibantu 300 prajurit TNI untuk mengamankan seluruh TPS.")
    ex = _extract(text, title="Malam Jelang Pencoblosan, TNI-Polri Gelar Patroli Gabungan di Tiga Distrik")
    assert [e.type for e in ex.events if e.main] == ["patrol"]
    assert ex.personnel == 245
    # a title naming no event: the first event is the main one
    assert _extract(text).personnel == 245


def test_the_title_figure_goes_to_the_event_it_names():
    text = ("Polres Serang menggelar apel gelar pasukan pengamanan PSU di Kabupaten Serang, Jumat (18/4/2025). "
            "Apel dipimpin Wakapolda Banten.")
    ex = _extract(text, published="2025-04-18", title="Jelang PSU, 2.430 Personel Gabungan Ikuti Apel Gelar Pasukan")
    parade = next(e for e in ex.events if e.type == "readiness_parade")
    assert parade.main and parade.personnel == 2430 and ex.personnel == 2430
    assert _extract(text, published="2025-04-18").personnel is None


def test_no_force_stated_no_figure():
    ex = _extract("Kapolres Lahat meninjau Gudang Logistik KPU Lahat, Selasa (26/11/2024).")
    assert ex.events and ex.personnel is None


def test_the_store_keeps_each_events_force_and_the_articles(tmp_path):
    from extractor.store import Store

    art = article_from_text("Polres Polman menerjunkan 620 personel untuk mengamankan 1.063 TPS di 16 kecamatan, Rabu "
                            "(27/11/2024). Pengamanan dibantu 210 prajurit Kodim 1402/Polmas. Setiap TPS dijaga dua "
                            "personel.", "https://x.example/polman", published="2024-11-27")
    ex = extract(art)
    with Store(tmp_path / "p.db") as s:
        s.save(art, 0.9, ex)
        ev = s.db.execute("select personnel, personnel_reinforcement, personnel_per_unit, personnel_unit, main "
                          "from events where type = 'polling_security'").fetchone()
        assert ev == (830, 210, 2, "TPS", 1)
        assert s.db.execute("select personnel, personnel_approx from articles").fetchone() == (830, 0)


def test_a_pattern_of_guarding_is_per_unit():
    f = force("Pola pengamanan kita dua TPS dijaga satu personel Polri dibantu dua Linmas.")
    assert f.n is None and f.per_unit == (1, "TPS")


def test_a_breakdown_is_no_stated_total_so_the_larger_own_count_wins():
    text = ("Polres Belitung menurunkan 32 personel untuk mengawal distribusi logistik ke pulau-pulau kecil, Senin "
            "(12/2/2024). Pengiriman ke Pulau Seliu dikawal 8 personel, terdiri dari 6 personel Polri dan 2 personel "
            "TNI.")
    ex = _extract(text, published="2024-02-12")
    assert [e.personnel for e in ex.events] == [32] and ex.personnel == 32


@pytest.mark.parametrize("text, published, want", [
    pytest.param("Rapat pleno rekapitulasi tingkat kota di Batam memasuki hari ketiga, Sabtu (2/3/2024). Pleno yang "
                 "dimulai Kamis (29/2/2024) itu dijaga ketat.\n\nKapolresta mengatakan 250 personel dikerahkan "
                 "setiap hari selama rekapitulasi berlangsung.", "2024-03-02",
                 [("2024-02-29", 250), ("2024-03-02", 250)], id="a force for every day belongs to each day"),
    pytest.param("Polres Mentawai mengawal pendistribusian logistik ke Pulau Siberut, Sabtu (23/11/2024). Pengawalan "
                 "melibatkan 86 personel.\n\nSehari sebelumnya, Jumat (22/11/2024), logistik untuk Kecamatan Sipora "
                 "Selatan didistribusikan dengan pengawalan delapan personel.", "2024-11-23",
                 [("2024-11-22", 8), ("2024-11-23", 86)], id="words refer back to the last event of their type"),
    pytest.param("Rapat pleno rekapitulasi KPU Manggarai memasuki hari kedua, Kamis (5/12/2024). Sejak hari pertama "
                 "pleno, Rabu (4/12/2024), Polres Manggarai menyiagakan 150 personel di sekitar kantor KPU. Hari ini, "
                 "Kamis (5/12/2024), kekuatan ditambah 60 personel BKO sehingga total 210 personel berjaga.",
                 "2024-12-05", [("2024-12-04", 150), ("2024-12-05", 210)],
                 id="a dated sentence of force goes to the event of that day"),
])
def test_the_force_of_each_day(text, published, want):
    assert sorted((e.date, e.personnel) for e in _extract(text, published).events) == want


def test_the_title_figure_picks_the_main_event_among_those_it_names():
    text = ("Rapat pleno rekapitulasi hasil PSU tingkat kabupaten digelar di kantor KPU Bengkulu Selatan, Senin "
            "(21/4/2025). Sebanyak 250 personel dikerahkan.\n\nPada hari pemungutan suara ulang, Sabtu (19/4/2025), "
            "Polres Bengkulu Selatan menurunkan 600 personel ke 215 TPS.")
    title = "Rekap Hasil PSU Bengkulu Selatan Diwarnai Demo, 250 Personel Jaga Kantor KPU"
    ex = _extract(text, published="2025-04-22", title=title)
    assert [e.type for e in ex.events if e.main] == ["recap_security"] and ex.personnel == 250


def test_without_an_event_force_the_article_takes_the_force_it_prepares():
    text = ("Polda Riau menggelar rapat koordinasi pengamanan Pilkada di Pekanbaru, Kamis (14/11/2024). Dalam "
            "paparannya, Karoops menyebut Polda Riau menyiapkan 6.412 personel untuk mengamankan 12.840 TPS.")
    ex = _extract(text, published="2024-11-14")
    assert [e.personnel for e in ex.events] == [None] and ex.personnel == 6412
    # a guard per unit or a casualty is no force of the article
    ex = _extract("Polres Lahat menggelar rapat koordinasi, Kamis (14/11/2024). Setiap TPS dijaga dua personel. "
                  "Tiga personel terluka.", published="2024-11-14")
    assert ex.personnel is None


@pytest.mark.parametrize("text, published, want", [
    pytest.param("Sebanyak 300 personel disiagakan untuk mengamankan TPS di Kabupaten Lahat, Rabu (27/11/2024).\n\n"
                 "Sehari sebelumnya, Selasa (26/11/2024), Polres Lahat menggelar apel kesiapan di halaman Mapolres "
                 "yang diikuti personel Polres dan Kodim.", "2024-11-27",
                 {"polling_security": 300, "readiness_parade": None},
                 id="each event keeps its own force: the parade states none"),
    pytest.param("Polres Inhil menggelar apel pergeseran pasukan di halaman Mapolres, Selasa (13/2/2024), diikuti 511 "
                 "personel gabungan.\n\nBesok, Rabu (14/2/2024), seluruh personel sudah berada di TPS masing-masing "
                 "sejak pukul 06.00 WIB untuk mengamankan pemungutan suara.", "2024-02-13",
                 {"readiness_parade": 511, "polling_security": 511}, id="the force a parade musters goes to the TPS"),
    pytest.param("Polres Pasaman menggelar apel pergeseran pasukan PSU di lapangan Mapolres, Jumat (18/4/2025). Usai "
                 "apel, personel langsung bergeser ke TPS masing-masing.\n\nPemungutan Suara Ulang (PSU) digelar di "
                 "seluruh TPS, Sabtu (19/4/2025), diamankan 689 personel gabungan.", "2025-04-19",
                 {"readiness_parade": None, "revote": 689}, id="a parade force goes on, not back"),
    pytest.param("Sebanyak 120 personel gabungan dikerahkan untuk mengamankan Pemungutan Suara Ulang (PSU) di tiga TPS, "
                 "Sabtu (24/2/2024). Sehari sebelumnya, Jumat (23/2/2024), seluruh personel mengikuti apel kesiapan "
                 "PSU di halaman Mapolres Sampang.", "2024-02-24", {"readiness_parade": 120, "revote": 120},
                 id="all the deployed force mustered at the parade"),
    pytest.param("Kapolres mengatakan 275 personel disiagakan untuk mengamankan aksi sekaligus pleno rekapitulasi yang "
                 "berlangsung di aula KPU, Kamis (5/12/2024). Ratusan massa menggeruduk kantor KPU TTS.", "2024-12-05",
                 {"recap_security": 275, "protest": 275}, id="a count before every mention serves those named after it"),
])
def test_each_events_own_force(text, published, want):
    assert {e.type: e.personnel for e in _extract(text, published).events} == want


WAVES = ("Polres Kepulauan Seribu mengawal distribusi logistik Pemilu 2024 ke pulau-pulau permukiman.\n\n"
         "Distribusi dibagi dua gelombang. Pada Sabtu (10/2), 98 personel mengawal logistik menuju Pulau Pramuka. "
         "Gelombang kedua untuk Pulau Tidung dan Pulau Pari diberangkatkan keesokan harinya, Minggu (11/2), dengan "
         "pengawalan 60 personel.\n\nTotal 158 personel gabungan dilibatkan.")


def test_the_joint_force_of_several_waves_is_the_articles_not_one_waves():
    ex = _extract(WAVES, published="2024-02-11")
    assert sorted((e.date, e.personnel) for e in ex.events) == [("2024-02-10", 98), ("2024-02-11", 60)]
    assert ex.personnel == 158
    # a count that is not the sum of the waves is no joint force
    ex = _extract(WAVES.replace("Total 158", "Total 150"), published="2024-02-11")
    assert ex.personnel != 158


def test_a_title_force_for_a_deployment_still_to_come_picks_no_event_of_the_text():
    text = ("Polres Kaimana menyiapkan 230 personel gabungan untuk mengamankan rapat pleno rekapitulasi tingkat "
            "kabupaten yang dijadwalkan berlangsung pada 4-5 Desember 2024. Kotak suara terakhir dari PPD Buruway "
            "tiba di Kaimana pada Minggu (1/12) menggunakan kapal motor, dikawal 20 personel Polres dan Kodim.")
    ex = _extract(text, published="2024-12-02", title="Polres Kaimana siapkan 230 personel amankan pleno rekapitulasi")
    assert [(e.type, e.personnel, e.main) for e in ex.events] == [("logistics_escort", 20, False)]
    assert ex.personnel == 230


def test_a_later_total_that_holds_the_force_and_a_count_beside_it():
    s = "Prajurit Kodim bersama 180 personel Polres Sorong membentuk kekuatan 270 personel gabungan."
    assert (force(s).n, force(s).total, force(s).beside) == (270, True, (180,))
    ex = _extract("Sebanyak 90 prajurit Kodim dilibatkan dalam pengamanan rapat pleno rekapitulasi di kantor KPU "
                  "Kabupaten Sorong, Rabu (4/12/2024).\n\nPrajurit Kodim bersama 180 personel Polres Sorong membentuk "
                  "kekuatan 270 personel gabungan.", published="2024-12-04")
    assert [e.personnel for e in ex.events if e.type == "recap_security"] == [270] and ex.personnel == 270
    # in another paragraph, a total that is no sum of the force and a count beside it stays apart
    ex = _extract("Sebanyak 90 prajurit Kodim dilibatkan dalam pengamanan rapat pleno rekapitulasi di kantor KPU "
                  "Kabupaten Sorong, Rabu (4/12/2024).\n\nBersama 150 personel Polres, Polda menyiagakan kekuatan 900 "
                  "personel gabungan.", published="2024-12-04")
    assert [e.personnel for e in ex.events if e.type == "recap_security"] == [90]


def test_without_an_event_force_reinforcements_in_the_next_sentence_add_up():
    ex = _extract("Polres Sintang menggelar rapat koordinasi, Kamis (14/11/2024). Untuk Pilkada, Kodim 1205 "
                  "mengerahkan 150 personel ke 14 kecamatan. Di wilayah perbatasan, pengamanan dibantu 40 personel "
                  "Satgas Pamtas.", published="2024-11-14")
    assert ex.personnel == 190
