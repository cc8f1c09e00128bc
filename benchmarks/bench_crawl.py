"""Crawl throughput against the politeness ceiling.

A local news server (a separate process, asyncio, HTTP/1.1 keep-alive)
answers on 50 hosts - 127.0.0.2 ... 127.0.0.51, one port each - with 20 ms
of latency per response; each host has robots.txt, a sitemap and N article
pages (~6 KB of HTML). pantau crawls them with 5 requests/s per host, in
this process: discovery, fetching, the crawl state in SQLite (one commit
per URL) and the WARC archive, i.e. ``extractor.crawl.crawl`` - everything of
``run`` except parsing and extraction, which bench_e2e.py measures.

    python benchmarks/bench_crawl.py              # 50 hosts x 40 pages
    python benchmarks/bench_crawl.py --quick      # 50 hosts x 15 pages
    python benchmarks/bench_crawl.py --hosts 10 --pages 20 --rate 2

Reports requests/s against the ceiling (hosts x rate; target >= 0.9), peak
RSS of the crawling process, and CPU time per article page (the crawler's
own process; the server runs in another). Prints one table.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARA = ("Kapolres {town} AKBP {name} memimpin pengamanan pleno rekapitulasi suara Pilkada 2024 di Gedung KPU "
        "{town}, Sabtu (30/11/2024). Sebanyak {n} personel gabungan Polri dan TNI dikerahkan untuk mengamankan "
        "jalannya pleno yang dihadiri saksi pasangan calon dan Bawaslu. ")


def article(host: int, i: int) -> bytes:
    paras = "".join(f"<p>{PARA.format(town=f'Kota {host}', name=f'Petugas {i}', n=100 + i)}</p>" for _ in range(12))
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Pengamanan pleno {host}-{i}</title>'
            f'<link rel="canonical" href="/berita/{i}"></head><body><nav>{"<a href=/x>menu</a>" * 20}</nav>'
            f"<article><h1>Pengamanan pleno {host}-{i}</h1>{paras}</article></body></html>").encode()


# --------------------------------------------------------------------------- the server (its own process)
def serve(hosts: int, pages: int, latency: float, conn) -> None:
    counts = {"requests": 0}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: int) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode()
                counts["requests"] += 1
                await asyncio.sleep(latency)
                if path == "/robots.txt":
                    body, ctype = b"User-agent: *\nAllow: /\n", "text/plain"
                elif path == "/sitemap.xml":
                    locs = "".join(f"<url><loc>http://127.0.0.{host}:{ports[host]}/berita/{i}</loc></url>"
                                   for i in range(pages))
                    body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'.encode()
                    ctype = "application/xml"
                elif path.startswith("/berita/"):
                    body, ctype = article(host, int(path.rsplit("/", 1)[1])), "text/html; charset=utf-8"
                else:
                    body, ctype = b"not found", "text/plain"
                status = "200 OK" if ctype != "text/plain" or path == "/robots.txt" else "404 Not Found"
                writer.write(f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n"
                             f"\r\n".encode() + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    ports: dict[int, int] = {}

    async def main() -> None:
        servers = []
        for h in range(2, hosts + 2):
            srv = await asyncio.start_server(lambda r, w, h=h: handle(r, w, h), f"127.0.0.{h}", 0)
            ports[h] = srv.sockets[0].getsockname()[1]
            servers.append(srv)
        conn.send(ports)
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, conn.recv)  # until told to stop
        conn.send(counts["requests"])
        for srv in servers:
            srv.close()

    asyncio.run(main())


# --------------------------------------------------------------------------- the crawl (this process)
def crawl_once(hosts: int, pages: int, rate: float, latency: float, concurrency: int, profile: bool = False) -> dict:
    from extractor.config import Settings
    from extractor.crawl import crawl
    from extractor.runlog import RunLog
    from extractor.store import Store
    from extractor.types import Source

    parent, child = mp.Pipe()
    server = mp.get_context("fork").Process(target=serve, args=(hosts, pages, latency, child), daemon=True)
    server.start()
    ports = parent.recv()
    sources = tuple(Source(f"host {h}", home=f"http://127.0.0.{h}:{p}/", sitemaps=(f"http://127.0.0.{h}:{p}/sitemap.xml",))
                    for h, p in ports.items())
    settings = Settings(rate_limit=rate, per_host=2, concurrency=concurrency, retries=1, timeout=10.0,
                        sources=sources)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.db") as store:
        store.fast_commits()
        run_id = store.start_run("bench", {})
        log = RunLog(store, run_id)
        summary = log.summary
        before = resource.getrusage(resource.RUSAGE_SELF)
        prof = None
        if profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        t0 = time.perf_counter()
        asyncio.run(crawl(settings, store, log, archive_dir=Path(tmp) / "archive"))
        wall = time.perf_counter() - t0
        if prof is not None:
            import pstats

            prof.disable()
            pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(30)
        after = resource.getrusage(resource.RUSAGE_SELF)
        archived = sum(f.stat().st_size for f in (Path(tmp) / "archive").glob("*.warc.gz"))
        states = store.frontier.counts()
    parent.send("stop")
    requests = parent.recv()
    server.join(5)
    ceiling = hosts * rate
    return {"hosts": hosts, "pages": summary.fetched, "requests": requests, "wall": wall,
            "req_s": requests / wall, "ceiling": ceiling, "ratio": requests / wall / ceiling,
            "cpu_ms_page": 1000 * ((after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime))
            / max(1, summary.fetched),
            "peak_rss_mb": after.ru_maxrss / 1024, "archive_mb": archived / 1e6, "failed": summary.failed,
            "states": states}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hosts", type=int, default=50)
    ap.add_argument("--pages", type=int, default=40, help="article pages per host")
    ap.add_argument("--rate", type=float, default=5.0, help="requests/s per host")
    ap.add_argument("--latency", type=float, default=0.020, help="server latency per response, seconds")
    ap.add_argument("--concurrency", type=int, default=32, help="requests in flight, all hosts")
    ap.add_argument("--quick", action="store_true", help="15 pages per host")
    ap.add_argument("--profile", action="store_true", help="cProfile the crawl (to stderr; slows it down)")
    args = ap.parse_args()
    if args.quick:
        args.pages = 15
    r = crawl_once(args.hosts, args.pages, args.rate, args.latency, args.concurrency, args.profile)
    ideal = (args.pages + 2) / ((args.pages + 1) / args.rate + args.latency)  # per host, first request at t=0
    rows = [
        ("hosts x article pages", f"{r['hosts']} x {args.pages} = {r['pages']} fetched, {r['failed']} failed"),
        ("requests (robots, sitemap, pages)", f"{r['requests']}"),
        ("wall time", f"{r['wall']:.2f} s"),
        ("achieved", f"{r['req_s']:.1f} req/s"),
        ("politeness ceiling", f"{r['ceiling']:.1f} req/s ({args.rate:g}/s x {r['hosts']} hosts; "
                               f"a perfect crawler of this run: {ideal * r['hosts']:.1f})"),
        ("achieved / ceiling", f"{r['ratio']:.3f}  (target >= 0.9)"),
        ("CPU per article page", f"{r['cpu_ms_page']:.2f} ms (crawler process; fetch, state, WARC)"),
        ("peak RSS", f"{r['peak_rss_mb']:.0f} MB (crawler process, imports included)"),
        ("WARC archive", f"{r['archive_mb']:.1f} MB"),
        ("crawl states", ", ".join(f"{k} {v}" for k, v in sorted(r["states"].items()))),
        ("settings", f"latency {args.latency * 1000:g} ms, per_host 2, concurrency {args.concurrency}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 60}")
    for k, v in rows:
        print(f"{k:<{width}}  {v}")


if __name__ == "__main__":
    main()
