"""Language data files: one loader with a schema check, one fingerprint in the
extractor version, and the store re-extracting after a data edit."""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

from extractor import __version__, datafiles
from extractor.errors import DataFileError


def test_every_shipped_data_file_loads_and_fits_its_schema():
    checked = datafiles.check_all()
    for rel in ("nlp/lexicons/positions.toml", "nlp/lexicons/units.toml", "nlp/lexicons/words.toml",
                "nlp/lexicons/ranks.toml", "nlp/lexicons/relevance.toml", "html/junk.toml",
                "html/profiles/tribratanews.toml"):
        assert rel in checked
    # every TOML data file of the language lexicons has a schema of its own
    assert all(datafiles.schema_for(rel) is not None for rel in checked)


@pytest.mark.parametrize("raw,key,detail", [
    (b"[[position]]\nshort = 1\n", "position[0].short", "expected a string, found an integer"),
    (b'[[position]]\nshort = "X"\nvariants = "X"\ninstitution = "Polri"\nunit = ""\ntakes_region = false\n',
     "position[0].variants", "expected a list, found a string"),
    (b'[[position]]\nshort = "X"\nvaraints = ["X"]\ninstitution = "Polri"\nunit = ""\ntakes_region = false\n',
     "position[0].varaints", "unknown key (expected one of: short, variants"),
    (b'[heads.Kabag]\nsection = ["Bag"]\n', "heads.Kabag.forms", "missing"),
    (b'[[position]]\nshort = "X"\ninstitution = "Polri"\nunit = ""\ntakes_region = false\n', "position[0].variants",
     "missing"),
    (b"[[position]\n", "(syntax)", ""),
])
def test_a_malformed_file_is_named_with_its_key(raw, key, detail):
    with pytest.raises(DataFileError) as exc:
        datafiles.parse(raw, "nlp/lexicons/positions.toml")
    msg = str(exc.value)
    assert msg.startswith("data file nlp/lexicons/positions.toml: " + key)
    assert detail in msg


def test_unknown_keys_are_refused_in_own_files_and_let_through_in_others():
    with pytest.raises(DataFileError, match=r"units.toml: unit\[0\].levle: unknown key"):
        datafiles.parse(b'[admin]\n[[unit]]\nkind = ["X"]\ninstitution = "Polri"\nlevel = ""\nlevle = "x"\n',
                        "nlp/lexicons/units.toml")
    # events.toml belongs to another stage: new tables there are let through
    assert datafiles.parse(b'[types]\n[forces]\n[personnel]\n[calendar]\nx = 1\n', "nlp/lexicons/events.toml")


def test_a_referenced_name_that_is_not_defined_is_an_error():
    from extractor.nlp.lexicon import position_entries

    data = {"heads": {"Kabag": {"forms": ["Kabag"]}}, "functions": {},
            "chart": [{"unit": "", "institution": "Polri", "heads": ["Kabag"], "functions": ["Opz"]}]}
    with pytest.raises(DataFileError, match=r"positions.toml: chart\[0\].functions: 'Opz' is not defined"):
        list(position_entries(data))


def _copy_package(tmp_path):
    """The package with its data files, without the model weights and training data."""
    dst = tmp_path / "pkg" / "extractor"
    shutil.copytree(datafiles.ROOT, dst, ignore=shutil.ignore_patterns("__pycache__", "training", "ner", "tok2vec",
                                                                     "vocab", "tokenizer"))
    return dst


def test_editing_a_data_file_changes_the_fingerprint(tmp_path):
    root = _copy_package(tmp_path)
    before = datafiles.fingerprint(root)
    assert before == datafiles.fingerprint()  # the copy holds the same data
    assert len(before) == 64
    lex = root / "nlp" / "lexicons" / "words.toml"
    lex.write_text(lex.read_text("utf-8").replace('"lewat",', '"lewat", "via",', 1), "utf-8")
    after = datafiles.fingerprint(root)
    assert after != before
    # a new data file counts too
    (root / "nlp" / "lexicons" / "calendar.toml").write_text("[x]\n", "utf-8")
    assert datafiles.fingerprint(root) not in (before, after)


def test_extractor_version_carries_the_fingerprints():
    v = datafiles.extractor_version()
    assert v == f"{__version__}+{datafiles.fingerprint()[:8]}.{datafiles.code_fingerprint()[:8]}"


def test_editing_a_rule_in_code_changes_the_code_fingerprint_but_not_the_training_code(tmp_path):
    root = _copy_package(tmp_path)
    before = datafiles.code_fingerprint(root)
    training = root / "nlp" / "training"
    training.mkdir(exist_ok=True)
    (training / "train_more.py").write_text("# a training script\n", "utf-8")
    assert datafiles.code_fingerprint(root) == before  # the model is versioned apart
    rules = root / "nlp" / "officials.py"
    rules.write_text(rules.read_text("utf-8") + "\n# an edit\n", "utf-8")
    assert datafiles.code_fingerprint(root) != before
    assert datafiles.fingerprint(root) == datafiles.fingerprint()  # the data did not change


_STORE = textwrap.dedent("""
    import sys
    from extractor.store import Store
    from extractor.types import Article
    art = Article(url="https://example.test/a", text="Kapolres Lahat AKBP Budi Santoso hadir.")
    with Store(sys.argv[1]) as st:
        if sys.argv[2] == "save":
            st.save(art, 0.9, None)
        print(st.is_current(art), st.is_current_hash(art.url, art.html_hash))
""")


def test_a_data_edit_makes_stored_articles_not_current(tmp_path):
    root = _copy_package(tmp_path)
    db = tmp_path / "t.db"
    env = {**os.environ, "PYTHONPATH": str(root.parent)}

    def run(verb):
        out = subprocess.run([sys.executable, "-c", _STORE, str(db), verb], env=env, capture_output=True,
                             text=True, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        return out.stdout.split()

    assert run("save") == ["True", "True"]
    assert run("check") == ["True", "True"]  # nothing changed: current
    lex = root / "nlp" / "lexicons" / "positions.toml"
    lex.write_text(lex.read_text("utf-8") + "\n# an edit\n", "utf-8")
    assert run("check") == ["False", "False"]  # the lexicon changed: re-extract
    assert run("save") == ["True", "True"]
    rules = root / "nlp" / "places.py"
    rules.write_text(rules.read_text("utf-8") + "\n# an edit\n", "utf-8")
    assert run("check") == ["False", "False"]  # a rule in code changed: re-extract too


def test_a_code_edit_makes_the_event_facts_stale_too(tmp_path):
    # the facts' version changes with the code as with the data: no hand bump of RULES_VERSION needed
    root = _copy_package(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(root.parent)}

    def version():
        out = subprocess.run([sys.executable, "-c", "from extractor import facts; print(facts.version())"],
                             env=env, capture_output=True, text=True, cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        return out.stdout.strip()

    before = version()
    rules = root / "counting.py"
    rules.write_text(rules.read_text("utf-8") + "\n# an edit\n", "utf-8")
    assert version() != before
