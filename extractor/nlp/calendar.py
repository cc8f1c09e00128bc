"""The election calendar (``lexicons/elections.toml``): Pemilu 2024, Pilkada 2024
and the 2025 re-votes, with the KPU's stages.

What it answers:
  * which elections a story names (:meth:`Calendar.named_in`);
  * the year of a day and month written without one (:meth:`Calendar.year_for`):
    among the years the named elections span, the one whose date falls on the
    weekday written beside it, else the one nearest the election's voting day;
  * the stage a date lies in (:meth:`Calendar.stage_on`), and when a stage named
    in the text starts (:meth:`Calendar.step_named`: ``hari ketiga masa tenang``);
  * the rows of the store's ``election_stages`` table (:meth:`Calendar.rows`).
No spaCy, no database: the store and the date rules both read it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .lexicon import lexicon


@dataclass(frozen=True)
class Election:
    name: str
    voting: dt.date
    start: dt.date  # first day of its earliest stage
    end: dt.date  # last day of its latest stage
    cues: re.Pattern
    of: str = ""  # a re-vote: the election it repeats


@dataclass(frozen=True)
class Stage:
    election: str
    stage: str  # coarse: preparation, campaign, quiet_period, voting, recapitulation, post_election
    step: str  # the KPU's stage ("" for a coarse window)
    name: str
    start: dt.date
    end: dt.date
    region: str = ""  # Kemendagri code for a re-vote day; "" = national
    approximate: bool = False
    source: str = ""
    cues: Optional[re.Pattern] = None

    def contains(self, d: dt.date) -> bool:
        return self.start <= d <= self.end


def _date(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def _cues(patterns) -> Optional[re.Pattern]:
    if not patterns:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?![\w])", re.IGNORECASE)


class Calendar:
    def __init__(self, data: dict) -> None:
        phases = [Stage(p["election"], p["stage"], "", p["stage"], _date(p["start"]), _date(p["end"]))
                  for p in data["phase"]]
        self.phases = sorted(phases, key=lambda s: s.start)

        def coarse(election: str, d: dt.date) -> str:
            """The coarse stage of an election on a day: the window holding it, else
            the nearest window of that election."""
            own = [p for p in self.phases if p.election == election]
            inside = [p for p in own if p.contains(d)]
            if inside:
                return inside[0].stage
            return min(own, key=lambda p: min(abs((p.start - d).days), abs((p.end - d).days))).stage

        self.steps = [Stage(s["election"], coarse(s["election"], _date(s["start"])), s["step"], s["name"],
                            _date(s["start"]), _date(s["end"]), "", bool(s.get("approximate")), s.get("source", ""),
                            _cues(s.get("cues")))
                      for s in data["step"]]
        self.revotes = [Stage(r["election"], "voting", "revote", r["name"], _date(r["date"]), _date(r["date"]),
                              r["region"], bool(r.get("approximate")), r.get("source", ""))
                        for r in data.get("revote", ())]
        self.elections = []
        for e in data["election"]:
            of = e.get("of", "")
            mine = [s for s in self.phases + self.steps if s.election == e["name"]]
            if of:  # a re-vote: its days
                mine = [s for s in self.revotes if s.election == of] + \
                       [s for s in self.steps if s.election == of and s.step == "revote"]
            self.elections.append(Election(e["name"], _date(e["voting"]), min(s.start for s in mine),
                                           max(s.end for s in mine), _cues(e["cues"]), of))

    # what a story is about ------------------------------------------------------
    def named_in(self, text: str) -> list[Election]:
        """The elections a text names, the most named first."""
        counts = [(len(e.cues.findall(text)), i, e) for i, e in enumerate(self.elections)]
        return [e for n, i, e in sorted(counts, key=lambda x: (-x[0], x[1])) if n]

    def year_for(self, day: int, month: int, weekday: Optional[int] = None,
                 elections: Optional[list[Election]] = None) -> Optional[int]:
        """The year of ``day``/``month`` in a story about ``elections`` (all of the
        calendar when none is named): the candidate years are those the elections
        span; the weekday written beside the date (0 = Monday) picks among them;
        else, or when no year fits the weekday, the date nearest a voting day."""
        pool = elections or self.elections
        cands: list[tuple[int, dt.date, Election]] = []
        for e in pool:
            for year in range(e.start.year, e.end.year + 1):
                try:
                    d = dt.date(year, month, day)
                except ValueError:
                    continue
                if e.start <= d <= e.end:
                    cands.append((abs((d - e.voting).days), d, e))
        if not cands:  # outside every window: the year nearest the first election's voting day
            for year in range(pool[0].voting.year - 1, pool[0].voting.year + 2):
                try:
                    d = dt.date(year, month, day)
                except ValueError:
                    continue
                cands.append((abs((d - pool[0].voting).days), d, pool[0]))
        if not cands:
            return None
        if weekday is not None:
            fit = [c for c in cands if c[1].weekday() == weekday]
            cands = fit or cands
        return min(cands, key=lambda c: (c[0], c[1]))[1].year

    # stages ---------------------------------------------------------------------
    def stage_on(self, d: dt.date, election: Optional[str] = None, region: str = "") -> Optional[Stage]:
        """The most specific stage holding ``d``: a re-vote day of ``region`` (or of a
        region holding it), else the KPU step that started last, else the coarse
        window; of ``election`` when given."""
        def ok(s: Stage) -> bool:
            return s.contains(d) and (election is None or s.election == election)

        for r in self.revotes:
            if ok(r) and region and (region == r.region or region.startswith(r.region + ".")):
                return r
        steps = [s for s in self.steps if ok(s)]
        if steps:
            return max(steps, key=lambda s: (s.start, -(s.end - s.start).days))
        phases = [p for p in self.phases if ok(p)]
        return phases[-1] if phases else None

    def step_named(self, text: str, elections: Optional[list[Election]] = None) -> Optional[Stage]:
        """The KPU step a phrase names (``masa tenang``, ``kampanye``), of the first of
        ``elections`` that has one."""
        names = [e.of or e.name for e in (elections or self.elections)]
        for name in dict.fromkeys(names):
            for s in self.steps:
                if s.election == name and s.cues and s.cues.fullmatch(text.strip()):
                    return s
        return None

    def rows(self) -> list[dict]:
        """Rows of the store's ``election_stages`` table: coarse windows (no step),
        the KPU steps, and the re-vote days with their region."""
        out = []
        for s in self.phases + self.steps + self.revotes:
            out.append({"election": s.election, "stage": s.stage, "start": s.start.isoformat(),
                        "end": s.end.isoformat(), "step": s.step or None, "name": s.name if s.step else None,
                        "region_code": s.region or None, "approximate": int(s.approximate),
                        "source": s.source or None})
        return out


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    return Calendar(lexicon().election_calendar)
