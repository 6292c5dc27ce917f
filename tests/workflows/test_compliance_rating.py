"""The compliance rating (企业劳动保障守法诚信等级评价): each grade worked out by hand on small records,
the objection periods counted by hand on the 2026 calendar, the chain and the export rows.

The record year is 2025 (rated in 2026) unless a test says otherwise."""

import csv
import datetime as dt
import io

import pytest

from workflows import compliance_rating as cr

D = dt.date
YEAR_2025 = cr.RatingPeriod(2025)
PLATFORM_CODE = "91110000MA01ABCD2X"
STATION_1_CODE = "91110105MA02EFGH3Y"


def employer(name="北京某某科技有限公司", **fields):
    return cr.EmployerRecord(name=name, **fields)


def violation(on, **fields):
    return cr.Violation(found_on=on, **fields)


def codes(result):
    return [reason.code for reason in result.reasons]


# --- who and when -----------------------------------------------------------------------------

def test_the_rating_in_2026_looks_at_the_2025_record():
    period = cr.period_rated_in(2026)
    assert period == YEAR_2025
    assert (period.start, period.end, period.label_zh) == (D(2025, 1, 1), D(2025, 12, 31), "2025年度")


def test_only_enterprises_are_rated():
    shop = employer("张三餐馆", employer_kind="individual_business")
    assert not cr.is_ratable(shop)
    with pytest.raises(cr.NotRatable):
        cr.rate(shop, YEAR_2025)


# --- the three grades -------------------------------------------------------------------------

def test_an_employer_never_dealt_with_is_grade_a_with_its_basis():
    result = cr.rate(employer(), YEAR_2025)
    assert result.grade == "A"
    assert codes(result) == ["a_clean"]
    assert result.reasons[0].basis == cr.BASIS_A
    assert "人社部规〔2016〕1号" in result.reasons[0].basis and "原文未核实" in result.reasons[0].basis
    assert (result.period, result.rules_version, result.flags) == (YEAR_2025, cr.RULES_VERSION, ())


def test_one_violation_rectified_on_time_is_grade_b():
    result = cr.rate(employer(violations=(violation(D(2025, 5, 6), kind="wage_arrears"),)), YEAR_2025)
    assert result.grade == "B"
    assert codes(result) == ["b_dealt_with"]
    assert result.reasons[0].basis == cr.BASIS_B
    assert result.context["wage_arrears_cases"] == 1 and result.context["rectified_on_time"] == 1


def test_two_violations_are_still_grade_b():
    record = employer(violations=(violation(D(2025, 2, 3)), violation(D(2025, 8, 9))))
    assert cr.rate(record, YEAR_2025).grade == "B"


def test_three_violations_in_the_year_are_grade_c():
    record = employer(violations=tuple(violation(D(2025, m, 10)) for m in (3, 6, 11)))
    result = cr.rate(record, YEAR_2025)
    assert result.grade == "C"
    assert codes(result) == ["c_three_cases"]
    assert "3次" in result.reasons[0].zh and result.reasons[0].basis == cr.BASIS_C_THREE_CASES


def test_violations_outside_the_year_do_not_count():
    record = employer(violations=(violation(D(2024, 12, 31)), violation(D(2025, 4, 1)), violation(D(2026, 1, 2))))
    result = cr.rate(record, YEAR_2025)
    assert result.grade == "B"
    assert result.context["cases_found"] == 1 and result.context["outside_period"] == 2


def test_refusing_a_rectification_order_is_grade_c_even_after_a_single_case():
    record = employer(violations=(violation(D(2025, 4, 1), rectified_on_time=False),),
                      refusals=(cr.Refusal(D(2025, 4, 20), "rectification_order"),))
    result = cr.rate(record, YEAR_2025)
    assert result.grade == "C"
    assert codes(result) == ["c_refusal"]
    assert "限期整改指令" in result.reasons[0].zh and result.reasons[0].basis == cr.BASIS_C_REFUSAL


def test_refusing_a_penalty_decision_is_grade_c():
    record = employer(refusals=(cr.Refusal(D(2025, 9, 1), "penalty_decision"),))
    assert cr.rate(record, YEAR_2025).grade == "C"


def test_a_mass_incident_caused_by_wage_arrears_is_grade_c():
    record = employer(violations=(violation(D(2025, 1, 15), kind="wage_arrears"),),
                      incidents=(cr.Incident(D(2025, 1, 20), "mass", "wage_arrears"),))
    result = cr.rate(record, YEAR_2025)
    assert result.grade == "C"
    assert codes(result) == ["c_incident"]
    assert result.reasons[0].zh == "因拖欠劳动报酬引发群体性事件（2025-01-20）"


def test_an_incident_not_caused_by_a_violation_does_not_change_the_grade():
    record = employer(incidents=(cr.Incident(D(2025, 7, 1), "mass", "not_a_violation"),))
    result = cr.rate(record, YEAR_2025)
    assert result.grade == "A"
    assert [flag.code for flag in result.flags] == ["incident_not_caused"]


def test_child_labour_is_grade_c_on_a_single_case():
    result = cr.rate(employer(violations=(violation(D(2025, 3, 3), kind="child_labour"),)), YEAR_2025)
    assert (result.grade, codes(result)) == ("C", ["c_child_labour"])


def test_a_case_transferred_to_the_police_is_grade_c_from_a_single_source():
    record = employer(violations=(violation(D(2025, 6, 1), kind="wage_arrears"),), police_transfers=(D(2025, 6, 20),))
    result = cr.rate(record, YEAR_2025)
    assert result.grade == "C"
    assert result.reasons[0].code == "c_police_transfer" and result.reasons[0].status == "secondary_single"


def test_every_c_situation_is_listed():
    record = employer(violations=tuple(violation(D(2025, m, 1), kind="wage_arrears") for m in (2, 4, 6)),
                      refusals=(cr.Refusal(D(2025, 6, 30)),), incidents=(cr.Incident(D(2025, 7, 2), "extreme"),))
    assert codes(cr.rate(record, YEAR_2025)) == ["c_three_cases", "c_refusal", "c_incident"]


def test_obstruction_and_criminal_liability_are_flagged_not_graded():
    # Neither is found among the C situations in the sources; a person checks them.
    record = employer(violations=(violation(D(2025, 5, 5), kind="obstruction", penalty_imposed=True),),
                      obstructions=(D(2025, 5, 5),), criminal_liability_on=(D(2025, 11, 11),))
    result = cr.rate(record, YEAR_2025)
    assert result.grade == "B"
    assert [flag.code for flag in result.flags] == ["check_obstruction", "check_criminal_liability"]
    assert all(flag.status == "unverified" for flag in result.flags)
    assert result.flags[0].basis == "《劳动保障监察条例》第三十条"


def test_a_late_rectification_without_a_recorded_refusal_is_flagged():
    result = cr.rate(employer(violations=(violation(D(2025, 4, 1), rectified_on_time=False),)), YEAR_2025)
    assert result.grade == "B"
    assert [flag.code for flag in result.flags] == ["check_late_rectification"]


def test_awards_disputes_and_clues_are_context_only():
    record = employer(unpaid_awards=4, collective_disputes=2, open_arrears_clues=3, closed_arrears_clues=5)
    result = cr.rate(record, YEAR_2025)
    assert result.grade == "A"
    assert (result.context["unpaid_awards"], result.context["open_arrears_clues"]) == (4, 3)
    assert set(result.context) == set(cr.CONTEXT_LABELS)


def test_the_result_goes_into_the_file_as_plain_data():
    data = cr.rate(employer(credit_code=PLATFORM_CODE), YEAR_2025).as_data()
    assert data["grade"] == "A" and data["period"] == 2025 and data["credit_code"] == PLATFORM_CODE
    assert data["file_basis"] == "《劳动保障监察条例》第二十二条"
    assert data["reasons"][0]["code"] == "a_clean"


def test_a_record_can_come_from_plain_data():
    record = cr.record_from_data({
        "name": "某某配送站", "violations": [{"found_on": "2025-03-01", "kind": "wage_arrears"}],
        "refusals": [{"on": "2025-03-20"}], "open_arrears_clues": "2",
    })
    assert record.violations[0].found_on == D(2025, 3, 1) and record.open_arrears_clues == 2
    assert cr.rate(record, YEAR_2025).grade == "C"


def test_bad_values_are_refused():
    with pytest.raises(ValueError):
        cr.Violation(D(2025, 1, 1), kind="late")
    with pytest.raises(ValueError):
        cr.Refusal(D(2025, 1, 1), instrument="letter")
    with pytest.raises(ValueError):
        employer(unpaid_awards=-1)


def test_supervision_by_grade_is_marked_local_practice():
    for grade in cr.GRADES:
        assert cr.supervision_for(grade).status == "local_practice"
    assert "重点对象" in cr.supervision_for("C").zh


# --- objection and review (our working rules: 10 and 15 working days) --------------------------

def test_objection_window_rolls_past_national_day_2026():
    # Notified Mon 28 Sep. Working days: 29, 30 Sep; 1-7 Oct off; 8, 9, 10 (Sat, make-up day),
    # 12, 13, 14, 15, 16 Oct -> the tenth is Fri 16 Oct.
    deadline = cr.objection_deadline(D(2026, 9, 28))
    assert deadline.due == D(2026, 10, 16)
    assert (deadline.unit, deadline.length, deadline.actor, deadline.basis) == ("working_days", 10, "employer", cr.POLICY)
    assert deadline.calendar_known


def test_an_objection_is_in_time_up_to_the_last_day_only():
    notified = D(2026, 9, 28)
    assert cr.objection_in_time(notified, D(2026, 10, 16))
    assert not cr.objection_in_time(notified, D(2026, 10, 19))
    assert not cr.objection_in_time(notified, D(2026, 9, 27))


def test_review_deadline_counts_fifteen_working_days_from_receipt():
    # Received Fri 16 Oct: 19-23, 26-30 Oct, 2-6 Nov -> Fri 6 Nov.
    deadline = cr.review_deadline(D(2026, 10, 16))
    assert deadline.due == D(2026, 11, 6) and deadline.actor == "inspectorate"


def test_review_deadline_rolls_past_qingming_2026():
    # Received Mon 16 Mar: 17-20, 23-27 Mar, 30 Mar-3 Apr make 14; 4-6 Apr off; Tue 7 Apr is the 15th.
    assert cr.review_deadline(D(2026, 3, 16)).due == D(2026, 4, 7)


def test_periods_in_an_unpublished_year_are_marked_provisional():
    deadline = cr.objection_deadline(D(2027, 3, 1))
    assert not deadline.calendar_known and deadline.note


def test_a_review_without_corrected_facts_maintains_the_grade():
    previous = cr.rate(employer(refusals=(cr.Refusal(D(2025, 4, 20)),)), YEAR_2025)
    decision = cr.decide_review(previous, D(2026, 10, 20))
    assert (decision.outcome, decision.grade, decision.changed) == ("maintain", "C", False)


def test_a_review_on_corrected_facts_changes_the_grade():
    # The refusal was recorded in error: one case remains, so B.
    wrong = employer(violations=(violation(D(2025, 4, 1)),), refusals=(cr.Refusal(D(2025, 4, 20)),))
    corrected = employer(violations=(violation(D(2025, 4, 1)),))
    decision = cr.decide_review(cr.rate(wrong, YEAR_2025), D(2026, 10, 20), corrected)
    assert (decision.outcome, decision.previous_grade, decision.grade) == ("change", "C", "B")
    assert decision.result.grade == "B" and decision.basis == cr.POLICY


def test_a_review_cannot_use_another_employers_record():
    previous = cr.rate(employer(), YEAR_2025)
    with pytest.raises(cr.NotRatable):
        cr.decide_review(previous, D(2026, 10, 20), employer("另一家公司"))


def test_a_refusal_found_after_the_rating_lowers_the_grade():
    before = employer(violations=(violation(D(2025, 10, 1)),))
    after = employer(violations=before.violations, refusals=(cr.Refusal(D(2025, 12, 1), "processing_decision"),))
    change = cr.adjust_rating(cr.rate(before, YEAR_2025), after, D(2026, 5, 1))
    assert (change.kind, change.previous_grade, change.grade, change.changed) == ("adjustment", "B", "C", True)


# --- a platform and its delivery stations ------------------------------------------------------

def chain_records():
    platform = employer("某某即时配送平台有限公司", credit_code=PLATFORM_CODE)
    station_1 = employer("甲配送站服务有限公司", credit_code=STATION_1_CODE,
                         violations=(violation(D(2025, 3, 1), kind="wage_arrears"),),
                         incidents=(cr.Incident(D(2025, 3, 5), "mass", "wage_arrears"),))
    station_2 = employer("乙配送站服务有限公司", violations=(violation(D(2025, 8, 8)),))
    return platform, station_1, station_2


def test_each_member_of_a_chain_is_rated_in_its_own_name():
    links = (cr.ChainLink(PLATFORM_CODE, STATION_1_CODE, "outsourcing"),
             cr.ChainLink("某某即时配送平台有限公司", "乙配送站服务有限公司", "franchise"))
    chain = cr.rate_chain(chain_records(), links, YEAR_2025)
    assert [m.grade for m in chain.members] == ["A", "C", "B"]  # the platform keeps its A
    assert chain.member("乙配送站服务有限公司").grade == "B"
    assert chain.member(STATION_1_CODE).employer_name == "甲配送站服务有限公司"
    assert chain.links == ((PLATFORM_CODE, STATION_1_CODE, "outsourcing"),
                           (PLATFORM_CODE, "name:乙配送站服务有限公司", "franchise"))
    assert "不在合作企业间传递" in chain.basis


def test_a_chain_link_must_name_members():
    with pytest.raises(cr.NotRatable):
        cr.rate_chain(chain_records(), (cr.ChainLink(PLATFORM_CODE, "丙配送站"),), YEAR_2025)


def test_a_member_cannot_appear_twice_in_a_chain():
    platform, *_ = chain_records()
    with pytest.raises(ValueError):
        cr.rate_chain((platform, platform), (), YEAR_2025)


# --- export -------------------------------------------------------------------------------------

def test_only_grade_c_is_exported_for_joint_sanctions():
    results = cr.rate_chain(chain_records(), (), YEAR_2025).members
    rows = cr.joint_sanction_rows(results)
    assert rows == [{
        "employer_name": "甲配送站服务有限公司", "credit_code": STATION_1_CODE, "grade": "C",
        "period": "2025年度", "reasons": "因拖欠劳动报酬引发群体性事件（2025-03-05）",
        "articles": cr.BASIS_C_INCIDENT,
    }]


def test_only_grade_a_is_exported_for_joint_incentives_and_b_for_neither():
    results = cr.rate_chain(chain_records(), (), YEAR_2025).members
    assert [row["employer_name"] for row in cr.joint_incentive_rows(results)] == ["某某即时配送平台有限公司"]
    exported = cr.joint_sanction_rows(results) + cr.joint_incentive_rows(results)
    assert "乙配送站服务有限公司" not in [row["employer_name"] for row in exported]


def test_export_rows_join_reasons_and_list_each_article_once():
    record = employer(violations=tuple(violation(D(2025, m, 1)) for m in (1, 2, 3)),
                      refusals=(cr.Refusal(D(2025, 3, 9)), cr.Refusal(D(2025, 4, 9), "penalty_decision")))
    row = cr.joint_sanction_rows([cr.rate(record, YEAR_2025)])[0]
    assert row["reasons"].count("；") == 2 and row["credit_code"] == ""
    assert row["articles"] == f"{cr.BASIS_C_THREE_CASES}；{cr.BASIS_C_REFUSAL}"


def test_rows_as_csv_has_the_header_and_one_line_per_row():
    rows = cr.joint_sanction_rows(cr.rate_chain(chain_records(), (), YEAR_2025).members)
    parsed = list(csv.DictReader(io.StringIO(cr.rows_as_csv(rows))))
    assert tuple(parsed[0]) == cr.EXPORT_COLUMNS and len(parsed) == 1


# --- the sources --------------------------------------------------------------------------------

def test_the_sources_say_the_measures_were_not_read_in_full():
    sources = cr.sources()
    assert sources["rating_measures"]["status"] == "not_found"
    assert sources["rating_measures"]["number"] == "人社部规〔2016〕1号"
    for key, source in sources.items():
        assert source.get("url") or source.get("checked_in"), key


def test_the_rules_version_matches_the_sources_file():
    import json
    from importlib import resources
    data = json.loads((resources.files("workflows") / "data" / "compliance_rating_sources.json").read_text("utf-8"))
    assert data["rules_version"] == cr.RULES_VERSION


def test_every_reason_names_its_text_and_a_known_status():
    record = employer(violations=tuple(violation(D(2025, m, 1), kind=k) for m, k in
                                       ((1, "child_labour"), (2, "forced_labour"), (3, "obstruction"))),
                      refusals=(cr.Refusal(D(2025, 4, 1)),), incidents=(cr.Incident(D(2025, 5, 1)),),
                      police_transfers=(D(2025, 6, 1),), criminal_liability_on=(D(2025, 7, 1),))
    result = cr.rate(record, YEAR_2025)
    for reason in result.reasons + result.flags:
        assert reason.status in cr.STATUSES
        assert "《" in reason.basis
        assert len(reason.zh) <= 60  # short paraphrases, not copied sentences
