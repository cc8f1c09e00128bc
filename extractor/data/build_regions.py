"""Build ``regions.csv``, pantau's compact table of Kemendagri region facts,
from the shared wilayah data (``../shared/data/wilayah``, MIT; see README.md).

    python extractor/data/build_regions.py [--shared PATH]

One row per province, kabupaten/kota and kecamatan (2025 Kemendagri codes):
``code,type,name,capital,lat,lng,capital_lat,capital_lng``. Coordinates are
rounded to 4 decimals (about 11 m). Kabupaten/kota names keep their prefix
(``Kabupaten Muara Enim``); a kecamatan's type is ``kecamatan`` (Papuan
distrik included: the names come from the same Kemendagri list). The shipped
file is what this script writes; run it again when the shared data changes.
Not imported by pantau at run time.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLUMNS = ("code", "type", "name", "capital", "lat", "lng", "capital_lat", "capital_lng")


def _num(value: str) -> str:
    return f"{float(value):.4f}" if value else ""


def rows(shared: Path):
    base = shared / "data" / "wilayah"
    with (base / "provinces.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            yield (r["code"], "provinsi", r["name"], r["capital"], _num(r["lat"]), _num(r["lng"]),
                   _num(r["capital_lat"]), _num(r["capital_lng"]))
    with (base / "regencies.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            yield (r["code"], r["type"], r["name"], r["capital"], _num(r["lat"]), _num(r["lng"]),
                   _num(r["capital_lat"]), _num(r["capital_lng"]))
    with (base / "districts.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            yield (r["code"], "kecamatan", r["name"], "", _num(r["lat"]), _num(r["lng"]), "", "")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=HERE.parents[2] / "shared",
                    help="the shared folder beside the project (default ../shared)")
    ap.add_argument("--out", type=Path, default=HERE / "regions.csv")
    args = ap.parse_args()
    out = sorted(rows(args.shared.resolve()), key=lambda r: [int(p) for p in r[0].split(".")])
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(COLUMNS)
        w.writerows(out)
    print(f"{args.out}: {len(out)} regions")


if __name__ == "__main__":
    main()
