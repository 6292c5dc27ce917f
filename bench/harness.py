"""Shared by the load benchmarks: a seeded instance, gunicorn on loopback, timed concurrent clients.

Traffic goes only to 127.0.0.1, for a fixed, bounded time, and stops by itself.
"""
from __future__ import annotations

import http.client
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")
FLASK = Path(sys.executable).with_name("flask")
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_instance(cases: int = 20, database_url: str | None = None) -> tuple[Path, dict]:
    """A migrated, seeded instance in a temporary folder, and the environment to serve it.

    SQLite in the folder by default. Given a PostgreSQL URL, the instance lives in a schema of its own
    (`bench_<pid>`, made afresh) of that database, so a test database's tables are never touched.
    """
    instance = Path(tempfile.mkdtemp(prefix="dd-bench-"))
    env = {**os.environ, "DISPUTES_INSTANCE_PATH": str(instance), "SECRET_KEY": "bench-secret",
           "DISPUTES_INSECURE_COOKIES": "1", "RATELIMIT_ENABLED": "0"}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = fresh_schema(database_url, f"bench_{os.getpid()}")
    for args in (["db", "upgrade"], ["seed", "demo", "--cases", str(cases)]):
        subprocess.run([str(FLASK), "--app", "wsgi", *args], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return instance, env


def database_url_of(instance: Path, env: dict) -> str:
    return env.get("DATABASE_URL") or f"sqlite:///{instance / 'disputes.sqlite3'}"


def fresh_schema(database_url: str, schema: str) -> str:
    """Drops and creates `schema` in a PostgreSQL database; returns a URL whose search_path is it."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url)
    with engine.begin() as connection:
        connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        connection.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    engine.dispose()
    url = sa.engine.make_url(database_url)
    return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)


def drop_schema(database_url: str) -> None:
    """Removes the schema a `fresh_schema` URL points at."""
    import sqlalchemy as sa

    url = sa.engine.make_url(database_url)
    schema = url.query["options"].removeprefix("-csearch_path=")
    engine = sa.create_engine(url.difference_update_query(["options"]))
    with engine.begin() as connection:
        connection.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    engine.dispose()


class Server:
    """gunicorn serving `app_spec` with `workers` sync workers on a free loopback port."""

    def __init__(self, app_spec: str, env: dict, workers: int = 2, threads: int = 1):
        self.port = free_port()
        # HARNESS_SERVER_LOG=path keeps gunicorn's error log (tracebacks of any 500) for a failing run.
        log_path = os.environ.get("HARNESS_SERVER_LOG")
        self.log = open(log_path, "ab") if log_path else None
        self.process = subprocess.Popen(
            [str(GUNICORN), "--bind", f"127.0.0.1:{self.port}", "--workers", str(workers), "--threads", str(threads),
             "--preload", "--log-level", "warning", app_spec],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
            stderr=self.log or subprocess.DEVNULL,
            start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{app_spec} did not start")

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, signal.SIGKILL)
        finally:
            if self.log:
                self.log.close()


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    by_kind: dict[str, list[float]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.by_kind.setdefault(kind, []).append(seconds)
            if not ok:
                self.errors += 1


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summarise(tally: Tally, seconds: float) -> dict:
    ms = lambda v: round(v * 1000, 2)  # noqa: E731
    return {
        "requests": len(tally.latencies), "errors": tally.errors,
        "throughput_rps": round(len(tally.latencies) / seconds, 1),
        "p50_ms": ms(percentile(tally.latencies, 0.5)), "p99_ms": ms(percentile(tally.latencies, 0.99)),
        "by_kind": {kind: {"n": len(v), "p50_ms": ms(percentile(v, 0.5)), "p99_ms": ms(percentile(v, 0.99))}
                    for kind, v in sorted(tally.by_kind.items())},
    }


def drive(port: int, connections: int, seconds: float, request_for) -> tuple[Tally, float]:
    """`connections` keep-alive clients, each sending request_for(client_index, rng) until time is up."""
    tally, stop_at = Tally(), time.perf_counter() + seconds

    def client(index: int) -> None:
        rng = random.Random(index)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while time.perf_counter() < stop_at:
            kind, method, path, body, headers, check = request_for(index, rng)
            started = time.perf_counter()
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                payload = response.read()
                ok = check(response.status, payload) if check else response.status < 400
            except (OSError, http.client.HTTPException):
                ok = False
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            tally.add(kind, time.perf_counter() - started, ok)
        connection.close()

    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.perf_counter() - started


def post_json(port: int, path: str, body: dict, headers: dict | None = None) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", path, body=json.dumps(body), headers={"Content-Type": "application/json", **(headers or {})})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, (json.loads(data) if data else {})
