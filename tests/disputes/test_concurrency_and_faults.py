"""Many writers at once, a database failing mid-event, and a server killed with SIGKILL."""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from disputes.cases.services import apply_event
from disputes.errors import Conflict, ValidationFailed
from disputes.extensions import db
from disputes.models import Case, CaseEvent, GeneratedDocument, Notification
from disputes import create_app
from disputes.seeding import seed_regions, seed_users
from tests.conftest import TEST_DATABASE_URL, _base_config
from tests.factories import intake_payload

WRITERS = 8


def in_thread(app, work):
    with app.app_context():
        try:
            return work()
        finally:
            db.session.remove()


def test_of_many_writers_on_one_case_exactly_one_wins_and_history_grows_by_one(app, file_case, make_user):
    mediator_ids = [make_user(role="mediator").id for _ in range(WRITERS)]
    case_no = file_case().case.case_no
    db.session.commit()  # the test's own session must hold no lock while the writers run

    def fire(mediator_id):
        from disputes.models import User

        case = db.session.scalar(sa.select(Case).where(Case.case_no == case_no))
        try:
            apply_event(case, "accept", db.session.get(User, mediator_id), expected_version=1)
            return "won"
        except (Conflict, ValidationFailed):
            return "lost"

    with ThreadPoolExecutor(WRITERS) as pool:
        outcomes = list(pool.map(lambda mediator_id: in_thread(app, lambda: fire(mediator_id)), mediator_ids))
    assert outcomes.count("won") == 1 and outcomes.count("lost") == WRITERS - 1
    case = db.session.scalar(sa.select(Case).where(Case.case_no == case_no))
    db.session.refresh(case)
    assert case.version == 2 and [h.event for h in case.history] == ["submit", "accept"]


def test_many_intakes_at_once_get_unique_case_numbers(app, regions, make_user):
    from disputes.intake.services import file_complaint

    mediator_id = make_user(role="mediator").id
    db.session.commit()

    def file(seed):
        from disputes.models import User

        return file_complaint(intake_payload(seed), filed_by=db.session.get(User, mediator_id), channel="api").case.case_no

    with ThreadPoolExecutor(WRITERS) as pool:
        numbers = list(pool.map(lambda seed: in_thread(app, lambda: file(seed)), range(WRITERS * 3)))
    assert len(set(numbers)) == WRITERS * 3
    assert db.session.scalar(sa.select(sa.func.count(Case.id))) == WRITERS * 3


def test_a_database_failure_mid_event_writes_nothing(client, auth, file_case, monkeypatch):
    _, headers = auth.token_for("mediator")
    case = file_case().case
    before = db.session.scalar(sa.select(sa.func.count(CaseEvent.id)))

    def fail(*args, **kwargs):
        raise sa.exc.OperationalError("COMMIT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(db.session, "commit", fail)
    response = client.post(f"/api/v1/cases/{case.case_no}/events", json={"event": "accept", "version": 1},
                           headers=headers)
    monkeypatch.undo()
    assert response.status_code == 500 and "没有丢失" in response.get_json()["error"]
    db.session.rollback()
    db.session.expire_all()
    assert db.session.scalar(sa.select(Case.state).where(Case.id == case.id)) == "submitted"
    assert db.session.scalar(sa.select(sa.func.count(CaseEvent.id))) == before
    assert db.session.scalar(sa.select(sa.func.count(Notification.id))) == 0
    assert db.session.scalar(sa.select(sa.func.count(GeneratedDocument.id))) == 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def post_json(url, body, headers=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback test server
        return json.loads(response.read())


@pytest.mark.slow
def test_nothing_acknowledged_is_lost_when_the_server_is_killed(tmp_path, database_template, app):
    """Real gunicorn, real SIGKILL: every case whose 201 reached the client is there afterwards."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    instance = tmp_path / "server"
    instance.mkdir()
    env = {**os.environ, "DISPUTES_INSTANCE_PATH": str(instance), "SECRET_KEY": "kill-test",
           "DISPUTES_INSECURE_COOKIES": "1"}
    db.session.commit()
    if TEST_DATABASE_URL:
        env["DATABASE_URL"] = TEST_DATABASE_URL
    else:
        shutil.copy(database_template, instance / "disputes.sqlite3")
    seeding_app = create_app(_base_config(instance, env.get("DATABASE_URL") or f"sqlite:///{instance / 'disputes.sqlite3'}")
                             | {"SECRET_KEY": "kill-test"})
    with seeding_app.app_context():
        seed_regions()
        seed_users()
        db.session.remove()
        db.engine.dispose()
    port = free_port()
    server = subprocess.Popen([str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "2", "wsgi:app"],
                              cwd=Path(__file__).parents[2], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        token = post_json(base + "/api/v1/tokens", {"username": "mediator", "password": "Demo-pass-2026"})["token"]
        acknowledged = [post_json(base + "/api/v1/cases", intake_payload(seed), {"Authorization": f"Bearer {token}"})["case_no"]
                        for seed in range(12)]
    finally:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
    restarted = sa.create_engine(env.get("DATABASE_URL") or f"sqlite:///{instance / 'disputes.sqlite3'}")
    with restarted.connect() as connection:
        stored = set(connection.execute(sa.select(Case.case_no)).scalars())
    restarted.dispose()
    assert set(acknowledged) <= stored
