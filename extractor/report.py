"""The HTML report: one self-contained file that opens offline.

``report.html`` holds the period and sources covered, the counts, events per
week by type, events and personnel by province and kabupaten/kota, the
officials most often quoted, the near-duplicate rate and the extraction
warnings. Every number links to an evidence list further down the page: the
articles it came from, each with its URL and the sentence the record was found
in. Charts are drawn by plotly, whose JavaScript is inlined once in the page
(no CDN); clicking a bar jumps to its evidence.

Filters are those of ``query``: events and personnel are filtered as events
(date, region, type, forces/actors); articles, quotes and warnings are the
articles in scope: published in the period, naming a place in the region, and
holding an event of the type / an official or force of the institution.
Evidence lists show at most :data:`EVIDENCE_CAP` items and say how to list the
rest with ``pantau query``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from . import __version__
from .queries import (_EVENT_FILTERS, Filters, _article_filters, ensure_current, fetch_all, run_sql,
                      sentence_at)
from .views import OUTLET

EVIDENCE_CAP = 100
TOP_QUOTED = 20
#: personnel nouns, as in the events lexicon (for the sentence stating a count)
_PERSONNEL = r"(?:personel|personil|anggota|prajurit|petugas|aparat|pasukan)"
_WINDOW = 1000  # characters of text read on each side of a record to find its sentence


# -- evidence -------------------------------------------------------------------------------------------
@dataclass
class Item:
    url: str
    title: str
    date: str
    label: str
    sentence: str
    mark: str = ""  # words to highlight in the sentence


@dataclass
class Group:
    id: str
    title: str
    items: list[Item]
    total: int
    hint: str = ""


@dataclass
class Evidence:
    groups: dict[str, Group] = field(default_factory=dict)

    def add(self, gid: str, title: str, items: list[Item], hint: str = "") -> str:
        gid = "ev-" + re.sub(r"[^A-Za-z0-9_-]+", "-", gid).strip("-")
        if gid not in self.groups:
            self.groups[gid] = Group(gid, title, items[:EVIDENCE_CAP], len(items), hint)
        return gid


def _num(value: Any, gid: Optional[str], fmt: str = "{:,}") -> str:
    """A number linked to its evidence (zero and unknown are not linked)."""
    if value is None:
        return "–"
    text = fmt.format(value)
    if not gid or not value:
        return f'<span class="n0">{text}</span>'
    return f'<a class="n" href="#{gid}">{text}</a>'


def _e(s: Any) -> str:
    return html.escape("" if s is None else str(s))


# -- data -----------------------------------------------------------------------------------------------
def _where(filter_map: dict[str, str], f: Filters, skip: Iterable[str] = ()) -> str:
    conds = [filter_map[k] for k in f.active() if k in filter_map and k not in skip]
    return " and ".join(["1 = 1", *conds])


def _article_scope(f: Filters) -> str:
    return _where(_article_filters("a", "substr(a.published, 1, 10)"), f)


def _events(db, f: Filters) -> list[dict]:
    """Filtered events with their sentence (and the sentence stating the personnel count)."""
    sql = f"""select d.*, a.text is not null as has_text,
                     substr(a.text, max(1, d.start - {_WINDOW} + 1), d.end - d.start + 2 * {_WINDOW}) as win,
                     max(0, d.start - {_WINDOW}) as win_start
              from event_details d join articles a on a.id = d.article_id
              where {_where(_EVENT_FILTERS, f)} order by d.date, d.event_id"""
    cols, it = run_sql(db, sql, f.params())
    rows = []
    for values in it:  # the text window is dropped as soon as the sentence is cut from it
        r = dict(zip(cols, values))
        win, w0 = r.pop("win") or "", r.pop("win_start") or 0
        s, e = (r["start"] or 0) - w0, (r["end"] or 0) - w0
        r["sentence"] = sentence_at(win, s, e)
        r["mark"] = win[s:e]
        r["personnel_sentence"], r["personnel_mark"] = r["sentence"], r["mark"]
        rows.append(r)
    with_personnel = [r for r in rows if r["personnel"] is not None]
    for i in range(0, len(with_personnel), 200):
        chunk = with_personnel[i:i + 200]
        texts = _texts(db, [r["article_id"] for r in chunk])
        for r in chunk:
            found = _personnel_sentence(texts.get(r["article_id"], ""), r["personnel"], r["start"] or 0)
            if found:
                r["personnel_sentence"], r["personnel_mark"] = found
    return rows


def _texts(db, ids: list[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    ids = sorted(set(ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        _, rows = run_sql(db, f"select id, text from articles where id in ({','.join('?' * len(chunk))})", chunk)
        out.update({k: v for k, v in rows})
    return out


_WORDS = {1: "satu|seorang", 2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh", 8: "delapan",
          9: "sembilan", 10: "sepuluh|puluhan", 11: "sebelas|belasan", 100: "seratus|ratusan", 1000: "seribu|ribuan"}


def _personnel_sentence(text: str, n: int, near: int) -> Optional[tuple[str, str]]:
    """The sentence stating ``n`` personnel (the one nearest the event), and the words."""
    words = [re.escape(f"{n:,}".replace(",", ".")), re.escape(str(n))]
    if n in _WORDS:
        words.append(_WORDS[n])
    pat = re.compile(rf"\b(?:{'|'.join(words)})\b(?:\s+\w+){{0,2}}?\s+{_PERSONNEL}", re.IGNORECASE)
    hits = list(pat.finditer(text))
    if not hits:
        return None
    m = min(hits, key=lambda h: abs(h.start() - near))
    return sentence_at(text, m.start(), m.end()), m.group(0)


def _event_item(r: dict, personnel: bool = False) -> Item:
    label = f"{r['type']} · {r['place'] or r['kabupaten'] or r['province'] or 'no place'}"
    if r["personnel"] is not None:
        label += f" · {r['personnel']:,}{'+' if r['personnel_approx'] else ''} personnel"
    if r["date_source"] != "text":
        label += " · date: publication"
    if personnel:
        return Item(r["url"], r["title"], r["date"] or "", label, r["personnel_sentence"], r["personnel_mark"])
    return Item(r["url"], r["title"], r["date"] or "", label, r["sentence"], r["mark"])


def _hint(f: Filters, name: str, **extra: str) -> str:
    parts = [f"pantau query {name}"]
    for k, v in {**f.active(), **extra}.items():
        parts.append(f"--{k.replace('_', '-')} {json.dumps(v, ensure_ascii=False) if ' ' in str(v) else v}")
    return " ".join(parts)


def collect(db: str | Path, f: Filters) -> dict:
    """Everything the report shows, with its evidence groups."""
    ev = Evidence()
    p = f.params()
    scope = _article_scope(f)
    out: dict[str, Any] = {"filters": f, "evidence": ev}

    # articles in scope, outlets, stories ------------------------------------------------------------
    arts = fetch_all(db, f"""select a.id, a.url, a.title, substr(a.published, 1, 10) as published,
                                    {OUTLET} as outlet, a.relevance, a.extracted,
                                    coalesce('c' || a.cluster_id, 'a' || a.id) as story_key,
                                    substr(a.text, 1, 600) as lead
                             from articles a where {scope} order by a.published, a.id""", p)
    for a in arts:
        a["sentence"] = sentence_at(a.pop("lead") or "", 0, 1)
    def art_item(a, label=""):
        return Item(a["url"], a["title"], a["published"] or "", label or a["outlet"] or "", a["sentence"])

    out["articles"] = len(arts)
    out["articles_gid"] = ev.add("articles", "Articles in scope", [art_item(a) for a in arts],
                                 _hint(f, "articles"))
    extracted = [a for a in arts if a["extracted"]]
    out["extracted"] = len(extracted)
    out["extracted_gid"] = ev.add("extracted", "Articles extracted (relevant, or run with --all)",
                                  [art_item(a, f"relevance {a['relevance']}") for a in extracted])
    dated = sorted(a["published"] for a in arts if a["published"])
    out["period"] = (dated[0], dated[-1]) if dated else (None, None)
    by_outlet: dict[str, list] = defaultdict(list)
    for a in arts:
        by_outlet[a["outlet"] or "(unknown)"].append(a)
    out["outlets"] = [
        {"outlet": o, "articles": len(v), "gid": ev.add(f"outlet-{o}", f"Articles from {o}", [art_item(a) for a in v]),
         "stories": len({a["story_key"] for a in v}), "extracted": sum(1 for a in v if a["extracted"]),
         "sgid": ev.add(f"outlet-stories-{o}", f"Stories from {o} (first copy of each)",
                        list({a["story_key"]: art_item(a) for a in reversed(v)}.values())[::-1]),
         "egid": ev.add(f"outlet-extracted-{o}", f"Articles from {o} extracted",
                        [art_item(a, f"relevance {a['relevance']}") for a in v if a["extracted"]]),
         "first": min((a["published"] for a in v if a["published"]), default=None),
         "last": max((a["published"] for a in v if a["published"]), default=None)}
        for o, v in sorted(by_outlet.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    stories: dict[str, list] = defaultdict(list)
    for a in arts:
        stories[a["story_key"]].append(a)
    out["stories"] = len(stories)
    out["stories_gid"] = ev.add("stories", "Stories (near-duplicate copies folded)",
                                [art_item(v[0], f"{len(v)} cop{'y' if len(v) == 1 else 'ies'}") for v in stories.values()],
                                _hint(f, "stories"))
    dups = [a for v in stories.values() if len(v) > 1 for a in v[1:]]
    out["duplicates"] = len(dups)
    out["duplicate_rate"] = len(dups) / len(arts) if arts else 0.0
    out["duplicates_gid"] = ev.add("duplicates", "Near-duplicate copies (a later copy of a story)",
                                   [art_item(a, f"copy of story {a['story_key']}") for a in dups])
    out["clustered"] = fetch_all(db, "select count(*) as n from articles where cluster_id is not null")[0]["n"]

    # events -----------------------------------------------------------------------------------------
    events = _events(db, f)
    out["events"] = len(events)
    out["events_unique"] = len(_once(events))
    out["events_unique_gid"] = ev.add("events-once", "Events, a story's copies once", [_event_item(r) for r in _once(events)],
                                      _hint(f, "event_details"))
    out["events_gid"] = ev.add("events", "Events", [_event_item(r) for r in events], _hint(f, "event_details"))
    with_personnel = [r for r in events if r["personnel"] is not None]
    out["personnel"] = _personnel_sum(with_personnel)
    out["personnel_gid"] = ev.add("personnel", "Personnel counts stated",
                                  [_event_item(r, personnel=True) for r in with_personnel])
    types = sorted({r["type"] for r in events})
    out["types"] = types

    # per week and type
    weeks = _all_weeks([r["week"] for r in events if r["week"]])
    cells: dict[tuple[str, str], list] = defaultdict(list)
    for r in events:
        cells[(r["week"] or "undated", r["type"])].append(r)
    out["weeks"] = weeks
    out["week_cells"] = {
        k: {"n": len(v), "unique": len({(r["story_key"], r["date"], r["place_code"]) for r in v}),
            "gid": ev.add(f"week-{k[0]}-{k[1]}", f"{k[1]} events in the week of {k[0]}", [_event_item(r) for r in v],
                          _hint(f, "event_details", event_type=k[1]))}
        for k, v in cells.items()}
    out["undated_events"] = sum(len(v) for k, v in cells.items() if k[0] == "undated")

    # per province and kabupaten
    out["provinces"] = _regions(ev, f, events, lambda r: (r["province_code"] or "", r["province"] or "(no province)"),
                                "prov")
    out["kabupaten"] = _regions(ev, f, events,
                                lambda r: (r["kabupaten_code"] or f"{r['province_code'] or ''}-none",
                                           r["kabupaten"] or "(no kabupaten/kota)"), "kab",
                                province_of=lambda r: r["province"] or "(no province)")

    # quotes ----------------------------------------------------------------------------------------
    qscope = _where({**_article_filters("a", "substr(a.published, 1, 10)"),
                     "institution": "coalesce(o.institution, '') = :institution collate nocase"}, f)
    quotes = fetch_all(db, f"""select q.id, q.official_id, q.speaker, q.text, q.start, q.end,
                                      o.name, o.rank, o.position, o.unit, o.institution,
                                      a.url, a.title, substr(a.published, 1, 10) as published, a.id as article_id
                               from quotes q join articles a on a.id = q.article_id
                               left join officials o on o.id = q.official_id
                               where {qscope} order by a.published, q.id""", p)
    out["quotes"] = len(quotes)
    out["quotes_gid"] = ev.add("quotes", "Quotes", [_quote_item(q) for q in quotes])
    speakers: dict[str, list] = defaultdict(list)
    for q in quotes:
        speakers[f"o{q['official_id']}" if q["official_id"] else f"s{q['speaker'] or '?'}"].append(q)
    ranked = sorted(speakers.items(), key=lambda kv: (-len(kv[1]), -len({q["article_id"] for q in kv[1]}), kv[0]))
    out["quoted"] = [
        {"name": v[0]["name"] or v[0]["speaker"] or "(unattributed)", "rank": v[0]["rank"], "position": v[0]["position"],
         "unit": v[0]["unit"], "institution": v[0]["institution"], "quotes": len(v),
         "articles": len({q["article_id"] for q in v}),
         "gid": ev.add(f"quoted-{k}", f"Quotes of {v[0]['name'] or v[0]['speaker']}", [_quote_item(q) for q in v]),
         "agid": ev.add(f"quoted-art-{k}", f"Articles quoting {v[0]['name'] or v[0]['speaker']}",
                        _first_per_article([_quote_item(q) for q in v], [q["article_id"] for q in v]))}
        for k, v in ranked[:TOP_QUOTED]]
    officials = fetch_all(db, f"""select count(distinct m.official_id) as n from official_mentions m
                                  join officials o on o.id = m.official_id join articles a on a.id = m.article_id
                                  where {_where({**_article_filters('a', 'substr(a.published, 1, 10)'),
                                                 'institution': 'coalesce(m.institution, o.institution) = :institution collate nocase'}, f)}""",
                          p)[0]["n"]
    out["officials"] = officials
    out["officials_gid"] = ev.add("officials", "Officials named", _official_items(db, f, p))

    # warnings --------------------------------------------------------------------------------------
    out["warnings"] = _warnings(db, f, p, scope, events, arts, ev)
    return out


def _once(rows: list[dict]) -> list[dict]:
    """One event per story, type, date and place: a story's copies once."""
    seen, out = set(), []
    for r in rows:
        k = (r["story_key"], r["type"], r["date"], r["place_code"])
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def _personnel_sum(rows: list[dict]) -> int:
    """Stated personnel, syndicated copies of one deployment counted once."""
    best: dict[tuple, int] = {}
    for r in rows:
        k = (r["story_key"], r["type"], r["date"], r["place_code"])
        best[k] = max(best.get(k, 0), r["personnel"] or 0)
    return sum(best.values())


def _all_weeks(weeks: list[str]) -> list[str]:
    if not weeks:
        return []
    d0, d1 = dt.date.fromisoformat(min(weeks)), dt.date.fromisoformat(max(weeks))
    out = []
    while d0 <= d1 and len(out) < 520:
        out.append(d0.isoformat())
        d0 += dt.timedelta(days=7)
    return out


def _regions(ev: Evidence, f: Filters, events: list[dict], key, prefix: str, province_of=None) -> list[dict]:
    groups: dict[tuple, list] = defaultdict(list)
    for r in events:
        groups[key(r)].append(r)
    rows = []
    for (code, name), v in groups.items():
        with_p = [r for r in v if r["personnel"] is not None]
        kab = prefix == "kab" and not code.endswith("-none")
        hint_filter = {"kabupaten": code} if kab else ({"province": code} if code and prefix == "prov" else {})
        rows.append({
            "code": code, "name": name, "province": province_of(v[0]) if province_of else None,
            "events": len(v), "unique": len(_once(v)),
            "ugid": ev.add(f"{prefix}-once-{code}-{name}", f"Events in {name}, a story's copies once",
                           [_event_item(r) for r in _once(v)]),
            "types": Counter(r["type"] for r in v),
            "gid": ev.add(f"{prefix}-{code}-{name}", f"Events in {name}", [_event_item(r) for r in v],
                          _hint(f, "event_details", **hint_filter)),
            "personnel": _personnel_sum(with_p) if with_p else None,
            "pgid": ev.add(f"{prefix}-p-{code}-{name}", f"Personnel counts stated in {name}",
                           [_event_item(r, personnel=True) for r in with_p],
                           _hint(f, "personnel_by_stage", **hint_filter)) if with_p else None,
        })
    rows.sort(key=lambda r: (-r["events"], r["name"]))
    return rows


def _quote_item(q: dict) -> Item:
    who = " ".join(x for x in (q["rank"], q["name"] or q["speaker"]) if x) or "(unattributed)"
    if q["position"]:
        who += f", {q['position']}"
    return Item(q["url"], q["title"], q["published"] or "", who, f"“{q['text']}”")


def _first_per_article(items: list[Item], article_ids: list[int]) -> list[Item]:
    seen, out = set(), []
    for it, aid in zip(items, article_ids):
        if aid not in seen:
            seen.add(aid)
            out.append(it)
    return out


def _official_items(db, f: Filters, p: dict) -> list[Item]:
    scope = _where({**_article_filters("a", "substr(a.published, 1, 10)"),
                    "institution": "coalesce(m.institution, o.institution) = :institution collate nocase"}, f)
    rows = fetch_all(db, f"""select o.id, o.name, m.rank, m.position, m.unit, min(m.start) as start, min(m.end) as end,
                                    a.url, a.title, substr(a.published, 1, 10) as published,
                                    substr(a.text, max(1, min(m.start) - {_WINDOW} + 1), 2 * {_WINDOW}) as win,
                                    max(0, min(m.start) - {_WINDOW}) as w0
                             from official_mentions m join officials o on o.id = m.official_id
                             join articles a on a.id = m.article_id
                             where {scope} group by o.id, a.id order by o.name, a.published limit {EVIDENCE_CAP * 5}""", p)
    items = []
    seen = set()
    for r in rows:
        if r["id"] in seen:
            continue
        seen.add(r["id"])
        s, e = (r["start"] or 0) - r["w0"], (r["end"] or 0) - r["w0"]
        label = " ".join(x for x in (r["rank"], r["name"]) if x) + (f", {r['position']}" if r["position"] else "") \
            + (f" ({r['unit']})" if r["unit"] else "")
        items.append(Item(r["url"], r["title"], r["published"] or "", label, sentence_at(r["win"] or "", s, e),
                          (r["win"] or "")[s:e]))
    return items


def _warnings(db, f: Filters, p: dict, scope: str, events: list[dict], arts: list[dict], ev: Evidence) -> list[dict]:
    out = []
    errs = fetch_all(db, "select e.url, e.stage, e.error_type, e.message, substr(e.at, 1, 10) as at "
                         "from errors e order by e.id")
    by_stage: dict[str, list] = defaultdict(list)
    for e in errs:
        by_stage[e["stage"] or "?"].append(e)
    for stage, v in sorted(by_stage.items()):
        out.append({"what": f"failures at the {stage} stage", "note": "all runs; not narrowed by the filters",
                    "n": len(v), "gid": ev.add(f"err-{stage}", f"Failures at the {stage} stage",
                                               [Item(e["url"], e["url"], e["at"] or "", e["error_type"] or "",
                                                     e["message"] or "") for e in v])})
    flags = fetch_all(db, f"""select d.flag, d.date, d.text, d.start, d.end, a.url, a.title,
                                     substr(a.published, 1, 10) as published,
                                     substr(a.text, max(1, d.start - {_WINDOW} + 1), d.end - d.start + 2 * {_WINDOW}) as win,
                                     max(0, d.start - {_WINDOW}) as w0
                              from date_mentions d join articles a on a.id = d.article_id
                              where d.flag is not null and {scope} order by d.flag, a.published""", p)
    by_flag: dict[str, list] = defaultdict(list)
    for d in flags:
        by_flag[d["flag"]].append(d)
    notes = {"weekday_mismatch": "the stated weekday disagrees with the date", "range": "start of a date range"}
    for flag, v in sorted(by_flag.items()):
        out.append({"what": f"dates flagged {flag}", "note": notes.get(flag, ""), "n": len(v),
                    "gid": ev.add(f"flag-{flag}", f"Dates flagged {flag}",
                                  [Item(d["url"], d["title"], d["published"] or "", f"{d['text']} → {d['date']}",
                                        sentence_at(d["win"] or "", d["start"] - d["w0"], d["end"] - d["w0"]),
                                        d["text"]) for d in v])})
    undated = [r for r in events if r["date_source"] != "text"]
    out.append({"what": "events without a date in the text", "note": "dated by the article's publication",
                "n": len(undated), "gid": ev.add("undated", "Events dated by publication", [_event_item(r) for r in undated])})
    placeless = [r for r in events if not r["place_code"]]
    out.append({"what": "events without a coded place", "note": "not counted in any kabupaten/kota",
                "n": len(placeless), "gid": ev.add("placeless", "Events without a coded place",
                                                   [_event_item(r) for r in placeless])})
    empty = fetch_all(db, f"""select a.url, a.title, substr(a.published, 1, 10) as published, a.relevance,
                                     substr(a.text, 1, 600) as lead
                              from articles a where a.extracted = 1 and {scope}
                              and not exists (select 1 from events e where e.article_id = a.id)
                              and not exists (select 1 from official_mentions m where m.article_id = a.id)
                              order by a.published""", p)
    out.append({"what": "extracted articles with no event and no official", "note": "relevant by score, nothing found",
                "n": len(empty), "gid": ev.add("empty", "Extracted articles with no event and no official",
                                               [Item(a["url"], a["title"], a["published"] or "",
                                                     f"relevance {a['relevance']}", sentence_at(a["lead"] or "", 0, 1))
                                                for a in empty])})
    nodate = [a for a in arts if not a["published"]]
    out.append({"what": "articles without a publication date", "note": "left out of the period",
                "n": len(nodate), "gid": ev.add("nodate", "Articles without a publication date",
                                                [Item(a["url"], a["title"], "", a["outlet"] or "", a["sentence"])
                                                 for a in nodate])})
    return out


# -- charts ----------------------------------------------------------------------------------------------
_CLICK_JS = ("var el = document.getElementById('{plot_id}');"
             "el.on('plotly_click', function (ev) {{ var p = ev.points && ev.points[0];"
             " if (p && p.customdata) {{ location.hash = Array.isArray(p.customdata) ? p.customdata[0] : p.customdata; }} }});")


def _type_colors(types: list[str]) -> dict[str, str]:
    from plotly.colors import qualitative

    palette = qualitative.Plotly + qualitative.D3 + qualitative.Set3
    order = ["recap_security", "polling_security", "logistics_escort", "patrol", "readiness_parade", "revote", "protest",
             "clash", "money_politics", "disinformation", "coordination_meeting", "inspection_visit", "other"]
    extra = [t for t in types if t not in order]
    return {t: palette[i % len(palette)] for i, t in enumerate(order + extra)}


def _fig_html(fig, div_id: str, legend_below: bool = False) -> str:
    """The figure as a <div> (plotly.js is in the page head); the legend on the
    right, or below the plot; the mode bar above it, clear of both."""
    fig.update_layout(template="plotly_white", font=dict(size=12), bargap=0.25,
                      margin=dict(l=10, r=10, t=60 if legend_below else 36, b=40 if legend_below else 10),
                      legend=dict(orientation="h", yanchor="top", y=-0.12, x=0) if legend_below
                      else dict(orientation="v", yanchor="top", y=1, x=1.01, title=dict(text="event type")))
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id, post_script=_CLICK_JS,
                       config={"displaylogo": False, "responsive": True,
                               "toImageButtonOptions": {"filename": div_id}})


def chart_weeks(data: dict) -> str:
    import plotly.graph_objects as go

    colors = _type_colors(data["types"])
    fig = go.Figure()
    for t in data["types"]:
        ys, cd = [], []
        for w in data["weeks"]:
            c = data["week_cells"].get((w, t))
            ys.append(c["unique"] if c else 0)
            cd.append(c["gid"] if c else "")
        fig.add_bar(name=t, x=data["weeks"], y=ys, customdata=cd, marker_color=colors[t],
                    hovertemplate=f"{t}<br>week of %{{x}}: %{{y}} events<extra></extra>")
    fig.update_layout(barmode="stack", height=470, xaxis=dict(type="category", title="week (Monday)"),
                      yaxis=dict(title="events, syndicated copies once"))
    return _fig_html(fig, "chart-weeks")


def chart_regions(rows: list[dict], types: list[str], div_id: str, label) -> str:
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    rows = rows[:30][::-1]
    colors = _type_colors(types)
    names = [label(r) for r in rows]
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.03,
                        subplot_titles=("events by type", "personnel stated"), column_widths=[0.6, 0.4])
    for t in types:
        fig.add_bar(name=t, y=names, x=[r["types"].get(t, 0) for r in rows], orientation="h", marker_color=colors[t],
                    customdata=[r["gid"] for r in rows], legendgroup=t,
                    hovertemplate=f"{t}: %{{x}}<extra>%{{y}}</extra>", row=1, col=1)
    fig.add_bar(name="personnel", y=names, x=[r["personnel"] or 0 for r in rows], orientation="h",
                marker_color="#555", customdata=[r["pgid"] or r["gid"] for r in rows], showlegend=False,
                hovertemplate="%{x:,} personnel<extra>%{y}</extra>", row=1, col=2)
    fig.update_yaxes(automargin=True)
    fig.update_layout(barmode="stack", height=max(300, 150 + 26 * len(rows)))
    return _fig_html(fig, div_id, legend_below=True)


# -- page -------------------------------------------------------------------------------------------------
_CSS = """
:root { --ink: #1d2430; --muted: #5b6575; --line: #dde2ea; --accent: #0b5cad; --bg: #f6f8fb; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; background: #fff; }
header { background: var(--ink); color: #fff; padding: 18px 28px 14px; }
header h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
header p { margin: 0; color: #c8d0dc; font-size: 13px; }
main { padding: 8px 28px 40px; max-width: 1280px; }
h2 { font-size: 18px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 15px; margin: 18px 0 6px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(128px, 1fr)); gap: 10px; margin: 16px 0; }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.card .v { font-size: 24px; font-weight: 600; }
.card .k { color: var(--muted); font-size: 12px; }
a { color: var(--accent); }
a.n { text-decoration: none; border-bottom: 1px dotted var(--accent); font-variant-numeric: tabular-nums; }
a.n:hover { background: #e8f0fb; }
.n0 { color: var(--muted); }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.r, th.r { text-align: right; padding-right: 14px; }
.muted { color: var(--muted); font-size: 13px; }
.wide { overflow-x: auto; max-width: 100%; }
.scroll { max-height: 330px; overflow-y: auto; display: inline-block; border-bottom: 1px solid var(--line); }
.scroll th { position: sticky; top: 0; background: #fff; }
.wide th { font-size: 12px; max-width: 90px; white-space: normal; vertical-align: bottom; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } }
.evidence section { border-top: 1px solid var(--line); padding: 6px 0 8px; }
.evidence section:target { background: #fffbe6; }
.evidence h3 { margin: 8px 0 4px; }
.evidence ol { margin: 0; padding-left: 22px; }
.evidence li { margin: 4px 0 8px; }
.evidence .meta { color: var(--muted); font-size: 12px; }
.evidence blockquote { margin: 2px 0 0; font-size: 14px; }
mark { background: #ffe58a; padding: 0 1px; }
code { background: var(--bg); padding: 1px 4px; border-radius: 3px; font-size: 12px; }
"""


def _mark(sentence: str, words: str) -> str:
    if words and words in sentence:
        i = sentence.index(words)
        return _e(sentence[:i]) + "<mark>" + _e(words) + "</mark>" + _e(sentence[i + len(words):])
    return _e(sentence)


def _evidence_html(ev: Evidence) -> str:
    parts = []
    for g in ev.groups.values():
        if not g.total:
            continue
        items = "".join(
            f'<li><a href="{_e(it.url)}">{_e(it.title or it.url)}</a> <span class="meta">{_e(it.date)} · {_e(it.label)}'
            f' · {_e(it.url)}</span><blockquote>{_mark(it.sentence, it.mark)}</blockquote></li>'
            for it in g.items)
        more = ""
        if g.total > len(g.items):
            more = f'<p class="muted">Showing {len(g.items)} of {g.total:,}.' + (
                f" All of them: <code>{_e(g.hint)}</code></p>" if g.hint else "</p>")
        parts.append(f'<section id="{g.id}"><h3>{_e(g.title)} ({g.total:,})</h3><ol>{items}</ol>{more}</section>')
    return "\n".join(parts)


def render(db: str | Path, data: dict) -> str:
    from plotly.offline import get_plotlyjs

    f: Filters = data["filters"]
    ev: Evidence = data["evidence"]
    p0, p1 = data["period"]
    cards = [
        ("articles", _num(data["articles"], data["articles_gid"])),
        ("extracted", _num(data["extracted"], data["extracted_gid"])),
        ("stories", _num(data["stories"], data["stories_gid"])),
        ("near-duplicate rate", _num(round(100 * data["duplicate_rate"], 1) if data["articles"] else None,
                                     data["duplicates_gid"], "{}%")),
        ("events", _num(data["events"], data["events_gid"])),
        ("personnel stated", _num(data["personnel"], data["personnel_gid"])),
        ("officials", _num(data["officials"], data["officials_gid"])),
        ("quotes", _num(data["quotes"], data["quotes_gid"])),
    ]
    cards_html = "".join(f'<div class="card"><div class="v">{v}</div><div class="k">{_e(k)}</div></div>' for k, v in cards)
    outlets = "".join(
        f"<tr><td>{_e(o['outlet'])}</td><td class=r>{_num(o['articles'], o['gid'])}</td>"
        f"<td class=r>{_num(o['stories'], o['sgid'])}</td><td class=r>{_num(o['extracted'], o['egid'])}</td>"
        f"<td>{_e(o['first'] or '')} – {_e(o['last'] or '')}</td></tr>"
        for o in data["outlets"])

    if data["events"]:
        week_chart = chart_weeks(data)
        head = "".join(f'<th class=r>{_e(t.replace("_", " "))}</th>' for t in data["types"])
        week_rows = []
        for w in data["weeks"] + (["undated"] if data["undated_events"] else []):
            cells = [data["week_cells"].get((w, t)) for t in data["types"]]
            if not any(cells):
                continue
            tds = "".join(f"<td class=r>{_num(c['n'], c['gid']) if c else _num(0, None)}</td>" for c in cells)
            week_rows.append(f"<tr><td>{_e(w)}</td>{tds}</tr>")
        week_table = f"<div class=wide><table><tr><th>week</th>{head}</tr>{''.join(week_rows)}</table></div>"
        prov_chart = chart_regions(data["provinces"], data["types"], "chart-provinces", lambda r: r["name"])
        kab_chart = chart_regions(data["kabupaten"], data["types"], "chart-kabupaten", lambda r: r["name"])
        prov_table = _region_table(data["provinces"], False)
        kab_table = _region_table(data["kabupaten"], True)
        events_html = f"""
<h2 id="weeks">Events per week by type</h2>
<p class="muted">Bars count syndicated copies of a story once; the table counts every article's events
(click a number, or a bar, for the articles and sentences).</p>
{week_chart}{week_table}
<h2 id="regions">Events and personnel by province and kabupaten/kota</h2>
<p class="muted">Personnel: the sum of counts the articles state (copies of one story once; an approximate count,
'ratusan personel', is its lower bound). Separate stories about the same deployment are not merged.</p>
<h3>By province</h3>{prov_chart}{prov_table}
<h3>By kabupaten/kota</h3><p class="muted">The chart shows the 30 with most events; the table all of them.</p>
{kab_chart}{kab_table}"""
    else:
        events_html = '<h2 id="weeks">Events</h2><p class="muted">No events in scope.</p>'

    quoted = "".join(
        f"<tr><td>{_e(q['name'])}</td><td>{_e(q['rank'] or '')}</td><td>{_e(q['position'] or '')}</td>"
        f"<td>{_e(q['unit'] or '')}</td><td class=r>{_num(q['quotes'], q['gid'])}</td>"
        f"<td class=r>{_num(q['articles'], q['agid'])}</td></tr>" for q in data["quoted"])
    quoted_html = (f"<table><tr><th>official</th><th>rank</th><th>position</th><th>unit</th><th class=r>quotes</th>"
                   f"<th class=r>articles</th></tr>{quoted}</table>" if quoted else '<p class="muted">No quotes in scope.</p>')
    warnings = "".join(f"<tr><td>{_e(w['what'])}</td><td class=r>{_num(w['n'], w['gid'])}</td>"
                       f"<td class=muted>{_e(w['note'])}</td></tr>" for w in data["warnings"])
    dup_note = ("" if data["clustered"] else
                " No article carries a near-duplicate cluster yet, so every article counts as its own story.")
    generated = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>pantau report {_e(p0 or '')} – {_e(p1 or '')}</title>
<style>{_CSS}</style>
<script type="text/javascript">{get_plotlyjs()}</script>
</head><body>
<header><h1>pantau: election security in regional news</h1>
<p>{_e(Path(db).name)} · articles published {_e(p0 or '?')} to {_e(p1 or '?')} · <a href="#sources" style="color: inherit">{len(data['outlets'])} outlet(s)</a> ·
filters: {_e(f.describe())} · generated {_e(generated)} by pantau {_e(__version__)}</p></header>
<main>
<div class="cards">{cards_html}</div>
<p class="muted">Every number links to the articles it came from, with the sentence. Events:
{_num(data['events'], data['events_gid'])} found, {_num(data['events_unique'], data['events_unique_gid'])} once syndicated
copies are folded. Near-duplicates: {_num(data['duplicates'], data['duplicates_gid'])} of
{_num(data['articles'], data['articles_gid'])} articles are later copies
of a story ({100 * data['duplicate_rate']:.1f}%).{_e(dup_note)}</p>
<h2 id="sources">Period and sources</h2>
<div class=scroll><table><tr><th>outlet</th><th class=r>articles</th><th class=r>stories</th><th class=r>extracted</th>
<th>published</th></tr>
{outlets}</table></div>
{events_html}
<h2 id="quoted">Officials most often quoted</h2>
{quoted_html}
<h2 id="warnings">Extraction warnings</h2>
<table><tr><th>warning</th><th class=r>count</th><th></th></tr>{warnings}</table>
<h2 id="evidence">Evidence</h2>
<div class="evidence">{_evidence_html(ev)}</div>
</main></body></html>
"""


def _region_table(rows: list[dict], kab: bool) -> str:
    body = "".join(
        f"<tr><td>{_e(r['name'])}</td>{'<td>' + _e(r['province']) + '</td>' if kab else ''}"
        f"<td>{_e(r['code'] if not r['code'].endswith('-none') else '')}</td>"
        f"<td class=r>{_num(r['events'], r['gid'])}</td><td class=r>{_num(r['unique'], r['ugid'])}</td>"
        f"<td class=r>{_num(r['personnel'], r['pgid'])}</td></tr>" for r in rows)
    head = ("<th>kabupaten/kota</th><th>province</th>" if kab else "<th>province</th>")
    return (f"<table><tr>{head}<th>code</th><th class=r>events</th><th class=r>once per story</th>"
            f"<th class=r>personnel</th></tr>{body}</table>")


def write_report(db: str | Path, out_dir: str | Path, f: Filters = Filters()) -> Path:
    ensure_current(db)
    data = collect(db, f)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "report.html"
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(render(db, data), encoding="utf-8")
    tmp.replace(path)
    return path
