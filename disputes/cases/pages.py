"""What the case page shows: parties, claims, deadlines with their basis, history, and the actions."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy import orm

from disputes.cases.actors import actor_for
from disputes.cases.event_forms import EVENT_FIELDS
from disputes.cases.panels import case_panels
from disputes.cases.presenters import sees_as_worker, worker_history
from disputes.cases.queues import traffic_light
from disputes.cases.services import PARTICULARS
from disputes.extensions import db
from disputes.models import Case, User
from disputes.permissions import can
from disputes.timekeeping import local_today
from workflows import allowed_events, deadlines

ASSIGNEE_ROLES = {"mediator_id": "mediator", "arbitrator_id": "arbitrator"}


def case_page_context(
    case: Case,
    user: User,
    *,
    failed_event: str | None = None,
    errors: Mapping[str, str] | None = None,
    submitted: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything the case page template needs, computed here so the template only shows it."""
    today = local_today()
    running = deadlines(case, today=today)
    events = allowed_events(case, actor_for(user, case), today=today)
    assignee_fields = {spec.name for event in events for spec in EVENT_FIELDS.get(event, ()) if spec.kind == "assignee"}
    handed_over = _reassignable(case, user)
    people = _people({ASSIGNEE_ROLES[field] for field in assignee_fields} | {role for role, _ in handed_over},
                     case.region_code)
    return {
        "case": case,
        "today": today,
        "deadlines": [(d, traffic_light(d.due, today)) for d in running],
        "calendar_gap": any(not d.calendar_known for d in running),
        "actions": [(event, EVENT_FIELDS.get(event, ())) for event in events],
        "assignees": {field: people.get(ASSIGNEE_ROLES[field], []) for field in assignee_fields},
        "reassignable": [(role, [p for p in people.get(role, []) if p.id != current]) for role, current in handed_over],
        "person_labels": person_labels([person for group in people.values() for person in group]),
        "panels": case_panels(case, user),
        # A worker signed in to their account reads the case as the portal shows it: no staff notes,
        # bookkeeping rows or staff names.
        "as_worker": sees_as_worker(user),
        "history": worker_history(case) if sees_as_worker(user) else case.history,
        "failed_event": failed_event,
        "errors": dict(errors or {}),
        "submitted": submitted or {},
        "particulars": particular_fields(case) if can(user, "edit_particulars", case) else [],
    }


@dataclass(frozen=True)
class ParticularField:
    key: str  # the form's key, as correct_particulars reads it: workers-0-address
    label: str
    value: str | None
    longest: int


# The label of each correctable field, by the party's name (services.PARTICULARS lists the fields).
_PARTICULAR_LABELS = {
    "address": lambda name: _("%(name)s的住所", name=name),
    "legal_representative": lambda name: _("%(name)s的法定代表人或主要负责人", name=name),
    "legal_representative_title": lambda name: _("其职务"),
}


def particular_fields(case: Case) -> list[ParticularField]:
    """The fields of the case page's particulars form, party by party, with what the case holds."""
    return [ParticularField(f"{rows}-{index}-{field}", _PARTICULAR_LABELS[field](party.name), getattr(party, field), longest)
            for rows, fields in PARTICULARS.items() for index, party in enumerate(getattr(case, rows))
            for field, longest in fields]


def _reassignable(case: Case, user: User) -> list[tuple[str, int]]:
    """The handler roles this user may hand over, with the current handler's id."""
    roles = []
    for role, field in (("mediator", "mediator_id"), ("arbitrator", "arbitrator_id")):
        current = getattr(case, field)
        if current is not None and (can(user, "reassign_any_case", case) or user.id == current):
            roles.append((role, current))
    return roles


def person_labels(people: list[User]) -> dict[int, str]:
    """How each person is named in a list to choose from: the name, and where two share it, their
    organisation, then their user name, so no two options read the same."""
    def label(person: User, detail: int) -> str:
        if detail == 0:
            return person.display_name
        parts = [person.organisation.name if person.organisation else None, person.username][:detail]
        extra = " · ".join(part for part in parts if part)
        return _("%(name)s（%(detail)s）", name=person.display_name, detail=extra) if extra else person.display_name

    labels = {}
    for person in people:
        for detail in (0, 1, 2):
            text = label(person, detail)
            if detail == 2 or sum(label(other, detail) == text for other in people) == 1:
                labels[person.id] = text
                break
    return labels


def _people(roles: set[str], region_code: str) -> dict[str, list[User]]:
    """The active people of these roles in the region, by role: who may be assigned or take over (one statement)."""
    if not roles:
        return {}
    found: dict[str, list[User]] = {}
    for person in db.session.scalars(
        sa.select(User)
        .where(User.role.in_(sorted(roles)), User.active.is_(True), User.organisation.has(region_code=region_code))
        .order_by(User.display_name, User.id)
        .options(orm.joinedload(User.organisation))
    ):
        found.setdefault(person.role, []).append(person)
    return found
