"""Hand-written domain check set: ``domain/domain_check.txt`` (inline
``[text](LABEL)`` annotation) -> CoNLL (``domain/domain_check.conll``) with
pantau's tokenizer. ``python -m extractor.nlp.training.domain`` rewrites the
CoNLL file; evaluate with ``extractor.nlp.ner_eval.evaluate_file``."""
from __future__ import annotations

import re
from pathlib import Path

DIR = Path(__file__).with_name("domain")
SRC = DIR / "domain_check.txt"
CONLL = DIR / "domain_check.conll"
ANN = re.compile(r"\[([^\]]+)\]\((PER|ORG|LOC|O)\)")


def parse(line: str) -> tuple[str, list[tuple[int, int, str]]]:
    text, spans, pos, last = [], [], 0, 0
    for m in ANN.finditer(line):
        lit = line[last:m.start()]
        text.append(lit)
        pos += len(lit)
        if m.group(2) != "O":
            spans.append((pos, pos + len(m.group(1)), m.group(2)))
        text.append(m.group(1))
        pos += len(m.group(1))
        last = m.end()
    text.append(line[last:])
    return "".join(text), spans


def main() -> None:
    from extractor.nlp.tokenizer import make_nlp

    nlp = make_nlp()
    out = []
    for line in SRC.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        text, spans = parse(line)
        doc = nlp.make_doc(text)
        ents = [doc.char_span(a, b, label=lab, alignment_mode="strict") for a, b, lab in spans]
        if any(e is None for e in ents):
            raise ValueError(f"entity not on token boundaries: {line}")
        doc.ents = ents
        for t in doc:
            if t.is_space:
                continue
            tag = "O" if not t.ent_type_ else f"{t.ent_iob_}-{t.ent_type_}"
            out.append(f"{t.text}\t{tag}")
        out.append("")
    CONLL.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {CONLL}")


if __name__ == "__main__":
    main()
