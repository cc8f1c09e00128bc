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
