"""Evidence on the case page: staff upload files; anyone who may see the case downloads them safely."""
from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.cases.pages import case_page_context
from disputes.cases.queries import case_by_number
from disputes.errors import NotFound, ValidationFailed
from disputes.evidence import bp
from disputes.evidence.services import Upload, add_evidence, evidence_store
from disputes.extensions import db
from disputes.models import Evidence
from disputes.permissions import capability_required, require, require_case_visible


@bp.route("/cases/<case_no>/evidence", methods=["POST"])
@capability_required("add_evidence")
def upload(case_no: str):
    case = case_by_number(case_no)
    require(current_user, "add_evidence", case)
    files = [f for f in request.files.getlist("evidence") if f and f.filename]
    try:
        if not files:
            raise ValidationFailed({"evidence": _("请先选择要上传的文件。")})
        for file in files:
            add_evidence(case, Upload(file.filename, file.read(), request.form.get("description")), by=current_user)
    except ValidationFailed as refused:
        context = case_page_context(case, current_user, failed_event="evidence", errors=refused.errors)
        return render_template("cases/detail.html", **context), 422
    flash(_("已上传 %(n)d 个文件。", n=len(files)), "info")
    return redirect(url_for("cases.detail", case_no=case_no) + "#evidence-title")


@bp.route("/cases/<case_no>/evidence/<int:evidence_id>")
def download(case_no: str, evidence_id: int):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    evidence = db.session.get(Evidence, evidence_id)
    if evidence is None or evidence.case_id != case.id:
        raise NotFound(_("没有找到该证据文件。"))
    return evidence_response(evidence)


def evidence_response(evidence: Evidence) -> Response:
    """The file as an attachment with its sniffed type, sandboxed so a browser never runs it."""
    try:
        data = evidence_store().read(evidence.sha256)
    except FileNotFoundError:
        raise NotFound(_("证据文件不在存储中，请联系管理员从备份恢复。")) from None
    return Response(data, mimetype=evidence.content_type, headers={
        "Content-Disposition": f"attachment; filename*=UTF-8''{_quoted(evidence.original_name)}",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
    })


def _quoted(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")
