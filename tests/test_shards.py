"""Shard planning and shard files."""

from __future__ import annotations

import gzip
import pickle

import pytest

from extractor.errors import InputError
from extractor.shardfile import ShardWriter, read_frames, shard_path, summary_of
from extractor.shards import Shard, member_per_record, plan, read_list
from extractor.warcreader import iter_records

from .ccnews_sample import build


@pytest.fixture(scope="module")
def warc(tmp_path_factory):
    return build(tmp_path_factory.mktemp("sh") / "cc.warc.gz", 300, seed=4).path


def test_byte_range_shards_read_each_record_once(warc):
    shards = plan([warc], shard_size=warc.stat().st_size // 5)
    assert len(shards) >= 5 and all(s.kind == "warc" for s in shards)
    assert shards[0].start == 0 and shards[-1].end is None
    got = [r.offset for s in shards for r in iter_records(s.input, start=s.start, end=s.end)]
    assert got == [r.offset for r in iter_records(warc)]
    assert len({s.key for s in shards}) == len(shards)
    assert plan([warc], shard_size=warc.stat().st_size // 5) == shards  # stable: a rerun finds its shards


def test_a_whole_file_gzip_is_one_shard(warc, tmp_path):
    whole = tmp_path / "whole.warc.gz"  # the same records gzipped as one stream
    plain = b"".join(gzip.decompress(warc.read_bytes()[r.offset:nxt.offset])
                     for r, nxt in zip(list(iter_records(warc))[:50], list(iter_records(warc))[1:51]))
    whole.write_bytes(gzip.compress(plain))
    assert not member_per_record(str(whole)) and member_per_record(str(warc))
    assert plan([whole], shard_size=1000) == [Shard(str(whole), "warc")]


def test_paths_list_folders_and_kinds(warc, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "a.warc.gz").write_bytes(warc.read_bytes())
    (tmp_path / "pages").mkdir()
    for i in range(3):
        (tmp_path / "pages" / f"p{i}.html").write_text("<p>x</p>")
    (tmp_path / "pages" / "notes.jsonl").write_text('{"url": "u", "text": "t"}\n')
    lst = tmp_path / "warc.paths.gz"
    lst.write_bytes(gzip.compress(b"# CC-NEWS\ndata/a.warc.gz\nhttps://data.example/crawl/b.warc.gz\n"))
    assert read_list(str(lst)) == [str(tmp_path / "data" / "a.warc.gz"), "https://data.example/crawl/b.warc.gz"]
    assert read_list(str(lst), base="https://data.example/") == ["https://data.example/data/a.warc.gz",
                                                               "https://data.example/crawl/b.warc.gz"]
    shards = plan([tmp_path / "pages"])
    assert [s.kind for s in shards] == ["jsonl", "pages"]
    assert shards[1].files == tuple(str(tmp_path / "pages" / f"p{i}.html") for i in range(3))
    with pytest.raises(InputError):
        plan([tmp_path / "missing"])


def test_shard_file_round_trip_and_refusals(tmp_path):
    path = shard_path(tmp_path, 7)
    with ShardWriter(path, "warc:x:0-") as w:
        w.result(10, ("article", 0.5, None, None))
        w.failure(20, "https://a.example/", "parse", ValueError("bad page"))
        assert not path.exists()  # only a finished file is visible
        w.finish({"items": 2})
    frames = list(read_frames(path, "warc:x:0-"))
    assert frames == [("result", 10, ("article", 0.5, None, None)),
                      ("failure", 20, "https://a.example/", "parse", "ValueError", "bad page"), ("end", {"items": 2})]
    assert summary_of(path) == {"items": 2}
    with pytest.raises(InputError):
        list(read_frames(path, "warc:other:0-"))
    cut = tmp_path / "cut"
    cut.write_bytes(path.read_bytes()[:-5])
    assert summary_of(cut) is None
    with ShardWriter(shard_path(tmp_path, 8), "k") as w:  # a task that stops before finish()
        w.result(1, ("a", 0.1, None, None))
    assert not shard_path(tmp_path, 8).exists() and not list(tmp_path.glob("*.part-*"))
    old = tmp_path / "old"
    old.write_bytes(pickle.dumps(("header", {"pantau": "0.0.1", "shard": "k"})))
    with pytest.raises(InputError):
        list(read_frames(old))
    # the same package version with other rules (data or code): redone too
    from extractor import __version__

    other = tmp_path / "other-rules"
    other.write_bytes(pickle.dumps(("header", {"pantau": f"{__version__}+00000000.00000000", "shard": "k"})))
    with pytest.raises(InputError):
        list(read_frames(other))
