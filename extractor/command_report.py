"""What the HTML report (``extractor/report.py``) needs of issue 20, as data:

- :func:`command_heads`: per province, the Polda and Kodam heads and the
  Polres and Kodim heads active in a period (a tenure, first to last dated
  evidence bounded by handovers, that meets it), with their units' ids; the
  report puts their events (rolled up through ``event_units``) and the
  evidence of each tenure under them;
- :func:`release_counts`: for any list of event ids behind a figure, how many
  events and incidents they are and how many rest on a single press release
  (the ``event_evidence`` view; the report's own figures count the same rows).

Reads the ``holders``, ``units``, ``region_command`` and ``event_evidence``
views and tables on a read-only connection; no HTML here (the report draws the
section and cites the ``holder_evidence`` behind each tenure).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .queries import Filters, fetch_all

#: posts shown, by the level of the unit they head (the order of the section)
HEAD_POSTS = {"polda": ("Kapolda",), "kodam": ("Pangdam",),
              "polres": ("Kapolres", "Kapolresta", "Kapolrestabes"), "kodim": ("Dandim",)}


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


def _region_units(db, f: Filters) -> set[str]:
    """The Polda, Kodam, Polres and Kodim answering for the filter's kabupaten/kota."""
    if not f.kabupaten_codes:
        return set()
    marks = ",".join("?" * len(f.kabupaten_codes))
    rows = fetch_all(db, f"select polres_id, polda_id, kodim_id, kodam_id from region_command where code in ({marks})",
                     list(f.kabupaten_codes))
    return {v for r in rows for v in r.values() if v}


def command_heads(db: str | Path, f: Filters, since: str, until: str) -> list[dict]:
    """The heads (``holders`` rows with the unit's ``level`` and a ``province_code``)
    of the Polda, Kodam, Polres and Kodim whose tenure meets ``since`` to
    ``until``, in the filter's provinces and kabupaten/kota (resolved
    :class:`Filters`), ordered by province, level, unit and tenure."""
    posts = [p for level in HEAD_POSTS for p in HEAD_POSTS[level]]
    sql = (f"select h.*, u.level, substr(h.province_codes, 1, 2) as province_code from holders h "
           f"join units u on u.id = h.unit_id where h.position in ({','.join('?' * len(posts))}) "
           f"and u.level in ('polda', 'kodam', 'polres', 'kodim') and h.tenure_start <= ? and h.tenure_end >= ?")
    rows = fetch_all(db, sql, [*posts, until, since])
    if f.province_codes:
        wanted = set(f.province_codes)
        rows = [r for r in rows if wanted & set((r["province_codes"] or "").split(";"))]
    units = _region_units(db, f)
    if f.kabupaten_codes:
        rows = [r for r in rows if r["unit_id"] in units]
    order = {level: i for i, level in enumerate(HEAD_POSTS)}
    rows.sort(key=lambda r: (r["province"] or "~", order[r["level"]], r["unit"] or "", r["tenure_start"],
                             r["name"] or ""))
    return rows

