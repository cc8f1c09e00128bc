"""The body of a page (extractor/html/body.py): pantau's own steps around
trafilatura on the generic path, profiles that fail soft, photo pages."""

from __future__ import annotations

import lxml.html
import pytest

from extractor.html import article_from_html
from extractor.html.body import (captions, drop_furniture, generic_paragraphs, lead_before_first_p, main_element,
                                 missed, photo_page, with_lead)

SENTENCES = [f"Paragraf nomor {i} berisi kalimat panjang tentang pengamanan pemilihan kepala daerah di kota ini "
             f"oleh polisi dan tentara." for i in range(5)]
P = "".join(f"<p>{s}</p>" for s in SENTENCES)
LEAD = "Tahun depan pemerintah akan menambah anggaran pengamanan pilkada serentak di seluruh provinsi, kata menteri."
HEADLINES = ["Harga Cabai Merah di Pasar Induk Naik Lagi", "Sriwijaya FC Tundukkan Semen Padang di Kandang",
             "Banjir Rendam Tiga Desa di Ogan Komering Ilir", "Jembatan Musi IV Mulai Diaspal Pekan Depan"]


def tree(body: str, head: str = "<title>Judul Berita Ini - Situs.com</title>"):
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


def page(body: str) -> str:
    return f"<html><head><title>Judul Berita Ini - Situs.com</title></head><body>{body}</body></html>"


def test_main_element_holds_the_running_text():
    root = tree(f"<div class='side'><p>Pendek.</p></div><div class='txt'>{P}</div>"
                "<div class='br'>satu<br>dua<br>tiga</div>")
    assert main_element(root).get("class") == "txt"
    br = tree("<div class='nav'><a href='/'>Beranda</a></div><div id='isi'>" + "<br><br>".join(SENTENCES) + "</div>")
    assert main_element(br).get("id") == "isi"


@pytest.mark.parametrize("block", [
    # a list of dated headlines (detik, kompas): each item a link and a date stamp
    "<ul class='list'>" + "".join(f"<li><span>Kamis, 05/11/2015 0{i}:25 WIB</span> <a href='/{i}'>{h}</a></li>"
                                 for i, h in enumerate(HEADLINES)) + "</ul>",
    # the same with relative times, link first
    "<div class='terkini'>" + "".join(f"<div><a href='/{i}'>{h}</a> <span>{i + 1} jam lalu</span></div>"
                                      for i, h in enumerate(HEADLINES)) + "</div>",
    # headline teasers: a heading link and a short excerpt each
    "<div class='populer'>" + "".join(f"<div class='item'><h4><a href='/{i}'>{h}</a></h4><p>Ringkasan singkat berita "
                                      f"ini untuk kolom samping halaman.</p></div>" for i, h in enumerate(HEADLINES)) + "</div>",
    # mostly links: a ticker, a tag box
    "<div class='ticker'>" + " | ".join(f"<a href='/{i}'>{h}</a>" for i, h in enumerate(HEADLINES)) + "</div>",
    "<div class='tags'><a href='/t/1'>pilkada serentak</a> <a href='/t/2'>polda metro jaya</a></div>",
    "<marquee>Breaking news: harga cabai naik di seluruh pasar tradisional</marquee>",
])
def test_column_furniture_is_dropped_by_structure(block):
    root = tree(f"<div class='txt'>{P}</div>{block}")
    main = main_element(root)
    removed = drop_furniture(root, {main, *main.iterancestors()})
    assert removed and all(s in root.text_content() for s in SENTENCES)
    assert not any(h in root.text_content() for h in HEADLINES + ["pilkada serentak", "Breaking news"])


def test_a_paragraph_of_links_is_dropped_whatever_its_label_says():
    links = "<br>".join(f"<a href='/{i}'>{h}</a>" for i, h in enumerate(HEADLINES[:3]))
    linked = ("<p>Menurut <a href='/k'>Kapolda</a>, pengamanan di <a href='/t'>tiga kabupaten</a> dan "
              "<a href='/p'>dua kota</a> berjalan lancar tanpa gangguan berarti selama tahapan kampanye.</p>")
    html = page(f"<h1>Judul Berita Ini</h1><div class='txt'>{P[:len(P) // 2]}<p><b>Jangan lewatkan:</b><br>{links}</p>"
                f"{linked}{P[len(P) // 2:]}</div>")
    art = article_from_html(html, "https://situs.com/berita/5")
    assert not any(h in art.text for h in HEADLINES) and "Jangan lewatkan" not in art.text
    assert "Menurut Kapolda, pengamanan di tiga kabupaten" in art.text and art.text.count("Paragraf nomor") == 5


def test_a_comment_section_is_dropped_by_its_name():
    comments = "".join(f"<div class='item'><b>Warga {i}</b> <span>{i + 1} jam lalu</span><p>Semoga pilkada di kota "
                       f"kami berjalan aman dan damai, warga sudah lelah dengan keributan nomor {i}.</p></div>"
                       for i in range(3))
    html = page(f"<div class='detail'><h1>Judul Berita Ini</h1><div class='txt'>{P}</div>"
                f"<div id='kolom-komentar'><h3>Tanggapan Pembaca</h3>{comments}</div></div>")
    art = article_from_html(html, "https://situs.com/berita/6")
    assert art.text == "\n\n".join(SENTENCES)
    # the article's own containers are never dropped, whatever their names say
    html = page(f"<div class='detail komentar-aktif'><h1>Judul Berita Ini</h1><div class='txt'>{P}</div></div>")
    assert article_from_html(html, "https://situs.com/berita/7").text == "\n\n".join(SENTENCES)


def test_furniture_never_takes_the_article_or_its_containers():
    # the article's element itself is link-dense here: it is spared
    linked = "<div class='txt'>" + "".join(f"<p><a href='/{i}'>{s}</a></p>" for i, s in enumerate(SENTENCES)) + "</div>"
    root = tree(linked)
    main = main_element(root)
    assert drop_furniture(root, {main, *main.iterancestors()}) == []
    prose = tree(f"<div class='txt'>{P}<p>Menurut <a href='/k'>Kapolda</a>, pengamanan berjalan lancar dan aman.</p></div>")
    main = main_element(prose)
    assert drop_furniture(prose, {main, *main.iterancestors()}) == []


@pytest.mark.parametrize("markup", [
    f"<strong>Jakarta, Situs</strong> – {LEAD}{P}",
    f"<strong><a href='https://situs.com'>Jakarta, Situs</a></strong> – {LEAD}{P}",
    f"<strong>Jakarta, Situs</strong> – {LEAD}<br><br>{P}",
    f"<span class='lead'><strong>Jakarta, Situs</strong> – {LEAD}</span>{P}",
    f"<img src='a.jpg'><strong>Jakarta, Situs</strong> – {LEAD}{P}",
    f"<h2>Subjudul</h2><strong>Jakarta, Situs</strong> – {LEAD}{P}",
])
def test_a_lead_before_the_first_paragraph_is_kept(markup):
    html = page(f"<div class='wrap'><h1>Judul Berita Ini</h1><div class='txt'>{markup}</div></div>"
                "<div class='side'><ul><li><a href='/x'>Berita lain satu dua tiga</a></li></ul></div>")
    art = article_from_html(html, "https://situs.com/berita/1")
    assert art.text.startswith(f"Jakarta, Situs – {LEAD}\n\n{SENTENCES[0]}") and art.text.count("Tahun depan") == 1


def test_lead_functions_alone():
    main = tree(f"<div><strong>Jakarta</strong> - {LEAD}{P}</div>").find(".//div")
    assert lead_before_first_p(main) == [f"Jakarta - {LEAD}"]
    assert lead_before_first_p(tree(f"<div>Foto: Humas{P}</div>").find(".//div")) == []  # not a sentence
    assert lead_before_first_p(tree("<div>" + "<br>".join(SENTENCES) + "</div>").find(".//div")) == []  # no <p>
    assert with_lead(SENTENCES[:2], ["Lead kalimat."], SENTENCES[0]) == ["Lead kalimat.", *SENTENCES[:2]]
    assert with_lead(["Judul", *SENTENCES[:2]], ["Lead kalimat."], SENTENCES[0]) == \
        ["Judul", "Lead kalimat.", *SENTENCES[:2]]
    assert with_lead(["Lead kalimat.", *SENTENCES[:2]], ["Lead kalimat."], SENTENCES[0])[0] == "Lead kalimat."


@pytest.mark.parametrize("cls", ["share", "social-share", "share-buttons", "related", "tags"])
def test_an_article_inside_a_share_like_container_is_kept(cls):
    html = page(f"<h1>Judul Berita Ini</h1><div class='{cls}'><div class='share-box'><a>Facebook</a> <a>Twitter</a>"
                f"</div><div class='txt'>{P}</div></div><div class='{cls}'><a href='#'>WhatsApp</a></div>")
    art = article_from_html(html, "https://situs.com/berita/2")
    assert art.text == "\n\n".join(SENTENCES)


def test_photo_page_tells_its_story_in_captions():
    caps = [f"Personel gabungan memperagakan tahap simulasi nomor {i} pengamanan pilkada di lapangan." for i in range(4)]
    figures = "".join(f"<figure><img src='{i}.jpg'><figcaption>{c}</figcaption><div class='credit'>Foto: Agung/detikcom"
                      f"</div></figure>" for i, c in enumerate(caps))
    html = page(f"<h1>Potret Simulasi Pengamanan Pilkada</h1><div class='date'>Selasa, 22 Nov 2016 11:40 WIB</div>"
                f"<div class='gallery'>{figures}</div>")
    art = article_from_html(html, "https://news.detik.com/foto-news/d-1/x")
    assert art.text == "\n\n".join(caps) and art.published == "2016-11-22T11:40:00+07:00"
    # an article with a photo keeps its caption out
    normal = page(f"<h1>Judul Berita Ini</h1><figure><img src='a.jpg'><figcaption>{caps[0]}</figcaption></figure>"
                  f"<div class='txt'>{P}</div>")
    assert caps[0] not in article_from_html(normal, "https://x.example/a").text
    assert captions(tree(figures)) == caps


GALLERY_CAPS = [
    "Warga mengantre di depan TPS 04 Kelurahan Sukajadi untuk memberikan hak suara, Rabu (9/12/2015).",
    "Petugas KPPS mencocokkan undangan pemilih dengan daftar pemilih tetap sebelum warga masuk ke bilik.",
    "Seorang pemilih lanjut usia dibantu keluarganya menuju bilik suara yang disiapkan di teras sekolah.",
    "Personel Polres dan Linmas berjaga di pintu masuk TPS selama pemungutan suara berlangsung di kota itu.",
    "Saksi dari setiap pasangan calon mengikuti penghitungan suara yang digelar terbuka di halaman balai.",
    "Kotak suara yang sudah disegel diangkut ke kantor kecamatan dengan pengawalan dua anggota polisi.",
]
GALLERY_INTRO = ("Pilkada serentak di kota ini diikuti tiga pasangan calon, dan warga mulai berdatangan ke TPS "
                 "sejak pagi hari untuk menggunakan hak pilihnya.")


def gallery(intro: bool = True) -> str:
    """A photo page of its own kind: a header of label, byline, stamp and counters, an optional intro, six
    captioned figures with credits and counters, and a column of other galleries told in linked captions."""
    n = len(GALLERY_CAPS)
    figures = "".join(
        f"<figure class='slide'><div class='num'>{i + 1} / {n}</div><img src='{i}.jpg' alt='Pilkada'>"
        f"<figcaption>{c} <span class='credit'>(Situs.com/Budi Santoso)</span></figcaption>"
        f"<div class='by'>Fotografer: Budi Santoso</div></figure>" for i, c in enumerate(GALLERY_CAPS))
    others = "".join(f"<li><a href='/foto/{i}'><figure><img src='o{i}.jpg'><figcaption>{h}</figcaption></figure></a></li>"
                     for i, h in enumerate(HEADLINES))
    return ("<html><head><title>FOTO: Suasana Pencoblosan di Kota Sukajadi - Situs.com</title>"
            "<meta property='og:title' content='FOTO: Suasana Pencoblosan di Kota Sukajadi - Situs.com'></head><body>"
            "<div class='wrap'><div class='head'><span class='label'>FOTO</span><h1>Suasana Pencoblosan di Kota "
            "Sukajadi</h1><span class='author'>Rina Wulandari</span> <span class='date'>09 Des 2015, 10:25 WIB</span>"
            f"<span class='total'>{n} Foto</span></div>"
            + (f"<div class='intro'><p>{GALLERY_INTRO}</p></div>" if intro else "")
            + f"<div class='gallery'>{figures}</div></div>"
            f"<div class='col'><h3>Foto Populer</h3><ul>{others}</ul></div></body></html>")


@pytest.mark.parametrize("intro", [True, False])
def test_a_gallery_is_its_captions_without_credits_counters_or_bylines(intro):
    art = article_from_html(gallery(intro), "https://foto.situs.com/read/1/foto-suasana-pencoblosan")
    assert art.text == "\n\n".join([GALLERY_INTRO] * intro + GALLERY_CAPS)
    assert art.title == "Suasana Pencoblosan di Kota Sukajadi" and art.published.startswith("2015-12-09")
    for junk in ("Situs.com/", "/ 6", "Fotografer", "Foto Populer", HEADLINES[0]):
        assert junk not in art.text


def test_photo_page_decides_by_the_bodys_own_prose():
    title = "Suasana Pencoblosan di Kota Sukajadi"
    header = (f"FOTO {title} Rina Wulandari 09 Des 2015, 10:25 WIB "
              + " ".join(f"{i} / 6 (Situs.com/Budi Santoso)" for i in range(1, 7)))
    assert len(header.split()) >= 40  # not short: only its prose is
    text, junk = photo_page(header, GALLERY_CAPS, title, names=["Rina Wulandari"])
    assert text == "\n\n".join(GALLERY_CAPS) and header in junk
    # a story with captioned photos keeps its body and leaves the captions out
    assert photo_page("\n\n".join(SENTENCES), GALLERY_CAPS[:1], title) is None
    assert photo_page("\n\n".join(SENTENCES * 2), GALLERY_CAPS[:3], title) is None
    # a short body beside a gallery is its intro
    assert photo_page(GALLERY_INTRO, GALLERY_CAPS[:3], title)[0] == "\n\n".join([GALLERY_INTRO, *GALLERY_CAPS[:3]])


def test_an_article_with_one_captioned_photo_keeps_its_body_and_drops_the_caption():
    cap = "Kapolres meninjau kesiapan personel di halaman Mapolres, Selasa (8/12/2015)."
    html = page(f"<h1>Judul Berita Ini</h1><div class='txt'><figure><img src='a.jpg'><figcaption>{cap} "
                f"<span>(Situs.com/Budi Santoso)</span></figcaption></figure>{P}</div>")
    art = article_from_html(html, "https://situs.com/berita/3")
    assert art.text == "\n\n".join(SENTENCES)
    # three photos beside a longer story: still a story
    figs = "".join(f"<figure><img src='{i}.jpg'><figcaption>{c}</figcaption></figure>"
                   for i, c in enumerate(GALLERY_CAPS[:3]))
    html = page(f"<h1>Judul Berita Ini</h1><div class='txt'>{figs}{P}{P.replace('nomor', 'ke')}</div>")
    art = article_from_html(html, "https://situs.com/berita/4")
    assert not any(c in art.text for c in GALLERY_CAPS) and art.text.startswith(SENTENCES[0])


def test_a_profile_that_finds_only_a_scrap_hands_over_to_the_generic_path():
    """An older layout of a profiled outlet (ANTARA): the profile's body selector matches a sidebar teaser."""
    teaser = "<div class='side'><div class='post-content'><p>Ringkasan berita lain yang cukup panjang untuk kolom " \
             "terpopuler di sisi kanan halaman ini.</p></div></div>"
    html = page(f"<div id='content_news'><h1>Judul Berita Ini</h1><div id='content_news_text'>Bandung (ANTARA) - "
                + "<br><br>".join(SENTENCES) + f"</div></div>{teaser}")
    art = article_from_html(html, "https://www.antaranews.com/berita/1/x")
    assert art.profile == "generic" and art.text.startswith("Bandung (ANTARA) - Paragraf nomor 0")
    assert "Ringkasan berita lain" not in art.text
    # the current layout still reads through the profile
    current = page(f"<div class='wrap__article-detail-content post-content'>{P}</div>")
    assert article_from_html(current, "https://www.antaranews.com/berita/2/x").profile == "antaranews"


def test_generic_paragraphs_one_per_line():
    got = generic_paragraphs(tree(f"<div class='txt'>{P}</div>"))
    assert [g for g in got if g] == SENTENCES


def test_when_trafilatura_leaves_out_the_article_its_element_is_read():
    """trafilatura drops a block whose class names comments; the article's element is then read itself."""
    html = page(f"<h1>Judul Berita Ini</h1><div class='comment-body article'>{P}</div>"
                "<div class='side'><p>Iklan baris murah di kota ini.</p></div>")
    assert article_from_html(html, "https://x.example/a").text == "\n\n".join(SENTENCES)
    main = main_element(tree(f"<div class='txt'>{P}</div>"))
    assert missed(main, "") and not missed(main, "\n".join(SENTENCES))


def test_junk_selectors_a_fragment_lacks_are_left_out_and_the_same_tags_are_found():
    """A profile body's junk is matched with only the selectors whose names
    the fragment has (soupsieve tries every selector on every tag); the tags
    found are the ones the whole list finds, whatever the case of the names."""
    import re

    import soupsieve
    from bs4 import BeautifulSoup

    from extractor.html.body import _HIDDEN, _junk_for
    from extractor.html.clean import rules

    classes = [s[1:] for s in rules().selectors if re.fullmatch(r"\.[\w-]+", s)]
    tags = [s for s in rules().selectors if re.fullmatch(r"[a-z][\w-]*", s)]
    assert classes and tags
    extra = (".kotak-iklan", "#Berbagi", "div.promo")
    fragment = (f"<div class='isi'><p>{SENTENCES[0]}</p><div class='{classes[0].upper()}'>Baca juga</div>"
                f"<div class='x {classes[0]}'>Baca juga</div>"
                f"<{tags[0]}>menu</{tags[0]}><p id='berbagi'>Bagikan</p><div class='promo lain'>Promo</div>"
                f"<span class='promo'>bukan div</span><p hidden>tersembunyi</p>"
                f"<figure><img src=a.jpg><figcaption>Foto</figcaption></figure><p>{SENTENCES[1]}</p></div>")
    soup = BeautifulSoup(fragment, "lxml")
    whole = soupsieve.compile(", ".join((*rules().selectors, *_HIDDEN, *extra))).select(soup)
    reduced = _junk_for(soup, extra)
    assert [id(t) for t in reduced.select(soup)] == [id(t) for t in whole]
    assert len(whole) >= 5
    assert len(reduced.selectors) < len(rules().selectors) // 2
