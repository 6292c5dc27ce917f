"""Statutory holidays for any year (《全国年节及纪念日放假办法》), the yearly arrangement as data, precedence."""

import datetime as dt
import json

import pytest
from chinese_calendar import constants, get_solar_terms

from workflows import add_period, calendar_known_for, is_working_day
from workflows import calendar as cal
from workflows import holidays as hol

D = dt.date


def _days(year, key):
    return [h.day for h in hol.statutory_holidays(year) if h.key == key]


def test_2024_revision_gives_four_spring_festival_days_from_the_eve():
    assert _days(2027, "spring_festival") == [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7), D(2027, 2, 8)]
    assert _days(2027, "labour_day") == [D(2027, 5, 1), D(2027, 5, 2)]
    assert all("2024年修订" in h.basis for h in hol.statutory_holidays(2027))


def test_2013_revision_applies_before_2025():
    assert _days(2024, "spring_festival") == [D(2024, 2, 10), D(2024, 2, 11), D(2024, 2, 12)]
    assert _days(2024, "labour_day") == [D(2024, 5, 1)]
    assert hol.edition_for(2013) is None
    with pytest.raises(ValueError):
        hol.statutory_holidays(2013)


def test_a_year_has_thirteen_statutory_days_off_under_the_2024_revision():
    assert len(hol.statutory_holidays(2029)) == 13


@pytest.mark.parametrize("year", range(2014, 2027))
def test_computed_holidays_are_days_off_in_every_published_arrangement(year):
    # The lunar library against the State Council's notices as the chinesecalendar package ships them.
    assert [h for h in hol.statutory_holidays(year) if h.day not in constants.holidays] == []


def test_qingming_agrees_with_the_second_solar_term_formula_for_the_century():
    for year in range(2014, 2100):
        terms = [day for day, name in get_solar_terms(D(year, 4, 1), D(year, 4, 30)) if name == "清明"]
        assert terms == [hol.qingming(year)], year


def test_the_shipped_2026_arrangement_matches_the_package():
    package, shipped = cal._package_arrangement(2026), cal._shipped()[2026]
    assert (package.days_off, package.working_days) == (shipped.days_off, shipped.working_days)
    assert cal.arrangement_for(2026).source.startswith("《国务院办公厅关于2026年部分节假日安排的通知》")


def test_years_without_an_arrangement_are_provisional():
    assert calendar_known_for(2026) and not calendar_known_for(2027)
    status = cal.day_status(D(2027, 2, 5))
    assert (status.working, status.kind, status.holiday_zh, status.provisional) == (False, "holiday", "春节", True)
    assert cal.day_status(D(2026, 10, 10)).as_data()["kind"] == "make_up_working_day"


def _arrangement_2027(**changes):
    data = {
        "source": "测试用安排（非真实通知）",
        "days_off": [["2027-01-01", "2027-01-03"], ["2027-02-05", "2027-02-12"], "2027-04-05",
                     ["2027-05-01", "2027-05-05"], "2027-06-09", "2027-09-15", ["2027-10-01", "2027-10-07"]],
        "working_days": ["2027-02-20", "2027-10-09"],
    }
    return {**data, **changes}


@pytest.fixture
def registered_2027():
    arrangement = cal.register_arrangement((2027, _arrangement_2027()))
    yield arrangement
    cal.unregister_arrangement(2027)


def test_a_registered_arrangement_takes_precedence_and_is_known(registered_2027):
    assert calendar_known_for(2027)
    assert not is_working_day(D(2027, 2, 11)) and is_working_day(D(2027, 2, 20))
    # Day 15 is Thursday 11 February, a day off to the 12th; then the weekend: Monday 15 February.
    assert add_period(D(2027, 1, 27), 15) == D(2027, 2, 15)
    assert cal.day_status(D(2027, 2, 11)).provisional is False


def test_unregistering_returns_to_the_computed_calendar(registered_2027):
    cal.unregister_arrangement(2027)
    assert not calendar_known_for(2027) and is_working_day(D(2027, 2, 11))


@pytest.mark.parametrize(("changes", "message"), [
    ({"days_off": [["2027-01-01", "2027-01-03"]]}, "statutory days off missing"),
    ({"working_days": ["2027-02-22"]}, "Saturday or Sunday"),
    ({"working_days": ["2027-02-06"]}, "both a day off and a working day"),
    ({"source": " "}, "source"),
    ({"days_off": [["2027-03-01", "2027-02-01"]]}, "runs forward"),
    ({"working_days": ["2027-13-01"]}, "ISO date"),
])
def test_an_arrangement_that_cannot_be_the_notice_is_refused(changes, message):
    with pytest.raises(ValueError, match=message):
        hol.arrangement_from_data(2027, _arrangement_2027(**changes))
    assert not calendar_known_for(2027)


NOTICE_2026_SHORT = """一、元旦：1月1日至3日放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日至6日放假，共3天。
四、劳动节：5月1日至5日放假调休，共5天。5月9日上班。
五、端午节：6月19日至21日放假，共3天。
六、中秋节：9月25日至27日放假，共3天。
七、国庆节：10月1日至7日放假调休，共7天。9月20日（周日）、10月10日（周六）上班。"""


def test_the_notice_text_is_read_item_by_item():
    read = hol.arrangement_from_notice(2026, NOTICE_2026_SHORT, source="2026 notice")
    shipped = cal._shipped()[2026]
    assert (read.days_off, read.working_days) == (shipped.days_off, shipped.working_days)


def test_a_new_year_holiday_reaching_back_into_december_belongs_to_the_year_before():
    text = "一、元旦：12月30日至1月1日放假调休，共3天。12月29日（周六）上班。"
    with pytest.raises(ValueError, match="statutory days off missing"):  # only 元旦 given: checked as a year
        hol.arrangement_from_notice(2019, text, source="x")
    days = hol._DAYS_OFF.search(text)
    assert days.groups()[:2] == ("12", "30")


def test_the_cli_imports_a_file_into_a_data_file(tmp_path, capsys):
    source = tmp_path / "notice.json"
    source.write_text(json.dumps({"2027": _arrangement_2027()}, ensure_ascii=False), encoding="utf-8")
    target = tmp_path / "arrangements.json"
    assert hol.main(["import", str(source), "--into", str(target)]) == 0
    assert hol.load_arrangements(target)[2027].working_days == {D(2027, 2, 20), D(2027, 10, 9)}
    assert hol.main(["show", "2027"]) == 0 and "2027-02-05 春节" in capsys.readouterr().out
    assert hol.main(["nonsense"]) == 2


def test_arrangement_as_data_round_trips():
    shipped = cal._shipped()[2026]
    again = hol.arrangement_from_data(2026, shipped.as_data())
    assert (again.days_off, again.working_days, again.source) == (shipped.days_off, shipped.working_days,
                                                                   shipped.source)
