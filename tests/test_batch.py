"""The batch runner's failures say what happened: an NLP error on one
article is that article's ExtractError row and the others are stored; a
failed spaCy pass over a chunk that no article repeats alone is recorded,
not dropped. The fault is injected into extractor.nlp.extract_many; the
rest (files, parsing, SQLite) is real."""

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

    return [gc.get_freeze_count()] * len(chunk)


def test_the_workers_fork_with_the_parents_objects_frozen_and_the_parent_thaws_after(monkeypatch):
    """The fork pool's workers inherit the model and lexicons out of the
    collector's reach (gc.freeze before the fork: a worker's collections do not
    copy the pages holding them); the parent's objects are collectable again
    once the pool is gone."""
    import gc

    import extractor.batch as batch

    monkeypatch.setattr(batch, "_work_many", _freeze_counts)
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
