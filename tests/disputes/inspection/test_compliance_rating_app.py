"""The compliance rating (企业劳动保障守法诚信等级评价) in the app: records built through the real track,
rated, objected to and reviewed over the API and the pages, with every grade worked out by hand.

The record year is 2025. A delivery platform (平台) and two stations work together:
- 甲配送站: on 2025-03-03 ordered (限期整改指令书) to pay 8600 yuan by 2025-03-20; it did not, and on
  2025-03-25 was fined under 条例第三十条 for ignoring the order: one case dealt with, one refusal → C
  (c_refusal), the order's lateness not flagged because the refusal is recorded;
- 乙配送站: on 2025-05-06 ordered to pay by 2025-05-20, paid on 2025-05-15: one case, no C situation → B;
  an arbitration award of 2025-06-10 still unpaid is context only;
- the platform: never dealt with → A.
The objection periods are the system's working rule (10 and 15 working days): notified on Mon
2026-09-28, the last day to object is Fri 2026-10-16 (National Day week off, Sat 10 Oct worked), and
a review of an objection received that day is due Fri 2026-11-06.
"""
from __future__ import annotations

import csv
import io
import random
from contextlib import contextmanager

import pytest
import sqlalchemy as sa

from disputes.demo_data import credit_code
from disputes.extensions import db
from disputes.models import ComplianceRating, RatingObjection
from tests.conftest import TEST_DATABASE_URL
from tests.support import Auth, csrf_token
from workflows import compliance_rating as cr

PLATFORM = {"name": "某某即时配送平台有限公司", "kind": "platform", "credit_code": credit_code(random.Random(7))}
STATION_A = {"name": "甲配送站服务有限公司", "kind": "cooperating_company", "credit_code": credit_code(random.Random(8))}
STATION_B = {"name": "乙配送站服务有限公司", "kind": "cooperating_company", "credit_code": credit_code(random.Random(9))}
A, B, P = STATION_A["credit_code"], STATION_B["credit_code"], PLATFORM["credit_code"]
OWED = [{"worker": "王五", "amount": "8600", "months": 2}]


class Inspectorate:
    """The region's inspector and head over the API, and the day the app takes for today."""

    def __init__(self, app, client, auth):
        self.app, self.client, self.auth = app, client, auth
        self.inspector, self.inspector_headers = auth.token_for("inspector")
        self.head, self.head_headers = auth.token_for("inspection_head")

    @contextmanager
    def on(self, day):
        saved = self.app.config["DISPUTES_TODAY"]
        self.app.config["DISPUTES_TODAY"] = day
        try:
            yield
        finally:
            self.app.config["DISPUTES_TODAY"] = saved

    def complaint(self, employer):
        body = {"channel": "complaint", "employer_name": employer["name"], "employer_code": employer["credit_code"],
                "facts": "2025年1月、2月的工资共8600元至今未发。", "place": "北京市朝阳区", "complainant_name": "王五",
                "complainant_phone": "13800138000", "claim_kinds": ["wage_arrears"], "amount_owed": "8600"}
        response = self.client.post("/api/v1/inspection/matters", json=body, headers=self.inspector_headers)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def fire(self, matter, event, data=None):
        response = self.client.post(f"/api/v1/inspection/matters/{matter['matter_no']}/events",
                                    json={"event": event, "data": data or {}, "version": matter["version"]},
                                    headers=self.inspector_headers)
        assert response.status_code == 200, (event, response.get_json())
        return response.get_json()

    def rating(self, code, headers=None, **query):
        return self.client.get(f"/api/v1/employers/{code}/rating", query_string=query,
                               headers=headers or self.head_headers)

    def post(self, code, action, body, headers=None):
        path = f"/api/v1/employers/{code}/rating" + (f"/{action}" if action else "")
        return self.client.post(path, json=body, headers=headers or self.head_headers)

    def rate(self, code, day="2026-09-28", notify=True, **body):
        with self.on(day):
            response = self.post(code, None, {"period": 2025, "notify": notify, **body})
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    def object(self, code, filed_on, day=None, grounds="已于2025年4月补发全部工资，处罚决定已履行。"):
        current = self.rating(code).get_json()["current"]
        with self.on(day or filed_on):
            return self.post(code, "objection", {"period": 2025, "version": current["version"],
                                                 "filed_on": filed_on, "grounds": grounds},
                             headers=self.inspector_headers)


@pytest.fixture
def desk(app, client, auth, file_case):
    desk = Inspectorate(app, client, auth)
    with desk.on("2025-02-01"):
        # The dispute that names the chain: no pay claimed, so it is no wage-arrears clue.
        file_case(respondents=[PLATFORM, STATION_A], claims=[{"kind": "confirm_labor_relation"}])
    return desk


def refused_an_order_to_pay(desk):
    """甲: ordered on 2025-03-03 to pay by 2025-03-20, did not, fined on 2025-03-25 (条例第三十条)."""
    with desk.on("2025-03-03"):
        matter = desk.fire(desk.complaint(STATION_A), "open_case")
        matter = desk.fire(matter, "order_rectification", {"kind": "pay_wages", "instrument": "rectification_order",
                                                           "due_on": "2025-03-20", "owed": OWED})
    with desk.on("2025-03-25"):
        matter = desk.fire(matter, "hear_statement", {"summary": "单位称资金周转困难，未按期支付。"})
        return desk.fire(matter, "impose_penalty", {"basis": "art30", "ground": "ignored_order", "fine": "5000"})


def paid_on_time(desk, file_case):
    """乙: ordered on 2025-05-06 to pay by 2025-05-20, paid on 2025-05-15; an award of 2025-06-10 unpaid."""
    with desk.on("2025-05-06"):
        matter = desk.fire(desk.complaint(STATION_B), "open_case")
        matter = desk.fire(matter, "order_rectification", {"kind": "pay_wages", "instrument": "rectification_order",
                                                           "due_on": "2025-05-20", "owed": OWED})
    with desk.on("2025-05-15"):
        desk.fire(matter, "order_complied", {"paid": "8600"})
    with desk.on("2025-06-10"):
        mediator, mediator_headers = desk.auth.token_for("mediator")
        arbitrator, arbitrator_headers = desk.auth.token_for("arbitrator")
        case_no = file_case(filed_by=mediator, respondents=[STATION_B],
                            claims=[{"kind": "wage_arrears", "amount": "3000.00"}]).case.case_no
        for event, headers, data in (("apply_arbitration", mediator_headers, {}),
                                     ("accept_arbitration", arbitrator_headers, {}),
                                     ("render_award", arbitrator_headers,
                                      {"items": [{"kind": "wage_arrears", "amount": "3000.00"}], "monthly_minimum_wage": "2540"})):
            version = desk.client.get(f"/api/v1/cases/{case_no}", headers=headers).get_json()["version"]
            answer = desk.client.post(f"/api/v1/cases/{case_no}/events", headers=headers,
                                      json={"event": event, "version": version, "data": data})
            assert answer.status_code == 200, (event, answer.get_json())
    return matter


def browser_as(app, desk, role):
    """A browser of its own, signed in through the login form (the API's client keeps its tokens)."""
    signed_in = Auth(app.test_client(), desk.auth.make_user)
    signed_in.login_as(role)
    return signed_in.client


def ratings():
    return list(db.session.scalars(sa.select(ComplianceRating).order_by(ComplianceRating.id)))


# --- The grade from the record ----------------------------------------------------------------------

def test_an_employer_that_refused_an_order_to_pay_wages_rates_c_with_the_cited_reason(desk):
    refused_an_order_to_pay(desk)
    body = desk.rate(A)
    current = body["current"]
    assert (current["grade"], current["state"], current["notified_on"]) == ("C", "notified", "2026-09-28")
    reason, = current["result"]["reasons"]
    assert reason["code"] == "c_refusal" and reason["zh"] == "拒不履行劳动保障监察限期整改指令（2025-03-25）"
    assert reason["basis"] == cr.BASIS_C_REFUSAL and "原文未核实" in reason["basis"]
    assert current["result"]["flags"] == []  # the late payment is the refusal already recorded
    context = current["result"]["context"]
    assert (context["cases_found"], context["wage_arrears_cases"], context["penalties_imposed"],
            context["rectified_on_time"], context["open_arrears_clues"]) == (1, 1, 1, 0, 1)
    assert body["supervision"]["status"] == "local_practice"


def test_the_record_maps_the_tracks_events_onto_the_rules_inputs(desk):
    matter = refused_an_order_to_pay(desk)
    facts = desk.rate(A)["current"]["facts"]
    no = matter["matter_no"]
    # receive 1, open_case 2, order 3, statement 4, penalty 5: the case dates from the order.
    assert facts["items"] == [
        {"id": f"{no}:3", "type": "violation", "on": "2025-03-03", "kind": "wage_arrears", "rectified_on_time": False,
         "penalty_imposed": True, "ref": no},
        {"id": f"{no}:5", "type": "refusal", "on": "2025-03-25", "instrument": "rectification_order", "ref": no},
    ]
    assert (facts["name"], facts["credit_code"], facts["region"]) == (STATION_A["name"], A, "11")


def test_a_platform_never_dealt_with_rates_a_and_a_station_dealt_with_once_rates_b(desk, file_case):
    paid_on_time(desk, file_case)
    platform = desk.rate(P)["current"]
    assert platform["grade"] == "A" and platform["result"]["reasons"][0]["basis"] == cr.BASIS_A
    station = desk.rate(B)["current"]
    assert station["grade"] == "B" and [r["code"] for r in station["result"]["reasons"]] == ["b_dealt_with"]
    assert station["result"]["reasons"][0]["basis"] == cr.BASIS_B
    # The unpaid award is on file as context; no text found makes it change the grade.
    assert station["result"]["context"]["unpaid_awards"] == 1
    assert station["result"]["context"]["rectified_on_time"] == 1


def test_a_rating_not_yet_told_has_no_objection_window_until_the_notice_is_recorded(desk):
    body = desk.rate(P, notify=False)
    assert (body["current"]["state"], body["objection_deadline"]) == ("rated", None)
    with desk.on("2026-09-28"):
        told = desk.post(P, "notice", {"period": 2025, "version": body["current"]["version"],
                                       "notified_on": "2026-09-28"}, headers=desk.inspector_headers)
    assert told.status_code == 200, told.get_json()
    deadline = told.get_json()["objection_deadline"]
    assert deadline["due"] == "2026-10-16" and deadline["basis"] == cr.POLICY


# --- Objection and review ----------------------------------------------------------------------------

def test_an_objection_on_the_last_day_of_the_window_opens_the_review(desk):
    refused_an_order_to_pay(desk)
    body = desk.rate(A)
    assert body["objection_deadline"]["due"] == "2026-10-16"
    response = desk.object(A, "2026-10-16")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    objection, = body["current"]["objections"]
    assert (objection["in_time"], objection["status"], objection["review_due"]) == (True, "pending", "2026-11-06")
    assert body["current"]["state"] == "under_review" and body["review_deadline"]["basis"] == cr.POLICY


def test_a_late_objection_is_kept_on_file_and_opens_no_review(desk):
    refused_an_order_to_pay(desk)
    desk.rate(A)
    response = desk.object(A, "2026-10-19")  # Monday after the tenth working day
    assert response.status_code == 201, response.get_json()
    current = response.get_json()["current"]
    assert current["state"] == "notified"
    assert [(o["in_time"], o["status"], o["review_due"]) for o in current["objections"]] == [(False, "out_of_time", None)]


def test_a_review_that_finds_the_refusal_recorded_in_error_changes_c_to_b_and_keeps_the_trail(desk):
    matter = refused_an_order_to_pay(desk)
    desk.rate(A)
    under_review = desk.object(A, "2026-10-12").get_json()["current"]
    with desk.on("2026-10-30"):
        response = desk.post(A, "review", {"period": 2025, "version": under_review["version"],
                                           "exclude": [f"{matter['matter_no']}:5"], "note": "处罚决定书事实认定有误。"})
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    assert (body["current"]["grade"], body["current"]["origin"], body["current"]["state"]) == ("B", "review", "reviewed")
    assert body["current"]["notified_on"] == "2026-10-30"  # the answer tells the employer the new grade
    first, second = ratings()
    assert (first.grade, first.state, second.previous_id) == ("C", "superseded", first.id)
    objection = db.session.scalar(sa.select(RatingObjection))
    assert (objection.decision, objection.decided_on.isoformat(), objection.result_rating_id) == \
        ("change", "2026-10-30", second.id)
    assert [r["grade"] for r in body["trail"]] == ["C", "B"]


def test_a_review_without_corrections_maintains_the_grade_and_takes_no_further_objection(desk):
    refused_an_order_to_pay(desk)
    desk.rate(A)
    under_review = desk.object(A, "2026-10-12").get_json()["current"]
    with desk.on("2026-10-20"):
        body = desk.post(A, "review", {"period": 2025, "version": under_review["version"]}).get_json()
    assert (body["current"]["grade"], body["current"]["state"]) == ("C", "reviewed")
    assert body["current"]["objections"][0]["decision"] == "maintain" and len(ratings()) == 1
    assert desk.object(A, "2026-10-21").status_code == 409


def test_re_rating_on_new_facts_supersedes_the_rating_in_force(desk):
    first = desk.rate(A)["current"]
    assert first["grade"] == "A"
    refused_an_order_to_pay(desk)
    again = desk.rate(A, day="2026-10-05", version=first["version"])["current"]
    assert (again["grade"], again["origin"], again["previous_id"]) == ("C", "adjustment", first["id"])
    assert [r.state for r in ratings()] == ["superseded", "notified"]


# --- What the pages show -----------------------------------------------------------------------------

def test_the_inspectorates_page_shows_the_grade_its_citation_the_window_and_the_chain(app, desk):
    refused_an_order_to_pay(desk)
    desk.rate(A)
    desk.rate(P)
    browser = browser_as(app, desk, "inspector")
    with desk.on("2026-10-01"):
        page = browser.get(f"/inspection/employers/{A}/rating?period=2025").get_data(as_text=True)
    assert "C级" in page and cr.BASIS_C_REFUSAL in page
    assert "2026-10-16" in page and cr.POLICY in page
    assert "企业在本系统中没有账户" in page and "代企业登记异议" in page
    assert "评价本年度" not in page and "按规则评定等级" not in page  # an inspector does not rate
    chain = page[page.index('data-testid="rating-chain"'):]
    assert STATION_A["name"] in chain and PLATFORM["name"] in chain and "合作用工" in chain
    assert "不在合作企业间传递" in page


def test_the_employer_page_shows_the_rating_and_the_head_rates_from_a_form(app, desk):
    refused_an_order_to_pay(desk)
    admin = browser_as(app, desk, "admin")
    with desk.on("2026-09-28"):
        page = admin.get(f"/employers/{A}").get_data(as_text=True)
        assert 'data-testid="rating-panel"' in page and "本年度尚未评价" in page and "按规则评定等级" in page
        response = admin.post(f"/inspection/employers/{A}/rating", data={
            "csrf_token": csrf_token(admin, f"/employers/{A}"), "period": "2025", "region": "11", "notify": "1",
            "back": "employer"})
        assert response.status_code == 302 and response.headers["Location"].endswith(f"/employers/{A}#rating")
        page = admin.get(f"/employers/{A}").get_data(as_text=True)
    assert "C级" in page and cr.BASIS_C_REFUSAL in page and "2026-10-16" in page
    # The objection form carries the version of the rating it is about, and posts back to this page.
    version = db.session.scalar(sa.select(ComplianceRating.version))
    objection_form = page[page.index("/rating/objection"):]
    assert f'name="version" value="{version}"' in objection_form and 'name="back" value="employer"' in objection_form


def test_a_bad_form_comes_back_with_the_message_in_chinese(app, desk):
    desk.rate(A)
    browser = browser_as(app, desk, "inspector")
    current = desk.rating(A).get_json()["current"]
    with desk.on("2026-10-01"):
        response = browser.post(f"/inspection/employers/{A}/rating/objection", data={
            "csrf_token": csrf_token(browser, f"/inspection/employers/{A}/rating"), "period": "2025",
            "version": str(current["version"]), "filed_on": "2026-10-01", "grounds": " "})
    assert response.status_code == 422
    assert "此项必填" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(RatingObjection.id))) == 0


# --- The lists -----------------------------------------------------------------------------------------

def test_the_joint_sanction_list_has_the_c_rows_and_the_incentive_list_the_a_rows(desk, file_case):
    refused_an_order_to_pay(desk)
    paid_on_time(desk, file_case)
    for code in (A, B, P):
        desk.rate(code)

    def rows(which):
        response = desk.client.get("/api/v1/ratings/export", query_string={"period": 2025, "list": which},
                                   headers=desk.head_headers)
        assert response.status_code == 200 and response.mimetype == "text/csv"
        return list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))

    assert rows("sanction") == [{"employer_name": STATION_A["name"], "credit_code": A, "grade": "C", "period": "2025年度",
                                 "reasons": "拒不履行劳动保障监察限期整改指令（2025-03-25）",
                                 "articles": cr.BASIS_C_REFUSAL}]
    assert [(r["employer_name"], r["grade"]) for r in rows("incentive")] == [(PLATFORM["name"], "A")]


def test_a_rating_under_review_is_not_exported_for_sanctions(desk):
    refused_an_order_to_pay(desk)
    desk.rate(A)
    desk.object(A, "2026-10-12")
    text = desk.client.get("/api/v1/ratings/export?period=2025&list=sanction", headers=desk.head_headers)
    assert list(csv.DictReader(io.StringIO(text.get_data(as_text=True).lstrip("\ufeff")))) == []


# --- Who may ---------------------------------------------------------------------------------------------

def test_only_the_head_rates_and_decides_and_the_inspectorate_records_objections(desk):
    with desk.on("2026-09-28"):
        assert desk.post(A, None, {"period": 2025}, headers=desk.inspector_headers).status_code == 403
    body = desk.rate(A)
    _, mediator = desk.auth.token_for("mediator")
    assert desk.rating(A, headers=mediator).status_code == 200  # reads the employer's record, and its grade
    assert desk.post(A, "objection", {"period": 2025}, headers=mediator).status_code == 403
    _, worker = desk.auth.token_for("worker")
    assert desk.rating(A, headers=worker).status_code == 403
    assert desk.object(A, "2026-10-12").status_code == 201
    version = desk.rating(A).get_json()["current"]["version"]
    assert desk.post(A, "review", {"period": 2025, "version": version}, headers=desk.inspector_headers).status_code == 403
    assert desk.client.get("/api/v1/ratings/export", headers=desk.inspector_headers).status_code == 403
    assert body["current"]["grade"] == "A"


def test_another_regions_head_finds_no_record_of_the_employer(desk):
    _, elsewhere = desk.auth.token_for("inspection_head", region="31")
    assert desk.rating(A, headers=elsewhere).status_code == 404
    with desk.on("2026-09-28"):
        assert desk.post(A, None, {"period": 2025}, headers=elsewhere).status_code == 404


# --- Bad input and order ----------------------------------------------------------------------------

@pytest.mark.parametrize("period", ["2026", "2015", "abc", None, "２０２５", 2025.5, True])
def test_a_year_that_has_not_ended_or_is_not_a_year_is_refused_in_chinese(desk, period):
    with desk.on("2026-09-28"):
        response = desk.post(A, None, {"period": period})
    assert response.status_code == 422
    assert "评价年度" in response.get_json()["errors"]["period"]
    assert ratings() == []


def test_bad_objections_are_refused_in_chinese_and_change_nothing(desk):
    version = desk.rate(A)["current"]["version"]
    for body, field in (({"filed_on": "2026-09-27", "grounds": "x"}, "filed_on"),  # before the notice
                        ({"filed_on": "2026-13-01", "grounds": "x"}, "filed_on"),
                        ({"filed_on": "2026-09-29", "grounds": ""}, "grounds"),
                        ({"filed_on": "2026-09-29", "grounds": "长" * 5001}, "grounds")):
        with desk.on("2026-10-01"):
            response = desk.post(A, "objection", {"period": 2025, "version": version, **body},
                                 headers=desk.inspector_headers)
        assert response.status_code == 422, body
        assert field in response.get_json()["errors"]
    assert db.session.scalar(sa.select(sa.func.count(RatingObjection.id))) == 0


def test_an_unknown_fact_cannot_be_left_out_in_a_review(desk):
    refused_an_order_to_pay(desk)
    desk.rate(A)
    version = desk.object(A, "2026-10-12").get_json()["current"]["version"]
    with desk.on("2026-10-20"):
        response = desk.post(A, "review", {"period": 2025, "version": version, "exclude": ["J2025-9999999:1"]})
    assert response.status_code == 422 and "exclude" in response.get_json()["errors"]


def test_a_non_enterprise_is_not_rated(desk):
    with desk.on("2026-09-28"):
        response = desk.post(A, None, {"period": 2025, "employer_kind": "individual_business"})
    assert response.status_code == 422 and "只评价企业" in response.get_json()["errors"]["employer_kind"]


def test_stale_and_out_of_order_requests_are_conflicts(desk):
    first = desk.rate(A, notify=False)["current"]
    with desk.on("2026-09-29"):
        assert desk.post(A, "objection", {"period": 2025, "version": first["version"], "filed_on": "2026-09-29",
                                          "grounds": "x"}, headers=desk.inspector_headers).status_code == 409  # not told
        assert desk.post(A, None, {"period": 2025}).status_code == 409  # already rated: send the version
        assert desk.post(A, None, {"period": 2025, "version": first["version"] + 7}).status_code == 409
        assert desk.post(A, "review", {"period": 2025, "version": first["version"]}).status_code == 409
        assert desk.post(B, "objection", {"period": 2025, "version": 1, "filed_on": "2026-09-29",
                                          "grounds": "x"}).status_code in (404, 409)
    assert len(ratings()) == 1


# --- The migration -------------------------------------------------------------------------------------

@pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="a fresh SQLite file of its own")
def test_the_migration_adds_and_removes_the_rating_tables(tmp_path):
    from flask_migrate import downgrade, upgrade

    from disputes import create_app
    from tests.conftest import _base_config

    app = create_app(_base_config(tmp_path / "instance", f"sqlite:///{tmp_path / 'm.sqlite3'}"))
    with app.app_context():
        upgrade(revision="8e6df9ead03f")
        tables = sa.inspect(db.engine).get_table_names()
        assert {"compliance_ratings", "rating_objections"} <= set(tables)
        indexes = {i["name"]: i for i in sa.inspect(db.engine).get_indexes("compliance_ratings")}
        assert indexes["uq_compliance_ratings_in_force"]["unique"]
        downgrade(revision="e2f2e80e4141")
        assert not {"compliance_ratings", "rating_objections"} & set(sa.inspect(db.engine).get_table_names())
        upgrade()
        db.engine.dispose()


# --- The rating notice ---------------------------------------------------------------------------------

def notice(desk, code, **query):
    return desk.client.get(f"/api/v1/employers/{code}/rating/document", headers=desk.inspector_headers,
                           query_string={"period": 2025, **query})


def test_the_notice_tells_the_employer_its_grade_why_and_the_last_day_to_object(desk):
    from tests.disputes.inspection.test_inspection_documents import pdf_text

    refused_an_order_to_pay(desk)
    reason = desk.rate(A)["current"]["result"]["reasons"][0]
    response = notice(desk, A)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    for fact in ("劳动保障守法诚信等级评价结果告知书", STATION_A["name"], A, "C级", reason["zh"],
                 "2026年10月16日", "2026年9月28日", cr.POLICY, "原文未能核实", cr.BASIS_FILE):
        assert fact.replace(" ", "") in text, fact
    english = pdf_text(notice(desk, A, lang="en").data)
    assert "GradeC" in english and "16October2026" in english and "workingrule" in english


def test_a_year_not_rated_has_no_notice_and_a_mediator_gets_none(desk, auth):
    assert desk.client.get(f"/api/v1/employers/{P}/rating/document", headers=desk.inspector_headers,
                           query_string={"period": 2025}).status_code in (404, 409)
    _, mediator = auth.token_for("mediator")
    assert desk.client.get(f"/api/v1/employers/{A}/rating/document", headers=mediator,
                           query_string={"period": 2025}).status_code == 403
