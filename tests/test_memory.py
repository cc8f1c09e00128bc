"""How a pantau process manages its memory (extractor/memory.py): glibc's heap
kept between articles, set by the CLI in its own process, left alone when the
user set a threshold, and set by Dask workers in place of the nanny's 64 KiB
trim; the long-lived structures built with the cyclic collector paused and
frozen after."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

import pytest

from extractor.memory import DASK_DEFAULT_TRIM, paused_gc, without_gc

GLIBC = sys.platform.startswith("linux") and os.confstr("CS_GNU_LIBC_VERSION") is not None

PROBE = "from extractor.memory import keep_freed_memory as k; print(k(), k(dask_worker=True))"


def _probe(**env) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    out = subprocess.run([sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True,
                         check=True)
    return out.stdout.strip()


@pytest.mark.skipif(not GLIBC, reason="glibc's mallopt only")
def test_the_thresholds_are_set_on_glibc():
    assert _probe() == "True True"


@pytest.mark.parametrize("var", ["MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_"])
def test_a_users_threshold_wins(var):
    assert _probe(**{var: "131072"}) == "False False"


@pytest.mark.skipif(not GLIBC, reason="glibc's mallopt only")
def test_a_dask_worker_replaces_the_nannys_default_trim_only():
    assert _probe(MALLOC_TRIM_THRESHOLD_=DASK_DEFAULT_TRIM) == "False True"


@pytest.mark.skipif(not GLIBC, reason="glibc's mallopt only")
def test_a_local_clusters_workers_keep_the_heap(monkeypatch):
    """Whatever an earlier cluster in this process left in the environment
    (the nanny writes its settings into the driver's), each worker sets the
    thresholds when it prepares itself."""
    from extractor.cluster import connect, warm

    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", DASK_DEFAULT_TRIM)
    with connect("local:1", lambda line: None) as client:
        said = list(warm(client).values())
    assert [s["heap_kept"] for s in said] == [True]


@pytest.fixture
def thawed():
    gc.unfreeze()
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    gc.enable() if enabled else gc.disable()


def test_a_paused_block_freezes_what_it_built_and_resumes_the_collector(thawed):
    gc.enable()
    with paused_gc():
        assert not gc.isenabled()
        built = [[i] for i in range(5000)]
    assert gc.isenabled() and gc.get_freeze_count() >= len(built)


def test_the_collector_resumes_when_the_builder_fails(thawed):
    gc.enable()

    @without_gc
    def broken():
        assert not gc.isenabled()
        raise ValueError("no data file")

    with pytest.raises(ValueError):
        broken()
    assert gc.isenabled()


def test_a_paused_collector_is_left_as_it_was(thawed):
    gc.disable()
    with paused_gc():
        pass
    assert not gc.isenabled() and gc.get_freeze_count() == 0


def _gc_probe(nlp, name):
    _GC_SEEN.append(gc.isenabled())
    return lambda doc: doc


_GC_SEEN: list = []


def test_the_rule_components_are_built_with_the_collector_paused_though_spacys_loader_resumes_it(thawed,
                                                                                                  monkeypatch):
    """srsly's msgpack reader switches the collector on while the model loads:
    the rule components built after it are built with it paused all the same."""
    import spacy
    from spacy.language import Language

    from extractor.nlp import pipeline

    if not Language.has_factory("pantau_test_gc_probe"):
        Language.factory("pantau_test_gc_probe", func=_gc_probe)

    def base():
        nlp = spacy.blank("xx")
        gc.enable()  # as srsly.msgpack_loads does when it is done
        return nlp

    gc.disable()
    monkeypatch.setattr(pipeline, "_base", base)
    monkeypatch.setattr(pipeline, "COMPONENTS", ("pantau_test_gc_probe",))
    _GC_SEEN.clear()
    pipeline.load.cache_clear()
    try:
        pipeline.load()
    finally:
        pipeline.load.cache_clear()
    assert _GC_SEEN == [False] and gc.isenabled()
