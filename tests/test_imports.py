"""Imports point one way: no cycle among extractor's modules (function-local
imports included), the runtime never imports the training package, and bs4,
spaCy and sqlite-utils each enter through one sub-package. Read from the
source with ast, so nothing is imported to check it."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "extractor"
TRAINING = "extractor.nlp.training"
#: foreign package -> the only part of extractor that may import it
FOREIGN = {"bs4": "extractor.html", "spacy": "extractor.nlp", "thinc": "extractor.nlp",
           "sqlite_utils": "extractor.store"}


def modules(root: Path = PACKAGE) -> dict[str, Path]:
    out = {}
    for f in root.rglob("*.py"):
        parts = list(f.with_suffix("").relative_to(root.parent).parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = f
    return out


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every module ``name`` imports anywhere in its body: extractor modules by
    their full name (``from . import x`` resolved), foreign ones by their top name."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        for t in targets:
            if not t.startswith("extractor"):
                found.add(t.split(".")[0])
                continue
            while t not in known and "." in t:
                t = t.rsplit(".", 1)[0]
            if t in known and t != name:
                found.add(t)
    return found


def graph(known: dict[str, Path]) -> dict[str, set[str]]:
    return {m: {i for i in imports(m, p, known) if i in known} for m, p in known.items()}


def cycles(g: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(g[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(g):
        if v not in index:
            visit(v)
    return out


def in_package(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_no_import_cycle():
    assert cycles(graph(modules())) == []


def test_the_runtime_never_imports_training_code():
    g = graph(modules())
    wrong = {m: sorted(d for d in deps if in_package(d, TRAINING))
             for m, deps in g.items() if not in_package(m, TRAINING)}
    assert {m: d for m, d in wrong.items() if d} == {}


@pytest.mark.parametrize("foreign, home", sorted(FOREIGN.items()))
def test_a_foreign_package_enters_through_one_sub_package(foreign, home):
    known = modules()
    users = sorted(m for m, p in known.items() if foreign in imports(m, p, known) and not in_package(m, home))
    assert users == []


def test_the_checks_see_a_cycle_and_a_training_import(tmp_path):
    """The walker itself: a made-up package with a cycle through a
    function-local import, and a runtime module importing training code."""
    pkg = tmp_path / "extractor"
    (pkg / "nlp" / "training").mkdir(parents=True)
    for init in (pkg, pkg / "nlp", pkg / "nlp" / "training"):
        (init / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from .b import x\n")
    (pkg / "b.py").write_text("def x():\n    from . import a\n")
    (pkg / "nlp" / "pipeline.py").write_text("from .training import train\n")
    (pkg / "nlp" / "training" / "train.py").write_text("from ..pipeline import load\n")
    known = modules(pkg)
    g = graph(known)
    assert ["extractor.a", "extractor.b"] in cycles(g)
    assert "extractor.nlp.training.train" in g["extractor.nlp.pipeline"]
