"""The prefilter gates on raw records: what each drops, and that it keeps
what pantau would extract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractor.nlp.relevance import relevance
from extractor.prefilter import (GATES, WINDOW, KeywordGate, Prefilter, _Sample, expand, keyword_gate, page_language,
                                 text_sample)
from extractor.warcreader import iter_items, iter_records

from .ccnews_sample import build

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return build(tmp_path_factory.mktemp("pf") / "cc.warc.gz", 600, seed=11)


def test_every_record_is_counted_once(made):
    pf = Prefilter()
    items = list(iter_items(made.path, accept=pf.accept, keep=pf.keep))
    c = pf.as_dict()
    assert c["records"] == made.records - 1  # the truncated last one is a loss of the reader, not a record
    assert c["records"] == sum(c[g] for g in GATES) + c["passed"]
    assert c["passed"] == len(items)
    assert all(c[g] > 0 for g in GATES)


def test_shards_count_each_record_once(made):
    from extractor.shards import plan

    whole = Prefilter()
    list(iter_items(made.path, accept=whole.accept, keep=whole.keep))
    parts = []
    for s in plan([made.path], shard_size=made.path.stat().st_size // 5):
        pf = Prefilter()
        list(iter_items(s.input, start=s.start, end=s.end, accept=pf.accept, keep=pf.keep))
        parts.append(pf.counts)
    assert len(parts) >= 5 and sum(parts, start=type(parts[0])()) == whole.counts


def test_target_pages_pass_and_foreign_languages_do_not(made):
    pf = Prefilter()
    passed = {i.url for i in iter_items(made.path, accept=pf.accept, keep=pf.keep)}
    # target pages whose text pantau would score above 0 all pass
    by_url = {r.url: r.body for r in iter_records(made.path) if r.type == "response" and r.body}
    from extractor.html import article_from_html

    for url in made.target_urls:
        art = article_from_html(by_url[url], url)
        if relevance(art.title, art.text) > 0:
            assert url in passed, url
    kinds = {u.rsplit("/", 1)[-1] for u in passed if "/read/" in u}
    assert not kinds & {"ms", "en", "other", "id_other"}


@pytest.mark.parametrize("lang", ["ms", "jv", "su", "en", "tl", "nl", "vi", "pt"])
def test_page_language_tells_neighbours_from_indonesian(lang):
    texts = [json.loads(x) for x in (ROOT / "corpus" / "langid" / "texts.jsonl").read_text("utf-8").splitlines()]
    page = lambda t: (f"<html><head><title>{t[:70]}</title></head><body><p>{t}</p></body></html>").encode()
    ids = [page(t["text"]) for t in texts if t["lang"] == "id"]
    others = [page(t["text"]) for t in texts if t["lang"] == lang]
    assert all(page_language(b) == "id" for b in ids)
    assert not any(page_language(b) == "id" for b in others)


def test_text_sample_reads_title_description_and_paragraphs_not_scripts():
    body = (b"<html><head><title>Judul Berita</title><meta name='description' content='Ringkasan &amp; isi'>"
            b"<script>var p = '<p>not text</p>';</script></head><body><nav><a>Beranda</a></nav>"
            b"<p class='x'>Paragraf <b>pertama</b> di sini.</p><p>Kedua.</p></body></html>")
    s = text_sample(body)
    assert s.startswith("Judul Berita Ringkasan & isi")
    assert "Paragraf pertama di sini." in s and "Kedua." in s
    assert "var p" not in s


def test_a_longer_sample_goes_on_from_a_shorter_one_and_reads_as_a_new_one():
    paras = "".join(f"<p>Paragraf nomor {i} dengan beberapa kata lagi.</p>" for i in range(200))
    body = f"<html><head><title>Judul</title></head><body>{paras}</body></html>".encode()
    s = _Sample(body)
    assert [s.text(n) for n in (100, 1000, 4000, 1000)] == [text_sample(body, n) for n in (100, 1000, 4000, 1000)]
    assert len(text_sample(body, 4000)) > len(text_sample(body, 1000))


def test_keyword_gate_finds_terms_across_window_edges():
    gate = KeywordGate.from_relevance()
    filler = lambda n: b"x " * (n // 2) + b" " * (n % 2)  # noqa: E731
    for cut in range(-8, 8):  # 'pilkada' (election) and 'polres' (security) astride the first and second edges
        body = filler(WINDOW + cut - 1) + b" PILKADA " + filler(WINDOW - 9) + b" Polres."
        assert gate.sides_found(body) == 3, cut
        assert gate.sides_found(body.replace(b" PILKADA ", b" PILKADAx")) == 2, cut  # no word: not a match
        assert gate.sides_found(body.replace(b" Polres.", b" _Polres")) == 1, cut


def test_keyword_terms_expand_from_the_relevance_lexicon():
    assert expand("calon (?:bupati|wali ?kota)") == ["calon bupati", "calon wali kota", "calon walikota"]
    assert expand("KPU[D]?") == ["kpu", "kpud"]
    with pytest.raises(ValueError):
        expand("polisi.*")
    gate = keyword_gate()
    assert b"pilkada" in gate.terms and b"polres" in gate.terms


def test_keyword_gate_needs_both_sides_as_whole_words():
    gate = KeywordGate.from_relevance()
    assert gate(b"<p>Polres Lahat mengamankan Pilkada.</p>")
    assert not gate(b"<p>Polres Lahat menangkap pencuri motor.</p>")  # security only
    assert not gate(b"<a href='https://x.example/tps'>pilkada</a>")  # 'tps' inside https is no word
    assert gate(b"<title>PENGAMANAN PILKADA</title>")  # a term that is both sides, any case


def test_keyword_gate_keeps_every_text_relevance_scores_above_zero():
    for line in (ROOT / "corpus" / "dev" / "gold.jsonl").read_text("utf-8").splitlines():
        a = json.loads(line)["article"]
        if relevance(a["title"] or "", a["text"]) > 0:
            assert keyword_gate()(f"<h1>{a['title']}</h1><p>{a['text']}</p>".encode("utf-8")), a["url"]
