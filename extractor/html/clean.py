"""Junk removal and paragraph normalisation, for HTML-derived and plain text.

The cleaned text (``Article.text``) is what every character offset indexes:

* paragraphs joined by exactly one blank line (``"\\n\\n"``); a line break
  inside an HTML block (``<br>``) or a single newline in plain text also
  starts a new paragraph;
* whitespace inside a paragraph folded to single spaces (NBSP, thin and
  zero-width spaces included), no leading or trailing whitespace;
* junk lines (``junk.toml``) dropped whole, sign-offs glued to a last
  sentence cut, repeated paragraphs and title lines dropped.

Offsets are half-open Python ``str`` indices (code points, not bytes).
Cleaning is idempotent: ``clean_text(text) == (text, ())`` for any cleaned
text, so cleaning stored text again never moves an offset. The text changes
only when the rules (this file, ``junk.toml``, the profiles) change; the
stored ``text_hash`` then changes and the article is re-extracted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from .. import datafiles

_BULLET = re.compile(r"^(?:[-•*·▪►»]|\d+\.)\s")
_WS = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+")
_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_END_PUNCT = re.compile(r"[.!?:;\"”’'…)]$")
_NAMEISH = re.compile(r"^[A-Z0-9][\w'’.&-]*$")
_CAPS_NAME = re.compile(r"[A-Z][A-Z'’.-]*(?:\s+[A-Z][A-Z'’.-]*){0,4}")


@dataclass(frozen=True)
class _Rules:
    line: re.Pattern
    opener: re.Pattern
    gallery: re.Pattern
    tail: re.Pattern
    related: re.Pattern
    inline: tuple[re.Pattern, ...]
    credit: re.Pattern
    piece: re.Pattern
    piece_words: frozenset
    sections: re.Pattern
    selectors: tuple[str, ...]
    outlets: re.Pattern
    provinces: frozenset


@lru_cache(maxsize=1)
def rules() -> _Rules:
    data = datafiles.load("html/junk.toml")
    return _Rules(
        line=re.compile("(?:" + "|".join(data["line"]) + r")\s*", re.IGNORECASE),
        opener=re.compile("(?:" + "|".join(data["opener"]) + r")\s*", re.IGNORECASE),
        gallery=re.compile("(?:" + "|".join(data["gallery_opener"]) + r")\s*", re.IGNORECASE),
        tail=re.compile("(?:" + "|".join(data["tail"]) + r")\s*", re.IGNORECASE),
        related=re.compile("(?:" + "|".join(data["related"]) + r")\s*", re.IGNORECASE),
        inline=tuple(re.compile(p) for p in data["inline"]),
        credit=re.compile("|".join(data["credit"])),
        piece=re.compile("|".join(data["piece"]), re.IGNORECASE),
        piece_words=frozenset(w.lower() for w in data["piece_words"]),
        sections=re.compile("|".join(data["sections"]), re.IGNORECASE),
        selectors=tuple(data["selectors"]),
        outlets=re.compile(r"(?:" + "|".join(data["dateline"]["outlets"]) + r")", re.IGNORECASE),
        provinces=frozenset(p.lower() for p in data["dateline"]["province_abbreviations"]),
    )


def _is_short_label(line: str, max_words: int) -> bool:
    """A bare name or label: few capitalised words, no sentence punctuation."""
    words = line.split()
    if not words or len(words) > max_words or len(line) > 48 or _END_PUNCT.search(line):
        return False
    return all(_NAMEISH.match(w) for w in words)


def _is_headline(line: str) -> bool:
    """A related-article headline: no sentence punctuation at the end, up to
    20 words, most of them capitalised."""
    words = line.split()
    if not words or len(words) > 20 or _END_PUNCT.search(line):
        return False
    return sum(w[0].isupper() or w[0].isdigit() for w in words) >= 0.6 * len(words)


def _is_prose(line: str) -> bool:
    """A line of a story's prose: 12 words or more, and not a headline (which
    ends without sentence punctuation and is mostly capitalised)."""
    return len(line.split()) >= 12 and not _is_headline(line)


def _is_caption(line: str) -> bool:
    """A photo caption in a list of related photos: up to 15 words, no sentence punctuation at the end."""
    return len(line.split()) <= 15 and not _END_PUNCT.search(line)


def clean_paragraphs(paragraphs: Iterable[str], title: str = "", *, extra: Optional[re.Pattern] = None,
                     names: Iterable[str] = ()) -> tuple[str, tuple[str, ...]]:
    """Join paragraphs into the cleaned text. Returns (text, dropped lines).

    ``extra`` is a profile's own junk-line pattern; ``names`` are bylines
    (author, editor) dropped when they stand alone on a line."""
    r = rules()
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[str] = set()
    title_key = _key(title)
    name_keys = {_key(n) for n in names if n and len(n.split()) <= 6} - {""}
    stop = False
    skip_headline: object = False
    for raw in paragraphs:
        for line in raw.split("\n"):
            line = _WS.sub(" ", _CTRL.sub("", line)).strip()
            if not line:
                continue
            if stop:
                dropped.append(line)
                continue
            if skip_headline:
                if _BULLET.match(line) or _is_headline(line) or (skip_headline == "captions" and _is_caption(line)):
                    dropped.append(line)
                    skip_headline = skip_headline if skip_headline in ("captions", "related") else "bullets"
                    continue
                if skip_headline == "related" and not _is_prose(line):  # the box ran to the end of the page
                    dropped.append(line)
                    stop = True
                    continue
                skip_headline = False
            if r.gallery.fullmatch(line):
                dropped.append(line)
                skip_headline = "captions"
                continue
            if r.opener.fullmatch(line):
                dropped.append(line)
                skip_headline = "first"
                continue
            if r.related.fullmatch(line):
                dropped.append(line)
                skip_headline = "related"
                continue
            if r.tail.fullmatch(line):
                dropped.append(line)
                stop = True
                continue
            if r.line.fullmatch(line) or (extra is not None and extra.fullmatch(line)):
                dropped.append(line)
                continue
            whole = line
            line = _without_inline(line, r.inline)
            if len(line) > CAPTION_CHARS:  # a sentence a photo credit is glued to (a shorter line is a caption)
                line = uncredited(line)
            if line != whole:  # something was cut: what is left is read again (an uncut line was read above)
                line = _WS.sub(" ", line)  # (a space on each side of what was cut)
                if not line:
                    continue
                if r.tail.fullmatch(line):  # a tail marker once its inline junk is cut ends the story too
                    dropped.append(line)
                    stop = True
                    continue
                if r.line.fullmatch(line):  # junk once cut
                    dropped.append(line)
                    continue
            k = _key(line)  # of the line as kept, so that cleaning the cleaned text finds the same repeats
            if (title_key and k == title_key) or k in seen or k in name_keys:
                dropped.append(line)  # the title, a repeat, a byline
                continue
            seen.add(k)
            kept.append(line)
    # bylines, outlet names and section labels standing alone after the story
    # (also a reporter's name in capitals with initials: "ISTMAN M.P.")
    while kept and (_is_short_label(kept[-1], 4) or (len(kept) > 1 and _CAPS_NAME.fullmatch(kept[-1]))):
        dropped.append(kept.pop())
    # section labels before the story (a title-case line of up to 3 words)
    while len(kept) > 1 and _is_short_label(kept[0], 3) and not dateline(kept[0]):
        dropped.append(kept.pop(0))
    return "\n\n".join(kept), tuple(dropped)


#: the longest line read as a caption rather than a sentence a photo credit is glued to
CAPTION_CHARS = 160


def uncredited(caption: str) -> str:
    """A caption without the photo credit closing it (``junk.toml`` ``credit``):
    ``Warga antre di TPS 07. (Situs.com/Nama)`` -> ``Warga antre di TPS 07.``"""
    return rules().credit.sub("", caption).strip()


def prose(line: str, title: str = "", names: Iterable[str] = ()) -> str:
    """What a line says besides a photo page's furniture: the line without
    photo credits, date stamps, bylines, gallery counters (``junk.toml``
    ``piece``) and label words (``piece_words``), without the title and
    without the bylines. A gallery's header (``FOTO Judul Nama 09 Des 2015,
    10:25 WIB 1 / 8 (Situs.com/Nama)``) leaves next to nothing; a story
    leaves itself."""
    r = rules()
    line = r.piece.sub(" ", line)
    for s in (title, *names):
        s = " ".join((s or "").split())
        if len(s) >= 3:
            line = re.sub(re.escape(s).replace(r"\ ", r"\s+"), " ", line, flags=re.IGNORECASE)
    return " ".join(w for w in line.split() if w.strip(",.:;|-").lower() not in r.piece_words)


def _without_inline(line: str, rules) -> str:
    """``line`` without the inline junk rules match, cut until none matches (a cut
    can bring the next piece to the end of the line: ``Teks (hms) (hms)``), so that
    cleaning the cleaned text cuts nothing more."""
    for _ in range(20):
        before = line
        for rx in rules:
            line = rx.sub("", line).strip()
        if line == before:
            break
    return line


def clean_text(text: str, title: str = "", **kw) -> tuple[str, tuple[str, ...]]:
    """Plain text: lines are paragraphs (blank lines or single newlines)."""
    return clean_paragraphs(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), title, **kw)


def _key(s: str) -> str:
    return re.sub(r"\W+", "", s.lower())


def split_lead_in(text: str) -> tuple[str, tuple[str, ...]]:
    """Page excerpts often open with the title, a ticker of other headlines and
    a section name before the dateline paragraph (``PALEMBANG - ...``). When a
    dateline starts one of the first five paragraphs, the short, unpunctuated
    lines before it are cut off and returned (the first is usually the title).
    Without a dateline nothing is cut: there is no telling a lead-in from a lead."""
    paras = text.split("\n\n")
    for k in range(1, min(6, len(paras))):
        if not dateline("\n\n".join(paras[k:k + 2])):
            continue
        head = paras[:k]
        if all(len(p.split()) <= 20 and not p.rstrip().endswith((".", "!", "?", "\"", "”")) for p in head):
            return "\n\n".join(paras[k:]), tuple(head)
        return text, ()
    return text, ()


# --------------------------------------------------------------------------- datelines
_DASH = r"(?:\s+[-–—]+\s*|\s*[–—]+\s*|(?<=\.id)-\s*|(?<=\.com)-\s*|(?<=\.co)-\s*)"
_GLUED = re.compile(r"^(?P<zone>[^-–—\n]{3,40})-(?P<outlet>\S+)$")
_SPLIT_DASH = re.compile(r"^(?P<zone>[^\n]{2,90}?)" + _DASH)
_DOMAIN = re.compile(r"\.(?:com|co\.id|id|net|org|news|co)\b", re.IGNORECASE)
_PLACE_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[a-z]{1,3}|\d{1,4})$")


def _is_outlet(part: str) -> bool:
    return bool(_DOMAIN.search(part) or rules().outlets.fullmatch(part.strip()))


def _place(part: str) -> str:
    """``part`` when it reads as a place name (1-5 capitalised words), else ''."""
    part = re.sub(r"\([^)]*\)", " ", part)
    part = _WS.sub(" ", part).strip(" ,.|")
    words = part.split()
    if not words or len(words) > 5 or len(part) > 40 or not words[0][0].isupper():
        return ""
    if not all(_PLACE_WORD.match(w) for w in words):
        return ""
    while len(words) > 1 and words[-1].lower() in rules().provinces:
        words.pop()
    return " ".join(words)


def dateline(text: str) -> str:
    """The dateline city at the start of the text: ``MUARA ENIM -`` ->
    ``MUARA ENIM``; ``TRIBUNSUMSEL.COM, PALEMBANG -`` -> ``PALEMBANG``;
    ``Palembang (ANTARA) -`` -> ``Palembang``; '' when there is none."""
    head = text[:200]
    first, _, rest = head.partition("\n\n")
    # "<OUTLET>, <CITY>" alone, then "- lead" in the next paragraph
    if rest.startswith(("-", "–", "—")) and len(first.split()) <= 6:
        return _city(first)
    g = _GLUED.match(first)
    if g and _is_outlet(g.group("outlet")):  # "<City> <Prov>-<Outlet>" on its own line
        return _city(g.group("zone"))
    m = _SPLIT_DASH.match(first)
    if m:
        zone = m.group("zone")
        if "." in zone.rstrip(".") and not _DOMAIN.search(zone) and not rules().outlets.search(zone):
            return ""  # a sentence, not a dateline
        city = _city(zone)
        if city:
            return city
        # "<outlet>.com – <Town>." alone on the first line
        tail = first[m.end():].strip()
        if all(_is_outlet(p) for p in zone.split(",") if p.strip()) and len(tail.split()) <= 4 and tail.endswith("."):
            return _place(tail.rstrip("."))
        return ""
    return ""


def _city(zone: str) -> str:
    parts = [p.strip() for p in zone.split(",") if p.strip()]
    for i, p in enumerate(parts):
        bare = re.sub(r"\([^)]*\)", "", p).strip()  # "Bandar Lampung (Lampost.co)"
        if not bare:
            continue
        sub = re.fullmatch(r"([A-Z][a-z]+)\.[\w-]+\.(?:com|co\.id|id|net)", p)  # "Purwokerto.outlet.id"
        if sub:
            return sub.group(1)
        if _is_outlet(bare) or (i + 1 < len(parts) and re.fullmatch(r"[A-Z]{2,4}", bare)):  # "RB, PALEMBANG"
            continue
        return _place(bare)
    return ""


_MONTHS = {"januari": 1, "jan": 1, "january": 1, "februari": 2, "feb": 2, "february": 2, "pebruari": 2, "maret": 3,
           "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6, "june": 6, "juli": 7,
           "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8, "september": 9,
           "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10, "november": 11, "nov": 11,
           "nopember": 11, "desember": 12, "des": 12, "dec": 12, "december": 12}
ZONES = {"wib": "+07:00", "wita": "+08:00", "wit": "+09:00"}
_DAY = r"(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)"
_DATELINE_DATE = (
    re.compile(_DAY + r",?\s*\(\s*(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{2,4})\s*\)", re.IGNORECASE),
    re.compile(_DAY + r",?\s+(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})", re.IGNORECASE),
)


def _valid(y: int, mo: int, d: int) -> Optional[str]:
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def dateline_date(text: str) -> Optional[str]:
    """The first weekday-anchored date of the lead paragraph:
    ``Sabtu (30/11/2024)``, ``Senin (2/12/24)``, ``Sabtu, 30 November 2024``."""
    lead = text[:600].split("\n\n", 2)
    lead = " ".join(lead[:2])
    for rx in _DATELINE_DATE:
        m = rx.search(lead)
        if not m:
            continue
        d, mo, y = m.groups()
        month = int(mo) if mo.isdigit() else _MONTHS.get(mo.lower())
        year = int(y) + (2000 if len(y) == 2 else 0)
        if month and 1990 < year < 2100:
            return _valid(year, month, int(d))
    return None


# --------------------------------------------------------------------------- date strings
_ISO = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*"
                  r"(Z|[+-]\d{2}:?\d{2})?)?")
_TEXT_DATE = re.compile(r"(\d{1,2})\s*([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_MONTH_FIRST = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})")
_NUM_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_TIME = re.compile(r"(?<![\d/])(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?![\d/])(?:\s*(WIB|WITA|WIT)\b)?", re.IGNORECASE)
_ZONE = re.compile(r"\b(WIB|WITA|WIT)\b", re.IGNORECASE)


def parse_datetime(value: str) -> Optional[str]:
    """A date or datetime as written on a page -> ISO 8601, keeping the time
    and the zone when given (``WIB`` -> ``+07:00``, ``WITA`` -> ``+08:00``,
    ``WIT`` -> ``+09:00``); None when it holds no complete date. Forms:
    ``2024-11-30T10:15:00+07:00``, ``2024/11/30 10:15:00``, ``Sabtu, 30
    November 2024 10:15 WIB``, ``30/11/2024, 10.15``, ``November 30, 2024``."""
    if not value:
        return None
    value = _WS.sub(" ", value).strip()
    m = _ISO.search(value)
    if m:
        y, _, mo, d, hh, mm, ss, tz = m.groups()
        day = _valid(int(y), int(mo), int(d))
        if not day:
            return None
        if hh is None or int(hh) > 23 or int(mm) > 59:
            return day
        out = f"{day}T{int(hh):02d}:{mm}:{ss or '00'}"
        if tz:
            return out + ("+00:00" if tz == "Z" else (tz if ":" in tz else tz[:3] + ":" + tz[3:]))
        z = _ZONE.search(value[m.end():])
        return out + (ZONES[z.group(1).lower()] if z else "")
    day = None
    m = _TEXT_DATE.search(value)
    if m and m.group(2).lower() in _MONTHS:
        day = _valid(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    else:
        m = _NUM_DATE.search(value)
        if m:
            day = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        else:
            m = _MONTH_FIRST.search(value)
            if m and m.group(1).lower() in _MONTHS:
                day = _valid(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    if not day:
        return None
    t = _TIME.search(value, m.end())
    if not t or int(t.group(1)) > 23 or int(t.group(2)) > 59:
        return day
    out = f"{day}T{int(t.group(1)):02d}:{t.group(2)}:{t.group(3) or '00'}"
    zone = t.group(4) or (_ZONE.search(value).group(1) if _ZONE.search(value) else None)
    return out + (ZONES[zone.lower()] if zone else "")


#: a date written as a page's date stamp, not inside parentheses (that is a dateline's or a sentence's)
_STAMP_DATE = re.compile(r"(?<![(\d/.-])(?:\d{1,2}\s*[A-Za-z]{3,9}\.?,?\s+(?:19|20)\d{2}|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|"
                         r"(?:19|20)\d{2}[-/]\d{1,2}[-/]\d{1,2}|[A-Za-z]{3,9}\.?\s+\d{1,2},\s+(?:19|20)\d{2})(?![\d)])")
_WEEKDAY = re.compile(r"\b" + _DAY + r"\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:diperbarui|diperbaharui|update[sd]?|diubah|modified|last\s+modified)\b", re.IGNORECASE)


def date_stamp(text: str) -> tuple[Optional[str], bool]:
    """(ISO value, updated) when ``text`` reads as a page's date stamp - a
    short line whose date has a weekday or a time: ``Selasa, 23 Februari
    2016 15:06 WIB``, ``Kamis, 05/11/2015 09:25 WIB``, ``Kompas.com -
    23/02/2016, 15:06 WIB``; ``updated`` when it is labelled as an update
    (``Diperbarui ...``). (None, False) for anything else, a date inside a
    sentence or in parentheses included."""
    line = _WS.sub(" ", text).strip()
    if len(line) > 120:
        return None, False
    m = _STAMP_DATE.search(line)
    if not m:
        return None, False
    iso = parse_datetime(line[m.start():])
    if not iso or (len(iso) == 10 and not _WEEKDAY.search(line)):
        return None, False
    return iso, bool(_UPDATED.search(line))
