"""What workflows reads from a case: a Protocol, so the ORM class never has to be imported."""

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Protocol


class ClaimLike(Protocol):
    kind: str
    amount: Decimal | None


class EventRecord(Protocol):
    """One past event of the case, in order; the intake is the event "submit"."""

    event: str
    on: dt.date
    data: Mapping


class CaseLike(Protocol):
    """The fields of a case that workflows reads.

    Workflows writes only `state` and `legal_aid` (through the machines), `final_award` (on
    render_award) and `mediator_id` / `arbitrator_id` (on accept / accept_arbitration).
    """

    state: str
    legal_aid: str
    mediator_id: int | None
    arbitrator_id: int | None
    submitted_on: dt.date
    knew_of_violation_on: dt.date | None
    relationship_ended: bool
    relationship_ended_on: dt.date | None
    worker_count: int
    claims: Sequence[ClaimLike]
    collective: bool
    representative_count: int
    final_award: bool | None
    history: Sequence[EventRecord]


def last_event(case, *names):
    """The latest history record of one of the named events, or None."""
    for record in reversed(case.history):
        if record.event in names:
            return record
    return None


def events_since(case, record):
    """History records after `record` (all of them when `record` is None)."""
    history = list(case.history)
    if record is None:
        return history
    index = max(i for i, r in enumerate(history) if r is record)
    return history[index + 1:]
