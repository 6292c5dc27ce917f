"""The pure-Python engine: Whoosh (``whoosh-reloaded``), the product card's choice.

Slower than tantivy but with no compiled code. Text is segmented by ``casebase.tokenize`` before it
reaches Whoosh and handed over as "word|inner|inner word …" (one position per space-separated group),
which ``PositionGroupTokenizer`` reads back. Queries are built from Query objects, never parsed.
"""

from __future__ import annotations

import itertools
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whoosh import columns, fields, index
from whoosh.analysis import Token, Tokenizer
from whoosh.matching import NullMatcherClass, WrappingMatcher
from whoosh.query import And, Every, Or, Phrase, Query, Term, WrappingQuery
from whoosh.searching import Searcher
from whoosh.sorting import FieldFacet, ScoreFacet

from ..tokenize import words
from .analysis import Clause, Group, IndexedCase, ParsedQuery, run_grams
from .base import FACETS, Hit, SearchEngine, SearchQuery, SearchResult

# The same weights as the tantivy engine (see there).
TITLE_BOOST = 2.0
HOLDING_BOOST = 1.5
SYNONYM_WEIGHT = 0.8
GRAM_WEIGHT = 0.5
FACET_SCORE = 6.0  # as tantivy_engine.FACET_SCORE, which says why
COVERAGE = 100.0
WRITER_MEMORY_MB = 128
FACET_SEPARATOR = "\x1f"
CLAIM_SEPARATOR = " "
SCAN_PREFIX_TERMS = 5_000  # words read from the term list for one did-you-mean prefix


class PositionGroupTokenizer(Tokenizer):
    """Reads text that ``casebase`` already segmented: groups separated by spaces, words in a
    group by "|"; every word of a group gets the group's position.

    Whoosh pickles the schema, and with it this class's import path, into the index: moving or
    renaming the class makes existing indexes unreadable until ``casebase reindex`` rebuilds them.
    """

    def __call__(
        self, value: str, positions: bool = False, chars: bool = False, keeporiginal: bool = False,
        removestops: bool = True, start_pos: int = 0, start_char: int = 0, tokenize: bool = True,
        mode: str = "", **kwargs: Any,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for position, group in enumerate(value.split(" ") if value else (), start_pos):
            for word in group.split("|"):
                if not word:
                    continue  # an empty group only takes a position (between runs of bigrams)
                token.text = word
                token.boost = 1.0
                token.stopped = False
                if keeporiginal:
                    token.original = word
                if positions:
                    token.pos = position
                if chars:
                    token.startchar = token.endchar = start_char
                yield token


class _Constant(WrappingQuery):
    """Matches what its child matches, each document with one fixed score.

    Not Whoosh's ConstantScoreQuery: that one gives back the child's own scores whenever the
    search sorts by score (``ScoreFacet``), which is how this engine breaks ties by recency.
    """

    def __init__(self, child: Query, value: float):
        WrappingQuery.__init__(self, child)
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Constant) and self.child == other.child and self.value == other.value

    def __hash__(self) -> int:
        return hash(self.child) ^ hash(self.value)

    def _rewrap(self, child: Query) -> _Constant:
        return _Constant(child, self.value)

    def matcher(self, searcher, context=None):
        matcher = self.child.matcher(searcher, context)
        if isinstance(matcher, NullMatcherClass):
            return matcher
        return _ConstantMatcher(matcher, self.value)


class _ConstantMatcher(WrappingMatcher):
    def __init__(self, child, value: float):
        WrappingMatcher.__init__(self, child)
        self._value = value

    def copy(self):
        return _ConstantMatcher(self.child.copy(), self._value)

    def _replacement(self, newchild):
        return _ConstantMatcher(newchild, self._value)

    def supports_block_quality(self) -> bool:
        return False

    def max_quality(self) -> float:
        return self._value

    def score(self) -> float:
        return self._value


def _schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(unique=True),
        title=fields.TEXT(analyzer=PositionGroupTokenizer(), phrase=False),
        holding=fields.TEXT(analyzer=PositionGroupTokenizer(), phrase=False),
        body=fields.TEXT(analyzer=PositionGroupTokenizer(), phrase=True),
        grams=fields.TEXT(analyzer=PositionGroupTokenizer(), phrase=True),
        occupation=fields.ID(),
        outcome=fields.ID(),
        claim=fields.KEYWORD(),
        arrangement=fields.ID(),
        region=fields.ID(),
        year=fields.ID(),
        source_body=fields.ID(),
        sort_key=fields.ID(sortable=True),
        facets=fields.COLUMN(columns.VarBytesColumn()),
        stored=fields.STORED(),
    )


def _encode(groups: list[Group]) -> str:
    return " ".join("|".join(group) for group in groups)


@dataclass
class _Handle:
    index: index.Index
    searcher: Searcher
    # Facet values of every document, by document number, read once per reader from a column.
    facet_rows: list[tuple[str, ...]] = field(default_factory=list)


class WhooshEngine(SearchEngine):
    """Typical-case search on Whoosh."""

    name = "whoosh"
    schema_version = 3

    # --- index life cycle --------------------------------------------------------------------

    def _build(self, path: Path, cases: Iterable[IndexedCase]) -> int:
        built = index.create_in(str(path), _schema())
        writer = built.writer(limitmb=WRITER_MEMORY_MB, procs=1)
        count = 0
        try:
            for case in cases:
                writer.add_document(**_fields(case))
                count += 1
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        built.close()
        return count

    def _open(self, path: Path) -> _Handle:
        # On a corrupt segment Whoosh retries ten times and leaks a file each time; the engine
        # reports IndexUnavailable, so those warnings would only be noise in unrelated code.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            opened = index.open_dir(str(path))
            handle = _Handle(opened, opened.searcher())
        handle.facet_rows = _facet_rows(handle.searcher)
        return handle

    def _refresh(self, handle: _Handle) -> None:
        # Not searcher.refresh(): it reuses the reader of an unchanged segment, and with it that
        # segment's old deletions, so deleted or replaced cases would still be found. This runs
        # only when meta.json says the index changed.
        handle.searcher.close()
        handle.searcher = handle.index.searcher()
        handle.facet_rows = _facet_rows(handle.searcher)

    def _close(self, handle: _Handle) -> None:
        handle.searcher.close()
        handle.index.close()

    def _apply(self, handle: _Handle, add: Sequence[IndexedCase], delete_ids: Sequence[str]) -> None:
        # The cross-process lock is already held, so Whoosh's own lock is free; the timeout is a guard.
        writer = handle.index.writer(timeout=self._dir.lock_timeout)
        try:
            for record_id in delete_ids:
                writer.delete_by_term("id", record_id)
            for case in add:
                writer.add_document(**_fields(case))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    # --- search ------------------------------------------------------------------------------

    def _search(self, handle: _Handle, parsed: ParsedQuery, query: SearchQuery, match_all: bool,
                counted: bool = True) -> SearchResult:
        by_date = parsed.empty or query.sort == "date"
        # Relevance, then newest first and by id: the recency tie-break, exact here.
        order = "sort_key" if by_date else [ScoreFacet(), FieldFacet("sort_key")]
        results = handle.searcher.search(
            _text_query(parsed, match_all),
            limit=query.offset + query.per_page,
            sortedby=order,
            filter=_filter_query(query.filters),
            terms=False,
        )
        page = results[query.offset:query.offset + query.per_page]
        hits = []
        for hit in page:
            score = 0.0 if by_date else -hit.score[0]  # the sort key: (-score, sort_key)
            matched = None if match_all or by_date else int(score // COVERAGE)
            hits.append(self._hit(hit["stored"], score - (matched or 0) * COVERAGE, parsed.marks, parsed.anchors, matched))
        if not counted:
            return SearchResult(total=query.offset + len(hits), hits=hits, facets={}, page=query.page, per_page=query.per_page)
        total, facets = self._counts(
            parsed, query.filters, match_all, lambda: (len(results), _count_facets(handle.facet_rows, results.docs())))
        return SearchResult(total=total, hits=hits, facets=facets, page=query.page, per_page=query.per_page)

    def _clause_matches(self, handle: _Handle, clause: Clause) -> bool:
        # As in the tantivy engine: document frequencies first (deleted documents included).
        searcher = handle.searcher
        if any(searcher.doc_frequency(key, value) for key, value in clause.facets):
            return True
        if any(len(words) == 1 and searcher.doc_frequency("body", words[0]) for words in clause.alternatives):
            return True
        return any(
            searcher.search(_alternative_query(words, 1.0, fields=False), limit=1).scored_length() > 0
            for words in clause.alternatives if len(words) > 1)

    def _matches_text(self, handle: _Handle, text: str) -> bool:
        query = _alternative_query(tuple(words(text)) or (text,), 1.0, fields=False)
        return handle.searcher.search(query, limit=1).scored_length() > 0

    def _gram_doc_freq(self, handle: _Handle, gram: str) -> int:
        return handle.searcher.doc_frequency("grams", gram)

    def _terms_with_prefix(self, handle: _Handle, prefix: str, limit: int) -> list[tuple[str, int]]:
        reader = handle.searcher.reader()
        found = [(term, reader.doc_frequency("body", term)) for term in itertools.islice(
            reader.expand_prefix("body", prefix), SCAN_PREFIX_TERMS)]
        found = [(term.decode() if isinstance(term, bytes) else term, count) for term, count in found]
        found.sort(key=lambda pair: (-pair[1], pair[0]))
        return found[:limit]

    # --- similar -----------------------------------------------------------------------------

    def _keywords(self, handle: _Handle, record_id: str) -> list[tuple[str, int]] | None:
        docnum = handle.searcher.document_number(id=record_id)
        if docnum is None:
            return None
        return [tuple(pair) for pair in handle.searcher.stored_fields(docnum)["stored"]["keywords"]]

    def _doc_freq(self, handle: _Handle, word: str) -> int:
        return handle.searcher.doc_frequency("body", word)

    def _search_terms(
        self, handle: _Handle, terms: Sequence[tuple[str, float]], exclude: str | None, limit: int,
    ) -> list[Hit]:
        wanted = Or([Term("body", word, boost=weight) for word, weight in terms])
        mask = Term("id", exclude) if exclude is not None else None
        results = handle.searcher.search(wanted, limit=limit, mask=mask)
        marks = tuple(word for word, _ in terms)
        return [self._hit(hit["stored"], hit.score, marks) for hit in results]

    def _count(self, handle: _Handle) -> int:
        return handle.searcher.doc_count()


def _fields(case: IndexedCase) -> dict[str, Any]:
    values = {
        "id": case.id,
        "title": _encode(case.title_groups),
        "holding": _encode(case.holding_groups),
        "body": _encode(case.body_groups),
        # Runs apart by an empty group, which takes a position, so a phrase never joins two runs.
        "grams": "  ".join(case.gram_runs),
        "occupation": case.occupation,
        "outcome": case.outcome,
        "claim": CLAIM_SEPARATOR.join(case.claims),
        "year": str(case.year),
        "source_body": case.source_body,
        "sort_key": case.sort_key,
        "facets": _facet_row(case).encode(),
        "stored": case.stored,
    }
    if case.region is not None:
        values["region"] = case.region
    if case.arrangement:
        values["arrangement"] = case.arrangement
    return values


def _facet_row(case: IndexedCase) -> str:
    values = {
        "occupation": case.occupation,
        "outcome": case.outcome,
        "claim": CLAIM_SEPARATOR.join(case.claims),
        "region": case.region or "",
        "year": str(case.year),
        "source_body": case.source_body,
    }
    return FACET_SEPARATOR.join(values[name] for name in FACETS)


def _facet_rows(searcher: Searcher) -> list[tuple[str, ...]]:
    column = searcher.reader().column_reader("facets")
    return [tuple(raw.decode().split(FACET_SEPARATOR)) if raw else () for raw in column]


def _count_facets(rows: list[tuple[str, ...]], docnums: Iterable[int]) -> dict[str, dict[str, int]]:
    counters: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for docnum in docnums:
        for name, value in zip(FACETS, rows[docnum]):
            if name == "claim":
                counters[name].update(value.split(CLAIM_SEPARATOR) if value else ())
            elif value:
                counters[name][value] += 1
    return {
        name: dict(sorted(counter.items(), key=lambda pair: (-pair[1], pair[0])))
        for name, counter in counters.items()
    }


def _text_query(parsed: ParsedQuery, match_all: bool = True) -> Query:
    if parsed.empty:
        return Every()
    clauses = [_clause_query(clause) for clause in parsed.clauses]
    if match_all:
        return clauses[0] if len(clauses) == 1 else And(clauses)
    return Or([_Constant(clause, COVERAGE) for clause in clauses] + clauses)


def _clause_query(clause: Clause) -> Query:
    # As in the tantivy engine: what was typed in every field and as characters, synonyms in the body.
    parts = [_alternative_query(clause.alternatives[0], 1.0)]
    parts += [_words("body", words, SYNONYM_WEIGHT) for words in clause.alternatives[1:]]
    parts += [_Constant(Term(key, value), FACET_SCORE) for key, value in clause.facets]
    return parts[0] if len(parts) == 1 else Or(parts)


def _alternative_query(words: tuple[str, ...], weight: float, fields: bool = True) -> Query:
    parts = [_words("body", words, weight)]
    if fields and len(words) == 1:
        parts.append(Term("title", words[0], boost=TITLE_BOOST * weight))
        parts.append(Term("holding", words[0], boost=HOLDING_BOOST * weight))
    grams = run_grams(words)
    if grams:
        parts.append(_words("grams", tuple(grams), GRAM_WEIGHT * weight))
    return Or(parts)


def _words(field: str, words: tuple[str, ...], boost: float) -> Query:
    if len(words) == 1:
        return Term(field, words[0], boost=boost)
    return Phrase(field, list(words), boost=boost)


def _filter_query(filters: dict[str, str | int]) -> Query | None:
    if not filters:
        return None
    return And([Term(key, str(value)) for key, value in filters.items()])
