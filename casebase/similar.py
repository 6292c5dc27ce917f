"""Published cases like the facts: agreement of the factor profile plus word overlap (TF-IDF cosine
over jieba tokens), each with the factors it shares, the one or two where it differs and the rarest
words the two texts share, in Chinese and English."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .engines.analysis import is_content_word
from .engines.vocabulary import vocabulary
from .records import FACTOR_KEYS, TypicalCaseRecord
from .tokenize import tokens, words
from .weights import OCCUPATION_WORDS, WEIGHT_BY_KEY, short_label
from .wording import CLAUSES, LIST, Words

SIMILAR_LIMIT = 5


@dataclass
class SimilarCase:
    """A published case close to the facts, with the factors it shares and those where it differs."""

    id: str
    title: str
    outcome: str
    score: float
    why: Words
    matching_factors: list[str] = field(default_factory=list)
    differing_factors: list[str] = field(default_factory=list)

    @property
    def why_zh(self) -> str:
        return self.why.zh

    def to_dict(self, language: str = "zh") -> dict:
        """JSON-ready form, its text in ``language``."""
        return {"id": self.id, "title": self.title, "outcome": self.outcome, "score": self.score,
                "why": self.why.in_language(language), "matching_factors": list(self.matching_factors),
                "differing_factors": list(self.differing_factors)}


@lru_cache(maxsize=2048)
def _term_counts(text: str) -> Counter:
    return Counter(token for token in tokens(text) if len(token) > 1)


# A word two cases share is named as a reason only when it tells cases apart: a whole word (not
# 动车 or 电动 inside 电动车), no stopword or general word (每天, 自己, 才能), and found in at most
# this share of the cases (公司 is in 87% of the library's facts).
TELLING_SHARE = 0.35
TELLING_WORDS = 5


@lru_cache(maxsize=4096)
def _whole_words(text: str) -> frozenset[str]:
    """The words of a text, without the words inside them (the library's facts are read each call)."""
    return frozenset(words(text))


def _telling_words(facts: str, case_facts: str, document_share: Mapping[str, float]) -> list[str]:
    """The rarest whole words the two texts share that say something, at most ``TELLING_WORDS``."""
    vocab = vocabulary()
    shared = _whole_words(facts) & _whole_words(case_facts)
    telling = [word for word in shared
               if is_content_word(word) and word not in vocab.stopwords and word not in vocab.general
               and document_share.get(word, 0.0) <= TELLING_SHARE]
    return sorted(telling, key=lambda word: (document_share.get(word, 0.0), word))[:TELLING_WORDS]


def _idf(cases: Sequence[TypicalCaseRecord]) -> dict[str, float]:
    document_frequency = Counter(term for case in cases for term in _term_counts(case.facts))
    total = len(cases)
    return {term: math.log((1 + total) / (1 + count)) + 1 for term, count in document_frequency.items()}


def _cosine(query: Counter, document: Counter, idf: Mapping[str, float]) -> float:
    shared = set(query) & set(document)
    if not shared:
        return 0.0
    default = max(idf.values(), default=1.0)
    dot = sum(query[t] * document[t] * idf.get(t, default) ** 2 for t in shared)
    norm_q = math.sqrt(sum((n * idf.get(t, default)) ** 2 for t, n in query.items()))
    norm_d = math.sqrt(sum((n * idf.get(t, default)) ** 2 for t, n in document.items()))
    return dot / (norm_q * norm_d)


def _factor_agreement(values: Mapping[str, bool | None],
                      recorded: Mapping[str, bool | None]) -> tuple[float, list[str]]:
    """Share of the query's known factor weight on which the case agrees (unknown in the case counts as no)."""
    known = [key for key in FACTOR_KEYS if values.get(key) is not None]
    size = {key: max(abs(WEIGHT_BY_KEY[key].if_true), abs(WEIGHT_BY_KEY[key].if_false), 0.25) for key in known}
    total = sum(size.values())
    if not total:
        return 0.0, []
    agreeing = [key for key in known if recorded.get(key) == values[key]]
    return sum(size[key] for key in agreeing) / total, agreeing


def similar_cases(
    facts: str,
    values: Mapping[str, bool | None],
    cases: Sequence[TypicalCaseRecord],
    occupation: str | None = None,
    exclude_ids: Iterable[str] = (),
    limit: int = SIMILAR_LIMIT,
) -> list[SimilarCase]:
    """The published cases closest to the facts: half factor-profile agreement, half word overlap
    (all factor agreement when there is no text), plus 0.05 for the same occupation."""
    excluded = set(exclude_ids)
    pool = [case for case in cases if case.id not in excluded]
    idf = _idf(pool)
    query = _term_counts(facts) if facts else Counter()
    share = _document_share(pool) if facts else {}
    ranked = [_similar(case, facts, query, values, idf, share, occupation) for case in pool]
    ranked.sort(key=lambda case: -case.score)
    return [case for case in ranked[:limit] if case.score > 0]


def _document_share(cases: Sequence[TypicalCaseRecord]) -> dict[str, float]:
    """For each whole word of the cases' facts, the share of the cases using it."""
    counts = Counter(word for case in cases for word in _whole_words(case.facts))
    return {word: count / len(cases) for word, count in counts.items()}


def _similar(case: TypicalCaseRecord, facts: str, query: Counter, values: Mapping[str, bool | None],
             idf: Mapping[str, float], share: Mapping[str, float], occupation: str | None) -> SimilarCase:
    agreement, agreeing = _factor_agreement(values, case.factors)
    differing = [key for key in FACTOR_KEYS if values.get(key) is not None and case.factors.get(key) is not None
                 and case.factors.get(key) != values[key]]
    text = _cosine(query, _term_counts(case.facts), idf) if query else 0.0
    shared_words = _telling_words(facts, case.facts, share) if text else []
    score = 0.5 * agreement + 0.5 * text if query else agreement
    reasons = []
    if agreeing:
        reasons.append(Words("要素一致：", "Same factors: ") + LIST.join(short_label(key, values[key]) for key in agreeing))
    if shared_words:
        reasons.append(Words("案情用语相近：", "Words in common: ") + LIST.join(shared_words))
    if differing:
        reasons.append(Words("不同：", "Different: ") + LIST.join(short_label(key, case.factors[key]) for key in differing[:2]))
    if occupation and case.occupation == occupation:
        score += 0.05
        reasons.append(Words("同为{occupation}", "Also a {occupation}").format(occupation=OCCUPATION_WORDS[occupation]))
    why = CLAUSES.join(reasons) if reasons else Words("相似度较低", "Little alike")
    return SimilarCase(case.id, case.title, case.outcome, round(score, 3), why, agreeing, differing)
