"""The streaming WARC reader on a generated CC-NEWS-like file: both engines
agree, byte ranges cut a file into shards that read every record once,
damage is read around and reported."""

from __future__ import annotations

import gzip
import shutil

import pytest

from extractor.warcreader import Loss, iter_items, iter_records, next_boundary

from .ccnews_sample import build


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    d = tmp_path_factory.mktemp("ccnews")
    made = build(d / "cc.warc.gz", 300, seed=3)
    plain = d / "cc.warc"
    plain.write_bytes(build(d / "cc-plain.warc", 300, seed=3, gzip=False).path.read_bytes())
    return made, plain


def key(r):
    return (r.type, r.url, r.status, r.content_type, r.body)


def test_engines_agree_record_by_record(sample):
    made, _ = sample
    losses_f, losses_w = [], []
    fast = list(iter_records(made.path, engine="fastwarc", losses=losses_f))
    slow = list(iter_records(made.path, engine="warcio", losses=losses_w))
    assert [r.offset for r in fast] == [r.offset for r in slow]
    assert [key(r) for r in fast] == [key(r) for r in slow]
    assert len(fast) == made.records - 1  # all but the truncated last one
    assert {r.type for r in fast} >= {"warcinfo", "request", "response", "metadata"}


@pytest.mark.parametrize("engine", ["fastwarc", "warcio"])
def test_truncated_last_record_is_a_loss(sample, engine):
    made, _ = sample
    losses: list = []
    records = list(iter_records(made.path, engine=engine, losses=losses))
    assert made.truncated_url not in {r.url for r in records}
    assert len(losses) == 1
    loss = losses[0]
    assert isinstance(loss, Loss) and loss.offset > records[-1].offset
    assert loss.offset + loss.unread == made.path.stat().st_size
    assert "truncated" in loss.detail


@pytest.mark.parametrize("engine", ["fastwarc", "warcio"])
@pytest.mark.parametrize("plain", [False, True])
def test_byte_ranges_read_every_record_once(sample, engine, plain):
    made, plain_path = sample
    path = plain_path if plain else made.path
    whole = [r.offset for r in iter_records(path, engine=engine)]
    size = path.stat().st_size
    cuts = [0, 1, size // 7, size // 3 + 11, size // 2, size - 5000, size]
    got = []
    for a, b in zip(cuts, cuts[1:]):
        part = [r.offset for r in iter_records(path, start=a, end=b, engine=engine)]
        assert all(a <= o < b for o in part)
        got += part
    assert got == whole


def test_a_boundary_is_a_record_start(sample):
    made, plain = sample
    starts = {r.offset for r in iter_records(made.path)}
    with open(made.path, "rb") as fh:
        b = next_boundary(fh, 12345, gz=True)
    assert b in starts and b >= 12345 and not any(12345 <= s < b for s in starts)
    starts = {r.offset for r in iter_records(plain)}
    with open(plain, "rb") as fh:
        b = next_boundary(fh, 12345, gz=False)
    assert b in starts and not any(12345 <= s < b for s in starts)


@pytest.mark.parametrize("engine", ["fastwarc", "warcio"])
def test_damage_in_the_middle_is_skipped_and_reported(sample, tmp_path, engine):
    made, _ = sample
    records = list(iter_records(made.path))
    victim = records[len(records) // 2]
    after = records[len(records) // 2 + 1]
    data = bytearray(made.path.read_bytes())
    mid = victim.offset + 40
    data[mid:mid + 200] = b"\x00" * 200  # the victim's deflate stream is garbage from here
    bad = tmp_path / "damaged.warc.gz"
    bad.write_bytes(bytes(data))
    losses: list = []
    got = list(iter_records(bad, engine=engine, losses=losses))
    offsets = [r.offset for r in got]
    assert victim.offset not in offsets
    assert after.offset in offsets  # reading went on after the damage
    assert offsets[-1] == records[-1].offset
    assert losses[0].offset == victim.offset
    assert losses[0].offset + losses[0].unread == after.offset


@pytest.mark.parametrize("engine", ["fastwarc", "warcio"])
def test_gunzipped_file_reads_the_same_records(tmp_path, engine):
    made = build(tmp_path / "whole.warc.gz", 120, seed=5, truncate=False)
    plain = tmp_path / "gunzipped.warc"  # what `gunzip` makes of it
    with gzip.open(made.path, "rb") as src, plain.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    losses: list = []
    assert [key(r) for r in iter_records(plain, engine=engine, losses=losses)] == \
        [key(r) for r in iter_records(made.path, engine=engine)]
    assert losses == []


@pytest.mark.parametrize("engine", ["fastwarc", "warcio"])
@pytest.mark.parametrize("cut", [30, 300])
def test_a_record_cut_in_its_headers_or_body_is_a_loss(sample, tmp_path, engine, cut):
    _, plain = sample
    records = list(iter_records(plain))
    last = records[-1]
    short = tmp_path / "short.warc"
    short.write_bytes(plain.read_bytes()[:last.offset + cut])
    losses: list = []
    got = list(iter_records(short, engine=engine, losses=losses))
    assert [key(r) for r in got] == [key(r) for r in records[:-1]]
    assert [(x.offset, x.unread) for x in losses] == [(last.offset, cut)]


def test_items_are_html_200_responses_in_file_order(sample):
    made, _ = sample
    items = list(iter_items(made.path))
    html = [r for r in iter_records(made.path) if r.type == "response" and r.status == 200
            and r.content_type == "text/html"]
    assert [i.location[1] for i in items] == [r.offset for r in html]
    assert all(len(i.pages) == 1 and i.pages[0].body for i in items)


def test_remote_file_is_read_in_ranges_through_fsspec(sample):
    from extractor.shards import plan

    from .rangeserver import RangeServer

    made, _ = sample
    with RangeServer(made.path.parent) as srv:
        url = srv.url(made.path.name)
        local = [key(r) for r in iter_records(made.path)]
        shards = plan([url], shard_size=made.path.stat().st_size // 3)
        assert len(shards) == 3 and all(s.input == url for s in shards)
        losses: list = []
        remote = [key(r) for s in shards for r in iter_records(s.input, start=s.start, end=s.end, losses=losses)]
        assert remote == local
        assert srv.ranges and [x.offset for x in losses] == [made.path.stat().st_size - losses[0].unread]
