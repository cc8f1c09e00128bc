"""Every sample page of corpus/samples/ against its expected.jsonl line:
title, published datetime, dateline, first and last sentence, junk gone,
main-text precision/recall; plus the shape of the sample corpus itself."""

from __future__ import annotations

import json
import re
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from extractor.html import article_from_pages, profile_for, profiles
from extractor.html.clean import clean_text

SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples"
EXPECTED = [json.loads(line) for line in (SAMPLES / "expected.jsonl").read_text("utf-8").splitlines() if line.strip()]


def _article(x):
    return article_from_pages([(SAMPLES / f).read_bytes() for f in x["files"]], x["url"], page_urls=x["page_urls"])


@pytest.fixture(scope="module")
def articles():
    return {x["id"]: _article(x) for x in EXPECTED}


def _tokens(text: str) -> Counter:
    return Counter(re.findall(r"\w+", text.lower()))


def precision_recall(got: str, gold: str) -> tuple[float, float]:
    g, o = _tokens(gold), _tokens(got)
    common = sum((g & o).values())
    return common / max(1, sum(o.values())), common / max(1, sum(g.values()))


@pytest.mark.parametrize("x", EXPECTED, ids=[x["id"] for x in EXPECTED])
def test_sample(x, articles):
    art = articles[x["id"]]
    assert art.title == x["title"]
    assert art.published == x["published"]
    assert art.dateline == x["dateline"]
    assert art.text.startswith(x["first"]), art.text[:120]
    assert art.text.endswith(x["last"]), art.text[-120:]
    left = [j for j in x["junk"] if j in art.text]
    assert not left, f"junk survived: {left}"
    if x["author"]:
        assert art.author == x["author"]
    assert art.profile == x["outlet"]
    assert art.pages == len(x["files"])
    p, r = precision_recall(art.text, x["text"])
    assert p >= 0.97 and r >= 0.97, (p, r)


def test_cleaned_text_is_stable_and_well_formed(articles):
    """Offsets index Article.text: cleaning it again changes nothing, and its
    paragraphs are separated by exactly one blank line."""
    for x in EXPECTED:
        text = articles[x["id"]].text
        assert clean_text(text, x["title"]) == (text, ()), x["id"]
        assert "\n\n\n" not in text and text == text.strip() and "  " not in text
        assert all(p == p.strip() and "\n" not in p for p in text.split("\n\n"))
        # every gold paragraph is found whole, at a paragraph boundary
        for para in x["text"].split("\n\n"):
            i = text.index(para)
            assert i == 0 or text[i - 2:i] == "\n\n"


def test_sample_corpus_covers_what_the_issue_asks():
    assert len(EXPECTED) >= 30
    outlets = {x["outlet"] for x in EXPECTED} - {"generic"}
    assert len(outlets) >= 8
    feats = Counter(f for x in EXPECTED for f in x["features"])
    for needed in ("jsonld", "no-jsonld", "amp", "paginated", "baca-juga-box", "comment-form", "broken-markup",
                   "generic", "syndicated", "off-topic"):
        assert feats[needed] >= 1, needed
    assert any(f.startswith("charset-") for x in EXPECTED for f in x["features"])
    # a non-UTF-8 page really is not UTF-8
    raw = (SAMPLES / next(x for x in EXPECTED if "charset-windows-1252" in x["features"])["files"][0]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert set(profiles()) <= {x["outlet"] for x in EXPECTED}, "every profile has a sample"
    # issue 15: pages of outlets without a profile, in the structures real portals use
    portals = [x for x in EXPECTED if x.get("set") == "portals"]
    assert len(portals) >= 12
    feats = Counter(f for x in portals for f in x["features"])
    for needed in ("older-layout", "entertainment", "photo-page", "visible-date-only", "og-title-affix",
                   "lead-before-first-p", "share-class-container", "dated-headline-list", "url-date-yymmdd",
                   "jsonld-utc-previous-day", "profile-fails-soft", "embedded-tweet", "gambas-video",
                   "comment-disclaimer", "foto-terkait"):
        assert feats[needed] >= 1, needed


def test_every_configured_outlet_has_a_profile():
    sources = tomllib.loads((SAMPLES.parent / "sources.toml").read_text("utf-8"))["source"]
    for src in sources:
        assert profile_for(src["home"]) is not None, src["name"]


def test_metadata_choices_are_recorded(articles):
    conflict = articles["kaltengpos-conflict"]
    assert conflict.published_from == "jsonld"
    assert any("url 2024-11-13" in n for n in conflict.meta_notes)
    utc = articles["tribun-timur-demo"]  # meta in UTC, page shows WITA: shown in WITA
    assert utc.published == "2024-12-05T15:25:00+08:00"
    dated = articles["lampost-polri-copy"]  # JSON-LD date only, time from the visible date
    assert dated.published_from == "jsonld+profile"
    assert articles["generic-old-cp1252"].published_from == "dateline"


def test_metadata_fields(articles):
    a = articles["antara-sumsel-pleno"]
    assert (a.author, a.editor, a.outlet, a.language) == ("Ahmad Rizki", "Indra Gunawan", "ANTARA News", "id")
    assert a.tags == ("Pilkada 2024", "Polda Sumsel", "Rekapitulasi") and a.section == "Sumsel"
    amp = articles["serambi-aceh-amp"]
    assert amp.canonical_url == "https://aceh.tribunnews.com/2024/12/01/polres-aceh-utara-amankan-psu-di-dua-tps"
    assert articles["humaspolri-papua"].modified == "2025-08-07T08:00:00+09:00"
    assert articles["tribun-sumsel-paged"].editor == "Hendra Saputra"
