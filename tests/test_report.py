"""The HTML report: self-contained, every number linked to its evidence,
filters, and the charts drawn without console errors in a real headless
Chromium (driven over the DevTools pipe)."""

import base64
import html
import json
import os
import re
import select
import shutil
import sqlite3
import subprocess
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.queries import Filters
from extractor.report import EVIDENCE_CAP, collect, write_report

from .research_db import MEDAN_URLS, research_db

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def db():
    return research_db()


@pytest.fixture(scope="module")
def report(db, tmp_path_factory):
    return write_report(db, tmp_path_factory.mktemp("report"), Filters())


class Page(HTMLParser):
    """Ids, links (with their class), script/style/link sources, and the text of
    each evidence section."""

    def __init__(self, text):
        super().__init__()
        text = re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", text, flags=re.S)  # plotly.js is 4 MB
        self.ids, self.links, self.external = set(), [], []
        self.sections: dict[str, dict] = {}
        self._section = None
        self._quote = None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append((a["href"], a.get("class", "")))
            if self._section is not None and not a["href"].startswith("#"):
                self.sections[self._section]["urls"].append(a["href"])
        if tag in ("script", "img", "iframe") and a.get("src") or tag == "link" and a.get("href"):
            self.external.append(a.get("src") or a.get("href"))
        if tag == "section" and a.get("id", "").startswith("ev-"):
            self._section = a["id"]
            self.sections[self._section] = {"urls": [], "quotes": []}
        if tag == "blockquote":
            self._quote = []

    def handle_endtag(self, tag):
        if tag == "blockquote" and self._quote is not None:
            self.sections[self._section]["quotes"].append("".join(self._quote))
            self._quote = None
        if tag == "section":
            self._section = None

    def handle_data(self, data):
        if self._quote is not None:
            self._quote.append(data)


def test_the_report_is_self_contained(report):
    text = report.read_text("utf-8")
    page = Page(text)
    assert page.external == []  # no <script src>, <link href>, <img src>: plotly.js is inlined
    assert "Plotly.newPlot" in text  # (the browser test checks that nothing is fetched)
    assert len(re.findall(r"<script[^>]*>", text)) >= 4  # plotly.js, then one per chart


def test_every_number_links_to_articles_and_sentences(report, db):
    page = Page(report.read_text("utf-8"))
    conn = sqlite3.connect(db)
    texts = {u: t for u, t in conn.execute("select url, text from articles")}
    quotes = {t for (t,) in conn.execute("select text from quotes")}
    numbers = [href for href, cls in page.links if cls == "n"]
    assert len(numbers) > 30
    main_part = report.read_text("utf-8").split('<h2 id="evidence">')[0]
    cells = re.findall(r'<td class=r>(.*?)</td>|<div class="v">(.*?)</div>', main_part)
    assert len(cells) > 30
    for cell in ("".join(c) for c in cells):  # every count on the page is a link (or a zero, or unknown)
        assert re.fullmatch(r'<a class="n" href="#ev-[^"]+">[\d,.%]+</a>|<span class="n0">0(\.0%)?</span>|–', cell), cell
    for href in numbers:
        assert href.startswith("#ev-") and href[1:] in page.sections, href
    for gid, sec in page.sections.items():
        assert sec["urls"], gid
        for url, quote in zip(sec["urls"], sec["quotes"]):
            if gid.startswith("ev-err-"):
                continue
            assert url in texts, url
            sentence = quote.strip("…").strip()
            if sentence.startswith("“"):  # a quote
                assert sentence.strip("“”") in quotes
            else:
                assert sentence in texts[url], (gid, sentence)


def test_the_numbers_are_the_databases(db):
    data = collect(db, Filters())
    conn = sqlite3.connect(db)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    assert data["articles"] == one("select count(*) from articles")
    assert data["events"] == one("select count(*) from events")
    assert data["stories"] == one("select count(*) from stories")
    assert data["quotes"] == one("select count(*) from quotes")
    assert data["duplicates"] == data["articles"] - data["stories"] >= 1
    assert data["personnel"] == one("select coalesce(sum(personnel), 0) from personnel_by_stage")
    assert sum(r["events"] for r in data["kabupaten"]) == data["events"]
    weekly = {(w, t): n for w, t, n in conn.execute("select week, type, sum(events) from events_by_week group by 1, 2")}
    assert {k: c["n"] for k, c in data["week_cells"].items()} == weekly
    medan = [r for r in data["kabupaten"] if r["name"] == "Kota Medan"][0]
    assert (medan["events"], medan["unique"], medan["personnel"]) == (2, 1, 350)
    top = data["quoted"][0]
    assert top["quotes"] >= 2 and top["name"]
    warnings = {w["what"]: w["n"] for w in data["warnings"]}
    assert warnings["failures at the input stage"] == 1  # the broken JSONL line
    assert warnings.get("dates flagged weekday_mismatch", 0) == one(
        "select count(*) from date_mentions where flag = 'weekday_mismatch'")


def test_filters_narrow_the_report(db, tmp_path, capsys):
    data = collect(db, Filters(kabupaten="Medan"))
    assert {r["name"] for r in data["kabupaten"]} == {"Kota Medan"} and data["events"] == 2
    assert {a for o in data["outlets"] for a in [o["outlet"]]} == {"Medan Pos (test)", "Sumut Daily (test)"}
    assert collect(db, Filters(since="2024-12-01", event_type="patrol"))["events"] == 0
    code = main(["report", "--db", str(db), "--out", str(tmp_path), "--province", "Sumatera Utara",
                 "--since", "2024-11-01"])
    out = capsys.readouterr().out.strip()
    assert code == 0 and out == str(tmp_path / "report.html")
    text = (tmp_path / "report.html").read_text("utf-8")
    assert "--province Sumatera Utara" in html.unescape(text) and MEDAN_URLS[0] in text
    assert "https://sumsel.example/lahat-logistik" not in text


def test_an_empty_database_still_makes_a_report(tmp_path):
    from extractor.store import Store

    Store(tmp_path / "empty.db").close()
    path = write_report(tmp_path / "empty.db", tmp_path / "out")
    text = path.read_text("utf-8")
    assert "No events in scope." in text and "Plotly.newPlot" not in text


def test_evidence_lists_are_capped_with_a_way_to_the_rest(db):
    from extractor.report import Evidence, Item

    ev = Evidence()
    gid = ev.add("many", "Many", [Item("u", "t", "", "", "s")] * (EVIDENCE_CAP + 5), "pantau query event_details")
    assert len(ev.groups[gid].items) == EVIDENCE_CAP and ev.groups[gid].total == EVIDENCE_CAP + 5


# -- a real browser ---------------------------------------------------------------------------------------
class Chromium:
    """Headless Chromium driven over --remote-debugging-pipe (fds 3 and 4):
    console errors and exceptions are collected from the DevTools events."""

    FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--remote-debugging-pipe", "--window-size=1280,900"]

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="pantau-chromium-")
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()

        def child_fds():  # the pipe ends become fds 3 and 4, inheritable
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen([binary, *self.FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                     preexec_fn=child_fds, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.w = os.fdopen(to_chrome_w, "wb", buffering=0)
        self.r = os.fdopen(from_chrome_r, "rb", buffering=0)
        self.buf, self.next_id, self.events = b"", 0, []

    def _message(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer")
            if select.select([self.r], [], [], left)[0]:
                chunk = self.r.read(1 << 16)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.w.write(json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            got = self._message(deadline)
            if got.get("id") == self.next_id:
                if "error" in got:
                    raise RuntimeError(f"{method}: {got['error']}")
                return got["result"]
            self.events.append(got)

    def wait_for(self, method, timeout=60):
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._message(deadline))

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        s = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
            self.send(domain, session=s)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=s)
        self.send("Page.navigate", {"url": url}, session=s)
        self.wait_for("Page.loadEventFired")
        return s

    def errors(self):
        out = []
        for e in self.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.exceptionThrown":
                out.append(p["exceptionDetails"].get("exception", {}).get("description") or p["exceptionDetails"]["text"])
            elif m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append(" ".join(str(a.get("value", a.get("description"))) for a in p.get("args", [])))
            elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append(p["entry"]["text"])
        return out

    def close(self):
        try:
            self.send("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium'; .ci/run installs it)")
def test_charts_render_in_headless_chromium_without_console_errors(report, tmp_path):
    browser = Chromium(CHROMIUM)
    try:
        s = browser.open(report.resolve().as_uri())
        deadline = time.monotonic() + 30
        while True:
            got = browser.send("Runtime.evaluate", {"returnByValue": True, "expression": """JSON.stringify(
                [...document.querySelectorAll('.js-plotly-plot')].map(d => ({
                    id: d.id, svg: d.querySelectorAll('svg.main-svg').length,
                    bars: d.querySelectorAll('.bars .point path').length,
                    width: d.getBoundingClientRect().width})))"""}, session=s)
            charts = json.loads(got["result"]["value"])
            if len(charts) == 3 and all(c["bars"] for c in charts) or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert [c["id"] for c in charts] == ["chart-weeks", "chart-provinces", "chart-kabupaten"]
        assert all(c["svg"] >= 1 and c["bars"] >= 1 and c["width"] > 600 for c in charts), charts
        # a click on a bar goes to its evidence
        browser.send("Runtime.evaluate", {"expression": """(() => { const d = document.getElementById('chart-weeks');
            d.emit('plotly_click', {points: [{customdata: d.data[0].customdata.find(Boolean)}]}); })()"""}, session=s)
        target = browser.send("Runtime.evaluate", {"expression": "location.hash", "returnByValue": True}, session=s)
        assert target["result"]["value"].startswith("#ev-week-")
        browser.send("Runtime.evaluate", {"expression": "location.hash = ''; window.scrollTo(0, 0)"}, session=s)
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=s)
        png = base64.b64decode(shot["data"])
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
        keep = os.environ.get("PANTAU_REPORT_PNG")  # look at the first screen: PANTAU_REPORT_PNG=/tmp/first.png
        (Path(keep) if keep else tmp_path / "first-screen.png").write_bytes(png)
        assert browser.errors() == []
        fetched = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
        assert fetched and all(u.startswith(("file:", "data:", "about:")) for u in fetched), fetched  # offline
    finally:
        browser.close()
