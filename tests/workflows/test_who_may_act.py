"""Who may fire which event: roles, the case's assigned mediator and arbitrator, and admins."""

import pytest

from tests.workflows.fakes import valid_data
from workflows import EVENTS, WHO_MAY, Actor, NotPermitted, allowed_events, fire

# (state the event is fired from, event, roles that may not fire it at all)
ROLE_REFUSALS = [
    ("submitted", "accept", ["worker", "arbitrator", "legal_aid"]),
    ("submitted", "decline", ["worker", "arbitrator", "legal_aid"]),
    ("in_mediation", "mediation_succeeded", ["worker", "arbitrator", "legal_aid"]),
    ("in_mediation", "mediation_failed", ["worker", "arbitrator", "legal_aid"]),
    ("mediated", "fulfil", ["worker", "arbitrator", "legal_aid"]),
    ("submitted", "apply_arbitration", ["legal_aid"]),
    ("arbitration_applied", "accept_arbitration", ["worker", "mediator", "legal_aid"]),
    ("arbitration_applied", "reject_arbitration", ["worker", "mediator", "legal_aid"]),
    ("in_arbitration", "schedule_hearing", ["worker", "mediator", "legal_aid"]),
    ("in_arbitration", "extend_award", ["worker", "mediator", "legal_aid"]),
    ("in_arbitration", "restart_award_clock", ["worker", "mediator", "legal_aid"]),
    ("in_arbitration", "suspend_award_clock", ["worker", "mediator", "legal_aid"]),
    ("in_arbitration", "arbitral_mediation", ["worker", "mediator", "legal_aid"]),
    ("in_arbitration", "render_award", ["worker", "mediator", "legal_aid"]),
    ("awarded", "file_lawsuit", ["legal_aid"]),
    ("in_mediation", "withdraw", ["legal_aid"]),
    ("awarded", "close", ["worker", "legal_aid"]),
    ("submitted", "refer_legal_aid", ["legal_aid"]),
]


def _someone(role, case):
    """A person of `role` who is on the case if the role can be (owner, assigned staff)."""
    user_id = {"mediator": case.mediator_id, "arbitrator": case.arbitrator_id}.get(role) or 99
    return Actor(user_id, role, owns_case=role == "worker")


@pytest.mark.parametrize(("state", "event", "roles"), ROLE_REFUSALS)
def test_roles_outside_the_table_are_refused_in_chinese(case_in, state, event, roles):
    desk = case_in(state)
    for role in roles:
        with pytest.raises(NotPermitted) as refused:
            fire(desk.case, event, _someone(role, desk.case), valid_data(event, desk.today), today=desk.today)
        assert "办理" in refused.value.message_zh and refused.value.message_en


@pytest.mark.parametrize(("state", "event", "_"), ROLE_REFUSALS)
def test_admin_supervises_and_fires_no_case_event(case_in, people, state, event, _):
    desk = case_in(state)
    with pytest.raises(NotPermitted) as refused:
        fire(desk.case, event, people.admin, valid_data(event, desk.today), today=desk.today)
    assert refused.value.message_zh == "管理员负责监督，不办理案件事项"


def test_admin_has_no_allowed_events(case_in, people):
    assert allowed_events(case_in("in_mediation").case, people.admin, today=case_in("in_mediation").today) == []


def test_only_the_assigned_mediator_may_record_the_mediation(case_in, people):
    desk = case_in("in_mediation")
    with pytest.raises(NotPermitted) as refused:
        desk.do("mediation_failed", people.other_mediator)
    assert refused.value.message_zh == "本案已由其他调解员承办，只有承办调解员可以办理"


def test_any_mediator_may_accept_an_unassigned_case(case_in, people):
    desk = case_in("submitted")
    desk.do("accept", people.other_mediator)
    assert desk.case.mediator_id == people.other_mediator.user_id


def test_a_case_assigned_before_acceptance_is_accepted_only_by_its_mediator(make_desk, people):
    desk = make_desk(mediator_id=people.mediator.user_id)
    with pytest.raises(NotPermitted):
        desk.do("accept", people.other_mediator)
    assert desk.do("accept", people.mediator).to_state == "in_mediation"


def test_only_the_assigned_arbitrator_may_render_the_award(case_in, people):
    desk = case_in("in_arbitration")
    with pytest.raises(NotPermitted) as refused:
        desk.do("render_award", people.other_arbitrator)
    assert refused.value.message_zh == "本案已由其他仲裁员承办，只有承办仲裁员可以办理"


def test_worker_acts_only_on_own_case(case_in, people):
    desk = case_in("mediation_failed")
    with pytest.raises(NotPermitted) as refused:
        desk.do("apply_arbitration", people.other_worker)
    assert refused.value.message_zh == "只能办理本人的案件"


@pytest.mark.parametrize("actor", ["worker", "mediator", "arbitrator"])
def test_arbitration_may_be_applied_for_by_worker_mediator_or_arbitrator(case_in, people, actor):
    desk = case_in("mediation_failed")
    assert desk.do("apply_arbitration", getattr(people, actor)).to_state == "arbitration_applied"


def test_apply_arbitration_refuses_a_mediator_not_on_the_case(case_in, people):
    desk = case_in("mediation_failed")
    with pytest.raises(NotPermitted):
        desk.do("apply_arbitration", people.other_mediator)


@pytest.mark.parametrize("actor", ["worker", "mediator", "arbitrator"])
def test_legal_aid_referral_may_come_from_worker_mediator_or_arbitrator(case_in, people, actor):
    assert case_in("in_mediation").do("refer_legal_aid", getattr(people, actor)).to_state == "referred"


@pytest.mark.parametrize("event", ["legal_aid_accepted", "legal_aid_declined"])
def test_only_legal_aid_officers_decide_on_aid(case_in, people, event):
    desk = case_in("in_mediation")
    desk.do("refer_legal_aid")
    for actor in (people.worker, people.mediator, people.arbitrator):
        with pytest.raises(NotPermitted):
            desk.do(event, actor)


def test_withdrawal_is_recorded_by_the_worker_or_the_staff_on_the_case(case_in, people):
    assert case_in("in_mediation").do("withdraw", people.worker).to_state == "withdrawn"
    assert case_in("in_mediation").do("withdraw", people.mediator).to_state == "withdrawn"
    with pytest.raises(NotPermitted) as refused:
        case_in("in_mediation").do("withdraw", people.other_mediator)
    assert refused.value.message_zh == "只有承办本案的调解员或仲裁员可以办理"


def test_unassigned_case_may_be_withdrawn_by_any_mediator_or_arbitrator(case_in, people):
    assert case_in("submitted").do("withdraw", people.other_arbitrator).to_state == "withdrawn"


def test_lawsuit_is_recorded_by_the_worker_or_the_arbitrator(case_in, people):
    assert case_in("awarded").do("file_lawsuit", people.worker).to_state == "in_litigation"
    assert case_in("awarded").do("file_lawsuit", people.arbitrator).to_state == "in_litigation"


def test_close_needs_the_staff_on_the_case(case_in, people):
    with pytest.raises(NotPermitted):
        case_in("awarded").do("close", people.other_arbitrator)
    assert case_in("mediated").do("close", people.mediator).to_state == "closed"


def test_role_refusal_names_who_may_act(case_in, people):
    with pytest.raises(NotPermitted) as refused:
        case_in("in_arbitration").do("render_award", people.worker)
    assert refused.value.message_zh == "“作出裁决”须由仲裁员办理"


def test_allowed_events_for_each_role_on_a_new_case(case_in, people):
    desk = case_in("submitted")
    allowed = {name: allowed_events(desk.case, actor, today=desk.today) for name, actor in vars(people).items()}
    assert allowed["worker"] == ["apply_arbitration", "withdraw", "refer_legal_aid", "suspend_limitation"]
    assert allowed["mediator"] == ["accept", "decline", "apply_arbitration", "withdraw", "refer_legal_aid",
                                   "suspend_limitation"]
    assert allowed["arbitrator"] == ["apply_arbitration", "withdraw", "refer_legal_aid", "suspend_limitation"]
    assert allowed["other_worker"] == allowed["legal_aid"] == allowed["admin"] == []


def test_every_event_has_a_row_in_the_permission_table():
    assert set(WHO_MAY) == set(EVENTS)
