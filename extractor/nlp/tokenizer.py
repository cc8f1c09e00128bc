"""Tokenizer tuned for Indonesian regional election-security news.

``customize_tokenizer(nlp)`` gives a pipeline (normally ``spacy.blank("id")``)
spaCy's Indonesian tokenizer rules tuned for this domain, in place (it swaps
``nlp.tokenizer`` for a rebuilt one in a single step); ``make_nlp()``
returns a blank "id" pipeline with it applied.  The rules are data, kept
together at the top of this module:

* ``ABBREVIATIONS`` / ``DEGREES``: forms that stay one token (``Kab.``,
  ``Pol.``, ``S.I.K.``, ``M.Si.`` ...), matched through ``token_match``.
* ``GLUED_ABBREVIATIONS``: abbreviations that may be glued to the next
  capitalised word (``Pol.Satake`` -> ``Pol.`` ``Satake``).
* ``TOKEN_MATCH_PATTERNS``: whole strings that are never split (dates,
  unit codes, reduplicated words).
* ``EXTRA_PREFIXES`` / ``EXTRA_INFIXES`` and ``DROPPED_INFIXES``: changes to
  spaCy's default Indonesian affix rules.

The tokenizer never drops or rewrites characters, so ``doc.text`` is the
input text and every token's ``idx`` points into it.
"""
from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

# ---------------------------------------------------------------- rule data

# Abbreviations that keep their final period.
ABBREVIATIONS: tuple[str, ...] = (
    "Kab.", "Kec.", "Kel.", "Kel.", "Ds.", "Dsn.", "Prov.", "Kota.", "Jl.", "Jln.",
    "Gg.", "No.", "Nomor.", "RT.", "RW.", "Pol.", "Dr.", "Drs.", "Dra.", "Ir.",
    "Prof.", "H.", "Hj.", "KH.", "drh.", "drg.", "dr.", "Purn.", "Inf.", "Kav.",
    "Arm.", "Arh.", "Pnb.", "Bpk.", "Sdr.", "Tn.", "Ny.", "St.", "Tgl.", "Hlm.",
    "kab.", "kec.", "kel.", "jl.", "no.", "KAB.", "KEC.", "JL.", "NO.",
)

# Academic degrees, written the way they appear after names.  Each entry is
# added as written, and also without its final period.
DEGREES: tuple[str, ...] = (
    "S.H.", "S.I.K.", "S.IK.", "S.Sos.", "S.E.", "S.I.P.", "S.IP.", "S.Pd.",
    "S.Pd.I.", "S.Ag.", "S.ST.", "S.St.Mk.", "S.TP.", "S.T.", "S.Kom.",
    "S.K.M.", "S.Kep.", "S.H.I.", "S.AP.", "S.Pt.", "S.P.", "S.Si.", "S.Hut.",
    "S.I.Kom.", "S.Psi.", "S.Ked.", "S.Hum.", "S.Ak.", "S.STP.", "S.Tr.K.",
    "S.Th.", "S.Farm.", "S.Sn.", "S.Ds.", "S.Gz.", "S.Kel.", "S.Pi.",
    "A.Md.", "M.H.", "M.Si.", "M.M.", "M.AP.", "M.Pd.", "M.Kn.", "M.Hum.",
    "M.Kes.", "M.T.", "M.I.K.", "M.Tr.", "M.Tr.Opsla.", "M.Tr.Han.", "M.Han.",
    "M.Sc.", "M.A.", "M.B.A.", "M.P.A.", "M.Si.P.", "M.IP.", "M.Ag.", "M.Kom.",
    "M.P.H.", "M.S.E.", "M.Psi.", "M.Strat.", "M.Tr.Sosio.", "M.E.", "M.Ak.",
    "M.Sos.", "M.I.Kom.", "Ph.D.", "Lc.", "S.Kes.", "S.IP.", "M.PA.",
)

# Abbreviations that are split off when glued to a following capital letter.
GLUED_ABBREVIATIONS: tuple[str, ...] = (
    "Pol.", "Kab.", "Kec.", "Kel.", "Jl.", "Jln.", "No.", "Dr.", "Drs.", "Dra.",
    "Ir.", "Prof.", "H.", "Hj.", "KH.", "Prov.", "Ds.", "Gg.", "Bpk.",
)

# Unit and place words that are sometimes glued to the following name
# (PolresKaur, masyarakatMuara): split before the capital letter.
GLUED_HEADS: tuple[str, ...] = (
    "Polres", "Polresta", "Polsek", "Polda", "Kodim", "Koramil", "Kapolres",
    "Kapolresta", "Kapolsek", "Kapolda", "Dandim", "Danramil", "Kabupaten",
    "Kecamatan", "Kota", "Desa", "masyarakat", "warga", "wilayah",
)

# Whole strings that are never split.
TOKEN_MATCH_PATTERNS: tuple[str, ...] = (
    # dates: 30/11/2024, 28/11/24, 4/12, 27-11-2024
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?",
    r"\d{1,2}-\d{1,2}-\d{2,4}",
    # military/police unit codes: 0412/LU, 1626-03/Tembuku, 0804/13, 07/Bangli
    r"\d{2,4}(?:-\d{2,3})?/[0-9A-Za-z]+",
    # reduplication (case-insensitive): masing-masing, Desa-desa,
    # kotak-kotaknya, berbondong-bondong, potong-memotong
    r"(?i:[^\W\d_]*?(?P<redup>[^\W\d_]{2,})-"
    r"(?:m[ae][mn]?g?y?|be|ber|te|ter|di|ke|se|pe|pe[mnr]|peng)?(?P=redup)[^\W\d_]*)",
)

# spaCy's Indonesian tokenizer exceptions are ~16,000 entries, almost all
# reduplicated words that the pattern above covers.  Loading them costs
# seconds per pipeline, so hyphenated all-letter exceptions are dropped.
def _keep_default_exception(text: str) -> bool:
    return not ("-" in text and text.replace("-", "").isalpha())


# Prefixes added before spaCy's: distributive "se-" (se-Kabupaten, se-Sumsel).
EXTRA_PREFIXES: tuple[str, ...] = (r"[sS][eE]-(?=[^\W\d_])",)

# Infixes added to spaCy's.
EXTRA_INFIXES: tuple[str, ...] = (
    # comma after an abbreviation period: S.I.K.,M.H.,bergerak
    r"(?<=\.),(?=[^\W\d_])",
    # comma glued between a word and a degree/initial: Putra,S.I.K.
    r"(?<=[^\W\d_]),(?=[^\W\d_])",
    # period gluing a name to a following degree: Sutrisno.S.I.P.
    r"(?<=[a-z])\.(?=[A-Z]\.)",
    # opening parenthesis glued to a word: Minggu(1/12)
    r"(?<=[^\W\d_])\((?=\w)",
    # closing parenthesis followed by a word: (Purn)Dr
    r"(?<=\w)\)(?=[^\W\d_])",
    # dashes between words: Teddy-Marjito, Kota—Warga
    r"(?<=[^\W\d_])(?:-|–|—)(?=[^\W\d_])",
) + tuple(
    # zero-width split after a glued abbreviation: Pol.Satake
    r"(?<=(?<![^\W\d_])" + re.escape(abbr) + r")(?=[A-Z])"
    for abbr in GLUED_ABBREVIATIONS
) + (
    # "No.5" -> "No." "5"
    r"(?<=(?<![^\W\d_])No\.)(?=\d)",
) + tuple(
    r"(?<=(?<![^\W\d_])" + head + r")(?=[A-Z][a-z])" for head in GLUED_HEADS
)

# spaCy's "word.Word" infix must not split a glued abbreviation's own period
# (the zero-width rule above splits after it instead).
_NOT_AFTER_GLUED = "".join(
    r"(?<!(?<![^\W\d_])" + re.escape(a[:-1]) + ")" for a in GLUED_ABBREVIATIONS if a[-2].islower()
)


def _adjust_default_infix(pattern: str) -> str:
    marker = r"])\.(?=["
    if pattern.startswith("(?<=[") and marker in pattern:
        return pattern.replace(marker, "])" + _NOT_AFTER_GLUED + r"\.(?=[", 1)
    return pattern


# spaCy default infixes dropped because they break dates and unit codes.
DROPPED_INFIXES: tuple[str, ...] = (
    r"(?<=[0-9])[\\/](?=[0-9%-])",
)

# ---------------------------------------------------------------- builders

def _special_cases() -> list[str]:
    forms: set[str] = set()
    for s in ABBREVIATIONS + DEGREES:
        for form in (s, s.rstrip(".")):
            if "." in form:
                forms.add(form)
    return sorted(forms, key=lambda f: (-len(f), f))


# Abbreviations and degrees are matched by ``token_match`` rather than added
# as tokenizer special cases: spaCy does not cache the tokenisation of a
# chunk that used a special case with punctuation, which made every
# "S.I.K.," or "Kab." re-run all affix rules (about 2x slower overall).
# (spaCy's own Indonesian exceptions still list many of the same forms,
# ``S.H.``, ``M.Si.``, as special cases; they stay: see
# :func:`drop_redundant_special_cases` for which ones can go.)
# The pattern is anchored at both ends and used through ``.match`` so that
# spaCy can serialise it with the pipeline (it stores the pattern string).
#: A chunk of this many non-space characters or more (a URL, base64, a
#: run-on string) is one token: splitting it affix by affix costs time
#: that grows faster than its length.
LONG_CHUNK = 64
_TOKEN_MATCH = re.compile(
    "(?:" + "|".join((rf"\S{{{LONG_CHUNK},}}",) + TOKEN_MATCH_PATTERNS + tuple(re.escape(f) for f in _special_cases()))
    + r")\Z"
)


def build_tokenizer(vocab) -> Tokenizer:
    """A new tokenizer with spaCy's Indonesian rules plus pantau's changes."""
    from spacy.lang.id import Indonesian

    defaults = Indonesian.Defaults
    rules = {k: v for k, v in defaults.tokenizer_exceptions.items() if _keep_default_exception(k)}
    prefixes = list(EXTRA_PREFIXES) + list(defaults.prefixes)
    infixes = list(EXTRA_INFIXES) + [
        _adjust_default_infix(p) for p in defaults.infixes if p not in DROPPED_INFIXES
    ]
    return Tokenizer(
        vocab,
        rules={k: v for k, v in rules.items() if not _redundant(k, v)},
        prefix_search=compile_prefix_regex(prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
        token_match=_TOKEN_MATCH.match,
        url_match=defaults.url_match,
    )


def _redundant(key: str, subs: list) -> bool:
    """A special case that tokenises as it would without one: whitespace or
    one character, a single token of its own text, no NORM. (A form
    ``token_match`` keeps whole is not one: ``(Dr.`` loses a prefix and a
    suffix in one step, and only the special case of ``Dr.`` stops that.)"""
    from spacy.attrs import ORTH

    return (len(subs) == 1 and set(subs[0]) == {ORTH} and subs[0][ORTH] == key
            and (key.isspace() or len(key) == 1))


def drop_redundant_special_cases(tokenizer: Tokenizer) -> None:
    """Drop ``tokenizer``'s redundant special cases (:func:`_redundant`).

    Once a chunk of a text hits a special case, spaCy's tokenizer caches no
    chunk after it in that text (the flag it checks is set for the whole
    call, not per chunk), so every later word runs all the affix rules
    again. spaCy's whitespace cases (``"\\n"``, ``" "``) are hit at the
    first line break or double space: tokenising trafilatura's text of the
    400 generated pages and the 210 gold texts cost 3.1 ms per text before
    and 1.2 after (1.5 and 0.47 when warm); pantau's own article texts,
    whose paragraphs are joined by blank lines (no special case), 1.38 and
    1.07. The tokens are the same. (spaCy's degree cases, ``S.H.``, still
    stop the caching where a text has one.) :func:`build_tokenizer` leaves
    them out; the shipped model's tokenizer stores its rules, so the
    pipeline drops them on load."""
    rules = tokenizer.rules or {}
    kept = {k: v for k, v in rules.items() if not _redundant(k, v)}
    if len(kept) < len(rules):
        tokenizer.rules = kept  # one reload of the special cases


def customize_tokenizer(nlp: Language) -> None:
    """Give ``nlp`` pantau's tokenizer (spaCy's Indonesian rules, tuned).

    The tokenizer object is replaced in one step: setting the rules one by
    one on the existing tokenizer re-loads every special case each time."""
    nlp.tokenizer = build_tokenizer(nlp.vocab)


@spacy.registry.tokenizers("pantau.id_tokenizer.v1")
def _create_tokenizer():
    def create(nlp: Language) -> Tokenizer:
        return build_tokenizer(nlp.vocab)
    return create


def make_nlp() -> Language:
    """A blank Indonesian ("id") pipeline with the customised tokenizer."""
    return spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "pantau.id_tokenizer.v1"}}})


@spacy.registry.callbacks("pantau.customize_tokenizer.v1")
def _customize_callback():
    """For spaCy configs: ``[initialize.before_init] @callbacks = ...``."""
    def before_init(nlp: Language) -> Language:
        customize_tokenizer(nlp)
        return nlp
    return before_init
