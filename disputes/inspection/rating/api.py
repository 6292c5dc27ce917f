"""The compliance rating over the API: an employer's rating for a year, rating it, recording the notice
and an objection (on the employer's behalf: it has no account here), deciding the review, and the
joint-sanction (C) and incentive (A) lists as CSV."""
from __future__ import annotations

from typing import Any

from flask import Response, jsonify, request
from flask_login import current_user

from disputes.api import bp
from disputes.api.openapi import describe, error_answer, json_answer, json_body_schema, query_parameters
from disputes.api.requests import json_body
from disputes.inspection.rating import services
from disputes.inspection.rating.notice import notice_download
from disputes.inspection.rating.panel import RatingPanel, rating_panel
from disputes.inspection.rating.record import find_employer
from disputes.models import ComplianceRating, RatingObjection
from disputes.permissions import capability_required
from disputes.timekeeping import local_today
from workflows import compliance_rating as cr


def _answer(key: str, rating: ComplianceRating, status: int = 200):
    panel = rating_panel(key, current_user, period=rating.period_year, region=rating.region_code)
    return jsonify(panel_json(panel)), status


def _in_force(key: str, payload: dict[str, Any]) -> ComplianceRating:
    employer = find_employer(key, current_user, services.parse_region(payload.get("region")))
    return services.rating_in_force(employer, services.parse_period(payload.get("period"), local_today()))


@bp.route("/employers/<path:key>/rating", methods=["GET"])
@capability_required("see_ratings")
def get_employer_rating(key: str):
    panel = rating_panel(key, current_user, period=request.args.get("period"),
                         region=services.parse_region(request.args.get("region")))
    return jsonify(panel_json(panel))


@bp.route("/employers/<path:key>/rating/document", methods=["GET"])
@capability_required("inspect")
def rating_notice_api(key: str):
    return notice_download(key, request.args)


@bp.route("/employers/<path:key>/rating", methods=["POST"])
@capability_required("rate_employers")
def rate_employer_api(key: str):
    payload = json_body()
    employer = find_employer(key, current_user, services.parse_region(payload.get("region")))
    return _answer(key, services.rate_employer(employer, current_user, payload), 201)


@bp.route("/employers/<path:key>/rating/notice", methods=["POST"])
@capability_required("inspect")
def record_rating_notice_api(key: str):
    payload = json_body()
    return _answer(key, services.record_notice(_in_force(key, payload), current_user, payload))


@bp.route("/employers/<path:key>/rating/objection", methods=["POST"])
@capability_required("inspect")
def record_rating_objection_api(key: str):
    payload = json_body()
    objection = services.record_objection(_in_force(key, payload), current_user, payload)
    return _answer(key, objection.rating, 201)


@bp.route("/employers/<path:key>/rating/review", methods=["POST"])
@capability_required("rate_employers")
def decide_rating_review_api(key: str):
    payload = json_body()
    objection = services.decide_review(_in_force(key, payload), current_user, payload)
    return _answer(key, objection.result_rating or objection.rating)


@bp.route("/ratings/export", methods=["GET"])
@capability_required("rate_employers")
def export_ratings_api():
    filename, text = services.export_csv(current_user, request.args)
    return Response(text.encode("utf-8"), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


# ---------------------------------------------------------------------------------------------
# What the API answers.

def objection_json(objection: RatingObjection) -> dict[str, Any]:
    return {
        "id": objection.id, "filed_on": objection.filed_on.isoformat(), "grounds": objection.grounds,
        "in_time": objection.in_time, "status": objection.status, "recorded_on": objection.recorded_on.isoformat(),
        "review_due": objection.review_due.isoformat() if objection.review_due else None,
        "decision": objection.decision, "decided_on": objection.decided_on.isoformat() if objection.decided_on else None,
        "note": objection.note, "excluded": list(objection.excluded or []),
        "result_rating_id": objection.result_rating_id,
    }


def rating_json(rating: ComplianceRating) -> dict[str, Any]:
    return {
        "id": rating.id, "employer_key": rating.employer_key, "employer_name": rating.employer_name,
        "credit_code": rating.credit_code, "region": rating.region_code, "period": rating.period_year,
        "grade": rating.grade, "state": rating.state, "origin": rating.origin, "previous_id": rating.previous_id,
        "version": rating.version, "rated_on": rating.rated_on.isoformat(),
        "notified_on": rating.notified_on.isoformat() if rating.notified_on else None,
        "result": rating.result, "facts": rating.facts,
        "objections": [objection_json(o) for o in rating.objections],
    }


def panel_json(panel: RatingPanel) -> dict[str, Any]:
    employer = panel.employer
    return {
        "employer": {"key": employer.key, "name": employer.name, "credit_code": employer.credit_code,
                     "region": employer.region, "regions": list(employer.regions)},
        "period": panel.period.year,
        "current": rating_json(panel.current) if panel.current is not None else None,
        "preview": panel.preview.as_data() if panel.preview is not None else None,
        "supervision": panel.supervision.as_data() if panel.supervision is not None else None,
        "objection_deadline": panel.objection_deadline.as_data() if panel.objection_deadline else None,
        "review_deadline": panel.review_deadline.as_data() if panel.review_deadline else None,
        "objection_recorded_by": "inspectorate",  # the employer has no account: staff record what it filed
        "trail": [rating_json(r) for r in panel.trail],
        "chain": [{"key": m.key, "name": m.name, "relation": m.relation, "preview": m.preview.as_data(),
                   "rating": rating_json(m.rated) if m.rated is not None else None} for m in panel.chain],
        "chain_basis": cr.CHAIN_BASIS, "chain_note": panel.chain_note,
        "measures_text_found": False,  # 人社部规〔2016〕1号's full text was not found: see each basis
    }


EMPLOYER_KEY = {"name": "key", "in": "path", "required": True, "schema": {"type": "string"},
                "description": "The employer's unified social credit code, else its normalised name"}
PERIOD_BODY = {"period": {"type": "integer", "description": "the record year rated (a year that has ended)"},
               "version": {"type": "integer", "description": "the version of the rating in force, when there is one"},
               "region": {"type": "string", "description": "for callers who see every region"}}
describe("/employers/{key}/rating", "get", {
    "summary": "An employer's compliance rating for a year: the grade with its cited reasons, the grade the rules "
               "give on today's record, the objection window, the trail and the chain",
    "parameters": [EMPLOYER_KEY, *query_parameters(["period", "region"])],
    "responses": {"200": json_answer("the rating panel"), "401": error_answer("not signed in"),
                  "403": error_answer("may not read ratings"), "404": error_answer("no record of the employer"),
                  "422": error_answer("bad year or region")}})


def _describe_action(path: str, summary: str, ok: str, required: list[str], properties: dict, who: str,
                     conflict: str, invalid: str) -> None:
    """One of the POSTs on an employer's rating: they answer with the rating panel, like the GET."""
    describe(path, "post", {
        "summary": summary, "parameters": [EMPLOYER_KEY],
        "requestBody": json_body_schema({"type": "object", "required": ["period", *required],
                                         "properties": {**PERIOD_BODY, **properties}}),
        "responses": {ok: json_answer("the rating panel"), "400": error_answer("not JSON"), "403": error_answer(who),
                      "404": error_answer("no such employer"), "409": error_answer(conflict),
                      "422": error_answer(invalid)}})


DATE = {"type": "string", "format": "date"}
_describe_action("/employers/{key}/rating", "Rate the employer for a year; on a year already rated, re-rate it on "
                 "the facts now on file", "201", [],
                 {"notify": {"type": "boolean", "description": "the employer was told today"},
                  "employer_kind": {"type": "string", "enum": list(cr.EMPLOYER_KINDS)}},
                 "not the head of the inspectorate", "stale version, or an objection under review",
                 "bad year, or not an enterprise")
_describe_action("/employers/{key}/rating/notice", "Record the day the employer was told of its grade (the "
                 "objection window runs from it)", "200", ["version", "notified_on"], {"notified_on": DATE},
                 "not the inspectorate", "not rated, already told, or stale", "bad date")
_describe_action("/employers/{key}/rating/objection", "Record an objection the employer filed, on its behalf (it has "
                 "no account); in time it opens the review, late it is kept on file", "201",
                 ["version", "filed_on", "grounds"], {"filed_on": DATE, "grounds": {"type": "string"}},
                 "not the inspectorate", "not told yet, under review already, reviewed, or stale",
                 "bad date or grounds")
_describe_action("/employers/{key}/rating/review", "Decide the review of the objection: leave out facts found "
                 "recorded in error, or maintain", "200", ["version"],
                 {"exclude": {"type": "array", "items": {"type": "string"},
                              "description": "ids of the rating's facts recorded in error"},
                  "note": {"type": "string"}},
                 "not the head of the inspectorate", "no objection under review, or stale", "unknown facts")
describe("/ratings/export", "get", {
    "summary": "The joint-sanction list (grade C) or joint-incentive list (grade A) of a year, as CSV",
    "parameters": query_parameters(["period", "list"]),
    "responses": {"200": {"description": "CSV (UTF-8 with a BOM)", "content": {"text/csv": {"schema": {"type": "string"}}}},
                  "403": error_answer("not the head of the inspectorate"), "422": error_answer("bad year or list")}})
describe("/employers/{key}/rating/document", "get", {
    "summary": "The rating notice (劳动保障守法诚信等级评价结果告知书) of the year's rating in force, as PDF",
    "parameters": [EMPLOYER_KEY, *query_parameters(["period", "region"]),
                   {"name": "lang", "in": "query", "required": False, "schema": {"type": "string", "enum": ["zh", "en"]}}],
    "responses": {"200": {"description": "PDF", "content": {"application/pdf": {}}},
                  "401": error_answer("not signed in"), "403": error_answer("not the inspectorate"),
                  "404": error_answer("no record of the employer"),
                  "409": error_answer("the year is not rated, or an objection is under review"),
                  "422": error_answer("bad year or region")}})
