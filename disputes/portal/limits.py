"""How fast the portal lets anyone try case numbers and access codes: per address and per case number."""
from __future__ import annotations

from flask import current_app, request

from disputes.api.requests import json_body
from disputes.errors import BadInput


def case_number_key() -> str:
    """Rate-limit key: the case number being tried, so guessing one case's code is slow from anywhere."""
    if request.is_json:
        try:
            source = json_body()
        except BadInput:
            source = {}  # the view answers 400; the key only has to exist
    else:
        source = request.form
    value = source.get("case_no")
    return "case:" + (value.strip()[:20] if isinstance(value, str) else "")


def lookup_limit() -> str:
    return current_app.config["STATUS_LOOKUP_LIMIT"]


def case_limit() -> str:
    return current_app.config["STATUS_LOOKUP_CASE_LIMIT"]
