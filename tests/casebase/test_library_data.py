"""The shipped typical-case library (casebase/data/collection/): real published cases only, each with
its source, told in our own words, factors consistent with the outcome, no duplicates.

The counts by occupation, outcome, publisher and year are in the test ids (``pytest -v``) and in
``test_the_counts_report`` (``pytest -s`` prints them)."""
from __future__ import annotations

import itertools
import json
import re
from collections import Counter

import pytest

from casebase.assess import STRONG_KEYS
from glossary.laws import citation_en
from casebase.records import (
    CLAIM_KINDS,
    COLLECTION_DIR,
    FACTOR_KEYS,
    LIBRARY_PATH,
    OCCUPATIONS,
    curate,
    library_files,
    load_library,
)

LIBRARY = load_library()
PUBLISHED = [case for case in LIBRARY if case.published]
BY_ID = {case.id: case for case in LIBRARY}
RAW = [case for path in library_files() for case in json.loads(path.read_text(encoding="utf-8"))["cases"]]

# The ten national cases the old library held, under their old ids (pages and tests link to them),
# and the answer each gave to "labour relationship?".
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
# Labour relationships found on a ground other than the platform's control, as each record's
# reasoning says: the employer answers for an unlicensed subcontractor's hire, or for a worker its
# internal contractor took on; or the source names the finding without the facts of control.
LABOUR_WITHOUT_RECORDED_CONTROL = {
    "js-taicang-kuaidi-xu-fenbao": "违法分包，快递公司承担用工主体责任",
    "szzy-kuaidi-zhang-chengbao": "企业内部承包不影响劳动关系；转载页未载控制事实",
    "fjfq-2022-waimai-xiaohe": "转载页只载法院确认劳动关系，未载管理事实",
}
FICTION_MARKERS = ("虚构", "示例", "演示")
OUTCOME_COUNTS = Counter(case.outcome for case in PUBLISHED)
OCCUPATION_COUNTS = Counter(case.occupation for case in PUBLISHED)


def runs(text: str, length: int) -> set[str]:
    return {text[start:start + length] for start in range(len(text) - length + 1)}


def test_the_library_is_the_collection_folder_and_the_old_file_is_gone():
    assert LIBRARY_PATH == COLLECTION_DIR and LIBRARY_PATH.is_dir()
    assert not (COLLECTION_DIR.parent / "typical_cases.json").exists()
    assert len(library_files()) >= 5 and len(LIBRARY) == len(RAW) >= 100
    assert len(PUBLISHED) >= 100


@pytest.mark.parametrize("case", RAW, ids=[case["id"] for case in RAW])
def test_every_record_has_a_source_with_a_url_and_no_fiction_marker(case):
    source = case["source"]
    text = json.dumps(source, ensure_ascii=False)
    assert source["body"] and source["release"]
    assert source["url"].startswith(("http://", "https://"))
    assert not any(marker in text for marker in FICTION_MARKERS)
    assert source.get("illustrative", False) is False
    assert source["date"] or source["date_note"], "an undated source says why"


def test_a_case_kept_as_a_draft_says_why():
    drafts = [case for case in LIBRARY if not case.published]
    assert all(case.source.date_note and case.source.year is None for case in drafts)
    assert len(drafts) <= 5


def test_own_words_no_sentence_of_25_characters_is_shared_between_two_records_facts():
    for first, second in itertools.combinations(LIBRARY, 2):
        shared = runs(first.facts, 25) & runs(second.facts, 25)
        assert not shared, (first.id, second.id, sorted(shared)[:1])


def test_no_duplicates_by_case_number_publisher_or_similar_facts():
    assert curate(LIBRARY) == []


@pytest.mark.parametrize("case", [case for case in PUBLISHED if case.outcome == "labor_relation"],
                         ids=lambda case: case.id)
def test_a_labour_relationship_rests_on_a_strong_sign_of_control(case):
    if case.id in LABOUR_WITHOUT_RECORDED_CONTROL:
        assert not any(case.factors[key] is True for key in STRONG_KEYS)  # drop the entry once it has one
        return
    assert any(case.factors[key] is True for key in STRONG_KEYS)


@pytest.mark.parametrize("case", [case for case in PUBLISHED if case.outcome == "civil_relation"],
                         ids=lambda case: case.id)
def test_no_labour_relationship_is_never_every_strong_sign_of_control(case):
    assert not all(case.factors[key] is True for key in STRONG_KEYS)
    assert not all(case.factors[key] is True for key in STRONG_KEYS[:3]), "domination found, yet civil"


def test_labour_and_civil_findings_record_at_least_one_factor_mostly_two():
    decided = [case for case in PUBLISHED if case.outcome in ("labor_relation", "civil_relation")]
    known = {case.id: sum(value is not None for value in case.factors.values()) for case in decided}
    assert sum(count >= 2 for count in known.values()) / len(known) >= 0.85
    assert sum(count == 0 for count in known.values()) <= 2


@pytest.mark.parametrize(("case_id", "outcome"), NATIONAL.items())
def test_the_ten_national_cases_keep_their_ids_source_and_outcome(case_id, outcome):
    case = BY_ID[case_id]
    assert case.outcome == outcome and case.published and case.source.url
    assert "最高人民法院" in case.source.body and case.source.number
    if case_id.startswith("gc"):
        assert case.source.number == f"指导性案例{case_id[2:]}号"


@pytest.mark.parametrize("occupation", OCCUPATIONS,
                         ids=[f"{key}-{OCCUPATION_COUNTS[key]}" for key in OCCUPATIONS])
def test_every_occupation_has_published_cases(occupation):
    assert OCCUPATION_COUNTS[occupation] >= 3


@pytest.mark.parametrize("outcome", ["labor_relation", "civil_relation", "other"],
                         ids=[f"{key}-{OUTCOME_COUNTS[key]}" for key in ["labor_relation", "civil_relation", "other"]])
def test_each_outcome_the_courts_gave_is_well_represented(outcome):
    assert OUTCOME_COUNTS[outcome] >= 20


def test_at_least_a_third_found_no_or_an_incomplete_labour_relationship():
    no_labour = OUTCOME_COUNTS["civil_relation"] + OUTCOME_COUNTS["incomplete_labor_relation"]
    assert no_labour / len(PUBLISHED) >= 1 / 3


def test_the_common_claims_all_appear():
    common = {"confirm_labor_relation", "work_injury", "tort_damages", "double_wages_no_contract", "wage_arrears",
              "economic_compensation", "social_insurance", "unlawful_termination_compensation",
              "forced_individual_business", "overtime", "illegal_deduction", "deposit_refund"}
    assert common <= {claim for case in PUBLISHED for claim in case.claims} <= set(CLAIM_KINDS)


def test_every_published_case_has_reasons_factors_and_a_decision_record():
    for case in PUBLISHED:
        assert case.holding and case.reasoning and set(case.factors) == set(FACTOR_KEYS), case.id
    assert sum(bool(case.instances) for case in PUBLISHED) >= len(PUBLISHED) - 2
    both = [case for case in PUBLISHED if {"first_instance", "appeal"} <= {i.level for i in case.instances}]
    assert len(both) >= 30


def test_the_counts_report(capsys):
    def table(title, counts):
        return f"{title}: " + ", ".join(f"{key} {count}" for key, count in counts.most_common())

    report = "\n".join([
        f"published {len(PUBLISHED)}, drafts {len(LIBRARY) - len(PUBLISHED)}",
        table("occupation", OCCUPATION_COUNTS),
        table("outcome", OUTCOME_COUNTS),
        table("year", Counter(case.source.year for case in PUBLISHED)),
        table("publisher", Counter(case.source.body for case in PUBLISHED)),
    ])
    with capsys.disabled():
        print("\n" + report)
    assert str(len(PUBLISHED)) in report


def test_every_law_a_published_case_cites_reads_in_english():
    """The English case page cites the legal basis as English legal writing does: no title left in Chinese."""
    left = sorted({statute for case in PUBLISHED for statute in case.statutes
                   if re.search("[\u4e00-\u9fff《》〔〕（）]", citation_en(statute))})
    assert not left
