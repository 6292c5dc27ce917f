"""A matter's documents over the API: one PDF by kind."""
from __future__ import annotations

from disputes.api import bp
from disputes.api.openapi import describe, error_answer
from disputes.documents.matter_render import MATTER_DOCUMENT_KINDS
from disputes.inspection.api import MATTER_NO
from disputes.inspection.document_views import matter_document_download


@bp.route("/inspection/matters/<matter_no>/documents/<kind>")
def api_matter_document(matter_no: str, kind: str):
    return matter_document_download(matter_no, kind)


describe("/inspection/matters/{matter_no}/documents/{kind}", "get", {
        "summary": "A document of the inspection matter as PDF: the acceptance or non-acceptance notice of a "
                   "complaint, or the order to rectify or to pay",
        "parameters": [
            MATTER_NO,
            {"name": "kind", "in": "path", "required": True,
             "schema": {"type": "string", "enum": list(MATTER_DOCUMENT_KINDS)}},
            {"name": "lang", "in": "query", "required": False, "schema": {"type": "string", "enum": ["zh", "en"]}},
        ],
        "responses": {"200": {"description": "PDF", "content": {"application/pdf": {}}},
                      "401": error_answer("not signed in"),
                      "404": error_answer("no such matter or kind, or not yours to see"),
                      "409": error_answer("not at that stage, or not for this matter (a report has no complaint "
                                          "notice)")}})
