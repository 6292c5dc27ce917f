"""Text work that is the same for every engine: what a record becomes in the index, how a user's
query is read, the highlighted snippet, and the words that make two cases similar.
"""

from __future__ import annotations

import functools
import heapq
import html
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from ..records import TypicalCaseRecord
from ..tokenize import STOPWORDS, bigrams, gram_runs, is_cjk, normalise, words
from .vocabulary import Concept, Vocabulary, form_words, vocabulary, within_one

Group = tuple[str, ...]
Analyzer = Callable[[str], list[Group]]

MAX_QUERY_TERMS = 32  # a pasted page of text must not become a thousand-clause query
MAX_PHRASES = 8
SNIPPET_CHARS = 120
SNIPPET_LEAD = 30
KEYWORDS_STORED = 30
SIMILAR_TERMS = 12
RECENCY_STEP = 1e-5  # per year: far below any difference in relevance worth the name
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|「([^」]*)」')


@dataclass(frozen=True)
class IndexedCase:
    """A record as the engines index it: position groups, filter values, sort key and stored fields."""

    id: str
    title_groups: list[Group]
    holding_groups: list[Group]
    body_groups: list[Group]
    # For each Chinese run of the title, facts, holding and reasoning, its bigrams joined by spaces.
    gram_runs: list[str]
    occupation: str
    # How the work was organised (records.ARRANGEMENTS) or "" when not recorded: not a filter, but a
    # concept's facet (众包骑手 → crowdsourced) boosts the cases filed under it.
    arrangement: str
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
    holding = analyzer(record.holding)
    body = title + analyzer(record.facts) + holding + analyzer(record.reasoning)
    grams = [run for text in (record.title, record.facts, record.holding, record.reasoning) for run in gram_runs(text)]
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
        holding_groups=holding,
        body_groups=body,
        gram_runs=grams,
        occupation=record.occupation,
        arrangement=record.arrangement or "",
        outcome=record.outcome,
        claims=record.claims,
        region=record.region,
        year=record.source.year,
        source_body=record.source.body,
        sort_key=sort_key(record.source.year, record.id),
        stored=stored,
    )


def recency(year: int) -> float:
    """A small number that grows with the year: engines raise each score by it (tantivy: multiply
    by log2(2 + recency), a factor below 1.001), so that equal scores go to the newer case."""
    return max(0, min(year, 2100) - 1900) * RECENCY_STEP


def sort_key(year: int, record_id: str) -> str:
    """One ascending key for "newest first, then by id": engines sort on a single field."""
    return f"{9999 - year:04d}|{record_id}"


# --- queries ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clause:
    """One thing a query asks for: a word, a concept or a quoted phrase.

    ``alternatives`` are the ways the text may say it, each a sequence of index words (one word,
    or a phrase); the first is what the user typed. ``exact`` clauses (quoted) have no synonyms.
    ``facets`` are ``(filter key, value)`` pairs whose cases match the clause too.
    """

    text: str
    alternatives: tuple[tuple[str, ...], ...]
    facets: tuple[tuple[str, str], ...] = ()
    concept: str | None = None
    exact: bool = False

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Each alternative as it appears in running Chinese text (for grams and highlighting)."""
        return tuple("".join(words) for words in self.alternatives)


@dataclass(frozen=True)
class ParsedQuery:
    """A user's query read as clauses, all of which a full match must satisfy."""

    clauses: tuple[Clause, ...]
    # Words of the query that were dropped (question words, particles, stopwords).
    ignored: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """True when there is nothing to search for, so everything is listed."""
        return not self.clauses

    @property
    def terms(self) -> tuple[str, ...]:
        """What each plain (unquoted) clause was typed as."""
        return tuple(clause.text for clause in self.clauses if not clause.exact or len(clause.alternatives[0]) == 1)

    @property
    def phrases(self) -> tuple[tuple[str, ...], ...]:
        """The quoted phrases of more than one word, as words."""
        return tuple(clause.alternatives[0] for clause in self.clauses
                     if clause.exact and len(clause.alternatives[0]) > 1)

    @property
    def marks(self) -> tuple[str, ...]:
        """The words to highlight: every alternative of every clause, and the words of phrases."""
        found: list[str] = []
        for clause in self.clauses:
            found += clause.surfaces
            if clause.exact:
                found += clause.alternatives[0]
        return tuple(dict.fromkeys(found))

    @property
    def anchors(self) -> tuple[str, ...]:
        """Each phrase as it appears in running Chinese text, where a snippet should be placed."""
        return tuple("".join(phrase) for phrase in self.phrases)


def run_grams(alternative: tuple[str, ...]) -> list[str]:
    """The bigrams an alternative is also looked for as (its characters together in the text), or
    nothing for a single word.

    Only an alternative of several words needs them: a phrase, or a run the segmenter had to cut
    into pieces (an unknown compound such as 递员, a typo, a name). A single word is found as a word
    and inside longer words (``term_groups`` indexes a word's inner words); on the shipped library
    its bigrams added 3 cases and 5 false matches (和解 inside 和解除, 维修工 inside 维修工程师) at
    the cost of a phrase over the longest posting lists of the index.
    """
    return bigrams("".join(alternative)) if len(alternative) > 1 else []


def parse_query(text: str) -> ParsedQuery:
    """Read any text as words, the field's concepts and "quoted phrases"; never raises.

    Operators, fields and wildcards are just words; unbalanced quotes, brackets, colons, emoji or
    control characters are dropped. Traditional characters are read as simplified. A word that is
    a form of a vocabulary concept becomes that concept (its forms and facets); question words
    and particles (怎么办, 吗, 们…) and stopwords are dropped.
    """
    clauses: list[Clause] = []
    plain: list[str] = []
    position = 0
    for match in _QUOTED.finditer(text):
        plain.append(text[position:match.start()])
        position = match.end()
        inner = next(group for group in match.groups() if group is not None)
        phrase = tuple(words(inner))[:MAX_QUERY_TERMS]
        if phrase and sum(clause.exact for clause in clauses) < MAX_PHRASES:
            clauses.append(Clause("".join(phrase), (phrase,), exact=True))
    plain.append(text[position:])
    found, ignored = _plain_clauses(" ".join(plain))
    clauses += found
    return ParsedQuery(tuple(_unique(clauses))[:MAX_QUERY_TERMS], ignored)


def _plain_clauses(text: str) -> tuple[list[Clause], tuple[str, ...]]:
    vocab = vocabulary()
    folded = normalise(text)
    clauses: list[Clause] = []
    for form in vocab.odd_forms:
        if form in folded and _stands_alone(folded, form):
            clauses.append(_concept_clause(form, vocab.by_form[form]))
            folded = folded.replace(form, " ")
    found: list[str] = []
    plain: list[list[str]] = []  # runs of consecutive plain words, between spaces and other clauses
    for chunk in folded.split():
        run: list[str] = []
        for word in words(chunk):
            found.append(word)
            concept = vocab.concept_of(word)
            if concept is None and word not in vocab.stopwords:
                run.append(word)
                continue
            plain.append(run)
            run = []
            if concept is not None:
                clauses.append(_concept_clause(word, concept))
        plain.append(run)
    for run in plain:
        clauses += _run_clauses(run)
    if not clauses and found:
        clauses = [Clause(word, ((word,),)) for word in dict.fromkeys(found)]  # only stopwords: keep them
    kept = {clause.text for clause in clauses} | {word for clause in clauses for word in clause.alternatives[0]}
    ignored = tuple(dict.fromkeys(word for word in found if word not in kept))
    return clauses, ignored


def _run_clauses(run: list[str]) -> list[Clause]:
    """Plain words typed together: each its own clause, unless the segmenter had to cut the run into
    single characters (an unknown compound such as 递员, or a typo); then the run is one clause,
    matched as a phrase of those characters and as a run of characters in the text."""
    if len(run) > 1 and any(len(word) == 1 and is_cjk(word) for word in run):
        return [Clause("".join(run), (tuple(run),))]
    return [Clause(word, ((word,),)) for word in run]


def _stands_alone(text: str, form: str) -> bool:
    """True when ``form`` (letters or digits) is not part of a longer ASCII word in ``text``."""
    start = text.index(form)
    before = text[start - 1] if start else " "
    after = text[start + len(form)] if start + len(form) < len(text) else " "
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


def _concept_clause(typed: str, concept: Concept) -> Clause:
    forms = (typed, *(form for form in concept.forms if form != typed))
    alternatives = tuple(dict.fromkeys(form_words(form) or (form,) for form in forms))
    return Clause(typed, alternatives, concept.facets, concept.key)


def _unique(clauses: list[Clause]) -> list[Clause]:
    """Clauses without repeats: the same word, or two forms of one concept, count once."""
    seen: set[str] = set()
    kept = []
    for clause in clauses:
        key = f"concept:{clause.concept}" if clause.concept else f"{clause.exact}:{clause.text}"
        if key not in seen:
            seen.add(key)
            kept.append(clause)
    return kept


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
    # The distinct content words, then the most frequent of them: the same list, ties in order of
    # first appearance, as sorting every word and skipping the others, without the full sort.
    counts = Counter(map(itemgetter(0), groups))
    content = [
        (word, count) for word, count in counts.items()
        if len(word) >= 2 and word not in STOPWORDS and not word.isdigit()  # is_content_word, inlined
    ]
    return heapq.nlargest(limit, content, key=itemgetter(1))


def text_keywords(text: str, analyzer: Analyzer) -> list[tuple[str, int]]:
    """``keywords`` of free text."""
    return keywords(analyzer(text))


def is_content_word(word: str) -> bool:
    """A word that can say what a text is about: two characters or more, no stopword, no number."""
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


# --- did you mean ----------------------------------------------------------------------------

_RUN = re.compile(r"[^\W_]+")


# Mended runs looked up for a longer run (each costs a lookup in the index), the likeliest first.
SUGGEST_PAIR_LOOKUPS = 16


def suggest(
    text: str, matches: Callable[[str], bool], prefix_terms: Callable[[str], list[tuple[str, int]]],
) -> str | None:
    """The query with each run of characters that matches nothing replaced by the nearest word that
    does (one character changed, added or dropped), or None when nothing could be corrected.

    Candidates are the vocabulary's forms and the index's words starting like the run; a changed
    character wins over an added or dropped one, a form of the vocabulary over an index word, then
    the word found in more cases.
    """
    folded = normalise(text)
    vocab = vocabulary()
    changed = False
    pieces: list[str] = []
    position = 0
    for run in _RUN.finditer(folded):
        word = run.group()
        pieces.append(folded[position:run.start()])
        position = run.end()
        fixed = None
        if len(word) >= 2 and word not in vocab.stopwords and vocab.concept_of(word) is None \
                and not matches(word):
            fixed = _nearest(word, matches, prefix_terms, vocab)
        pieces.append(fixed or word)
        changed = changed or fixed is not None
    pieces.append(folded[position:])
    return " ".join("".join(pieces).split()) if changed else None


def _nearest(
    word: str, matches: Callable[[str], bool], prefix_terms: Callable[[str], list[tuple[str, int]]],
    vocab: Vocabulary,
) -> str | None:
    # A changed character before an added or dropped one; the vocabulary before the index's words;
    # then the word found in more cases (劳东关系 is 劳动关系 before 劳务关系).
    counts: dict[str, int] = {}
    for prefix in dict.fromkeys((word[0], word[1])):
        for term, count in prefix_terms(prefix):
            counts[term] = max(count, counts.get(term, 0))
    # A character typed for another that sounds the same (公伤 for 工伤: the pinyin keyboard's slip)
    # comes before any other change.
    ranked: dict[str, tuple[int, int, int, int]] = {
        form: (len(form) != len(word), not sounds_alike(word, form), 0, -counts.get(form, 0))
        for form in vocab.forms_within_one(word)
    }
    shortest, longest = max(2, len(word) - 1), len(word) + 1
    for term, count in counts.items():
        if shortest <= len(term) <= longest and term not in ranked and within_one(word, term):
            ranked[term] = (len(term) != len(word), not sounds_alike(word, term), 1, -count)
    for candidate in sorted(ranked, key=lambda term: (ranked[term], term)):
        if candidate != word and matches(candidate):
            return candidate
    return _nearest_in_a_pair(word, matches, prefix_terms) if len(word) >= 3 else None


@functools.lru_cache(maxsize=4096)
def _readings(character: str) -> frozenset[str]:
    try:
        import pypinyin
    except ImportError:  # an install requirement; without it no sound is preferred
        return frozenset()
    return frozenset(pypinyin.pinyin(character, style=pypinyin.Style.NORMAL, heteronym=True, errors="ignore")[0]
                     if "\u4e00" <= character <= "\u9fff" else ())


def sounds_alike(word: str, other: str) -> bool:
    """Same length, one character changed, and the two characters share a reading (tones aside)."""
    if len(word) != len(other):
        return False
    changed = [(a, b) for a, b in zip(word, other) if a != b]
    return len(changed) == 1 and bool(_readings(changed[0][0]) & _readings(changed[0][1]))


def _nearest_in_a_pair(
    word: str, matches: Callable[[str], bool], prefix_terms: Callable[[str], list[tuple[str, int]]],
) -> str | None:
    """A longer run with one wrong character inside (家证服务): the second character of one of its
    pairs replaced by that of a two-character word starting the same (家政), where the run so mended
    matches. The mends that sound the same come first, then those with the commoner word, whichever
    pair they mend; only the first ``SUGGEST_PAIR_LOOKUPS`` are looked up, so a run of five
    characters costs at most that many lookups, not one per word of every pair."""
    mends = sorted(
        (not sounds_alike(pair, term), -count, at, term)
        for at, pair in enumerate(word[at:at + 2] for at in range(len(word) - 1))
        for term, count in prefix_terms(pair[0])
        if len(term) == 2 and term != pair)
    for *_, at, term in mends[:SUGGEST_PAIR_LOOKUPS]:
        mended = word[:at] + term + word[at + 2:]
        if matches(mended):
            return mended
    return None
