"""Random events by random people on one case: the life cycle's invariants always hold."""

import json

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tests.workflows.fakes import PEOPLE, SUBMITTED_ON, Desk, FakeCase, Record, valid_data
from workflows import (
    DEADLINE_LABELS,
    EVENTS,
    LEGAL_AID_STATES,
    STATES,
    TERMINAL_STATES,
    EventNotAllowed,
    NotPermitted,
    WorkflowError,
    allowed_events,
    deadlines,
    fire,
)

GARBAGE = st.sampled_from([None, {}, {"amount": 1.5}, {"reason": ""}, {"by": "court"}, ["reason"],
                           {"terms": "x", "amount": "-1", "pay_by": "tomorrow"}, {"at": "2020-01-01T09:00"}])


ANYONE = st.sampled_from(sorted(vars(PEOPLE).values(), key=str))


def _good_data(event, today):
    if event == "apply_arbitration":
        return {"not_performed": True}  # the only data guard that depends on the case's past
    return valid_data(event, today)


class RandomDesk(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.desk = Desk(FakeCase(), SUBMITTED_ON)
        self.ever_terminal = False

    @property
    def case(self):
        return self.desk.case

    @rule(event=st.sampled_from(EVENTS), actor=ANYONE, good=st.booleans(), garbage=GARBAGE, days=st.integers(0, 20))
    def fire_any_event(self, event, actor, good, garbage, days):
        self.desk.advance(days)
        self._fire(event, actor, good, garbage)

    @rule(actor=ANYONE, choose=st.data(), days=st.integers(0, 10))
    def fire_an_allowed_event(self, actor, choose, days):
        """Walks deeper into the life cycle than purely random events would."""
        allowed = allowed_events(self.case, actor, today=self.desk.advance(days).today)
        onward = [event for event in allowed if event != "withdraw"]
        if onward:
            self._fire(choose.draw(st.sampled_from(onward)), actor, True, None)

    def _fire(self, event, actor, good, garbage):
        today = self.desk.today
        before = (self.case.state, self.case.legal_aid)
        allowed = allowed_events(self.case, actor, today=today)
        data = _good_data(event, today) if good else garbage
        try:
            transition = fire(self.case, event, actor, data, today=today)
        except WorkflowError as refusal:
            assert (self.case.state, self.case.legal_aid) == before, "a refused event changed the case"
            assert not (good and event in allowed), f"{event} was allowed but refused: {refusal}"
            if isinstance(refusal, (EventNotAllowed, NotPermitted)):
                assert event not in allowed
            return
        assert event in allowed, f"{event} fired though not allowed"
        assert before[0] not in TERMINAL_STATES, "an event fired on a terminal case"
        if transition.track == "legal_aid":
            assert self.case.state == before[0], "legal aid moved the main state"
            assert transition.from_state == before[1]
        else:
            assert self.case.legal_aid == before[1] and transition.from_state == before[0]
        json.dumps(transition.data)
        self.case.history.append(Record(event, today, transition.data))

    @invariant()
    def states_are_known(self):
        assert self.case.state in STATES and self.case.legal_aid in LEGAL_AID_STATES

    @invariant()
    def terminal_states_stay_terminal(self):
        if self.ever_terminal:
            assert self.case.state in TERMINAL_STATES
        self.ever_terminal = self.case.state in TERMINAL_STATES

    @invariant()
    def deadlines_are_well_formed(self):
        for deadline in deadlines(self.case, today=self.desk.today):
            assert deadline.kind in DEADLINE_LABELS and deadline.due >= deadline.starts
        if self.case.state in TERMINAL_STATES:
            assert deadlines(self.case, today=self.desk.today) == []


RandomDesk.TestCase.settings = settings(max_examples=100, stateful_step_count=30, deadline=None, database=None)
TestRandomEventSequences = RandomDesk.TestCase
