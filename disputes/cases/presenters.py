"""A case as JSON for the API: never an unmasked ID or phone number; for its worker, none of the
staff's internal notes, bookkeeping events or login names either."""
from __future__ import annotations

from typing import Any

from disputes.masking import mask_id_number, mask_phone
from disputes.models import Case, User
from disputes.timekeeping import local_today, to_local
from disputes.vocabulary import actor_label, deadline_label
from workflows import allowed_events, deadlines

from disputes.cases.actors import actor_for


# Events a worker is shown in their case's history (the portal's timeline, the case summary they
# download, the API's case for a worker's account); staff bookkeeping such as a reassignment is left out.
WORKER_VISIBLE_EVENTS = frozenset({
    "submit", "accept", "decline", "mediation_succeeded", "mediation_failed", "fulfil", "apply_arbitration",
    "accept_arbitration", "reject_arbitration", "schedule_hearing", "extend_award", "arbitral_mediation",
    "render_award", "file_lawsuit", "withdraw", "close", "refer_legal_aid", "legal_aid_accepted", "legal_aid_declined",
    "link_collective",  # the worker's complaint now goes forward with the others' as one collective dispute
})


def sees_as_worker(viewer: User | None) -> bool:
    """Whether the viewer reads the case as its worker does (not as staff)."""
    return viewer is None or getattr(viewer, "role", None) == "worker"


def worker_history(case: Case) -> list:
    """The case's history rows that its worker is shown."""
    return [h for h in case.history if h.event in WORKER_VISIBLE_EVENTS]


def case_json(case: Case, viewer: User | None) -> dict[str, Any]:
    """The case as DESIGN.md's API describes it, seen by `viewer`.

    A worker sees the history's events and dates, with the actor as "worker" or "staff", never a
    staff member's login, and without the notes staff write for each other.
    """
    today = local_today()
    as_worker = sees_as_worker(viewer)
    return {
        "case_no": case.case_no,
        "state": case.state,
        "legal_aid": case.legal_aid,
        "version": case.version,
        "collective": case.collective,
        # Separate complaints linked into one collective dispute: the lead's number, and the others'.
        "collective_lead": case.collective_lead.case_no if case.collective_lead else None,
        "collective_members": [member.case_no for member in case.collective_members],
        "final_award": case.final_award,
        "submitted_on": case.submitted_on.isoformat(),
        "region": case.region_code,
        "region_name": case.region.name_zh,
        "place": place_json(case.place),
        "platform": case.platform,
        "facts": case.facts,
        "knew_of_violation_on": _iso(case.knew_of_violation_on),
        "relationship_ended": case.relationship_ended,
        "relationship_ended_on": _iso(case.relationship_ended_on),
        "mediator": case.mediator.display_name if case.mediator else None,
        "arbitrator": case.arbitrator.display_name if case.arbitrator else None,
        "workers": [
            {"name": w.name, "id_number": mask_id_number(w.id_number), "phone": mask_phone(w.phone),
             "occupation": w.occupation, "address": w.address, "is_representative": w.is_representative}
            for w in case.workers
        ],
        "respondents": [{"name": r.name, "kind": r.kind, "credit_code": r.credit_code, "address": r.address,
                         "legal_representative": r.legal_representative,
                         "legal_representative_title": r.legal_representative_title} for r in case.respondents],
        "claims": [{"kind": c.kind, "amount": _money(c.amount)} for c in case.claims],
        "deadlines": [
            {**d.as_data(), "label": deadline_label(d.kind), "actor_label": actor_label(d.actor) if d.actor else None}
            for d in deadlines(case, today=today)
        ],
        "history": [
            {"at": to_local(h.at).isoformat(), "on": h.occurred_on.isoformat(),
             "actor": _worker_side_actor(h) if as_worker else h.actor_label,
             "event": h.event, "from": h.from_state, "to": h.to_state, "note": None if as_worker else h.note,
             # What the rules recorded with the event (the ground, the basis, warnings, the award's
             # final-award reasoning); staff only, like the notes.
             **({} if as_worker else {"data": h.data or {}})}
            for h in (worker_history(case) if as_worker else case.history)
        ],
        "allowed_events": allowed_events(case, actor_for(viewer, case), today=today) if viewer else [],
    }


def place_json(place) -> dict[str, str] | None:
    """A place with both its code and its name, as the API answers a place given either way."""
    if place is None:
        return None
    return {"code": place.code, "name": place.name, "full_name": place.full_name, "level": place.level}


def _worker_side_actor(row) -> str:
    """Who acted, as a worker is told it: themselves (portal, self-service, their account) or the staff."""
    if row.actor_id is None or (row.actor is not None and row.actor.role == "worker"):
        return "worker"
    return "staff"


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def _money(amount) -> str | None:
    return f"{amount:.2f}" if amount is not None else None
