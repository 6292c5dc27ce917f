"""Intake that does not lose work: every step saved as a draft, resume codes, photos kept with the
draft from the evidence step to the filed case, checks while typing."""
import errno
import html
import io
import re
from pathlib import Path

import sqlalchemy as sa

from disputes.extensions import db
from disputes.intake.drafts.steps import CHECK, step_named
from disputes.models import Case, Evidence, IntakeDraft
from disputes.storage import BlobStore
from tests.disputes.intake.test_intake_pages import (
    case_count, file_in_steps, send_step, step_answers, summary_links, worker_data,
)
from tests.support import csrf_token

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 500
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 300


def draft_count() -> int:
    return db.session.scalar(sa.select(sa.func.count(IntakeDraft.id)))


def photo(data: bytes = JPEG, name: str = "IMG_0001.jpg"):
    return (io.BytesIO(data), name)


def choose_photos(client, data, *photos, **buttons):
    return client.post("/intake/evidence", data=step_answers(data, step_named("evidence")) | {"evidence": list(photos)} | buttons,
                       content_type="multipart/form-data")


def filed_case() -> Case:
    return db.session.scalar(sa.select(Case))


def test_each_step_is_saved_and_comes_back_on_the_same_phone(client, regions):
    data = worker_data(client)
    for name in ("you", "employer", "claims"):
        assert send_step(client, name, data).status_code == 302
    page = client.get("/intake").get_data(as_text=True)
    assert "已恢复" in page and 'name="facts"' in page  # where the worker left off
    assert data["respondents-0-name"] in client.get("/intake/employer").get_data(as_text=True)
    assert draft_count() == 1


def test_save_for_later_shows_the_resume_code_on_any_step(client, regions):
    data = worker_data(client)
    saved = send_step(client, "you", data, save_draft="1")
    assert saved.status_code == 200 and 'data-testid="resume-code"' in saved.get_data(as_text=True)
    assert "已恢复" in client.get("/intake").get_data(as_text=True)
    assert data["workers-0-name"] in client.get("/intake/you").get_data(as_text=True)


def test_a_resume_code_and_the_drafts_phone_bring_the_draft_to_another_device(client, app, regions):
    data = worker_data(client)
    saved = send_step(client, "you", data, save_draft="1").get_data(as_text=True)
    code = re.search(r'data-testid="resume-code">([^<]+)<', saved).group(1)
    other_phone = app.test_client()
    response = other_phone.post("/intake/resume", data={
        "csrf_token": csrf_token(other_phone, "/intake/resume"), "code": code.lower().replace("-", " "),
        "phone": data["workers-0-phone"]})
    assert response.status_code == 302
    page = other_phone.get("/intake").get_data(as_text=True)
    assert "已恢复" in page and data["workers-0-name"] in other_phone.get("/intake/you").get_data(as_text=True)


def test_a_refused_step_saves_nothing(client, regions):
    response = send_step(client, "you", worker_data(client, **{"workers-0-phone": "12345"}))
    assert response.status_code == 422 and draft_count() == 0


def test_filing_forgets_the_drafts_answers(client, regions):
    data = worker_data(client)
    assert file_in_steps(client, data).status_code == 302
    kept = db.session.scalars(sa.select(IntakeDraft.fields)).all()
    assert all(set(fields) == {"_receipt"} for fields in kept)  # only the sealed receipt, for an hour
    assert data["workers-0-name"] not in str(kept) and data["workers-0-phone"] not in str(kept)
    assert "已恢复" not in client.get("/intake").get_data(as_text=True)


def test_photos_from_the_gallery_are_kept_with_the_draft_and_filed_with_the_complaint(client, regions):
    data = worker_data(client)
    kept = choose_photos(client, data, photo(), photo(PNG, "微信截图_20261101.png"))
    assert kept.status_code == 302 and kept.location.endswith("/intake/check")
    check = client.get("/intake/check").get_data(as_text=True)
    assert "IMG_0001.jpg" in check and "微信截图_20261101.png" in check
    assert file_in_steps(client, data).status_code == 302
    assert sorted(e.content_type for e in filed_case().evidence) == ["image/jpeg", "image/png"]


def test_a_photo_chosen_at_the_evidence_step_survives_an_added_row_and_every_later_step(client, regions):
    data = worker_data(client)
    assert choose_photos(client, data, photo()).status_code == 302
    more = send_step(client, "employer", data, more_respondents="1")
    assert more.status_code == 200 and 'name="respondents-1-name"' in more.get_data(as_text=True)
    second = data | {"respondents-1-name": "城达劳务派遣有限公司", "respondents-1-kind": "dispatch_agency"}
    assert send_step(client, "employer", second).status_code == 302
    assert "IMG_0001.jpg" in client.get("/intake/evidence").get_data(as_text=True)
    for name in ("you", "claims", "facts"):
        send_step(client, name, second)
    assert client.post("/intake/check", data=step_answers(second, CHECK)).status_code == 302
    case = filed_case()
    assert [e.original_name for e in case.evidence] == ["IMG_0001.jpg"] and len(case.respondents) == 2


def test_a_kept_photo_can_be_removed(client, regions):
    data = worker_data(client)
    choose_photos(client, data, photo(), photo(PNG, "b.png"))
    page = client.get("/intake/evidence").get_data(as_text=True)
    digest = re.search(r'name="remove_photo" value="([0-9a-f]{64})"', page).group(1)
    removed = client.post("/intake/evidence", data={"csrf_token": data["csrf_token"], "remove_photo": digest})
    assert removed.status_code == 302 and removed.location.endswith("/intake/evidence")
    page = client.get("/intake/evidence").get_data(as_text=True)
    assert "IMG_0001.jpg" not in page and "b.png" in page


def test_the_same_photo_chosen_twice_is_kept_once(client, regions):
    data = worker_data(client)
    choose_photos(client, data, photo())
    choose_photos(client, data, photo(name="again.jpg"))
    assert client.get("/intake/check").get_data(as_text=True).count("IMG_0001.jpg") == 1


def test_a_file_that_is_not_a_photo_is_refused_at_its_step_and_nothing_is_kept(client, regions):
    response = choose_photos(client, worker_data(client), photo(b"MZ\x90\x00 not a photo", "photo.jpg.exe"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "只能上传照片" in page
    assert summary_links(page) == ["#evidence"] and 'id="evidence-error"' in page
    assert draft_count() == 0


def test_a_full_disk_refuses_the_photo_without_leaving_rows(client, regions, monkeypatch):
    def disk_full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(BlobStore, "put", disk_full)
    response = choose_photos(client, worker_data(client), photo())
    assert response.status_code == 422 and "存储空间不足" in response.get_data(as_text=True)
    assert draft_count() == 0 and case_count() == 0
    assert db.session.scalar(sa.select(sa.func.count(Evidence.id))) == 0


def test_a_kept_photo_lost_from_the_store_is_said_at_sending_and_nothing_is_filed(client, app, regions):
    data = worker_data(client)
    choose_photos(client, data, photo())
    for blob in Path(app.config["DISPUTES_EVIDENCE_DIR"]).rglob("*"):
        if blob.is_file():
            blob.unlink()
    response = file_in_steps(client, data)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "IMG_0001.jpg" in page and "/intake/evidence" in "".join(summary_links(page))
    assert case_count() == 0


def test_the_evidence_input_opens_the_gallery_and_names_the_formats_the_server_takes(client, regions):
    page = client.get("/intake/evidence").get_data(as_text=True)
    file_input = re.search(r'<input id="evidence"[^>]*>', page, re.S).group(0)
    assert "capture" not in file_input and 'accept="image/*' in file_input
    assert all(kind in file_input for kind in (".heic", "application/pdf", ".webp"))
    assert 'enctype="multipart/form-data"' in page


def test_fields_are_checked_as_they_are_filled_with_the_same_rules(client, regions):
    def check(field, value):
        return client.post("/api/v1/intake/check", json={"field": field, "value": value}).get_json()["message"]

    assert check("workers-0-phone", "12345") and check("workers-0-phone", "13812345678") is None
    assert "大于 0" in check("claims-0-amount", "-3")
    assert check("workers-0-id_number", "110105199001011234")
    assert check("facts", "太短") and check("platform", "anything") is None
    assert client.post("/api/v1/intake/check", json={"field": ["x"], "value": 1}).status_code == 200


HELD = re.compile(r'name="held_photos" value="([^"]*)"')


def staff_form(client, **changes):
    from tests.disputes.intake.test_intake_pages import form_data

    return form_data(client, "/intake/on-behalf", **changes)


def test_the_mediators_form_keeps_a_chosen_photo_when_a_row_is_added_without_javascript(client, auth, regions):
    auth.login_as("mediator")
    data = staff_form(client)
    added = client.post("/intake/on-behalf", data=data | {"evidence": [photo()], "more_workers": "1"},
                        content_type="multipart/form-data")
    page = added.get_data(as_text=True)
    assert added.status_code == 200 and 'name="workers-1-name"' in page and "IMG_0001.jpg" in page
    held = html.unescape(HELD.search(page).group(1))
    filed = client.post("/intake/on-behalf", data=data | {"held_photos": held})
    assert filed.status_code == 302
    assert [e.original_name for e in filed_case().evidence] == ["IMG_0001.jpg"]


def test_the_mediators_form_keeps_the_photos_through_a_refused_send(client, auth, regions):
    auth.login_as("mediator")
    data = staff_form(client)
    refused = client.post("/intake/on-behalf", data=data | {"facts": "", "evidence": [photo(PNG, "截图.png")]},
                          content_type="multipart/form-data")
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "截图.png" in page
    resent = client.post("/intake/on-behalf", data=data | {"held_photos": html.unescape(HELD.search(page).group(1))})
    assert resent.status_code == 302 and [e.original_name for e in filed_case().evidence] == ["截图.png"]


def test_photos_held_for_one_mediator_attach_nothing_for_another(client, auth, regions):
    auth.login_as("mediator")
    added = client.post("/intake/on-behalf", data=staff_form(client) | {"evidence": [photo()], "more_claims": "1"},
                        content_type="multipart/form-data")
    held = html.unescape(HELD.search(added.get_data(as_text=True)).group(1))
    auth.login_as("mediator")  # another mediator, on the same browser
    filed = client.post("/intake/on-behalf", data=staff_form(client) | {"held_photos": held})
    assert filed.status_code == 302 and filed_case().evidence == []
    forged = client.post("/intake/on-behalf", data=staff_form(client) | {"held_photos": "forged", "submission_key": "k2"})
    assert forged.status_code == 302
