"""A case's documents over the API: one PDF by kind."""
from __future__ import annotations

from disputes.api import bp
from disputes.api.openapi import CASE_NO, describe, error_answer
from disputes.case_documents.views import pdf_download


@bp.route("/cases/<case_no>/documents/<kind>")
def api_download(case_no: str, kind: str):
    return pdf_download(case_no, kind)


describe("/cases/{case_no}/documents/{kind}", "get", {
        "summary": "A document of the case as PDF",
        "parameters": [CASE_NO, {"name": "kind", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "PDF", "content": {"application/pdf": {}}}, "403": error_answer("not allowed"),
                      "404": error_answer("no such case or kind"), "409": error_answer("not at that stage")}})
