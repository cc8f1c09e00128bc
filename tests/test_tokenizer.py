"""Token-by-token checks of pantau's Indonesian news tokenizer."""
import pytest

from extractor.nlp.tokenizer import customize_tokenizer, make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def toks(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    return [t.text for t in doc]


@pytest.mark.parametrize("degree", ["S.I.K.", "M.Si.", "S.IK.", "S.Sos", "S.H.", "M.H.", "S.E.",
                                    "S.I.K", "M.Si", "S.Sos.", "S.I.P."])
def test_degrees_stay_whole(nlp, degree):
    assert toks(nlp, f"Budi {degree} mengatakan") == ["Budi", degree, "mengatakan"]


@pytest.mark.parametrize("text, expected", [
    ("S.I.K.,M.H.,bergerak", ["S.I.K.", ",", "M.H.", ",", "bergerak"]),
    ("Pol.Satake", ["Pol.", "Satake"]),
    ("Putra,S.I.K.", ["Putra", ",", "S.I.K."]),
    ("Putra,S.I.K.,M.H.", ["Putra", ",", "S.I.K.", ",", "M.H."]),
    ("Dr. Budi,S.I.K.,MH melalui", ["Dr.", "Budi", ",", "S.I.K.", ",", "MH", "melalui"]),
    ("Kompol Andi,SE", ["Kompol", "Andi", ",", "SE"]),
    ("Sutrisno.S.I.P.,M.Si", ["Sutrisno", ".", "S.I.P.", ",", "M.Si"]),
    ("S.IK., M.Si.", ["S.IK.", ",", "M.Si."]),
])
def test_glued_lists_split(nlp, text, expected):
    assert toks(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("(30/11/2024)", ["(", "30/11/2024", ")"]),
    ("(28/11/24)", ["(", "28/11/24", ")"]),
    ("(4/12)", ["(", "4/12", ")"]),
    ("(27-11-2024)", ["(", "27-11-2024", ")"]),
    ("Sabtu (30/11/2024).", ["Sabtu", "(", "30/11/2024", ")", "."]),
    ("Minggu(1/12).", ["Minggu", "(", "1/12", ")", "."]),
    ("(06/03/24) pagi", ["(", "06/03/24", ")", "pagi"]),
])
def test_dates_stay_parseable(nlp, text, expected):
    assert toks(nlp, text) == expected


@pytest.mark.parametrize("abbr", ["Kab.", "Kec.", "Kel.", "Jl.", "No.", "Pol.", "Dr.", "Drs.", "H."])
def test_abbreviations_stay_whole(nlp, abbr):
    assert toks(nlp, f"di {abbr} Sudirman") == ["di", abbr, "Sudirman"]


def test_glued_abbreviations(nlp):
    assert toks(nlp, "Kec.Gelumbang Kab.Muara Enim Jl.Sudirman No.5") == [
        "Kec.", "Gelumbang", "Kab.", "Muara", "Enim", "Jl.", "Sudirman", "No.", "5"]


@pytest.mark.parametrize("text, expected", [
    ("se-Kabupaten Muara Enim", ["se-", "Kabupaten", "Muara", "Enim"]),
    ("se-Sumsel", ["se-", "Sumsel"]),
    ("Teddy-Marjito", ["Teddy", "-", "Marjito"]),
    ("masing-masing", ["masing-masing"]),
    ("orang-orang", ["orang-orang"]),
    ("kotak-kotak suara", ["kotak-kotak", "suara"]),
    ("berbondong-bondong", ["berbondong-bondong"]),
])
def test_hyphens(nlp, text, expected):
    assert toks(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Kodim 0412/LU", ["Kodim", "0412/LU"]),
    ("Koramil 1626-03/Tembuku", ["Koramil", "1626-03/Tembuku"]),
    ("Danramil 0804/13 Panggul", ["Danramil", "0804/13", "Panggul"]),
    ("Kodim 0412/LU,", ["Kodim", "0412/LU", ","]),
    ("pukul 13.00 WIB.", ["pukul", "13.00", "WIB", "."]),
    ("1.250 personel", ["1.250", "personel"]),
    ("155.937 personel", ["155.937", "personel"]),
])
def test_codes_times_numbers(nlp, text, expected):
    assert toks(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("“Kami siap,” ujarnya", ["“", "Kami", "siap", ",", "”", "ujarnya"]),
    ('"Kami', ['"', "Kami"]),
    ("PALEMBANG – Kapolres", ["PALEMBANG", "–", "Kapolres"]),
    ("Jakarta—Warga", ["Jakarta", "—", "Warga"]),
    ("PolresKaur", ["Polres", "Kaur"]),
])
def test_quotes_and_dashes(nlp, text, expected):
    assert toks(nlp, text) == expected


def test_offsets_and_roundtrip(nlp):
    text = ("PALEMBANG – Kapolres Muara Enim, AKBP. Jhoni Eka Putra,S.I.K.,M.H., bersama\n"
            "  Dandim 0412/LU Letkol Inf Sutrisno.S.I.P.,M.Si  se-Kabupaten “Kami” Sabtu (30/11/2024) 13.00\t1.250")
    doc = nlp(text)
    assert doc.text == text
    for t in doc:
        assert text[t.idx:t.idx + len(t.text)] == t.text
        assert t.text_with_ws == text[t.idx:t.idx + len(t.text_with_ws)]


def test_customize_is_in_place(nlp):
    import spacy

    # spacy.blank("id") takes seconds to load its 16k tokenizer exceptions;
    # customize_tokenizer uses the Indonesian rules whatever the language, so
    # the cheap multi-language class shows the same thing.
    other = spacy.blank("xx")
    before = other.tokenizer
    assert [t.text for t in other("se-Sumsel")] != ["se-", "Sumsel"]
    assert customize_tokenizer(other) is None
    assert other.tokenizer is not before and other.tokenizer.vocab is other.vocab
    text = "Kapolres AKBP Budi,S.I.K.,M.H.,bergerak (30/11/2024) se-Sumsel masing-masing"
    assert [t.text for t in other(text)] == [t.text for t in nlp(text)]
    assert nlp.lang == "id"


def test_rules_survive_serialisation(tmp_path):
    import spacy

    nlp = make_nlp()
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    for text in ["S.I.K.,M.H.,bergerak", "Pol.Satake", "(30/11/2024)", "se-Sumsel", "0412/LU"]:
        assert [t.text for t in loaded(text)] == [t.text for t in nlp(text)]


def test_a_very_long_chunk_is_one_token_and_the_text_round_trips():
    from extractor.nlp.tokenizer import LONG_CHUNK, make_nlp

    nlp = make_nlp()
    blob = "https://x.example/" + "a1b2" * 500
    text = f"Kapolres hadir {blob} kemarin."
    doc = nlp(text)
    assert doc.text == text
    assert blob in [t.text for t in doc] and len(blob) > LONG_CHUNK


def _dropped_cases():
    """spaCy's Indonesian special cases that pantau's tokenizer leaves out."""
    from spacy.lang.id import Indonesian

    from extractor.nlp.tokenizer import _redundant

    return {k: v for k, v in Indonesian.Defaults.tokenizer_exceptions.items() if _redundant(k, v)}


def test_no_whitespace_or_one_character_special_cases():
    # Once a chunk hits a special case, spaCy caches no later chunk of that
    # text: a "\n" case made every word after an article's first paragraph
    # break run all the affix rules again (~2.5x the tokenizing time).
    from extractor.nlp.pipeline import load

    dropped = _dropped_cases()
    assert {"\n", "\t", " "} <= set(dropped)
    for tokenizer in (make_nlp().tokenizer, load().tokenizer):
        rules = tokenizer.rules
        assert rules and not set(dropped) & set(rules)
        assert "S.H." in rules  # cases that change tokens stay


@pytest.fixture(scope="module")
def with_all_cases():
    """pantau's tokenizer with the left-out special cases put back."""
    t = make_nlp().tokenizer
    t.rules = {**t.rules, **_dropped_cases()}
    return t


@pytest.mark.parametrize("text", [
    "Kapolres hadir.\nKetua KPU (Dr. Budi, S.H.) berkata:\n\n“Aman”\t— kata 'dia'\xa0di TPS 5.",
    "(Dr.\n;M.Si.,\n'Plt.'\r\n\u2003S.I.K.)\n\n",
])
def test_leaving_them_out_changes_no_token(nlp, with_all_cases, text):
    assert [(t.text, t.whitespace_) for t in nlp.tokenizer(text)] == \
        [(t.text, t.whitespace_) for t in with_all_cases(text)]


def test_leaving_them_out_changes_no_token_on_random_text(nlp, with_all_cases):
    from hypothesis import given, settings, strategies as st

    pieces = st.sampled_from(list(" \n\t\xa0\r\u2003'—-.,:;()\"“”/ab12") +
                             ["S.H.", "Dr.", "Dr. med", "Kab.", "No.5", "M.Si.,", "Plt.", ":)", "''", "\n\n"])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(pieces, max_size=30).map("".join))
    def same(text):
        assert [(t.text, t.whitespace_) for t in nlp.tokenizer(text)] == \
            [(t.text, t.whitespace_) for t in with_all_cases(text)]

    same()
