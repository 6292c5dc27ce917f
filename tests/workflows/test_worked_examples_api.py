"""Worked examples end to end: the same rows, fired over POST /api/v1/cases/{case_no}/events with
the app's pinned day (DISPUTES_TODAY) moved from event to event, read back from GET /api/v1/cases."""

import datetime as dt

import pytest

D = dt.date


class Api:
    def __init__(self, app, client, auth, file_case):
        self.app, self.client, self.auth, self.file_case = app, client, auth, file_case
        self.headers = {}
        self.mediator = self._user("mediator")
        self.arbitrator = self._user("arbitrator")

    def _user(self, role):
        user, headers = self.auth.token_for(role)
        self.headers[user.username] = headers
        return user

    def on(self, day):
        self.app.config["DISPUTES_TODAY"] = day.isoformat()
        return self

    def new_case(self, day, **overrides):
        self.on(day)
        return self.file_case(filed_by=self.mediator, **overrides).case.case_no

    def case(self, case_no):
        return self.client.get(f"/api/v1/cases/{case_no}", headers=self.headers[self.mediator.username]).get_json()

    def fire(self, case_no, event, data=None, *, on=None, user=None):
        if on is not None:
            self.on(on)
        user = user or (self.mediator if event in ("accept", "apply_arbitration") else self.arbitrator)
        body = {"event": event, "version": self.case(case_no)["version"], "data": data or {}}
        return self.client.post(f"/api/v1/cases/{case_no}/events", json=body, headers=self.headers[user.username])

    def due(self, case_no, kind):
        found = [d for d in self.case(case_no)["deadlines"] if d["kind"] == kind]
        assert len(found) == 1, self.case(case_no)["deadlines"]
        return D.fromisoformat(found[0]["due"]), found[0]["calendar_known"]

    def arbitration(self, accepted, applied=None):
        case_no = self.new_case(applied or accepted)
        assert self.fire(case_no, "apply_arbitration").status_code == 200
        assert self.fire(case_no, "accept_arbitration", on=accepted).status_code == 200
        return case_no


@pytest.fixture
def api(app, client, auth, file_case):
    pinned = app.config["DISPUTES_TODAY"]
    yield Api(app, client, auth, file_case)
    app.config["DISPUTES_TODAY"] = pinned


SMALL = [{"kind": "wage_arrears", "amount": "1000.00"}]


def test_mediation_period_ending_on_new_years_day_2027(api):
    case_no = api.new_case(D(2026, 12, 17))
    api.fire(case_no, "accept")
    assert api.due(case_no, "mediation") == (D(2027, 1, 4), False)  # provisional: no 2027 notice yet


def test_acceptance_decision_across_national_day_2027(api):
    case_no = api.new_case(D(2027, 9, 28))
    api.fire(case_no, "apply_arbitration")
    assert api.due(case_no, "arbitration_acceptance")[0] == D(2027, 10, 6)


@pytest.mark.parametrize(("accepted", "due"), [(D(2026, 11, 17), D(2027, 1, 4)), (D(2029, 12, 19), D(2030, 2, 6))])
def test_award_period_ending_on_a_statutory_holiday(api, accepted, due):
    assert api.due(api.arbitration(accepted), "award")[0] == due


def test_lawsuit_runs_from_the_workers_receipt(api):
    case_no = api.arbitration(D(2026, 12, 10))
    assert api.fire(case_no, "render_award", {"items": SMALL}).status_code == 200
    response = api.fire(case_no, "serve_document", {"document": "award", "party": "worker"}, on=D(2026, 12, 17))
    assert response.status_code == 200, response.get_json()
    assert api.due(case_no, "lawsuit")[0] == D(2027, 1, 4)


def test_set_aside_runs_from_the_employers_receipt(api):
    case_no = api.arbitration(D(2027, 8, 25))
    api.fire(case_no, "render_award", {"items": SMALL})
    api.fire(case_no, "serve_document", {"document": "award", "party": "employer"}, on=D(2027, 9, 1))
    assert api.case(case_no)["final_award"] is True
    assert api.due(case_no, "set_aside")[0] == D(2027, 10, 4)


def test_defence_period_in_working_days_across_national_day_2026(api):
    case_no = api.arbitration(D(2026, 9, 22))
    api.fire(case_no, "serve_document", {"document": "application_copy", "party": "employer"}, on=D(2026, 9, 24))
    assert api.due(case_no, "defence") == (D(2026, 10, 15), True)


@pytest.mark.parametrize(("at", "status"), [("2026-03-06T09:30", 422), ("2026-03-09T09:30", 200)])
def test_hearing_needs_five_working_days_notice(api, at, status):
    case_no = api.arbitration(D(2026, 3, 2))
    response = api.fire(case_no, "schedule_hearing", {"at": at, "place": "第一仲裁庭"})
    assert response.status_code == status, response.get_json()


@pytest.mark.parametrize(("day", "state"), [(D(2026, 3, 9), "arbitration_applied"), (D(2026, 3, 10), "in_litigation")])
def test_suing_once_the_acceptance_decision_is_overdue(api, day, state):
    case_no = api.new_case(D(2026, 3, 2))
    api.fire(case_no, "apply_arbitration")
    api.fire(case_no, "file_lawsuit", {"by": "worker"}, on=day, user=api.mediator)
    assert api.case(case_no)["state"] == state


def test_arbitration_during_mediation_on_its_first_day(api):
    case_no = api.new_case(D(2026, 3, 2))
    api.fire(case_no, "accept")
    response = api.fire(case_no, "apply_arbitration", on=D(2026, 3, 3))
    assert response.status_code == 200 and response.get_json()["state"] == "arbitration_applied"


def test_the_award_type_as_stated_binds(api):
    case_no = api.arbitration(D(2026, 3, 2))
    items = [{"kind": "wage_arrears", "amount": "90000.00", "stated": "final"}]
    assert api.fire(case_no, "render_award", {"items": items}).status_code == 200
    assert api.case(case_no)["final_award"] is True
