"""amount_in_words: financial capitals (大写) of yuan amounts."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from disputes.documents import amount_in_words

DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL_UNITS = {"拾": 10, "佰": 100, "仟": 1000}


def parse_integer(words: str) -> int:
    """壹亿零壹万 → 100010000: digits times 拾佰仟 make a section; 万 and 亿 scale what came before."""
    total = section = number = 0
    for char in words:
        if char in DIGITS:
            number = DIGITS[char]
        elif char in SMALL_UNITS:
            section, number = section + number * SMALL_UNITS[char], 0
        elif char == "万":
            total, section, number = total + (section + number) * 10**4, 0, 0
        elif char == "亿":
            total, section, number = (total + section + number) * 10**8, 0, 0
        else:
            raise AssertionError(f"unexpected {char!r} in {words!r}")
    return total + section + number


def parse_capitals(text: str) -> Decimal:
    """The inverse of amount_in_words, written independently of it."""
    match = re.fullmatch(r"人民币(?:(.+)元)?零?(?:(.)角)?(?:(.)分)?整?", text)
    assert match, text
    yuan, jiao, fen = match.groups()
    cents = parse_integer(yuan or "") * 100 + DIGITS[jiao or "零"] * 10 + DIGITS[fen or "零"]
    return Decimal(cents) / 100


@pytest.mark.parametrize(("amount", "words"), [
    ("6800", "人民币陆仟捌佰元整"),
    ("10005.50", "人民币壹万零伍元伍角"),
    ("0.05", "人民币伍分"),
    ("100000000", "人民币壹亿元整"),
    ("0", "人民币零元整"),
    ("0.00", "人民币零元整"),
    ("10", "人民币壹拾元整"),
    ("15", "人民币壹拾伍元整"),
    ("101.01", "人民币壹佰零壹元零壹分"),
    ("1000.5", "人民币壹仟元伍角"),
    ("1010", "人民币壹仟零壹拾元整"),
    ("100010000", "人民币壹亿零壹万元整"),
    ("1000000010", "人民币壹拾亿零壹拾元整"),
    ("2300000000000", "人民币贰万叁仟亿元整"),
    ("8000.00", "人民币捌仟元整"),
    ("0.5", "人民币伍角"),
    ("12345678.91", "人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角壹分"),
])
def test_amount_in_words_table(amount, words):
    assert amount_in_words(Decimal(amount)) == words


@pytest.mark.parametrize("amount", ["-0.01", "-6800", "0.001", "NaN", "Infinity", "1E16", "not money"])
def test_amount_in_words_refuses_what_has_no_capitals(amount):
    with pytest.raises(ValueError):
        amount_in_words(Decimal(amount) if amount != "not money" else amount)


def test_amount_in_words_takes_integers():
    assert amount_in_words(6800) == "人民币陆仟捌佰元整"


zero_heavy_cents = st.lists(st.sampled_from("0000000123456789"), min_size=1, max_size=18).map(
    lambda digits: int("".join(digits)))
any_cents = st.one_of(st.integers(0, 10**18 - 1), zero_heavy_cents)


@given(any_cents)
def test_capitals_read_back_to_the_amount(cents):
    amount = Decimal(cents) / 100
    assert parse_capitals(amount_in_words(amount)) == amount


@given(any_cents)
def test_capitals_start_with_renminbi_and_end_in_zheng_only_for_whole_yuan(cents):
    words = amount_in_words(Decimal(cents) / 100)
    assert words.startswith("人民币")
    assert words.endswith("整") == (cents % 100 == 0)


@given(any_cents)
def test_capitals_never_double_or_dangle_a_zero(cents):
    words = amount_in_words(Decimal(cents) / 100)
    assert "零零" not in words
    if cents:
        assert not re.search(r"零[元万亿角分整]", words), words
