"""What each event's form asks for on the case page. The rules on the answers live in workflows."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import LazyString
from flask_babel import lazy_gettext as _l

from disputes.validation import whole_number
from disputes.vocabulary import CLAIM_LABELS, choices_in_language, label
from workflows import (
    ARBITRATION_GROUNDS, ARBITRATION_GROUNDS_EN, CLAIM_KINDS, DOCUMENTS, DOCUMENTS_EN, PARTIES, PARTIES_EN, RESTART_REASONS,
    RESTART_REASONS_EN, SERVICE_METHODS, SERVICE_METHODS_EN,
)


@dataclass(frozen=True)
class EventField:
    name: str
    label: str
    kind: str = "text"  # text, textarea, amount, date, datetime, choice, assignee, check (a yes the rule asks for)
    required: bool = True
    choices: tuple[tuple[str, str], ...] = ()


_REASON = EventField("reason", _l("理由"), "textarea")
_OPTIONAL_REASON = EventField("reason", _l("说明（选填）"), "textarea", required=False)
_AGREEMENT = (
    EventField("terms", _l("协议内容"), "textarea"),
    EventField("amount", _l("金额（元）"), "amount"),
    EventField("pay_by", _l("履行期限"), "date"),
)

EVENT_FIELDS: dict[str, tuple[EventField, ...]] = {
    "accept": (EventField("mediator_id", _l("承办调解员（默认本人）"), "assignee", required=False),),
    "decline": (_REASON,),
    "mediation_succeeded": _AGREEMENT,
    "mediation_failed": (_OPTIONAL_REASON,),
    "fulfil": (),
    "apply_arbitration": (
        EventField("ground", _l("申请仲裁的理由（《劳动争议调解仲裁法》第五条）"), "choice", required=False,
                   choices=choices_in_language(ARBITRATION_GROUNDS, ARBITRATION_GROUNDS_EN)),
        _OPTIONAL_REASON,
    ),
    "request_application_correction": (
        EventField("missing", _l("需要补正的全部材料（一次性告知）"), "textarea"),
    ),
    "application_corrected": (EventField("corrected_on", _l("补正日期（不填为今天）"), "date", required=False),),
    "accept_arbitration": (EventField("arbitrator_id", _l("承办仲裁员（默认本人）"), "assignee", required=False),),
    "reject_arbitration": (_REASON,),
    "schedule_hearing": (EventField("at", _l("开庭时间"), "datetime"), EventField("place", _l("开庭地点"))),
    "extend_award": (
        _REASON,
        EventField("days", _l("延长日数（选填，不填则延长至满十五日）"), required=False),
        EventField("approved_by", _l("批准人（仲裁委员会主任或其委托的仲裁院负责人）"), required=False),
    ),
    "restart_award_clock": (EventField("reason", _l("重新计算期限的原因"), "choice", choices=choices_in_language(RESTART_REASONS, RESTART_REASONS_EN)),),
    "suspend_award_clock": (_REASON,),
    "resume_award_clock": (),
    "arbitral_mediation": _AGREEMENT,
    "render_award": (
        EventField("amount_awarded", _l("裁决金额（元）"), "amount"),
        EventField("stated_type", _l("裁决书载明的类型（以裁决书为准；未载明的不选）"), "choice", required=False,
                   choices=(("final", _l("终局裁决")), ("non_final", _l("非终局裁决")))),
        EventField("wage_place", _l("当地（适用最低工资标准的县、区，分档的省份必填）"), required=False),
        EventField("monthly_minimum_wage", _l("本地月最低工资标准（元，选填：不填则按当地查公告）"), "amount",
                   required=False),
    ),
    "file_lawsuit": (
        EventField("by", _l("起诉方"), "choice",
                   choices=choices_in_language({k: PARTIES[k] for k in ("worker", "employer")}, PARTIES_EN)),
        EventField("court", _l("受诉法院（选填）"), required=False),
    ),
    "withdraw": (_OPTIONAL_REASON,),
    "close": (),
    "refer_legal_aid": (_OPTIONAL_REASON,),
    "legal_aid_accepted": (),
    "legal_aid_declined": (_REASON,),
    # The procedure's other steps (workflows/procedure.py, with the articles).
    "serve_document": (
        EventField("document", _l("送达的文书"), "choice", choices=choices_in_language(DOCUMENTS, DOCUMENTS_EN)),
        EventField("party", _l("受送达人"), "choice", required=False,
                   choices=choices_in_language(PARTIES, PARTIES_EN)),
        EventField("method", _l("送达方式"), "choice", choices=choices_in_language(SERVICE_METHODS, SERVICE_METHODS_EN)),
        EventField("served_on", _l("送达日期"), "date"),
    ),
    "partial_award": (
        EventField("facts_clear", _l("该部分事实已经清楚（第四十三条第二款）"), "check"),
        EventField("matters", _l("先行裁决的事项"), "textarea"),
    ),
    "interim_execution": (
        EventField("kind", _l("申请先予执行的请求事项"), "choice", choices=tuple((k, LazyString(label, CLAIM_LABELS, k)) for k in CLAIM_KINDS)),
        EventField("rights_clear", _l("当事人之间权利义务关系明确"), "check"),
        EventField("livelihood_at_risk", _l("不先予执行将严重影响申请人的生活"), "check"),
        EventField("amount", _l("金额（元，选填）"), "amount", required=False),
    ),
    "transfer_case": (EventField("to_commission", _l("受移送的仲裁委员会")), _OPTIONAL_REASON),
    "request_postponement": (_REASON,),
    "treat_as_withdrawn": (
        EventField("notice_received", _l("申请人已收到书面开庭通知"), "check"),
        EventField("without_good_reason", _l("无正当理由拒不到庭或未经同意中途退庭"), "check"),
    ),
    "respondent_absent": (
        EventField("notice_received", _l("被申请人已收到书面开庭通知"), "check"),
        EventField("without_good_reason", _l("无正当理由拒不到庭或未经同意中途退庭"), "check"),
    ),
    "use_simple_procedure": (
        EventField("facts_clear", _l("事实清楚、权利义务关系明确、争议不大"), "check", required=False),
        EventField("parties_agree", _l("双方当事人同意简易处理"), "check", required=False),
    ),
    "convert_to_ordinary": (_REASON,),
    "apply_set_aside": (EventField("filed_on", _l("申请日期（选填）"), "date", required=False),
                        EventField("court", _l("中级人民法院（选填）"), required=False)),
    "set_aside_ruled": (EventField("outcome", _l("裁定结果"), "choice",
                                   choices=(("set_aside", "撤销仲裁裁决"), ("rejected", "驳回申请"))),),
    "lawsuit_ended": (EventField("outcome", _l("诉讼结果"), "choice",
                                 choices=(("dismissed", "裁定驳回起诉"), ("withdrawn", "准予撤诉"))),),
    "suspend_limitation": (_REASON,),
    "resume_limitation": (),
    "apply_judicial_confirmation": (
        EventField("mediation_body", _l("主持调解的组织"), "choice",
                   choices=(("peoples_mediation", "人民调解委员会"), ("enterprise_committee", "企业劳动争议调解委员会"),
                            ("township_body", "乡镇、街道劳动争议调解组织"))),
        EventField("payment_only", _l("调解协议仅就给付义务达成"), "check"),
        EventField("joint", _l("双方当事人共同申请"), "check"),
        EventField("court", _l("受理法院（选填）"), required=False),
    ),
}


def event_data_from_form(event: str, form) -> dict:
    """The event's `data` from a submitted case-page form (empty answers left out)."""
    data = {}
    for spec in EVENT_FIELDS.get(event, ()):
        value = (form.get(spec.name) or "").strip()
        if not value:
            continue
        if spec.kind == "check":
            data[spec.name] = value in ("1", "on", "true")
            continue
        data[spec.name] = (whole_number(value, minimum=1) or value) if spec.kind == "assignee" else value
    return data
