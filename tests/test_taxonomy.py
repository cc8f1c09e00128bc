"""The taxonomy data: the same event types as the extraction lexicon, a complete
definition of each, a crosswalk to ACLED's own categories, and the shipped
codebook generated from it."""

import re
import tomllib

import pytest

from extractor.codebook import codebook_markdown
from extractor.taxonomy import defined_event_types, taxonomy

from .conftest import ROOT

#: ACLED's event types and sub-event types (ACLED Codebook 2024)
ACLED = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
DISORDER = {"Political violence", "Demonstrations", "Strategic developments"}
INTER = {"State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters", "Civilians",
         "External/Other forces"}


def test_the_taxonomy_has_exactly_the_event_types_events_toml_defines():
    assert list(taxonomy().types) == defined_event_types()


def test_every_type_is_defined_with_rules_examples_and_an_acled_category():
    tx = taxonomy()
    for name, t in tx.types.items():
        assert t.label and t.label_id and len(t.definition) > 40, name
        assert t.rules and t.examples, name
        assert t.acled[-1].cue == "" and all(r.cue in {*tx.cues, "protest_in_article"} for r in t.acled[:-1]), name
        for r in t.acled:
            assert r.sub_event_type in ACLED[r.event_type], (name, r)
            assert tx.disorder_type(r.event_type, r.sub_event_type) in DISORDER, (name, r)
        assert t.default_actor in tx.actors, name
    kinds = {t.acled[-1].event_type for t in tx.types.values()}
    assert kinds == {"Strategic developments", "Protests", "Riots"}
    assert sum(t.acled[-1].event_type == "Strategic developments" for t in tx.types.values()) == len(tx.types) - 2


def test_patrol_inspection_and_polling_security_tell_each_other_apart():
    tx = taxonomy()
    for a, b in (("patrol", "inspection_visit"), ("patrol", "polling_security"), ("polling_security", "inspection_visit")):
        for t in (a, b):
            other = b if t == a else a
            assert any(f"`{other}`" in r for r in tx.types[t].rules), (t, other)


def test_every_force_and_institution_has_an_actor_category():
    tx = taxonomy()
    events = tomllib.loads((ROOT / "extractor/nlp/lexicons/events.toml").read_text("utf-8"))
    for force in events["forces"]:
        assert force in tx.actor_names, force
    for c in tx.actors.values():
        assert c.inter in INTER
    for name in tx.actor_names:
        assert tx.category_of(name) is not None or name == "Pokdar", name


def test_state_forces_carry_the_government_period():
    tx = taxonomy()
    assert tx.period("2024-10-19") == "2014-2024" and tx.period("2024-10-20") == "2024-"


def test_the_shipped_codebook_is_generated_from_the_taxonomy():
    shipped = (ROOT / "CODEBOOK.md").read_text("utf-8")
    assert shipped == codebook_markdown(), "run: python -m extractor.codebook > CODEBOOK.md"
    for name in defined_event_types():
        assert f"### `{name}`" in shipped
    assert re.search(r"\| geo_precision \| meaning \|", shipped) and "time_precision" in shipped
