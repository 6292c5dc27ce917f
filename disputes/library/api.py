"""The typical-case library over the API: search and one case."""
from __future__ import annotations

from dataclasses import asdict

from flask import jsonify, request
from flask_login import current_user

from disputes.api import bp
from disputes.api.openapi import TYPICAL_ID, describe, error_answer, json_answer, query_parameters
from disputes.errors import NotFound
from disputes.library.index import search, similar
from disputes.library.queries import SEARCH_PARAMETERS, search_query_from
from disputes.library.records import record_dict
from disputes.library.services import case_or_404
from disputes.permissions import can_read_typical_case
from disputes.validation import whole_number


@bp.route("/typical-cases", methods=["GET"])
def search_typical_cases():
    query = search_query_from(request.args, per_page=_per_page())
    result = search(query)
    return jsonify({
        "total": result.total, "page": result.page, "per_page": result.per_page,
        "results": [{"id": h.id, "title": h.title, "snippet": h.snippet, "outcome": h.outcome,
                     "occupation": h.occupation, "year": h.year, "region": h.region, "score": h.score,
                     "matched_words": h.matched}
                    for h in result.hits],
        "facets": result.facets,
        # The page's notes as data: no case has every word (partial), a did-you-mean, the
        # corrected query actually run when the typed one found nothing (?exact=1 keeps it), and
        # how many results at the end have only some of the words (not counted in total).
        "partial": result.partial, "suggestion": result.suggestion, "corrected_to": result.corrected_to,
        "extended": result.extended,
    })


@bp.route("/typical-cases/<case_id>", methods=["GET"])
def get_typical_case(case_id: str):
    row = case_or_404(case_id)
    if not can_read_typical_case(current_user, row):
        raise NotFound("没有找到该案例。")
    body = record_dict(row) | {"status": row.status}
    if row.status == "published":
        body["similar"] = [asdict(hit) for hit in similar(row.id, limit=5)]
    return jsonify(body)


def _per_page() -> int:
    raw = request.args.get("per_page", "10")
    wanted = whole_number(raw, minimum=1)
    return min(wanted, 100) if wanted is not None else 10


describe("/typical-cases", "get", {
        "summary": "Search the published typical cases", "security": [],
        "parameters": query_parameters(SEARCH_PARAMETERS),
        "responses": {"200": json_answer("total, results, facets"), "422": error_answer("invalid parameter"),
                      "503": error_answer("index being rebuilt")}})
describe("/typical-cases/{case_id}", "get", {
        "summary": "One published typical case", "security": [], "parameters": [TYPICAL_ID],
        "responses": {"200": json_answer("the case"), "404": error_answer("no such case")}})
