"""Who held a post on a day: ``query holders`` and ``query units`` (issue 20).

Reads the ``holders`` view (per unit, position and official: first and last
dated evidence, handover dates, the tenure they bound) on a read-only
connection. :func:`holder_on` decides, for one post and one day, from the
tenures alone (pure):

- ``attested``: exactly one person's tenure (first to last evidence,
  widened by a handover in and cut by a handover out) contains the day;
- ``inferred``: nobody's does, and the last person seen before the day has
  not handed over: they are taken to hold it still (until the next holder's
  first evidence);
- ``conflict``: two or more tenures contain the day (two different Kapolres
  reported on the same day): all are candidates, none is chosen;
- ``unknown``: no evidence before the day, or the last holder handed over to
  someone unnamed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .errors import StoreError

HOLDER_COLUMNS = ("unit", "position", "on", "status", "holder", "rank", "tenure_start", "tenure_end",
                  "first_seen", "last_seen", "since", "until", "articles", "article_ids", "candidates", "unit_id")


@dataclass(frozen=True)
class Answer:
    status: str  # attested, inferred, conflict, unknown
    holder: Optional[dict]  # the holders row of the one holder, when there is one
    candidates: tuple[dict, ...] = field(default=())  # the rows in conflict


def holder_on(rows: list[dict], day: str) -> Answer:
    """The holder of one post (``rows``: the holders rows of one unit and
    position) on ``day`` (YYYY-MM-DD)."""
    inside = [r for r in rows if r["tenure_start"] <= day <= r["tenure_end"]]
    if len(inside) == 1:
        return Answer("attested", inside[0])
    if len(inside) > 1:
        return Answer("conflict", None, tuple(sorted(inside, key=lambda r: (r["tenure_start"], r["name"]))))
    before = [r for r in rows if r["tenure_end"] < day]
    if not before:
        return Answer("unknown", None)
    last_end = max(r["tenure_end"] for r in before)
    last = [r for r in before if r["tenure_end"] == last_end]
    if len(last) > 1:
        return Answer("conflict", None, tuple(last))
    if last[0]["until"]:  # handed over on that day, to someone the evidence does not name
        return Answer("unknown", None)
    return Answer("inferred", last[0])


def _holder_rows(db: str | Path, unit: Optional[str], position: Optional[str], province: Optional[str],
                 region_code: Optional[str] = None) -> list[dict]:
    from .queries import ensure_current, fetch_all
    from .units import resolve

    ensure_current(db)
    where, args = ["1 = 1"], {}
    if unit:
        u = resolve(unit, region_code)
        where.append("(unit_id = :uid or unit like :unit_like)")
        args.update(uid=u.id if u else "", unit_like=f"%{unit}%")
    if position:
        where.append("position = :position collate nocase")
        args["position"] = position
    if province:
        where.append("(province like :prov_like or substr(province_codes, 1, 2) = :prov)")
        args.update(prov_like=f"%{province}%", prov=province)
    return fetch_all(db, f"select * from holders where {' and '.join(where)}", args)


def query_holders(db: str | Path, *, unit: Optional[str] = None, on: Optional[str] = None,
                  position: Optional[str] = None, province: Optional[str] = None,
                  limit: Optional[int] = None) -> tuple[list[str], list[tuple]]:
    """Rows for ``query holders``: with ``on``, one row per post (unit,
    position) with its holder that day, or one row per candidate when the
    evidence disagrees; without, every holder of the matching posts over time."""
    if not (unit or position or province):
        raise StoreError("query holders needs --unit, --position or --province")
    rows = _holder_rows(db, unit, position, province)
    out: list[tuple] = []
    posts: dict[tuple, list[dict]] = {}
    for r in rows:
        posts.setdefault((r["unit"], r["position"], r["unit_id"]), []).append(r)
    for (unit_name, pos, uid), group in sorted(posts.items(), key=lambda kv: (kv[0][0] or "", kv[0][1] or "")):
        if on is None:
            for r in sorted(group, key=lambda r: r["tenure_start"]):
                out.append(_row(unit_name, pos, None, "", r, ""))
            continue
        ans = holder_on(group, on)
        if ans.status == "conflict":
            names = "; ".join(r["name"] for r in ans.candidates)
            out.extend(_row(unit_name, pos, on, "conflict", r, names) for r in ans.candidates)
        else:
            out.append(_row(unit_name, pos, on, ans.status, ans.holder, ""))
    return list(HOLDER_COLUMNS), out[:limit] if limit else out


def _row(unit, position, on, status, r: Optional[dict], candidates: str) -> tuple:
    r = r or {}
    return (unit, position, on, status, r.get("name"), r.get("rank"), r.get("tenure_start"), r.get("tenure_end"),
            r.get("first_seen"), r.get("last_seen"), r.get("since"), r.get("until"), r.get("articles"),
            r.get("article_ids"), candidates or None, r.get("unit_id"))


UNIT_COLUMNS = ("id", "name", "kind", "institution", "number", "parent", "polda_id", "kodam_id", "regions",
                "partial_regions", "aliases", "source", "note")


def query_units(db: str | Path, *, unit: Optional[str] = None, province: Optional[str] = None,
                kabupaten: Optional[str] = None, limit: Optional[int] = None) -> tuple[list[str], list[tuple]]:
    """Rows for ``query units``: a unit and its chain up to Mabes (``unit``),
    the units answering for a kabupaten/kota (``kabupaten``: its Polres and
    Kodim lines), or the Polda, Polres, Kodam, Korem and Kodim of a province."""
    from .queries import ensure_current, fetch_all
    from .units import chain, region_command, resolve

    ensure_current(db)
    ids: list[str] = []
    if unit:
        u = resolve(unit)
        if u is None:
            hits = fetch_all(db, "select id from units where name like :q or aliases like :q order by name",
                             {"q": f"%{unit}%"})
            ids = [h["id"] for h in hits]
        else:
            ids = [x.id for x in chain(u.id)]
    elif kabupaten:
        codes = [r["code"] for r in fetch_all(db, "select code from regions where length(code) = 5 and "
                                              "(code = :k or name like :kl)", {"k": kabupaten, "kl": f"%{kabupaten}%"})]
        for code in codes:
            ids += [v for v in region_command(code).values() if v and v not in ids]
    elif province:
        prov = fetch_all(db, "select code from regions where length(code) = 2 and (code = :p or name like :pl)",
                         {"p": province, "pl": f"%{province}%"})
        codes = [p["code"] for p in prov]
        ids = [r["id"] for c in codes for r in fetch_all(
            db, "select id from units where source != 'generated' and level not in ('mabes') and "
                "(';' || province_codes || ';') like :c order by level, name", {"c": f"%;{c};%"})]
    else:
        raise StoreError("query units needs --unit, --kabupaten or --province")
    rows = []
    for uid in ids:
        r = fetch_all(db, f"select {', '.join(UNIT_COLUMNS)} from units where id = :id", {"id": uid})
        rows += [tuple(x[c] for c in UNIT_COLUMNS) for x in r]
    return list(UNIT_COLUMNS), rows[:limit] if limit else rows
