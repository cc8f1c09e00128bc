"""The event taxonomy for people (``extractor/nlp/lexicons/taxonomy.toml``):
definitions, decision rules, examples, actor categories, precision codes and the
crosswalk to ACLED. The codebook (:mod:`extractor.codebook`) prints it; the
ACLED columns (:mod:`extractor.facts`) follow it. The trigger patterns stay in
``events.toml``; :func:`defined_event_types` reads that file's type names so a
test can hold the two files to the same types.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from . import datafiles


@dataclass(frozen=True)
class Crosswalk:
    event_type: str
    sub_event_type: str
    cue: str = ""  # the [cues] name that must hold for this row ("" = the default row)


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    label_id: str
    definition: str
    rules: tuple[str, ...]
    examples: tuple[str, ...]
    acled: tuple[Crosswalk, ...]  # conditional rows first, the default last
    default_actor: str


@dataclass(frozen=True)
class ActorCategory:
    key: str
    name: str
    inter: str
    inter_code: int
    forces: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    period: bool = False  # ACLED appends the government's period to state forces


@dataclass(frozen=True)
class Taxonomy:
    title: str
    intro: str
    types: dict[str, EventType]
    actors: dict[str, ActorCategory]
    actor_names: dict[str, str]  # force or institution -> how it is written as an associated actor
    cues: dict[str, re.Pattern]
    disorder: dict[str, str]
    precision: dict[str, dict[str, str]]
    acled: dict

    def category_of(self, force_or_institution: str) -> Optional[ActorCategory]:
        for c in self.actors.values():
            if force_or_institution in c.forces or force_or_institution in c.institutions:
                return c
        return None

    def disorder_type(self, event_type: str, sub_event_type: str) -> str:
        return self.disorder.get(f"{event_type}/{sub_event_type}") or self.disorder.get(event_type, "")

    def period(self, date: Optional[str]) -> str:
        """ACLED's label of the government in office on ``date`` ("2014-2024")."""
        periods = self.acled.get("periods", [])
        for p in periods:
            if date and p["start"] <= date <= p["end"]:
                return p["label"]
        return periods[-1]["label"] if periods else ""


def _read(package_path: str) -> dict:
    return datafiles.load(package_path)


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    d = _read("nlp/lexicons/taxonomy.toml")
    types = {}
    for name, t in d["types"].items():
        a = t["acled"]
        rows = tuple(Crosswalk(w["event_type"], w["sub_event_type"], w["cue"]) for w in a.get("when", []))
        types[name] = EventType(name, t["label"], t["label_id"], t["definition"].strip(), tuple(t.get("rules", [])),
                                tuple(t.get("examples", [])), rows + (Crosswalk(a["event_type"], a["sub_event_type"]),),
                                t["default_actor"])
    actors = {k: ActorCategory(k, v["name"], v["inter"], int(v["inter_code"]), tuple(v.get("forces", [])),
                               tuple(v.get("institutions", [])), bool(v.get("period", False)))
              for k, v in d["actors"].items() if k != "names"}
    cues = {k: re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in v) + r")(?![\w])", re.IGNORECASE)
            for k, v in d["cues"].items()}
    precision = {k: {str(kk): vv for kk, vv in v.items()} for k, v in d["precision"].items()}
    return Taxonomy(d["codebook"]["title"], d["codebook"]["intro"].strip(), types, actors, dict(d["actors"]["names"]),
                    cues, dict(d["disorder"]), precision, dict(d["acled"]))


def defined_event_types() -> list[str]:
    """The event types ``events.toml`` defines (its ``[types.*]`` tables), in order."""
    return list(_read("nlp/lexicons/events.toml")["types"])
