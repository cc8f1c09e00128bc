"""Training the NER model that :mod:`extractor.nlp.model` loads.

    python -m extractor.nlp.training --help

``train`` converts the shared CoNLL corpora (``convert``), adds template
sentences (``augment``, vocabulary in ``augment/``), trains with ``ner.cfg``
and scores both dev sets with the runtime's :mod:`extractor.nlp.ner_eval`;
``domain`` rebuilds the hand-written domain check set, ``places`` the place
names the templates use; ``RESULTS.md`` is the tuning log.

This package imports the runtime (tokenizer, model location, NER scoring);
the runtime never imports it, and the wheel leaves it out: it is used from
a source checkout, beside ``../shared/data/ner``.
"""
