"""Strategies and properties for fuzzing the text entry points (issue 16),
shared by tests/test_fuzz.py (a few hundred examples each) and
benchmarks/fuzz.py (10,000 each, counting crashes).

Inputs are arbitrary Unicode or bytes, and - so the rules actually fire -
text made of the words the rules look for (ranks, positions, units, places,
dates, quotes, junk markers, numbers) glued with arbitrary characters,
separators and newlines. A property holds when the entry point returns, or
raises one of pantau's own errors (:class:`~extractor.errors.PantauError`),
and what it returns keeps its promises: offsets inside the text, dates that
are ISO 8601 days, cleaning that is idempotent.
"""

from __future__ import annotations

from hypothesis import strategies as st

from extractor.errors import PantauError
from extractor.isodates import iso_date

WORDS = [
    "Kapolres", "Kapolda", "Kapolsek", "Dandim", "Danramil", "Kasat", "Kasi Humas", "Kabag Ops", "Plt.", "Pj.",
    "AKBP", "Kombes Pol.", "Kombespol", "Irjen", "Brigjen TNI", "Letkol Inf", "AKP", "Iptu", "Bripka", "(Purn)",
    "S.I.K.", "M.H.", "Polres", "Polresta", "Polda Sumsel", "Kodim 0412/LU", "Brimob", "KPU", "Bawaslu", "PPK",
    "Muara Enim", "Lahat", "Kota Medan", "Kabupaten Bogor", "Kecamatan", "Desa", "Pulau", "Sumatera Selatan",
    "Jakarta", "Papua", "PALEMBANG -", "MEDAN, KOMPAS.com -", "Kurniawan Azwar", "Jhoni Eka Putra", "Andi",
    "Senin (2/12/2024)", "30 November 2024", "kemarin", "pukul 13.00 WIB", "2024-11-30", "27/11", "Rabu",
    "hari ke-3 masa tenang", "Pilkada 2024", "Pemilu", "pleno", "rekapitulasi", "TPS", "personel", "1.200",
    "ratusan", "ditambah 100 personel BKO", "mengamankan", "unjuk rasa", "patroli", "mengatakan", "kata",
    "\"", "“", "”", "'", "–", "—", "-", "(", ")", ",", ".", ":", "/", "BACA JUGA:", "Editor:", "Foto:",
    "Tinggalkan Balasan", "(hms)", "[Gambas:Video]", "Simak Video", "paslon nomor urut 2", "Teddy–Marjito",
    "\u200b", "\ufeff", "\u00a0", "e\u0301", "\u0130", "ß", "ﬁ", "😀", "\u202e", "\x00", "\x0c", "\r",
]
SEPARATORS = [" ", " ", " ", "\n", "\n\n", "\t", "", "  ", "\r\n", "\u2028"]


def _glue(parts: list) -> str:
    return "".join(w + s for w, s in parts)


#: text the rules react to, with arbitrary characters among the words
domain_text = st.lists(st.tuples(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), st.sampled_from(SEPARATORS)),
                       max_size=80).map(_glue)
#: any text: arbitrary Unicode, or words of the domain
texts = st.one_of(st.text(max_size=400), domain_text)
#: published dates given with a text: none, valid, or anything
published = st.one_of(st.none(), st.sampled_from(["2024-11-30", "2024-12-02T10:15:00+07:00", "2024-02-29"]),
                      st.dates().map(str), st.text(max_size=20))


TAGS = ["<p>", "</p>", "<div class='content'>", "</div>", "<h1>", "</h1>", "<title>", "</title>", "<br>", "<script>",
        "</script>", "<article>", "</article>", "<meta charset='windows-1252'>", "<!--", "-->",
        "<time datetime='2024-11-30T10:00:00+07:00'>", "</time>", "<a href='//['>", "</a>", "&amp;", "&#0;",
        "<![CDATA[", "]]>", "<html>", "<body>", "<meta property='article:published_time' content='2024-13-45'>",
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-11-30T25:99\"}",
        ""]
#: markup of the domain: tags (some broken) around domain text
html_text = st.lists(st.tuples(st.sampled_from(TAGS), domain_text), max_size=20).map(_glue)
#: any bytes: random, text in some codec, or markup of the domain in some codec
page_bytes = st.one_of(st.binary(max_size=2000),
                       st.tuples(st.one_of(texts, html_text), st.sampled_from(["utf-8", "cp1252", "utf-16", "latin-1"]))
                       .map(lambda t: t[0].encode(t[1], "replace")))
#: URLs pages may come with (odd ones included)
urls = st.sampled_from(["", "https://warta.example/berita/2024/11/30/pleno", "http://[::1", "file:///x.html",
                        "https://sumsel.antaranews.com/berita/1", "https://x.example/a?page=2#c"])


# --------------------------------------------------------------------------- properties
def within(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


def check_clean(text: str) -> None:
    """Cleaning returns text that cleaning leaves unchanged."""
    from extractor.html.clean import clean_text

    cleaned, _ = clean_text(text)
    assert clean_text(cleaned)[0] == cleaned, (text, cleaned)


def check_dates(text: str, anchor) -> None:
    from extractor.nlp.dates import find_dates

    for d in find_dates(text, anchor):
        assert within(text, d.start, d.end) and iso_date(d.date) == d.date, d


def check_places(text: str) -> None:
    from extractor.nlp.places import find_places

    found = find_places(text)
    for p in found.places:
        assert all(within(text, s, e) for s, e in p.mentions), p
    assert all(within(text, s, e) for s, e, _ in found.spans)


def check_officials(text: str) -> None:
    from extractor.nlp.officials import find_officials

    for o in find_officials(text).officials:
        assert o.name and all(within(text, s, e) for s, e in o.mentions), o


def check_extraction(ex) -> None:
    """Every offset of an extraction inside its article's text; every date a day."""
    text = ex.article.text
    for group in (ex.officials, ex.places, ex.candidates):
        for r in group:
            assert all(within(text, s, e) for s, e in r.mentions), r
    for group in (ex.dates, ex.events, ex.quotes, ex.posts, ex.handovers):
        for r in group:
            assert within(text, r.start, r.end), r
    assert all(within(text, s, e) for _, s, e in ex.persons)
    assert all(iso_date(d.date) == d.date for d in ex.dates)
    assert all(e.date is None or iso_date(e.date) == e.date for e in ex.events)


def check_article(article) -> None:
    """A parsed article: clean (cleaning it again changes nothing), dated by a real date or not at all."""
    from extractor.html.clean import clean_text

    assert article.text and clean_text(article.text)[0] == article.text, article.text
    assert article.published is None or iso_date(article.published) is not None, article.published


def check_text_extract(text, anchor) -> None:
    from extractor.html import article_from_text
    from extractor.nlp import extract

    try:
        article = article_from_text(text, "file:///fuzz.txt", published=iso_date(anchor))
    except PantauError:
        return
    check_article(article)
    check_extraction(extract(article))


def check_html(body: bytes, url: str) -> None:
    from extractor.html import article_from_html

    try:
        article = article_from_html(body, url)
    except PantauError:
        return
    check_article(article)


#: name -> (strategy of argument tuples, check)
PROPERTIES = {
    "clean": (st.tuples(texts), check_clean),
    "dates": (st.tuples(texts, published), check_dates),
    "places": (st.tuples(texts), check_places),
    "officials": (st.tuples(texts), check_officials),
    "extract": (st.tuples(st.one_of(texts, page_bytes), published), check_text_extract),
    "html": (st.tuples(page_bytes, urls), check_html),
}
