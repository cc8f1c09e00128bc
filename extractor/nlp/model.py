"""The shipped NER model: where it lives and how it is loaded.

Runtime code (the pipeline, ``eval-ner``) loads the model through this module
only; training (:mod:`extractor.nlp.training`) writes it and is never imported
here. Importing this module does not import spaCy.
"""
from __future__ import annotations

from pathlib import Path

#: the trained NER pipeline (tokenizer, tok2vec, ner) the package ships
MODEL_DIR = Path(__file__).resolve().parent / "models" / "ner-id"


def use_numpy_matmul() -> None:
    """Make thinc's CPU ops multiply matrices with numpy (OpenBLAS) instead of
    blis. On the project's machines numpy's sgemm is ~3x faster, which makes
    the tok2vec layer ~1.5-2x faster. Models built afterwards use it (thinc
    binds ops when a model is created); results are the same up to float
    rounding."""
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    ops = get_current_ops()
    if type(ops) is NumpyOps and getattr(ops, "use_blis", False):
        set_current_ops(NumpyOps(use_blis=False))


def load_model(path: str | Path | None = None):
    """A new copy of the shipped NER pipeline, or of the spaCy pipeline at
    ``path``, with numpy matmul (:func:`use_numpy_matmul`). Raises ``OSError``
    when there is no pipeline at ``path``."""
    import spacy

    use_numpy_matmul()
    return spacy.load(Path(path) if path else MODEL_DIR)
