"""The queue: enqueue a kind of job, run one inline, report progress, list jobs, recover the abandoned.

Jobs are RQ jobs on one queue (JOBS_QUEUE) in the Redis of REDIS_URL. Each runs `runner.execute`
with its kind's name and arguments, so a job carries no pickled object of ours, only names and
plain values. A failed job is tried again after each of JOBS_RETRY_INTERVALS seconds; a job whose
worker was killed is put back at the front of the queue (`requeue_abandoned`, run when a worker
starts and every minute by it), so nothing is lost: jobs may run more than once and every kind
is written to be safe to repeat.
"""
from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from flask import current_app

from disputes.extensions import redis_client, require_redis

PROGRESS_EVERY_SECONDS = 0.5  # how often a running job writes its progress to Redis at most


class Progress:
    """What a job reports while it runs: how far (done of total) and a short note.

    `on_change(done, total, note)` receives every change (the CLI's progress bar); `save` is called
    at most every PROGRESS_EVERY_SECONDS, and at the end, to publish it (a worker's job meta).
    """

    def __init__(self, on_change: Callable[[int, int | None, str], None] | None = None,
                 save: Callable[[dict[str, Any]], None] | None = None):
        self.done = 0
        self.total: int | None = None
        self.note = ""
        self._on_change = on_change
        self._save = save
        self._saved_at = 0.0

    def start(self, total: int | None, note: str = "") -> None:
        self.total, self.note = total, note or self.note
        self._changed(force=True)

    def advance(self, steps: int = 1, note: str | None = None) -> None:
        self.done += steps
        if note is not None:
            self.note = note
        self._changed()

    def finish(self, note: str | None = None) -> None:
        if self.total is None:
            self.total = self.done
        self.done = max(self.done, self.total)
        if note is not None:
            self.note = note
        self._changed(force=True)

    def as_dict(self) -> dict[str, Any]:
        return {"done": self.done, "total": self.total, "note": self.note}

    def _changed(self, force: bool = False) -> None:
        if self._on_change:
            self._on_change(self.done, self.total, self.note)
        now = time.monotonic()
        if self._save and (force or now - self._saved_at >= PROGRESS_EVERY_SECONDS):
            self._saved_at = now
            self._save(self.as_dict())


def connection(app=None):
    """The Redis client the queue lives in; RedisUnavailable (with what to do) without one."""
    app = app or current_app
    require_redis(app, "Background jobs")
    return redis_client(app)


def queue(app=None):
    from rq import Queue

    app = app or current_app
    return Queue(app.config["JOBS_QUEUE"], connection=connection(app))


def retry_policy(app=None):
    from rq import Retry

    intervals = list((app or current_app).config["JOBS_RETRY_INTERVALS"])
    return Retry(max=len(intervals), interval=intervals) if intervals else None


def job_options(kind_name: str, app=None) -> dict[str, Any]:
    """What every enqueue of a kind passes to RQ: timeout, retries with backoff, how long it stays listed."""
    from disputes.jobs.kinds import KINDS

    app = app or current_app
    keep = app.config["JOBS_KEEP_SECONDS"]
    return {"job_timeout": KINDS[kind_name].timeout, "retry": retry_policy(app), "result_ttl": keep,
            "failure_ttl": keep, "description": kind_name, "meta": {"kind": kind_name}}


def enqueue(kind_name: str, /, **arguments: Any):
    """Put a job of the kind on the queue; returns the RQ job (its id is what the page and CLI show)."""
    from disputes.jobs.kinds import KINDS
    from disputes.jobs.runner import execute

    if kind_name not in KINDS:
        raise KeyError(f"no job kind {kind_name!r}")
    return queue().enqueue(execute, kind_name, arguments, **job_options(kind_name))


def run_inline(kind_name: str, /, on_change: Callable[[int, int | None, str], None] | None = None,
               **arguments: Any) -> str:
    """Run a kind here and now (the CLI's --inline, and where there is no Redis); returns its summary."""
    from disputes.jobs.kinds import KINDS

    return KINDS[kind_name].run(Progress(on_change=on_change), **arguments)


# What the page lists ---------------------------------------------------------------------------------

STATES = ("queued", "running", "done", "failed")
EXECUTE = "disputes.jobs.runner.execute"  # the scheduler's own small jobs (runner.enqueue_scheduled) are not listed


@dataclass
class JobRow:
    id: str
    kind: str
    state: str
    arguments: dict[str, Any]
    progress: dict[str, Any]
    enqueued_at: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    result: str | None
    error: str | None
    retries_left: int | None

    @property
    def percent(self) -> int | None:
        done, total = self.progress.get("done"), self.progress.get("total")
        if not total:
            return 100 if self.state == "done" else None
        return max(0, min(100, round(100 * (done or 0) / total)))


def list_jobs(limit: int = 50) -> dict[str, list[JobRow]]:
    """The newest jobs of each state: queued (with those waiting for a retry), running, done, failed."""
    from rq.job import Job
    from rq.registry import FailedJobRegistry, FinishedJobRegistry, ScheduledJobRegistry, StartedJobRegistry

    jobs_queue = queue()
    ids = {
        "queued": jobs_queue.get_job_ids(0, limit - 1) + ScheduledJobRegistry(queue=jobs_queue).get_job_ids(0, limit - 1),
        "running": StartedJobRegistry(queue=jobs_queue).get_job_ids(0, limit - 1),
        "done": FinishedJobRegistry(queue=jobs_queue).get_job_ids(0, limit - 1, desc=True),
        "failed": FailedJobRegistry(queue=jobs_queue).get_job_ids(0, limit - 1, desc=True),
    }
    listed = {}
    for state, job_ids in ids.items():
        fetched = Job.fetch_many(job_ids, connection=jobs_queue.connection)
        listed[state] = [_row(job, state) for job in fetched if job is not None and job.func_name == EXECUTE]
    return listed


def _row(job, state: str) -> JobRow:
    args = job.args or ("?", {})
    error = None
    if state == "failed" or (state == "queued" and job.get_status(refresh=False) == "scheduled"):
        result = job.latest_result()
        error = result.exc_string.strip().splitlines()[-1] if result is not None and result.exc_string else None
    result = job.return_value() if state == "done" else None
    return JobRow(id=job.id, kind=str(args[0]), state=state, arguments=dict(args[1]) if len(args) > 1 else {},
                  progress=dict(job.meta.get("progress") or {}), enqueued_at=job.enqueued_at,
                  started_at=job.started_at, ended_at=job.ended_at,
                  result=str(result) if result is not None else None, error=error, retries_left=job.retries_left)


def fetch(job_id: str):
    from rq.exceptions import NoSuchJobError
    from rq.job import Job

    try:
        return Job.fetch(job_id, connection=connection())
    except NoSuchJobError:
        return None


# Recovering from a killed worker ------------------------------------------------------------------------

def requeue_abandoned(jobs_queue) -> list[str]:
    """Put back at the front of the queue every started job whose worker and work horse are dead.

    A worker on this host is dead when its process is gone; one elsewhere when its Redis key has
    expired (RQ's own clean-up then also moves its jobs on once their heartbeat runs out). The job
    is not counted as a failure: it did nothing wrong, its process died.
    """
    from rq.exceptions import NoSuchJobError
    from rq.job import Job
    from rq.registry import StartedJobRegistry

    registry = StartedJobRegistry(queue=jobs_queue)
    requeued = []
    for job_id in registry.get_job_ids(cleanup=False):
        try:
            job = Job.fetch(job_id, connection=jobs_queue.connection)
        except NoSuchJobError:
            continue
        if _still_running(job, jobs_queue.connection):
            continue
        with jobs_queue.connection.pipeline() as pipeline:
            registry.remove_executions(job, pipeline=pipeline)
            pipeline.execute()
        job.started_at = None
        job.meta["requeued_after_kill"] = job.meta.get("requeued_after_kill", 0) + 1
        job.save()
        jobs_queue.enqueue_job(job, at_front=True)
        requeued.append(job.id)
    return requeued


def _still_running(job, redis) -> bool:
    from rq.worker import Worker

    runner = job.meta.get("runner") or {}
    here = socket.gethostname()
    if runner.get("host") == here and _alive(runner.get("pid")):
        return True  # the work horse lives on (only its parent was killed): let it finish
    worker = Worker.find_by_key(Worker.redis_worker_namespace_prefix + (job.worker_name or ""), connection=redis) \
        if job.worker_name else None
    if worker is None:
        return False
    if worker.hostname == here:
        return _alive(worker.pid)
    return True


def _alive(pid: Any) -> bool:
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return not _zombie(pid)


def _zombie(pid: int) -> bool:
    """Whether the process has exited but not been reaped. A killed worker's work horse is handed to
    PID 1, and in a container PID 1 often never reaps it: os.kill(pid, 0) still succeeds on it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False  # no /proc (not Linux) or the process just went: os.kill answered for it
    # The state follows the command name, which is in parentheses and may itself hold ") ".
    return stat[stat.rfind(")") + 2:][:1] in ("Z", "X")
