"""Who may fire which event: the roles and case assignments, as one table."""

from dataclasses import dataclass

from .errors import NotPermitted
from .roles import ROLES
from .states import EVENT_LABELS


@dataclass(frozen=True)
class Actor:
    """The person firing an event. `owns_case`: a worker who is a party to this case."""

    user_id: int | None
    role: str
    owns_case: bool = False

    def __post_init__(self):
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {ROLES}, not {self.role!r}")


def _assigned_elsewhere(assigned_id, actor):
    return assigned_id is not None and assigned_id != actor.user_id


def _mediator(case, actor):
    if actor.role != "mediator":
        return False
    if _assigned_elsewhere(case.mediator_id, actor):
        return ("本案已由其他调解员承办，只有承办调解员可以办理",
                "Another mediator handles this case; only that mediator may do this")
    return True


def _arbitrator(case, actor):
    if actor.role != "arbitrator":
        return False
    if _assigned_elsewhere(case.arbitrator_id, actor):
        return ("本案已由其他仲裁员承办，只有承办仲裁员可以办理",
                "Another arbitrator handles this case; only that arbitrator may do this")
    return True


def _case_staff(case, actor):
    """The assigned mediator or arbitrator; while nobody is assigned, any of them may record it."""
    if actor.role not in ("mediator", "arbitrator"):
        return False
    assigned = {i for i in (case.mediator_id, case.arbitrator_id) if i is not None}
    if assigned and actor.user_id not in assigned:
        return ("只有承办本案的调解员或仲裁员可以办理", "Only the mediator or arbitrator handling this case may do this")
    return True


def _owner(case, actor):
    if actor.role != "worker":
        return False
    if not actor.owns_case:
        return ("只能办理本人的案件", "You may act only on your own case")
    return True


def _legal_aid(case, actor):
    return actor.role == "legal_aid"


# kind: (check, who in Chinese, who in English)
_KINDS = {
    "mediator": (_mediator, "调解员", "a mediator"),
    "arbitrator": (_arbitrator, "仲裁员", "an arbitrator"),
    "case_staff": (_case_staff, "承办本案的调解员或仲裁员", "the mediator or arbitrator on the case"),
    "owner": (_owner, "本案劳动者本人", "the worker whose case it is"),
    "legal_aid": (_legal_aid, "法律援助人员", "a legal-aid officer"),
}

_ARBITRATOR_EVENTS = (
    "request_application_correction", "application_corrected", "accept_arbitration", "reject_arbitration", "schedule_hearing", "extend_award",
    "restart_award_clock", "suspend_award_clock", "resume_award_clock", "arbitral_mediation",
    "render_award",
)

WHO_MAY = {
    "accept": ("mediator",),
    "decline": ("mediator",),
    "mediation_succeeded": ("mediator",),
    "mediation_failed": ("mediator",),
    "fulfil": ("mediator",),
    "apply_arbitration": ("owner", "mediator", "arbitrator"),
    **{event: ("arbitrator",) for event in _ARBITRATOR_EVENTS},
    "file_lawsuit": ("owner", "case_staff"),
    "withdraw": ("owner", "case_staff"),
    "close": ("case_staff",),
    "refer_legal_aid": ("mediator", "owner", "arbitrator"),
    "legal_aid_accepted": ("legal_aid",),
    "legal_aid_declined": ("legal_aid",),
    "serve_document": ("case_staff",),
    **{event: ("arbitrator",) for event in (
        "partial_award", "interim_execution", "transfer_case", "treat_as_withdrawn", "respondent_absent",
        "use_simple_procedure", "convert_to_ordinary")},
    "request_postponement": ("owner", "arbitrator"),
    **{event: ("case_staff",) for event in ("apply_set_aside", "set_aside_ruled", "lawsuit_ended")},
    **{event: ("owner", "case_staff") for event in ("suspend_limitation", "resume_limitation")},
    "apply_judicial_confirmation": ("owner", "mediator"),
}

ADMIN_REFUSAL = ("管理员负责监督，不办理案件事项", "Administrators supervise; they do not act on cases")


def permission_refusal(case, actor, event):
    """None if `actor` may fire `event` on `case`, else the NotPermitted to raise."""
    if actor.role == "admin":
        return NotPermitted(*ADMIN_REFUSAL)
    kinds = WHO_MAY[event]
    outcomes = [_KINDS[kind][0](case, actor) for kind in kinds]
    if True in outcomes:
        return None
    specific = [outcome for outcome in outcomes if isinstance(outcome, tuple)]
    if specific:
        return NotPermitted(*specific[0])
    label = EVENT_LABELS[event]
    return NotPermitted(
        f"“{label['zh']}”须由{'或'.join(_KINDS[k][1] for k in kinds)}办理",
        f"“{label['en']}” may be done only by {' or '.join(_KINDS[k][2] for k in kinds)}",
    )
