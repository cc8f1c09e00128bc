"""Site profiles: per-outlet CSS selectors kept as data in ``profiles/*.toml``
(see ``profiles/README.md`` for the keys). :func:`profile_for` picks the
profile of a URL by host (the longest matching host wins) or by name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from .document import split_url

from .. import datafiles

_SELECTOR_KEYS = ("body", "title", "date", "modified", "author", "editor", "section", "tags", "junk", "next_page")


@dataclass(frozen=True)
class Profile:
    name: str
    outlet: str = ""
    hosts: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    modified: tuple[str, ...] = ()
    author: tuple[str, ...] = ()
    editor: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    junk: tuple[str, ...] = ()
    next_page: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()

    @property
    def line_rx(self) -> Optional[re.Pattern]:
        return _line_rx(self.lines)


@lru_cache(maxsize=64)
def _line_rx(lines: tuple[str, ...]) -> Optional[re.Pattern]:
    return re.compile("(?:" + "|".join(lines) + r")\s*", re.IGNORECASE) if lines else None


def _load(name: str, text: str) -> Profile:
    # parsed and schema-checked (known keys, lists of strings) like every data file: extractor.datafiles
    data = datafiles.parse(text.encode("utf-8"), f"html/profiles/{name}.toml")
    if data.get("name", name) != name:
        raise ValueError(f"profile {name}: name {data['name']!r} differs from the file name")
    if not data.get("body"):
        raise ValueError(f"profile {name}: needs at least one body selector")
    kw = {k: tuple(data.get(k, ())) for k in (*_SELECTOR_KEYS, "hosts", "lines")}
    for rx in kw["lines"]:
        re.compile(rx)
    return Profile(name=name, outlet=data.get("outlet", ""), **kw)


@lru_cache(maxsize=1)
def profiles() -> dict[str, Profile]:
    """Every shipped profile by name."""
    out: dict[str, Profile] = {}
    folder = datafiles.ROOT / "html" / "profiles"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            name = entry.name[:-5]
            out[name] = _load(name, entry.read_text("utf-8"))
    return out


def profile_for(url: str = "", name: str = "") -> Optional[Profile]:
    """The profile called ``name`` (``"generic"`` = none), else the one whose
    host matches the URL's most specifically, else None (generic fallback)."""
    table = profiles()
    if name:
        if name == "generic":
            return None
        if name not in table:
            raise KeyError(f"unknown site profile {name!r}; choose from: {', '.join(sorted(table))}, generic")
        return table[name]
    host = (split_url(url).hostname or "").lower()
    if not host:
        return None
    best, best_len = None, -1
    for p in table.values():
        for h in p.hosts:
            if (host == h or host.endswith("." + h)) and len(h) > best_len:
                best, best_len = p, len(h)
    return best
