"""Coordinates of Kemendagri regions and the report's map outlines.

:func:`locate` gives the point an event or a figure is mapped to, with ACLED's
``geo_precision``: 1 a kecamatan (its centroid: a desa or venue is placed at its
kecamatan), 2 a kabupaten/kota (its capital town, else its centroid), 3 a
province (its capital) or the whole country (the national capital). The facts
come from ``extractor/data/regions.csv`` (:func:`extractor.regions.region_facts`),
the outlines from ``extractor/data/outlines.json`` (built by
``extractor/data/build_outlines.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from .regions import region_facts


@dataclass(frozen=True)
class Point:
    lat: float
    lng: float
    geo_precision: int  # ACLED: 1 kecamatan (or within), 2 kabupaten/kota, 3 province or wider
    location: str  # the place the coordinates stand for (a capital town, a kecamatan, ...)
    code: str  # the region the coordinates belong to ("" for the country)


def bare_name(name: str) -> str:
    """``Kabupaten Muara Enim`` -> ``Muara Enim``; ``Kota Medan`` stays (ACLED/GADM style)."""
    for prefix in ("Kabupaten Administrasi ", "Kabupaten "):
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def national_point() -> Point:
    from .taxonomy import taxonomy

    n = taxonomy().acled["national_location"]
    return Point(float(n["lat"]), float(n["lng"]), 3, n["name"], "")


def locate(code: Optional[str], level: Optional[str] = None) -> Optional[Point]:
    """The point for region ``code`` seen at ``level`` (national, province,
    kabupaten; None: as precise as the code). None when the code is unknown."""
    if level == "national":
        return national_point()
    if not code:
        return None
    facts = region_facts()
    if level == "province" or len(code) <= 2:
        p = facts.get(code[:2])
        if p is None:
            return None
        lat, lng = (p.capital_lat, p.capital_lng) if p.capital_lat is not None else (p.lat, p.lng)
        return Point(lat, lng, 3, p.capital or p.name, p.code) if lat is not None else None
    if len(code) >= 8 and level != "kabupaten":
        k = facts.get(code[:8])
        if k is not None and k.lat is not None:
            return Point(k.lat, k.lng, 1, k.name, k.code)
    r = facts.get(code[:5])
    if r is None:
        return locate(code[:2], "province")
    if r.capital_lat is not None:  # a kota is its own town; a kabupaten's town is its capital
        town = r.name[5:] if r.type == "kota" and r.name.startswith("Kota ") else (r.capital or bare_name(r.name))
        return Point(r.capital_lat, r.capital_lng, 2, town, r.code)
    if r.lat is not None:
        return Point(r.lat, r.lng, 2, bare_name(r.name), r.code)
    return locate(code[:2], "province")


@lru_cache(maxsize=1)
def outlines() -> dict:
    """The map outlines: ``projection``, ``width``, ``height``, ``provinces`` and
    ``kabupaten`` (code -> {name, d: SVG path})."""
    raw = resources.files(__package__).joinpath("data", "outlines.json").read_text("utf-8")
    return json.loads(raw)


def project(lat: float, lng: float) -> tuple[float, float]:
    """Map units of a point on the outlines' map."""
    p = outlines()["projection"]
    return (lng - p["lon0"]) * p["scale"], (p["lat0"] - lat) * p["scale"]
