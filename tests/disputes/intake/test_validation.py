"""The intake field validators: checksums, phones, amounts, dates, text."""
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from disputes.demo_data import AREA_CODES
from disputes import validation as v

TODAY = date(2026, 11, 16)
digits = st.text(alphabet="0123456789", min_size=17, max_size=17)


@pytest.fixture(autouse=True)
def _in_app(app):
    """Messages are translated, so validators run inside the app."""


@given(
    area=st.sampled_from(AREA_CODES),
    born=st.dates(min_value=date(1950, 1, 1), max_value=date(2008, 12, 31)),
    sequence=st.integers(0, 999),
)
@settings(max_examples=60, deadline=None)
def test_any_resident_id_with_its_check_digit_is_accepted_and_any_other_digit_refused(area, born, sequence):
    body = f"{area}{born:%Y%m%d}{sequence:03d}"
    good = body + ric.calc_check_digit(body + "0")
    assert v.check_resident_id(good) is None
    wrong = next(d for d in "0123456789X" if d != good[-1])
    assert "校验" in v.check_resident_id(body + wrong)


@given(digits)
@settings(max_examples=60, deadline=None)
def test_random_digits_never_crash_the_resident_id_check(body):
    assert isinstance(v.check_resident_id(body + "1"), (str, type(None)))


@given(body=st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17))
@settings(max_examples=60, deadline=None)
def test_credit_codes_are_checked_by_their_check_character(body):
    code = "91" + body[2:]
    good = code + uscc.calc_check_digit(code)
    if uscc.is_valid(good):
        assert v.check_credit_code(good) is None
    wrong = next(c for c in "0123456789ABCDEFGHJKLMNPQRTUWXY" if c != good[-1])
    assert v.check_credit_code(code + wrong) is not None


@pytest.mark.parametrize("value", ["11010519491231002", "1101051949123100XX", "abc", "", "110105194912310021 "])
def test_malformed_resident_ids_say_what_is_wrong(value):
    assert v.check_resident_id(value)


@pytest.mark.parametrize("phone", ["13812345678", "+8613812345678", "010-65090001", "02165090001"])
def test_mobile_and_landline_numbers_are_accepted(phone):
    assert v.check_phone(phone) is None


@pytest.mark.parametrize("phone", ["12812345678", "1381234567", "phone", "", None, 13812345678])
def test_other_phone_numbers_are_refused(phone):
    assert v.check_phone(phone)


@pytest.mark.parametrize(
    "raw, expected",
    [("6800", Decimal("6800.00")), (6800.5, Decimal("6800.50")), ("¥6,800.05", Decimal("6800.05")), (1, Decimal("1.00"))],
)
def test_amounts_become_yuan_with_two_decimals(raw, expected):
    assert v.parse_amount(raw) == (expected, None)


@pytest.mark.parametrize("raw", ["0", "-5", "1.005", "abc", "NaN", "Infinity", True, [1], "1e20"])
def test_bad_amounts_are_refused_with_a_message(raw):
    amount, message = v.parse_amount(raw)
    assert amount is None and message


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999.99"), places=2))
@settings(max_examples=80, deadline=None)
def test_every_positive_two_decimal_amount_round_trips(amount):
    assert v.parse_amount(str(amount)) == (amount, None)


def test_dates_in_the_future_are_refused():
    assert v.parse_past_date("2026-11-17", TODAY)[1]
    assert v.parse_past_date("2026-11-16", TODAY) == (TODAY, None)
    assert v.parse_past_date("16/11/2026", TODAY)[1]
    assert v.parse_past_date(20261116, TODAY)[1]


@given(st.text(min_size=1, max_size=40))
@settings(max_examples=100, deadline=None)
def test_text_checks_never_raise_and_refuse_control_characters(text):
    message = v.check_text(text, required=True, max_length=20)
    if any(ord(ch) < 32 for ch in text) and text.strip():
        assert message is not None
