"""SQLite store: schema, idempotency, replacement, errors, versions. A real
file per test."""

import sqlite3

import pytest

from extractor.errors import SchemaVersionError
from extractor.store import SCHEMA_VERSION, Store
from extractor.types import Article, Extraction, Official, Place


def _ex(art, officials=("Jhoni Eka Putra",)):
    return Extraction(
        article=art,
        officials=tuple(Official(n, rank="AKBP", institution="Polri", position="Kapolres",
                                 unit="Polres Muara Enim", degrees=("S.H.",), mentions=((0, 5),)) for n in officials),
        places=(Place("Muara Enim", "kabupaten", "16.03", "Sumatera Selatan", ((6, 16),)),),
        extractor_version="t", model_version="m",
    )


ART = Article(url="https://x.example/a", text="Jhoni Muara Enim aman.", title="A", published="2024-11-30")


def test_schema_wal_and_fts(db_path):
    with Store(db_path) as s:
        assert s.schema_version == SCHEMA_VERSION
        s.save(ART, 0.9, _ex(ART))
    conn = sqlite3.connect(db_path)
    assert conn.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert conn.execute("select count(*) from articles_fts where articles_fts match 'aman'").fetchone()[0] == 1


def test_saving_twice_adds_nothing(db_path):
    with Store(db_path) as s:
        s.save(ART, 0.9, _ex(ART))
        first = s.counts()
        s.save(ART, 0.9, _ex(ART))
        assert s.counts() == first
        assert s.is_current(ART)


def test_changed_article_replaces_its_rows(db_path):
    with Store(db_path) as s:
        s.save(ART, 0.9, _ex(ART, ("Jhoni Eka Putra", "RTM Situmorang")))
        assert s.db["officials"].count == 2
        changed = Article(**{**ART.__dict__, "text": ART.text + " Lagi."})
        s.save(changed, 0.9, _ex(changed))
        assert s.db["official_mentions"].count == 1
        assert s.db["officials"].count == 1  # the person no article mentions any more is gone
        assert [r["first_seen"] for r in s.db["officials"].rows] == ["2024-11-30"]


def test_one_person_across_articles(db_path):
    with Store(db_path) as s:
        s.save(ART, 0.9, _ex(ART))
        b = Article(url="https://x.example/b", text="Jhoni lagi.", published="2024-12-05")
        s.save(b, 0.9, _ex(b))
        row = next(s.db["officials"].rows)
        assert s.db["officials"].count == 1
        assert (row["first_seen"], row["last_seen"]) == ("2024-11-30", "2024-12-05")


def test_errors_are_rows(db_path):
    with Store(db_path) as s:
        s.record_error("https://x.example/bad", "parse", ValueError("no text"))
        row = next(s.db["errors"].rows)
    assert (row["url"], row["stage"], row["error_type"], row["message"]) == (
        "https://x.example/bad", "parse", "ValueError", "no text")


def test_newer_or_foreign_database_is_refused_untouched(db_path, tmp_path):
    with Store(db_path) as s:
        s.db["meta"].update("schema_version", {"value": str(SCHEMA_VERSION + 1)})
    with pytest.raises(SchemaVersionError):
        Store(db_path)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("create table mine (x)")
    conn.commit()
    with pytest.raises(SchemaVersionError):
        Store(other)
    assert sqlite3.connect(other).execute("select name from sqlite_master").fetchall() == [("mine",)]


def _one(art, name, **kw):
    return Extraction(article=art, officials=(Official(name, mentions=((0, 5),), **kw),), extractor_version="t")


def test_same_name_is_one_person_unless_history_says_otherwise(db_path):
    arts = [Article(url=f"https://x.example/{i}", text=f"Teks {i} Budi Santoso.", published=f"2024-11-{10 + i}")
            for i in range(5)]
    with Store(db_path) as s:
        # a police officer transferred to another province, one rank up: the same person
        s.save(arts[0], 0.9, _one(arts[0], "Budi Santoso", institution="Polri", rank="AKP", rank_order=15,
                                  region_code="16.03"))
        s.save(arts[1], 0.9, _one(arts[1], "Budi Santoso", institution="Polri", rank="Kompol", rank_order=16,
                                  region_code="32.04"))
        # a Bharada with the same name: another person
        s.save(arts[2], 0.9, _one(arts[2], "Budi Santoso", institution="Polri", rank="Bharada", rank_order=1))
        # KPU chairs with the same name in two provinces: two people
        s.save(arts[3], 0.9, _one(arts[3], "Budi Santoso", institution="KPU", region_code="11.01"))
        s.save(arts[4], 0.9, _one(arts[4], "Budi Santoso", institution="KPU", region_code="51.02"))
        rows = sorted((r["institution"], r["rank"]) for r in s.db["officials"].rows)
    assert rows == [("KPU", None), ("KPU", None), ("Polri", "Bharada"), ("Polri", "Kompol")]


def _latest_from_mentions(s: Store) -> list[tuple]:
    """Every officials row as its mentions make it: the latest mention's (published, then id) rank,
    post and region, first and last seen (the published days), the latest published value."""
    out = []
    for (oid,) in s.db.execute("select id from officials order by id").fetchall():
        ms = s.db.execute("select m.id, a.published, m.rank, m.position, m.unit, m.rank_order, m.region, "
                          "m.region_code from official_mentions m join articles a on a.id = m.article_id "
                          "where m.official_id = ?", [oid]).fetchall()
        latest = max(ms, key=lambda m: (m[1] or "", m[0]))
        days = [m[1][:10] for m in ms if m[1]]
        out.append((oid, *latest[2:], (latest[7] or "").split(".")[0] or None,
                    min(days) if days else None, max(days) if days else None,
                    max((m[1] for m in ms if m[1]), default=None)))
    return out


@pytest.mark.parametrize("batched", [False, True])
def test_a_persons_row_follows_the_latest_mention(db_path, batched):
    # the same officer in articles published out of order: later and earlier days, the same day at
    # other times, a bare day, no date; rank, post and region from the latest, whatever the order stored
    published = ["2024-11-12T10:00:00+07:00", "2024-11-14", None, "2024-11-14T08:00:00+07:00", "2024-11-10",
                 "2024-11-14T09:00:00+07:00", "2024-11-14T09:00:00+07:00", None, "2024-11-13T23:00:00+07:00",
                 "2024-11-14", "2024-11-16T07:00:00+07:00", "2024-11-11"]
    items = []
    for i, pub in enumerate(published):
        art = Article(url=f"https://x.example/p{i}", text=f"Teks {i} Budi Santoso.", published=pub)
        ex = _one(art, "Budi Santoso", institution="Polri", rank=("AKP", "Kompol")[i % 2], rank_order=15 + i % 2,
                  position=f"Kasat {i}", unit=f"Polres {i}", region_code=f"{16 + i % 3}.0{i % 5 + 1}")
        items.append((art, 0.9, ex, None))
    with Store(db_path) as s:
        for k, item in enumerate(items):
            if batched and k % 4 == 0:
                s.save_many(items[k:k + 4])
            elif not batched:
                s.save(*item[:3])
            rows = s.db.execute("select id, rank, position, unit, rank_order, region, region_code, province, "
                                "first_seen, last_seen, latest_published from officials order by id").fetchall()
            assert len(rows) == 1 and rows == _latest_from_mentions(s), (k, published[k])
        assert rows[0][-3:] == ("2024-11-10", "2024-11-16", "2024-11-16T07:00:00+07:00")
        # each stored again on its own date with another post: the row follows its mentions (an
        # article that cannot have made the row leaves it to the new mentions, the others remake it)
        for k, item in enumerate(items):
            art = Article(**{**item[0].__dict__, "text": item[0].text + " Ulang."})
            s.save(art, 0.9, _one(art, "Budi Santoso", institution="Polri", rank=("Kompol", "AKP")[k % 2],
                                  rank_order=16 - k % 2, position=f"Wakapolres {k}", unit=f"Polres {k}"))
            assert s.db.execute("select id, rank, position, unit, rank_order, region, region_code, province, "
                                "first_seen, last_seen, latest_published from officials order by id"
                                ).fetchall() == _latest_from_mentions(s), (k, published[k])
        # stored again with other dates: the row follows its mentions again
        for k in (10, 3):
            art = Article(**{**items[k][0].__dict__, "published": "2024-11-09", "text": items[k][0].text + " Lagi."})
            s.save(art, 0.9, _one(art, "Budi Santoso", institution="Polri", rank="AKP", rank_order=15, position="X"))
            assert s.db.execute("select id, rank, position, unit, rank_order, region, region_code, province, "
                                "first_seen, last_seen, latest_published from officials order by id").fetchall() == _latest_from_mentions(s)


def test_opening_the_store_leaves_pandas_unimported():
    # sqlite-utils would import pandas (~0.6 s of CPU at every start) only to map its Timestamp
    import subprocess
    import sys

    code = ("import sys, extractor.store, extractor.batch; assert 'pandas' not in sys.modules, 'pandas imported'; "
            "import pandas")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-500:]


# --------------------------------------------------------------------------- the batch writer
_WORDS = ("pengamanan rapat pleno rekapitulasi suara pilkada kabupaten kantor komisi pemilihan umum personel "
          "gabungan polres kodim satpol disiagakan sejak pagi hingga malam hari warga diminta menjaga "
          "ketertiban selama tahapan berlangsung").split()


def _article(n: int, variant: int = 0, url: str = "") -> tuple:
    """A long article (it has a near-duplicate signature) with officials, places, dates, an event with
    actors and a quote; ``variant`` changes some of its words; the same ``n`` is the same text."""
    from extractor.types import DateMention, Event, Quote

    words = [_WORDS[(n * 7 + i * (3 + variant)) % len(_WORDS)] for i in range(120)]
    names = (f"Ahmad Putra {n % 5}", f"Budi Santoso {n % 3}")
    text = f"{names[0]} dan {names[1]} di Muara Enim. " + " ".join(words) + f" Sabtu (30/11/2024). nomor {n}"
    text = text if variant == 0 else text.replace("nomor", f"versi {variant} nomor")
    art = Article(url=url or f"https://x.example/{n}", text=text, title=f"Judul {n}", published="2024-11-30")
    a, b = len(names[0]), len(names[0]) + 5
    ex = Extraction(
        article=art,
        officials=(Official(names[0], rank="AKBP", institution="Polri", position="Kapolres", unit="Polres Muara Enim",
                            region="Muara Enim", region_code="16.03", rank_order=12, mentions=((0, a),)),
                   Official(names[1], rank="Letkol", institution="TNI", position="Dandim", unit="Kodim 0404/Muara Enim",
                            mentions=((b, b + len(names[1])),))),
        places=(Place("Muara Enim", "kabupaten", "16.03", "Sumatera Selatan", ((b + len(names[1]) + 4,
                                                                               b + len(names[1]) + 14),)),),
        dates=(DateMention("2024-11-30", "Sabtu (30/11/2024)", len(text) - 30, len(text) - 12),),
        events=(Event("security_deployment", "pengamanan", 0, 20, date="2024-11-30", place="Muara Enim",
                      place_code="16.03", actors=(names[0], "Polres Muara Enim"), forces=("Polri",), personnel=120),),
        quotes=(Quote("Kami siaga", 0, 10, speaker=names[0]),),
        extractor_version="t", model_version="m")
    return art, 0.9, ex


def _dump(path) -> dict:
    """Every table but the run's own columns (times, run ids), in row order."""
    conn = sqlite3.connect(path)
    out = {}
    for (t,) in conn.execute("select name from sqlite_master where type = 'table' and name not like 'articles_fts%' "
                             "and name != 'runs'"):
        cols = [c[1] for c in conn.execute(f"pragma table_info([{t}])") if c[1] not in ("stored_at", "run_id", "at")]
        out[t] = conn.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{t}] order by rowid").fetchall()
    out["fts"] = conn.execute("select rowid, title, text from articles_fts order by rowid").fetchall()
    # the index itself (the query above reads the articles table: the index is external-content)
    conn.execute("create virtual table temp.fts_terms using fts5vocab(main, articles_fts, instance)")
    out["fts index"] = conn.execute("select term, doc, col, offset from temp.fts_terms "
                                    "order by term, doc, col, offset").fetchall()
    conn.close()
    return out


def _fail_on(s: Store, name: str) -> None:
    """A real SQLite failure inside one article's statements (after some of its rows are written)."""
    s.db.execute(f"create trigger fail_{len(name)} before insert on event_actors when new.name = '{name}' "
                 "begin select raise(abort, 'refused'); end")


def test_a_batch_stores_what_one_article_at_a_time_stores(tmp_path):
    """The batch writer (rows of many articles inserted together at the commit) against Store.save
    (each article alone): new articles, near-duplicate copies within the batch, an article stored
    again unchanged and changed (also twice in one batch), and articles that fail, new and stored
    again, rolled back alone: the same rows with the same ids in every table."""
    from dataclasses import replace

    def steps():
        for n in range(12):
            yield _article(n)
        yield _article(3, url="https://copy.example/3")  # a near-duplicate of an article of this batch
        yield _article(14, variant=1)
        yield replace(_article(15)[0], url="https://x.example/short", text="Terlalu pendek."), 0.2, None
        fail = _article(16)
        yield fail[0], fail[1], replace(fail[2], events=(replace(fail[2].events[0], actors=("Gagal",)),))
        yield "commit"
        yield _article(2)  # unchanged
        yield _article(4, variant=2, url="https://x.example/4")  # changed
        yield _article(20)
        yield _article(20, variant=3, url="https://x.example/20")  # changed within the batch
        yield _article(11, variant=1, url="https://x.example/11")  # the last article of the last commit, changed
        bad = _article(5, variant=1, url="https://x.example/5")  # stored before, fails now: its old rows stay
        yield bad[0], bad[1], replace(bad[2], events=(replace(bad[2].events[0], actors=("Gagal",)),))
        yield _article(21)
        yield _article(21, url="https://copy.example/21")

    with Store(tmp_path / "one.db") as one:
        _fail_on(one, "Gagal")
        failed_one = []
        for step in steps():
            if step != "commit":
                try:
                    one.save(*step)
                except Exception as exc:  # noqa: BLE001 - the StoreError of the refused article
                    failed_one.append(type(exc).__name__)
    with Store(tmp_path / "many.db") as many:
        _fail_on(many, "Gagal")
        failed_many = []
        b = many.batch(64)
        with b:
            for step in steps():
                if step == "commit":
                    b.commit()
                    continue
                aid, err = b.save(*step)
                if err is not None:
                    failed_many.append(type(err).__name__)
    assert failed_one == failed_many == ["StoreError", "StoreError"]
    a, b = _dump(tmp_path / "one.db"), _dump(tmp_path / "many.db")
    assert a["articles"] and a["article_bands"] and a["event_units"]
    with Store(tmp_path / "many.db") as many:
        clusters = [r[0] for r in many.db.execute("select cluster_id from articles")]
    assert len(set(clusters)) < len(clusters), "copies share a cluster"
    for table in a:
        assert b[table] == a[table], table


def test_a_batch_indexes_its_articles_full_text_at_the_commit_and_other_writers_at_once(tmp_path):
    """A batch inserts its new articles' full-text rows itself when it commits (its
    transaction holds meta.fts_deferred, which the insert trigger reads); the flag is
    never committed, so an article inserted by another connection is indexed at once,
    and a batch rolled back leaves neither rows nor the flag."""
    from extractor.store.deferred import FTS_DEFERRED

    def found(conn, word):
        return [r[0] for r in conn.execute("select rowid from articles_fts where articles_fts match ?", [word])]

    def flag(conn):
        return conn.execute("select count(*) from meta where key = ?", [FTS_DEFERRED]).fetchone()[0]

    with Store(tmp_path / "f.db") as s:
        with s.batch(64) as b:
            for n in range(3):
                b.save(*_article(n))
            assert flag(s.db.conn) == 1 and found(s.db.conn, "Enim") == []  # waiting for the commit
        assert flag(s.db.conn) == 0 and found(s.db.conn, "Enim") == [1, 2, 3]
        other = sqlite3.connect(tmp_path / "f.db")
        with other:
            other.execute("insert into articles (url, title, text) values ('https://other.example/1', 'Lain', "
                          "'Patroli gabungan di Lahat')")
        assert found(other, "Lahat") == [4]
        try:
            with s.batch(64) as b:
                b.save(*_article(7))
                raise RuntimeError("stop")
        except RuntimeError:
            pass
        assert flag(s.db.conn) == 0 and found(s.db.conn, "Enim") == [1, 2, 3]
        with other:
            other.execute("insert into articles (url, title, text) values ('https://other.example/2', 'Lain', "
                          "'Patroli gabungan di Lahat')")
        assert found(other, "Lahat") == [4, 5]
        other.close()


def test_an_article_saved_alone_while_a_batch_is_open_and_a_commit_inside_a_batch_keep_the_index_whole(tmp_path):
    """Store.save while a batch holds meta.fts_deferred indexes its article itself; a commit of the
    connection in the middle of a batch (which commits the flag with it) is undone at the batch's
    commit, so the flag never stays and other writers' articles are still indexed."""
    from extractor.store.deferred import FTS_DEFERRED

    def found(conn, word):
        return sorted(r[0] for r in conn.execute("select rowid from articles_fts where articles_fts match ?", [word]))

    with Store(tmp_path / "f.db") as s:
        with s.batch(64) as b:
            b.save(*_article(1))
            s.save(*_article(2))
            b.save(*_article(3))
        assert found(s.db.conn, "Enim") == [1, 2, 3]
        with s.batch(64) as b:
            b.save(*_article(4))
            s.db.conn.commit()  # a caller's commit after the batch's last article: the flag goes with it
        assert s.db.execute("select count(*) from meta where key = ?", [FTS_DEFERRED]).fetchone()[0] == 0
        other = sqlite3.connect(tmp_path / "f.db")
        with other:
            other.execute("insert into articles (url, title, text) values ('https://other.example/1', 'Lain', "
                          "'Patroli gabungan di Lahat')")
        assert found(other, "Lahat") == [5]
        other.close()


def test_a_batch_writes_with_the_writers_page_cache_and_sets_the_connection_back(tmp_path):
    """While a batch is open its transaction's changed pages fit in the cache
    (WRITER_CACHE_KIB, not SQLite's 2 MiB: spilled pages were written again
    and again); the connection's own settings return when it ends."""
    from extractor.store import WRITER_CACHE_KIB

    with Store(tmp_path / "c.db") as store:
        conn = store.db.conn
        conn.execute("PRAGMA cache_size = -3000")
        seen = []
        with store.batch(64) as b:
            seen.append(conn.execute("PRAGMA cache_size").fetchone()[0])
            b.save(*_article(1))
            seen.append(conn.execute("PRAGMA cache_size").fetchone()[0])
        assert seen == [-WRITER_CACHE_KIB] * 2
        assert WRITER_CACHE_KIB >= 64 * 1024
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == -3000
        assert store.db.execute("select count(*) from articles").fetchone()[0] == 1


def test_a_batch_says_when_its_open_transaction_is_due_and_takes_a_callers_rows(tmp_path):
    """``due``: None with nothing open, the rest of ``seconds`` once an article is written,
    0 for a transaction holding only other rows; ``Store.write`` goes into the open
    transaction (committed with it, rolled back with it) or commits on its own."""
    with Store(tmp_path / "d.db") as store:
        store.db.execute("create table ledger (n integer)")
        store.write("insert into ledger values (?)", [1])  # no batch: committed on its own
        with store.batch(64, seconds=30) as b:
            assert b.due() is None
            store.write("insert into ledger values (?)", [2])
            assert b.due() == 0.0
            b.save(*_article(1))
            assert 29 < b.due() <= 30
            b.commit()
            assert b.due() is None
        with pytest.raises(RuntimeError):
            with store.batch(64):
                store.write("insert into ledger values (?)", [3])
                raise RuntimeError
        assert [r[0] for r in store.db.execute("select n from ledger")] == [1, 2]


def test_the_migration_gives_each_person_the_latest_published_value_of_its_mentions(db_path):
    """Migration 17 on a database written before it: officials.latest_published, as the
    writer keeps it since, from the mentions (the greatest published value, as written)."""
    from extractor.store import migrations

    dates = ["2024-11-14T09:00:00+07:00", "2024-11-14", None, "2024-11-14T10:30:00+07:00", "2024-11-12"]
    with Store(db_path) as s:
        for i, pub in enumerate(dates):
            art = Article(url=f"https://x.example/m{i}", text=f"Teks {i} Budi Santoso.", published=pub)
            s.save(art, 0.9, _one(art, "Budi Santoso", institution="Polri", rank="AKP", rank_order=15))
        art = Article(url="https://x.example/other", text="Teks Ahmad Yani.", published=None)
        s.save(art, 0.9, _one(art, "Ahmad Yani", institution="TNI", rank="Mayor", rank_order=14))
        written = s.db.execute("select name, latest_published from officials order by id").fetchall()
        # the database as pantau wrote it before migration 17
        s.db.execute("alter table officials drop column latest_published")
        s.db.execute("update meta set value = '16' where key = 'schema_version'")
        s.db.execute("pragma user_version = 16")
        s.db.conn.commit()
    with Store(db_path) as s:
        assert s.schema_version == migrations.SCHEMA_VERSION >= 17
        migrated = s.db.execute("select name, latest_published from officials order by id").fetchall()
    assert migrated == written == [("Budi Santoso", "2024-11-14T10:30:00+07:00"), ("Ahmad Yani", None)]
