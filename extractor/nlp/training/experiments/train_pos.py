import os
import sys
from pathlib import Path
import extractor.nlp.tokenizer
from extractor.nlp.train import use_numpy_matmul
from spacy.cli.train import train
import spacy
use_numpy_matmul()
out = Path(sys.argv[1])
exp = os.environ.get("EXP", "build/exp")
train(Path(__file__).with_name("pos.cfg"), out, use_gpu=-1, overrides={"paths.train": f"{exp}/pos_train.spacy", "paths.dev": f"{exp}/pos_dev.spacy"})
nlp = spacy.load(out / "model-last")
(out / "tok2vec.bin").write_bytes(nlp.get_pipe("tok2vec").model.to_bytes())
print("wrote", out / "tok2vec.bin")
