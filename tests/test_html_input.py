"""Bad input, multi-page articles, profiles, and junk lines (what goes and
what must stay)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extractor.html as H
from extractor.errors import Msg, ParseError
from extractor.html import article_from_html, article_from_pages, article_from_text, next_pages, profile_for
from extractor.html.clean import clean_text
from extractor.html.profiles import profiles
from extractor.inputs import read_local
from extractor.run import ingest
from extractor.store import Store

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"
BODY = "<html><body><article>" + "<p>Polres Lahat mengamankan pleno rekapitulasi di kantor KPU hari ini.</p>" * 3 + \
       "</article></body></html>"


@pytest.mark.parametrize("data,message", [
    (b"", "input is empty"),
    (b"   \n\t ", "input is empty"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, Msg.PARSE_BINARY),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3 1 0 obj", Msg.PARSE_BINARY),
    (b"\x1f\x8b\x08\x00" + bytes(range(256)), Msg.PARSE_BINARY),
    (b"<html>\x00\x00\x00<body>", Msg.PARSE_BINARY),
    (b"<<<>>> <<< <!-- -->", Msg.PARSE_EMPTY),
    (b"<html><body><nav>Beranda</nav></body></html>", Msg.PARSE_EMPTY),
])
def test_bad_input_is_a_clear_parse_error(data, message):
    with pytest.raises(ParseError) as err:
        article_from_html(data, "https://x.example/a")
    assert message in str(err.value)
    assert err.value.url == "https://x.example/a" and err.value.stage == "parse"


def test_huge_input_is_refused_before_parsing(monkeypatch):
    from extractor.html import document

    monkeypatch.setattr(document, "MAX_BYTES", 1000)
    with pytest.raises(ParseError, match="more than the 1000 bytes"):
        article_from_html(b"<p>" + b"kata " * 400 + b"</p>", "u")
    with pytest.raises(ParseError, match="more than the 1000 bytes"):
        article_from_text("kata " * 400)


def test_garbled_markup_still_gives_text():
    html = b"<html><body><div class=x><p>" + "Polres Lahat mengamankan pleno rekapitulasi suara di kantor KPU Lahat. " \
        .encode() * 3 + b"<b><i>tebal</b> miring</i><p>Paragraf dua tanpa penutup<div><table><tr><td>sel"
    art = article_from_html(html, "https://unknown.example/a")
    assert art.text.startswith("Polres Lahat mengamankan pleno")


def test_unknown_profile_name_is_a_parse_error():
    with pytest.raises(ParseError, match="unknown site profile 'nope'"):
        article_from_html(BODY, "u", profile="nope")
    assert article_from_html(BODY, "https://sumsel.tribunnews.com/a", profile="generic").profile == "generic"


def test_batch_records_bad_files_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = SAMPLES / "pages" / "tribratanews" / "tribratanews-pleno.html"
    (folder / "a-good.html").write_bytes(good.read_bytes())
    (folder / "b-empty.html").write_bytes(b"")
    (folder / "c-binary.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "d-garbage.html").write_bytes(b"<<<>>>")
    (folder / "e-text.txt").write_text("Polres Lahat mengamankan pleno di kantor KPU Lahat, Senin (2/12/2024).\n")
    with Store(tmp_path / "t.db") as store:
        summary = ingest(store, read_local(folder))
        errors = {Path(r["url"]).name: (r["stage"], r["message"]) for r in store.db["errors"].rows}
        stored = store.db["articles"].count
    assert stored == 2 and summary.errors == 3
    assert errors["b-empty.html"] == ("parse", Msg.PARSE_NO_INPUT.format(size=0))
    assert errors["c-binary.html"] == ("parse", Msg.PARSE_BINARY)
    assert errors["d-garbage.html"] == ("parse", Msg.PARSE_EMPTY)


def test_control_characters_and_malformed_urls_do_not_crash():
    """Tails holding control characters (which lxml refuses to set again when it drops an element) and links or
    URLs with a malformed IPv6 host end in an article, not a ValueError."""
    body = ("<p>Polres Lahat mengamankan pleno rekapitulasi \x01suara di kantor KPU Lahat.</p>"
            "<div class='share'>Bagikan</div>\x02 <p>Pleno berjalan aman hingga sore hari, kata Kapolres.</p>")
    html = f"<html><head><link rel='canonical' href='http://[::1/x'></head><body><div>{body}</div></body></html>"
    art = article_from_html(html, "http://[::1")
    assert "\x01" not in art.text and "mengamankan pleno" in art.text
    assert next_pages("<a href='http://[/x?page=2'>2</a>", "https://x.example/a") == []



def test_parsed_elements_have_lxml_htmls_own_classes():
    """The parser's element classes are looked up inside lxml, and they are
    the ones lxml.html gives (FormElement, InputElement, ... HtmlElement,
    HtmlComment), so trafilatura and htmldate see the tree they expect;
    copies (trafilatura works on copies) keep them."""
    import copy

    import lxml.html

    from extractor.html.document import parse

    html = ("<html><body><FORM action='/cari'><Input name=q><select><option>Lahat</option></select>"
            "<textarea>teks</textarea><label for=q>Cari</label></FORM><!-- iklan -->"
            "<p>Polres Lahat mengamankan pleno.</p><table><tr><td>sel</td></tr></table></body></html>")
    ours = parse(html)
    plain = lxml.html.document_fromstring(html)
    classes = [(type(el), el.tag) for el in ours.iter()]
    assert classes == [(type(el), el.tag) for el in plain.iter() if not isinstance(el, lxml.html.HtmlComment)]
    assert {cls.__name__ for cls, _ in classes} >= {"FormElement", "InputElement", "SelectElement",
                                                     "TextareaElement", "LabelElement", "HtmlElement"}
    assert [type(el) for el in copy.deepcopy(ours).iter()] == [cls for cls, _ in classes]

@pytest.mark.parametrize("depth", [300, 3000])
def test_html_nested_deeper_than_libxml2s_limit_keeps_its_text(depth):
    """libxml2 stops at 255 levels (2048 with huge_tree); the text below must not be lost."""
    para = "<p>Polres Lahat mengamankan pleno rekapitulasi suara di kantor KPU Lahat pada Senin pagi.</p>"
    html = "<html><head><title>Pleno Aman</title></head><body>" + "<div>" * depth + para * 3 + "</div>" * depth \
        + "</body></html>"
    art = article_from_html(html, "https://x.example/pleno")
    assert art.text.startswith("Polres Lahat mengamankan pleno") and art.title == "Pleno Aman"


def test_text_files_are_decoded_like_pages_in_a_batch(tmp_path):
    """ingest of .txt: windows-1252 and UTF-16 (with a BOM) read as written,
    and the stored hash is the hash the batch computed beforehand."""
    folder = tmp_path / "in"
    folder.mkdir()
    line = "LAHAT – Kapolres Lahat memimpin apel di Café Lahat, “siaga penuh,” katanya, Senin (25/11/2024).\n"
    (folder / "a-cp1252.txt").write_bytes(line.encode("cp1252"))
    (folder / "b-utf16.txt").write_bytes(line.replace("Lahat,", "Merapi,").encode("utf-16"))
    items = list(read_local(folder))
    assert all(isinstance(i.content, bytes) for i in items)
    arts = [i.parse() for i in items]
    assert [a.html_hash for a in arts] == [i.content_hash for i in items]
    for art in arts:
        assert "LAHAT – Kapolres" in art.text and "Café" in art.text and "“siaga penuh,”" in art.text
    with Store(tmp_path / "t.db") as store:
        summary = ingest(store, read_local(folder))
        assert store.db["articles"].count == 2 and summary.errors == 0


def test_one_page_hash_for_pages_articles_and_the_batch():
    from extractor.html import pages_hash
    from extractor.inputs import RawPage

    x, pages = _paged()
    art = article_from_pages(pages, x["url"])
    raw = RawPage(x["url"], pages[0], more=tuple((p, None) for p in pages[1:]))
    assert art.html_hash == raw.content_hash == pages_hash(pages)
    assert article_from_html(pages[0], x["url"]).html_hash == RawPage(x["url"], pages[0]).content_hash
    assert pages_hash(["é"]) == pages_hash(["é".encode("utf-8")])


# --------------------------------------------------------------------------- multi-page articles
def _paged():
    x = next(json.loads(line) for line in (SAMPLES / "expected.jsonl").read_text("utf-8").splitlines()
             if json.loads(line)["id"] == "tribun-sumsel-paged")
    return x, [(SAMPLES / f).read_bytes() for f in x["files"]]


def test_pages_are_joined_in_order_each_once():
    x, pages = _paged()
    once = article_from_pages(pages, x["url"])
    assert once.text == x["text"] and once.pages == 3
    twice = article_from_pages([pages[0], pages[1], pages[1], pages[0], pages[2]], x["url"])
    assert twice.text == once.text and twice.pages == 3
    first_two = article_from_pages(pages[:2], x["url"])
    assert once.text.startswith(first_two.text) and len(first_two.text) < len(once.text)
    assert first_two.text.startswith(article_from_html(pages[0], x["url"]).text)


def test_next_pages_lists_the_further_pages_of_the_article():
    x, pages = _paged()
    assert next_pages(pages[0], x["url"]) == [f"{x['url']}?page=2", f"{x['url']}?page=3"]
    assert next_pages(pages[1], f"{x['url']}?page=2") == [f"{x['url']}?page=3"]
    assert next_pages(pages[2], f"{x['url']}?page=3") == []
    sumeks = SAMPLES / "pages" / "disway" / "sumeks-paged.html"
    url = "https://sumeks.disway.id/read/678123/polres-muara-enim-petakan-87-tps-rawan-jelang-pencoblosan"
    assert next_pages(sumeks.read_bytes(), url) == [url + "/2"]
    generic = '<a href="/berita/a?page=2" rel="next">2</a><a href="/berita/lain?page=2">lain</a>'
    assert next_pages(generic, "https://x.example/berita/a") == ["https://x.example/berita/a?page=2"]


# --------------------------------------------------------------------------- profiles
def test_profiles_load_and_pick_the_most_specific_host():
    assert len(profiles()) >= 8
    assert profile_for("https://humas.polri.go.id/2024/x").name == "humaspolri"
    assert profile_for("https://tribratanews.sumsel.polri.go.id/x").name == "tribratanews"
    assert profile_for("https://aceh.tribunnews.com/amp/x").name == "tribunnews"
    assert profile_for("https://notantaranews.com/x") is None
    assert profile_for("https://unknown.example/x") is None and profile_for("") is None


# --------------------------------------------------------------------------- junk lines
@pytest.mark.parametrize("line", [
    "BACA JUGA: Harga Cabai Naik", "Baca Juga", "Baca juga:", "Baca:  Jembatan Musi IV Diaspal", "Simak juga: X",
    "Artikel Terkait", "Berita Terkait: Kapolda Tinjau TPS", "Artikel Sebelumnya",
    "Editor : Budi Santoso", "Editor: Budi", "Penulis: Ahmad | Editor: Budi", "Reporter: Agus Sutanto", "Sumber: Antara",
    "Pewarta: Dewi", "Laporan Wartawan Tribunsumsel.com, Ahmad", "oleh Redaksi", "- Redaksi", "[Rudi/Rilis]",
    "(hms)", "(**)", "(spi/as)", "(kmb/balipost)", "Foto: Humas Polres Lahat", "(Foto. Istimewa)",
    "Foto : Kalteng Pos/ Agus Jaya", "Kapolres saat meninjau TPS. (Foto: Humas Polda Sumsel)",
    "facebook twitter whatsapp telegram line copy", "Sebarkan artikel ini", "Bagikan:", "URL berhasil dicopy",
    "IKLAN", "ADVERTISEMENT", "SCROLL TO RESUME CONTENT", "125 views", "Dibaca 214 kali", "×",
    "Back to top",
    "Berita Terbaru Labuhanbatu News ada di Google News", "Dapatkan update berita pilihan setiap hari",
    "Download aplikasi Cenderawasih Pos di Play Store", "Ikuti saluran TribunSumsel.com di WhatsApp Channel",
    "© Polda Bali. All Rights Reserved", "Telp. (0361) 227711", "Jl. Soekarno Hatta No. 2 Palu", "Follow Us",
    "Dikeluarkan oleh Bid Humas Polda Sumsel", "Banda Aceh, 23 September 2024", "#PolriPresisi #PilkadaDamai2024",
    "Terkini: Harga Kopi Naik | Jembatan Diperbaiki | Pemkab Raih Penghargaan", "Tags: Pilkada 2024, Polres",
    "Sabtu, 30 November 2024 - 14:25 WIB", "Diterbitkan 02 Agu 2024", "Beranda › Berita › Batam",
    "Artikel ini telah tayang di TribunSumsel.com dengan judul X", "1 2 3 Selanjutnya", "Halaman selanjutnya",
    # date stamps, lists of dated headlines and column headings (issue 15)
    "Kamis, 05/11/2015 09:25 WIB", "Kompas.com - 23/02/2016, 15:06 WIB", "Rabu, 8 Juni 2016 11:25 WIB | 1.234 Views",
    "- Kamis, 05/11/2015 08:48 WIB Gerhana Matahari Total Terlihat dari Palembang",
    "Kamis, 05/11/2015 09:25 WIB Polisi Tangkap Pengedar Sabu di Tebing Tinggi",
    "Gerhana Matahari Total Terlihat dari Palembang Kamis, 05/11/2015 08:48 WIB",
    "- 12 Jan 2016 Timnas Indonesia Melaju ke Final Piala AFF", "Terpopuler", "Paling Populer", "TERKINI",
    # video prompts and placeholders, embedded posts, share and login labels, counters, bylines, sign-offs
    'Simak Video "Detik-detik Polisi Kawal Logistik Pemilu"', "Saksikan video pilihan di bawah ini:",
    "Simak juga video berikut ini:", "[Gambas:Video 20detik]",
    "Personel mulai bergeser ke TPS #PilkadaDKI pic.twitter.com/Ab12CdEf",
    "— TMC Polda Metro Jaya (@TMCPoldaMetro) 14 Februari 2017", "Facebook", "Tweet", "Login", "1 / 5",
    "Agung Pambudhy - detikNews", "[ian]", "[rzk/dan]",
    # gallery credits, counters and photographer lines
    "(Liputan6.com/Rizky Ananda)", "Merdeka.com/Imam Buhori", "ANTARA FOTO/Rivan Awal Lingga", "Foto 2 dari 8",
    "3 of 10", "Foto oleh Agung Pambudhy",
])
def test_junk_line_is_dropped(line):
    text, junk = clean_text(f"Paragraf pertama cukup panjang untuk menjadi isi berita.\n{line}\nParagraf akhir berita ini.")
    assert text == "Paragraf pertama cukup panjang untuk menjadi isi berita.\n\nParagraf akhir berita ini.", junk


@pytest.mark.parametrize("line", [
    "Oleh karena itu, warga diminta tetap tenang menunggu hasil resmi.",
    "Sebarkan hoaks soal kotak suara, seorang warga Lahat ditangkap polisi.",
    "Jalan menuju lokasi pleno ditutup sementara selama rekapitulasi.",
    "Editor senior media lokal itu ikut memantau jalannya pleno.",
    "Foto bersama dilakukan usai apel gelar pasukan di lapangan Mapolres.",
    "Share kegiatan di media sosial dilakukan oleh Humas Polres setiap hari.",
    "Kapolres menyebut 1 2 peleton disiagakan di setiap PPK.",
    "Reporter televisi lokal juga hadir meliput jalannya pleno rekapitulasi.",
    "Komunikasi Publik",
    "Sebanyak 125 personel diterjunkan dalam pengamanan tersebut.",
    # near misses of the issue-15 rules
    "Lihat video kejadian itu yang beredar di media sosial, polisi menangkap pelaku.",
    "Silakan masuk dan gunakan hak pilih Anda dengan tertib.",
    "Pemungutan suara digelar Kamis, 05/11/2015 mulai pukul 07.00 WIB di seluruh TPS.",
    "Rapat pleno dimulai Rabu, 8 Juni 2016 pukul 10.00 WIB dan berakhir sore hari.",
    "Kota Agung - radarlampung.co.id",
    "Sebanyak 2 dari 3 TPS di desa itu berada di daerah rawan banjir.",
    "Populer di kalangan pemilih muda, pasangan itu unggul di tiga kecamatan.",
])
def test_body_line_is_kept(line):
    text, junk = clean_text(f"Paragraf pertama cukup panjang untuk menjadi isi berita.\n{line}\nParagraf akhir berita ini.")
    assert line in text, junk


@pytest.mark.parametrize("line", ["Tinggalkan Balasan", "Posting Komentar", "0 Komentar", "Berita Lainnya",
                                  "Alamat email Anda tidak akan dipublikasikan.", "Rekomendasi untuk Anda",
                                  "Komentar yang tampil sepenuhnya menjadi tanggung jawab pembaca sebagaimana diatur "
                                  "dalam UU ITE.",
                                  "Disclaimer: Komentar yang dimuat sepenuhnya menjadi tanggung jawab pengirim.",
                                  "Silakan login untuk memberikan komentar.", "Komentar",
                                  "Belum ada komentar. Jadilah yang pertama memberikan komentar!",
                                  "Berikan komentar Anda di bawah ini"])
def test_tail_marker_drops_the_rest(line):
    text, junk = clean_text(f"Paragraf pertama cukup panjang untuk menjadi isi berita.\n{line}\nNama *\nKomentar lain")
    assert text == "Paragraf pertama cukup panjang untuk menjadi isi berita." and "Komentar lain" in junk


def test_signoffs_and_captions_glued_to_a_sentence_are_cut():
    long = "Apel dipimpin Kapolres dan diikuti personel gabungan dari Polri, TNI, Dinas Perhubungan, Satpol PP " \
           "serta Linmas yang akan disebar ke seluruh TPS di wilayah hukum Polres Lahat pekan depan."
    text, junk = clean_text(f"Pleno berjalan aman. (hms)\nKapolres meninjau TPS. (Foto: Humas)\n{long} (Foto: Humas)\n"
                            "Selesai pukul 13.00.DMS")
    assert text == f"Pleno berjalan aman.\n\n{long}\n\nSelesai pukul 13.00."
    assert "Kapolres meninjau TPS. (Foto: Humas)" in junk  # a short line with a photo credit is a caption


def test_a_photo_credit_is_cut_from_a_sentence_and_a_caption_stays_a_caption():
    long = ("Berdasarkan hasil pleno di tingkat kecamatan, pasangan calon nomor urut 2 unggul atas pasangan calon "
            "nomor urut 1 dengan selisih lebih dari tiga ribu suara di seluruh kecamatan")
    text, junk = clean_text(f"Paragraf pertama cukup panjang untuk menjadi isi berita.\n{long}. (Situs.com/Nama Fotografer)"
                            "\n(Situs.com/Nama Fotografer)\nSITUS.COM/NAMA FOTOGRAFER")
    assert text == f"Paragraf pertama cukup panjang untuk menjadi isi berita.\n\n{long}." and len(junk) == 2
    # a short caption with its credit before the dateline is still cut off with the lines before it
    art = article_from_text("Judul Berita Ini\nLihat Foto\nIlustrasi surat suara pemilu.(SITUS.com/Dok)\n"
                            "JAKARTA, SITUS.com - Polisi menyiagakan ribuan personel di seluruh TPS ibu kota.")
    assert art.text.startswith("JAKARTA, SITUS.com - Polisi")


def test_foto_terkait_opener_takes_its_captions():
    text, junk = clean_text("Isi pertama berita ini.\nFOTO TERKAIT\nDinda Maharani saat tampil di Senayan\n"
                            "Penonton memadati gedung pertunjukan\n\"Saya sedih,\" kata Dinda.")
    assert text == "Isi pertama berita ini.\n\n\"Saya sedih,\" kata Dinda."
    assert "Penonton memadati gedung pertunjukan" in junk


def test_gambas_placeholder_inside_a_sentence_is_cut():
    text, _ = clean_text("Polisi berjaga di TPS. [Gambas:Video 20detik] Situasi aman hingga sore.")
    assert text == "Polisi berjaga di TPS. Situasi aman hingga sore."


def test_reporter_initials_in_capitals_after_the_story_are_dropped():
    text, junk = clean_text("Polisi berjaga di depan Gedung MK sejak pagi.\nMassa membubarkan diri sore hari.\nISTMAN M.P.")
    assert text.endswith("sore hari.") and "ISTMAN M.P." in junk


def test_baca_juga_opener_takes_its_headlines_not_the_story():
    text, junk = clean_text("Isi pertama berita ini.\nBaca juga:\nHarga Cabai Naik di Pasar Induk\n"
                            "Pemkot Gelar Jalan Sehat HUT Korpri\n\"Kami siaga penuh,\" kata Kapolres.")
    assert text == "Isi pertama berita ini.\n\n\"Kami siaga penuh,\" kata Kapolres."
    assert "Pemkot Gelar Jalan Sehat HUT Korpri" in junk


def test_dev_corpus_texts_keep_every_annotated_official():
    """The 66 annotated dev texts (plain-text excerpts full of junk): cleaning
    never drops a line that holds an official's name, and no junk marker survives."""
    root = Path(__file__).resolve().parent.parent / "corpus" / "dev" / "gold.jsonl"
    markers = ("BACA JUGA", "Baca juga", "Baca Juga", "Tinggalkan Balasan", "Editor:", "Editor :", "Penulis:",
               "URL berhasil", "facebook twitter", "All Rights Reserved", "Dikeluarkan oleh", "SCROLL TO")
    for line in root.read_text("utf-8").splitlines():
        gold = json.loads(line)
        raw = gold["article"]["text"]
        art = article_from_text(raw, gold["id"], title=gold["article"]["title"])
        for o in gold.get("officials", []):
            if o["name"] in raw:
                assert o["name"] in art.text, (gold["id"], o["name"])
        assert not [m for m in markers if m in art.text], gold["id"]
        assert clean_text(art.text, art.title) == (art.text, ())
