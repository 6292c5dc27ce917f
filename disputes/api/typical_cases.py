"""The typical-case library over the API: search, one case, publish and withdraw."""
from __future__ import annotations

from dataclasses import asdict

from flask import jsonify, request
from flask_login import current_user

from disputes.api import bp
from disputes.errors import NotFound
from disputes.library.index import search, similar
from disputes.library.permissions import EDITOR_ROLES, can_read_case
from disputes.library.queries import search_query_from
from disputes.library.records import record_dict
from disputes.library.services import case_or_404, publish, withdraw
from disputes.permissions import roles_required


@bp.route("/typical-cases", methods=["GET"])
def search_typical_cases():
    query = search_query_from(request.args, per_page=_per_page())
    result = search(query)
    return jsonify({
        "total": result.total, "page": result.page, "per_page": result.per_page,
        "results": [{"id": h.id, "title": h.title, "snippet": h.snippet, "outcome": h.outcome,
                     "occupation": h.occupation, "year": h.year, "region": h.region, "score": h.score}
                    for h in result.hits],
        "facets": result.facets,
    })


@bp.route("/typical-cases/<case_id>", methods=["GET"])
def get_typical_case(case_id: str):
    row = case_or_404(case_id)
    if not can_read_case(current_user, row):
        raise NotFound("没有找到该案例。")
    body = record_dict(row) | {"status": row.status}
    if row.status == "published":
        body["similar"] = [asdict(hit) for hit in similar(row.id, limit=5)]
    return jsonify(body)


@bp.route("/typical-cases/<case_id>/publish", methods=["POST"])
@roles_required(*EDITOR_ROLES)
def publish_typical_case(case_id: str):
    row = publish(case_or_404(case_id), current_user)
    return jsonify(record_dict(row) | {"status": row.status})


@bp.route("/typical-cases/<case_id>/withdraw", methods=["POST"])
@roles_required(*EDITOR_ROLES)
def withdraw_typical_case(case_id: str):
    row = withdraw(case_or_404(case_id), current_user)
    return jsonify(record_dict(row) | {"status": row.status})


def _per_page() -> int:
    raw = request.args.get("per_page", "10")
    return min(int(raw), 100) if raw.isascii() and raw.isdigit() and int(raw) > 0 else 10


@bp.route("/cases/<case_no>/publication", methods=["POST"])
@roles_required(*EDITOR_ROLES)
def draft_publication(case_no: str):
    from disputes.cases.queries import case_by_number
    from disputes.library.publication import draft_from_case
    from disputes.permissions import require_case_visible

    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    keep = (request.get_json(silent=True) or {}).get("keep_platform_names", True) if request.is_json else True
    row = draft_from_case(case, current_user, keep_platform_names=keep is not False)
    return jsonify(record_dict(row) | {"status": row.status}), 201
