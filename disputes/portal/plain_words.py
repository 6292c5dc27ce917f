"""The case as a worker should read it: where it is, what happened, what comes next."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from disputes.cases.presenters import WORKER_VISIBLE_EVENTS

PLAIN_STATUS = {
    "submitted": ("您的申请已提交，正在等待调解组织受理。", "Your application has been filed and is waiting to be accepted."),
    "in_mediation": ("调解员已受理，正在联系对方安排调解。", "A mediator has accepted your case and is contacting the other side."),
    "mediated": ("双方已达成调解协议，请按协议约定的时间收款；对方不履行的，可以申请仲裁。",
                 "An agreement was reached. If the other side does not pay on time, you can apply for arbitration."),
    "mediation_failed": ("调解没有成功。您可以申请劳动争议仲裁。", "Mediation did not succeed. You can apply for arbitration."),
    "not_accepted": ("调解组织没有受理您的申请，您可以直接申请劳动争议仲裁。",
                     "The mediation body did not accept the case. You can apply for arbitration directly."),
    "arbitration_applied": ("仲裁申请已提交，仲裁委员会正在审查是否受理。", "Your arbitration application is being reviewed."),
    "in_arbitration": ("仲裁委员会已受理，正在审理。", "The arbitration commission accepted the case and is hearing it."),
    "arbitration_rejected": ("仲裁委员会没有受理，您可以向人民法院起诉。",
                             "The arbitration commission did not accept the case. You can sue in court."),
    "arbitration_mediated": ("已在仲裁中调解结案，请按调解书收款。", "The case was settled in arbitration."),
    "awarded": ("仲裁委员会已作出裁决。", "The arbitration commission has made an award."),
    "in_litigation": ("案件已进入法院诉讼。", "The case is now in court."),
    "closed": ("案件已结案。", "The case is closed."),
    "withdrawn": ("您已撤回申请。", "You withdrew the application."),
}

PLAIN_LEGAL_AID = {
    "none": None,
    "referred": ("已为您申请法律援助，援助中心将在 7 日内作出决定。", "Legal aid was requested; the centre decides within 7 days."),
    "accepted": ("法律援助已获批准，援助人员会联系您。", "Legal aid was granted; a lawyer will contact you."),
    "declined": ("法律援助未获批准。", "Legal aid was not granted."),
}

# Events the worker sees in the timeline: one list for the portal, the API and the case summary.
WORKER_TIMELINE_EVENTS = WORKER_VISIBLE_EVENTS
# What the worker can do from the portal, in the order offered.
WORKER_ACTIONS = ("apply_arbitration", "refer_legal_aid", "withdraw")
# Actions the worker takes only from a page that says what they mean (one tap never files anything);
# withdrawing has a page of its own, with a checkbox, because it cannot be undone.
CONFIRMED_ACTIONS = ("apply_arbitration", "refer_legal_aid")
# Their names, on the case page's buttons and as the confirmation page's title.
ACTION_TITLES = {"apply_arbitration": _l("申请劳动争议仲裁"), "refer_legal_aid": _l("申请法律援助")}


def pick(pair: tuple[str, str] | None, language: str) -> str | None:
    if pair is None:
        return None
    return pair[1] if language == "en" else pair[0]
