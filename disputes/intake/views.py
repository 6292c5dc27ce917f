"""The worker's complaint form (with drafts and photos), the mediator's form, the receipt, field checks."""
from __future__ import annotations

from flask import make_response, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.errors import NotAuthenticated, PermissionDenied, ValidationFailed
from disputes.evidence.services import Upload
from disputes.intake import bp
from disputes.intake.drafts import DRAFT_COOKIE, DRAFT_LIFETIME, discard_draft, load_draft, save_draft
from disputes.intake.forms import ComplaintForm
from disputes.intake.services import file_complaint
from disputes.lookups import region_choices
from disputes.permissions import can_file_for_worker, can_file_own_complaint

EXTRA_ROWS = {"more_workers": "workers", "more_respondents": "respondents", "more_claims": "claims"}
MAX_PHOTOS = 10


@bp.route("", methods=["GET", "POST"])
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


@bp.route("/resume/<token>")
def resume(token: str):
    """A resume link opened on another device: remember the draft there too, then show the form."""
    response = redirect(url_for("intake.worker_form"))
    if load_draft(token) is not None:
        _remember_draft(response, token)
    return response


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
    if not filed:
        return redirect(url_for("intake.worker_form"))
    return render_template("intake/receipt.html", filed=filed)


def _complaint_page(form: ComplaintForm, *, template: str, channel: str, draft_token: str | None = None,
                    restored: bool = False):
    form.region.choices = region_choices()
    wants_rows = next((field for button, field in EXTRA_ROWS.items() if button in request.form), None)
    if wants_rows is not None:
        getattr(form, wants_rows).append_entry()
        return render_template(template, form=form)
    if form.validate_on_submit():
        try:
            filed = file_complaint(form.to_payload(), filed_by=_filer(), channel=channel, uploads=_photos())
        except ValidationFailed as failure:
            form.attach_errors(failure.errors)
            return render_template(template, form=form, failed=True, photo_errors=_photo_errors(failure.errors)), 422
        session["receipt"] = {"case_no": filed.case.case_no, "access_code": filed.access_code}
        discard_draft(draft_token)
        response = redirect(url_for("intake.receipt"))
        response.delete_cookie(DRAFT_COOKIE)
        return response
    status = 422 if form.errors else 200
    return render_template(template, form=form, failed=bool(form.errors), restored=restored), status


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
