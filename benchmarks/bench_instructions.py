"""Instructions executed, counted by valgrind: a measure of CPU work that the
machine's speed does not move. On a shared VM whose speed drifts by 30-50%
within an hour, two runs of the same code read 62 and 77 articles/s; the
instruction count of a run is the same to a few parts in ten thousand.

    python benchmarks/bench_instructions.py                  # this tree: start-up, per article, the reference
    python benchmarks/bench_instructions.py /path/to/other   # and another tree (a git worktree), side by side
    python benchmarks/bench_instructions.py --n 200

Each tree runs once uncounted (as its first run would, it fills the cache
directory: the regions, the template of new databases), then ``pipeline.py
ingest FILE --all`` in one process (no ``--workers``) under ``valgrind
--tool=cachegrind --cache-sim=no`` (about 16 times slower than a plain run)
into a new database, twice: on the first
page of ``generate.py``'s N pages (seed 7), which is the start-up (imports, a
new database, the model) and one article, and on all N. Per article is the
difference over N - 1. The reference is trafilatura's ``extract()`` and a
``spacy.blank("id")`` tokenizer over the same N pages, in one process, with
its own start-up taken off the same way: its ratio is what ``bench_e2e.py``'s
"CPU x ref" column estimates from timings.

What it does not see: time in the kernel (page faults, I/O: the
``memory.py`` changes show in ``bench_ab.py`` and ``/usr/bin/time``, not
here), waiting, and the cost of an instruction, which differs with the
caches (a change that saves instructions may not save as much time).
Needs valgrind (``apt install valgrind``); prints a note and exits 0 without it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from bench_e2e import byte_compile  # noqa: E402
from generate import generate  # noqa: E402

REFERENCE = """
import json, sys
import spacy, trafilatura
nlp = spacy.blank("id")
for line in open(sys.argv[1], encoding="utf-8"):
    nlp(trafilatura.extract(json.loads(line)["html"]) or "")
"""


def instructions(cmd: list[str], cwd: Path, env: dict) -> int:
    """Instructions ``cmd`` executes (valgrind's ``I refs``, summed over the
    processes it forks). ``cmd`` starts with
    ``sys.executable``, the interpreter itself: under a launcher script (pyenv's
    shims) valgrind would count the script's shell."""
    vg = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    proc = subprocess.run(vg + cmd, cwd=cwd, env=env, capture_output=True, text=True)
    # one summary per process: a run that forks (a pool of workers) counts every process it made
    counts = re.findall(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    if proc.returncode != 0 or not counts:
        raise SystemExit(f"{' '.join(cmd)} failed under valgrind: {proc.stderr.strip()[-800:]}")
    return sum(int(c.replace(",", "")) for c in counts)


def ingest(tree: Path, pages: Path, counted: bool = True) -> int:
    """Instructions of ``pipeline.py ingest PAGES`` into a new database (with
    ``counted=False``, run without valgrind and 0 returned)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, PYTHONPATH=str(tree), OPENBLAS_NUM_THREADS="1")
        cmd = [sys.executable, str(tree / "pipeline.py"), "ingest", str(pages), "--db", str(Path(tmp) / "i.db"),
               "--all"]
        if not counted:
            subprocess.run(cmd, cwd=tree, env=env, capture_output=True, check=True)
            return 0
        return instructions(cmd, tree, env)


def reference(pages: Path) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "reference.py"
        script.write_text(REFERENCE, encoding="utf-8")
        return instructions([sys.executable, str(script), str(pages)], ROOT, dict(os.environ))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("other", type=Path, nargs="?", help="another tree (a git worktree of another commit)")
    ap.add_argument("--n", type=int, default=100, help="generated pages (default 100)")
    a = ap.parse_args()
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt install valgrind): nothing measured")
        return
    pages = generate(a.n, HERE / "out" / f"articles-{a.n}.jsonl")
    one = HERE / "out" / "articles-1-of-{}.jsonl".format(a.n)
    one.write_text(pages.read_text("utf-8").splitlines()[0] + "\n", encoding="utf-8")
    trees = {"this": ROOT, **({"other": a.other.resolve()} if a.other else {})}
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, {a.n} pages of generate.py (seed 7), one process, valgrind cachegrind")
    print(f"{'run':<40} {'start-up + 1':>14} {'per article':>13} {'x reference':>11}")
    ref_one, ref_all = reference(one), reference(pages)
    ref_per = (ref_all - ref_one) / (a.n - 1)
    print(f"{'trafilatura + blank tokenizer':<40} {ref_one / 1e9:>12.2f} G {ref_per / 1e6:>11.2f} M {1.0:>11.2f}")
    per: dict[str, float] = {}
    for name, tree in trees.items():
        byte_compile(tree)
        ingest(tree, one, counted=False)  # what a first run leaves in the cache (regions, the new-database template)
        start, total = ingest(tree, one), ingest(tree, pages)
        per[name] = (total - start) / (a.n - 1)
        print(f"{f'pantau ({name}: {tree})':<40} {start / 1e9:>12.2f} G {per[name] / 1e6:>11.2f} M "
              f"{per[name] / ref_per:>11.2f}", flush=True)
    if "other" in per:
        print(f"this / other per article: {per['this'] / per['other']:.3f}")


if __name__ == "__main__":
    main()
