"""Starting real servers for the jobs and Redis tests: environments, ports, waiting, stopping."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(app, **extra) -> dict:
    """The environment of a process that serves the same database, instance and Redis as `app`."""
    env = {key: value for key, value in os.environ.items() if key != "FLASK_RUN_FROM_CLI"}
    env.update(DATABASE_URL=app.config["SQLALCHEMY_DATABASE_URI"], DISPUTES_INSTANCE_PATH=app.instance_path,
               SECRET_KEY=app.config["SECRET_KEY"], REDIS_URL=app.config["REDIS_URL"],
               JOBS_QUEUE=app.config["JOBS_QUEUE"], DISPUTES_INDEX_DIR=app.config["DISPUTES_INDEX_DIR"],
               DISPUTES_INSECURE_COOKIES="1", **extra)
    return env


def start_worker(app, log: Path) -> subprocess.Popen:
    """`flask jobs worker` as `make run` starts it, in its own process group, logging to `log`."""
    with log.open("ab") as output:  # the worker keeps its own copy of the descriptor
        return subprocess.Popen([str(BIN / "flask"), "--app", "wsgi", "jobs", "worker"], cwd=ROOT,
                                env=server_env(app), stdout=output, stderr=subprocess.STDOUT, start_new_session=True)


def kill_tree(process: subprocess.Popen, sig=signal.SIGKILL) -> None:
    """Send sig to the process and every process below it (RQ's work horse has a group of its own)."""
    pids = [process.pid]
    rows = subprocess.run(["ps", "-e", "-o", "pid=,ppid="], capture_output=True, text=True).stdout.split("\n")
    parents = [tuple(map(int, row.split())) for row in rows if row.strip()]
    for pid in pids:
        pids += [child for child, parent in parents if parent == pid and child not in pids]
    for pid in pids:
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        kill_tree(process, signal.SIGTERM)


def wait_for(condition, seconds: float = 60, every: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"timed out after {seconds}s waiting for {what}")
