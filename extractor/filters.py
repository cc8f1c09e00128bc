"""The filters of ``query``, ``report`` and ``export``, checked against the
reference data before any SQL runs.

Matching is exact by default: ``--province Papua`` is the province Papua, not
the four newer Papuan provinces; ``--kabupaten`` is a code ("91.03"), a name
with its kind ("Kabupaten Jayapura", "Kota Jayapura", "Kab. Bogor") or a bare
name that only one kabupaten/kota has ("Muara Enim"). ``prefix`` (``--prefix``)
matches names that start with the value instead. An unknown or ambiguous value
is refused with the closest valid names (:class:`~extractor.errors.UsageError`,
exit status 2); so are an unknown event type, rank or institution, and
``--since`` after ``--until``.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Optional

from .errors import Msg, UsageError

#: fields that are not filters of rows
_NOT_FILTERS = ("limit", "prefix", "province_codes", "kabupaten_codes")


@dataclass(frozen=True)
class Filters:
    province: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    rank: Optional[str] = None
    institution: Optional[str] = None
    search: Optional[str] = None
    event_type: Optional[str] = None
    limit: Optional[int] = None
    kabupaten: Optional[str] = None
    prefix: bool = False  # province/kabupaten names match as prefixes
    province_codes: tuple[str, ...] = ()  # filled by resolve()
    kabupaten_codes: tuple[str, ...] = ()

    def active(self) -> dict[str, Any]:
        """The filters that are set (limit aside), by name."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in _NOT_FILTERS and getattr(self, f.name) not in (None, "")}

    def params(self) -> dict[str, Any]:
        """Named SQL parameters: each filter's value; provinces and kabupaten/kota
        as ``,code,code,`` lists (``province_codes``, ``kabupaten_codes``)."""
        f = self if (self.province is None or self.province_codes) and \
            (self.kabupaten is None or self.kabupaten_codes) else resolve(self)
        out: dict[str, Any] = dict(f.active())
        if f.province is not None:
            out["province_codes"] = "," + ",".join(f.province_codes) + ","
        if f.kabupaten is not None:
            out["kabupaten_codes"] = "," + ",".join(f.kabupaten_codes) + ","
        return out

    def describe(self) -> str:
        parts = [f"--{k.replace('_', '-')} {v}" for k, v in self.active().items()]
        if self.prefix:
            parts.append("--prefix")
        return ", ".join(parts) or "none"

    def regions(self) -> str:
        """The provinces and kabupaten/kota the filters select, by name."""
        from .regions import region_facts

        facts = region_facts()
        names = [facts[c].name for c in (*self.province_codes, *self.kabupaten_codes) if c in facts]
        return ", ".join(names)


# -- reference data --------------------------------------------------------------------------------
def _squash(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip()).lower()


@lru_cache(maxsize=1)
def _provinces() -> dict[str, str]:
    """Lower-cased province names and usual short names -> code."""
    from .counting import rules

    return dict(rules().province_codes)


@lru_cache(maxsize=1)
def _kabupaten() -> list[tuple[str, str, str]]:
    """(code, full name, bare name) of every kabupaten/kota."""
    from .regions import region_facts

    out = []
    for code, r in region_facts().items():
        if r.type in ("kabupaten", "kota"):
            bare = re.sub(r"^(?:Kabupaten(?: Administrasi)?|Kota(?: Administrasi)?) ", "", r.name)
            out.append((code, r.name, bare))
    return out


@lru_cache(maxsize=1)
def ranks() -> dict[str, str]:
    raw = resources.files("extractor").joinpath("nlp/lexicons/ranks.toml").read_bytes()
    return {r["short"].lower(): r["short"] for r in tomllib.loads(raw.decode("utf-8"))["rank"]}


@lru_cache(maxsize=1)
def institutions() -> dict[str, str]:
    from .taxonomy import taxonomy

    tx = taxonomy()
    names = [n for c in tx.actors.values() for n in (*c.forces, *c.institutions)] + list(tx.actor_names)
    return {n.lower(): n for n in names}


def _closest(value: str, choices: list[str], n: int = 5) -> str:
    low = {c.lower(): c for c in choices}
    got = difflib.get_close_matches(value.lower(), list(low), n=n, cutoff=0.5)
    got += [c for c in low if c.startswith(value.lower()[:4]) and c not in got][: max(0, n - len(got))]
    return ", ".join(low[g] for g in got[:n])


def _unknown(what: str, value: str, choices: list[str], extra: str = "") -> UsageError:
    near = _closest(value, choices)
    hint = (f"closest: {near}" if near else f"choose from: {', '.join(sorted(choices)[:12])}, ...") + extra
    return UsageError(Msg.UNKNOWN_VALUE.format(what=what, value=value, hint=hint))


def province_codes(value: str, prefix: bool = False) -> tuple[str, ...]:
    from .regions import region_facts

    v = _squash(value)
    facts = region_facts()
    if re.fullmatch(r"\d{2}", v):
        if v in facts and facts[v].type == "provinsi":
            return (v,)
        raise _unknown("province code", value, [c for c, r in facts.items() if r.type == "provinsi"])
    provs = _provinces()
    v = re.sub(r"^provinsi ", "", v)
    if prefix:
        got = sorted({c for name, c in provs.items() if name.startswith(v)})
        if got:
            return tuple(got)
    elif v in provs:
        return (provs[v],)
    names = [r.name for r in facts.values() if r.type == "provinsi"]
    raise _unknown("province", value, names, "" if prefix else "; --prefix matches names that start with it")


def kabupaten_codes(value: str, prefix: bool = False) -> tuple[str, ...]:
    v = _squash(value)
    kabs = _kabupaten()
    if re.fullmatch(r"\d{2}\.\d{2}", v):
        if any(c == v for c, _, _ in kabs):
            return (v,)
        raise _unknown("kabupaten/kota code", value, [c for c, _, _ in kabs])
    v = re.sub(r"^kab(?:upaten)?\.? ", "kabupaten ", v)
    v = re.sub(r"^kota(?: administrasi)? ", "kota ", v)
    full = [c for c, name, _ in kabs if _squash(name) == v or _squash(name).replace(" administrasi", "") == v]
    if full and not prefix:
        return tuple(full)
    if prefix:
        got = [c for c, name, bare in kabs if _squash(bare).startswith(v) or _squash(name).startswith(v)]
        if got:
            return tuple(got)
    else:
        bare = [(c, name) for c, name, b in kabs if _squash(b) == v]
        if len(bare) == 1:
            return (bare[0][0],)
        if len(bare) > 1:
            choices = " or ".join(f"{name} ({c})" for c, name in bare)
            raise UsageError(Msg.AMBIGUOUS_KABUPATEN.format(value=value, choices=choices, bare=value.strip()))
    raise _unknown("kabupaten/kota", value, [name for _, name, _ in kabs],
                   "" if prefix else "; --prefix matches names that start with it")


def resolve(f: Filters) -> Filters:
    """``f`` checked and completed: region codes filled, rank, institution and
    event type in their canonical spelling. Raises UsageError (exit 2)."""
    from .taxonomy import defined_event_types

    changes: dict[str, Any] = {}
    if f.since and f.until and f.since > f.until:
        raise UsageError(Msg.SINCE_AFTER_UNTIL.format(since=f.since, until=f.until))
    if f.province is not None:
        changes["province_codes"] = province_codes(f.province, f.prefix)
    if f.kabupaten is not None:
        changes["kabupaten_codes"] = kabupaten_codes(f.kabupaten, f.prefix)
    if f.event_type is not None:
        types = defined_event_types()
        et = f.event_type.strip().lower().replace("-", "_").replace(" ", "_")
        if et not in types:
            raise _unknown("event type", f.event_type, types)
        changes["event_type"] = et
    if f.rank is not None:
        r = ranks().get(_squash(f.rank).rstrip("."))
        if r is None:
            raise _unknown("rank", f.rank, list(ranks().values()))
        changes["rank"] = r
    if f.institution is not None:
        i = institutions().get(_squash(f.institution))
        if i is None:
            raise _unknown("institution", f.institution, sorted(set(institutions().values())))
        changes["institution"] = i
    return replace(f, **changes) if changes else f
