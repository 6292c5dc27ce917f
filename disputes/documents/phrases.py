"""The fixed wording of the documents in Chinese and English, and how values are written.

The case's own content (names, facts, reasons, terms) is printed as entered; only the document's
own words are translated. Articles are of the Labour Dispute Mediation and Arbitration Law
(劳动争议调解仲裁法) unless another law is named.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

import glossary

from .amounts import amount_in_figures
from .context import ClaimInfo, DeadlineInfo, PartyInfo

LANGUAGES = ("zh", "en")
LAW = "《劳动争议调解仲裁法》"
AID_LAW = "《法律援助法》"

TEXT: dict[str, tuple[str, str]] = {
    # Frame and common labels
    "page": ("第 {page} 页 共 {total} 页", "Page {page} of {total}"),
    "footer_case": ("案号：{case_no}", "Case No. {case_no}"),
    "issued": ("出具日期：{date}", "Issued: {date}"),
    "none": ("—", "—"),
    "to_be_assigned": ("待指定", "to be assigned"),
    "seal": ("（盖章）", "(Seal)"),
    "sign_date": ("＿＿＿＿年＿＿月＿＿日", "Date: ________________"),
    "sign_line": ("{label}：＿＿＿＿＿＿＿＿", "{label}: ________________"),
    "sign_label": ("{label}：", "{label}:"),
    "sign_blank": ("＿＿＿＿＿＿＿＿＿＿＿＿", "____________________________"),
    "addressee": ("{names}：", "To {names}:"),
    "yes": ("是", "Yes"),
    "no": ("否", "No"),
    "undecided": ("尚未确定", "Not yet known"),
    "notify_close": ("特此通知。", "Notice is hereby given."),
    "certify_close": ("特此证明。", "This is hereby certified."),
    "commission": ("{region}劳动人事争议仲裁委员会", "{region} Labour and Personnel Dispute Arbitration Commission"),
    "commission_generic": ("有管辖权的劳动人事争议仲裁委员会", "the competent labour and personnel dispute arbitration commission"),
    "local_commission": ("本地仲裁机构：{commission}。", "Local arbitration commission: {commission}."),
    # Parties
    "applicant": ("申请人", "Applicant"),
    "respondent": ("被申请人", "Respondent"),
    "applicant_n": ("申请人{n}", "Applicant {n}"),
    "respondent_n": ("被申请人{n}", "Respondent {n}"),
    "name": ("姓名", "Name"),
    "company_name": ("名称", "Name"),
    "gender": ("性别", "Gender"),
    "age": ("年龄", "Age"),
    "age_value": ("{age}岁", "{age}"),
    "id_number": ("公民身份号码", "ID number"),
    "phone": ("联系电话", "Phone"),
    "address": ("住址", "Address"),
    "seat": ("住所", "Registered address"),
    "domicile": ("住所", "Domicile"),
    "born": ("出生日期", "date of birth"),
    "born_value": ("{date}出生", "born {date}"),
    "work_unit": ("工作单位", "Works for"),
    "position": ("职务", "Position"),
    "principal": ("法定代表人或主要负责人", "Legal representative or principal"),
    "gap_of": ("{party}的{items}", "{items} of {party}"),
    "missing_particulars": (
        "以下事项本申请书尚未载明，提交前请补写：{gaps}（《劳动争议调解仲裁法》第二十八条第二款第一项；"
        "《劳动人事争议仲裁办案规则》第二十九条第一项）。",
        "Not yet stated in this application; add before filing: {gaps} (Labour Dispute Mediation and "
        "Arbitration Law, Art. 28(2)(i); Rules for Handling Labour and Personnel Dispute Arbitration Cases, "
        "Art. 29(i)).",
    ),
    "party_kind": ("类型", "Type"),
    "credit_code": ("统一社会信用代码", "Unified social credit code"),
    "legal_rep": ("法定代表人（主要负责人）", "Legal representative"),
    "legal_rep_short": ("法定代表人", "Legal representative"),
    "party_role": ("身份", "Role"),
    "party_id": ("证件号码 / 信用代码", "ID / credit code"),
    # Tables
    "col_no": ("序号", "No."),
    "col_claim": ("请求事项", "Claim"),
    "col_amount": ("金额（元）", "Amount (CNY)"),
    "total": ("合计", "Total"),
    "total_line": ("请求金额合计：人民币{figures}元（大写：{capitals}）", "Total claimed: CNY {figures} ({capitals})"),
    "col_deadline": ("期限事项", "Deadline"),
    "col_due": ("届满日期", "Due"),
    "col_basis": ("依据", "Legal basis"),
    "col_days_left": ("剩余天数", "Days left"),
    "col_evidence": ("证据名称", "Evidence"),
    "col_size": ("大小", "Size"),
    "col_sha": ("SHA-256（前16位）", "SHA-256 (first 16)"),
    "col_date": ("日期", "Date"),
    "col_event": ("事项", "Event"),
    "col_actor": ("经办", "By"),
    "col_note": ("备注", "Note"),
    "case_no": ("案号", "Case No."),
    "accepted_on": ("受理日期", "Accepted on"),
    "submitted_on": ("提交日期", "Submitted on"),
    "mediator": ("调解员", "Mediator"),
    "arbitrator": ("仲裁员", "Arbitrator"),
    "state": ("案件状态", "Status"),
    "organisation": ("处理机构", "Handled by"),
    "region": ("地区", "Region"),
    "collective": ("集体争议", "Collective dispute"),
    "final_award": ("一裁终局", "Final award (Art. 47)"),
    "final_award_basis": ("一裁终局标准", "Final-award threshold"),
    "final_award_line": ("当地月最低工资标准 {monthly} 元 × 12 = {threshold} 元",
                         "local monthly minimum wage {monthly} yuan × 12 = {threshold} yuan"),
    # Shared notes
    "when": ("于{date}", " of {date}"),
    "we_centre": ("本中心", "we"),
    "we_commission": ("本委", "we"),
    "we_other": ("本机构", "we"),
    "h_case": ("案件信息", "Case details"),
    "h_claims": ("请求事项", "Claims"),
    "h_deadlines": ("期限", "Deadlines"),
    "h_notes": ("告知事项", "Please note"),
    "h_route": ("救济途径", "What you can do next"),
    "h_facts": ("争议事实", "Facts"),
    "note_mediation_15": (
        "自{we}收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁（" + LAW + "第十四条）。",
        "If no agreement is reached within 15 days of the day we received the application, either party "
        "may apply for arbitration (Labour Dispute Mediation and Arbitration Law, Art. 14).",
    ),
    "mediation_due": ("本案调解期限至{date}。", "In this case that period ends on {date}."),
    "note_optional": (
        "调解不是必经程序，你也可以直接向劳动人事争议仲裁委员会申请仲裁（同法第五条）。",
        "Mediation is optional: you may also apply directly to a labour and personnel dispute "
        "arbitration commission (Art. 5).",
    ),
    "note_limitation": (
        "申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算（" + LAW + "第二十七条）。",
        "The time limit for applying for arbitration is one year from the day you knew or should have "
        "known that your rights were infringed (Art. 27).",
    ),
    "limitation_due": (
        "据现有材料，本案仲裁时效预计于{date}届满，请在此之前申请仲裁。",
        "On the information we hold, it expires on {date}: apply before then.",
    ),
    "limitation_unknown": ("请尽早申请，以免超过仲裁时效。", "Apply early so as not to miss it."),
    "note_keep": (
        "请妥善保管本通知书、案号和查询码，并按通知参加调解。",
        "Keep this notice, the case number and your access code, and attend mediation when notified.",
    ),
    "note_legal_aid": (
        "经济困难或者符合法定条件的，可以向当地法律援助机构申请法律援助（" + AID_LAW + "第二十二条、第三十一条）。",
        "If you cannot afford a lawyer, or qualify by law, you may apply to the local legal-aid centre "
        "(Legal Aid Law, Arts. 22 and 31).",
    ),
    "route_arbitration": (
        "你可以就该劳动争议向劳动合同履行地或者用人单位所在地的劳动人事争议仲裁委员会申请仲裁"
        "（" + LAW + "第五条、第二十一条）。",
        "You may apply for arbitration of this dispute to the labour and personnel dispute arbitration "
        "commission where the contract is performed or where the employer is located (Arts. 5 and 21).",
    ),
    "route_inspection": (
        "用人单位拖欠或者克扣劳动报酬的，你还可以向劳动保障监察机构投诉（同法第九条）。",
        "Unpaid or withheld pay may also be reported to the labour inspectorate (Art. 9).",
    ),
    # Acceptance notice
    "acc_body": (
        "你（你们）{when}提出的与{respondents}之间的劳动争议调解申请，经审查，符合受理条件，"
        "{we}已于{accepted}决定予以受理。",
        "Your application{when} for mediation of the labour dispute with {respondents} has been examined "
        "and meets the conditions for acceptance. We accepted it on {accepted}.",
    ),
    # Rejection notice
    "rej_body": (
        "你（你们）{when}提出的与{respondents}之间的劳动争议调解申请，经审查，{reason}。{we}决定不予受理。",
        "Your application{when} for mediation of the labour dispute with {respondents} has been examined. "
        "Reason: {reason}. We have decided not to accept it.",
    ),
    # Mediation agreement
    "h_dispute": ("争议事项", "Matters in dispute"),
    "h_terms": ("协议内容", "Terms agreed"),
    "h_effect": ("协议效力与履行", "Effect and performance"),
    "agr_intro": (
        "经{organisation}主持调解，双方当事人在自愿、平等的基础上达成如下协议：",
        "Through mediation by {organisation}, the parties have freely and equally agreed as follows:",
    ),
    "agr_pay": (
        "{payer}应于{date}前向{payee}支付人民币{figures}元（大写：{capitals}）。",
        "{payer} shall pay {payee} CNY {figures} ({capitals}) on or before {date}.",
    ),
    "amount_figures": ("给付金额（小写）", "Amount (figures)"),
    "amount_capitals": ("给付金额（大写）", "Amount (Chinese capitals)"),
    "yuan": ("{figures}元", "CNY {figures}"),
    "pay_by": ("履行期限", "Pay by"),
    "pay_by_value": ("{date}前", "on or before {date}"),
    "effect_binding": (
        "本协议经双方当事人签名或者盖章，经调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力，"
        "当事人应当履行（" + LAW + "第十四条）。",
        "This agreement takes effect when both parties have signed or sealed it and the mediator has "
        "signed it under the seal of the mediation organisation. It binds both parties, who shall "
        "perform it (Art. 14).",
    ),
    "effect_arbitration": (
        "达成调解协议后，一方当事人在协议约定期限内不履行调解协议的，另一方当事人可以依法申请仲裁（同法第十五条）。",
        "If a party does not perform the agreement within the agreed period, the other party may apply "
        "for arbitration (Art. 15).",
    ),
    "effect_payment_order": (
        "因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，"
        "劳动者可以持调解协议书依法向人民法院申请支付令（同法第十六条）。",
        "As this agreement concerns unpaid pay, work-injury medical costs, severance or damages, if the "
        "employer does not perform within the agreed period the worker may take it to the people's "
        "court and apply for a payment order (Art. 16).",
    ),
    "agr_copies": (
        "本协议一式{n}份，双方当事人各执一份，{organisation}留存一份。",
        "This agreement is made in {n} copies: one for each party and one kept by {organisation}.",
    ),
    "sign_worker": ("申请人（签名）", "Applicant (signature)"),
    "sign_respondent": ("被申请人（盖章）", "Respondent (seal)"),
    "sign_representative": ("法定代表人或委托代理人（签名）", "Legal or authorised representative (signature)"),
    "sign_mediator": ("调解员（签名）", "Mediator (signature)"),
    # Mediation failure
    "fail_body": (
        "申请人{workers}与被申请人{respondents}劳动争议一案（案号：{case_no}），申请人{when}向{we}申请调解{accepted}。"
        "经调解，因{reason}，双方当事人未能达成调解协议，{we}于{ended}终止调解。",
        "The labour dispute between applicant {workers} and respondent {respondents} (case No. {case_no}) "
        "was brought to us for mediation{when}{accepted}. Mediation ended on {ended} without agreement. "
        "Reason: {reason}.",
    ),
    "fail_accepted": ("，{we}于{date}受理", ", accepted on {date}"),
    "fail_route": (
        "申请人可以持本证明，向劳动合同履行地或者用人单位所在地的劳动人事争议仲裁委员会申请仲裁"
        "（" + LAW + "第五条、第十四条、第二十一条）。",
        "You may take this certificate to the labour and personnel dispute arbitration commission where "
        "the contract is performed or where the employer is located and apply for arbitration "
        "(Arts. 5, 14 and 21).",
    ),
    # Arbitration application
    "h_arb_claims": ("仲裁请求", "Claims"),
    "h_arb_facts": ("事实和理由", "Facts and reasons"),
    "h_arb_evidence": ("证据和证据来源", "Evidence and its source"),
    "collective_note": (
        "本案为集体劳动争议，劳动者共{n}人，可以推举三至五名代表人参加仲裁活动"
        "（" + LAW + "第七条，《劳动人事争议仲裁办案规则》第六十三条）。",
        "This is a collective dispute of {n} workers, who may elect three to five representatives "
        "(Art. 7; Arbitration Case Rules, Art. 63).",
    ),
    "evidence_note": (
        "以上证据文件已提交至劳动争议调处台，可用 SHA-256 摘要核对文件未被改动。",
        "The files were submitted to Dispute Desk; their SHA-256 digests show they have not been altered.",
    ),
    "no_evidence": ("（暂未提交证据）", "(No evidence submitted yet)"),
    "to": ("此致", "To"),
    "enclosures": (
        "附：本申请书副本{n}份（按被申请人人数提交，" + LAW + "第二十八条）；证据材料{m}份。",
        "Enclosed: {n} copies of this application (one per respondent, Art. 28); {m} items of evidence.",
    ),
    "prepared_by": ("本申请书由{organisation}协助制作。", "Prepared with the help of {organisation}."),
    # Legal-aid referral
    "aid_urgent": (
        "【紧急】本案{deadline}将于{date}届满，距今仅{days}日。依照" + AID_LAW + "第四十四条，"
        "距法定时效或者期限届满不足七日的，法律援助机构可以先行提供法律援助，请优先办理。",
        "URGENT: the {deadline} in this case expires on {date}, in {days} day(s). Under Art. 44 of the "
        "Legal Aid Law, when fewer than seven days remain before a limitation period or deadline "
        "expires, legal aid may be given before the decision. Please give this case priority.",
    ),
    "aid_urgent_flag": (
        "【紧急】本案期限紧迫，请依照" + AID_LAW + "第四十四条优先办理，并考虑先行提供法律援助。",
        "URGENT: deadlines in this case are close. Please give it priority and consider legal aid before "
        "the decision (Legal Aid Law, Art. 44).",
    ),
    "aid_body": (
        "现有劳动者{workers}与{respondents}劳动争议一案（案号：{case_no}，当前状态：{state}），因{reason}，"
        "特转介贵中心，请依法审查是否给予法律援助（" + AID_LAW + "第二十二条、第三十一条）。",
        "We refer to you the labour dispute between worker {workers} and {respondents} (case No. {case_no}, "
        "status: {state}). Reason for referral: {reason}. Please decide whether to grant legal aid "
        "(Legal Aid Law, Arts. 22 and 31).",
    ),
    "aid_decision": (
        "依照" + AID_LAW + "第四十三条，法律援助机构应当自收到申请之日起七日内作出是否给予法律援助的决定；"
        "决定给予的，自作出决定之日起三日内指派承办人员。",
        "Under Art. 43 of the Legal Aid Law, the centre decides within seven days of receiving the "
        "application and, if aid is granted, assigns a lawyer within three days of the decision.",
    ),
    "aid_waiver": (
        "本案涉及请求支付劳动报酬或者工伤赔偿；申请人为进城务工人员的，免予核查经济困难状况（同法第四十二条）。",
        "The case concerns pay or work-injury compensation: for a migrant worker the financial-hardship "
        "check is waived (Art. 42).",
    ),
    "h_aid_worker": ("受援申请人", "The worker"),
    "h_aid_case": ("案件情况", "The case"),
    "h_aid_needs": ("请申请人准备的材料", "What the centre needs"),
    "aid_need_identity": ("身份证明", "Proof of identity"),
    "aid_need_hardship": ("经济困难状况说明（或免予核查的依据）", "Statement of financial hardship (or grounds for waiver)"),
    "aid_need_matter": (
        "与所申请法律援助事项有关的证明材料（劳动关系、工资、工伤等）",
        "Documents about the matter (labour relationship, pay, injury)",
    ),
    "aid_handler": ("经办人：{name}", "Handled by: {name}"),
    # Case summary
    "h_overview": ("基本情况", "Overview"),
    "h_parties": ("当事人", "Parties"),
    "h_timeline": ("办理经过", "History"),
    "h_assessment": ("劳动关系评估", "Labour-relationship assessment"),
    "h_outcome": ("处理结果", "Outcome"),
    "h_evidence": ("证据", "Evidence"),
    "h_legal_aid": ("法律援助", "Legal aid"),
    "assessment_category": ("评估结论", "Category"),
    "assessment_confidence": ("置信度", "Confidence"),
    "assessment_explanation": ("说明", "Explanation"),
    "assessment_disclaimer": (
        "评估由系统依据典型案例生成，仅供参考，不构成法律意见或者裁决结论。",
        "The assessment is generated from typical cases for reference only; it is not legal advice or a decision.",
    ),
    "rejection_reason": ("不予受理理由", "Reason for refusal"),
    "failure_reason": ("调解不成原因", "Why mediation failed"),
    "ended_on": ("终止调解日期", "Mediation ended on"),
    "agreement_terms": ("调解协议内容", "Agreed terms"),
    "aid_centre": ("法律援助机构", "Legal-aid centre"),
    "aid_reason": ("转介原因", "Reason for referral"),
    "aid_urgent_short": ("紧急（《法律援助法》第四十四条）", "Urgent (Legal Aid Law, Art. 44)"),
}

# Claim kinds in English, as the pages name them (the glossary package).
CLAIMS_EN = {key: term.en for key, term in glossary.CLAIMS.items()}

DEADLINES_EN = {
    "limitation": "limitation period for arbitration",
    "mediation": "mediation period",
    "arbitration_acceptance": "acceptance review",
    "award": "award deadline",
    "lawsuit": "time to sue",
    "set_aside": "employer's time to apply to set the award aside",
    "legal_aid_decision": "legal-aid decision",
}

GENDERS_EN = {"男": "male", "女": "female"}

ROLES_EN = {
    "劳动者": "Worker",
    "申请人": "Applicant",
    "平台企业": "Platform company",
    "用工合作企业": "Cooperating company",
    "劳务派遣单位": "Labour dispatch agency",
    "其他": "Other",
}

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


class Words:
    """The document's own words and value formats in one language (``zh`` or ``en``)."""

    def __init__(self, lang: str):
        if lang not in LANGUAGES:
            raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
        self.lang = lang
        self._i = LANGUAGES.index(lang)

    def __call__(self, key: str, **fields: object) -> str:
        """The phrase ``key`` with ``fields`` filled in."""
        return TEXT[key][self._i].format(**fields)

    def template(self, key: str) -> str:
        """The phrase ``key`` with its ``{placeholders}`` left for the caller."""
        return TEXT[key][self._i]

    @property
    def zh(self) -> bool:
        """True for the Chinese edition."""
        return self.lang == "zh"

    def date(self, value: date | None) -> str:
        """2026年3月5日 / 5 March 2026; a dash when unknown."""
        if value is None:
            return self("none")
        if self.zh:
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"

    def when(self, value: date | None) -> str:
        """于2026年3月5日 / " of 5 March 2026", or nothing when the date is unknown."""
        return self("when", date=self.date(value)) if value else ""

    def money(self, amount: Decimal | None) -> str:
        """Figures for a table cell; a dash when no amount is claimed."""
        return amount_in_figures(amount) if amount is not None else self("none")

    def claim(self, claim: ClaimInfo) -> str:
        """The claim's label in this language, falling back to the Chinese label."""
        return claim.label_zh if self.zh else CLAIMS_EN.get(claim.kind, claim.label_zh)

    def deadline(self, deadline: DeadlineInfo) -> str:
        """The deadline's label in this language, falling back to the Chinese label."""
        return deadline.label_zh if self.zh else DEADLINES_EN.get(deadline.kind, deadline.label_zh)

    def role(self, party: PartyInfo) -> str:
        """The party's role in this language, falling back to the Chinese role."""
        return party.role_zh if self.zh else ROLES_EN.get(party.role_zh, party.role_zh)

    def names(self, parties: Iterable[PartyInfo]) -> str:
        """Party names joined by 、 (or commas)."""
        return ("、" if self.zh else ", ").join(p.name for p in parties) or self("none")

    def value(self, text: object | None) -> str:
        """A field's value, or a dash when empty."""
        return str(text) if text not in (None, "") else self("none")

    def occupation(self, key: str | None) -> str | None:
        """The occupation's glossary label in this language, or ``None`` when unknown."""
        term = glossary.OCCUPATIONS.get(key) if key else None
        return (term.zh if self.zh else term.en) if term else None

    def series(self, items: Iterable[str]) -> str:
        """Items listed: 甲、乙、丙 / a, b, c."""
        return ("、" if self.zh else ", ").join(items)

    def gender(self, gender_zh: str | None) -> str | None:
        """男 / male, or ``None`` when unknown."""
        if not gender_zh:
            return None
        return gender_zh if self.zh else GENDERS_EN.get(gender_zh, gender_zh)

    def labelled(self, label: str, value: str | None) -> str | None:
        """``label：value`` (``label: value``), or ``None`` when the value is empty."""
        if value in (None, ""):
            return None
        return f"{label}：{value}" if self.zh else f"{label}: {value}"

    def sentence(self, parts: Iterable[str | None]) -> str:
        """The non-empty ``parts`` joined into one sentence: 甲，乙，丙。 / A, B, C."""
        present = [p for p in parts if p]
        return "，".join(present) + "。" if self.zh else ", ".join(present) + "."

    def join(self, *sentences: str) -> str:
        """Sentences run together: no space between Chinese ones, one space between English."""
        return ("" if self.zh else " ").join(s for s in sentences if s)

    def yes_no(self, flag: bool | None) -> str:
        """是 / 否 / 尚未确定."""
        return self("undecided") if flag is None else self("yes" if flag else "no")

    def we(self, organisation_name: str) -> str:
        """How the issuer names itself: 本中心, 本委 or 本机构."""
        if organisation_name.endswith("中心"):
            return self("we_centre")
        if organisation_name.endswith("委员会"):
            return self("we_commission")
        return self("we_other")

    def commission(self, region_name: str) -> str:
        """The arbitration commission of ``region_name``, or a generic description."""
        return self("commission", region=region_name) if region_name else self("commission_generic")
