#!/bin/sh
# Session-4 NER experiments with raw Indonesian news text (RESULTS.md, steps 9-14).
# Run from the repository root with ../shared beside it:  sh extractor/nlp/training/experiments/run.sh
# Each training run takes 6-13 minutes on one core; the steps are independent after "data".
set -e
EXP=${EXP:-build/exp}; export EXP
X=extractor/nlp/training/experiments
T="env OMP_NUM_THREADS=1 PYTHONPATH=. python"
mkdir -p "$EXP"

# data: kumparan news with POS tags, shipped inside the nlp-id wheel on PyPI (MIT; 32,780 sentences,
# 559,879 tokens). Only the wheel is fetched; nlp-id itself is not installed.
python -m pip download --no-deps nlp-id==0.1.23.0 -d "$EXP"
$T $X/overlap.py                 # sentence and 8-gram overlap with the NER train/dev sets
$T $X/make_pretrain_docs.py      # nlp-id words + NER training words -> $EXP/pretrain.spacy
$T $X/make_pos_docs.py           # nlp-id words + POS tags -> $EXP/pos_{train,dev}.spacy

# 9: CharacterEmbed (nM 32, nC 8) instead of MultiHashEmbed
$T -m extractor.nlp.train --config $X/ce.cfg --build $EXP/b9 --out $EXP/m9
# 10: word2vec (gensim, skip-gram, 64 dims, min count 2, lower-cased) as static vectors
python -m venv $EXP/gvenv && $EXP/gvenv/bin/pip install -q gensim==4.4.0
$EXP/gvenv/bin/python $X/word2vec.py 64 w2v $EXP/w2v64
$T $X/make_vectors.py $EXP/w2v64 $EXP/w2v64_nlp
$T -m extractor.nlp.train --config $X/sv.cfg --set paths.vectors=$EXP/w2v64_nlp --build $EXP/b10 --out $EXP/m10
# 11: tok2vec pretrained with spaCy's character objective (8 epochs), then NER
$T $X/pretrain_chars.py $X/pt.cfg $EXP/pt $EXP/pretrain.spacy pretraining.max_epochs=8
$T -m extractor.nlp.train --config $X/pt.cfg --set paths.raw_text=$EXP/pretrain.spacy \
    --set paths.init_tok2vec=$EXP/pt/model7.bin --build $EXP/b11 --out $EXP/m11
# 12: tok2vec pretrained as a POS tagger on nlp-id (4 epochs), then NER
$T $X/train_pos.py $EXP/pos
$T -m extractor.nlp.train --config $X/pt.cfg --set paths.raw_text=$EXP/pretrain.spacy \
    --set paths.init_tok2vec=$EXP/pos/tok2vec.bin --build $EXP/b12 --out $EXP/m12
# 13: the shipped settings with seed 1 (run-to-run noise)
$T -m extractor.nlp.train --seed 1 --build $EXP/b13 --out $EXP/m13
# errors by kind (spurious / missed / boundary / type) and speed of network variants
$T $X/errors.py $EXP/m10
$T $X/speed_variants.py current w96d2 w64d3 ner_h32 charembed32 orth
