"""Bytes to text: the one charset decoder of pantau, used by fetching
(:mod:`extractor.fetch`, which records the charset of every response), by
the HTML stage (:mod:`extractor.html`, which decodes pages with it) and by
plain-text input (``extract-text``, ``ingest`` of ``.txt`` files). It sits
at the bottom of the package and imports nothing of it, so every stage may
use it without breaking the one-way flow.

The order, for markup and plain text alike:

1. a byte-order mark (UTF-8, UTF-16 LE/BE) decides;
2. bytes that are valid UTF-8 and not plain ASCII are UTF-8, whatever a
   header or ``<meta>`` declares (a Western single-byte label on UTF-8 bytes
   is the usual misconfiguration, and text in another charset is almost
   never valid UTF-8 by chance);
3. the declared charset (the HTTP header), then for markup a ``<meta>``
   charset, when the bytes decode with it; ``latin-1`` and ``ascii`` labels
   are read as windows-1252, as browsers do (WHATWG Encoding); a ``UTF-16``
   label without a byte-order mark is ignored, as browsers do;
4. UTF-8 (plain ASCII lands here when nothing is declared);
5. windows-1252 when the bytes fit it (Indonesian is Latin script);
6. detection (charset-normalizer), else windows-1252 with replacement.
"""

from __future__ import annotations

import codecs
import re
from typing import Optional

#: (mark, codec): the codec strips the mark
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: magic numbers of content that is never an article or a text, whatever its name or content type says
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"RIFF", b"ID3", b"OggS",
          b"\x00\x00\x01\x00", b"\x00\x00\x00", b"\x7fELF", b"Rar!", b"7z\xbc\xaf", b"wOFF", b"wOF2", b"\x00asm",
          b"II*\x00", b"MM\x00*")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
#: labels browsers read as windows-1252
_AS_CP1252 = {"latin-1", "iso8859-1", "ascii", "cp1252"}


def bom_codec(body: bytes) -> Optional[str]:
    """The codec a byte-order mark at the start names, or None."""
    for bom, name in BOMS:
        if body.startswith(bom):
            return name
    return None


def is_binary(body: bytes) -> bool:
    """Whether the bytes are not text at all: a known binary magic number, a
    NUL byte or many control characters in the first 4 KB. Text with a
    byte-order mark (UTF-16 has NULs) is text."""
    if bom_codec(body):
        return False
    head = body[:4096]
    if head.startswith(_MAGIC):
        return True
    return b"\x00" in head or len(_CONTROL.findall(head)) > max(8, len(head) // 20)


def header_charset(content_type: str) -> Optional[str]:
    """The ``charset=`` of a Content-Type header value."""
    m = _HEADER_CHARSET.search(content_type or "")
    return m.group(1) if m else None


def meta_charset(body: bytes) -> Optional[str]:
    """The charset a ``<meta charset>`` / ``http-equiv`` tag in the first 4 KB declares."""
    m = _META_CHARSET.search(body[:4096])
    return m.group(1).decode("ascii", "replace") if m else None


def _codec(label: Optional[str]) -> Optional[str]:
    """A charset label as a Python codec name (latin-1/ascii as cp1252), or None."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    if name in _AS_CP1252 or name == "iso8859-1":
        return "cp1252"
    if name.startswith(("utf-16", "utf-32")):  # without a byte-order mark: not what the bytes are
        return None
    return name


def _decodes(body: bytes, codec: str) -> bool:
    try:
        body.decode(codec)
        return True
    except (UnicodeDecodeError, LookupError):
        return False


def detect(body: bytes, declared: Optional[str] = None, *, markup: bool = True) -> str:
    """The codec to read ``body`` with (see the module docstring for the
    order). ``declared`` is the HTTP header's charset (or a charset chosen
    earlier by this function); ``markup`` lets a ``<meta>`` charset speak."""
    bom = bom_codec(body)
    if bom:
        return bom
    utf8 = _decodes(body, "utf-8")
    if utf8 and not body.isascii():
        return "utf-8"
    for cand in (_codec(declared), _codec(meta_charset(body)) if markup else None):
        if cand and _decodes(body, cand):
            return cand
    if utf8:
        return "utf-8"
    if _decodes(body, "cp1252"):
        return "cp1252"
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    return (_codec(best.encoding) if best is not None else None) or "cp1252"


def decode(body: bytes, declared: Optional[str] = None, *, markup: bool = True) -> str:
    """``body`` as text, read with :func:`detect`'s codec (bytes that do not
    fit it, which only the last resort allows, become U+FFFD)."""
    return body.decode(detect(body, declared, markup=markup), "replace")
