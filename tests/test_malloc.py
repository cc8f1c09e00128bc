"""glibc's heap kept between articles (extractor/malloc.py): set by the CLI in
its own process, left alone when the user set a threshold, and handed to a
local Dask cluster's workers in place of the nanny's 64 KiB trim."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from extractor.malloc import ENVIRON

GLIBC = sys.platform.startswith("linux") and os.confstr("CS_GNU_LIBC_VERSION") is not None

PROBE = "from extractor.malloc import keep_freed_memory; print(keep_freed_memory())"


def _probe(**env) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")}
    out = subprocess.run([sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True,
                         check=True)
    return out.stdout.strip()


@pytest.mark.skipif(not GLIBC, reason="glibc's mallopt only")
def test_the_thresholds_are_set_on_glibc():
    assert _probe() == "True"


@pytest.mark.parametrize("var", ["MALLOC_TRIM_THRESHOLD_", "MALLOC_MMAP_THRESHOLD_"])
def test_a_users_threshold_wins(var):
    assert _probe(**{var: "131072"}) == "False"


def test_a_local_clusters_workers_keep_the_heap():
    from extractor.cluster import connect

    def environ() -> dict:
        return {k: os.environ.get(k) for k in ENVIRON}

    with connect("local:1", lambda line: None) as client:
        got = list(client.run(environ).values())
    assert got == [ENVIRON]
