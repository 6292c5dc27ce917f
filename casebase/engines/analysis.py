"""Text work that is the same for every engine: what a record becomes in the index, how a user's
query is read, the highlighted snippet, and the words that make two cases similar.
"""

from __future__ import annotations

import functools
import html
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from ..records import TypicalCaseRecord
from ..tokenize import STOPWORDS, words

Group = tuple[str, ...]
Analyzer = Callable[[str], list[Group]]

MAX_QUERY_TERMS = 32  # a pasted page of text must not become a thousand-clause query
MAX_PHRASES = 8
SNIPPET_CHARS = 120
SNIPPET_LEAD = 30
KEYWORDS_STORED = 30
SIMILAR_TERMS = 12
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」')


@dataclass(frozen=True)
class IndexedCase:
    """A record as the engines index it: position groups, filter values, sort key and stored fields."""

    id: str
    title_groups: list[Group]
    body_groups: list[Group]
    occupation: str
    outcome: str
    claims: tuple[str, ...]
    region: str | None
    year: int
    source_body: str
    sort_key: str
    stored: dict[str, Any]


def prepare(record: TypicalCaseRecord, analyzer: Analyzer) -> IndexedCase:
    """Segment a record's title, facts, holding and reasoning and gather what the index stores."""
    title = analyzer(record.title)
    body = title + analyzer(record.facts) + analyzer(record.holding) + analyzer(record.reasoning)
    stored = {
        "id": record.id,
        "title": record.title,
        "occupation": record.occupation,
        "outcome": record.outcome,
        "year": record.source.year,
        "region": record.region,
        "facts": record.facts,
        "holding": record.holding,
        "reasoning": record.reasoning,
        "keywords": keywords(body),
    }
    return IndexedCase(
        id=record.id,
        title_groups=title,
        body_groups=body,
        occupation=record.occupation,
        outcome=record.outcome,
        claims=record.claims,
        region=record.region,
        year=record.source.year,
        source_body=record.source.body,
        sort_key=sort_key(record.source.year, record.id),
        stored=stored,
    )


def sort_key(year: int, record_id: str) -> str:
    """One ascending key for "newest first, then by id": engines sort on a single field."""
    return f"{9999 - year:04d}|{record_id}"


# --- queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query read as plain words to AND together and quoted phrases to match exactly."""

    terms: tuple[str, ...]
    phrases: tuple[tuple[str, ...], ...]

    @property
    def empty(self) -> bool:
        """True when there is nothing to search for, so everything is listed."""
        return not self.terms and not self.phrases

    @property
    def marks(self) -> tuple[str, ...]:
        """The words to highlight: the plain words and the words of each phrase."""
        return self.terms + tuple(word for phrase in self.phrases for word in phrase)

    @property
    def anchors(self) -> tuple[str, ...]:
        """Each phrase as it appears in running Chinese text, where a snippet should be placed."""
        return tuple("".join(phrase) for phrase in self.phrases)


def parse_query(text: str) -> ParsedQuery:
    """Read any text as words and "quoted phrases"; operators, fields and wildcards are just words.

    Unbalanced quotes, brackets, colons, emoji or control characters never raise: what is not a
    word is dropped. A quoted single word is an ordinary word.
    """
    phrases: list[tuple[str, ...]] = []
    plain: list[str] = []
    position = 0
    for match in _QUOTED.finditer(text):
        plain.append(text[position:match.start()])
        position = match.end()
        inner = next(group for group in match.groups() if group is not None)
        phrase = tuple(words(inner))
        if len(phrase) > 1 and len(phrases) < MAX_PHRASES:
            phrases.append(phrase[:MAX_QUERY_TERMS])
        else:
            plain.append(inner)
    plain.append(text[position:])
    terms = _plain_terms(" ".join(plain))
    return ParsedQuery(terms[:MAX_QUERY_TERMS], tuple(dict.fromkeys(phrases)))


def _plain_terms(text: str) -> tuple[str, ...]:
    found = tuple(dict.fromkeys(words(text)))
    content = tuple(word for word in found if word not in STOPWORDS)
    return content or found


# --- snippets --------------------------------------------------------------------------------


def make_snippet(texts: Iterable[str], marks: Sequence[str], anchors: Sequence[str] = ()) -> str:
    """About 120 characters of HTML around the first match, matches wrapped in ``<mark>``.

    The window is placed on the first of the ``anchors`` (a quoted phrase) found in the texts,
    else on the first of the ``marks``; without a match it shows the start of the first non-empty
    text. Everything else is escaped, so the result is safe to insert into a page.
    """
    texts = [" ".join(text.split()) for text in texts]
    pattern = _mark_pattern(tuple(marks) + tuple(anchors))
    for wanted in (_mark_pattern(tuple(anchors)), pattern):
        for text in texts if wanted is not None else ():
            first = wanted.search(text)
            if first:
                return _render(text, first.start(), [match.span() for match in pattern.finditer(text)])
    return _render(next((text for text in texts if text), ""), 0, [])


@functools.lru_cache(maxsize=256)
def _mark_pattern(marks: tuple[str, ...]) -> re.Pattern[str] | None:
    unique = sorted({mark for mark in marks if mark}, key=len, reverse=True)
    if not unique:
        return None
    return re.compile("|".join(re.escape(mark) for mark in unique), re.IGNORECASE)


def _render(text: str, anchor: int, spans: list[tuple[int, int]]) -> str:
    start = max(0, anchor - SNIPPET_LEAD)
    end = min(len(text), start + SNIPPET_CHARS)
    start = max(0, end - SNIPPET_CHARS)
    for span_start, span_end in spans:
        if span_start < end < span_end:
            end = span_end  # never cut a highlighted word in two
    parts = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        parts += [html.escape(text[cursor:span_start]), "<mark>", html.escape(text[span_start:span_end]), "</mark>"]
        cursor = span_end
    parts += [html.escape(text[cursor:end]), "…" if end < len(text) else ""]
    return "".join(parts)


# --- similar cases ---------------------------------------------------------------------------


def keywords(groups: Iterable[Group], limit: int = KEYWORDS_STORED) -> list[tuple[str, int]]:
    """The most frequent content words of a text with their counts, most frequent first."""
    counts = Counter(map(itemgetter(0), groups))
    content = ((word, count) for word, count in counts.most_common() if _is_content_word(word))
    return list(itertools.islice(content, limit))


def text_keywords(text: str, analyzer: Analyzer) -> list[tuple[str, int]]:
    """``keywords`` of free text."""
    return keywords(analyzer(text))


def _is_content_word(word: str) -> bool:
    return len(word) >= 2 and word not in STOPWORDS and not word.isdigit()


def similar_terms(
    keywords: Sequence[tuple[str, int]],
    doc_freq: Callable[[str], int],
    total_docs: int,
    min_docs: int = 1,
    limit: int = SIMILAR_TERMS,
) -> list[tuple[str, float]]:
    """The keywords that best tell a case apart (frequent in it, rare elsewhere), with weights."""
    weighted = []
    for word, count in keywords:
        docs = doc_freq(word)
        if docs >= min_docs:
            idf = math.log(1 + (total_docs - docs + 0.5) / (docs + 0.5))
            weighted.append((word, count * idf))
    weighted.sort(key=lambda item: item[1], reverse=True)
    return weighted[:limit]
