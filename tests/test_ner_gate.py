"""Where the NER model runs: on every text when the other persons it names are
asked for (``extract-text``'s contract), else (ingest) only on the paragraphs
where the speaker rules look for a quote's speaker; the other records are the
same."""
import json

import pytest

from extractor.cli import main
from extractor.nlp import NER_PIPES, _doc, annotate, extract
from extractor.nlp.pipeline import load
from extractor.nlp.quotes import full_name_context, quote_spans, speaker_context
from extractor.types import Article

NO_QUOTE = Article(url="https://example.id/a", text=(
    "Koordinator aksi, Yance Mambrasar, berorasi di depan kantor KPU Lahat bersama Ahmad Fauzi. "
    "Massa membubarkan diri sore hari."))
QUOTE = Article(url="https://example.id/b", text=(
    "Koordinator aksi, Yance Mambrasar, berorasi di depan kantor KPU. "
    "“Kami hanya minta kotak suara dibuka,” teriak Yance."))


@pytest.fixture(scope="module")
def nlp():
    nlp = load()
    if not set(NER_PIPES) <= set(nlp.pipe_names):
        pytest.skip("no NER model shipped")
    return nlp


def _ner_ran(doc) -> bool:
    # ner sets every token's IOB tag, entity or not
    return doc.has_annotation("ENT_IOB", require_complete=True)


def test_ingest_runs_the_ner_only_on_docs_with_a_quote(nlp):
    no_quote, quote = annotate(nlp, [_doc(nlp, NO_QUOTE), _doc(nlp, QUOTE)], 16, persons=False)
    assert not _ner_ran(no_quote) and not no_quote.ents
    assert _ner_ran(quote) and "Yance Mambrasar" in [e.text for e in quote.ents if e.label_ == "PER"]
    # the rule components ran on both
    assert no_quote._.pantau_quotes == [] and [q.speaker for q in quote._.pantau_quotes] == ["Yance Mambrasar"]


def test_asking_for_persons_runs_the_ner_on_every_doc(nlp):
    docs = list(annotate(nlp, [_doc(nlp, NO_QUOTE), _doc(nlp, QUOTE)], 16, persons=True))
    assert all(_ner_ran(d) and d.tensor.size for d in docs)


def test_ingest_runs_the_ner_only_on_the_paragraphs_the_speaker_rules_read(nlp):
    text = ("Warga bernama Ahmad Fauzi datang pagi.\n\n"
            "Massa berkumpul di depan kantor KPU.\n\n"
            "Koordinator aksi, Yance Mambrasar, berorasi. “Kami hanya minta kotak suara dibuka,” teriak Yance dari atas mobil komando. "
            "Massa lalu membubarkan diri.\n\n"
            "Pleno dilanjutkan sore hari bersama Budi Santoso.")
    first, second, last = text.index("Massa") - 2, text.index("Koordinator"), text.index("Pleno") - 2
    assert speaker_context(text, quote_spans(text)) == [(first, last)]
    doc, = annotate(nlp, [_doc(nlp, Article(url="c", text=text))], 16, persons=False)
    read = [t for t in doc if first <= t.idx < last]
    assert all(t.ent_iob_ for t in read) and not any(t.ent_iob_ for t in doc if not first <= t.idx < last)
    assert [e.text for e in doc.ents if e.label_ == "PER"] == ["Yance Mambrasar"] and second < doc.ents[-1].start_char
    assert [e.text for e in doc.ents] == [e.text for e in nlp(text).ents if first <= e.start_char < last]


def test_the_speaker_named_by_the_ner_is_kept_without_persons(nlp):
    # without the NER, the quote would have no speaker: the gate is what keeps it
    bare = next(nlp.pipe([_doc(nlp, QUOTE)], disable=list(NER_PIPES)))
    assert [q.speaker for q in bare._.pantau_quotes] == [None]
    full, ingest = extract(QUOTE), extract(QUOTE, persons=False)
    assert [q.speaker for q in ingest.quotes] == [q.speaker for q in full.quotes] == ["Yance Mambrasar"]


def test_a_bare_first_name_takes_the_full_name_written_paragraphs_before(nlp):
    # the full name sits three paragraphs before the quote, out of its speaker context
    text = ("Hadi Prasetyo, warga Kelurahan Sukamaju, datang ke TPS 05 sejak pagi.\n\n"
            "Petugas KPPS membuka pemungutan suara pukul 07.00 WIB.\n\n"
            "Ketua KPPS, Wahyu Setiadi Nugroho, mengatakan surat suara cukup.\n\n"
            "“Saya sudah menunggu sejak subuh, tapi petugas belum siap,” kata Hadi.")
    first = text.index("Ketua") - 2
    assert speaker_context(text, quote_spans(text)) == [(first, len(text))]
    assert full_name_context(text, "Hadi", text.index("Hadi.")) == [(0, text.index("\n\n"))]
    article = Article(url="https://example.id/d", text=text)
    full, ingest = extract(article), extract(article, persons=False)
    assert [q.speaker for q in ingest.quotes] == [q.speaker for q in full.quotes] == ["Hadi Prasetyo"]
    # only the paragraph of the full name was read besides the speaker context
    doc, = annotate(nlp, [_doc(nlp, article)], 16, persons=False)
    assert [t.i for t in doc if t.ent_iob_] == [t.i for t in doc if t.idx < text.index("\n\n") or t.idx >= first]


@pytest.mark.parametrize("article", [NO_QUOTE, QUOTE], ids=["no quote", "quote"])
def test_without_persons_only_persons_differ(nlp, article):
    full, ingest = extract(article), extract(article, persons=False)
    assert full.persons and ingest.persons == ()
    assert ingest == type(full)(**{**full.__dict__, "persons": ()})
    assert ingest.model_version == full.model_version


def test_extract_text_reports_the_persons_of_the_whole_pipeline(nlp, tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text(NO_QUOTE.text, encoding="utf-8")
    assert main(["extract-text", str(path)]) == 0
    got = json.loads(capsys.readouterr().out)["persons"]
    doc = nlp(NO_QUOTE.text)  # every pipe, NER included
    taken = {(s, e) for o in doc._.pantau_officials.officials for s, e in o.mentions}
    want = [{"name": e.text, "start": e.start_char, "end": e.end_char} for e in doc.ents
            if e.label_ == "PER" and (e.start_char, e.end_char) not in taken]
    assert got == want and {p["name"] for p in got} == {"Yance Mambrasar", "Ahmad Fauzi"}
