import os
import sys, zipfile, numpy as np, collections
from gensim.models import Word2Vec, FastText
dim = int(sys.argv[1]); kind = sys.argv[2]; out = sys.argv[3]
raw = zipfile.ZipFile(os.path.join(os.environ.get('EXP', 'build/exp'), 'nlp_id-0.1.23.0-py3-none-any.whl')).read('nlp_id/data/dataset_postag.txt').decode()
sents = [[l.split('\t')[0].lower() for l in b.splitlines() if l.strip()] for b in raw.split('\n\n')]
def conll(p, col):
    s, cur = [], []
    for line in open(p, encoding='utf8'):
        line = line.strip()
        if not line:
            if cur: s.append(cur); cur = []
            continue
        cur.append(line.split()[0].lower())
    if cur: s.append(cur)
    return s
sents += conll('../shared/data/ner/idner-news-2k/train.txt', 0) + conll('../shared/data/ner/nergrit/train.txt', 0)
sents = [s for s in sents if s]
cls = FastText if kind == "ft" else Word2Vec
m = cls(sentences=sents, vector_size=dim, window=5, min_count=2, sg=1, epochs=15, workers=1, seed=1)
words = m.wv.index_to_key
vecs = np.asarray([m.wv[w] for w in words], dtype="float32")
np.save(out + ".npy", vecs); open(out + ".keys", "w").write("\n".join(words))
print(len(words), vecs.shape)
