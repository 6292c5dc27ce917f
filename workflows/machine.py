"""The two state machines (main life cycle and legal aid) and the one entry point, `fire`.

One module-level transitions Machine per track, built with model=None and fired with
MACHINE.events[name].trigger(case): no machine per case and no add_model, so a case costs nothing
and the machines are safe to share between threads (notes/stack-research.md §2).
"""

from dataclasses import dataclass, field

from transitions import Machine

from .errors import EventNotAllowed, UnknownEvent
from .guards import normalise_data, precondition_refusal
from .permissions import permission_refusal
from .procedure import LIMITATION_STATES, SERVE_STATES
from .states import ACTIVE_STATES, EVENTS, LEGAL_AID_STATES, STATES, TERMINAL_STATES


def _assign_mediator(event_data):
    event_data.model.mediator_id = event_data.kwargs["data"]["mediator_id"]


def _assign_arbitrator(event_data):
    event_data.model.arbitrator_id = event_data.kwargs["data"]["arbitrator_id"]


def _record_final_award(event_data):
    event_data.model.final_award = event_data.kwargs["data"]["final_award"]["final"]


# (event, from states, to state, after-callback); to state None: an internal event, recorded in
# the history without changing the state.
MAIN_TRANSITIONS = (
    ("accept", ("submitted",), "in_mediation", _assign_mediator),
    ("decline", ("submitted",), "not_accepted", None),
    ("mediation_succeeded", ("in_mediation",), "mediated", None),
    ("mediation_failed", ("in_mediation",), "mediation_failed", None),
    ("fulfil", ("mediated",), "closed", None),
    ("apply_arbitration", ("submitted", "in_mediation", "not_accepted", "mediation_failed", "mediated"),
     "arbitration_applied", None),
    # Rules Art. 29(3), 46(2): the commission asks for the application to be completed; the applicant does.
    ("request_application_correction", ("arbitration_applied",), None, None),
    ("application_corrected", ("arbitration_applied",), None, None),
    ("accept_arbitration", ("arbitration_applied",), "in_arbitration", _assign_arbitrator),
    ("reject_arbitration", ("arbitration_applied",), "arbitration_rejected", None),
    ("schedule_hearing", ("in_arbitration",), None, None),
    ("extend_award", ("in_arbitration",), None, None),
    ("restart_award_clock", ("in_arbitration",), None, None),
    ("suspend_award_clock", ("in_arbitration",), None, None),
    ("resume_award_clock", ("in_arbitration",), None, None),
    ("arbitral_mediation", ("in_arbitration",), "arbitration_mediated", None),
    ("render_award", ("in_arbitration",), "awarded", _record_final_award),
    # Art. 29 and 43: also when the commission does not decide on acceptance, or the tribunal does
    # not award, in time (guarded by the overdue clock).
    ("file_lawsuit", ("arbitration_applied", "in_arbitration", "arbitration_rejected", "awarded"), "in_litigation",
     None),
    ("withdraw", ACTIVE_STATES, "withdrawn", None),
    ("serve_document", SERVE_STATES, None, None),
    ("partial_award", ("in_arbitration",), None, None),
    ("interim_execution", ("in_arbitration",), None, None),
    ("transfer_case", ("in_arbitration",), None, None),
    ("request_postponement", ("in_arbitration",), None, None),
    ("treat_as_withdrawn", ("in_arbitration",), "withdrawn", None),
    ("respondent_absent", ("in_arbitration",), None, None),
    ("use_simple_procedure", ("in_arbitration",), None, None),
    ("convert_to_ordinary", ("in_arbitration",), None, None),
    ("apply_set_aside", ("awarded",), None, None),
    ("set_aside_ruled", ("awarded",), None, None),
    ("lawsuit_ended", ("in_litigation",), "awarded", None),
    ("suspend_limitation", LIMITATION_STATES, None, None),
    ("resume_limitation", LIMITATION_STATES, None, None),
    ("apply_judicial_confirmation", ("mediated",), None, None),
    ("close", ("mediated", "arbitration_mediated", "awarded", "in_litigation"), "closed", None),
)

LEGAL_AID_TRANSITIONS = (
    ("refer_legal_aid", ("none", "declined"), "referred", None),
    ("legal_aid_accepted", ("referred",), "accepted", None),
    ("legal_aid_declined", ("referred",), "declined", None),
)


def _machine(states, table, attribute):
    transitions = [
        {"trigger": event, "source": list(sources), "dest": dest, "after": [after] if after else []}
        for event, sources, dest, after in table
    ]
    return Machine(model=None, states=list(states), transitions=transitions, initial=None,
                   model_attribute=attribute, auto_transitions=False, send_event=True)


MAIN_MACHINE = _machine(STATES, MAIN_TRANSITIONS, "state")
LEGAL_AID_MACHINE = _machine(LEGAL_AID_STATES, LEGAL_AID_TRANSITIONS, "legal_aid")

# track: (machine, the case attribute it moves, its transitions)
TRACKS = {
    "main": (MAIN_MACHINE, "state", MAIN_TRANSITIONS),
    "legal_aid": (LEGAL_AID_MACHINE, "legal_aid", LEGAL_AID_TRANSITIONS),
}
_SOURCES = {event: (track, frozenset(sources))
            for track, (_, _, table) in TRACKS.items() for event, sources, _, _ in table}


@dataclass(frozen=True)
class Transition:
    """What one fired event did; `data` is the normalised, JSON-serialisable event data."""

    event: str
    track: str
    from_state: str
    to_state: str
    data: dict = field(default_factory=dict)


def _state_allows(case, event):
    track, sources = _SOURCES[event]
    if track == "legal_aid" and case.state in TERMINAL_STATES:
        return False
    return getattr(case, TRACKS[track][1]) in sources


def allowed_events(case, actor, *, today):
    """The events `actor` may fire now: state, role, assignment and date guards pass.

    Guards on the event's data (a reason, an amount…) are assumed satisfiable.
    """
    return [
        event for event in EVENTS
        if _state_allows(case, event)
        and permission_refusal(case, actor, event) is None
        and precondition_refusal(case, event, today) is None
    ]


def fire(case, event, actor, data=None, *, today):
    """Apply one event to the case and return the Transition.

    Raises UnknownEvent, EventNotAllowed (not from this state), NotPermitted (role or
    assignment) or GuardRefused (a rule or the data); the case is unchanged when it raises.
    """
    if event not in _SOURCES:
        raise UnknownEvent(event)
    track = _SOURCES[event][0]
    machine, attribute, _ = TRACKS[track]
    if not _state_allows(case, event):
        state = case.state if case.state in TERMINAL_STATES else getattr(case, attribute)
        raise EventNotAllowed(event, state, allowed_events(case, actor, today=today))
    refusal = permission_refusal(case, actor, event) or precondition_refusal(case, event, today)
    if refusal is not None:
        raise refusal
    normalised = normalise_data(case, actor, event, data, today)
    from_state = getattr(case, attribute)
    machine.events[event].trigger(case, data=normalised)
    return Transition(event, track, from_state, getattr(case, attribute), normalised)
