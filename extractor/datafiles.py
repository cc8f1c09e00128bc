"""Language data files: one loader, one schema check, one fingerprint.

Every word list pantau uses lives in a data file inside the package
(:data:`DATA_FILES` says where): the lexicons (``nlp/lexicons/*.toml``),
the junk-line rules and site profiles (``html/junk.toml``,
``html/profiles/*.toml``) and the region table (``data/*``).
:func:`load` is the one function that reads a TOML data file: it parses it,
checks it against the schema :data:`SCHEMAS` registers for its path, and
raises :class:`~extractor.errors.DataFileError` naming the file and the key
when the file is malformed (``data file nlp/lexicons/positions.toml:
position[3].variants: expected a list, found str``). A file without a
registered schema is only parsed.

:func:`fingerprint` hashes every data file and :func:`code_fingerprint`
every source file of the package (the training scripts apart);
:func:`extractor_version` puts the first eight hex digits of each after the
package version (``0.1.0+3f2a9c1d.7be01a55``). Every article is stored with
it, and the store takes an article whose version differs as not current:
editing a lexicon or a rule re-extracts the stored articles on the next run,
with no flag to remember.

Nothing here imports spaCy or bs4: the store, the config and the
extraction stages all read their data through this module.
"""

from __future__ import annotations

import fnmatch
import hashlib
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

from . import __version__
from .errors import DataFileError, Msg

#: the package folder the data paths are relative to
ROOT = Path(__file__).resolve().parent

#: glob patterns (relative to the package) of every data file the fingerprint covers
DATA_FILES = ("nlp/lexicons/*.toml", "html/*.toml", "html/profiles/*.toml", "data/*.csv", "data/*.toml", "data/*.json",
              "nlp/models/*/meta.json")


# ---------------------------------------------------------------- schema language
class Opt:
    """A key that may be missing."""

    def __init__(self, spec: Any) -> None:
        self.spec = spec


class Table:
    """A TOML table with these keys; ``rest`` is the spec of any other key
    (None: other keys are refused, so a misspelt key is an error)."""

    def __init__(self, fields: Optional[dict] = None, rest: Any = None) -> None:
        self.fields = fields or {}
        self.rest = rest


class OneOf:
    def __init__(self, *specs: Any) -> None:
        self.specs = specs


#: any value
ANY = object()


def Map(value: Any) -> Table:  # noqa: N802 - a type-like constructor
    """A table of free keys whose values all have ``value``'s spec."""
    return Table({}, rest=value)


def _type_name(v: Any) -> str:
    return {str: "a string", int: "an integer", float: "a number", bool: "true/false", list: "a list",
            dict: "a table"}.get(type(v), type(v).__name__)


def _spec_name(spec: Any) -> str:
    if isinstance(spec, type):
        return _type_name(spec())
    if isinstance(spec, list):
        return "a list"
    if isinstance(spec, Table):
        return "a table"
    if isinstance(spec, OneOf):
        return " or ".join(_spec_name(s) for s in spec.specs)
    return "a value"


def _check(value: Any, spec: Any, path: str) -> Optional[tuple[str, str]]:
    """None, or (key path, what is wrong)."""
    if spec is ANY:
        return None
    if isinstance(spec, OneOf):
        for s in spec.specs:
            if _check(value, s, path) is None:
                return None
        return path, f"expected {_spec_name(spec)}, found {_type_name(value)}"
    if isinstance(spec, type):
        ok = isinstance(value, spec) and not (spec is int and isinstance(value, bool))
        if spec is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        return None if ok else (path, f"expected {_spec_name(spec)}, found {_type_name(value)}")
    if isinstance(spec, list):
        if not isinstance(value, list):
            return path, f"expected a list, found {_type_name(value)}"
        for i, item in enumerate(value):
            bad = _check(item, spec[0], f"{path}[{i}]")
            if bad:
                return bad
        return None
    if isinstance(spec, Table):
        if not isinstance(value, dict):
            return path, f"expected a table, found {_type_name(value)}"
        for k, v in value.items():
            sub = spec.fields.get(k, spec.rest)
            where = f"{path}.{k}" if path else k
            if sub is None:
                known = ", ".join(spec.fields)
                return where, f"unknown key (expected one of: {known})" if known else "unknown key"
            bad = _check(v, sub.spec if isinstance(sub, Opt) else sub, where)
            if bad:
                return bad
        for k, sub in spec.fields.items():
            if k not in value and not isinstance(sub, Opt):
                return (f"{path}.{k}" if path else k), "missing"
        return None
    raise TypeError(f"not a schema: {spec!r}")


# ---------------------------------------------------------------- the schemas
_WORDS = [str]
_RANK = Table({"short": str, "full": str, "variants": _WORDS, "institution": str, "tier": str, "order": int,
               "branch": Opt(str)})
_POSITION = Table({"short": str, "variants": _WORDS, "institution": str, "unit": str, "takes_region": bool,
                   "sub": Opt(bool), "level": Opt(str)})
_FORMS = Table({"forms": _WORDS, "glued": Opt(_WORDS), "section": Opt(_WORDS), "glued_short": Opt(bool)})
_CHART = Table({"unit": str, "institution": str, "heads": _WORDS, "functions": _WORDS, "sub": Opt(bool),
                "takes_region": Opt(bool), "note": Opt(str)})
_COMMAND = Table({"unit": str, "institution": str, "kind": _WORDS, "heads": _WORDS, "short": Opt(str),
                  "takes_region": Opt(bool), "sub": Opt(bool)})
_BODY = Table({"forms": _WORDS, "unit": str, "institution": str, "roles": _WORDS})
_OPERATIONS = Table({"names": _WORDS, "heads": _WORDS})

SCHEMAS: dict[str, Any] = {
    "nlp/lexicons/ranks.toml": Table({"suffixes": Table({"polri": _WORDS, "tni": _WORDS, "retired": _WORDS}),
                                      "corps": Map(_WORDS), "rank": [_RANK]}),
    "nlp/lexicons/positions.toml": Table({
        "position": [_POSITION], "acting": Opt(Map(_WORDS)), "heads": Opt(Map(_FORMS)), "functions": Opt(Map(_FORMS)),
        "chart": Opt([_CHART]), "commanders": Opt(Map(_FORMS)), "echelons": Opt(Map(_FORMS)),
        "command": Opt([_COMMAND]), "roles": Opt(Map(_FORMS)), "bodies": Opt(Map(_BODY)),
        "operations": Opt(_OPERATIONS), "subunits": Opt(Table({"words": _WORDS}))}),
    "nlp/lexicons/units.toml": Table({
        "unit": [Table({"kind": _WORDS, "institution": str, "level": str, "bare": Opt(bool), "code": Opt(bool),
                        "election_body": Opt(bool), "regions": Opt(_WORDS), "kota_prefix": Opt(bool)})],
        "admin": Map(_WORDS)}),
    "nlp/lexicons/degrees.toml": Table({"after": Map(str), "before": Map(str), "honorific": Map(str)}),
    "nlp/lexicons/rule_spans.toml": Table({"name": Table({"max_words": int, "admin": _WORDS, "stop": _WORDS})}),
    "nlp/lexicons/words.toml": Table({
        "names": Table({"stop": _WORDS, "headline_verbs": _WORDS, "particles": _WORDS, "pre_titles": _WORDS,
                        "honorifics": Map(str), "common_lowercase": _WORDS, "address": _WORDS,
                        "pre_titles_bare": _WORDS, "degrees_ending_name": _WORDS}),
        "speech": Table({"after": _WORDS, "after_only": _WORDS, "before": _WORDS, "near": _WORDS,
                         "subject_lead": _WORDS, "voices": _WORDS, "voice_of_word": _WORDS}),
        "links": Table({"principal": _WORDS, "building": _WORDS, "also_as": _WORDS, "asides": _WORDS,
                        "led_by": _WORDS, "scope": _WORDS, "occasions": _WORDS, "copulas": _WORDS,
                        "national": _WORDS}),
        "candidates": Table({"pair": _WORDS, "number": _WORDS, "joiners": _WORDS, "running_mate": _WORDS,
                             "incumbent": _WORDS, "nickname": _WORDS, "offices": Map(_WORDS), "deputy": Map(str),
                             "elections": Map(_WORDS), "candidacy": _WORDS, "candidacy_adverbs": _WORDS,
                             "district": _WORDS, "office_of_region": Map(str),
                             "introducers": _WORDS, "others": _WORDS, "list_joiners": _WORDS,
                             "team": _WORDS})}),
    "nlp/lexicons/relevance.toml": Table({
        "threshold": float, "scale": float, "title_weight": float, "weak_weight": float,
        "election": Table({"strong": _WORDS, "weak": _WORDS}), "security": Table({"strong": _WORDS, "weak": _WORDS}),
        "both": Table({"terms": _WORDS}), "discovery": Opt(Table({"keywords": _WORDS}))}),
    "nlp/lexicons/elections.toml": Table({
        "election": [Table({"name": str, "voting": str, "cues": _WORDS, "of": Opt(str)})],
        "phase": [Table({"election": str, "stage": str, "start": str, "end": str})],
        "step": [Table({"election": str, "step": str, "name": str, "start": str, "end": str, "cues": Opt(_WORDS),
                        "source": Opt(str), "approximate": Opt(bool)})],
        "revote": [Table({"election": str, "name": str, "region": str, "date": str, "approximate": Opt(bool)})]}),
    "nlp/lexicons/place_abbrevs.toml": Table({"generated": Map(str)}),
    "nlp/lexicons/taxonomy.toml": Table({
        "codebook": Table({"title": str, "intro": str}),
        "types": Map(Table({"label": str, "label_id": str, "definition": str, "rules": _WORDS, "examples": _WORDS,
                            "default_actor": str,
                            "acled": Table({"event_type": str, "sub_event_type": str,
                                            "when": Opt([Table({"event_type": str, "sub_event_type": str,
                                                                "cue": str})])})})),
        "cues": Map(_WORDS), "disorder": Map(str), "actors": Map(Map(ANY)), "precision": Map(Map(ANY)),
        "acled": Table({}, rest=ANY)}),
    "data/counting.toml": Table({
        "national": Table({"spread": _WORDS, "deployers": _WORDS}),
        "province": Table({"spread": _WORDS, "deployers": _WORDS, "abbreviations": Map(str)}),
        "verbs": Map(_WORDS), "units": Map(_WORDS), "refers_back": Table({"cues": _WORDS}),
        "numbers": Table({"words": Map(_WORDS), "nouns": _WORDS})}),
    "nlp/lexicons/handovers.toml": Table({k: _WORDS for k in ("cues", "outgoing_then_incoming",
                                                              "incoming_then_outgoing", "outgoing_marks",
                                                              "incoming_marks", "since")}),
    "data/evidence.toml": Table({"portal_hosts": _WORDS, "portal_outlets": _WORDS, "release_cues": _WORDS}),
    # files other stages own: their known tables are checked, new ones are let through
    "nlp/lexicons/events.toml": Table({
        "types": Map(Table({"label": str, "triggers": _WORDS, "negative": Opt(_WORDS)}, rest=ANY)),
        "forces": Map(_WORDS), "personnel": Table({"deployment_types": Opt(_WORDS)}, rest=ANY)}, rest=ANY),
    "nlp/lexicons/places.toml": Table({
        "provinces": Map(str), "regencies": Map(_WORDS), "common_words": Table({"words": _WORDS}),
        "venues": Table({"heads": _WORDS}, rest=ANY)}, rest=ANY),
    "html/junk.toml": Table({"line": _WORDS, "tail": _WORDS, "opener": _WORDS, "inline": _WORDS,
                             "selectors": _WORDS, "dateline": Table({"outlets": _WORDS,
                                                                     "province_abbreviations": _WORDS})}, rest=ANY),
    "html/profiles/*.toml": Table({"name": Opt(str), "outlet": Opt(str), "hosts": Opt(_WORDS), "lines": Opt(_WORDS),
                                   **{k: Opt(_WORDS) for k in ("body", "title", "date", "modified", "author",
                                                                "editor", "section", "tags", "junk",
                                                                "next_page")}}),
}


def schema_for(relpath: str) -> Any:
    if relpath in SCHEMAS:
        return SCHEMAS[relpath]
    return next((s for pat, s in SCHEMAS.items() if fnmatch.fnmatchcase(relpath, pat)), None)


# ---------------------------------------------------------------- loading
def check(data: dict, relpath: str, schema: Any = None) -> dict:
    """``data`` if it fits ``schema`` (default: the one registered for
    ``relpath``), else :class:`DataFileError` naming the file and key."""
    schema = schema if schema is not None else schema_for(relpath)
    if schema is not None:
        bad = _check(data, schema, "")
        if bad:
            raise DataFileError(Msg.DATA_FILE.format(path=relpath, key=bad[0] or "(top)", detail=bad[1]))
    return data


def parse(raw: bytes, relpath: str, schema: Any = None) -> dict:
    """Parse and check the bytes of a TOML data file (``relpath`` names it in errors)."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise DataFileError(Msg.DATA_FILE.format(path=relpath, key="(syntax)", detail=exc)) from exc
    return check(data, relpath, schema)


@lru_cache(maxsize=None)
def load(relpath: str) -> dict:
    """The TOML data file at ``relpath`` (relative to the package: 
    ``"nlp/lexicons/positions.toml"``), parsed and schema-checked once per
    process. Callers must not change the dict they get."""
    path = ROOT / relpath
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(Msg.DATA_FILE.format(path=relpath, key="(file)", detail=exc.strerror or exc)) from exc
    return parse(raw, relpath)


def data_files(root: Optional[Path] = None) -> list[Path]:
    """Every data file under ``root`` (default: the package), sorted."""
    root = ROOT if root is None else Path(root)
    found = {p for pat in DATA_FILES for p in root.glob(pat) if p.is_file()}
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def check_all(root: Optional[Path] = None) -> list[str]:
    """Parse and check every TOML data file; the relative paths checked."""
    root = ROOT if root is None else Path(root)
    done = []
    for p in data_files(root):
        if p.suffix == ".toml":
            rel = p.relative_to(root).as_posix()
            parse(p.read_bytes(), rel)
            done.append(rel)
    return done


def fingerprint(root: Optional[Path] = None) -> str:
    """SHA-256 (hex) over the relative path and bytes of every data file."""
    if root is None:
        return _fingerprint()
    return _hash(Path(root))


def _hash(root: Path) -> str:
    return _digest(root, data_files(root))


def _digest(root: Path, files: list[Path]) -> str:
    """SHA-256 (hex) over each file's path relative to ``root`` and its bytes, length-prefixed."""
    h = hashlib.sha256()
    for p in files:
        rel = p.relative_to(root).as_posix().encode()
        body = p.read_bytes()
        h.update(len(rel).to_bytes(4, "big") + rel + len(body).to_bytes(8, "big") + body)
    return h.hexdigest()


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    return _hash(ROOT)


#: the package's code the code fingerprint leaves out: the training scripts make the model, which
#: is versioned apart (``model_version``)
CODE_EXCLUDED = ("nlp/training/*",)


def code_files(root: Path = ROOT) -> list[Path]:
    """Every Python source file of the package under ``root`` but :data:`CODE_EXCLUDED`, sorted."""
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts
                  and not any(fnmatch.fnmatch(p.relative_to(root).as_posix(), pat) for pat in CODE_EXCLUDED))


def code_fingerprint(root: Optional[Path] = None) -> str:
    """SHA-256 (hex) over the relative path and bytes of every source file
    (:func:`code_files`): the rules written in code, as :func:`fingerprint`
    covers those written in data. Any edit counts, a comment too."""
    if root is None:
        return _code_fingerprint()
    return _digest(Path(root), code_files(Path(root)))


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    return code_fingerprint(ROOT)


def extractor_version() -> str:
    """The package version, the data fingerprint and the code fingerprint
    (eight hex digits each): ``0.1.0+3f2a9c1d.7be01a55``."""
    return f"{__version__}+{fingerprint()[:8]}.{code_fingerprint()[:8]}"
