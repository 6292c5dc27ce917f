"""The hot reads in SQL statements: the API case read and the staff's case page (issue #16's targets:
at most 3 and 5 queries). Each statement costs SQLAlchemy a fraction of a millisecond whatever it
returns, so the count is what keeps these reads fast at any size; bench/portal.py measures their
throughput against a bare hello-world."""
import pytest

from disputes.assessments.services import assess_case, save_case_assessment
from disputes.cases.services import apply_event
from disputes.evidence.services import Upload, add_evidence
from disputes.extensions import db
from tests.factories import DEFAULT_PASSWORD
from tests.support import csrf_token, selects_during

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


def a_case_with_everything(file_case, mediator) -> str:
    """Accepted (so documents were issued), with two files and two saved assessments."""
    filed = file_case(respondents=[{"name": "城达配送服务有限公司", "kind": "cooperating_company"},
                                   {"name": "某外卖科技有限公司", "kind": "platform"}])
    case = filed.case
    apply_event(case, "accept", mediator, expected_version=case.version)
    for number, name in enumerate(("工资条.png", "排班表.png")):
        add_evidence(case, Upload(name, PNG + bytes([number]), None), by=mediator)
    for _ in range(2):
        save_case_assessment(case, assess_case(case), mediator)
    db.session.commit()
    return case.case_no


def fresh_request() -> None:
    db.session.remove()  # nothing of the case in the session yet, as in a new request


def test_the_api_reads_a_case_with_its_parties_claims_history_and_deadlines_in_three_queries(client, auth, file_case):
    mediator, headers = auth.token_for("mediator")
    case_no = a_case_with_everything(file_case, mediator)
    other = file_case().case.case_no
    client.get(f"/api/v1/cases/{other}", headers=headers)  # notes the token's use (once a minute), finds holidays
    fresh_request()
    answers = []
    selects = selects_during(lambda: answers.append(client.get(f"/api/v1/cases/{case_no}", headers=headers)))
    body = answers[0].get_json()
    assert answers[0].status_code == 200 and len(body["respondents"]) == 2 and body["claims"] and body["deadlines"]
    assert [row["event"] for row in body["history"]] == ["submit", "accept"]
    assert len(selects) <= 3, "\n".join(s[:120] for s in selects)  # the token with its user; the case; its history


def test_reading_the_same_case_again_takes_the_token_and_the_cases_short_row(client, auth, file_case):
    mediator, headers = auth.token_for("mediator")
    case_no = a_case_with_everything(file_case, mediator)
    first = client.get(f"/api/v1/cases/{case_no}", headers=headers).get_json()
    fresh_request()
    answers = []
    selects = selects_during(lambda: answers.append(client.get(f"/api/v1/cases/{case_no}", headers=headers)))
    assert answers[0].get_json() == first
    assert len(selects) <= 2, "\n".join(s[:120] for s in selects)


@pytest.mark.parametrize("viewer", ["handler", "colleague", "arbitrator"])
def test_the_staff_case_page_renders_in_five_queries(client, auth, file_case, make_user, viewer):
    mediator = make_user(role="mediator", username="handler")
    make_user(role="mediator", username="colleague")  # someone the case could be handed to
    case_no = a_case_with_everything(file_case, mediator)
    if viewer in ("handler", "colleague"):  # the colleague: a mediator of the region, not the case's
        client.post("/login", data={"username": viewer, "password": DEFAULT_PASSWORD, "csrf_token": csrf_token(client)})
    else:
        auth.login_as("arbitrator")
    client.get("/healthz")  # the process's first request also looks for holiday arrangements
    fresh_request()
    pages = []
    selects = selects_during(lambda: pages.append(client.get(f"/cases/{case_no}")))
    text = pages[0].get_data(as_text=True)
    assert pages[0].status_code == 200 and "排班表.png" in text and "某外卖科技有限公司" in text
    assert len(selects) <= 5, "\n".join(s[:120] for s in selects)



def test_the_page_of_a_case_waiting_for_a_mediator_renders_in_five_queries(client, auth, file_case, make_user):
    """The signed-in mediator is not on the case, and the page offers the region's mediators to assign."""
    make_user(role="mediator", username="colleague")
    auth.login_as("mediator")
    case_no = file_case().case.case_no  # submitted, nobody assigned
    client.get("/healthz")
    fresh_request()
    pages = []
    selects = selects_during(lambda: pages.append(client.get(f"/cases/{case_no}")))
    text = pages[0].get_data(as_text=True)
    assert pages[0].status_code == 200 and 'name="mediator_id"' in text  # the mediators to assign, offered
    assert len(selects) <= 5, "\n".join(s[:120] for s in selects)
