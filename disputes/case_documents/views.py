"""Documents panel actions: HTML preview, PDF download, issuing a new version; and the API download."""
from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.api import bp as api_bp
from disputes.case_documents import bp
from disputes.case_documents.context import document_context
from disputes.case_documents.services import issue, pdf_bytes, stage_refusal
from disputes.cases.queries import case_by_number
from disputes.documents import DOCUMENT_KINDS, document_number
from disputes.errors import Conflict
from disputes.extensions import db
from disputes.cases.history import record_in_history
from disputes.permissions import CASEWORK_ROLES, require_case_visible, roles_required
from disputes.timekeeping import local_today


@bp.route("/cases/<case_no>/documents/<kind>.pdf")
def download(case_no: str, kind: str):
    return _pdf_response(case_no, kind)


@api_bp.route("/cases/<case_no>/documents/<kind>")
def api_download(case_no: str, kind: str):
    return _pdf_response(case_no, kind)


@bp.route("/cases/<case_no>/documents/<kind>")
def preview(case_no: str, kind: str):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    refusal = stage_refusal(case, kind)
    if refusal:
        raise Conflict(refusal)
    context = document_context(case, local_today())
    return render_template("case_documents/preview.html", case=case, kind=kind, title=DOCUMENT_KINDS[kind]["zh"],
                           ctx=context, number=document_number(kind, case.case_no, _short(context.organisation_name)))


@bp.route("/cases/<case_no>/documents/<kind>", methods=["POST"])
@roles_required(*CASEWORK_ROLES, "admin")
def issue_again(case_no: str, kind: str):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    today = local_today()
    document = issue(case, kind, today, current_user)
    record_in_history(case, "issue_document", current_user, today,
                      data={"documents": [{"kind": kind, "sha256": document.sha256}]})
    db.session.commit()
    flash(_("已出具新版本：%(kind)s", kind=DOCUMENT_KINDS[kind]["zh"]), "info")
    return redirect(url_for("cases.detail", case_no=case_no) + "#documents-title")


def _pdf_response(case_no: str, kind: str) -> Response:
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    language = request.args.get("lang") if request.args.get("lang") in ("zh", "en") else None
    data = pdf_bytes(case, kind, local_today(), language)
    filename = f"{case.case_no}-{kind}.pdf"
    return Response(data, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "private, no-store",
    })


def _short(name: str) -> str:
    return name[:2] if name else "某"
