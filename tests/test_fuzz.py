"""Property tests of the text entry points (issue 16): arbitrary Unicode and
bytes, and text made of the words the rules look for, never raise anything
but pantau's own errors; offsets stay inside the text; cleaning is
idempotent; dates are real days (tests/fuzzing.py has the strategies and
the properties). A few hundred examples each, derandomized so the suite is
the same on every run; ``benchmarks/fuzz.py`` runs 10,000 each with fresh
randomness and counts crashes."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from .fuzzing import PROPERTIES

EXAMPLES = {"clean": 300, "dates": 300, "places": 300, "officials": 300, "extract": 100, "html": 200}


@pytest.mark.parametrize("name", sorted(PROPERTIES))
def test_property(name):
    strategy, check = PROPERTIES[name]

    @settings(max_examples=EXAMPLES[name], deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def prop(args):
        check(*args)

    prop()


#: examples a longer fuzz run (benchmarks/fuzz.py) found broken, kept as they were found
FOUND = [
    # an inline junk marker cut from a line's end brought another to the end: cleaning again cut it too
    ("clean", ("AKBP (hms)\u2028(hms)\u2028",)),
]


@pytest.mark.parametrize("name, args", FOUND, ids=[f"{n}-{i}" for i, (n, _) in enumerate(FOUND)])
def test_found_example(name, args):
    PROPERTIES[name][1](*args)
