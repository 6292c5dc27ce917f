"""Small builders for document contexts: one realistic case, changed per test with ``replace``."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from disputes.documents import (
    AgreementInfo,
    AssessmentInfo,
    ClaimInfo,
    DeadlineInfo,
    DocumentContext,
    EvidenceInfo,
    LegalAidInfo,
    MediationFailureInfo,
    PartyInfo,
    TimelineEntry,
)

ISSUED_ON = date(2026, 3, 5)
SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def worker(name: str = "王小明", **changes) -> PartyInfo:
    """A delivery rider applicant with masked identifiers."""
    fields = dict(id_number="110***********1234", phone="138****5678",
                  address="北京市某某区某某路12号院3号楼", gender_zh="男", age=29)
    return PartyInfo(name, "劳动者", **{**fields, **changes})


def platform(name: str = "某某即时配送科技有限公司", **changes) -> PartyInfo:
    """The platform company respondent."""
    fields = dict(credit_code="91110105MA01ABCD2X", address="北京市某某区某某大街88号",
                  legal_representative="李某")
    return PartyInfo(name, "平台企业", **{**fields, **changes})


def contractor(name: str = "某某众包服务外包有限公司", **changes) -> PartyInfo:
    """The station contractor (用工合作企业) respondent."""
    fields = dict(credit_code="91110108MA02WXYZ5K", address="北京市某某区站前路6号", legal_representative="赵某")
    return PartyInfo(name, "用工合作企业", **{**fields, **changes})


def claims() -> list[ClaimInfo]:
    """Unpaid pay, unlawful deductions and a labour-relationship confirmation (no amount)."""
    return [
        ClaimInfo("confirm_labor_relation", "确认劳动关系"),
        ClaimInfo("wage_arrears", "拖欠劳动报酬", Decimal("6800.00")),
        ClaimInfo("illegal_deduction", "违规罚款、扣款、收取押金或财物", Decimal("1200.00")),
    ]


def deadlines(issued_on: date = ISSUED_ON) -> list[DeadlineInfo]:
    """A mediation period and the limitation period, both well ahead of ``issued_on``."""
    return [
        DeadlineInfo("mediation", "调解期限", issued_on + timedelta(days=12), "《劳动争议调解仲裁法》第十四条"),
        DeadlineInfo("limitation", "仲裁时效", date(2026, 11, 30), "《劳动争议调解仲裁法》第二十七条"),
    ]


def make_context(**changes) -> DocumentContext:
    """A complete accepted case; pass field values to change or blank any of them."""
    ctx = DocumentContext(
        case_no="2026-0001234",
        organisation_name="某某区劳动人事争议调解中心",
        organisation_kind="mediation_centre",
        issued_on=ISSUED_ON,
        state_label_zh="调解中",
        workers=[worker()],
        respondents=[platform(), contractor()],
        claims=claims(),
        facts=("申请人自2024年6月起通过某某平台从事外卖配送工作，接受站点排班和考勤管理，"
               "报酬按单结算并由用工合作企业每月发放。2025年12月起，被申请人以“超时率过高”为由"
               "扣发申请人工资，并在2026年1月停止派单。\n申请人多次要求支付未果，故申请调解。"),
        region_name="某某区",
        submitted_on=date(2026, 2, 26),
        accepted_on=date(2026, 2, 28),
        mediator_name="陈调解",
        arbitrator_name=None,
        deadlines=deadlines(),
        timeline=[
            TimelineEntry(date(2026, 2, 26), "已提交", "王小明", "线上提交调解申请"),
            TimelineEntry(date(2026, 2, 28), "调解中", "陈调解", "受理并指定调解员"),
        ],
        evidence=[
            EvidenceInfo("2025年12月工资流水截图.png", SHA, 348_211),
            EvidenceInfo("平台派单记录导出.xlsx", "0" * 63 + "1", 52_004),
        ],
        assessment=AssessmentInfo("倾向认定劳动关系", 0.72, "站点排班、考勤及罚款规则体现较强的管理控制。"),
    )
    return replace(ctx, **changes)


def agreed(**changes) -> DocumentContext:
    """A case settled in mediation: the contractor pays ¥6,800 by 31 March 2026."""
    agreement = AgreementInfo(
        terms="被申请人某某众包服务外包有限公司支付申请人2025年12月至2026年1月劳动报酬。\n"
              "申请人放弃其他请求，双方就本争议再无其他纠纷。",
        amount=Decimal("6800.00"), pay_by=date(2026, 3, 31))
    return make_context(**{"agreement": agreement, "state_label_zh": "调解成功", **changes})


def failed(**changes) -> DocumentContext:
    """A case whose mediation ended without agreement on 13 March 2026."""
    failure = MediationFailureInfo("被申请人不同意支付，双方分歧较大", date(2026, 3, 13))
    return make_context(**{"mediation_failure": failure, "state_label_zh": "调解不成",
                           "issued_on": date(2026, 3, 13), **changes})


def refused(**changes) -> DocumentContext:
    """A case not accepted for mediation."""
    return make_context(**{"rejection_reason": "该争议已由某某区劳动人事争议仲裁委员会受理", "accepted_on": None,
                           "state_label_zh": "不予受理", **changes})


def referred(**changes) -> DocumentContext:
    """A case referred to legal aid, its limitation period ending in four days."""
    aid = LegalAidInfo("申请人经济困难，且案件涉及确认劳动关系，需要专业代理", "某某区法律援助中心",
                       needs=["身份证复印件", "经济困难状况说明表", "工资流水和派单记录"])
    limitation = DeadlineInfo("limitation", "仲裁时效", ISSUED_ON + timedelta(days=4), "《劳动争议调解仲裁法》第二十七条")
    return make_context(**{"legal_aid": aid, "deadlines": [limitation], **changes})


def for_kind(kind: str, **changes) -> DocumentContext:
    """A context that has everything ``kind`` needs."""
    builders = {"mediation_agreement": agreed, "mediation_failure": failed, "rejection_notice": refused,
                "legal_aid_referral": referred}
    return builders.get(kind, make_context)(**changes)
