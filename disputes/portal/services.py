"""Looking a case up by number and code, the scoped session, and what the worker is shown."""
from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa
from flask import current_app, session
from flask_babel import get_locale
from flask_babel import gettext as _

from disputes.case_documents.services import available_kinds
from disputes.cases.labels import deadline_label, event_label, legal_aid_label, state_label
from disputes.documents import DOCUMENT_KINDS
from disputes.errors import NotFound
from disputes.extensions import db
from disputes.models import Case
from disputes.notifications.messages import access_code_message
from disputes.notifications.outbox import queue
from disputes.portal.plain_words import PLAIN_LEGAL_AID, PLAIN_STATUS, WORKER_ACTIONS, WORKER_TIMELINE_EVENTS, pick
from disputes.security import access_code_hash, access_code_matches, new_access_code
from disputes.timekeeping import local_today
from workflows import Actor, allowed_events, deadlines

# Compared against when the case number is unknown, so a wrong number takes as long as a wrong code.
_DECOY_HASH = "0" * 64
PORTAL_KEY = "portal_case"


def lookup(case_no: Any, code: Any) -> Case:
    """The case if the number and the code match; the same NotFound for any wrong pair."""
    case_no = case_no.strip() if isinstance(case_no, str) else ""
    code = code if isinstance(code, str) else ""
    case = db.session.scalar(sa.select(Case).where(Case.case_no == case_no)) if case_no else None
    matches = access_code_matches(case.access_code_hash if case else _DECOY_HASH, code)
    if case is None or not matches or not code:
        raise NotFound(_("案件编号或查询码不正确。请核对后再试。"))
    return case


def open_portal_session(case: Case) -> None:
    """Keep the worker signed in to this one case for a while (no second lookup for pages and files)."""
    minutes = current_app.config["PORTAL_SESSION_MINUTES"]
    session[PORTAL_KEY] = {"case_id": case.id, "until": int(time.time()) + minutes * 60}


def portal_case() -> Case | None:
    """The case the worker's session is scoped to, while the session lasts."""
    scope = session.get(PORTAL_KEY)
    if not isinstance(scope, dict) or scope.get("until", 0) < time.time():
        session.pop(PORTAL_KEY, None)
        return None
    return db.session.get(Case, scope.get("case_id"))


def close_portal_session() -> None:
    session.pop(PORTAL_KEY, None)


def worker_actor() -> Actor:
    return Actor(user_id=None, role="worker", owns_case=True)


def worker_actions(case: Case) -> list[str]:
    allowed = set(allowed_events(case, worker_actor(), today=local_today()))
    return [event for event in WORKER_ACTIONS if event in allowed]


def status_for_worker(case: Case) -> dict[str, Any]:
    """What the worker sees, in plain words; nothing that identifies anyone."""
    language = "en" if (get_locale() and get_locale().language == "en") else "zh"
    today = local_today()
    running = sorted(deadlines(case, today=today), key=lambda d: d.due)
    next_deadline = running[0] if running else None
    return {
        "case_no": case.case_no,
        "state": case.state,
        "state_label": state_label(case.state),
        "legal_aid": case.legal_aid,
        "legal_aid_label": legal_aid_label(case.legal_aid),
        "summary": pick(PLAIN_STATUS[case.state], language),
        "legal_aid_summary": pick(PLAIN_LEGAL_AID.get(case.legal_aid), language),
        "collective": case.collective,
        "timeline": [
            {"on": h.occurred_on.isoformat(), "event": h.event, "label": event_label(h.event)}
            for h in case.history if h.event in WORKER_TIMELINE_EVENTS
        ],
        "next_step": None if next_deadline is None else {
            "kind": next_deadline.kind, "label": deadline_label(next_deadline.kind),
            "due": next_deadline.due.isoformat(), "basis": next_deadline.basis,
            "calendar_known": next_deadline.calendar_known,
        },
        "actions": worker_actions(case) + (["upload_evidence"] if case.state not in ("closed", "withdrawn") else []),
        "documents": [{"kind": kind, "label": DOCUMENT_KINDS[kind][language]} for kind in available_kinds(case)],
        "contact": _contact(case),
    }


def _contact(case: Case) -> dict[str, str | None]:
    organisation = case.organisation
    return {
        "organisation": organisation.name if organisation else None,
        "phone": organisation.phone if organisation else None,
        "handler": (case.arbitrator or case.mediator).display_name if (case.arbitrator or case.mediator) else None,
    }


def reset_access_code(case_no: Any, phone: Any) -> None:
    """Send a new code to the phone on file when number and phone match; say nothing either way."""
    if not isinstance(case_no, str) or not isinstance(phone, str):
        return
    case = db.session.scalar(sa.select(Case).where(Case.case_no == case_no.strip()))
    if case is None or phone.strip() not in {w.phone for w in case.workers}:
        return
    code = new_access_code()
    case.access_code_hash = access_code_hash(code)
    queue(case, "access_code", access_code_message(case.case_no, code),
          f"{case.case_no}:code:{int(time.time() * 1000)}", [phone.strip()])
    db.session.commit()
