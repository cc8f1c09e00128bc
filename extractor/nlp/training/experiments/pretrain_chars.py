import os
import sys
from pathlib import Path
import extractor.nlp.tokenizer  # registers pantau callbacks
from extractor.nlp.train import use_numpy_matmul
from spacy.training.pretrain import pretrain
from spacy.util import load_config
use_numpy_matmul()
cfgpath, out, raw = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
over = {'paths.raw_text': raw, 'paths.train': raw, 'paths.dev': raw}
for kv in sys.argv[4:]:
    k, v = kv.split("="); over[k] = int(v) if v.isdigit() else v
cfg = load_config(cfgpath, overrides=over, interpolate=True)
out.mkdir(exist_ok=True)
pretrain(cfg, out, silent=False)
