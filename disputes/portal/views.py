"""Portal pages: look up, see the status, upload and download evidence, act (withdrawing only after a
confirmation page), download notices."""
from __future__ import annotations

import re

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from disputes.validation import whole_number
from disputes.vocabulary import event_label
from disputes.case_documents.services import worker_pdf
from disputes.cases.services import apply_event
from disputes.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from disputes.evidence.services import Upload, add_evidence
from disputes.evidence.views import evidence_response
from disputes.database import read_only
from disputes.extensions import limiter
from disputes.portal import bp
from disputes.portal.limits import (
    case_and_address_key, case_limit, case_number_key, lookup_limit, reset_limit, wrong_code,
)
from disputes.portal.plain_words import ACTION_TITLES, CONFIRMED_ACTIONS, WORKER_ACTIONS
from disputes.portal.services import (
    close_portal_session, contact_for_worker, evidence_for_worker, evidence_on_case, limitation_running, lookup,
    may_withdraw, open_portal_session, portal_case, portal_matter, reset_access_code, status_for_worker,
    withdraw_complaint,
)
from disputes.inspection.matter_documents import COMPLAINT_NOTICES, complainant_documents, matter_pdf
from disputes.inspection.services import deadlines, is_matter_number, lookup_with_code

CASE_NUMBER_SHAPE = re.compile(r"J?\d{4}-\d{1,10}")


@bp.route("", methods=["GET", "POST"])
@read_only("portal.lookup_page")
@limiter.limit(lookup_limit, methods=["POST"])
@limiter.limit(case_limit, methods=["POST"], key_func=case_and_address_key, deduct_when=wrong_code)
def lookup_page():
    error = None
    if request.method == "POST":
        number, code = request.form.get("case_no"), request.form.get("access_code")
        try:
            if is_matter_number(number):  # an inspection complaint filed without a dispute (J2026-…)
                open_portal_session(matter_id=lookup_with_code(number, code).id)
                return redirect(url_for("portal.matter_page"))
            case = lookup(number, code)
        except NotFound as not_found:
            error = not_found.message
        else:
            open_portal_session(case.id)
            return redirect(url_for("portal.case_page"))
    shown = request.form if request.method == "POST" else {"case_no": _prefilled_number(request.args.get("case_no"))}
    return render_template("portal/lookup.html", error=error, form=shown), (404 if error else 200)


def _prefilled_number(value: object) -> str:
    """The case or complaint number a receipt's link carries (`?case_no=2026-0000123`), to spare the
    worker typing it; only something shaped like a number, never an access code in an address."""
    text = value.strip().upper() if isinstance(value, str) else ""
    return text if CASE_NUMBER_SHAPE.fullmatch(text) else ""


@bp.route("/matter")
def matter_page():
    """A complaint to the labour inspectorate: where it stands, its clocks and what happened, in plain words."""
    matter = portal_matter()
    if matter is None:
        flash(_("请输入案件编号和查询码。"), "info")
        raise _BackToLookup()
    return render_template("portal/matter.html", matter=matter, deadlines=deadlines(matter),
                           notices=complainant_documents(matter))


@bp.route("/matter/documents/<kind>.pdf")
def matter_document(kind: str):
    """The notice answering the complaint (accepted or not); the order served on the employer is not the worker's."""
    matter = portal_matter()
    if matter is None:
        raise _BackToLookup()
    if kind not in COMPLAINT_NOTICES:
        raise NotFound(_("没有这种文书。"))
    return Response(matter_pdf(matter, kind), mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{matter.matter_no}-{kind}.pdf"', "Cache-Control": "private, no-store"})


@bp.route("/case")
def case_page():
    return _case_page(_scoped_case())


def _case_page(case, errors=None, status: int = 200):
    return render_template("portal/case.html", case=case, status=status_for_worker(case),
                           evidence=evidence_for_worker(case), errors=errors, action_titles=ACTION_TITLES), status


@bp.route("/case/evidence", methods=["POST"])
def upload_evidence():
    case = _scoped_case()
    files = [f for f in request.files.getlist("evidence") if f and f.filename]
    if not files:
        flash(_("请先选择要上传的照片或文件。"), "error")
        return redirect(url_for("portal.case_page"))
    try:
        for file in files:
            add_evidence(case, Upload(file.filename, file.read(), request.form.get("description")), by=None)
    except ValidationFailed as refused:
        return _case_page(case, refused.errors, 422)
    flash(_("已上传 %(n)d 个文件。", n=len(files)), "info")
    return redirect(url_for("portal.case_page"))


@bp.route("/case/actions", methods=["POST"])
def act():
    case = _scoped_case()
    event = request.form.get("event", "")
    if event not in WORKER_ACTIONS:
        raise ValidationFailed({"event": _("不能进行这个操作。")})
    if event == "withdraw":  # irreversible: only ever through the confirmation
        return _withdraw(case)
    if event in CONFIRMED_ACTIONS and request.form.get("confirmed") != "yes":
        # A tap on the case page (or a form from elsewhere) only opens the page that explains the step.
        return redirect(url_for("portal.confirm_action", event=event))
    seen = whole_number(request.form.get("version"), minimum=1)
    try:
        apply_event(case, event, None, expected_version=seen if seen is not None else case.version,
                    data={"reason": request.form.get("reason")} if request.form.get("reason") else {})
    except (ValidationFailed, Conflict, PermissionDenied) as refused:
        errors = getattr(refused, "errors", None) or {"event": refused.message}
        return _case_page(case, errors, refused.status)
    flash(_("已办理：%(label)s", label=event_label(event)), "info")
    return redirect(url_for("portal.case_page"))


@bp.route("/case/confirm/<event>")
def confirm_action(event: str):
    """What applying for arbitration or for legal aid means, in plain words, and the button that does it."""
    case = _scoped_case()
    if event not in CONFIRMED_ACTIONS:
        raise NotFound(_("没有找到您要的页面或记录。"))
    status = status_for_worker(case)
    if event not in status["actions"]:
        flash(_("这个案件现在不能办理这一步。"), "error")
        return redirect(url_for("portal.case_page"))
    return render_template("portal/confirm_action.html", case=case, status=status, event=event,
                           contact=contact_for_worker(case), title=ACTION_TITLES[event])


@bp.route("/case/withdraw", methods=["GET", "POST"])
def withdraw():
    """What withdrawing means, and a checkbox the worker must tick; only then is the complaint withdrawn."""
    case = _scoped_case()
    if request.method == "POST":
        return _withdraw(case)
    if not may_withdraw(case):
        flash(_("这个案件现在不能撤回。"), "error")
        return redirect(url_for("portal.case_page"))
    return _withdraw_page(case)


def _withdraw(case):
    try:
        withdraw_complaint(case, confirmation=request.form.get("confirm"), reason=request.form.get("reason"),
                           seen_version=request.form.get("version"))
    except ValidationFailed as refused:
        return _withdraw_page(case, refused.errors, refused.status)
    except (Conflict, PermissionDenied) as refused:
        return _withdraw_page(case, {"event": _withdraw_refusal(case, refused)}, refused.status)
    flash(_("您已撤回申请，案件到此结束。"), "info")
    return redirect(url_for("portal.case_page"))


def _withdraw_refusal(case, refused) -> str:
    if may_withdraw(case):  # the case changed while the worker read the page: they see it as it is now
        return _("案件在您阅读期间有了新进展，请看一下现在的情况，再决定是否撤回。")
    return _("这个案件现在不能撤回。")


def _withdraw_page(case, errors=None, status: int = 200):
    return render_template("portal/withdraw.html", case=case, status=status_for_worker(case),
                           contact=contact_for_worker(case), limitation=limitation_running(case),
                           allowed=may_withdraw(case), form=request.form, errors=errors or {}), status


@bp.route("/case/evidence/<int:evidence_id>")
def evidence_file(evidence_id: int):
    """One of the scoped case's files, served as the staff route serves it (attachment, sandboxed)."""
    return evidence_response(evidence_on_case(_scoped_case(), evidence_id))


@bp.route("/case/documents/<kind>.pdf")
def document(kind: str):
    case = _scoped_case()
    data = worker_pdf(case, kind)
    return Response(data, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{case.case_no}-{kind}.pdf"', "Cache-Control": "private, no-store"})


@bp.route("/logout", methods=["POST"])
def leave():
    close_portal_session()
    flash(_("已退出查询。"), "info")
    return redirect(url_for("portal.lookup_page", left=1))


@bp.route("/reset", methods=["GET", "POST"])
@limiter.limit(lookup_limit, methods=["POST"])
@limiter.limit(reset_limit, methods=["POST"], key_func=case_number_key)
def reset_code():
    sent = False
    if request.method == "POST":
        reset_access_code(request.form.get("case_no"), request.form.get("phone"))
        sent = True
    return render_template("portal/reset.html", sent=sent)


def _scoped_case():
    case = portal_case()
    if case is None:
        flash(_("请输入案件编号和查询码。"), "info")
        raise _BackToLookup()
    return case


class _BackToLookup(Exception):
    """Raised when the portal session is missing or expired: back to the lookup form."""


@bp.errorhandler(_BackToLookup)
def _back_to_lookup(_error):
    return redirect(url_for("portal.lookup_page"))
