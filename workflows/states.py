"""The states and events of the dispute life cycle, with their Chinese and English labels.

Keys are part of the API and the database (see DESIGN.md "The life cycle" and
domain/glossary.md); labels are what the UI shows.
"""

from types import MappingProxyType


def labels_table(table):
    """(key, zh, en) rows as a read-only {key: {"zh", "en"}} table: how every vocabulary in workflows/ is written."""
    return MappingProxyType({key: MappingProxyType({"zh": zh, "en": en}) for key, zh, en in table})


_MAIN_STATES = (
    ("submitted", "已提交", "Submitted"),
    ("in_mediation", "调解中", "In mediation"),
    ("mediated", "调解成功", "Mediated"),
    ("mediation_failed", "调解不成", "Mediation failed"),
    ("not_accepted", "不予受理", "Not accepted"),
    ("arbitration_applied", "仲裁申请中", "Arbitration applied for"),
    ("in_arbitration", "仲裁审理中", "In arbitration"),
    ("arbitration_rejected", "仲裁不予受理", "Arbitration refused"),
    ("arbitration_mediated", "仲裁调解结案", "Settled in arbitration"),
    ("awarded", "已裁决", "Awarded"),
    ("in_litigation", "诉讼中", "In litigation"),
    ("closed", "已结案", "Closed"),
    ("withdrawn", "已撤回", "Withdrawn"),
)

_LEGAL_AID_STATES = (
    ("none", "未申请", "Not requested"),
    ("referred", "已转介", "Referred"),
    ("accepted", "已受援", "Aid granted"),
    ("declined", "未获援助", "Aid declined"),
)

_EVENTS = (
    ("accept", "受理调解", "Accept for mediation"),
    ("decline", "不予受理", "Decline"),
    ("mediation_succeeded", "调解成功", "Record mediation agreement"),
    ("mediation_failed", "调解不成", "Record failed mediation"),
    ("fulfil", "协议已履行", "Agreement performed"),
    ("apply_arbitration", "申请仲裁", "Apply for arbitration"),
    ("request_application_correction", "告知补正仲裁申请材料", "Ask the applicant to complete the application"),
    ("application_corrected", "申请人已补正材料", "Application completed"),
    ("accept_arbitration", "受理仲裁", "Accept arbitration"),
    ("reject_arbitration", "仲裁不予受理", "Refuse arbitration"),
    ("schedule_hearing", "安排开庭", "Schedule hearing"),
    ("extend_award", "延长审理期限", "Extend award period"),
    ("restart_award_clock", "重新计算审理期限", "Restart award period"),
    ("suspend_award_clock", "中止审理", "Suspend proceedings"),
    ("resume_award_clock", "恢复审理", "Resume proceedings"),
    ("arbitral_mediation", "仲裁调解结案", "Settle in arbitration"),
    ("render_award", "作出裁决", "Render award"),
    ("file_lawsuit", "起诉", "File lawsuit"),
    ("withdraw", "撤回", "Withdraw"),
    ("close", "结案", "Close"),
    ("refer_legal_aid", "转介法律援助", "Refer to legal aid"),
    ("legal_aid_accepted", "给予法律援助", "Grant legal aid"),
    ("legal_aid_declined", "不予法律援助", "Decline legal aid"),
    ("serve_document", "送达文书", "Record service of a document"),
    ("partial_award", "先行裁决", "Partial award"),
    ("interim_execution", "裁决先予执行", "Interim execution"),
    ("transfer_case", "移送管辖", "Transfer to the competent commission"),
    ("request_postponement", "申请延期开庭", "Ask to postpone the hearing"),
    ("treat_as_withdrawn", "按撤回仲裁申请处理", "Treat as withdrawn (applicant absent)"),
    ("respondent_absent", "被申请人缺席", "Respondent absent from the hearing"),
    ("use_simple_procedure", "简易处理", "Handle by simple procedure"),
    ("convert_to_ordinary", "转为一般程序", "Convert to the ordinary procedure"),
    ("apply_set_aside", "申请撤销裁决", "Employer applies to set the award aside"),
    ("set_aside_ruled", "撤销裁决申请的裁定", "Court's ruling on setting aside"),
    ("lawsuit_ended", "诉讼以裁定终结", "Suit dismissed or withdrawn"),
    ("suspend_limitation", "仲裁时效中止", "Limitation suspended"),
    ("resume_limitation", "时效中止事由消除", "Limitation resumes"),
    ("apply_judicial_confirmation", "申请司法确认", "Apply for judicial confirmation"),
)

STATES = tuple(key for key, _, _ in _MAIN_STATES)
STATE_LABELS = labels_table(_MAIN_STATES)
LEGAL_AID_STATES = tuple(key for key, _, _ in _LEGAL_AID_STATES)
LEGAL_AID_LABELS = labels_table(_LEGAL_AID_STATES)
EVENTS = tuple(key for key, _, _ in _EVENTS)
EVENT_LABELS = labels_table(_EVENTS)

TERMINAL_STATES = frozenset({"closed", "withdrawn"})
# States in which a case has an outcome that may be published as a typical case: a mediation
# agreement, an arbitral mediation statement or an award, or closed after one of them.
PUBLISHABLE_STATES = ("mediated", "arbitration_mediated", "awarded", "closed")
ACTIVE_STATES = tuple(state for state in STATES if state not in TERMINAL_STATES)

LEGAL_AID_EVENTS = frozenset({"refer_legal_aid", "legal_aid_accepted", "legal_aid_declined"})
