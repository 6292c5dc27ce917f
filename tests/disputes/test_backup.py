"""Backups: restore into an empty instance and find everything again."""
import io

import sqlalchemy as sa

from disputes import create_app
from disputes.cases.services import apply_event
from disputes.evidence.services import Upload, add_evidence
from disputes.extensions import db
from disputes.models import Base
from tests.conftest import TEST_DATABASE_URL, _base_config, _empty_all_tables

PNG = b"\x89PNG\r\n\x1a\n" + b"backup" * 50


def table_contents():
    return {table.name: sorted(map(repr, db.session.execute(sa.select(table)).all())) for table in Base.metadata.sorted_tables}


def test_a_backup_restores_into_an_empty_instance_unchanged(app, runner, file_case, make_user, tmp_path, database_template):
    import shutil

    from disputes.seeding import seed_library

    mediator = make_user(role="mediator")
    filed = file_case()
    apply_event(filed.case, "accept", mediator, expected_version=filed.case.version)
    add_evidence(filed.case, Upload("工资条.png", PNG), by=None)
    seed_library()
    before = table_contents()
    case_no, code = filed.case.case_no, filed.access_code
    archive = tmp_path / "backup.tar.gz"
    assert runner.invoke(args=["backup", str(archive)]).exit_code == 0

    target = tmp_path / "restored"
    target.mkdir()
    if TEST_DATABASE_URL:
        db.session.commit()  # release this session's locks so the tables can be emptied
        _empty_all_tables()
        url = TEST_DATABASE_URL
    else:
        shutil.copy(database_template, target / "empty.sqlite3")
        url = f"sqlite:///{target / 'empty.sqlite3'}"
    restored_app = create_app(_base_config(target, url))
    with restored_app.app_context():
        result = restored_app.test_cli_runner().invoke(args=["restore", str(archive)])
        assert result.exit_code == 0, result.output
        assert table_contents() == before
        db.session.commit()  # end this read transaction before the app serves requests on the same file
        evidence = restored_app.config["DISPUTES_EVIDENCE_DIR"]
        client = restored_app.test_client()
        status = client.post("/api/v1/status", json={"case_no": case_no, "access_code": code})
        assert status.status_code == 200  # same key, so the worker's code still works
        assert client.get("/api/v1/typical-cases?q=骑手").get_json()["total"] > 0  # index rebuilt
        assert any(p.is_file() for p in __import__("pathlib").Path(evidence).rglob("*"))
        again = restored_app.test_cli_runner().invoke(args=["restore", str(archive)])
        assert again.exit_code != 0 and "not empty" in again.output
        db.session.remove()
        db.engine.dispose()
