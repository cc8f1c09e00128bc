"""The chain of command as data (extractor/data/units.csv, extractor.units)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from extractor.regions import region_facts
from extractor.units import chain, is_unit_name, region_command, resolve, unit_of_post, units

ROOT = Path(__file__).resolve().parent.parent
KABKOTA = [c for c, f in region_facts().items() if f.level == 2]


def test_build_check_passes_and_table_is_current():
    out = subprocess.run([sys.executable, str(ROOT / "extractor" / "data" / "build_units.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_kabupaten_kota_has_exactly_one_primary_polres_level_unit():
    primary = Counter(c for u in units().values() if u.level == "polres" for c in u.regions)
    assert len(KABKOTA) == 514
    assert [c for c in KABKOTA if primary[c] != 1] == []
    assert all(region_command(c)["polres"] for c in KABKOTA)


def test_every_kabupaten_kota_is_covered_by_a_kodim():
    primary = Counter(c for u in units().values() if u.level == "kodim" for c in u.regions)
    partial = Counter(c for u in units().values() if u.level == "kodim" for c in u.partial)
    assert [c for c in KABKOTA if primary[c] > 1] == []  # never two primary Kodim
    assert [c for c in KABKOTA if not primary[c] and not partial[c]] == []
    # a kabupaten/kota rolls up to one Kodim, or (Surabaya: three Kodim) to the Korem above them all
    for c in KABKOTA:
        rc = region_command(c)
        assert rc["kodim"] or rc["korem"], c
        assert rc["kodam"] and rc["polda"], c


def test_shared_and_split_territories_are_modelled():
    assert region_command("12.78")["polres"] == resolve("Polres Nias").id  # Kota Gunungsitoli: Polres Nias
    assert region_command("32.17")["polres"] == region_command("32.77")["polres"]  # Cimahi and Bandung Barat
    # Bekasi is in Jawa Barat but its Polres answers to Polda Metro Jaya, its Kodim to Kodam Jaya
    rc = region_command("32.16")
    assert units()[rc["polda"]].name == "Polda Metro Jaya" and units()[rc["kodam"]].name == "Kodam Jaya"
    assert units()[region_command("32.73")["kodam"]].name == "Kodam III/Siliwangi"
    sby = region_command("35.78")
    assert sby["kodim"] is None and units()[sby["korem"]].number == "084"
    assert units()[region_command("16.71")["polres"]].kind == "polrestabes"


def test_chains_end_at_mabes_and_levels_are_ordered():
    order = {"polsek": 0, "polres": 1, "polda": 2, "mabes": 3, "koramil": 0, "kodim": 1, "korem": 2, "kodam": 3}
    for u in units().values():
        line = chain(u.id)
        assert line[-1].kind == "mabes", u.id
        ranks = [order[x.level] for x in line if x.level in order]
        assert ranks == sorted(ranks), u.id


def test_polsek_and_koramil_per_kecamatan_are_generated_and_marked():
    kec = [c for c, f in region_facts().items() if f.level == 3]
    polsek = {u.regions[0] for u in units().values() if u.kind == "polsek"}
    assert set(kec) == polsek
    u = units()["polsek-16.03.02"]
    assert u.source == "generated" and u.name == "Polsek Muara Enim" and u.parent_id == "polres-muara-enim"


@pytest.mark.parametrize("name,region,expected", [
    ("Polres Muba", None, "Polres Musi Banyuasin"),
    ("Mapolres Lahat", None, "Polres Lahat"),
    ("Kodim 0418/Palembang", None, "Kodim 0418/Palembang"),
    ("Makodim 0404", None, "Kodim 0404/Muara Enim"),
    ("Kodim 0412/LU", None, "Kodim 0412/Lampung Utara"),
    ("Polda Sumsel", None, "Polda Sumatera Selatan"),
    ("Polresta Bogor", None, "Polresta Bogor Kota"),
    ("Polres Kota Kediri", None, "Polres Kediri Kota"),
    ("Polres Kukar", None, "Polres Kutai Kartanegara"),
    ("Kodam II/Swj", None, "Kodam II/Sriwijaya"),
    ("Polsek Tanjung Agung", "16.03", "Polsek Tanjung Agung"),
    ("Koramil 0404-01/Muara Enim", "16.03", "Koramil Muara Enim"),
])
def test_press_names_resolve(name, region, expected):
    u = resolve(name, region)
    assert u is not None and u.name == expected


def test_names_shared_by_two_units_follow_the_region():
    assert resolve("Polres Banjar", "63.01").regions == ("63.03",)  # Kalimantan Selatan
    assert resolve("Polres Banjar", "32.79").regions == ("32.79",)  # Jawa Barat
    assert resolve("KPU Lahat") is None and resolve("Polres") is None


def test_posts_map_to_the_unit_they_head():
    assert unit_of_post("Kapolres", "16.04.05").name == "Polres Lahat"
    assert unit_of_post("Dandim", "16.12").name == "Kodim 0404/Muara Enim"  # PALI shares Muara Enim's Kodim
    assert unit_of_post("Kapolda", "16.04").name == "Polda Sumatera Selatan"
    assert unit_of_post("Kasi Humas", "16.04") is None


def test_is_unit_name_takes_names_as_written_only():
    # names and press aliases of the table, with the "Ma-" of a headquarters folded away
    assert is_unit_name("Polres Metro Jakarta Selatan")
    assert is_unit_name("Polres Pelabuhan Tanjung Priok")
    assert is_unit_name("Mapolres Muara Enim")
    # a head with a word that names no unit, or a region alone, is no unit's name
    assert not is_unit_name("Polres Metro Jakarta Selatan Andi")
    assert not is_unit_name("Muara Enim")
    assert not is_unit_name("")
