"""The lexicon's prefix-tree regexes (``_trie_alt``) match exactly what the
flat longest-first alternation (``_alt``) matches."""
import json
import random
import re
from pathlib import Path

import pytest

from extractor.nlp import lexicon as L

ROOT = Path(__file__).resolve().parents[1]


def test_trie_alt_is_longest_first():
    rx = re.compile(rf"(?<!\w)(?:{L._trie_alt(['Kapolres', 'Kapolresta', 'Kapolrestabes', 'Ka Polres', 'Kapt.'])})(?!\w)")
    assert [m.group() for m in rx.finditer("Kapolrestabes, Kapolresta dan Kapolres; Ka  Polres serta Kapt. Budi")] \
        == ["Kapolrestabes", "Kapolresta", "Kapolres", "Ka  Polres", "Kapt."]
    # a longer word that the lookahead refuses gives way to a shorter one, as in the flat list
    assert rx.search("Kapolrestax Kapolres").group() == "Kapolres"
    assert L._trie_alt(["a+b", "a"]) == r"a(?:\+b)?"


def _flat_twin(rx: re.Pattern, words) -> re.Pattern:
    trie = L._trie_alt(words)
    assert trie in rx.pattern
    return re.compile(rx.pattern.replace(trie, L._alt(words)), rx.flags)


def _texts(words, n=1500, seed=0):
    rnd = random.Random(seed)
    out = [json.loads(line)["article"]["text"]
           for line in (ROOT / "corpus" / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    for _ in range(n):
        w, w2 = rnd.choice(words), rnd.choice(words)
        sep = rnd.choice([" ", "  ", "\n", ". ", ", ", "", "-", "(", " Pol. ", " TNI ", " (Purn) ", " Inf "])
        case = rnd.choice([str, str.upper, str.lower, str.title])
        out.append(f"x {case(w)}{sep}{w2}{rnd.choice(['', '.', 'ta', ' Budi', 'x', ' Muara Enim'])} y")
    return out


@pytest.mark.parametrize("which", ["rank", "position"])
def test_trie_regex_equals_flat_alternation(which):
    lex = L.lexicon()
    rx, words = {"rank": (lex.rank_re, list(lex.rank_forms)),
                 "position": (lex.position_re, list(lex.position_by_variant))}[which]
    flat = _flat_twin(rx, words)
    n = 0
    for text in _texts(sorted(words)):
        got = [(m.span(), m.groupdict() or m.group()) for m in rx.finditer(text)]
        assert got == [(m.span(), m.groupdict() or m.group()) for m in flat.finditer(text)], text[:200]
        n += len(got)
    assert n > 1000


def test_one_edit():
    assert L.one_edit("kurniwan", "kurniawan") and L.one_edit("kpaolres", "kapolres")  # a drop, a swap
    assert L.one_edit("intelkm", "intelkam") and L.one_edit("kapolrex", "kapolres") and L.one_edit("abc", "abc")
    assert not L.one_edit("kapolsek", "kapolres") and not L.one_edit("abcd", "badc")


def test_fuzzy_titles_only_close_to_a_title_of_the_lexicon():
    lex = L.lexicon()
    assert lex.fuzzy_position("Kasat", "Intelkm") == ("kasat intelkam", 2)
    assert lex.fuzzy_position("Kpaolres") == ("kapolres", 1)
    # too short (names), an exact title, a word no title is near
    assert lex.fuzzy_position("Dandi") is None and lex.fuzzy_position("Kapolres") is None
    assert lex.fuzzy_position("Panitia") is None and lex.fuzzy_position("Kasat", "Reskrim") is None


def test_acting_prefix_before_a_title():
    lex = L.lexicon()
    text = "hadir Plh. Kapolres, Pelaksana Tugas (Plt) Kasi Humas dan Kapolsek"
    starts = [lex.acting_before(text, m.start()) for m in lex.position_re.finditer(text)]
    assert [text[s:m.end()] for s, m in zip(starts, lex.position_re.finditer(text))] == \
        ["Plh. Kapolres", "Pelaksana Tugas (Plt) Kasi Humas", "Kapolsek"]
    assert lex.position_at(text, text.index("Plh")) == (text.index("Plh"), text.index(","))
    assert lex.position_at(text, 0) is None


def test_units_levels_and_heads_come_from_the_data():
    lex = L.lexicon()
    assert (lex.level_of("Polres"), lex.level_of("Polsek"), lex.level_of("Kab."), lex.level_of("Nagari")) == \
        ("kabupaten", "kecamatan", "kabupaten", "desa")
    assert lex.unit_types("Polsek")[:2] == ("kecamatan", "distrik") and lex.unit_types("Polres")[0] == "provinsi"
    levels = lex.region_levels
    assert (levels["kapolres"], levels["danramil"], levels["lurah"], levels["pps"]) == \
        ("kabupaten", "kecamatan", "kelurahan", "desa")
    assert "kasatreskrim" not in levels  # a post inside a unit names no region of its own
    assert [lex.head_position(k).short for k in ("Koramil", "Mapolres", "KPU", "Kejari")] == \
        ["Danramil", "Kapolres", "Ketua KPU", "Kajari"]
    assert lex.same_kind("Polresta", "Polres") and not lex.same_kind("Polres", "Polsek")
    assert lex.unit_institution("Korem") == "TNI" and lex.unit_institution("Panwascam") == "Panwascam"
