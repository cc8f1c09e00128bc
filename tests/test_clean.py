"""html stage: junk removal for plain text and HTML, datelines, metadata."""

import pytest

from extractor.errors import ParseError
from extractor.html import article_from_html, article_from_text, links
from extractor.html.clean import clean_text, dateline
from extractor.html.metadata import from_url

MESSY = """Polres Amankan Pleno
Polres Amankan Pleno
PALEMBANG - Kapolresta Palembang memimpin apel.

BACA JUGA: Ricuh di Kota Lain, Kapolres AKBP Fulan Turun Tangan
Baca juga:
Harga Cabai Naik di Pasar Induk
- Banjir Rendam Tiga Desa
Paragraf kedua tetap ada. (hms)
Editor : Budi Santoso
facebook twitter whatsapp telegram
Tinggalkan Balasan
Alamat email Anda tidak akan dipublikasikan.
Komentar setelah form ini hilang juga.
"""


def test_plain_text_junk_is_dropped():
    text, junk = clean_text(MESSY, title="Polres Amankan Pleno")
    assert text == "PALEMBANG - Kapolresta Palembang memimpin apel.\n\nParagraf kedua tetap ada."
    assert any(j.startswith("BACA JUGA") for j in junk)
    assert "Harga Cabai Naik di Pasar Induk" in junk and "- Banjir Rendam Tiga Desa" in junk
    assert "Komentar setelah form ini hilang juga." in junk


def test_paragraphs_are_separated_by_one_blank_line():
    text, _ = clean_text("  Satu   dua.\n\n\n\nTiga\tempat.  \n")
    assert text == "Satu dua.\n\nTiga empat."


@pytest.mark.parametrize("text,city", [
    ("MUARA ENIM - Polres ...", "MUARA ENIM"),
    ("Puruk Cahu – Personel ...", "Puruk Cahu"),
    ("KOTA MADIUN, Lenzanasional – Polres ...", "KOTA MADIUN"),
    ("Tidak ada dateline di sini.", ""),
])
def test_dateline(text, city):
    assert dateline(text) == city


def test_article_from_text_rejects_empty_and_binary():
    with pytest.raises(ParseError):
        article_from_text("BACA JUGA: cuma tautan\nEditor : Budi\n")
    with pytest.raises(ParseError):
        article_from_text("\x00\x01\x02binary")


def test_html_body_metadata_and_junk_boxes():
    html = b"""<html lang="id"><head><title>T</title>
    <meta property="article:published_time" content="2024-11-30T10:00:00+07:00">
    <link rel="canonical" href="https://x.example/a"></head><body>
    <nav>Menu Beranda Politik</nav>
    <div class="entry-content"><p>LAHAT - Polres Lahat mengamankan pleno rekapitulasi suara hari ini dengan
    ratusan personel gabungan yang disiagakan sejak pagi di kantor KPU.</p>
    <div class="baca-juga">Baca Juga <a href="/b">Kapolres Lain Tinjau TPS</a></div>
    <p>Paragraf kedua.</p><p>Foto: Humas Polres Lahat</p></div>
    <div id="comments">Tinggalkan Balasan</div></body></html>"""
    art = article_from_html(html, "https://x.example/a?utm_source=x")
    assert art.published == "2024-11-30T10:00:00+07:00"
    assert art.canonical_url == "https://x.example/a"
    assert art.dateline == "LAHAT"
    assert "Kapolres Lain" not in art.text and "Menu" not in art.text and "Foto" not in art.text
    assert art.text.endswith("Paragraf kedua.")


def test_html_declared_charset_is_honoured():
    html = '<html><head><meta charset="windows-1252"></head><body><article><p>{}</p></article></body></html>'
    body = ("Caf\u00e9 " + "kata " * 40).strip()
    art = article_from_html(html.format(body).encode("cp1252"), "u")
    assert art.text.startswith("Caf\u00e9")


def test_url_date_fallback():
    assert from_url(None, "https://x.example/read/2024/11/30/123/judul") == {"published": "2024-11-30"}
    assert from_url(None, "https://x.example/judul") == {}


def test_listing_links_filtered_by_pattern():
    html = '<a href="/berita/a.html">a</a><a href="/tag/x">x</a><a href="https://o.example/berita/b.html">b</a>'
    assert links(html, "https://x.example/list", r"/berita/") == [
        "https://x.example/berita/a.html", "https://o.example/berita/b.html"]


def test_plain_text_lead_in_and_page_stamp():
    text = ("Beranda › Berita › Batam\nSabtu, 2 Maret 2024 - 09:17 WIB\nPleno Rekapitulasi Pemilu di Batam\n"
            "Harga Cabai Naik · Banjir di OKI\n\n"
            "Batam (Batamnews) – Rapat pleno rekapitulasi tingkat Kota Batam berlangsung kemarin dan dijaga "
            "250 personel Polresta Barelang.\n")
    art = article_from_text(text, "u")
    assert art.text.startswith("Batam (Batamnews) – Rapat pleno")
    assert "OKI" not in art.text and art.title == "Pleno Rekapitulasi Pemilu di Batam"
    assert art.published.startswith("2024-03-02") and art.published_from == "stamp"
    # without a dateline nothing is cut
    plain = article_from_text("Polres Lahat Amankan Pleno Rekapitulasi Suara\n\nPolisi mengamankan pleno di Lahat "
                              "kemarin.", "u")
    assert plain.text.startswith("Polres Lahat Amankan Pleno")


def test_a_box_of_other_stories_inside_the_story_does_not_end_it():
    # "Berita Lainnya" (and "Berita X Lainnya") heads a box pages put inside a story as well as after it:
    # the heading and its headlines go; a sentence of the story after them goes on with the story
    text = ("Distribusi logistik dimulai pagi ini dari gudang KPU.\nBerita Lainnya\n"
            "Pemkab Nunukan Siapkan Posko Kesehatan di Perbatasan\nHarga Sembako di Krayan Naik Jelang Natal\n"
            "Dandim 0911/Nunukan Letkol Inf Marthen Lumban Gaol memastikan Babinsa ikut memantau hingga logistik tiba.")
    kept, dropped = clean_text(text)
    assert kept.endswith("hingga logistik tiba.") and "Marthen Lumban Gaol" in kept
    assert "Harga Sembako di Krayan Naik Jelang Natal" in dropped and "Berita Lainnya" in dropped
    # after it at the end of a page, whatever is not the story's prose ends the story as before
    kept, dropped = clean_text("Distribusi logistik dimulai pagi ini.\nBerita Kaltara Lainnya:\n"
                               "Polisi Amankan Pelaku Curanmor\nCopyright 2024 kaltaraonline.id")
    assert kept == "Distribusi logistik dimulai pagi ini." and "Copyright 2024 kaltaraonline.id" in dropped
