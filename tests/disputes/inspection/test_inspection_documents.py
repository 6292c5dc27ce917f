"""The inspection matter's documents: the answer to a complaint (投诉受理通知书 / 不予受理通知书) and the
order to the employer (限期整改指令书 / 行政处理决定书), as real PDFs read back with pdftotext.

Every period, figure and article a document prints is the one workflows/inspection.py states; the
assertions take them from there, so a change of the rule is a change of one place."""
from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta

import pytest

from disputes.timekeeping import local_today
from tests.disputes.inspection.test_inspection_track import file_both, fire, register
from workflows import inspection as track

pytestmark = pytest.mark.usefixtures("regions")
WAGE_ORDER = {"kind": "pay_wages", "instrument": "rectification_order",
              "owed": [{"worker": "王五", "amount": "5200", "months": 2},
                       {"worker": "赵六", "amount": "3400", "months": 1}]}


def pdf_text(data: bytes) -> str:
    """The PDF's text in content order with all white space removed, so wrapped lines still match."""
    assert data.startswith(b"%PDF"), data[:200]
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is required"
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True)
    return re.sub(r"\s+", "", raw.stdout.decode("utf-8"))


def on_paper(day: date | str) -> str:
    day = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{day.year}年{day.month}月{day.day}日"


def document(client, headers, matter, kind, **query):
    return client.get(f"/api/v1/inspection/matters/{matter['matter_no']}/documents/{kind}", headers=headers,
                      query_string=query)


def deadline(matter, kind):
    return next(d for d in matter["deadlines"] if d["kind"] == kind)


def opened_complaint(client, headers, **fields):
    return fire(client, headers, register(client, headers, **fields).get_json(), "open_case").get_json()


def ordered(client, headers, order=None, matter=None):
    matter = matter or opened_complaint(client, headers)
    data = {"due_on": (local_today() + timedelta(days=15)).isoformat(), **(order or WAGE_ORDER)}
    response = fire(client, headers, matter, "order_rectification", data)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


# --- 投诉受理通知书 -------------------------------------------------------------------------------------

def test_an_accepted_complaint_gets_a_notice_with_its_number_dates_employer_and_investigation_period(client, auth):
    _, headers = auth.token_for("inspector")
    matter = opened_complaint(client, headers)
    response = document(client, headers, matter, "acceptance_notice")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    investigation = deadline(matter, "investigation")
    for fact in ("投诉受理通知书", matter["matter_no"], "王五：", "某配送站有限公司", on_paper(matter["received_on"]),
                 "拖欠劳动报酬", "决定受理，并于受理当日立案", on_paper(investigation["due"]),
                 # 条例第十七条 as workflows encodes it: 60 working days from the opening, 30 more once.
                 f"自立案之日起{track.INVESTIGATION_WORKING_DAYS}个工作日内完成",
                 f"可以延长{track.INVESTIGATION_EXTENSION_WORKING_DAYS}个工作日",
                 f"{track.REGULATION}第十七条", investigation["basis"], "（盖章）"):
        assert fact in text, fact
    assert on_paper(local_today()) in text  # accepted and opened today


def test_the_acceptance_notice_is_numbered_and_issued_by_the_inspectors_inspectorate(client, auth):
    from tests.factories import OrganisationFactory

    bureau = OrganisationFactory(name="北京市朝阳区劳动保障监察大队", kind="labour_inspectorate")
    _, headers = auth.token_for("inspector", organisation=bureau)
    matter = opened_complaint(client, headers)
    text = pdf_text(document(client, headers, matter, "acceptance_notice").data)
    year = local_today().year
    assert "北京市朝阳区劳动保障监察大队" in text and f"（{year}）北京劳监受字第{int(matter['matter_no'].split('-')[1])}号" in text
    assert f"编号：{matter['matter_no']}" in text  # the matter's own number, beside the document's


def test_the_english_edition_translates_the_notices_own_words_and_keeps_the_articles(client, auth):
    _, headers = auth.token_for("inspector")
    matter = opened_complaint(client, headers)
    text = pdf_text(document(client, headers, matter, "acceptance_notice", lang="en").data)
    assert "NoticeofAcceptanceofComplaint" in text and "workingdays" in text
    assert f"{track.REGULATION}第十七条" in text and matter["matter_no"] in text


def test_the_complainants_own_account_gets_the_notice_naming_the_dispute_filed_with_it(client, auth):
    _, worker = auth.token_for("worker")
    filed = file_both(client, worker).get_json()
    _, inspector = auth.token_for("inspector")
    matter = client.get(f"/api/v1/inspection/matters/{filed['inspection']['matter_no']}", headers=inspector).get_json()
    matter = fire(client, inspector, matter, "open_case").get_json()
    response = document(client, worker, matter, "acceptance_notice")
    assert response.status_code == 200
    assert f"（案号：{filed['case_no']}）" in pdf_text(response.data)


def test_a_complaint_not_yet_accepted_has_no_notice_and_the_answer_says_why(client, auth):
    _, headers = auth.token_for("inspector")
    matter = register(client, headers).get_json()
    response = document(client, headers, matter, "acceptance_notice")
    assert response.status_code == 409
    assert "已接收" in response.get_json()["error"] and "投诉受理通知书" in response.get_json()["error"]


# --- 不予受理通知书 -----------------------------------------------------------------------------------

def test_a_late_complaint_is_refused_with_the_recorded_ground_and_the_two_periods_it_was_decided_in(client, auth):
    _, headers = auth.token_for("inspector")
    violation = local_today() - timedelta(days=3 * 366)
    matter = register(client, headers, violation_on=violation.isoformat()).get_json()
    declined = fire(client, headers, matter, "decline", {"reason": "time_barred"})
    assert declined.status_code == 200, declined.get_json()
    text = pdf_text(document(client, headers, declined.get_json(), "rejection_notice").data)
    for fact in ("不予受理通知书", matter["matter_no"], "王五：", "某配送站有限公司", "决定不予受理",
                 track.DECLINE_REASONS["time_barred"],
                 # 若干规定第十八条 (as quoted; its caveat is printed with it) and 条例第二十条's two years.
                 f"{track.ACCEPTANCE_WORKING_DAYS}个工作日", f"{track.PROVISIONS}第十八条{track.PROVISIONS_CAVEAT}",
                 "违法行为查处时限（二年）", f"{track.REGULATION}第二十条",
                 on_paper(track.violation_limit_last_day(violation))):
        assert fact in text, fact


def test_a_refusal_for_another_department_names_that_department(client, auth):
    _, headers = auth.token_for("inspector")
    matter = register(client, headers).get_json()
    declined = fire(client, headers, matter, "decline", {"reason": "other_department", "department": "天津市和平区人社局"})
    text = pdf_text(document(client, headers, declined.get_json(), "rejection_notice").data)
    assert "有管辖权的部门：天津市和平区人社局" in text and "条例第十三条" in text


def test_an_accepted_complaint_has_no_refusal_and_a_refused_one_no_acceptance(client, auth):
    _, headers = auth.token_for("inspector")
    accepted = opened_complaint(client, headers)
    refused = fire(client, headers, register(client, headers).get_json(), "decline",
                   {"reason": "dispute_procedure"}).get_json()
    not_refused = document(client, headers, accepted, "rejection_notice")
    not_accepted = document(client, headers, refused, "acceptance_notice")
    assert not_refused.status_code == not_accepted.status_code == 409
    assert "已受理立案" in not_refused.get_json()["error"] and "不予受理" in not_accepted.get_json()["error"]


# --- A report: nobody to write to -------------------------------------------------------------------

def test_an_anonymous_report_has_no_notice_because_it_has_no_addressee(client, auth):
    _, headers = auth.token_for("inspector")
    report = register(client, headers, channel="report", anonymous=True).get_json()
    opened = fire(client, headers, report, "open_case").get_json()
    response = document(client, headers, opened, "acceptance_notice")
    assert response.status_code == 409 and "匿名举报" in response.get_json()["error"]
    declined = fire(client, headers, register(client, headers, channel="report", anonymous=True).get_json(),
                    "decline", {"reason": "no_grounds"}).get_json()
    assert document(client, headers, declined, "rejection_notice").status_code == 409


def test_the_employer_reported_anonymously_still_gets_its_order(client, auth):
    _, headers = auth.token_for("inspector")
    report = fire(client, headers, register(client, headers, channel="report", anonymous=True).get_json(),
                  "open_case").get_json()
    response = document(client, headers, ordered(client, headers, matter=report), "rectification_order")
    assert response.status_code == 200 and "某配送站有限公司：" in pdf_text(response.data)


# --- 限期整改指令书 / 行政处理决定书 --------------------------------------------------------------------

def test_an_order_to_pay_names_the_sums_the_date_and_the_article_as_recorded(client, auth):
    _, headers = auth.token_for("inspector")
    matter = ordered(client, headers)
    order = matter["history"][-1]["data"]
    text = pdf_text(document(client, headers, matter, "rectification_order").data)
    for fact in ("限期整改指令书", "某配送站有限公司：", matter["matter_no"], order["basis"], on_paper(order["due_on"]),
                 "王五", "5,200.00", "赵六", "3,400.00", "8,600.00", "人民币捌仟陆佰元整", on_paper(local_today())):
        assert fact in text, fact
    assert track.ORDER_KINDS["pay_wages"] in text  # 条例第二十六条第（一）项 with its words


def test_an_order_to_pay_states_what_a_missed_date_brings_with_its_articles(client, auth):
    _, headers = auth.token_for("inspector")
    text = pdf_text(document(client, headers, ordered(client, headers), "rectification_order").data)
    low, high, _ = track.PENALTY_RANGES["art30"]
    # 条例第二十六条: compensation of 50% to 100%; 第三十条: a fine for ignoring the order; the transfer of a
    # refusal to pay (刑法第二百七十六条之一; 移送规定) -- each as workflows/inspection.py records it.
    for fact in ("50%以上1倍以下", f"{track.REGULATION}第二十六条", f"处{low}元以上{high}元以下的罚款",
                 track.PENALTY_BASES["art30"], track.CRIMINAL_LAW, track.TRANSFER_RULES, "移送公安机关"):
        assert fact in text, fact


def test_the_order_states_no_remedy_that_workflows_does_not_record(client, auth):
    _, headers = auth.token_for("inspector")
    text = pdf_text(document(client, headers, ordered(client, headers), "rectification_order").data)
    assert "行政复议" not in text and "行政诉讼" not in text


def test_an_order_to_sign_a_contract_has_no_sums_and_rests_on_the_recorded_article(client, auth):
    _, headers = auth.token_for("inspector")
    matter = ordered(client, headers, {"kind": "sign_contract", "instrument": "rectification_order"})
    text = pdf_text(document(client, headers, matter, "rectification_order").data)
    assert track.ORDER_KINDS["sign_contract"] in text and "改正上述违法行为" in text
    assert deadline(matter, "order_due")["basis"] in text  # 条例第十八条第一款第（二）项
    assert "赔偿金" not in text and track.CRIMINAL_LAW not in text


def test_a_handling_decision_is_titled_so_and_says_when_the_employer_was_heard(client, auth):
    _, headers = auth.token_for("inspector")
    matter = opened_complaint(client, headers)
    heard_on = local_today().isoformat()
    matter = fire(client, headers, matter, "hear_statement",
                  {"summary": "用人单位称平台未结算，同意分期支付", "notified_on": heard_on}).get_json()
    matter = ordered(client, headers, {**WAGE_ORDER, "instrument": "handling_decision"}, matter=matter)
    text = pdf_text(document(client, headers, matter, "rectification_order").data)
    assert "行政处理决定书" in text and f"已于{on_paper(heard_on)}告知你单位并听取了你单位的陈述、申辩" in text


def test_there_is_no_order_before_the_inspector_makes_one(client, auth):
    _, headers = auth.token_for("inspector")
    response = document(client, headers, opened_complaint(client, headers), "rectification_order")
    assert response.status_code == 409 and "立案调查中" in response.get_json()["error"]


# --- Who gets them ----------------------------------------------------------------------------------

@pytest.mark.parametrize("role, region", [("inspector", "31"), ("worker", "11"), ("mediator", "11")])
def test_someone_who_may_not_see_the_matter_learns_nothing(client, auth, role, region):
    _, headers = auth.token_for("inspector")
    matter = opened_complaint(client, headers)
    _, theirs = auth.token_for(role, region=region)
    assert document(client, theirs, matter, "acceptance_notice").status_code == 404
    assert document(client, theirs, matter, "no_such_kind").status_code == 404


def test_signed_out_the_download_sends_to_the_sign_in_page(client, auth):
    _, headers = auth.token_for("inspector")
    matter = opened_complaint(client, headers)
    response = client.get(f"/inspection/matters/{matter['matter_no']}/documents/acceptance_notice.pdf")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_an_unknown_kind_of_document_is_not_found(client, auth):
    _, headers = auth.token_for("inspector")
    assert document(client, headers, opened_complaint(client, headers), "award").status_code == 404


# --- The matter page -------------------------------------------------------------------------------

def test_the_matter_page_links_what_exists_and_says_why_the_rest_does_not(client, auth):
    auth.login_as("inspector")
    _, headers = auth.token_for("inspector")
    matter = opened_complaint(client, headers)
    page = client.get(f"/inspection/matters/{matter['matter_no']}").get_data(as_text=True)
    link = f"/inspection/matters/{matter['matter_no']}/documents/acceptance_notice.pdf"
    assert link in page and "尚未到出具" in page
    download = client.get(link)
    assert download.status_code == 200 and "投诉受理通知书" in pdf_text(download.data)
    refused = client.get(f"/inspection/matters/{matter['matter_no']}/documents/rectification_order.pdf")
    assert refused.status_code == 409 and "立案调查中" in refused.get_data(as_text=True)


# --- The complainant's copies --------------------------------------------------------------------------

def test_the_complainant_downloads_the_acceptance_notice_from_the_portal_but_not_the_order(client, auth):
    from tests.support import csrf_token

    _, inspector = auth.token_for("inspector")
    registered = register(client, inspector).get_json()  # registered without an account: it has a code
    ordered(client, inspector, matter=fire(client, inspector, registered, "open_case").get_json())
    client.post("/status", data={"csrf_token": csrf_token(client, "/status"), "case_no": registered["matter_no"],
                                 "access_code": registered["access_code"]})
    page = client.get("/status/matter").get_data(as_text=True)
    assert 'data-testid="matter-notice"' in page and "rectification_order" not in page
    notice = client.get("/status/matter/documents/acceptance_notice.pdf")
    assert notice.status_code == 200 and registered["matter_no"] in pdf_text(notice.data)
    assert client.get("/status/matter/documents/rectification_order.pdf").status_code == 404


def test_a_workers_account_gets_the_notice_but_not_the_order_with_other_workers_sums(client, auth):
    _, worker = auth.token_for("worker")
    filed = file_both(client, worker).get_json()
    _, inspector = auth.token_for("inspector")
    matter = client.get(f"/api/v1/inspection/matters/{filed['inspection']['matter_no']}", headers=inspector).get_json()
    matter = ordered(client, inspector, matter=fire(client, inspector, matter, "open_case").get_json())
    assert document(client, worker, matter, "acceptance_notice").status_code == 200
    refused = document(client, worker, matter, "rectification_order")
    assert refused.status_code == 403 and "用人单位" in refused.get_json()["error"]
