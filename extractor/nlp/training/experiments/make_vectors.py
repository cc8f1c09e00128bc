import os
import sys, numpy as np
from spacy.vectors import Vectors
from extractor.nlp.tokenizer import make_nlp
src, out = sys.argv[1], sys.argv[2]
vecs = np.load(src + ".npy"); keys = open(src + ".keys").read().split("\n")
import spacy
nlp = spacy.blank("xx")
v = Vectors(strings=nlp.vocab.strings, data=vecs, keys=keys, attr="LOWER")
nlp.vocab.vectors = v
nlp.to_disk(out); print(out, v.shape)
