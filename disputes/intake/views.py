"""The worker's complaint form (with drafts and photos), the mediator's form, the receipt, field checks."""
from __future__ import annotations

from flask import current_app, make_response, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.errors import NotAuthenticated, PermissionDenied, ValidationFailed
from disputes.evidence.services import Upload
from disputes.extensions import limiter
from disputes.intake import bp
from disputes.intake.drafts import DRAFT_COOKIE, DRAFT_LIFETIME, discard_draft, load_draft, resume_draft, save_draft
from disputes.intake.forms import ComplaintForm
from disputes.intake.services import AlreadyFiled, file_complaint
from disputes.lookups import region_choices
from disputes.permissions import can_file_for_worker, can_file_own_complaint
from disputes.security import seal_for_session, unseal_from_session

EXTRA_ROWS = {"more_workers": "workers", "more_respondents": "respondents", "more_claims": "claims"}
MAX_PHOTOS = 10
# The receipt's access code rides in the session cookie sealed, and only this long.
RECEIPT_SECONDS = 3600


def _filing_limit() -> str:
    return current_app.config["ANONYMOUS_FILING_LIMIT"]


def _filed(response) -> bool:
    """Only a complaint actually filed counts: adding rows, saving drafts and fixing errors cost nothing."""
    return response.status_code == 302 and response.location.endswith(url_for("intake.receipt"))


@bp.route("", methods=["GET", "POST"])
@limiter.limit(_filing_limit, methods=["POST"], deduct_when=_filed, exempt_when=lambda: current_user.is_authenticated)
def worker_form():
    if not can_file_own_complaint(current_user):
        return redirect(url_for("intake.staff_form"))
    draft_token = request.cookies.get(DRAFT_COOKIE)
    if request.method == "POST" and "save_draft" in request.form:
        return _saved_draft(save_draft(request.form, draft_token))
    restored = load_draft(draft_token) if request.method == "GET" else None
    form = ComplaintForm(formdata=restored) if restored is not None else ComplaintForm()
    return _complaint_page(form, template="intake/worker_form.html", channel="web",
                           draft_token=draft_token, restored=restored is not None)


def _resume_limit() -> str:
    return current_app.config["STATUS_LOOKUP_LIMIT"]


@bp.route("/resume", methods=["GET", "POST"])
@limiter.limit(_resume_limit, methods=["POST"])
def resume():
    """On another device: the resume code (and the draft's phone number) typed in a form, never in
    the address, so it lands in no access log; then the draft is remembered there and shown."""
    error = None
    if request.method == "POST":
        token = resume_draft(request.form.get("code"), request.form.get("phone"))
        if token is not None:
            response = redirect(url_for("intake.worker_form"))
            _remember_draft(response, token)
            return response
        error = _("续填码或手机号码不正确，或草稿已过期（草稿保存 30 天）。")
    return render_template("intake/resume.html", error=error), (422 if error else 200)


@bp.route("/on-behalf", methods=["GET", "POST"])
def staff_form():
    if not current_user.is_authenticated:
        raise NotAuthenticated(_("请先登录。"))
    if not can_file_for_worker(current_user):
        raise PermissionDenied(_("只有调解员、仲裁员或管理员可以代劳动者登记。"))
    form = ComplaintForm()
    if request.method == "GET":
        form.workers.append_entry()
        form.workers.append_entry()
    return _complaint_page(form, template="intake/staff_form.html", channel="mediator")


@bp.route("/receipt")
def receipt():
    filed = session.pop("receipt", None)
    if not isinstance(filed, dict):
        return redirect(url_for("intake.worker_form"))
    code = unseal_from_session(filed.get("access_code"), RECEIPT_SECONDS)
    matter_code = unseal_from_session(filed.get("matter_code"), RECEIPT_SECONDS)
    if code is None and (matter_code is None and not filed.get("matter_no")):
        return redirect(url_for("intake.worker_form"))
    return render_template("intake/receipt.html", filed={
        "case_no": filed.get("case_no") if code else None, "access_code": code,
        "matter_no": filed.get("matter_no"), "matter_code": matter_code})


def _complaint_page(form: ComplaintForm, *, template: str, channel: str, draft_token: str | None = None,
                    restored: bool = False):
    form.region.choices = region_choices()
    wants_rows = next((field for button, field in EXTRA_ROWS.items() if button in request.form), None)
    if wants_rows is not None:
        getattr(form, wants_rows).append_entry()
        return render_template(template, form=form)
    if not form.submission_key.data:  # a draft saved before forms carried a key
        form.submission_key.data = form.submission_key.default()
    if form.validate_on_submit():
        try:
            filed = file_complaint(form.to_payload(), filed_by=_filer(), channel=channel, uploads=_photos(),
                                   submission_key=form.submission_key.data)
        except AlreadyFiled as already:
            return _already_filed(already.number, draft_token)
        except ValidationFailed as failure:
            form.attach_errors(failure.errors)
            return render_template(template, form=form, failed=True, photo_errors=_photo_errors(failure.errors)), 422
        # The code is sealed: the session cookie is signed, not encrypted, and anyone holding it could read it.
        session["receipt"] = {
            "case_no": filed.case.case_no if filed.case else None,
            "access_code": seal_for_session(filed.access_code) if filed.access_code else None,
            "matter_no": filed.matter.matter_no if filed.matter else None,
            "matter_code": seal_for_session(filed.matter_access_code) if filed.matter_access_code else None,
        }
        discard_draft(draft_token)
        response = redirect(url_for("intake.receipt"))
        response.delete_cookie(DRAFT_COOKIE)
        return response
    status = 422 if form.errors else 200
    return render_template(template, form=form, failed=bool(form.errors), restored=restored), status


def _already_filed(case_no: str, draft_token: str | None):
    """The form came again after its complaint was filed: the receipt if this browser still holds it,
    else the case number and how to get a code; never a second case."""
    discard_draft(draft_token)
    filed = session.get("receipt")
    if isinstance(filed, dict) and case_no in (filed.get("case_no"), filed.get("matter_no")):
        return redirect(url_for("intake.receipt"))
    response = make_response(render_template("intake/already_filed.html", case_no=case_no))
    response.delete_cookie(DRAFT_COOKIE)
    return response


def _photos() -> list[Upload]:
    files = [f for f in request.files.getlist("evidence") if f and f.filename]
    if len(files) > MAX_PHOTOS:
        raise ValidationFailed({"evidence": _("一次最多上传 %(n)d 个文件。", n=MAX_PHOTOS)})
    return [Upload(f.filename, f.read()) for f in files]


def _photo_errors(errors: dict[str, str]) -> list[str]:
    messages = [message for field, message in errors.items() if field.startswith("evidence")]
    if messages:
        messages.append(_("为安全起见，浏览器不会保留已选的照片，请重新选择后再提交。"))
    return messages


def _saved_draft(token: str):
    response = make_response(render_template("intake/draft_saved.html", token=token))
    _remember_draft(response, token)
    return response


def _remember_draft(response, token: str) -> None:
    response.set_cookie(DRAFT_COOKIE, token, max_age=int(DRAFT_LIFETIME.total_seconds()), httponly=True,
                        samesite="Lax", secure=request.is_secure)


def _filer():
    return current_user if current_user.is_authenticated else None
