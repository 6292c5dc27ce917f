"""A matter's documents for those who may see the matter: the PDF download, and the list the matter
page shows (which documents exist at its stage, and why the others do not yet)."""
from __future__ import annotations

from flask import Response, request
from flask_babel import gettext as _
from flask_login import current_user

from disputes.errors import PermissionDenied
from disputes.inspection import bp
from disputes.inspection.matter_documents import COMPLAINT_NOTICES, document_rows, matter_pdf
from disputes.inspection.services import matter_for


@bp.route("/matters/<matter_no>/documents/<kind>.pdf")
def matter_document(matter_no: str, kind: str):
    return matter_document_download(matter_no, kind)


def matter_document_download(matter_no: str, kind: str) -> Response:
    """The PDF, in ?lang=zh|en or the matter's language; 404 for a matter the caller may not see,
    409 with the reason for a document the matter does not have at its stage."""
    matter = matter_for(current_user, matter_no)
    if current_user.role == "worker" and kind not in COMPLAINT_NOTICES:
        # The order is served on the employer and lists every worker's sum: the complainant gets the
        # notice answering the complaint, and learns the order's outcome on the matter's page.
        raise PermissionDenied(_("整改指令送达用人单位，载有其他劳动者的金额；投诉人可以下载受理或不予受理通知书。"))
    language = request.args.get("lang") if request.args.get("lang") in ("zh", "en") else None
    return Response(matter_pdf(matter, kind, language), mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="{matter.matter_no}-{kind}.pdf"',
        "Cache-Control": "private, no-store",
    })


@bp.context_processor
def _matter_documents():
    # The matter page's list of documents; called by templates/inspection/detail.html.
    return {"matter_documents": document_rows}
