"""Fixtures shared by every test: an app on a real database, clients, and factories.

The database is SQLite (a fresh file per test, copied from a template built once by the
migrations) unless TEST_DATABASE_URL names a PostgreSQL server: then the schema is migrated
once per run and every table is emptied after each test. CI runs the suite both ways.

Redis is real too: the server named by TEST_REDIS_URL, else a redis-server started here on a unix
socket (with CI=true a missing one fails the run). Its URL is exported as REDIS_URL for the servers
tests start in subprocesses; apps built in-process get it only under @pytest.mark.redis. Its
database is emptied after every test.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from disputes import create_app
from disputes.extensions import db, limiter

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL")
IN_CI = os.environ.get("CI") == "true"
CHEAP_ARGON2 = {"time_cost": 1, "memory_cost": 1024, "parallelism": 1}


def pytest_report_header(config):
    return f"database: {'PostgreSQL ' + TEST_DATABASE_URL.split('@')[-1] if TEST_DATABASE_URL else 'SQLite'}"


def _base_config(instance: Path, database_url: str) -> dict:
    return {
        "TESTING": True,
        "INSTANCE_PATH": str(instance),
        "SECRET_KEY": "test-secret-key",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "PASSWORD_HASH_PARAMS": CHEAP_ARGON2,
        "RATELIMIT_STORAGE_URI": "memory://",
        "REDIS_URL": None,
        "DISPUTES_INDEX_DIR": str(instance / "index"),
        "DISPUTES_EVIDENCE_DIR": str(instance / "evidence"),
        "DISPUTES_DOCUMENTS_DIR": str(instance / "documents"),
        "DISPUTES_TODAY": "2026-11-16",
    }


def _migrate(config: dict) -> None:
    from flask_migrate import upgrade

    app = create_app(config)
    with app.app_context():
        upgrade()
        db.engine.dispose()


@pytest.fixture(scope="session")
def database_template(tmp_path_factory):
    """A migrated SQLite file to copy, or the migrated PostgreSQL database's URL."""
    root = tmp_path_factory.mktemp("template")
    if TEST_DATABASE_URL:
        engine = sa.create_engine(TEST_DATABASE_URL.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        engine.dispose()
        _migrate(_base_config(root / "instance", TEST_DATABASE_URL))
        return TEST_DATABASE_URL
    template = root / "template.sqlite3"
    _migrate(_base_config(root / "instance", f"sqlite:///{template}"))
    return template


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    """The URL of a real Redis for this run, or None when there is none (outside CI only)."""
    if TEST_REDIS_URL:
        yield TEST_REDIS_URL
        return
    executable = shutil.which("redis-server")
    if executable is None:
        if IN_CI:
            pytest.fail("CI=true but redis-server is not installed and TEST_REDIS_URL is not set")
        yield None
        return
    folder = tmp_path_factory.mktemp("redis")
    sock = folder / "redis.sock"
    process = subprocess.Popen(
        [executable, "--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700", "--dir", str(folder),
         "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(250):
        if sock.exists() or process.poll() is not None:
            break
        time.sleep(0.02)
    if not sock.exists():
        process.kill()
        process.wait(timeout=10)
        pytest.fail(f"redis-server did not start on {sock}")
    try:
        yield f"unix://{sock}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session", autouse=True)
def _redis_for_servers(redis_server):
    """Servers that tests start as subprocesses (gunicorn, the job worker) find Redis in REDIS_URL."""
    saved = os.environ.get("REDIS_URL")
    if redis_server:
        os.environ["REDIS_URL"] = redis_server
    yield
    if saved is None:
        os.environ.pop("REDIS_URL", None)
    else:
        os.environ["REDIS_URL"] = saved


@pytest.fixture(autouse=True)
def _empty_redis_after_test(redis_server):
    yield
    if redis_server:
        from redis import Redis

        with Redis.from_url(redis_server) as client:
            client.flushdb()


@pytest.fixture
def redis_url(redis_server):
    """The test Redis's URL, for tests that need one (skipped without a redis-server outside CI)."""
    if redis_server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server) and TEST_REDIS_URL is not set")
    return redis_server


@pytest.fixture
def app(database_template, tmp_path, request):
    instance = tmp_path / "instance"
    if TEST_DATABASE_URL:
        database_url = TEST_DATABASE_URL
    else:
        instance.mkdir()
        copy = instance / "test.sqlite3"
        shutil.copy(database_template, copy)
        database_url = f"sqlite:///{copy}"
    config = _base_config(instance, database_url)
    if request.node.get_closest_marker("redis"):
        config |= {"REDIS_URL": request.getfixturevalue("redis_url"), "RATELIMIT_STORAGE_URI": None}
    if request.node.get_closest_marker("replica"):
        config["REPLICA_DATABASE_URL"] = database_url if TEST_DATABASE_URL else f"sqlite:///{instance / 'replica.sqlite3'}"
        if not TEST_DATABASE_URL:
            shutil.copy(copy, instance / "replica.sqlite3")
    app = create_app(config)
    app.before_request(_forget_previous_request)
    with app.app_context():
        yield app
        db.session.remove()
        if "replica_engine" in app.extensions:
            app.extensions["replica_engine"].dispose()
        if TEST_DATABASE_URL:
            _empty_all_tables()
        db.engine.dispose()
    if app.extensions.get("redis") is not None:
        app.extensions["redis"].close()
    limiter.reset()


def _forget_previous_request() -> None:
    """Requests in a test share the fixture's app context, so `g` would carry one request's
    signed-in user into the next; in production every request gets a fresh `g`."""
    from flask import g

    for name in list(g):
        g.pop(name)


def _empty_all_tables() -> None:
    tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def regions(app):
    """Every province with its minimum wage, as `seed demo` creates them."""
    from disputes.seeding import seed_regions

    seed_regions()


@pytest.fixture
def make_user(app, regions):
    from tests.factories import make_user

    return make_user


@pytest.fixture
def file_case(app, regions):
    from tests.factories import file_case

    return file_case


@pytest.fixture
def auth(client, make_user):
    from tests.support import Auth

    return Auth(client, make_user)
