"""Benchmark: milliseconds to render each document kind, after the font is registered.

    .venv/bin/python bench/documents.py [--renders N] [--language zh|en]

Prints JSON: per kind the median, min and max of N renders, pages and bytes; the one-off font
registration; documents per second over all renders; and whether every median is within target.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal

from disputes.documents import (
    DOCUMENT_KINDS,
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
    render_document,
    resolve_font,
)
from disputes.documents.fonts import register_font

TARGET_MS = 100.0
ISSUED = date(2026, 3, 5)


def sample_case() -> DocumentContext:
    """A busy but ordinary case: two respondents, five claims, a page of facts, every section."""
    rider = PartyInfo("王小明", "劳动者", id_number="110***********1234", phone="138****5678",
                      address="北京市某某区某某路12号院3号楼", gender_zh="男", age=29)
    platform = PartyInfo("某某即时配送科技有限公司", "平台企业", credit_code="91110105MA01ABCD2X",
                         address="北京市某某区某某大街88号", legal_representative="李某")
    contractor = PartyInfo("某某众包服务外包有限公司", "用工合作企业", credit_code="91110108MA02WXYZ5K",
                           address="北京市某某区站前路6号", legal_representative="赵某")
    claims = [ClaimInfo("confirm_labor_relation", "确认劳动关系"),
              ClaimInfo("wage_arrears", "拖欠劳动报酬", Decimal("6800.00")),
              ClaimInfo("illegal_deduction", "违规罚款、扣款、收取押金或财物", Decimal("1200.00")),
              ClaimInfo("overtime", "加班费 / 超时劳动", Decimal("2350.50")),
              ClaimInfo("economic_compensation", "经济补偿", Decimal("9600.00"))]
    facts = "\n".join(["申请人自2024年6月起通过某某平台从事外卖配送工作，接受站点排班和考勤管理，报酬按单结算，"
                       "由用工合作企业每月发放。2025年12月起，被申请人以“超时率过高”为由扣发工资并停止派单。"] * 4)
    return DocumentContext(
        case_no="2026-0001234", organisation_name="某某区劳动人事争议调解中心", issued_on=ISSUED,
        state_label_zh="调解中", workers=[rider], respondents=[platform, contractor], claims=claims,
        facts=facts, region_name="某某区", submitted_on=date(2026, 2, 26), accepted_on=date(2026, 2, 28),
        mediator_name="陈调解", rejection_reason="该争议已由仲裁委员会受理",
        agreement=AgreementInfo("被申请人支付申请人2025年12月至2026年1月劳动报酬。", Decimal("6800.00"),
                                date(2026, 3, 31)),
        mediation_failure=MediationFailureInfo("被申请人不同意支付", date(2026, 3, 13)),
        deadlines=[DeadlineInfo("mediation", "调解期限", ISSUED + timedelta(days=12), "第十四条"),
                   DeadlineInfo("limitation", "仲裁时效", ISSUED + timedelta(days=4), "第二十七条")],
        timeline=[TimelineEntry(date(2026, 2, 26), "已提交", "王小明", "线上提交"),
                  TimelineEntry(date(2026, 2, 28), "调解中", "陈调解", "受理")],
        evidence=[EvidenceInfo(f"证据{n}.png", f"{n:064x}", 100_000 * n) for n in range(1, 6)],
        assessment=AssessmentInfo("倾向认定劳动关系", 0.72, "站点排班、考勤及罚款规则体现较强的管理控制。"),
        legal_aid=LegalAidInfo("申请人经济困难", "某某区法律援助中心", needs=["身份证复印件"]),
    )


def time_kind(kind: str, ctx: DocumentContext, renders: int, language: str) -> dict:
    """Render ``kind`` ``renders`` times; return the timings in ms and the document's size."""
    timings, pdf = [], b""
    for _ in range(renders):
        start = time.perf_counter()
        pdf = render_document(kind, ctx, language=language)
        timings.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(timings), 2), "min_ms": round(min(timings), 2),
            "max_ms": round(max(timings), 2), "pages": pdf.count(b"/Type /Page\n"), "bytes": len(pdf)}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON report; exit 1 if a median misses the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=20)
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    args = parser.parse_args(argv)

    choice = resolve_font(None)
    start = time.perf_counter()
    register_font(choice)
    registration_ms = (time.perf_counter() - start) * 1000
    ctx = sample_case()
    render_document("case_summary", ctx, language=args.language)  # warm imports and caches

    start = time.perf_counter()
    kinds = {kind: time_kind(kind, ctx, args.renders, args.language) for kind in DOCUMENT_KINDS}
    elapsed = time.perf_counter() - start
    report = {
        "font": {"path": choice.path, "family": choice.family, "registration_ms": round(registration_ms, 1)},
        "language": args.language,
        "renders_per_kind": args.renders,
        "kinds": kinds,
        "documents_per_second": round(len(kinds) * args.renders / elapsed, 1),
        "target_ms": TARGET_MS,
        "within_target": all(k["median_ms"] <= TARGET_MS for k in kinds.values()),
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if report["within_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
