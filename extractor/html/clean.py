"""Junk removal and paragraph normalisation, for HTML-derived and plain text.

The cleaned text is what every character offset indexes: paragraphs joined
by exactly one blank line ("\\n\\n"), whitespace inside a paragraph folded to
single spaces, no leading or trailing whitespace. Junk lines are dropped
whole; inline sign-offs are cut from the end of a paragraph.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_BULLET = re.compile(r"^(?:[-•*·▪►»]|\d+\.)\s")
_WS = re.compile(r"[ \t\u00a0\u200b\u2009\u202f]+")
_DATELINE = re.compile(
    r"^(?P<city>(?:[A-Z][A-Za-z'’.]*\s?){1,4}?)\s*(?:,\s*[A-Za-z][\w.]*(?:\.(?:com|id|co\.id|net))?\s*)?"
    r"(?:\([A-Za-z.]+\)\s*)?[-–—]+\s*"
)


@dataclass(frozen=True)
class _Rules:
    line: re.Pattern
    opener: re.Pattern
    tail: re.Pattern
    inline: tuple[re.Pattern, ...]
    selectors: tuple[str, ...]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    data = tomllib.loads(resources.files(__package__).joinpath("junk.toml").read_text("utf-8"))
    return _Rules(
        line=re.compile("(?:" + "|".join(data["line"]) + r")\s*", re.IGNORECASE),
        opener=re.compile("(?:" + "|".join(data["opener"]) + r")\s*", re.IGNORECASE),
        tail=re.compile("(?:" + "|".join(data["tail"]) + r")\s*", re.IGNORECASE),
        inline=tuple(re.compile(p) for p in data["inline"]),
        selectors=tuple(data["selectors"]),
    )


def clean_paragraphs(paragraphs, title: str = "") -> tuple[str, tuple[str, ...]]:
    """Join paragraphs into the cleaned text. Returns (text, dropped lines)."""
    r = rules()
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[str] = set()
    title_key = _key(title)
    stop = False
    skip_headline = False
    for raw in paragraphs:
        for line in raw.split("\n"):
            line = _WS.sub(" ", line).strip()
            if not line:
                continue
            if stop:
                dropped.append(line)
                continue
            if skip_headline:
                if _BULLET.match(line) or skip_headline == "first":
                    dropped.append(line)
                    skip_headline = "bullets"
                    continue
                skip_headline = False
            if r.opener.fullmatch(line):
                dropped.append(line)
                skip_headline = "first"
                continue
            if r.tail.fullmatch(line):
                dropped.append(line)
                stop = True
                continue
            if r.line.fullmatch(line):
                dropped.append(line)
                continue
            k = _key(line)
            if (title_key and k == title_key) or k in seen:  # repeated title or paragraph
                dropped.append(line)
                continue
            seen.add(k)
            for rx in r.inline:
                line = rx.sub("", line).strip()
            if line:
                kept.append(line)
    return "\n\n".join(kept), tuple(dropped)


def clean_text(text: str, title: str = "") -> tuple[str, tuple[str, ...]]:
    """Plain text: lines are paragraphs (blank lines or single newlines)."""
    return clean_paragraphs(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), title)


def dateline(text: str) -> str:
    """The dateline city at the start of the text: ``MUARA ENIM -`` -> ``MUARA ENIM``."""
    m = _DATELINE.match(text[:80])
    if not m:
        return ""
    city = m.group("city").strip().rstrip(",")
    return city if 2 < len(city) <= 40 else ""


def _key(s: str) -> str:
    return re.sub(r"\W+", "", s.lower())
