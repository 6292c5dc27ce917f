"""The portal shows the worker the evidence on their case (and only theirs) and whom to call about it."""
import json

from disputes.cases.services import apply_event
from disputes.evidence.services import Upload, add_evidence
from disputes.timekeeping import to_local
from tests.factories import OrganisationFactory
from tests.support import csrf_token

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 2000
PDF = b"%PDF-1.4\n" + b"0" * 500


def enter(client, filed) -> None:
    client.post("/status", data={"csrf_token": csrf_token(client, "/status"), "case_no": filed.case.case_no,
                                 "access_code": filed.access_code})


def look_up(client, filed) -> dict:
    return client.post("/api/v1/status", json={"case_no": filed.case.case_no, "access_code": filed.access_code}).get_json()


# Evidence

def test_the_worker_sees_each_file_with_its_name_kind_size_date_and_a_download_link(client, file_case):
    filed = file_case()
    photo = add_evidence(filed.case, Upload("罚款截图.png", PNG, "站长发的罚款通知"), by=None)
    enter(client, filed)
    page = client.get("/status/case").get_data(as_text=True)
    assert "罚款截图.png" in page and "图片（PNG）" in page and "2.0 KB" in page
    assert to_local(photo.uploaded_at).date().isoformat() in page
    assert "您提交的" in page and "站长发的罚款通知" in page
    assert f'href="/status/case/evidence/{photo.id}"' in page


def test_the_download_is_the_stored_file_as_a_sandboxed_attachment(client, file_case):
    filed = file_case()
    photo = add_evidence(filed.case, Upload("罚款截图.png", PNG), by=None)
    enter(client, filed)
    response = client.get(f"/status/case/evidence/{photo.id}")
    assert response.status_code == 200 and response.data == PNG and response.mimetype == "image/png"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_another_cases_evidence_is_never_listed_nor_served(client, file_case):
    mine, other = file_case(), file_case()
    add_evidence(mine.case, Upload("我的工资条.pdf", PDF), by=None)
    theirs = add_evidence(other.case, Upload("别人的合同.pdf", PDF + b"x"), by=None)
    enter(client, mine)
    page = client.get("/status/case").get_data(as_text=True)
    assert "我的工资条.pdf" in page and "别人的合同.pdf" not in page
    assert f"/status/case/evidence/{theirs.id}" not in page
    assert client.get(f"/status/case/evidence/{theirs.id}").status_code == 404
    assert client.get("/status/case/evidence/999999").status_code == 404
    assert all(item["id"] != theirs.id for item in look_up(client, mine)["evidence"])


def test_files_staff_added_are_marked_so_without_naming_who_or_what_they_wrote(client, file_case, make_user):
    mediator = make_user(role="mediator", display_name="调解员 孙悦")
    filed = file_case()
    add_evidence(filed.case, Upload("平台回复.pdf", PDF, "内部备注：对方联系人电话 13900001111"), by=mediator)
    enter(client, filed)
    page = client.get("/status/case").get_data(as_text=True)
    assert "平台回复.pdf" in page and "办案机构添加的" in page
    assert "孙悦" not in page and "13900001111" not in page


def test_without_evidence_the_page_says_so(client, file_case):
    filed = file_case()
    enter(client, filed)
    assert "这个案件还没有证据文件" in client.get("/status/case").get_data(as_text=True)


def test_the_status_answer_lists_evidence_without_file_names(client, file_case):
    filed = file_case()
    add_evidence(filed.case, Upload("刘洋身份证.png", PNG, "刘洋 13812345678"), by=None)
    body = look_up(client, filed)
    assert [(e["kind"], e["size"], e["yours"]) for e in body["evidence"]] == [("image/png", len(PNG), True)]
    text = json.dumps(body, ensure_ascii=False)
    assert "刘洋" not in text and "13812345678" not in text


# Contact

def test_before_anyone_is_assigned_the_page_says_so_and_gives_the_receiving_body(client, file_case):
    OrganisationFactory(name="朝阳区调解中心", kind="mediation_body", phone="010-65090001", address="工体北路 1 号")
    filed = file_case()
    enter(client, filed)
    page = client.get("/status/case").get_data(as_text=True)
    assert "目前还没有指定调解员或仲裁员" in page
    assert "朝阳区调解中心" in page and 'href="tel:010-65090001"' in page and "工体北路 1 号" in page
    contact = look_up(client, filed)["contact"]
    assert (contact["assigned"], contact["handler"], contact["organisation"]) == (False, None, "朝阳区调解中心")


def test_without_a_known_body_the_page_invents_no_contact(client, file_case):
    filed = file_case()  # no organisation in the region
    enter(client, filed)
    page = client.get("/status/case").get_data(as_text=True)
    assert "系统里暂时没有受理机构的联系方式" in page and 'href="tel:' not in page


def test_once_a_mediator_accepts_the_page_gives_their_organisations_contact(client, file_case, make_user):
    centre = OrganisationFactory(name="海淀调解中心", kind="mediation_body", phone="010-62000000", address="中关村大街 2 号")
    mediator = make_user(role="mediator", display_name="调解员 王静", organisation=centre, phone="13911112222")
    filed = file_case()
    apply_event(filed.case, "accept", mediator, expected_version=filed.case.version)
    enter(client, filed)
    page = client.get("/status/case").get_data(as_text=True)
    assert "调解员 王静" in page and "海淀调解中心" in page and "010-62000000" in page and "中关村大街 2 号" in page
    assert "13911112222" not in page  # the mediator's own phone is never shown
    body = look_up(client, filed)
    assert body["contact"]["assigned"] is True and body["contact"]["address"] == "中关村大街 2 号"
    assert "13911112222" not in json.dumps(body)


def test_after_applying_for_arbitration_the_page_does_not_claim_an_arbitrator(client, file_case, make_user):
    mediator = make_user(role="mediator")
    filed = file_case()
    apply_event(filed.case, "accept", mediator, expected_version=filed.case.version)
    apply_event(filed.case, "mediation_failed", mediator, expected_version=filed.case.version)
    apply_event(filed.case, "apply_arbitration", mediator, expected_version=filed.case.version)
    contact = look_up(client, filed)["contact"]
    assert contact["assigned"] is False and contact["handler"] is None
    assert "还没有指定仲裁员" in contact["summary"]


def test_in_arbitration_the_page_gives_the_commissions_contact(client, file_case, make_user):
    commission = OrganisationFactory(name="朝阳区仲裁委员会", kind="arbitration_commission", phone="010-65090002",
                                     address="工体北路 3 号")
    mediator = make_user(role="mediator")
    arbitrator = make_user(role="arbitrator", display_name="仲裁员 陈敏", organisation=commission)
    filed = file_case()
    for user, event in ((mediator, "accept"), (mediator, "mediation_failed"), (mediator, "apply_arbitration"),
                        (arbitrator, "accept_arbitration")):
        apply_event(filed.case, event, user, expected_version=filed.case.version)
    enter(client, filed)
    page = client.get("/status/case").get_data(as_text=True)
    assert "仲裁员 陈敏" in page and "朝阳区仲裁委员会" in page and 'href="tel:010-65090002"' in page
