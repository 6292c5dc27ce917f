"""Intake that does not lose work: drafts, resume links, photos of evidence, checks while typing."""
import errno
import io
import re

import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import Case, Evidence
from disputes.storage import BlobStore
from tests.disputes.intake.test_intake_pages import form_data
from tests.support import csrf_token

JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 500


def test_a_saved_draft_comes_back_on_the_same_phone(client, regions):
    data = form_data(client, save_draft="1")
    saved = client.post("/intake", data=data)
    assert saved.status_code == 200 and 'data-testid="resume-code"' in saved.get_data(as_text=True)
    page = client.get("/intake").get_data(as_text=True)
    assert data["facts"] in page and "已恢复" in page


def test_a_resume_code_and_the_drafts_phone_bring_the_draft_to_another_device(client, app, regions):
    data = form_data(client, save_draft="1")
    saved = client.post("/intake", data=data).get_data(as_text=True)
    code = re.search(r'data-testid="resume-code">([^<]+)<', saved).group(1)
    other_phone = app.test_client()
    response = other_phone.post("/intake/resume", data={
        "csrf_token": csrf_token(other_phone, "/intake/resume"), "code": code.lower().replace("-", " "),
        "phone": data["workers-0-phone"]})
    assert response.status_code == 302
    assert "已恢复" in other_phone.get("/intake").get_data(as_text=True)


def test_filing_discards_the_draft(client, regions):
    client.post("/intake", data=form_data(client, save_draft="1"))
    response = client.post("/intake", data=form_data(client))
    assert response.status_code == 302
    assert "已恢复" not in client.get("/intake").get_data(as_text=True)


def test_photos_from_the_camera_are_filed_with_the_complaint(client, regions):
    data = form_data(client)
    data["evidence"] = [(io.BytesIO(JPEG), "IMG_0001.jpg"), (io.BytesIO(JPEG + b"1"), "IMG_0002.jpg")]
    assert client.post("/intake", data=data, content_type="multipart/form-data").status_code == 302
    case = db.session.scalar(sa.select(Case))
    assert [e.content_type for e in case.evidence] == ["image/jpeg", "image/jpeg"]


def test_a_file_that_is_not_a_photo_refuses_the_complaint_with_a_clear_message(client, regions):
    data = form_data(client)
    data["evidence"] = [(io.BytesIO(b"MZ\x90\x00 not a photo"), "photo.jpg.exe")]
    response = client.post("/intake", data=data, content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "只能上传照片" in page and "重新选择" in page
    assert db.session.scalar(sa.select(sa.func.count(Case.id))) == 0


def test_a_full_disk_refuses_the_complaint_without_leaving_rows(client, regions, monkeypatch):
    def disk_full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(BlobStore, "put", disk_full)
    data = form_data(client)
    data["evidence"] = [(io.BytesIO(JPEG), "IMG_0001.jpg")]
    response = client.post("/intake", data=data, content_type="multipart/form-data")
    assert response.status_code == 422 and "存储空间不足" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Case.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(Evidence.id))) == 0


def test_fields_are_checked_as_they_are_filled_with_the_same_rules(client, regions):
    def check(field, value):
        return client.post("/api/v1/intake/check", json={"field": field, "value": value}).get_json()["message"]

    assert check("workers-0-phone", "12345") and check("workers-0-phone", "13812345678") is None
    assert "大于 0" in check("claims-0-amount", "-3")
    assert check("workers-0-id_number", "110105199001011234")
    assert check("facts", "太短") and check("platform", "anything") is None
    assert client.post("/api/v1/intake/check", json={"field": ["x"], "value": 1}).status_code == 200
