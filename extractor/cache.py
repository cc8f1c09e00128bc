"""Where pantau keeps what it can build again: ``$PANTAU_CACHE``, else
``$XDG_CACHE_HOME/pantau``, else ``~/.cache/pantau``. Everything in it is
keyed by what it was built from and may be deleted at any time."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    explicit = os.environ.get("PANTAU_CACHE")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pantau"
