import os
import sys, collections
from extractor.nlp.ner_eval import read_conll, predict_spans
from extractor.nlp.training.convert import NERGRIT_LABELS
from extractor.nlp.train import load_model
model = sys.argv[1] if len(sys.argv)>1 else None
nlp = load_model(model)
for path, fmt, lm in [("../shared/data/ner/idner-news-2k/dev.txt","conll",None),("../shared/data/ner/nergrit/valid.txt","tsv",NERGRIT_LABELS)]:
    sents = read_conll(path, fmt, lm)
    pred = predict_spans(nlp, sents)
    cat = collections.Counter(); ex = collections.defaultdict(list)
    for s, p in zip(sents, pred):
        g = set(s.spans); p = set(p)
        for sp in p - g:
            a,b,l = sp
            ov = [x for x in g if x[0] < b and a < x[1]]
            if not ov: k="FP-spurious"
            elif any(x[0]==a and x[1]==b for x in ov): k="type"
            else: k="boundary"
            cat[k]+=1; ex[k].append((" ".join(s.words[a:b]), l, [(" ".join(s.words[x[0]:x[1]]),x[2]) for x in ov]))
        for sp in g - p:
            a,b,l = sp
            ov = [x for x in p if x[0] < b and a < x[1]]
            if not ov: cat["FN-missed"]+=1; ex["FN-missed"].append((" ".join(s.words[a:b]), l))
    print(path, dict(cat))
    for k in ex:
        print(" ==", k)
        for e in ex[k][:40]: print("   ", e)
