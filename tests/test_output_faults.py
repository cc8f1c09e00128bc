"""Exports and reports that cannot be written end in one ``error:`` line, a
non-zero exit and nothing half-written: a path under a file, /proc, /dev/full, a
full disk (a file-size limit, which fails writes as a full disk does), a
read-only directory. Each case runs the CLI in its own process."""

import os
import resource
import signal
import subprocess
import sys

import pytest

from .conftest import ROOT
from .research_db import research_db


@pytest.fixture(scope="module")
def db():
    return research_db()


def pantau(*args, limit_bytes=None):
    def limits():
        if limit_bytes is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    got = subprocess.run([sys.executable, str(ROOT / "pipeline.py"), *map(str, args)], capture_output=True, text=True,
                         cwd=ROOT, timeout=300, preexec_fn=limits)
    return got.returncode, got.stdout, got.stderr


def one_error_line(code, err, *words):
    lines = err.strip().splitlines()
    assert code != 0 and len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err and all(w in lines[0] for w in words), err


@pytest.mark.parametrize("verb", [["export", "events"], ["report"]])
def test_a_path_under_a_file(db, tmp_path, verb):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, _, err = pantau(*verb, "--db", db, "--out", blocker / "sub")
    one_error_line(code, err, "cannot write", str(blocker / "sub"))


@pytest.mark.parametrize("verb", [["export", "all"], ["report"]])
@pytest.mark.parametrize("where", ["/proc/pantau-x", "/dev/full/x", "/dev/full"])
def test_places_that_are_not_folders(db, verb, where):
    code, _, err = pantau(*verb, "--db", db, "--out", where)
    one_error_line(code, err)


@pytest.fixture(scope="module")
def db_no_wal(db, tmp_path_factory):
    """The database without a write-ahead log, so that reading it writes nothing."""
    import sqlite3

    path = tmp_path_factory.mktemp("nowal") / "pantau.db"
    src = sqlite3.connect(db)
    dst = sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.execute("pragma journal_mode = delete")
    dst.close()
    assert not path.with_name("pantau.db-wal").exists()
    return path


@pytest.mark.parametrize("verb, fmt", [(["export", "articles"], "csv"), (["export", "articles"], "parquet"),
                                       (["export", "all"], "jsonl"), (["report"], None)])
def test_a_full_disk_leaves_nothing_half_written(db_no_wal, tmp_path, verb, fmt):
    out = tmp_path / "out"
    args = [*verb, "--db", db_no_wal, "--out", out] + (["--format", fmt] if fmt else [])
    code, _, err = pantau(*args, limit_bytes=4096)
    one_error_line(code, err, "cannot write")
    assert not list(out.glob("*.part"))
    assert not (out / "report.html").exists() and not list(out.glob("articles.*"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder(db, tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    try:
        for verb in (["export", "events"], ["report"]):
            code, _, err = pantau(*verb, "--db", db, "--out", out)
            one_error_line(code, err, "cannot write")
    finally:
        out.chmod(0o700)
