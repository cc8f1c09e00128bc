"""Settings and sources: read ``sources.toml`` once, check every value once,
hand the rest of the program one frozen :class:`Settings`.

File shape::

    [settings]                      # all optional
    user_agent = "pantau/0.1 (+https://...; research contact: you@example.org)"
    rate_limit = 1.0                # requests per second per host
    concurrency = 8                 # requests in flight, all hosts
    per_host = 2                    # requests in flight per host
    timeout = 20.0                  # seconds (connect and read)
    retries = 3
    max_bytes = 5_000_000
    relevance_threshold = 0.25
    max_redirects = 5
    total_timeout = 60.0            # seconds for a whole response (slow bodies)
    backoff = 0.5                   # first retry after ~0.5 s, doubling, with jitter
    backoff_max = 30.0
    max_retry_after = 120.0         # a longer Retry-After ends the attempt (retried next run)
    max_attempts = 5                # runs that may retry a failing URL
    max_pages = 10                  # pages followed in one multi-page article
    keyword_filter = false          # drop feed/sitemap items whose title and URL name no
    keywords = ["pilkada", ...]     # election or security term (default: DEFAULT_KEYWORDS)
    archive_dir = ""                # WARC archive; "" = "<db name>-archive" beside the database

    [[source]]
    name = "Outlet"
    home = "https://outlet.example"
    region = "Sumatera Selatan"
    feeds = ["https://outlet.example/feed"]
    sitemaps = ["https://outlet.example/sitemap.xml"]
    urls = ["https://outlet.example/a.html"]
    rate_limit = 0.5
    [[source.listing]]
    url = "https://outlet.example/tag/pilkada"
    link_pattern = "/berita/"
    pages = 3
    page_param = "page"
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from . import __version__, datafiles
from .errors import ConfigError, Msg
from .types import Listing, Source

DEFAULT_USER_AGENT = f"pantau/{__version__} (election-security research crawler; +https://pypi.org/project/pantau)"

#: Discovery's keyword filter: an item of a feed or sitemap is kept when its
#: title or URL names one of these election or security terms (regular
#: expressions matched at the start of a word, without case; a space also
#: matches the hyphens of URL slugs). Language data: ``[discovery]`` in
#: ``nlp/lexicons/relevance.toml``.
DEFAULT_KEYWORDS: tuple[str, ...] = tuple(datafiles.load("nlp/lexicons/relevance.toml")["discovery"]["keywords"])


@dataclass(frozen=True)
class Settings:
    user_agent: str = DEFAULT_USER_AGENT
    rate_limit: float = 1.0
    concurrency: int = 8
    per_host: int = 2
    timeout: float = 20.0
    retries: int = 3
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    relevance_threshold: Optional[float] = None  # None: the lexicon's default
    total_timeout: float = 60.0
    backoff: float = 0.5
    backoff_max: float = 30.0
    max_retry_after: float = 120.0
    max_attempts: int = 5
    max_pages: int = 10
    keyword_filter: bool = False
    keywords: tuple[str, ...] = DEFAULT_KEYWORDS
    archive_dir: str = ""
    sources: tuple[Source, ...] = field(default=())

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


_NUMERIC = {"rate_limit": float, "concurrency": int, "per_host": int, "timeout": float, "retries": int,
            "max_bytes": int, "max_redirects": int, "relevance_threshold": float, "total_timeout": float,
            "backoff": float, "backoff_max": float, "max_retry_after": float, "max_attempts": int, "max_pages": int}


def load_settings(path: str | Path) -> Settings:
    path = Path(path)
    if not path.exists():
        raise ConfigError(Msg.CONFIG_NOT_FOUND.format(path=path))
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(Msg.CONFIG_SYNTAX.format(path=path, detail=exc)) from exc
    return settings_from_dict(data, str(path))


def settings_from_dict(data: dict, origin: str = "<config>") -> Settings:
    raw = dict(data.get("settings", {}))
    unknown = set(raw) - {f.name for f in dataclasses.fields(Settings)} - {"sources"}
    if unknown:
        raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=", ".join(sorted(unknown)), detail="unknown setting"))
    values: dict[str, Any] = {}
    for k, v in raw.items():
        if k in _NUMERIC:
            try:
                v = _NUMERIC[k](v)
            except (TypeError, ValueError) as exc:
                raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=k, detail=f"not a number: {v!r}")) from exc
            if v < 0 or (v == 0 and k not in ("retries", "relevance_threshold", "backoff", "max_retry_after")):
                raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=k, detail="must be positive"))
        elif k == "keyword_filter" and not isinstance(v, bool):
            raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=k, detail="must be true or false"))
        elif k == "keywords":
            if isinstance(v, str):
                v = [v]
            if not isinstance(v, list) or not v or not all(isinstance(w, str) and w.strip() for w in v):
                raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=k, detail="must be a list of terms"))
            v = tuple(w.strip() for w in v)
        elif k in ("user_agent", "archive_dir") and not isinstance(v, str):
            raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=k, detail="must be a string"))
        if k == "user_agent" and not _names_tool_and_contact(v):
            raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=k, detail=Msg.USER_AGENT))
        values[k] = v
    sources = tuple(_source(s, origin, i) for i, s in enumerate(data.get("source", [])))
    names = [s.name for s in sources]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key="source", detail=f"duplicate names: {sorted(dup)}"))
    return Settings(**values, sources=sources)


def _names_tool_and_contact(ua: str) -> bool:
    """The user agent names pantau and gives a way to reach the crawl's operator."""
    import re

    return "pantau" in ua.lower() and bool(re.search(r"https?://\S+|\S+@\S+\.\w+", ua))


def _source(s: dict, origin: str, i: int) -> Source:
    if not isinstance(s, dict) or not s.get("name"):
        raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=f"source[{i}]", detail="needs a name"))
    def urls(key):
        v = s.get(key, [])
        if isinstance(v, str):
            v = [v]
        bad = [u for u in v if not isinstance(u, str) or not u.startswith(("http://", "https://"))]
        if bad:
            raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=f"{s['name']}.{key}",
                                                      detail=f"not an http(s) URL: {bad[0]!r}"))
        return tuple(v)
    listings = []
    for j, lst in enumerate(s.get("listing", [])):
        if not str(lst.get("url", "")).startswith(("http://", "https://")):
            raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=f"{s['name']}.listing[{j}]", detail="needs url"))
        listings.append(Listing(lst["url"], lst.get("link_pattern", ""), int(lst.get("pages", 1)),
                                lst.get("page_param", "")))
    rate = s.get("rate_limit")
    if rate is not None and (not isinstance(rate, (int, float)) or rate <= 0):
        raise ConfigError(Msg.CONFIG_VALUE.format(path=origin, key=f"{s['name']}.rate_limit", detail="must be positive"))
    return Source(name=s["name"], home=s.get("home", ""), region=s.get("region", ""), feeds=urls("feeds"),
                  sitemaps=urls("sitemaps"), listings=tuple(listings), urls=urls("urls"),
                  rate_limit=float(rate) if rate else None, profile=s.get("profile", ""))
