import os
import zipfile, random
from spacy.tokens import Doc, DocBin
import spacy
nlp = spacy.blank("xx")
raw = zipfile.ZipFile(os.path.join(os.environ.get('EXP', 'build/exp'), 'nlp_id-0.1.23.0-py3-none-any.whl')).read('nlp_id/data/dataset_postag.txt').decode()
docs = []
for b in raw.split('\n\n'):
    t = [l.split('\t') for l in b.splitlines() if l.strip()]
    t = [x for x in t if len(x) == 2]
    if len(t) >= 3:
        docs.append(Doc(nlp.vocab, words=[w for w, _ in t], tags=[g.upper() for _, g in t]))
random.Random(0).shuffle(docs)
for name, part in [("pos_dev", docs[:800]), ("pos_train", docs[800:])]:
    db = DocBin(docs=part); db.to_disk(os.path.join(os.environ.get("EXP", "build/exp"), f"{name}.spacy")); print(name, len(part))
