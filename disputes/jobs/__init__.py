"""Background jobs on RQ (docs/jobs.md): the queue, the kinds of job, the worker, the schedule, and the
admins' page that lists queued, running, done and failed jobs with their progress and errors.

It sits above every feature (tests/test_architecture.py): its kinds call the notification sender,
the deadline check, the warning rules, the library's index and import, case documents and the
backup, and no feature imports it back. The composition root (cli.py) starts the worker and the
scheduler and enqueues from the command line.
"""
from flask import Blueprint, Flask

bp = Blueprint("jobs", __name__, url_prefix="/admin/jobs")


def init_app(app: Flask) -> None:
    from disputes.jobs import views  # noqa: F401  (routes)

    app.register_blueprint(bp)
