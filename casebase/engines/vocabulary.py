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
    # Words cases share whatever they are about (每天, 自己, 才能…): never given as a reason two
    # cases are alike.
    general: frozenset[str]
    # Forms with letters, digits or signs (n+1, 2n): the segmenter would cut them, so they are
    # looked for in the query text itself.
    odd_forms: tuple[str, ...]

    def concept_of(self, word: str) -> Concept | None:
        """The concept one of whose forms is ``word`` (folded), if any."""
        return self.by_form.get(word)

    def forms_within_one(self, word: str) -> set[str]:
        """The forms of two or more characters that differ from ``word`` by at most one character
        changed, added or dropped (``word`` itself included if it is a form)."""
        found: set[str] = set()
        for key in (word, *_deletions(word)):
            found.update(self._near_forms.get(key, ()))
        return {form for form in found if within_one(word, form)}

    @functools.cached_property
    def _near_forms(self) -> dict[str, tuple[str, ...]]:
        """Each form under itself and under each string one character shorter: two strings one
        edit apart always share a key, so a lookup reads a few keys instead of every form."""
        index: dict[str, list[str]] = {}
        for form in self.by_form:
            if len(form) >= 2:
                for key in {form, *_deletions(form)}:
                    index.setdefault(key, []).append(form)
        return {key: tuple(forms) for key, forms in index.items()}


def _deletions(word: str) -> list[str]:
    return [word[:index] + word[index + 1:] for index in range(len(word))]


def within_one(first: str, second: str) -> bool:
    """True when the strings differ by at most one character changed, added or dropped."""
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    start = 0
    while start < len(first) and first[start] == second[start]:
        start += 1
    if len(first) == len(second):
        return first[start + 1:] == second[start + 1:]
    return first[start:] == second[start + 1:]


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
    general = frozenset(normalise(word) for word in document["general_words"])
    return Vocabulary(tuple(concepts), by_form, frozenset(stopwords), general, odd)


@functools.lru_cache(maxsize=4096)
def form_words(form: str) -> tuple[str, ...]:
    """A form as the index holds it: one word, or the words of a phrase."""
    return tuple(words(form))
