"""Fakes of the case the app stores, and a small desk that fires events and keeps the history."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from types import SimpleNamespace

from workflows import Actor, fire
from workflows.paths import PATHS, event_data

SUBMITTED_ON = dt.date(2026, 3, 2)  # a Monday with no holiday near it


@dataclass
class Claim:
    kind: str
    amount: Decimal | None = None


@dataclass
class Record:
    event: str
    on: dt.date
    data: dict = field(default_factory=dict)


@dataclass
class FakeCase:
    """Has exactly the attributes of workflows.CaseLike."""

    state: str = "submitted"
    legal_aid: str = "none"
    mediator_id: int | None = None
    arbitrator_id: int | None = None
    submitted_on: dt.date = SUBMITTED_ON
    knew_of_violation_on: dt.date | None = None
    relationship_ended: bool = False
    relationship_ended_on: dt.date | None = None
    worker_count: int = 1
    claims: list = field(default_factory=lambda: [Claim("economic_compensation", Decimal("8000.00"))])
    collective: bool = False
    representative_count: int = 0
    final_award: bool | None = None
    history: list = field(default_factory=list)


PEOPLE = SimpleNamespace(
    worker=Actor(1, "worker", owns_case=True),
    other_worker=Actor(2, "worker"),
    mediator=Actor(11, "mediator"),
    other_mediator=Actor(12, "mediator"),
    arbitrator=Actor(21, "arbitrator"),
    other_arbitrator=Actor(22, "arbitrator"),
    legal_aid=Actor(31, "legal_aid"),
    admin=Actor(41, "admin"),
)

_MEDIATOR_EVENTS = {"accept", "decline", "mediation_succeeded", "mediation_failed", "fulfil"}
_ARBITRATOR_EVENTS = {
    "request_application_correction", "application_corrected", "accept_arbitration", "reject_arbitration", "schedule_hearing", "extend_award", "restart_award_clock",
    "suspend_award_clock", "resume_award_clock", "arbitral_mediation", "render_award",
    "partial_award", "interim_execution", "transfer_case", "treat_as_withdrawn", "respondent_absent",
    "use_simple_procedure", "convert_to_ordinary",
}
# Recorded by the staff on the case: the arbitrator once there is one, else the mediator.
_STAFF_EVENTS = {"close", "serve_document", "apply_set_aside", "set_aside_ruled", "lawsuit_ended"}


def default_actor(event, case):
    """Someone who may fire the event on a case handled by PEOPLE.mediator and PEOPLE.arbitrator."""
    if event in _MEDIATOR_EVENTS or (event in _STAFF_EVENTS and case.arbitrator_id is None):
        return PEOPLE.mediator
    if event in _ARBITRATOR_EVENTS or event in _STAFF_EVENTS:
        return PEOPLE.arbitrator
    if event in ("legal_aid_accepted", "legal_aid_declined"):
        return PEOPLE.legal_aid
    return PEOPLE.worker


# Data that satisfies an event's data guards on a day, and the canonical way to reach each state from
# intake: one definition with the benches' archive (workflows/paths.py).
valid_data = event_data


class Desk:
    """One case on a desk: fires events on a given day and writes them to the history."""

    def __init__(self, case, today):
        self.case = case
        self.today = today
        case.history.append(Record("submit", case.submitted_on, {}))

    def do(self, event, actor=None, data=None, *, on=None):
        if on is not None:
            self.today = on
        if data is None:
            data = valid_data(event, self.today)
        transition = fire(self.case, event, actor or default_actor(event, self.case), data, today=self.today)
        self.case.history.append(Record(event, self.today, transition.data))
        return transition

    def advance(self, days):
        self.today += dt.timedelta(days=days)
        return self

    def reach(self, state):
        for event in PATHS[state]:
            self.do(event)
        return self
