"""What a worker runs for every job: `execute(kind, arguments)` inside the app, reporting progress.

The worker command (cli.py, `jobs worker`) builds the app once and hands it over with `serve`; each
job then runs in a work horse forked from that process, with a fresh database session. Connections
the parent may hold are not shared with the horse: the engine's pool is dropped (without closing
the parent's sockets) the first time a job runs in a new process.
"""
from __future__ import annotations

import os
import socket
import time
from typing import Any

_APP = None
_POOL_PID: int | None = None


def serve(app) -> None:
    """Remember the app jobs run in (called once by the worker, before it forks work horses)."""
    global _APP, _POOL_PID
    _APP = app
    _POOL_PID = os.getpid()


def execute(kind_name: str, arguments: dict[str, Any]) -> str:
    """Run one job of the kind with its arguments; the summary it returns is the job's result."""
    from flask import current_app, has_app_context

    app = _APP or (current_app._get_current_object() if has_app_context() else None)
    if app is None:
        raise RuntimeError("no app to run the job in: start workers with `flask --app wsgi jobs worker`")
    with app.app_context():
        _fresh_pool_after_fork()
        from disputes.extensions import db
        from disputes.jobs.kinds import KINDS
        from disputes.jobs.services import Progress

        from disputes.holidays.services import sync_published_calendar

        sync_published_calendar(force=True)  # an arrangement entered since the worker started counts
        job = _current_job()
        if job is not None:
            job.meta["runner"] = {"host": socket.gethostname(), "pid": os.getpid()}
            job.meta["attempts"] = [*job.meta.get("attempts", []), time.time()]  # when each run began
            job.save_meta()
        try:
            return KINDS[kind_name].run(Progress(save=_saver(job)), **arguments)
        finally:
            db.session.remove()


def enqueue_scheduled(kind_name: str) -> str:
    """The scheduler's job: enqueue the kind with its retries (a job of a moment; not listed on the page)."""
    from flask import current_app, has_app_context

    app = _APP or (current_app._get_current_object() if has_app_context() else None)
    with app.app_context():
        from disputes.jobs.services import enqueue

        return f"enqueued {kind_name} as {enqueue(kind_name).id}"


def _fresh_pool_after_fork() -> None:
    global _POOL_PID
    if _POOL_PID is not None and _POOL_PID != os.getpid():
        from disputes.extensions import db

        db.engine.dispose(close=False)  # the parent's connections stay the parent's
        _POOL_PID = os.getpid()


def _current_job():
    from rq import get_current_job

    return get_current_job()


def _saver(job):
    if job is None:
        return None

    def save(progress: dict[str, Any]) -> None:
        job.meta["progress"] = progress
        job.save_meta()

    return save
