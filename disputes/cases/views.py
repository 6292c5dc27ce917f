"""The queue, the case page with its event buttons, and the life-cycle diagram."""
from __future__ import annotations

from dataclasses import replace

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.cases import bp
from disputes.cases.diagram import diagram_svg
from disputes.cases.event_forms import EVENT_FIELDS, event_data_from_form
from disputes.cases.page_reading import case_page
from disputes.cases.pages import case_page_context
from disputes.cases.queries import case_by_number
from disputes.cases.queues import COUNT_CAP, landing_scope, parse_filter, queue_page, scope_counts
from disputes.cases.services import apply_event, correct_particulars, reassign
from disputes.errors import Conflict, PermissionDenied, ValidationFailed
from disputes.permissions import capability_required, require_case_visible
from disputes.timekeeping import local_today
from disputes.vocabulary import event_label
from disputes.validation import whole_number


@bp.route("/cases")
@capability_required("work_queues")
def queue():
    today = local_today()
    wanted = parse_filter(request.args, current_user.role)
    counts = scope_counts(current_user, today)
    landed = None
    if not request.args.get("scope"):
        landed = landing_scope(current_user, counts)
        wanted = replace(wanted, scope=landed)
    page = queue_page(current_user, wanted, today)
    return render_template("cases/queue.html", page=page, wanted=wanted, today=today, counts=counts,
                           count_cap=COUNT_CAP, landed_on_unassigned=landed == "unassigned")


@bp.route("/cases/<case_no>")
def detail(case_no: str):
    return case_page(case_no, current_user)


@bp.route("/cases/<case_no>/events", methods=["POST"])
def fire_event(case_no: str):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    event = request.form.get("event", "")
    version = request.form.get("version", "")
    try:
        apply_event(
            case, event, current_user,
            expected_version=_version(version),
            note=request.form.get("note") or None,
            data=event_data_from_form(event, request.form) if event in EVENT_FIELDS else {},
        )
    except (ValidationFailed, Conflict, PermissionDenied) as refused:
        errors = getattr(refused, "errors", None) or {"event": refused.message}
        context = case_page_context(case_by_number(case_no), current_user, failed_event=event, errors=errors,
                                    submitted=request.form)
        return render_template("cases/detail.html", **context), refused.status
    flash(_("已记录：%(label)s", label=event_label(event)), "info")
    return redirect(url_for("cases.detail", case_no=case_no))


@bp.route("/cases/<case_no>/reassign", methods=["POST"])
def reassign_case(case_no: str):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    handler_id = request.form.get("handler", "")
    version = request.form.get("version", "")
    try:
        reassign(case, request.form.get("role", ""), whole_number(handler_id, minimum=1),
                 current_user, expected_version=_version(version),
                 reason=request.form.get("reason") or None)
    except (ValidationFailed, Conflict, PermissionDenied) as refused:
        errors = getattr(refused, "errors", None) or {"handler": refused.message}
        context = case_page_context(case_by_number(case_no), current_user, failed_event="reassign", errors=errors)
        return render_template("cases/detail.html", **context), refused.status
    flash(_("已改派承办人。"), "info")
    return redirect(url_for("cases.detail", case_no=case_no))


@bp.route("/cases/<case_no>/particulars", methods=["POST"])
def correct_case_particulars(case_no: str):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    try:
        changed = correct_particulars(case, current_user, request.form, expected_version=_version(request.form.get("version", "")))
    except (ValidationFailed, Conflict, PermissionDenied) as refused:
        errors = getattr(refused, "errors", None) or {"particulars": refused.message}
        context = case_page_context(case_by_number(case_no), current_user, failed_event="correct_particulars",
                                    errors=errors, submitted=request.form)
        return render_template("cases/detail.html", **context), refused.status
    flash(_("已保存当事人信息。") if changed else _("当事人信息没有变化。"), "info")
    return redirect(url_for("cases.detail", case_no=case_no) + "#parties-title")


@bp.route("/workflow")
def workflow():
    return render_template("cases/workflow.html")


@bp.route("/workflow.svg")
def workflow_svg():
    svg = diagram_svg()
    if svg is None:
        return Response(_("服务器未安装 graphviz，无法绘制流程图。"), status=503, mimetype="text/plain")
    return Response(svg, mimetype="image/svg+xml", headers={"Cache-Control": "public, max-age=3600"})


def _version(text: str) -> int:
    """The version the form was rendered with; an unreadable one is stale (-1 never matches)."""
    version = whole_number(text)
    return -1 if version is None else version
