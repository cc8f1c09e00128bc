"""Metadata chain functions, each alone, the resolver, dates and datelines."""

from __future__ import annotations

import lxml.html
import pytest

from extractor.html.clean import dateline, dateline_date, parse_datetime
from extractor.html.metadata import (extract_meta, from_dateline, from_jsonld, from_meta, from_profile, from_time,
                                     from_title_tag, from_url, resolve)
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
