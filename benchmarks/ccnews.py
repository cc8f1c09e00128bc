"""A Common Crawl News-like WARC file for tests and benchmarks.

    python benchmarks/ccnews.py 100000 benchmarks/out/ccnews-100k.warc.gz
    python benchmarks/ccnews.py 2000 out.warc.gz --target 1.0   # extraction-heavy: every page a target

CC-NEWS publishes gzipped WARC files (one gzip member per record) of news
pages in every language: ``warcinfo``, then ``request``/``response`` pairs
(some captures ``metadata`` too). Most pages are in other languages and on
other topics. The file made here has that shape, deterministic per seed:

* ``target``: Indonesian election-security pages: the templates of
  ``generate.py`` (the demo site, ``corpus/samples``, the dev texts) varied
  in names, places and dates;
* ``id_other``: other Indonesian news (the general paragraphs of
  ``corpus/langid/texts.jsonl``, several to a page);
* ``ms`` (Malay, election and police stories among them), ``regional``
  (Javanese, Sundanese, Minangkabau, Balinese, Banjar), ``en``, ``other``
  (Tagalog, Dutch, Vietnamese, Portuguese): paragraphs of that file;
* ``non_html`` (200 responses of images, PDFs, JSON) and ``non_200``
  (redirects and 404s with HTML bodies);
* a target URL captured twice (the later copy differs), and a last record cut off in the middle (unless ``--no-truncate``).

Every page carries the weight of a real one: a head with inline script and
style, navigation, related links and a footer, ``--page-kb`` on average.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import uuid
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import regions, templates, vary  # noqa: E402

NAV = {
    "id": ["Beranda", "Nasional", "Daerah", "Politik", "Hukum", "Ekonomi", "Olahraga", "Hiburan", "Indeks"],
    "ms": ["Utama", "Nasional", "Dunia", "Politik", "Jenayah", "Bisnes", "Sukan", "Hiburan", "Rencana"],
    "en": ["Home", "News", "World", "Politics", "Business", "Sport", "Opinion", "Culture", "Video"],
}
JS_WORDS = ("function", "var", "return", "window", "document", "push", "dataLayer", "googletag", "cmd", "slot",
            "defineSlot", "addService", "pubads", "enableLazyLoad", "setTargeting", "display", "if", "else",
            "true", "false", "null", "length", "prototype", "call", "apply", "this", "new", "Date", "getTime",
            "Math", "floor", "random", "querySelector", "addEventListener", "click", "load", "scroll", "ads",
            "banner", "sticky", "header", "footer", "cookie", "consent", "track", "event", "label", "value")
HOSTS = {
    "target": ["sumsel.antaranews.com", "www.tribunnews.com", "lampost.co", "www.balipost.com", "ceposonline.com",
               "disway.id", "tribratanews.polri.go.id", "humas.polri.go.id", "regional.kompas.com"],
    "id_other": ["www.detik.com", "www.kompas.com", "www.liputan6.com", "www.cnnindonesia.com", "www.jawapos.com"],
    "ms": ["www.bharian.com.my", "www.utusan.com.my", "www.hmetro.com.my", "www.sinarharian.com.my",
           "www.kosmo.com.my", "mediapermata.com.bn", "www.beritaharian.sg"],
    "regional": ["jv.example-nusantara.id", "su.example-nusantara.id", "www.panjebarsemangat.co.id"],
    "en": ["www.thejakartapost.com", "www.straitstimes.com", "www.reuters.com", "www.bbc.com", "apnews.com"],
    "other": ["www.rappler.com", "nos.nl", "vnexpress.net", "www.publico.pt"],
}
DEFAULT_SHARES = {"target": 0.03, "id_other": 0.04, "ms": 0.05, "regional": 0.02, "en": 0.5, "other": 0.24,
                  "non_html": 0.07, "non_200": 0.05}


@dataclass
class Made:
    """What the generated file holds: captures per kind, the records written,
    the URLs of the target pages (in file order, a recaptured one once)."""

    path: Path
    kinds: Counter = field(default_factory=Counter)
    records: int = 0
    target_urls: list = field(default_factory=list)
    truncated_url: str = ""


def _texts() -> dict[tuple[str, str], list[str]]:
    """Paragraphs by (kind, language): a page is written in one language."""
    out: dict[tuple[str, str], list[str]] = {}
    for line in (ROOT / "corpus" / "langid" / "texts.jsonl").read_text("utf-8").splitlines():
        t = json.loads(line)
        lang = t["lang"]
        if lang == "id" and t["topic"] != "general":
            continue  # election-security Indonesian comes from the templates
        kind = {"id": "id_other", "ms": "ms", "en": "en"}.get(lang)
        kind = kind or ("regional" if lang in ("jv", "su", "min", "ban", "bjn") else "other")
        out.setdefault((kind, lang), []).append(t["text"])
    return out


def _filler(rnd: random.Random, size: int) -> str:
    words, n = [], 0
    while n < size:
        w = rnd.choice(JS_WORDS)
        if rnd.random() < 0.2:
            w += f"_{rnd.randrange(10000):x}"
        words.append(w)
        n += len(w) + 1
        if rnd.random() < 0.1:
            words.append("{\n")
        elif rnd.random() < 0.1:
            words.append("}();\n")
    return " ".join(words)


def _page(rnd: random.Random, lang: str, title: str, paras: list[str], related: list[str], kb: int) -> str:
    nav = NAV.get(lang, NAV["en"])
    head_js = _filler(rnd, int(kb * 1024 * 0.55))
    tail_js = _filler(rnd, int(kb * 1024 * 0.25))
    links = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in nav)
    rel = "".join(f'<li><a href="/read/{rnd.randrange(10**6)}">{t}</a></li>' for t in related)
    body = "".join(f"<p>{p}</p>" for p in paras)
    lead = paras[0][:160]
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="description" content="{lead}"><meta property="og:title" content="{title}">'
            f"<script>{head_js}</script><style>.a{{color:#333}} .b{{margin:0 auto}}</style></head>"
            f'<body><header><nav><ul class="menu">{links}</ul></nav></header><main><article><h1>{title}</h1>'
            f'<div class="content">{body}</div></article><aside><h3>{nav[0]}</h3><ul>{rel}</ul></aside></main>'
            f"<footer><p>&copy; 2024 {nav[0]}</p></footer><script>{tail_js}</script></body></html>")


def _pad_template(rnd: random.Random, html: str, kb: int) -> str:
    """A template page with a real page's script weight added to its head."""
    js = f"<script>{_filler(rnd, int(kb * 1024 * 0.8))}</script>"
    i = html.lower().find("</head>")
    return html[:i] + js + html[i:] if i >= 0 else js + html


class _Writer:
    def __init__(self, path: Path, gzip: bool, rnd: random.Random):
        self.fh = path.open("wb")
        self.gzip = gzip
        self.rnd = rnd
        self.records = 0

    def record(self, rtype: str, url: str, date: str, block: bytes, ctype: str, truncate: bool = False) -> None:
        rid = uuid.UUID(int=self.rnd.getrandbits(128))
        head = (f"WARC/1.0\r\nWARC-Type: {rtype}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\n"
                + (f"WARC-Target-URI: {url}\r\n" if url else "")
                + f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
        data = head + block + b"\r\n\r\n"
        if self.gzip:
            c = zlib.compressobj(6, zlib.DEFLATED, 31)
            data = c.compress(data) + c.flush()
        if truncate:
            data = data[:len(data) // 2]
        self.fh.write(data)
        self.records += 1

    def response(self, url: str, date: str, status: int, ctype: str, body: bytes, truncate: bool = False) -> None:
        reason = {200: "OK", 301: "Moved Permanently", 404: "Not Found"}.get(status, "OK")
        extra = f"Location: {url}/\r\n" if status == 301 else ""
        http = (f"HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n{extra}"
                f"Server: nginx\r\n\r\n").encode()
        self.record("response", url, date, http + body, "application/http; msgtype=response", truncate)

    def request(self, url: str, date: str) -> None:
        host = url.split("/")[2]
        block = (f"GET /{url.split('/', 3)[-1]} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: CCBot/2.0\r\n"
                 f"Accept: text/html\r\n\r\n").encode()
        self.record("request", url, date, block, "application/http; msgtype=request")

    def close(self) -> None:
        self.fh.close()


def build(path: Path, n: int, *, shares: dict | None = None, target: float | None = None, seed: int = 7,
          page_kb: int = 40, truncate: bool = True, gzip: bool = True) -> Made:
    """Write about ``n`` records (requests, responses, metadata) to ``path``."""
    rnd = random.Random(seed)
    shares = dict(shares or DEFAULT_SHARES)
    if target is not None:
        rest = 1.0 - target
        scale = rest / (sum(shares.values()) - shares["target"]) if rest > 0 else 0.0
        shares = {k: (target if k == "target" else v * scale) for k, v in shares.items()}
    kinds, weights = zip(*shares.items())
    tpls = templates()
    names = regions()
    texts = _texts()
    pools: dict[str, list[tuple[str, str]]] = {}
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    made = Made(path)
    w = _Writer(path, gzip, rnd)
    start = dt.datetime(2024, 11, 25, tzinfo=dt.timezone.utc)
    w.record("warcinfo", "", start.strftime("%Y-%m-%dT%H:%M:%SZ"),
             b"software: pantau benchmarks/ccnews.py\r\nformat: WARC File Format 1.0\r\n"
             b"description: a Common Crawl News-like sample\r\n", "application/warc-fields")
    recapture: tuple[str, int] | None = None
    i = 0
    while w.records < n - int(truncate):
        i += 1
        kind = rnd.choices(kinds, weights)[0]
        date = (start + dt.timedelta(seconds=7 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        host = rnd.choice(HOSTS.get(kind, HOSTS["en"]))
        url = f"https://{host}/read/{i:07d}/{kind}"
        if kind == "target":
            k = len(made.target_urls)
            tid, html = tpls[k % len(tpls)]
            url = f"https://{HOSTS['target'][k % len(HOSTS['target'])]}/berita/{i:07d}/{Path(tid).stem}"
            if recapture is None and k == 3:
                recapture = (url, k)
            page = _pad_template(rnd, vary(html, rnd, names), page_kb)
            body, ctype = page.encode("utf-8"), "text/html; charset=UTF-8"
            made.target_urls.append(url)
        elif kind in ("non_html", "non_200"):
            if kind == "non_html":
                ctype, body = rnd.choice([("image/jpeg", b"\xff\xd8\xff\xe0" + rnd.randbytes(20000)),
                                          ("application/pdf", b"%PDF-1.7\n" + rnd.randbytes(30000)),
                                          ("application/json", json.dumps({"id": i, "items": list(range(50))}).encode())])
                status = 200
            else:
                status, ctype = rnd.choice([301, 404]), "text/html; charset=utf-8"
                body = b"<html><body><h1>Not here</h1><p>Halaman tidak ditemukan.</p></body></html>"
            if rnd.random() < 0.5:
                w.request(url, date)
            w.response(url, date, status, ctype, body)
            made.kinds[kind] += 1
            continue
        else:
            pool = pools.setdefault(kind, [])
            if len(pool) < 200:
                lang = rnd.choice([lg for k, lg in texts if k == kind])
                paras = texts[(kind, lang)]
                chosen = rnd.sample(paras, min(len(paras), rnd.randint(3, 6)))
                related = [p.split(". ")[0][:80] for p in rnd.sample(paras, min(len(paras), 5))]
                kb = max(8, int(rnd.gauss(page_kb, page_kb / 3)))
                html = _page(rnd, lang if lang in NAV else "en", chosen[0].split(". ")[0][:90], chosen, related, kb)
                latin = kind in ("en", "other") and rnd.random() < 0.1
                enc = "iso-8859-1" if latin else "utf-8"
                pool.append((html.encode(enc, "replace"), f"text/html; charset={enc}"))
            body, ctype = rnd.choice(pool)
        if rnd.random() < 0.5:
            w.request(url, date)
        w.response(url, date, 200, ctype, body)
        made.kinds[kind] += 1
        if rnd.random() < 0.05:
            meta = f"fetchTimeMs: {rnd.randrange(50, 3000)}\r\n".encode()
            w.record("metadata", url, date, meta, "application/warc-fields")
        if recapture and kind == "target" and w.records > n // 2 and recapture[0] not in ("", None):
            url2, k = recapture
            tid, html = tpls[k % len(tpls)]
            page = _pad_template(rnd, vary(html, rnd, names), page_kb)
            w.response(url2, date, 200, "text/html; charset=UTF-8", page.encode("utf-8"))
            made.kinds["recapture"] += 1
            recapture = ("", 0)
    if truncate:  # a crawler killed while writing: the last record's gzip member ends half way
        tid, html = tpls[len(made.target_urls) % len(tpls)]
        made.truncated_url = f"https://{HOSTS['target'][0]}/berita/{i + 1:07d}/{Path(tid).stem}"
        page = _pad_template(rnd, vary(html, rnd, names), page_kb)
        w.response(made.truncated_url, date, 200, "text/html; charset=UTF-8", page.encode("utf-8"), truncate=True)
    w.close()
    made.records = w.records
    return made


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="records to write (about)")
    ap.add_argument("out", type=Path)
    ap.add_argument("--target", type=float, default=None, help="share of target pages (default 0.03)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--page-kb", type=int, default=40)
    ap.add_argument("--no-truncate", action="store_true")
    ap.add_argument("--plain", action="store_true", help="write an uncompressed .warc")
    a = ap.parse_args()
    made = build(a.out, a.n, target=a.target, seed=a.seed, page_kb=a.page_kb, truncate=not a.no_truncate,
                 gzip=not a.plain)
    print(f"{made.path}: {made.records} records; captures {dict(made.kinds)}; {len(made.target_urls)} target pages")


if __name__ == "__main__":
    main()
