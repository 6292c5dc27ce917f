"""Documents panel actions: HTML preview, PDF download, issuing a new version; and the API download."""
from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.vocabulary import label
from disputes.case_documents import bp
from disputes.case_documents.context import document_context
from disputes.case_documents.services import issue_again_by_hand, pdf_bytes, stage_refusal, worker_pdf
from disputes.cases.presenters import sees_as_worker
from disputes.cases.queries import case_by_number
from disputes.documents import DOCUMENT_KINDS, document_number
from disputes.errors import Conflict
from disputes.permissions import capability_required, require, require_case_visible
from disputes.timekeeping import local_today


@bp.route("/cases/<case_no>/documents/<kind>.pdf")
def download(case_no: str, kind: str):
    return pdf_download(case_no, kind)


@bp.route("/cases/<case_no>/documents/<kind>")
def preview(case_no: str, kind: str):
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    refusal = stage_refusal(case, kind)
    if refusal:
        raise Conflict(refusal)
    context = document_context(case, local_today(), for_worker=sees_as_worker(current_user))
    return render_template("case_documents/preview.html", case=case, kind=kind, title=label(DOCUMENT_KINDS, kind),
                           ctx=context, number=document_number(kind, case.case_no, _short(context.organisation_name)))


@bp.route("/cases/<case_no>/documents/<kind>", methods=["POST"])
@capability_required("issue_document")
def issue_again(case_no: str, kind: str):
    case = case_by_number(case_no)
    require(current_user, "issue_document", case)
    issue_again_by_hand(case, kind, current_user, local_today())
    flash(_("已出具新版本：%(kind)s", kind=DOCUMENT_KINDS[kind]["zh"]), "info")
    return redirect(url_for("cases.detail", case_no=case_no) + "#documents-title")


def pdf_download(case_no: str, kind: str) -> Response:
    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    language = request.args.get("lang") if request.args.get("lang") in ("zh", "en") else None
    data = worker_pdf(case, kind, language) if sees_as_worker(current_user) else pdf_bytes(case, kind, local_today(), language)
    filename = f"{case.case_no}-{kind}.pdf"
    return Response(data, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "private, no-store",
    })


def _short(name: str) -> str:
    return name[:2] if name else "某"
