"""The mediator's desk in the browser: queue, case page, event forms, diagram, nightly check."""
import re

from tests.support import case_page_form as accept_form, csrf_token


def test_the_queue_shows_unassigned_cases_with_a_traffic_light(client, auth, file_case):
    auth.login_as("mediator")
    filed = file_case()
    page = client.get("/cases?scope=unassigned").get_data(as_text=True)
    assert filed.case.case_no in page and "light-" in page
    assert client.get("/cases?scope=everything").status_code == 422


def test_the_queue_pages_by_keyset(client, auth, file_case):
    auth.login_as("mediator")
    for _ in range(27):
        file_case()
    first = client.get("/cases?scope=unassigned").get_data(as_text=True)
    link = re.search(r'href="(/cases\?[^"]*after=[^"]+)"', first).group(1).replace("&amp;", "&")
    second = client.get(link).get_data(as_text=True)
    first_numbers = set(re.findall(r"2026-\d{7}", first))
    second_numbers = set(re.findall(r"2026-\d{7}", second))
    assert len(first_numbers) == 25 and len(second_numbers) == 2 and not first_numbers & second_numbers


def test_workers_and_anonymous_visitors_have_no_queue(client, auth):
    assert client.get("/cases").status_code == 302
    auth.login_as("worker")
    assert client.get("/cases").status_code == 403


def test_a_mediator_accepts_a_case_from_its_page(client, auth, file_case):
    mediator = auth.login_as("mediator")
    case_no = file_case().case.case_no
    page = client.get(f"/cases/{case_no}").get_data(as_text=True)
    assert "受理" in page and "法定期限" in page and "第十四条" in page
    response = client.post(f"/cases/{case_no}/events", data=accept_form(client, case_no, event="accept"))
    assert response.status_code == 302
    page = client.get(f"/cases/{case_no}").get_data(as_text=True)
    assert "调解中" in page and mediator.display_name in page


def test_a_refused_event_form_keeps_the_answers_and_names_the_problem(client, auth, file_case):
    auth.login_as("mediator")
    case_no = file_case().case.case_no
    client.post(f"/cases/{case_no}/events", data=accept_form(client, case_no, event="accept"))
    form = accept_form(client, case_no, event="mediation_succeeded", terms="公司于月底前一次性支付", amount="abc")
    response = client.post(f"/cases/{case_no}/events", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "公司于月底前一次性支付" in page and 'role="alert"' in page


def test_a_stale_form_is_409_not_a_silent_overwrite(client, auth, file_case):
    auth.login_as("mediator")
    case_no = file_case().case.case_no
    stale = accept_form(client, case_no, event="accept")
    client.post(f"/cases/{case_no}/events", data=dict(stale))
    stale["csrf_token"] = csrf_token(client, f"/cases/{case_no}")
    assert client.post(f"/cases/{case_no}/events", data=dict(stale, event="decline", reason="重复")).status_code == 409


def test_event_forms_need_the_csrf_token(client, auth, file_case):
    auth.login_as("mediator")
    case_no = file_case().case.case_no
    assert client.post(f"/cases/{case_no}/events", data={"event": "accept", "version": "1"}).status_code == 400


def test_the_life_cycle_diagram_is_drawn_from_the_machine(client):
    svg = client.get("/workflow.svg")
    assert svg.status_code == 200 and svg.mimetype == "image/svg+xml"
    text = svg.get_data(as_text=True)
    assert "调解中" in text and "仲裁审理中" in text


def test_deadlines_check_lists_overdue_cases(runner, file_case, app):
    filed = file_case()
    app.config["DISPUTES_TODAY"] = "2027-03-01"
    result = runner.invoke(args=["deadlines", "check"])
    assert result.exit_code == 0, result.output
    assert f"OVERDUE  {filed.case.case_no}  mediation" in result.output


def test_a_mediator_without_cases_lands_on_the_regions_waiting_cases_with_counts(client, auth, file_case):
    auth.login_as("mediator")
    waiting = [file_case().case.case_no for _ in range(3)]
    page = client.get("/cases").get_data(as_text=True)
    assert all(case_no in page for case_no in waiting)
    assert "以下是本地区等待分配的案件" in page and 'aria-current="page"' in page
    assert re.search(r'scope=unassigned"[^>]*>[^<]*<span class="count">3</span>', page)
    assert "3 个工作日内到期" in page  # the lights' legend


def test_a_mediator_with_cases_lands_on_them_and_an_explicit_scope_is_kept(client, auth, file_case):
    mediator = auth.login_as("mediator")
    mine = file_case().case
    mine.mediator_id = mediator.id
    from disputes.extensions import db
    db.session.commit()
    other = file_case().case.case_no
    page = client.get("/cases").get_data(as_text=True)
    assert mine.case_no in page and other not in page and "等待分配的案件" not in page
    assert other in client.get("/cases?scope=unassigned").get_data(as_text=True)


def test_two_handlers_with_the_same_name_are_told_apart_in_the_assignment_list(client, auth, file_case, make_user):
    from disputes.cases.pages import person_labels

    first = make_user(role="mediator", display_name="张敏", username="zhangmin1")
    second = make_user(role="mediator", display_name="张敏", username="zhangmin2")
    other = make_user(role="mediator", display_name="李华")
    labels = person_labels([first, second, other])
    assert labels[other.id] == "李华"  # a name no one shares stays as it is
    assert labels[first.id] != labels[second.id] and all("张敏（" in labels[p.id] for p in (first, second))
    assert "zhangmin1" in labels[first.id]  # same organisation, so the user name tells them apart


def test_a_withdrawn_case_leaves_the_regions_queue_and_its_count(client, auth, file_case):
    from disputes.cases.queues import CLOSED_PRIORITY
    from disputes.cases.services import apply_event

    auth.login_as("mediator")
    kept, withdrawn = file_case().case, file_case().case
    apply_event(withdrawn, "withdraw", None, expected_version=withdrawn.version)
    assert withdrawn.priority == CLOSED_PRIORITY > kept.priority  # what the queue's bound relies on
    page = client.get("/cases?scope=all").get_data(as_text=True)
    assert kept.case_no in page and withdrawn.case_no not in page
    assert re.search(r'scope=all"[^>]*>[^<]*<span class="count">1</span>', page)
