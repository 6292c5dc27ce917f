"""Each document kind prints the case's own facts, embeds its font and looks like a page."""

from __future__ import annotations

import re
import struct
import subprocess

import pytest

from disputes.documents import DOCUMENT_KINDS

KINDS = list(DOCUMENT_KINDS)

# What every kind must show for the factory's standard case.
COMMON = ["某某区劳动人事争议调解中心", "2026-0001234", "王小明", "某某即时配送科技有限公司", "第1页共"]

EXPECTED = {
    "acceptance_notice": [
        "受理通知书", "（2026）某某劳调受字第1234号", "2026年2月28日", "陈调解", "6,800.00",
        "8,000.00", "调解期限", "2026年3月17日", "2026年11月30日", "第十四条", "第二十七条", "（盖章）",
    ],
    "rejection_notice": [
        "不予受理通知书", "（2026）某某劳调不受字第1234号", "该争议已由某某区劳动人事争议仲裁委员会受理",
        "决定不予受理", "申请仲裁", "某某区劳动人事争议仲裁委员会", "2026年11月30日", "劳动保障监察", "（盖章）",
    ],
    "mediation_agreement": [
        "调解协议书", "（2026）某某劳调协字第1234号", "91110105MA01ABCD2X", "某某众包服务外包有限公司",
        "6,800.00元", "人民币陆仟捌佰元整", "2026年3月31日", "第十四条", "第十五条", "支付令", "第十六条",
        "申请人（签名）", "被申请人（盖章）", "调解员（签名）", "陈调解", "一式4份",
    ],
    "mediation_failure": [
        "调解不成（终止调解）证明", "（2026）某某劳调终字第1234号", "被申请人不同意支付，双方分歧较大",
        "2026年3月13日", "终止调解", "申请仲裁", "2026年11月30日", "第二十七条", "特此证明", "（盖章）",
    ],
    "arbitration_application": [
        "劳动人事争议仲裁申请书", "男", "29岁", "138****5678", "110***********1234", "北京市某某区某某路12号院3号楼",
        "平台企业", "用工合作企业", "91110105MA01ABCD2X", "91110108MA02WXYZ5K", "拖欠劳动报酬", "6,800.00",
        "1,200.00", "8,000.00", "人民币捌仟元整", "以“超时率过高”为由", "9f86d081884c7d65",
        "2025年12月工资流水截图.png", "此致", "某某区劳动人事争议仲裁委员会", "申请人（签名）",
    ],
    "legal_aid_referral": [
        "法律援助转介函", "某某区法律援助中心", "【紧急】", "2026年3月9日", "第四十四条", "第四十三条",
        "申请人经济困难", "身份证复印件", "经济困难状况说明表", "138****5678", "（盖章）",
    ],
    "case_summary": [
        "案件摘要", "调解中", "线上提交调解申请", "受理并指定调解员", "2026年11月30日", "第二十七条",
        "倾向认定劳动关系", "72%", "站点排班", "8,000.00", "人民币捌仟元整", "9f86d081884c7d65",
    ],
}


@pytest.mark.parametrize("kind", KINDS)
def test_document_prints_the_case_facts(kind, standard_pdf, flat_text_of):
    text = flat_text_of(standard_pdf(kind, "zh"))
    missing = [fact for fact in COMMON + EXPECTED[kind] if fact not in text]
    assert not missing, f"{kind} lacks {missing}"


@pytest.mark.parametrize("kind", KINDS)
def test_document_footer_counts_pages_and_gives_issue_date(kind, standard_pdf, text_of):
    text = text_of(standard_pdf(kind, "zh"))
    pages = text.count("\f")
    for page in range(1, pages + 1):
        assert f"第 {page} 页 共 {pages} 页" in text
    assert text.count("出具日期：") == pages


@pytest.mark.parametrize("kind", KINDS)
def test_document_embeds_every_font(kind, standard_pdf, pdffonts):
    result = subprocess.run([pdffonts, "-"], input=standard_pdf(kind, "zh"), capture_output=True,
                            check=True, timeout=30)
    header, _rule, *fonts = result.stdout.decode().splitlines()
    emb = header.index("emb")
    assert fonts, "no fonts listed"
    assert all(line[emb:emb + 3] == "yes" for line in fonts), result.stdout.decode()
    assert all("TrueType" in line for line in fonts)


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_first_page_renders_to_a_real_image(kind, language, standard_pdf, pdftoppm, artifacts, tmp_path):
    source = tmp_path / f"{kind}.pdf"
    source.write_bytes(standard_pdf(kind, language))
    target = artifacts / f"{kind}-{language}"
    subprocess.run([pdftoppm, "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(source),
                    str(target)], check=True, timeout=60)
    png = target.with_suffix(".png").read_bytes()
    width, height = struct.unpack(">II", png[16:24])
    assert png.startswith(b"\x89PNG")
    assert abs(width - 413) <= 1 and abs(height - 585) <= 1  # A4 at 50 dpi
    assert len(png) > 15_000, "page 1 is nearly empty"


@pytest.mark.parametrize("kind", KINDS)
def test_english_edition_translates_the_documents_own_words(kind, standard_pdf, flat_text_of):
    text = flat_text_of(standard_pdf(kind, "en"))
    assert "Page1of" in text
    assert re.search(r"Issued:\d{1,2}March2026", text)
    assert "王小明" in text  # the case's content stays as entered
    assert "第1页" not in text


def test_english_labels_for_claims_and_deadlines(standard_pdf, flat_text_of):
    text = flat_text_of(standard_pdf("case_summary", "en"))
    for label in ("CaseSummary", "Unpaidpay", "Confirmationofalabourrelationship", "limitationperiod",
                  "Labour-relationshipassessment"):
        assert label in text


@pytest.mark.parametrize("kind", KINDS)
def test_no_line_starts_with_closing_punctuation(kind, standard_pdf, text_of):
    lines = [line.strip() for line in text_of(standard_pdf(kind, "zh")).splitlines()]
    assert not [line for line in lines if line and line[0] in "，。、：；！？）》”"]
