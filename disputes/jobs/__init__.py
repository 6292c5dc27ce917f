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
    from disputes.event_hooks import CALENDAR_CHANGED, register_hook
    from disputes.jobs import views  # noqa: F401  (routes)

    app.register_blueprint(bp)
    register_hook(app, CALENDAR_CHANGED, "jobs.check_deadlines", _check_deadlines_again, order=10)


def _check_deadlines_again(_payload) -> str:
    """A new holiday arrangement moves due dates: recompute every open case's in the background."""
    from flask_babel import gettext as _

    from redis.exceptions import RedisError

    from disputes.extensions import RedisUnavailable
    from disputes.jobs.services import enqueue

    try:
        job = enqueue("check_deadlines")
    except (RedisUnavailable, RedisError):
        return _("没有可用的后台任务队列：请运行 flask --app wsgi deadlines check，使各在办案件的期限按新安排重算。")
    return _("已排队重算各在办案件的期限（后台任务 %(id)s）。", id=job.id)
