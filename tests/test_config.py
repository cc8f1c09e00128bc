import pytest

from extractor.config import load_settings, settings_from_dict
from extractor.errors import ConfigError

from .conftest import ROOT


def test_bundled_sources_parse():
    s = load_settings(ROOT / "corpus" / "sources.toml")
    assert len(s.sources) >= 15
    assert all(src.feeds or src.sitemaps or src.listings or src.urls for src in s.sources)


@pytest.mark.parametrize("data,needle", [
    ({"settings": {"rate_limit": "fast"}}, "rate_limit"),
    ({"settings": {"speed": 3}}, "unknown setting"),
    ({"source": [{"home": "x"}]}, "needs a name"),
    ({"source": [{"name": "a", "feeds": ["ftp://x"]}]}, "not an http"),
    ({"source": [{"name": "a"}, {"name": "a"}]}, "duplicate"),
])
def test_bad_settings_are_clear_errors(data, needle):
    with pytest.raises(ConfigError, match=needle):
        settings_from_dict(data)


def test_missing_and_invalid_files(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "none.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[settings\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(bad)
