"""The search contract shared by every engine, and the life cycle they have in common.

An engine indexes what it is given (the caller passes only published records). Each index lives in
its own sub-directory of ``index_dir``; ``meta.json`` names the active one, so a rebuild happens
beside the live index and is switched in by one atomic rename (see ``indexdir``). Writers in any
process serialise on a lock file; readers notice other processes' changes because ``meta.json``
changes with every write, and then reload cheaply.
"""

from __future__ import annotations

import gc
import threading
import warnings
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar, Generic, TypeVar

from ..records import TypicalCaseRecord
from ..tokenize import bigrams, normalise, term_groups
from .analysis import (
    Analyzer,
    Clause,
    IndexedCase,
    ParsedQuery,
    make_snippet,
    parse_query,
    prepare,
    similar_terms,
    suggest,
    text_keywords,
)
from .indexdir import IndexBusy, IndexDirectory, IndexUnavailable

__all__ = [
    "FACETS", "FILTER_KEYS", "MAX_PER_PAGE", "SORTS",
    "Hit", "IndexBusy", "IndexUnavailable", "SearchEngine", "SearchQuery", "SearchResult",
]

FILTER_KEYS = ("occupation", "outcome", "claim", "region", "year", "source_body")
FACETS = FILTER_KEYS
SORTS = ("relevance", "date")
MAX_PER_PAGE = 100
# Answers kept until the index changes: the total and facets of this many queries (the next page,
# another order, the landing page's filter links), and this many did-you-mean suggestions.
COUNTS_CACHE_SIZE = 256
SUGGESTION_CACHE_SIZE = 256
# The index's most frequent words by first character, read for did-you-mean: kept for this many
# characters, whichever query asks.
PREFIX_CACHE_SIZE = 1024
MATCHES_CACHE_SIZE = 4096  # whether a word or run of words is found at all, likewise
PROGRESS_EVERY = 100
SUGGEST_PREFIX_TERMS = 300

T = TypeVar("T")


@dataclass
class SearchQuery:
    """What to look for: words and quoted phrases, exact-match filters, a page and an order.

    Empty or ``None`` filter values are dropped (a form's "all" choice); ``year`` may be given as
    digits. Invalid filters, pages or sorts raise ``ValueError`` at construction, never the text.
    """

    text: str = ""
    filters: dict[str, str | int] = field(default_factory=dict)
    page: int = 1
    per_page: int = 10
    sort: str = "relevance"
    # A query that finds nothing, or only part of its words, is run again as its did-you-mean
    # when that finds every word ("showing results for"); False keeps the words as typed.
    autocorrect: bool = True

    def __post_init__(self) -> None:
        self.text = self.text or ""
        self.filters = _checked_filters(self.filters)
        if isinstance(self.page, bool) or not isinstance(self.page, int) or self.page < 1:
            raise ValueError(f"page must be an integer from 1, not {self.page!r}")
        if isinstance(self.per_page, bool) or not isinstance(self.per_page, int) \
                or not 1 <= self.per_page <= MAX_PER_PAGE:
            raise ValueError(f"per_page must be an integer from 1 to {MAX_PER_PAGE}, not {self.per_page!r}")
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")

    @property
    def offset(self) -> int:
        """How many hits come before this page."""
        return (self.page - 1) * self.per_page


def _checked_filters(filters: dict[str, Any]) -> dict[str, str | int]:
    checked: dict[str, str | int] = {}
    for key, value in filters.items():
        if key not in FILTER_KEYS:
            raise ValueError(f"unknown filter {key!r}; known filters: {', '.join(FILTER_KEYS)}")
        if value is None or value == "":
            continue
        if key == "year":
            checked[key] = _year(value)
        elif isinstance(value, str):
            checked[key] = value
        else:
            raise ValueError(f"filter {key!r} must be a string, not {value!r}")
    return checked


def _year(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 4:
        return int(value)
    raise ValueError(f"filter 'year' must be a year, not {value!r}")


@dataclass
class Hit:
    """One case in a result list. ``snippet`` is HTML-safe: text escaped, matches in ``<mark>``.

    ``score`` is the relevance score, or 0.0 when the list is not ranked by relevance.
    """

    id: str
    title: str
    score: float
    snippet: str
    outcome: str
    occupation: str
    year: int
    region: str | None
    # How many of the query's clauses the case matches, in a partial result; else None.
    matched: int | None = None


@dataclass
class SearchResult:
    """One page of hits, the total, and facet counts over the whole filtered result set.

    ``partial`` is True when no case matches every word of the query and the hits are the cases
    matching the most of them instead (the page says so): all the words but those that match no
    case at all, or, when no case has those together either, some of the words, those matching
    more first. ``suggestion`` is a corrected query for a query with a word that matches nothing
    ("did you mean").
    """

    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    page: int
    per_page: int
    partial: bool = False
    suggestion: str | None = None
    # The query actually run when the typed one was corrected (``SearchQuery.autocorrect``).
    corrected_to: str | None = None
    # When fewer cases than a page have every word, the page goes on with the cases having the
    # most of them: the last ``extended`` hits (each with ``matched``), not counted in ``total``.
    extended: int = 0


class SearchEngine(ABC):
    """A full-text index of typical cases in one directory, safe to share between processes.

    ``search``, ``similar`` and ``count`` raise ``IndexUnavailable`` when the index is missing or
    unreadable; ``rebuild`` always works, from scratch, into a fresh directory. Writes raise
    ``IndexBusy`` (a kind of ``IndexUnavailable``) when another writer holds the lock too long.
    """

    name: ClassVar[str]
    # Bump when the fields change: an index built by older code is then reported unavailable.
    schema_version: ClassVar[int]

    def __init__(
        self, index_dir: str | Path, *, analyzer: Analyzer = term_groups, lock_timeout: float = 10.0,
    ):
        self.index_dir = Path(index_dir)
        self._analyzer = analyzer
        self._dir = IndexDirectory(self.index_dir, self.name, self.schema_version, lock_timeout)
        self._lock = threading.RLock()
        self._handle: Any = None
        self._active: str | None = None
        self._meta_bytes: bytes | None = None
        self._counts_cache: _Lru[tuple, tuple[int, dict[str, dict[str, int]]]] = _Lru(COUNTS_CACHE_SIZE)
        self._suggestion_cache: _Lru[str, str | None] = _Lru(SUGGESTION_CACHE_SIZE)
        self._prefix_cache: _Lru[str, list[tuple[str, int]]] = _Lru(PREFIX_CACHE_SIZE)
        self._matches_cache: _Lru[str, bool] = _Lru(MATCHES_CACHE_SIZE)

    # --- writing -----------------------------------------------------------------------------

    def rebuild(
        self,
        records: Iterable[TypicalCaseRecord],
        progress: Callable[[int], None] | None = None,
        *,
        generation: int | Callable[[], int] | None = None,
    ) -> int:
        """Index ``records`` from scratch and switch readers over in one step; return the count.

        ``progress`` is called with the number of records indexed since its previous call (so it
        fits ``click.progressbar``'s ``update``). ``generation`` is stamped with the new index; when
        it is a function it is called once the writer lock is held, before ``records`` is iterated,
        so a lazy ``records`` read from the same source is at least as new as the stamp.
        """
        cases = (prepare(record, self._analyzer) for record in records)
        with self._dir.write_lock():
            if callable(generation):
                generation = generation()
            build_dir = self._dir.new_build_dir()
            try:
                count = self._build(build_dir, _reporting(cases, progress))
            except BaseException:
                self._dir.discard(build_dir)
                raise
            self._dir.activate(build_dir, generation)
        return count

    def upsert(self, record: TypicalCaseRecord) -> None:
        """Add the record, or replace the indexed record with the same id."""
        case = prepare(record, self._analyzer)
        self._write(lambda handle: self._apply(handle, [case], [record.id]))

    def remove(self, record_id: str) -> None:
        """Remove the record with this id; removing an id that is not indexed does nothing."""
        self._write(lambda handle: self._apply(handle, [], [record_id]))

    def sync(self, read: Callable[[], tuple[int, Sequence[TypicalCaseRecord], Sequence[str]]]) -> None:
        """Bring some records up to date from the source of truth and stamp its change counter.

        ``read`` returns ``(generation, records to index, ids to remove)`` and is called with the
        writer lock held, reading the generation before the records. Reading under the lock is what
        keeps two processes that change the same record at once from writing an older state over a
        newer one: whoever writes last has also read last.
        """
        with self._dir.write_lock(), self._lock:
            generation, records, removed = read()
            cases = [prepare(record, self._analyzer) for record in records]
            self._guarded(lambda: self._apply(self._current(), cases, [r.id for r in records] + list(removed)))
            self._meta_bytes = self._dir.touch(generation=generation)
            self._index_changed()
            self._guarded(lambda: self._refresh(self._handle))

    def set_generation(self, generation: int) -> None:
        """Stamp the index with the change counter it is now up to date with."""
        with self._dir.write_lock():
            self._dir.touch(generation=generation)

    def _write(self, change: Callable[[Any], None]) -> None:
        with self._dir.write_lock(), self._lock:
            self._guarded(lambda: change(self._current()))
            self._meta_bytes = self._dir.touch()
            self._index_changed()
            self._guarded(lambda: self._refresh(self._handle))

    # --- reading -----------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        """Run a query; any text is taken as plain words and quoted phrases, and never raises.

        Cases matching every clause come first; when there are none, cases matching some clauses
        are returned instead, flagged ``partial``. A query word that matches nothing may earn a
        ``suggestion``.
        """
        parsed = parse_query(query.text)
        with self._lock:
            return self._guarded(lambda: self._answer(self._current(), parsed, query))

    def _answer(self, handle: Any, parsed: ParsedQuery, query: SearchQuery) -> SearchResult:
        result = self._search(handle, parsed, query, True)
        if result.total or parsed.empty:
            self._extend(handle, parsed, query, result)
            return result
        # No case has every word. The did-you-mean comes first: when the corrected query finds
        # cases it is the answer, and the partial result it replaces is never counted.
        suggestion = self._suggestion_cache.get_or_make(query.text, lambda: suggest(
            query.text,
            lambda text: self._matches_cache.get_or_make(text, lambda: self._holds_text(handle, text)),
            lambda prefix: self._prefix_cache.get_or_make(
                prefix, lambda: self._terms_with_prefix(handle, prefix, SUGGEST_PREFIX_TERMS)),
        ))
        if query.autocorrect and suggestion and suggestion != query.text:
            mended = parse_query(suggestion)
            corrected = self._search(handle, mended, query, True)
            if corrected.total:
                corrected.suggestion = corrected.corrected_to = suggestion
                self._extend(handle, mended, query, corrected)
                return corrected
        if len(parsed.clauses) > 1:
            fallback = self._partial(handle, parsed, query)
            if fallback is not None and fallback.total:
                result = fallback
                result.partial = True
        result.suggestion = suggestion
        return result

    def _extend(self, handle: Any, parsed: ParsedQuery, query: SearchQuery, result: SearchResult) -> None:
        """Fill the rest of a short first page with the cases that have the most of the words.

        Three cases with every word of "骑手 撞人 赔偿" would otherwise hide the dozen that say
        撞伤 instead of 撞人; the page shows them after a divider saying which words they lack.
        Only a first page ranked by relevance that has room, for a query of several words.
        """
        if not (0 < result.total < query.per_page and query.page == 1 and len(parsed.clauses) > 1
                and query.sort == "relevance"):
            return
        found = tuple(clause for clause in parsed.clauses if self._clause_matches(handle, clause))
        if len(found) < 2:
            return
        room = query.per_page - len(result.hits)
        wider = replace(query, page=1, per_page=min(MAX_PER_PAGE, query.per_page + result.total))
        seen = {hit.id for hit in result.hits}
        # Only the hits are wanted: no total, no facets (counting every case with any word is the cost).
        more = [hit for hit in self._search(handle, ParsedQuery(found, parsed.ignored), wider, False, counted=False).hits
                if hit.id not in seen and (hit.matched or 0) >= 1][:room]
        result.hits.extend(more)
        result.extended = len(more)

    def _partial(self, handle: Any, parsed: ParsedQuery, query: SearchQuery) -> SearchResult | None:
        """The cases matching the most clauses, when none matches them all.

        A clause that matches no case at all (a typo, a word the library does not use) is left
        out first: the cases matching all the others are then the ones matching the most, found
        by one more all-words search instead of ranking every case that has any word. Only when
        they do not exist either are the cases matching any clause ranked, more clauses first.
        """
        found = tuple(clause for clause in parsed.clauses if self._clause_matches(handle, clause))
        if not found:
            return None
        narrowed = ParsedQuery(found, parsed.ignored)
        if len(found) < len(parsed.clauses):
            result = self._search(handle, narrowed, query, True)
            if result.total:
                for hit in result.hits:
                    hit.matched = len(found)
                return result
        if len(found) == 1:
            return None
        return self._search(handle, narrowed, query, False)

    def similar(self, record_id: str, limit: int = 5) -> list[Hit]:
        """Cases whose text shares the most telling words with this record's (not itself).

        An id that is not indexed has no similar cases.
        """
        with self._lock:
            return self._guarded(lambda: self._similar_to_record(record_id, limit))

    def similar_to_text(self, text: str, limit: int = 5) -> list[Hit]:
        """Cases whose text shares the most telling words with free text (a worker's account)."""
        keywords = text_keywords(text, self._analyzer)
        with self._lock:
            return self._guarded(lambda: self._more_like(self._current(), keywords, None, limit))

    def count(self) -> int:
        """How many records the index holds."""
        with self._lock:
            return self._guarded(lambda: self._count(self._current()))

    def generation(self) -> int | None:
        """The change counter stamped on the index, or None when unknown or the index is missing."""
        return self._dir.generation()

    def clear_cache(self) -> None:
        """Forget everything kept from earlier queries: totals, facets, suggestions and the words
        read for them. The engine does so whenever the index changes; a benchmark does so to time
        a query on an engine that has kept nothing."""
        self._counts_cache.clear()
        self._suggestion_cache.clear()
        self._prefix_cache.clear()
        self._matches_cache.clear()

    def _index_changed(self) -> None:
        self.clear_cache()

    def close(self) -> None:
        """Release open files; the engine reopens the index if it is used again."""
        with self._lock:
            self._forget()

    def __enter__(self) -> SearchEngine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _similar_to_record(self, record_id: str, limit: int) -> list[Hit]:
        handle = self._current()
        keywords = self._keywords(handle, record_id)
        if keywords is None:
            return []
        return self._more_like(handle, keywords, record_id, limit)

    def _more_like(
        self, handle: Any, keywords: Sequence[tuple[str, int]], exclude: str | None, limit: int,
    ) -> list[Hit]:
        total = self._count(handle)
        # A word found only in the record itself cannot lead to another case.
        min_docs = 2 if exclude else 1
        terms = similar_terms(keywords, lambda word: self._doc_freq(handle, word), total, min_docs)
        if not terms or limit < 1:
            return []
        return self._search_terms(handle, terms, exclude, limit)

    # --- the active index --------------------------------------------------------------------

    def _current(self) -> Any:
        """The open index, reopened or reloaded when ``meta.json`` says something changed."""
        meta_bytes = self._dir.meta_bytes()
        if self._handle is not None and meta_bytes == self._meta_bytes:
            return self._handle
        meta = self._dir.parse_meta(meta_bytes)
        if self._handle is None or meta.active != self._active:
            self._forget()
            self._handle = self._open(self._dir.path_of(meta))
            self._active = meta.active
        else:
            self._refresh(self._handle)
        self._meta_bytes = meta_bytes
        self._index_changed()
        return self._handle

    def _forget(self) -> None:
        handle, self._handle, self._active, self._meta_bytes = self._handle, None, None, None
        self._index_changed()
        if handle is not None:
            self._close(handle)

    def _guarded(self, operation: Callable[[], T]) -> T:
        """Run an index operation; whatever the engine raises on a broken index becomes IndexUnavailable."""
        try:
            return operation()
        except IndexUnavailable:
            raise
        except BaseException as exc:
            if not _is_engine_failure(exc):
                raise
            failure = exc
        self._forget()
        _release_frames(failure)
        raise IndexUnavailable(f"{self.name} index in {self.index_dir} is unusable: {failure!r}") from failure

    def _holds_text(self, handle: Any, text: str) -> bool:
        """``_matches_text``, after a cheaper test: a Chinese run with a bigram that no case has is
        in no case. Did-you-mean tries dozens of mended runs (中央农科院, 中心农科院… for 中国农科院),
        and most fail on one document frequency instead of a segmentation and a phrase query."""
        if not all(self._gram_doc_freq(handle, gram) for gram in bigrams(normalise(text))):
            return False
        return self._matches_text(handle, text)

    def _counts(
        self, parsed: ParsedQuery, filters: dict[str, str | int], match_all: bool,
        count: Callable[[], tuple[int, dict[str, dict[str, int]]]],
    ) -> tuple[int, dict[str, dict[str, int]]]:
        """The total and facets from ``count``, kept until the index changes: the next page of a
        query, its other order and the landing page's filter links do not count them again."""
        total, facets = self._counts_cache.get_or_make(_counts_key(parsed, filters, match_all), count)
        return total, {name: dict(values) for name, values in facets.items()}

    def _counted_before(self, parsed: ParsedQuery, filters: dict[str, str | int], match_all: bool) -> bool:
        """Whether ``_counts`` has the answer kept (then its ``count`` is not called)."""
        return self._counts_cache.holds(_counts_key(parsed, filters, match_all))

    def _hit(
        self, stored: dict[str, Any], score: float, marks: Sequence[str], anchors: Sequence[str] = (),
        matched: int | None = None,
    ) -> Hit:
        texts = (stored["facts"], stored["holding"], stored["reasoning"])
        return Hit(
            id=stored["id"],
            title=stored["title"],
            score=float(score),
            snippet=make_snippet(texts, marks, anchors),
            outcome=stored["outcome"],
            occupation=stored["occupation"],
            year=stored["year"],
            region=stored["region"],
            matched=matched,
        )

    # --- what each engine provides -----------------------------------------------------------

    @abstractmethod
    def _build(self, path: Path, cases: Iterable[IndexedCase]) -> int:
        """Create a new index in the empty directory ``path`` holding ``cases``; return the count."""

    @abstractmethod
    def _open(self, path: Path) -> Any:
        """Open the index in ``path`` for reading and writing."""

    @abstractmethod
    def _refresh(self, handle: Any) -> None:
        """Make ``handle`` see the latest commit of its index."""

    @abstractmethod
    def _close(self, handle: Any) -> None:
        """Release what ``handle`` holds open."""

    @abstractmethod
    def _apply(self, handle: Any, add: Sequence[IndexedCase], delete_ids: Sequence[str]) -> None:
        """Delete the documents with ``delete_ids``, add ``add``, and commit."""

    @abstractmethod
    def _search(self, handle: Any, parsed: ParsedQuery, query: SearchQuery, match_all: bool,
                counted: bool = True) -> SearchResult:
        """Run a parsed query with the filters, order and page of ``query``.

        With ``match_all`` a case must satisfy every clause; without, any clause, and cases
        matching more clauses rank first (their ``Hit.matched`` says how many). Without ``counted``
        only the page's hits are found: no facets, and ``total`` counts just the hits returned.
        """

    @abstractmethod
    def _clause_matches(self, handle: Any, clause: Clause) -> bool:
        """True if some document matches the clause (ignoring any filter)."""

    @abstractmethod
    def _matches_text(self, handle: Any, text: str) -> bool:
        """True if some document holds ``text`` (folded) as a word or as a run of characters."""

    @abstractmethod
    def _gram_doc_freq(self, handle: Any, gram: str) -> int:
        """How many documents have the two characters of ``gram`` together (the bigram field)."""

    @abstractmethod
    def _terms_with_prefix(self, handle: Any, prefix: str, limit: int) -> list[tuple[str, int]]:
        """Up to ``limit`` body words starting with ``prefix``, with document counts, most frequent first."""

    @abstractmethod
    def _keywords(self, handle: Any, record_id: str) -> list[tuple[str, int]] | None:
        """The stored keywords of a record, or None if it is not indexed."""

    @abstractmethod
    def _doc_freq(self, handle: Any, word: str) -> int:
        """How many documents contain ``word``."""

    @abstractmethod
    def _search_terms(
        self, handle: Any, terms: Sequence[tuple[str, float]], exclude: str | None, limit: int,
    ) -> list[Hit]:
        """The best documents matching any of the weighted terms, without ``exclude``."""

    @abstractmethod
    def _count(self, handle: Any) -> int:
        """How many documents the index holds."""


K = TypeVar("K")
V = TypeVar("V")


class _Lru(Generic[K, V]):
    """A small least-recently-used cache; callers hold the engine's lock."""

    def __init__(self, size: int):
        self._size = size
        self._items: OrderedDict[K, V] = OrderedDict()

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        value = make()
        self._items[key] = value
        if len(self._items) > self._size:
            self._items.popitem(last=False)
        return value

    def holds(self, key: K) -> bool:
        return key in self._items

    def clear(self) -> None:
        self._items.clear()


def _counts_key(parsed: ParsedQuery, filters: dict[str, str | int], match_all: bool) -> tuple:
    return parsed.clauses, tuple(sorted(filters.items())), match_all


def _is_engine_failure(exc: BaseException) -> bool:
    # tantivy reports a Rust panic as pyo3's PanicException, which derives from BaseException.
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _release_frames(failure: BaseException) -> None:
    """Drop the tracebacks of a failed engine call and collect what they held.

    Whoosh leaves files open when it meets a corrupt file; they are closed here, quietly,
    instead of surfacing later as a ResourceWarning in whatever code runs next.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        seen: set[int] = set()
        exc: BaseException | None = failure
        while exc is not None and id(exc) not in seen:
            seen.add(id(exc))
            exc.__traceback__ = None
            exc = exc.__cause__ or exc.__context__
        gc.collect()


def _reporting(cases: Iterable[T], progress: Callable[[int], None] | None) -> Iterator[T]:
    """Yield cases, telling ``progress`` how many went by, every ``PROGRESS_EVERY``."""
    pending = 0
    for case in cases:
        yield case
        pending += 1
        if progress is not None and pending == PROGRESS_EVERY:
            progress(pending)
            pending = 0
    if progress is not None and pending:
        progress(pending)
