"""Near-duplicates: signatures, cluster choice, and clusters in the store
across outlets and runs (syndicated sample pages, distinct dev stories)."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path

import pytest

import extractor.store.articles as store_articles
import extractor.store.migrations as migrations
from extractor import dedup
from extractor.html import article_from_pages, article_from_text
from extractor.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpus" / "samples"
COPIES = {"polri-155-ribu": {"humaspolri-155ribu", "lampost-polri-copy", "cepos-polri-copy"},
          "sumsel-rakor-psu": {"tribratanews-rakor", "generic-wp-syndicated"}}


@pytest.fixture(scope="module")
def samples():
    out = {}
    for line in (SAMPLES / "expected.jsonl").read_text("utf-8").splitlines():
        x = json.loads(line)
        art = article_from_pages([(SAMPLES / f).read_bytes() for f in x["files"]], x["url"])
        out[x["id"]] = replace(art, source=x["outlet"])
    return out


@pytest.fixture(scope="module")
def dev_texts():
    rows = [json.loads(line) for line in (ROOT / "corpus" / "dev" / "gold.jsonl").read_text("utf-8").splitlines()]
    return {g["id"]: article_from_text(g["article"]["text"], title=g["article"]["title"]).text for g in rows}


def test_signature_basics():
    text = "Polres Lahat mengamankan rapat pleno rekapitulasi suara di kantor KPU Lahat pada Senin pagi."
    a, b = dedup.signature(text), dedup.signature(text.upper() + "!!")
    assert a is not None and len(a.values) == 8 * dedup.NUM_PERM and len(a.bands) == dedup.BANDS
    assert dedup.similarity(a, b) == 1.0 and a.bands == b.bands  # case and punctuation do not matter
    assert dedup.signature("Terlalu pendek untuk dibandingkan.") is None
    assert dedup.from_bytes(a.values) == a
    other = dedup.signature("Festival layang-layang di Pantai Padang Galak Sanur ramai dikunjungi wisatawan asing.")
    assert dedup.similarity(a, other) < 0.1


def test_minhash_gives_datasketchs_values(dev_texts):
    # dedup computes the MinHash itself (one numpy pass); the values must stay datasketch's, so
    # signatures stored before keep matching new ones
    from datasketch import MinHash

    for text in list(dev_texts.values())[:40]:
        sh = dedup.shingles(text)
        m = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED, scheme="affine32")
        m.update_batch(sorted(sh))
        assert dedup.minhash(sh).tolist() == m.hashvalues.tolist()
        assert dedup.signature(text).values == m.hashvalues.astype("<u8").tobytes()


def test_choose_cluster():
    assert dedup.choose_cluster(7, []) == (7, [])
    assert dedup.choose_cluster(7, [(3, None, 0.2)]) == (7, [])
    assert dedup.choose_cluster(7, [(3, None, 0.9)]) == (3, [])
    assert dedup.choose_cluster(7, [(3, 2, 0.9), (5, 5, 0.6), (6, 2, 0.1)]) == (2, [5])


def test_syndicated_samples_are_near_duplicates_and_nothing_else_is(samples, dev_texts):
    sigs = {k: dedup.signature(a.text) for k, a in samples.items()}
    sigs.update({k: dedup.signature(t) for k, t in dev_texts.items()})
    for group in COPIES.values():
        for a, b in itertools.combinations(sorted(group), 2):
            assert dedup.similarity(sigs[a], sigs[b]) >= dedup.THRESHOLD + 0.1, (a, b)
            assert set(sigs[a].bands) & set(sigs[b].bands), (a, b)  # found as LSH candidates
    copies = {frozenset(p) for g in COPIES.values() for p in itertools.combinations(g, 2)}
    worst = max((dedup.similarity(sigs[a], sigs[b]), a, b) for a, b in itertools.combinations(sigs, 2)
                if frozenset((a, b)) not in copies)
    assert worst[0] < dedup.THRESHOLD - 0.2, worst


def test_store_clusters_copies_across_outlets_and_runs(samples, tmp_path):
    db = tmp_path / "d.db"
    first = [k for k in samples if k not in ("cepos-polri-copy", "generic-wp-syndicated")]
    with Store(db) as store:
        ids = {k: store.save(samples[k], 0.5, None) for k in first}
    with Store(db) as store:  # a later run brings two more copies
        ids["cepos-polri-copy"] = store.save(samples["cepos-polri-copy"], 0.5, None)
        ids["generic-wp-syndicated"] = store.save(samples["generic-wp-syndicated"], 0.5, None)
        cluster = {r["id"]: r["cluster_id"] for r in store.db.query("select id, cluster_id from articles")}
        stories = list(store.db.query("select * from stories"))
    assert all(c is not None for c in cluster.values())
    by_id = {k: cluster[i] for k, i in ids.items()}
    for group in COPIES.values():
        assert len({by_id[k] for k in group}) == 1, group
        assert by_id[next(iter(group))] == min(ids[k] for k in group if k in first)  # the first copy's id
    others = [k for k in ids if not any(k in g for g in COPIES.values())]
    assert len({by_id[k] for k in others}) == len(others)
    assert len(stories) == len(ids) - sum(len(g) - 1 for g in COPIES.values())
    polri = next(s for s in stories if s["cluster_id"] == by_id["humaspolri-155ribu"])
    assert polri["articles"] == 3 and polri["outlets"] == 3  # every copy kept with its outlet


def test_resave_and_changed_text(samples, tmp_path):
    with Store(tmp_path / "r.db") as store:
        a = store.save(samples["humaspolri-155ribu"], 0.5, None)
        b = store.save(samples["lampost-polri-copy"], 0.5, None)
        store.save(samples["humaspolri-155ribu"], 0.5, None)  # refresh: same text, same cluster
        assert {r["cluster_id"] for r in store.db.query("select cluster_id from articles")} == {a}
        changed = replace(samples["humaspolri-155ribu"], text=samples["balipost-layang"].text)
        store.save(changed, 0.1, None)  # the anchor's text changes: the copy keeps a cluster of its own
        rows = {r["id"]: r["cluster_id"] for r in store.db.query("select id, cluster_id from articles")}
    assert rows == {a: a, b: b}


def test_an_article_bridging_two_clusters_merges_them(tmp_path):
    a = ("Polres Lahat menerjunkan dua ratus personel gabungan untuk mengamankan rapat pleno rekapitulasi suara "
         "di kantor KPU Lahat sejak pagi hari dengan pola terbuka dan tertutup. ")
    b = ("Kapolres Lahat meminta seluruh personel bersikap humanis namun tegas kepada siapa pun yang mencoba "
         "mengganggu jalannya pleno maupun mengerahkan massa ke sekitar lokasi. ")
    c = ("Ketua KPU Lahat menyebut rekapitulasi tingkat kabupaten ditargetkan rampung dalam dua hari karena "
         "saksi seluruh pasangan calon sudah hadir lengkap di ruang pleno.")
    left, right, bridge = a + b, b + c, a + b + c
    far = "Festival layang-layang tradisional di Pantai Padang Galak Sanur ramai dikunjungi wisatawan mancanegara."
    assert dedup.similarity(dedup.signature(left), dedup.signature(right)) < dedup.THRESHOLD
    with Store(tmp_path / "b.db") as store:
        ids = [store.save(article_from_text(t, f"u{i}"), 0.5, None) for i, t in enumerate((left, right, far))]
        before = {r["id"]: r["cluster_id"] for r in store.db.query("select id, cluster_id from articles")}
        store.save(article_from_text(bridge, "u3"), 0.5, None)
        after = {r["id"]: r["cluster_id"] for r in store.db.query("select id, cluster_id from articles")}
    assert before == {i: i for i in ids}
    assert after[ids[0]] == after[ids[1]] == ids[0] and after[ids[2]] == ids[2]


def test_migration_clusters_articles_stored_before(samples, tmp_path, monkeypatch):
    db = tmp_path / "old.db"
    mine = [fn for _, fn in migrations.MIGRATIONS].index(migrations._migrate_article_metadata)
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:mine])
    with Store(db) as store:
        for i, k in enumerate(("humaspolri-155ribu", "balipost-layang", "lampost-polri-copy")):
            a = samples[k]
            store.db["articles"].insert({"url": a.url, "text": a.text, "title": a.title})
        assert "article_signatures" not in store.db.table_names()
    monkeypatch.undo()
    with Store(db) as store:
        assert store.schema_version == migrations.SCHEMA_VERSION
        rows = [r["cluster_id"] for r in store.db.query("select cluster_id from articles order by id")]
        assert store.db["article_signatures"].count == 3
    assert rows == [1, 2, 1]


def test_article_row_records_and_cluster_are_one_transaction(samples, tmp_path, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("crash while filing the cluster")

    with Store(tmp_path / "t.db") as store:
        monkeypatch.setattr(store_articles, "assign_cluster", boom)
        with pytest.raises(RuntimeError):
            store.save(samples["humaspolri-155ribu"], 0.5, None)
        monkeypatch.undo()
        assert store.db["articles"].count == 0  # nothing half-written
        store.save(samples["humaspolri-155ribu"], 0.5, None)
        assert store.db["articles"].count == 1 and store.db["article_signatures"].count == 1
