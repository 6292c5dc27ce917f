"""Reports read the replica: with REPLICA_DATABASE_URL set, the dashboard's figures, employer records
and the queue's spreadsheet exports come from it, while the queue and the case pages read the primary.

On SQLite the replica is a copy of the test's file that `replicate` refreshes, so a lag can be
shown; on PostgreSQL it is the same database over read-only connections."""
import csv
import io
import sqlite3

import pytest
import sqlalchemy as sa

from disputes.database import reporting_session
from disputes.extensions import db
from tests.conftest import TEST_DATABASE_URL

ACME = {"name": "城达配送服务有限公司", "kind": "cooperating_company"}
sqlite_only = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="a lag is shown with two SQLite files; "
                                 "PostgreSQL's pass checks the read-only connections")


def replicate(app) -> None:
    """What streaming replication does continuously: bring the replica up to the primary."""
    db.session.commit()
    app.extensions["replica_engine"].dispose()
    primary = sqlite3.connect(db.engine.url.database)
    replica = sqlite3.connect(sa.make_url(app.config["REPLICA_DATABASE_URL"]).database)
    with replica:
        primary.backup(replica)
    primary.close()
    replica.close()


def exported_numbers(client, headers) -> set[str]:
    text = client.get("/api/v1/cases?scope=all&format=csv", headers=headers).get_data(as_text=True)
    return {row[0] for row in list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1:]}


@sqlite_only
@pytest.mark.replica
def test_reports_show_what_the_replica_has_and_the_queue_what_the_primary_has(app, client, auth, file_case):
    case = file_case(respondents=[ACME]).case
    _, admin = auth.token_for("admin")

    assert client.get("/api/v1/dashboard", headers=admin).get_json()["total"] == 0
    assert exported_numbers(client, admin) == set()
    assert [row["case_no"] for row in client.get("/api/v1/cases?scope=all", headers=admin).get_json()["results"]] \
        == [case.case_no]

    replicate(app)
    assert client.get("/api/v1/dashboard", headers=admin).get_json()["total"] == 1
    assert exported_numbers(client, admin) == {case.case_no}
    auth.login_as("arbitrator")
    assert case.case_no in client.get("/employers/城达配送服务").get_data(as_text=True)


@pytest.mark.replica
def test_the_replica_is_read_through_read_only_connections(app, client, auth, file_case):
    file_case(respondents=[ACME])
    if not TEST_DATABASE_URL:
        replicate(app)
    session = reporting_session()
    assert session is not db.session and session.bind is app.extensions["replica_engine"]
    with pytest.raises(sa.exc.DBAPIError):
        session.execute(sa.text("UPDATE cases SET platform = 'x'"))
    session.rollback()
    auth.login_as("admin")
    assert client.get("/dashboard").status_code == 200
    assert db.session.scalar(sa.text("SELECT count(*) FROM cases WHERE platform = 'x'")) == 0


def test_without_a_replica_reports_read_the_primary(app):
    assert reporting_session() is db.session
