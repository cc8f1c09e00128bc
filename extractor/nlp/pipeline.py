"""The spaCy pipeline: tokenizer (+ trained NER when shipped) and pantau's
rule components, registered by versioned name.

Each component separates ``match(doc)`` (find candidates, pure) from
``set_annotations(doc, found)`` (write them to ``doc._``, or ``doc.spans``
for the rule spans), spaCy-style. Component order matters: rule spans
(``doc.spans["pantau_rules"]``: RANK, POSITION, UNIT, ELECTION_BODY; see
``rule_spans.py``) -> dates -> places -> candidates (which read the main
region) -> officials (which read the UNIT and ELECTION_BODY spans and leave
the candidates' names alone) -> quotes -> events.
"""

from __future__ import annotations

from functools import lru_cache
from spacy.language import Language
from spacy.tokens import Doc

from ..memory import paused_gc
from .dates import find_dates
from .events import find_events
from .candidates import find_candidates
from .holders import find_handovers, find_posts
from .officials import find_officials
from .places import find_places
from .quotes import find_quotes
from .rule_spans import RuleSpanComponent, rule_spans

for _name in ("pantau_dates", "pantau_places", "pantau_officials", "pantau_candidates", "pantau_quotes", "pantau_events",
              "pantau_holders"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _published(doc: Doc):
    return doc.user_data.get("published")


def _text(doc: Doc) -> str:
    """The doc's text, built once (``Doc.text`` joins every token each call)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


class _Component:
    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc


class DateComponent(_Component):
    def match(self, doc):
        return find_dates(_text(doc), _published(doc))

    def set_annotations(self, doc, found):
        doc._.pantau_dates = found


class PlaceComponent(_Component):
    def match(self, doc):
        return find_places(_text(doc), dateline=doc.user_data.get("dateline", ""))

    def set_annotations(self, doc, found):
        doc._.pantau_places = found


class OfficialComponent(_Component):
    def match(self, doc):
        places = doc._.pantau_places
        found = doc._.pantau_candidates
        return find_officials(_text(doc), context=tuple(r.code for _, _, r in places.spans) if places else (),
                              units=tuple((s.start_char, s.end_char, s.text)
                                          for s in rule_spans(doc, "UNIT", "ELECTION_BODY")),
                              exclude=tuple(found.named) if found else ())

    def set_annotations(self, doc, found):
        doc._.pantau_officials = found


class CandidateComponent(_Component):
    def match(self, doc):
        places = doc._.pantau_places
        return find_candidates(_text(doc), primary=places.primary if places else None)

    def set_annotations(self, doc, found):
        doc._.pantau_candidates = found


class QuoteComponent(_Component):
    def match(self, doc):
        return find_quotes(_text(doc), doc._.pantau_officials.officials,
                           persons=tuple((e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PER"))

    def set_annotations(self, doc, found):
        doc._.pantau_quotes = found


class EventComponent(_Component):
    def match(self, doc):
        places = doc._.pantau_places
        return find_events(_text(doc), dates=doc._.pantau_dates, place_spans=places.event_spans, primary=places.primary,
                           officials=doc._.pantau_officials.officials, published=_published(doc),
                           dateline=places.dateline, quotes=tuple((q.start, q.end) for q in doc._.pantau_quotes),
                           title=getattr(doc.user_data.get("article"), "title", "") or "")

    def set_annotations(self, doc, found):
        doc._.pantau_events = found


class HolderComponent(_Component):
    """Posts named without a holder and handovers of posts (``holders.py``): (posts, handovers)."""

    def match(self, doc):
        places = doc._.pantau_places
        officials = doc._.pantau_officials.officials
        positions = [(s.start_char, s.end_char, s.id_) for s in rule_spans(doc, "POSITION") if s.id_]
        spans = places.spans if places else ()
        handovers = find_handovers(_text(doc), positions, officials, spans, dates=doc._.pantau_dates or ())
        posts = find_posts(_text(doc), positions, officials, spans,
                           units=[(s.start_char, s.end_char, s.text) for s in rule_spans(doc, "UNIT")])
        # a post in a handover's sentence is the post handed over, not an unnamed holder speaking
        return [p for p in posts if not any(h.start <= p.start < h.end for h in handovers)], handovers

    def set_annotations(self, doc, found):
        doc._.pantau_holders = found


@Language.factory("pantau_holders_v1")
def _make_holders(nlp, name):
    return HolderComponent()


@Language.factory("pantau_rule_spans_v1")
def _make_rule_spans(nlp, name):
    return RuleSpanComponent(nlp, name)


@Language.factory("pantau_dates_v1")
def _make_dates(nlp, name):
    return DateComponent()


@Language.factory("pantau_places_v1")
def _make_places(nlp, name):
    return PlaceComponent()


@Language.factory("pantau_officials_v1")
def _make_officials(nlp, name):
    return OfficialComponent()


@Language.factory("pantau_candidates_v1")
def _make_candidates(nlp, name):
    return CandidateComponent()


@Language.factory("pantau_quotes_v1")
def _make_quotes(nlp, name):
    return QuoteComponent()


@Language.factory("pantau_events_v1")
def _make_events(nlp, name):
    return EventComponent()


COMPONENTS = ("pantau_rule_spans_v1", "pantau_dates_v1", "pantau_places_v1", "pantau_candidates_v1",
              "pantau_officials_v1", "pantau_quotes_v1", "pantau_events_v1", "pantau_holders_v1")


def _base() -> Language:
    """The shipped NER pipeline (tuned tokenizer + tok2vec + ner), a copy of
    its own that the rule components are added to; without a model, the
    tuned tokenizer alone."""
    from .model import MODEL_DIR, load_model
    from .tokenizer import drop_redundant_special_cases, make_nlp

    if not (MODEL_DIR / "meta.json").exists():
        return make_nlp()
    nlp = load_model()
    drop_redundant_special_cases(nlp.tokenizer)  # the model's stored rules predate it
    return nlp


@lru_cache(maxsize=1)
def load() -> Language:
    nlp = _base()
    # the rule components (lexicons, gazetteer, span patterns) with the gc paused; not _base: its srsly resumes it
    with paused_gc():  # (extractor/memory.py)
        for factory in COMPONENTS:  # no config to check: validate=False spares ~0.25 s of CPU per start
            nlp.add_pipe(factory, name=factory.rsplit("_", 1)[0], validate=False)
    return nlp


def warm() -> None:
    """Build what each process would otherwise build on its first article: the
    gazetteer with its sorted name keys (~1.4 s of CPU) and the units' name
    index the unit names end by (~0.3 s). The batch runner calls it before
    forking its workers, which then share them."""
    from ..units import is_unit_name
    from .gazetteer import gazetteer

    gazetteer().may_start("")
    is_unit_name("")


def model_version(nlp: Language) -> str:
    """The NER model's name and version. (The rules are versioned by the
    extractor version: the package version plus the fingerprint of every
    language data file, :func:`extractor.datafiles.extractor_version`.)"""
    meta = nlp.meta
    return f"{meta.get('name', 'blank')}-{meta.get('version', '0')}"
