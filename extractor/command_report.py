"""The report's "Command" section and evidence counts (issue 20), as functions
the HTML report (``extractor/report.py``) can call:

- :func:`command_section`: per province, the Polda and Kodam heads and the
  Polres and Kodim heads active in the selected period (a tenure that meets
  it), each with the events of their unit in the period and how each event is
  attested (independent outlets, or a single press release);
- :func:`release_counts`: for any list of event ids behind a figure, how many
  events and incidents they are and how many rest on a single press release
  (the ``event_evidence`` view; the report's own figures count the same rows).

Reads the ``holders``, ``event_command`` and ``event_evidence`` views on a
read-only connection; returns HTML fragments with no script.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Iterable, Optional

from .queries import Filters, fetch_all

#: posts shown, by the level of the unit they head
HEAD_POSTS = {"polda": ("Kapolda",), "kodam": ("Pangdam",),
              "polres": ("Kapolres", "Kapolresta", "Kapolrestabes"), "kodim": ("Dandim",)}


def _e(v) -> str:
    return html.escape("" if v is None else str(v))


def release_counts(db: str | Path, event_ids: Iterable[int]) -> dict[str, int]:
    """``{"events", "incidents", "single_release", "single_release_events",
    "corroborated"}`` for the events behind a figure: syndicated copies count as
    one incident; ``single_release_events`` counts the events (rows) whose
    incident rests on a single press release, ``single_release`` those incidents."""
    ids = sorted({int(i) for i in event_ids})
    keys = ("events", "incidents", "single_release", "single_release_events", "corroborated")
    if not ids:
        return dict.fromkeys(keys, 0)
    marks = ",".join("?" * len(ids))
    row = fetch_all(db, f"""select count(*) as events, count(distinct incident_key) as incidents,
                                   count(distinct case when single_release = 1 then incident_key end) as single_release,
                                   coalesce(sum(single_release), 0) as single_release_events,
                                   count(distinct case when corroboration > 0 then incident_key end) as corroborated
                            from event_evidence where event_id in ({marks})""", ids)[0]
    return {k: int(row[k] or 0) for k in keys}


def _period(db, f: Filters) -> tuple[str, str]:
    row = fetch_all(db, "select min(date) as a, max(date) as b from event_command")[0]
    return f.since or row["a"] or "0000-01-01", f.until or row["b"] or "9999-12-31"


def _heads(db, level: str, since: str, until: str, province: Optional[str]) -> list[dict]:
    posts = HEAD_POSTS[level]
    marks = ",".join("?" * len(posts))
    args: list = [*posts, level if level in ("polda", "kodam") else level, until, since]
    sql = (f"select h.*, u.level from holders h join units u on u.id = h.unit_id "
           f"where h.position in ({marks}) and u.level = ? and h.tenure_start <= ? and h.tenure_end >= ?")
    if province:
        sql += " and (h.province like ? or substr(h.province_codes, 1, 2) = ?)"
        args += [f"%{province}%", province]
    return fetch_all(db, sql + " order by h.province, h.unit, h.tenure_start", args)


def _unit_events(db, level: str, unit_id: str, since: str, until: str) -> list[dict]:
    return fetch_all(db, f"""select c.event_id, c.date, c.type, c.place, c.title, c.url,
                                   x.corroboration, x.single_release, x.outlets, x.incident_event_id
                            from event_command c left join event_evidence x on x.event_id = c.event_id
                            where c.{level}_id = ? and c.date between ? and ?
                            order by c.date, c.event_id""", [unit_id, since, until])


def command_section(db: str | Path, f: Filters = Filters()) -> str:
    """The "Command" section of the report, as an HTML fragment."""
    since, until = _period(db, f)
    blocks: dict[str, list[str]] = {}
    for level in ("polda", "kodam", "polres", "kodim"):
        for h in _heads(db, level, since, until, f.province):
            events = _unit_events(db, level, h["unit_id"], max(since, h["tenure_start"]), min(until, h["tenure_end"]))
            incidents = [e for e in events if e["incident_event_id"] in (None, e["event_id"])]
            single = sum(1 for e in incidents if e["single_release"])
            rows = "".join(
                f"<li>{_e(e['date'])} {_e(e['type'])} {_e(e['place'] or '')} - <a href=\"{_e(e['url'])}\">"
                f"{_e(e['title'])}</a> <small>({'single press release' if e['single_release'] else str(e['corroboration'] or 0) + ' independent outlet(s)'})</small></li>"
                for e in incidents[:50])
            tenure = f"{_e(h['tenure_start'])} to {_e(h['tenure_end'])}"
            blocks.setdefault(h["province"] or "(province unknown)", []).append(
                f"<div class=\"command-head\"><b>{_e(h['position'])} {_e(h['unit'])}</b>: {_e(h['rank'] or '')} "
                f"{_e(h['name'])} <small>(evidence {tenure}; {h['articles']} article(s))</small>"
                f"<br>{len(incidents)} event(s) in the period, {single} resting on a single press release"
                + (f"<ul>{rows}</ul>" if rows else "") + "</div>")
    if not blocks:
        return (f"<section id=\"command\"><h2>Command</h2><p>No Polda, Kodam, Polres or Kodim head is attested "
                f"between {_e(since)} and {_e(until)}.</p></section>")
    body = "".join(f"<h3>{_e(p)}</h3>{''.join(items)}" for p, items in sorted(blocks.items()))
    return (f"<section id=\"command\"><h2>Command</h2><p>Heads of Polda, Kodam, Polres and Kodim whose tenure "
            f"(first to last dated evidence, bounded by handovers) meets {_e(since)} to {_e(until)}, with the "
            f"events of their unit while they held it; syndicated copies count once.</p>{body}</section>")
