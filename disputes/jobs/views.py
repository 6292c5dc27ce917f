"""The jobs page for admins: queued, running, done and failed jobs with progress and errors."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from disputes.extensions import RedisUnavailable
from disputes.jobs import bp
from disputes.jobs.kinds import KINDS
from disputes.jobs.services import STATES, enqueue, list_jobs
from disputes.permissions import capability_required

# Kinds an admin may start from the page: those that need no arguments.
STARTABLE = ("send_notifications", "check_deadlines", "run_warnings", "reindex", "probe")
STATE_LABELS = {"queued": _l("排队中"), "running": _l("运行中"), "done": _l("已完成"), "failed": _l("失败")}


@bp.route("")
@capability_required("administer")
def index():
    try:
        jobs, unavailable = list_jobs(), None
    except RedisUnavailable as missing:
        jobs, unavailable = {state: [] for state in STATES}, str(missing)
    busy = bool(jobs["queued"] or jobs["running"])
    return render_template("jobs/index.html", jobs=jobs, states=STATES, kinds=KINDS, startable=STARTABLE,
                           unavailable=unavailable, busy=busy,
                           state_labels=STATE_LABELS)


@bp.route("", methods=["POST"])
@capability_required("administer")
def start():
    kind = request.form.get("kind")
    if kind not in STARTABLE:
        flash(_("没有这种任务。"), "error")
        return redirect(url_for("jobs.index"))
    try:
        job = enqueue(kind)
    except RedisUnavailable:
        flash(_("任务队列暂时不可用（Redis 没有响应），任务没有加入。"), "error")
    else:
        flash(_("已加入队列：%(label)s（%(id)s）", label=KINDS[kind].label, id=job.id[:8]), "success")
    return redirect(url_for("jobs.index"))
