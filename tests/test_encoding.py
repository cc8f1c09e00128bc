"""The one charset decoder (extractor/encoding.py), as fetching, the HTML
stage and plain-text input use it."""

from __future__ import annotations

import pytest

from extractor import encoding
from extractor.html import article_from_html
from extractor.html.document import decode

TEXT = "<html><head><title>Pleno</title></head><body><p>PALEMBANG – Kapolda “siaga” di Café Sriwijaya, " \
       "pleno rekapitulasi berjalan aman.</p></body></html>"


@pytest.mark.parametrize("body,declared,codec", [
    (TEXT.encode("utf-8"), None, "utf-8"),
    (TEXT.encode("utf-8"), "iso-8859-1", "utf-8"),  # valid UTF-8 wins over a Western label
    (TEXT.encode("utf-8"), "windows-1251", "utf-8"),  # ... and over any other label
    (TEXT.encode("cp1252"), "utf-8", "cp1252"),  # a wrong header does not win over the bytes
    (TEXT.encode("cp1252"), "iso-8859-1", "cp1252"),  # latin-1 read as windows-1252, as browsers do
    (TEXT.encode("cp1252"), None, "cp1252"),  # nothing declared, not UTF-8: windows-1252
    (TEXT.replace("<head>", '<head><meta charset="windows-1252">').encode("cp1252"), None, "cp1252"),
    (TEXT.encode("utf-8-sig"), "iso-8859-1", "utf-8-sig"),  # a byte-order mark decides
    (TEXT.encode("utf-16"), None, "utf-16"),
    (b"<p>plain ascii</p>", "shift_jis", "shift_jis"),  # ASCII: the declared charset reads it the same
    (b"<p>plain ascii</p>", "utf-16", "utf-8"),  # a UTF-16 label without a BOM is not what the bytes are
])
def test_detect(body, declared, codec):
    assert encoding.detect(body, declared) == codec


def test_meta_charset_speaks_for_markup_only():
    body = '<meta charset="koi8-r"><p>ok</p>'.encode("ascii")
    assert encoding.detect(body) == "koi8-r" and encoding.detect(body, markup=False) == "utf-8"


@pytest.mark.parametrize("body,binary", [
    (b"%PDF-1.4 ...", True), (b"\x89PNG\r\n\x1a\n", True), (b"<p>a\x00b</p>", True), (b"\x1f\x8b\x08\x00", True),
    (TEXT.encode("utf-16"), False), (TEXT.encode("utf-8"), False), (TEXT.encode("cp1252"), False),
])
def test_is_binary(body, binary):
    assert encoding.is_binary(body) is binary


def test_header_and_meta_charset():
    assert encoding.header_charset('text/html; charset="ISO-8859-1"') == "ISO-8859-1"
    assert encoding.header_charset("text/html") is None
    assert encoding.meta_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">') \
        == "windows-1252"


def test_fetch_and_the_html_stage_read_bytes_alike():
    """The charset fetching records is the one the HTML stage decodes with:
    the article text is the same with or without it."""
    for body, header in [(TEXT.encode("cp1252"), "utf-8"), (TEXT.encode("utf-8"), "iso-8859-1"),
                         (TEXT.encode("utf-16"), None)]:
        recorded = encoding.detect(body, header)
        assert decode(body, recorded) == decode(body, header) == body.decode(recorded)
        assert "“siaga” di Café" in article_from_html(body, "https://x.example/a", encoding=recorded).text
