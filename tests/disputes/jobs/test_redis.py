"""Redis as a real component: the start-up check, the shared status cache and one rate limit for all workers."""
from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
import uuid
from datetime import date

import pytest
from redis import Redis

from disputes import create_app
from disputes.extensions import redis_client
from disputes.reading_cache import ReadingCache
from tests.disputes.jobs.helpers import BIN, ROOT, free_port, server_env, stop, wait_for

DAY = date(2026, 12, 1)


def redis_key(key) -> str:
    """Where a test cache keeps `key` in the shared Redis."""
    return ReadingCache(1, 1, name="test", shared=None).redis_key(key)


def _serving_config(tmp_path, **extra):
    return {"INSTANCE_PATH": str(tmp_path / "serving"), "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'serving.sqlite3'}", **extra}


def test_the_web_server_refuses_to_start_without_redis(tmp_path, monkeypatch):
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    with pytest.raises(RuntimeError, match="REDIS_URL is not set"):
        create_app(_serving_config(tmp_path, REDIS_URL=None))
    with pytest.raises(RuntimeError, match="does not answer"):
        create_app(_serving_config(tmp_path, REDIS_URL=f"unix://{tmp_path / 'no-such.sock'}"))


def test_the_web_server_starts_with_redis_and_counts_limits_there(tmp_path, monkeypatch, redis_url):
    monkeypatch.delenv("FLASK_RUN_FROM_CLI", raising=False)
    app = create_app(_serving_config(tmp_path, REDIS_URL=redis_url))
    assert app.config["RATELIMIT_STORAGE_URI"].startswith(("redis+unix://", "redis://"))
    with redis_client(app) as client:
        assert client.ping()


@pytest.mark.slow
def test_commands_that_do_not_need_redis_work_without_it(tmp_path):
    env = {key: value for key, value in server_env_without_redis(tmp_path).items()}
    flask = [str(BIN / "flask"), "--app", "wsgi"]
    import subprocess

    for command in (["db", "upgrade"], ["user", "create", "ops", "--role", "admin", "--password", "Kestrel-Harbour-2026"],
                    ["backup", str(tmp_path / "b.tar.gz")]):
        done = subprocess.run(flask + command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    worker = subprocess.run(flask + ["jobs", "worker", "--burst"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert worker.returncode != 0 and "The job worker needs Redis, and REDIS_URL is not set" in worker.stderr


def server_env_without_redis(tmp_path) -> dict:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "FLASK_RUN_FROM_CLI", "DATABASE_URL")}
    return env | {"DISPUTES_INSTANCE_PATH": str(tmp_path / "cli"), "SECRET_KEY": "x"}


# The status cache, shared -------------------------------------------------------------------------------

class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def shared(redis_url):
    with Redis.from_url(redis_url) as client:
        yield client


def test_a_status_computed_by_one_process_is_answered_by_another(shared):
    first, second = ReadingCache(10, 60, shared=shared, name="test"), ReadingCache(10, 60, shared=shared, name="test")
    first.put(("2026-0000001", "zh_CN"), 3, DAY, {"state": "submitted", "timeline": [{"on": "2026-11-30"}]})
    entry = second.get(("2026-0000001", "zh_CN"))
    assert entry.value == {"state": "submitted", "timeline": [{"on": "2026-11-30"}]}
    assert entry.answers(3, DAY) and not entry.answers(4, DAY)
    assert len(second) == 1  # now also in the second process's near cache
    assert 0 < shared.ttl(redis_key(("2026-0000001", "zh_CN"))) <= 60


def test_a_shared_entry_expires_no_later_than_when_it_was_made(shared):
    wall, near = Clock(), Clock()
    ReadingCache(10, 60, shared=shared, wall_clock=wall, name="test").put("a", 1, DAY, {"s": 1})
    wall.now += 50
    reader = ReadingCache(10, 60, clock=near, shared=shared, wall_clock=wall, name="test")
    assert reader.get("a") is not None
    near.now += 11  # 61 seconds after it was computed: gone from the near cache too
    shared.delete(redis_key("a"))
    assert reader.get("a") is None


def test_a_newer_version_from_another_process_replaces_the_shared_entry(shared):
    first, second = ReadingCache(10, 60, shared=shared, name="test"), ReadingCache(10, 60, shared=shared, name="test")
    first.put("a", 1, DAY, {"state": "submitted"})
    second.put("a", 2, DAY, {"state": "in_mediation"})
    assert ReadingCache(10, 60, shared=shared, name="test").get("a").stamp == 2


def test_what_json_would_change_stays_in_the_process(shared):
    cache = ReadingCache(10, 60, shared=shared, name="test")
    cache.put("t", 1, DAY, {"actions": ("withdraw",)})
    assert shared.get(redis_key("t")) is None and cache.get("t").value == {"actions": ("withdraw",)}


def test_without_an_answering_redis_the_cache_keeps_working_in_the_process(tmp_path):
    broken = Redis(unix_socket_path=str(tmp_path / "gone.sock"), socket_connect_timeout=0.2)
    cache = ReadingCache(10, 60, shared=broken, name="test")
    cache.put("a", 1, DAY, {"s": 1})
    assert cache.get("a").value == {"s": 1}
    assert ReadingCache(10, 60, shared=broken, name="test").get("a") is None


@pytest.mark.redis
def test_portal_lookups_share_their_statuses_through_redis(app, client, file_case, redis_url):
    filed = file_case()
    case_no = filed.case.case_no
    answer = client.post("/api/v1/status", json={"case_no": case_no, "access_code": filed.access_code})
    assert answer.status_code == 200
    with Redis.from_url(redis_url) as shared:
        keys = [key.decode() for key in shared.keys("disputes:portal-status:*")]
        assert any(case_no in key for key in keys)
        stored = json.loads(shared.get(keys[0]))
    assert stored["stamp"].startswith(f"{filed.case.version}@") and stored["value"]["case_no"] == case_no



@pytest.mark.redis
def test_an_api_case_read_made_by_one_process_is_answered_by_the_others(app, client, auth, file_case, redis_url):
    from tests.support import selects_during

    _, headers = auth.token_for("mediator")
    case_no = file_case().case.case_no
    first = client.get(f"/api/v1/cases/{case_no}", headers=headers).get_json()
    app.extensions.pop("reading_cache:case-read")  # as another worker would start: nothing kept in its memory
    answers = []
    selects = selects_during(lambda: answers.append(client.get(f"/api/v1/cases/{case_no}", headers=headers)))
    assert answers[0].get_json() == first and len(selects) <= 2  # the token, the case's short row
    with Redis.from_url(redis_url) as shared:
        assert any(case_no in key.decode() for key in shared.keys("disputes:case-read:*"))

# One rate limit for every gunicorn worker ----------------------------------------------------------------

PID_APP = """
import os
from wsgi import app as flask_app

def app(environ, start_response):
    def tagged(status, headers, exc_info=None):
        return start_response(status, headers + [("X-Worker-Pid", str(os.getpid()))], exc_info)
    return flask_app(environ, tagged)
"""


@pytest.mark.slow
@pytest.mark.redis
def test_two_gunicorn_workers_share_one_limit(app, tmp_path):
    """The status lookup allows 10 a minute from one address. Twenty at once over two workers: ten pass."""
    import subprocess

    (tmp_path / "pid_wsgi.py").write_text(PID_APP)
    from disputes.extensions import db

    db.session.commit()
    port = free_port()
    env = server_env(app, PYTHONPATH=f"{tmp_path}:{ROOT}")
    server = subprocess.Popen([str(BIN / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--workers", "2",
                               "--threads", "1", "--preload", "pid_wsgi:app"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lambda: _answers(base + "/healthz"), seconds=60, what="gunicorn")
        # Both workers up before the count starts: on a loaded machine the second may boot late.
        booted = set()
        wait_for(lambda: booted.add(_worker_pid(base + "/healthz")) or len(booted - {None}) == 2, seconds=60,
                 what="both gunicorn workers")
        statuses, pids = [], set()

        def look_up(n):
            body = json.dumps({"case_no": f"2026-{n:07d}", "access_code": "WRONG-CODE1"}).encode()
            request = urllib.request.Request(base + "/api/v1/status", data=body,
                                             headers={"Content-Type": "application/json", "Connection": "close"})
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                    statuses.append(response.status)
                    pids.add(response.headers["X-Worker-Pid"])
            except urllib.error.HTTPError as error:
                statuses.append(error.code)
                pids.add(error.headers["X-Worker-Pid"])

        for round_ in range(2):
            threads = [threading.Thread(target=look_up, args=(round_ * 10 + n,)) for n in range(10)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        assert len(pids) == 2, "both workers answered"
        assert statuses.count(429) == 10 and len(statuses) == 20, sorted(statuses)
    finally:
        stop(server)


def _worker_pid(url: str) -> str | None:
    """The pid of the worker that answered a fresh connection, or None."""
    request = urllib.request.Request(url, headers={"Connection": "close"})
    try:
        with urllib.request.urlopen(request, timeout=1) as response:  # noqa: S310
            return response.headers["X-Worker-Pid"]
    except OSError:
        return None


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1):  # noqa: S310
            return True
    except OSError:
        return False
