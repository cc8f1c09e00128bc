"""Election-security relevance: (election terms) x (security terms), from
``lexicons/relevance.toml``. Score = min(1, sqrt(e * s) / norm)."""

from __future__ import annotations

import math
import re
import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _terms():
    data = tomllib.loads(resources.files(__package__).joinpath("lexicons", "relevance.toml").read_text("utf-8"))
    def rx(words):
        return re.compile(r"(?<![\w])(?:" + "|".join(sorted(words, key=len, reverse=True)) + r")(?![\w])", re.IGNORECASE)
    return rx(data["election"]), rx(data["security"]), float(data["norm"]), float(data["threshold"])


def relevance(title: str, text: str) -> float:
    election, security, norm, _ = _terms()
    body = f"{title}\n{text}"
    e = len(election.findall(body))
    s = len(security.findall(body))
    return round(min(1.0, math.sqrt(e * s) / norm), 3)


def threshold() -> float:
    return _terms()[3]
