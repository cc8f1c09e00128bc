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
