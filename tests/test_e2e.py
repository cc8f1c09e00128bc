"""End to end: the demo site over real local HTTP into a temporary SQLite
file, twice, with the same result."""

from extractor.config import Settings
from extractor.demo import demo_settings
from extractor.run import run_batch
from extractor.store import Store


def test_demo_crawl_twice_same_database(demo_server, db_path):
    settings = demo_settings(demo_server.base, Settings())
    with Store(db_path) as store:
        s1, _ = run_batch(settings, store)
        counts = store.counts()
        s2, _ = run_batch(settings, store)
        again = store.counts()
    assert (s1.fetched, s1.stored, s1.relevant, s1.errors) == (3, 3, 2, 0)
    assert s2.fetched == 0 and s2.skipped == 3
    assert {k: v for k, v in counts.items() if k != "runs"} == {k: v for k, v in again.items() if k != "runs"}
    assert counts["articles"] == 3 and counts["officials"] == 4


def test_demo_refresh_replaces_not_duplicates(demo_server, db_path):
    settings = demo_settings(demo_server.base, Settings())
    with Store(db_path) as store:
        run_batch(settings, store)
        before = store.counts()
        run_batch(settings, store, refresh=True)
        after = store.counts()
        names = {r["name"] for r in store.db["officials"].rows}
    assert {k: v for k, v in before.items() if k != "runs"} == {k: v for k, v in after.items() if k != "runs"}
    assert {"Jhoni Eka Putra", "RTM Situmorang"} <= names


def test_failures_become_error_rows_and_the_batch_goes_on(demo_server, db_path):
    settings = demo_settings(demo_server.base, Settings())
    src = settings.sources[0]
    from extractor.types import Source

    broken = Source("broken", urls=(demo_server.base + "/missing.html", demo_server.base + "/robots.txt"))
    settings = settings.replace(sources=(src, broken), retries=0)
    with Store(db_path) as store:
        summary, _ = run_batch(settings, store)
        errors = {(r["url"].rsplit("/", 1)[1], r["stage"]) for r in store.db["errors"].rows}
    assert summary.stored == 3
    assert errors == {("missing.html", "fetch"), ("robots.txt", "fetch")}
