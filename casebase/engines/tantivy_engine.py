"""The default engine: tantivy (Rust, via tantivy-py), about a hundred times faster than Whoosh.

Text goes in pre-tokenized (``PreTokenizedString``) so that the inner words of a jieba word share
its position, and queries are built from Query objects, never from tantivy's query language, so no
user input can be a syntax error. Facets are tantivy term aggregations over fast fields.

Claims are the one multi-valued facet, and tantivy aggregates a multi-valued column several times
slower than a single-valued one (2 ms of a 5 ms budget at 100,000 cases). So for counting, each
case's claims are also stored as a bit mask cut into columns of ``CLAIM_BITS`` bits: a column then has
few distinct values, and a claim's count is the sum over the buckets whose mask has its bit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Occur, Query

from ..records import CLAIM_KINDS
from ..tokenize import words
from .analysis import Clause, Group, IndexedCase, ParsedQuery, recency, run_grams
from .base import FACETS, Hit, SearchEngine, SearchQuery, SearchResult

KEYWORD_FIELDS = ("occupation", "outcome", "region", "source_body")
CLAIM_BITS = 10
CLAIM_COLUMNS = tuple(f"claims_{start}" for start in range(0, len(CLAIM_KINDS), CLAIM_BITS))
# Relevance: BM25 per field, summed over a clause's alternatives. The title and the holding count
# above the facts; what the user typed above its synonyms; a run of characters (bigrams) below a
# whole word; a case filed under the concept's facet scores as if it said the word once or twice.
TITLE_BOOST = 2.0
HOLDING_BOOST = 1.5
SYNONYM_WEIGHT = 0.8
GRAM_WEIGHT = 0.5
FACET_SCORE = 2.0
# In a partial result each matched clause adds this much, so matching more words ranks first.
COVERAGE = 100.0
BUILD_HEAP = 200_000_000
UPDATE_HEAP = 20_000_000
FACET_SIZE = 10_000  # more than any facet can have values, so every value is counted


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
    for name in CLAIM_COLUMNS:
        builder.add_unsigned_field(name, fast=True)
    builder.add_integer_field("year", indexed=True, fast=True)
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
    schema_version = 3

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

    def _search(self, handle: _Handle, parsed: ParsedQuery, query: SearchQuery, match_all: bool) -> SearchResult:
        searcher = handle.index.searcher()
        by_date = parsed.empty or query.sort == "date"
        tantivy_query = _combined(handle.schema, parsed, query.filters, match_all)
        if by_date:
            found = searcher.search(
                tantivy_query, query.per_page, offset=query.offset,
                order_by_field="sort_key", order=tantivy.Order.Asc)
        else:
            # Each score is multiplied by log2(2 + recency), a factor a hair above 1 that grows with
            # the year: equal scores go to the newer case.
            found = searcher.search(tantivy_query, query.per_page, offset=query.offset, weight_by_field="recency")
        hits = []
        for score, address in found.hits:
            matched = None if match_all or by_date else int(score // COVERAGE)
            relevance = 0.0 if by_date else score - (matched or 0) * COVERAGE
            hits.append(self._hit(_stored(searcher, address), relevance, parsed.marks, parsed.anchors, matched))
        return SearchResult(
            total=found.count,
            hits=hits,
            facets=self._facets(parsed, query.filters, lambda: _aggregate(searcher, tantivy_query)),
            page=query.page,
            per_page=query.per_page,
        )

    def _matches_text(self, handle: _Handle, text: str) -> bool:
        query = _alternative_query(handle.schema, tuple(words(text)) or (text,), 1.0, fields=False)
        return handle.index.searcher().search(query, 1).count > 0

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


def _document(case: IndexedCase) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("id", case.id)
    doc.add_pre_tokenized_text("title", _pretokenized(case.title_groups))
    doc.add_pre_tokenized_text("holding", _pretokenized(case.holding_groups))
    doc.add_pre_tokenized_text("body", _pretokenized(case.body_groups))
    doc.add_pre_tokenized_text("grams", _pretokenized(case.gram_groups))
    doc.add_text("occupation", case.occupation)
    doc.add_text("outcome", case.outcome)
    for claim in case.claims:
        doc.add_text("claim", claim)
    for name, bits in zip(CLAIM_COLUMNS, _claim_masks(case.claims)):
        doc.add_unsigned(name, bits)
    if case.region is not None:
        doc.add_text("region", case.region)
    doc.add_text("source_body", case.source_body)
    doc.add_integer("year", case.year)
    doc.add_float("recency", recency(case.year))
    doc.add_text("sort_key", case.sort_key)
    doc.add_bytes("stored", json.dumps(case.stored, ensure_ascii=False).encode())
    return doc


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
        (Occur.Must, Query.const_score_query(Query.term_query(schema, key, value), 0.0))
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


def _aggregate(searcher: tantivy.Searcher, tantivy_query: Query) -> dict[str, dict[str, int]]:
    columns = [name for name in FACETS if name != "claim"] + list(CLAIM_COLUMNS)
    request = {name: {"terms": {"field": name, "size": FACET_SIZE}} for name in columns}
    result = searcher.aggregate(tantivy_query, request)
    counts = {name: _pairs(result.get(name, {})) for name in columns}
    counts["claim"] = _claim_counts(counts)
    return {name: _ordered(counts[name]) for name in FACETS}


def _claim_counts(counts: dict[str, list[tuple[Any, int]]]) -> list[tuple[str, int]]:
    totals = dict.fromkeys(CLAIM_KINDS, 0)
    for column, name in enumerate(CLAIM_COLUMNS):
        for mask, count in counts[name]:
            for bit in range(CLAIM_BITS):
                if int(mask) >> bit & 1:
                    totals[CLAIM_KINDS[column * CLAIM_BITS + bit]] += count
    return [(claim, total) for claim, total in totals.items() if total]


def _pairs(aggregation: dict[str, Any]) -> list[tuple[Any, int]]:
    return [(bucket["key"], int(bucket["doc_count"])) for bucket in aggregation.get("buckets", [])]


def _ordered(pairs: list[tuple[Any, int]]) -> dict[str, int]:
    keyed = [(_key(key), count) for key, count in pairs]
    keyed.sort(key=lambda pair: (-pair[1], pair[0]))
    return dict(keyed)


def _key(value: Any) -> str:
    # Numeric buckets may come back as floats; a year is shown as "2023", not "2023.0".
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)
