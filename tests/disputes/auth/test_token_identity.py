"""A bearer request's user is what the database holds at that request, though each process keeps a
copy of the user to put into the session without building it again (auth/token_identity.py)."""
import sqlalchemy as sa

from disputes.extensions import db
from disputes.models import Case
from tests.support import selects_during


def read(client, case_no, headers):
    """A call as a new request makes it: nothing of the test's session in it (the tests here share
    the app context, and so the session, with the app's requests)."""
    db.session.remove()
    return client.get(f"/api/v1/cases/{case_no}", headers=headers)


def test_a_role_changed_between_two_calls_decides_the_second(client, auth, file_case):
    user, headers = auth.token_for("mediator")
    case = file_case().case
    assert read(client, case.case_no, headers).status_code == 200
    db.session.merge(user).role = "worker"  # no longer staff: a worker sees only their own case
    db.session.commit()
    assert read(client, case.case_no, headers).status_code == 403


def test_an_office_moved_to_another_province_decides_the_next_call(client, auth, file_case):
    user, headers = auth.token_for("mediator")
    case_no = file_case().case.case_no
    assert read(client, case_no, headers).status_code == 200
    db.session.merge(user).organisation.region_code = "44"  # the office itself moves, the user stays in it
    db.session.commit()
    assert read(client, case_no, headers).status_code == 403


def test_a_disabled_account_is_refused_at_its_next_call(client, auth, file_case):
    user, headers = auth.token_for("mediator")
    case_no = file_case().case.case_no
    assert read(client, case_no, headers).status_code == 200
    db.session.merge(user).active = False
    db.session.commit()
    assert read(client, case_no, headers).status_code == 401


def test_the_user_of_a_call_changes_like_one_loaded_from_the_database(client, auth, file_case):
    handler, headers = auth.token_for("mediator")
    handler_id, case_no = handler.id, file_case().case.case_no
    version = read(client, case_no, headers).get_json()["version"]
    fired = client.post(f"/api/v1/cases/{case_no}/events", json={"event": "accept", "version": version},
                        headers=headers)
    assert fired.status_code == 200, fired.get_json()
    db.session.remove()
    case = db.session.scalar(sa.select(Case).where(Case.case_no == case_no))
    assert case.mediator_id == handler_id and case.history[-1].actor_id == handler_id


def test_a_call_reads_its_token_with_the_user_and_office_in_one_statement(client, auth, file_case):
    _, headers = auth.token_for("mediator")
    case_no = file_case().case.case_no
    read(client, case_no, headers)
    read(client, case_no, headers)  # the token's use noted, the case's reading kept
    db.session.remove()
    selects = selects_during(lambda: read(client, case_no, headers))
    assert len([s for s in selects if "api_tokens" in s]) == 1
    assert not [s for s in selects if s.lstrip().startswith("SELECT users") or "FROM organisations" in s.split("JOIN")[0]]


def test_a_write_lock_met_while_noting_the_tokens_use_loses_only_the_note(client, auth, file_case):
    """Another process writing just then (SQLite's lock, PostgreSQL's lock timeout) fails the UPDATE of
    the token's last use; the call is answered all the same."""
    _, headers = auth.token_for("mediator")
    case_no = file_case().case.case_no

    def locked(conn, cursor, statement, *rest):
        if statement.lstrip().upper().startswith("UPDATE API_TOKENS"):
            raise sa.exc.OperationalError(statement, {}, Exception("database is locked"))

    engine = db.engine
    sa.event.listen(engine, "before_cursor_execute", locked)
    try:
        answer = read(client, case_no, headers)
    finally:
        sa.event.remove(engine, "before_cursor_execute", locked)
    assert answer.status_code == 200, answer.get_json()
