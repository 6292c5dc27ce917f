"""The fixed wording of an inspection matter's documents in Chinese and English.

The periods, figures and articles are placeholders: the context brings them from
workflows/inspection.py, so no number of days and no article is written here. Everything else
(dates, the seal, headings shared with the case documents) is the case documents' ``Words``.
"""
from __future__ import annotations

from decimal import Decimal

from .phrases import Words

MATTER_TEXT: dict[str, tuple[str, str]] = {
    # Frame and fields
    "footer_matter": ("编号：{matter_no}", "Matter No. {matter_no}"),
    "matter_no": ("事项编号", "Matter No."),
    "complaint_no": ("投诉编号", "Complaint No."),
    "received_on": ("收到投诉日期", "Complaint received on"),
    "employer_complained": ("被投诉用人单位", "Employer complained of"),
    "employer": ("用人单位", "Employer"),
    "place": ("用工所在地", "Place of work"),
    "complaint_items": ("投诉事项", "Matters complained of"),
    "inspector": ("承办监察员", "Inspector in charge"),
    "accepted_and_opened": ("受理（立案）日期", "Accepted (case opened) on"),
    "col_period": ("期间", "Period"),
    "working_days": ("{n}个工作日", "{n} working days"),
    "days": ("{n}日", "{n} days"),
    "years": ("{n}年", "{n} years"),
    "h_complaint": ("投诉情况", "The complaint"),
    # 投诉受理通知书
    "cacc_body": (
        "你于{received}提出的对{employer}的投诉，经审查，符合受理条件。{we}已于{accepted}决定受理，并于受理当日立案。",
        "Your complaint of {received} against {employer} has been examined and meets the conditions for "
        "acceptance. We accepted it on {accepted} and opened a case the same day.",
    ),
    "note_investigation": (
        "调查应当自立案之日起{days}个工作日内完成；情况复杂的，经劳动保障行政部门负责人批准，可以延长{extra}个工作日"
        "（{basis}）。",
        "The investigation is to be completed within {days} working days of the day the case was opened; for a "
        "complex case the head of the labour administration may extend it by {extra} working days ({basis}).",
    ),
    "investigation_due": ("本案调查期限至{date}。", "In this case it ends on {date}."),
    "investigation_extended": ("本案调查期限已经批准延长，至{date}。", "In this case it has been extended, to {date}."),
    "note_linked": (
        "你同时提出的劳动争议（案号：{cases}）由调解组织或者仲裁委员会另行办理，请按该案的通知参加。",
        "The labour dispute you filed at the same time (case No. {cases}) proceeds separately; follow the "
        "notices of that case.",
    ),
    "note_follow": (
        "请妥善保管本通知书，并凭投诉编号查询办理进度。",
        "Keep this notice and follow the matter with its complaint number.",
    ),
    # 不予受理通知书
    "crej_body": (
        "你于{received}提出的对{employer}的投诉，经审查，{reason}。{we}于{decided}决定不予受理。",
        "Your complaint of {received} against {employer} has been examined. Reason: {reason}. On {decided} "
        "we decided not to accept it.",
    ),
    "decided_on": ("决定日期", "Decided on"),
    "decline_reason": ("不予受理的理由", "Reason"),
    "department": ("有管辖权的部门", "Competent department"),
    "department_line": ("有管辖权的部门：{department}。", "Competent department: {department}."),
    # 限期整改指令书 / 行政处理决定书
    "h_order": ("责令事项", "The order"),
    "h_consequences": ("逾期不改正（支付）的后果", "If you do not comply"),
    "ordered_on": ("责令日期", "Ordered on"),
    "comply_by": ("改正（支付）期限", "Comply by"),
    "breach_basis": ("违法事项及依据", "Breach and legal basis"),
    "ord_body": (
        "{we}于{accepted}对你单位立案调查。经查，你单位存在违反劳动保障法律、法规的行为。依据{basis}，"
        "现责令你单位于{due}前{duty}。",
        "We opened a case concerning you on {accepted}. The investigation found a breach of labour law. Under "
        "{basis}, you are ordered to {duty} on or before {due}.",
    ),
    "ord_duty_pay": (
        "向下列劳动者支付共计人民币{figures}元（大写：{capitals}）",
        "pay the workers listed below CNY {figures} in total ({capitals})",
    ),
    "ord_duty_rectify": ("改正上述违法行为", "correct the breach"),
    "col_worker": ("劳动者", "Worker"),
    "col_months": ("欠付月数", "Months unpaid"),
    "ord_statement": (
        "作出本决定前，{we}已于{date}告知你单位并听取了你单位的陈述、申辩。",
        "Before this decision we informed you on {date} and heard your statement and defence.",
    ),
    "ord_compensation": (
        "逾期不支付的，可以责令你单位按应付金额{low}以上{high}以下的标准加付赔偿金（{basis}）。",
        "If you do not pay by that date, you may be ordered to pay additional compensation of {low} to {high} "
        "of the sum owed ({basis}).",
    ),
    "ord_penalty": (
        "{ground}的，处{low}元以上{high}元以下的罚款（{basis}）。",
        "{ground}: a fine of {low} to {high} yuan ({basis}).",
    ),
    "ord_transfer": (
        "{methods}劳动者的劳动报酬，数额较大，经责令支付仍不支付的，涉嫌犯罪（{law}），依照{rules}移送公安机关。",
        "Not paying the workers' pay in a large amount after an order to pay ({methods}) is a suspected crime "
        "({law}) and is transferred to the police under {rules}.",
    ),
}


class MatterWords(Words):
    """The case documents' words and formats, with the inspection documents' own phrases first."""

    def __call__(self, key: str, **fields: object) -> str:
        if key in MATTER_TEXT:
            return MATTER_TEXT[key][0 if self.zh else 1].format(**fields)
        return super().__call__(key, **fields)

    @property
    def label_width(self) -> float:
        """The share of a field table the labels take: the English ones are longer."""
        return 0.24 if self.zh else 0.32

    def period(self, length: int, unit: str) -> str:
        """60个工作日 / 60 working days, 15日, 2年, in the unit workflows counts the period in."""
        return self(unit if unit in ("working_days", "years") else "days", n=length)

    def share(self, rate: Decimal) -> str:
        """A share of the sum owed as the Regulation writes it: 50%, 1倍 (50%, 100% in English)."""
        if self.zh and rate == rate.to_integral_value():
            return f"{int(rate)}倍"
        return f"{(rate * 100).normalize():f}%"

    def alternatives(self, choices: tuple[str, ...]) -> str:
        """甲或者乙 / A, or B."""
        return ("或者" if self.zh else ", or ").join(choices)
