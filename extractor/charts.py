"""Static SVG charts for the report: stacked bars over time with the election
stages marked, horizontal stacked bars per region, and the map of events by
kabupaten/kota. Nothing to load, nothing to fetch, no toolbar: they print as
they show. Every bar, wedge and circle links to its evidence (``href="#ev-..."``)
and says its numbers in a ``<title>`` tooltip. The part of a bar that rests on
a single press release is hatched (the pattern of :func:`defs`, put once in the
page).
"""

from __future__ import annotations

import html
import math
from typing import Callable, Optional, Sequence

#: a colour per event type (colour-blind-safe where it matters: the common types first)
TYPE_COLORS = {
    "recap_security": "#0072B2", "polling_security": "#E69F00", "logistics_escort": "#009E73",
    "patrol": "#56B4E9", "readiness_parade": "#CC79A7", "revote": "#D55E00", "protest": "#8c6d00",
    "clash": "#a50026", "money_politics": "#6a3d9a", "disinformation": "#7f7f7f",
    "coordination_meeting": "#1f9e89", "inspection_visit": "#7fbc41", "other": "#c7c7c7",
}
_EXTRA = ["#393b79", "#8c564b", "#bcbd22", "#17becf"]
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'


HATCH = "sr-hatch"


def defs() -> str:
    """The page's shared SVG definitions (the hatching of single-release parts), drawn nowhere."""
    return (f'<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
            f'<pattern id="{HATCH}" patternUnits="userSpaceOnUse" width="5" height="5" '
            f'patternTransform="rotate(45)"><rect width="2.2" height="5" fill="#ffffff" fill-opacity="0.7"/>'
            f'</pattern></defs></svg>')


def _hatch(x: float, y: float, w: float, h: float) -> str:
    return f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" fill="url(#{HATCH})" pointer-events="none"/>'


def _single_note(k: Optional[int]) -> str:
    return f", {k} on a single press release" if k else ""


def color(t: str, i: int = 0) -> str:
    return TYPE_COLORS.get(t) or _EXTRA[i % len(_EXTRA)]


def _e(s) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _nice_max(v: float) -> tuple[float, float]:
    """An axis maximum >= v and a tick step (at most about five ticks, whole numbers)."""
    if v <= 0:
        return 1, 1
    raw = v / 5
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)
    step = max(1, step)
    return math.ceil(v / step) * step, step


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v >= 10 or v == int(v) else f"{v:g}"


def legend(types: Sequence[str], hatched: bool = False) -> str:
    """An HTML legend of the event-type colours (and of the hatching)."""
    hatch = ('<span><svg width="10" height="10" style="vertical-align:-1px;margin-right:4px"><rect width="10" '
             f'height="10" fill="#7f7f7f"/><rect width="10" height="10" fill="url(#{HATCH})"/></svg>'
             'hatched: resting on a single press release</span>' if hatched else "")
    return '<div class="legend">' + "".join(
        f'<span><i style="background:{color(t, i)}"></i>{_e(t.replace("_", " "))}</span>'
        for i, t in enumerate(types)) + hatch + "</div>"


def timeline(weeks: list[str], types: list[str], value: Callable[[str, str], tuple],
             bands: list[tuple[str, str, str, str]] = (), marks: list[tuple[str, str]] = (),
             y_title: str = "events", x_title: str = "week (Monday)", width: int = 1000, height: int = 300) -> str:
    """Stacked bars per week and type. ``value(week, type)`` -> (count, evidence id)
    or (count, evidence id, how many of them rest on a single press release: hatched);
    ``bands``: (first week, last week, label, colour) shaded behind the bars (the
    election stages); ``marks``: (week, label) drawn as lines (voting days)."""
    left, right, top, bottom = 54, 10, 26, 52
    pw, ph = width - left - right, height - top - bottom
    n = max(1, len(weeks))
    totals = [sum(value(w, t)[0] for t in types) for w in weeks]
    ymax, step = _nice_max(max(totals, default=0))
    bw = pw / n
    idx = {w: i for i, w in enumerate(weeks)}
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" {FONT} font-size="11">']
    label_end = -1.0
    for w0, w1, label, fill in bands:
        if not weeks or w0 > weeks[-1] or w1 < weeks[0]:
            continue
        i0 = idx.get(max(w0, weeks[0]), 0)
        i1 = idx.get(min(w1, weeks[-1]), n - 1)
        x = left + i0 * bw
        out.append(f'<rect x="{x:.1f}" y="{top}" width="{(i1 - i0 + 1) * bw:.1f}" height="{ph}" fill="{fill}">'
                   f'<title>{_e(label)}: {w0} to {w1}</title></rect>')
        if x >= label_end:  # a label where it does not run into the previous one
            out.append(f'<text x="{x + 2:.1f}" y="{top - 5}" fill="#5b6575" font-size="10">{_e(label)}</text>')
            label_end = x + 2 + 5.6 * len(label) + 6
    for k in range(int(ymax / step) + 1):
        y = top + ph - k * step / ymax * ph
        out.append(f'<line x1="{left}" x2="{left + pw}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e7ee"/>'
                   f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#5b6575">{_fmt(k * step)}</text>')
    for i, w in enumerate(weeks):
        y = top + ph
        for j, t in enumerate(types):
            v, gid, *single = value(w, t)
            if not v:
                continue
            k = single[0] if single else None
            h = v / ymax * ph
            y -= h
            x, bwid = left + i * bw + 0.5, max(bw - 1, 0.8)
            rect = (f'<rect x="{x:.1f}" y="{y:.1f}" width="{bwid:.1f}" height="{h:.1f}" '
                    f'fill="{color(t, j)}"><title>{_e(t)}, week of {w}: {v}{_single_note(k)}</title></rect>')
            if k:
                rect += _hatch(x, y + h - h * k / v, bwid, h * k / v)
            out.append(f'<a href="#{gid}">{rect}</a>' if gid else rect)
    mark_end, row = -1.0, 0
    for w, label in marks:
        if w in idx:
            x = left + (idx[w] + 0.5) * bw
            row = row + 1 if x < mark_end else 0
            out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top - 2}" y2="{top + ph}" stroke="#1d2430" '
                       f'stroke-width="1.2" stroke-dasharray="3 2"><title>{_e(label)}</title></line>'
                       f'<text x="{x + 3:.1f}" y="{top + 10 + 12 * row}" font-size="10" fill="#1d2430">'
                       f'{_e(label)}</text>')
            mark_end = x + 3 + 5.6 * len(label)
    every = max(1, math.ceil(n / 12))
    for i, w in enumerate(weeks):
        if i % every == 0:
            x = left + (i + 0.5) * bw
            out.append(f'<text x="{x:.1f}" y="{top + ph + 14}" text-anchor="middle" fill="#5b6575">{w}</text>')
    out.append(f'<line x1="{left}" x2="{left + pw}" y1="{top + ph}" y2="{top + ph}" stroke="#5b6575"/>')
    out.append(f'<text x="{left + pw / 2:.1f}" y="{height - 8}" text-anchor="middle" fill="#1d2430">{_e(x_title)}</text>')
    out.append(f'<text transform="translate(13 {top + ph / 2:.1f}) rotate(-90)" text-anchor="middle" '
               f'fill="#1d2430">{_e(y_title)}</text>')
    out.append("</svg>")
    return "".join(out)


def hbars(rows: list[dict], types: list[str], x_title: str, width: int = 1000, label_width: int = 230) -> str:
    """Horizontal stacked bars: ``rows`` have ``label``, ``types`` (type -> (count,
    evidence id) or (count, evidence id, how many rest on a single press release:
    hatched)), ``gid`` (the row's evidence) and optionally ``note`` (written after
    the bar)."""
    bh, gap, top, bottom = 16, 5, 8, 40
    height = top + bottom + len(rows) * (bh + gap)
    pw = width - label_width - (76 if any(r.get("note") for r in rows) else 16)
    xmax, step = _nice_max(max((sum(c[0] for c in r["types"].values()) for r in rows), default=0))
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" {FONT} font-size="11">']
    for k in range(int(xmax / step) + 1):
        x = label_width + k * step / xmax * pw
        out.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{top}" y2="{height - bottom + 4}" stroke="#e3e7ee"/>'
                   f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle" fill="#5b6575">'
                   f'{_fmt(k * step)}</text>')
    for i, r in enumerate(rows):
        y = top + i * (bh + gap)
        label = f'<text x="{label_width - 6}" y="{y + bh - 4}" text-anchor="end" fill="#1d2430">{_e(r["label"])}</text>'
        out.append(f'<a href="#{r["gid"]}">{label}</a>' if r.get("gid") else label)
        x = label_width
        for j, t in enumerate(types):
            v, gid, *single = r["types"].get(t, (0, None))
            if not v:
                continue
            k = single[0] if single else None
            w = v / xmax * pw
            rect = (f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bh}" fill="{color(t, j)}">'
                    f'<title>{_e(r["label"])}: {v} {_e(t)}{_single_note(k)}</title></rect>')
            if k:
                rect += _hatch(x, y, w * k / v, bh)
            out.append(f'<a href="#{gid}">{rect}</a>' if gid else rect)
            x += w
        if r.get("note"):
            out.append(f'<text x="{x + 5:.1f}" y="{y + bh - 4}" fill="#5b6575">{_e(r["note"])}</text>')
    out.append(f'<text x="{label_width + pw / 2:.1f}" y="{height - 6}" text-anchor="middle" fill="#1d2430">'
               f'{_e(x_title)}</text>')
    out.append("</svg>")
    return "".join(out)


def _wedge(cx: float, cy: float, r: float, a0: float, a1: float) -> str:
    x0, y0 = cx + r * math.sin(a0), cy - r * math.cos(a0)
    x1, y1 = cx + r * math.sin(a1), cy - r * math.cos(a1)
    large = 1 if a1 - a0 > math.pi else 0
    return f"M{cx:.1f},{cy:.1f}L{x0:.1f},{y0:.1f}A{r:.1f},{r:.1f} 0 {large} 1 {x1:.1f},{y1:.1f}Z"


def event_map(outlines: dict, points: list[dict], types: list[str], highlight: set[str] = frozenset()) -> str:
    """The map: kabupaten/kota outlines (those with events shaded), province
    borders, and per kabupaten/kota a pie at its capital sized by its events
    (area proportional), wedges by type. ``points`` have ``x``, ``y`` (map units),
    ``label``, ``gid``, ``n``, ``types`` (type -> count) and optionally ``single``
    (how many rest on a single press release, said in the tooltip)."""
    w, h = outlines["width"], outlines["height"]
    out = [f'<svg class="map" viewBox="0 0 {w} {h}" role="img" {FONT} font-size="11">',
           f'<rect width="{w}" height="{h}" fill="#eef3f8"/>',
           '<g fill="#ffffff" stroke="#c3ccd8" stroke-width="0.35">']
    for code, k in outlines["kabupaten"].items():
        fill = ' fill="#fdf3d8"' if code in highlight else ""
        out.append(f'<path d="{k["d"]}"{fill}/>')
    out.append('</g><g fill="none" stroke="#7d8796" stroke-width="0.7">')
    out.extend(f'<path d="{p["d"]}"/>' for p in outlines["provinces"].values())
    out.append("</g>")
    nmax = max((p["n"] for p in points), default=1)
    for p in sorted(points, key=lambda p: -p["n"]):
        r = 2.5 + 13 * math.sqrt(p["n"] / nmax)
        tip = f'{p["label"]}: {p["n"]} event{"s" if p["n"] != 1 else ""} (' + ", ".join(
            f"{t} {c}" for t, c in sorted(p["types"].items(), key=lambda kv: -kv[1])) + ")" + _single_note(p.get("single"))
        parts = [f"<title>{_e(tip)}</title>"]
        shares = [(t, c) for t in types for c in [p["types"].get(t, 0)] if c]
        total = sum(c for _, c in shares)
        if len(shares) == 1:
            parts.append(f'<circle cx="{p["x"]:.1f}" cy="{p["y"]:.1f}" r="{r:.1f}" fill="{color(shares[0][0])}"/>')
        else:
            a = 0.0
            for t, c in shares:
                a1 = a + 2 * math.pi * c / total
                parts.append(f'<path d="{_wedge(p["x"], p["y"], r, a, a1)}" fill="{color(t, types.index(t))}"/>')
                a = a1
        parts.append(f'<circle cx="{p["x"]:.1f}" cy="{p["y"]:.1f}" r="{r:.1f}" fill="none" stroke="#fff" '
                     f'stroke-width="0.8"/>')
        out.append(f'<a href="#{p["gid"]}" class="pt">' + "".join(parts) + "</a>")
    out.append("</svg>")
    return "".join(out)
