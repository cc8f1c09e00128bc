import os
import zipfile, collections
raw = zipfile.ZipFile(os.path.join(os.environ.get('EXP', 'build/exp'), 'nlp_id-0.1.23.0-py3-none-any.whl')).read('nlp_id/data/dataset_postag.txt').decode()
sents = []
for b in raw.split('\n\n'):
    toks = [l.split('\t') for l in b.splitlines() if l.strip()]
    if toks: sents.append(toks)
print(len(sents), sum(len(s) for s in sents))
tags = collections.Counter(t[1] for s in sents for t in s if len(t) > 1)
print(tags.most_common(30))
for s in sents[:3]: print(" ".join(f"{w}/{t}" for w, t in s))
from extractor.nlp.ner_eval import read_conll
from extractor.nlp.training.convert import NERGRIT_LABELS
mine = {" ".join(w for w, *_ in s) for s in sents}
for p, f in [("../shared/data/ner/idner-news-2k/train.txt","conll"),("../shared/data/ner/idner-news-2k/dev.txt","conll"),("../shared/data/ner/nergrit/train.txt","tsv"),("../shared/data/ner/nergrit/valid.txt","tsv")]:
    ss = read_conll(p, f, NERGRIT_LABELS if f=="tsv" else None)
    exact = sum(" ".join(s.words) in mine for s in ss)
    # 8-gram overlap
    grams = set()
    for s in sents:
        w=[x[0] for x in s]
        for i in range(len(w)-7): grams.add(tuple(w[i:i+8]))
    ov = sum(any(tuple(s.words[i:i+8]) in grams for i in range(len(s.words)-7)) for s in ss)
    print(p, len(ss), "exact", exact, "8gram-overlap", ov)
