"""The HTML report: one self-contained file that opens offline and prints on A4.

``report.html`` holds, under a table of contents: the counts; a map of events by
kabupaten/kota (outlines shipped with pantau, nothing fetched); the timeline of
events per week with the election stages and voting days marked; events and
personnel by province and kabupaten/kota; the personnel figures at their level;
who was where (officials' stated posts per province); Command (per province, the
Polda and Kodam heads and the Polres and Kodim heads in post in the period, with
the evidence of each tenure and their units' events: :mod:`extractor.command_report`);
the officials most often quoted; the sources; data-quality warnings; and the
codebook. Charts are static SVG (no script, no toolbar); every number, bar and map
point links to its evidence: the articles and the sentences it came from, each
item with a citable id (``E123`` an event, ``A45`` an article, ``Q7`` a quote,
``M12.45`` official 12 in article 45, ``D123`` the deployment first reported by
event 123, ``H8`` a handover).

**Evidence of events.** Every event figure (card, chart, table, text) says how
many of its events rest on a single press release (one story reports the
incident, a press release or text carried by several outlets, and no independent
outlet does: ``event_evidence``): in brackets after the number when there are
any, hatched in the bars, in the tooltips; the count is of the same rows as the
figure's list, whose items each say how the event is attested, and links to the
list of those items.

**Counting.** Every figure is computed from one list of rows, and its evidence
is that same list: the count is the number of items the evidence holds, a sum
the sum over them (nothing is cut before counting). Personnel figures are
deployments (:mod:`extractor.counting`): a figure counted once per story, at its
level; national, provincial and kabupaten/kota figures are shown apart and never
added together.

**Evidence** is a compact JSON payload in the page; a list is drawn when it is
opened (``<details>``), so the page stays small and quick however many items
there are. Print shows the figures and tables, not the lists.

Filters are those of ``query`` (:mod:`extractor.filters`): events, deployments
and positions are filtered as rows; articles, quotes and warnings are the
articles in scope (published in the period, naming a place in the region,
holding an event of the type / an official of the institution or rank).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from . import __version__, charts
from .codebook import sections as codebook_sections
from .command_report import command_heads
from .export import atomic_path, make_dir
from .filters import Filters, resolve
from .geo import locate, outlines, project
from .queries import (_EVENT_FILTERS, _MENTION_FILTERS, _article_filters, check_search, ensure_current, fetch_all,
                      run_sql)
from .sentence import sentence_at
from .views import OUTLET, TEMPLATES

#: items drawn at once when an evidence list is opened ("show all" draws the rest)
EVIDENCE_SHOW = 200
TOP_QUOTED = 20
#: rows per province shown in who-was-where before "more"; kabupaten rows printed
WHO_PER_PROVINCE = 12
COMMAND_PER_PROVINCE = 6
PRINT_ROWS = 40
SINGLE_TITLE = "in brackets, when any: how many of them rest on a single press release (event_evidence.single_release)"
_WINDOW = 700  # characters of text read on each side of a record to find its sentence
_STAGE_FILL = {"campaign": "#eef6ee", "quiet_period": "#fff4d6", "voting": "#fde2e2", "recapitulation": "#e8f0fb",
               "post_election": "#f4f1f8", "preparation": "#f7f7f7"}


# -- evidence -------------------------------------------------------------------------------------------
@dataclass
class Evidence:
    """The payload: articles, their sentences (each once), items (a sentence with
    a label, a citable key and the words to mark) and groups (a titled list of
    items). Groups marked ``listed`` are in the page's evidence section from
    the start; the others are drawn when a number links to them."""

    articles: dict[str, list] = field(default_factory=dict)  # key -> [url, title, published, outlet]
    sentences: dict[tuple[str, str], int] = field(default_factory=dict)  # (article key, sentence) -> index
    items: dict[str, list] = field(default_factory=dict)  # key -> [key, sentence index, label, mark0, mark1]
    index: dict[str, int] = field(default_factory=dict)  # item key -> position
    #: gid -> [title, hint, [item positions]]; a single-release subgroup: [None, its figure's gid, [...]]
    groups: dict[str, list] = field(default_factory=dict)
    listed: list[str] = field(default_factory=list)
    extra_rows: dict[str, str] = field(default_factory=dict)  # table id -> the rows drawn on "show more"
    #: an event group's id -> (how many of its items rest on a single press release, their group's id)
    single: dict[str, tuple[int, Optional[str]]] = field(default_factory=dict)

    def article(self, aid: Any, url: str, title: str, published: Optional[str], outlet: str) -> str:
        k = str(aid)
        if k not in self.articles:
            self.articles[k] = [url or "", title or url or "", published or "", outlet or ""]
        return k

    def item(self, key: str, aid: Any, label: str, sentence: str, mark: str = "") -> str:
        if key not in self.items:
            i = sentence.find(mark) if mark else -1
            s = self.sentences.setdefault((str(aid), sentence), len(self.sentences))
            self.index[key] = len(self.items)
            self.items[key] = [key, s, label, max(i, 0), len(mark) if i >= 0 else 0]
        return key

    def group(self, gid: str, title: str, keys: Iterable[str], hint: str = "", listed: bool = False
              ) -> tuple[int, str]:
        """A list of items; returns (the number of items, the group's id). A
        ``title`` of None makes the group the single-release part of the group
        ``hint`` names (its title says so; it has no hint of its own)."""
        gid = "ev-" + re.sub(r"[^A-Za-z0-9_.-]+", "-", gid).strip("-")
        if gid not in self.groups:
            self.groups[gid] = [title, hint, [self.index[k] for k in dict.fromkeys(keys)]]
            if listed:
                self.listed.append(gid)
        return len(self.groups[gid][2]), gid

    def events(self, gid: str, title: str, rows: Iterable[dict], key: Callable[[dict], str], hint: str = "",
               listed: bool = False) -> tuple[int, str]:
        """A group of event rows (or deployments: ``key`` makes the item key) and
        beside it the group of those among them that rest on a single press
        release (the row's ``single_release``, from ``event_evidence``): the
        figure and its single-release count come from the same rows."""
        rows = list(rows)
        n, g = self.group(gid, title, map(key, rows), hint, listed)
        if g not in self.single:
            single = [key(r) for r in rows if r.get("single_release")]
            self.single[g] = self.group(gid + "-s", None, single, g) if single else (0, None)  # type: ignore[arg-type]
        return n, g

    def payload(self) -> str:
        text = json.dumps({"a": self.articles, "s": [[a, s] for (a, s) in self.sentences],
                           "i": list(self.items.values()), "g": {k: v for k, v in self.groups.items() if v[2]},
                           "r": self.extra_rows}, ensure_ascii=False, separators=(",", ":"))
        return text.replace("</", "<\\/")


def _num(value: Any, gid: Optional[str], fmt: str = "{:,}") -> str:
    """A number linked to its evidence (zero and unknown are not linked)."""
    if value is None:
        return "–"
    text = fmt.format(value)
    if not gid or not value:
        return f'<span class="n0">{text}</span>'
    return f'<a class="n" href="#{gid}">{text}</a>'


def _enum(ev: "Evidence", value: int, gid: Optional[str]) -> str:
    """An event figure: the number linked to its events and, in brackets when
    there are any, how many of them rest on a single press release, linked to
    them (the items of the figure's list that say so)."""
    k, sgid = ev.single.get(gid, (0, None)) if gid else (0, None)
    return _num(value, gid) + (f' <span class="sr">({_num(k, sgid)})</span>' if k else "")


def _e(s: Any) -> str:
    return html.escape("" if s is None else str(s))


def _hint(f: Filters, name: str, **extra: str) -> str:
    parts = [f"pantau query {name}"]
    for k, v in {**f.active(), **extra}.items():
        parts.append(f"--{k.replace('_', '-')} {json.dumps(v, ensure_ascii=False) if ' ' in str(v) else v}")
    if f.prefix:
        parts.append("--prefix")
    return " ".join(parts)


# -- data -----------------------------------------------------------------------------------------------
def _where(filter_map: dict[str, str], f: Filters, skip: Iterable[str] = ()) -> str:
    conds = [filter_map[k] for k in f.active() if k in filter_map and k not in skip]
    return " and ".join(["1 = 1", *conds])


def _article_scope(f: Filters) -> str:
    return _where(_article_filters("a", "substr(a.published, 1, 10)"), f)


def _windowed(db, rows_sql: str, params: dict, spans: dict[str, tuple[str, str]]) -> list[dict]:
    """Rows with, for each name in ``spans`` ((start, end) column names), the
    sentence holding that span and the words of the span (text windows are cut
    in SQL and dropped as soon as the sentence is found)."""
    win = ", ".join(f"substr(a.text, max(1, {s} - {_WINDOW} + 1), {e} - {s} + 2 * {_WINDOW}) as _w_{n}, "
                    f"max(0, {s} - {_WINDOW}) as _w0_{n}" for n, (s, e) in spans.items())
    cols, it = run_sql(db, rows_sql.replace("{windows}", win), params)
    out = []
    for values in it:
        r = dict(zip(cols, values))
        for n, (s, e) in spans.items():
            text, w0 = r.pop(f"_w_{n}") or "", r.pop(f"_w0_{n}") or 0
            s_val = int(s) if s.isdigit() else r.get(s.split(".")[-1])
            e_val = int(e) if e.isdigit() else r.get(e.split(".")[-1])
            if s_val is None:
                r[f"{n}_sentence"], r[f"{n}_mark"] = "", ""
                continue
            a, b = s_val - w0, (e_val or s_val) - w0
            r[f"{n}_sentence"], r[f"{n}_mark"] = sentence_at(text, a, b), text[a:b]
        out.append(r)
    return out


#: what an event row carries of its evidence (``event_evidence`` x): the figures' single-release counts
_EVIDENCE_COLUMNS = ("x.single_release, x.corroboration, x.release_stories, x.outlets as incident_outlets, "
                     "x.independent_outlets")


def _attested(r: dict) -> str:
    """How an event (or a deployment's event) is attested, as its evidence item says."""
    if r.get("single_release"):
        return "single press release"
    c = r.get("corroboration") or 0
    if c:
        return f"{c} independent outlet{'s' if c != 1 else ''}"
    return "no independent report"


def _events(db, f: Filters) -> list[dict]:
    """The filtered events (event_details) with their sentence and, where the
    text states it, the sentence of their personnel figure."""
    sql = (f"select d.*, {_EVIDENCE_COLUMNS}, eu.polres_id, eu.polda_id, eu.kodim_id, eu.kodam_id, {{windows}} "
           f"from event_details d join articles a on a.id = d.article_id "
           f"left join event_evidence x on x.event_id = d.event_id left join event_units eu on eu.event_id = d.event_id "
           f"where {_where(_EVENT_FILTERS, f)} order by d.date, d.event_id")
    return _windowed(db, sql, f.params(), {"ev": ("d.start", "d.end"), "fig": ("d.figure_start", "d.figure_end")})


def _event_label(r: dict) -> str:
    where = r["kabupaten"] or r["province"] or r["place"] or "no place"
    if r.get("scope_level") == "national":
        where = "national"
    elif r.get("scope_level") == "province":
        where = f"{r['province']} (province-wide)"
    label = f"{r['type']} · {where}"
    if r["personnel"] is not None:
        label += f" · {r['personnel']:,}{'+' if r['personnel_approx'] else ''} personnel"
        if r.get("figure_level") and r["figure_level"] != "kabupaten":
            label += f" ({r['figure_level']} figure)"
    label += f" · {r['date']}"
    if r.get("single_release") is not None or r.get("corroboration") is not None:
        label += f" · {_attested(r)}"
    if r["date_source"] != "text":
        label += " (date of the report)"
    if r.get("dated_after_article"):
        label += " · dated after the article"
    return label


def _ekey(r: dict) -> str:
    return f"E{r['event_id']}"


def _dkey(d: dict) -> str:
    return f"D{d['event_id']}"


def _fold_key(r: dict) -> tuple:
    """A story's copies of one event: the ACLED file's fold (story, type, date, place)."""
    return r["story_key"], r["type"], r["date"], r["place_code"] if r.get("scope_code") is None else r["scope_code"]


def _once(rows: list[dict]) -> list[dict]:
    seen, out = set(), []
    for r in sorted(rows, key=lambda r: (r.get("copy_order") or 0, r["event_id"])):
        k = _fold_key(r)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return sorted(out, key=lambda r: (r["date"] or "", r["event_id"]))


def collect(db: str | Path, f: Filters = Filters()) -> dict:
    """Everything the report shows, each figure with its evidence group."""
    f = resolve(f)
    check_search(db, f.search)
    ev = Evidence()
    p = f.params()
    scope = _article_scope(f)
    out: dict[str, Any] = {"filters": f, "evidence": ev}

    # articles in scope, outlets, stories ------------------------------------------------------------
    arts = _windowed(db, f"""select a.id, a.url, a.title, substr(a.published, 1, 10) as published,
                               {OUTLET} as outlet, a.relevance, a.extracted,
                               coalesce('c' || a.cluster_id, 'a' || a.id) as story_key, {{windows}}
                        from articles a where {scope} order by a.published, a.id""", p, {"lead": ("0", "1")})
    for a in arts:
        ev.article(a["id"], a["url"], a["title"], a["published"], a["outlet"])
        ev.item(f"A{a['id']}", a["id"], f"article · {a['outlet']} · relevance {a['relevance']}", a["lead_sentence"])
    akey = lambda a: f"A{a['id']}"  # noqa: E731
    out["articles"] = ev.group("articles", "Articles in scope", map(akey, arts), _hint(f, "articles"), listed=True)
    out["extracted"] = ev.group("extracted", "Articles extracted (relevant, or run with --all)",
                                (akey(a) for a in arts if a["extracted"]), listed=True)
    dated = sorted(a["published"] for a in arts if a["published"])
    out["period"] = (dated[0], dated[-1]) if dated else (None, None)
    by_outlet: dict[str, list] = defaultdict(list)
    for a in arts:
        by_outlet[a["outlet"] or "(unknown)"].append(a)
    out["outlets"] = [
        {"outlet": o, "articles": ev.group(f"outlet-{o}", f"Articles from {o}", map(akey, v)),
         "stories": ev.group(f"outlet-stories-{o}", f"Stories from {o} (first copy of each)",
                             list({a["story_key"]: akey(a) for a in reversed(v)}.values())[::-1]),
         "extracted": ev.group(f"outlet-extracted-{o}", f"Articles from {o} extracted",
                               (akey(a) for a in v if a["extracted"])),
         "first": min((a["published"] for a in v if a["published"]), default=None),
         "last": max((a["published"] for a in v if a["published"]), default=None)}
        for o, v in sorted(by_outlet.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    stories: dict[str, list] = defaultdict(list)
    for a in arts:
        stories[a["story_key"]].append(a)
    out["stories"] = ev.group("stories", "Stories (near-duplicate copies folded): the first copy of each",
                              (akey(v[0]) for v in stories.values()), _hint(f, "stories"), listed=True)
    dups = [a for v in stories.values() if len(v) > 1 for a in v[1:]]
    out["duplicates"] = ev.group("duplicates", "Near-duplicate copies (a later copy of a story)", map(akey, dups),
                                 listed=True)
    out["duplicate_rate"] = len(dups) / len(arts) if arts else 0.0
    out["clustered"] = fetch_all(db, "select count(*) as n from articles where cluster_id is not null")[0]["n"]

    # events -----------------------------------------------------------------------------------------
    events = _events(db, f)
    for r in events:
        ev.article(r["article_id"], r["url"], r["title"], r["published"], r["outlet"])
        ev.item(f"E{r['event_id']}", r["article_id"], _event_label(r), r["ev_sentence"], r["ev_mark"])
    once = _once(events)
    out["events"] = ev.events("events", "Events", events, _ekey, _hint(f, "event_details"), listed=True)
    out["events_once"] = ev.events("events-once", "Events, a story's copies once (as in the ACLED file)",
                                   once, _ekey, _hint(f, "acled_events"), listed=True)
    located = [r for r in events if r["latitude"] is not None]
    out["located"] = (len(located), len(events))
    out["unlocated"] = ev.events("unlocated", "Events without coordinates (no place coded)",
                                 (r for r in events if r["latitude"] is None), _ekey, listed=True)
    out["types"] = [t for t in charts.TYPE_COLORS if any(r["type"] == t for r in events)] + sorted(
        {r["type"] for r in events} - set(charts.TYPE_COLORS))
    ev_dates = sorted(r["date"] for r in events if r["date"])
    out["event_period"] = (ev_dates[0], ev_dates[-1]) if ev_dates else (None, None)
    out["by_publication"] = ev.events("by-publication", "Events dated by the report (the text gives no date)",
                                      (r for r in events if r["date_source"] != "text"), _ekey, listed=True)
    out["after_article"] = ev.events("after-article", "Events dated after their article was published",
                                     (r for r in events if r["dated_after_article"]), _ekey, listed=True)
    _timeline(out, ev, f, events, once)
    _regions(out, ev, f, events, once)

    # personnel: deployments ---------------------------------------------------------------------------
    deps = _deployments(db, f)
    for d in deps:
        ev.article(d["article_id"], d["url"], d["title"], d["published"], d["outlet"])
        where = {"national": "national", "province": f"{d['province']} (province)"}.get(
            d["level"], d["kabupaten"] or d["province"] or "no place")
        label = (f"{d['personnel']:,}{'+' if d['approximate'] else ''} personnel · {where} · {d['type']} · "
                 f"{d['events']} event{'s' if d['events'] != 1 else ''} in {d['articles']} "
                 f"cop{'ies' if d['articles'] != 1 else 'y'} of one story · {_attested(d)}")
        ev.item(f"D{d['event_id']}", d["article_id"], label, d["fig_sentence"] or d["ev_sentence"],
                d["fig_mark"] or d["ev_mark"])
    out["deployments"] = deps
    out["personnel"] = {}
    for level, title in (("kabupaten", "kabupaten/kota"), ("province", "provincial"), ("national", "national")):
        rows = [d for d in deps if d["level"] == level]
        n, gid = ev.events(f"personnel-{level}", f"Personnel figures at the {title} level, each counted once per story",
                           rows, _dkey, _hint(f, "deployments"), listed=True)
        out["personnel"][level] = (sum(d["personnel"] for d in rows), gid, n)
    for d in deps:
        if d["level"] in ("national", "province"):
            d["gid"] = ev.events(f"dep-{d['event_id']}", f"Deployment of {d['personnel']:,} personnel", [d], _dkey)[1]
    _personnel_by_region(out, ev, deps)

    # officials: mentions, who was where, quotes ------------------------------------------------------
    _officials(db, out, ev, f, p, scope)

    # command: heads of Polda, Kodam, Polres and Kodim in the period, with their units' events ----------
    _command(db, out, ev, f, once)

    # warnings --------------------------------------------------------------------------------------
    out["warnings"] = _warnings(db, f, p, scope, events, arts, ev, out)
    out["stages"] = fetch_all(db, "select election, stage, start, end from election_stages order by start")
    return out


def _deployments(db, f: Filters) -> list[dict]:
    sql = TEMPLATES["deployments"].format(where=_where(_EVENT_FILTERS, f))
    sql = (f"select y.*, substr(a.published, 1, 10) as published, e.start, e.end, {_EVIDENCE_COLUMNS}, "
           f"{{windows}} from ({sql}) y join events e on e.id = y.event_id join articles a on a.id = y.article_id "
           f"left join event_evidence x on x.event_id = y.event_id")
    return _windowed(db, sql, f.params(), {"ev": ("e.start", "e.end"), "fig": ("y.figure_start", "y.figure_end")})


def _timeline(out: dict, ev: Evidence, f: Filters, events: list[dict], once: list[dict]) -> None:
    """Events per week and type, a story's copies once (chart and table alike)."""
    weeks = _all_weeks([r["week"] for r in once if r["week"]])
    cells: dict[tuple[str, str], list] = defaultdict(list)
    for r in once:
        cells[(r["week"] or "undated", r["type"])].append(r)
    out["weeks"] = weeks
    out["week_cells"] = {}
    for k, v in cells.items():
        n, gid = ev.events(f"week-{k[0]}-{k[1]}", f"{k[1]} events in the week of {k[0]}, a story's copies once",
                           v, _ekey, _hint(f, "acled_events", event_type=k[1]))
        out["week_cells"][k] = {"n": n, "gid": gid, "single": ev.single[gid][0]}
    out["undated_events"] = sum(c["n"] for k, c in out["week_cells"].items() if k[0] == "undated")


def _all_weeks(weeks: list[str]) -> list[str]:
    if not weeks:
        return []
    d0, d1 = dt.date.fromisoformat(min(weeks)), dt.date.fromisoformat(max(weeks))
    out = []
    while d0 <= d1 and len(out) < 530:
        out.append(d0.isoformat())
        d0 += dt.timedelta(days=7)
    return out


def _scope_province(r: dict) -> Optional[str]:
    if r.get("scope_level") == "national":
        return None
    code = r.get("scope_code") or r["place_code"]
    return code[:2] if code else None


def _scope_kabupaten(r: dict) -> Optional[str]:
    if r.get("scope_level") in ("national", "province"):
        return None
    return r["kabupaten_code"]


def _regions(out: dict, ev: Evidence, f: Filters, events: list[dict], once: list[dict]) -> None:
    from .regions import region_facts

    facts = region_facts()
    once_ids = {r["event_id"] for r in once}

    def rows_for(groups: dict[str, list], prefix: str, name_of: Callable[[str], str], hint_key: str) -> list[dict]:
        rows = []
        for code, v in groups.items():
            name = name_of(code)
            hint = _hint(f, "event_details", **({hint_key: code} if code and code[0].isdigit() else {}))
            n, gid = ev.events(f"{prefix}-{code}", f"Events: {name}", v, _ekey, hint)
            uv = [r for r in v if r["event_id"] in once_ids]
            u, ugid = ev.events(f"{prefix}-once-{code}", f"Events: {name}, a story's copies once", uv, _ekey)
            types = Counter(r["type"] for r in uv)
            single_types = Counter(r["type"] for r in uv if r["single_release"])
            rows.append({"code": code, "name": name, "events": (n, gid), "once": (u, ugid), "types": types,
                         "single_types": single_types,
                         "province": facts[code[:2]].name if code[:2] in facts else ""})
        rows.sort(key=lambda r: (-r["once"][0], -r["events"][0], r["name"]))
        return rows

    prov: dict[str, list] = defaultdict(list)
    kab: dict[str, list] = defaultdict(list)
    national, province_wide, placeless = [], [], []
    for r in events:
        pc, kc = _scope_province(r), _scope_kabupaten(r)
        if r.get("scope_level") == "national":
            national.append(r)
        elif pc is None:
            placeless.append(r)
        else:
            prov[pc].append(r)
            if kc:
                kab[kc].append(r)
            else:
                province_wide.append(r)
    name = lambda c: facts[c].name if c in facts else c  # noqa: E731
    out["provinces"] = rows_for(prov, "prov", name, "province")
    out["kabupaten"] = rows_for(kab, "kab", name, "kabupaten")
    out["national_events"] = ev.events("national-events", "National events (for the whole country)", national,
                                       _ekey, listed=True)
    out["province_wide"] = ev.events("province-wide", "Province-wide events (no kabupaten/kota)", province_wide,
                                     _ekey, listed=True)
    out["placeless"] = ev.events("placeless", "Events without a coded place", placeless, _ekey, listed=True)
    points = []
    for r in out["kabupaten"]:
        pt = locate(r["code"], "kabupaten")
        if pt is None or not r["once"][0]:
            continue
        x, y = project(pt.lat, pt.lng)
        points.append({"x": x, "y": y, "label": r["name"], "gid": r["once"][1], "n": r["once"][0],
                       "types": dict(r["types"]), "single": ev.single[r["once"][1]][0]})
    out["map_points"] = points


def _personnel_by_region(out: dict, ev: Evidence, deps: list[dict]) -> None:
    """Per province: its own (provincial) figures and its kabupaten/kota figures,
    apart; per kabupaten/kota: its figures."""
    by: dict[tuple[str, str], list] = defaultdict(list)
    for d in deps:
        if d["level"] == "province" and d["province_code"]:
            by[("province", d["province_code"])].append(d)
        elif d["level"] == "kabupaten" and d["kabupaten_code"]:
            by[("kab-in-province", d["province_code"])].append(d)
            by[("kabupaten", d["kabupaten_code"])].append(d)
    titles = {"province": "Provincial personnel figures", "kab-in-province": "Kabupaten/kota personnel figures in",
              "kabupaten": "Personnel figures"}
    out["personnel_regions"] = {}
    for (kind, code), v in by.items():
        n, gid = ev.events(f"pers-{kind}-{code}",
                           f"{titles[kind]}: {v[0]['province'] if kind != 'kabupaten' else v[0]['kabupaten']}", v, _dkey)
        out["personnel_regions"][(kind, code)] = (sum(d["personnel"] for d in v), gid)


def _officials(db, out: dict, ev: Evidence, f: Filters, p: dict, scope: str) -> None:
    from .regions import region_facts

    facts = region_facts()
    # mentions as the canned queries filter them, in articles holding an event of the type
    where = _where({**_MENTION_FILTERS, "event_type": _article_filters("a", "")["event_type"]}, f)
    rows = _windowed(db, f"""select m.official_id, m.article_id, min(m.start) as start, m.end, o.name, m.rank,
                                m.position, m.unit, m.region, m.region_code,
                                coalesce(m.institution, o.institution) as institution,
                                a.url, a.title, substr(a.published, 1, 10) as published, {OUTLET} as outlet,
                                {{windows}}
                         from official_mentions m join officials o on o.id = m.official_id
                         join articles a on a.id = m.article_id
                         where {where} group by m.official_id, m.article_id
                         order by o.name, a.published""", p, {"m": ("start", "end")})
    for r in rows:
        ev.article(r["article_id"], r["url"], r["title"], r["published"], r["outlet"])
        who = " ".join(x for x in (r["rank"], r["name"]) if x) + (f", {r['position']}" if r["position"] else "") \
            + (f" ({r['unit']})" if r["unit"] else "")
        ev.item(f"M{r['official_id']}.{r['article_id']}", r["article_id"], who, r["m_sentence"], r["m_mark"])
    firsts = {}
    for r in rows:
        firsts.setdefault(r["official_id"], r)
    out["officials"] = ev.group("officials", "Officials named (each official's first mention)",
                                (f"M{r['official_id']}.{r['article_id']}" for r in firsts.values()),
                                _hint(f, "officials"), listed=True)
    # who was where: per province, each official's stated post
    posts: dict[tuple, list] = defaultdict(list)
    for r in rows:
        pc = (r["region_code"] or "")[:2] or "-"
        posts[(pc, r["official_id"], r["rank"], r["position"], r["unit"])].append(r)
    per_province: dict[str, list] = defaultdict(list)
    for (pc, oid, rank, position, unit), v in posts.items():
        n, gid = ev.group(f"post-{pc}-{oid}-{rank}-{position}-{unit}",
                          f"{' '.join(x for x in (rank, v[0]['name']) if x)}"
                          f"{', ' + position if position else ''}{' (' + unit + ')' if unit else ''}: articles",
                          (f"M{r['official_id']}.{r['article_id']}" for r in v))
        kab = next((r["region_code"][:5] for r in v if r["region_code"] and len(r["region_code"]) >= 5), None)
        dates = sorted(r["published"] for r in v if r["published"])
        per_province[pc].append({"name": v[0]["name"], "rank": rank, "position": position, "unit": unit,
                                 "institution": v[0]["institution"],
                                 "kabupaten": facts[kab].name if kab in facts else "",
                                 "first": dates[0] if dates else "", "last": dates[-1] if dates else "",
                                 "articles": (n, gid)})
    who = []
    for pc, v in per_province.items():
        v.sort(key=lambda r: (-r["articles"][0], r["name"]))
        name = facts[pc].name if pc in facts else "(no region stated)"
        who.append({"code": pc, "name": name, "rows": v})
    who.sort(key=lambda w: (w["code"] == "-", w["name"]))
    out["who"] = who

    qscope = _where({**_article_filters("a", "substr(a.published, 1, 10)"),
                     "institution": "coalesce(o.institution, '') = :institution collate nocase"}, f)
    quotes = fetch_all(db, f"""select q.id, q.official_id, q.speaker, q.text, o.name, o.rank, o.position, o.unit,
                                      a.url, a.title, substr(a.published, 1, 10) as published, a.id as article_id,
                                      {OUTLET} as outlet
                               from quotes q join articles a on a.id = q.article_id
                               left join officials o on o.id = q.official_id
                               where {qscope} order by a.published, q.id""", p)
    for q in quotes:
        ev.article(q["article_id"], q["url"], q["title"], q["published"], q["outlet"])
        who_ = " ".join(x for x in (q["rank"], q["name"] or q["speaker"]) if x) or "(unattributed)"
        ev.item(f"Q{q['id']}", q["article_id"], who_ + (f", {q['position']}" if q["position"] else ""),
                f"“{q['text']}”")
    out["quotes"] = ev.group("quotes", "Quotes", (f"Q{q['id']}" for q in quotes), listed=True)
    speakers: dict[str, list] = defaultdict(list)
    for q in quotes:
        speakers[f"o{q['official_id']}" if q["official_id"] else f"s{q['speaker'] or '?'}"].append(q)
    ranked = sorted(speakers.items(), key=lambda kv: (-len(kv[1]), -len({q["article_id"] for q in kv[1]}), kv[0]))
    out["quoted"] = []
    for k, v in ranked[:TOP_QUOTED]:
        name = v[0]["name"] or v[0]["speaker"] or "(unattributed)"
        first_per_article = list({q["article_id"]: f"Q{q['id']}" for q in reversed(v)}.values())[::-1]
        out["quoted"].append({"name": name, "rank": v[0]["rank"], "position": v[0]["position"], "unit": v[0]["unit"],
                              "quotes": ev.group(f"quoted-{k}", f"Quotes of {name}", (f"Q{q['id']}" for q in v)),
                              "articles": ev.group(f"quoted-art-{k}", f"Articles quoting {name}", first_per_article)})


def _command(db, out: dict, ev: Evidence, f: Filters, once: list[dict]) -> None:
    """Per province, the heads of Polda, Kodam, Polres and Kodim whose tenure meets the
    period (the filter's, else the events'), each with the dated evidence of the tenure
    (one item per article: the mention with the post, or the handover) and the events of
    their unit while they held it (a story's copies once, as the charts count them). The
    Polres and Kodim heads with no event of their unit in the period are one list per
    province (the first evidence of each), not rows."""
    since, until = f.since or out["event_period"][0], f.until or out["event_period"][1]
    out["command_period"] = (since, until)
    out["command"] = []
    if not since or not until:
        return
    heads = command_heads(db, f, since, until)
    by_unit: dict[str, list] = defaultdict(list)
    for r in once:
        for level in ("polda", "kodam", "polres", "kodim"):
            if r.get(f"{level}_id"):
                by_unit[r[f"{level}_id"]].append(r)
    posts: dict[tuple, list] = defaultdict(list)
    for h in heads:
        h["events"] = [r for r in by_unit[h["unit_id"]] if h["tenure_start"] <= (r["date"] or "") <= h["tenure_end"]]
        h["row"] = bool(h["events"]) or h["level"] in ("polda", "kodam")
        posts[(h["unit_id"], h["position"])].append(h)
    for group in posts.values():  # two holders of one post at once: the reports disagree
        for h in group:
            h["overlaps"] = [o["name"] for o in group
                             if o is not h and o["tenure_start"] <= h["tenure_end"] and h["tenure_start"] <= o["tenure_end"]]
    evidence = _tenure_evidence(db, ev, heads)
    provinces: dict[tuple, list] = defaultdict(list)
    for i, h in enumerate(heads):
        provinces[(h["province"] or "(province unknown)", h["province_code"] or "-")].append((i, h))
    first = {"polda": 0, "kodam": 0, "polres": 1, "kodim": 1}
    for (name, code), hs in sorted(provinces.items()):
        rows = []
        for i, h in hs:
            if not h["row"]:
                continue
            who = " ".join(x for x in (h["rank"], h["name"]) if x)
            rows.append({"position": h["position"], "unit": h["unit"], "who": who, "name": h["name"],
                         "level": h["level"], "start": h["tenure_start"], "end": h["tenure_end"],
                         "since": h["since"], "until": h["until"], "overlaps": h["overlaps"],
                         "articles": ev.group(f"c{i}", f"{h['position']} {h['unit']}: {who}, evidence of the tenure",
                                              evidence[i]),
                         "events": ev.events(f"ce{i}", f"{h['unit']} under {who}, {h['tenure_start']} to "
                                             f"{h['tenure_end']}: events (a story's copies once)", h["events"], _ekey)})
        rows.sort(key=lambda r: (first[r["level"]], -r["events"][0], r["unit"] or "", r["start"]))
        quiet = ev.group(f"cq-{code}", f"{name}: Polres and Kodim heads in post in the period with no event of their "
                                       f"unit (the first evidence of each)", (evidence[i][0] for i, h in hs
                                                                               if not h["row"] and evidence[i]))
        out["command"].append({"name": name, "code": code, "rows": rows, "quiet": quiet})


def _tenure_evidence(db, ev: Evidence, heads: list[dict]) -> list[list[str]]:
    """Per head (by position in ``heads``), the item keys of the dated evidence of its
    tenure, one per article (``M<official>.<article>`` a mention with the post,
    ``H<id>`` a handover); for a head that is no row of the table, its first only."""
    index: dict[tuple, list[int]] = defaultdict(list)
    for i, h in enumerate(heads):
        index[(h["unit_id"], h["position"], h["official_id"])].append(i)
    keys: list[dict[int, str]] = [{} for _ in heads]
    triples = sorted(index)
    for n in range(0, len(triples), 300):  # 900 bound parameters: under SQLite's oldest limit (999)
        part = triples[n:n + 300]
        rows = _windowed(db, f"""with t(unit_id, position, official_id) as (values {", ".join(["(?, ?, ?)"] * len(part))})
                                 select y.*, a.url, a.title, substr(a.published, 1, 10) as published,
                                        {OUTLET} as outlet, {{windows}} from (
                                   select x.unit_id, x.unit_name, x.position, x.official_id, x.day, x.kind, x.article_id,
                                          x.handover_id, coalesce(m.start, h.start) as span_start,
                                          coalesce(m.end, h.end) as span_end, m.rank, o.name, h.outgoing, h.incoming
                                   from holder_evidence x
                                   join t on t.unit_id = x.unit_id and t.position = x.position
                                         and t.official_id = x.official_id
                                   join officials o on o.id = x.official_id
                                   left join official_mentions m on m.id = x.mention_id
                                   left join handovers h on h.id = x.handover_id) y
                                 join articles a on a.id = y.article_id order by y.day, y.article_id""",
                         [v for t in part for v in t], {"h": ("y.span_start", "y.span_end")})
        for r in rows:
            for i in index[(r["unit_id"], r["position"], r["official_id"])]:
                if r["article_id"] in keys[i] or (keys[i] and not heads[i]["row"]):
                    continue
                ev.article(r["article_id"], r["url"], r["title"], r["published"], r["outlet"])
                if r["kind"] == "mention":
                    key = f"M{r['official_id']}.{r['article_id']}"
                    label = (f"{' '.join(x for x in (r['rank'], r['name']) if x)}, {r['position']} "
                             f"({r['unit_name']}) · {r['day']}")
                else:
                    key = f"H{r['handover_id']}"
                    label = (f"handover of {r['position']} ({r['unit_name']}): {r['outgoing'] or '?'} to "
                             f"{r['incoming'] or '?'} · {r['day']}")
                keys[i][r["article_id"]] = ev.item(key, r["article_id"], label, r["h_sentence"], r["h_mark"])
    return [list(k.values()) for k in keys]


def _warnings(db, f: Filters, p: dict, scope: str, events: list[dict], arts: list[dict], ev: Evidence,
              out: dict) -> list[dict]:
    res = []
    errs = fetch_all(db, "select e.id, e.url, e.stage, e.error_type, e.message, substr(e.at, 1, 10) as at "
                         "from errors e order by e.id")
    by_stage: dict[str, list] = defaultdict(list)
    for e in errs:
        by_stage[e["stage"] or "?"].append(e)
        ak = ev.article(f"x{e['id']}", e["url"], e["url"], e["at"], e["stage"])
        ev.item(f"X{e['id']}", ak, f"{e['error_type']} at the {e['stage']} stage", e["message"] or "")
    for stage, v in sorted(by_stage.items()):
        res.append({"what": f"failures at the {stage} stage", "note": "all runs; not narrowed by the filters",
                    "n": ev.group(f"err-{stage}", f"Failures at the {stage} stage", (f"X{e['id']}" for e in v),
                                      listed=True)})
    flags = _windowed(db, f"""select d.id, d.flag, d.date, d.text, d.start, d.end, a.id as article_id, a.url, a.title,
                                 substr(a.published, 1, 10) as published, {OUTLET} as outlet, {{windows}}
                          from date_mentions d join articles a on a.id = d.article_id
                          where d.flag is not null and {scope} order by d.flag, a.published""", p,
                      {"d": ("d.start", "d.end")})
    by_flag: dict[str, list] = defaultdict(list)
    for d in flags:
        by_flag[d["flag"]].append(d)
        ev.article(d["article_id"], d["url"], d["title"], d["published"], d["outlet"])
        ev.item(f"T{d['id']}", d["article_id"], f"{d['text']} → {d['date']} ({d['flag']})", d["d_sentence"],
                d["d_mark"])
    notes = {"weekday_mismatch": "the stated weekday disagrees with the date", "range": "start of a date range"}
    for flag, v in sorted(by_flag.items()):
        res.append({"what": f"dates flagged {flag}", "note": notes.get(flag, ""),
                    "n": ev.group(f"flag-{flag}", f"Dates flagged {flag}", (f"T{d['id']}" for d in v), listed=True)})
    res.append({"what": "events dated after their article", "note": "a date misread, or an event announced ahead",
                "n": out["after_article"]})
    res.append({"what": "events without a date in the text", "note": "dated by the article's publication "
                "(time_precision 2)", "n": out["by_publication"]})
    res.append({"what": "events without coordinates", "note": "no place coded; left out of the map and the ACLED file",
                "n": out["unlocated"]})
    empty = [a for a in fetch_all(db, f"""select a.id from articles a where a.extracted = 1 and {scope}
                                          and not exists (select 1 from events e where e.article_id = a.id)
                                          and not exists (select 1 from official_mentions m where m.article_id = a.id)
                                          order by a.published""", p)]
    res.append({"what": "extracted articles with no event and no official", "note": "relevant by score, nothing found",
                "n": ev.group("empty", "Extracted articles with no event and no official",
                              (f"A{a['id']}" for a in empty), listed=True)})
    res.append({"what": "articles without a publication date", "note": "left out of the period",
                "n": ev.group("nodate", "Articles without a publication date",
                              (f"A{a['id']}" for a in arts if not a["published"]), listed=True)})
    return res


# -- page -------------------------------------------------------------------------------------------------
_CSS = """
:root { --ink: #1d2430; --muted: #5b6575; --line: #dde2ea; --accent: #0b5cad; --bg: #f6f8fb; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; }
header { background: var(--ink); color: #fff; padding: 18px 28px 14px; }
header h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
header p { margin: 0; color: #c8d0dc; font-size: 13px; }
header a { color: inherit; }
main { padding: 8px 28px 40px; max-width: 1180px; }
nav.toc { margin: 14px 0; font-size: 13px; columns: 3; column-gap: 24px; }
nav.toc ol { margin: 0; padding-left: 18px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 10px; margin: 16px 0; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.card .v { font-size: 22px; font-weight: 600; }
.card .k { color: var(--muted); font-size: 12px; }
.card .s { color: var(--muted); font-size: 11.5px; margin-top: 2px; }
.sr { color: var(--muted); font-size: 12px; white-space: nowrap; }
a { color: var(--accent); }
a.n { text-decoration: none; border-bottom: 1px dotted var(--accent); font-variant-numeric: tabular-nums; }
a.n:hover { background: #e8f0fb; }
.n0 { color: var(--muted); }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.r, th.r { text-align: right; padding-right: 14px; font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); font-size: 13px; }
.wide { overflow-x: auto; max-width: 100%; }
.wide th { font-size: 12px; max-width: 90px; white-space: normal; vertical-align: bottom; }
svg.chart, svg.map { width: 100%; height: auto; display: block; margin: 6px 0; }
svg a:hover rect, svg a.pt:hover { opacity: .75; }
.legend { font-size: 12px; color: var(--muted); margin: 2px 0 8px; }
.legend span { margin-right: 12px; white-space: nowrap; }
.legend i { display: inline-block; width: 10px; height: 10px; margin-right: 4px; vertical-align: -1px;
            -webkit-print-color-adjust: exact; print-color-adjust: exact; }
td:first-child { white-space: nowrap; }
details.more > summary, details.cb > summary { cursor: pointer; color: var(--accent); font-size: 13px; }
.codebook { font-size: 13.5px; }
.codebook h4 { margin: 14px 0 2px; font-size: 14px; }
.codebook blockquote { margin: 2px 0 2px 14px; color: #333; font-style: italic; }
details.ev { border-top: 1px solid var(--line); padding: 4px 0; }
details.ev > summary { cursor: pointer; font-weight: 600; font-size: 14px; }
details.ev:target, details.ev[open] { background: #fffdf3; }
details.ev ol { margin: 4px 0; padding-left: 26px; }
details.ev li { margin: 4px 0 8px; }
.meta { color: var(--muted); font-size: 12px; }
cite { font-style: normal; font-family: ui-monospace, Menlo, monospace; font-size: 11.5px; background: var(--bg);
       padding: 0 3px; border-radius: 3px; }
blockquote { margin: 2px 0 0; font-size: 14px; }
mark { background: #ffe58a; padding: 0 1px; }
code { background: var(--bg); padding: 1px 4px; border-radius: 3px; font-size: 12px; }
button.all { font-size: 12px; margin: 4px 0 8px 26px; }
@page { size: A4; margin: 14mm 12mm 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  header { background: none; color: #000; padding: 0 0 6px; border-bottom: 2px solid #000; }
  header p { color: #333; }
  main { padding: 0; max-width: none; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 16px; }
  h3 { break-after: avoid; }
  table { font-size: 8.5pt; width: 100%; }
  thead { display: table-header-group; }
  tr, .card, svg, figure, .codebook h4 { break-inside: avoid; page-break-inside: avoid; }
  .wide { overflow: visible; }
  a, a.n { color: inherit; text-decoration: none; border: 0; }
  .no-print, details.ev, button, details.more > summary { display: none !important; }
  details.cb > summary { display: none; }
  .print-note { display: block !important; }
  nav.toc { columns: 2; }
  .cards { grid-template-columns: repeat(4, 1fr); }
}
.print-note { display: none; font-size: 9pt; color: #333; }
"""

_JS = """
(function () {
  var D = null, SHOW = %(show)d;
  function data() { if (!D) { D = JSON.parse(document.getElementById('evidence-data').textContent); } return D; }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) {
    return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]; }); }
  function item(i) {
    var d = data(), it = d.i[i]; if (!it) { return ''; }
    var sa = d.s[it[1]], a = d.a[sa[0]] || ['', '', '', ''], s = sa[1], m0 = it[3], m1 = it[4], k = it[0];
    var q = m1 ? esc(s.slice(0, m0)) + '<mark>' + esc(s.slice(m0, m0 + m1)) + '</mark>' + esc(s.slice(m0 + m1)) : esc(s);
    var link = a[0] ? '<a href="' + esc(a[0]) + '">' + esc(a[1] || a[0]) + '</a>' : esc(a[1]);
    var cite = 'pantau ' + k + (/^[EQMTDH]/.test(k) ? ' · A' + sa[0] : '');
    return '<li id="' + esc(k) + '">' + link + ' <span class="meta">' + esc(a[2]) + ' · ' + esc(a[3]) + ' · ' +
      esc(it[2]) + ' · <cite title="citable id: E event, A article, Q quote, M official in an article, ' +
      'D deployment, H handover, T date, X failure">' + esc(cite) + '</cite></span><blockquote>' + q + '</blockquote></li>';
  }
  function title(g) {
    return g[0] !== null ? g[0] : data().g[g[1]][0] + ': resting on a single press release';
  }
  function render(el, all) {
    var g = data().g[el.id]; if (!g) { return; }
    var hint = g[0] === null ? '' : g[1];
    var keys = g[2], n = all ? keys.length : Math.min(keys.length, SHOW), html = [];
    for (var i = 0; i < n; i++) { html.push(item(keys[i])); }
    var body = '<ol>' + html.join('') + '</ol>';
    if (n < keys.length) { body += '<button class="all" type="button">show all ' + keys.length + '</button>'; }
    if (hint) { body += '<p class="muted">The same list: <code>' + esc(hint) + '</code></p>'; }
    var box = el.querySelector('.items'); box.innerHTML = body; el.setAttribute('data-done', all ? 'all' : '1');
    var b = box.querySelector('button.all'); if (b) { b.onclick = function () { render(el, true); }; }
  }
  function find(id) {
    var el = document.getElementById(id), g;
    if (!el && (g = data().g[id])) {
      el = document.createElement('details'); el.className = 'ev'; el.id = id;
      el.innerHTML = '<summary>' + esc(title(g)) + ' (' + g[2].length + ')</summary><div class="items"></div>';
      document.getElementById('ev-more').appendChild(el);
    }
    return el;
  }
  document.addEventListener('toggle', function (e) {
    var el = e.target;
    if (el.classList && el.classList.contains('ev') && el.open && !el.getAttribute('data-done')) { render(el, false); }
  }, true);
  function go() {
    var h = decodeURIComponent(location.hash.slice(1));
    if (h.indexOf('ev-') !== 0) { return; }
    var el = find(h);
    if (el) { el.open = true; if (!el.getAttribute('data-done')) { render(el, false); } el.scrollIntoView(); }
  }
  window.addEventListener('hashchange', go);
  document.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a[href^="#ev-"]');
    if (a && a.getAttribute('href') === location.hash) { e.preventDefault(); go(); return; }
    var t = e.target.closest && e.target.closest('button.rows');
    if (t) { var tb = document.getElementById(t.getAttribute('data-for'));
      tb.tBodies[0].insertAdjacentHTML('beforeend', data().r[tb.id] || ''); t.remove(); }
  });
  go();
  window.pantauReadyAt = performance.now();
  document.documentElement.setAttribute('data-ready', '1');
})();
"""


def _table(ev: Evidence, table_id: str, head: str, rows: list[str], what: str, shown: int = PRINT_ROWS) -> str:
    """A table of the first ``shown`` rows; the others are drawn on "show more"
    (kept in the payload, so the page stays light) and are not printed."""
    extra = rows[shown:]
    if extra:
        ev.extra_rows[table_id] = "".join(extra)
    more = (f'<button class="rows no-print" type="button" data-for="{table_id}">show {len(extra):,} more {what}'
            f'</button><p class="print-note">{len(extra):,} more {_e(what)} in the HTML file.</p>' if extra else "")
    return (f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows[:shown])}</tbody></table>'
            + more)


_SR_HEAD = f'title="{SINGLE_TITLE}"'
_BAR_TITLE = "events (a story's copies once); hatched and in brackets: resting on a single press release"


def _bar_row(ev: Evidence, r: dict) -> dict:
    """A region's bar: its types (count, evidence, of them on a single press release) and its total."""
    n, gid = r["once"]
    return {"label": r["name"], "gid": gid, "note": f"{n:,} ({ev.single[gid][0]:,})" if n else "",
            "types": {t: (c, gid, r["single_types"].get(t, 0)) for t, c in r["types"].items()}}


def _region_table(ev: Evidence, rows: list[dict], kab: bool, personnel: dict, table_id: str) -> str:
    body = []
    for r in rows:
        if kab:
            pers = personnel.get(("kabupaten", r["code"]))
            pcols = f"<td class=r>{_enum(ev, pers[0] if pers else 0, pers[1] if pers else None)}</td>"
        else:
            own = personnel.get(("province", r["code"]))
            kabs = personnel.get(("kab-in-province", r["code"]))
            pcols = (f"<td class=r>{_enum(ev, own[0] if own else 0, own[1] if own else None)}</td>"
                     f"<td class=r>{_enum(ev, kabs[0] if kabs else 0, kabs[1] if kabs else None)}</td>")
        body.append(f"<tr><td>{_e(r['name'])}</td>{'<td>' + _e(r['province']) + '</td>' if kab else ''}"
                    f"<td>{_e(r['code'])}</td><td class=r>{_enum(ev, *r['events'])}</td>"
                    f"<td class=r>{_enum(ev, *r['once'])}</td>{pcols}</tr>")
    head = (f"<th>kabupaten/kota</th><th>province</th><th>code</th><th class=r {_SR_HEAD}>events (single release)</th>"
            f"<th class=r>once per story (single release)</th><th class=r>personnel (figures on a single release)</th>"
            if kab else
            f"<th>province</th><th>code</th><th class=r {_SR_HEAD}>events (single release)</th>"
            f"<th class=r>once per story (single release)</th>"
            "<th class=r>provincial figures (on a single release)</th>"
            "<th class=r>kabupaten/kota figures (on a single release)</th>")
    return _table(ev, table_id, head, body, "rows")


def _codebook_html() -> str:
    parts = []
    for sid, heading, blocks in codebook_sections():
        parts.append(f'<h3 id="{sid}">{_e(heading)}</h3>')
        for b in blocks:
            if b[0] == "p":
                parts.append(f"<p>{_inline(b[1])}</p>")
            elif b[0] == "ul":
                parts.append("<ul>" + "".join(f"<li>{_inline(x)}</li>" for x in b[1]) + "</ul>")
            elif b[0] == "table":
                head = "".join(f"<th>{_e(h)}</th>" for h in b[1])
                body = "".join("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in row) + "</tr>" for row in b[2])
                parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
            elif b[0] == "type":
                t = b[1]
                rules = "".join(f"<li>{_inline(r)}</li>" for r in t.rules)
                examples = "".join(f"<blockquote>{_e(x)}</blockquote>" for x in t.examples)
                acled = "; ".join(f"{r.event_type} / {r.sub_event_type}" + (f" when {r.cue.replace('_', ' ')}"
                                                                          if r.cue else "") for r in t.acled)
                parts.append(f'<h4 id="cb-{t.name}"><code>{_e(t.name)}</code> {_e(t.label)} '
                             f'<span class="muted">({_e(t.label_id)})</span></h4><p>{_inline(t.definition)}</p>'
                             f"<ul>{rules}</ul>{examples}<p class=muted>ACLED: {_e(acled)}</p>")
    return '<div class="codebook">' + "".join(parts) + "</div>"


def _inline(s: str) -> str:
    """Markdown's `code`, **bold** and *italic* in a line, escaped."""
    s = _e(s)
    s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
    s = re.sub(r"\*\*([^*]+)\*\*", r"<b>\1</b>", s)
    return re.sub(r"(?<![\w*])\*([^*]+)\*(?![\w*])", r"<i>\1</i>", s)


def _stage_bands(data: dict) -> tuple[list, list]:
    def week(d: str) -> str:
        x = dt.date.fromisoformat(d)
        return (x - dt.timedelta(days=x.weekday())).isoformat()

    bands, marks = [], []
    for s in data["stages"]:
        if s["stage"] in ("preparation",):
            continue
        label = {"quiet_period": "quiet", "recapitulation": "recap", "post_election": "after"}.get(s["stage"], s["stage"])
        bands.append((week(s["start"]), week(s["end"]), f"{s['election']} {label}",
                      _STAGE_FILL.get(s["stage"], "#f5f5f5")))
        if s["stage"] == "voting":
            marks.append((week(s["start"]), f"{s['election']} voting {s['start']}"))
    return bands, marks


def render(db: str | Path, data: dict) -> str:
    f: Filters = data["filters"]
    ev: Evidence = data["evidence"]
    p0, p1 = data["period"]
    e0, e1 = data["event_period"]
    pers = data["personnel"]
    located, n_events = data["located"]
    def single_line(gid: Optional[str], n: int, what: str = "") -> str:
        k, sgid = ev.single.get(gid, (0, None)) if gid else (0, None)
        return f"{_num(k, sgid)}{what} on a single press release" if n else ""

    cards = [
        ("articles", _num(*data["articles"]), ""),
        ("stories", _num(*data["stories"]), ""),
        ("near-duplicate rate", _num(round(100 * data["duplicate_rate"], 1) if data["articles"][0] else None,
                                     data["duplicates"][1], "{}%"), ""),
        ("events", _num(*data["events"]), single_line(data["events"][1], data["events"][0])),
        ("events once per story", _num(*data["events_once"]),
         single_line(data["events_once"][1], data["events_once"][0])),
        *((f"personnel, {title} figures", _num(pers[k][0], pers[k][1]),
           single_line(pers[k][1], pers[k][2], f" of {pers[k][2]:,} figure{'s' if pers[k][2] != 1 else ''}"))
          for k, title in (("kabupaten", "kabupaten/kota"), ("province", "provincial"), ("national", "national"))),
        ("officials", _num(*data["officials"]), ""),
        ("quotes", _num(*data["quotes"]), ""),
        ("events with coordinates", _num(f"{100 * located / n_events:.1f}" if n_events else None,
                                         data["unlocated"][1] if data["unlocated"][0] else None, "{}%"), ""),
    ]
    cards_html = "".join(f'<div class="card"><div class="v">{v}</div><div class="k">{_e(k)}</div>'
                         + (f'<div class="s">{sub}</div>' if sub else "") + "</div>" for k, v, sub in cards)
    toc = [("summary", "Summary"), ("map", "Map of events"), ("timeline", "Timeline and election stages"),
           ("regions", "Events by region"), ("personnel", "Personnel at their level"), ("who", "Who was where"),
           ("command", "Command"),
           ("quoted", "Officials most often quoted"), ("sources", "Period and sources"),
           ("warnings", "Data quality"), ("codebook", "Codebook"), ("evidence", "Evidence")]
    toc_html = '<nav class="toc"><b>Contents</b><ol>' + "".join(
        f'<li><a href="#{i}">{_e(t)}</a></li>' for i, t in toc) + "</ol></nav>"
    types = data["types"]
    legend = charts.legend(types)

    if n_events:
        ol = outlines()
        highlight = {r["code"] for r in data["kabupaten"]}
        map_html = (charts.event_map(ol, data["map_points"], types, highlight) + legend +
                    f'<p class="muted">One pie per kabupaten/kota at its capital, its area proportional to the events '
                    f'there (a story\'s copies once), wedges by type; click one for its events (its tooltip says how '
                    f'many rest on a single press release). Not on the map: '
                    f'{_enum(ev, *data["national_events"])} national and {_enum(ev, *data["province_wide"])} '
                    f'province-wide events, {_enum(ev, *data["placeless"])} without a place. In brackets here and '
                    f'below, when there are any: how many of the events rest on a single press release (the incident '
                    f'is reported by one story only, a press release or text carried by several outlets, and by no '
                    f'independent outlet: <code>event_evidence</code>). Outlines: Kemendagri 2025 '
                    f'(simplified, indicative).</p>')
        bands, marks = _stage_bands(data)
        weeks = data["weeks"]

        def week_value(w, t):
            c = data["week_cells"].get((w, t))
            return (c["n"], c["gid"], c["single"]) if c else (0, None, 0)

        timeline = charts.timeline(weeks, types, week_value, bands, marks,
                                   y_title="events (a story's copies once)") if weeks else ""
        legend = charts.legend(types, hatched=True)
        head = "".join(f'<th class=r>{_e(t.replace("_", " "))}</th>' for t in types)
        week_rows = []
        for w in weeks + (["undated"] if data["undated_events"] else []):
            cells = [data["week_cells"].get((w, t)) for t in types]
            if not any(cells):
                continue
            tds = "".join(f"<td class=r>{_enum(ev, c['n'], c['gid']) if c else _num(0, None)}</td>" for c in cells)
            week_rows.append(f"<tr><td>{_e(w)}</td>{tds}</tr>")
        week_table = (f'<div class=wide>{_table(ev, "t-weeks", f"<th>week</th>{head}", week_rows, "weeks")}</div>')
        prov_rows = [_bar_row(ev, r) for r in data["provinces"]]
        kab_rows = [_bar_row(ev, r) for r in data["kabupaten"][:25]]
        events_html = f"""
<h2 id="map">Map of events</h2>{map_html}
<h2 id="timeline">Timeline and election stages</h2>
<p class="muted">Events per week (Monday) by type, a story's copies once (chart and table); shaded: the stages of the
election schedule (<code>election_stages</code>), dashed: voting days; hatched, and in brackets in the table: the
events that rest on a single press release. Click a number or a bar for the articles and sentences.</p>
{timeline}{legend}{week_table}
<h2 id="regions">Events by region</h2>
<p class="muted">Regions by the event's scope: an event for the whole country ({_enum(ev, *data['national_events'])})
is in no province, a province-wide one ({_enum(ev, *data['province_wide'])}) in no kabupaten/kota.</p>
<h3>By province</h3>{charts.hbars(prov_rows, types, _BAR_TITLE)}
{_region_table(ev, data['provinces'], False, data['personnel_regions'], 't-prov')}
<h3>By kabupaten/kota</h3><p class="muted">The chart shows the 25 with most events; the table all of them.</p>
{charts.hbars(kab_rows, types, _BAR_TITLE)}
{_region_table(ev, data['kabupaten'], True, data['personnel_regions'], 't-kab')}"""
    else:
        events_html = ('<h2 id="map">Map of events</h2><p class="muted">No events in scope.</p>'
                       '<h2 id="timeline">Timeline and election stages</h2><p class="muted">No events in scope.</p>'
                       '<h2 id="regions">Events by region</h2><p class="muted">No events in scope.</p>')

    wide = [d for d in data["deployments"] if d["level"] in ("national", "province")]
    wide_rows = "".join(
        f"<tr><td>{_e(d['level'])}</td><td>{_e(d['province'] or 'Indonesia')}</td><td>{_e(d['type'])}</td>"
        f"<td>{_e(d['date'])}</td><td class=r>{_num(d['personnel'], d['gid'])}</td>"
        f"<td class=r>{d['events']}</td><td>{_e(_attested(d))}</td></tr>" for d in wide)
    personnel_html = f"""<h2 id="personnel">Personnel at their level</h2>
<p class="muted">A personnel figure is counted once per story (the same figure on several events or copies is one
deployment), at its level: national (<i>disebar ke 37 provinsi</i>), provincial (<i>Polda Riau menyiapkan ...</i>,
<i>se-Bali</i>) or kabupaten/kota. Levels are never added together: a national figure includes the regional ones.
Approximate figures (<i>ratusan personel</i>) count as their lower bound. In brackets, when there are any: how many
figures rest on a single press release.</p>
<table><thead><tr><th>level</th><th class=r {_SR_HEAD}>figures (single release)</th><th class=r>personnel</th></tr>
</thead><tbody>
{''.join(f"<tr><td>{lvl}</td><td class=r>{_enum(ev, pers[k][2], pers[k][1])}</td><td class=r>{_num(pers[k][0], pers[k][1])}</td></tr>" for k, lvl in (("national", "national"), ("province", "provincial"), ("kabupaten", "kabupaten/kota")))}
</tbody></table>
{('<h3>National and provincial figures</h3><table><thead><tr><th>level</th><th>province</th><th>type</th>'
  '<th>date</th><th class=r>personnel</th><th class=r>events</th><th>evidence</th></tr></thead><tbody>'
  + wide_rows + '</tbody></table>') if wide else ''}"""

    who_parts = []
    for w in data["who"]:
        rows = [f"<tr><td>{_e(r['name'])}</td><td>{_e(r['rank'] or '')}</td>"
                f"<td>{_e(r['position'] or '')}</td><td>{_e(r['unit'] or '')}</td><td>{_e(r['kabupaten'])}</td>"
                f"<td>{_e(r['first'])} – {_e(r['last'])}</td><td class=r>{_num(*r['articles'])}</td></tr>"
                for r in w["rows"]]
        who_parts.append(f"<h3>{_e(w['name'])}</h3>" + _table(
            ev, f"t-who-{w['code']}", "<th>official</th><th>rank</th><th>position</th><th>unit</th>"
            "<th>kabupaten/kota</th><th>reported</th><th class=r>articles</th>", rows, "officials", WHO_PER_PROVINCE))
    who_html = ('<h2 id="who">Who was where</h2><p class="muted">Officials with the rank, position and unit the '
                'articles state, per province of their unit, with the first and last article that reports them so '
                '(<code>official_positions</code>); most reported first.</p>'
                + ("".join(who_parts) or '<p class="muted">No officials in scope.</p>'))

    c0, c1 = data["command_period"]
    cmd_parts = []
    for p in data["command"]:
        rows = []
        for r in p["rows"]:
            o = r["overlaps"]
            notes = ([f"took over {r['since']}"] if r["since"] else []) + (
                [f"handed over {r['until']}"] if r["until"] else []) + (
                [f"the reports disagree: {', '.join(o[:2])}{f' and {len(o) - 2} more' if len(o) > 2 else ''} "
                 f"held it too"] if o else [])
            rows.append(f"<tr><td>{_e(r['position'])}</td><td>{_e(r['unit'])}</td><td>{_e(r['who'])}</td>"
                        f"<td>{_e(r['start'])} – {_e(r['end'])}</td><td class=r>{_num(*r['articles'])}</td>"
                        f"<td class=r>{_enum(ev, *r['events'])}</td><td class=muted>{_e('; '.join(notes))}</td></tr>")
        cmd_parts.append(f"<h3>{_e(p['name'])}</h3>" + (_table(
            ev, f"t-cmd-{p['code']}", f"<th>post</th><th>unit</th><th>holder</th><th>tenure (evidence)</th>"
            f"<th class=r>articles</th><th class=r {_SR_HEAD}>events (single release)</th><th></th>", rows, "heads",
            COMMAND_PER_PROVINCE) if rows else "") + (f'<p class="muted">Also in post, with no event of their unit in the period: '
                                     f'{_num(*p["quiet"])} Polres and Kodim heads.</p>' if p["quiet"][0] else ""))
    command_html = (
        f'<h2 id="command">Command</h2><p class="muted">Heads of the Polda and Kodam, and of the Polres (Polresta, '
        f'Polrestabes) and Kodim, whose tenure meets {_e(c0 or "?")} to {_e(c1 or "?")}, per province of their unit: '
        f'a tenure runs from the first to the last dated evidence that they held the post (an article naming them '
        f'with it, or a handover), widened by a handover to them and cut by one from them (<code>holders</code>). '
        f'Per head: the articles behind the tenure, and the events of their unit while they held it, a story\'s '
        f'copies once, with how many rest on a single press release. Polda and Kodam first, then the units with '
        f'most events. Who held a post on a given day: <code>pantau query holders --unit ... --on DAY</code>.</p>'
        + ("".join(cmd_parts) or '<p class="muted">No Polda, Kodam, Polres or Kodim head is attested in the '
                                  'period.</p>'))

    quoted = "".join(
        f"<tr><td>{_e(q['name'])}</td><td>{_e(q['rank'] or '')}</td><td>{_e(q['position'] or '')}</td>"
        f"<td>{_e(q['unit'] or '')}</td><td class=r>{_num(*q['quotes'])}</td>"
        f"<td class=r>{_num(*q['articles'])}</td></tr>" for q in data["quoted"])
    quoted_html = (f"<table><thead><tr><th>official</th><th>rank</th><th>position</th><th>unit</th>"
                   f"<th class=r>quotes</th><th class=r>articles</th></tr></thead><tbody>{quoted}</tbody></table>"
                   if quoted else '<p class="muted">No quotes in scope.</p>')
    outlets = "".join(
        f"<tr><td>{_e(o['outlet'])}</td><td class=r>{_num(*o['articles'])}</td>"
        f"<td class=r>{_num(*o['stories'])}</td><td class=r>{_num(*o['extracted'])}</td>"
        f"<td>{_e(o['first'] or '')} – {_e(o['last'] or '')}</td></tr>" for o in data["outlets"])
    warnings = "".join(f"<tr><td>{_e(w['what'])}</td><td class=r>{_enum(ev, *w['n'])}</td>"
                       f"<td class=muted>{_e(w['note'])}</td></tr>" for w in data["warnings"])
    dup_note = ("" if data["clustered"] else
                " No article carries a near-duplicate cluster yet, so every article counts as its own story.")
    evidence = "".join(
        f'<details class="ev" id="{gid}"><summary>{_e(ev.groups[gid][0])} ({len(ev.groups[gid][2]):,})</summary>'
        f'<div class="items"></div></details>' for gid in ev.listed if ev.groups[gid][2])
    generated = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    regions = f.regions()
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pantau report {_e(p0 or '')} – {_e(p1 or '')}</title>
<style>{_CSS}</style>
</head><body>
{charts.defs()}
<header><h1>pantau: election security in regional news</h1>
<p>{_e(Path(db).name)} · articles published {_e(p0 or '?')} to {_e(p1 or '?')} · events dated {_e(e0 or '?')} to
{_e(e1 or '?')} · <a href="#sources">{len(data['outlets'])} outlet(s)</a> · filters: {_e(f.describe())}
{('(' + _e(regions) + ')') if regions else ''} · generated {_e(generated)} by pantau {_e(__version__)}</p></header>
<main>
{toc_html}
<h2 id="summary">Summary</h2>
<div class="cards">{cards_html}</div>
<p class="muted">Every number links to the articles it came from, with the sentence and a citable id; a number
counts exactly the items its list holds. <b>Two periods:</b> the articles were published {_e(p0 or '?')} to
{_e(p1 or '?')}; the events they report are dated {_e(e0 or '?')} to {_e(e1 or '?')} by the dates the texts give
(articles report past events, and announce coming ones). {_enum(ev, *data['by_publication'])} events are dated by their
article's publication because the text gives no date (time_precision 2), and {_enum(ev, *data['after_article'])} are
dated after their article (see <a href="#warnings">data quality</a>). Near-duplicates:
{_num(*data['duplicates'])} of {_num(*data['articles'])} articles are later copies of a story
({100 * data['duplicate_rate']:.1f}%).{_e(dup_note)}</p>
{events_html}
{personnel_html}
{who_html}
{command_html}
<h2 id="quoted">Officials most often quoted</h2>
{quoted_html}
<h2 id="sources">Period and sources</h2>
<table><thead><tr><th>outlet</th><th class=r>articles</th><th class=r>stories</th><th class=r>extracted</th>
<th>published</th></tr></thead><tbody>{outlets}</tbody></table>
<h2 id="warnings">Data quality</h2>
<table><thead><tr><th>warning</th><th class=r>count</th><th></th></tr></thead><tbody>{warnings}</tbody></table>
<h2 id="codebook">Codebook</h2>
<details class="cb" open><summary>event types, ACLED crosswalk, actors, precision codes, counting rules</summary>
{_codebook_html()}</details>
<h2 id="evidence">Evidence</h2>
<p class="muted no-print">Open a list, or click a number above (its list opens below these). Each item: the article,
its date and outlet, what was found, a citable id, and the sentence.</p>
<p class="print-note">The evidence lists (every article and sentence behind each number) are in the HTML file.</p>
<div class="evidence">{evidence}<div id="ev-more"></div></div>
</main>
<script type="application/json" id="evidence-data">{ev.payload()}</script>
<script>{_JS % {"show": EVIDENCE_SHOW}}</script>
</body></html>
"""


def write_report(db: str | Path, out_dir: str | Path, f: Filters = Filters()) -> Path:
    """Write ``out_dir/report.html``; nothing half-written is left behind
    (:class:`~extractor.errors.WriteError` when it cannot be written)."""
    ensure_current(db)
    data = collect(db, f)
    text = render(db, data)
    out = Path(out_dir)
    make_dir(out)
    path = out / "report.html"
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path
