"""Text the assessment shows, in Chinese and English at once.

The assessment composes its explanation from pieces (a factor's label, the words quoted, a score).
Each piece is a ``Words``: its Chinese and its English, side by side where the rule that uses it is
written (as ``glossary`` writes its labels). One code path composes both languages, so the English
explanation says exactly what the Chinese one says. What a party wrote (quotes, names) stays as written
in both.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class Words:
    """One piece of text in both languages."""

    zh: str
    en: str

    def in_language(self, language: str) -> str:
        """The text in ``language`` ("zh" or "en"; anything else is Chinese, the app's default)."""
        return self.en if language == "en" else self.zh

    def format(self, **values) -> Words:
        """Fill ``{name}`` placeholders in each language; a ``Words`` value gives its own language,
        anything else (a name, a quote, a number) is the same in both."""
        return Words(*(getattr(self, language).format(**{name: _in(value, language) for name, value in values.items()})
                       for language in LANGUAGES))

    def join(self, items: Iterable[Words | str]) -> Words:
        """The items joined with this separator ("、" / ", ")."""
        items = list(items)
        return Words(*(getattr(self, language).join(_in(item, language) for item in items) for language in LANGUAGES))

    def __add__(self, other: Words | str) -> Words:
        return Words(self.zh + _in(other, "zh"), self.en + _in(other, "en"))

    def __bool__(self) -> bool:
        return bool(self.zh or self.en)


def _in(value, language: str):
    return getattr(value, language) if isinstance(value, Words) else value


SAME = Words("", "")
LIST = Words("、", ", ")
CLAUSES = Words("；", "; ")


def same(text: str) -> Words:
    """Text that is the same in both languages (a quote, a name, a citation read by ``citation_en`` later)."""
    return Words(text, text)
