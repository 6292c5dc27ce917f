"""The worked examples of tests/workflows/test_worked_examples.py, end to end through the API.

Each row's expected date or decision was worked out by hand; there it is computed by `workflows/`
on a stand-in case, here by the app: the calendar rows through /api/v1/calendar, the deadline and
decision rows by filing a real complaint (as its worker's account), firing the same events over
/api/v1/cases/{no}/events as the staff who may fire them, on the days the row names (the app's
pinned today), and reading the deadline, the state, the recorded data or the refusal back from the
API. Only the jurisdiction rows stay in workflows/: the API has no door for that rule alone.
"""
from __future__ import annotations

import datetime as dt
import random
from types import SimpleNamespace

import pytest

import tests.workflows.test_worked_examples as worked
from disputes.demo_data import complaint_payload
from tests.factories import REGION
from tests.workflows.fakes import PEOPLE, default_actor
from workflows import GuardRefused, WorkflowError
from workflows.paths import event_data

ROLE_OF = {id(actor): name for name, actor in vars(PEOPLE).items()}
WORKFLOWS_ONLY = {"d_jurisdiction"}


class ApiDesk:
    """A complaint filed through the API and moved by the people who may move it, day by day."""

    def __init__(self, app, client, people, submitted, **fields):
        self.app, self.client, self.people = app, client, people
        self.today = dt.date(*submitted) if isinstance(submitted, tuple) else submitted
        self._pin()
        workers = fields.get("worker_count", 1)
        representatives = fields.get("representative_count", 0)
        payload = complaint_payload(random.Random(workers), today=self.today, region=REGION, workers=workers)
        for index, worker in enumerate(payload["workers"]):
            worker["is_representative"] = index < representatives
        claims = fields.get("claims")
        payload["claims"] = ([{"kind": c.kind, **({"amount": f"{c.amount:.2f}"} if c.amount is not None else {})}
                              for c in claims] if claims else [{"kind": "economic_compensation", "amount": "8000.00"}])
        knew = fields.get("knew_of_violation_on")
        payload["knew_of_violation_on"] = knew.isoformat() if knew else None
        payload["relationship_ended"], payload["relationship_ended_on"] = False, None
        answer = client.post("/api/v1/cases", json=payload, headers=people["worker"])
        assert answer.status_code == 201, answer.get_json()
        self.case_no = answer.get_json()["case_no"]

    def _pin(self):
        self.app.config["DISPUTES_TODAY"] = self.today.isoformat()

    @property
    def case(self):
        return self

    def read(self, role="mediator"):
        self._pin()
        return self.client.get(f"/api/v1/cases/{self.case_no}", headers=self.people[role]).get_json()

    @property
    def final_award(self):
        return self.read()["final_award"]

    def do(self, event, actor=None, data=None, *, on=None):
        if on is not None:
            self.today = on
        if data is None:
            data = event_data(event, self.today)
        arbitrator = self.read().get("arbitrator")
        role = ROLE_OF[id(actor or default_actor(event, SimpleNamespace(arbitrator_id=arbitrator and 21)))]
        version = self.read()["version"]
        self._pin()
        answer = self.client.post(f"/api/v1/cases/{self.case_no}/events", headers=self.people[role],
                                  json={"event": event, "version": version, "data": data})
        body = answer.get_json()
        if answer.status_code == 422:
            field, message = next(iter(body["errors"].items()))
            raise GuardRefused(message, message, field=None if field == "event" else field)
        if answer.status_code in (403, 409):
            raise WorkflowError(body.get("error") or answer.status_code)
        assert answer.status_code == 200, (event, answer.status_code, body)
        recorded = [row for row in self.read()["history"] if row["event"] == event][-1]  # as staff: with its data
        return SimpleNamespace(to_state=body["state"], data=recorded["data"])


def api_deadlines(desk, today=None):
    return [SimpleNamespace(kind=d["kind"], due=dt.date.fromisoformat(d["due"])) for d in desk.read()["deadlines"]]


def api_allowed_events(desk, actor, today=None):
    return desk.read(ROLE_OF[id(actor)])["allowed_events"]


def api_final(wage, amount):
    """Art. 47(1) through an award: the amount against twelve months of the figure the award uses."""
    desk = worked._arbitration((2026, 3, 2))
    desk.do("render_award", data={"items": [{"kind": "wage_arrears", "amount": amount}], "monthly_minimum_wage": wage})
    return desk.case.final_award


def calendar(client, path, **query):
    answer = client.get(path, query_string=query)
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def through_the_api(row, client):
    if row.rule == "period":
        start, length, unit = row.inputs
        return dt.date.fromisoformat(calendar(client, "/api/v1/calendar/period", **{
            "from": start.isoformat(), "length": length, "unit": unit})["due"])
    if row.rule in ("hearing_notice", "postponement"):
        days = 5 if row.rule == "hearing_notice" else 3
        return dt.date.fromisoformat(calendar(client, "/api/v1/calendar/before", date=row.inputs.isoformat(),
                                              working_days=days)["latest"])
    if row.rule == "holiday":
        year, key = row.inputs
        return [dt.date.fromisoformat(h["day"]) for h in calendar(client, f"/api/v1/calendar/holidays/{year}")["statutory"]
                if h["key"] == key]
    scenario, args = row.inputs
    if scenario is worked.d_final:
        return api_final(*args)
    return scenario(*args)


API_ROWS = [row for row in worked.ROWS
            if row.rule not in ("deadline", "decision") or row.inputs[0].__name__ not in WORKFLOWS_ONLY]


def test_every_worked_example_but_the_jurisdiction_rule_runs_through_the_api():
    assert len(worked.ROWS) - len(API_ROWS) == 4 and len(API_ROWS) >= 150


@pytest.fixture
def api_world(app, client, auth, monkeypatch):
    people = {role: auth.token_for(role)[1] for role in ("mediator", "arbitrator", "legal_aid", "worker")}
    monkeypatch.setattr(worked, "_desk", lambda submitted=(2026, 3, 2), **fields: ApiDesk(app, client, people, submitted, **fields))
    monkeypatch.setattr(worked, "deadlines", api_deadlines)
    monkeypatch.setattr(worked, "allowed_events", api_allowed_events)
    yield client
    app.config["DISPUTES_TODAY"] = "2026-11-16"


@pytest.mark.parametrize("row", API_ROWS, ids=[worked._id(r) for r in API_ROWS])
def test_worked_example_through_the_api(row, api_world):
    assert through_the_api(row, api_world) == row.expected, row.why
