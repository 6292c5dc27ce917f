"""Chinese word segmentation for the typical-case library (jieba's dictionary and algorithm, with a
legal-domain user dictionary and the query vocabulary's forms).

The segmenter is rjieba (jieba-rs) when it is installed and jieba otherwise: on the library's texts
both cut every sentence the same way (``tests/casebase/test_tokenize.py`` checks it), and rjieba is
about fifteen times faster and loads in a third of the time. One segmenter per process, built on
first use, so importing this module is cheap. ``jieba.analyse`` is never imported: it builds a
TF-IDF table at import and leaves a file open.

The index and the queries see the same folded text: NFKC (full-width letters and digits become
ASCII), traditional characters converted to simplified (OpenCC ``t2s``), lower case; and the
segmenter runs without its HMM, so an unknown name is cut into single characters the same way in a
document and in a query instead of being guessed differently in each.
"""

from __future__ import annotations

import functools
import json
import logging
import operator
import re
import threading
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

DATA = Path(__file__).parent / "data"
USERDICT = DATA / "userdict.txt"
VOCABULARY = DATA / "query_vocabulary.json"
VOCABULARY_FREQ = 1000
NORMALISED_CACHE = 64  # the dictionary weight given to a vocabulary form missing from userdict.txt

# Words too common to narrow an AND query; they stay in the index so phrases keep their positions.
STOPWORDS = frozenset("的 了 和 与 及 或 是 在 等 被 把 对 向 也 都 就 而 之 其 该 为 于 以".split())

log = logging.getLogger(__name__)

Group = tuple[str, ...]


class Segmenter(Protocol):
    """Cuts folded text into words, and tells whether a string is a dictionary word."""

    name: str

    def cut(self, text: str) -> list[str]: ...

    def is_word(self, text: str) -> bool: ...


class RjiebaSegmenter:
    """jieba-rs through rjieba: jieba's own dictionary and cutting, in Rust."""

    name = "rjieba"

    def __init__(self, entries: list[tuple[str, int, str]]):
        import rjieba

        self._jieba = rjieba.Jieba()
        for word, freq, tag in entries:
            self._jieba.add_word(word, freq, tag)

    def cut(self, text: str) -> list[str]:
        return self._jieba.cut(text, False)

    def is_word(self, text: str) -> bool:
        return self._jieba.has_word(text)


class JiebaSegmenter:
    """Python jieba: the reference the rjieba segmentation is checked against."""

    name = "jieba"

    def __init__(self, entries: list[tuple[str, int, str]]):
        self.tokenizer = _jieba_with(entries)
        self._freq = self.tokenizer.FREQ

    def cut(self, text: str) -> list[str]:
        return list(self.tokenizer.cut(text, HMM=False))

    def is_word(self, text: str) -> bool:
        # FREQ also holds every prefix of a word with count 0: only a positive count is a word.
        return bool(self._freq.get(text))


SEGMENTERS: dict[str, Callable[[list[tuple[str, int, str]]], Segmenter]] = {
    "rjieba": RjiebaSegmenter,
    "jieba": JiebaSegmenter,
}

_segmenter: Segmenter | None = None
_jieba: object | None = None
_converter: Callable[[str], str] | None = None
_init_lock = threading.Lock()
_converter_lock = threading.Lock()


def segmenter() -> Segmenter:
    """This process's segmenter: rjieba if it can be imported, else jieba; built on first call."""
    global _segmenter
    if _segmenter is None:
        with _init_lock:
            if _segmenter is None:
                _segmenter = make_segmenter()
    return _segmenter


def make_segmenter(name: str | None = None) -> Segmenter:
    """A new segmenter with the user dictionary and the vocabulary's forms ("rjieba" or "jieba")."""
    entries = dictionary_entries()
    if name is not None:
        return SEGMENTERS[name](entries)
    try:
        return RjiebaSegmenter(entries)
    except ImportError:
        return JiebaSegmenter(entries)


def jieba_tokenizer():
    """A Python ``jieba.Tokenizer`` with the same dictionary (for comparisons; casebase may use rjieba)."""
    global _jieba
    if _jieba is None:
        with _init_lock:
            if _jieba is None:
                _jieba = _jieba_with(dictionary_entries())
    return _jieba


def _jieba_with(entries: list[tuple[str, int, str]]):
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word, freq, tag in entries:
        tokenizer.add_word(word, freq, tag)
    return tokenizer


def dictionary_entries() -> list[tuple[str, int, str]]:
    """``(word, frequency, tag)`` of userdict.txt, then each vocabulary form not already in it."""
    entries = []
    for line in USERDICT.read_text(encoding="utf-8").splitlines():
        if line.strip():
            word, freq, tag = line.split()
            entries.append((word, int(freq), tag))
    known = {word for word, _, _ in entries}
    for concept in json.loads(VOCABULARY.read_text(encoding="utf-8"))["concepts"]:
        for form in concept["forms"]:
            form = normalise(form)
            if form not in known and len(form) > 1 and all(is_cjk(ch) for ch in form):
                entries.append((form, VOCABULARY_FREQ, "n"))
                known.add(form)
    return entries


# --- folding -------------------------------------------------------------------------------------


def to_simplified(text: str) -> str:
    """Traditional characters converted to simplified (OpenCC t2s); unchanged if OpenCC is missing."""
    global _converter
    if _converter is None:
        with _converter_lock:
            if _converter is None:
                _converter = _make_converter()
    return _converter(text)


def _make_converter() -> Callable[[str], str]:
    try:
        import opencc
    except ImportError:
        log.warning("opencc is not installed: traditional characters are not folded to simplified")
        return lambda text: text
    convert = opencc.OpenCC("t2s").convert

    def simplified(text: str) -> str:
        try:
            return convert(text)
        except UnicodeEncodeError:  # a lone surrogate cannot reach the C++ side: drop it
            return convert(text.encode("utf-8", "ignore").decode("utf-8"))

    return simplified


@functools.lru_cache(maxsize=NORMALISED_CACHE)
def normalise(text: str) -> str:
    """Fold text the way the index does: NFKC, traditional to simplified, then lower case.

    The last few results are kept: indexing a record folds each of its texts twice (for the words
    and for the bigrams), and a query folds the same words several times.
    """
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        text = to_simplified(text)
    return text.lower()


def is_word(token: str) -> bool:
    """True for a token worth indexing: it has a letter, digit or Chinese character."""
    return any(ch.isalnum() for ch in token)


def is_cjk(ch: str) -> bool:
    """True for a Chinese character (the unified ideographs and extension A)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


# --- words ---------------------------------------------------------------------------------------


def term_groups(text: str) -> list[Group]:
    """Segment text into position groups: ``(word, *dictionary words inside it)``.

    Each group is one position, so a phrase of consecutive words matches consecutive groups,
    and a query for 骑手 still finds 外卖骑手 (its group is ``("外卖骑手", "外卖", "骑手")``).
    Unlike jieba's search mode, inner words of any length are kept: a dictionary word of four
    characters or more must not hide 劳动关系 inside it.
    """
    seg = segmenter()
    return [(word, *_inner_words(word, seg)) for word in seg.cut(normalise(text)) if is_word(word)]


def _inner_words(word: str, seg: Segmenter) -> list[str]:
    size = len(word)
    if size < 3:
        return []
    return [
        word[start:start + length]
        for length in range(2, size)
        for start in range(size - length + 1)
        if seg.is_word(word[start:start + length])
    ]


def gram_groups(text: str) -> list[Group]:
    """Character bigrams of the Chinese runs of text, one per position, ``()`` between runs.

    Indexed beside the words so that a word cut differently in a document (across two words, or
    inside a word the dictionary does not split) is still found: a query word becomes the phrase of
    its bigrams, which matches exactly where the word's characters stand together. The empty group
    between runs takes a position, so a phrase never joins two runs.
    """
    groups: list[Group] = []
    previous = None
    for ch in normalise(text):
        if is_cjk(ch):
            if previous is not None:
                groups.append((previous + ch,))
            previous = ch
        else:
            if previous is not None and groups and groups[-1]:
                groups.append(())
            previous = None
    if groups and not groups[-1]:
        groups.pop()
    return groups


_CJK_RUN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf]{2,}")


def gram_runs(text: str) -> list[str]:
    """``gram_groups`` as the engines index them: for each Chinese run of two or more characters,
    its bigrams joined by spaces (the engines keep runs apart, so a phrase never joins two)."""
    return [" ".join(map(operator.add, run, run[1:])) for run in _CJK_RUN.findall(normalise(text))]


def bigrams(word: str) -> list[str]:
    """The bigrams of a word of two or more Chinese characters, else nothing."""
    if len(word) < 2 or not all(is_cjk(ch) for ch in word):
        return []
    return [word[index:index + 2] for index in range(len(word) - 1)]


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
