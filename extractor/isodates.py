"""Dates as pantau stores them: ISO 8601 days (``2024-11-30``) and datetimes
(``2024-11-30T10:15:00+07:00``). :func:`iso_date` is the one check a date
from outside (a JSONL line, a feed, an archived record) passes before it may
reach a date column; what fails it is dropped by the caller, with a recorded
warning where the value came from the user's input. It sits at the bottom
of the package and imports nothing of it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> Optional[str]:
    """``value`` as an ISO 8601 day or datetime string, or None when it is not
    one: a string that is not a real calendar day and time (``not-a-date``,
    ``2024-11-30T25:99:00``, ``2024-02-30``), or not a string at all. A day
    stays a day; a datetime keeps its time and zone (``Z`` as ``+00:00``)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not _DAY.match(value):
        return None
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value).isoformat()
        return dt.datetime.fromisoformat(value).isoformat()
    except ValueError:
        return None
