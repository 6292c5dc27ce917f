"""The rules each document applies to the case's data."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from disputes.documents import ClaimInfo, DeadlineInfo, render_document

from .factories import ISSUED_ON, agreed, failed, make_context, platform, referred, refused, worker

NON_MONEY_CLAIMS = [ClaimInfo("confirm_labor_relation", "确认劳动关系"), ClaimInfo("discrimination", "就业歧视")]


def limitation_in(days: int) -> list[DeadlineInfo]:
    return [DeadlineInfo("limitation", "仲裁时效", ISSUED_ON + timedelta(days=days), "第二十七条")]


def test_agreement_offers_a_payment_order_for_pay_claims(flat_text_of):
    assert "支付令" in flat_text_of(render_document("mediation_agreement", agreed()))


def test_agreement_without_pay_claims_offers_only_arbitration(flat_text_of):
    text = flat_text_of(render_document("mediation_agreement", agreed(claims=NON_MONEY_CLAIMS)))
    assert "支付令" not in text
    assert "第十五条" in text


def test_agreement_prints_odd_amounts_in_capitals(flat_text_of):
    ctx = agreed()
    ctx = replace(ctx, agreement=replace(ctx.agreement, amount=Decimal("10005.50")))
    text = flat_text_of(render_document("mediation_agreement", ctx))
    assert "10,005.50" in text and "人民币壹万零伍元伍角" in text


@pytest.mark.parametrize(("days", "urgent"), [(0, True), (4, True), (6, True), (7, False), (30, False), (-1, False)])
def test_referral_is_urgent_when_fewer_than_seven_days_remain(days, urgent, flat_text_of):
    text = flat_text_of(render_document("legal_aid_referral", referred(deadlines=limitation_in(days))))
    assert ("【紧急】" in text) is urgent
    assert ("第四十四条" in text) is urgent


def test_referral_flagged_urgent_by_the_case_shows_the_banner(flat_text_of):
    ctx = referred(deadlines=[])
    ctx = replace(ctx, legal_aid=replace(ctx.legal_aid, urgent=True))
    assert "【紧急】" in flat_text_of(render_document("legal_aid_referral", ctx))


def test_referral_in_english_says_urgent(flat_text_of):
    assert "URGENT" in flat_text_of(render_document("legal_aid_referral", referred(), language="en"))


def test_referral_lists_default_needs_when_the_centre_named_none(flat_text_of):
    ctx = referred()
    ctx = replace(ctx, legal_aid=replace(ctx.legal_aid, needs=[]))
    assert "身份证明" in flat_text_of(render_document("legal_aid_referral", ctx))


def test_rejection_mentions_the_labour_inspectorate_only_for_pay(flat_text_of):
    assert "劳动保障监察" in flat_text_of(render_document("rejection_notice", refused()))
    assert "劳动保障监察" not in flat_text_of(render_document("rejection_notice", refused(claims=NON_MONEY_CLAIMS)))


def test_failure_without_a_known_limitation_urges_an_early_application(flat_text_of):
    text = flat_text_of(render_document("mediation_failure", failed(deadlines=[])))
    assert "请尽早申请" in text
    assert "预计于" not in text


def test_arbitration_application_of_a_collective_dispute_explains_representatives(flat_text_of):
    many = [worker(f"骑手{n}") for n in range(1, 11)]
    text = flat_text_of(render_document("arbitration_application", make_context(workers=many, collective=True)))
    assert "集体劳动争议" in text and "劳动者共10人" in text and "骑手10" in text


def test_arbitration_application_without_evidence_says_so(flat_text_of):
    assert "暂未提交证据" in flat_text_of(render_document("arbitration_application", make_context(evidence=[])))


def test_claims_without_amounts_have_no_total(flat_text_of):
    text = flat_text_of(render_document("arbitration_application", make_context(claims=NON_MONEY_CLAIMS)))
    assert "合计" not in text and "就业歧视" in text


def test_acceptance_without_a_mediator_says_one_will_be_assigned(flat_text_of):
    assert "待指定" in flat_text_of(render_document("acceptance_notice", make_context(mediator_name=None)))


def test_complete_identifiers_are_masked_in_every_document_but_the_application(flat_text_of):
    exposed = worker(id_number="110105199001011234", phone="13812345678")
    for kind in ("mediation_agreement", "case_summary"):
        text = flat_text_of(render_document(kind, agreed(workers=[exposed])))
        assert "110105199001011234" not in text and "13812345678" not in text, kind
        assert "110***********1234" in text and "138****5678" in text, kind


def test_the_application_states_the_particulars_of_article_28_in_full(flat_text_of):
    applicant = worker(id_number="110105199001011234", phone="13812345678", born_on=date(1990, 1, 1), age=36,
                       occupation="delivery_rider", work_unit="某某众包服务外包有限公司")
    employer = platform(legal_representative_title="执行董事")
    text = flat_text_of(render_document("arbitration_application", make_context(workers=[applicant],
                                                                                respondents=[employer])))
    for particular in ("110105199001011234", "13812345678", "男", "1990年1月1日出生", "36岁", "网约配送员",
                       "工作单位：某某众包服务外包有限公司", "住所：北京市某某区某某路12号院3号楼",
                       "住所：北京市某某区某某大街88号", "法定代表人或主要负责人：李某", "职务：执行董事"):
        assert particular in text, particular
    assert "尚未载明" not in text


def test_the_application_lists_the_particulars_the_case_lacks(flat_text_of):
    unknown = worker(id_number=None, gender_zh=None, age=None, address=None)
    employer = platform(address=None, legal_representative=None)
    text = flat_text_of(render_document("arbitration_application", make_context(workers=[unknown], respondents=[employer])))
    assert "尚未载明" in text and "第二十九条" in text
    assert "王小明的性别、出生日期、公民身份号码、住所" in text
    assert "某某即时配送科技有限公司的住所、法定代表人或主要负责人、职务" in text


def test_user_text_is_printed_literally_not_as_markup(flat_text_of):
    text = flat_text_of(render_document("case_summary", make_context(facts="<b>加粗</b> & <font size=40>大</font>")))
    assert "<b>加粗</b>&<fontsize=40>大</font>" in text


def test_long_case_runs_over_pages_with_correct_footers(text_of):
    facts = "\n".join(["申请人长期在站点接受排班管理，按单计酬，平台通过算法规则对超时行为扣款。"] * 60)
    text = text_of(render_document("arbitration_application", make_context(facts=facts)))
    pages = text.count("\f")
    assert pages >= 3
    assert f"第 {pages} 页 共 {pages} 页" in text
