"""Relevance of clean articles (extractor.nlp.relevance, lexicons/relevance.toml):
every annotated dev article and every on-topic sample page is relevant; the
off-topic sample and hand-written near misses are not; --all extracts what is
below the threshold, also on a later run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.html import article_from_pages, article_from_text
from extractor.nlp.relevance import hits, relevance, threshold
from extractor.inputs import read_local
from extractor.run import ingest
from extractor.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"

NEAR_MISSES = {
    # police, no election
    "narkoba": ("Polres Lahat Ringkus Dua Pengedar Sabu",
                "LAHAT - Satresnarkoba Polres Lahat meringkus dua pengedar sabu di Kecamatan Merapi Barat. Polisi "
                "menyita 12 paket sabu. Kedua tersangka ditahan di Mapolres Lahat untuk pemeriksaan."),
    "lalu-lintas": ("Polisi Atur Lalu Lintas Saat Libur Natal",
                    "PALEMBANG - Satlantas Polrestabes Palembang menyiagakan personel di sejumlah simpang. Personel "
                    "juga berpatroli di kawasan Jembatan Ampera hingga malam hari."),
    # election, no security
    "dpt": ("KPU Lahat Tetapkan Daftar Pemilih Tetap",
            "LAHAT - KPU Kabupaten Lahat menetapkan daftar pemilih tetap (DPT) Pilkada 2024 dalam rapat pleno "
            "terbuka. Penetapan dihadiri Bawaslu dan perwakilan partai politik."),
    # ambiguous words only
    "kampanye-antinarkoba": ("BNN dan Polres Gelar Kampanye Antinarkoba di Sekolah",
                             "PALEMBANG - BNN bersama Polrestabes Palembang menggelar kampanye antinarkoba. Personel "
                             "kepolisian memberikan penyuluhan kepada ratusan siswa. Kampanye serupa digelar lagi."),
    "kip": ("Polsek Bantu Siswa Urus KIP",
            "BATURAJA - Bhabinkamtibmas Polsek Baturaja Timur membantu siswa mengurus Kartu Indonesia Pintar (KIP). "
            "Personel juga memberikan bantuan alat tulis kepada siswa."),
    "duta-wisata": ("Pemilihan Duta Wisata Lahat Meriah",
                    "LAHAT - Pemilihan duta wisata Kabupaten Lahat berlangsung meriah. Petugas keamanan berjaga di "
                    "pintu masuk dan acara berjalan aman."),
    # one incidental election word in a crime story
    "jelang-pilkada": ("Polres Lahat Ringkus Dua Pengedar Sabu",
                       "LAHAT - Satresnarkoba Polres Lahat meringkus dua pengedar sabu. Polisi menyita 12 paket sabu. "
                       "Kapolres mengimbau warga menjaga kamtibmas jelang Pilkada."),
}


def test_annotated_dev_articles_are_relevant():
    for line in (ROOT / "corpus" / "dev" / "gold.jsonl").read_text("utf-8").splitlines():
        g = json.loads(line)
        art = article_from_text(g["article"]["text"], title=g["article"]["title"])
        assert relevance(art.title, art.text) >= threshold(), g["id"]


def test_sample_pages_relevant_as_labelled():
    for line in (SAMPLES / "expected.jsonl").read_text("utf-8").splitlines():
        x = json.loads(line)
        art = article_from_pages([(SAMPLES / f).read_bytes() for f in x["files"]], x["url"])
        assert (relevance(art.title, art.text) >= threshold()) == x["relevant"], x["id"]


@pytest.mark.parametrize("name", sorted(NEAR_MISSES))
def test_near_misses_are_below_the_threshold(name):
    title, text = NEAR_MISSES[name]
    assert relevance(title, text) < threshold()


def test_score_grows_with_evidence_and_title_counts_more():
    weak = relevance("", "Polisi berjaga saat pleno rekapitulasi.")
    strong = relevance("", "Polisi berjaga saat pleno rekapitulasi. Personel Polres mengawal kotak suara ke PPK. "
                           "Kapolres meninjau TPS dan patroli digelar saat pencoblosan Pilkada.")
    assert 0 < weak < strong <= 1
    assert hits("Pilkada", "")[0] == 2 * hits("", "Pilkada")[0]
    assert hits("", "Operasi Mantap Praja") == (1.0, 1.0)  # inherently election security: both sides


def test_below_threshold_is_stored_not_extracted_unless_all(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_bytes((SAMPLES / "pages" / "balipost" / "balipost-layang.html").read_bytes())
    with Store(tmp_path / "r.db") as store:
        ingest(store, read_local(folder))
        row = next(store.db.query("select relevance, extracted from articles"))
        assert row["relevance"] < threshold() and row["extracted"] == 0
        again = ingest(store, read_local(folder), extract_all=True)  # a later run with --all
        assert again.skipped == 0 and again.extracted == 1
        assert next(store.db.query("select extracted from articles"))["extracted"] == 1
        third = ingest(store, read_local(folder), extract_all=True)
        assert third.skipped == 1  # extracted now: nothing left to do


def test_terms_grouped_by_first_letter_match_as_the_flat_list():
    """The relevance patterns group their terms by first letter for speed: the
    same hits, term for term, as the flat longest-first alternation, on every
    dev article (in its own case, upper and lower case)."""
    import re

    from extractor import datafiles
    from extractor.nlp.relevance import _rx

    data = datafiles.load("nlp/lexicons/relevance.toml")
    lists = [data["election"]["strong"], data["election"]["weak"], data["security"]["strong"],
             data["security"]["weak"], data["both"]["terms"]]
    texts = [json.loads(line)["article"]["text"]
             for line in (ROOT / "corpus" / "dev" / "gold.jsonl").read_text("utf-8").splitlines() if line.strip()]
    texts += [t.upper() for t in texts[:20]] + [t.lower() for t in texts[:20]]
    texts.append("Pengamanan Pilkada-2024, KPUD; TNI-Polri & satpolPP: pam TPS... water canon")
    for words in lists:
        grouped = _rx(words)
        flat = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w-])",
                          re.IGNORECASE)
        assert grouped.pattern != flat.pattern
        for text in texts:
            assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_terms_with_a_top_level_bar_or_a_quantified_first_letter_stay_flat():
    from extractor.nlp.relevance import _by_first_letter

    assert _by_first_letter(["pilkada", "pemilu"]) == "p(?:ilkada|emilu)"
    assert _by_first_letter(["pilkada|pemilu", "polisi"]) == "pilkada|pemilu|polisi"
    assert _by_first_letter(["pilkada", "x?pemilu"]) == "pilkada|x?pemilu"
    assert _by_first_letter(["(?:a|b)c", "polisi"]) == "(?:a|b)c|polisi"
    assert _by_first_letter(["p[|]x", "polisi"]) == "p(?:[|]x|olisi)"
