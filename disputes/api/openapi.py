"""GET /api/v1/openapi.json: the API described for clients and for schemathesis.

Each feature describes its own operations beside its routes in ``<feature>/api.py`` with
``describe``, taking query parameters from the same keys its parser reads, so the document cannot
drift from the code. This module holds the shared pieces and serves the whole.
"""
from __future__ import annotations

from typing import Iterable

from flask import jsonify

from disputes.api import bp

ERRORS = {
    "type": "object",
    "properties": {"error": {"type": "string"}, "errors": {"type": "object", "additionalProperties": {"type": "string"}}},
}
CASE_NO = {"name": "case_no", "in": "path", "required": True, "schema": {"type": "string"}}
TYPICAL_ID = {"name": "case_id", "in": "path", "required": True, "schema": {"type": "string"}}

_PATHS: dict[str, dict[str, dict]] = {}
_SCHEMAS: dict[str, dict] = {"Error": ERRORS}


def error_answer(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def json_body_schema(schema: dict) -> dict:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def json_answer(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"type": "object"}}}}


def query_parameters(names: Iterable[str]) -> list[dict]:
    """Optional string query parameters, one per key the endpoint's parser reads."""
    return [{"name": name, "in": "query", "required": False, "schema": {"type": "string"}} for name in names]


def describe(path: str, method: str, operation: dict) -> None:
    """Add one operation to the document (path as under /api/v1, method in lower case)."""
    if method in _PATHS.get(path, {}):
        raise ValueError(f"{method.upper()} {path} is described twice")
    _PATHS.setdefault(path, {})[method] = operation


def describe_schema(name: str, schema: dict) -> None:
    _SCHEMAS[name] = schema


def document() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Dispute Desk API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "components": {"securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}, "schemas": dict(_SCHEMAS)},
        "security": [{"bearer": []}],
        "paths": {path: dict(_PATHS[path]) for path in sorted(_PATHS)},
    }


@bp.route("/openapi.json")
def openapi_document():
    return jsonify(document())
