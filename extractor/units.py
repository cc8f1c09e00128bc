"""The chain of command: Polri and TNI units with their parents and territory.

Reads ``extractor/data/units.csv`` (built by ``extractor/data/build_units.py``
from the hand-written facts in ``extractor/data/units/``) and adds one Polsek
and one Koramil per kecamatan (``source = generated``: named after the
kecamatan, under the Polres and Kodim primary for its kabupaten/kota).

Public front:

- :func:`units`: every unit by id; :func:`chain`: a unit and its ancestors;
- :func:`region_command`: the units that answer for a Kemendagri region
  (``16.04`` -> Polres Lahat, Polda Sumatera Selatan, Kodim 0405/Lahat,
  Korem 044/Garuda Dempo, Kodam II/Sriwijaya), the roll-up of a place;
- :func:`resolve`: the unit a name as the press writes it means
  (``Polres Muba``, ``Mapolres Lahat``, ``Kodim 0418/Palembang``, ``Makodim
  0404``, ``Polda Sumsel``, ``Polsek Tanjung Agung``), or None;
- :func:`unit_of_post`: the unit a post heads in a region (``Kapolres`` in
  ``16.04`` -> Polres Lahat).

Pure: no database, no spaCy.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from .memory import without_gc
from .regions import region_facts

#: unit kinds by the level of the chain they sit on
LEVEL = {"mabes": "mabes", "polda": "polda", "polres": "polres", "polresta": "polres", "polrestabes": "polres",
         "polsek": "polsek", "kodam": "kodam", "korem": "korem", "kodim": "kodim", "koramil": "koramil",
         "lantamal": "lantamal", "lanal": "lanal", "lanud": "lanud"}
#: the levels an event or place rolls up to, in the order of :func:`region_command`'s keys
ROLLUP = ("polsek", "polres", "polda", "koramil", "kodim", "korem", "kodam")


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    kind: str  # polda, polres, polresta, polrestabes, polsek, kodam, korem, kodim, koramil, lantamal, lanal, lanud
    institution: str  # Polri or TNI
    number: str  # Kodim/Korem number, Kodam or Lantamal numeral; "" when none or not known
    parent_id: str
    regions: tuple[str, ...]  # Kemendagri codes the unit answers for (primary)
    partial: tuple[str, ...]  # codes it covers only in part, beside another unit that is primary
    aliases: tuple[str, ...]
    source: str  # listed (a hand-written fact), rule (default naming), generated (Polsek/Koramil per kecamatan)
    note: str = ""

    @property
    def level(self) -> str:
        return LEVEL.get(self.kind, self.kind)


_NOT_KEY = re.compile(r"[^a-z0-9/]")

#: the look-ups below are pure functions of the unit table (built once per process): cached, as the same
#: names come back in every article (~60 calls of key() per article in extraction, ~8 of resolve() per
#: stored article in the writer); bounded, as names read from text are not
_CACHED = 1 << 16


@lru_cache(maxsize=_CACHED)
def key(text: str) -> str:
    """Comparison form of a unit or place name: case, spaces and punctuation
    folded, so ``Lubuk Linggau`` = ``Lubuklinggau`` and ``Kodim 0404/ME`` =
    ``kodim 0404 / me``."""
    return _NOT_KEY.sub("", text.casefold())


def _bare(name: str) -> str:
    return re.sub(r"^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+", "", name)


@lru_cache(maxsize=1)
@without_gc  # built once, kept for the process's life (extractor/memory.py)
def units() -> dict[str, Unit]:
    """Every unit by id: the table's rows, then one Polsek and one Koramil per kecamatan."""
    raw = resources.files(__package__).joinpath("data", "units.csv").read_text("utf-8")
    out: dict[str, Unit] = {}
    for r in csv.DictReader(raw.splitlines()):
        codes = [c for c in r["regions"].split(";") if c]
        out[r["id"]] = Unit(r["id"], r["name"], r["kind"], r["institution"], r["number"], r["parent_id"],
                            tuple(c for c in codes if not c.startswith("~")),
                            tuple(c[1:] for c in codes if c.startswith("~")),
                            tuple(a for a in r["aliases"].split(";") if a), r["source"], r["note"])
    primary = _primary_by_region(out)
    for code, f in region_facts().items():
        if f.type != "kecamatan":
            continue
        kab = code[:5]
        polres = primary["polres"].get(kab)
        kodim = primary["kodim"].get(kab) or _common_parent(out, primary["kodim_partial"].get(kab, ()))
        if polres:
            out[f"polsek-{code}"] = Unit(f"polsek-{code}", f"Polsek {f.name}", "polsek", "Polri", "", polres,
                                         (code,), (), (f"Polsekta {f.name}",), "generated",
                                         "one Polsek per kecamatan named after it")
        if kodim:
            out[f"koramil-{code}"] = Unit(f"koramil-{code}", f"Koramil {f.name}", "koramil", "TNI", "", kodim,
                                          (code,), (), (), "generated", "one Koramil per kecamatan named after it")
    return out


def _primary_by_region(table: dict[str, Unit]) -> dict[str, dict]:
    out: dict[str, dict] = {"polres": {}, "kodim": {}, "polda": {}, "kodam": {}, "korem": {},
                            "kodim_partial": defaultdict(list), "polres_partial": defaultdict(list)}
    for u in table.values():
        if u.level in ("polres", "kodim", "polda", "kodam", "korem"):
            for c in u.regions:
                out[u.level].setdefault(c, u.id)
        if u.level in ("polres", "kodim"):
            for c in u.partial:
                out[f"{u.level}_partial"][c].append(u.id)
    return out


def _common_parent(table: dict[str, Unit], ids) -> Optional[str]:
    """The nearest unit above all of ``ids`` (three Kodim of Surabaya -> their Korem)."""
    ids = list(ids)
    if not ids:
        return None
    if len(ids) == 1:
        return ids[0]
    lines = [[u.id for u in chain(i, table)][1:] for i in ids]
    for cand in lines[0]:
        if all(cand in line for line in lines[1:]):
            return cand
    return None


def chain(uid: str, table: Optional[dict[str, Unit]] = None) -> list[Unit]:
    """The unit and its ancestors up to Mabes."""
    table = table if table is not None else units()
    out: list[Unit] = []
    while uid and uid in table and len(out) < 10:
        out.append(table[uid])
        uid = table[uid].parent_id
    return out


@lru_cache(maxsize=1)
@without_gc
def _index() -> dict:
    table = units()
    primary = _primary_by_region(table)
    by_key: dict[str, list[str]] = defaultdict(list)
    for u in table.values():
        for name in (u.name, *u.aliases):
            k = key(name)
            if u.id not in by_key[k]:
                by_key[k].append(u.id)
    by_number: dict[tuple[str, str], list[str]] = defaultdict(list)
    for u in table.values():
        if u.number:
            by_number[(u.level, u.number.casefold())].append(u.id)
    # region names (bare, folded) and the press's short forms -> codes, per level
    places: dict[str, dict[str, list[str]]] = {"provinsi": defaultdict(list), "kabkota": defaultdict(list),
                                               "kecamatan": defaultdict(list)}
    for code, f in region_facts().items():
        lvl = "provinsi" if f.level == 1 else "kabkota" if f.level == 2 else "kecamatan"
        places[lvl][key(_bare(f.name))].append(code)
        if f.level == 2:
            places[lvl][key(f.name)].append(code)  # "Kota Batu", "Kabupaten Bandung"
    for u in table.values():  # "Polda Sumsel" -> Sumsel -> 16; "Polres Muba" -> Muba -> 16.06
        if u.level in ("polda", "polres") and u.source != "generated":
            head = "polda" if u.level == "polda" else u.kind
            for a in u.aliases:
                k = key(a)
                if k.startswith(head) and len(u.regions) == 1:
                    lvl = "provinsi" if u.level == "polda" else "kabkota"
                    if u.regions[0] not in places[lvl][k[len(head):]]:
                        places[lvl][k[len(head):]].append(u.regions[0])
    return {"key": by_key, "number": by_number, "places": places, "primary": primary}


def region_command(code: Optional[str]) -> dict[str, Optional[str]]:
    """Unit ids answering for a Kemendagri region, by level (:data:`ROLLUP`).
    A kecamatan has its Polsek and Koramil; a kabupaten/kota its Polres and
    Kodim (None for the Kodim where several share it: then its Korem); a
    province its Polda and Kodam only (several Polres and Kodim serve it).
    A new dict on each call (the caller's to change)."""
    return dict(zip(ROLLUP, _region_command(code)))


@lru_cache(maxsize=_CACHED)
def _region_command(code: Optional[str]) -> tuple[Optional[str], ...]:
    out: dict[str, Optional[str]] = dict.fromkeys(ROLLUP)
    if not code:
        return tuple(out.values())
    table, idx = units(), _index()
    primary = idx["primary"]
    if len(code) >= 8:
        for lvl in ("polsek", "koramil"):
            if f"{lvl}-{code[:8]}" in table:
                out[lvl] = f"{lvl}-{code[:8]}"
    if len(code) >= 5:
        kab = code[:5]
        out["polres"] = primary["polres"].get(kab)
        kodim = primary["kodim"].get(kab)
        if kodim:
            out["kodim"] = kodim
        else:
            common = _common_parent(table, primary["kodim_partial"].get(kab, ()))
            if common and table[common].level == "kodim":
                out["kodim"] = common
            elif common:
                out["korem" if table[common].level == "korem" else "kodam"] = common
    for start in (out["polres"], out["kodim"] or out["korem"]):
        for u in chain(start)[1:] if start else ():
            if u.level in out and out[u.level] is None:
                out[u.level] = u.id
    province = code[:2]
    if out["polda"] is None:
        out["polda"] = primary["polda"].get(province)
    if out["kodam"] is None:
        out["kodam"] = primary["kodam"].get(province)
    return tuple(out.values())


_MARKAS = re.compile(r"^ma(?=(polda|polres|polresta|polrestabes|polsek|kodam|korem|kodim|koramil|lanal|lanud|lantamal))")
_HEAD = re.compile(r"^(polda|polrestabes|polresta|polres|polsekta|polsek|kodam|korem|kodim|koramil|lantamal|lanal|lanud)")
_NUMBER = re.compile(r"^([0-9]{3,6}|[ivx]+)(?:/(.*))?$")  # Koramil 0404-01 folds to 040401


def unit_key(name: str) -> str:
    """``name`` folded as the units' names and aliases are looked up (``Mapolres Lahat`` as ``Polres Lahat``)."""
    return _MARKAS.sub("", key(name))


def is_unit_name(name: str) -> bool:
    """Whether ``name`` is, as written, the name or a press alias of a unit of
    the table (``Polres Metro Jakarta Selatan``, ``Kodam IX/Udayana``, a Polsek
    named after its kecamatan); no guessing from a head and a region."""
    return unit_key(name) in _index()["key"]


@lru_cache(maxsize=_CACHED)
def resolve(name: Optional[str], region_code: Optional[str] = None) -> Optional[Unit]:
    """The unit ``name`` means, or None. ``region_code`` (the article's or the
    mention's region) settles names several units share and places a Polsek
    or Koramil named by its kecamatan alone."""
    if not name:
        return None
    table, idx = units(), _index()
    k = unit_key(name)
    k = re.sub(r"pol$", "", k)
    hits = idx["key"].get(k) or idx["key"].get(k.replace("polsekta", "polsek"))
    if hits:
        return table[_closest(hits, region_code)]
    m = _HEAD.match(k)
    if not m:
        return None
    head, rest = m.group(1), k[m.end():]
    head = "polsek" if head == "polsekta" else head
    num = _NUMBER.match(rest)
    if num and head in ("kodim", "korem", "kodam", "lantamal", "koramil"):
        ids = idx["number"].get((head, num.group(1)))
        if ids:
            return table[_closest(ids, region_code)]
        rest = num.group(2) or ""  # a number not in the table: the place after the slash
    if not rest:
        return None
    level = LEVEL.get(head, head)
    if level == "polda":
        codes = idx["places"]["provinsi"].get(rest, [])
        return table.get(region_command(codes[0])["polda"]) if len(codes) == 1 else None
    if level in ("polsek", "koramil"):
        codes = idx["places"]["kecamatan"].get(rest, [])
        if region_code and len(region_code) >= 5:
            near = [c for c in codes if c.startswith(region_code[:5])]
            codes = near or ([] if len(codes) > 1 else codes)
        return table.get(f"{level}-{codes[0]}") if len(codes) == 1 else None
    if level in ("polres", "kodim", "korem"):
        kota = rest.endswith("kota") or rest.startswith("kota") or head in ("polresta", "polrestabes")
        stem = re.sub(r"^(kota|kabupaten|kab)|kota$", "", rest)
        codes = idx["places"]["kabkota"].get(rest) or idx["places"]["kabkota"].get(stem, [])
        if len(codes) > 1:
            codes = [c for c in codes if (region_facts()[c].type == "kota") == kota] or codes
        if len(codes) > 1 and region_code:
            codes = [c for c in codes if c[:2] == region_code[:2]] or codes
        if len(codes) != 1:
            return None
        rc = region_command(codes[0])
        uid = rc["polres"] if level == "polres" else rc["kodim"] if level == "kodim" else rc["korem"]
        return table.get(uid) if uid else None
    return None


def _closest(ids: list[str], region_code: Optional[str]) -> str:
    """Of units sharing a name, the one in the region's province (else the first)."""
    if len(ids) > 1 and region_code:
        table = units()
        for uid in ids:
            if any(c[:2] == region_code[:2] for c in table[uid].regions + table[uid].partial):
                return uid
    return ids[0]


#: posts that head a unit, by the level of the unit they head
HEADS = {"Kapolri": "mabes", "Kapolda": "polda", "Wakapolda": "polda", "Kapolres": "polres",
         "Kapolresta": "polres", "Kapolrestabes": "polres", "Wakapolres": "polres", "Wakapolresta": "polres",
         "Kapolsek": "polsek", "Wakapolsek": "polsek", "Panglima TNI": "mabes", "Pangdam": "kodam",
         "Kasdam": "kodam", "Danrem": "korem", "Dandim": "kodim", "Kasdim": "kodim", "Danramil": "koramil",
         "Danlantamal": "lantamal", "Danlanal": "lanal", "Danlanud": "lanud"}


def unit_of_post(position: Optional[str], region_code: Optional[str]) -> Optional[Unit]:
    """The unit a post heads in a region: ``Kapolres`` + ``16.04`` -> Polres Lahat."""
    level = HEADS.get(position or "")
    if not level or not region_code:
        return None
    if level == "mabes":
        return units().get("mabes-polri" if position.startswith("Kapolri") else "mabes-tni")
    uid = region_command(region_code).get(level)
    return units().get(uid) if uid else None
