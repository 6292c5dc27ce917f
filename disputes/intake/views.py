"""The worker's complaint in steps (each saved as a draft, photos kept with it), the mediator's
one-page form, the receipt.

Every step is a plain form POST: the server checks that step's answers, saves the draft and shows
the next step, so the whole journey works without JavaScript; static/js/intake.js only makes it
smoother (rows added in place, the send button showing progress).
"""
from __future__ import annotations

from datetime import timedelta

from flask import current_app, g, make_response, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import validate_csrf
from wtforms.validators import ValidationError as CSRFError
from werkzeug.datastructures import MultiDict

from disputes.errors import NotAuthenticated, PermissionDenied, ValidationFailed
from disputes.evidence.services import Upload
from disputes.extensions import limiter
from disputes.intake import bp
from disputes.intake.drafts import (
    DRAFT_COOKIE, DRAFT_LIFETIME, discard_draft, keep_receipt_instead, kept_receipt, load_draft, resume_draft,
    save_draft,
)
from disputes.intake.drafts.photos import (
    MAX_PHOTOS, held_photos, kept_photos, photo_uploads, seal_held_photos, store_photos, without_photo,
)
from disputes.intake.drafts.steps import (
    CHECK, FIRST, STEP_NAMES, STEPS, Step, first_unfinished, intake_problems, page_position, step_after,
    step_before, step_holding, step_named, step_problems, with_step_answers,
)
from disputes.intake.forms import ComplaintForm, WorkerComplaintForm
from disputes.intake.services import AlreadyFiled, file_complaint
from disputes.lookups import region_choices
from disputes.permissions import can_file_for_worker, can_file_own_complaint
from disputes.security import seal_for_session, unseal_from_session
from disputes.templating import field_errors
from disputes.timekeeping import local_today
from workflows import deadlines as case_deadlines
from workflows.inspection import deadlines as matter_deadlines

EXTRA_ROWS = {"more_workers": "workers", "more_respondents": "respondents", "more_claims": "claims"}
EVIDENCE = step_named("evidence")
# The receipt's access code rides in the session cookie sealed, and only this long.
RECEIPT_SECONDS = 3600


def _filing_limit() -> str:
    return current_app.config["ANONYMOUS_FILING_LIMIT"]


def _filed(response) -> bool:
    """Only a complaint actually filed counts: adding rows, saving drafts and fixing errors cost nothing."""
    return response.status_code == 302 and response.location.endswith(url_for("intake.receipt"))


def _not_counted() -> bool:
    """Signed-in people are not throttled; on the steps, only a post carrying photos counts."""
    chosen = any(f and f.filename for f in request.files.getlist("evidence"))
    return current_user.is_authenticated or (request.endpoint == "intake.step" and not chosen)


@bp.route("")
def worker_form():
    """The start: a new complaint at its first step, or a saved draft where it was left."""
    if not can_file_own_complaint(current_user):
        return redirect(url_for("intake.staff_form"))
    draft = load_draft(request.cookies.get(DRAFT_COOKIE))
    form = _worker_form(draft)
    step = first_unfinished(form) if draft is not None else FIRST
    return _step_page(form, step, restored=draft is not None)


@bp.route(f"/<any({', '.join(STEP_NAMES[:-1])}):name>", methods=["GET", "POST"])
@limiter.limit(_filing_limit, methods=["POST"], exempt_when=_not_counted)
def step(name: str):
    if not can_file_own_complaint(current_user):
        return redirect(url_for("intake.staff_form"))
    return _step(step_named(name))


@bp.route("/check", methods=["GET", "POST"])
@limiter.limit(_filing_limit, methods=["POST"], deduct_when=_filed, exempt_when=_not_counted)
def check():
    """Check your answers, choose how the complaint is handled, and send it: filed once whatever
    arrives twice (the submission key; intake.services.file_complaint)."""
    if not can_file_own_complaint(current_user):
        return redirect(url_for("intake.staff_form"))
    return _step(CHECK)


def _step(step: Step):
    token = request.cookies.get(DRAFT_COOKIE)
    draft = load_draft(token)
    if request.method == "GET":
        form = _worker_form(draft)
        shown = step_problems(form, step) if request.args.get("show") == "errors" else {}
        return _step_page(form, step, problems=shown)
    return _step_sent(step, token, with_step_answers(draft, request.form, step))


def _step_sent(step: Step, token: str | None, answers: MultiDict):
    """A step's form sent: kept unchecked when the worker saves, adds a row or goes elsewhere;
    checked, saved and on to the next step when the worker goes on; filed from the check page."""
    form = _worker_form(answers)
    _keep_submission_key(answers, form)
    try:
        photos = _photos_after(step, token)
    except ValidationFailed as failure:
        return _step_page(form, step, problems=failure.errors, status=422)
    records = [photo.record for photo in photos] if step is EVIDENCE else None
    if "save_draft" in request.form:
        return _saved_draft(save_draft(answers, token, photos=records))
    wants_rows = next((rows for button, rows in EXTRA_ROWS.items() if button in request.form), None)
    elsewhere = _step_asked_for(step)
    if wants_rows is not None:
        getattr(form, wants_rows).append_entry()
        return _remembered(make_response(_step_page(form, step)), save_draft(answers, token, photos=records))
    if elsewhere is not None or "remove_photo" in request.form:
        return _remembered(redirect(_step_url(elsewhere or step)), save_draft(answers, token, photos=records))
    if step is CHECK:
        return _send(form, token, photos)
    problems = step_problems(form, step)
    if problems or _shape_errors(form, step):
        return _step_page(form, step, problems=problems, status=422)
    following = CHECK if _changing() else step_after(step)
    return _remembered(redirect(_step_url(following)), save_draft(answers, token, photos=records))


def _photos_after(step: Step, token: str | None):
    """The draft's photos, with what the evidence step sent added (or one removed)."""
    photos = kept_photos(token)
    if step is not EVIDENCE:
        return photos
    return without_photo(store_photos(_chosen_files(), photos), request.form.get("remove_photo"))


def _remembered(response, token: str):
    _remember_draft(response, token)
    return response


def _changing() -> bool:
    """Come from the check page's "修改": the step goes back there when it is done."""
    return request.values.get("change") == "1"


def _step_asked_for(step: Step) -> Step | None:
    """"上一步", or a step of the step bar (intake.js sends the form with its name): saved unchecked."""
    if "back" in request.form:
        return step_before(step)
    wanted = request.form.get("goto")
    return step_named(wanted) if wanted in STEP_NAMES else None


def _shape_errors(form: WorkerComplaintForm, step: Step) -> bool:
    """The form's own checks (a date that is no date) on this step's fields; the others' are dropped."""
    form.validate()
    for name, field in form._fields.items():
        if step is not CHECK and not step.holds(name) and field.type not in ("FieldList", "FormField"):
            field.errors = []
    return bool(field_errors(form))


def _send(form: WorkerComplaintForm, token: str | None, photos) -> object:
    """File the draft. Its answers are checked by file_complaint itself, after the submission key:
    a second tap, whose draft the first one already discarded, finds the case it filed."""
    if form.consent_problems() or _shape_errors(form, CHECK):
        return _step_page(form, CHECK, problems=intake_problems(form), status=422)
    try:
        filed = file_complaint(form.to_payload(), filed_by=_filer(), channel="web", uploads=photo_uploads(photos),
                               submission_key=form.submission_key.data, consents=form.consents())
    except AlreadyFiled as already:
        return _already_filed(already.number, token)
    except ValidationFailed as failure:
        return _step_page(form, CHECK, problems=intake_problems(form) | failure.errors, status=422)
    return _receipt_after(filed, token)


def _step_page(form: WorkerComplaintForm, step: Step, *, problems: dict[str, str] | None = None, status: int = 200,
               restored: bool = False):
    problems = problems or {}
    photo_errors = [message for path, message in problems.items() if path.startswith("evidence")]
    form.attach_errors({path: message for path, message in problems.items() if not path.startswith("evidence")})
    summary = _summary(form, step, photo_errors)
    page = render_template(
        "intake/worker_form.html", form=form, step=step, steps=STEPS, position=STEPS.index(step),
        summary=summary, photo_errors=photo_errors, photos=kept_photos(request.cookies.get(DRAFT_COOKIE)),
        restored=restored, step_url=_step_url, max_photos=MAX_PHOTOS, changing=_changing())
    return page, status


def _summary(form: WorkerComplaintForm, here: Step, photo_errors: list[str]) -> list[tuple[str | None, str]]:
    """Every error of the page, each a link to its field (on this page, or on the step that asks it),
    in the order of the steps (GOV.UK's error summary)."""
    items = [(field_id, text) for field_id, text in field_errors(form)]
    items += [("evidence", message) for message in photo_errors]
    linked = sorted(items, key=lambda item: page_position(item[0]))
    return [(_field_url(here, field_id), text) for field_id, text in linked] + [(None, m) for m in form.form_errors]


def _field_url(here: Step, field_id: str) -> str:
    owner = step_holding(field_id)
    return f"#{field_id}" if owner is here else f"{_step_url(owner, show='errors', change=1)}#{field_id}"


def _step_url(step: Step, **args) -> str:
    if step is CHECK:
        return url_for("intake.check", **args)
    return url_for("intake.step", name=step.name, **args)


def _worker_form(data: MultiDict | None) -> WorkerComplaintForm:
    form = WorkerComplaintForm(formdata=data)
    form.region.choices = region_choices()
    return form


def _keep_submission_key(answers: MultiDict, form: ComplaintForm) -> None:
    """One key per draft, made with it and kept in it: the check page sent twice, or from two tabs
    of the same draft, files one complaint."""
    if not form.submission_key.data:
        form.submission_key.data = form.submission_key.default()
    answers["submission_key"] = form.submission_key.data


def _chosen_files() -> list[Upload]:
    if "files" not in g:
        files = [f for f in request.files.getlist("evidence") if f and f.filename]
        if len(files) > MAX_PHOTOS:
            raise ValidationFailed({"evidence": _("一次最多上传 %(n)d 个文件。", n=MAX_PHOTOS)})
        g.files = [Upload(f.filename, f.read()) for f in files]
    return g.files


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
    """The mediator's form stays one page: staff enter many workers at once (调解仲裁法第十二条)."""
    if not current_user.is_authenticated:
        raise NotAuthenticated(_("请先登录。"))
    if not can_file_for_worker(current_user):
        raise PermissionDenied(_("只有调解员、仲裁员或管理员可以代劳动者登记。"))
    form = ComplaintForm()
    form.region.choices = region_choices()
    if request.method == "GET":
        form.workers.append_entry()
        form.workers.append_entry()
    held = held_photos(request.form.get("held_photos"), current_user.id)
    removed = request.form.get("remove_photo")
    wants_rows = next((field for button, field in EXTRA_ROWS.items() if button in request.form), None)
    if (wants_rows is not None or removed) and _csrf_ok():
        # Not sending yet: the photos chosen so far are stored now, as the browser forgets them.
        if wants_rows is not None:
            getattr(form, wants_rows).append_entry()
        try:
            held = without_photo(store_photos(_chosen_files(), held), removed)
        except ValidationFailed as failure:
            return _staff_page(form, held, photo_errors=_photo_errors(failure.errors)), 422
        return _staff_page(form, held)
    if not form.submission_key.data:
        form.submission_key.data = form.submission_key.default()
    if not form.validate_on_submit():
        if request.method == "GET":
            return _staff_page(form, held)
        if form.csrf_token.errors:  # not this form's own send: nothing is stored for it
            return _staff_page(form, held, failed=True), 422
        return _refused(form, held, {})
    try:
        filed = file_complaint(form.to_payload(), filed_by=current_user, channel="mediator",
                               uploads=photo_uploads(held) + _chosen_files(), submission_key=form.submission_key.data)
    except AlreadyFiled as already:
        return _already_filed(already.number, None)
    except ValidationFailed as failure:
        return _refused(form, held, failure.errors)
    return _receipt_after(filed, None)


def _refused(form: ComplaintForm, held, errors: dict[str, str]):
    """The form again with its errors; the photos chosen with it are kept unless they were the problem."""
    form.attach_errors(errors)
    photo_errors = _photo_errors(errors)
    if not photo_errors:
        try:
            held = store_photos(_chosen_files(), held)
        except ValidationFailed as failure:
            photo_errors = _photo_errors(failure.errors)
    return _staff_page(form, held, failed=True, photo_errors=photo_errors), 422


def _csrf_ok() -> bool:
    try:
        validate_csrf(request.form.get("csrf_token"))
    except CSRFError:
        return False
    return True


def _staff_page(form: ComplaintForm, held, **context):
    return render_template("intake/staff_form.html", form=form, photos=held,
                           held_seal=seal_held_photos(held, current_user.id), **context)


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
        "matter_no": filed.get("matter_no"), "matter_code": matter_code,
        "mediation_due": filed.get("mediation_due"), "acceptance_due": filed.get("acceptance_due")})


def _receipt_after(filed, draft_token: str | None):
    # The code is sealed: the session cookie is signed, not encrypted, and anyone holding it could read it.
    today = local_today()
    session["receipt"] = {
        "case_no": filed.case.case_no if filed.case else None,
        "access_code": seal_for_session(filed.access_code) if filed.access_code else None,
        "matter_no": filed.matter.matter_no if filed.matter else None,
        "matter_code": seal_for_session(filed.matter_access_code) if filed.matter_access_code else None,
        # What happens next and by when: the last day of mediation, and of the inspectorate's decision.
        "mediation_due": _due(case_deadlines(filed.case, today=today), "mediation") if filed.case else None,
        "acceptance_due": _due(matter_deadlines(filed.matter, today=today), "complaint_acceptance")
        if filed.matter else None,
    }
    keep_receipt_instead(draft_token, session["receipt"], timedelta(seconds=RECEIPT_SECONDS))
    response = redirect(url_for("intake.receipt"))
    if draft_token:
        response.delete_cookie(DRAFT_COOKIE)
    return response


def _due(running, kind: str) -> str | None:
    return next((d.due.isoformat() for d in running if d.kind == kind), None)


def _already_filed(case_no: str, draft_token: str | None):
    """The form came again after its complaint was filed: the receipt if this browser still holds it
    (in its session, or in the filed draft when both copies left at once), else the case number and
    how to get a code; never a second case."""
    filed = session.get("receipt")
    if not _receipt_of(filed, case_no) and _receipt_of(kept_receipt(draft_token), case_no):
        filed = session["receipt"] = kept_receipt(draft_token)
    discard_draft(draft_token)
    if _receipt_of(filed, case_no):
        return redirect(url_for("intake.receipt"))
    response = make_response(render_template("intake/already_filed.html", case_no=case_no))
    response.delete_cookie(DRAFT_COOKIE)
    return response


def _receipt_of(filed: object, number: str) -> bool:
    return isinstance(filed, dict) and number in (filed.get("case_no"), filed.get("matter_no"))


def _photo_errors(errors: dict[str, str]) -> list[str]:
    messages = [message for field, message in errors.items() if field.startswith("evidence")]
    if messages:
        messages.append(_("为安全起见，浏览器不会保留已选的照片，请重新选择后再提交。"))
    return messages


def _saved_draft(token: str):
    response = make_response(render_template("intake/draft_saved.html", token=token))
    _remember_draft(response, token)
    return response


def _filer():
    return current_user if current_user.is_authenticated else None


def _remember_draft(response, token: str) -> None:
    response.set_cookie(DRAFT_COOKIE, token, max_age=int(DRAFT_LIFETIME.total_seconds()), httponly=True,
                        samesite="Lax", secure=request.is_secure)
