"""Events: incidents in the run of an election (election material burnt or
stolen, attacks on election workers, blockades, recounts, hoaxes spreading,
money seized) and how they are told (in quotes, with a vague time). Each
test states a rule with sentences written for it."""

import pytest

from extractor.html import article_from_text
from extractor.nlp import extract


def _extract(text, published="2024-11-28", title=""):
    return extract(article_from_text(text, "u", title=title, published=published))


def _events(text, published="2024-11-28"):
    return sorted((e.type, e.date) for e in _extract(text, published).events)


def _types(text, published="2024-11-28"):
    return sorted(e.type for e in _extract(text, published).events)


@pytest.mark.parametrize("text", [
    "Dua kotak suara yang disimpan di sekretariat PPS Desa Cikareo, Kecamatan Cileles, dilaporkan hilang dicuri pada "
    "Kamis (28/11/2024) dini hari.",
    "Sekretariat Panitia Pemungutan Suara (PPS) Kampung Bonglai, Kecamatan Banjit, terbakar pada Kamis (28/11/2024) "
    "dini hari.",
    "Orang tak dikenal membakar kotak suara TPS 02 Desa Ambopadang, Kamis (28/11/2024) dini hari.",
])
def test_election_material_burnt_or_stolen_is_an_incident(text):
    assert _events(text) == [("other", "2024-11-28")]


def test_an_incident_in_a_clash_or_beside_the_material_is_none_of_its_own():
    # a crowd burning a ballot box: part of the clash its paragraph reports
    assert _types("Pemungutan suara di Kabupaten Nias diwarnai kericuhan. Sekelompok warga membakar kotak suara dan "
                  "merusak bilik di TPS 03, Rabu (27/11/2024).") == ["clash"]
    # what stands beside the office is not what burns
    assert _types("Sebuah kios di depan kantor KPU ikut terbakar sebelum api dipadamkan warga.") == []
    # what a video shows, or what did not happen, is no incident
    assert _types("Polres memastikan video pembakaran kotak suara yang beredar itu tidak benar.") == []
    assert _types("Kotak suara nyaris dibakar massa sebelum diamankan polisi.") == []


@pytest.mark.parametrize("text", [
    "Polisi menangkap empat orang yang diduga menyerang petugas KPPS di TPS 04 Desa Garassikang, Rabu (27/11/2024).",
    "Sekelompok orang tak dikenal menyerang anggota PPD Anggruk di lapangan terbang, Rabu (27/11/2024) sore.",
])
def test_an_attack_on_election_workers_is_a_clash(text):
    assert _events(text) == [("clash", "2024-11-27")]


def test_a_theft_is_no_transport():
    assert _types("Kotak suara TPS 04 dibawa kabur sekelompok orang, Rabu (27/11/2024) malam.") == ["other"]


def test_an_attack_told_as_a_cause_takes_the_day_stated_for_it_later():
    text = ("Rapat pleno rekapitulasi tingkat Kabupaten Yahukimo dimulai Senin (26/2/2024). Pleno dijaga ketat, "
            "menyusul penyerangan terhadap anggota PPD Anggruk beberapa hari sebelumnya.\n\nSeperti diberitakan "
            "sebelumnya, Jumat (23/2/2024) sore, sekelompok orang tak dikenal menyerang anggota PPD Anggruk.")
    assert _events(text, "2024-02-26") == [("clash", "2024-02-23"), ("recap_security", "2024-02-26")]
    # told only vaguely, it has no day
    assert _events(text.split("\n\n")[0], "2024-02-26") == [("clash", None), ("recap_security", "2024-02-26")]


def test_a_speaker_reports_an_incident_with_realis_alone():
    text = ("“Sempat saling lempar batu sekitar pukul 11.00 WIT. Personel langsung memisahkan kedua kelompok,” kata "
            "Kapolres, Sabtu (12/4/2025).")
    assert _types(text, "2025-04-12") == ["clash"]
    # without it, what a speaker fears is no incident
    assert _types("“Jangan sampai ada yang saling lempar batu,” kata Kapolres.", "2025-04-12") == []


def test_in_a_quote_the_date_of_the_speech_tag_is_not_the_events():
    text = ("Dua pria diamankan di Desa Marisa karena membagikan amplop berisi uang kepada warga, Selasa "
            "(26/11/2024) malam.\n\n\"Saat diamankan, sebagian amplop sudah dibagikan ke warga,\" kata Zulfikar, "
            "Rabu (27/11/2024).")
    assert _events(text, "2024-11-27") == [("money_politics", "2024-11-26")]


def test_a_blockade_of_an_office_is_a_protest():
    assert _types("Ratusan massa pendukung pasangan calon Bupati dan Wakil Bupati Tapanuli Tengah nomor urut 1, "
                  "Darwin Sitompul dan Rahmat Hutagalung, memblokade Kantor KPU Tapteng, Selasa (3/12/2024).",
                  "2024-12-04") == ["protest"]


def test_a_recount_is_part_of_the_recap_not_a_revote():
    assert _types("Penghitungan suara ulang untuk tiga TPS di Kecamatan Toili digelar di kantor PPK Toili, Kamis "
                  "(22/2/2024).", "2024-02-22") == ["recap_security"]
    assert _types("Massa menuntut penghitungan ulang di dua TPS, Kamis (22/2/2024).", "2024-02-22") == ["protest"]
    # a medal count recounted is no recap
    assert _types("Ia meminta panitia menghitung ulang perolehan medali kedua provinsi itu.") == []


def test_a_hoax_spreading_on_a_day_of_its_own_is_an_event_of_its_own():
    text = ("Sebuah video berdurasi 38 detik yang menampilkan tumpukan surat suara yang sudah tercoblos beredar di "
            "sejumlah grup WhatsApp warga Grobogan sejak Sabtu (23/11/2024) malam.\n\nMinggu (24/11/2024), tim "
            "patroli siber Satreskrim Polres Grobogan memastikan video tersebut hoaks.")
    assert _events(text, "2024-11-25") == [("disinformation", "2024-11-23"), ("disinformation", "2024-11-24")]
    # in an article that calls nothing a hoax, a video going round is no disinformation
    assert _types("Video pelantikan kepala desa itu viral di media sosial sejak Sabtu (23/11/2024).") == []


def test_money_seized_in_an_election_article_is_money_politics():
    text = ("Tim Sentra Gakkumdu mengamankan seorang pria di Desa Muara Pinang Lama, Sabtu (19/4/2025) dini hari. "
            "Dari tangan RS, petugas menyita uang tunai Rp23 juta yang sudah dimasukkan ke dalam 115 amplop.")
    assert _events(text, "2025-04-19") == [("money_politics", "2025-04-19")]
    # money seized in a theft is not
    assert _types("Polisi menyita uang tunai Rp5 juta dari tersangka pencurian sepeda motor, Sabtu (19/4/2025).",
                  "2025-04-19") == []


def test_an_official_going_to_a_village_after_an_incident_inspects_it():
    text = ("Kamis (28/11/2024) pagi, Kapolres Madina AKBP Dedi Parlindungan Harahap bersama Kasat Reskrim mendatangi "
            "Desa Sihepeng untuk mengecek situasi.")
    assert _types(text) == ["inspection_visit"]
    # a patrol watching the situation inspects nothing
    assert _types("Babinsa bersama Bhabinkamtibmas melanjutkan patroli ke pasar nagari untuk memantau situasi, Selasa "
                  "(26/11/2024).") == ["patrol"]
