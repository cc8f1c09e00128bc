"""What a run did, as it happens: the counts it ends with (:class:`Summary`),
shown live through a progress callback, and every failure recorded in one
place (:class:`RunLog`): counted, listed for the closing lines, and written
to the ``errors`` table with its URL (or path) and stage. A :class:`Notice`
(a value of an input that was dropped, the item stored without it) is
recorded the same way but counted as a warning, not a failure."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from .store import Store

Progress = Callable[[str, int], None]  # (counter name, increment)


@dataclass
class Summary:
    discovered: int = 0
    queued: int = 0
    fetched: int = 0
    not_modified: int = 0
    disallowed: int = 0
    failed: int = 0
    duplicates: int = 0
    skipped: int = 0
    stored: int = 0
    relevant: int = 0
    extracted: int = 0
    officials: int = 0
    events: int = 0
    errors: int = 0
    warnings: int = 0
    error_list: list = field(default_factory=list, repr=False)
    warning_list: list = field(default_factory=list, repr=False)

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("error_list")
        d.pop("warning_list")
        return d

    def succeeded(self) -> bool:
        """Whether the run did any of its work: something stored, found current
        already, not modified or a duplicate - or nothing failed at all."""
        return not self.errors or bool(self.stored or self.skipped or self.not_modified or self.duplicates)


@dataclass(frozen=True)
class Failure:
    """A unit of work (an article, a page, an input) that failed at a stage."""

    url: str
    stage: str
    error: BaseException


@dataclass(frozen=True)
class Notice:
    """A problem with an item that is stored all the same, without the value at
    fault (an invalid published date): a warning with its URL and stage."""

    url: str
    stage: str
    error: BaseException


class RunLog:
    """The counts and failures of one run. ``store``: where failures are
    written (None: a dry run, which writes nothing); ``progress`` is told
    every count as it changes."""

    def __init__(self, store: Optional["Store"] = None, run_id: Optional[int] = None,
                 progress: Optional[Progress] = None):
        self.store, self.run_id = store, run_id
        self.summary = Summary()
        self._progress = progress or (lambda name, n=1: None)

    def count(self, name: str, n: int = 1, *, show: bool = True) -> None:
        """Add ``n`` to the summary's ``name`` (and show it, unless ``show`` is false)."""
        setattr(self.summary, name, getattr(self.summary, name) + n)
        if show:
            self._progress(name, n)

    def failed(self, failure: Failure, *, written: bool = False) -> None:
        """Count and list a failure, and write its ``errors`` row unless the
        caller wrote it already (``written``: with the URL's crawl state, in
        one transaction)."""
        self.summary.error_list.append((failure.url, failure.stage, str(failure.error)))
        self.count("errors")
        if self.store is not None and not written:
            self.store.record_error(failure.url, failure.stage, failure.error, self.run_id)

    def noted(self, notice: Notice) -> None:
        """Count and list a warning, and write its ``errors`` row (its ``error_type``
        says it is a warning)."""
        self.summary.warning_list.append((notice.url, notice.stage, str(notice.error)))
        self.count("warnings")
        if self.store is not None:
            self.store.record_error(notice.url, notice.stage, notice.error, self.run_id)
