"""Drafts are forgotten 30 days after their last save, as the privacy notice promises, photos and all;
bytes a filed case or a live draft still holds stay."""
import hashlib
import os
import time
from datetime import timedelta

import sqlalchemy as sa

from disputes.evidence.services import evidence_store
from disputes.extensions import db
from disputes.intake.drafts import DRAFT_LIFETIME
from disputes.intake.drafts.expiry import purge_expired_drafts
from disputes.jobs.kinds import KINDS, SCHEDULE
from disputes.models import IntakeDraft, utcnow
from tests.disputes.intake.test_intake_drafts_and_photos import JPEG, PNG, choose_photos, draft_count, photo
from tests.disputes.intake.test_intake_pages import file_in_steps, worker_data

A_DAY_AGO = time.time() - 86400


def stored_long_ago(data: bytes) -> str:
    digest = hashlib.sha256(data).hexdigest()
    os.utime(evidence_store().path_for(digest), (A_DAY_AGO, A_DAY_AGO))
    return digest


def last_saved(days_ago: int) -> None:
    """Every draft as if last saved `days_ago` days ago."""
    for draft in db.session.scalars(sa.select(IntakeDraft)):
        draft.expires_at = utcnow() - timedelta(days=days_ago) + DRAFT_LIFETIME
    db.session.commit()


def test_the_privacy_notice_promises_thirty_days_and_the_lifetime_is_thirty_days(client, regions):
    assert DRAFT_LIFETIME == timedelta(days=30)
    assert "没有提交的草稿 30 天后删除" in client.get("/intake/you").get_data(as_text=True)


def test_a_draft_last_saved_31_days_ago_is_deleted_with_its_photo(client, regions):
    choose_photos(client, worker_data(client), photo())
    digest = stored_long_ago(JPEG)
    last_saved(31)
    purged = purge_expired_drafts()
    assert (purged.drafts, purged.photos) == (1, 1)
    assert draft_count() == 0 and not evidence_store().exists(digest)


def test_a_draft_saved_within_30_days_is_kept(client, regions):
    choose_photos(client, worker_data(client), photo())
    digest = stored_long_ago(JPEG)
    last_saved(29)
    assert purge_expired_drafts().drafts == 0
    assert draft_count() == 1 and evidence_store().exists(digest)


def test_a_photo_a_filed_case_holds_stays_when_another_draft_with_it_expires(client, app, regions):
    filed = worker_data(client)
    choose_photos(client, filed, photo())
    assert file_in_steps(client, filed).status_code == 302
    with app.test_client() as other_phone:
        choose_photos(other_phone, worker_data(other_phone), photo(), photo(PNG, "截图.png"))
    kept, only_the_draft = stored_long_ago(JPEG), stored_long_ago(PNG)
    last_saved(31)
    purged = purge_expired_drafts()
    assert purged.photos == 1
    assert evidence_store().exists(kept) and not evidence_store().exists(only_the_draft)


def test_a_photo_a_live_draft_holds_stays(client, app, regions):
    choose_photos(client, worker_data(client), photo())
    stale = db.session.scalar(sa.select(IntakeDraft))
    with app.test_client() as other_phone:
        choose_photos(other_phone, worker_data(other_phone), photo())
    digest = stored_long_ago(JPEG)
    stale.expires_at = utcnow() - timedelta(days=1)
    db.session.commit()
    assert purge_expired_drafts().drafts == 1
    assert draft_count() == 1 and evidence_store().exists(digest)


def test_a_photo_stored_again_in_the_last_hour_stays_for_the_draft_being_saved(client, regions):
    choose_photos(client, worker_data(client), photo())  # stored just now: a save may be on its way
    last_saved(31)
    purged = purge_expired_drafts()
    assert (purged.drafts, purged.photos) == (1, 0)
    assert evidence_store().exists(hashlib.sha256(JPEG).hexdigest())


def test_the_sweep_runs_every_night_as_a_job():
    assert "purge_drafts" in KINDS and any(kind == "purge_drafts" for kind, _ in SCHEDULE)
