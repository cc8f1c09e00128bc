"""Metadata chain functions, each alone, the resolver, dates and datelines."""

from __future__ import annotations

import lxml.html
import pytest

from extractor.html.clean import date_stamp, dateline, dateline_date, parse_datetime
from extractor.html.metadata import (extract_meta, from_dateline, from_htmldate, from_jsonld, from_meta, from_profile,
                                     from_time, from_title_tag, from_url, from_visible, gather, localise, page_zone,
                                     resolve, shown_clocks)
from extractor.html.profiles import profile_for


def page(head: str = "", body: str = ""):
    return lxml.html.document_fromstring(f"<html lang='id'><head>{head}</head><body>{body}</body></html>")


@pytest.mark.parametrize("value,iso", [
    ("2024-11-30T10:15:00+07:00", "2024-11-30T10:15:00+07:00"),
    ("2024-11-30T10:15:00+0700", "2024-11-30T10:15:00+07:00"),
    ("2024-11-30T03:15:00.000Z", "2024-11-30T03:15:00+00:00"),
    ("2024-11-30 10:15:00", "2024-11-30T10:15:00"),
    ("2024-11-30", "2024-11-30"),
    ("Sabtu, 30 November 2024 10:15 WIB", "2024-11-30T10:15:00+07:00"),
    ("Sabtu, 30 Nov 2024 | 10:15 WITA", "2024-11-30T10:15:00+08:00"),
    ("30/11/2024, 10.15 WIT", "2024-11-30T10:15:00+09:00"),
    ("Diterbitkan 02 Agu 2024, 19:30 WIB", "2024-08-02T19:30:00+07:00"),
    ("Kamis, 14 Februari 2024", "2024-02-14"),
    ("2015/11/05 09:25:13", "2015-11-05T09:25:13"),
    ("Kompas.com - 23/02/2016, 15:06 WIB", "2016-02-23T15:06:00+07:00"),
    ("February 23, 2016", "2016-02-23"),
    ("2024-11-30T25:99:00", "2024-11-30"),
    ("31/02/2024", None),
    ("kemarin sore", None),
    ("", None),
])
def test_parse_datetime(value, iso):
    assert parse_datetime(value) == iso


def test_jsonld_in_graph_list_and_with_trailing_comma():
    graph = """<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"X"},
      {"@type":["NewsArticle"],"headline":"Judul","datePublished":"2024-11-30T10:15:00+07:00",
       "author":[{"@type":"Person","name":"A"},{"@type":"Person","name":"B"}],"publisher":{"name":"Outlet"},
       "keywords":["Pilkada","TPS"],"articleSection":"Daerah","mainEntityOfPage":{"@id":"https://x.example/a"},}]}</script>"""
    got = from_jsonld(page(graph), "")
    assert got["title"] == "Judul" and got["published"] == "2024-11-30T10:15:00+07:00"
    assert got["author"] == "A, B" and got["outlet"] == "Outlet" and got["tags"] == ("Pilkada", "TPS")
    assert got["canonical"] == "https://x.example/a" and got["section"] == "Daerah"
    assert from_jsonld(page('<script type="application/ld+json">{not json</script>'), "") == {}
    assert from_jsonld(page('<script type="application/ld+json">{"@type":"Organization"}</script>'), "") == {}


def test_meta_tags():
    head = """<meta property="og:title" content="Judul OG"><meta property="og:site_name" content="Warta">
    <meta property="article:published_time" content="2024-11-30T10:15:00+07:00">
    <meta property="article:modified_time" content="2024-11-30T12:00:00+07:00">
    <meta property="article:tag" content="Pilkada"><meta property="article:tag" content="Polres">
    <meta name="author" content="https://facebook.com/x"><link rel="canonical" href="/berita/a">"""
    got = from_meta(page(head), "")
    assert got["title"] == "Judul OG" and got["outlet"] == "Warta" and got["tags"] == ("Pilkada", "Polres")
    assert got["published"] == "2024-11-30T10:15:00+07:00" and got["modified"] == "2024-11-30T12:00:00+07:00"
    assert got["author"] == "" and got["canonical"] == "/berita/a"


def test_profile_bylines_and_visible_date():
    prof = profile_for("https://sumsel.tribunnews.com/x")
    body = """<h1 id="arttitle">Judul</h1><div id="article"><time>Sabtu, 30 November 2024 10:15 WIB</time></div>
    <div class="credit">Penulis: <span id="penulis"><a>Ahmad</a></span> | Editor: <span id="editor"><a>Budi</a></span></div>
    <div class="tagcloud3"><a>Pilkada</a><a>Lahat</a></div>"""
    got = from_profile(page(body=body), "", prof)
    assert (got["title"], got["author"], got["editor"]) == ("Judul", "Ahmad", "Budi")
    assert got["published"] == "2024-11-30T10:15:00+07:00" and got["tags"] == ("Pilkada", "Lahat")
    antara = profile_for("https://sumsel.antaranews.com/x")
    body = '<div class="post-content"><p class="text-muted">Pewarta: Dewi<br>Editor: Rudi<br>COPYRIGHT © ANTARA 2024</p></div>'
    got = from_profile(page(body=body), "", antara)
    assert (got["author"], got["editor"]) == ("Dewi", "Rudi")


def test_time_url_and_title_tag():
    assert from_time(page(body='<time datetime="2024-11-30T10:15:00+07:00">x</time>'), "") == \
        {"published": "2024-11-30T10:15:00+07:00", "shown": "x"}
    assert from_time(page(body="<abbr itemprop='datePublished' title='2024-11-30T08:00:00+07:00'>8:00</abbr>"),
                     "")["published"] == "2024-11-30T08:00:00+07:00"
    assert from_url(None, "https://x.example/read/2024/11/30/123/judul") == {"published": "2024-11-30"}
    assert from_url(None, "https://x.example/berita/20241130123/judul") == {"published": "2024-11-30"}
    assert from_url(None, "https://x.example/pilkada/29/11/2024/judul") == {"published": "2024-11-29"}
    assert from_url(None, "https://x.example/2024/13/45/judul") == {}
    assert from_url(None, "https://x.example/judul") == {}
    blog = page("<title>Polisi Amankan TPS ~ Berita OKU</title>", "<h1>Berita OKU</h1>")
    assert from_title_tag(blog, "")["title"] == "Polisi Amankan TPS"
    news = page("<title>Polisi Amankan TPS - Warta</title>", "<h1>Polisi Amankan TPS</h1>")
    assert from_title_tag(news, "") == {"language": "id", "title": "Polisi Amankan TPS", "h1s": ("Polisi Amankan TPS",)}


def test_resolver_prefers_reliable_sources_and_records_disagreement():
    found = {"jsonld": {"published": "2024-11-30T10:15:00+07:00", "title": "A"},
             "meta": {"published": "2024-11-29T10:15:00+07:00", "title": "B"},
             "url": {"published": "2024-11-30"}, "dateline": {"published": "2024-11-28"}}
    meta = resolve(found)
    assert (meta.published, meta.published_from, meta.title) == ("2024-11-30T10:15:00+07:00", "jsonld", "A")
    assert any("meta 2024-11-29" in n for n in meta.notes) and any("dateline says 2024-11-28" in n for n in meta.notes)
    assert not any("url" in n for n in meta.notes)  # agrees


def test_resolver_completes_date_only_and_localises_utc():
    meta = resolve({"jsonld": {"published": "2024-11-30"},
                    "profile": {"published": "2024-11-30T10:15:00+08:00", "shown": "30 Nov 2024 10:15 WITA"}})
    assert (meta.published, meta.published_from) == ("2024-11-30T10:15:00+08:00", "jsonld+profile")
    meta = resolve({"meta": {"published": "2024-11-30T20:00:00+00:00"},
                    "profile": {"published": "2024-12-01T03:00:00+07:00", "shown": "Minggu, 1 Des 2024 03:00 WIB"}})
    assert meta.published == "2024-12-01T03:00:00+07:00" and not meta.notes  # same instant
    meta = resolve({"meta": {"published": "2024-11-30T10:00:00", "modified": "2024-11-01T00:00:00"}})
    assert meta.published == "2024-11-30T10:00:00" and meta.modified is None  # naive stays naive; bad modified dropped


def test_extract_meta_uses_the_dateline_last():
    root = page("<title>T</title>")
    meta = extract_meta(root, "https://x.example/a", None, "LAHAT - Polres Lahat ..., Senin (2/12/2024).")
    assert (meta.published, meta.published_from) == ("2024-12-02", "dateline")
    assert from_dateline("Tanpa tanggal.") == {}


@pytest.mark.parametrize("text,city", [
    ("MUARA ENIM - Polres ...", "MUARA ENIM"),
    ("Puruk Cahu – Personel ...", "Puruk Cahu"),
    ("KOTA MADIUN, Lenzanasional – Polres ...", "KOTA MADIUN"),
    ("TRIBUNSUMSEL.COM, PALEMBANG - Polres ...", "PALEMBANG"),
    ("Palembang (ANTARA) - Polda ...", "Palembang"),
    ("PALEMBANG,sumeks.id- Polres ...", "PALEMBANG"),
    ("Purwokerto.banyumasekspres.id – Logistik ...", "Purwokerto"),
    ("RB, PALEMBANG\n\n- Polres Lahat ...", "PALEMBANG"),
    ("sumeks.disway.id – Lahat.\n\nPolres ...", "Lahat"),
    ("Palu Sulteng-Tribratanews\n\nSabtu 30 November 2024 Demi ...", "Palu"),
    ("Tanjung Selor, Bulungan (ANTARA) – Polres ...", "Tanjung Selor"),
    ("Kayuagung, Ogan Komering Ilir (KOI) – Polres ...", "Kayuagung"),
    ("Tribratanews, Palembang — Polda ...", "Palembang"),
    ("Bandar Lampung (Lampost.co) -- Polda ...", "Bandar Lampung"),
    ("Baturaja—Polres OKU ...", "Baturaja"),
    ("Tidak ada dateline di sini.", ""),
    ("Sosialisasi Pra-Pilkada digelar di Lahat.", ""),
    ("Kapolres Lahat AKBP Fadli, S.I.K. - katanya ...", ""),
])
def test_dateline_shapes(text, city):
    assert dateline(text) == city


@pytest.mark.parametrize("text,date", [
    ("LAHAT - Polres ..., Senin (2/12/2024).", "2024-12-02"),
    ("X - y, Sabtu (30/11/24) pagi.", "2024-11-30"),
    ("X - y, Jumat (29-11-2024).", "2024-11-29"),
    ("Jakarta - Rabu, 14 Februari 2024 ada ...", "2024-02-14"),
    ("X - kampanye Senin (29/8) lalu.", None),
])
def test_dateline_date(text, date):
    assert dateline_date(text) == date


@pytest.mark.parametrize("text,iso,updated", [
    ("Selasa, 23 Februari 2016 15:06 WIB", "2016-02-23T15:06:00+07:00", False),
    ("Kamis, 05/11/2015 09:25 WIB", "2015-11-05T09:25:00+07:00", False),
    ("Kompas.com - 23/02/2016, 15:06 WIB", "2016-02-23T15:06:00+07:00", False),
    ("Senin , 15 Februari 2016, 18:20 WIB", "2016-02-15T18:20:00+07:00", False),
    ("23 Feb 2016, 23:30 WIB", "2016-02-23T23:30:00+07:00", False),
    ("Kamis, 20 Oktober 2016", "2016-10-20", False),
    ("Diperbarui: Rabu, 24 Februari 2016 10:00 WIB", "2016-02-24T10:00:00+07:00", True),
    ("23 Februari 2016", None, False),  # a bare date: no weekday, no time
    ("Kamis (5/11/2015)", None, False),  # a dateline's date, in parentheses
    ("Pilkada digelar serentak pada Rabu, 9 Desember 2015 di 269 daerah di seluruh Indonesia menurut jadwal KPU "
     "yang sudah ditetapkan sejak awal tahun ini.", None, False),  # a sentence, not a stamp
])
def test_date_stamp(text, iso, updated):
    assert date_stamp(text) == (iso, updated)


@pytest.mark.parametrize("url,day", [
    ("https://x.example/read/2016/02/15/123/judul", "2016-02-15"),
    ("https://www.republika.co.id/berita/nasional/politik/16/02/15/o2m9xy361-judul", "2016-02-15"),
    ("https://x.example/berita/judul-20160215", "2016-02-15"),
    ("https://x.example/news/20160215/judul", "2016-02-15"),
    ("https://nasional.sindonews.com/read/1087865/12/judul-1456270200", "2016-02-23T23:30:00+00:00"),
    ("https://x.example/berita/judul-9999999999", None),  # a Unix time in the future: an ID
    ("https://x.example/99/13/45/judul", None),
    ("https://x.example/berita/2099/01/01/judul", None),  # not in the future either
])
def test_url_date_forms(url, day):
    assert from_url(None, url).get("published") == day


# --------------------------------------------------------------------------- the page's own date stamp
def test_visible_stamp_in_a_container_no_profile_names():
    root = page(body="""<div class="ticker"><span>Selasa, 23/02/2016 14:00 WIB</span> <a href="/a">Harga Cabai
    Merah Naik Lagi di Pasar Induk</a></div><div class="topbar">Rabu, 2 Maret 2016</div>
    <h1>KPU Jadwalkan Pemungutan Suara Ulang</h1><div class="kcm-x"><b>Kompas.com</b> - 23/02/2016, 15:06 WIB</div>
    <div class="isi"><p>Isi berita.</p></div>
    <ul class="terkait"><li><span>Selasa, 23/02/2016 13:02 WIB</span> <a href="/b">Berita lain yang terkait</a></li></ul>
    <div class="comment"><b>Budi</b> <span class="date">Rabu, 24/02/2016 08:00 WIB</span><p>Komentar.</p></div>""")
    got = from_visible(root, "")
    assert got["published"] == "2016-02-23T15:06:00+07:00" and "15:06 WIB" in got["shown"]


def test_visible_stamp_above_the_headline_and_split_over_two_nodes():
    above = page(body="""<div class="date_detail"><p>Senin , 15 Februari 2016, 18:20 WIB</p></div>
    <h1>Bawaslu Minta Polri Usut Politik Uang</h1><p>Isi.</p>
    <div class="comments"><div><span class="date">Selasa, 16 Februari 2016 08:00 WIB</span><p>Setuju sekali.</p></div></div>""")
    assert from_visible(above, "")["published"] == "2016-02-15T18:20:00+07:00"
    split = page(body="<h1>Judul berita yang cukup panjang</h1><div class='meta'><span>Selasa, 23 Februari 2016</span>"
                      " <span>15:06 WIB</span></div>")
    assert from_visible(split, "")["published"] == "2016-02-23T15:06:00+07:00"


def test_visible_stamp_labelled_as_update_is_the_modified_date():
    root = page(body="<h1>Judul berita yang cukup panjang</h1><div>Diperbarui: Rabu, 24 Februari 2016 10:00 WIB</div>"
                     "<div>Selasa, 23 Februari 2016 15:06 WIB</div>")
    got = from_visible(root, "")
    assert (got["published"], got["modified"]) == ("2016-02-23T15:06:00+07:00", "2016-02-24T10:00:00+07:00")


def test_dates_of_other_stories_are_not_the_pages():
    lists = page(body="""<h1>Judul berita yang cukup panjang</h1><p>Isi.</p>
    <div class="populer"><div class="item"><h4><a href="/x">Banjir Rendam Ribuan Rumah di Bandung</a></h4>
    <time datetime="2016-02-20T10:00:00+07:00">Sabtu, 20 Februari 2016 10:00 WIB</time></div></div>""")
    assert from_visible(lists, "") == {} and from_time(lists, "") == {}
    # a permalink around the page's own date is not another story
    own = page(body='<h1>Judul berita yang cukup panjang</h1><div class="jeg_meta_date"><a href="/self">26 November '
                    '2024 - 15:20 WIB</a></div>')
    assert from_visible(own, "")["published"] == "2024-11-26T15:20:00+07:00"


def test_htmldate_is_the_generic_source_and_a_cross_check():
    root = page('<meta property="article:published_time" content="2016-02-23T08:06:00+00:00">')
    assert from_htmldate(root, "https://x.example/a") == {"published": "2016-02-23"}
    bare = page(body="<div><p>Tanpa tanggal di mana pun.</p></div>")
    assert from_htmldate(bare, "https://x.example/a") == {}
    # nothing else answered: htmldate searches the whole text
    found = gather(page(body="<div><p>Ditulis pada 2016-02-23 oleh redaksi kami.</p></div>"), "https://x.example/a")
    assert found["htmldate"] == {"published": "2016-02-23"}
    meta = resolve({"jsonld": {"published": "2016-02-23T15:06:00+07:00"}, "htmldate": {"published": "2016-02-21"}})
    assert meta.published_from == "jsonld" and any("htmldate says 2016-02-21" in n for n in meta.notes)
    # htmldate read the UTC day of the same instant: no disagreement
    meta = resolve({"jsonld": {"published": "2016-02-23T00:20:00+07:00"}, "htmldate": {"published": "2016-02-22"}})
    assert not meta.notes


# --------------------------------------------------------------------------- zones
def test_page_zone_stated_assumed_or_unknown():
    assert page_zone({"visible": {"shown": "Kamis, 12 Mei 2016 16:45 WITA"}}) == ("+08:00", True)
    assert page_zone({"jsonld": {"published": "2016-03-01T11:15:00+09:00"}}) == ("+09:00", True)
    assert page_zone({"title_tag": {"language": "id"}}) == ("+07:00", False)
    assert page_zone({}) == ("+07:00", False)  # no declared language: an Indonesian outlet's page
    assert page_zone({"title_tag": {"language": "en"}}, "https://x.example/a") == (None, False)
    assert page_zone({"title_tag": {"language": "en"}}, "https://x.co.id/a") == ("+07:00", False)


def test_localise_converts_instants_and_relabels_a_false_utc():
    # 00:20 WIB is the previous day in UTC: converted, the day is the page's
    assert localise("2016-02-22T17:20:00+00:00", "+07:00") == "2016-02-23T00:20:00+07:00"
    # the page shows the same clock time: the Z labelled the local time
    clocks = shown_clocks({"time": {"shown": "23 Feb 2016, 23:30 WIB"}})
    assert clocks == {"23:30"} and localise("2016-02-23T23:30:00+00:00", "+07:00", clocks) == \
        "2016-02-23T23:30:00+07:00"
    assert localise("2016-02-23T10:15:00+07:00", "+08:00") == "2016-02-23T11:15:00+08:00"
    assert localise("2016-02-23", "+07:00") == "2016-02-23" and localise("2016-02-23T10:15:00", "+07:00") == \
        "2016-02-23T10:15:00"
    # a shown ISO value with an offset is not the page's own clock
    assert shown_clocks({"time": {"shown": "2016-02-23T23:30:00Z"}}) == frozenset()


@pytest.mark.parametrize("found,published", [
    # JSON-LD in UTC at 00:35 WIB: the page's day, not the previous one
    ({"jsonld": {"published": "2019-04-16T17:35:00+00:00"},
      "visible": {"published": "2019-04-17T00:35:00+07:00", "shown": "Rabu, 17 Apr 2019 00:35 WIB"}},
     "2019-04-17T00:35:00+07:00"),
    # a UTC datetime on an Indonesian page that shows no time: WIB assumed
    ({"meta": {"published": "2016-02-22T17:20:00+00:00"}, "title_tag": {"language": "id"}}, "2016-02-23T00:20:00+07:00"),
    # a bare Z beside the same visible clock time: a mislabelled local time
    ({"meta": {"published": "2016-02-23T23:30:00+00:00"},
      "time": {"published": "2016-02-23T23:30:00", "shown": "23 Feb 2016, 23:30 WIB"}}, "2016-02-23T23:30:00+07:00"),
    # naive metadata, the zone only in the visible stamp
    ({"meta": {"published": "2016-02-23T15:06:38"},
      "visible": {"published": "2016-02-23T15:06:00+07:00", "shown": "Kompas.com - 23/02/2016, 15:06 WIB"}},
     "2016-02-23T15:06:38+07:00"),
    # a URL day takes the time of the visible stamp
    ({"url": {"published": "2017-02-14"},
      "visible": {"published": "2017-02-14T21:10:00+07:00", "shown": "Selasa, 14 Februari 2017 | 21:10 WIB"}},
     "2017-02-14T21:10:00+07:00"),
    # a Unix time in the URL, shown in the page's zone
    ({"url": {"published": "2016-02-23T23:30:00+00:00"}}, "2016-02-24T06:30:00+07:00"),
])
def test_resolver_puts_every_datetime_in_the_pages_zone(found, published):
    assert resolve(found).published == published


def test_profile_without_a_date_hands_over_to_the_generic_sources():
    """An older layout of a profiled outlet: the profile's date selectors find nothing, the page's stamp does."""
    prof = profile_for("https://www.antaranews.com/berita/1/x")
    root = page(body="<div id='content_news'><h1>Polda Jabar Petakan TPS Rawan</h1><p class='date'><span>Rabu, 8 Juni "
                     "2016 11:25 WIB</span> | <span>1.234 Views</span></p><div>Bandung (ANTARA News) - Isi.</div></div>")
    meta = extract_meta(root, "https://www.antaranews.com/berita/1/x", prof)
    assert (meta.published, meta.published_from) == ("2016-06-08T11:25:00+07:00", "visible")


def test_visible_stamp_beside_an_author_link_and_under_an_h2_headline():
    """An author's name is not a headline; a layout without an <h1> anchors on the heading the <title> spells;
    a table row of another story is a list item too."""
    root = page("<title>Polisi Siaga di Seluruh TPS - Situs</title>", """
    <div class="side"><div class="item"><span class="date">Kamis, 05/11/2015 08:00 WIB</span>
    <h4><a href="/x">Banjir Rendam Ribuan Rumah di Bandung Selatan</a></h4></div></div>
    <h2 class="judul">Polisi Siaga di Seluruh TPS</h2>
    <div class="author"><a href="/penulis/x">Putu Merta Surya Putra</a> <span>Kamis, 05/11/2015 09:25 WIB</span></div>
    <table><tr><td>Kamis, 05/11/2015 07:00 WIB</td><td><a href="/y">Gempa Guncang Perairan Selatan Jawa Hari Ini</a>
    </td></tr></table>""")
    assert from_visible(root, "")["published"] == "2015-11-05T09:25:00+07:00"


def test_a_bare_date_counts_in_an_element_named_like_a_date():
    named = page(body="<h1>Judul berita yang cukup panjang</h1><div class='post-date'><span>23 Februari 2016</span></div>")
    assert from_visible(named, "")["published"] == "2016-02-23"
    unnamed = page(body="<h1>Judul berita yang cukup panjang</h1><div class='x'><span>23 Februari 2016</span></div>")
    assert from_visible(unnamed, "") == {}
