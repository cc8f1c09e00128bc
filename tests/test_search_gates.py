"""The gates that skip a search which cannot match (events.py, holders.py):
a gate may let a useless search run, never skip one that would match."""

import json
import re
from pathlib import Path

import pytest

from extractor.nlp import events as ev
from extractor.nlp import holders
from extractor.nlp.lexicon import lexicon
from extractor.nlp.text import sentences

GOLD = Path(__file__).resolve().parents[1] / "corpus" / "dev" / "gold.jsonl"


def _texts():
    return [json.loads(line)["article"]["text"] for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def _gated(lex):
    pats = [et.triggers for et in lex.event_types] + [mc.cues for mc in lex.mood_classes]
    pats += [rx for specs in lex.event_pairs.values() for sp in specs for rx in (sp.actions, sp.objects, sp.needs)]
    pats += list(lex.forces.values()) + list(lex.event_heads.values())
    pats += [rx for rxs in lex.implied.values() for rx in rxs]
    return [rx for rx in pats if rx is not None]


def test_no_gate_skips_a_sentence_where_its_pattern_matches():
    lex = lexicon()
    pats = _gated(lex)
    wanted = ev._literals(lex)
    checked = 0
    for text in _texts():
        sents = sentences(text)
        begins = [ev._beginnings(s.text, wanted) for s in sents]
        live = ev._Live(begins, lex)
        whole = frozenset().union(*begins)
        assert whole == ev._beginnings(text, wanted)  # the article's beginnings are its sentences'
        for rx in pats:
            if rx.search(text):
                assert ev._may(rx, whole)
            for i, s in enumerate(sents):
                if rx.search(s.text):
                    checked += 1
                    assert ev._may(rx, begins[i]), (rx.pattern[:60], s.text)
                    if id(rx) in live.bits:
                        assert live.at(i)(rx)
    assert checked > 100


@pytest.mark.parametrize("pattern, gated", [
    (r"(?<![\w])(?:pleno|rapat\s+pleno)", True),
    (r"(?:pleno|rapat\s+pleno)", False),  # it matches inside "xpleno", which no word beginning shows
    (r"(?<![\w])(?:[a-z]+leno)", False),  # no literal beginning
])
def test_a_gate_needs_a_match_to_open_at_a_word_start(pattern, gated):
    assert (ev._gate(re.compile(pattern, re.IGNORECASE)) is not None) is gated


@pytest.mark.parametrize("pattern, free", [
    (r"(?:serah\s+terima\s+jabatan)|(?:sertijab)", True),
    (r"\bdari\b|diganti\s+oleh", True),
    (r"^dilantik", False),
    (r"menjabat$", False),
    (r"(?<=\s)sejak", False),
    (r"pejabat(?!\s+lama)", False),
])
def test_a_cue_is_searched_in_the_whole_text_only_when_context_free(pattern, free):
    assert holders._context_free(re.compile(pattern, re.IGNORECASE)) is free


def test_the_handover_cues_are_context_free():
    assert holders.cues().cue_anywhere


@pytest.mark.parametrize("word", ["d\u0131tambah", "D\u0130TAMBAH", "pengaman\u017fan", "PLENO"])
def test_a_gate_reads_the_letters_ignorecase_folds_like_the_search_does(word):
    """re.IGNORECASE matches 'ı', 'İ' and 'ſ' to i and s, str.lower() does not: the
    beginnings fold them first, or a gate would skip a cue the search finds."""
    lex = lexicon()
    wanted = ev._literals(lex)
    text = f"Setiap lokasi pleno dijaga enam personel, {word} patroli dari Polsek jajaran."
    begins = ev._beginnings(text, wanted)
    hits = [rx for rx in _gated(lex) if rx.search(text)]
    assert hits
    for rx in hits:
        assert ev._may(rx, begins), rx.pattern[:60]
