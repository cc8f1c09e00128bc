"""Exact-span P/R/F arithmetic of extractor.nlp.ner_eval on small CoNLL files."""
import pytest
import spacy

from extractor.nlp.ner_eval import evaluate_file, parse_label_map, read_conll, tags_to_spans


@pytest.fixture(scope="module")
def nlp():
    """A deterministic 'model': an entity ruler on a blank pipeline."""
    nlp = spacy.blank("xx")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": "Budi"},
        {"label": "LOC", "pattern": "Jakarta"},
        {"label": "LOC", "pattern": "Lahat"},
        {"label": "LOC", "pattern": "Sumsel"},
        {"label": "ORG", "pattern": [{"LOWER": "polres"}, {"IS_TITLE": True}]},
    ])
    return nlp


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_perfect_prediction(tmp_path, nlp):
    path = write(tmp_path, "a.txt", "Budi B-PER\npergi O\nke O\nJakarta B-LOC\n. O\n")
    res = evaluate_file(path, nlp=nlp)
    assert res["overall"]["p"] == res["overall"]["r"] == res["overall"]["f"] == 1.0
    assert set(res["per_label"]) == {"PER", "LOC"}
    assert res["sentences"] == 1


def test_wrong_boundaries_and_labels(tmp_path, nlp):
    text = (
        "Budi PROPN B-PER\nSantoso PROPN I-PER\nke ADP O\nJakarta PROPN B-LOC\n\n"   # PER too short
        "Polres PROPN B-ORG\nLahat PROPN I-ORG\ndi ADP O\nLahat PROPN B-LOC\n\n"      # both right
        "Bawaslu PROPN B-ORG\nSumsel PROPN I-ORG\nhadir VERB O\n"                     # LOC inside ORG
    )
    res = evaluate_file(write(tmp_path, "b.txt", text), fmt="conll", nlp=nlp)
    o = res["overall"]
    assert (o["tp"], o["fp"], o["fn"]) == (3, 2, 2)
    assert o["p"] == pytest.approx(3 / 5) and o["r"] == pytest.approx(3 / 5)
    assert o["f"] == pytest.approx(3 / 5)
    per = res["per_label"]
    assert per["PER"]["p"] == 0.0 and per["PER"]["r"] == 0.0 and per["PER"]["f"] == 0.0
    assert per["ORG"]["p"] == 1.0 and per["ORG"]["r"] == pytest.approx(0.5)
    assert per["ORG"]["f"] == pytest.approx(2 / 3)
    assert per["LOC"]["p"] == pytest.approx(2 / 3) and per["LOC"]["r"] == 1.0
    assert per["LOC"]["f"] == pytest.approx(0.8)


def test_label_map_tsv_docstart_crlf_iob1(tmp_path, nlp):
    text = ("-DOCSTART-\tO\r\n\r\n"
            "Budi\tI-PERSON  \r\nke\tO\r\nJakarta\tI-PLACE\r\nJakarta\tB-PLACE\r\n \r\n"
            "Polres\tB-ORGANISATION\r\nLahat\tI-ORGANISATION\r\n")
    path = write(tmp_path, "c.tsv", text)
    label_map = parse_label_map("PERSON=PER, PLACE=LOC,ORGANISATION=ORG")
    res = evaluate_file(path, fmt="tsv", label_map=label_map, nlp=nlp)
    assert res["sentences"] == 2
    assert res["overall"]["f"] == 1.0
    assert res["overall"]["tp"] == 4
    # without the map, gold labels stay as they are and nothing matches
    res = evaluate_file(path, fmt="tsv", nlp=nlp)
    assert res["overall"]["tp"] == 0 and res["overall"]["f"] == 0.0
    assert "PERSON" in res["per_label"] and "PER" in res["per_label"]


def test_partial_label_map_keeps_other_labels(tmp_path, nlp):
    path = write(tmp_path, "d.txt", "Budi B-PERSON\nke O\nJakarta B-LOC\n")
    res = evaluate_file(path, label_map={"PERSON": "PER"}, nlp=nlp)
    assert res["overall"]["f"] == 1.0


def test_no_entities_anywhere(tmp_path, nlp):
    path = write(tmp_path, "e.txt", "saya O\npergi O\n")
    res = evaluate_file(path, nlp=nlp)
    assert res["overall"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 0, "fn": 0}
    assert res["per_label"] == {}


def test_bad_format(tmp_path, nlp):
    path = write(tmp_path, "f.txt", "Budi B-PER\n")
    with pytest.raises(ValueError):
        evaluate_file(path, fmt="json", nlp=nlp)


@pytest.mark.parametrize("tags, spans", [
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    (["I-PER", "I-PER", "I-LOC"], [(0, 2, "PER"), (2, 3, "LOC")]),          # IOB1
    (["B-PER", "B-PER"], [(0, 1, "PER"), (1, 2, "PER")]),
    (["O", "I-ORG", "O"], [(1, 2, "ORG")]),                                # BIO error
    (["S-PER", "B-LOC", "E-LOC", "U-ORG"], [(0, 1, "PER"), (1, 3, "LOC"), (3, 4, "ORG")]),
    (["PER", "PER", "O", "LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),          # bare labels
    (["O", "O"], []),
])
def test_tags_to_spans(tags, spans):
    assert tags_to_spans(tags) == spans


def test_read_conll_middle_columns(tmp_path):
    path = write(tmp_path, "g.txt", "Kapolres NOUN x O\nBudi PROPN y B-PER   \n\n\nIa PRON z O\n")
    sents = read_conll(path)
    assert [s.words for s in sents] == [["Kapolres", "Budi"], ["Ia"]]
    assert sents[0].spans == [(1, 2, "PER")]


def test_parse_label_map():
    assert parse_label_map("PERSON=PER,PLACE=LOC") == {"PERSON": "PER", "PLACE": "LOC"}
    assert parse_label_map(" A = B ; C=D ,") == {"A": "B", "C": "D"}
    assert parse_label_map("") == {} and parse_label_map(None) == {}
    with pytest.raises(ValueError):
        parse_label_map("PERSON")
    with pytest.raises(ValueError):
        parse_label_map("PERSON=")
