"""Coordinates for every region, ACLED's geo_precision, and the map outlines."""

import json
import subprocess
import sys

import pytest

from extractor.geo import locate, national_point, outlines, project
from extractor.regions import region_facts

from .conftest import ROOT

SHARED = ROOT.parent / "shared" / "data" / "wilayah-boundaries"


def test_every_region_has_coordinates_at_its_precision():
    facts = region_facts()
    assert len(facts) == 38 + 514 + 7285
    for code, r in facts.items():
        p = locate(code)
        assert p is not None, code
        assert -11.5 < p.lat < 6.5 and 94.5 < p.lng < 141.5, code
        if r.lat is None:  # two kecamatan have no centroid in the data: placed at their kabupaten/kota
            assert r.type == "kecamatan" and (p.geo_precision, p.code) == (2, code[:5]), code
            continue
        assert p.geo_precision == {"provinsi": 3, "kabupaten": 2, "kota": 2, "kecamatan": 1}[r.type], code
        assert p.code == code and p.location
    # a kabupaten at its capital town, a kota as itself; a desa or venue at its kecamatan
    assert locate("16.03").location == "Muara Enim" and locate("13.71").location == "Padang"
    assert locate("16.03.04.2001").code == "16.03.04"
    assert locate("16.03.04", "kabupaten").geo_precision == 2 and locate("16.03", "province").geo_precision == 3
    assert national_point().geo_precision == 3 and locate(None) is None and locate("99.99") is None


def test_the_outlines_cover_every_kabupaten_and_province_and_points_fall_on_the_map():
    ol = outlines()
    facts = region_facts()
    assert set(ol["kabupaten"]) == {c for c, r in facts.items() if r.type in ("kabupaten", "kota")}
    assert set(ol["provinces"]) == {c for c, r in facts.items() if r.type == "provinsi"}
    for code in ol["kabupaten"]:
        x, y = project(locate(code).lat, locate(code).lng)
        assert 0 <= x <= ol["width"] and 0 <= y <= ol["height"], code
    assert all(v["d"].startswith("M") and v["d"].endswith("z") for v in ol["kabupaten"].values())
    assert len((ROOT / "extractor/data/outlines.json").read_bytes()) < 200_000


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/data/wilayah-boundaries is not beside the project")
def test_the_shipped_outlines_are_what_the_build_script_makes(tmp_path):
    out = tmp_path / "outlines.json"
    subprocess.run([sys.executable, str(ROOT / "extractor/data/build_outlines.py"), "--out", str(out)], check=True,
                   capture_output=True)
    assert json.loads(out.read_text("utf-8")) == json.loads((ROOT / "extractor/data/outlines.json").read_text("utf-8"))
