"""A small database made by the real pipeline, shared by the tests of the
researcher outputs (queries, exports, report, Datasette): the demo site crawled
over local HTTP, plus local HTML articles ingested through the CLI. Built once
per test process and reused read-only.

The articles: a protest in Kota Medan carried by two outlets (one story; the
two copies are put in one near-duplicate cluster, as the clustering stage
does), a logistics escort in Lahat during the campaign, a patrol in Muara Enim
with a wrong weekday, TPS security in Bogor (plain text, so no outlet
name), and a food festival (not relevant). One JSONL line is broken, so there is an input error too.
"""

from __future__ import annotations

import atexit
import html
import json
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Optional

ARTICLES = [
    ("https://medan.example/berita/demo-kpu-medan", "Medan Pos (test)", "2024-12-02T15:00:00+07:00",
     "Ratusan Massa Unjuk Rasa di KPU Medan, 350 Personel Disiagakan",
     ["MEDAN - Ratusan massa dari aliansi mahasiswa menggelar unjuk rasa di depan kantor KPU Kota Medan, "
      "Senin (2/12/2024), menuntut penghitungan suara ulang Pilkada Kota Medan.",
      "Sebanyak 350 personel gabungan Polrestabes Medan dan Kodim 0201/Medan dikerahkan untuk mengamankan "
      "aksi unjuk rasa tersebut.",
      "Kapolrestabes Medan Kombes Pol Gidion Arif Setyawan mengatakan aksi berlangsung tertib. "
      "\"Kami mengawal penyampaian pendapat agar tetap kondusif,\" kata Gidion."]),
    ("https://sumut.example/2024/12/02/unjuk-rasa-kpu-medan", "Sumut Daily (test)", "2024-12-02T17:30:00+07:00",
     "Ratusan Massa Unjuk Rasa di KPU Medan, 350 Personel Disiagakan", None),  # a copy of the first
    ("https://jabar.example/bogor-tps", None, "2024-11-27T08:00:00+07:00",
     "1.200 Personel Amankan TPS di Kabupaten Bogor",
     ["BOGOR - Sebanyak 1.200 personel Polres Bogor diterjunkan untuk mengamankan tempat pemungutan suara (TPS) "
      "Pilkada 2024 di Kabupaten Bogor, Rabu (27/11/2024).",
      "Kapolres Bogor AKBP Rio Wahyu Anggoro mengatakan setiap TPS dijaga personel Polri dan Linmas. "
      "\"Kami pastikan pemungutan suara aman,\" ujar Rio."]),
    ("https://sumsel.example/lahat-logistik", "Warta Sumsel (test)", "2024-11-20T10:00:00+07:00",
     "Polres Lahat Kawal Distribusi Logistik Pilkada",
     ["LAHAT - Polres Lahat mengawal distribusi logistik Pilkada 2024 dari gudang KPU Kabupaten Lahat ke seluruh "
      "kecamatan, Rabu (20/11/2024).",
      "Kapolres Lahat AKBP Kurniawan Azwar mengatakan pengawalan logistik melibatkan 80 personel. "
      "\"Logistik harus tiba tepat waktu dan aman,\" kata Kurniawan."]),
    ("https://sumsel.example/muara-enim-patroli", "Warta Sumsel (test)", "2024-11-25T09:00:00+07:00",
     "Polres Muara Enim Gelar Patroli Jelang Pencoblosan",
     ["MUARA ENIM - Polres Muara Enim menggelar patroli skala besar di wilayah Kabupaten Muara Enim menjelang "
      "pemungutan suara Pilkada 2024, Jumat (23/11/2024).",
      "Kapolres Muara Enim AKBP Jhoni Eka Putra mengatakan patroli dilakukan untuk menjaga situasi kamtibmas "
      "selama masa tenang."]),
    ("https://kuliner.example/pempek", "Warta Sumsel (test)", "2024-11-24T19:00:00+07:00",
     "Festival Pempek Ramai Pengunjung",
     ["PALEMBANG - Festival pempek di Benteng Kuto Besak ramai dikunjungi warga, Minggu (24/11/2024). "
      "Panitia menyiapkan 40 stan kuliner."]),
]

MEDAN_URLS = (ARTICLES[0][0], ARTICLES[1][0])

_built: Optional[Path] = None


def page(outlet: str, published: str, title: str, paragraphs: list[str]) -> str:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta property="og:site_name" content="{html.escape(outlet)}">'
            f'<meta property="article:published_time" content="{published}"></head>'
            f"<body><article><h1>{html.escape(title)}</h1>{paras}</article></body></html>")


def write_jsonl(path: Path) -> Path:
    first = ARTICLES[0][4]
    with path.open("w", encoding="utf-8") as fh:
        for url, outlet, published, title, paragraphs in ARTICLES:
            if outlet is None:  # plain text: no outlet name, the views fall back to the URL's host
                fh.write(json.dumps({"url": url, "title": title, "published": published,
                                     "text": "\n\n".join(paragraphs)}) + "\n")
                continue
            body = page(outlet, published, title, paragraphs or first)
            fh.write(json.dumps({"url": url, "title": title, "published": published, "html": body}) + "\n")
        fh.write("{this line is broken\n")
    return path


def build(db: Path) -> Path:
    """Crawl the demo site and ingest the articles above into ``db``."""
    from extractor.cli import main
    from extractor.config import Settings
    from extractor.demo import DEMO_SITE, demo_settings, serve
    from extractor.run import run_batch
    from extractor.store import Store

    with serve(DEMO_SITE) as server, Store(db) as store:
        run_batch(demo_settings(server.base, Settings()), store)
    code = main(["ingest", str(write_jsonl(db.parent / "articles.jsonl")), "--db", str(db)])
    assert code == 0
    conn = sqlite3.connect(db)
    with conn:  # the two Medan copies are one story, as the near-duplicate stage stores it
        ids = [r[0] for r in conn.execute("select id from articles where url in (?, ?) order by id", MEDAN_URLS)]
        clusters = {r[0] for r in conn.execute("select cluster_id from articles where id in (?, ?)", ids)}
        if clusters == {None}:
            conn.execute("update articles set cluster_id = ? where id in (?, ?)", [ids[0], *ids])
    conn.close()
    return db


def research_db() -> Path:
    """The shared database of this test process (built on first use)."""
    global _built
    if _built is None or not _built.exists():
        d = Path(tempfile.mkdtemp(prefix="pantau-research-"))
        atexit.register(shutil.rmtree, d, ignore_errors=True)
        _built = build(d / "pantau.db")
    return _built


def rows(db, sql: str, params=()) -> list[dict]:
    """The rows of a read of the database file ``db``, as dicts."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()
