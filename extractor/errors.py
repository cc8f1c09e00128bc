"""The exception tree and every user-facing error message, in one place.

Foreign errors (httpx, sqlite3, lxml, tomllib, ...) are translated into these
where they enter the package, with the original kept as ``__cause__``.

    PantauError
    ├── UsageError           a command asked for something that does not apply, or a bad value (exit 2)
    ├── ConfigError          bad settings or sources file
    ├── DataFileError        a malformed language data file (lexicon, profile, junk rules)
    ├── InputError           a local input file that cannot be read
    │   └── InputWarning     a value of an input dropped (the item is stored without it)
    ├── DiscoveryError       a feed or sitemap that is not one
    ├── FetchError           network, HTTP status, robots, content type, size
    │   ├── RobotsDisallowed
    │   ├── HTTPStatusError
    │   ├── ContentTypeError
    │   ├── RedirectError
    │   └── BodyTooLarge
    ├── WriteError           an output file or folder that cannot be written
    ├── ParseError           page -> article
    ├── ExtractError         article -> records (what the NLP raised is its __cause__)
    └── StoreError           SQLite
        ├── SchemaVersionError
        ├── DatabaseBusyError  another process holds the write lock too long
        └── ReadOnlyError
"""

from __future__ import annotations


class Msg:
    """Message templates. Keep wording here so the CLI and tests share it."""

    CONFIG_NOT_FOUND = "config file not found: {path}"
    CONFIG_SYNTAX = "config file {path} is not valid TOML: {detail}"
    CONFIG_VALUE = "config {path}: {key}: {detail}"
    DATA_FILE = "data file {path}: {key}: {detail}"
    INPUT_NOT_FOUND = "input not found: {path}"
    INPUT_EMPTY = "input {path} holds no .html, .htm, .txt or .warc(.gz) files"
    INPUT_JSONL = "{path} line {line}: {detail}"
    INPUT_FIELD_TYPE = "{field!r} must be {kind}, not {got}"
    INPUT_DATE = "published {value!r} is not a date (YYYY-MM-DD or ISO 8601); stored without a published date"
    GOLD_SPLIT = "{path} has no split {split!r}; choose from: {choices}"
    INPUT_UNREADABLE = "cannot read {path}: {detail}"
    INPUT_KIND = "{path}: not a WARC (.warc, .warc.gz), JSONL, HTML or text file, nor a .paths list"
    DATE_FORMAT = "{value!r} is not a date in YYYY-MM-DD form"
    SIZE_FORMAT = "{value!r} is not a size: a number of bytes, or with K, M or G"
    FETCH_NETWORK = "{url}: network error: {detail}"
    FETCH_STATUS = "{url}: HTTP {status}"
    FETCH_ROBOTS = "{url}: disallowed by robots.txt"
    FETCH_TYPE = "{url}: content type {ctype!r} is not HTML"
    FETCH_TOO_LARGE = "{url}: body larger than {limit} bytes"
    FETCH_REDIRECTS = "{url}: more than {limit} redirects"
    FETCH_REDIRECT_LOOP = "{url}: redirect loop back to {target}"
    FETCH_REDIRECT_BAD = "{url}: redirect to a non-HTTP location {target!r}"
    FETCH_DEADLINE = "{url}: no complete response within {seconds:g} s"
    FETCH_RETRY_AFTER = "{url}: HTTP {status}, server asks to wait {seconds:g} s (more than max_retry_after)"
    FETCH_ROBOTS_UNREACHABLE = "{url}: robots.txt of {host} unavailable ({detail}); not fetched"
    FETCH_ENCODING = "{url}: unsupported content encoding {encoding!r}"
    FETCH_TRUNCATED = "{url}: compressed body is truncated or corrupt ({detail})"
    DISCOVER_UNREADABLE = "{url}: not a readable {kind}: {detail}"
    USER_AGENT = "must name pantau and a contact (a URL or an e-mail address)"
    SHARD_FILE = "shard output {path} cannot be read: {detail}"
    SHARD_FAILED = "shard {where} failed twice: {detail}"
    DASK_SPEC = "--dask takes local:N (N worker processes), a scheduler address (tcp://HOST:8786) or a scheduler file (.json), not {spec!r}"
    DASK_MISSING = "--dask needs Dask: pip install 'pantau[cluster]' (dask, distributed, fsspec)"
    DASK_CONNECT = "cannot reach the Dask cluster {spec}: {detail}"
    ARCHIVE_NOT_FOUND = "archive not found: {path}"
    ARCHIVE_EMPTY = "{path} holds no .warc or .warc.gz files"
    ARCHIVE_RECORD = "{path} at offset {offset}: {detail}"
    ARCHIVE_UNREADABLE = "{path}: not a readable WARC file after offset {offset}: {detail}"
    ARCHIVE_NO_RECORDS = "{path} is not a WARC file: no record could be read in its {size} bytes"
    ARCHIVE_CUT = ("{path}: cut short at offset {offset}: the last {length} bytes{what} are not a whole record and "
                   "were lost; the records before them were read")
    ARCHIVE_DAMAGED = ("{path}: {length} bytes at offset {offset}{what} are damaged and were skipped; the records "
                       "around them were read")
    PARSE_EMPTY = "no article text found"
    PARSE_BINARY = "input is binary, not HTML or text"
    PARSE_HTML = "HTML could not be parsed: {detail}"
    PARSE_NO_INPUT = "input is empty ({size} bytes, nothing but whitespace)"
    PARSE_TOO_LARGE = "input is {size} bytes, more than the {limit} bytes a page may have"
    PARSE_PROFILE = "unknown site profile {name!r}; choose from: {choices}"
    PARSE_FAILED = "parsing failed: {detail}"
    EXTRACT_FAILED = "extraction failed: {detail}"
    EXTRACT_BATCH = ("extracting a batch of {n} articles in one pass failed ({detail}); each was extracted alone "
                     "instead")
    DB_NOT_FOUND = "database not found: {path}"
    DB_SCHEMA = "database {path} has schema version {found}, this pantau expects {expected}; {hint}"
    DB_NOT_PANTAU = "{path} is not a pantau database (no schema version)"
    DB_BUSY = ("database {path} is busy: another process holds its write lock (another pantau creating or "
               "upgrading its schema, or a long write); try again when it is done")
    DB_MIGRATION = "database {path}: schema migration {version} failed ({detail}); it is left at version {before}"
    SQL_READ_ONLY = "the --sql connection is read-only: {detail}"
    SQL_DENIED = ("the --sql connection is read-only: ATTACH, DETACH, VACUUM INTO and PRAGMAs that set a value are "
                  "refused ({detail})")
    SQL_ERROR = "SQL error: {detail}"
    QUERY_UNKNOWN = "unknown query {name!r}; choose from: {choices}"
    QUERY_FILTER = "{option} does not apply to {name}"
    UNKNOWN_TABLE = "unknown table or view {name!r}; choose from: {choices}"
    NER_MODEL = "cannot load the NER model: {detail}"
    TRAINING_MISSING = ("training needs a source checkout of pantau: the installed package leaves out "
                        "extractor/nlp/training")

    # filters of query, report and export (issue 19)
    UNKNOWN_VALUE = "unknown {what} {value!r}; {hint}"
    AMBIGUOUS_KABUPATEN = ("{value!r} is {choices}; say which (--kabupaten 'Kota {bare}' or 'Kabupaten {bare}'), "
                           "or give the code")
    SINCE_AFTER_UNTIL = "--since {since} is later than --until {until}"
    FTS_SYNTAX = ("--search {value!r} is not a valid full-text query ({detail}); it takes SQLite FTS5 syntax: "
                  "words (all must occur), \"an exact phrase\", OR, NOT, a prefix* ; quote words with hyphens or "
                  "dots (\"Polres-Lahat\")")
    # runs where nothing succeeded (issue 16)
    NOTHING_STORED = ("nothing was stored: all {n} items failed (the first are listed above; every one: "
                      "pantau stats --errors --db {db})")
    NOTHING_DISCOVERED = ("nothing was fetched: discovery failed ({n} errors: no network, or the feeds and sitemaps "
                          "unreachable or unreadable) and found no article URLs{more}")
    NOTHING_TO_FETCH = ("0 URLs would be fetched: discovery failed ({n} errors, listed above: no network, or the "
                        "feeds and sitemaps unreachable or unreadable) and found no article URLs")
    # writing files (issue 16)
    WRITE_FAILED = "cannot write {path}: {detail}"


#: the longest message a foreign error leaves in one line (spaCy's run to a paragraph)
DESCRIBE_MAX = 200


def one_line(text: str, limit: int = DESCRIBE_MAX) -> str:
    """``text`` as one printable line of at most ``limit`` characters (its first line;
    control characters as spaces; cut with an ellipsis)."""
    first = next((ln for ln in str(text).strip().splitlines() if ln.strip()), "")
    first = "".join(c if c.isprintable() else " " for c in first).strip()
    return first if len(first) <= limit else first[:limit - 1].rstrip() + "\u2026"


def describe(exc: BaseException) -> str:
    """A foreign error in one bounded line: its type and the first line of its message."""
    first = one_line(str(exc))
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


class PantauError(Exception):
    """Base of every error pantau raises on purpose.

    ``stage`` names the pipeline stage (``discover``, ``fetch``, ``parse``,
    ``extract``, ``store``) and is what the errors table records.
    """

    stage = "pantau"

    def __init__(self, message: str, *, url: str | None = None):
        super().__init__(message)
        self.message = message
        self.url = url

    def __str__(self) -> str:  # one clear line
        return self.message


class UsageError(PantauError):
    """The user asked for something that does not apply or gave a value pantau
    cannot use (a filter a query does not take, an unknown province, --since
    after --until, a malformed search); the CLI exits 2, as for bad usage."""

    stage = "usage"
    exit_code = 2


class ConfigError(PantauError):
    stage = "config"


class DataFileError(PantauError):
    """A data file of the package (``extractor.datafiles``) that cannot be read or fails its schema."""

    stage = "data"


class InputError(PantauError):
    stage = "input"


class InputWarning(InputError):
    """A value of an input that cannot be used (a published date that is not a
    date): dropped, the item stored without it, the warning recorded in ``errors``
    with this class's name as its ``error_type``."""


class DiscoveryError(PantauError):
    stage = "discover"


class FetchError(PantauError):
    stage = "fetch"

    #: whether a later run may succeed (network faults, 5xx) or not (404, robots)
    retryable = True


class RobotsDisallowed(FetchError):
    retryable = False


class HTTPStatusError(FetchError):
    def __init__(self, message: str, *, url: str | None = None, status: int = 0):
        super().__init__(message, url=url)
        self.status = status
        self.retryable = status >= 500 or status == 429


class ContentTypeError(FetchError):
    retryable = False


class RedirectError(FetchError):
    """Too many redirects, a loop, or a redirect to a non-HTTP location."""

    retryable = False


class BodyTooLarge(FetchError):
    retryable = False


class WriteError(PantauError):
    """An export or report that cannot be written (a read-only or full disk, a
    path under a file); nothing half-written is left behind."""

    stage = "store"


class ParseError(PantauError):
    stage = "parse"


class ExtractError(PantauError):
    stage = "extract"


class StoreError(PantauError):
    stage = "store"


class SchemaVersionError(StoreError):
    pass


class DatabaseBusyError(StoreError):
    """Another process kept the database's write lock longer than pantau waits."""


class ReadOnlyError(StoreError):
    pass
