"""Build ``units.csv``: the chain of command as data (issue 20).

Inputs, all in ``extractor/data/units/`` (hand-written from public facts; see
the README there):

- ``polri.csv``: Mabes Polri, the 38 Polda, and every Polres-level unit that
  does not follow the default rule (Polresta/Polrestabes of a kota or
  kabupaten, one Polres covering several kabupaten/kota, Polda Metro Jaya's
  Polres outside DKI Jakarta, port and airport police).
- ``tni.csv``: Mabes TNI, the TNI AD Kodam, Korem and the Kodim listed with
  their numbers, and the TNI AL (Lantamal, Lanal) and TNI AU (Lanud) bases.
- ``short_names.csv``: the short forms the press writes for a region
  (``Muba`` = Musi Banyuasin), which become aliases of the units named after it.

with ``regions.csv`` (Kemendagri codes and names). Rules for what is not listed:

- a kabupaten/kota that no listed Polres-level unit covers gets ``Polres
  <name>`` (``Polres <name> Kota`` for a kota whose province has a kabupaten of
  the same name), under the Polda of its province; ``source = rule``;
- a kabupaten/kota that no listed Kodim covers gets a Kodim named after it with
  no number (``source = rule``: the number is not known here), under the Korem
  of its province where one is listed, else the Kodam.

Polsek and Koramil (one per kecamatan) are not written: ``extractor.units``
generates them when it loads the table.

``regions`` lists Kemendagri codes; ``~`` before a code marks a unit that
covers only part of that region, beside the one unit that is primary for it.

Usage: ``python extractor/data/build_units.py`` writes ``units.csv``;
``--check`` rebuilds in memory, fails when ``units.csv`` differs or when
coverage is broken (every kabupaten/kota must have exactly one primary
Polres-level unit and exactly one primary Kodim, or only partial Kodims), and
prints the counts.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "units"
OUT = HERE / "units.csv"
COLUMNS = ("id", "name", "kind", "institution", "number", "parent_id", "regions", "aliases", "source", "note")
POLRES_KINDS = ("polres", "polresta", "polrestabes")
INSTITUTION = {"mabes": None, "polda": "Polri", "polres": "Polri", "polresta": "Polri", "polrestabes": "Polri",
               "kodam": "TNI", "korem": "TNI", "kodim": "TNI", "lantamal": "TNI", "lanal": "TNI", "lanud": "TNI"}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def bare(region_name: str) -> str:
    """Kemendagri name without its prefix: ``Kabupaten Muara Enim`` -> ``Muara Enim``."""
    return re.sub(r"^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+", "", region_name)


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _codes(field: str) -> list[str]:
    return [c.strip() for c in field.split(";") if c.strip()]


def build(regions: list[dict], polri: list[dict], tni: list[dict], short: list[dict]) -> list[dict]:
    by_code = {r["code"]: r for r in regions}
    kabkota = [r for r in regions if r["type"] in ("kabupaten", "kota")]
    by_name = {r["name"]: r["code"] for r in regions if r["type"] != "kecamatan"}
    shorts: dict[str, list[str]] = defaultdict(list)
    for r in short:
        if r["region"] not in by_name:
            raise ValueError(f"short_names.csv: unknown region {r['region']!r}")
        shorts[by_name[r["region"]]] += _codes(r["short"])

    rows: list[dict] = []
    ids: dict[str, str] = {}  # name -> id (listed units: names are unique there)
    taken: set[str] = set()

    def add(name, kind, parent, regions, aliases, source, note, number="", institution=None):
        uid = slug(name)
        if uid in taken:  # the same name in two provinces (Polres Banjar: Jawa Barat and Kalimantan Selatan)
            uid = slug(f"{name} {regions[0].lstrip('~') if regions else ''}")
            if uid in taken:
                raise ValueError(f"duplicate unit {name!r}")
        taken.add(uid)
        for c in regions:
            if c.lstrip("~") not in by_code:
                raise ValueError(f"{name}: unknown region code {c!r}")
        ids[name] = uid
        rows.append({"id": uid, "name": name, "kind": kind, "institution": institution or INSTITUTION.get(kind) or "",
                     "number": number, "parent_id": parent, "regions": ";".join(regions),
                     "aliases": ";".join(dict.fromkeys(a for a in aliases if a and a != name)), "source": source,
                     "note": note})

    for src, inst in ((polri, "Polri"), (tni, "TNI")):
        for r in src:
            add(r["name"], r["kind"], r["parent"], _codes(r["regions"]), _codes(r["aliases"]), "listed", r["note"],
                number=r.get("number", ""), institution=inst)
    for r in rows:  # parents by name -> id
        if r["parent_id"]:
            if r["parent_id"] not in ids:
                raise ValueError(f"{r['name']}: unknown parent {r['parent_id']!r}")
            r["parent_id"] = ids[r["parent_id"]]

    polda_of = {c: r["id"] for r in rows if r["kind"] == "polda" for c in _codes(r["regions"])}
    cover, _ = covering(rows, POLRES_KINDS)
    for k in kabkota:
        if k["code"] in cover:
            continue
        name = bare(k["name"])
        twin = any(o["type"] == "kabupaten" and bare(o["name"]) == name and o["code"][:2] == k["code"][:2]
                   for o in kabkota)
        unit = f"Polres {name} Kota" if k["type"] == "kota" and twin else f"Polres {name}"
        add(unit, "polres", polda_of[k["code"][:2]], [k["code"]], [], "rule",
            "one Polres per kabupaten/kota named after it (not listed in units/polri.csv)")

    def tni_parent(code: str) -> str:
        for kind in ("korem", "kodam"):
            for level in (code, code[:2]):
                found = [r["id"] for r in rows if r["kind"] == kind and level in _codes(r["regions"])]
                if found:
                    return found[0]
        raise ValueError(f"no Kodam covers {code}")

    cover, partial = covering(rows, ("kodim",))
    for k in kabkota:
        if k["code"] in cover or k["code"] in partial:
            continue
        add(f"Kodim {bare(k['name'])}", "kodim", tni_parent(k["code"]), [k["code"]], [], "rule",
            "placeholder: no Kodim listed for this kabupaten/kota in units/tni.csv; its number is not known here")

    # aliases from the press's short names of the regions a unit is named after
    for r in rows:
        extra = []
        for c in _codes(r["regions"]):
            c = c.lstrip("~")
            full = bare(by_code[c]["name"])
            if full not in r["name"] or r["kind"] not in (*POLRES_KINDS, "kodim"):
                continue
            for s in shorts.get(c, ()):
                if r["kind"] == "kodim":
                    extra.append(f"Kodim {r['number']}/{s}" if r["number"] else f"Kodim {s}")
                else:
                    extra.append(f"{r['name'].rsplit(full, 1)[0].strip()} {s}")
        if extra:
            r["aliases"] = ";".join(dict.fromkeys(_codes(r["aliases"]) + extra))
    return rows


def covering(rows: list[dict], kinds, field: str = "id") -> tuple[dict, dict]:
    """(primary, partial): region code -> the ``field`` of the units of ``kinds`` covering it."""
    cover: dict[str, list[str]] = defaultdict(list)
    partial: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if r["kind"] in kinds:
            for c in _codes(r["regions"]):
                (partial if c.startswith("~") else cover)[c.lstrip("~")].append(r[field])
    return cover, partial


def coverage(rows: list[dict], regions: list[dict]) -> list[str]:
    """Problems with the coverage of kabupaten/kota (empty when complete and unambiguous)."""
    problems = []
    kabkota = [r["code"] for r in regions if r["type"] in ("kabupaten", "kota")]
    for kinds, label in ((POLRES_KINDS, "Polres-level unit"), (("kodim",), "Kodim")):
        cover, partial = covering(rows, kinds, "name")
        for code in kabkota:
            if len(cover[code]) > 1:
                problems.append(f"{code}: {len(cover[code])} primary {label}s: {', '.join(cover[code])}")
            elif not cover[code] and not (label == "Kodim" and partial[code]):
                problems.append(f"{code}: no {label}")
    return problems


def render(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    regions = _read(HERE / "regions.csv")
    rows = build(regions, _read(SRC / "polri.csv"), _read(SRC / "tni.csv"), _read(SRC / "short_names.csv"))
    problems = coverage(rows, regions)
    text = render(rows)
    counts = Counter((r["kind"], r["source"]) for r in rows)
    summary = ", ".join(f"{k} {s} {n}" for (k, s), n in sorted(counts.items()))
    if "--check" in argv:
        stale = not OUT.exists() or OUT.read_text(encoding="utf-8") != text
        for p in problems:
            print("coverage:", p)
        if stale:
            print("units.csv is not what build_units.py makes: run python extractor/data/build_units.py")
        print(f"{len(rows)} units ({summary})")
        return 1 if problems or stale else 0
    if problems:
        for p in problems:
            print("coverage:", p)
        return 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.name}: {len(rows)} units ({summary})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
