"""The inspectorate's pages: the queue, a matter with its clocks, history and events, the wage-arrears
clues; and the public report form (举报, anonymous allowed, 条例第九条)."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.errors import Conflict, ValidationFailed
from disputes.extensions import db
from disputes.inspection import bp
from disputes.inspection.clues import CLUE_FLAG_LABELS, clues_for
from disputes.inspection.forms import EVENT_FIELDS, data_from_form
from disputes.inspection.services import (
    apply_event, create_matter, deadlines, events_for, inspectors_of, matter_for, queue,
)
from disputes.lookups import region_choices
from disputes.permissions import capability_required
from disputes.timekeeping import local_today
from disputes.vocabulary import label
from workflows import inspection as track


@bp.route("/")
@capability_required("inspect")
def queue_page():
    state = request.args.get("state")
    matters = queue(current_user, state=state if state in track.STATES else None)
    today = local_today()
    return render_template("inspection/queue.html", matters=matters, state=state, states=track.STATES,
                           deadlines={m.id: deadlines(m, today) for m in matters})


@bp.route("/matters/<matter_no>")
def detail(matter_no: str):
    return _detail_page(matter_for(current_user, matter_no))


def _detail_page(matter, errors=None, chosen=None, status=200):
    events = events_for(current_user, matter)
    return render_template(
        "inspection/detail.html", matter=matter, deadlines=deadlines(matter), events=events,
        event_fields=EVENT_FIELDS, errors=errors or {}, chosen=chosen, form=request.form,
        inspectors=inspectors_of(matter.region_code) if events else [],
    ), status


@bp.route("/matters/<matter_no>/events", methods=["POST"])
@capability_required("inspect")
def fire_event(matter_no: str):
    matter = matter_for(current_user, matter_no)
    event = request.form.get("event", "")
    try:
        version = int(request.form.get("version", ""))
    except ValueError:
        version = None
    try:
        apply_event(matter, event, current_user, data_from_form(event, request.form), expected_version=version)
    except ValidationFailed as failure:
        db.session.rollback()
        return _detail_page(matter_for(current_user, matter_no), failure.errors, event, 422)
    except Conflict as conflict:
        db.session.rollback()
        flash(conflict.message, "error")
        return redirect(url_for("inspection.detail", matter_no=matter_no))
    flash(_("已记录：%(event)s", event=label(track.EVENT_LABELS, event)), "info")
    return redirect(url_for("inspection.detail", matter_no=matter_no))


@bp.route("/clues")
@capability_required("see_arrears_clues")
def clues_page():
    today = local_today()
    clues = clues_for(current_user, today)
    return render_template("inspection/clues.html", clues=clues, counts=track.clue_counts(clues),
                           statuses=track.CLUE_STATUSES, flag_labels=CLUE_FLAG_LABELS, today=today,
                           region_names=dict(region_choices()))


@bp.route("/report", methods=["GET", "POST"])
def report_page():
    """Anyone may report a violation, in their name or anonymously (条例第九条第一款、第三款)."""
    errors, status = {}, 200
    if request.method == "POST":
        form = request.form
        anonymous = form.get("anonymous") in ("1", "on")
        reporter = current_user if current_user.is_authenticated and current_user.role == "worker" else None
        region = form.get("region", "")
        try:
            if not region or region not in dict(region_choices()):
                raise ValidationFailed({"region": _("请选择用工所在的省份。")})
            filed = create_matter(
                "report", {"employer_name": form.get("employer_name"), "facts": form.get("facts"),
                           "place": form.get("place"), "employer_code": form.get("employer_code") or None,
                           "anonymous": anonymous, "violation_on": form.get("violation_on") or None},
                filed_by=None if anonymous else reporter, region_code=region,
                complainant_name=None if anonymous else (form.get("name") or None),
                complainant_phone=None if anonymous else (form.get("phone") or None),
                worker_count=_count(form.get("worker_count")))
        except ValidationFailed as failure:
            db.session.rollback()
            errors, status = failure.errors, 422
        else:
            return render_template("inspection/report_received.html", matter=filed.matter)
    return render_template("inspection/report.html", errors=errors, form=request.form,
                           regions=region_choices()), status


def _count(value) -> int:
    value = (value or "").strip()
    if not value:
        return 1
    if not value.isdigit() or not 1 <= int(value) <= 100000:
        raise ValidationFailed({"worker_count": _("人数应为 1 至 100000 的整数。")})
    return int(value)
