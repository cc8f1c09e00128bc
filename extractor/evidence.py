"""How each article reports what it reports: an official portal, a press
release carried by an outlet, or independent reporting (issue 20).

Per article (stored in ``article_sources`` with the article's records):
``portal`` when the URL's host or the outlet is a police, TNI or government
portal, ``release`` when the text carries a release's marks (``rilis``,
``siaran pers``, ``keterangan tertulis``, ``Humas Polres``, ``Kasi Humas``;
``extractor/data/evidence.toml``), else ``report``. Near-identical text across
outlets, the third mark of a release, depends on other articles and is decided
in the ``event_evidence`` view from the near-duplicate clusters.

Pure functions; the word lists are data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional
from urllib.parse import urlsplit

from . import datafiles


@dataclass(frozen=True)
class ArticleSource:
    kind: str  # portal, release, report
    portal: bool
    cues: tuple[str, ...]  # the release marks found, lower-cased, first occurrence order


@lru_cache(maxsize=1)
def _data() -> dict:
    d = dict(datafiles.load("data/evidence.toml"))  # a copy: the loaded dict is shared
    d["release_re"] = re.compile(r"(?<![\w])(?:" + "|".join(f"(?:{c})" for c in d["release_cues"]) + ")",
                                 re.IGNORECASE)
    return d


def is_portal(url: Optional[str], outlet: Optional[str] = None) -> bool:
    d = _data()
    host = (urlsplit(url or "").hostname or "").lower()
    if host and any(host == h.lstrip(".") or host.endswith("." + h.lstrip(".")) for h in d["portal_hosts"]):
        return True
    name = (outlet or "").lower()
    return bool(name) and any(p in name for p in d["portal_outlets"])


def release_cues(text: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for m in _data()["release_re"].finditer(text or ""):
        seen.setdefault(re.sub(r"\s+", " ", m.group(0).lower()), None)
    return tuple(seen)


def article_source(url: Optional[str], outlet: Optional[str], text: str) -> ArticleSource:
    portal = is_portal(url, outlet)
    cues = release_cues(text)
    return ArticleSource("portal" if portal else "release" if cues else "report", portal, cues)
