"""The worker's complaint in steps and the mediator's one-page form: each step checked by the
intake's rules, answers kept on error, errors linked to their fields, a receipt on success."""
import html
import random
import re

import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import Case
from disputes.intake.drafts.steps import CHECK, STEPS
from tests.factories import intake_payload, resident_id
from tests.support import csrf_token

ERROR_LINKS = re.compile(r'<div class="error-summary".*?</div>', re.S)


def form_data(client, path="/intake", **changes):
    """The complaint as a browser posts it, with the page's CSRF token."""
    payload = intake_payload()
    worker, respondent, claim = payload["workers"][0], payload["respondents"][0], payload["claims"][0]
    data = {
        "csrf_token": csrf_token(client, path),
        "workers-0-name": worker["name"], "workers-0-phone": worker["phone"],
        "workers-0-id_number": worker["id_number"] or "", "workers-0-occupation": worker["occupation"],
        "respondents-0-name": respondent["name"], "respondents-0-kind": respondent["kind"],
        "respondents-0-credit_code": respondent["credit_code"] or "",
        "claims-0-kind": claim["kind"], "claims-0-amount": claim.get("amount") or "",
        "facts": payload["facts"], "region": payload["region"],
        "knew_of_violation_on": payload["knew_of_violation_on"],
    }
    data.update(changes)
    return data


def worker_data(client, **changes):
    """The worker's answers, the consent to the ID number given with it."""
    return form_data(client, **({"id_consent": "y"} | changes))


def step_answers(data: dict, step) -> dict:
    return {key: value for key, value in data.items() if step.holds(key)} | {"csrf_token": data["csrf_token"]}


def send_step(client, name: str, data: dict, **buttons):
    """One step's form as the browser sends it: that step's answers (and files), its token, a button."""
    step = next(s for s in STEPS if s.name == name)
    return client.post(f"/intake/{name}", data=step_answers(data, step) | buttons)


def file_in_steps(client, data: dict, **environ):
    """Each step in turn, then "提交投诉" on the check page; the first answer that is not "go on"."""
    for step in STEPS[:-1]:
        response = client.post(f"/intake/{step.name}", data=step_answers(data, step), **environ)
        if response.status_code != 302:
            return response
    return client.post("/intake/check", data=step_answers(data, CHECK), **environ)


def summary_links(page: str) -> list[str]:
    summary = ERROR_LINKS.search(page)
    return [html.unescape(href) for href in re.findall(r'<a href="([^"]+)"', summary.group(0))] if summary else []


def case_count() -> int:
    return db.session.scalar(sa.select(sa.func.count(Case.id)))


def test_a_worker_without_an_account_files_in_steps_and_sees_the_receipt_once(client, regions):
    response = file_in_steps(client, worker_data(client))
    assert response.status_code == 302 and response.headers["Location"].endswith("/intake/receipt")
    receipt = client.get("/intake/receipt").get_data(as_text=True)
    case_no = re.search(r'data-testid="case-no">([^<]+)<', receipt).group(1)
    code = re.search(r'data-testid="access-code">([^<]+)<', receipt).group(1)
    assert db.session.scalar(sa.select(Case.channel).where(Case.case_no == case_no)) == "web"
    assert len(code) == 11
    assert client.get("/intake/receipt").status_code == 302  # shown only once


def test_the_receipt_says_what_happens_next_and_by_which_day(client, regions):
    from workflows import deadlines

    file_in_steps(client, worker_data(client))
    receipt = client.get("/intake/receipt").get_data(as_text=True)
    case = db.session.scalar(sa.select(Case))
    mediation = next(d for d in deadlines(case, today=case.submitted_on) if d.kind == "mediation")
    assert re.search(rf'data-testid="mediation-due">[^<]*{mediation.due.isoformat()}', receipt)
    assert "调解员会打电话联系您" in receipt and "仲裁不收费" in receipt


def test_the_steps_come_in_order_each_saved_and_the_step_bar_says_where_the_worker_is(client, regions):
    data = worker_data(client)
    first = client.get("/intake").get_data(as_text=True)
    assert "第 1 步，共 6 步" in first and 'aria-current="step"' in first and 'name="workers-0-name"' in first
    assert 'name="respondents-0-name"' not in first  # one step at a time
    for step, following in zip(STEPS, STEPS[1:]):
        response = send_step(client, step.name, data)
        assert response.status_code == 302 and response.location.endswith(
            "/intake/check" if following is CHECK else f"/intake/{following.name}")
    check = client.get("/intake/check").get_data(as_text=True)
    assert "第 6 步，共 6 步" in check and data["facts"] in check and data["respondents-0-name"] in check
    for step in STEPS[:-1]:
        assert f'href="/intake/{step.name}?change=1"' in check  # "修改" goes back to the step


def test_a_refused_step_keeps_every_answer_and_links_each_error_to_its_field(client, regions):
    data = worker_data(client, **{"workers-0-id_number": "110105199001011234", "workers-0-phone": "12345"})
    response = send_step(client, "you", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert data["workers-0-name"] in page and "110105199001011234" in page
    assert "校验不通过" in page and 'aria-invalid="true"' in page and 'role="alert"' in page
    assert summary_links(page) == ["#workers-0-phone", "#workers-0-id_number"]
    assert 'id="workers-0-phone-error"' in page and 'id="workers-0-id_number-error"' in page
    assert case_count() == 0


def test_a_blank_step_names_each_missing_answer_beside_its_field(client, regions):
    data = {"csrf_token": csrf_token(client, "/intake")}
    page = send_step(client, "employer", data).get_data(as_text=True)
    assert summary_links(page) == ["#respondents-0-name", "#respondents-0-kind"]
    assert "事实和理由" not in ERROR_LINKS.search(page).group(0)  # the other steps are not this one's errors


def test_a_wrong_amount_is_refused_on_its_step_with_the_intakes_own_rule(client, regions):
    data = worker_data(client, **{"claims-0-amount": "-20"})
    response = send_step(client, "claims", data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "金额必须大于 0" in page and summary_links(page) == ["#claims-0-amount"]


def test_going_back_keeps_the_answers_unchecked(client, regions):
    data = worker_data(client, **{"claims-0-amount": "-20"})
    assert send_step(client, "you", data).status_code == 302
    back = send_step(client, "claims", data, back="1")
    assert back.status_code == 302 and back.location.endswith("/intake/employer")
    claims = client.get("/intake/claims").get_data(as_text=True)
    assert 'value="-20"' in claims and "金额必须大于 0" not in claims


def test_the_check_page_sends_every_unfinished_answer_back_to_its_step(client, regions):
    token = csrf_token(client, "/intake")
    response = client.post("/intake/check", data={"csrf_token": token, "filing": "dispute"})
    page = response.get_data(as_text=True)
    links = summary_links(page)
    assert response.status_code == 422 and case_count() == 0
    assert links[0] == "/intake/you?show=errors&change=1#workers-0-name"
    assert "/intake/employer?show=errors&change=1#respondents-0-name" in links
    assert "/intake/facts?show=errors&change=1#facts" in links
    shown = client.get(links[0].partition("#")[0]).get_data(as_text=True)
    assert 'id="workers-0-name-error"' in shown and 'name="change" value="1"' in shown


def test_a_change_from_the_check_page_returns_to_it(client, regions):
    data = worker_data(client)
    for step in STEPS[:-1]:
        send_step(client, step.name, data)
    changed = send_step(client, "employer", data | {"respondents-0-name": "另一家配送有限公司"}, change="1")
    assert changed.status_code == 302 and changed.location.endswith("/intake/check")
    assert "另一家配送有限公司" in client.get("/intake/check").get_data(as_text=True)


def test_an_id_number_needs_the_consent_and_no_id_number_needs_none(client, regions):
    with_id = form_data(client, **{"workers-0-id_number": resident_id(random.Random(7))})
    refused = send_step(client, "you", with_id)
    assert refused.status_code == 422 and summary_links(refused.get_data(as_text=True)) == ["#id_consent"]
    assert send_step(client, "you", with_id | {"id_consent": "y"}).status_code == 302
    assert send_step(client, "you", with_id | {"workers-0-id_number": ""}).status_code == 302


def test_the_privacy_notice_and_consent_come_before_the_id_number(client, regions):
    page = client.get("/intake").get_data(as_text=True)
    notice, consent, id_field = (page.index('id="privacy-notice"'), page.index('name="id_consent"'),
                                 page.index('name="workers-0-id_number"'))
    assert notice < consent < id_field
    assert "谁能看到" in page and "用来做什么" in page and "可以不填" in page


def test_the_consent_to_the_id_number_is_kept_with_the_case_and_none_is_recorded_without_one(client, app, regions):
    from disputes.intake.forms import ID_NUMBER_NOTICE

    with_id = worker_data(client, **{"workers-0-id_number": resident_id(random.Random(7))})
    assert file_in_steps(client, with_id).status_code == 302
    with app.test_client() as other_phone:
        assert file_in_steps(other_phone, worker_data(other_phone, **{"workers-0-id_number": ""})).status_code == 302
    first, second = db.session.scalars(sa.select(Case).order_by(Case.id)).all()
    consent = first.history[0].data["consents"]["id_number"]
    assert consent["notice"] == ID_NUMBER_NOTICE and consent["given_at"][:4] == str(first.submitted_on.year)
    assert "consents" not in second.history[0].data


def test_the_form_without_a_csrf_token_is_refused(client, regions):
    data = worker_data(client)
    del data["csrf_token"]
    response = client.post("/intake/you", data=step_answers(data | {"csrf_token": ""}, STEPS[0]))
    assert response.status_code == 400
    assert case_count() == 0


def test_a_worker_can_ask_for_another_claim_row_without_javascript(client, regions):
    data = worker_data(client)
    page = send_step(client, "claims", data, more_claims="1").get_data(as_text=True)
    assert 'name="claims-1-kind"' in page and data["claims-0-amount"] in page
    assert data["claims-0-amount"] in client.get("/intake/claims").get_data(as_text=True)  # saved with the draft


def test_the_receipts_status_link_carries_the_case_number_and_never_the_code(client, regions):
    assert file_in_steps(client, worker_data(client)).status_code == 302
    receipt = client.get("/intake/receipt").get_data(as_text=True)
    case_no = re.search(r'data-testid="case-no">([^<]+)<', receipt).group(1)
    code = re.search(r'data-testid="access-code">([^<]+)<', receipt).group(1)
    hrefs = re.findall(r'href="([^"]+)"', receipt)
    assert f"/status?case_no={case_no}" in hrefs
    assert not any(code in href or code.replace("-", "") in href for href in hrefs)
    lookup = client.get(f"/status?case_no={case_no}").get_data(as_text=True)
    assert f'value="{case_no}"' in lookup


def test_the_status_page_prefills_only_something_shaped_like_a_number(client, regions):
    for junk in ("<script>", "2026-12\"", "A1B2C-3D4E5", "x" * 300):
        page = client.get("/status", query_string={"case_no": junk}).get_data(as_text=True)
        assert 'id="case_no" name="case_no" value=""' in page
    assert 'value="J2026-0000001"' in client.get("/status?case_no=j2026-0000001").get_data(as_text=True)


def test_only_staff_may_file_on_a_workers_behalf(client, auth):
    assert client.get("/intake/on-behalf").status_code in (302, 401)
    auth.login_as("legal_aid")
    assert client.get("/intake/on-behalf").status_code == 403


def test_a_mediator_files_for_a_group_of_workers(client, auth):
    auth.login_as("mediator")
    data = form_data(client, "/intake/on-behalf", **{
        "workers-1-name": "张伟", "workers-1-phone": "13900001111", "workers-1-occupation": "delivery_rider",
    })
    response = client.post("/intake/on-behalf", data=data)
    assert response.status_code == 302
    case = db.session.scalar(sa.select(Case))
    assert case.channel == "mediator" and len(case.workers) == 2


def test_the_particulars_an_arbitration_application_needs_are_asked_and_kept(client, regions):
    data = worker_data(client, **{"workers-0-address": "北京市朝阳区望京街道某某小区3号楼",
                                  "respondents-0-address": "北京市海淀区某某路88号",
                                  "respondents-0-legal_representative": "李某",
                                  "respondents-0-legal_representative_title": "执行董事"})
    employer_step = client.get("/intake/employer").get_data(as_text=True)
    assert "单位住所和负责人（选填，仲裁申请书需要）" in employer_step  # folded away: the worker may not know them
    assert file_in_steps(client, data).status_code == 302
    case = db.session.scalar(sa.select(Case))
    respondent = case.respondents[0]
    assert case.workers[0].address == "北京市朝阳区望京街道某某小区3号楼"
    assert (respondent.address, respondent.legal_representative, respondent.legal_representative_title) == (
        "北京市海淀区某某路88号", "李某", "执行董事")


def test_a_particular_too_long_is_refused_beside_its_field(client, regions):
    data = worker_data(client, **{"respondents-0-legal_representative": "李" * 65})
    refused = send_step(client, "employer", data)
    assert refused.status_code == 422
    assert summary_links(refused.get_data(as_text=True)) == ["#respondents-0-legal_representative"]
