"""Template-based sentences that teach the domain: Polri/TNI officials with
ranks, positions, degrees; units (ORG); Kemendagri place names (LOC).

Vocabulary lives in data files under ``augment/``; person names come from the
PER spans of the training corpora (passed in at run time, never stored).

Conventions taught:
* PER is the bare name: ``AKBP [Jhoni Eka Putra]PER SH SIK MSi``.
* ``Polres Muara Enim``, ``Kodim 0412/Lampung Utara``, ``KPU Kabupaten X``: ORG.
* ``Kabupaten Muara Enim`` and ``Muara Enim`` alone: LOC.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

AUG_DIR = Path(__file__).with_name("augment")
SLOT_RE = re.compile(r"\{([A-Z_]+)\}")

ENTITY_SLOTS = {
    "PER": "PER",
    "REGION": "LOC", "KAB": "LOC", "KEC": "LOC", "KEC_FULL": "LOC", "DESA": "LOC",
    "PROV": "LOC", "PROV_ABBR": "LOC",
    "POLRES": "ORG", "POLSEK": "ORG", "POLDA": "ORG", "KODIM": "ORG",
    "KORAMIL": "ORG", "KPU": "ORG", "BAWASLU": "ORG",
}


def _lines(name: str, keep_space: bool = False) -> list[str]:
    out = []
    for line in (AUG_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        out.append(line.rstrip("\n") if keep_space else line.strip())
    return out


class Vocab:
    def __init__(self, names: list[str]):
        self.templates = _lines("templates.txt")
        self.verbs = _lines("verbs.txt")
        self.rank_pol = _lines("ranks_polri.txt")
        self.rank_tni = _lines("ranks_tni.txt")
        self.rank_nco = _lines("ranks_nco.txt")
        self.degrees = _lines("degrees.txt", keep_space=True)
        self.titles = _lines("titles.txt")
        self.pos_pol = _lines("positions_polri.txt")
        self.days = _lines("days.txt")
        self.prov_abbr = _lines("prov_abbr.txt")
        self.places: dict[int, list[tuple[str, str, str]]] = {1: [], 2: [], 3: [], 4: []}
        for line in _lines("places.tsv"):
            level, typ, name, prov = line.split("\t")
            self.places[int(level)].append((typ, name, prov))
        self.names = [n for n in names if 1 <= len(n.split()) <= 4]
        if not self.names:
            raise ValueError("augmentation needs person names")


class Generator:
    def __init__(self, vocab: Vocab, seed: int = 0):
        self.v = vocab
        self.rng = random.Random(seed)

    # -- slot fillers: return (text, label or None)
    def person(self) -> str:
        r = self.rng
        name = r.choice(self.v.names)
        x = r.random()
        if x < 0.08:  # an initial that belongs to the name
            name = f"{r.choice('ABDFIMRSW')}. {name}"
        elif x < 0.14:
            name = f"{r.choice('ABDFIMRSW')} {name}"
        elif x < 0.2:
            name = name.upper()
        return name

    def region(self) -> tuple[str, str]:
        typ, name, prov = self.rng.choice(self.v.places[2])
        return name, typ

    def fill(self, slot: str) -> tuple[str, str | None]:
        r, v = self.rng, self.v
        if slot == "PER":
            return self.person(), "PER"
        if slot == "REGION":
            return self.region()[0], "LOC"
        if slot == "KAB":
            name, typ = self.region()
            if r.random() < 0.15:
                return name, "LOC"
            prefix = "Kota" if typ == "kota" else r.choice(["Kabupaten", "Kabupaten", "Kab.", "Kab"])
            return f"{prefix} {name}", "LOC"
        if slot == "KEC":
            return r.choice(v.places[3])[1], "LOC"
        if slot == "KEC_FULL":
            return f"{r.choice(['Kecamatan', 'Kecamatan', 'Kec.'])} {r.choice(v.places[3])[1]}", "LOC"
        if slot == "DESA":
            typ, name, _ = r.choice(v.places[4])
            pre = "Kelurahan" if typ == "kelurahan" else "Desa"
            return (f"{pre} {name}" if r.random() < 0.7 else name), "LOC"
        if slot == "PROV":
            return r.choice(v.places[1])[1], "LOC"
        if slot == "PROV_ABBR":
            return r.choice(v.prov_abbr), "LOC"
        if slot == "POLRES":
            return f"{r.choice(['Polres', 'Polres', 'Polresta'])} {self.region()[0]}", "ORG"
        if slot == "POLSEK":
            return f"Polsek {r.choice(v.places[3])[1]}", "ORG"
        if slot == "POLDA":
            p = r.choice(v.prov_abbr) if r.random() < 0.5 else r.choice(v.places[1])[1]
            return f"Polda {p}", "ORG"
        if slot == "KODIM":
            return f"Kodim {self.kodim_no()}", "ORG"
        if slot == "KORAMIL":
            return f"Koramil {r.randint(1, 20):02d}/{r.choice(v.places[3])[1]}", "ORG"
        if slot == "KPU":
            name, typ = self.region()
            body = r.choice(["KPU", "KPU", "KPUD", "KIP"])
            pre = r.choice(["", "Kabupaten ", "Kota "] if typ == "kota" else ["", "Kabupaten ", "Kab. "])
            return f"{body} {pre}{name}", "ORG"
        if slot == "BAWASLU":
            return f"Bawaslu {self.region()[0]}", "ORG"
        if slot == "KODIM_NO":
            return self.kodim_no(), None
        if slot == "RANK_POL":
            return r.choice(v.rank_pol), None
        if slot == "RANK_TNI":
            return r.choice(v.rank_tni), None
        if slot == "RANK_NCO":
            return r.choice(v.rank_nco), None
        if slot == "DEG":
            return (r.choice(v.degrees) if r.random() < 0.6 else ""), None
        if slot == "TITLE":
            return (r.choice(v.titles) + " " if r.random() < 0.2 else ""), None
        if slot == "POS_POL":
            return r.choice(v.pos_pol), None
        if slot == "DAY":
            return r.choice(v.days), None
        if slot == "DATE":
            d, m = r.randint(1, 28), r.randint(1, 12)
            return r.choice([f"{d}/{m}/2024", f"{d:02d}/{m:02d}/2024", f"{d}/{m}", f"{d:02d}/{m:02d}/24",
                             f"{d:02d}-{m:02d}-2024"]), None
        if slot == "NUM":
            return r.choice([str(r.randint(2, 900)), f"{r.randint(1, 30)}.{r.randint(0, 999):03d}"]), None
        if slot == "TIME":
            return f"{r.randint(6, 23):02d}.{r.choice(['00', '15', '30'])}", None
        if slot == "VERB":
            return r.choice(v.verbs), None
        raise KeyError(f"unknown template slot {{{slot}}}")

    def kodim_no(self) -> str:
        r = self.rng
        num = f"{r.randint(1, 18):02d}{r.randint(1, 30):02d}"
        x = r.random()
        if x < 0.4:
            return f"{num}/{self.region()[0]}"
        if x < 0.7:
            return f"{num}/{''.join(r.choice('ABCDEFGHKLMNPSTU') for _ in range(r.choice([2, 3])))}"
        return num

    def sentence(self) -> tuple[str, list[tuple[int, int, str]]]:
        template = self.rng.choice(self.v.templates)
        parts, spans, pos = [], [], 0
        last = 0
        for m in SLOT_RE.finditer(template):
            lit = template[last:m.start()]
            parts.append(lit)
            pos += len(lit)
            text, label = self.fill(m.group(1))
            if label:
                spans.append((pos, pos + len(text), label))
            parts.append(text)
            pos += len(text)
            last = m.end()
        parts.append(template[last:])
        return "".join(parts), spans


def generate_docs(nlp, names: list[str], n: int, seed: int = 0):
    """``n`` augmented Docs tokenised with ``nlp``'s tokenizer. Sentences whose
    entities do not fall on token boundaries are regenerated."""
    gen = Generator(Vocab(names), seed)
    made = tries = 0
    while made < n and tries < n * 5:
        tries += 1
        text, spans = gen.sentence()
        doc = nlp.make_doc(text)
        ents = [doc.char_span(a, b, label=lab, alignment_mode="strict") for a, b, lab in spans]
        if any(e is None for e in ents):
            continue
        try:
            doc.ents = ents
        except ValueError:  # overlapping spans
            continue
        made += 1
        yield doc


def names_from(sentences) -> list[str]:
    names = set()
    for s in sentences:
        for a, b, lab in s.spans:
            if lab == "PER":
                name = " ".join(s.words[a:b])
                if len(name) <= 4 and name.isupper():  # acronyms (AFP) are noise
                    continue
                if name[:1].isupper() and not any(c in name for c in "()\"“”"):
                    names.add(name)
    return sorted(names)
