"""Working days and the counting of periods, checked against the official 2026 holiday schedule."""

import datetime as dt

import pytest

from workflows import add_period, calendar_known_for, is_working_day, working_days_between

D = dt.date


def test_national_day_holiday_is_not_a_working_day():
    assert not is_working_day(D(2026, 10, 5))  # a Monday inside the 1–7 October holiday


def test_make_up_saturday_is_a_working_day():
    assert is_working_day(D(2026, 10, 10))  # 调休上班 after National Day


def test_ordinary_weekend_is_not_a_working_day():
    assert not is_working_day(D(2026, 3, 7))


def test_without_an_arrangement_the_statutory_holidays_still_are_days_off():
    assert not calendar_known_for(D(2027, 10, 1))
    assert not is_working_day(D(2027, 10, 1))  # a Friday, but National Day (放假办法 Art. 2(7))
    assert is_working_day(D(2027, 10, 4))  # a Monday: the make-up days off are not known yet
    assert not is_working_day(D(2027, 10, 2))


def test_calendar_known_for_takes_a_date_or_a_year():
    assert calendar_known_for(D(2026, 12, 31))
    assert calendar_known_for(2026)
    assert not calendar_known_for(2027)


def test_period_does_not_count_the_starting_day():
    assert add_period(D(2026, 3, 2), 15) == D(2026, 3, 17)


def test_period_ending_on_national_day_ends_on_first_working_day_after():
    # 2026-10-03 is inside the 1–7 October holiday; Thursday 8 October is a working day.
    assert add_period(D(2026, 9, 18), 15) == D(2026, 10, 8)


def test_period_ending_on_a_make_up_working_day_does_not_move():
    assert add_period(D(2026, 9, 25), 15) == D(2026, 10, 10)


def test_period_ending_on_an_ordinary_sunday_moves_to_monday():
    assert add_period(D(2026, 2, 28), 15) == D(2026, 3, 16)


def test_working_day_period_skips_holidays_and_counts_make_up_days():
    # 30 Sept + 5 working days: 8, 9, 10 (make-up Saturday), 12, 13 October.
    assert add_period(D(2026, 9, 30), 5, "working_days") == D(2026, 10, 13)


def test_year_period_ends_on_the_same_date_next_year():
    assert add_period(D(2025, 3, 10), 1, "years") == D(2026, 3, 10)


def test_year_period_from_29_february_ends_on_28_february():
    assert add_period(D(2024, 2, 29), 1, "years") == D(2025, 2, 28)


def test_year_period_ending_in_spring_festival_moves_past_it():
    assert add_period(D(2025, 2, 17), 1, "years") == D(2026, 2, 24)


def test_period_ending_on_new_years_day_of_a_year_without_arrangement_moves_past_it():
    # The audit's example: day 15 is Friday 1 January 2027, New Year's Day, then a weekend.
    assert add_period(D(2026, 12, 17), 15) == D(2027, 1, 4)
    assert add_period(D(2026, 12, 18), 15) == D(2027, 1, 4)


def test_period_rejects_unknown_units_and_negative_lengths():
    with pytest.raises(ValueError):
        add_period(D(2026, 3, 2), 3, "weeks")
    with pytest.raises(ValueError):
        add_period(D(2026, 3, 2), -1)


def test_working_days_between_counts_after_start_up_to_end():
    assert working_days_between(D(2026, 9, 30), D(2026, 10, 10)) == 3
    assert working_days_between(D(2026, 3, 2), D(2026, 3, 2)) == 0


def test_working_days_between_is_negative_when_overdue():
    assert working_days_between(D(2026, 10, 12), D(2026, 10, 9)) == -2
