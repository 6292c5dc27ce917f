"""The query vocabulary (``casebase/data/query_vocabulary.json``): the field's words with their
synonyms and colloquial forms, read once per process.

A query word that is one of a concept's forms stands for the whole concept: it matches any of the
forms in the text, and the cases filed under the concept's facets (an occupation, a claim, an
outcome) match too, with a boost of their own.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

from ..tokenize import STOPWORDS, VOCABULARY, normalise, words


@dataclass(frozen=True)
class Concept:
    """One of the field's words: its key, kind, forms (folded, name first) and matching facets."""

    key: str
    kind: str
    forms: tuple[str, ...]
    facets: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Vocabulary:
    concepts: tuple[Concept, ...]
    by_form: dict[str, Concept]
    stopwords: frozenset[str]
    # Forms with letters, digits or signs (n+1, 2n): the segmenter would cut them, so they are
    # looked for in the query text itself.
    odd_forms: tuple[str, ...]

    def concept_of(self, word: str) -> Concept | None:
        """The concept one of whose forms is ``word`` (folded), if any."""
        return self.by_form.get(word)


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The vocabulary of this process, loaded on first use."""
    document = json.loads(VOCABULARY.read_text(encoding="utf-8"))
    concepts = []
    by_form: dict[str, Concept] = {}
    for entry in document["concepts"]:
        forms = tuple(dict.fromkeys(normalise(form) for form in entry["forms"]))
        concept = Concept(entry["key"], entry["kind"], forms, tuple(tuple(pair) for pair in entry["facets"]))
        concepts.append(concept)
        for form in forms:
            by_form.setdefault(form, concept)
    stopwords = STOPWORDS | {normalise(word) for word in document["query_stopwords"]}
    odd = tuple(sorted((form for form in by_form if not form.isalpha() or form.isascii()), key=len, reverse=True))
    return Vocabulary(tuple(concepts), by_form, frozenset(stopwords), odd)


@functools.lru_cache(maxsize=4096)
def form_words(form: str) -> tuple[str, ...]:
    """A form as the index holds it: one word, or the words of a phrase."""
    return tuple(words(form))
