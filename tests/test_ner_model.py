"""The shipped NER pipeline: it is what extraction runs and what records
name, it labels PER/ORG/LOC with pantau's tokenizer and finds officials'
names in simple domain sentences; another pipeline can be loaded and scored
in its place."""
import json

import pytest
import spacy

from extractor.cli import main
from extractor.nlp.model import MODEL_DIR, load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def test_records_name_the_shipped_model_that_made_them():
    from extractor.nlp import extract
    from extractor.nlp.pipeline import load
    from extractor.types import Article

    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert load().get_pipe("ner").labels == spacy.load(MODEL_DIR).get_pipe("ner").labels
    ex = extract(Article(url="x", text="Kapolres Lahat AKBP Budi Santoso hadir."))
    assert ex.model_version == f"{meta['name']}-{meta['version']}"
    from extractor.datafiles import extractor_version  # the rules are versioned by the data fingerprint

    assert ex.extractor_version == extractor_version()


def test_loads_without_a_version_warning_under_the_installed_spacy():
    """meta.json's spacy_version covers the installed spaCy (setup.cfg installs
    3.7 on Python < 3.12 and allows 3.8): otherwise spaCy warns (W095) on
    every load, on every user's terminal."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        spacy.load(MODEL_DIR)
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    from extractor.nlp.training.train import SPACY_VERSIONS  # retraining writes the same range

    assert meta["spacy_version"] == SPACY_VERSIONS


def test_labels(nlp):
    assert set(nlp.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}


def test_another_pipeline_is_loaded_and_scored_in_its_place(tmp_path, capsys):
    other = spacy.blank("id")
    other.add_pipe("entity_ruler").add_patterns([{"label": "PER", "pattern": "Jhoni"}])
    other.to_disk(tmp_path / "other")
    assert [e.text for e in load_model(tmp_path / "other")("Kata Jhoni Putra.").ents] == ["Jhoni"]
    gold = tmp_path / "gold.txt"
    gold.write_text("Kata O\nJhoni B-PER\nPutra I-PER\n. O\n", encoding="utf-8")
    assert main(["eval-ner", str(gold), "--model", str(tmp_path / "other")]) == 0
    got = json.loads(capsys.readouterr().out)["overall"]
    assert (got["tp"], got["fp"], got["fn"]) == (0, 1, 1)  # "Jhoni" is not the gold "Jhoni Putra"
    (tmp_path / "empty").mkdir()
    assert main(["eval-ner", str(gold), "--model", str(tmp_path / "empty")]) == 1
    assert capsys.readouterr().err.startswith("error: cannot load the NER model")


def test_uses_pantau_tokenizer(nlp):
    from extractor.nlp.tokenizer import make_nlp

    ref = make_nlp()
    for text in ["Kapolres AKBP Budi,S.I.K.,M.H.,bergerak", "Pol.Satake (30/11/2024)",
                 "se-Kabupaten Teddy-Marjito masing-masing 0412/LU 13.00 “Kami"]:
        assert [t.text for t in nlp.make_doc(text)] == [t.text for t in ref.make_doc(text)]


@pytest.mark.parametrize("text, name", [
    ("Kapolres Muara Enim AKBP Jhoni Eka Putra SH SIK MSi mengatakan situasi aman.",
     "Jhoni Eka Putra"),
    ("Kapolres Lahat, AKBP Budi Santoso, S.I.K., M.H., menjelaskan pengamanan berjalan lancar.",
     "Budi Santoso"),
    ("Ketua PPK Gelumbang, Ahmad Fauzi, mengatakan rapat pleno selesai malam ini.",
     "Ahmad Fauzi"),
])
def test_finds_person(nlp, text, name):
    doc = nlp(text)
    persons = [e.text for e in doc.ents if e.label_ == "PER"]
    assert name in persons, [(e.text, e.label_) for e in doc.ents]


def test_unit_and_place(nlp):
    doc = nlp("Sebanyak 200 personel Polres Muara Enim dikerahkan ke Kabupaten Lahat, Sumatera Selatan.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Polres Muara Enim", "ORG") in ents
    assert any(lab == "LOC" and "Lahat" in text for text, lab in ents)


def test_evaluate_file_defaults_to_shipped_model(tmp_path):
    from extractor.nlp.ner_eval import evaluate_file

    path = tmp_path / "mini.txt"
    path.write_text("Kapolres O\nMuara B-LOC\nEnim I-LOC\nAKBP O\nJhoni B-PER\nEka I-PER\n"
                    "Putra I-PER\nmengatakan O\n. O\n", encoding="utf-8")
    res = evaluate_file(path)
    assert res["per_label"]["PER"]["tp"] == 1
