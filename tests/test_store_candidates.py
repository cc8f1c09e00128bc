"""Candidates in the store: a table made by its own migration, one row per
person and article, replaced with the article's other records."""

import json

from extractor.store import Store
from extractor.types import Article, Candidate, Extraction

TEXT = "Debat diikuti paslon nomor urut 2 Bursah Zarnubi-Widia Ningsih di Lahat."


def _extraction(text=TEXT, names=("Bursah Zarnubi", "Widia Ningsih")):
    art = Article(url="https://example.test/c", text=text, title="Debat")
    cands = tuple(Candidate(n, office=o, number=2, region="Lahat", region_code="16.04", running_mate=m,
                            mentions=((text.index(n), text.index(n) + len(n)),))
                  for n, o, m in zip(names, ("Bupati", "Wakil Bupati"), names[::-1]))
    return art, Extraction(article=art, candidates=cands, extractor_version="t", model_version="m")


def test_candidates_are_stored_and_replaced(db_path):
    art, ex = _extraction()
    with Store(db_path) as s:
        assert "candidates" in s.db.table_names()
        s.save(art, 0.9, ex)
        rows = list(s.db.query("select name, office, number, region_code, running_mate, text, mentions "
                               "from candidates order by id"))
        assert [(r["name"], r["office"], r["number"], r["region_code"], r["running_mate"], r["text"]) for r in rows] \
            == [("Bursah Zarnubi", "Bupati", 2, "16.04", "Widia Ningsih", "Bursah Zarnubi"),
                ("Widia Ningsih", "Wakil Bupati", 2, "16.04", "Bursah Zarnubi", "Widia Ningsih")]
        s_, e_ = json.loads(rows[0]["mentions"])[0]
        assert TEXT[s_:e_] == "Bursah Zarnubi"
        # the same URL stored again: its rows are replaced, not added to
        art2, ex2 = _extraction(TEXT.replace("Widia Ningsih", "Rina Sari"), ("Bursah Zarnubi", "Rina Sari"))
        s.save(art2, 0.9, ex2)
        assert [r["name"] for r in s.db.query("select name from candidates order by id")] == \
            ["Bursah Zarnubi", "Rina Sari"]
        assert s.counts()["candidates"] == 2


def test_an_older_database_gets_the_table(db_path):
    from extractor.store import migrations

    mine = [fn for _, fn in migrations.MIGRATIONS].index(migrations._migrate_candidates)
    older = migrations.MIGRATIONS[:mine]
    db = __import__("sqlite_utils").Database(db_path)
    for version, fn in older:
        fn(db)
    db["meta"].insert({"key": "schema_version", "value": str(max(v for v, _ in older))}, pk="key")
    db.close()
    with Store(db_path) as s:
        assert s.schema_version == migrations.SCHEMA_VERSION
        assert "candidates" in s.db.table_names()
