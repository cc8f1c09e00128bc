"""Build ``outlines.json``, the compact kabupaten/kota and province outlines of
the report's map, from the shared boundaries (``../shared/data/wilayah-boundaries``,
MIT; see README.md).

    python extractor/data/build_outlines.py [--shared PATH] [--scale 24] [--tolerance 0.6]

The lon/lat polygons are projected (equirectangular: Indonesia straddles the
equator, so degrees of longitude and latitude are near enough the same length),
scaled to ``--scale`` units per degree, simplified with Douglas-Peucker
(``--tolerance`` in those units) and quantised to whole units; rings that
shrink below ``--min-area`` square units are dropped, except each region's
largest; a region smaller than the grid (a small kota) becomes a one-unit square. Each outline is an SVG path of relative moves. The file also holds the
projection, so points (event coordinates) can be placed on the same map
(:mod:`extractor.geo`). Not imported by pantau at run time.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

HERE = Path(__file__).resolve().parent
LON0, LAT0 = 94.7, 6.3  # the map's top-left corner (west of Aceh, north of Weh island)
LON1, LAT1 = 141.2, -11.2


def _dp(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on an open polyline (iterative)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, at = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else math.hypot(px - ax, py - ay)
            if d > best:
                best, at = d, i
        if best > tol and at > 0:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(points, keep) if k]


def _area(ring: list[tuple[int, int]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def _ring(coords, scale: float, tol: float) -> list[tuple[int, int]]:
    pts = [((lon - LON0) * scale, (LAT0 - lat) * scale) for lon, lat in coords]
    if len(pts) > 3 and pts[0] == pts[-1]:
        pts = pts[:-1]
    if len(pts) < 3:
        return []
    # split the closed ring at its farthest point from the start, simplify both halves
    far = max(range(len(pts)), key=lambda i: (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2)
    simple = _dp(pts[:far + 1], tol)[:-1] + _dp(pts[far:] + [pts[0]], tol)[:-1]
    out: list[tuple[int, int]] = []
    for x, y in simple:
        q = (round(x), round(y))
        if not out or q != out[-1]:
            out.append(q)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()
    return out if len(out) >= 3 else []


def _path(rings: list[list[tuple[int, int]]]) -> str:
    parts = []
    for ring in rings:
        x0, y0 = ring[0]
        steps = [f"{x1 - xa},{y1 - ya}" for (xa, ya), (x1, y1) in zip(ring, ring[1:])]
        parts.append(f"M{x0},{y0}l" + " ".join(steps) + "z")
    return "".join(parts).replace(" -", "-")


def outlines(geojson: Path, scale: float, tol: float, min_area: float) -> dict[str, dict]:
    data = json.loads(geojson.read_text("utf-8"))
    out = {}
    for f in data["features"]:
        geom = f["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = [r for poly in polys for r in (_ring(c, scale, tol) for c in poly) if r]
        if not rings:  # smaller than the map's grid (a small kota): a one-unit square where it lies
            xs = [(lon - LON0) * scale for poly in polys for lon, _ in poly[0]]
            ys = [(LAT0 - lat) * scale for poly in polys for _, lat in poly[0]]
            x, y = round((min(xs) + max(xs)) / 2), round((min(ys) + max(ys)) / 2)
            rings = [[(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1)]]
        biggest = max(rings, key=_area)
        kept = [r for r in rings if r is biggest or _area(r) >= min_area]
        out[f["properties"]["code"]] = {"name": f["properties"]["name"], "d": _path(kept)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=HERE.parents[2] / "shared",
                    help="the shared folder beside the project (default ../shared)")
    ap.add_argument("--scale", type=float, default=24.0, help="map units per degree")
    ap.add_argument("--tolerance", type=float, default=0.6, help="Douglas-Peucker tolerance, map units")
    ap.add_argument("--min-area", type=float, default=3.0, help="smallest ring kept, square map units")
    ap.add_argument("--out", type=Path, default=HERE / "outlines.json")
    args = ap.parse_args()
    base = args.shared.resolve() / "data" / "wilayah-boundaries"
    doc = {
        "source": "cahyadsn/wilayah_boundaries via ../shared/data/wilayah-boundaries (MIT; LICENSE-wilayah.txt)",
        "projection": {"lon0": LON0, "lat0": LAT0, "scale": args.scale},
        "width": round((LON1 - LON0) * args.scale), "height": round((LAT0 - LAT1) * args.scale),
        "provinces": outlines(base / "provinces.geojson", args.scale, args.tolerance, args.min_area),
        "kabupaten": outlines(base / "regencies.geojson", args.scale, args.tolerance, args.min_area),
    }
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{args.out}: {len(doc['provinces'])} provinces, {len(doc['kabupaten'])} kabupaten/kota, "
          f"{len(text.encode()) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
