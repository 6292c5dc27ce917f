"""The shipped typical-case library (casebase/data/typical_cases.json): complete, valid and honest."""
from __future__ import annotations

import itertools
from collections import Counter

import pytest

from casebase.records import CLAIM_KINDS, FACTOR_KEYS, LIBRARY_PATH, OCCUPATIONS, OUTCOMES, load_library

LIBRARY = load_library()
BY_ID = {case.id: case for case in LIBRARY}

# The ten published national cases and the answer each gave to "labour relationship?". Courts
# answer yes or no only; "no" is recorded as civil_relation, the library's nearest category.
NATIONAL = {
    "hrss2023-c1": "labor_relation",
    "hrss2023-c2": "civil_relation",
    "hrss2023-c3": "labor_relation",
    "hrss2023-c4": "labor_relation",
    "hrss2023-c5": "civil_relation",
    "hrss2023-c6": "labor_relation",
    "gc237": "labor_relation",
    "gc238": "labor_relation",
    "gc239": "civil_relation",
    "gc240": "civil_relation",
}
ILLUSTRATIVE_BODY = "Dispute Desk 示例案例（虚构，仅供演示）"
COMMON_CLAIMS = {
    "wage_arrears", "work_injury", "forced_individual_business", "algorithm_rules", "illegal_deduction",
    "overtime", "double_wages_no_contract", "economic_compensation", "multi_platform_restriction",
    "deposit_refund", "minimum_wage_shortfall", "confirm_labor_relation",
}


def test_the_library_file_loads_and_validates():
    assert LIBRARY_PATH.name == "typical_cases.json"
    assert len(LIBRARY) >= 40


def test_every_occupation_and_every_outcome_is_represented():
    assert {case.occupation for case in LIBRARY} == set(OCCUPATIONS)
    assert {case.outcome for case in LIBRARY} == set(OUTCOMES)


def test_every_occupation_has_an_illustrative_case():
    assert {case.occupation for case in LIBRARY if case.source.illustrative} == set(OCCUPATIONS)


def test_the_common_claims_all_appear():
    assert COMMON_CLAIMS <= {claim for case in LIBRARY for claim in case.claims} <= set(CLAIM_KINDS)


def test_a_collective_wage_claim_is_included():
    assert any("wage_arrears" in case.claims and "集体" in case.title for case in LIBRARY)


@pytest.mark.parametrize(("case_id", "outcome"), NATIONAL.items())
def test_the_ten_national_cases_are_present_with_their_true_source_and_outcome(case_id, outcome):
    case = BY_ID[case_id]
    assert case.outcome == outcome
    assert case.source.illustrative is False
    assert case.source.number
    expected_body = "最高人民法院" if case_id.startswith("gc") else "人力资源社会保障部、最高人民法院"
    assert case.source.body == expected_body


def test_only_the_national_cases_claim_a_real_source():
    real = {case.id for case in LIBRARY if not case.source.illustrative}
    assert real == set(NATIONAL)


def test_illustrative_cases_say_they_are_fictional():
    for case in LIBRARY:
        if case.source.illustrative:
            assert case.source.body == ILLUSTRATIVE_BODY
            assert case.id.startswith("demo-")
            assert 2019 <= case.source.year <= 2026


def test_every_case_is_published_with_reasons_and_statutes():
    for case in LIBRARY:
        assert case.status == "published"
        assert case.holding and case.reasoning and case.statutes
        assert set(case.factors) == set(FACTOR_KEYS)


def test_labour_relationship_cases_cite_the_baseline_test_or_a_guiding_case():
    anchors = ("劳社部发〔2005〕12号第一条", "指导性案例", "人社部函〔2023〕36号", "《劳动合同法》第五十八条")
    for case in LIBRARY:
        if case.outcome == "labor_relation":
            assert any(anchor in statute for statute in case.statutes for anchor in anchors), case.id


def test_outcomes_are_spread_enough_to_test_each_category():
    counts = Counter(case.outcome for case in LIBRARY)
    assert counts["labor_relation"] >= 10
    assert counts["incomplete_labor_relation"] >= 5
    assert counts["civil_relation"] >= 5
    assert counts["other"] >= 2


def test_facts_are_not_template_text():
    # No two accounts share a run of 20 characters: each was told in its own words.
    def runs(text: str) -> set[str]:
        return {text[start:start + 20] for start in range(len(text) - 19)}

    for first, second in itertools.combinations(LIBRARY, 2):
        shared = runs(first.facts) & runs(second.facts)
        assert not shared, (first.id, second.id, sorted(shared)[:1])


def test_recorded_factors_are_not_all_unknown():
    for case in LIBRARY:
        if case.outcome != "other":
            assert sum(value is not None for value in case.factors.values()) >= 2, case.id
