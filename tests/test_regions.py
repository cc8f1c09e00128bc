"""The shipped region facts (extractor/data/regions.csv)."""

from extractor.regions import region_facts


def test_every_level_is_complete_and_coded_consistently():
    facts = region_facts()
    by_level = {}
    for f in facts.values():
        by_level.setdefault(f.level, []).append(f)
    assert (len(by_level[1]), len(by_level[2]), len(by_level[3])) == (38, 514, 7285)
    for f in facts.values():  # every region sits inside a region of the level above
        if f.level > 1:
            assert f.code.rsplit(".", 1)[0] in facts, f.code


def test_capitals_and_coordinates():
    facts = region_facts()
    muba = facts["16.06"]
    assert (muba.name, muba.type, muba.capital) == ("Kabupaten Musi Banyuasin", "kabupaten", "Sekayu")
    assert all(f.capital for f in facts.values() if f.level < 3)
    # every region has a centroid but two kecamatan the source lacks; coordinates lie in Indonesia
    missing = [f.code for f in facts.values() if f.lat is None]
    assert sorted(missing) == ["96.02.01", "96.71.09"]
    for f in facts.values():
        if f.lat is not None:
            assert -11.5 < f.lat < 6.5 and 94.5 < f.lng < 141.5, f.code
