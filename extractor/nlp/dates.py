"""Date expressions: detect spans with our own patterns, parse with dateparser,
resolve against the article's published date.

Handled: ``Sabtu (30/11/2024)``, ``(28/11/24)``, ``03/12/24``, ``Rabu (4/12)``,
``Selasa malam (26/11)``, ``(27-11-2024)``, ``30 November 2024``, ``Senin, 2
Desember 2024``, ``30 Nov``, ``28-30 November 2024`` (range: both ends), day lists
and schedules (``16, 17 dan 18 Februari``, ``16 sampai 18 Februari, dilanjutkan
tanggal 20``), ``kemarin``, ``hari ini``, ``besok``, ``lusa``, ``Senin lalu``,
``Senin mendatang``, ``4 hari lagi``, ``dua hari mendatang``, ``tiga hari lalu``,
``hari ketiga masa tenang``, and a following ``pukul 13.00 WIB``.

A year-less date takes the year nearest the published date; on a page without
one, the year the election calendar gives for the elections the story names and
the weekday written beside it (``Kamis (21/11)`` in a Pilkada story is 2024).
Relative days count from the published date, else from the date the page itself
states as its day (the first date of the lead, or of an ``UPDATE`` stamp);
without any, they are not resolved.
Not dates: bare years (``Pilkada 2024``), unit codes (``Kodim 0412``),
numbers without a day and month.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Optional

from ..types import DateMention
from .text import fold

DAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "jum’at": 4, "sabtu": 5, "minggu": 6, "ahad": 6}
MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11, "nop": 11,
    "desember": 12, "des": 12,
}
_DAY = r"(?P<day>Senin|Selasa|Rabu|Kamis|Jum'?’?at|Sabtu|Minggu|Ahad)"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_YEAR = r"(?P<year>(?:19|2[0O])[0-9O]{2})"
_TIME = r"(?:\s*,?\s*(?:pukul|jam|pkl\.?)\s*(?P<time>\d{1,2}[.:]\d{2})(?:\s*(?P<tz>WIB|WITA|WIT))?)?"

_DAYPART = r"(?:(?:pagi|siang|sore|malam|petang|dini\s+hari)\s*,?\s*)?"
#: the first letters of the day names. A lookahead for what a date may start with, put first in
#: NUMERIC and LONG, makes re drop every other place at once (the same matches: every branch starts so)
_DAY_INITIALS = "".join(sorted({d[0] for d in DAYS}))
NUMERIC = re.compile(
    rf"(?=[{_DAY_INITIALS}(\d])(?:(?:{_DAY}\s*,?\s*{_DAYPART})?\(\s*(?P<d>\d{{1,2}})(?:\s*[-–]\s*(?P<d2>\d{{1,2}}))?\s*[/\-.]\s*(?P<m>\d{{1,2}})(?:\s*[/\-.]\s*(?P<y>[12][0-9O]{{3}}|\d{{2}}))?\s*\)"
    rf"|(?:{_DAY.replace('day', 'day_b')}\s*,?\s*)(?P<d_b>\d{{1,2}})\s*[/\-]\s*(?P<m_b>\d{{1,2}})(?:\s*[/\-]\s*(?P<y_b>\d{{4}}|\d{{2}}))?(?![\d/])"
    rf"|(?<![\d/.\-])(?P<d_c>\d{{1,2}})(?P<sep>[/\-.])(?P<m_c>\d{{1,2}})(?P=sep)(?P<y_c>20\d{{2}}|\d{{2}})(?![\d/.\-]|\.\d))",
    re.IGNORECASE,
)
LONG = re.compile(
    rf"(?=[{_DAY_INITIALS}t\d])(?:{_DAY}\s*,?\s*)?(?:(?:tanggal|tgl\.?)\s+)?(?<![\d])(?P<d>\d{{1,2}})(?:\s*(?:[-–]|s\.?d\.?|sampai|hingga)\s*(?P<d2>\d{{1,2}}))?\s+(?P<month>{_MONTH})\.?(?![a-z])(?:\s*,?\s*{_YEAR})?",
    re.IGNORECASE,
)
RELATIVE = re.compile(
    rf"(?<![\w])(?:(?P<kemarin>[Kk]emarin)|(?P<hariini>[Hh]ari\s+ini)|(?P<besok>[Bb]esok)|(?P<lusa>[Ll]usa)"
    rf"|(?:[Hh]ari\s+)?{_DAY}\s+(?P<dir>lalu|kemarin|mendatang|depan)|(?P<kemarinlusa>[Kk]emarin\s+lusa))(?![\w])",
)
# A capitalised day name alone ("Minggu", "Jumat malam"): the nearest such day
# to the anchor. "minggu" in lower case is a week, never a day.
BARE_DAY = re.compile(r"(?<![\w])(?:[Pp]ada\s+(?:[Hh]ari\s+)?|[Hh]ari\s+)?(?P<day>Senin|Selasa|Rabu|Kamis|Jum'?’?at|Sabtu|Minggu|Ahad)(?![\w])"
                      r"(?!\s*(?:,|\()?\s*\d)(?!\s+(?:depan|lalu|ini|ke-?\d|kemarin|mendatang|pertama|kedua|terakhir))")
ORDINAL_DAY = re.compile(r"(?<![\w])hari\s+(?:ke-?\s?(?P<n>\d{1,2})|(?P<w>pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh))(?![\w])",
                         re.IGNORECASE)
_ORDINALS = {"pertama": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6, "ketujuh": 7}
_START_CUE = re.compile(r"(?:dimulai|mulai|sejak|dibuka|hari pertama|berlangsung sejak)\W+(?:\w+\W+){0,3}$", re.IGNORECASE)
TIME_AFTER = re.compile(_TIME, re.IGNORECASE)


def _iso(d: dt.date) -> str:
    return d.isoformat()


@lru_cache(maxsize=4096)
def _parse(day: int, month: int, year: int) -> Optional[dt.date]:
    """Parse with dateparser (Indonesian settings) — strict: no guessing."""
    import dateparser

    got = dateparser.parse(
        f"{day:02d}/{month:02d}/{year:04d}",
        date_formats=["%d/%m/%Y"],
        languages=["id"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return got.date() if got else None


def _weekday_flag(day_name: Optional[str], d: dt.date) -> Optional[str]:
    if not day_name:
        return None
    want = DAYS.get(day_name.lower().replace("’", "'"), DAYS.get(day_name.lower().replace("'", "").replace("’", "")))
    if want is None:
        return None
    return None if d.weekday() == want else "weekday_mismatch"


class _Years:
    """The year of a day and month written without one: nearest the published
    date (preferring a year whose date falls on the weekday written beside it);
    without it, the calendar's answer for the elections the text names; with no
    election named, nearest a full date the text states, else the calendar's
    answer over all its elections."""

    def __init__(self, text: str, published: Optional[dt.date]):
        self.text = text
        self.published = published
        self.stated: Optional[dt.date] = None  # the first full date the text states
        self._elections = None

    def elections(self):
        if self._elections is None:
            from .calendar import calendar

            self._elections = calendar().named_in(self.text)
        return self._elections

    def __call__(self, y: Optional[str], month: int, day: int, day_name: Optional[str] = None) -> Optional[int]:
        if y:
            y = y.upper().replace("O", "0")
            n = int(y)
            return n + 2000 if n < 100 else n
        weekday = _weekday(day_name) if day_name else None
        anchor = self.published
        if anchor is None and self.elections():
            from .calendar import calendar

            return calendar().year_for(day, month, weekday, self.elections())
        anchor = anchor or self.stated
        if anchor is None:
            from .calendar import calendar

            return calendar().year_for(day, month, weekday)
        cands = []
        for cand in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                cands.append(dt.date(cand, month, day))
            except ValueError:
                continue
        if weekday is not None:
            cands = [c for c in cands if c.weekday() == weekday and abs((c - anchor).days) < 200] or cands
        return min(cands, key=lambda c: abs((c - anchor).days)).year if cands else None


#: "UPDATE Kamis (28/11), 18.40 WIT:" — what follows is reported on that day
_UPDATE = re.compile(r"(?im)^[ \t]*(?:UPDATE|PEMBARUAN|Pembaruan|Diperbarui)\b[ \t:,-]*")


def find_dates(text: str, published: Optional[str] = None) -> list[DateMention]:
    """All date mentions, in text order. ``published`` anchors relative and
    year-less dates; without it, year-less dates take their year from the
    election calendar, and relative ones count from the day the page states."""
    anchor = _to_date(published)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    years = _Years(text, anchor)

    def add(start, end, d: Optional[dt.date], day_name=None, flag=None):
        if d is None or any(s < end and start < e for s, e in taken):
            return
        tm = TIME_AFTER.match(text, end)
        time = None
        if tm and tm.group("time"):
            time = tm.group("time").replace(":", ".") + (f" {tm.group('tz').upper()}" if tm.group("tz") else "")
        taken.append((start, end))
        found.append(DateMention(_iso(d), text[start:end], start, end, time, flag or _weekday_flag(day_name, d)))

    # full dates first: the first one stated anchors year-less dates on a page without a published date
    long_matches = list(LONG.finditer(text))
    numeric_matches = list(NUMERIC.finditer(text))
    stated = [(m.start(), _safe(int(m.group("d")), MONTHS[fold(m.group("month"))], years(m.group("year"), 1, 1)))
              for m in long_matches if m.group("year")]
    for m in numeric_matches:
        g = m.groupdict()
        y = g["y"] or g["y_b"] or g["y_c"]
        d, mo = (g["d"], g["m"]) if g["d"] else (g["d_b"], g["m_b"]) if g["d_b"] else (g["d_c"], g["m_c"])
        if y and 1 <= int(mo) <= 12:
            stated.append((m.start(), _safe(int(d), int(mo), years(y, 1, 1))))
    stated = [x for x in sorted(stated, key=lambda x: x[0]) if x[1]]
    years.stated = stated[0][1] if stated else None

    for m in long_matches:
        month = MONTHS[fold(m.group("month"))]
        y = m.group("year")
        if not y and not _looks_like_date_context(text, m):
            continue
        year = years(y, month, int(m.group("d")), m.group("day"))
        if year is None:
            continue
        d1 = _safe(int(m.group("d")), month, year)
        if m.group("d2"):
            d2 = _safe(int(m.group("d2")), month, year)
            if d1 and d2 and d2 >= d1:
                add(m.start(), m.end(), d1, flag="range")
                found.append(DateMention(_iso(d2), text[m.start():m.end()], m.start(), m.end(), None, "range"))
                _schedule_after(text, m, month, year, add)
            continue
        add(m.start(), m.end(), d1, m.group("day"))
        if d1:
            _day_list_before(text, m, month, year, add)
            _schedule_after(text, m, month, year, add)
    for m in numeric_matches:
        g = m.groupdict()
        d, mo, y = (g["d"], g["m"], g["y"]) if g["d"] else (g["d_b"], g["m_b"], g["y_b"]) if g["d_b"] else (g["d_c"], g["m_c"], g["y_c"])
        if g["d_c"] and g["sep"] == "." and len(y) == 2:
            continue  # "12.30.45" is no date
        day_name = g["day"] or g["day_b"]
        month = int(mo)
        if not 1 <= month <= 12:
            continue
        year = years(y, month, int(d), day_name)
        if year is None:
            continue
        dd = _safe(int(d), month, year)
        if g.get("d2") and dd:
            d2 = _safe(int(g["d2"]), month, year)
            if d2 and d2 >= dd:
                add(m.start(), m.end(), dd, flag="range")
                found.append(DateMention(_iso(d2), text[m.start():m.end()], m.start(), m.end(), None, "range"))
            continue
        add(m.start(), m.end(), dd, day_name)
    _relative(text, found, add, anchor)
    found.sort(key=lambda x: (x.start, x.date))
    return _flag_ranges(text, found)


def _report_day(text: str, found: list[DateMention], pos: int) -> Optional[dt.date]:
    """The day a page reports on, for a relative expression at ``pos`` when the page
    has no published date: the date of the last ``UPDATE`` stamp before it, else
    the first date the page states (its lead)."""
    stated = sorted((f for f in found if f.flag != "range" and any(c.isdigit() for c in f.text)), key=lambda f: f.start)
    if not stated:
        return None
    for u in reversed(list(_UPDATE.finditer(text, 0, pos))):
        after = [f for f in stated if u.end() <= f.start <= u.end() + 40]
        if after:
            return dt.date.fromisoformat(after[0].date)
    return dt.date.fromisoformat(stated[0].date)


#: "4 hari lagi", "dua hari mendatang", "tiga hari lalu" (not "selama 3 hari ke depan")
COUNTED = re.compile(
    r"(?<![\w])(?P<n>\d{1,2}|[Ss]atu|[Dd]ua|[Tt]iga|[Ee]mpat|[Ll]ima|[Ee]nam|[Tt]ujuh|[Ss]epuluh)\s+hari\s+"
    r"(?:(?P<fwd>lagi|mendatang|ke\s?depan)|(?:yang\s+)?(?P<back>lalu|silam))(?![\w])")
_WORD_N = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "sepuluh": 10}
_SPAN_BEFORE = re.compile(r"(?:selama|dalam|hingga|sampai|untuk|setiap|tiap|sejak|per)\s+$", re.IGNORECASE)
#: "hari ketiga masa tenang", "hari pertama kampanye": counted from the stage's first day
STAGE_DAY = re.compile(r"(?<![\w])hari\s+(?:ke-?\s?(?P<n>\d{1,2})|(?P<w>pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh))"
                       r"\s+(?P<stage>masa\s+tenang|masa\s+kampanye|kampanye)(?![\w])", re.IGNORECASE)


#: the anchors relative days are counted from: a week and more inside the calendar's ends
_FIRST_ANCHOR, _LAST_ANCHOR = dt.date(1, 2, 1), dt.date(9999, 11, 30)


def _relative(text: str, found: list[DateMention], add, published: Optional[dt.date]) -> None:
    """Relative expressions, counted from the published date, else from the day the
    page states (:func:`_report_day`); then those that count from a date written
    before them (``sehari sebelumnya``, ``hari ke-2``)."""
    def anchor_at(pos: int) -> Optional[dt.date]:
        day = published or _report_day(text, found, pos)
        # a day counted from the first or last days of the calendar has no date (0001-01-01 minus one)
        return day if day is not None and _FIRST_ANCHOR <= day <= _LAST_ANCHOR else None

    for m in RELATIVE.finditer(text):
        anchor = anchor_at(m.start())
        if anchor is None:
            continue
        g = m.groupdict()
        if g["kemarinlusa"]:
            d = anchor - dt.timedelta(days=2)
        elif g["kemarin"]:
            d = anchor - dt.timedelta(days=1)
        elif g["hariini"]:
            d = anchor
        elif g["besok"]:
            d = anchor + dt.timedelta(days=1)
        elif g["lusa"]:
            d = anchor + dt.timedelta(days=2)
        else:
            want = _weekday(g["day"])
            if g["dir"].lower() in ("lalu", "kemarin"):
                delta = (anchor.weekday() - want) % 7 or 7
                d = anchor - dt.timedelta(days=delta)
            else:
                delta = (want - anchor.weekday()) % 7 or 7
                d = anchor + dt.timedelta(days=delta)
        add(m.start(), m.end(), d)
    for m in COUNTED.finditer(text):
        if _SPAN_BEFORE.search(text[max(0, m.start() - 12):m.start()]) or _DATE_SOON.match(text, m.end()):
            continue  # a duration, or the date is written out right after
        anchor = anchor_at(m.start())
        if anchor is None:
            continue
        n = int(m.group("n")) if m.group("n").isdigit() else _WORD_N[fold(m.group("n"))]
        add(m.start(), m.end(), anchor + dt.timedelta(days=n if m.group("fwd") else -n))
    for m in BARE_DAY.finditer(text):
        anchor = anchor_at(m.start())
        if anchor is None:
            continue
        want = _weekday(m.group("day"))
        back = (anchor.weekday() - want) % 7
        d = anchor - dt.timedelta(days=back) if back <= 3 else anchor + dt.timedelta(days=7 - back)
        add(m.start(), m.end(), d)
    for m in ANAPHORIC.finditer(text):  # "Sehari sebelumnya, logistik ..." counts from the date before it
        if _DATE_SOON.match(text, m.end()):
            continue  # "Sehari sebelumnya, Jumat (18/4/2025), ...": the date is written out
        before = text[text.rfind("\n", 0, m.start()) + 1:m.start()]
        if before.count('"') % 2 or before.count("“") > before.count("”"):
            continue  # inside a quote: "sehari sebelumnya" from the speaker's day, not a stated one
        prior = [f for f in found if f.end <= m.start() and f.flag is None and any(c.isdigit() for c in f.text)]
        # a date of the same paragraph; else the story's own days, not a date it announced
        # for later in another paragraph ("PSU digelar Sabtu (12/4)." ... "Sehari sebelumnya, rakor")
        para = text.rfind("\n\n", 0, m.start()) + 1
        if not any(f.start >= para for f in prior):
            day = anchor_at(m.start())
            prior = [f for f in prior if day is None or dt.date.fromisoformat(f.date) <= day] or prior
        if not prior:  # only a written-out date anchors it, not "hari ini" or "kemarin"
            continue
        n = 1 if m.group("one") else {"dua": 2, "tiga": 3, "empat": 4}.get(m.group("n").lower()) or int(m.group("n"))
        sign = -1 if (m.group("dir") or "").lower() == "sebelumnya" else 1
        add(m.start(), m.end(), dt.date.fromisoformat(prior[-1].date) + dt.timedelta(days=sign * n))
    for m in STAGE_DAY.finditer(text):
        d = _stage_day(text, m, found, published)
        if d:
            add(m.start(), m.end(), d)
    for m in ORDINAL_DAY.finditer(text):
        n = int(m.group("n")) if m.group("n") else _ORDINALS[fold(m.group("w"))]
        if re.match(r"\s*,?\s*(?:\w+\s*)?\(?\d", text[m.end():m.end() + 12]):
            continue  # "hari ke-2, Kamis (5/12/2024)": the date is written out
        para = (text.rfind("\n\n", 0, m.start()) + 1, (text.find("\n\n", m.end()) + 1 or len(text) + 1) - 1)
        starts = [f for f in found if para[0] <= f.start < para[1] and f.flag is None
                  and _START_CUE.search(text[max(0, f.start - 40):f.start])]
        if starts and 1 <= n <= 31:
            add(m.start(), m.end(), dt.date.fromisoformat(starts[0].date) + dt.timedelta(days=n - 1))


def _stage_day(text: str, m: re.Match, found, published) -> Optional[dt.date]:
    """``hari ketiga masa tenang`` = the third day of the quiet period of the
    election the story is about (dates the calendar knows exactly only)."""
    from .calendar import calendar

    cal = calendar()
    n = int(m.group("n")) if m.group("n") else _ORDINALS[fold(m.group("w"))]
    step = cal.step_named(m.group("stage"), cal.named_in(text))
    if step is None or step.approximate:
        return None
    d = step.start + dt.timedelta(days=n - 1)
    return d if d <= step.end else None


#: the days listed before a date: "16, 17 dan 18 Februari", "tanggal 16 dan 18 Februari"
_DAYS_BEFORE = re.compile(r"(?<![\d/.\-])((?:\d{1,2}\s*,\s*)*\d{1,2})\s*,?\s*(?:dan|serta|&)\s*$")
#: "..., dilanjutkan tanggal 20", "lalu pada tanggal 22" after a date in the same sentence
_THEN_DAY = re.compile(r"[^.\n]{0,100}?(?<![\w])(?:tanggal|tgl\.?)\s+(\d{1,2})(?![\d/\-]|\.\d)(?!\s*(?:" + _MONTH + r")\b)",
                       re.IGNORECASE)


def _day_list_before(text: str, m: re.Match, month: int, year: int, add) -> None:
    lm = _DAYS_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if not lm:
        return
    for dm in re.finditer(r"\d{1,2}", lm.group(1)):
        d = _safe(int(dm.group()), month, year)
        add(lm.start(1) + dm.start(), lm.start(1) + dm.end(), d)


def _schedule_after(text: str, m: re.Match, month: int, year: int, add) -> None:
    """A day written without its month right after a date of the same sentence
    (``16 sampai 18 Februari, dilanjutkan tanggal 20``) is in that month."""
    tm = _THEN_DAY.match(text, m.end())
    if tm:
        d = _safe(int(tm.group(1)), month, year)
        add(tm.start(1) - len("tanggal ") if text[tm.start(1) - 8:tm.start(1)].lower() == "tanggal " else tm.start(1),
            tm.end(1), d)


#: "sehari sebelumnya", "dua hari kemudian", "keesokan harinya": relative to the date stated before
ANAPHORIC = re.compile(
    r"(?<![\w])(?:(?P<one>[Kk]eesokan\s+harinya|[Ss]ehari(?=\s+(?:sebelumnya|setelahnya|sesudahnya|kemudian)))"
    r"|(?P<n>[Dd]ua|[Tt]iga|[Ee]mpat|[2-9])\s+hari(?=\s+(?:sebelumnya|setelahnya|sesudahnya|kemudian)))"
    r"(?:\s+(?P<dir>sebelumnya|setelahnya|sesudahnya|kemudian))?(?![\w])")
_DATE_SOON = re.compile(r"\s*,?\s*(?:pada\s+)?(?:hari\s+)?(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad|tanggal|\d)")


def _weekday(name: str) -> int:
    key = name.lower().replace("’", "'")
    return DAYS.get(key, DAYS.get(key.replace("'", ""), 4))


_RANGE_BEFORE = re.compile(r"(?:mulai|sejak|dari|periode|berlangsung|selama)\s+(?:(?:hari\s+)?\w+,?\s+)?(?:tanggal\s+|tgl\.?\s+)?$", re.IGNORECASE)
_RANGE_BETWEEN = re.compile(r"^\s*(?:sampai|hingga|s/d|s\.d\.?|-|–|—)\s*(?:dengan\s+)?(?:(?:hari\s+)?\w+,?\s+)?(?:tanggal\s+|tgl\.?\s+)?$", re.IGNORECASE)


def _flag_ranges(text: str, found: list[DateMention]) -> list[DateMention]:
    """``mulai 25 November sampai 5 Desember 2024``: both ends are a range,
    the span of an operation rather than the day of an event."""
    out = list(found)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if _RANGE_BETWEEN.match(text[a.end:b.start]) and (
                _RANGE_BEFORE.search(text[max(0, a.start - 40):a.start]) or "sampai" in text[a.end:b.start]
                or "hingga" in text[a.end:b.start]):
            out[i] = DateMention(a.date, a.text, a.start, a.end, a.time, "range")
            out[i + 1] = DateMention(b.date, b.text, b.start, b.end, b.time, "range")
    return out


def _looks_like_date_context(text: str, m: re.Match) -> bool:
    """A year-less "30 Nov" needs a day name, "tanggal", or a full month name."""
    if m.group("day"):
        return True
    if re.match(r"(?:tanggal|tgl)", m.group(0), re.IGNORECASE):
        return True
    return len(m.group("month")) >= 3 and m.group("month")[0].isupper()


def _safe(d: int, m: int, y: int) -> Optional[dt.date]:
    if not (1 <= d <= 31 and 1 <= m <= 12 and 1900 < y < 2100):
        return None
    return _parse(d, m, y)


def _to_date(value: Optional[str]) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
