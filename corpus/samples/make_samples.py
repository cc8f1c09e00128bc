"""Write the sample pages of corpus/samples/ and their expected.jsonl.

    python corpus/samples/make_samples.py

The pages imitate the page structures of the outlets configured in
corpus/sources.toml (and three unknown sites for the generic fallback) as
known when written: menus, tickers, sidebars, inline scripts, JSON-LD or its
absence, AMP, pagination, BACA JUGA boxes and lines, captions, bylines,
share widgets, newsletter prompts, comment forms, broken markup and
non-UTF-8 charsets (set "outlets"); and the older layouts (2015-2019) of
national and entertainment portals that have no profile (set "portals":
detik, kompas, tempo, republika, okezone, liputan6, viva, merdeka,
sindonews, suara, kapanlagi, an older ANTARA layout, a detikFoto page, a merdeka.com
gallery with an intro, counters and credits):
dates only in a visible line or in UTC JSON-LD, yy/mm/dd and Unix-time URLs,
og:title with site affixes, leads before the first <p>, <br><br>
paragraphs, an article inside a share-like container, lists of dated
headlines, embedded tweets, [Gambas:Video] placeholders, FOTO TERKAIT
lists, comment disclaimers and prompts. The stories are in articles.py. The
generated files are committed; the tests read only them and expected.jsonl.

Each line of expected.jsonl: id, outlet (profile name or "generic"), files
(pages in order), url, page_urls, title, published, dateline, first and last
(sentences of the body), junk (strings that must not survive), text (the
gold main text: paragraphs joined by a blank line), relevant (bool), story,
features, set ("outlets" or "portals").
"""

from __future__ import annotations

import html as H
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from articles import STORIES  # noqa: E402

OUT = Path(__file__).parent
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]
ZONE = {"+07:00": "WIB", "+08:00": "WITA", "+09:00": "WIT"}

OTHER_NEWS = [
    "Harga Cabai Merah di Pasar Induk Jakabaring Tembus Rp80 Ribu",
    "Sriwijaya FC Tundukkan Semen Padang di Stadion Jakabaring",
    "Banjir Rendam Tiga Desa di Ogan Komering Ilir",
    "Jembatan Musi IV Mulai Diaspal Pekan Depan",
    "Dua Pengedar Sabu Diringkus di Tebing Tinggi",
    "Pemkot Gelar Pasar Murah Jelang Natal dan Tahun Baru",
    "Gempa Magnitudo 5,1 Guncang Perairan Selatan Jawa",
    "Presiden Prancis Kunjungi Jakarta Bahas Kerja Sama Energi",
    "Harga Karet di Tingkat Petani Mulai Naik",
    "Festival Kuliner Nusantara Digelar di Benteng Kuto Besak",
    "Kapal Cepat Ternate-Sofifi Kembali Beroperasi",
    "Petani Kopi Semende Keluhkan Harga Pupuk",
    "Timnas U-20 Jalani Pemusatan Latihan di Spanyol",
    "Kebakaran Lahan Gambut di Pedamaran Mulai Padam",
]


def parts(iso: str):
    y, mo, d = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    import datetime as dt
    day = DAYS[dt.date(y, mo, d).weekday()]
    hm = iso[11:16] if len(iso) > 10 else ""
    zone = ZONE.get(iso[-6:], "") if len(iso) > 19 else ""
    return day, d, MONTHS[mo - 1], y, hm, zone


def long_date(iso: str, sep: str = " ") -> str:
    day, d, month, y, hm, zone = parts(iso)
    return f"{day}, {d} {month} {y}{sep}{hm} {zone}".strip()


def e(s: str) -> str:
    return H.escape(s, quote=False)


def a(s: str) -> str:
    return H.escape(s, quote=True)


def nav(base: str, items) -> str:
    lis = []
    for i, it in enumerate(items):
        sub = "".join(f'<li><a href="{base}/{it.lower()}/{j}">{it} {j}</a></li>' for j in ("Terkini", "Populer"))
        lis.append(f'<li class="menu-item"><a href="{base}/{it.lower().replace(" ", "-")}">{it}</a>'
                   f'<ul class="sub-menu">{sub}</ul></li>')
    return "<ul class=\"menu\">" + "".join(lis) + "</ul>"


SECTIONS = ["Beranda", "Berita", "Politik", "Pilkada", "Hukum", "Ekonomi", "Olahraga", "Daerah", "Nasional",
            "Internasional", "Gaya Hidup", "Opini", "Foto", "Video", "Indeks"]


def sidebar(base: str, title: str = "Terpopuler", n: int = 8, start: int = 0) -> str:
    items = "".join(
        f'<li><a href="{base}/read/{9000 + i}/berita-{i}"><img src="{base}/img/{i}.jpg" alt="">'
        f'<h4>{e(OTHER_NEWS[(start + i) % len(OTHER_NEWS)])}</h4></a><span class="time">{i + 1} jam lalu</span></li>'
        for i in range(n))
    return f'<div class="widget popular"><h3>{title}</h3><ol>{items}</ol></div>'


SCRIPT = ("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
          "gtag('js',new Date());gtag('config','G-XXXX');" + "var slot%d=googletag.defineSlot('/1234/news',[300,250]);" * 1
          + "</script>")
BIG_SCRIPT = "<script>" + "".join(f"var a{i}=function(x){{return x*{i}+'{i}';}};" for i in range(120)) + "</script>"


def footer(outlet: str, base: str) -> str:
    links = "".join(f'<a href="{base}/{x.lower().replace(" ", "-")}">{x}</a> ' for x in
                    ("Tentang Kami", "Redaksi", "Pedoman Media Siber", "Kontak", "Karier", "Kebijakan Privasi"))
    return f'<footer class="site-footer"><div class="links">{links}</div><p>Copyright © 2024 {e(outlet)}. All Rights Reserved.</p></footer>'


def jsonld(story, url, outlet, *, date_only=False, trailing_comma=False, graph=False, published=None):
    pub = published or story["published"]
    if date_only:
        pub = pub[:10]
    art = {"@type": "NewsArticle", "headline": story["title"], "datePublished": pub, "dateModified": pub,
           "mainEntityOfPage": {"@type": "WebPage", "@id": url},
           "author": {"@type": "Person", "name": story["author"]} if story["author"] else None,
           "publisher": {"@type": "Organization", "name": outlet}, "articleSection": story["section"],
           "keywords": ", ".join(story["tags"]), "inLanguage": "id-ID"}
    art = {k: v for k, v in art.items() if v is not None}
    data = {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": outlet}, art]} if graph else \
        {"@context": "https://schema.org", **art}
    text = json.dumps(data, ensure_ascii=False, indent=1)
    if trailing_comma:
        text = text.replace('"inLanguage": "id-ID"\n', '"inLanguage": "id-ID",\n')
    return f'<script type="application/ld+json">{text}</script>'


def metas(story, url, outlet, *, published=None, og=True, extra=""):
    pub = published if published is not None else story["published"]
    tags = "".join(f'<meta property="article:tag" content="{a(t)}">' for t in story["tags"])
    out = [f'<meta name="viewport" content="width=device-width, initial-scale=1">',
           f'<meta name="description" content="{a(story["paragraphs"][0][:150])}">']
    if og:
        out += [f'<meta property="og:title" content="{a(story["title"])}">', f'<meta property="og:url" content="{a(url)}">',
                f'<meta property="og:site_name" content="{a(outlet)}">', '<meta property="og:type" content="article">',
                '<meta property="og:locale" content="id_ID">']
    if pub:
        out.append(f'<meta property="article:published_time" content="{pub}">')
    out.append(tags)
    out.append(extra)
    return "\n".join(out)


def p(x: str) -> str:
    return f"<p>{e(x)}</p>"


class Sample:
    def __init__(self, sid, outlet, story_id, url, features, **kw):
        self.id, self.outlet, self.story_id, self.url, self.features = sid, outlet, story_id, url, features
        self.story = STORIES[story_id]
        self.kw = kw
        self.junk: list[str] = []
        self.pages: list[str] = []
        self.page_urls: list[str] = [url]
        self.gold: list[str] = []
        self.encoding = kw.get("encoding", "utf-8")
        self.expect_published = kw.get("expect_published", self.story["published"])
        self.expect_dateline = kw.get("expect_dateline", self.story["city"])

    def lead(self, fmt: str) -> list[str]:
        if "expect_dateline" not in self.kw and fmt:
            self.expect_dateline = self.story["city"].upper() if "{CITY}" in fmt else self.story["city"]
        paras = list(self.story["paragraphs"])
        paras[0] = fmt.format(city=self.story["city"], CITY=self.story["city"].upper()) + paras[0]
        self.gold = paras
        return paras

    def j(self, *items):
        self.junk.extend(items)


# --------------------------------------------------------------------------- outlet templates
def antaranews(s: Sample) -> None:
    host = s.kw["host"]
    base = f"https://{host}"
    paras = s.lead("{city} (ANTARA) - ")
    body = []
    for i, x in enumerate(paras):
        body.append(p(x))
        if i == 1:
            h = OTHER_NEWS[1]
            body.append(f'<p><span class="baca-juga"><b>Baca juga:</b> <a href="{base}/berita/1/x">{e(h)}</a></span></p>')
            s.j(h)
        if i == 2 and s.kw.get("plain_baca"):
            h = OTHER_NEWS[6]
            body.append(f'<p>Baca juga: <a href="{base}/berita/2/y">{e(h)}</a></p>')
            s.j(h)
    body.append(f'<p class="text-muted mt-2 small">Pewarta: {e(s.story["author"])}<br>Editor: {e(s.story["editor"])}'
                f'<br>COPYRIGHT © ANTARA 2024</p>')
    s.j("Pewarta", "COPYRIGHT", "ANTARA 2024")
    amp = s.kw.get("amp")
    head_ld = jsonld(s.story, s.url, "ANTARA News") if s.kw.get("jsonld", True) else ""
    meta = metas(s.story, s.url, "ANTARA News", published="" if s.kw.get("no_meta_date") else None)
    style = '<style amp-custom>body{font-family:sans-serif}.post-content p{margin:0 0 1em}</style>' if amp else \
        '<link rel="stylesheet" href="/css/main.css">'
    canonical = s.url.replace("/amp/", "/") if amp else s.url
    html_tag = '<html amp lang="id">' if amp else '<html lang="id">'
    date_text = long_date(s.story["published"])
    tags = "".join(f'<a href="{base}/tag/{t.lower().replace(" ", "-")}">{e(t)}</a>' for t in s.story["tags"])
    img = (f'<amp-img src="{base}/img/a.jpg" width="800" height="450" layout="responsive"></amp-img>' if amp else
           f'<img src="{base}/img/a.jpg" alt="">')
    caption = f"Personel saat bertugas dalam pengamanan. ANTARA/{s.story['author']}"
    s.j(caption)
    page = f"""<!DOCTYPE html>
{html_tag}
<head>
<meta charset="utf-8">
<title>{e(s.story['title'])} - ANTARA News {e(s.story['section'])}</title>
{meta}
<link rel="canonical" href="{canonical}">
{style}
{head_ld}
{'' if amp else SCRIPT + BIG_SCRIPT}
</head>
<body>
<header class="header"><div class="logo"><a href="{base}">ANTARA News {e(s.story['section'])}</a></div>
<nav class="navbar">{nav(base, SECTIONS)}</nav></header>
<div class="container"><div class="row"><div class="col-md-8">
<ol class="breadcrumb"><li><a href="{base}">Beranda</a></li><li><a href="{base}/berita">Berita</a></li><li><a href="{base}/{s.story['section'].lower()}">{e(s.story['section'])}</a></li></ol>
<div class="wrap__article-detail">
<div class="wrap__article-detail-title"><h1>{e(s.story['title'])}</h1></div>
<div class="wrap__article-detail-info"><span class="text-secondary">{date_text}</span></div>
<div class="wrap__article-detail-image"><figure>{img}<figcaption>{e(caption)}</figcaption></figure></div>
<div class="wrap__article-detail-content post-content">
{chr(10).join(body)}
</div>
<div class="tags-wrapper">{tags}</div>
</div>
</div><div class="col-md-4"><aside>{sidebar(base)}</aside></div></div></div>
{footer('ANTARA', base)}
</body>
</html>"""
    s.pages = [page]


def tribunnews(s: Sample) -> None:
    host = s.kw["host"]
    brand = s.kw["brand"]
    base = f"https://{host}"
    paras = s.lead(brand + ", {CITY} - ")
    per_page = s.kw.get("pages", 1)
    amp = s.kw.get("amp")
    chunks = [paras] if per_page == 1 else [paras[i::per_page] for i in range(per_page)]
    if per_page > 1:  # consecutive chunks, not interleaved
        n = -(-len(paras) // per_page)
        chunks = [paras[i * n:(i + 1) * n] for i in range(per_page)]
    pub = s.story["published"]
    meta_pub = s.kw.get("meta_published", pub)
    urls = [s.url] + [f"{s.url}?page={k}" for k in range(2, per_page + 1)]
    s.page_urls = urls
    baca = [OTHER_NEWS[(i * 3 + 2) % len(OTHER_NEWS)] for i in range(per_page * 2)]
    pages = []
    for k, chunk in enumerate(chunks):
        body = []
        for i, x in enumerate(chunk):
            body.append(p(x))
            if i == 1:
                h = baca[2 * k]
                body.append(f'<p class="baca"><strong>Baca juga: </strong><a href="{base}/2024/11/01/x{k}">{e(h)}</a></p>')
                s.j(h)
            if i == 2:
                h = baca[2 * k + 1]
                body.append(f'<p><strong>Baca juga: </strong><a href="{base}/2024/11/02/y{k}">{e(h)}</a></p>')
                s.j(h)
        if k == len(chunks) - 1:
            body.append(f'<p><em>Ikuti saluran {brand} di WhatsApp Channel dan Google News</em></p>')
            s.j("WhatsApp Channel")
            if s.kw.get("tayang"):
                body.append(f'<p>Artikel ini telah tayang di {brand} dengan judul {e(s.story["title"])}, <a href="{s.url}">{s.url}</a></p>')
                s.j("telah tayang")
        paging = ""
        if per_page > 1:
            links = "".join(f'<a href="{u}">{n + 1}</a>' if n != k else f'<span class="current">{n + 1}</span>'
                            for n, u in enumerate(urls))
            nxt = f'<a href="{urls[k + 1]}" rel="next">Selanjutnya</a>' if k + 1 < len(urls) else ""
            paging = f'<div class="paging">Halaman {links} {nxt} <a href="{s.url}?page=all">Tampilkan Semua</a></div>'
            s.j("Tampilkan Semua")
        credit = (f'<div class="credit">Penulis: <span id="penulis"><a href="{base}/penulis/x">{e(s.story["author"])}</a></span>'
                  f' | Editor: <span id="editor"><a href="{base}/editor/y">{e(s.story["editor"])}</a></span></div>')
        ld = jsonld(s.story, s.url, brand.title(), trailing_comma=s.kw.get("bad_json")) if s.kw.get("jsonld", True) else ""
        head_extra = "" if not amp else ('<script async src="https://cdn.ampproject.org/v0.js"></script>'
                                         '<style amp-custom>.txt-article p{margin:0 0 12px}</style>')
        share = ('<amp-social-share type="facebook"></amp-social-share><amp-social-share type="whatsapp"></amp-social-share>'
                 if amp else '<div class="social-share"><a>Facebook</a> <a>Twitter</a> <a>WhatsApp</a> <a>Copy Link</a></div>')
        ad = '<amp-ad width="300" height="250" type="doubleclick"></amp-ad>' if amp else \
            '<div class="ads-placeholder">ADVERTISEMENT</div>'
        s.j("ADVERTISEMENT") if not amp else None
        tags = "".join(f'<h5 class="tag"><a href="{base}/tag/{t}">{e(t)}</a></h5>' for t in s.story["tags"])
        page = f"""<!DOCTYPE html>
<html {'amp ' if amp else ''}lang="id">
<head>
<meta charset="utf-8">
<title>{e(s.story['title'])} - {brand.title()}</title>
{metas(s.story, s.url, brand.title(), published=meta_pub)}
<link rel="canonical" href="{s.url.replace('/amp/', '/')}">
{head_extra}
{ld}
{'' if amp else BIG_SCRIPT}
</head>
<body>
<div id="header"><div class="logo">{brand}</div><nav>{nav(base, SECTIONS)}</nav></div>
<div class="ticker">Terkini: {' | '.join(OTHER_NEWS[:3])}</div>
<div id="breadcrumb"><ul><li><a href="{base}">Home</a></li><li><a href="{base}/{s.story['section'].lower()}">{e(s.story['section'])}</a></li></ul></div>
<div id="article">
<h1 id="arttitle" class="f50">{e(s.story['title'])}</h1>
{credit}
<div class="grey mt10"><time>{long_date(pub)}</time></div>
{share}
<div class="side-article txt-article multi-fontsize">
{chr(10).join(body)}
{ad}
{paging}
</div>
<div class="mb20 tagcloud3">{tags}</div>
</div>
<div id="right">{sidebar(base, 'Berita Populer', 10, 3)}</div>
{footer(brand, base)}
</body>
</html>"""
        pages.append(page)
    s.pages = pages


def disway(s: Sample) -> None:
    host = s.kw["host"]
    brand = s.kw["brand"]
    base = f"https://{host}"
    paras = s.lead("{CITY}, " + brand + " - ")
    n_pages = s.kw.get("pages", 1)
    n = -(-len(paras) // n_pages)
    chunks = [paras[i * n:(i + 1) * n] for i in range(n_pages)]
    urls = [s.url] + [f"{s.url}/{k}" for k in range(2, n_pages + 1)]
    s.page_urls = urls
    pages = []
    for k, chunk in enumerate(chunks):
        body = []
        for i, x in enumerate(chunk):
            last = k == len(chunks) - 1 and i == len(chunk) - 1
            body.append(p(x + (" (spi/as)" if last and s.kw.get("signoff") else "")))
            if i == 0 and k == 0:
                h = OTHER_NEWS[(k + 7) % len(OTHER_NEWS)]
                body.append(f'<p><strong>BACA JUGA:</strong> <a href="{base}/read/1/x">{e(h)}</a></p>')
                s.j(h)
            if i == 1:
                h = OTHER_NEWS[(k + 9) % len(OTHER_NEWS)]
                body.append(f'<div class="baca-juga"><span>Baca Juga</span><ul><li><a href="{base}/read/2/y">{e(h)}</a></li></ul></div>')
                s.j(h)
        if k == len(chunks) - 1:
            body.append(f"<p>Sumber: {brand.lower()}</p>")
            s.j("Sumber:")
            if s.kw.get("signoff"):
                s.j("(spi/as)")
        pag = ""
        if n_pages > 1:
            pag = '<div class="pagination">' + "".join(
                f'<a href="{u}">{m + 1}</a>' if m != k else f'<span>{m + 1}</span>' for m, u in enumerate(urls)) + \
                (f'<a href="{urls[k + 1]}">Selanjutnya</a>' if k + 1 < len(urls) else "") + "</div>"
        meta_pub = s.story["published"] if s.kw.get("meta_date", True) else ""
        page = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={s.encoding}">
<title>{e(s.story['title'])}</title>
{metas(s.story, s.url, brand.title(), published=meta_pub, og=s.kw.get("og", True))}
<link rel="canonical" href="{s.url}">
{SCRIPT}
</head>
<body>
<div class="top-bar"><a href="{base}">{brand}</a><nav class="main-nav">{nav(base, SECTIONS[:10])}</nav></div>
<div class="breadcrumb"><a href="{base}">Home</a> <a href="{base}/kategori/{s.story['section'].lower()}">{e(s.story['section'])}</a></div>
<div class="post">
<div class="post-title"><h1>{e(s.story['title'])}</h1></div>
<div class="post-info"><span class="author">Reporter: <a href="{base}/author/x">{e(s.story['author'])}</a></span> | <span class="editor">Editor: <a href="{base}/editor/y">{e(s.story['editor'])}</a></span> | <span class="date">{long_date(s.story['published'])}</span></div>
<div class="post-image"><img src="{base}/u/a.jpg"><div class="caption">Foto: {e(brand)}/{e(s.story['author'])}</div></div>
<div class="post-content">
{chr(10).join(body)}
{pag}
</div>
<div class="tag-list">Tags: {''.join(f'<a href="{base}/tag/{t}">{e(t)}</a> ' for t in s.story['tags'])}</div>
<div class="terkait"><h3>Berita Terkait</h3>{sidebar(base, 'Berita Terkait', 4, 2)}</div>
</div>
<div class="sidebar">{sidebar(base)}</div>
{footer(brand, base)}
</body>
</html>"""
        pages.append(page)
    s.pages = pages


def wordpress_td(s: Sample, outlet: str, lead: str, comment=True, caption=True, graph=True) -> None:
    """Newspaper-theme WordPress (tribratanews, balipost)."""
    base = "https://" + s.kw["host"]
    paras = s.lead(lead)
    body = []
    if caption:
        cap = "Foto bersama usai kegiatan. (Foto: Humas)"
        body.append(f'<figure id="attachment_1" class="wp-caption aligncenter"><img src="{base}/wp-content/a.jpg">'
                    f'<figcaption class="wp-caption-text">{e(cap)}</figcaption></figure>')
        s.j("Foto bersama usai kegiatan")
    for i, x in enumerate(paras):
        last = i == len(paras) - 1
        signoff = s.kw.get("signoff", "")
        body.append(p(x + (f" {signoff}" if last and signoff else "")))
        if i == 1 and s.kw.get("baca", True):
            h = OTHER_NEWS[(i + len(s.id)) % len(OTHER_NEWS)]
            body.append(f'<p>Baca juga: <a href="{base}/?p=1">{e(h)}</a></p>')
            s.j(h)
        if i == 2 and s.kw.get("inline_caption"):
            body.append("<p>(Foto. Istimewa)</p>")
            s.j("Istimewa")
    if s.kw.get("signoff"):
        s.j(s.kw["signoff"])
    if s.kw.get("closing_lines"):
        for line in s.kw["closing_lines"]:
            body.append(p(line))
            s.j(line)
    respond = ""
    if comment:
        respond = f"""<div id="comments" class="comments"><div id="respond" class="comment-respond">
<h3 id="reply-title" class="comment-reply-title">Tinggalkan Balasan</h3>
<form action="{base}/wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *</p>
<p><label>Komentar *</label><textarea name="comment"></textarea></p><p><label>Nama *</label><input name="author"></p>
<p><input type="submit" value="Kirim Komentar"></p></form></div></div>"""
        s.j("Tinggalkan Balasan", "Alamat email", "Kirim Komentar")
    pub = s.story["published"]
    ld = jsonld(s.story, s.url, outlet, graph=graph) if s.kw.get("jsonld", True) else ""
    page = f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="{s.encoding.upper()}">
<title>{e(s.story['title'])} | {outlet}</title>
{metas(s.story, s.url, outlet, published=pub if s.kw.get('meta_date', True) else '')}
<link rel="canonical" href="{s.url}">
<link rel="stylesheet" id="td-theme-css" href="{base}/wp-content/themes/Newspaper/style.css" type="text/css" media="all">
{ld}
{BIG_SCRIPT}
</head>
<body class="post-template-default single single-post td-standard-pack">
<div class="td-header-wrap"><div class="td-header-menu-wrap"><nav>{nav(base, SECTIONS[:12])}</nav></div></div>
<div class="td-main-content-wrap"><div class="td-container">
<article class="post type-post status-publish">
<div class="td-post-header">
<ul class="td-category"><li class="entry-category"><a href="{base}/category/x">{e(s.story['section'])}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">{e(s.story['title'])}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name">Oleh <a href="{base}/author/admin">{e(s.story['author'])}</a></div>
<span class="td-post-date"><time class="entry-date updated td-module-date" datetime="{pub}">{parts(pub)[1]} {parts(pub)[2]} {parts(pub)[3]}</time></span></div></header>
</div>
<div class="td-post-sharing td-post-sharing-top"><span>Share</span><a>Facebook</a><a>Twitter</a><a>WhatsApp</a></div>
<div class="td-post-content tagdiv-type">
{chr(10).join(body)}
<div class="td-a-rec td-a-rec-id-content_bottom">ADVERTISEMENT</div>
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags">{''.join(f'<li><a href="{base}/tag/{t}">{e(t)}</a></li>' for t in s.story['tags'])}</ul></div>
<div class="td-post-sharing td-post-sharing-bottom"><a>Facebook</a><a>Twitter</a><a>WhatsApp</a><a>Telegram</a></div>
<div class="td-block-row td-post-next-prev"><div>Artikel sebelumnya <a href="{base}/?p=2">{e(OTHER_NEWS[4])}</a></div><div>Artikel berikutnya <a href="{base}/?p=3">{e(OTHER_NEWS[5])}</a></div></div></footer>
</article>
{respond}
</div><div class="td-pb-span4 td-main-sidebar">{sidebar(base, 'Berita Terbaru', 6, 5)}</div></div>
<div class="td-footer-wrapper"><p>© {e(outlet)}. All Rights Reserved.</p><a href="#" class="td-scroll-up">Back to top</a></div>
</body>
</html>"""
    s.j("ADVERTISEMENT", OTHER_NEWS[4], "Back to top")
    s.pages = [page]


def tribratanews(s: Sample) -> None:
    s.kw.setdefault("signoff", "(hms)")
    wordpress_td(s, "Tribrata News Polda Sumsel", s.kw.get("lead", "Tribratanews Sumsel, {city} – "))


def balipost(s: Sample) -> None:
    wordpress_td(s, "Bali Post", "{CITY}, BALIPOST.com – ", comment=False, graph=True)


def humaspolri(s: Sample) -> None:
    base = "https://humas.polri.go.id"
    paras = s.lead("{city} - ")
    body = [p(x) for x in paras]
    body.insert(2, '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a>Twitter</a></li><li><a>Facebook</a></li><li><a>WhatsApp</a></li></ul></div>')
    body.append(f'<p><a href="#top" class="back-top">Back to top</a></p>')
    s.j("Share this", "Back to top")
    pub = s.story["published"]
    page = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="UTF-8">
<title>{e(s.story['title'])} &#8211; Humas Polri</title>
<meta name="viewport" content="width=device-width">
<link rel="canonical" href="{s.url}">
{SCRIPT}
</head>
<body class="single">
<a class="skip-link" href="#content">Skip to content</a>
<header id="masthead"><div class="site-branding"><p class="site-title">Humas Polri</p></div><nav id="site-navigation">{nav(base, SECTIONS[:8])}</nav></header>
<div id="content" class="site-content"><main id="main">
<article class="post hentry">
<header class="entry-header"><h1 class="entry-title">{e(s.story['title'])}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published" datetime="{pub}">{parts(pub)[1]} {parts(pub)[2]} {parts(pub)[3]}</time><time class="updated" datetime="{s.kw.get('modified', pub)}"></time></span>
<span class="byline"> oleh <span class="author vcard"><a href="{base}/author/humas">{e(s.story['author'])}</a></span></span></div></header>
<div class="entry-content">
{chr(10).join(body)}
</div>
<footer class="entry-footer"><span class="cat-links"><a href="{base}/category/berita">{e(s.story['section'])}</a></span><span class="tags-links">{''.join(f'<a href="{base}/tag/{t}">{e(t)}</a>' for t in s.story['tags'])}</span></footer>
</article>
<nav class="navigation post-navigation"><a href="{base}/?p=1" rel="prev">{e(OTHER_NEWS[7])}</a></nav>
</main></div>
<footer id="colophon"><div class="site-info">Divisi Humas Polri, Jl. Trunojoyo No. 3, Jakarta Selatan. Telp. (021) 721 8010</div></footer>
</body>
</html>"""
    s.j(OTHER_NEWS[7])
    s.pages = [page]


def jawapos(s: Sample) -> None:
    host = s.kw["host"]
    base = f"https://{host}"
    paras = s.lead(s.kw["lead"])
    body = []
    for i, x in enumerate(paras):
        body.append(p(x))
        if i == 0:
            h = OTHER_NEWS[(i + 8) % len(OTHER_NEWS)]
            body.append(f'<div class="read__also"><span>Baca Juga: </span><a href="{base}/x">{e(h)}</a></div>')
            s.j(h)
        if i == 2:
            h = OTHER_NEWS[(i + 10) % len(OTHER_NEWS)]
            body.append(f'<p><strong>BACA JUGA:&nbsp;</strong><a href="{base}/y">{e(h)}</a></p>')
            s.j(h)
            cap = f"Foto : {s.kw['brand']}/ {s.story['author']}"
            body.append(f"<p><em>{e(cap)}</em></p><p><em>{e(cap)}</em></p>")
            s.j("Foto :")
    if s.kw.get("newsletter"):
        body.append('<p>Dapatkan berita terbaru dan update pilihan setiap hari langsung di email Anda.</p>')
        s.j("Dapatkan berita terbaru")
    pub = s.kw.get("ld_published", s.story["published"])
    ld = jsonld(s.story, s.url, s.kw["brand"], published=pub) if s.kw.get("jsonld", True) else ""
    date_text = long_date(s.story["published"])
    page = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="utf-8">
<title>{e(s.story['title'])} - {s.kw['brand']}</title>
{metas(s.story, s.url, s.kw['brand'], published='')}
<link rel="canonical" href="{s.url}">
{ld}
{BIG_SCRIPT}
</head>
<body>
<header class="header"><div class="header__logo">{s.kw['brand']}</div><nav class="header__nav">{nav(base, SECTIONS)}</nav></header>
<div class="breadcrumb"><ul><li class="breadcrumb__item"><a href="{base}">Home</a></li><li class="breadcrumb__item"><a href="{base}/{s.story['section'].lower()}">{e(s.story['section'])}</a></li></ul></div>
<div class="read">
<h1 class="read__title">{e(s.story['title'])}</h1>
<div class="read__info"><div class="read__info__author">Penulis: <a href="{base}/penulis/x">{e(s.story['author'])}</a></div>
<div class="read__info__editor">Editor: <a href="{base}/editor/y">{e(s.story['editor'])}</a></div>
<div class="read__info__date">{date_text}</div></div>
<div class="read__share"><a>Facebook</a><a>Twitter</a><a>WhatsApp</a><a>Telegram</a><span>URL berhasil dicopy</span></div>
<article class="read__content" itemprop="articleBody">
{chr(10).join(body)}
</article>
<div class="read__tag"><ul class="tag__list">{''.join(f'<li><a href="{base}/tag/{t}">{e(t)}</a></li>' for t in s.story['tags'])}</ul></div>
<div class="read__related"><h3>Artikel Terkait</h3>{sidebar(base, 'Artikel Terkait', 4, 4)}</div>
</div>
<aside class="sidebar">{sidebar(base)}</aside>
{footer(s.kw['brand'], base)}
</body>
</html>"""
    s.j("URL berhasil dicopy", "Artikel Terkait")
    s.pages = [page]


def lampost(s: Sample) -> None:
    base = "https://lampost.co"
    paras = s.lead("{city} (Lampost.co) -- ")
    body = []
    for i, x in enumerate(paras):
        body.append(p(x))
        if i == 1:
            items = "".join(f'<div class="jeg_post"><h3 class="jeg_post_title"><a href="{base}/r{j}">{e(OTHER_NEWS[j])}</a></h3></div>'
                            for j in (2, 9))
            body.append(f'<div class="jnews_inline_related_post"><div class="jeg_block_heading"><h3>Baca Juga</h3></div>{items}</div>')
            s.j(OTHER_NEWS[2], OTHER_NEWS[9])
    body.append("<p>Dapatkan berita terbaru Lampung Post di Google News dan saluran WhatsApp kami.</p>")
    body.append(f"<p>Editor: {e(s.story['editor'])}</p>")
    s.j("Google News", "Editor:")
    pub = s.story["published"]
    page = f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<title>{e(s.story['title'])} - Lampung Post</title>
{metas(s.story, s.url, 'Lampung Post', published=s.kw.get('meta_published', pub))}
<link rel="canonical" href="{s.url}">
{jsonld(s.story, s.url, 'Lampung Post', graph=True, date_only=s.kw.get('ld_date_only', False))}
{SCRIPT}
</head>
<body class="jnews jeg_single_tpl_1">
<div class="jeg_header"><div class="jeg_logo">Lampung Post</div><div class="jeg_navbar">{nav(base, SECTIONS)}</div></div>
<div class="jeg_breadcrumbs"><div class="breadcrumbs"><a href="{base}">Home</a> » <a href="{base}/{s.story['section'].lower()}">{e(s.story['section'])}</a></div></div>
<div class="jeg_main"><div class="jeg_inner_content">
<div class="entry-header"><h1 class="jeg_post_title">{e(s.story['title'])}</h1>
<div class="jeg_meta_container"><div class="jeg_post_meta"><div class="jeg_meta_author">Penulis <a href="{base}/author/x">{e(s.story['author'])}</a></div>
<div class="jeg_meta_date"><a href="{s.url}">{parts(pub)[1]} {parts(pub)[2]} {parts(pub)[3]} - {parts(pub)[4]} {parts(pub)[5]}</a></div>
<div class="jeg_meta_category"><span>Kategori: <a href="{base}/{s.story['section'].lower()}">{e(s.story['section'])}</a></span></div></div></div></div>
<div class="jeg_share_top_container"><a>Share on Facebook</a><a>Share on Twitter</a><a>WhatsApp</a></div>
<div class="jeg_featured featured_image"><img src="{base}/wp-content/b.jpg"><p class="wp-caption-text">Ilustrasi. Dok Lampost</p></div>
<div class="entry-content no-share"><div class="content-inner">
{chr(10).join(body)}
</div></div>
<div class="jeg_post_tags"><span>Tags:</span>{''.join(f'<a href="{base}/tag/{t}">{e(t)}</a>' for t in s.story['tags'])}</div>
<div class="jeg_share_bottom_container"><a>Facebook</a><a>Twitter</a></div>
<div class="jnews_related_post_container"><h3>Berita Terkait</h3>{sidebar(base, 'Berita Terkait', 5, 1)}</div>
</div></div>
{footer('Lampung Post', base)}
</body>
</html>"""
    s.j("Share on Facebook")
    s.pages = [page]


def ceposonline(s: Sample) -> None:
    base = "https://www.ceposonline.com"
    paras = s.lead("{CITY}-Jubi — " if False else "{CITY} – ")
    body = [p(x) for x in paras[:-1]]
    body.append(p(paras[-1] + " (fia/tri)"))
    body.insert(2, '<div class="newsletter-box"><h4>Berlangganan Newsletter</h4><p>Daftarkan email Anda untuk mendapatkan berita pilihan setiap pagi.</p><form><input type="email"><button>Daftar</button></form></div>')
    body.append('<p>Download aplikasi Cenderawasih Pos di Play Store dan App Store.</p>')
    s.j("(fia/tri)", "Berlangganan", "Download aplikasi")
    pub = s.story["published"]
    page = f"""<!DOCTYPE html>
<html lang="id">
<head>
<meta charset="UTF-8">
<title>{e(s.story['title'])} - Cenderawasih Pos</title>
{metas(s.story, s.url, 'Cenderawasih Pos', published=pub)}
<link rel="canonical" href="{s.url}">
{jsonld(s.story, s.url, 'Cenderawasih Pos', graph=True)}
</head>
<body>
<div id="page"><header class="site-header"><div class="site-title">Cenderawasih Pos</div><nav class="main-navigation">{nav(base, SECTIONS)}</nav></header>
<div class="site-content"><div id="primary"><main>
<article>
<header class="entry-header"><span class="cat-links"><a href="{base}/category/{s.story['section'].lower()}">{e(s.story['section'])}</a></span>
<h1 class="entry-title">{e(s.story['title'])}</h1>
<div class="entry-meta"><span class="author-name">{e(s.story['author'])}</span> <span class="editor-name">Editor: {e(s.story['editor'])}</span>
<span class="posted-on"><time class="entry-date published" datetime="{pub}">{long_date(pub)}</time></span></div></header>
<div class="entry-content">
{chr(10).join(body)}
<div class="sharedaddy"><h3>Bagikan:</h3><a>Facebook</a><a>WhatsApp</a></div>
</div>
<footer class="entry-footer"><span class="tags-links">{''.join(f'<a href="{base}/tag/{t}">{e(t)}</a>' for t in s.story['tags'])}</span></footer>
</article>
<div id="comments" class="comments-area"><div id="respond" class="comment-respond"><h3>Tinggalkan Balasan</h3><form><textarea></textarea></form></div></div>
</main></div><aside id="secondary">{sidebar(base)}</aside></div>
{footer('Cenderawasih Pos', base)}
</div>
</body>
</html>"""
    s.j("Tinggalkan Balasan", "Bagikan")
    s.pages = [page]


# --------------------------------------------------------------------------- unknown sites (generic fallback)
def generic_wp(s: Sample) -> None:
    base = "https://" + s.kw["host"]
    paras = s.lead("{CITY}, " + s.kw["host"] + " – ")
    body = []
    for i, x in enumerate(paras):
        body.append(p(x))
        if i == 2:
            body.append(f'<p><strong>Artikel Terkait:</strong></p><ul><li><a href="{base}/a">{e(OTHER_NEWS[3])}</a></li>'
                        f'<li><a href="{base}/b">{e(OTHER_NEWS[11])}</a></li></ul>')
            s.j(OTHER_NEWS[3], OTHER_NEWS[11], "Artikel Terkait")
    body.append(f"<p>Editor: {e(s.kw.get('editor', 'Redaksi'))}</p>")
    body.append('<p>Bagikan artikel ini: <a>Facebook</a> <a>Twitter</a> <a>WhatsApp</a></p>')
    s.j("Editor:", "Bagikan artikel ini")
    pub = s.story["published"]
    page = f"""<!DOCTYPE html>
<html lang="id-ID">
<head>
<meta charset="UTF-8">
<title>{e(s.story['title'])} &#8211; {s.kw['host']}</title>
<meta property="og:title" content="{a(s.story['title'])}">
<meta property="article:published_time" content="{pub}">
<link rel="canonical" href="{s.url}">
</head>
<body class="single-post">
<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="{base}">{s.kw['host']}</a></p></div>
<nav id="site-navigation" class="main-navigation">{nav(base, SECTIONS[:9])}</nav></header>
<div class="running-text">Terkini: {e(OTHER_NEWS[0])} | {e(OTHER_NEWS[1])} | {e(OTHER_NEWS[2])}</div>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post">
<header class="entry-header"><h1 class="entry-title">{e(s.story['title'])}</h1>
<div class="entry-meta">Diterbitkan {parts(pub)[1]} {parts(pub)[2][:3]} {parts(pub)[3]}, {parts(pub)[4]} WIB oleh Redaksi</div></header>
<div class="entry-content">
{chr(10).join(body)}
</div>
</article>
<div id="comments" class="comments-area"><div id="respond"><h3>Tinggalkan Balasan</h3><form><p>Alamat email Anda tidak akan dipublikasikan.</p><textarea></textarea><input type="submit" value="Kirim Komentar"></form></div></div>
</main></div>
<aside id="secondary" class="widget-area">{sidebar(base, 'Berita Populer', 6)}</aside></div>
<footer id="colophon"><p>© 2024 {s.kw['host']}</p></footer>
</div>
</body>
</html>"""
    s.j("Tinggalkan Balasan")
    s.pages = [page]


def blogger(s: Sample) -> None:
    base = "https://" + s.kw["host"]
    paras = s.lead("{city} — ")
    # Blogger: paragraphs as text separated by <br><br>, a span with inline styles, unclosed tags
    body = "<br /><br />".join(e(x) for x in paras[:2]) + "<br /><br /><span style=\"font-family: arial\">" + \
        "<br /><br />".join(e(x) for x in paras[2:]) + "</span><br /><br /><b>Penulis: Admin<br />"
    s.j("Penulis: Admin")
    pub = s.story["published"]
    page = f"""<html dir='ltr' lang='id' xmlns='http://www.w3.org/1999/xhtml'>
<head>
<meta content='text/html; charset=UTF-8' http-equiv='Content-Type'/>
<title>{e(s.story['title'])} ~ Berita OKU Raya</title>
<link href='{s.url}' rel='canonical'/>
<script type='text/javascript'>var _gaq = _gaq || [];</script>
</head>
<body>
<div class='navbar section' id='navbar'></div>
<div class='header-outer'><h1 class='title'>Berita OKU Raya</h1><div class='descriptionwrapper'>Informasi terkini dari Bumi Sebimbing Sekundang</div></div>
<div class='tabs-outer'><ul><li><a href='{base}/'>Home</a></li><li><a href='{base}/search/label/Pilkada'>Pilkada</a></li><li><a href='{base}/search/label/Daerah'>Daerah</a></li></ul></div>
<div class='main-outer'><div class='main-inner'>
<div class='date-outer'><h2 class='date-header'><span>{long_date(pub[:10])}</span></h2>
<div class='post hentry uncustomized-post-template' itemprop='blogPost' itemscope='itemscope' itemtype='http://schema.org/BlogPosting'>
<meta content='{s.url}' itemprop='url'/>
<h3 class='post-title entry-title' itemprop='name'>{e(s.story['title'])}</h3>
<div class='post-header'><div class='post-header-line-1'></div></div>
<div class='post-body entry-content' id='post-body-1' itemprop='description articleBody'>
<div dir="ltr" style="text-align: left;" trbidi="on">
<div class="separator" style="clear: both; text-align: center;"><a href="{base}/img.jpg"><img border="0" src="{base}/img.jpg" width="400" /></a></div>
{body}
</div>
<div style='clear: both;'></div>
</div>
<div class='post-footer'><div class='post-footer-line post-footer-line-1'><span class='post-author vcard'>Diposting oleh <span class='fn' itemprop='author'>Admin</span></span>
<span class='post-timestamp'>di <a class='timestamp-link' href='{s.url}'><abbr class='published' itemprop='datePublished' title='{pub}'>{parts(pub)[4]}</abbr></a></span></div>
<div class='post-share-buttons goog-inline-block'><a class='share-button sb-email'>Kirimkan Ini lewat Email</a><a class='share-button sb-blog'>BlogThis!</a><a class='share-button sb-twitter'>Berbagi ke Twitter</a><a class='share-button sb-facebook'>Berbagi ke Facebook</a></div>
</div></div></div>
<div class='comments' id='comments'><h4>0 Komentar:</h4><div id='comment-holder'></div><p class='comment-footer'><a href='{base}/comment'>Posting Komentar</a></p></div>
<div class='blog-pager' id='blog-pager'><a class='blog-pager-newer-link' href='{base}/newer'>Posting Lebih Baru</a><a class='blog-pager-older-link' href='{base}/older'>Posting Lama</a><a class='home-link' href='{base}/'>Beranda</a></div>
</div></div>
<div class='footer-outer'>Berlangganan: <a href='{base}/feeds/posts/default'>Posting Komentar (Atom)</a></div>
</body>
</html>"""
    s.j("Posting Komentar", "Berbagi ke Twitter", "Posting Lama")
    s.pages = [page]


def oldsite(s: Sample) -> None:
    """A table-layout regional site without metadata, in windows-1252 without a charset declaration."""
    base = "http://" + s.kw["host"]
    paras = s.lead("{city}, Ogan Komering Ilir – ")
    body = "\n".join(f"<p><font face=\"Verdana\" size=\"2\">{e(x)}</font>" for x in paras)  # unclosed <p>
    page = f"""<HTML>
<HEAD>
<TITLE>{e(s.story['title'])}</TITLE>
</HEAD>
<BODY bgcolor=#ffffff>
<TABLE width=780 border=0 cellpadding=0 cellspacing=0>
<TR><TD colspan=2><IMG src="{base}/img/banner.gif" alt="Warta OKI Online"></TD></TR>
<TR><TD width=160 valign=top class=menu>
<A href="{base}/index.php">Beranda</A><BR><A href="{base}/index.php?k=daerah">Daerah</A><BR><A href="{base}/index.php?k=pilkada">Pilkada</A><BR>
<A href="{base}/index.php?k=hukum">Hukum</A><BR><A href="{base}/index.php?k=olahraga">Olahraga</A><BR><A href="{base}/bukutamu.php">Buku Tamu</A><BR>
<P><B>Berita Lain:</B><BR><A href="{base}/berita.php?id=1">{e(OTHER_NEWS[13])}</A><BR><A href="{base}/berita.php?id=2">{e(OTHER_NEWS[2])}</A>
</TD>
<TD width=620 valign=top>
<H2>{e(s.story['title'])}</H2>
{body}
<p><font size=1>Dibaca 214 kali</font>
<p><a href="javascript:window.print()">Cetak</a> | <a href="{base}/kirim.php">Kirim ke Teman</a>
</TD></TR>
<TR><TD colspan=2 align=center><font size=1>Copyright &copy; 2005-2024 Warta OKI Online</font></TD></TR>
</TABLE>
</BODY>
</HTML>"""
    s.j("Dibaca 214 kali", "Kirim ke Teman", OTHER_NEWS[13])
    s.pages = [page]


# --------------------------------------------------------------------------- national and entertainment portals (no profile)
# Older layouts of national portals and entertainment portals, as their pages
# were built around 2015-2019: nested divs, inline scripts, ad slots, tickers,
# dated headline lists in the column, leads written as loose text before the
# first <p>, <br><br> paragraphs, embedded tweets, video placeholders.
OLD_NEWS = [
    "Jokowi Resmikan Ruas Tol Pertama di Sumatera",
    "Harga Daging Sapi Tembus Rp 130 Ribu per Kilogram",
    "Persib Juara Piala Presiden Usai Tundukkan Sriwijaya FC",
    "Gerhana Matahari Total Terlihat dari Palembang dan Palu",
    "Banjir Rendam Ribuan Rumah di Bandung Selatan",
    "KPK Tetapkan Anggota DPRD Sumut Tersangka Suap",
    "Timnas Indonesia Melaju ke Final Piala AFF",
    "Kabut Asap Kembali Selimuti Pekanbaru",
    "BMKG Prediksi Musim Hujan Datang Lebih Awal",
    "Menteri Susi Tenggelamkan 23 Kapal Pencuri Ikan",
    "Gunung Sinabung Kembali Luncurkan Awan Panas",
    "Kereta Cepat Jakarta-Bandung Mulai Dibangun",
]
ADSLOT = ('<div class="ads_slot" id="div-gpt-ad-{n}"><script>googletag.cmd.push(function(){{googletag.display('
          '"div-gpt-ad-{n}");}});</script></div>')


def ad(n) -> str:
    return ADSLOT.format(n=n)


def dated_headlines(base: str, stamps: list[str], start: int, cls: str, title: str = "", tag: str = "ul",
                    link_first: bool = False) -> str:
    """A column list of other stories, each with its date stamp."""
    items = []
    for i, stamp in enumerate(stamps):
        h = OLD_NEWS[(start + i) % len(OLD_NEWS)]
        link = f'<a href="{base}/read/{4000 + start + i}/{i}">{e(h)}</a>'
        when = f'<span class="date">{e(stamp)}</span>'
        items.append(f"<li>{link} {when}</li>" if link_first else f"<li>{when} {link}</li>")
    head = f"<h3>{e(title)}</h3>" if title else ""
    return f'<div class="{cls}">{head}<{tag}>{"".join(items)}</{tag}></div>'


def old_head(title: str, *, charset: str = "utf-8", extra: str = "", lang: str = "") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f'<!DOCTYPE html>\n<html{lang_attr}>\n<head>\n<meta http-equiv="Content-Type" content="text/html; '
            f'charset={charset}" />\n<title>{e(title)}</title>\n{extra}\n'
            '<script>var googletag=googletag||{};googletag.cmd=googletag.cmd||[];'
            'window.dataLayer=window.dataLayer||[];dataLayer.push({"kanal":"news"});</script>\n'
            '<script src="https://securepubads.g.doubleclick.net/tag/js/gpt.js" async></script>\n</head>')


def og(title: str, url: str, site: str, desc: str = "") -> str:
    return (f'<meta property="og:type" content="article" />\n<meta property="og:title" content="{a(title)}" />\n'
            f'<meta property="og:url" content="{a(url)}" />\n<meta property="og:site_name" content="{a(site)}" />\n'
            f'<meta property="og:description" content="{a(desc[:160])}" />\n<link rel="canonical" href="{a(url)}" />')


def d_numeric(iso: str) -> str:
    """detik's old stamp: 'Kamis, 05/11/2015 09:25 WIB'."""
    day, d, month, y, hm, zone = parts(iso)
    return f"{day}, {d:02d}/{MONTHS.index(month) + 1:02d}/{y} {hm} {zone or 'WIB'}"


def d_short(iso: str, sep: str = " ") -> str:
    """'Rabu, 17 Apr 2019 00:35 WIB'."""
    day, d, month, y, hm, zone = parts(iso)
    return f"{day}, {d} {month[:3]} {y}{sep}{hm} {zone or 'WIB'}"


def stamps_before(iso: str, n: int, fmt) -> list[str]:
    import datetime as dt
    t = dt.datetime.fromisoformat(iso)
    return [fmt((t - dt.timedelta(minutes=37 * (i + 1))).isoformat()) for i in range(n)]


def portal_body(s: Sample, lead: str, inserts: dict, para=p) -> list[str]:
    """A portal page's body: the lead as the page writes it, then the story's
    other paragraphs (``para`` writes one), each followed by the block that
    ``inserts`` puts after it: ``{paragraph number: (html, junk strings)}``."""
    body = [lead]
    for i, x in enumerate(s.story["paragraphs"][1:], 1):
        body.append(para(x))
        if i in inserts:
            html, junk = inserts[i]
            body.append(html)
            s.j(*junk)
    return body


def detik_old(s: Sample) -> None:
    """news.detik.com, 2015: <br><br> paragraphs, the lead as loose text after <strong>Jakarta</strong>."""
    base = "https://news.detik.com"
    st = s.story
    paras = s.lead("{city} - ")
    hs = [OLD_NEWS[2], OLD_NEWS[5]]
    box = ('<table class="linksisip"><tr><td><div class="lihatjg"><strong>Baca Juga :</strong><ul>'
           + "".join(f'<li><a href="{base}/berita/30{j}">{e(h)}</a></li>' for j, h in enumerate(hs))
           + "</ul></div></td></tr></table>")
    body = portal_body(s, f"<strong>{e(st['city'])}</strong> - {e(st['paragraphs'][0])}<br /><br />",
                       {1: (box, hs)}, para=lambda x: f"{e(x)}<br /><br />")
    body.append("<strong>(fjp/nrl)</strong>")
    s.j("(fjp/nrl)", "Baca Juga")
    pub = st["published"]
    head = old_head(st["title"], extra=og(st["title"], s.url, "detiknews", st["paragraphs"][0]) +
                    f'\n<meta name="publishdate" content="{pub[:10].replace("-", "/")} {pub[11:19]}" />'
                    f'\n<meta name="author" content="{a(st["author"])}" />'
                    f'\n<meta name="keywords" content="{a(", ".join(st["tags"]))}" />')
    related = dated_headlines(base, stamps_before(pub, 5, d_numeric), 3, "berita_terkait", "Berita Terkait")
    popular = dated_headlines(base, stamps_before(pub, 6, d_numeric), 6, "box_terpopuler", "Terpopuler", "ol")
    page = f"""{head}
<body>
<div id="header"><div class="logo"><a href="{base}">detiknews</a></div>
<ul class="menu_kanal">{''.join(f'<li><a href="{base}/{x.lower()}">{x}</a></li>' for x in ("Berita", "Jawa Barat", "Jawa Timur", "Internasional", "Kolom", "Foto", "Video", "Indeks"))}</ul></div>
<div class="breaking_news"><span class="label">Breaking News</span><marquee scrollamount="3">{e(OLD_NEWS[0])} &nbsp;&bull;&nbsp; {e(OLD_NEWS[1])}</marquee></div>
{ad(1)}
<div class="container"><div class="content">
<div class="content_left">
<div class="detail_area">
<div class="jdl">
<div class="breadcrumb"><a href="{base}">detikNews</a> &gt; <a href="{base}/berita">Berita</a></div>
<h1>{e(st['title'])}</h1>
<div class="author">{e(st['author'])} - detikNews</div>
<div class="date">{d_numeric(pub)}</div>
</div>
<div class="share_top"><a class="fb" href="#">Facebook</a> <a class="tw" href="#">Twitter</a> <span class="count">Share 0</span></div>
<div class="pic_artikel"><img src="https://images.detik.com/content/2015/11/05/10/polri.jpg" alt="" /><span class="ket">Foto: Ilustrasi (Ari Saputra/detikcom)</span></div>
<div class="detail_text" id="detikdetailtext">
{chr(10).join(body)}
</div>
<div class="share_bottom"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Google+</a></div>
{related}
<div class="komentar" id="komentar"><div class="kmn-title">Komentar</div><div class="fb-comments" data-href="{s.url}"></div></div>
</div>
</div>
<div class="content_right">{ad(2)}{popular}</div>
</div></div>
<div id="footer"><a href="{base}/redaksi">Redaksi</a> | <a href="{base}/pedoman">Pedoman Media Siber</a><p>Copyright @ 2015 detikcom, All Rights Reserved</p></div>
</body>
</html>"""
    s.j("Foto: Ilustrasi", "Terpopuler", "Breaking News", OLD_NEWS[3], OLD_NEWS[6], "Copyright", "Share 0")
    s.pages = [page]


def detik_new(s: Sample) -> None:
    """news.detik.com, 2019: JSON-LD in UTC, lead before the first <p>, [Gambas:Video] and 'Simak Video'."""
    base = "https://news.detik.com"
    st = s.story
    paras = s.lead("{city} - ")
    pub = st["published"]
    import datetime as dt
    utc = dt.datetime.fromisoformat(pub).astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    ld = json.dumps({"@context": "http://schema.org", "@type": "NewsArticle",
                     "mainEntityOfPage": {"@type": "WebPage", "@id": s.url}, "headline": st["title"],
                     "image": {"@type": "ImageObject", "url": "https://akcdn.detik.net.id/community/media/visual/2019/04/17/a.jpeg"},
                     "datePublished": utc, "dateModified": utc,
                     "author": {"@type": "Person", "name": st["author"]},
                     "publisher": {"@type": "Organization", "name": "detikcom",
                                   "logo": {"@type": "ImageObject", "url": "https://cdn.detik.net.id/detik2/images/logo.png"}}},
                    ensure_ascii=False)
    box = (f'<table class="linksisip"><tbody><tr><td><div class="lihatjg"><strong>Baca juga:</strong> '
           f'<a href="{base}/berita/d-4512345/x">{e(OLD_NEWS[9])}</a></div></td></tr></tbody></table>')
    body = portal_body(s, f"<strong>{e(st['city'])}</strong> - {e(st['paragraphs'][0])}",
                       {1: (box, [OLD_NEWS[9]]), 2: ("<p>[Gambas:Video 20detik]</p>", [])})
    video = "Simak Video \"Detik-detik Polisi Kawal Logistik Pemilu ke Pulau Seribu\""
    body.append(f"<strong>{e(video)}</strong><br />[Gambas:Video 20detik]<br />(aud/rna)")
    s.j("Gambas", "Simak Video", "Detik-detik Polisi Kawal", "(aud/rna)")
    head = old_head(st["title"], lang="id-ID", extra=og(st["title"], s.url, "detiknews", st["paragraphs"][0]) +
                    f'\n<meta name="dtk:publishdate" content="{pub[:10].replace("-", "/")} {pub[11:19]}" />'
                    f'\n<meta name="dtk:author" content="{a(st["author"])}" />'
                    f'\n<script type="application/ld+json">{ld}</script>')
    page = f"""{head}
<body>
<header class="header"><div class="header__logo"><a href="{base}">detiknews</a></div>
<nav class="nav">{nav(base, ["Berita", "Pemilu 2019", "Daerah", "Internasional", "Hukum", "Kolom", "Foto", "Video"])}</nav></header>
<div class="container"><div class="grid-row content__bg">
<div class="column-8">
<article class="detail">
<div class="detail__header">
<div class="page__breadcrumb"><a href="{base}">News</a> <a href="{base}/berita">Berita</a></div>
<h1 class="detail__title">{e(st['title'])}</h1>
<div class="detail__author">{e(st['author'])} - detikNews</div>
<div class="detail__date">{d_short(pub)}</div>
</div>
<div class="detail__media"><figure class="detail__media-image"><img src="https://akcdn.detik.net.id/community/media/visual/2019/04/17/a.jpeg" alt="" />
<figcaption class="detail__media-caption">Ilustrasi patroli gabungan (Foto: Rengga Sancaya/detikcom)</figcaption></figure></div>
<div class="detail__body itp_bodycontent_wrapper">
<div class="detail__body-text itp_bodycontent">
{chr(10).join(body)}
</div>
<div class="detail__body-tag mgt-16"><div class="nav">{''.join(f'<a href="https://www.detik.com/tag/{t.replace(" ", "-")}" class="nav__item">{e(t)}</a>' for t in st['tags'])}</div></div>
</div>
<div class="detail__anchor-numb"><span>0</span> komentar</div>
</article>
{dated_headlines(base, stamps_before(pub, 5, d_short), 0, "list-content berita-terkait", "Berita Terkait", link_first=True)}
</div>
<div class="column-4">{ad(3)}{dated_headlines(base, stamps_before(pub, 5, d_short), 4, "box cb-mostpop", "Berita Terpopuler", "ol")}</div>
</div></div>
<footer class="footer"><p>Copyright @ 2019 detikcom. All right reserved</p></footer>
</body>
</html>"""
    s.j("Ilustrasi patroli gabungan", "Berita Terpopuler", "komentar")
    s.pages = [page]


def detik_foto(s: Sample) -> None:
    """A detikFoto page: the story is told in the captions of a gallery and nowhere else."""
    base = "https://news.detik.com"
    st = s.story
    s.gold = list(st["paragraphs"])
    pub = st["published"]
    items = []
    for i, cap in enumerate(st["paragraphs"]):
        items.append(f'<figure class="foto-item"><div class="foto-item__img"><img src="https://akcdn.detik.net.id/'
                     f'community/media/visual/2016/11/22/{i}.jpg" alt="{a(st["title"])}" /></div>'
                     f'<figcaption class="foto-item__caption">{e(cap)}</figcaption>'
                     f'<div class="foto-item__credit">Foto: {e(st["author"])}/detikcom</div>'
                     f'<div class="foto-item__nav">{i + 1} / {len(st["paragraphs"])}</div></figure>')
    head = old_head(st["title"], lang="id", extra=og(st["title"], s.url, "detiknews", st["paragraphs"][0]) +
                    f'\n<meta name="publishdate" content="{pub[:10].replace("-", "/")} {pub[11:19]}" />')
    page = f"""{head}
<body>
<div id="header"><div class="logo"><a href="{base}">detikfoto</a></div>
<ul class="menu_kanal"><li><a href="{base}/foto-news">Foto News</a></li><li><a href="https://sport.detik.com/foto-sport">Foto Sport</a></li><li><a href="https://hot.detik.com/foto-hot">Foto Hot</a></li></ul></div>
{ad(4)}
<div class="container"><div class="content_left">
<div class="detail_area detail_foto">
<div class="jdl"><h1>{e(st['title'])}</h1><div class="author">{e(st['author'])} - detikNews</div><div class="date">{d_short(pub)}</div></div>
<div class="share_top"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<div class="gallery_foto">
{chr(10).join(items)}
</div>
<div class="detail__body-tag"><a href="https://www.detik.com/tag/pilkada-dki">pilkada dki</a> <a href="https://www.detik.com/tag/simulasi">simulasi</a></div>
</div>
{dated_headlines(base, stamps_before(pub, 4, d_short), 2, "foto_lainnya", "Foto Lainnya")}
</div></div>
<div id="footer"><p>Copyright @ 2016 detikcom, All Rights Reserved</p></div>
</body>
</html>"""
    s.j("Foto:", "detikcom", "Foto Lainnya", "1 / 5")
    s.pages = [page]


def kompas_old(s: Sample) -> None:
    """kompas.com, 2016: og:title and <title> carry ' - Kompas.com'; naive meta date, the zone only in the visible time."""
    host = s.kw["host"]
    base = f"http://{host}"
    st = s.story
    paras = s.lead("{CITY}, KOMPAS.com — ")
    pub = st["published"]
    day, d, month, y, hm, zone = parts(pub)
    body = []
    for i, x in enumerate(paras):
        if i == 0:
            body.append(f"<p><strong>{st['city'].upper()}, KOMPAS.com</strong> — {e(st['paragraphs'][0])}</p>")
        else:
            body.append(p(x))
        if i == 1:
            body.append(f'<p><strong>Baca juga: </strong><a href="{base}/read/2016/02/22/1/x">{e(OLD_NEWS[7])}</a></p>')
            s.j(OLD_NEWS[7])
    body.append('<div class="ads-on-body">' + ad(7) + "</div>")
    extra = s.kw.get("extra_after", "")
    ttl = f"{st['title']} - Kompas.com"
    head = old_head(ttl, lang="id", extra=og(ttl, s.url, "KOMPAS.com", st["paragraphs"][0]) +
                    f'\n<meta name="content_PublishedDate" content="{pub[:10]} {pub[11:19]}" />'
                    f'\n<meta name="content_category" content="{a(st["section"])}" />'
                    f'\n<meta name="content_author" content="{a(st["author"])}" />'
                    f'\n<meta name="keywords" content="{a(", ".join(st["tags"]))}" />')
    stamp = lambda iso: f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}, {iso[11:16]} WIB"  # noqa: E731
    page = f"""{head}
<body class="kcm">
<div class="kcm-main-nav"><div class="logo"><a href="http://www.kompas.com">KOMPAS.com</a></div>
<ul class="nav">{''.join(f'<li><a href="http://{x.lower()}.kompas.com">{x}</a></li>' for x in ("News", "Nasional", "Regional", "Megapolitan", "Internasional", "Ekonomi", "Bola", "Tekno", "Entertainment", "Otomotif"))}</ul></div>
<div class="kcm-breaking"><span class="label">Terkini</span><ul class="ticker">{''.join(f'<li><a href="http://www.kompas.com/x{i}">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[8:11]))}</ul></div>
{ad(5)}
<div class="container clearfix">
<div class="kcm-read">
<div class="kcm-read-top">
<ul class="breadcrumb"><li><a href="http://www.kompas.com">Home</a></li><li><a href="{base}">{e(st['section'])}</a></li></ul>
<h1 class="read__title">{e(st['title'])}</h1>
<div class="read__time">Kompas.com - {stamp(pub)}</div>
<div class="read__author">Penulis <a href="http://indeks.kompas.com/penulis/x">{e(st['author'])}</a></div>
</div>
<div class="photo"><img src="http://assets.kompas.com/data/photo/2016/02/23/a.jpg" alt="" /><div class="photo__caption">{e(s.kw.get('caption', 'Ilustrasi'))}</div></div>
<div class="read__content">
{chr(10).join(body)}
</div>
<div class="read__credit">Penulis: {e(st['author'])}<br />Editor: {e(st['editor'])}</div>
{extra}
{dated_headlines(base, stamps_before(pub, 5, stamp), 1, "kcm-related", "Berita Terkait", link_first=True)}
</div>
<div class="kcm-sidebar">{ad(6)}{dated_headlines(base, stamps_before(pub, 6, stamp), 5, "most", "Terpopuler", "ol")}</div>
</div>
<div class="kcm-footer"><p>Copyright 2008 - 2016 PT. Kompas Cyber Media (Kompas Gramedia Digital Group). All Rights Reserved.</p></div>
</body>
</html>"""
    s.j("Penulis:", "Editor:", "Terpopuler", OLD_NEWS[8], OLD_NEWS[5], s.kw.get("caption", "Ilustrasi"), "Terkini")
    s.pages = [page]


KOMPAS_COMMENTS = ("""<div class="read__komentar"><div class="komentar__title">Komentar</div>
<p class="komentar__disclaimer">Komentar yang tampil sepenuhnya menjadi tanggung jawab pembaca sebagaimana diatur dalam UU ITE.</p>
<div class="komentar__form"><p>Silakan login untuk memberikan komentar.</p><a class="btn" href="https://accounts.kompas.com/login">Login</a></div>
<p class="komentar__empty">Belum ada komentar. Jadilah yang pertama memberikan komentar!</p></div>""")


def tempo_old(s: Sample) -> None:
    """tempo.co, 2016: '| Tempo Nasional' affix, the lead loose before the first <p>, the reporter in caps at the end."""
    host = s.kw["host"]
    base = f"https://{host}"
    st = s.story
    paras = s.lead("TEMPO.CO, {city} - ")
    pub = st["published"]
    box = (f'<div class="baca-juga"><h4>Baca juga</h4><ul><li><a href="{base}/read/news/2016/01/11/1/x">'
           f'{e(OLD_NEWS[4])}</a></li><li><a href="{base}/read/news/2016/01/11/2/y">{e(OLD_NEWS[10])}</a></li></ul></div>')
    body = portal_body(s, f"<strong>TEMPO.CO</strong>, <strong>{e(st['city'])}</strong> - {e(st['paragraphs'][0])}",
                       {2: (box, [OLD_NEWS[4], OLD_NEWS[10]])})
    body.append("<p><strong>ISTMAN M.P.</strong></p>")
    s.j("ISTMAN M.P.")
    ttl = f"{st['title']} | Tempo Nasional"
    head = old_head(ttl, lang="id", extra=og(ttl, s.url, "Tempo.co", st["paragraphs"][0]) +
                    '\n<meta name="twitter:site" content="@tempodotco" />')
    day, d, month, y, hm, zone = parts(pub)
    page = f"""{head}
<body>
<div id="wrapper">
<div class="header"><div class="logo"><a href="https://www.tempo.co">TEMPO.CO</a></div>
<ul class="menu">{''.join(f'<li><a href="https://{x.lower()}.tempo.co">{x}</a></li>' for x in ("Nasional", "Metro", "Bisnis", "Dunia", "Bola", "Sport", "Tekno", "Seleb"))}</ul></div>
<div class="ticker-wrap"><div class="ticker"><b>Terpopuler:</b> {' &middot; '.join(e(h) for h in OLD_NEWS[:4])}</div></div>
{ad(8)}
<div class="main-content"><div class="col-left">
<div class="artikel">
<div class="breadcrumbs"><a href="https://www.tempo.co">Home</a> &raquo; <a href="{base}">Nasional</a> &raquo; <a href="{base}/politik">Politik</a></div>
<h1 itemprop="headline">{e(st['title'])}</h1>
<div class="tanggal"><span class="date">{day}, {d} {month} {y} | {hm} WIB</span></div>
<div class="reporter">Reporter: <a href="https://www.tempo.co/penulis/x">{e(st['author'])}</a> &nbsp; Editor: <a href="https://www.tempo.co/penulis/y">{e(st['editor'])}</a></div>
<div class="foto"><img src="https://statik.tempo.co/data/2016/01/12/a.jpg" alt="" /><p class="caption">Suasana di depan Gedung MK, Jakarta. TEMPO/Dhemas Reviyanto</p></div>
<div id="isi" class="detail-in">
{chr(10).join(body)}
</div>
<div class="tags"><span>Topik :</span> {''.join(f'<a href="https://www.tempo.co/tag/{t.replace(" ", "-")}">#{e(t)}</a> ' for t in st['tags'])}</div>
</div>
{dated_headlines(base, stamps_before(pub, 5, lambda iso: f"{iso[8:10]} {MONTHS[int(iso[5:7]) - 1][:3]} {iso[:4]}"), 6, "berita-lain", "Berita Lainnya")}
</div>
<div class="col-right">{ad(9)}<div class="populer"><h3>Terpopuler</h3><ol>{''.join(f'<li><a href="{base}/p{i}">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[5:10]))}</ol></div></div>
</div>
<div class="footer">&copy; 2016 Tempo.co. All Rights Reserved.</div>
</div>
</body>
</html>"""
    s.j("Suasana di depan Gedung MK", "Topik", "Terpopuler", "TEMPO/Dhemas", "Reporter:")
    s.pages = [page]


def republika(s: Sample) -> None:
    """republika.co.id, 2016: yy/mm/dd in the URL, the date line above the <h1>, no metadata dates."""
    base = "https://www.republika.co.id"
    st = s.story
    paras = s.lead("REPUBLIKA.CO.ID, {CITY} -- ")
    pub = st["published"]
    day, d, month, y, hm, zone = parts(pub)
    body = [f"<p><strong>REPUBLIKA.CO.ID, {st['city'].upper()} --</strong> {e(st['paragraphs'][0])}</p>"]
    body += [p(x) for x in st["paragraphs"][1:]]
    ttl = f"{st['title']} | Republika Online"
    head = old_head(ttl, lang="id", extra=og(ttl, s.url, "Republika Online", st["paragraphs"][0]) +
                    f'\n<meta name="keywords" content="{a(", ".join(st["tags"]))}" />')
    page = f"""{head}
<body>
<div class="header_top"><div class="logo"><a href="{base}">Republika Online</a></div>
<ul class="nav_menu">{''.join(f'<li><a href="{base}/kanal/{x.lower()}">{x}</a></li>' for x in ("News", "Ekonomi", "Khazanah", "Internasional", "Sepakbola", "Leisure", "Jurnal Haji"))}</ul></div>
{ad(10)}
<div class="main_content"><div class="kiri">
<div class="wrap_detail">
<div class="breadcome"><a href="{base}">Home</a> &gt; <a href="{base}/kanal/news">News</a> &gt; <a href="{base}/kanal/news/politik">Politik</a></div>
<div class="wrap_detail_set">
<div class="date_detail"><p>{day} , {d} {month} {y}, {hm} WIB</p></div>
<h1>{e(st['title'])}</h1>
<div class="by"><p>Red: {e(st['editor'])}</p></div>
</div>
<div class="image_detail"><img src="https://static.republika.co.id/uploads/images/detailnews/a.jpg" alt="" /><div class="caption_detail"><p>Politik uang (ilustrasi)</p></div></div>
<div class="artikel" id="articleBody">
{chr(10).join(body)}
</div>
<div class="tag_detail"><span>Tags:</span> {''.join(f'<a href="{base}/tag/{t.replace(" ", "-")}">{e(t)}</a> ' for t in st['tags'])}</div>
<div class="terkait"><h3>BERITA TERKAIT</h3><ul>{''.join(f'<li><a href="{base}/berita/nasional/politik/16/02/1{i}/x{i}">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[1:5]))}</ul></div>
</div>
</div>
<div class="kanan">{ad(11)}<div class="terpopuler"><div class="judul_box">TERPOPULER</div><ul>{''.join(f'<li><span>{i + 1}</span><a href="{base}/p{i}">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[6:11]))}</ul></div></div>
</div>
<div class="footer">Copyright &copy; 2016 Republika Online, All Right Reserved</div>
</body>
</html>"""
    s.j("Red:", "Politik uang (ilustrasi)", "BERITA TERKAIT", OLD_NEWS[2], "TERPOPULER")
    s.pages = [page]


def okezone(s: Sample) -> None:
    """okezone.com, 2016: ' : Okezone News' affix, JSON-LD datePublished in UTC (00:20 WIB is the previous day in UTC)."""
    base = "https://news.okezone.com"
    st = s.story
    paras = s.lead("{CITY} - ")
    pub = st["published"]
    import datetime as dt
    utc = dt.datetime.fromisoformat(pub).astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": st["title"],
                     "datePublished": utc, "dateModified": utc, "author": {"@type": "Person", "name": st["author"]},
                     "publisher": {"@type": "Organization", "name": "Okezone"}}, ensure_ascii=False)
    day, d, month, y, hm, zone = parts(pub)
    box = f'<p><strong>Baca Juga:</strong> <a href="{base}/read/2016/02/22/340/1/x">{e(OLD_NEWS[11])}</a></p>'
    body = portal_body(s, f"<p><strong>{st['city'].upper()}</strong> - {e(st['paragraphs'][0])}</p>",
                       {2: (box, [OLD_NEWS[11]])})
    body.append("<p>(erh)</p>")
    ttl = f"{st['title']} : Okezone News"
    head = old_head(ttl, lang="id", extra=og(ttl, s.url, "Okezone", st["paragraphs"][0]) +
                    f'\n<script type="application/ld+json">{ld}</script>')
    page = f"""{head}
<body>
<div class="header"><div class="logo"><a href="https://www.okezone.com">okezone</a></div>
<ul class="nav-kanal">{''.join(f'<li><a href="https://{x.lower()}.okezone.com">{x}</a></li>' for x in ("News", "Economy", "Celebrity", "Sports", "Bola", "Techno", "Lifestyle"))}</ul></div>
<div class="breaking-news"><span>BREAKING NEWS</span> <a href="{base}/b">{e(OLD_NEWS[8])}</a></div>
{ad(12)}
<div class="container-bodyhome"><div class="container-bodyhome-left">
<div class="breadcrumb"><a href="https://www.okezone.com">Home</a> &rsaquo; <a href="{base}">News</a></div>
<div class="title"><h1>{e(st['title'])}</h1></div>
<div class="reporter"><div class="namerep">{e(st['author'])}, <b>Jurnalis</b> &middot; <b>{day} {d} {month} {y} {hm} WIB</b></div></div>
<div class="detail-img"><img src="https://img.okezone.com/content/2016/02/23/340/a.jpg" alt="" /><div class="caption">Ilustrasi (Dok. Okezone)</div></div>
<div id="contentx" class="read">
{chr(10).join(body)}
</div>
<div class="detads-bottom">{ad(13)}</div>
<div class="newsterkait"><div class="title-newsterkait">Berita Terkait</div><ul>{''.join(f'<li><a href="{base}/t{i}">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[2:6]))}</ul></div>
</div>
<div class="container-bodyhome-right"><div class="terpopuler"><h2>Terpopuler</h2>{dated_headlines(base, stamps_before(pub, 5, lambda iso: d_short(iso, " ")), 7, "list-populer")}</div></div>
</div>
<div class="footer">Copyright &copy; 2016 Okezone.com, All Rights Reserved</div>
</body>
</html>"""
    s.j("(erh)", "BREAKING NEWS", "Ilustrasi (Dok. Okezone)", "Berita Terkait", OLD_NEWS[3], "Terpopuler")
    s.pages = [page]


def liputan6(s: Sample) -> None:
    """liputan6.com, 2016: the meta time is the local time labelled 'Z'; the visible time says WIB."""
    base = "https://www.liputan6.com"
    st = s.story
    paras = s.lead("Liputan6.com, {city} - ")
    pub = st["published"]
    box = ('<div class="baca-juga-collections"><div class="baca-juga-collections__title">Baca Juga</div><ul>'
           + "".join(f'<li><a href="{base}/news/read/24{i}/x">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[9:12]))
           + "</ul></div>")
    body = portal_body(s, f"<p><strong>Liputan6.com, {e(st['city'])}</strong> - {e(st['paragraphs'][0])}</p>",
                       {1: (box, OLD_NEWS[9:12])})
    body.append("<p><strong>Saksikan video pilihan di bawah ini:</strong></p>")
    body.append('<div class="article-content-body__item-media"><div class="video-player" data-src="https://www.vidio.com/embed/123"></div></div>')
    s.j("Saksikan video pilihan")
    ttl = f"{st['title']} - News Liputan6.com"
    head = old_head(ttl, lang="id", extra=og(ttl, s.url, "liputan6.com", st["paragraphs"][0]) +
                    f'\n<meta property="article:published_time" content="{pub[:19]}Z" />'
                    f'\n<meta property="article:section" content="News" />'
                    f'\n<meta name="twitter:title" content="{a(ttl)}" />')
    page = f"""{head}
<body class="articles show">
<header class="navbar"><div class="navbar--top"><a class="navbar--top--logo" href="{base}">Liputan6.com</a></div>
<nav class="navbar--menu">{nav(base, ["News", "Bisnis", "Showbiz", "Bola", "Tekno", "Health", "Citizen6", "Regional"])}</nav></header>
{ad(14)}
<div id="main" class="container-main"><div class="container-article">
<article class="hentry main">
<header class="read-page--header">
<div class="read-page--header--breadcrumb"><a href="{base}/news">News</a></div>
<h1 class="read-page--header--title entry-title">{e(st['title'])}</h1>
<div class="read-page--header--author"><a class="read-page--header--author__link" href="{base}/me/x"><span class="read-page--header--author__name">{e(st['author'])}</span></a>
<p class="read-page--header--author__datetime-wrapper"><time class="read-page--header--author__datetime updated" datetime="{pub[:10]} {pub[11:19]}">{int(pub[8:10])} {MONTHS[int(pub[5:7]) - 1][:3]} {pub[:4]}, {pub[11:16]} WIB</time></p></div>
</header>
<div class="read-page--photo-gallery--item"><img src="https://cdn1-production-images-kly.akamaized.net/a.jpg" alt="" /><figcaption class="read-page--photo-gallery--item__caption">Kapolri Jenderal Badrodin Haiti. (Liputan6.com/Helmi Fithriansyah)</figcaption></div>
<div class="article-content-body article-content-body_with-aside"><div class="article-content-body__item-page" data-page="1">
<div class="article-content-body__item-content">
{chr(10).join(body)}
</div></div></div>
<div class="tags--snippet"><span>Tag Terkait</span> {''.join(f'<a href="{base}/tag/{t.replace(" ", "-")}">{e(t)}</a>' for t in st['tags'])}</div>
</article>
{dated_headlines(base, stamps_before(pub, 5, lambda iso: f"{int(iso[8:10])} {MONTHS[int(iso[5:7]) - 1][:3]} {iso[:4]}, {iso[11:16]} WIB"), 2, "related-articles", "Berita Terkini", link_first=True)}
</div></div>
<footer class="footer"><p>Copyright &copy; 2016 Liputan6.com, KLY KapanLagi Youniverse. All Rights Reserved.</p></footer>
</body>
</html>"""
    s.j("Kapolri Jenderal Badrodin Haiti. (Liputan6", "Tag Terkait", "Berita Terkini", "Baca Juga")
    s.pages = [page]


def viva(s: Sample) -> None:
    """viva.co.id, 2016: the article body sits in a container whose class names a share widget."""
    base = "https://www.viva.co.id"
    st = s.story
    paras = s.lead("VIVA.co.id – ")
    pub = st["published"]
    day, d, month, y, hm, zone = parts(pub)
    box = (f'<div class="article-detail-baca"><span>Baca juga:</span> <a href="{base}/berita/politik/1-x">'
           f'{e(OLD_NEWS[0])}</a></div>')
    body = portal_body(s, f"<p><strong>VIVA.co.id</strong> – {e(st['paragraphs'][0])}</p>", {2: (box, [OLD_NEWS[0]])})
    ttl = f"{st['title']} - VIVA.co.id"
    head = old_head(ttl, lang="id", extra=og(ttl, s.url, "VIVA.co.id", st["paragraphs"][0]))
    page = f"""{head}
<body>
<div class="header-main"><div class="logo"><a href="{base}">VIVA.co.id</a></div>
<ul class="menu-main">{''.join(f'<li><a href="{base}/{x.lower()}">{x}</a></li>' for x in ("Berita", "Bisnis", "Bola", "Sport", "Showbiz", "Otomotif", "Gaya Hidup"))}</ul></div>
{ad(15)}
<div class="content-wrap"><div class="content-left">
<div class="breadcrumb"><a href="{base}">Home</a> / <a href="{base}/berita">Berita</a> / <a href="{base}/berita/politik">Politik</a></div>
<div class="leading-title"><h1>{e(st['title'])}</h1></div>
<div class="leading-date"><span class="date">{day}, {d} {month} {y} | {hm} WIB</span></div>
<div class="leading-author">Oleh : <a href="{base}/penulis/x">{e(st['author'])}</a>, <a href="{base}/penulis/y">{e(st['editor'])}</a></div>
<div class="article-detail social-share" id="article-detail-content">
<div class="share-box"><a class="fb" href="#">Share</a> <a class="tw" href="#">Tweet</a> <a class="wa" href="#">WhatsApp</a></div>
<div class="thumbcontainer"><img src="https://cdn.viva.co.id/2016/03/01/a.jpg" alt="" /><span class="caption">Ilustrasi apel siaga. (ANTARA/Fanny Octavianus)</span></div>
{chr(10).join(body)}
</div>
<div class="tag-list"><span>TAG :</span> {''.join(f'<a href="{base}/tag/{t.replace(" ", "-")}">{e(t)}</a> ' for t in st['tags'])}</div>
{dated_headlines(base, stamps_before(pub, 4, lambda iso: f"{parts(iso)[0]}, {parts(iso)[1]} {parts(iso)[2]} {parts(iso)[3]} | {parts(iso)[4]} WIB"), 8, "article-list-related", "Berita Terkait")}
</div>
<div class="content-right">{ad(16)}<div class="box-popular"><h3>Terpopuler</h3><ol>{''.join(f'<li><a href="{base}/p{i}">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[3:8]))}</ol></div></div>
</div>
<div class="footer">Copyright &copy; 2016 VIVA.co.id. All Rights Reserved</div>
</body>
</html>"""
    s.j("Tweet", "Ilustrasi apel siaga", "Terpopuler", "TAG :", "Berita Terkait")
    s.pages = [page]


def merdeka(s: Sample) -> None:
    """merdeka.com, 2016: no date in metadata or URL, the date only in the visible line, no zone; 'Baca juga:' list."""
    base = "https://www.merdeka.com"
    st = s.story
    paras = s.lead("Merdeka.com - ")
    pub = st["published"]
    day, d, month, y, hm, zone = parts(pub)
    body = [f"<p><b>Merdeka.com</b> - {e(st['paragraphs'][0])}</p>"] + [p(x) for x in st["paragraphs"][1:]]
    body.append("<p><strong>Baca juga:</strong><br />" + "<br />".join(
        f'<a href="{base}/peristiwa/b{i}.html">{e(h)}</a>' for i, h in enumerate(OLD_NEWS[4:8])) + "</p>")
    body.append("<p>[ian]</p>")
    s.j(*OLD_NEWS[4:8], "[ian]")
    ttl = f"{st['title']} | merdeka.com"
    head = old_head(ttl, lang="id", extra=og(ttl, s.url, "merdeka.com", st["paragraphs"][0]) +
                    f'\n<meta name="news_keywords" content="{a(", ".join(st["tags"]))}" />')
    page = f"""{head}
<body>
<div id="mdk-header"><div class="mdk-logo"><a href="{base}">merdeka.com</a></div>
<ul class="mdk-nav">{''.join(f'<li><a href="{base}/{x.lower()}">{x}</a></li>' for x in ("Peristiwa", "Politik", "Jakarta", "Dunia", "Uang", "Olahraga", "Artis", "Sehat"))}</ul></div>
<div class="mdk-ticker"><span>Berita Terkini</span><ul>{''.join(f'<li><a href="{base}/t{i}.html">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[9:12]))}</ul></div>
{ad(17)}
<div class="mdk-body"><div class="mdk-body-left">
<div class="mdk-breadcrumb"><a href="{base}">Home</a> &raquo; <a href="{base}/peristiwa">Peristiwa</a></div>
<div class="mdk-dt-headline"><h1>{e(st['title'])}</h1></div>
<div class="mdk-date-reporter"><span>Reporter : <a href="{base}/reporter/x">{e(st['author'])}</a></span> | <span>{day}, {d} {month} {y} {hm}</span></div>
<div class="mdk-dt-img"><img src="https://cdns.klimg.com/merdeka.com/i/w/news/2016/10/20/a.jpg" alt="" /><div class="mdk-dt-img-caption">ilustrasi media sosial. &copy;2016 Merdeka.com</div></div>
<div class="mdk-body-paragpraph">
{chr(10).join(body)}
</div>
<div class="mdk-body-tag">Topik berita Terkait: {''.join(f'<a href="{base}/tag/{t.replace(" ", "-")}">{e(t)}</a> ' for t in st['tags'])}</div>
{dated_headlines(base, stamps_before(pub, 5, lambda iso: f"{parts(iso)[0]}, {parts(iso)[1]} {parts(iso)[2]} {parts(iso)[3]} {parts(iso)[4]}"), 0, "mdk-related-list", "Berita Lainnya")}
</div>
<div class="mdk-body-right">{ad(18)}<div class="box-populer"><h3>Populer</h3><ol>{''.join(f'<li><a href="{base}/p{i}.html">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[1:6]))}</ol></div></div>
</div>
<div class="mdk-footer">&copy; 2016 merdeka.com, All Rights Reserved</div>
</body>
</html>"""
    s.j("ilustrasi media sosial", "Topik berita", "Berita Lainnya", "Berita Terkini", "Reporter :")
    s.pages = [page]


def merdeka_foto(s: Sample) -> None:
    """A merdeka.com photo gallery, 2017: an intro paragraph, then slides told in captions, each with its counter
    ('3 dari 7') and its credit on a line of its own; a header of label, reporter and date; linked captions of
    other galleries in a column. The intro and the captions are the article."""
    base = "https://www.merdeka.com"
    st = s.story
    intro, caps = st["paragraphs"][0], st["paragraphs"][1:]
    s.gold = [f"Merdeka.com - {intro}", *caps]
    s.expect_dateline = ""
    day, d, month, y, hm, zone = parts(st["published"])
    slides = "".join(
        f'<div class="mdk-gallery-item"><div class="mdk-gallery-count">{i + 1} dari {len(caps)}</div>'
        f'<img src="https://cdns.klimg.com/merdeka.com/i/w/photo/2017/02/15/{i}.jpg" alt="{a(st["title"])}" />'
        f'<div class="mdk-gallery-caption"><p>{e(c)}</p><span class="mdk-credit">Merdeka.com/{e(st["author"])}</span>'
        f'</div></div>' for i, c in enumerate(caps))
    others = "".join(f'<li><a href="{base}/foto/f{i}.html"><img src="https://cdns.klimg.com/t{i}.jpg" alt="" />'
                     f'<div class="caption">{e(h)}</div></a></li>' for i, h in enumerate(OLD_NEWS[2:6]))
    ttl = f"FOTO: {st['title']} | merdeka.com"
    head = old_head(ttl, lang="id", extra=og(ttl, s.url, "merdeka.com", intro))
    page = f"""{head}
<body>
<div id="mdk-header"><div class="mdk-logo"><a href="{base}">merdeka.com</a></div>
<ul class="mdk-nav">{''.join(f'<li><a href="{base}/{x.lower()}">{x}</a></li>' for x in ("Peristiwa", "Politik", "Jakarta", "Foto", "Artis"))}</ul></div>
{ad(19)}
<div class="mdk-body"><div class="mdk-body-left">
<div class="mdk-foto-head"><span class="mdk-label">FOTO</span><h1>{e(st['title'])}</h1>
<div class="mdk-date-reporter"><span>{e(st['author'])}</span> | <span>{day}, {d} {month} {y} {hm}</span> | <span>{len(caps)} Foto</span></div></div>
<div class="mdk-foto-intro"><p><b>Merdeka.com</b> - {e(intro)}</p></div>
<div class="mdk-gallery">{slides}</div>
<div class="mdk-body-tag">Topik berita Terkait: {''.join(f'<a href="{base}/tag/{t.replace(" ", "-")}">{e(t)}</a> ' for t in st['tags'])}</div>
</div>
<div class="mdk-body-right">{ad(20)}<div class="box-foto-terkait"><h3>Foto Terkait</h3><ul>{others}</ul></div></div>
</div>
<div class="mdk-footer">&copy; 2017 merdeka.com, All Rights Reserved</div>
</body>
</html>"""
    s.j("Merdeka.com/Imam", "dari 6", "Foto Terkait", "FOTO", "Topik berita", *OLD_NEWS[2:6])
    s.pages = [page]


def sindonews(s: Sample) -> None:
    """sindonews.com, 2016: the publication time as a Unix timestamp at the end of the URL; <br><br> paragraphs."""
    host = s.kw["host"]
    base = f"https://{host}"
    st = s.story
    paras = s.lead("{CITY} - ")
    pub = st["published"]
    day, d, month, y, hm, zone = parts(pub)
    text = f"{st['city'].upper()} - " + "<br /><br />".join(e(x) for x in st["paragraphs"]) + "<br /><br />(maf)"
    s.j("(maf)")
    head = old_head(st["title"], lang="id", extra=og(st["title"], s.url, "SINDOnews.com", st["paragraphs"][0]))
    page = f"""{head}
<body>
<div class="header"><div class="logo"><a href="https://www.sindonews.com">SINDOnews</a></div>
<ul class="menu">{''.join(f'<li><a href="https://{x.lower()}.sindonews.com">{x}</a></li>' for x in ("Nasional", "Metro", "Daerah", "Ekbis", "International", "Sports", "Autotekno"))}</ul></div>
<div class="ticker"><span>TERKINI</span> <a href="https://www.sindonews.com/t">{e(OLD_NEWS[6])}</a></div>
{ad(19)}
<div class="content"><div class="left-side">
<div class="article">
<div class="breadcrumb"><a href="https://www.sindonews.com">Home</a> &gt; <a href="{base}">Nasional</a></div>
<h1>{e(st['title'])}</h1>
<div class="reporter"><a href="https://index.sindonews.com/blog/x">{e(st['author'])}</a></div>
<time>{day}, {d} {month} {y} - {hm} WIB</time>
<div class="article-share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Google+</a></div>
<figure class="article-image"><img src="https://pict.sindonews.net/dyn/620/content/2016/02/24/a.jpg" alt="" /><figcaption>Personel Brimob Polri. (SINDOnews/Dok)</figcaption></figure>
<div itemprop="articleBody" id="content" class="content">{text}</div>
</div>
<div class="baca-juga-sindo"><h3>Berita Terkait</h3><ul>{''.join(f'<li><a href="{base}/read/10{i}/12/x">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[0:4]))}</ul></div>
{dated_headlines(base, stamps_before(pub, 5, lambda iso: f"{parts(iso)[0]}, {parts(iso)[1]} {parts(iso)[2]} {parts(iso)[3]} - {parts(iso)[4]} WIB"), 5, "terkini-list", "Terkini")}
</div>
<div class="right-side">{ad(20)}<div class="populer"><h3>Terpopuler</h3><ol>{''.join(f'<li><a href="{base}/p{i}">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[7:12]))}</ol></div></div>
</div>
<div class="footer">Copyright &copy; 2016 SINDOnews.com, All Rights Reserved</div>
</body>
</html>"""
    s.j("Personel Brimob Polri", "Berita Terkait", "Terpopuler", "TERKINI", OLD_NEWS[1])
    s.pages = [page]


def suara(s: Sample) -> None:
    """suara.com, 2017: date in the URL and the visible line, an embedded tweet inside the article."""
    base = "https://www.suara.com"
    st = s.story
    paras = s.lead("Suara.com - ")
    pub = st["published"]
    day, d, month, y, hm, zone = parts(pub)
    tweet = ('<blockquote class="twitter-tweet" data-lang="id"><p lang="in" dir="ltr">Personel gabungan mulai '
             'bergeser ke TPS di wilayah Jakarta Timur <a href="https://twitter.com/hashtag/PilkadaDKI?src=hash">'
             '#PilkadaDKI</a> <a href="https://t.co/Ab12Cd">pic.twitter.com/Ab12CdEf</a></p>&mdash; TMC Polda '
             'Metro Jaya (@TMCPoldaMetro) <a href="https://twitter.com/TMCPoldaMetro/status/83151">14 Februari '
             '2017</a></blockquote>\n<script async src="//platform.twitter.com/widgets.js" charset="utf-8"></script>')
    box = (f'<div class="baca-juga-box"><b>Baca Juga:</b><ul><li><a href="{base}/news/2017/02/14/1/x">'
           f'{e(OLD_NEWS[8])}</a></li></ul></div>')
    body = portal_body(s, f"<p><strong>Suara.com</strong> - {e(st['paragraphs'][0])}</p>",
                       {1: (tweet, ["pic.twitter.com", "@TMCPoldaMetro", "bergeser ke TPS di wilayah Jakarta Timur"]),
                        3: (box, [OLD_NEWS[8]])})
    head = old_head(st["title"], lang="id", extra=og(st["title"], s.url, "suara.com", st["paragraphs"][0]))
    page = f"""{head}
<body>
<div class="header"><div class="logo"><a href="{base}">suara.com</a></div>
<ul class="main-menu">{''.join(f'<li><a href="{base}/{x.lower()}">{x}</a></li>' for x in ("News", "Bisnis", "Bola", "Sport", "Lifestyle", "Entertainment", "Otomotif", "Tekno"))}</ul></div>
{ad(21)}
<div class="content"><div class="col-left">
<div class="head-detail">
<div class="breadcrumb"><a href="{base}">Home</a> / <a href="{base}/news">News</a></div>
<h1>{e(st['title'])}</h1>
<div class="author-detail"><span>{e(st['author'])}</span></div>
<div class="date-time">{day}, {d} {month} {y} | {hm} WIB</div>
</div>
<div class="img-detail"><img src="https://media.suara.com/pictures/653x366/2017/02/14/a.jpg" alt="" /><div class="caption">Ilustrasi personel kepolisian. [Suara.com/Kurniawan Mas'ud]</div></div>
<article class="content-article">
{chr(10).join(body)}
</article>
<div class="tag-detail"><span>Tag</span> {''.join(f'<a href="{base}/tag/{t.replace(" ", "-")}">{e(t)}</a>' for t in st['tags'])}</div>
{dated_headlines(base, stamps_before(pub, 5, lambda iso: f"{parts(iso)[0]}, {parts(iso)[1]} {parts(iso)[2]} {parts(iso)[3]} | {parts(iso)[4]} WIB"), 9, "related-news", "Berita Terkait")}
</div>
<div class="col-right">{ad(22)}<div class="most-popular"><h3>Terpopuler</h3><ol>{''.join(f'<li><a href="{base}/p{i}">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[2:7]))}</ol></div></div>
</div>
<div class="footer">&copy; 2017 suara.com - All Rights Reserved.</div>
</body>
</html>"""
    s.j("Ilustrasi personel kepolisian", "Terpopuler", "Berita Terkait")
    s.pages = [page]


def kapanlagi(s: Sample) -> None:
    """kapanlagi.com, 2016: an entertainment page with a 'FOTO TERKAIT' list inside the body and a comment box."""
    base = "https://www.kapanlagi.com"
    st = s.story
    paras = s.lead("Kapanlagi.com - ")
    pub = st["published"]
    day, d, month, y, hm, zone = parts(pub)
    body = [f"<p><strong>Kapanlagi.com</strong> - {e(st['paragraphs'][0])}</p>", p(st["paragraphs"][1])]
    fotos = ["Dinda Maharani saat tampil di Senayan", "Dinda Maharani bersama para musisi pendukung",
             "Penonton memadati gedung pertunjukan"]
    body.append('<div class="foto-terkait"><h3>FOTO TERKAIT</h3><ul>' + "".join(
        f'<li><a href="{base}/foto/berita-foto/indonesia/{i}.html"><img src="{base}/img/{i}.jpg" alt="" /><span>{e(f)}</span></a></li>'
        for i, f in enumerate(fotos)) + "</ul></div>")
    s.j(*fotos, "FOTO TERKAIT")
    body += [p(x) for x in st["paragraphs"][2:]]
    body.append("<p>(kpl/ayp/dim)</p>")
    s.j("(kpl/ayp/dim)")
    ttl = f"{st['title']} - KapanLagi.com"
    head = old_head(ttl, lang="id", extra=og(ttl, s.url, "KapanLagi.com", st["paragraphs"][0]))
    page = f"""{head}
<body>
<div id="header"><div class="logo"><a href="{base}">KapanLagi.com</a></div>
<ul id="menu">{''.join(f'<li><a href="{base}/{x.lower()}/">{x}</a></li>' for x in ("Showbiz", "Korea", "Film", "Musik", "Foto", "Video", "Plus"))}</ul></div>
{ad(23)}
<div id="v5-content"><div class="col-left">
<div class="entertainment-newsdetail">
<div class="breadcrumb"><a href="{base}">KapanLagi.com</a> &raquo; <a href="{base}/showbiz/">Showbiz</a> &raquo; <a href="{base}/showbiz/selebriti/">Selebriti</a></div>
<div class="headline-detail"><h1>{e(st['title'])}</h1></div>
<div class="col-dt-headline"><span class="date-post">{day}, {d} {month} {y} {hm} WIB</span> | Penulis: {e(st['author'])}</div>
<div class="entertainment-detail-news"><img src="{base}/img/dinda.jpg" alt="" /><span class="caption">Dinda Maharani &copy; KapanLagi.com/Agus Apriyanto</span></div>
<div class="body-paragraph clearfix">
{chr(10).join(body)}
</div>
<div class="komentar-kl"><h3>Komentar</h3>
<p class="disclaimer">Disclaimer: Komentar yang dimuat sepenuhnya menjadi tanggung jawab pengirim dan bukan cerminan sikap redaksi KapanLagi.com.</p>
<p>Tulis komentar Anda di sini. Silakan login dengan akun Facebook untuk berkomentar.</p></div>
</div>
{dated_headlines(base, stamps_before(pub, 5, lambda iso: f"{parts(iso)[1]} {parts(iso)[2]} {parts(iso)[3]}, {parts(iso)[4]}"), 3, "berita-selebriti-lain", "Berita Selebriti Lainnya")}
</div>
<div class="col-right">{ad(24)}<div class="terpopuler"><h3>Paling Populer</h3><ol>{''.join(f'<li><a href="{base}/p{i}">{e(h)}</a></li>' for i, h in enumerate(OLD_NEWS[0:5]))}</ol></div></div>
</div>
<div id="footer">&copy; 2016 KapanLagi.com. All Rights Reserved.</div>
</body>
</html>"""
    s.j("Disclaimer", "tanggung jawab pengirim", "Tulis komentar", "Paling Populer", "Berita Selebriti Lainnya",
        "KapanLagi.com/Agus Apriyanto", "Penulis:")
    s.pages = [page]


def antara_old(s: Sample) -> None:
    """antaranews.com, 2016: an older layout the ANTARA profile does not fit; the profile's '.post-content'
    finds only a sidebar teaser, and its date selectors find nothing."""
    base = "https://www.antaranews.com"
    st = s.story
    paras = s.lead("{city} (ANTARA News) - ")
    pub = st["published"]
    day, d, month, y, hm, zone = parts(pub)
    text = f"{e(st['city'])} (ANTARA News) - " + "<br /><br />".join(e(x) for x in st["paragraphs"])
    text += f"<br /><br />Editor: {e(st['editor'])}<br /><br />COPYRIGHT &copy; ANTARA 2016"
    s.j("Editor:", "COPYRIGHT")
    teasers = "".join(
        f'<div class="item"><h4><a href="{base}/berita/56{i}/x">{e(h)}</a></h4><div class="post-content"><p>'
        f'{e(h)}. Ringkasan berita ini ditulis untuk kolom terpopuler di sisi kanan halaman dan memuat beberapa '
        f'kalimat pertama dari berita tersebut.</p></div></div>' for i, h in enumerate(OLD_NEWS[1:4]))
    s.j("Ringkasan berita ini")
    ttl = f"{st['title']} - ANTARA News"
    head = old_head(ttl, lang="id", extra=og(ttl, s.url, "Antara News", st["paragraphs"][0]))
    page = f"""{head}
<body>
<div id="header"><div class="logo"><a href="{base}">ANTARA News</a></div>
<ul class="menu">{''.join(f'<li><a href="{base}/{x.lower()}">{x}</a></li>' for x in ("Terkini", "Politik", "Hukum", "Ekonomi", "Bola", "Olahraga", "Hiburan", "Foto"))}</ul></div>
<div class="newsticker"><b>Terkini</b> <a href="{base}/t">{e(OLD_NEWS[10])}</a></div>
{ad(25)}
<div id="main_content"><div class="content_left">
<div id="content_news">
<h1 class="title">{e(st['title'])}</h1>
<p class="date"><span>{day}, {d} {month} {y} {hm} WIB</span> | <span>1.234 Views</span></p>
<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Google+</a></div>
<div class="img_news"><img src="https://img.antaranews.com/new/2016/06/a.jpg" alt="" /><p class="caption">Personel Polda Jabar saat apel pasukan. (ANTARA FOTO/Agus Bebeng)</p></div>
<div id="content_news_text" class="content_news">{text}</div>
</div>
{dated_headlines(base, stamps_before(pub, 4, lambda iso: f"{parts(iso)[0]}, {parts(iso)[1]} {parts(iso)[2]} {parts(iso)[3]} {parts(iso)[4]} WIB"), 6, "berita_terkait", "Berita Terkait")}
</div>
<div class="content_right">{ad(26)}<div class="widget-popular"><h3>Terpopuler</h3>{teasers}</div></div>
</div>
<div id="footer">Copyright &copy; 2016 ANTARA</div>
</body>
</html>"""
    s.j("Views", "Personel Polda Jabar saat apel", "Terpopuler", "Berita Terkait")
    s.pages = [page]


TEMPLATES = {"antaranews": antaranews, "tribunnews": tribunnews, "disway": disway, "tribratanews": tribratanews,
             "humaspolri": humaspolri, "jawapos": jawapos, "balipost": balipost, "lampost": lampost,
             "ceposonline": ceposonline, "generic-wp": generic_wp, "generic-blogger": blogger, "generic-old": oldsite,
             "detik-old": detik_old, "detik-new": detik_new, "detik-foto": detik_foto, "kompas-old": kompas_old,
             "tempo-old": tempo_old, "republika": republika, "okezone": okezone, "liputan6": liputan6, "viva": viva,
             "merdeka": merdeka, "merdeka-foto": merdeka_foto, "sindonews": sindonews, "suara": suara, "kapanlagi": kapanlagi,
             "antara-old": antara_old}

# --------------------------------------------------------------------------- the sample list
T_SUMSEL = dict(host="sumsel.tribunnews.com", brand="TRIBUNSUMSEL.COM")
SAMPLES = [
    Sample("antara-sumsel-pleno", "antaranews", "sumsel-pleno-provinsi",
           "https://sumsel.antaranews.com/berita/812345/polda-sumsel-siagakan-1200-personel-amankan-pleno", ["jsonld", "baca-juga-box"],
           host="sumsel.antaranews.com"),
    Sample("antara-kalteng-logistik", "antaranews", "kapuas-logistik-sungai",
           "https://kalteng.antaranews.com/berita/734512/polres-kapuas-kawal-distribusi-logistik-pilkada-lewat-sungai",
           ["no-jsonld", "meta-only", "baca-juga-line"], host="kalteng.antaranews.com", jsonld=False, plain_baca=True),
    Sample("antara-sulteng-patroli", "antaranews", "poso-patroli",
           "https://sulteng.antaranews.com/berita/345678/jelang-pencoblosan-polres-poso-gelar-patroli-skala-besar",
           ["jsonld", "wita"], host="sulteng.antaranews.com"),
    Sample("antara-sulteng-amp", "antaranews", "sigi-tps-rawan",
           "https://sulteng.antaranews.com/amp/berita/345901/kapolda-sulteng-tinjau-tps-rawan-di-sigi",
           ["amp", "no-jsonld", "visible-date-only"], host="sulteng.antaranews.com", amp=True, jsonld=False,
           no_meta_date=True),
    Sample("tribun-sumsel-paged", "tribunnews", "empat-lawang-ricuh",
           "https://sumsel.tribunnews.com/2024/12/02/pleno-ppk-di-empat-lawang-ricuh-polisi-amankan-lima-orang",
           ["paginated", "jsonld", "baca-juga-box", "baca-juga-line"], pages=3, **T_SUMSEL),
    Sample("serambi-aceh-amp", "tribunnews", "aceh-utara-psu",
           "https://aceh.tribunnews.com/amp/2024/12/01/polres-aceh-utara-amankan-psu-di-dua-tps",
           ["amp", "jsonld"], host="aceh.tribunnews.com", brand="SERAMBINEWS.COM", amp=True,
           expect_dateline="LHOKSUKON"),
    Sample("poskupang-broken", "tribunnews", "semau-logistik",
           "https://kupang.tribunnews.com/2024/11/22/logistik-pilkada-ke-pulau-semau-dikawal-brimob",
           ["broken-markup", "jsonld-trailing-comma"], host="kupang.tribunnews.com", brand="POS-KUPANG.COM",
           bad_json=True, broken=True, expect_dateline="KUPANG"),
    Sample("tribun-timur-demo", "tribunnews", "gowa-demo",
           "https://makassar.tribunnews.com/2024/12/05/demo-tolak-hasil-pleno-di-kpu-gowa-400-personel-disiagakan",
           ["utc-meta-date", "artikel-tayang"], host="makassar.tribunnews.com", brand="TRIBUN-TIMUR.COM", jsonld=False,
           meta_published="2024-12-05T07:25:00Z", tayang=True, expect_dateline="GOWA"),
    Sample("tribun-sumsel-apel", "tribunnews", "lahat-apel",
           "https://sumsel.tribunnews.com/2024/09/24/polres-lahat-gelar-apel-gelar-pasukan-operasi-mantap-praja-musi-2024",
           ["jsonld"], expect_dateline="LAHAT", **T_SUMSEL),
    Sample("sumeks-paged", "disway", "muara-enim-tps-rawan",
           "https://sumeks.disway.id/read/678123/polres-muara-enim-petakan-87-tps-rawan-jelang-pencoblosan",
           ["paginated", "no-jsonld", "baca-juga-box", "signoff"], host="sumeks.disway.id", brand="SUMEKS.CO", pages=2,
           signoff=True, expect_dateline="MUARA ENIM"),
    Sample("radarlampung-kotak", "disway", "tanggamus-kotak-suara",
           "https://radarlampung.disway.id/read/701234/polres-tanggamus-kawal-kotak-suara-ke-pekon-terpencil",
           ["no-jsonld", "no-og"], host="radarlampung.disway.id", brand="RADARLAMPUNG.CO.ID", og=False,
           expect_dateline="KOTA AGUNG"),
    Sample("jambi-independent-cp1252", "disway", "jambi-debat",
           "https://jambi-independent.disway.id/read/654321/kapolda-jambi-cek-kesiapan-pengamanan-debat-publik-pilgub",
           ["charset-windows-1252", "no-jsonld", "curly-quotes"], host="jambi-independent.disway.id",
           brand="JAMBI-INDEPENDENT.CO.ID", encoding="windows-1252", expect_dateline="JAMBI"),
    Sample("jambi-independent-siber", "disway", "jambi-patroli-siber",
           "https://jambi-independent.disway.id/read/660011/patroli-siber-polresta-jambi-temukan-12-akun-penyebar-hoaks",
           ["visible-date-only"], host="jambi-independent.disway.id", brand="JAMBI-INDEPENDENT.CO.ID", meta_date=False,
           signoff=True, expect_dateline="JAMBI"),
    Sample("tribratanews-rakor", "tribratanews", "sumsel-rakor-psu",
           "https://tribratanews.sumsel.polri.go.id/2025/02/14/polda-sumsel-gelar-rakor-lintas-sektoral-jelang-psu-di-empat-lawang/",
           ["comment-form", "jsonld-graph", "caption", "signoff"], host="tribratanews.sumsel.polri.go.id"),
    Sample("tribratanews-pleno", "tribratanews", "oku-timur-pleno",
           "https://tribratanews.sumsel.polri.go.id/2024/12/06/polres-oku-timur-amankan-pleno-rekapitulasi-tingkat-kabupaten/",
           ["comment-form", "no-jsonld", "inline-caption", "police-footer"], host="tribratanews.sumsel.polri.go.id",
           jsonld=False, inline_caption=True, signoff="(**)",
           closing_lines=["Martapura, 6 Desember 2024", "Dikeluarkan oleh Bid Humas Polda Sumsel"]),
    Sample("tribratanews-politik-uang", "tribratanews", "mantap-praja-politik-uang",
           "https://tribratanews.sumsel.polri.go.id/2024/11/21/satgas-humas-ops-mantap-praja-ajak-warga-tolak-politik-uang/",
           ["comment-form", "jsonld-graph", "no-dateline"], host="tribratanews.sumsel.polri.go.id", lead="",
           expect_dateline="", signoff="(spi/as)"),
    Sample("humaspolri-155ribu", "humaspolri", "polri-155-ribu",
           "https://humas.polri.go.id/2024/11/26/polri-kerahkan-155-ribu-personel-amankan-pencoblosan-pilkada-2024/",
           ["time-element-only", "share-buttons", "back-to-top"]),
    Sample("humaspolri-papua", "humaspolri", "papua-psu-posko",
           "https://humas.polri.go.id/2025/08/06/kapolri-tinjau-posko-pengamanan-psu-pilgub-papua/",
           ["time-element-only", "wit"], modified="2025-08-07T08:00:00+09:00"),
    Sample("kaltengpos-pleno", "jawapos", "palangka-raya-pleno-ppk" if False else "palangka-pleno-ppk",
           "https://kaltengpos.jawapos.com/pilkada/29/11/2024/pleno-ppk-di-palangka-raya-dijaga-ketat-polisi",
           ["jsonld", "baca-juga-box", "caption-twice"], host="kaltengpos.jawapos.com", brand="Kalteng Pos",
           lead="{CITY}, KALTENGPOS – ", expect_dateline="PALANGKA RAYA"),
    Sample("kaltengpos-conflict", "jawapos", "kotim-gudang-logistik",
           "https://kaltengpos.jawapos.com/kotim/2024/11/13/polres-kotim-siagakan-personel-di-gudang-logistik-kpu",
           ["jsonld", "url-date-disagrees", "newsletter"], host="kaltengpos.jawapos.com", brand="Kalteng Pos",
           lead="{CITY}, KALTENGPOS – ", expect_dateline="SAMPIT", newsletter=True),
    Sample("lombokpost-kampanye", "jawapos", "lotim-kampanye",
           "https://lombokpost.jawapos.com/lombok-timur/20/11/2024/polres-lombok-timur-amankan-kampanye-akbar-di-selong",
           ["jsonld", "wita"], host="lombokpost.jawapos.com", brand="Lombok Post", lead="{city}, Lombok Post - "),
    Sample("lombokpost-apk", "jawapos", "mataram-apk",
           "https://lombokpost.jawapos.com/mataram/24/11/2024/bawaslu-dan-polisi-tertibkan-apk-di-masa-tenang",
           ["no-jsonld", "visible-date-only"], host="lombokpost.jawapos.com", brand="Lombok Post", jsonld=False,
           lead="{city}, Lombok Post - "),
    Sample("balipost-pecalang-latin1", "balipost", "bali-pecalang",
           "https://www.balipost.com/news/2024/11/26/412345/Polda-Bali-Libatkan-Pecalang...html",
           ["charset-iso-8859-1-declared", "curly-quotes", "jsonld-graph"], host="www.balipost.com",
           encoding="iso-8859-1", expect_dateline="DENPASAR"),
    Sample("balipost-rekap", "balipost", "buleleng-rekap",
           "https://www.balipost.com/news/2024/12/04/413001/Pengamanan-Rekapitulasi-KPU-Buleleng...html",
           ["signoff"], host="www.balipost.com", signoff="(kmb/balipost)", expect_dateline="SINGARAJA"),
    Sample("balipost-layang", "balipost", "sanur-layang",
           "https://www.balipost.com/news/2024/07/21/398765/Festival-Layang-Layang-di-Sanur...html",
           ["off-topic"], host="www.balipost.com", expect_dateline="DENPASAR", relevant=False),
    Sample("lampost-sispamkota", "lampost", "lampung-sispamkota",
           "https://lampost.co/lampung/bandar-lampung/polda-lampung-gelar-simulasi-sispamkota-jelang-pilkada/",
           ["jsonld-graph", "related-inline", "newsletter"]),
    Sample("lampost-polri-copy", "lampost", "polri-155-ribu-lampost",
           "https://lampost.co/nasional/155-937-personel-polri-diterjunkan-amankan-pilkada-serentak/",
           ["syndicated", "jsonld-date-only"], ld_date_only=True, meta_published=""),
    Sample("lampost-waykanan", "lampost", "way-kanan-psu",
           "https://lampost.co/lampung/way-kanan/polres-way-kanan-kawal-logistik-psu-ke-kecamatan-terjauh/",
           ["jsonld-graph"]),
    Sample("cepos-psu", "ceposonline", "jayapura-psu",
           "https://www.ceposonline.com/metro/2025/08/06/psu-di-jayapura-berlangsung-aman-800-personel-dikerahkan/",
           ["wit", "newsletter", "comment-form", "app-prompt"], expect_dateline="JAYAPURA"),
    Sample("cepos-polri-copy", "ceposonline", "polri-155-ribu-cepos",
           "https://www.ceposonline.com/nasional/2024/11/26/polri-kerahkan-155-ribu-personel-amankan-pencoblosan/",
           ["syndicated"], expect_dateline="JAYAPURA"),
    Sample("cepos-mimika", "ceposonline", "mimika-pleno-hujan",
           "https://www.ceposonline.com/mimika/2024/12/07/polres-mimika-amankan-pleno-di-tengah-hujan-deras/",
           ["wit"], expect_dateline="TIMIKA"),
    Sample("generic-wp-syndicated", "generic-wp", "sumsel-rakor-psu-lintas",
           "https://lintassumsel.com/2025/02/14/polda-sumsel-gelar-rakor-lintas-sektoral-jelang-psu/",
           ["generic", "syndicated", "related-list", "comment-form"], host="lintassumsel.com",
           expect_dateline="PALEMBANG"),
    Sample("generic-blogger", "generic-blogger", "baturaja-gotong-royong",
           "https://beritaokuraya.blogspot.com/2024/11/warga-dan-polisi-gotong-royong-siapkan-tps.html",
           ["generic", "br-paragraphs", "unclosed-tags", "posting-komentar"], host="beritaokuraya.blogspot.com"),
    Sample("generic-old-cp1252", "generic-old", "kayuagung-patroli-malam",
           "http://wartaoki.net/berita.php?id=20241130",
           ["generic", "table-layout", "no-metadata", "charset-undeclared-cp1252", "dateline-date"],
           host="wartaoki.net", encoding="cp1252-undeclared"),
    # national and entertainment portals without a profile (older layouts), and one outlet's older layout
    Sample("detik-2015-personel", "detik-old", "detik-polri-250-ribu",
           "https://news.detik.com/berita/3063981/polri-siagakan-250-ribu-personel-untuk-pilkada-serentak-9-desember",
           ["generic", "older-layout", "br-paragraphs", "lead-before-first-p", "dated-headline-list", "meta-date-slashes",
            "ticker"], set="portals"),
    Sample("detik-2019-patroli", "detik-new", "detik-patroli-dini-hari",
           "https://news.detik.com/berita/d-4512377/jelang-pencoblosan-polda-metro-gelar-patroli-gabungan-hingga-dini-hari",
           ["generic", "jsonld", "jsonld-utc-previous-day", "lead-before-first-p", "gambas-video", "simak-video",
            "dated-headline-list"], set="portals"),
    Sample("detik-foto-simulasi", "detik-foto", "detik-foto-simulasi",
           "https://news.detik.com/foto-news/d-3352261/potret-simulasi-pengamanan-pilkada-dki-di-lapangan-monas",
           ["generic", "photo-page", "captions-only", "meta-date-slashes"], set="portals", expect_dateline=""),
    Sample("kompas-2016-psu", "kompas-old", "kompas-psu-lima-daerah",
           "http://nasional.kompas.com/read/2016/02/23/15063851/KPU.Jadwalkan.Pemungutan.Suara.Ulang.di.Lima.Daerah",
           ["generic", "older-layout", "og-title-affix", "naive-meta-date", "dated-headline-list", "ticker"],
           set="portals", host="nasional.kompas.com", caption="Komisioner KPU Hadar Nafis Gumay. KOMPAS.com/IHSANUDDIN"),
    Sample("kompas-2016-selebriti", "kompas-old", "kompas-selebriti-bima",
           "http://entertainment.kompas.com/read/2016/03/10/180512210/Bima.Pradipta.Akhirnya.Buka.Suara.soal.Kabar.Pernikahannya",
           ["generic", "entertainment", "og-title-affix", "comment-disclaimer", "comment-form-prompt"], set="portals",
           host="entertainment.kompas.com", caption="Aktor Bima Pradipta. KOMPAS.com/TRI SUSANTO SETIAWAN",
           extra_after=KOMPAS_COMMENTS, relevant=False),
    Sample("tempo-2016-mk", "tempo-old", "tempo-jaga-mk",
           "https://nasional.tempo.co/read/news/2016/01/12/078735210/sidang-sengketa-pilkada-polisi-jaga-ketat-gedung-mk",
           ["generic", "older-layout", "title-affix", "lead-before-first-p", "url-date-time-visible"], set="portals",
           host="nasional.tempo.co"),
    Sample("republika-2016-politik-uang", "republika", "republika-politik-uang",
           "https://www.republika.co.id/berita/nasional/politik/16/02/15/o2m9xy361-bawaslu-minta-polri-usut-politik-uang-di-pilkada-serentak",
           ["generic", "older-layout", "url-date-yymmdd", "visible-date-only", "title-affix"], set="portals"),
    Sample("okezone-2016-bentrok", "okezone", "okezone-bentrok-kpu",
           "https://news.okezone.com/read/2016/02/23/340/1319876/polisi-amankan-12-orang-usai-bentrokan-massa-di-kantor-kpu",
           ["generic", "jsonld", "jsonld-utc-previous-day", "og-title-affix"], set="portals"),
    Sample("liputan6-2016-kapolri", "liputan6", "liputan6-kapolri-siaga",
           "https://www.liputan6.com/news/read/2443210/kapolri-perintahkan-jajaran-siaga-jelang-putusan-mk-sengketa-pilkada",
           ["generic", "meta-date-false-utc", "og-title-affix", "video-prompt"], set="portals"),
    Sample("viva-2016-apel", "viva", "viva-apel-siaga",
           "https://www.viva.co.id/berita/politik/742116-tni-polri-gelar-apel-siaga-pengamanan-pilkada-ulang-di-halmahera-selatan",
           ["generic", "share-class-container", "visible-date-only", "og-title-affix"], set="portals", expect_dateline=""),
    Sample("merdeka-2016-sara", "merdeka", "merdeka-isu-sara",
           "https://www.merdeka.com/peristiwa/polisi-buru-penyebar-isu-sara-jelang-pilkada-dki.html",
           ["generic", "visible-date-only", "no-zone", "og-title-affix", "baca-juga-list", "ticker"], set="portals",
           expect_dateline=""),
    Sample("merdeka-foto-2017-tps", "merdeka-foto", "merdeka-foto-tps-unik",
           "https://www.merdeka.com/foto/jakarta/812345/melihat-tps-bertema-pernikahan-adat-betawi.html",
           ["generic", "photo-page", "gallery-intro", "gallery-credits", "visible-date-only", "no-zone",
            "og-title-affix"], set="portals"),
    Sample("sindonews-2016-brimob", "sindonews", "sindonews-brimob-rawan",
           "https://nasional.sindonews.com/read/1087865/12/polri-kirim-2-ssk-brimob-ke-daerah-rawan-konflik-pilkada-1456270200",
           ["generic", "url-unix-time", "br-paragraphs", "lead-before-first-p", "dated-headline-list"], set="portals",
           host="nasional.sindonews.com"),
    Sample("suara-2017-masa-tenang", "suara", "suara-malam-tenang",
           "https://www.suara.com/news/2017/02/14/211000/malam-tenang-pilkada-dki-65-ribu-personel-gabungan-disiagakan",
           ["generic", "embedded-tweet", "url-date-time-visible", "dated-headline-list"], set="portals",
           expect_dateline=""),
    Sample("kapanlagi-2016-konser", "kapanlagi", "kapanlagi-konser-amal",
           "https://www.kapanlagi.com/showbiz/selebriti/dinda-maharani-gelar-konser-amal-untuk-korban-banjir-garut-4b2f1a.html",
           ["generic", "entertainment", "foto-terkait", "comment-disclaimer", "comment-form-prompt", "og-title-affix"],
           set="portals", expect_dateline="", relevant=False),
    Sample("antara-2016-jabar", "antara-old", "antara-jabar-rawan",
           "https://www.antaranews.com/berita/565123/polda-jabar-petakan-1200-tps-rawan-jelang-pilkada-serentak-2017",
           ["older-layout", "profile-fails-soft", "br-paragraphs", "visible-date-only", "og-title-affix"], set="portals"),
]


PROFILED = {"antaranews", "tribunnews", "disway", "tribratanews", "humaspolri", "jawapos", "balipost", "lampost",
            "ceposonline"}


def break_markup(html: str) -> str:
    """Pos Kupang sample: what real pages do: unclosed and misnested tags, stray closers, unquoted attributes."""
    html = html.replace("</p>\n<p class=\"baca\">", "\n<p class=baca>", 1)
    html = html.replace("<div class=\"grey mt10\">", "<div class=grey mt10><b><i>", 1).replace("</time></div>", "</time></b></i></div></span>", 1)
    html = re.sub(r"</p>(?=\n<p>)", "", html, count=3)
    html = html.replace("</body>\n</html>", "")
    return html


def sentences(text: str) -> list[str]:
    return [x for x in re.split(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])", text) if x]


def main() -> None:
    lines = []
    pages_dir = OUT / "pages"
    pages_dir.mkdir(exist_ok=True)
    for old in pages_dir.glob("*/*.html"):
        old.unlink()
    for s in SAMPLES:
        TEMPLATES[s.outlet](s)
        if s.kw.get("broken"):
            s.pages = [break_markup(x) for x in s.pages]
        folder = pages_dir / (s.outlet if s.outlet in PROFILED else "generic" if s.outlet.startswith("generic") else
                              "portals")
        folder.mkdir(exist_ok=True)
        files = []
        for k, page in enumerate(s.pages):
            name = f"{s.id}.html" if k == 0 else f"{s.id}-p{k + 1}.html"
            enc = {"utf-8": "utf-8", "windows-1252": "cp1252", "iso-8859-1": "cp1252",
                   "cp1252-undeclared": "cp1252"}[s.encoding]
            (folder / name).write_bytes(page.encode(enc))
            files.append(str((folder / name).relative_to(OUT)))
        text = "\n\n".join(s.gold)
        first_par, last_par = s.gold[0], s.gold[-1]
        lines.append({
            "id": s.id, "outlet": s.outlet if s.outlet in PROFILED else "generic", "files": files,
            "url": s.url, "page_urls": s.page_urls if len(files) > 1 else [s.url], "title": s.story["title"],
            "published": s.expect_published, "dateline": s.expect_dateline,
            "author": s.story["author"] if s.outlet in PROFILED else "",
            "first": sentences(first_par)[0], "last": sentences(last_par)[-1],
            "junk": sorted(set(s.junk)), "text": text, "relevant": s.kw.get("relevant", True), "story": s.story_id,
            "features": s.features, "set": s.kw.get("set", "outlets"),
        })
    with (OUT / "expected.jsonl").open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(lines)} samples, {sum(len(x['files']) for x in lines)} pages, "
          f"{len({x['outlet'] for x in lines} - {'generic'})} profiled outlets")


if __name__ == "__main__":
    main()
