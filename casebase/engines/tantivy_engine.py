"""The default engine: tantivy (Rust, via tantivy-py), about a hundred times faster than Whoosh.

The body goes in pre-tokenized (``PreTokenizedString``) so that the inner words of a jieba word share
its position; the other text fields as words joined by spaces. Queries are built from Query objects,
never from tantivy's query language, so no user input can be a syntax error.

One tantivy aggregation over fast fields gives a query's facets and its total (the occupation
buckets add up to it), so the search itself only collects the page, without counting. Every facet
column is a single-valued text column with a value in every document, the kind tantivy counts
fastest (at 100,000 cases: 0.13 ms, against 0.25 ms for an integer column and 0.7 ms for a text
column some documents lack): the year is also kept as text, and a case without a region has
``NO_REGION``. Claims are the one multi-valued facet, and tantivy aggregates a multi-valued column
several times slower; so for counting, each case's claims are also stored as a bit mask cut into
columns of ``CLAIM_BITS`` bits: a column then has few distinct values, and a claim's count is the sum
over the buckets whose mask has its bit.

Ties in relevance go to the newer case: each score is multiplied by ``log2(2 + recency)``, a factor
a hair above 1 that grows with the year. tantivy can do that itself (``weight_by_field``), but it
then scores every match three times slower; so the page and a few more hits are collected by plain
score and reordered here, which is exact whenever no hit beyond them could overtake the page's
last (else tantivy weighs them after all).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Occur, Query

from ..records import CLAIM_KINDS
from ..tokenize import words
from .analysis import Clause, Group, IndexedCase, ParsedQuery, recency, run_grams
from .base import FACETS, Hit, SearchEngine, SearchQuery, SearchResult

KEYWORD_FIELDS = ("occupation", "outcome", "region", "year", "source_body")
# The region column's value for a case without one (a text column every document has is counted
# five times faster); left out of the facet.
NO_REGION = "-"
CLAIM_BITS = 10
CLAIM_COLUMNS = tuple(f"claims_{start}" for start in range(0, len(CLAIM_KINDS), CLAIM_BITS))
# Relevance: BM25 per field, summed over a clause's alternatives. The title and the holding count
# above the facts; what the user typed above its synonyms; a run of characters (bigrams) below a
# whole word; a case filed under the concept's facet (an editor read the case and filed it so) scores
# like the word in its title. On bench/search_quality.py, recall@10 with a facet score of 2, 4, 6,
# 8: 0.948, 0.950, 0.955, 0.958 (tantivy); 6 is taken, not the plateau, since the judged set's
# criteria name facets too and would reward any larger value.
TITLE_BOOST = 2.0
HOLDING_BOOST = 1.5
SYNONYM_WEIGHT = 0.8
GRAM_WEIGHT = 0.5
FACET_SCORE = 6.0
# In a partial result each matched clause adds this much, so matching more words ranks first.
COVERAGE = 100.0
# The writer's memory budget for a rebuild: it flushes a segment whenever the budget is used up,
# and tantivy-py cannot merge segments on demand, so the budget decides how many segments a rebuilt
# index has; each costs every query its own lookups. At 100,000 cases 200 MB gave six segments and
# 1 GB one, which cut the p95 of bench/search.py from 6.8 to 5.3 ms (peak RSS +310 MB: the arena
# grows as it is used, so a small library costs nothing more).
BUILD_HEAP = 1_000_000_000
UPDATE_HEAP = 20_000_000
FACET_SIZE = 10_000  # more than any facet can have values, so every value is counted
# Hits collected beyond the page by plain score, to order the page by recency here (see above).
RANK_WINDOW = 20
MAX_RECENCY_WEIGHT = math.log2(2 + recency(9999))


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("title", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("holding", tokenizer_name="whitespace", index_option="freq")
    builder.add_text_field("body", tokenizer_name="whitespace", index_option="position")
    builder.add_text_field("grams", tokenizer_name="whitespace", index_option="position")
    for name in KEYWORD_FIELDS:
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic", fast=True)
    builder.add_text_field("claim", tokenizer_name="raw", index_option="basic")
    builder.add_text_field("arrangement", tokenizer_name="raw", index_option="basic")
    for name in CLAIM_COLUMNS:
        builder.add_unsigned_field(name, fast=True)
    builder.add_float_field("recency", fast=True)
    builder.add_text_field("sort_key", tokenizer_name="raw", index_option="basic", fast=True)
    builder.add_bytes_field("stored", stored=True)
    return builder.build()


@dataclass
class _Handle:
    index: tantivy.Index
    schema: tantivy.Schema


class TantivyEngine(SearchEngine):
    """Typical-case search on tantivy."""

    name = "tantivy"
    schema_version = 5

    # --- index life cycle --------------------------------------------------------------------

    def _build(self, path: Path, cases: Iterable[IndexedCase]) -> int:
        schema = _schema()
        index = tantivy.Index(schema, path=str(path), reuse=False)
        # One thread: the host's two cores are shared with the web workers.
        writer = index.writer(heap_size=BUILD_HEAP, num_threads=1)
        count = 0
        try:
            for case in cases:
                writer.add_document(_document(case))
                count += 1
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()  # stops its threads before the folder is deleted or used
        return count

    def _open(self, path: Path) -> _Handle:
        index = tantivy.Index.open(str(path))
        index.config_reader(reload_policy="Manual")
        return _Handle(index, index.schema)

    def _refresh(self, handle: _Handle) -> None:
        handle.index.reload()

    def _close(self, handle: _Handle) -> None:
        """Nothing to release: tantivy frees its memory maps with the Index object."""

    def _apply(self, handle: _Handle, add: Sequence[IndexedCase], delete_ids: Sequence[str]) -> None:
        writer = handle.index.writer(heap_size=UPDATE_HEAP, num_threads=1)
        try:
            for record_id in delete_ids:
                writer.delete_documents_by_term("id", record_id)
            for case in add:
                writer.add_document(_document(case))
            writer.commit()
        except BaseException:
            writer.rollback()
            raise
        finally:
            writer.wait_merging_threads()  # also drops the writer and its tantivy lock

    # --- search ------------------------------------------------------------------------------

    def _search(self, handle: _Handle, parsed: ParsedQuery, query: SearchQuery, match_all: bool,
                counted: bool = True) -> SearchResult:
        searcher = handle.index.searcher()
        by_date = parsed.empty or query.sort == "date"
        tantivy_query = _combined(handle.schema, parsed, query.filters, match_all)
        counting = None
        if not counted:
            total, facets = query.offset + query.per_page, {}
        elif self._counted_before(parsed, query.filters, match_all):
            total, facets = self._counts(parsed, query.filters, match_all, lambda: _aggregate(searcher, tantivy_query))
        else:
            # Counting and ranking each walk every match; tantivy lets go of the GIL while it
            # does, so the count runs on a second thread while this one ranks the page.
            counting = _counter().submit(_aggregate, searcher, tantivy_query)
            total = query.offset + query.per_page
        if total <= query.offset:
            found: list[tuple[float, tantivy.DocAddress]] = []
        elif by_date:
            found = searcher.search(
                tantivy_query, query.per_page, offset=query.offset, count=False,
                order_by_field="sort_key", order=tantivy.Order.Asc).hits
        else:
            found = _ranked(searcher, tantivy_query, query.offset, query.per_page)
        if counting is not None:
            total, facets = self._counts(parsed, query.filters, match_all, counting.result)
            if total <= query.offset:
                found = []
        hits = []
        for score, address in found:
            matched = None if match_all or by_date else int(score // COVERAGE)
            relevance = 0.0 if by_date else score - (matched or 0) * COVERAGE
            hits.append(self._hit(_stored(searcher, address), relevance, parsed.marks, parsed.anchors, matched))
        if not counted:
            total = query.offset + len(hits)
        return SearchResult(total=total, hits=hits, facets=facets, page=query.page, per_page=query.per_page)

    def _clause_matches(self, handle: _Handle, clause: Clause) -> bool:
        # A word's or facet's document frequency is read without a search; it still counts deleted
        # documents until segments merge, which at worst sends a query down the slower partial path.
        searcher = handle.index.searcher()
        if any(searcher.doc_freq(key, value) for key, value in clause.facets):
            return True
        phrases = []
        for alternative in clause.alternatives:
            if len(alternative) == 1:
                if searcher.doc_freq("body", alternative[0]):
                    return True
            else:
                phrases.append(alternative)
        return any(
            searcher.search(_alternative_query(handle.schema, phrase, 1.0, fields=False), 1, count=False).hits
            for phrase in phrases)

    def _matches_text(self, handle: _Handle, text: str) -> bool:
        found = tuple(words(text)) or (text,)
        searcher = handle.index.searcher()
        if len(found) == 1:  # a single term: tantivy skips through its postings for the best one
            return bool(searcher.search(Query.term_query(handle.schema, "body", found[0]), 1, count=False).hits)
        # The bigrams first, one phrase at a time: a bigram phrase is as cheap as its rarest bigram,
        # which for words standing together (台规 in 平台规则) is rare, where the words are not.
        grams = run_grams(found)
        if grams and searcher.search(_words(handle.schema, "grams", tuple(grams)), 1, count=False).hits:
            return True
        return bool(searcher.search(_words(handle.schema, "body", found), 1, count=False).hits)

    def _gram_doc_freq(self, handle: _Handle, gram: str) -> int:
        return handle.index.searcher().doc_freq("grams", gram)

    def _terms_with_prefix(self, handle: _Handle, prefix: str, limit: int) -> list[tuple[str, int]]:
        return [(term, int(count)) for term, count in handle.index.searcher().terms_with_prefix("body", prefix, limit=limit)]

    # --- similar -----------------------------------------------------------------------------

    def _keywords(self, handle: _Handle, record_id: str) -> list[tuple[str, int]] | None:
        searcher = handle.index.searcher()
        found = searcher.search(Query.term_query(handle.schema, "id", record_id), 1)
        if not found.hits:
            return None
        return [tuple(pair) for pair in _stored(searcher, found.hits[0][1])["keywords"]]

    def _doc_freq(self, handle: _Handle, word: str) -> int:
        return handle.index.searcher().doc_freq("body", word)

    def _search_terms(
        self, handle: _Handle, terms: Sequence[tuple[str, float]], exclude: str | None, limit: int,
    ) -> list[Hit]:
        schema = handle.schema
        clauses = [
            (Occur.Should, Query.boost_query(Query.term_query(schema, "body", word), weight))
            for word, weight in terms
        ]
        if exclude is not None:
            clauses.append((Occur.MustNot, Query.term_query(schema, "id", exclude)))
        searcher = handle.index.searcher()
        found = searcher.search(Query.boolean_query(clauses), limit)
        marks = tuple(word for word, _ in terms)
        return [self._hit(_stored(searcher, address), score, marks) for score, address in found.hits]

    def _count(self, handle: _Handle) -> int:
        return handle.index.searcher().num_docs


_counters: dict[int, ThreadPoolExecutor] = {}


def _counter() -> ThreadPoolExecutor:
    """This process's counting thread. Keyed by process: a forked worker (gunicorn, the job
    worker's work horse) inherits the executor but not its thread, and would wait forever."""
    pid = os.getpid()
    executor = _counters.get(pid)
    if executor is None:
        executor = _counters[pid] = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tantivy-count")
    return executor


def _document(case: IndexedCase) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("id", case.id)
    # Title and holding keep no positions, so their words go in as text for the whitespace
    # tokenizer; so do the bigrams, one value per run (tantivy leaves a position between values, so
    # a phrase never joins two runs). Only the body needs tokens of its own: a word's inner words
    # share its position.
    doc.add_text("title", _joined(case.title_groups))
    doc.add_text("holding", _joined(case.holding_groups))
    doc.add_pre_tokenized_text("body", _pretokenized(case.body_groups))
    for run in case.gram_runs:
        doc.add_text("grams", run)
    doc.add_text("occupation", case.occupation)
    if case.arrangement:
        doc.add_text("arrangement", case.arrangement)
    doc.add_text("outcome", case.outcome)
    for claim in case.claims:
        doc.add_text("claim", claim)
    for name, bits in zip(CLAIM_COLUMNS, _claim_masks(case.claims)):
        doc.add_unsigned(name, bits)
    doc.add_text("region", NO_REGION if case.region is None else case.region)
    doc.add_text("year", str(case.year))
    doc.add_text("source_body", case.source_body)
    doc.add_float("recency", recency(case.year))
    doc.add_text("sort_key", case.sort_key)
    doc.add_bytes("stored", json.dumps(case.stored, ensure_ascii=False).encode())
    return doc


def _joined(groups: list[Group]) -> str:
    return " ".join(word for group in groups for word in group)


def _pretokenized(groups: list[Group]) -> tantivy.PreTokenizedString:
    # Offsets are unused: snippets are cut from the stored text, not from tantivy's offsets.
    tokens = [
        tantivy.Token(word, position, 0, 0)
        for position, group in enumerate(groups)
        for word in group
    ]
    return tantivy.PreTokenizedString("", tokens)


def _combined(
    schema: tantivy.Schema, parsed: ParsedQuery, filters: dict[str, str | int], match_all: bool = True,
) -> Query:
    clauses = [_clause_query(schema, clause) for clause in parsed.clauses]
    if match_all:
        required = [(Occur.Must, clause) for clause in clauses]
    else:
        either = [(Occur.Should, Query.const_score_query(clause, COVERAGE)) for clause in clauses]
        either += [(Occur.Should, clause) for clause in clauses]
        required = [(Occur.Must, Query.boolean_query(either))]
    # Filters only narrow the result; a zero constant score keeps them out of the ranking.
    required += [
        (Occur.Must, Query.const_score_query(Query.term_query(schema, key, str(value)), 0.0))
        for key, value in filters.items()
    ]
    if parsed.empty:
        required.append((Occur.Must, Query.all_query()))
    return Query.boolean_query(required)


def _clause_query(schema: tantivy.Schema, clause: Clause) -> Query:
    """Any alternative of the clause, or the clause's facets. What the user typed is looked for in
    every field and as a run of characters; a synonym only as a word of the body, which keeps a
    concept of a dozen forms cheap."""
    parts = [(Occur.Should, _alternative_query(schema, clause.alternatives[0], 1.0))]
    parts += [
        (Occur.Should, Query.boost_query(_words(schema, "body", words), SYNONYM_WEIGHT))
        for words in clause.alternatives[1:]
    ]
    parts += [
        (Occur.Should, Query.const_score_query(Query.term_query(schema, key, value), FACET_SCORE))
        for key, value in clause.facets
    ]
    return parts[0][1] if len(parts) == 1 else Query.boolean_query(parts)


def _alternative_query(schema: tantivy.Schema, words: tuple[str, ...], weight: float, fields: bool = True) -> Query:
    """The words in the body (title and holding boosted), or their characters together in the
    bigram field."""
    parts = [(Occur.Should, Query.boost_query(_words(schema, "body", words), weight))]
    if fields and len(words) == 1:
        parts.append((Occur.Should, Query.boost_query(Query.term_query(schema, "title", words[0]), TITLE_BOOST * weight)))
        parts.append((Occur.Should, Query.boost_query(Query.term_query(schema, "holding", words[0]), HOLDING_BOOST * weight)))
    grams = run_grams(words)
    if grams:
        parts.append((Occur.Should, Query.boost_query(_words(schema, "grams", tuple(grams)), GRAM_WEIGHT * weight)))
    return Query.boolean_query(parts)


def _words(schema: tantivy.Schema, field: str, words: tuple[str, ...]) -> Query:
    if len(words) == 1:
        return Query.term_query(schema, field, words[0])
    return Query.phrase_query(schema, field, list(words))


def _stored(searcher: tantivy.Searcher, address: tantivy.DocAddress) -> dict[str, Any]:
    return json.loads(searcher.doc(address).get_first("stored"))


def _claim_masks(claims: Sequence[str]) -> list[int]:
    """One mask per claim column; claims outside ``CLAIM_KINDS`` are not counted in the facet."""
    masks = [0] * len(CLAIM_COLUMNS)
    for claim in claims:
        if claim in CLAIM_KINDS:
            position = CLAIM_KINDS.index(claim)
            masks[position // CLAIM_BITS] |= 1 << (position % CLAIM_BITS)
    return masks


def _ranked(
    searcher: tantivy.Searcher, tantivy_query: Query, offset: int, limit: int,
) -> list[tuple[float, tantivy.DocAddress]]:
    """The page of hits by score times ``log2(2 + recency)``, as ``weight_by_field`` ranks them."""
    need = offset + limit
    window = need + RANK_WINDOW
    found = searcher.search(tantivy_query, window, count=False).hits
    if found:
        weights = searcher.fast_field_values("recency", [address for _, address in found])
        weighted = sorted(
            ((score * math.log2(2 + max(weight or 0.0, 0.0)), address) for (score, address), weight in zip(found, weights)),
            key=lambda pair: (-pair[0], pair[1].segment_ord, pair[1].doc))
        # A hit beyond the window scores at most the window's last, and weighs at most the maximum.
        if len(found) < window or weighted[need - 1][0] > found[-1][0] * MAX_RECENCY_WEIGHT:
            return weighted[offset:need]
    return searcher.search(tantivy_query, limit, offset=offset, count=False, weight_by_field="recency").hits


_COLUMNS = tuple(name for name in FACETS if name != "claim") + CLAIM_COLUMNS
_FACET_REQUEST = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in _COLUMNS}


def _aggregate(searcher: tantivy.Searcher, tantivy_query: Query) -> tuple[int, dict[str, dict[str, int]]]:
    """The query's total and facets, from one aggregation."""
    result = searcher.aggregate(tantivy_query, _FACET_REQUEST)
    counts = {name: _pairs(result.get(name, {})) for name in _COLUMNS}
    total = sum(count for _, count in counts["occupation"])  # every case has an occupation
    counts["region"] = [(key, count) for key, count in counts["region"] if key != NO_REGION]
    counts["claim"] = _claim_counts(counts)
    return total, {name: _ordered(counts[name]) for name in FACETS}


def _claim_counts(counts: dict[str, list[tuple[Any, int]]]) -> list[tuple[str, int]]:
    totals = [0] * len(CLAIM_KINDS)
    for column, name in enumerate(CLAIM_COLUMNS):
        first = column * CLAIM_BITS
        for mask, count in counts[name]:
            mask = int(mask)
            while mask:
                lowest = mask & -mask
                totals[first + lowest.bit_length() - 1] += count
                mask ^= lowest
    return [(claim, total) for claim, total in zip(CLAIM_KINDS, totals) if total]


def _pairs(aggregation: dict[str, Any]) -> list[tuple[Any, int]]:
    return [(bucket["key"], int(bucket["doc_count"])) for bucket in aggregation.get("buckets", [])]


def _ordered(pairs: list[tuple[Any, int]]) -> dict[str, int]:
    keyed = [(str(key), count) for key, count in pairs]
    keyed.sort(key=lambda pair: (-pair[1], pair[0]))
    return dict(keyed)
