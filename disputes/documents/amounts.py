"""Money as printed on documents: figures (小写) and financial capitals (大写)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_CENT = Decimal("0.01")
# 万亿 is the largest unit in everyday use; beyond it the words stop being conventional.
_LIMIT = Decimal(10) ** 16


def _as_cents(amount: Decimal | int | str) -> int:
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValueError(f"not an amount: {amount!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not a finite amount: {amount!r}")
    if value < 0:
        raise ValueError(f"a negative amount has no capitals: {amount!r}")
    if value >= _LIMIT:
        raise ValueError(f"amount too large for capitals: {amount!r}")
    if value.quantize(_CENT) != value:
        raise ValueError(f"amount finer than one fen: {amount!r}")
    return int(value * 100)


def _below_ten_thousand(n: int) -> str:
    """Words for 1..9999: inner zeros collapse to one 零, trailing zeros are dropped."""
    words, pending_zero = [], False
    for position in range(3, -1, -1):
        digit = n // 10**position % 10
        if digit == 0:
            pending_zero = bool(words)
            continue
        if pending_zero:
            words.append("零")
            pending_zero = False
        words.append(_DIGITS[digit] + _SMALL_UNITS[position])
    return "".join(words)


def _integer_words(n: int) -> str:
    """Words for a positive integer below 10**16, in 亿 and 万 sections."""
    for unit, size in (("亿", 10**8), ("万", 10**4)):
        if n >= size:
            high, low = divmod(n, size)
            words = _integer_words(high) + unit
            if low:
                # A gap inside the lower section (壹万零伍) is read as one 零.
                words += ("零" if low < size // 10 else "") + _integer_words(low)
            return words
    return _below_ten_thousand(n)


def amount_in_words(amount: Decimal | int | str) -> str:
    """Financial capitals of a yuan amount: ``Decimal("6800")`` → ``"人民币陆仟捌佰元整"``.

    The text ends in 整 exactly when there are no jiao and no fen. Raises ``ValueError`` for a
    negative, non-finite, sub-fen or too large (≥ 10**16) amount.
    """
    cents = _as_cents(amount)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    if cents == 0:
        return "人民币零元整"
    words = "人民币" + (_integer_words(yuan) + "元" if yuan else "")
    if not rest:
        return words + "整"
    if jiao:
        words += _DIGITS[jiao] + "角"
    elif yuan:
        words += "零"
    if fen:
        words += _DIGITS[fen] + "分"
    return words


def amount_in_figures(amount: Decimal) -> str:
    """Figures with thousands separators and two decimals: ``6,800.00``."""
    return f"{Decimal(amount).quantize(_CENT):,.2f}"
