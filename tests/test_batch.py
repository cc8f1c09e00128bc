"""The batch runner's failures say what happened: an NLP error on one
article is that article's ExtractError row and the others are stored; a
failed spaCy pass over a chunk that no article repeats alone is recorded,
not dropped. The fault is injected into extractor.nlp.extract_many; the
rest (files, parsing, SQLite) is real."""

from collections import deque
from pathlib import Path

import pytest

import extractor.nlp as nlp
from extractor.inputs import read_local
from extractor.run import ingest
from extractor.store import Store

TEXT = ("Kapolres Lahat AKBP Budi Santoso memimpin pengamanan pleno rekapitulasi suara Pilkada di Kabupaten "
        "Lahat, Sabtu (30/11/2024). Sebanyak {n} personel gabungan dikerahkan. {mark}\n")


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i, mark in enumerate(["", "MELEDAK", ""]):
        (d / f"{i}.txt").write_text(TEXT.format(n=100 + i, mark=mark), encoding="utf-8")
    return d


def errors(store):
    return [(r["url"].rsplit("/", 1)[-1], r["stage"], r["error_type"], r["message"]) for r in store.db["errors"].rows]


def test_an_nlp_error_is_the_articles_extract_error_and_the_rest_is_stored(folder, tmp_path, monkeypatch):
    real = nlp.extract_many

    def faulty(articles, *a, **k):
        articles = list(articles)
        if any("MELEDAK" in x.text for x in articles):
            raise TypeError("unsupported operand\nsecond line")
        return real(articles, *a, **k)

    monkeypatch.setattr(nlp, "extract_many", faulty)
    with Store(tmp_path / "t.db") as store:
        summary = ingest(store, read_local(folder), extract_all=True)
        assert errors(store) == [("1.txt", "extract", "ExtractError", "extraction failed: TypeError: unsupported operand")]
        assert store.db["articles"].count == 2 and summary.stored == 2 and summary.errors == 1


def test_a_failed_pass_that_no_article_repeats_alone_is_recorded(folder, tmp_path, monkeypatch):
    real = nlp.extract_many

    def batch_only(articles, *a, **k):
        articles = list(articles)
        if len(articles) > 1:
            raise RuntimeError("out of memory")
        return real(articles, *a, **k)

    monkeypatch.setattr(nlp, "extract_many", batch_only)
    with Store(tmp_path / "t.db") as store:
        summary = ingest(store, read_local(folder), extract_all=True)
        assert errors(store) == [("0.txt", "extract", "ExtractError", "extracting a batch of 3 articles in one pass "
                                  "failed (RuntimeError: out of memory); each was extracted alone instead")]
        assert store.db["articles"].count == 3 and summary.extracted == 3 and summary.errors == 1


def _freeze_counts(chunk, cut, extract_all):  # a worker's "results": how many objects it holds frozen
    import gc

    import extractor.batch as batch

    return [gc.get_freeze_count()] * len(chunk.results if isinstance(chunk, batch._Parsed) else chunk)


def test_the_workers_fork_with_the_parents_objects_frozen_and_the_parent_thaws_after(monkeypatch):
    """The fork pool's workers inherit the model and lexicons out of the
    collector's reach (gc.freeze before the fork: a worker's collections do not
    copy the pages holding them); the parent's objects are collectable again
    once the pool is gone."""
    import gc

    import extractor.batch as batch

    monkeypatch.setattr(batch, "_work_any", _freeze_counts)
    monkeypatch.setattr("extractor.nlp.pipeline.load", lambda: None)
    monkeypatch.setattr("extractor.nlp.pipeline.warm", lambda: None)
    monkeypatch.setattr("extractor.html.warm", lambda: None)
    gc.unfreeze()  # (the lexicons' builders of earlier tests froze what they made)
    counts = list(batch._results(iter(range(20)), 2, 0.5, False))
    assert len(counts) == 20 and min(counts) > 1000
    assert gc.get_freeze_count() == 0


def test_one_process_freezes_after_its_first_chunk_and_thaws_at_the_end(monkeypatch):
    import gc

    import extractor.batch as batch

    monkeypatch.setattr(batch, "_work_many", _freeze_counts)
    gc.unfreeze()
    counts = list(batch._results(iter(range(20)), 1, 0.5, False))
    assert counts[:8] == [0] * 8 and min(counts[8:]) > 1000
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_stopped_by_its_writer_ends_its_pool_and_thaws(folder, tmp_path, monkeypatch, workers):
    """extract_and_store closes the results' generator itself: a writer that
    raises leaves nothing frozen (and no pool running) behind it."""
    import gc

    import extractor.batch as batch

    def broken_writer(results, *a, **k):
        next(iter(results))
        raise RuntimeError("disk full")

    monkeypatch.setattr(batch, "store_results", broken_writer)
    gc.unfreeze()
    with Store(tmp_path / "p.db") as store, pytest.raises(RuntimeError):
        ingest(store, read_local(folder), workers=workers)
    assert gc.get_freeze_count() == 0


# --------------------------------------------------------------------------- the head start
# (with several workers, one process parses the first pages while the parent loads the model)
SAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "samples" / "pages"


def _wait_records(head, n: int) -> None:
    """Wait until the head start's process has written ``n`` chunks."""
    import os
    import time

    import extractor.batch as batch

    fd, deadline = head._file.fileno(), time.monotonic() + 60
    while len(batch._records(os.pread(fd, os.fstat(fd).st_size, 0))) < n:
        assert time.monotonic() < deadline, f"the head start did not parse {n} chunks in 60 s"
        time.sleep(0.01)


@pytest.mark.parametrize("head", ["parsed all it took", "took none"])
def test_two_workers_store_what_one_process_stores(tmp_path, monkeypatch, head):
    """``--workers 2`` stores the sample pages as one process does, table by
    table: when the head start's process parsed every page it took (the
    parent waits for it here) and when it takes none."""
    import extractor.batch as batch

    from .test_cluster import dump

    parsed = []
    if head == "took none":
        monkeypatch.setattr(batch, "HEAD_START", 0)
    else:
        chunks = batch._HeadStart.chunks

        def waited(self):
            self._proc.join(60)
            assert self._proc.exitcode == 0
            out = chunks(self)
            parsed.append((sum(isinstance(c, batch._Parsed) for c in out), len(out)))
            return out

        monkeypatch.setattr(batch._HeadStart, "chunks", waited)
    dumps = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            summary = ingest(store, read_local(SAMPLES), workers=workers, extract_all=True)
        assert summary.stored > 40
        dumps.append(dump(tmp_path / f"w{workers}.db"))
    assert dumps[0] == dumps[1]
    if head != "took none":
        assert len(parsed) == 1 and parsed[0][0] == parsed[0][1] > 4  # every chunk came parsed


def _parse_in_order(item):  # a page's "parse": the item and the process that parsed it
    import os
    import signal
    import time

    import extractor.batch as batch

    if not batch._loaded_for_test:  # in the head start's process (forked before the "model" loaded)
        if item == 20:
            time.sleep(60)  # it stops here, in its third chunk
        if item == batch._die_at_for_test:
            os.kill(os.getpid(), signal.SIGKILL)
    return item, os.getpid()


@pytest.fixture
def fake_parse(monkeypatch):
    import extractor.batch as batch

    monkeypatch.setattr(batch, "HEAD_START", 40)
    monkeypatch.setattr(batch, "_loaded_for_test", False, raising=False)
    monkeypatch.setattr(batch, "_die_at_for_test", None, raising=False)
    monkeypatch.setattr(batch, "_parse", _parse_in_order)
    return batch


def test_results_come_in_input_order_from_the_head_start_and_the_workers(fake_parse, monkeypatch):
    """The chunks the head start parsed reach the workers parsed, the chunk it
    was stuck in and the ones after it reach them raw, and the results come in
    input order."""
    import os

    batch = fake_parse
    # (and how many of the chunks handed out first the worker holds: none, its copy is dropped at its start)
    monkeypatch.setattr(batch, "_work_parsed", lambda parsed, cut, extract_all: [
        (i, pid, os.getpid(), len(batch._FIRST)) for i, pid in parsed])
    monkeypatch.setattr("extractor.nlp.pipeline.load", lambda: setattr(batch, "_loaded_for_test", True))
    monkeypatch.setattr("extractor.nlp.pipeline.warm", lambda: None)
    monkeypatch.setattr("extractor.html.warm", lambda: None)
    chunks = batch._HeadStart.chunks

    def two_parsed(self):  # the parent takes the chunks once the first two are parsed
        _wait_records(self, 2)
        return chunks(self)

    monkeypatch.setattr(batch._HeadStart, "chunks", two_parsed)
    results = list(batch._results(iter(range(60)), 2, 0.5, False))
    assert [r[0] for r in results] == list(range(60))
    head = {r[1] for r in results[:16]}
    assert len(head) == 1 and not head & {r[2] for r in results} and os.getpid() not in head
    assert all(parser == worker for _, parser, worker, _ in results[16:])
    assert {held for *_, held in results} == {0} and not batch._FIRST and not batch._HEAD


@pytest.mark.parametrize("end", ["stuck", "killed"])
def test_the_head_start_hands_over_what_it_wrote_and_the_rest_raw_and_ends_its_process(fake_parse, end):
    import multiprocessing as mp

    batch = fake_parse
    if end == "killed":
        batch._die_at_for_test = 12  # in its second chunk
    items = iter(range(60))
    with batch._HeadStart(items) as head:
        pid = head._proc.pid
        if end == "stuck":
            _wait_records(head, 2)
        else:
            head._proc.join(60)
            assert head._proc.exitcode == -9
        out = head.chunks()
        assert head._proc is None and head._file is None and not head._raw
    done = 2 if end == "stuck" else 1
    assert out[:done] == [batch._Parsed([(i, pid) for i in range(8 * k, 8 * k + 8)]) for k in range(done)]
    assert out[done:] == [list(range(8 * k, 8 * k + 8)) for k in range(done, 5)]
    assert list(items) == list(range(40, 60))  # HEAD_START items were taken, no more
    assert pid not in {p.pid for p in mp.active_children()} and not batch._HEAD


def test_the_head_start_takes_its_items_until_their_pages_reach_its_bytes(monkeypatch):
    import extractor.batch as batch
    from extractor.inputs import RawPage

    monkeypatch.setattr(batch, "HEAD_START_BYTES", 25)
    pages = iter([RawPage(f"https://x.example/{i}", b"0123456789") for i in range(10)])
    assert [p.url for p in batch._head(pages)] == [f"https://x.example/{i}" for i in range(3)]  # 30 bytes
    assert len(list(pages)) == 7


def test_a_record_cut_short_is_not_read():
    import extractor.batch as batch

    def record(blob: bytes) -> bytes:
        return len(blob).to_bytes(8, "little") + blob

    data = record(b"one") + record(b"") + record(b"three")
    assert batch._records(data) == [b"one", b"", b"three"]
    assert batch._records(data[:-1]) == [b"one", b""]
    assert batch._records(data[:-6]) == [b"one", b""]
    assert batch._records(b"") == []


@pytest.mark.parametrize("refused", ["fork", "temporary file"])
def test_without_a_fork_or_a_temporary_file_there_is_no_head_start(fake_parse, monkeypatch, refused):
    """A head start is an optimisation: when its process cannot start, or it
    has no temporary file, every chunk goes to the workers as read, and
    nothing is left behind."""
    import multiprocessing.process as process
    import tempfile

    batch = fake_parse

    def refuse(*a, **k):
        raise OSError(f"{refused}: Resource temporarily unavailable")

    if refused == "fork":
        monkeypatch.setattr(process.BaseProcess, "start", refuse)
    else:
        monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    with batch._HeadStart(iter(range(20))) as head:
        assert head._proc is None and head._file is None and not batch._HEAD
        assert head.chunks() == [list(range(8)), list(range(8, 16)), list(range(16, 20))]


def test_a_ctrl_c_as_the_head_start_forks_is_the_runs_and_leaves_nothing(fake_parse, monkeypatch):
    import multiprocessing.process as process

    batch = fake_parse

    def interrupted(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(process.BaseProcess, "start", interrupted)
    head = batch._HeadStart(iter(range(20)))
    with pytest.raises(KeyboardInterrupt):
        head.__enter__()
    assert head._proc is None and head._file is None and not batch._HEAD
