"""Chinese word segmentation for the typical-case library (jieba with a legal-domain dictionary).

One private ``jieba.Tokenizer`` per process, built on first use, so importing this module is
cheap and the dictionary load (about 1 s, 80 MB) is paid only by processes that segment text.
``jieba.analyse`` is never imported: it builds a TF-IDF table at import and leaves a file open.

The index and the queries see the same normalised text: NFKC (full-width letters and digits become
ASCII), lower case, and jieba without its HMM, so an unknown name is cut into single characters the
same way in a document and in a query instead of being guessed differently in each.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from pathlib import Path

import jieba

USERDICT = Path(__file__).parent / "data" / "userdict.txt"

# Words too common to narrow an AND query; they stay in the index so phrases keep their positions.
STOPWORDS = frozenset("的 了 和 与 及 或 是 在 等 被 把 对 向 也 都 就 而 之 其 该 为 于 以".split())

_tokenizer: jieba.Tokenizer | None = None
_init_lock = threading.Lock()


def jieba_tokenizer() -> jieba.Tokenizer:
    """Return this process's jieba tokenizer, loading the dictionaries on first call."""
    global _tokenizer
    if _tokenizer is None:
        with _init_lock:
            if _tokenizer is None:
                _tokenizer = _build_tokenizer()
    return _tokenizer


def _build_tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    with USERDICT.open("rb") as userdict:
        tokenizer.load_userdict(userdict)
    return tokenizer


def normalise(text: str) -> str:
    """Fold text the way the index does: NFKC, then lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def is_word(token: str) -> bool:
    """True for a token worth indexing: it has a letter, digit or Chinese character."""
    return any(ch.isalnum() for ch in token)


def term_groups(text: str) -> list[tuple[str, ...]]:
    """Segment text into position groups: ``(word, *dictionary words inside it)``.

    Each group is one position, so a phrase of consecutive words matches consecutive groups,
    and a query for 骑手 still finds 外卖骑手 (its group is ``("外卖骑手", "外卖", "骑手")``).
    Unlike jieba's search mode, inner words of any length are kept: a dictionary word of four
    characters or more must not hide 劳动关系 inside it.
    """
    tokenizer = jieba_tokenizer()
    freq = tokenizer.FREQ
    return [
        (word, *_inner_words(word, freq))
        for word in tokenizer.cut(normalise(text), HMM=False)
        if is_word(word)
    ]


def _inner_words(word: str, freq: dict[str, int]) -> list[str]:
    size = len(word)
    if size < 3:
        return []
    return [
        word[start:start + length]
        for length in range(2, size)
        for start in range(size - length + 1)
        if freq.get(word[start:start + length])
    ]


def tokens(text: str) -> list[str]:
    """Search-mode tokens of text, lower case, without punctuation or whitespace."""
    return [token for group in term_groups(text) for token in (*group[1:], group[0])]


def segment(text: str) -> str:
    """The tokens of text joined by single spaces, ready for a whitespace tokenizer."""
    return " ".join(tokens(text))


def words(text: str) -> list[str]:
    """The words of text in order (one per position), lower case, without punctuation."""
    return [group[0] for group in term_groups(text)]


def query_terms(query: str) -> list[str]:
    """The distinct words of a query to AND together, stopwords dropped unless nothing else is left."""
    found = list(dict.fromkeys(words(query)))
    content = [word for word in found if word not in STOPWORDS]
    return content or found
