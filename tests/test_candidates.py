"""Election candidates: one record per person with office, ticket number and
region, in every form news writes them; their names are not officials."""

import pytest

from extractor.nlp.candidates import find_candidates
from extractor.nlp.gazetteer import gazetteer
from extractor.nlp.officials import find_officials


def cands(text, primary=None):
    region = gazetteer().by_code[primary] if primary else None
    return [(c.name, c.office, c.number, c.region) for c in find_candidates(text, primary=region).candidates]


@pytest.mark.parametrize("text,expected", [
    # a ticket after a cue, its office from the election named before it
    ("Pilkada Muba diikuti tiga pasangan calon. Paslon nomor urut 1 Rizal Effendi–Herlina Zain hadir.",
     [("Rizal Effendi", "Bupati", 1, "Musi Banyuasin"), ("Herlina Zain", "Wakil Bupati", 1, "Musi Banyuasin")]),
    ("Pilwalkot Medan 2024 diikuti pasangan calon nomor urut 2 Hasyim Tarigan dan Joko Susilo.",
     [("Hasyim Tarigan", "Wali Kota", 2, "Medan"), ("Joko Susilo", "Wakil Wali Kota", 2, "Medan")]),
    # the office written with the cue; the number after the names
    ("PSU diikuti pasangan calon Bupati dan Wakil Bupati Abdurrahman Lasimpala dan Sri Nurlela Husain dengan "
     "nomor urut 1.",
     [("Abdurrahman Lasimpala", "Bupati", 1, None), ("Sri Nurlela Husain", "Wakil Bupati", 1, None)]),
    ("Cabup/Cawabup nomor urut 3 Yosafat Saleleubaja-Elisa Sakerebau berkampanye di Siberut.",
     [("Yosafat Saleleubaja", "Bupati", 3, None), ("Elisa Sakerebau", "Wakil Bupati", 3, None)]),
    # a list of tickets; honorifics and titles are not part of the name
    ("Pilkada Indramayu diikuti tiga pasangan calon, yakni paslon nomor urut 1 Dedi Supriyadi–Wawan Hermawan, "
     "nomor urut 2 Hj. Yayah Rokayah–Agus Setiawan dan nomor urut 3 Ir. Sutisna-Nurhadi.",
     [("Dedi Supriyadi", "Bupati", 1, "Indramayu"), ("Wawan Hermawan", "Wakil Bupati", 1, "Indramayu"),
      ("Yayah Rokayah", "Bupati", 2, "Indramayu"), ("Agus Setiawan", "Wakil Bupati", 2, "Indramayu"),
      ("Sutisna", "Bupati", 3, "Indramayu"), ("Nurhadi", "Wakil Bupati", 3, "Indramayu")]),
    # one candidate
    ("Pilgub Papua Selatan diikuti antara lain calon Gubernur Apolo Mahuze.",
     [("Apolo Mahuze", "Gubernur", None, "Papua Selatan")]),
    ("Massa Cawabup Lahat nomor urut 3, Andi Wijaya, berkumpul.", [("Andi Wijaya", "Wakil Bupati", 3, "Lahat")]),
    ("Pendukung caleg DPRD Berau nomor urut 2 dari salah satu partai, Sulaiman Effendi, datang.",
     [("Sulaiman Effendi", "DPRD", 2, "Berau")]),
    ("Di TPS itu, calon anggota DPD RI dapil Sulbar nomor urut 7, Hj. Sitti Rahmah Ambo, mengirim saksi.",
     [("Sitti Rahmah Ambo", "DPD", 7, "Sulawesi Barat")]),
    ("Pendukung capres-cawapres nomor urut 2 Prabowo Subianto-Gibran Rakabuming Raka berkumpul.",
     [("Prabowo Subianto", "Presiden", 2, None), ("Gibran Rakabuming Raka", "Wakil Presiden", 2, None)]),
    # a ticket's nickname, before or after its names; a bare ticket number
    ("Pilkada Tapteng: paslon nomor urut 1 Binsar Hutagalung–Darwin Simanjuntak (BIDA) unggul.",
     [("Binsar Hutagalung", "Bupati", 1, "Tapanuli Tengah"), ("Darwin Simanjuntak", "Wakil Bupati", 1,
                                                                  "Tapanuli Tengah")]),
    ("Pilkada Karangasem: nomor urut 2 yang dikenal dengan tagline “PASTI”, I Nyoman Parwata-Ni Wayan Suka Artini.",
     [("I Nyoman Parwata", "Bupati", 2, "Karangasem"), ("Ni Wayan Suka Artini", "Wakil Bupati", 2, "Karangasem")]),
    ("Pilkada Puncak Jaya: massa paslon 02 Nius Wonda–Yafet Tabuni saling serang.",
     [("Nius Wonda", "Bupati", 2, "Puncak Jaya"), ("Yafet Tabuni", "Wakil Bupati", 2, "Puncak Jaya")]),
    # the candidate named before the cue (an incumbent), with his running mate
    ("Bupati Halmahera Utara Yusuf Tjakalele, yang kembali maju sebagai calon bupati petahana nomor urut 1 "
     "berpasangan dengan Marthen Lolaro, mencoblos.",
     [("Yusuf Tjakalele", "Bupati", 1, None), ("Marthen Lolaro", "Wakil Bupati", 1, None)]),
    ("Pilkada Kotabaru: Petahana Said Ahmad Assegaf yang berpasangan dengan Syahrani Noor maju sebagai paslon "
     "nomor urut 1, melawan paslon nomor urut 2 Andi Irwan Pallawa–Hj. Fatmawati.",
     [("Said Ahmad Assegaf", "Bupati", 1, "Kotabaru"), ("Syahrani Noor", "Wakil Bupati", 1, "Kotabaru"),
      ("Andi Irwan Pallawa", "Bupati", 2, "Kotabaru"), ("Fatmawati", "Wakil Bupati", 2, "Kotabaru")]),
])
def test_forms(text, expected):
    assert cands(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a nickname in capitals between the cue and the names
    ("Pilkada Klaten diikuti nomor urut 1 Sri Mulyani-Yoga Hardaya dan nomor urut 2 pasangan BERKAH, Joko Susilo-Ani "
     "Lestari.",
     [("Sri Mulyani", 1, None), ("Yoga Hardaya", 1, None), ("Joko Susilo", 2, "BERKAH"), ("Ani Lestari", 2, "BERKAH")]),
    # the list opened by "yakni", each ticket with its number after it, in brackets
    ("Pilkada Sragen diikuti dua pasangan calon, yakni Ahmad Yani-Budi Darmawan (nomor urut 1) dan Citra Dewi-Dodi "
     "Irawan (nomor urut 2).",
     [("Ahmad Yani", 1, None), ("Budi Darmawan", 1, None), ("Citra Dewi", 2, None), ("Dodi Irawan", 2, None)]),
    # a running mate written in lower case after an en dash; cue words are no names
    ("Pilkada Sragen diikuti dua paslon, yaitu Cabup-Cawabup nomor urut 1 Rudi Hartono–sinta maharani (RUSI) dan "
     "nomor urut 2 Eko Prasetyo–Yuni Astuti.",
     [("Rudi Hartono", 1, "RUSI"), ("sinta maharani", 1, "RUSI"), ("Eko Prasetyo", 2, None), ("Yuni Astuti", 2, None)]),
    # single candidates listed with their numbers, one in lower case
    ("Saksi berdebat soal suara calon anggota DPRD Sleman daerah pemilihan 3, yakni Agus Salim (nomor urut 4) dan "
     "dewi anggraini Putri (nomor urut 2).",
     [("Agus Salim", 4, None), ("dewi anggraini Putri", 2, None)]),
    # the candidate set off by a comma before the cue; "caleg lain, A"
    ("Saksi yang mewakili Bambang Irawan, caleg DPRD Klaten Dapil 4 nomor urut 5, keberatan atas suara caleg lain, "
     "Yusuf Hamka, di TPS 07.",
     [("Bambang Irawan", 5, None), ("Yusuf Hamka", None, None)]),
    # a list of tickets known by their shape (two names joined by a dash) after a colon, or with nicknames
    ("Pilkada Lahat diikuti tiga paslon: Andi Wijaya-Rina Marlina, Heri Susanto-Dedi Irawan, dan Joko Purnomo-"
     "Ahmad Yani.",
     [("Andi Wijaya", None, None), ("Rina Marlina", None, None), ("Heri Susanto", None, None),
      ("Dedi Irawan", None, None), ("Joko Purnomo", None, None), ("Ahmad Yani", None, None)]),
    ("Pilkada Lahat diikuti paslon Andi Wijaya-Rina Marlina (AWAR) dan Heri Susanto-Dedi Irawan (HEDI).",
     [("Andi Wijaya", None, "AWAR"), ("Rina Marlina", None, "AWAR"), ("Heri Susanto", None, "HEDI"),
      ("Dedi Irawan", None, "HEDI")]),
    ("Paslon AW-RM, Andi Wijaya dan Rina Marlina, unggul di Lahat.",
     [("Andi Wijaya", None, "AW-RM"), ("Rina Marlina", None, "AW-RM")]),
])
def test_lists_nicknames_lower_case_and_apposition(text, expected):
    assert [(c.name, c.number, c.ticket) for c in find_candidates(text).candidates] == expected


@pytest.mark.parametrize("text", [
    "Kuasa hukum paslon nomor urut 1, Hotman Sitompul, menyebut gugatan sudah didaftarkan.",
    "Juru bicara tim pemenangan paslon nomor urut 3, Dewi Sartika, meminta massa tenang.",
])
def test_one_name_after_a_team_of_the_ticket_is_no_candidate(text):
    assert find_candidates(text).candidates == []


def test_the_office_follows_the_election_of_the_paragraph_then_the_story():
    text = ("KPU menggelar pleno Pemilihan Bupati dan Wakil Bupati Kapuas Hulu serta Pemilihan Gubernur Kalbar.\n\n"
            "Hasil rekapitulasi menunjukkan paslon nomor urut 2 Yosef Alek–Syarif Husin unggul.")
    assert cands(text, primary="61.06")[0][1:] == ("Bupati", 2, "Kapuas Hulu")
    text = ("Pilgub Kaltara diikuti dua paslon, salah satunya paslon nomor urut 1 Robert Kaiyan–Datu Muhammad Iqbal. "
            "Adapun Pilkada Bulungan mempertemukan paslon nomor urut 1 Syamsul Kamal–Elisabeth Lenjau.")
    got = cands(text, primary="65.01")
    assert got[0][1:] == ("Gubernur", 1, "Kalimantan Utara") and got[2][1:] == ("Bupati", 1, "Bulungan")
    # no election named: the office of the article's main region
    assert cands("Massa pendukung paslon nomor urut 2 Nurdin-Salma berkumpul.", primary="52.72")[0][1:] == \
        ("Wali Kota", 2, "Bima")


def test_one_record_per_person():
    text = ("Pilkada Lahat: paslon nomor urut 1 Bursah Zarnubi-Widia Ningsih unggul. "
            "Saksi paslon nomor urut 1 Bursah Zarnubi-Widia Ningsih menerima hasil.")
    got = find_candidates(text).candidates
    assert [c.name for c in got] == ["Bursah Zarnubi", "Widia Ningsih"]
    assert len(got[0].mentions) == 2 and got[0].running_mate == "Widia Ningsih"


@pytest.mark.parametrize("text", [
    "Warga antusias, pasangan suami istri itu datang sejak pagi.",
    "Surat suara nomor urut 2 di TPS 04 dinyatakan rusak.",
    "Paslon nomor urut 1 belum hadir saat debat dimulai.",
    "Para calon pemilih diminta membawa KTP elektronik.",
    "Nomor urut 3 Budi Santoso dipanggil petugas KPPS untuk mencoblos.",
])
def test_no_candidate(text):
    assert find_candidates(text).candidates == []


def test_names_after_a_cue_are_not_officials_but_a_sitting_bupati_is_both():
    text = ("PSU diikuti pasangan calon Bupati dan Wakil Bupati Abdurrahman Lasimpala dan Sri Nurlela Husain. "
            "Pilgub diikuti calon Gubernur Apolo Mahuze.")
    named = tuple(find_candidates(text).named)
    assert find_officials(text, exclude=named).officials == []
    text = ("Bupati Halmahera Utara Yusuf Tjakalele, yang kembali maju sebagai calon bupati petahana nomor urut 1 "
            "berpasangan dengan Marthen Lolaro, mencoblos di TPS 04.")
    found = find_candidates(text)
    assert [c.name for c in found.candidates] == ["Yusuf Tjakalele", "Marthen Lolaro"]
    got = find_officials(text, exclude=tuple(found.named)).officials
    assert [(o.name, o.position) for o in got] == [("Yusuf Tjakalele", "Bupati")]


def test_in_the_pipeline_and_the_contract():
    from extractor.nlp import extract
    from extractor.records import to_contract
    from extractor.types import Article

    text = ("LAHAT - Polres Lahat mengamankan debat publik Pilkada Lahat, Senin (18/11/2024). Debat diikuti paslon "
            "nomor urut 2 Bursah Zarnubi-Widia Ningsih. Kapolres Lahat AKBP Kurniawan Azwar memantau.")
    out = to_contract(extract(Article(url="https://example.test/c", text=text, published="2024-11-18")))
    assert [(c["name"], c["office"], c["number"], c["region"], c["region_code"]) for c in out["candidates"]] == [
        ("Bursah Zarnubi", "Bupati", 2, "Lahat", "16.04"), ("Widia Ningsih", "Wakil Bupati", 2, "Lahat", "16.04")]
    assert [o["name"] for o in out["officials"]] == ["Kurniawan Azwar"]
    s, e = out["candidates"][0]["mentions"][0]
    assert text[s:e] == "Bursah Zarnubi"
