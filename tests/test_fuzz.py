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
    # a relative day ('kemarin') counted from the calendar's first day
    ("extract", (b"o\xda?a?N (Purn)  kemarin??? ", "0001-01-01")),
    # a section label the cut lead-in had hidden ('Brigjen TNI' before a dateline)
    ("extract", ("unjuk rasa\n\n\r A\x84\t\U0001872c  hari ke-3 masa tenang\r\n(V\u00b7\r\n\ufeff\u2028 Brigjen TNI\n\n"
                 "\u2014  \U000f17de\x13\r\u2028\u00a9\U000d71ebf\u00f1\u00a8\u00a3\n\n\u7c28\x04\U000caee3\u00be\u00dd\u00f6NULL "
                 "Kapolres\t\x8d<\x03\x9a\U00099934\x80\u2028z\U0001bd6c9\r\n\u5475\tPALEMBANG -\n", None)),
    # a line that is a tail marker ('Tinggalkan Balasan') once its inline junk ('[Gambas:Video]') is cut
    ("html", (b"<p>Pilkada 2024</p><p>Pulau Danramil</p>\n[Gambas:Video] Tinggalkan Balasan\tDandim\r\n"
              b"Simak Video Rabu Kabupaten Bogor", "https://x.example/a")),
]


@pytest.mark.parametrize("name, args", FOUND, ids=[f"{n}-{i}" for i, (n, _) in enumerate(FOUND)])
def test_found_example(name, args):
    PROPERTIES[name][1](*args)
