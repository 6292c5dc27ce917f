"""What a document kind is, and the error for a case that cannot have it yet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from reportlab.platypus import Flowable

from ..context import DocumentContext
from ..layout import Sheet
from ..phrases import Words


class DocumentNotAvailable(LookupError):
    """The case lacks what this kind of document needs (e.g. an agreement without terms)."""

    def __init__(self, kind: str, reason_zh: str, reason_en: str = ""):
        super().__init__(f"{kind}: {reason_zh}" + (f" ({reason_en})" if reason_en else ""))
        self.kind = kind
        self.reason_zh = reason_zh
        self.reason_en = reason_en


Builder = Callable[[DocumentContext, Sheet, Words], list[Flowable]]


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: its labels, its title on paper, its number word and its builder.

    ``build`` returns the body flowables or raises ``DocumentNotAvailable``.
    """

    key: str
    label_zh: str
    label_en: str
    title_zh: str
    title_en: str
    number_word: str
    build: Builder

    def title(self, lang: str) -> str:
        """The printed title in ``lang``."""
        return self.title_zh if lang == "zh" else self.title_en


T = TypeVar("T")


def require(value: T | None, kind: str, reason_zh: str, reason_en: str) -> T:
    """``value`` if it is present and not empty, else raise ``DocumentNotAvailable``."""
    if not value:
        raise DocumentNotAvailable(kind, reason_zh, reason_en)
    return value
