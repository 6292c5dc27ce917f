"""A case's documents: issued with the events that call for them, recorded by SHA-256, downloadable."""
import hashlib
import shutil
import subprocess

import pytest

from disputes import create_app
from disputes.cases.services import apply_event

pytestmark = pytest.mark.usefixtures("regions")


def pdf_text(data: bytes) -> str:
    assert shutil.which("pdftotext"), "poppler-utils (pdftotext) is required"
    return subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()


def test_accepting_a_case_issues_the_acceptance_notice_and_records_its_hash(client, auth, file_case):
    mediator = auth.login_as("mediator")
    case = file_case().case
    apply_event(case, "accept", mediator, expected_version=case.version)
    recorded = case.history[-1].data["documents"][0]
    assert recorded["kind"] == "acceptance_notice"
    response = client.get(f"/cases/{case.case_no}/documents/acceptance_notice.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert hashlib.sha256(response.data).hexdigest() == recorded["sha256"]
    text = pdf_text(response.data)
    assert case.case_no in text and case.workers[0].name in text and "受理通知书" in text


def test_the_mediation_agreement_carries_the_amount_in_capitals(client, auth, file_case):
    mediator = auth.login_as("mediator")
    case = file_case().case
    apply_event(case, "accept", mediator, expected_version=case.version)
    apply_event(case, "mediation_succeeded", mediator, expected_version=case.version,
                data={"terms": "被申请人于期限内一次性支付劳动报酬", "amount": "6800.00", "pay_by": "2026-12-15"})
    text = pdf_text(client.get(f"/cases/{case.case_no}/documents/mediation_agreement.pdf").data)
    assert "陆仟捌佰元整" in text and "2026" in text and "一次性支付" in text


def test_a_document_the_case_has_not_reached_is_409(client, auth, file_case):
    _, headers = auth.token_for("mediator")
    case = file_case().case
    response = client.get(f"/api/v1/cases/{case.case_no}/documents/mediation_agreement", headers=headers)
    assert response.status_code == 409 and "阶段" in response.get_json()["error"]
    assert client.get(f"/api/v1/cases/{case.case_no}/documents/no_such_kind", headers=headers).status_code == 404


def test_the_prefilled_arbitration_application_is_there_from_the_start(client, auth, file_case):
    _, headers = auth.token_for("mediator")
    case = file_case().case
    response = client.get(f"/api/v1/cases/{case.case_no}/documents/arbitration_application", headers=headers)
    text = pdf_text(response.data)
    assert response.status_code == 200 and case.respondents[0].name in text


def _with_particulars(payload: dict) -> dict:
    worker, employer = payload["workers"][0], payload["respondents"][0]
    worker.update(id_number="110105199001011232", address="北京市朝阳区望京街道某某小区3号楼")
    employer.update(address="北京市海淀区某某路88号", legal_representative="李某", legal_representative_title="执行董事")
    return payload


def test_the_commissions_copy_of_the_application_states_the_particulars_in_full(client, auth, file_case):
    from tests.factories import intake_payload

    auth.login_as("mediator")
    payload = _with_particulars(intake_payload(5))
    case = file_case(**{key: payload[key] for key in ("workers", "respondents")}).case
    text = pdf_text(client.get(f"/cases/{case.case_no}/documents/arbitration_application.pdf").data)
    flat = "".join(text.split())
    for particular in ("110105199001011232", case.workers[0].phone, "1990年1月1日出生", "男",
                       "住所：北京市朝阳区望京街道某某小区3号楼", "住所：北京市海淀区某某路88号",
                       "法定代表人或主要负责人：李某", "职务：执行董事", f"工作单位：{case.respondents[0].name}"):
        assert particular in flat, particular


def test_the_workers_own_copy_of_the_application_masks_the_id_number_and_phone(client, file_case):
    from tests.factories import intake_payload
    from tests.support import csrf_token

    payload = _with_particulars(intake_payload(6))
    filed = file_case(**{key: payload[key] for key in ("workers", "respondents")})
    client.post("/status", data={"csrf_token": csrf_token(client, "/status"), "case_no": filed.case.case_no,
                                 "access_code": filed.access_code})
    flat = "".join(pdf_text(client.get("/status/case/documents/arbitration_application.pdf").data).split())
    phone = filed.case.workers[0].phone
    assert "110105199001011232" not in flat and phone not in flat
    assert "110***********1232" in flat and f"{phone[:3]}****{phone[-4:]}" in flat
    assert "住所：北京市朝阳区望京街道某某小区3号楼" in flat


def test_people_who_may_not_see_the_case_get_403(client, auth, file_case):
    _, headers = auth.token_for("mediator", region="44")
    case = file_case().case
    assert client.get(f"/api/v1/cases/{case.case_no}/documents/case_summary", headers=headers).status_code == 403


def test_the_panel_previews_as_html_and_issues_new_versions(client, auth, file_case):
    from tests.support import csrf_token

    auth.login_as("mediator")
    case = file_case().case
    preview = client.get(f"/cases/{case.case_no}/documents/case_summary")
    assert preview.status_code == 200 and "案件摘要" in preview.get_data(as_text=True)
    response = client.post(f"/cases/{case.case_no}/documents/case_summary",
                           data={"csrf_token": csrf_token(client, f"/cases/{case.case_no}")})
    assert response.status_code == 302
    page = client.get(f"/cases/{case.case_no}").get_data(as_text=True)
    assert "已出具" in page and "出具文书" in page


def test_the_app_refuses_to_start_without_an_embeddable_cjk_font(tmp_path):
    with pytest.raises(RuntimeError) as refused:
        create_app({"INSTANCE_PATH": str(tmp_path), "SECRET_KEY": "x", "DISPUTES_PDF_FONT": str(tmp_path / "none.ttf")})
    assert "fonts-wqy-microhei" in str(refused.value)


def test_the_case_summary_states_the_final_award_line_and_what_it_rests_on(client, auth, file_case):
    import re

    from disputes.timekeeping import local_today
    from workflows import minimum_wages as published

    arbitrator = auth.login_as("arbitrator")
    case = file_case().case
    apply_event(case, "apply_arbitration", None, expected_version=case.version)
    apply_event(case, "accept_arbitration", arbitrator, expected_version=case.version)
    apply_event(case, "render_award", arbitrator, expected_version=case.version,
                data={"items": [{"kind": "wage_arrears", "amount": "3000.00"}]})
    beijing = published.standard_on("11", local_today())
    response = client.get(f"/cases/{case.case_no}/documents/case_summary.pdf")
    assert response.status_code == 200, (response.status_code, response.get_data(as_text=True)[-900:])
    text = re.sub(r"\s+", "", pdf_text(response.data))
    monthly = f"{beijing.first_tier.monthly:,.2f}"
    threshold = f"{beijing.first_tier.monthly * 12:,.2f}"
    assert "一裁终局标准" in text and monthly in text and threshold in text
    assert f"{beijing.effective_on.year}年{beijing.effective_on.month}月{beijing.effective_on.day}日" in text
