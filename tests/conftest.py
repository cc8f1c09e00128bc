"""Shared fixtures: a fresh SQLite file per test, the demo site on a real
local HTTP server, and the bundled sample article. The tests' processes
(and those they start) keep pantau's cache (the regions, the template of new
databases) in a directory of their own, removed at the end, never the user's."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "corpus" / "demo_site"
SAMPLE_HTML = DEMO / "berita" / "polres-muara-enim-amankan-pleno-rekapitulasi-ppk.html"


_CACHE: list[str] = []


def pytest_configure(config):
    _CACHE.append(tempfile.mkdtemp(prefix="pantau-test-cache-"))
    os.environ["PANTAU_CACHE"] = _CACHE[-1]


def pytest_unconfigure(config):
    while _CACHE:
        shutil.rmtree(_CACHE.pop(), ignore_errors=True)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def demo_server():
    from extractor.demo import serve

    with serve(DEMO) as server:
        yield server


@pytest.fixture(scope="session")
def sample_extraction():
    from extractor.html import article_from_html
    from extractor.nlp import extract

    art = article_from_html(SAMPLE_HTML.read_bytes(), "https://warta.example/berita/muara-enim.html")
    return extract(art)


def pytest_terminal_summary(terminalreporter):
    """A green run without the report's browser test must not look like a full
    one: say so in a banner after the results (the skip alone is one 's')."""
    skipped = [r for r in terminalreporter.stats.get("skipped", [])
               if isinstance(r.longrepr, tuple) and "chromium" in str(r.longrepr[-1]).lower()]
    if skipped:
        terminalreporter.write_sep("!", "THE REPORT'S BROWSER TEST DID NOT RUN", red=True, bold=True)
        for r in skipped:
            terminalreporter.write_line(f"SKIPPED {r.nodeid}: {r.longrepr[-1]}", red=True, bold=True)
        terminalreporter.write_line("the charts of report.html were not rendered: this run does not show they work",
                                    red=True, bold=True)
