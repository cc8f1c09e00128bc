"""The batch on a Dask cluster: ``ingest`` and ``extract --from-archive``
with ``--dask local:N`` (a LocalCluster of N worker processes),
``--dask tcp://HOST:8786`` (a running scheduler) or ``--dask FILE.json``
(a scheduler file, as ``dask scheduler --scheduler-file`` or dask-jobqueue
write it).

The driver (this process) plans the shards (:mod:`extractor.shards`) and
keeps them in the database's ``shards`` table; each shard not yet done is
one task (:func:`run_shard`), run on a worker: it streams the shard's
records, prefilters them before any parsing (:mod:`extractor.prefilter`),
parses and extracts what passes, and writes the results to its shard file
(:mod:`extractor.shardfile`) in ``--shard-dir``, which every worker and the
driver must reach. A failed task is retried once, then recorded in
``errors`` with its input and offset. The driver stores the shard files'
results with the single writer, in plan order, whatever order tasks finish
in: ids and near-duplicate clusters come out as a single process makes them,
and what is already stored from the same content is skipped.

Resumable at every step: a rerun with the same inputs skips merged shards,
merges finished ones whose output is on disk, resumes a merge killed half
way at its last committed frame, and runs the rest.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import os
import queue
import sys
import time
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Optional, Union

from .errors import InputError, InputWarning, Msg, PantauError, UsageError
from .prefilter import GATES, Prefilter
from .shardfile import ShardWriter, read_frames, shard_path, summary_of
from .shards import DEFAULT_SHARD_SIZE, Shard, plan

Say = Callable[[str], None]
CHUNK = 8  # items per spaCy pass on a worker, as in the single-process batch


# --------------------------------------------------------------------------- connecting
def parse_spec(spec: str) -> tuple[str, Union[int, str]]:
    """``local:N`` -> ("local", N); ``tcp://...``/``tls://...`` -> ("address", spec);
    ``*.json`` -> ("file", spec)."""
    if spec.startswith("local:"):
        try:
            n = int(spec[6:])
        except ValueError:
            n = 0
        if n < 1:
            raise UsageError(Msg.DASK_SPEC.format(spec=spec))
        return "local", n
    if "://" in spec:
        return "address", spec
    if spec.endswith(".json"):
        return "file", spec
    raise UsageError(Msg.DASK_SPEC.format(spec=spec))


@contextmanager
def connect(spec: str, say: Say) -> Iterator["object"]:
    """A ``distributed.Client`` for ``spec``; a local cluster is started here
    and stopped on exit. The dashboard's address is said."""
    kind, value = parse_spec(spec)
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError(Msg.DASK_MISSING) from exc
    cluster = None
    try:
        if kind == "local":
            # one thread per worker process (spaCy and the parser hold the GIL), one BLAS thread each
            # (Dask's nanny sets OMP/MKL/OPENBLAS_NUM_THREADS=1 in every worker it spawns); the nannies
            # hand the configuration in force now to the workers they start
            import dask

            with dask.config.set(local_settings()):
                cluster = LocalCluster(n_workers=int(value), threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
            client = Client(cluster)
        elif kind == "file":
            client = Client(scheduler_file=str(value), timeout="30s")
        else:
            client = Client(str(value), timeout="30s")
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise PantauError(Msg.DASK_CONNECT.format(spec=spec, detail=exc)) from exc
    try:
        workers = len(client.scheduler_info().get("workers", {}))
        say(f"dask: {spec} ({workers} workers); dashboard {client.dashboard_link}")
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def local_settings() -> dict:
    """The Dask settings of a cluster pantau starts (``local:N``):
    :data:`LOCAL_SETTINGS`, but for a key the user set - in a Dask YAML file,
    a ``DASK_...`` variable, or to another value than Dask's default with
    ``dask.config.set``."""
    import dask
    import distributed  # noqa: F401 - registers Dask's defaults for distributed

    users = dask.config.collect()  # the YAML files and DASK_ variables, without the defaults
    out = {}
    for key, value in LOCAL_SETTINGS.items():
        shipped = [v for d in dask.config.defaults if (v := dask.config.get(key, default=None, config=d)) is not None]
        if dask.config.get(key, default=None, config=users) is None and dask.config.get(key, default=None) in shipped:
            out[key] = value
    return out


@lru_cache(maxsize=1)
def prepare_worker() -> dict:
    """Make this worker process ready for shards, once: glibc's heap kept
    between articles in place of the nanny's 64 KiB trim (a threshold the
    user set in the worker's environment is kept; :mod:`extractor.memory`),
    the extraction model loaded, what its first article would build built (the
    gazetteer, the HTML reader's parts), and all of it frozen out of the
    collector's walks for the worker's life. Runs from :func:`warm` and at
    the start of every shard (a worker that joins later, as SLURM scales a
    cluster, prepares itself with its first shard). Returns the process id
    and whether the heap thresholds were set."""
    from .html import warm as warm_html
    from .memory import keep_freed_memory
    from .nlp.pipeline import load, warm as warm_nlp

    kept = keep_freed_memory(dask_worker=True)
    load()
    warm_nlp()
    warm_html()
    gc.freeze()
    return {"pid": os.getpid(), "heap_kept": kept}


def warm(client) -> dict:
    """Prepare every worker now (:func:`prepare_worker`), as the batch runner
    prepares itself before forking: done up front, the first shards do not
    wait for it. Returns what each worker says, by its address."""
    return client.run(prepare_worker)


# --------------------------------------------------------------------------- the task
def _shard_items(shard: Shard, prefilter: Optional[Prefilter], losses: list) -> Iterator[tuple[int, object]]:
    """(position, RawPage or Failure) of a shard, in input order."""
    from .inputs import raw_from_archive, read_file, read_jsonl
    from .runlog import Failure

    if shard.kind == "warc":
        from .warcreader import iter_items

        kw = {"accept": prefilter.accept, "keep": prefilter.keep} if prefilter else {}
        for art in iter_items(shard.input, start=shard.start, end=shard.end, losses=losses, **kw):
            yield art.location[1], raw_from_archive(art)
        for loss in losses:
            yield loss.offset, Failure(shard.input, "input", loss.error())
    elif shard.kind == "jsonl":
        for n, item in enumerate(read_jsonl(Path(shard.input)), 1):
            yield n, item
    else:
        for n, f in enumerate(shard.files):
            yield n, read_file(Path(f))


def read_inputs(inputs: list, *, prefilter: bool, base: Optional[str] = None,
                origins: Optional[dict] = None, counts: Optional[dict] = None) -> Iterator[object]:
    """The items of ``inputs`` in one process, read exactly as the shards of a
    distributed run read them (whole files, in plan order, the same
    prefilter), so that both store the same. ``origins`` (url -> (input,
    position)) and ``counts`` (the prefilter's) are filled as items go by."""
    for shard in plan(inputs, shard_size=1 << 62, base=base):
        pf = Prefilter() if prefilter and shard.kind == "warc" else None
        for pos, item in _shard_items(shard, pf, []):
            if origins is not None and not hasattr(item, "error"):
                origins[item.url] = (shard.input, pos)
            yield item
        if pf is not None and counts is not None:
            for k, v in pf.as_dict().items():
                counts[k] = counts.get(k, 0) + v


def run_shard(shard: Shard, shard_id: int, out_dir: str, options: dict) -> dict:
    """One shard, on a worker: read, prefilter, parse, extract; the results
    go to the shard's file. Returns the shard's summary (also the file's end
    frame). Raises :class:`InputError` for a shard that cannot be read at all
    (Dask retries it once)."""
    try:
        return _run_shard(shard, shard_id, out_dir, options)
    except PantauError as exc:  # sent back to the driver pickled: the message, not a foreign cause chain
        raise InputError(str(exc)) from None


def _run_shard(shard: Shard, shard_id: int, out_dir: str, options: dict) -> dict:
    from .batch import BatchFailure, _work_many
    from .nlp.relevance import threshold as default_threshold
    from .runlog import Failure, Notice

    try:
        prepare_worker()
    except Exception:  # noqa: BLE001 - the model cannot load: each article's extraction fails and says why
        pass
    t0 = time.perf_counter()
    cut = options.get("threshold")
    cut = default_threshold() if cut is None else cut
    extract_all = bool(options.get("extract_all"))
    pf = Prefilter() if options.get("prefilter") and shard.kind == "warc" else None
    losses: list = []
    n = {"items": 0, "results": 0, "failures": 0, "warnings": 0, "extracted": 0}
    with ShardWriter(shard_path(out_dir, shard_id), shard.key) as w:
        chunk: list = []

        def flush() -> None:
            # a Notice (a JSONL line's invalid date, dropped; the line itself follows) travels as the
            # failures do, a frame with its URL, and the merge reads it back as a Notice (its error_type)
            todo = [(pos, it) for pos, it in chunk if not isinstance(it, (Failure, Notice))]
            results = _work_many([it for _, it in todo], cut, extract_all) if todo else []
            # one result per item, in order; a BatchFailure (a spaCy pass that failed though no article
            # did alone) comes last and settles no item
            extra = [r for r in results if isinstance(r, BatchFailure)]
            results = iter([r for r in results if not isinstance(r, BatchFailure)])
            for pos, it in chunk:
                res = it if isinstance(it, (Failure, Notice)) else next(results)
                if isinstance(res, (Failure, Notice)):
                    w.failure(pos, res.url, res.stage, res.error)
                    n["warnings" if isinstance(res, Notice) else "failures"] += 1
                else:
                    w.result(pos, res)
                    n["results"] += 1
                    n["extracted"] += int(res[2] is not None)
            for b in extra:
                w.failure(chunk[-1][0], b.failure.url, b.failure.stage, b.failure.error)
                n["failures"] += 1
            chunk.clear()

        for pos, item in _shard_items(shard, pf, losses):
            n["items"] += 1
            chunk.append((pos, item))
            if len(chunk) >= CHUNK:
                flush()
        flush()
        if shard.kind == "warc" and pf is None:
            counts = {"records": n["items"], "passed": n["items"]}
        else:
            counts = pf.as_dict() if pf else {"records": n["items"], "passed": n["items"]}
        summary = {"counts": counts, **n, "losses": [[x.offset, x.unread, x.detail] for x in losses],
                   "seconds": round(time.perf_counter() - t0, 3), "worker": os.getpid()}
        w.finish(summary)
    return summary


# --------------------------------------------------------------------------- the driver
@dataclass
class Progress:
    """What the driver says while shards run and merge."""

    total: int
    say: Say
    every: float = 2.0
    done: int = 0
    failed: int = 0
    merged: int = 0
    records: int = 0
    counts: dict = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)
    _last: float = 0.0
    _shard_seconds: list = field(default_factory=list)

    def shard_done(self, summary: dict) -> None:
        self.done += 1
        c = summary.get("counts", {})
        self.records += int(c.get("records", 0))
        for k, v in c.items():
            self.counts[k] = self.counts.get(k, 0) + int(v)
        self.show()

    def line(self) -> str:
        el = max(time.perf_counter() - self.started, 1e-9)
        settled = self.done + self.failed
        eta = ""
        if 0 < settled < self.total:
            left = el / settled * (self.total - settled)
            eta = f" · ETA {dt.timedelta(seconds=int(left))}"
        drops = ", ".join(f"{g} {self.counts.get(g, 0):,}" for g in GATES if self.counts.get(g))
        return (f"shards {settled}/{self.total} (merged {self.merged}, failed {self.failed}) · "
                f"{self.records:,} records ({self.records / el:,.0f}/s) · passed {self.counts.get('passed', 0):,}"
                + (f" · dropped: {drops}" if drops else "") + eta)

    def show(self, force: bool = False) -> None:
        now = time.perf_counter()
        if force or now - self._last >= self.every:
            self._last = now
            self.say(self.line())


def default_shard_dir(db_path: Union[str, Path]) -> Path:
    p = Path(db_path)
    return p.with_name(f"{p.stem}-shards")


class _Ledger:
    """The ``shards`` table on the store's connection."""

    def __init__(self, store):
        self.store, self.conn = store, store.db.conn

    def register(self, shards: list[Shard], run_id: Optional[int]) -> list[dict]:
        with self.conn:
            self.conn.executemany(
                "insert or ignore into shards (key, input, kind, start, end, status, attempts, merged_frames, run_id) "
                "values (?, ?, ?, ?, ?, 'planned', 0, 0, ?)",
                [(s.key, s.input, s.kind, s.start, s.end, run_id) for s in shards])
        rows = []
        for s in shards:
            cur = self.conn.execute("select id, status, merged_frames, attempts from shards where key = ?", [s.key])
            sid, status, merged, attempts = cur.fetchone()
            rows.append({"id": sid, "shard": s, "status": status, "merged_frames": merged or 0,
                         "attempts": attempts or 0})
        return rows

    def update(self, sid: int, **fields) -> None:
        """The shard's row updated: in the merge's open transaction (committed with
        the articles), or committed on its own when none is open."""
        cols = ", ".join(f"{k} = ?" for k in fields)
        self.store.write(f"update shards set {cols} where id = ?", [*fields.values(), sid])


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def ingest(inputs: list, store, log, *, dask: str, shard_dir: Optional[Union[str, Path]] = None, shard_size: int = DEFAULT_SHARD_SIZE,
           base: Optional[str] = None, prefilter: bool = True, extract_all: bool = False, refresh: bool = False,
           threshold: Optional[float] = None, say: Say = lambda s: print(s, file=sys.stderr),
           client=None) -> dict:
    """Ingest ``inputs`` into ``store`` on the Dask cluster ``dask`` (or the
    connected ``client``): plan, run the shards not done, merge their results
    in plan order. Returns ``counts`` (the prefilter's, summed over shards),
    ``shards``, ``failed``, ``merge_seconds`` (the single writer's time),
    ``merge_cpu_seconds`` (its CPU time: beside extraction on shared cores the
    wall time also counts the waits for a core) and ``merge_tail_seconds`` (the
    part of the wall time after the last task ended: the merge that did not run
    beside extraction)."""
    shards = plan(inputs, shard_size=shard_size, base=base)
    out_dir = Path(shard_dir) if shard_dir else default_shard_dir(store.path)
    out_dir.mkdir(parents=True, exist_ok=True)
    ledger = _Ledger(store)
    rows = ledger.register(shards, log.run_id)
    progress = Progress(len(rows), say)
    options = {"prefilter": prefilter, "extract_all": extract_all, "threshold": threshold}
    merger = _Merger(store, log, refresh=refresh, extract_all=extract_all, threshold=threshold)

    todo, ready = [], {}
    for i, row in enumerate(rows):
        if row["status"] == "merged":
            progress.done += 1
            progress.merged += 1
            continue
        path = shard_path(out_dir, row["id"])
        got = summary_of(path) if path.exists() else None
        if got is not None:  # finished before the driver stopped: merge it, do not run it again
            ready[i] = (path, got)
            progress.shard_done(got)
        else:
            row["status"] = "running"  # a shard that failed in an earlier run is tried again
            todo.append(i)
    say(f"{len(rows)} shards: {progress.merged} merged before, {len(ready)} to merge, {len(todo)} to run "
        f"(shard files in {out_dir})")

    def merge_ready(upto: int) -> int:
        """Merge, in plan order, every shard from ``upto`` on that is settled."""
        while upto < len(rows):
            row = rows[upto]
            if row["status"] in ("merged", "failed"):
                upto += 1
                continue
            if upto not in ready:
                break
            path, got = ready.pop(upto)
            merger.merge(ledger, row, path, got)
            row["status"] = "merged"
            progress.merged += 1
            progress.show()
            upto += 1
        return upto

    tail_from = 0.0
    with merger:
        head = merge_ready(0)
        merger.commit()
        if todo:
            with (nullcontext(client) if client is not None else connect(dask, say)) as cl:
                futures = {}
                for i in todo:
                    row = rows[i]
                    ledger.update(row["id"], status="running", started_at=_now(), attempts=row["attempts"] + 1,
                                  output=str(shard_path(out_dir, row["id"])))
                    fut = cl.submit(run_shard, row["shard"], row["id"], str(out_dir), options, retries=1,
                                    pure=False, key=f"pantau-shard-{row['id']}-{os.getpid()}-{time.time_ns()}")
                    futures[fut] = i
                finished: queue.SimpleQueue = queue.SimpleQueue()
                for fut in futures:
                    fut.add_done_callback(finished.put)
                from .store.command import warm as warm_writer

                warm_writer()  # while the first shards run: the tables the merge's first article reads
                while futures:
                    try:  # wait for a task, but not past the moment the open merge transaction is due
                        fut = finished.get(timeout=merger.due())
                    except queue.Empty:
                        merger.commit()
                        continue
                    i = futures.pop(fut)
                    if not futures:  # the last task: what is merged from now on is no longer beside extraction
                        tail_from = merger.seconds
                    row = rows[i]
                    try:
                        got = fut.result()
                    except Exception as exc:  # noqa: BLE001 - any task failure, after its retry, is the shard's
                        _fail(ledger, row, exc, log)
                        progress.failed += 1
                        progress.show(force=True)
                    else:
                        ledger.update(row["id"], status="done", done_at=_now(), counts=json.dumps(got))
                        ready[i] = (shard_path(out_dir, row["id"]), got)
                        progress.shard_done(got)
                    head = merge_ready(head)
        head = merge_ready(head)
    progress.show(force=True)
    return {"counts": dict(progress.counts), "shards": len(rows), "failed": progress.failed,
            "merge_seconds": merger.seconds, "merge_cpu_seconds": merger.cpu_seconds,
            "merge_tail_seconds": merger.seconds - tail_from}


def _fail(ledger: _Ledger, row: dict, exc: BaseException, log) -> None:
    from .runlog import Failure

    shard: Shard = row["shard"]
    detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    err = InputError(Msg.SHARD_FAILED.format(where=shard.where, detail=detail))
    row["status"] = "failed"
    ledger.update(row["id"], status="failed", error=str(err)[:2000], done_at=_now())
    log.failed(Failure(shard.input, "input", err))


class _Merger:
    """Stores shard files' results with the single writer
    (:func:`extractor.batch.store_results`) in one :class:`~extractor.store.Batch`
    across shards: a transaction holds up to :data:`~extractor.batch.BATCH`
    articles or a second's worth, from as many shards as that takes (a commit per
    shard of ~35 articles wrote 3-5 times the bytes per article into a database
    of 8,000-24,000 articles: benchmarks/README.md, issue 18, tenth pass), and the shards' ledger
    rows with them: each shard's ``merged_frames`` (and ``merged`` once read to
    its end) commits with its articles, so a merge killed half way resumes after
    its last committed frame. Use as a context manager around the merges; the
    caller waiting for more shards commits when :meth:`due` runs out."""

    def __init__(self, store, log, *, refresh: bool, extract_all: bool, threshold: Optional[float]):
        from .nlp.relevance import threshold as default_threshold

        self.store, self.log = store, log
        self.refresh, self.extract_all = refresh, extract_all
        self.cut = default_threshold() if threshold is None else threshold
        self.seconds = 0.0  # wall time merging and committing
        self.cpu_seconds = 0.0  # CPU time of the thread that merges, over the same
        self.batch = None
        self._reading: Optional[tuple] = None  # (ledger, shard id, frame state) of the shard being read

    def __enter__(self) -> "_Merger":
        from .batch import BATCH

        self.batch = self.store.batch(BATCH, before_commit=self._settle).__enter__()
        return self

    def __exit__(self, *exc) -> None:
        batch, self.batch = self.batch, None
        with self._clock():
            batch.__exit__(*exc)

    @contextmanager
    def _clock(self):
        t0, c0 = time.perf_counter(), time.thread_time()
        try:
            yield
        finally:
            self.seconds += time.perf_counter() - t0
            self.cpu_seconds += time.thread_time() - c0

    def due(self) -> Optional[float]:
        """Seconds until the open transaction is due to commit, None when none is open."""
        return self.batch.due()

    def commit(self) -> None:
        with self._clock():
            self.batch.commit()

    def _settle(self) -> None:
        """Before a commit inside a shard: its ``merged_frames`` up to its last stored frame."""
        if self._reading is not None:
            ledger, sid, state = self._reading
            ledger.update(sid, merged_frames=state["settled"])

    def merge(self, ledger: _Ledger, row: dict, path: Path, got: dict) -> None:
        with self._clock():
            self._merge(ledger, row, path, got)

    def _merge(self, ledger: _Ledger, row: dict, path: Path, got: dict) -> None:
        from .batch import store_results
        from .runlog import Failure, Notice

        shard: Shard = row["shard"]
        skip = row["merged_frames"]
        state = {"settled": skip, "current": skip, "position": None}
        self._reading = (ledger, row["id"], state)

        def results():
            n = 0
            for frame in read_frames(path, shard.key):
                if frame[0] == "end":
                    break
                n += 1
                if n <= skip:
                    continue
                state["settled"], state["current"], state["position"] = state["current"], n, frame[1]
                if frame[0] == "failure":
                    _, pos, url, stage, etype, message = frame
                    yield (Notice if etype == InputWarning.__name__ else Failure)(url, stage,
                                                                                  _Recorded.of(etype, message))
                else:
                    yield frame[2]
            state["settled"] = state["current"]

        store_results(results(), self.store, self.log, cut=self.cut, extract_all=self.extract_all,
                      refresh=self.refresh, batch=self.batch,
                      on_stored=lambda article, aid: self.store.set_origin(aid, shard.input, state["position"]))
        self._reading = None
        ledger.update(row["id"], status="merged", merged_frames=state["settled"], merged_at=_now(),
                      counts=json.dumps(got))


class _Recorded(Exception):
    """A failure read back from a shard file: its original type's name and message."""

    _types: dict = {}

    @classmethod
    def of(cls, name: str, message: str) -> Exception:
        t = cls._types.get(name)
        if t is None:
            t = cls._types[name] = type(name, (cls,), {})
        return t(message)


# --------------------------------------------------------------------------- settings
#: Dask settings of a LocalCluster pantau starts (:func:`local_settings`). The worker's statistical
#: profiler (the dashboard's Profile page) samples the running task's stack every 10 ms, and every
#: server's event loop wakes every 20 ms to time itself: on an idle 2-worker cluster the two cost
#: ~0.4 CPU-seconds of every 10 (with Dask's defaults 1.0-1.4), under load 3-9% of the CPU per article
#: (benchmarks/README.md, eleventh pass)
LOCAL_SETTINGS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
}
