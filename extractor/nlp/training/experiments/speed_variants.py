import os
"""Time tokenizer+NER for config variants with random-init weights (speed only)."""
import sys, time, json
sys.path.insert(0, "benchmarks")
from bench_ner import make_articles
import spacy
from spacy.tokens import DocBin
from spacy.training import Example
from thinc.api import Config
import extractor.nlp.tokenizer  # registers callback
from extractor.nlp.train import use_numpy_matmul
use_numpy_matmul()
base = Config().from_disk("extractor/nlp/training/ner.cfg", interpolate=False)
texts = make_articles(60); nw = sum(len(t.split()) for t in texts)
db = list(DocBin().from_disk("build/ner/train.spacy").get_docs(spacy.blank("xx").vocab))[:300]
def variant(over):
    cfg = base.copy()
    cfg = Config(cfg).merge(Config().from_str("")) if False else cfg
    flat = {}
    for k, v in over.items():
        node = cfg
        parts = k.split(".")
        for p in parts[:-1]: node = node[p]
        node[parts[-1]] = v
    nlp = spacy.util.load_model_from_config(Config(cfg).interpolate(), auto_fill=True)
    exs = [Example(nlp.make_doc(d.text), d) for d in db]
    nlp.initialize(lambda: exs)
    list(nlp.pipe(texts[:5]))
    b = 1e9
    for _ in range(3):
        t = time.perf_counter(); list(nlp.pipe(texts, batch_size=32)); b = min(b, time.perf_counter() - t)
    return nw / b
CE = {"@architectures": "spacy.CharacterEmbed.v2", "width": "${components.tok2vec.model.encode.width}", "rows": 10000, "nM": 32, "nC": 8, "include_static_vectors": False}
CE16 = dict(CE, nM=16)
V = {
 "charembed32": {"components.tok2vec.model.embed": CE},
 "charembed16": {"components.tok2vec.model.embed": CE16},
 "orth": {"components.tok2vec.model.embed.attrs": ["NORM","PREFIX","SUFFIX","SHAPE","ORTH"], "components.tok2vec.model.embed.rows": [10000,2000,5000,1000,10000]},
 "current": {},
 "ner_h32": {"components.ner.model.hidden_width": 32},
 "ner_p1": {"components.ner.model.maxout_pieces": 1},
 "ner_noupper": {"components.ner.model.use_upper": False},
 "w96d4": {"components.tok2vec.model.encode.width": 96, "components.tok2vec.model.encode.depth": 4},
 "w96d2": {"components.tok2vec.model.encode.width": 96},
 "w128d2": {"components.tok2vec.model.encode.width": 128},
 "w64d4": {"components.tok2vec.model.encode.depth": 4},
 "w64d3": {"components.tok2vec.model.encode.depth": 3},
 "w96d4_noupper": {"components.tok2vec.model.encode.width": 96, "components.tok2vec.model.encode.depth": 4, "components.ner.model.use_upper": False},
}
for name in (sys.argv[1:] or V):
    print(name, f"{variant(V[name]):,.0f} w/s", flush=True)
