"""The HTML report: self-contained, every number counting exactly the evidence
it links to, evidence items that are real sentences of real articles, filters,
and the page drawn, clicked and printed without console errors in a real
headless Chromium (driven over the DevTools pipe: tests/chromium.py)."""

import base64
import html
import json
import os
import re
import sqlite3
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extractor.cli import main
from extractor.command_report import release_counts
from extractor.queries import Filters
from extractor.report import collect, write_report

from .chromium import CHROMIUM, Chromium
from .research_db import MEDAN_URLS, research_db


@pytest.fixture(scope="module")
def db():
    return research_db()


@pytest.fixture(scope="module")
def report(db, tmp_path_factory):
    return write_report(db, tmp_path_factory.mktemp("report"), Filters())


class Page(HTMLParser):
    """Ids, links (with their class), external sources, and the evidence payload."""

    def __init__(self, text):
        super().__init__()
        m = re.search(r'<script type="application/json" id="evidence-data">(.*?)</script>', text, re.S)
        self.payload = json.loads(m.group(1).replace("<\\/", "</"))
        self.ids, self.links, self.external = set(), [], []
        self.feed(re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", text, flags=re.S))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append((a["href"], a.get("class", "")))
        if tag in ("script", "img", "iframe") and a.get("src") or tag == "link" and a.get("href"):
            self.external.append(a.get("src") or a.get("href"))

    def title(self, gid):
        """A group's title (a single-release part takes its figure's)."""
        t, hint, _ = self.payload["g"][gid]
        return t if t is not None else self.payload["g"][hint][0] + ": resting on a single press release"

    def group(self, gid):
        """[(item key, url, sentence, label)] of an evidence group."""
        p = self.payload
        out = []
        for i in p["g"][gid][2]:
            key, s, label, _, _ = p["i"][i]
            aid, sentence = p["s"][s]
            out.append((key, p["a"][aid][0], sentence, label))
        return out


def test_the_report_is_self_contained(report):
    text = report.read_text("utf-8")
    page = Page(text)
    assert page.external == []  # no <script src>, <link href>, <img src>; the browser test checks nothing is fetched
    assert text.count("<svg") >= 4  # the map, the timeline, the two region charts: static SVG, no chart library
    assert "plotly" not in text.lower() and 'class="map"' in text
    for section in ("summary", "map", "timeline", "regions", "personnel", "who", "command", "quoted", "sources",
                    "warnings", "codebook", "evidence"):
        assert f'href="#{section}"' in text and section in page.ids  # the table of contents


def test_every_number_counts_the_evidence_it_links_to(report, db):
    text = report.read_text("utf-8")
    page = Page(text)
    conn = sqlite3.connect(db)
    texts = {u: t for u, t in conn.execute("select url, text from articles")}
    quotes = {t for (t,) in conn.execute("select text from quotes")}
    main_part = text.split('<h2 id="evidence">')[0]
    numbers = re.findall(r'<a class="n" href="#(ev-[^"]+)">([\d,.%]+)</a>', main_part)
    assert len(numbers) > 30
    for gid, shown in numbers:
        assert gid in page.payload["g"], gid
        if not shown.endswith("%") and "personnel" not in page.title(gid).lower() \
                and not gid.startswith(("ev-pers-", "ev-dep-")):
            assert int(shown.replace(",", "")) == len(page.payload["g"][gid][2]), (gid, shown)
    cells = re.findall(r'<td class=r>(.*?)</td>|<div class="v">(.*?)</div>', main_part)
    assert len(cells) > 30
    number = r'(?:<a class="n" href="#ev-[^"]+">[\d,.%]+</a>|<span class="n0">[\d.,%]+</span>|–|\d+)'
    single = r'(?: <span class="sr">\((?:<a class="n" href="#ev-[^"]+-s">[\d,]+</a>|0)\)</span>)?'
    for cell in ("".join(c) for c in cells):  # every count on the page is a link (or a zero, or unknown)
        assert re.fullmatch(number + single, cell), cell
    for gid in page.payload["g"]:
        for key, url, sentence, _ in page.group(gid):
            if key.startswith("X"):  # a failure: its URL and message
                continue
            assert url in texts, (gid, url)
            sentence = sentence.strip("…").strip()
            if sentence.startswith("“"):
                assert sentence.strip("“”") in quotes
            else:
                assert sentence in texts[url], (gid, sentence)
    # every point of the map and bar of a chart links to a list
    for href in re.findall(r'<a href="#(ev-[^"]+)"', main_part):
        assert href in page.payload["g"], href


def test_every_event_figure_says_how_many_rest_on_a_single_press_release(report, db):
    text = report.read_text("utf-8")
    page = Page(text)
    main_part = text.split('<h2 id="evidence">')[0]
    figures = re.findall(r'<a class="n" href="#(ev-[^"]+)">([\d,]+)</a> <span class="sr">\('
                         r'(?:<a class="n" href="#(ev-[^"]+)">([\d,]+)</a>|0)\)</span>', main_part)
    assert len(figures) >= 10 and all(sub for _, _, sub, _ in figures)  # brackets only when any
    annotated = {gid for gid, *_ in figures}
    for gid, n, sub, k in figures:
        items = page.group(gid)
        if not gid.startswith(("ev-pers-", "ev-personnel-")):  # a personnel sum; its brackets count figures
            assert int(n.replace(",", "")) == len(items)
        single = {key for key, *_ in page.group(sub)} if sub else set()
        assert (sub == gid + "-s" and int(k.replace(",", "")) == len(single)) if sub else not single
        assert single <= {key for key, *_ in items}
        for key, _, _, label in items:  # the list says which of its items rest on a single press release
            assert ("single press release" in label) == (key in single), (gid, key, label)
        # the same count from the event_evidence view, by the ids of the figure's events
        ids = [int(key[1:]) for key, *_ in items]
        assert release_counts(db, ids)["single_release_events"] == len(single), gid
    # every number whose list holds events (E) or deployments (D) is annotated, in tables and text alike
    for gid in set(re.findall(r'<a class="n" href="#(ev-[^"]+)">[\d,]+</a>', main_part)):
        keys = [key for key, *_ in page.group(gid)]
        if gid.endswith("-s") or not keys or not all(k[0] in "ED" for k in keys):
            continue
        if re.search(rf'<div class="v"><a class="n" href="#{re.escape(gid)}">', main_part):  # a card: its own line
            sub = re.search(rf'<div class="v"><a class="n" href="#{re.escape(gid)}">[^<]+</a></div>'
                            r'<div class="k">[^<]*</div><div class="s">(.*?) on a single press release</div>',
                            main_part)
            n = re.match(r'<a class="n" href="#([^"]+)">([\d,]+)</a>|<span class="n0">0</span>', sub.group(1))
            assert n and (int(n.group(2).replace(",", "")) == len(page.group(n.group(1))) if n.group(1) else True)
            continue
        if gid.startswith("ev-dep-"):  # a national or provincial figure: its row says how it is attested
            continue
        # no brackets: none of them rests on a single press release
        assert gid in annotated or release_counts(db, [int(k[1:]) for k in keys])["single_release_events"] == 0, gid
    # charts: the single-release part of a bar is hatched and its tooltip says so
    assert 'fill="url(#sr-hatch)"' in main_part and "on a single press release</title>" in main_part


def test_the_command_section(db, tmp_path):
    data = collect(db, Filters())
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {(r["position"], r["unit"], r["who"].split(" ", 1)[-1]): r for p in data["command"] for r in p["rows"]}
    lahat = rows[("Kapolres", "Polres Lahat", "Kurniawan Azwar")]
    provinces = {p["name"]: {r["unit"] for r in p["rows"]} for p in data["command"]}
    assert "Polres Lahat" in provinces["Sumatera Selatan"] and "Polrestabes Medan" in provinces["Sumatera Utara"]
    ev = data["evidence"]
    once = {list(ev.items)[i] for i in ev.groups[data["events_once"][1]][2]}
    for p in data["command"]:
        for r in p["rows"]:
            h = conn.execute("select * from holders where position = ? and unit = ? and tenure_start = ?",
                             (r["position"], r["unit"], r["start"])).fetchone()
            level = conn.execute("select level from units where id = ?", (h["unit_id"],)).fetchone()[0]
            # the events: those of the report (a story's copies once) rolling up to the unit within the tenure
            expected = {f"E{e}" for (e,) in conn.execute(
                f"select event_id from event_command where {level}_id = ? and date between ? and ?",
                (h["unit_id"], h["tenure_start"], h["tenure_end"]))} & once
            got = {list(ev.items)[i] for i in ev.groups[r["events"][1]][2]} if r["events"][0] else set()
            assert got == expected and r["events"][0] == len(expected), r
            assert r["articles"][0] == h["articles"]  # the evidence of the tenure: one item per article
    assert lahat["events"][0] >= 1
    medan = rows[("Kapolrestabes", "Polrestabes Medan", "Gidion Arif Setyawan")]
    assert medan["events"][0] == 1 and ev.single[medan["events"][1]][0] == 1  # one syndicated story: a release
    # filters narrow it: one province
    assert {p["name"] for p in collect(db, Filters(province="Sumatera Selatan"))["command"]} == {"Sumatera Selatan"}
    assert collect(db, Filters(kabupaten="Kota Medan"))["command"][0]["rows"][0]["unit"] == "Polrestabes Medan"
    text = write_report(db, tmp_path, Filters()).read_text("utf-8")
    section = text.split('<h2 id="command">')[1].split("<h2 ")[0]
    assert "Kurniawan Azwar" in section and 'href="#ev-c' in section and 'href="#ev-ce' in section


def test_the_numbers_are_the_databases(db):
    data = collect(db, Filters())
    conn = sqlite3.connect(db)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    assert data["articles"][0] == one("select count(*) from articles")
    assert data["events"][0] == one("select count(*) from events")
    assert data["events_once"][0] == one("select count(*) from acled_events")
    assert data["stories"][0] == one("select count(*) from stories")
    assert data["quotes"][0] == one("select count(*) from quotes")
    assert data["officials"][0] == one("select count(distinct official_id) from official_mentions")
    assert data["articles"][0] - data["stories"][0] == data["duplicates"][0] >= 1
    for level in ("national", "province", "kabupaten"):
        assert data["personnel"][level][0] == one(
            f"select coalesce(sum(personnel), 0) from personnel_by_stage where level = '{level}'")
    assert sum(r["events"][0] for r in data["provinces"]) + data["national_events"][0] + data["placeless"][0] \
        == data["events"][0]
    weekly = {(w, t): n for w, t, n in conn.execute(
        "select week, type, count(*) from (select date(event_date, 'weekday 0', '-6 days') as week, pantau_type as "
        "type from acled_events) group by 1, 2")}
    assert {k: c["n"] for k, c in data["week_cells"].items()} == weekly
    medan = [r for r in data["kabupaten"] if r["name"] == "Kota Medan"][0]
    assert (medan["events"][0], medan["once"][0], data["personnel_regions"][("kabupaten", "12.71")][0]) == (2, 1, 350)
    top = data["quoted"][0]
    assert top["quotes"][0] >= 2 and top["name"]
    warnings = {w["what"]: w["n"][0] for w in data["warnings"]}
    assert warnings["failures at the input stage"] == 1  # the broken JSONL line
    assert warnings.get("dates flagged weekday_mismatch", 0) == one(
        "select count(*) from date_mentions where flag = 'weekday_mismatch'")
    assert warnings["events dated after their article"] == one(
        "select count(*) from event_details where dated_after_article = 1")
    who = {r["name"]: r for w in data["who"] for r in w["rows"]}
    assert (who["Kurniawan Azwar"]["position"], who["Kurniawan Azwar"]["kabupaten"]) == ("Kapolres", "Kabupaten Lahat")
    assert data["located"] == (one("select count(*) from event_details where latitude is not null"),
                               data["events"][0])


def test_filters_narrow_the_report(db, tmp_path, capsys):
    data = collect(db, Filters(kabupaten="Medan"))
    assert {r["name"] for r in data["kabupaten"]} == {"Kota Medan"} and data["events"][0] == 2
    assert {o["outlet"] for o in data["outlets"]} == {"Medan Pos (test)", "Sumut Daily (test)"}
    assert collect(db, Filters(since="2024-12-01", event_type="patrol"))["events"][0] == 0
    code = main(["report", "--db", str(db), "--out", str(tmp_path), "--province", "Sumatera Utara",
                 "--since", "2024-11-01"])
    out = capsys.readouterr().out.strip()
    assert code == 0 and out == str(tmp_path / "report.html")
    text = (tmp_path / "report.html").read_text("utf-8")
    assert "--province Sumatera Utara" in html.unescape(text) and MEDAN_URLS[0] in text
    assert "https://sumsel.example/lahat-logistik" not in text
    # --rank and --search, as the README says
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "r"), "--rank", "AKBP", "--search", "logistik"]) == 0
    ranked = collect(db, Filters(rank="AKBP", search="logistik"))
    ev = ranked["evidence"]
    conn = sqlite3.connect(db)
    texts = dict(conn.execute("select id, title || ' ' || text from articles"))
    akbp = {r[0] for r in conn.execute("select distinct article_id from official_mentions where rank = 'AKBP'")}
    in_scope = [int(list(ev.items)[i][1:]) for i in ev.groups[ranked["articles"][1]][2]]
    assert in_scope and all("logistik" in texts[a].lower() and a in akbp for a in in_scope)
    assert main(["report", "--db", str(db), "--out", str(tmp_path / "bad"), "--kabupaten", "Jayapura"]) == 2
    assert "Kota Jayapura" in capsys.readouterr().err


def test_an_empty_database_still_makes_a_report(tmp_path):
    from extractor.store import Store

    Store(tmp_path / "empty.db").close()
    path = write_report(tmp_path / "empty.db", tmp_path / "out")
    text = path.read_text("utf-8")
    assert "No events in scope." in text and 'class="map"' not in text


# -- a real browser ---------------------------------------------------------------------------------------
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian package 'chromium'; .ci/run installs it)")
def test_the_page_draws_clicks_and_prints_in_headless_chromium(report, tmp_path):
    browser = Chromium(CHROMIUM)
    try:
        s = browser.open(report.resolve().as_uri())
        deadline = time.monotonic() + 30
        while browser.evaluate("document.documentElement.getAttribute('data-ready')", s) != "1":
            assert time.monotonic() < deadline, "the page's script did not run"
            time.sleep(0.1)
        drawn = json.loads(browser.evaluate("""JSON.stringify({
            svgs: [...document.querySelectorAll('svg.chart, svg.map')].map(s => s.getBoundingClientRect().width),
            bars: document.querySelectorAll('svg.chart rect').length,
            pies: document.querySelectorAll('svg.map a.pt').length})""", s))
        assert len(drawn["svgs"]) == 4 and all(w > 600 for w in drawn["svgs"]) and drawn["bars"] > 10 and drawn["pies"]
        # a click on a number opens its evidence list, drawn from the payload, with citable ids
        n = browser.evaluate("""(() => {
            const a = [...document.querySelectorAll('a.n')].find(x => x.getAttribute('href') === '#ev-events');
            a.click(); return a.textContent; })()""", s)
        time.sleep(0.3)
        opened = json.loads(browser.evaluate("""(() => {
            const d = document.getElementById('ev-events');
            return JSON.stringify({open: d.open, items: d.querySelectorAll('li').length,
                                   cite: (d.querySelector('cite') || {}).textContent, hash: location.hash});
        })()""", s))
        opened["n"] = n
        assert opened["open"] and opened["hash"] == "#ev-events" and opened["items"] == int(opened["n"])
        assert re.fullmatch(r"pantau E\d+ · A\d+", opened["cite"])
        # a bar of the timeline links to a list that is not in the page until asked for
        bar = json.loads(browser.evaluate("""(() => {
            const a = document.querySelector('svg.chart a'); const id = a.getAttribute('href').slice(1);
            const before = !!document.getElementById(id); location.hash = id;
            return JSON.stringify({id, before});
        })()""", s))
        time.sleep(0.3)
        after = json.loads(browser.evaluate(f"""JSON.stringify({{
            open: document.getElementById('{bar["id"]}').open,
            items: document.getElementById('{bar["id"]}').querySelectorAll('li').length}})""", s))
        assert not bar["before"] and after["open"] and after["items"] >= 1
        # a number in brackets opens the figure's events that rest on a single press release, and says so
        single = json.loads(browser.evaluate("""(() => {
            const a = document.querySelector('.sr a.n'); a.click();
            return JSON.stringify({n: a.textContent, id: a.getAttribute('href').slice(1)}); })()""", s))
        time.sleep(0.3)
        got = json.loads(browser.evaluate(f"""(() => {{ const d = document.getElementById('{single["id"]}');
            return JSON.stringify({{open: d.open, title: d.querySelector('summary').textContent,
                                   labels: [...d.querySelectorAll('li .meta')].map(x => x.textContent)}}); }})()""", s))
        assert got["open"] and "resting on a single press release" in got["title"]
        assert len(got["labels"]) == int(single["n"]) and all("single press release" in x for x in got["labels"])
        # the Command section's evidence of a tenure: citable mentions (M) and handovers (H)
        tenure = browser.evaluate("""(() => { const h = document.querySelector('#command ~ table a.n')
            .getAttribute('href'); location.hash = h; return h.slice(1); })()""", s)
        time.sleep(0.3)
        cites = json.loads(browser.evaluate(f"""JSON.stringify([...document.getElementById('{tenure}')
            .querySelectorAll('cite')].map(c => c.textContent))""", s))
        assert any(re.fullmatch(r"pantau [MH][\d.]+ · A\d+", c) for c in cites), cites
        browser.evaluate("location.hash = ''; window.scrollTo(0, 0)", s)
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=s)
        png = base64.b64decode(shot["data"])
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
        keep = os.environ.get("PANTAU_REPORT_PNG")  # look at the first screen: PANTAU_REPORT_PNG=/tmp/first.png
        (Path(keep) if keep else tmp_path / "first-screen.png").write_bytes(png)
        pdf = browser.pdf(s)
        assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) >= 3
        assert browser.errors() == []
        fetched = [e["params"]["request"]["url"] for e in browser.events if e.get("method") == "Network.requestWillBeSent"]
        assert fetched and all(u.startswith(("file:", "data:", "about:")) for u in fetched), fetched  # offline
    finally:
        browser.close()
