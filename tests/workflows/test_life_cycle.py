"""Every transition of both tracks, and what a fired event returns."""

import json

import pytest

from tests.workflows.fakes import PATHS
from workflows import (
    ACTIVE_STATES,
    EVENTS,
    STATES,
    TERMINAL_STATES,
    EventNotAllowed,
    Transition,
    UnknownEvent,
    allowed_events,
    fire,
)

MAIN_MOVES = [
    ("submitted", "accept", "in_mediation"),
    ("submitted", "decline", "not_accepted"),
    ("in_mediation", "mediation_succeeded", "mediated"),
    ("in_mediation", "mediation_failed", "mediation_failed"),
    ("mediated", "fulfil", "closed"),
    ("submitted", "apply_arbitration", "arbitration_applied"),
    ("not_accepted", "apply_arbitration", "arbitration_applied"),
    ("mediation_failed", "apply_arbitration", "arbitration_applied"),
    ("arbitration_applied", "accept_arbitration", "in_arbitration"),
    ("arbitration_applied", "reject_arbitration", "arbitration_rejected"),
    ("in_arbitration", "arbitral_mediation", "arbitration_mediated"),
    ("in_arbitration", "render_award", "awarded"),
    ("arbitration_rejected", "file_lawsuit", "in_litigation"),
    ("awarded", "file_lawsuit", "in_litigation"),
    ("mediated", "close", "closed"),
    ("arbitration_mediated", "close", "closed"),
    ("awarded", "close", "closed"),
    ("in_litigation", "close", "closed"),
]

INTERNAL_EVENTS = ["schedule_hearing", "extend_award", "restart_award_clock", "suspend_award_clock"]


@pytest.mark.parametrize(("start", "event", "end"), MAIN_MOVES)
def test_event_moves_the_case_to_the_next_state(case_in, start, event, end):
    desk = case_in(start)
    transition = desk.do(event)
    assert desk.case.state == end
    assert transition == Transition(event, "main", start, end, transition.data)


@pytest.mark.parametrize("state", ACTIVE_STATES)
def test_any_active_case_can_be_withdrawn(case_in, state):
    desk = case_in(state)
    desk.do("withdraw", data={"reason": "已与平台和解"})
    assert desk.case.state == "withdrawn"


@pytest.mark.parametrize("event", INTERNAL_EVENTS)
def test_internal_arbitration_events_keep_the_state(case_in, event):
    desk = case_in("in_arbitration")
    transition = desk.do(event)
    assert (transition.from_state, transition.to_state, desk.case.state) == ("in_arbitration",) * 3


def test_resume_follows_a_suspension_without_moving_the_state(case_in):
    desk = case_in("in_arbitration")
    desk.do("suspend_award_clock")
    assert desk.do("resume_award_clock").to_state == "in_arbitration"


@pytest.mark.parametrize("state", sorted(TERMINAL_STATES))
def test_terminal_states_allow_no_event(case_in, people, state):
    desk = case_in(state)
    for actor in vars(people).values():
        assert allowed_events(desk.case, actor, today=desk.today) == []


def test_event_from_wrong_state_is_not_allowed_and_lists_what_is(case_in, people):
    desk = case_in("submitted")
    with pytest.raises(EventNotAllowed) as refused:
        desk.do("render_award")
    assert refused.value.state == "submitted"
    assert refused.value.allowed == allowed_events(desk.case, people.arbitrator, today=desk.today)
    assert "apply_arbitration" in refused.value.allowed


def test_unknown_event_is_refused(case_in, people):
    with pytest.raises(UnknownEvent):
        fire(case_in("submitted").case, "escalate", people.mediator, today=case_in("submitted").today)


def test_accept_makes_the_caller_the_mediator(case_in, people):
    desk = case_in("submitted")
    transition = desk.do("accept", people.mediator)
    assert desk.case.mediator_id == transition.data["mediator_id"] == people.mediator.user_id


def test_accept_may_name_another_mediator(case_in, people):
    desk = case_in("submitted")
    desk.do("accept", people.mediator, {"mediator_id": people.other_mediator.user_id})
    assert desk.case.mediator_id == people.other_mediator.user_id


def test_accept_arbitration_makes_the_caller_the_arbitrator(case_in, people):
    desk = case_in("arbitration_applied")
    desk.do("accept_arbitration", people.other_arbitrator)
    assert desk.case.arbitrator_id == people.other_arbitrator.user_id


def test_render_award_records_whether_the_award_is_final(case_in):
    desk = case_in("in_arbitration")
    transition = desk.do("render_award")
    assert desk.case.final_award is True
    assert transition.data["final_award"]["final"] is True


@pytest.mark.parametrize("state", sorted(PATHS))
def test_fired_event_data_is_json_serialisable(case_in, state):
    for record in case_in(state).case.history:
        json.dumps(record.data)


def test_refused_event_leaves_the_case_unchanged(case_in):
    desk = case_in("in_mediation")
    with pytest.raises(Exception):
        desk.do("mediation_succeeded", data={"terms": "支付补偿"})
    assert desk.case.state == "in_mediation"


# Legal aid: a parallel track on its own field.

def test_referral_moves_only_the_legal_aid_track(case_in, people):
    desk = case_in("in_mediation")
    transition = desk.do("refer_legal_aid", people.mediator)
    assert transition == Transition("refer_legal_aid", "legal_aid", "none", "referred", {"received_on": "2026-03-02"})
    assert (desk.case.state, desk.case.legal_aid) == ("in_mediation", "referred")


@pytest.mark.parametrize(("event", "end"), [("legal_aid_accepted", "accepted"), ("legal_aid_declined", "declined")])
def test_legal_aid_officer_decides_a_referral(case_in, event, end):
    desk = case_in("mediation_failed")
    desk.do("refer_legal_aid")
    desk.do(event)
    assert (desk.case.state, desk.case.legal_aid) == ("mediation_failed", end)


def test_worker_may_ask_again_after_legal_aid_was_declined(case_in):
    desk = case_in("submitted")
    desk.do("refer_legal_aid")
    desk.do("legal_aid_declined")
    assert desk.do("refer_legal_aid").to_state == "referred"


def test_legal_aid_cannot_be_decided_before_a_referral(case_in):
    with pytest.raises(EventNotAllowed):
        case_in("submitted").do("legal_aid_accepted")


def test_no_legal_aid_event_once_the_case_is_terminal(case_in):
    desk = case_in("submitted")
    desk.do("refer_legal_aid")
    desk.do("withdraw")
    with pytest.raises(EventNotAllowed) as refused:
        desk.do("legal_aid_accepted")
    assert refused.value.state == "withdrawn"


def test_every_event_is_reachable_from_some_state(case_in, people):
    seen = set()
    for state in STATES:
        desk = case_in(state)
        for actor in vars(people).values():
            seen.update(allowed_events(desk.case, actor, today=desk.today))
    # These follow another event first: a suspension, a referral, a hearing, a set-aside application,
    # simple procedure.
    follow_up = {"resume_award_clock", "legal_aid_accepted", "legal_aid_declined", "resume_limitation",
                 "respondent_absent", "treat_as_withdrawn", "request_postponement", "set_aside_ruled",
                 "convert_to_ordinary", "application_corrected"}
    assert seen >= set(EVENTS) - follow_up
