"""Train pantau's Indonesian NER model (PER, ORG, LOC).

    python -m extractor.nlp.training [--data DIR] [--out DIR] [--augment N] ...

Reads idner-news-2k and NERGRIT from ``<repo>/../shared/data/ner`` (or
``--data``), converts them to DocBin files under ``<repo>/build/ner`` (not
committed), trains with ``extractor/nlp/training/ner.cfg``, evaluates on both
dev sets (gold tokenisation, exact spans) and writes the pipeline to
``extractor/nlp/models/ner-id`` (or ``--out``).
"""
from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from extractor.nlp.model import MODEL_DIR

TRAINING_DIR = Path(__file__).resolve().parent
REPO_ROOT = TRAINING_DIR.parents[2]
MODEL_NAME = "pantau_ner_id"
MODEL_VERSION = "1.0.0"
#: the spaCy versions the shipped model is written for (meta.json): setup.cfg installs 3.7 on Python < 3.12, 3.8 may run
SPACY_VERSIONS = ">=3.7.5,<3.9.0"
DEFAULT_CONFIG = TRAINING_DIR / "ner.cfg"
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data" / "ner"
DEFAULT_BUILD = REPO_ROOT / "build" / "ner"
DEFAULT_AUGMENT = 1500


# --------------------------------------------------------------- training

def _log(msg: str) -> None:
    print(msg, flush=True)


def _parse_value(text: str):
    try:
        return json.loads(text)
    except ValueError:
        return text


def build_data(args, nlp) -> tuple[Path, Path, dict]:
    from extractor.nlp.training import augment, convert

    build = Path(args.build)
    map_labels = not args.baseline
    train_sents, dev_sents, stats = [], [], {}
    for spec in convert.CORPORA:
        tr = convert.load(args.data, spec, "train", map_labels)
        dv = convert.load(args.data, spec, "dev", map_labels)
        repeat = args.oversample.get(spec.name, 1)
        stats[spec.name] = {"train": len(tr), "dev": len(dv), **({"repeat": repeat} if repeat != 1 else {})}
        train_sents += tr * repeat
        dev_sents += dv
    if args.baseline:  # re-tokenise the joined words with the plain tokenizer
        train_docs = list(convert.raw_text_docs(nlp, train_sents))
    else:
        train_docs = list(convert.sentences_to_docs(nlp.vocab, train_sents))
    if args.augment > 0:
        names = augment.names_from(train_sents)
        aug = list(augment.generate_docs(nlp, names, args.augment, seed=args.seed))
        stats["augmented"] = len(aug)
        train_docs += aug
    dev_docs = convert.sentences_to_docs(nlp.vocab, dev_sents)
    train_path, dev_path = build / "train.spacy", build / "dev.spacy"
    n_train = convert.write_docbin(train_docs, train_path)
    n_dev = convert.write_docbin(dev_docs, dev_path)
    _log(f"[data] {n_train} training docs -> {train_path}; {n_dev} dev docs -> {dev_path}; {stats}")
    return train_path, dev_path, stats


def evaluate_dev(nlp, data_dir: Path, baseline: bool = False) -> dict:
    from extractor.nlp.ner_eval import evaluate_file
    from extractor.nlp.training import convert

    scores = {}
    for spec in convert.CORPORA:
        path = Path(data_dir) / spec.subdir / spec.dev
        res = evaluate_file(path, spec.fmt, None if baseline else spec.label_map, nlp=nlp)
        scores[f"{spec.name}/{spec.dev}"] = {
            "overall": {k: round(res["overall"][k], 4) for k in ("p", "r", "f")},
            "per_label": {lab: round(s["f"], 4) for lab, s in res["per_label"].items()},
        }
    return scores


def finalize(best_dir: Path, out_dir: Path, scores: dict, stats: dict, args) -> None:
    """Copy the trained pipeline to ``out_dir`` with meta and a config that
    loads without pantau's callbacks."""
    from thinc.api import Config

    if out_dir.exists():
        shutil.rmtree(out_dir)
    shutil.copytree(best_dir, out_dir)
    cfg = Config().from_disk(out_dir / "config.cfg", interpolate=False)
    cfg["initialize"]["before_init"] = None
    cfg["paths"]["train"] = None
    cfg["paths"]["dev"] = None
    cfg.to_disk(out_dir / "config.cfg")
    meta_path = out_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update({
        # loads and gives the same entities under spaCy 3.7.5 and 3.8 (the 3.7 wheels are the fast ones on
        # Python < 3.12: setup.cfg); spaCy warns (W095) when the running version is outside this range
        "spacy_version": SPACY_VERSIONS,
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "description": "Indonesian NER (PER, ORG, LOC) for regional election-security news; "
                       "CNN tok2vec + transition-based NER, pantau tokenizer.",
        "license": "MIT (idner-news-2k) / Apache-2.0 (NERGRIT) training data",
        "sources": [
            {"name": "idner-news-2k", "license": "MIT", "author": "Khairunnisa et al., 2020"},
            {"name": "NERGRIT (IndoNLU)", "license": "Apache-2.0"},
        ],
        "pantau": {
            "dev_scores": scores,
            "training": {"augment": args.augment, "seed": args.seed, "corpora": stats,
                         "config": str(Path(args.config).name),
                         "overrides": args.set or []},
        },
    })
    meta.pop("performance", None)
    meta["performance"] = {k: v["overall"]["f"] for k, v in scores.items()}
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m extractor.nlp.training", description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="dir with idner-news-2k/ and nergrit/")
    ap.add_argument("--out", type=Path, default=MODEL_DIR, help="where the final pipeline is written")
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    ap.add_argument("--build", type=Path, default=DEFAULT_BUILD, help="scratch dir for DocBins and checkpoints")
    ap.add_argument("--augment", type=int, default=DEFAULT_AUGMENT, help="number of template sentences (0: none)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-steps", type=int, default=None)
    ap.add_argument("--max-epochs", type=int, default=None)
    ap.add_argument("--set", action="append", metavar="KEY=VALUE",
                    help="config override, e.g. components.tok2vec.model.encode.width=128")
    ap.add_argument("--oversample", action="append", default=[], metavar="CORPUS=K",
                    help="repeat a corpus's training sentences K times, e.g. idner-news-2k=2")
    ap.add_argument("--baseline", action="store_true",
                    help="plain spaCy tokenizer, raw NERGRIT labels, re-tokenised training text")
    args = ap.parse_args(argv)
    try:
        args.oversample = {k.strip(): int(v) for k, _, v in (o.partition("=") for o in args.oversample)}
    except ValueError:
        ap.error("--oversample takes CORPUS=K with an integer K")
    args.data = args.data.resolve()
    args.build = args.build.resolve()
    args.out = args.out.resolve()

    import spacy
    from spacy.cli.train import train as spacy_train

    from extractor.nlp.tokenizer import make_nlp

    _log(f"[read ] data   {args.data}")
    _log(f"[read ] config {args.config}")
    _log(f"[write] build  {args.build}")
    _log(f"[write] model  {args.out}")
    if not (args.data / "idner-news-2k").is_dir():
        _log(f"error: {args.data} has no idner-news-2k/ (use --data)")
        return 2

    nlp = spacy.blank("id") if args.baseline else make_nlp()
    train_path, dev_path, stats = build_data(args, nlp)

    overrides = {"paths.train": str(train_path), "paths.dev": str(dev_path),
                 "system.seed": args.seed}
    if args.baseline:
        overrides["initialize.before_init"] = None
        overrides["corpora.train.gold_preproc"] = False
        overrides["corpora.dev.gold_preproc"] = False
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    if args.max_epochs is not None:
        overrides["training.max_epochs"] = args.max_epochs
    for item in args.set or []:
        key, _, value = item.partition("=")
        overrides[key.strip()] = _parse_value(value.strip())
    run_dir = args.build / "run"
    if run_dir.exists():
        shutil.rmtree(run_dir)
    t0 = time.time()
    spacy_train(args.config, run_dir, use_gpu=-1, overrides=overrides)
    _log(f"[train] done in {time.time() - t0:.0f}s")

    best = spacy.load(run_dir / "model-best")
    scores = evaluate_dev(best, args.data, baseline=args.baseline)
    for name, s in scores.items():
        _log(f"[dev  ] {name:28s} P={s['overall']['p']:.4f} R={s['overall']['r']:.4f} "
             f"F={s['overall']['f']:.4f}  {s['per_label']}")
    finalize(run_dir / "model-best", args.out, scores, stats, args)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    _log(f"[write] model {args.out} ({size / 1e6:.1f} MB)")
    print(json.dumps(scores))
    return 0
