"""The states and events of the dispute life cycle, with their Chinese and English labels.

Keys are part of the API and the database (see DESIGN.md "The life cycle" and
domain/glossary.md); labels are what the UI shows.
"""

from types import MappingProxyType


def _labels(table):
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
)

STATES = tuple(key for key, _, _ in _MAIN_STATES)
STATE_LABELS = _labels(_MAIN_STATES)
LEGAL_AID_STATES = tuple(key for key, _, _ in _LEGAL_AID_STATES)
LEGAL_AID_LABELS = _labels(_LEGAL_AID_STATES)
EVENTS = tuple(key for key, _, _ in _EVENTS)
EVENT_LABELS = _labels(_EVENTS)

TERMINAL_STATES = frozenset({"closed", "withdrawn"})
# States in which a case has an outcome that may be published as a typical case: a mediation
# agreement, an arbitral mediation statement or an award, or closed after one of them.
PUBLISHABLE_STATES = ("mediated", "arbitration_mediated", "awarded", "closed")
ACTIVE_STATES = tuple(state for state in STATES if state not in TERMINAL_STATES)

LEGAL_AID_EVENTS = frozenset({"refer_legal_aid", "legal_aid_accepted", "legal_aid_declined"})
