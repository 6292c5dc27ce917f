"""Looking a case up by number and code, the scoped session, and what the worker is shown."""
from __future__ import annotations

import secrets
import time
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy import orm
from flask import current_app, session
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from disputes.case_documents.services import available_kinds
from disputes.vocabulary import deadline_label, event_label, legal_aid_label, state_label
from disputes.cases.services import apply_event
from disputes.documents import DOCUMENT_KINDS
from disputes.errors import NotFound, ValidationFailed
from disputes.extensions import db
from disputes.models import Case, Evidence, Organisation, User, utcnow
from disputes.models.user import PortalSessionEnd
from disputes.notifications.messages import access_code_message
from disputes.notifications.outbox import queue
from disputes.portal.plain_words import PLAIN_LEGAL_AID, PLAIN_STATUS, WORKER_ACTIONS, WORKER_TIMELINE_EVENTS, pick
from disputes.reading_cache import app_reading_cache, case_stamp
from disputes.security import access_code_hash, access_code_matches, new_access_code, token_hash
from disputes.timekeeping import local_today, to_local
from disputes.validation import whole_number
from workflows import Actor, Deadline, allowed_events, deadlines

# Compared against when the case number is unknown, so a wrong number takes as long as a wrong code.
_DECOY_HASH = "0" * 64
PORTAL_KEY = "portal_case"
# The value of the confirmation checkbox on the withdraw page; anything else is "not confirmed".
WITHDRAW_CONFIRMED = "yes"
MAX_REASON_LENGTH = 500
# From applying for arbitration on, the arbitrator handles the case; before, the mediator does.
ARBITRATION_STAGE = frozenset({"arbitration_applied", "in_arbitration", "arbitration_rejected",
                               "arbitration_mediated", "awarded", "in_litigation"})


# Everything the worker's pages read of a case besides its own row. Joined into one query: SQLAlchemy
# spends ~0.2 ms on each statement whatever it returns, and lazy loading took five of them per page.
# The collections are short (a handful of claims, events and files), so the joined rows stay few.
_WORKER_VIEW = (
    orm.joinedload(Case.claims), orm.joinedload(Case.history), orm.joinedload(Case.evidence),
    orm.joinedload(Case.organisation),
    *(orm.joinedload(handler).load_only(User.display_name, User.organisation_id).joinedload(User.organisation)
      for handler in (Case.mediator, Case.arbitrator)),
)


def load_for_worker(condition: sa.ColumnElement[bool]) -> Case | None:
    """The case that meets the condition, with all that the worker's status and pages show."""
    return db.session.execute(sa.select(Case).where(condition).options(*_WORKER_VIEW)).unique().scalar_one_or_none()


def lookup(case_no: Any, code: Any) -> Case:
    """The case if the number and the code match; the same NotFound for any wrong pair."""
    case_no, code = _cleaned(case_no, code)
    case = db.session.scalar(sa.select(Case).where(Case.case_no == case_no)) if case_no else None
    _require_code(case, code)
    return case


# A cached status is checked against the case's row with this one Core statement, built once: the
# ORM's execute cost five times the query itself (0.29 ms a lookup against 0.01 ms in SQLite).
_CASES = Case.__table__.c
_RECHECK = (sa.select(_CASES.id, _CASES.version, _CASES.updated_at, _CASES.access_code_hash,
                      _CASES.pending_access_code_hash)
            .where(_CASES.case_no == sa.bindparam("case_no")))


def look_up_status(case_no: Any, code: Any) -> tuple[int, dict[str, Any]]:
    """The case's id and what the worker sees, if number and code match; the same NotFound otherwise.

    A case looked up lately (by any process sharing the Redis) is checked by its short row alone (id,
    stamp and code hashes), and answered from the reading cache while its stamp and the day are
    unchanged; any other lookup loads the case with all it holds (one statement either way).
    """
    case_no, code = _cleaned(case_no, code)
    key, today = (case_no, _language()), local_today()
    cache = app_reading_cache("portal-status", "PORTAL_STATUS_CACHE")
    cached = cache.get(key) if case_no else None
    if cached is not None:
        row = db.session.connection().execute(_RECHECK, {"case_no": case_no}).first()
        _require_code(row, code)
        if cached.answers(case_stamp(row.version, row.updated_at), today):
            return row.id, cached.value
    case = load_for_worker(Case.case_no == case_no) if case_no else None
    _require_code(case, code)
    status = status_for_worker(case)
    cache.put(key, case_stamp(case.version, case.updated_at), today, status)
    return case.id, status


def _cleaned(case_no: Any, code: Any) -> tuple[str, str]:
    return (case_no.strip() if isinstance(case_no, str) else ""), (code if isinstance(code, str) else "")


def _require_code(case: Any, code: str) -> None:
    """NotFound unless the code is the case's code or the one a reset sent.

    Both are compared, in constant time, whichever matches (against a decoy when there is no case),
    so timing tells nothing. The first use of a reset's code makes it the case's code.
    """
    current = case.access_code_hash if case is not None else None
    pending = case.pending_access_code_hash if case is not None else None
    opens_current = access_code_matches(current or _DECOY_HASH, code)
    opens_pending = access_code_matches(pending or _DECOY_HASH, code)
    if not code or not ((current and opens_current) or (pending and opens_pending)):
        raise NotFound(_("案件编号或查询码不正确。请核对后再试。"))
    if pending and opens_pending:
        _adopt_reset_code(case.id, pending)


def _adopt_reset_code(case_id: int, pending: str) -> None:
    """The reset's code becomes the case's code; the old one stops working (one statement, once)."""
    db.session.execute(sa.update(Case).where(Case.id == case_id, Case.pending_access_code_hash == pending)
                       .values(access_code_hash=pending, pending_access_code_hash=None))
    db.session.commit()


def open_portal_session(case_id: int | None = None, *, matter_id: int | None = None) -> None:
    """Keep the worker signed in to this one case for a while (no second lookup for pages and files).

    The session carries a random nonce: leaving records it on the server (PortalSessionEnd), so a
    copy of the cookie replayed after the worker left opens nothing. Opening writes nothing.
    """
    minutes = current_app.config["PORTAL_SESSION_MINUTES"]
    scope = {"case_id": case_id} if case_id is not None else {"matter_id": matter_id}
    session[PORTAL_KEY] = {**scope, "until": int(time.time()) + minutes * 60, "nonce": secrets.token_urlsafe(16)}


def portal_case() -> Case | None:
    """The case the worker's session is scoped to, while the session lasts and was not ended."""
    scope = session.get(PORTAL_KEY)
    if not _live_scope(scope):
        session.pop(PORTAL_KEY, None)
        return None
    case_id = scope.get("case_id")
    return load_for_worker(Case.id == case_id) if whole_number(case_id, minimum=1) is not None else None


def portal_matter() -> "InspectionMatter | None":
    """The inspection complaint the worker's session is scoped to (a complaint filed without a dispute)."""
    from disputes.models import InspectionMatter

    scope = session.get(PORTAL_KEY)
    if not _live_scope(scope):
        session.pop(PORTAL_KEY, None)
        return None
    matter_id = scope.get("matter_id")
    return db.session.get(InspectionMatter, matter_id) if whole_number(matter_id, minimum=1) is not None else None


def _live_scope(scope: Any) -> bool:
    if not isinstance(scope, dict) or not isinstance(scope.get("until"), int) or scope["until"] < time.time():
        return False
    nonce = scope.get("nonce")
    if not isinstance(nonce, str) or not nonce:
        return False  # a session from before nonces were kept cannot be ended, so it is not honoured
    ended = sa.select(PortalSessionEnd.id).where(PortalSessionEnd.nonce_hash == token_hash(nonce))
    return db.session.scalar(ended) is None


def close_portal_session() -> None:
    """End the portal session here and on the server: its nonce is recorded until it would have expired."""
    scope = session.pop(PORTAL_KEY, None)
    if not _live_scope(scope):
        return
    now = utcnow()
    expires = datetime.fromtimestamp(scope["until"], tz=timezone.utc)
    db.session.execute(sa.delete(PortalSessionEnd).where(PortalSessionEnd.expires_at < now))
    db.session.add(PortalSessionEnd(nonce_hash=token_hash(scope["nonce"]), expires_at=expires))
    db.session.commit()


def worker_actor() -> Actor:
    return Actor(user_id=None, role="worker", owns_case=True)


def worker_actions(case: Case) -> list[str]:
    allowed = set(allowed_events(case, worker_actor(), today=local_today()))
    return [event for event in WORKER_ACTIONS if event in allowed]


def _language() -> str:
    locale = get_locale()
    return "en" if locale and locale.language == "en" else "zh"


def status_for_worker(case: Case) -> dict[str, Any]:
    """What the worker sees, in plain words; nothing that identifies anyone."""
    language = _language()
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
        "evidence": [{key: item[key] for key in ("id", "kind", "kind_label", "size", "size_label", "uploaded_on", "yours")}
                     for item in evidence_for_worker(case)],
        "contact": contact_for_worker(case),
    }


def contact_for_worker(case: Case) -> dict[str, Any]:
    """Whom the worker can call: the handler's organisation, or the one that received the complaint.

    Only what the system records: the handler's name as staff entered it and the organisation's own
    phone and address, never a person's phone; no handler means none is assigned now, and we say so.
    """
    handler = current_handler(case)
    organisation: Organisation | None = (handler.organisation if handler else None) or case.organisation
    if handler is not None:
        summary = _("您的案件由 %(name)s 承办。", name=handler.display_name)
    elif case.state in ARBITRATION_STAGE:
        summary = _("仲裁委员会还没有指定仲裁员。有问题可以先联系受理您投诉的机构。")
    else:
        summary = _("目前还没有指定调解员或仲裁员承办您的案件。有问题可以先联系受理您投诉的机构。")
    return {
        "assigned": handler is not None,
        "handler": handler.display_name if handler else None,
        "summary": summary,
        "organisation": organisation.name if organisation else None,
        "phone": organisation.phone if organisation else None,
        "address": organisation.address if organisation else None,
    }


def current_handler(case: Case) -> User | None:
    """The arbitrator once the case is in arbitration, else the mediator (None while unassigned)."""
    if case.state in ARBITRATION_STAGE:
        return case.arbitrator
    return case.arbitrator or case.mediator


# What a file is, in words a worker knows (the type was sniffed from its bytes at upload).
_EVIDENCE_KINDS = {
    "image/jpeg": _l("照片（JPG）"),
    "image/png": _l("图片（PNG）"),
    "image/gif": _l("图片（GIF）"),
    "image/webp": _l("图片（WebP）"),
    "image/heic": _l("照片（HEIC）"),
    "application/pdf": _l("PDF 文件"),
}


def evidence_for_worker(case: Case) -> list[dict[str, Any]]:
    """The evidence on this case, as its worker may see it (the same files the case page shows
    the worker's account, permissions.can_view_case): name, kind, size, date and whose it is.
    Who on the staff added a file, and staff descriptions, are left out."""
    return [_evidence_item(case, evidence) for evidence in case.evidence]


def _evidence_item(case: Case, evidence: Evidence) -> dict[str, Any]:
    yours = uploaded_by_worker(case, evidence)
    uploaded = to_local(evidence.uploaded_at)
    return {
        "id": evidence.id,
        "name": evidence.original_name,
        "kind": evidence.content_type,
        "kind_label": str(_EVIDENCE_KINDS.get(evidence.content_type, _l("文件"))),
        "size": evidence.size,
        "size_label": _size_label(evidence.size),
        "uploaded_on": uploaded.date().isoformat() if uploaded else None,
        "yours": yours,
        "description": evidence.description if yours else None,
    }


def uploaded_by_worker(case: Case, evidence: Evidence) -> bool:
    """Sent by the worker: through the portal or self-service intake (no account), or from their own account."""
    return evidence.uploaded_by_id is None or evidence.uploaded_by_id == case.worker_user_id


def _size_label(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB" if size >= 10 * 1024 else f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def evidence_on_case(case: Case, evidence_id: int) -> Evidence:
    """One of this case's files; the same NotFound for a file of another case as for none at all."""
    evidence = db.session.get(Evidence, evidence_id)
    if evidence is None or evidence.case_id != case.id:
        raise NotFound(_("没有找到该证据文件。"))
    return evidence


def may_withdraw(case: Case) -> bool:
    return "withdraw" in worker_actions(case)


def limitation_running(case: Case) -> Deadline | None:
    """The limitation period workflows counts for the case now, if any (shown before a withdrawal)."""
    return next((d for d in deadlines(case, today=local_today()) if d.kind == "limitation"), None)


def withdraw_complaint(case: Case, *, confirmation: Any, reason: Any, seen_version: Any = None) -> Case:
    """Withdraw the worker's complaint, which cannot be undone: only with the explicit confirmation.

    Without it nothing changes and the answer says why. `seen_version` is the version the worker
    read the explanation on: if the case moved since, they are shown it again instead.
    """
    errors = {}
    if confirmation != WITHDRAW_CONFIRMED:
        errors["confirm"] = _("请先勾选“我确认撤回”，再点“确认撤回”。没有勾选，申请不会被撤回。")
    reason = reason.strip() if isinstance(reason, str) else ""
    if len(reason) > MAX_REASON_LENGTH:
        errors["reason"] = _("撤回原因不能超过 %(n)d 字。", n=MAX_REASON_LENGTH)
    if errors:
        raise ValidationFailed(errors)
    version = whole_number(seen_version) if isinstance(seen_version, str) else None
    version = case.version if version is None else version
    data = {"confirmed": True, **({"reason": reason} if reason else {})}
    return apply_event(case, "withdraw", None, expected_version=version, data=data)


def reset_access_code(case_no: Any, phone: Any) -> None:
    """Send a new code to the phone on file when number and phone match; say nothing either way.

    The old code keeps working until the new one is first used (see `_require_code`): whoever knows
    a case number and its worker's phone can ask for a reset, and that must not lock the worker out.
    A second reset replaces the first reset's code, never the code in use.
    """
    if not isinstance(case_no, str) or not isinstance(phone, str):
        return
    case = db.session.scalar(sa.select(Case).where(Case.case_no == case_no.strip()))
    if case is None or phone.strip() not in {w.phone for w in case.workers}:
        return
    code = new_access_code()
    case.pending_access_code_hash = access_code_hash(code)
    queue(case, "access_code", access_code_message(case.case_no, code),
          f"{case.case_no}:code:{int(time.time() * 1000)}", [phone.strip()])
    db.session.commit()
