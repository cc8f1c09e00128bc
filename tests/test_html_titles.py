"""Headlines without the site's name (extractor/html/titles.py), alone and in the metadata chain."""

from __future__ import annotations

import lxml.html
import pytest

from extractor.html.metadata import gather, resolve
from extractor.html.titles import (affixed, headline, host_key, is_site_name, learn_affixes, page_titles, site_keys,
                                   strip_affixes)


@pytest.mark.parametrize("title,url,names,want", [
    ("KPU Jadwalkan PSU di Lima Daerah - Kompas.com", "http://nasional.kompas.com/read/x", (), "KPU Jadwalkan PSU di Lima Daerah"),
    ("Kompas.com: KPU Jadwalkan PSU di Lima Daerah", "https://kompas.com/x", (), "KPU Jadwalkan PSU di Lima Daerah"),
    ("Polisi Amankan 12 Orang : Okezone News", "https://news.okezone.com/x", (), "Polisi Amankan 12 Orang"),
    ("Sidang Sengketa Pilkada | Tempo Nasional", "https://nasional.tempo.co/x", (), "Sidang Sengketa Pilkada"),
    ("Kapolri Perintahkan Siaga - News Liputan6.com", "https://www.liputan6.com/x", (), "Kapolri Perintahkan Siaga"),
    ("Bawaslu Minta Polri Usut | Republika Online", "https://www.republika.co.id/x", (), "Bawaslu Minta Polri Usut"),
    ("Pleno Ricuh di Empat Lawang | Portal Sumsel", "https://x.example/a", ("Portal Sumsel",), "Pleno Ricuh di Empat Lawang"),
    # a separator inside the headline is the headline's
    ("Banjir di Palembang - Warga Mengungsi ke Masjid", "https://x.example/a", (), "Banjir di Palembang - Warga Mengungsi ke Masjid"),
    ("Kereta Cepat Jakarta–Bandung Mulai Dibangun", "https://bandung.example/a", (), "Kereta Cepat Jakarta–Bandung Mulai Dibangun"),
    ("Pilkada Sumsel: Polisi Siaga di 20 Ribu TPS", "https://x.example/a", (), "Pilkada Sumsel: Polisi Siaga di 20 Ribu TPS"),
])
def test_site_affixes_are_stripped(title, url, names, want):
    assert headline(title, url=url, names=names) == want


def test_h1_wins_when_the_title_is_the_h1_plus_an_affix():
    assert headline("Judul Berita Ini - NamaSitus.com", ["Judul Berita Ini"]) == "Judul Berita Ini"
    assert headline("NamaSitus.com: Judul Berita Ini", ["Judul Berita Ini"]) == "Judul Berita Ini"
    # the <h1> spells the title with other quotes: the page's visible form
    assert headline('Kapolda: "Kami Siaga"', ["Kapolda: “Kami Siaga”"]) == "Kapolda: “Kami Siaga”"
    # an <h1> that is the site's name (Blogger) is not the headline
    assert headline("Polisi Amankan TPS ~ Berita OKU", ["Berita OKU"], url="https://beritaokuraya.blogspot.com/x") \
        == "Polisi Amankan TPS"
    # a different (shorter) og:title is kept: the h1 is not merely affixed
    assert headline("Polisi Siaga", ["Polisi Siaga di 20 Ribu TPS Jelang Pencoblosan"]) == "Polisi Siaga"


def test_affixed_and_site_name_alone():
    assert affixed("Judul Berita - Situs", "Judul Berita") and not affixed("Judul Berita", "Judul Berita")
    # what is left must not be longer than the <h1>: a site-name <h1> does not "affix" the headline
    assert not affixed("Polisi Amankan TPS Baru ~ Berita OKU", "Berita OKU")
    keys = site_keys("https://sumsel.tribunnews.com/2024/x", ["TribunSumsel.com"])
    assert {"sumsel", "tribunnews", "tribunsumselcom"} <= keys
    assert is_site_name("Tribunsumsel.com", keys) and is_site_name("Okezone News", site_keys("https://okezone.com"))
    assert not is_site_name("Polisi Siaga di Dua Puluh Ribu TPS Jelang Pencoblosan", keys)
    assert strip_affixes("Judul", keys) == "Judul"


def test_affixes_learned_across_a_crawl_are_passed_in():
    titles = ["Pleno Aman | Berita Terkini Hari Ini", "Polisi Siaga | Berita Terkini Hari Ini",
              "Kotak Suara Tiba | Berita Terkini Hari Ini", "Tanpa Affix Sama Sekali"]
    learned = learn_affixes(titles)
    assert learned == ("Berita Terkini Hari Ini",)
    assert headline("Banjir Surut | Berita Terkini Hari Ini", url="https://x.example/a") == \
        "Banjir Surut | Berita Terkini Hari Ini"  # the page alone cannot tell
    assert headline("Banjir Surut | Berita Terkini Hari Ini", url="https://x.example/a", affixes=learned) == "Banjir Surut"
    assert learn_affixes(titles[:2]) == ()  # two titles are not enough to learn from


def test_the_chain_prefers_the_h1_over_an_affixed_og_title():
    root = lxml.html.document_fromstring(
        "<html lang='id'><head><title>Polisi Amankan 12 Orang : Okezone News</title>"
        "<meta property='og:title' content='Polisi Amankan 12 Orang : Okezone News'>"
        "<meta property='og:site_name' content='Okezone'></head>"
        "<body><div class='logo'><h1>okezone</h1></div><h1>Polisi Amankan 12 Orang</h1><p>Isi.</p></body></html>")
    url = "https://news.okezone.com/read/2016/02/23/340/1319876/x"
    assert resolve(gather(root, url), url).title == "Polisi Amankan 12 Orang"


def test_h1_is_the_visible_form_of_a_cut_or_respelled_title():
    h1 = "Kapolri Perintahkan Jajaran Siaga Jelang Putusan MK Sengketa Pilkada di 17 Provinsi"
    assert headline("Kapolri Perintahkan Jajaran Siaga Jelang Putusan MK Sengketa...", [h1]) == h1
    assert headline("polisi buru penyebar isu sara jelang pilkada dki", ["Polisi Buru Penyebar Isu SARA Jelang "
                                                                         "Pilkada DKI"]) == \
        "Polisi Buru Penyebar Isu SARA Jelang Pilkada DKI"
    assert headline("Kapolda: &quot;Kami Siaga&quot;", []) == 'Kapolda: "Kami Siaga"'
    # an <h1> of another story (a featured headline) is not the title's visible form
    assert headline("Polisi Siaga di 20 Ribu TPS", ["Harga Cabai Merah di Pasar Induk Naik Lagi"]) == \
        "Polisi Siaga di 20 Ribu TPS"


def test_affixes_are_learned_per_page_and_beneath_the_site_name():
    # a page's <title> and og:title count once for the page
    pages = [(f"Judul {i} - Koran Kita", f"Judul {i} | Koran Kita") for i in range(2)] + [("Tanpa",), ("Juga",)]
    assert learn_affixes([t for ts in pages for t in ts]) == ("Koran Kita",)  # four titles of six
    assert learn_affixes(pages) == ()  # but two pages of four
    assert learn_affixes(pages + [("Judul 5 - Koran Kita",)]) == ("Koran Kita",)
    # a constant section between headline and site is learned once the site's name is
    titles = [f"Berita Nomor {i} - Berita Jatim - Koran Kita" for i in range(4)]
    assert learn_affixes(titles) == ("Berita Jatim", "Koran Kita")
    assert headline(titles[0], url="https://x.example/a", affixes=learn_affixes(titles)) == "Berita Nomor 0"
    # the same titles in any order give the same affixes
    assert learn_affixes(reversed(titles)) == learn_affixes(titles)


def test_page_titles_are_read_from_the_head_alone():
    raw = ('<html><head><meta content="Polisi &amp; TNI Siaga - Koran Kita" property="og:title">'
           '<title>Polisi &amp; TNI Siaga \u2013 Koran Kita</title><meta name="twitter:title" content=\'Polisi\'>'
           '</head><body><title>Bukan Judul</title><meta property="og:title" content="Bukan"></body></html>')
    assert page_titles(raw.encode("cp1252").replace(b"<html>", b'<html><meta charset="windows-1252">')) == \
        ("Polisi & TNI Siaga \u2013 Koran Kita", "Polisi & TNI Siaga - Koran Kita", "Polisi")
    assert page_titles(b"") == () and page_titles("<p>tanpa judul</p>") == ()
    assert host_key("https://WWW.Kabar.example/x") == "kabar.example" and host_key("file:///tmp/a.html") == ""
